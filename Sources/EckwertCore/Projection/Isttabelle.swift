/// The Ist (`ist.csv`) of a model's products as a table by year, product and line, built in one pass over the
/// values, so that the engine reads a product's lines by index instead of looking up each (year, product, line)
/// key. Every value is the one `IstDaten.wert(_:_:_:)` returns.
struct Isttabelle: Sendable {
    /// The years present in the Ist, ascending (as `IstDaten.jahre`).
    let jahre: [Int]
    /// Line key (and `faelle`, and each product's Fallkosten and Erstattung line) → column.
    private let spalten: [String: Int]
    /// Per product of the model: its row (products sharing a number share a row).
    private let zeilen: [Int]
    private let anzahlZeilen: Int
    private let anzahlSpalten: Int
    /// `werte[(jahr · anzahlZeilen + zeile) · spalten + spalte]`; nil where the Ist has no value.
    private var werte: [Double?]

    init(_ m: Planungsmodell) {
        var spalten: [String: Int] = [:]
        func spalte(_ key: String) { if spalten[key] == nil { spalten[key] = spalten.count } }
        for z in m.kontenrahmen.zeilen { spalte(z.key) }
        spalte("faelle")
        for p in m.produkte {
            if let k = p.fallkosten?.konto { spalte(k) }
            if let k = p.erstattung?.konto { spalte(k) }
        }
        var reihe: [String: Int] = [:]
        var zeilen: [Int] = []
        for p in m.produkte {
            if reihe[p.nr] == nil { reihe[p.nr] = reihe.count }
            zeilen.append(reihe[p.nr] ?? 0)
        }
        var jahre = Set<Int>()
        for k in m.ist.werte.keys { jahre.insert(k.jahr) }
        let sortiert = jahre.sorted()
        let jahrIndex = Dictionary(uniqueKeysWithValues: sortiert.enumerated().map { ($1, $0) })
        let S = spalten.count, R = reihe.count
        var werte = [Double?](repeating: nil, count: sortiert.count * R * S)
        for (k, v) in m.ist.werte {
            guard let r = reihe[k.produkt], let s = spalten[k.groesse], let j = jahrIndex[k.jahr] else { continue }
            werte[(j * R + r) * S + s] = v
        }
        self.jahre = sortiert
        self.spalten = spalten
        self.zeilen = zeilen
        anzahlZeilen = R
        anzahlSpalten = S
        self.werte = werte
    }

    /// The column of a line key; nil when the table has none (then ask `IstDaten` directly).
    func spalte(_ key: String) -> Int? { spalten[key] }

    /// The index of a year in `jahre`.
    func jahrIndex(_ jahr: Int) -> Int? { jahre.firstIndex(of: jahr) }

    /// The Ist of product i (model order) in the year of index `j` in column `s`.
    @inline(__always)
    func wert(_ j: Int, _ i: Int, _ s: Int) -> Double? {
        werte[(j * anzahlZeilen + zeilen[i]) * anzahlSpalten + s]
    }

    /// `m.ist.wert(jahr, produkt i, key)`.
    func wert(_ m: Planungsmodell, _ jahr: Int, _ i: Int, _ key: String) -> Double? {
        guard let s = spalten[key] else { return m.ist.wert(jahr, m.produkte[i].nr, key) }
        guard let j = jahrIndex(jahr) else { return nil }
        return wert(j, i, s)
    }
}
