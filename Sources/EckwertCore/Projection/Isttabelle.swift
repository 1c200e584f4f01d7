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
    /// `werte[(jahr · anzahlZeilen + zeile) · spalten + spalte]`; `fehlt` where the Ist has no value. Plain
    /// Doubles, not `Double?`, whose stride of 16 bytes doubled the table (the benchmark model's 2.9 MB, first
    /// touched while the projection waits for it: about 700 page faults).
    private var werte: [Double]

    /// The mark of a missing value: a NaN with a payload of its own, compared by its bits. The loaders admit
    /// finite numbers only, so no Ist value is a NaN at all.
    static let fehlt = Double(bitPattern: 0x7FF8_0000_1575_7AFE)

    @inline(__always)
    static func vorhanden(_ v: Double) -> Bool { v.bitPattern != fehlt.bitPattern }

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
        let tafel = m.ist.verzeichnis.flatMap { Self.tafel($0, reihe, spalten) } ?? Self.tafel(m.ist, reihe, spalten)
        let sortiert = tafel.jahre, werte = tafel.werte
        self.jahre = sortiert
        self.spalten = spalten
        self.zeilen = zeilen
        reihen = reihe
        anzahlZeilen = reihe.count
        anzahlSpalten = spalten.count
        self.werte = werte
    }

    /// The years present and the values `[(jahr · R + reihe) · S + spalte]`, from the keys of `ist.werte`. One block
    /// of rows per year from the smallest to the largest year; years without a value are dropped at the end (the
    /// keys are read twice: their years, then their values).
    private static func tafel(
        _ ist: IstDaten, _ reihe: [String: Int], _ spalten: [String: Int]
    ) -> (jahre: [Int], werte: [Double]) {
        var kleinstes = Int.max, groesstes = Int.min
        for k in ist.werte.keys {
            kleinstes = min(kleinstes, k.jahr)
            groesstes = max(groesstes, k.jahr)
        }
        let S = spalten.count, R = reihe.count, block = R * S
        if let spanne = spanne(kleinstes, groesstes) {
            var roh = [Double](repeating: fehlt, count: spanne * block)
            var vorhanden = [Bool](repeating: false, count: spanne)
            let reihen = Textindex(reihe), spaltenindex = Textindex(spalten)
            for (k, v) in ist.werte {
                let d = k.jahr - kleinstes
                vorhanden[d] = true
                guard let r = reihen[k.produkt], let s = spaltenindex[k.groesse] else { continue }
                roh[(d * R + r) * S + s] = v
            }
            return verdichten(roh, vorhanden, kleinstes: kleinstes, block: block)
        }
        let sortiert = Set(ist.werte.keys.map(\.jahr)).sorted()
        let jahrIndex = Dictionary(uniqueKeysWithValues: sortiert.enumerated().map { ($1, $0) })
        var werte = [Double](repeating: fehlt, count: sortiert.count * block)
        for (k, v) in ist.werte {
            guard let r = reihe[k.produkt], let s = spalten[k.groesse], let j = jahrIndex[k.jahr] else { continue }
            werte[(j * R + r) * S + s] = v
        }
        return (sortiert, werte)
    }

    /// As `tafel(_ ist:…)` from the lean reader's numbered Ist: each Produkt and Größe text looked up once, each
    /// value placed by whole numbers. Nil where the years span more than 1000 (then the keys are read).
    private static func tafel(
        _ v: Istverzeichnis, _ reihe: [String: Int], _ spalten: [String: Int]
    ) -> (jahre: [Int], werte: [Double])? {
        guard let kleinstes = v.jahre.min(), let groesstes = v.jahre.max(),
            let spanne = spanne(kleinstes, groesstes)
        else { return nil }
        let S = spalten.count, R = reihe.count, block = R * S
        let reiheJe = v.produkte.map { reihe[$0] ?? -1 }, spalteJe = v.groessen.map { spalten[$0] ?? -1 }
        var roh = [Double](repeating: fehlt, count: spanne * block)
        var vorhanden = [Bool](repeating: false, count: spanne)
        for e in 0..<v.anzahl {
            let d = v.jahre[e] - kleinstes
            vorhanden[d] = true
            let r = reiheJe[Int(v.produktNummern[e])], s = spalteJe[Int(v.groessenNummern[e])]
            guard r >= 0, s >= 0 else { continue }
            roh[(d * R + r) * S + s] = v.werte[e]
        }
        return verdichten(roh, vorhanden, kleinstes: kleinstes, block: block)
    }

    /// The number of years from `kleinstes` to `groesstes` when at most 1000 (one block each is affordable).
    private static func spanne(_ kleinstes: Int, _ groesstes: Int) -> Int? {
        guard kleinstes <= groesstes else { return 0 }
        let d = groesstes.subtractingReportingOverflow(kleinstes)
        return !d.overflow && d.partialValue < 1000 ? d.partialValue + 1 : nil
    }

    /// The blocks of the years that have a value, ascending.
    private static func verdichten(
        _ roh: [Double], _ vorhanden: [Bool], kleinstes: Int, block: Int
    ) -> (jahre: [Int], werte: [Double]) {
        let sortiert = vorhanden.indices.filter { vorhanden[$0] }.map { kleinstes + $0 }
        if sortiert.count == vorhanden.count { return (sortiert, roh) }
        var werte: [Double] = []
        werte.reserveCapacity(sortiert.count * block)
        for j in sortiert { werte += roh[((j - kleinstes) * block)..<((j - kleinstes + 1) * block)] }
        return (sortiert, werte)
    }

    /// The column of a line key; nil when the table has none (then ask `IstDaten` directly).
    func spalte(_ key: String) -> Int? { spalten[key] }

    /// Whether some year of the Ist has a value for product number `produkt` and Größe `groesse`; nil when the
    /// table cannot tell (a number no product of the model has, or a Größe without a column).
    func hatWert(produkt: String, groesse: String) -> Bool? {
        guard let r = reihen[produkt], let s = spalten[groesse] else { return nil }
        for j in jahre.indices where Self.vorhanden(werte[(j * anzahlZeilen + r) * anzahlSpalten + s]) { return true }
        return false
    }

    /// The index of a year in `jahre`.
    func jahrIndex(_ jahr: Int) -> Int? { jahre.firstIndex(of: jahr) }

    /// The Ist of product i (model order) in the year of index `j` in column `s`.
    @inline(__always)
    func wert(_ j: Int, _ i: Int, _ s: Int) -> Double? {
        let v = werte[(j * anzahlZeilen + zeilen[i]) * anzahlSpalten + s]
        return Self.vorhanden(v) ? v : nil
    }

    /// `m.ist.wert(jahr, produkt i, key)`.
    func wert(_ m: Planungsmodell, _ jahr: Int, _ i: Int, _ key: String) -> Double? {
        guard let s = spalten[key] else { return m.ist.wert(jahr, m.produkte[i].nr, key) }
        guard let j = jahrIndex(jahr) else { return nil }
        return wert(j, i, s)
    }
}
