import Foundation

/// How the numbers of an export are written. The mapping file states it; nothing is guessed, so `1.500` in a
/// German file is one thousand five hundred and never 1.5.
public enum Zahlformat: String, Sendable, CaseIterable {
    /// `1.234,56`: dots group thousands (optional), a comma separates the decimals.
    case deutsch
    /// `1,234.56`: commas group thousands (optional), a point separates the decimals.
    case englisch

    var dezimal: UInt8 { self == .deutsch ? 0x2C : 0x2E }
    var tausender: UInt8 { self == .deutsch ? 0x2E : 0x2C }
    var beispiel: String { self == .deutsch ? "1.234,56" : "1,234.56" }
}

/// Exact decimal reading of export numbers into integer hundredths (cents) or whole counts.
public enum ImportZahl {
    /// A number read as hundredths: the value × 100, exact. Accepts a sign in front (`-1.234,56`) or behind
    /// (`1.234,56-`, as SAP writes it), thousands separators in valid groups of three, and at most two decimal
    /// places (further decimal places must be zeros). Returns a German reason when the text is not such a number.
    public static func hundertstel(_ text: String, _ format: Zahlformat) -> Result<Int, Zahlfehler> {
        var b = Array(text.utf8)
        while let f = b.first, f == 0x20 || f == 0x09 || f == 0xA0 { b.removeFirst() }
        while let l = b.last, l == 0x20 || l == 0x09 || l == 0x0D || l == 0x0A { b.removeLast() }
        // A no-break space (UTF-8 C2 A0) around the number, as some exports pad.
        while b.count >= 2 && b[0] == 0xC2 && b[1] == 0xA0 { b.removeFirst(2) }
        while b.count >= 2 && b[b.count - 2] == 0xC2 && b[b.count - 1] == 0xA0 { b.removeLast(2) }
        guard !b.isEmpty else { return .failure(.leer) }
        var negativ = false
        if b[0] == 0x2D || b[0] == 0x2B {
            negativ = b[0] == 0x2D
            b.removeFirst()
        } else if let l = b.last, l == 0x2D {
            negativ = true
            b.removeLast()
        }
        guard !b.isEmpty else { return .failure(.keineZahl) }
        var ganz: [UInt8] = []
        var nachkomma: [UInt8] = []
        var dezimalGesehen = false
        var gruppen: [Int] = [0]
        for c in b {
            if c >= 0x30 && c <= 0x39 {
                if dezimalGesehen { nachkomma.append(c) } else { ganz.append(c); gruppen[gruppen.count - 1] += 1 }
            } else if c == format.dezimal {
                if dezimalGesehen { return .failure(.mehrereDezimaltrenner) }
                dezimalGesehen = true
            } else if c == format.tausender {
                if dezimalGesehen { return .failure(.tausenderNachKomma) }
                gruppen.append(0)
            } else {
                return .failure(.keineZahl)
            }
        }
        if gruppen.count > 1 {
            let ok = gruppen[0] >= 1 && gruppen[0] <= 3 && gruppen.dropFirst().allSatisfy { $0 == 3 }
            if !ok { return .failure(.tausenderGruppen(format)) }
        }
        guard !ganz.isEmpty || !nachkomma.isEmpty else { return .failure(.keineZahl) }
        if dezimalGesehen && nachkomma.isEmpty { return .failure(.keineZahl) }
        if nachkomma.count > 2 {
            if nachkomma.dropFirst(2).contains(where: { $0 != 0x30 }) { return .failure(.zuVieleNachkommastellen) }
            nachkomma.removeLast(nachkomma.count - 2)
        }
        while nachkomma.count < 2 { nachkomma.append(0x30) }
        var wert = 0
        for c in ganz + nachkomma {
            let (m, o1) = wert.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(c - 0x30))
            if o1 || o2 || s > 9_000_000_000_000_000 / 10 { return .failure(.zuGross) }
            wert = s
        }
        return .success(negativ ? -wert : wert)
    }

    /// The largest count of persons one cell of a population table may hold. No Ortsteil has more people; with
    /// it the sums over any table that fits into memory stay exact integers.
    public static let hoechsteAnzahl = 100_000_000

    /// A whole, non-negative count (persons): digits with optional thousands separators of the format, at most
    /// `hoechsteAnzahl`.
    public static func anzahl(_ text: String, _ format: Zahlformat) -> Result<Int, Zahlfehler> {
        switch hundertstel(text, format) {
        case .failure(let f): return .failure(f)
        case .success(let h):
            if h < 0 { return .failure(.negativ) }
            if h % 100 != 0 { return .failure(.keineGanzeZahl) }
            if h / 100 > hoechsteAnzahl { return .failure(.zuVielePersonen) }
            return .success(h / 100)
        }
    }

    /// The largest sum of the amounts of one export, taken absolutely, in hundredths (10 Billionen Euro): no
    /// municipal budget comes near it, every sum the import forms stays an exact integer, and every amount it
    /// writes reads back from the model's CSV to the cent.
    public static let hoechsteBetragssumme = 1_000_000_000_000_000

    /// Hundredths of an amount read from a model CSV file (as `Zahl.parse` gives it), nil when it is not finite or
    /// beyond what an Int holds.
    public static func hundertstel(ausModell w: Double) -> Int? {
        let h = (w * 100).rounded()
        guard h.isFinite, abs(h) < 9.2e18 else { return nil }
        return Int(h)
    }

    /// Hundredths as text in the model's CSV form: `1234` for whole euros, else `1234,56`; a minus in front.
    public static func csvText(_ h: Int) -> String {
        let vz = h < 0 ? "-" : ""
        let a = h.magnitude
        let euro = a / 100, cent = a % 100
        if cent == 0 { return "\(vz)\(euro)" }
        return "\(vz)\(euro)," + (cent < 10 ? "0\(cent)" : "\(cent)")
    }

    /// Hundredths shown German-style for reports: `-1.234,56`.
    public static func anzeige(_ h: Int) -> String {
        let vz = h < 0 ? "-" : ""
        let a = h.magnitude
        var euro = String(a / 100)
        var teile: [String] = []
        while euro.count > 3 {
            teile.insert(String(euro.suffix(3)), at: 0)
            euro.removeLast(3)
        }
        teile.insert(euro, at: 0)
        let cent = a % 100
        return vz + teile.joined(separator: ".") + "," + (cent < 10 ? "0\(cent)" : "\(cent)")
    }

    /// Whole numbers shown German-style: `12.345`.
    public static func anzeigeGanz(_ n: Int) -> String {
        let s = anzeige(n * 100)
        return String(s.dropLast(3))
    }
}

/// Why a cell is not a number of the stated format.
public enum Zahlfehler: Error, Sendable, Equatable {
    case leer, keineZahl, mehrereDezimaltrenner, tausenderNachKomma, tausenderGruppen(Zahlformat)
    case zuVieleNachkommastellen, zuGross, negativ, keineGanzeZahl, zuVielePersonen

    public var text: String {
        switch self {
        case .leer: "leer"
        case .keineZahl: "keine Zahl"
        case .mehrereDezimaltrenner: "mehr als ein Dezimaltrennzeichen"
        case .tausenderNachKomma: "Tausendertrennzeichen nach dem Dezimaltrennzeichen"
        case .tausenderGruppen(let f):
            "Tausendertrennzeichen an falscher Stelle (Zahlenformat \(f.rawValue): z. B. \(f.beispiel))"
        case .zuVieleNachkommastellen: "mehr als zwei Nachkommastellen"
        case .zuGross: "Zahl zu groß"
        case .negativ: "negativ (erwartet eine Anzahl ≥ 0)"
        case .keineGanzeZahl: "keine ganze Zahl (erwartet eine Anzahl Personen)"
        case .zuVielePersonen: "mehr als 100 Millionen Personen – stimmt das Zahlenformat?"
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs; the common case (nothing to trim) costs two byte checks.
    var getrimmt: String {
        let u = utf8
        guard let a = u.first, let z = u.last else { return self }
        let leer: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        if !leer(a) && !leer(z) { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
