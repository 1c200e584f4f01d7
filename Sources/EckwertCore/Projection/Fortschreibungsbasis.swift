import Foundation

/// The base of every line without a driver (modellformat.md section 15), per product and Ergebnisplan line:
/// - the start value: the Ist of the Basisjahr less its Sondereffekt;
/// - fixed values: with `basis: ansatz` (written, or automatic for a product with an Ansatz but no Ist in the
///   Basisjahr) the Ansatz in each year that has one — also for a single line that has no Ist in the Basisjahr
///   but stands in the Ansatz, so that it is not forecast as 0;
/// - the Fortschreibung after the last fixed year: the scheme's default or the product's `fortschreibung`, with
///   `trend` = the geometric mean yearly growth of the line's Ist (after Sondereffekte) over B−n … B, n ≤ 5 the
///   largest number of years with a positive Ist each, n ≥ 1.
public struct Fortschreibungsbasis: Sendable {
    public struct Linie: Sendable, Hashable {
        /// Ist of the Basisjahr less Sondereffekt (0 without Ist).
        public var start: Double
        /// Per year index 1 … n−1 (index 0 unused): the Ansatz where it is the value; nil where not.
        public var fest: [Double?]?
        public var art: Fortschreibungsart
        /// Yearly growth g for `trend` (0 otherwise) and the number of years n it was measured over.
        public var wachstum: Double
        public var trendjahre: Int
    }

    /// Per product, per Ergebnisplan line (sum lines: start 0, no fixed values, `keine`).
    public var linien: [[Linie]]
    /// Products whose base is the Ansatz and whether that was chosen automatically (no Ist in the Basisjahr).
    public var ansatzbasis: [(produkt: Int, automatisch: Bool)]
    /// Errors (a trend without two positive Ist years).
    public var fehler: [Diagnostic]

    /// The base of model `m` for years Basisjahr … Horizont.
    public init(_ m: Planungsmodell) { self.init(m, Isttabelle(m)) }

    /// As `init(_:)` on the model's Ist already in a table.
    init(_ m: Planungsmodell, _ ist: Isttabelle) {
        let B = m.basisjahr, n = m.horizont - m.basisjahr + 1
        let k = m.kontenrahmen
        var linien: [[Linie]] = [], ansatzbasis: [(Int, Bool)] = [], fehler: [Diagnostic] = []
        let buchungszeilen = k.buchungszeilen
        // Every line key has a column of the Ist table: resolved once per line, not per product and year.
        let spalten = k.zeilen.map { ist.spalte($0.key) }
        let buchungsspalten = buchungszeilen.map { ist.spalte($0) }
        let jB = ist.jahrIndex(B)
        // Per line, resolved once: key, whether a sum line, the scheme's Fortschreibung.
        let keys = k.zeilen.map(\.key), summe = k.zeilen.map(\.istSumme)
        let standardart = k.zeilen.map { Fortschreibungsart($0.fortschreibung) }
        // Line key → its (first) line: the Ansatz of a product is read by its few rows, not by every line's key.
        let zeileJeKey = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        // The fields a product's lines need, read in place (a whole `Produkt` is copied only for a trend's message).
        for i in m.produkte.indices {
            let nr = m.produkte[i].nr, eigeneBasis = m.produkte[i].basis
            let fortschreibung = m.produkte[i].fortschreibung
            let hatIst = buchungszeilen.indices.contains { b in
                guard let s = buchungsspalten[b] else { return ist.wert(m, B, i, buchungszeilen[b]) != nil }
                return jB.flatMap { ist.wert($0, i, s) } != nil
            }
            let hatAnsatz = m.ansatz?.enthaelt(produkt: nr) ?? false
            let basis = eigeneBasis ?? (!hatIst && hatAnsatz ? .ansatz : .ist)
            if basis == .ansatz { ansatzbasis.append((i, eigeneBasis == nil)) }
            // The product's Ansatz per year index (nil: no row in that year) and line, formed once per product
            // (only when a line needs it) from the product's rows.
            var ansatzJahre: [[Double?]?]?
            func ansatzwerte(_ a: Jahreswerte) -> [[Double?]?] {
                if let ansatzJahre { return ansatzJahre }
                let werte = (0..<max(1, n)).map { t -> [Double?]? in
                    guard t > 0, let zeilen = a.produkt(B + t, nr) else { return nil }
                    return Self.jeZeile(zeilen, keys, zeileJeKey)
                }
                ansatzJahre = werte
                return werte
            }
            var zeilen: [Linie] = []
            zeilen.reserveCapacity(keys.count)
            for z in keys.indices {
                guard !summe[z] else {
                    zeilen.append(Linie(start: 0, fest: nil, art: .keine, wachstum: 0, trendjahre: 0))
                    continue
                }
                let key = keys[z]
                let s = spalten[z]
                func istWert(_ j: Int) -> Double? {
                    guard let s else { return ist.wert(m, j, i, key) }
                    if j == B { return jB.flatMap { ist.wert($0, i, s) } }
                    return ist.jahrIndex(j).flatMap { ist.wert($0, i, s) }
                }
                func bereinigt(_ j: Int) -> Double? {
                    istWert(j).map { $0 - (m.sondereffekte?.wert(j, nr, key) ?? 0) }
                }
                var l = Linie(
                    start: bereinigt(B) ?? 0, fest: nil,
                    art: (fortschreibung.isEmpty ? nil : fortschreibung[key]) ?? standardart[z], wachstum: 0,
                    trendjahre: 0)
                // Fixed years: the whole product on the Ansatz, or this line alone when it has no Ist in B.
                let zeileAusAnsatz = basis == .ist && istWert(B) == nil
                if basis == .ansatz || zeileAusAnsatz, let a = m.ansatz {
                    // Formed at the first fixed year: a line without any stays without `fest`.
                    var fest: [Double?]?
                    let jahreswerte = ansatzwerte(a)
                    for t in 1..<max(1, n) {
                        guard let werte = jahreswerte[t], let v = basis == .ansatz ? (werte[z] ?? 0) : werte[z]
                        else { continue }
                        if fest == nil { fest = [Double?](repeating: nil, count: n) }
                        fest?[t] = v
                    }
                    l.fest = fest
                }
                if l.art == .trend {
                    switch Self.trend(m.produkte[i], key, basisjahr: B, bereinigt) {
                    case .success(let t): (l.wachstum, l.trendjahre) = t
                    case .failure(let f):
                        fehler.append(f.diagnostic)
                        l.art = .keine
                    }
                }
                zeilen.append(l)
            }
            linien.append(zeilen)
        }
        self.linien = linien
        self.ansatzbasis = ansatzbasis
        self.fehler = fehler
    }

    /// `zeilen[keys[z]]` for every line z: each row placed by its key's line (a row that is no line is left
    /// out); where two lines had the same key, each of them is looked up.
    static func jeZeile(_ zeilen: [String: Double], _ keys: [String], _ zeileJeKey: [String: Int]) -> [Double?] {
        guard zeileJeKey.count == keys.count else { return keys.map { zeilen[$0] } }
        var werte = [Double?](repeating: nil, count: keys.count)
        for (key, v) in zeilen { if let z = zeileJeKey[key] { werte[z] = v } }
        return werte
    }

    /// A trend line's yearly growth and the number of years it was measured over (see the type's comment), or
    /// the error when the line has no positive Ist (after Sondereffekte) in the Basisjahr and the year before.
    /// `bereinigt(j)` is the line's Ist of year j less its Sondereffekt.
    static func trend(
        _ p: Produkt, _ key: String, basisjahr B: Int, _ bereinigt: (Int) -> Double?
    ) -> Result<(wachstum: Double, jahre: Int), Trendfehler> {
        var jahre = 0
        while jahre < 5, let a = bereinigt(B - jahre - 1), a > 0, let b = bereinigt(B - jahre), b > 0 {
            jahre += 1
        }
        if jahre >= 1, let xB = bereinigt(B), let x0 = bereinigt(B - jahre) {
            return .success((pow(xB / x0, 1 / Double(jahre)) - 1, jahre))
        }
        let werte = (B - 5...B).compactMap { j in bereinigt(j).map { "\(j): \(Datendateien.deutsch($0))" } }
        return .failure(
            Trendfehler(
                diagnostic: .error(
                    p.ort,
                    "Produkt \(p.nr), Zeile \(key): fortschreibung trend braucht ein positives "
                        + "Ist (nach Sondereffekten) im Basisjahr \(B) und im Jahr davor; vorhanden: "
                        + (werte.isEmpty ? "kein Ist" : werte.joined(separator: "; ")))))
    }

    /// A trend that cannot be measured.
    struct Trendfehler: Error {
        let diagnostic: Diagnostic
    }

    /// The factor of one Fortschreibung step into year index t.
    @inline(__always)
    public static func faktor(_ l: Linie, tarif: Double, sachkosten: Double) -> Double {
        faktor(l.art, l.wachstum, tarif: tarif, sachkosten: sachkosten)
    }

    /// As `faktor(_:tarif:sachkosten:)` from the line's kind and growth alone.
    @inline(__always)
    static func faktor(_ art: Fortschreibungsart, _ wachstum: Double, tarif: Double, sachkosten: Double) -> Double {
        switch art {
        case .tarif: 1 + tarif
        case .sachkosten: 1 + sachkosten
        case .keine: 1
        case .trend: 1 + wachstum
        }
    }

    /// The line's values for year indices 0 … n−1 (index 0: the start) under the given yearly rates.
    public static func pfad(_ l: Linie, n: Int, tarif: [Double], sachkosten: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: n)
        var x = l.start
        if n > 0 { out[0] = x }
        for t in 1..<max(1, n) {
            if let f = l.fest?[t] { x = f } else { x *= faktor(l, tarif: tarif[t], sachkosten: sachkosten[t]) }
            out[t] = x
        }
        return out
    }
}
