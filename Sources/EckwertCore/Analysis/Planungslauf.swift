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

    /// Runs every scenario, the measures mit/ohne, Kennzahlen, targets, decomposition and (with draws) the
    /// uncertainty. `fortschritt` receives a short German line now and then.
    public static func rechnen(_ m: Planungsmodell, _ o: Optionen = Optionen(),
                               fortschritt: (@Sendable (String) -> Void)? = nil) -> Planungsergebnis {
        let p = Projektion(m)
        let ist = Istrechnung.rechnen(m)
        var laeufe: [Rechenergebnis] = []
        var massnahmen: [Massnahmenbilanz] = []
        var warnungen: [Diagnostic] = []
        var kennzahlen: [String: [String: [Double?]]] = [:]
        var zerlegung: [String: [Zerlegung]] = [:]
        for s in m.szenarien {
            fortschritt?("Szenario \(s.name): Bevölkerung, Fallzahlen, Kosten …")
            let pop = p.bevoelkerung(s.bevoelkerung)
            let e = p.rechnen(name: s.name, annahmen: Rechenannahmen(modell: m, szenario: s), bevoelkerung: pop.jahre,
                              warnungen: pop.warnungen)
            warnungen += pop.warnungen
            laeufe.append(e)
            massnahmen += Massnahmenrechnung.bilanzen(p, szenario: s, bevoelkerung: pop.jahre)
            kennzahlen[s.name] = Kennzahlrechnung.werte(m, e)
            zerlegung[s.name] = Wirkungszerlegung.produkte(m, e)
        }
        let kennzahlenIst = Kennzahlrechnung.werte(m, ist)
        let basisIndex = ist.jahre.firstIndex(of: m.basisjahr)
        let istBasis: [String: Double?] = Dictionary(uniqueKeysWithValues: m.kennzahlen.map { k in
            (k.id, basisIndex.flatMap { kennzahlenIst[k.id]?[$0] ?? nil })
        })
        let erreichung = Smart.erreichung(m, istBasis: istBasis, szenarien: laeufe.map { ($0.szenario, $0.jahre, kennzahlen[$0.szenario] ?? [:]) })
        let smart = Smart.mitR(Smart.pruefen(m), erreichung)
        var unsicherheit: Unsicherheitsergebnis?
        if o.ziehungen > 0 {
            fortschritt?("Unsicherheit: \(o.ziehungen) Ziehungen …")
            unsicherheit = Unsicherheit.rechnen(p, ziehungen: o.ziehungen, seed: o.seed) { fertig, gesamt in
                fortschritt?("  \(fertig) von \(gesamt) Ziehungen")
            }
        }
        return Planungsergebnis(modell: m, ist: ist, szenarien: laeufe, kennzahlenIst: kennzahlenIst,
                                kennzahlen: kennzahlen, smart: smart, zielerreichung: erreichung, massnahmen: massnahmen,
                                zerlegung: zerlegung, unsicherheit: unsicherheit,
                                kapazitaetsbedarfe: Kapazitaetsplanung.bedarfe(m, laeufe),
                                haushaltsausgleich: laeufe.map { Haushaltsausgleich.rechnen(m, $0) }, warnungen: warnungen)
    }
}
