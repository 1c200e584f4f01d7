import EckwertCore

/// How every workbook (Kämmerei, Eckwerte, committee pack) shows amounts: one euro format, one thousand-euro
/// format, one display rounding. With `rundung: tsd-euro` a cell holds euros rounded to 100 € and shows them as
/// `XlsxNumberFormat.thousandEuro` (T€ with one decimal) — the figures the HTML pack prints ("Tsd. Euro", one
/// decimal); a sum formula over such cells is exact.
enum Hausstil {
    /// The number format of an amount cell. `euroZeichen: false` shows whole euros without the € sign (tables
    /// whose heading names the unit).
    static func betragsformat(_ r: Rundung, euroZeichen: Bool = true) -> String {
        r == .tsdEuro ? XlsxNumberFormat.thousandEuro : (euroZeichen ? XlsxNumberFormat.euro : XlsxNumberFormat.integer)
    }

    /// An engine figure rounded once for display: whole euros, or 100 € (one decimal of T€), half away from zero.
    static func anzeige(_ v: Double, _ r: Rundung) -> Double {
        r == .tsdEuro ? Zahlformat.runden(v / 100) * 100 : Zahlformat.runden(v)
    }

    /// A value already rounded in the display unit (T€ with one decimal, or euros) as the euro value of its cell.
    static func zelle(einheitswert x: Double, _ r: Rundung) -> Double {
        r == .tsdEuro ? (x * 10).rounded(.toNearestOrAwayFromZero) * 100 : x
    }
}
