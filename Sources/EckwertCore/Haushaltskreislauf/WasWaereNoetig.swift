/// "Was wäre nötig?" — inverse planning: for a Budgetbereich whose forecast exceeds its frame, and for a Ziel the
/// forecast misses, the value of one lever that closes the gap, found by root finding on the engine (status-quo
/// scenario, every other input unchanged), or "nicht erreichbar" with the best value the lever can reach.
public struct WasWaereNoetig: Sendable {
    public enum Hebelart: Sendable, Hashable {
        /// The product's yearly relative change of the rate (`quote_trend`, products with `quote: ist`).
        case quoteTrend(produkt: String)
        /// A measure's scale: its cost and its effect multiplied together (0 = switched off, 1 = as planned).
        case massnahme(id: String)
        /// The budget change of the freiwillige products of a Budgetbereich (−0,1 = 10 % less, quantity follows).
        case freiwilligesBudget(budgetbereich: String)
        /// A Pflicht product's standard: the cost per case (shown for the target year).
        case fallkosten(produkt: String)
    }

    public struct Hebel: Sendable {
        public var art: Hebelart
        public var bezeichnung: String
        /// How the value reads: "Trend p. a.", "Faktor", "Veränderung", "€ je Fall".
        public var einheit: String
        /// The lever's value in the forecast as it stands.
        public var aktuell: Double
        /// The value that closes the gap; nil when it cannot be reached.
        public var noetig: Double?
        /// Where it cannot: the best value within the lever's range, and the gap left there (forecast − target).
        public var bester: Double?
        public var restluecke: Double?
        /// The range searched.
        public var bereich: ClosedRange<Double>
        /// Why not reachable (German), or nil.
        public var hinweis: String?
        public var erreichbar: Bool { noetig != nil }
    }

    public enum Aufgabenart: Sendable, Hashable {
        case rahmen(budgetbereich: String)
        case ziel(id: String)
    }

    public struct Aufgabe: Sendable {
        public var art: Aufgabenart
        public var bezeichnung: String
        public var jahr: Int
        /// The target quantity in the forecast (Zuschussbedarf, or the Kennzahl) and what it should be.
        public var prognose: Double
        public var soll: Double
        /// "€" for a frame, the Kennzahl's Einheit for a Ziel.
        public var einheit: String
        public var hebel: [Hebel]
        public var luecke: Double { prognose - soll }
    }

    public var szenario: String
    public var aufgaben: [Aufgabe]
    /// Why nothing is listed (no frame, no gap, no missed Ziel), German; empty otherwise.
    public var hinweise: [String]
}

extension WasWaereNoetig {
    /// Ranges searched for each lever.
    static let trendBereich: ClosedRange<Double> = -0.3...0.3
    static let budgetBereich: ClosedRange<Double> = -1...1
    static let fallkostenFaktor: ClosedRange<Double> = 0...3

    /// Computes every task of a run's status-quo scenario.
    public static func rechnen(_ e: Planungsergebnis, szenario: String = "status-quo") -> WasWaereNoetig {
        let m = e.modell
        guard let s = m.szenario(szenario), let lauf = e.szenario(szenario) else {
            return WasWaereNoetig(szenario: szenario, aufgaben: [], hinweise: ["Szenario \(szenario) fehlt im Modell."])
        }
        let basis = Basis(m, s)
        var aufgaben: [Aufgabe] = []
        var hinweise: [String] = []
        if let eb = m.eckwertebeschluss {
            for b in m.einheiten(.budgetbereich) {
                let z = Teilplan(lauf, b.produkte, modell: m).zuschuss(m.kontenrahmen)
                let jahre = [m.haushaltsjahr] + Array(m.haushaltsjahr...m.horizont).dropFirst()
                guard
                    let j = jahre.first(where: { j in
                        guard let r = eb.rahmen(b.nr, j), let t = lauf.jahrIndex(j) else { return false }
                        return z[t] - r > 0.5
                    }), let r = eb.rahmen(b.nr, j), let t = lauf.jahrIndex(j)
                else { continue }
                let ziel: (Rechenergebnis) -> Double = { x in
                    (x.jahrIndex(j).map { Teilplan(x, b.produkte, modell: m).zuschuss(m.kontenrahmen)[$0] } ?? 0) - r
                }
                let hebel = hebel(fuer: b.produkte, budgetbereich: b, basis).map {
                    loesen($0, basis, jahr: j, ftol: 0.5, ziel)
                }
                aufgaben.append(
                    Aufgabe(
                        art: .rahmen(budgetbereich: b.nr), bezeichnung: "\(b.nr) \(b.name)", jahr: j,
                        prognose: z[t], soll: r, einheit: "€", hebel: hebel))
            }
            if aufgaben.isEmpty {
                hinweise.append("Kein Budgetbereich überschreitet seinen Rahmen (Szenario \(szenario)).")
            }
        } else {
            hinweise.append("Keine eckwertebeschluss.yaml: ohne Rahmen gibt es keine Deckungslücke.")
        }
        let verfehlt = e.zielerreichung.filter { $0.szenario == szenario && $0.erreicht == false }
        for ze in verfehlt {
            guard let z = m.ziele.first(where: { $0.id == ze.ziel }), let kid = z.kennzahl, let soll = ze.zielwert,
                let wert = ze.wert
            else { continue }
            let produkte: [Int]
            switch z.ebene {
            case .produkt: produkte = m.produkte.indices.filter { m.produkte[$0].nr == z.produkt }
            case .produktgruppe: produkte = m.produktIndizes(unter: z.produkt)
            case .budgetbereich: produkte = m.einheiten(.budgetbereich).first { $0.nr == z.produkt }?.produkte ?? []
            }
            guard let i = produkte.first else { continue }
            let bis = ze.jahr
            let ziel: (Rechenergebnis) -> Double = { x in
                guard let t = x.jahrIndex(bis), let v = Kennzahlrechnung.werte(m, x)[kid]?[t] ?? nil else {
                    return .nan
                }
                return v - soll
            }
            let bb = m.einheiten(.budgetbereich).first { $0.produkte.contains(i) }
            let hebel = hebel(fuer: produkte, budgetbereich: bb, basis).map {
                loesen($0, basis, jahr: bis, ftol: 1e-9 * max(1, abs(soll)), ziel)
            }
            aufgaben.append(
                Aufgabe(
                    art: .ziel(id: z.id), bezeichnung: "\(z.id): \(z.text)", jahr: bis, prognose: wert,
                    soll: soll, einheit: m.kennzahl(kid)?.einheit ?? "", hebel: hebel))
        }
        if verfehlt.isEmpty { hinweise.append("Alle Ziele werden im Szenario \(szenario) erreicht.") }
        return WasWaereNoetig(szenario: szenario, aufgaben: aufgaben, hinweise: hinweise)
    }

    /// What stays fixed while one lever moves: the model, the scenario, its population path and assumptions.
    struct Basis {
        let m: Planungsmodell
        let s: Szenario
        let projektion: Projektion
        let pop: [Bevoelkerung]
        let annahmen: Rechenannahmen
        let lauf: Rechenergebnis
        init(_ m: Planungsmodell, _ s: Szenario) {
            self.m = m
            self.s = s
            projektion = Projektion(m)
            pop = projektion.bevoelkerung(s.bevoelkerung).jahre
            annahmen = Rechenannahmen(modell: m, szenario: s)
            lauf = projektion.rechnen(name: s.name, annahmen: annahmen, bevoelkerung: pop)
        }
    }

    /// The levers that can act on a set of products (and, for the budget of the freiwillige, their Budgetbereich).
    static func hebel(fuer produkte: [Int], budgetbereich: Einheit?, _ b: Basis) -> [Hebelart] {
        let m = b.m
        var out: [Hebelart] = []
        for i in produkte {
            if let fz = m.produkte[i].fallzahl, case .ist = fz.quote {
                out.append(.quoteTrend(produkt: m.produkte[i].nr))
            }
        }
        let nrs = Set(produkte.map { m.produkte[$0].nr })
        for mn in m.massnahmen
        where nrs.contains(mn.produkt) || mn.wirkung.contains(where: { nrs.contains($0.produkt) }) {
            out.append(.massnahme(id: mn.id))
        }
        if let bb = budgetbereich, bb.produkte.contains(where: { m.produkte[$0].art == .freiwillig }),
            produkte.contains(where: { m.produkte[$0].art == .freiwillig })
        {
            out.append(.freiwilligesBudget(budgetbereich: bb.nr))
        }
        for i in produkte
        where m.produkte[i].art == .pflicht && m.produkte[i].fallkosten != nil && b.projektion.kB[i] != nil {
            out.append(.fallkosten(produkt: m.produkte[i].nr))
        }
        return out
    }

    /// The run with the lever at value x.
    static func lauf(_ h: Hebelart, _ x: Double, _ b: Basis) -> Rechenergebnis {
        let m = b.m
        switch h {
        case .quoteTrend(let nr):
            var a = b.annahmen
            if let i = m.produkte.firstIndex(where: { $0.nr == nr }) { a.quoteTrend[i] = x }
            return b.projektion.rechnen(name: b.s.name, annahmen: a, bevoelkerung: b.pop)
        case .massnahme(let id):
            var m2 = m
            var a = b.annahmen
            if let k = m2.massnahmen.firstIndex(where: { $0.id == id }) {
                m2.massnahmen[k].kosten.jaehrlich *= x
                for w in m2.massnahmen[k].wirkung.indices { m2.massnahmen[k].wirkung[w].quote *= x }
                a.massnahmen.insert(id)
            }
            return Projektion(m2).rechnen(name: b.s.name, annahmen: a, bevoelkerung: b.pop)
        case .freiwilligesBudget(let id):
            guard let bb = m.einheiten(.budgetbereich).first(where: { $0.nr == id }) else { return b.lauf }
            var f: [Int: [Double]] = [:]
            for i in bb.produkte where m.produkte[i].art == .freiwillig {
                f[i] = b.lauf.jahre.indices.map { $0 == 0 ? 1 : 1 + x }
            }
            return Eckwerte.skaliert(b.lauf, faktoren: f)
        case .fallkosten(let nr):
            var m2 = m
            if let i = m2.produkte.firstIndex(where: { $0.nr == nr }), let k0 = b.projektion.kB[i] {
                m2.produkte[i].fallkosten?.basis = .betrag(k0 * x)
            }
            return Projektion(m2).rechnen(name: b.s.name, annahmen: b.annahmen, bevoelkerung: b.pop)
        }
    }

    /// Root finding for one lever; `ziel` is the gap (0 = closed) of a run.
    static func loesen(_ h: Hebelart, _ b: Basis, jahr: Int, ftol: Double, _ ziel: (Rechenergebnis) -> Double) -> Hebel
    {
        let m = b.m
        var bezeichnung = "", einheit = "", aktuell = 0.0, bereich: ClosedRange<Double> = 0...1
        var anzeige: (Double) -> Double = { $0 }
        switch h {
        case .quoteTrend(let nr):
            let i = m.produkte.firstIndex { $0.nr == nr } ?? 0
            bezeichnung = "Quote-Trend \(nr) \(m.produkte[i].name)"
            einheit = "Trend p. a."
            aktuell = b.annahmen.quoteTrend[i]
            bereich = trendBereich
        case .massnahme(let id):
            let mn = m.massnahmen.first { $0.id == id }
            bezeichnung = "Maßnahme \(id) \(mn?.name ?? "") (Kosten und Wirkung skaliert)"
            einheit = "Faktor"
            aktuell = b.annahmen.massnahmen.contains(id) ? 1 : 0
            let q = mn?.wirkung.map { abs($0.quote) }.max() ?? 0
            bereich = 0...(q > 0 ? min(10, 0.99 / q) : 10)
        case .freiwilligesBudget(let id):
            bezeichnung = "Budget der freiwilligen Produkte in \(id)"
            einheit = "Veränderung"
            aktuell = 0
            bereich = budgetBereich
        case .fallkosten(let nr):
            let i = m.produkte.firstIndex { $0.nr == nr } ?? 0
            bezeichnung = "Fallkosten \(nr) \(m.produkte[i].name)"
            einheit = "€ je Fall"
            aktuell = 1
            bereich = fallkostenFaktor
            // Shown as the cost per case of the target year: factor × the forecast's cost per case then.
            let k = b.lauf.jahrIndex(jahr).flatMap { t in b.lauf.produkte[i].fallkosten.map { $0[t] } } ?? 0
            anzeige = { f in f * k }
        }
        let r = Nullstelle.suchen(von: bereich.lowerBound, bis: bereich.upperBound, ftol: ftol) { x in
            ziel(lauf(h, x, b))
        }
        var hebel = Hebel(
            art: h, bezeichnung: bezeichnung, einheit: einheit, aktuell: anzeige(aktuell), noetig: nil,
            bester: nil, restluecke: nil, bereich: anzeige(bereich.lowerBound)...anzeige(bereich.upperBound),
            hinweis: nil)
        switch r {
        case .gefunden(let x, _):
            hebel.noetig = anzeige(x)
        case .nichtErreichbar(let x, let fx):
            hebel.bester = anzeige(x)
            hebel.restluecke = fx
            hebel.hinweis = "nicht erreichbar – auch am Rand des Suchbereichs bleibt eine Lücke"
        case .wirkungslos(let fx):
            hebel.restluecke = fx
            hebel.hinweis = "nicht erreichbar – der Hebel verändert die Zielgröße nicht"
        }
        return hebel
    }
}
