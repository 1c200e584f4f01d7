/// Everything one `eckwert run` computes, as plain values: the single source of every figure the documents show.
public struct Planungsergebnis: Sendable {
    public var modell: Planungsmodell
    public var ist: Rechenergebnis
    /// One run per scenario, in model order (best, status-quo, worst, …).
    public var szenarien: [Rechenergebnis]
    public var kennzahlenIst: [String: [Double?]]
    /// scenario → Kennzahl id → value per year index of the forecast run (index 0 = Basisjahr).
    public var kennzahlen: [String: [String: [Double?]]]
    public var smart: [SmartPruefung]
    public var zielerreichung: [Zielerreichung]
    public var massnahmen: [Massnahmenbilanz]
    /// scenario → per product.
    public var zerlegung: [String: [Zerlegung]]
    public var unsicherheit: Unsicherheitsergebnis?
    public var kapazitaetsbedarfe: [Kapazitaetsbedarf]
    public var haushaltsausgleich: [Haushaltsausgleich]
    public var warnungen: [Diagnostic]

    public func szenario(_ name: String) -> Rechenergebnis? { szenarien.first { $0.szenario == name } }

    /// The risk buffer of a unit: P90 of its net cost over the draws − its status-quo net cost, per forecast
    /// year; nil when no draws were run (or the model has no status-quo scenario).
    public func risikopuffer(_ einheit: Einheit) -> [Int: Double]? {
        guard let u = unsicherheit, let sq = szenario("status-quo"),
            let ui = u.einheiten.firstIndex(where: { $0.ebene == einheit.ebene && $0.nr == einheit.nr })
        else { return nil }
        let z = zuschuss(sq, einheit)
        var out: [Int: Double] = [:]
        for (ut, j) in u.jahre.enumerated() {
            if let st = sq.jahrIndex(j) { out[j] = u.zuschuss[ui].p90[ut] - z[st] }
        }
        return out
    }

    /// Net cost of a unit per forecast-run year.
    public func zuschuss(_ e: Rechenergebnis, _ einheit: Einheit) -> [Double] {
        Teilplan(e, einheit.produkte, modell: modell).zuschuss(modell.kontenrahmen)
    }
}

public enum Planungslauf {
    public struct Optionen: Sendable {
        public var ziehungen: Int
        public var seed: UInt64
        public init(ziehungen: Int = 0, seed: UInt64 = 20_251_231) { self.ziehungen = ziehungen; self.seed = seed }
    }

    /// The projection phase: one run per scenario, with the population each used.
    public struct Projektionslauf: Sendable {
        public var projektion: Projektion
        public var ist: Rechenergebnis
        public var laeufe: [Rechenergebnis]
        public var bevoelkerungen: [[Bevoelkerung]]
        public var warnungen: [Diagnostic]
        /// The loader's diagnostics (for the one list of warnings).
        public var ladebefunde: [Diagnostic] = []
        /// Per scenario: the reference-population sums of its population (for the measures' runs).
        var bezugssummen: [Bezugssummen] = []
    }

    /// Runs every scenario, the measures mit/ohne, Kennzahlen, targets, decomposition and (with draws) the
    /// uncertainty. `fortschritt` receives a short German line now and then. The phases are public so that the
    /// benchmark times exactly this code.
    /// `ladebefunde` are the loader's diagnostics: their warnings head the run's list (the same list `check` shows).
    /// With draws, `vorDenZiehungen` receives the result without them (every other figure already final), so that
    /// what does not show the draws can start beside them; the returned result is that one plus the draws.
    public static func rechnen(
        _ m: Planungsmodell, _ o: Optionen = Optionen(), ladebefunde: [Diagnostic] = [],
        fortschritt: (@Sendable (String) -> Void)? = nil, vorDenZiehungen: ((Planungsergebnis) -> Void)? = nil
    ) -> Planungsergebnis {
        var l = projizieren(m, fortschritt: fortschritt)
        l.ladebefunde = ladebefunde
        var e = analysieren(l, unsicherheit: nil)
        if o.ziehungen > 0 {
            vorDenZiehungen?(e)
            fortschritt?("Unsicherheit: \(o.ziehungen) Ziehungen …")
            e.unsicherheit = Unsicherheit.rechnen(l.projektion, ziehungen: o.ziehungen, seed: o.seed) {
                fertig, gesamt in
                fortschritt?("  \(fertig) von \(gesamt) Ziehungen")
            }
        }
        return e
    }

    /// Phase 1: population, caseloads, costs for every scenario.
    public static func projizieren(
        _ m: Planungsmodell, fortschritt: (@Sendable (String) -> Void)? = nil
    ) -> Projektionslauf {
        for s in m.szenarien { fortschritt?("Szenario \(s.name): Bevölkerung, Fallzahlen, Kosten …") }
        let szenarien = m.szenarien
        // Each scenario's population and its reference sums need only the model: formed on the second core while
        // the Projektion's tables are built. The selections of the sums are formed once, for both.
        let verzeichnis = Bezugssummen.Verzeichnis(m)
        // Every population path starts with the model's population: its sums are formed once, for the Projektion
        // and each scenario's year 0.
        let basissummen = Bezugssummen(verzeichnis, [m.bevoelkerung])
        let vorlauf = Nebenher { () -> [Bevoelkerungslauf] in
            szenarien.map { s in
                let pop = Projektion.bevoelkerung(m, s.bevoelkerung)
                return Bevoelkerungslauf(
                    jahre: pop.jahre, warnungen: pop.warnungen,
                    summen: Bezugssummen(verzeichnis, pop.jahre, jahr0: basissummen))
            }
        }
        // The Ist run needs only the Ist table: on a second core while the Projektion's other tables are built.
        let isttabelle = Isttabelle(m)
        let istlauf = Nebenher { Istrechnung.rechnen(m, isttabelle) }
        let p = Projektion(m, isttabelle, verzeichnis, basissummen: basissummen)
        let vor = vorlauf.ergebnis()
        let bevoelkerungen = szenarien.indices.map { k -> Bevoelkerungslauf in
            if k < vor.count { return vor[k] }
            let pop = p.bevoelkerung(szenarien[k].bevoelkerung)
            return Bevoelkerungslauf(jahre: pop.jahre, warnungen: pop.warnungen, summen: p.bezugssummen(pop.jahre))
        }
        let annahmen = szenarien.map { Rechenannahmen(modell: m, szenario: $0) }
        // The scenarios are independent of one another and so is each product: every scenario's products in
        // pieces, so that the cores share the work evenly; joined in model order.
        let P = m.produkte.count, teile = P >= 2 ? 2 : 1
        var stuecke = parallelAbbilden(szenarien.count * teile) { k -> [Produktergebnis] in
            let s = k / teile, t = k % teile
            return p.produkte((P * t / teile)..<(P * (t + 1) / teile), annahmen[s], bevoelkerungen[s].summen)
        }
        let ist = istlauf.ergebnis()
        var l = Projektionslauf(projektion: p, ist: ist, laeufe: [], bevoelkerungen: [], warnungen: [])
        for (k, s) in szenarien.enumerated() {
            // The first piece is taken over (not copied), the others appended to it.
            var produkte: [Produktergebnis] = []
            swap(&produkte, &stuecke[k * teile])
            for t in 1..<teile { produkte += stuecke[k * teile + t] }
            let b = bevoelkerungen[k]
            let e = Rechenergebnis(
                szenario: s.name, jahre: p.jahre, bevoelkerung: b.jahre, produkte: produkte, warnungen: b.warnungen)
            l.laeufe.append(e)
            l.bevoelkerungen.append(b.jahre)
            l.warnungen += e.warnungen
            l.bezugssummen.append(b.summen)
        }
        return l
    }

    /// Phase 2: measures mit/ohne, Kennzahlen, targets, decomposition, capacity, Haushaltsausgleich.
    public static func analysieren(_ l: Projektionslauf, unsicherheit: Unsicherheitsergebnis?) -> Planungsergebnis {
        let m = l.projektion.modell
        let szenarien = m.szenarien
        let ebenen = m.umfassungsindex
        // Each scenario's measures, Kennzahlen and decomposition, the Ist's Kennzahlen and the per-run results
        // that need no Kennzahl are independent of one another: computed side by side, taken in model order.
        let teile = parallelAbbilden(szenarien.count + 2) { k -> Analyseteil in
            var teil = Analyseteil()
            if k < szenarien.count {
                let e = l.laeufe[k]
                let summen =
                    k < l.bezugssummen.count ? l.bezugssummen[k] : l.projektion.bezugssummen(l.bevoelkerungen[k])
                teil.massnahmen = Massnahmenrechnung.bilanzen(l.projektion, szenario: szenarien[k], summen: summen)
                teil.kennzahlen = Kennzahlrechnung.werte(m, e, ebenen: ebenen)
                teil.zerlegung = Wirkungszerlegung.produkte(m, e)
            } else if k == szenarien.count {
                teil.kennzahlen = Kennzahlrechnung.werte(m, l.ist, ebenen: ebenen)
            } else {
                teil.plausibilitaet = Plausibilitaet.vorab(m, laeufe: l.laeufe, isttabelle: l.projektion.isttabelle)
                teil.smart = Smart.pruefen(m)
                teil.kapazitaetsbedarfe = Kapazitaetsplanung.bedarfe(m, l.laeufe)
                teil.haushaltsausgleich = l.laeufe.map { Haushaltsausgleich.rechnen(m, $0) }
            }
            return teil
        }
        var massnahmen: [Massnahmenbilanz] = []
        var kennzahlen: [String: [String: [Double?]]] = [:]
        var zerlegung: [String: [Zerlegung]] = [:]
        var kennzahlenJeLauf: [[String: [Double?]]] = []
        for (j, s) in szenarien.enumerated() {
            massnahmen += teile[j].massnahmen
            kennzahlenJeLauf.append(teile[j].kennzahlen)
            kennzahlen[s.name] = kennzahlenJeLauf[j]
            zerlegung[s.name] = teile[j].zerlegung
        }
        let kennzahlenIst = teile[szenarien.count].kennzahlen
        let uebrige = teile[szenarien.count + 1]
        let basisIndex = l.ist.jahre.firstIndex(of: m.basisjahr)
        let istBasis: [String: Double?] = Dictionary(
            uniqueKeysWithValues: m.kennzahlen.map { k in
                (k.id, basisIndex.flatMap { kennzahlenIst[k.id]?[$0] ?? nil })
            })
        let erreichung = Smart.erreichung(
            m, istBasis: istBasis, szenarien: l.laeufe.map { ($0.szenario, $0.jahre, kennzahlen[$0.szenario] ?? [:]) })
        let smart = Smart.mitR(uebrige.smart, erreichung)
        return Planungsergebnis(
            modell: m, ist: l.ist, szenarien: l.laeufe, kennzahlenIst: kennzahlenIst,
            kennzahlen: kennzahlen, smart: smart, zielerreichung: erreichung, massnahmen: massnahmen,
            zerlegung: zerlegung, unsicherheit: unsicherheit,
            kapazitaetsbedarfe: uebrige.kapazitaetsbedarfe,
            haushaltsausgleich: uebrige.haushaltsausgleich,
            warnungen: Plausibilitaet.warnungen(
                m, ladebefunde: l.ladebefunde, laeufe: l.laeufe, ist: l.ist,
                kennzahlen: (
                    kennzahlenIst,
                    l.laeufe.indices.first { l.laeufe[$0].szenario == "status-quo" }.map { kennzahlenJeLauf[$0] }
                ), vorab: uebrige.plausibilitaet))
    }

    /// A scenario's population path with its warnings and reference sums.
    private struct Bevoelkerungslauf: Sendable {
        var jahre: [Bevoelkerung]
        var warnungen: [Diagnostic]
        var summen: Bezugssummen
    }

    /// One worker's share of the analysis (the fields its kind of work fills).
    private struct Analyseteil: Sendable {
        var massnahmen: [Massnahmenbilanz] = []
        var kennzahlen: [String: [Double?]] = [:]
        var zerlegung: [Zerlegung] = []
        var smart: [SmartPruefung] = []
        var kapazitaetsbedarfe: [Kapazitaetsbedarf] = []
        var haushaltsausgleich: [Haushaltsausgleich] = []
        var plausibilitaet: Plausibilitaet.Vorab?
    }
}
