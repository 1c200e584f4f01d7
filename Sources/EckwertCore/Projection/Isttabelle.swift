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
    /// Product number → row.
    private let reihen: [String: Int]
    private let anzahlZeilen: Int
    private let anzahlSpalten: Int
    /// `werte[(jahr · anzahlZeilen + zeile) · spalten + spalte]`; nil where the Ist has no value.
    private var werte: [Double?]

    init(_ m: Planungsmodell) {
        var spalten: [String: Int] = [:]
        func spalte(_ key: String) { if spalten[key] == nil { spalten[key] = spalten.count } }
        for z in m.kontenrahmen.zeilen { spalte(z.key) }
        spalte("faelle")
        var reihe: [String: Int] = [:]
        var zeilen: [Int] = []
        zeilen.reserveCapacity(m.produkte.count)
        for i in m.produkte.indices {
            if let k = m.produkte[i].fallkosten?.konto { spalte(k) }
            if let k = m.produkte[i].erstattung?.konto { spalte(k) }
            let nr = m.produkte[i].nr
            if reihe[nr] == nil { reihe[nr] = reihe.count }
            zeilen.append(reihe[nr] ?? 0)
        }
        // One block of rows per year from the smallest to the largest year; years without a value are dropped at
        // the end (the keys are read twice: their years, then their values).
        var kleinstes = Int.max, groesstes = Int.min
        for k in m.ist.werte.keys {
            kleinstes = min(kleinstes, k.jahr)
            groesstes = max(groesstes, k.jahr)
        }
        let S = spalten.count, R = reihe.count, block = R * S
        let spanne = kleinstes <= groesstes ? groesstes - kleinstes + 1 : 0
        var sortiert: [Int] = []
        var werte: [Double?] = []
        if spanne <= 1000 {
            var roh = [Double?](repeating: nil, count: spanne * block)
            var vorhanden = [Bool](repeating: false, count: spanne)
            let reihen = Textindex(reihe), spaltenindex = Textindex(spalten)
            for (k, v) in m.ist.werte {
                let d = k.jahr - kleinstes
                vorhanden[d] = true
                guard let r = reihen[k.produkt], let s = spaltenindex[k.groesse] else { continue }
                roh[(d * R + r) * S + s] = v
            }
            sortiert = vorhanden.indices.filter { vorhanden[$0] }.map { kleinstes + $0 }
            if sortiert.count == spanne {
                werte = roh
            } else {
                werte.reserveCapacity(sortiert.count * block)
                for j in sortiert { werte += roh[((j - kleinstes) * block)..<((j - kleinstes + 1) * block)] }
            }
        } else {
            sortiert = Set(m.ist.werte.keys.map(\.jahr)).sorted()
            let jahrIndex = Dictionary(uniqueKeysWithValues: sortiert.enumerated().map { ($1, $0) })
            werte = [Double?](repeating: nil, count: sortiert.count * block)
            for (k, v) in m.ist.werte {
                guard let r = reihe[k.produkt], let s = spalten[k.groesse], let j = jahrIndex[k.jahr] else { continue }
                werte[(j * R + r) * S + s] = v
            }
        }
        self.jahre = sortiert
        self.spalten = spalten
        self.zeilen = zeilen
        reihen = reihe
        anzahlZeilen = R
        anzahlSpalten = S
        self.werte = werte
    }

    /// The column of a line key; nil when the table has none (then ask `IstDaten` directly).
    func spalte(_ key: String) -> Int? { spalten[key] }

    /// Whether some year of the Ist has a value for product number `produkt` and Größe `groesse`; nil when the
    /// table cannot tell (a number no product of the model has, or a Größe without a column).
    func hatWert(produkt: String, groesse: String) -> Bool? {
        guard let r = reihen[produkt], let s = spalten[groesse] else { return nil }
        for j in jahre.indices where werte[(j * anzahlZeilen + r) * anzahlSpalten + s] != nil { return true }
        return false
    }

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
