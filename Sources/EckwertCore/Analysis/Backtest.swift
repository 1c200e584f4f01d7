/// Backtest: re-runs the method from an earlier base year using only what was known then —
/// the Ist up to that year and the population of that year from `bevoelkerung_historie.csv` — with the
/// status-quo assumptions, and compares the forecast with what happened.
public struct Backtestergebnis: Sendable {
    public struct Produktzeile: Sendable {
        public var nr: String
        public var name: String
        /// Per compared year: forecast and Ist of cases (nil for products without a driver) and net cost.
        public var faelleprognose: [Double]?
        public var faelleIst: [Double?]
        public var zuschussprognose: [Double]
        public var zuschussIst: [Double?]
        /// Mean absolute percentage error and bias (mean signed percentage error) over the years with an Ist.
        public var mapeFaelle: Double?
        public var biasFaelle: Double?
        public var mapeZuschuss: Double?
        public var biasZuschuss: Double?
    }
    public var ab: Int
    public var jahre: [Int]
    public var produkte: [Produktzeile]
    public var gesamt: Produktzeile
    /// What the backtest could not do and why (a missing file, named with what it must contain).
    public var hinweise: [String] = []
}

public enum Backtest {
    public struct Fehler: Error, Sendable, CustomStringConvertible {
        public var meldung: String
        /// True when the chosen start year itself is the problem (the caller names where it came from).
        public var betrifftStartjahr = false
        public var description: String { meldung }
    }

    public static func rechnen(_ m: Planungsmodell, ab: Int) throws(Fehler) -> Backtestergebnis {
        guard ab < m.basisjahr else {
            throw Fehler(meldung: "das Startjahr muss vor dem Basisjahr \(m.basisjahr) liegen", betrifftStartjahr: true)
        }
        guard m.ist.jahre.contains(ab) else {
            throw Fehler(meldung: "ist.csv enthält das Jahr \(ab) nicht", betrifftStartjahr: true)
        }
        guard let sq = m.szenario("status-quo") else { throw Fehler(meldung: "kein Szenario status-quo") }
        // Driven products need the population of the start year and the cohort tables (an official projection made
        // later would know the future). Without them the lines without a driver are still backtested from the Ist.
        var hinweise: [String] = []
        let pop = m.bevoelkerungHistorie?.jahre[ab]
        if pop == nil {
            let vorhanden =
                m.bevoelkerungHistorie.map { $0.jahre.keys.sorted().map(String.init).joined(separator: ", ") }
                ?? "keine"
            hinweise.append(
                "bevoelkerung_historie.csv enthält das Jahr \(ab) nicht (vorhanden: \(vorhanden)); sie braucht die Spalten "
                    + "jahr;gebiet;geschlecht;alter;anzahl mit jedem Gebiet, Geschlecht (w, m) und Alter 0–100 für \(ab)"
            )
        }
        let fehlend = [
            ("sterbetafel.csv (geschlecht;alter;qx)", m.sterbetafel == nil),
            ("fruchtbarkeit.csv (alter;rate für 15–49)", m.fruchtbarkeit == nil),
            ("wanderung.csv (geschlecht;alter;anteil)", m.wanderung == nil),
        ].filter(\.1).map(\.0)
        if !fehlend.isEmpty {
            hinweise.append(
                "es \(fehlend.count == 1 ? "fehlt" : "fehlen") \(fehlend.joined(separator: ", ")) für die "
                    + "Kohortenmethode, mit der der Backtest die Bevölkerung fortschreibt")
        }
        let mitTreibern = hinweise.isEmpty
        let getrieben = m.produkte.filter { $0.fallzahl != nil }
        if !mitTreibern {
            guard getrieben.count < m.produkte.count else {
                throw Fehler(
                    meldung: "jedes Produkt hat einen Fallzahltreiber: \(hinweise.joined(separator: "; "))",
                    betrifftStartjahr: true)
            }
            if !getrieben.isEmpty {
                hinweise.append(
                    "nachgerechnet sind nur die Produkte ohne Fallzahltreiber (Fortschreibung und Trend aus dem Ist); "
                        + "nicht nachgerechnet: \(getrieben.map { "\($0.nr) \($0.name)" }.joined(separator: ", "))")
            }
        }
        var alt = m
        alt.basisjahr = ab
        alt.horizont = m.basisjahr
        alt.haushaltsjahr = min(ab + 1, m.basisjahr)
        alt.bevoelkerung = pop ?? m.bevoelkerung
        alt.ist = IstDaten(werte: m.ist.werte.filter { $0.key.jahr <= ab }, orte: [:])
        alt.bevoelkerungHistorie = nil
        // Only what was known at the start year: no later plan figures, Sondereffekte up to then.
        alt.ansatz = nil
        alt.planung = nil
        alt.sondereffekte = m.sondereffekte.map { s in
            Jahreswerte(werte: s.werte.filter { $0.key <= ab }, orte: s.orte.filter { $0.key.jahr <= ab })
        }
        for d in Fortschreibungsbasis(alt).fehler {
            hinweise.append("\(d.message) – mit dem Stand \(ab) ohne Fortschreibung gerechnet")
        }
        var s = sq
        s.bevoelkerung.methode = .kohorten
        let p = Projektion(alt)
        let e = p.rechnen(s)
        let jahre = Array((ab + 1)...m.basisjahr)
        let k = m.kontenrahmen
        let zr = k.zuschussrechnung
        /// The Ist Zuschussbedarf of products `nrn` (nil: all) in year j; nil without any Ist.
        func istZuschuss(_ nrn: [String]?, _ j: Int) -> Double? {
            var summe = 0.0, irgendwas = false
            for p in nrn ?? m.produkte.map(\.nr) {
                if zr.addieren(&summe, { m.ist.wert(j, p, $0) }) { irgendwas = true }
            }
            return irgendwas ? summe : nil
        }
        guard zr.definiert else { throw Fehler(meldung: "Kontenrahmen ohne Summen") }
        var zeilen: [Backtestergebnis.Produktzeile] = []
        var gesamtPrognose = [Double](repeating: 0, count: jahre.count)
        for (i, prod) in m.produkte.enumerated() where mitTreibern || prod.fallzahl == nil {
            let erg = e.produkte[i]
            let zp = jahre.indices.map { zr.jahr(erg.ergebnisplan, $0 + 1) }
            for t in zp.indices { gesamtPrognose[t] += zp[t] }
            let zi = jahre.map { istZuschuss([prod.nr], $0) }
            let fp = erg.faelle.map { f in jahre.indices.map { f[$0 + 1] } }
            let fi = jahre.map { m.ist.wert($0, prod.nr, "faelle") }
            let (mz, bz) = fehlermasse(zp, zi)
            let (mf, bf) = fp.map { fehlermasse($0, fi) } ?? (nil, nil)
            zeilen.append(
                .init(
                    nr: prod.nr, name: prod.name, faelleprognose: fp,
                    faelleIst: prod.fallzahl == nil ? jahre.map { _ in nil } : fi,
                    zuschussprognose: zp, zuschussIst: zi, mapeFaelle: prod.fallzahl == nil ? nil : mf,
                    biasFaelle: prod.fallzahl == nil ? nil : bf, mapeZuschuss: mz, biasZuschuss: bz))
        }
        let gi = jahre.map { j in istZuschuss(mitTreibern ? nil : zeilen.map(\.nr), j) }
        let (gm, gb) = fehlermasse(gesamtPrognose, gi)
        let gesamt = Backtestergebnis.Produktzeile(
            nr: "", name: "Gesamthaushalt", faelleprognose: nil,
            faelleIst: jahre.map { _ in nil }, zuschussprognose: gesamtPrognose,
            zuschussIst: gi, mapeFaelle: nil, biasFaelle: nil, mapeZuschuss: gm,
            biasZuschuss: gb)
        var ergebnis = Backtestergebnis(ab: ab, jahre: jahre, produkte: zeilen, gesamt: gesamt)
        ergebnis.hinweise = hinweise
        return ergebnis
    }

    /// The relative error of one year: (forecast − Ist) / |Ist|; nil without an Ist or where it is 0.
    public static func abweichung(_ prognose: Double, _ ist: Double?) -> Double? {
        guard let ist, ist != 0 else { return nil }
        return (prognose - ist) / abs(ist)
    }

    /// MAPE = mean |forecast − Ist| / |Ist|; bias = mean (forecast − Ist) / |Ist|; over years with Ist ≠ 0.
    public static func fehlermasse(_ prognose: [Double], _ ist: [Double?]) -> (Double?, Double?) {
        var a = 0.0, b = 0.0, n = 0
        for (p, i) in zip(prognose, ist) {
            guard let x = abweichung(p, i) else { continue }
            a += abs(x)
            b += x
            n += 1
        }
        return n == 0 ? (nil, nil) : (a / Double(n), b / Double(n))
    }
}
