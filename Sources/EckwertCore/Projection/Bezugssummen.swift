/// The reference-population sums the drivers read (modellformat.md section 5 and 13), computed once per
/// population path instead of once per product, year and Sozialraum.
///
/// Every value is computed with the additions of `Bevoelkerung.summe(von:bis:geschlecht:gebiet:)` in the same
/// order (Sozialraum, sex, age, one running total), so each is bit-identical to the sum it replaces.
struct Bezugssummen: Sendable {
    /// An age range and sex, the part of a `Bezug` that is summed.
    struct Auswahl: Sendable, Hashable {
        var von: Int
        var bis: Int
        var geschlecht: Geschlecht?
    }

    /// Where each product's reference population comes from, fixed by the model.
    struct Verzeichnis: Sendable {
        /// The distinct selections of the drivers, in order of first use.
        var auswahlen: [Auswahl] = []
        /// Per selection: whether some driver also reads it per Sozialraum.
        var jeGebiet: [Bool] = []
        /// The Sozialräume of the model, in the order of bevoelkerung.csv.
        var gebiete: [String] = []
        /// Per product: its selection index (−1: no driver).
        var auswahl: [Int] = []
        /// Per product: −1 city, g ≥ 0 the Sozialraum of `gebiete` (its first occurrence), −2 a Sozialraum the
        /// model does not have (then the population of each year is asked directly).
        var gebiet: [Int] = []

        init(_ m: Planungsmodell) {
            gebiete = m.bevoelkerung.gebiete
            var erster: [String: Int] = [:]
            for (g, id) in gebiete.enumerated() where erster[id] == nil { erster[id] = g }
            var nummern = Erstnummern<Auswahl>()
            // By index, fields in place: iterating the products would copy each whole `Produkt`.
            for i in m.produkte.indices {
                guard let b = m.produkte[i].fallzahl?.bezug else {
                    auswahl.append(-1)
                    gebiet.append(-1)
                    continue
                }
                let a = Auswahl(von: b.von, bis: b.bis, geschlecht: b.geschlecht)
                let (k, neu) = nummern.nummer(a)
                if neu { jeGebiet.append(false) }
                auswahl.append(k)
                if let id = b.gebiet {
                    gebiet.append(erster[id] ?? -2)
                } else {
                    gebiet.append(-1)
                }
                // Small-area forecast, capacity per Sozialraum and a Sozialraum reference read per-area sums.
                if b.gebiet != nil || m.produkte[i].kapazitaet?.plaetzeJeGebiet != nil
                    || !m.sozialraum.faelle.isEmpty
                {
                    jeGebiet[k] = true
                }
            }
            auswahlen = nummern.schluessel
        }
    }

    let verzeichnis: Verzeichnis
    let n: Int
    let anzahlGebiete: Int
    /// City sums: `stadt[a · n + t]`.
    private var stadt: [Double]
    /// Sums per Sozialraum of the model: `proGebiet[(a · n + t) · G + g]` (empty rows for selections not
    /// read per Sozialraum).
    private var proGebiet: [Double]
    /// The population of each year, for Sozialräume the model does not have.
    private let pop: [Bevoelkerung]

    /// `jahr0`: the sums of `[pop[0]]` under the same `v`, already formed (the Basisjahr's population is the same in
    /// every scenario): its values are taken for year index 0 instead of being summed again. The caller vouches
    /// that it is the sums of this `pop[0]`; with another shape it is ignored.
    init(_ v: Verzeichnis, _ pop: [Bevoelkerung], jahr0: Bezugssummen? = nil) {
        verzeichnis = v
        let n = pop.count
        self.n = n
        self.pop = pop
        let G = v.gebiete.count
        anzahlGebiete = G
        let A = v.auswahlen.count
        var stadt = [Double](repeating: 0, count: A * n)
        var proGebiet = [Double](repeating: 0, count: A * n * G)
        var erster = [Int](repeating: 0, count: G)
        for g in 0..<G { erster[g] = v.gebiete.firstIndex(of: v.gebiete[g]) ?? g }
        let eindeutig = erster.indices.allSatisfy { erster[$0] == $0 }
        let basis = jahr0.flatMap { b in
            b.n == 1 && b.anzahlGebiete == G && b.verzeichnis.auswahlen.count == A && b.proGebiet.count == A * G
                ? b : nil
        }
        for t in 0..<n {
            if t == 0, let basis {
                for a in 0..<A {
                    stadt[a * n] = basis.stadt[a]
                    for g in 0..<G { proGebiet[a * n * G + g] = basis.proGebiet[a * G + g] }
                }
                continue
            }
            let p = pop[t]
            // Model Sozialraum g → its index in this year's population (nil: absent, sums to 0).
            let zuordnung: [Int?] = p.gebiete == v.gebiete ? erster.map { $0 } : v.gebiete.map { p.gebietIndex($0) }
            // Same Sozialräume, each once: the city's running total and each Sozialraum's own sum are formed in one
            // pass (two chains of additions side by side, each in its own order).
            let gemeinsam = eindeutig && p.gebiete == v.gebiete
            p.werte.withUnsafeBufferPointer { w in
                for (a, x) in v.auswahlen.enumerated() {
                    let lo = max(0, x.von), hi = min(Alter.max, x.bis)
                    guard lo <= hi else { continue }
                    let ss = x.geschlecht.map { $0.index...$0.index } ?? 0...1
                    if gemeinsam && v.jeGebiet[a] {
                        stadt[a * n + t] = Self.zugleich(w, G, ss, lo, hi) { g, s in proGebiet[(a * n + t) * G + g] = s
                        }
                        continue
                    }
                    var total = 0.0
                    for g in p.gebiete.indices { total = Bevoelkerung.addieren(total, w, gebiet: g, ss, lo, hi) }
                    stadt[a * n + t] = total
                    guard v.jeGebiet[a] else { continue }
                    for g in 0..<G {
                        guard let pg = zuordnung[g] else { continue }
                        proGebiet[(a * n + t) * G + g] = Bevoelkerung.addieren(0, w, gebiet: pg, ss, lo, hi)
                    }
                }
            }
        }
        self.stadt = stadt
        self.proGebiet = proGebiet
    }

    /// The city's sum over Sozialräume 0 ..< G (one running total) and, handed to `jeGebiet`, each Sozialraum's
    /// own sum from 0: the additions of `Bevoelkerung.addieren` in its order (sex, age) for both.
    @inline(__always)
    static func zugleich(
        _ w: UnsafeBufferPointer<Double>, _ G: Int, _ ss: ClosedRange<Int>, _ lo: Int, _ hi: Int,
        _ jeGebiet: (Int, Double) -> Void
    ) -> Double {
        var total = 0.0
        for g in 0..<G {
            var eigen = 0.0
            for s in ss {
                let basis = Bevoelkerung.index(gebiet: g, geschlecht: s, alter: 0)
                for a in lo...hi {
                    let x = w[basis + a]
                    total += x
                    eigen += x
                }
            }
            jeGebiet(g, eigen)
        }
        return total
    }

    /// The sums per Sozialraum of product i's selection, `block[t · G + g]` = `gebiet(i, g, t)`.
    @inline(__always)
    func gebietsblock<Wert>(_ i: Int, _ body: (UnsafeBufferPointer<Double>) -> Wert) -> Wert {
        let laenge = n * anzahlGebiete, anfang = verzeichnis.auswahl[i] * laenge
        precondition(anfang >= 0 && anfang + laenge <= proGebiet.count, "Bezugssummen: Auswahl außerhalb")
        return proGebiet.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[anfang..<(anfang + laenge)])) }
    }

    /// Product i's reference population in year index t, as `pop[t].summe(bezug)`.
    @inline(__always)
    func produkt(_ i: Int, _ bezug: Bezug, _ t: Int) -> Double {
        let a = verzeichnis.auswahl[i], g = verzeichnis.gebiet[i]
        if g == -1 { return stadt[a * n + t] }
        if g >= 0 { return proGebiet[(a * n + t) * anzahlGebiete + g] }
        return pop[t].summe(bezug)
    }

    /// Product i's reference population restricted to Sozialraum g of the model (its age range and sex), as
    /// `pop[t].summe(bezug)` with `bezug.gebiet` set to that Sozialraum.
    @inline(__always)
    func gebiet(_ i: Int, _ g: Int, _ t: Int) -> Double {
        proGebiet[(verzeichnis.auswahl[i] * n + t) * anzahlGebiete + g]
    }
}
