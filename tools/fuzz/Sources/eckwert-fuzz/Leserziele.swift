import EckwertCore

// The model's own readers: the CSV reader with the data-file readers behind it, and the formula parser with its
// evaluation and its round trip through the formula text.

/// CSV bytes through `CSV.lesen` and the readers of ist.csv, bevoelkerung.csv, wanderung.csv and sterbetafel.csv.
struct CSVZiel: Ziel {
    mutating func pruefen(_ d: [UInt8]) {
        guard let t = try? CSV.lesen(d, datei: "fuzz.csv") else { return }
        _ = Datendateien.ist(t)
        _ = Datendateien.bevoelkerung(t)
        _ = Datendateien.wanderung(t)
        _ = Datendateien.sterbetafel(t)
        for z in t.rows.prefix(50) { for f in z.fields { _ = Zahl.parse(f); _ = Zahl.parseInt(f) } }
    }
}

/// A formula: parsed, evaluated against fixed values, and its written form parsed again to the same text.
struct FormelZiel: Ziel {
    private struct Festwerte: Formelkontext {
        func faelle(_ p: String) -> Double? { Double(p.utf8.count) }
        func aufwand(_ p: String) -> Double? { 1 }
        func ertrag(_ p: String) -> Double? { 0 }
        func fallkosten(_ p: String) -> Double? { nil }
        func zeile(_ p: String, _ key: String) -> Double? { 2 }
        func bev(_ auswahl: BevAuswahl) -> Double? { 0 }
        func plaetze(_ p: String) -> Double? { 3 }
        func luecke(_ p: String) -> Double? { 0 }
        func kennzahl(_ id: String) -> Double? { nil }
    }

    mutating func pruefen(_ d: [UInt8]) {
        guard let a = try? Formelparser.parse(String(decoding: d, as: UTF8.self)) else { return }
        _ = a.wert(in: Festwerte())
        _ = a.aufrufe
        _ = try? Formelparser.parse(a.text)
    }
}
