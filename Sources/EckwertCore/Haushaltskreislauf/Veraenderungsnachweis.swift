/// The causes of a change between two states of a model (spec section 14, Veränderungsnachweis). Each groups the
/// inputs that belong to it; the shares come from Shapley values over these groups.
public enum Ursache: String, Sendable, Hashable, CaseIterable {
    /// ist.csv and ansatz.csv: newer or corrected actuals.
    case ist
    /// bevoelkerung.csv and the demographic tables (Sterbetafel, Fruchtbarkeit, Wanderungsprofil, Vorausberechnung,
    /// Bevölkerungshistorie).
    case bevoelkerung
    /// szenarien.yaml: prices, wages, rate trends, migration, measures switched on.
    case annahmen
    /// modell.yaml: products added or removed, drivers, cost bases, measures, investments, Budgetbereiche.
    case struktur

    public var bezeichnung: String {
        switch self {
        case .ist: "Ist-Daten"
        case .bevoelkerung: "Bevölkerung"
        case .annahmen: "Annahmen (Szenarien, Preise, Quoten)"
        case .struktur: "Modellstruktur (Produkte, Treiber, Maßnahmen)"
        }
    }
}

/// Why the Zuschussbedarf changed between an older state ALT and a newer state NEU of a model: per scenario, level
/// and year, and per product and Ergebnisplan line, the change NEU − ALT split into the causes of `Ursache`.
///
/// Method: for each of the 2⁴ subsets S of the causes a hybrid model takes the inputs of the causes in S from NEU and
/// the rest from ALT, and the engine computes it (v(S)). The share of cause i is its Shapley value
/// φᵢ = Σ_{S ⊆ N∖{i}} |S|!·(k−|S|−1)!/k! · (v(S ∪ {i}) − v(S)). The shares add up to v(N) − v(∅) = NEU − ALT, and a
/// cause that is the only difference takes the whole change (every other cause's marginal contributions are 0).
public struct Veraenderungsnachweis: Sendable {
    public struct Posten: Sendable {
        public var szenario: String
        public var ebene: Ebene
        /// The unit's number; for a line `<produkt>/<zeile>`.
        public var nr: String
        public var name: String
        /// Line key for the drill-down to lines; nil for the Zuschussbedarf.
        public var zeile: String?
        public var jahr: Int
        public var alt: Double
        public var neu: Double
        /// Share per cause, in `Ursache.allCases` order; empty where only the total can be compared.
        public var anteile: [Double]
        public var veraenderung: Double { neu - alt }
    }

    public var alt: Planungsmodell.Kennung
    public var neu: Planungsmodell.Kennung
    public var jahre: [Int]
    public var szenarien: [String]
    public var posten: [Posten]
    /// False where the two states cannot be split into causes (other Basisjahr or Kontenrahmen): only the total.
    public var mitUrsachen: Bool
    /// German notes on what could be compared.
    public var hinweise: [String]

    public func posten(_ szenario: String, _ ebene: Ebene, _ nr: String, _ jahr: Int) -> Posten? {
        posten.first {
            $0.szenario == szenario && $0.ebene == ebene && $0.nr == nr && $0.jahr == jahr && $0.zeile == nil
        }
    }

    /// Long format: `veraenderung` and `veraenderung:<ursache>` per scenario, level, unit and year (lines of a
    /// product as `nr=<produkt>/<zeile>`), with `wert_alt` and `wert_neu` beside them.
    public var langzeilen: [Langzeile] {
        var out: [Langzeile] = []
        for p in posten {
            func add(_ g: String, _ w: Double) {
                out.append(Langzeile(szenario: p.szenario, ebene: p.ebene, nr: p.nr, groesse: g, jahr: p.jahr, wert: w))
            }
            add("wert_alt", p.alt)
            add("wert_neu", p.neu)
            add("veraenderung", p.veraenderung)
            for (u, a) in zip(Ursache.allCases, p.anteile) { add("veraenderung:\(u.rawValue)", a) }
        }
        return Langzeile.sortiert(out)
    }
}

extension Planungsmodell {
    /// Name, Basisjahr and state of a model, for documents that compare two.
    public struct Kennung: Sendable {
        public var name: String
        public var kommune: String
        public var basisjahr: Int
        public var planstand: String
        public var pruefsumme: String
    }
    public var kennung: Kennung {
        Kennung(name: name, kommune: kommune, basisjahr: basisjahr, planstand: planstand, pruefsumme: pruefsumme)
    }
}

extension Veraenderungsnachweis {
    struct Schluessel: Hashable {
        var szenario: String
        var ebene: Ebene
        var nr: String
        var zeile: String?
        var jahr: Int
    }

    /// Compares ALT with NEU. With the same Basisjahr and Kontenrahmen, the change is split into causes on the
    /// common forecast years; otherwise only the total change on the common years is given, with a note why.
    public static func rechnen(alt: Planungsmodell, neu: Planungsmodell) -> Veraenderungsnachweis {
        let szenarien = neu.szenarien.map(\.name).filter { alt.szenario($0) != nil }
        let jahre = Array(
            max(alt.basisjahr, neu.basisjahr)
                + 1...max(
                    max(alt.basisjahr, neu.basisjahr) + 1,
                    min(alt.horizont, neu.horizont)))
        var hinweise: [String] = []
        let gleichesSchema =
            alt.kontenrahmen.id == neu.kontenrahmen.id
            && alt.kontenrahmen.zeilen.map(\.key) == neu.kontenrahmen.zeilen.map(\.key)
        if alt.basisjahr != neu.basisjahr {
            hinweise.append(
                "Basisjahr ALT \(alt.basisjahr), NEU \(neu.basisjahr): Ist und Bevölkerung beziehen sich auf "
                    + "verschiedene Stichtage und lassen sich nicht einzeln austauschen. Verglichen wird deshalb nur die "
                    + "Gesamtveränderung des Zuschussbedarfs in den gemeinsamen Prognosejahren "
                    + "\(jahre.first ?? 0)–\(jahre.last ?? 0), ohne Aufteilung nach Ursachen. Für die Ursachen beide Stände "
                    + "mit demselben Basisjahr rechnen.")
        }
        if !gleichesSchema {
            hinweise.append(
                "Kontenrahmen ALT \(alt.kontenrahmen.id), NEU \(neu.kontenrahmen.id): die Zeilen sind nicht "
                    + "dieselben, Ist- und Ansatzzeilen lassen sich nicht zwischen den Ständen austauschen. Verglichen wird "
                    + "nur der Zuschussbedarf (ordentliche Aufwendungen − ordentliche Erträge), ohne Ursachen und ohne Zeilen."
            )
        }
        let mitUrsachen = alt.basisjahr == neu.basisjahr && gleichesSchema
        let namen = einheitsnamen(alt, neu)
        let posten: [Posten]
        if mitUrsachen {
            let k = Ursache.allCases.count
            let v = (0..<(1 << k)).map { werte(hybrid(alt, neu, maske: $0), szenarien, jahre, mitZeilen: true) }
            posten = shapley(v, k: k, namen: namen)
        } else {
            let va = werte(alt, szenarien, jahre, mitZeilen: false), vn = werte(neu, szenarien, jahre, mitZeilen: false)
            posten = Set(va.keys).union(vn.keys).map { s in
                Posten(
                    szenario: s.szenario, ebene: s.ebene, nr: s.nr, name: namen[Name(s.ebene, s.nr)] ?? s.nr,
                    zeile: nil, jahr: s.jahr, alt: va[s] ?? 0, neu: vn[s] ?? 0, anteile: [])
            }
        }
        return Veraenderungsnachweis(
            alt: alt.kennung, neu: neu.kennung, jahre: jahre, szenarien: szenarien,
            posten: sortiert(posten, neu), mitUrsachen: mitUrsachen, hinweise: hinweise)
    }

    /// The model whose inputs of the causes in `maske` (bit i = `Ursache.allCases[i]`) come from NEU, the rest
    /// from ALT; years limited to the common horizon. A product that exists only in the state giving the structure
    /// brings its own Ist, Ansatz and scenario overrides along, so that a product added or removed counts wholly as
    /// structure.
    static func hybrid(_ alt: Planungsmodell, _ neu: Planungsmodell, maske: Int) -> Planungsmodell {
        func aus(_ u: Ursache) -> Planungsmodell {
            let i = Ursache.allCases.firstIndex(of: u) ?? 0
            return maske & (1 << i) != 0 ? neu : alt
        }
        var m = aus(.struktur)
        let s = m
        let i = aus(.ist)
        let nurHier = Set(s.produkte.map(\.nr)).subtracting(i.produkte.map(\.nr))
        m.ist = i.ist
        m.sondereffekte = i.sondereffekte
        m.planung = i.planung
        for (k, w) in s.ist.werte where nurHier.contains(k.produkt) { m.ist.werte[k] = w }
        m.ansatz = i.ansatz
        if let a = s.ansatz {
            var neu = m.ansatz ?? Ansatz(werte: [:])
            for (jahr, ps) in a.werte {
                for nr in nurHier { if let z = ps[nr] { neu.werte[jahr, default: [:]][nr] = z } }
            }
            m.ansatz = m.ansatz == nil && neu.werte.isEmpty ? nil : neu
        }
        let b = aus(.bevoelkerung)
        m.bevoelkerung = b.bevoelkerung
        m.sterbetafel = b.sterbetafel
        m.fruchtbarkeit = b.fruchtbarkeit
        m.wanderung = b.wanderung
        m.vorausberechnung = b.vorausberechnung
        m.bevoelkerungHistorie = b.bevoelkerungHistorie
        let an = aus(.annahmen)
        let ohneAnnahmen = Set(s.produkte.map(\.nr)).subtracting(an.produkte.map(\.nr))
        m.szenarien = an.szenarien.map { sz in
            var sz = sz
            if let eigen = s.szenario(sz.name) {
                for nr in ohneAnnahmen { sz.produkte[nr] = eigen.produkte[nr] }
            }
            return sz
        }
        m.horizont = min(alt.horizont, neu.horizont)
        m.haushaltsjahr = min(m.haushaltsjahr, m.horizont)
        return m
    }

    struct Name: Hashable {
        var ebene: Ebene, nr: String
        init(_ ebene: Ebene, _ nr: String) { self.ebene = ebene; self.nr = nr }
    }

    static func einheitsnamen(_ alt: Planungsmodell, _ neu: Planungsmodell) -> [Name: String] {
        var out: [Name: String] = [:]
        for e in alt.einheiten + neu.einheiten { out[Name(e.ebene, e.nr)] = e.name }
        return out
    }

    /// Zuschussbedarf per scenario, unit and year (and, with `mitZeilen`, every Buchungszeile per product).
    static func werte(
        _ m: Planungsmodell, _ szenarien: [String], _ jahre: [Int], mitZeilen: Bool
    ) -> [Schluessel: Double] {
        var out: [Schluessel: Double] = [:]
        let p = Projektion(m)
        let k = m.kontenrahmen
        let einheiten = m.einheiten.filter { $0.ebene != .gebiet }
        for name in szenarien {
            guard let s = m.szenario(name) else { continue }
            let e = p.rechnen(s)
            for u in einheiten {
                let plan = Teilplan(e, u.produkte, modell: m)
                let z = plan.zuschuss(k)
                for j in jahre {
                    guard let t = e.jahrIndex(j), t < z.count else { continue }
                    out[Schluessel(szenario: name, ebene: u.ebene, nr: u.nr, zeile: nil, jahr: j), default: 0] += z[t]
                    guard mitZeilen, u.ebene == .produkt else { continue }
                    for (zi, zeile) in k.zeilen.enumerated() where !zeile.istSumme && plan.ergebnisplan[zi][t] != 0 {
                        out[
                            Schluessel(szenario: name, ebene: .produkt, nr: u.nr, zeile: zeile.key, jahr: j), default: 0
                        ] += plan.ergebnisplan[zi][t]
                    }
                }
            }
        }
        return out
    }

    /// Shapley values over the k causes from v(S) for every subset S (index = bit mask).
    static func shapley(_ v: [[Schluessel: Double]], k: Int, namen: [Name: String]) -> [Posten] {
        var fak = [1.0]
        for n in 1...k { fak.append(fak[n - 1] * Double(n)) }
        var schluessel = Set<Schluessel>()
        for x in v { schluessel.formUnion(x.keys) }
        var out: [Posten] = []
        let voll = (1 << k) - 1
        for s in schluessel {
            var anteile = [Double](repeating: 0, count: k)
            for i in 0..<k {
                for maske in 0...voll where maske & (1 << i) == 0 {
                    let n = maske.nonzeroBitCount
                    let gewicht = fak[n] * fak[k - n - 1] / fak[k]
                    anteile[i] += gewicht * ((v[maske | (1 << i)][s] ?? 0) - (v[maske][s] ?? 0))
                }
            }
            let nr = s.zeile.map { "\(s.nr)/\($0)" } ?? s.nr
            out.append(
                Posten(
                    szenario: s.szenario, ebene: s.ebene, nr: nr, name: namen[Name(s.ebene, s.nr)] ?? s.nr,
                    zeile: s.zeile, jahr: s.jahr, alt: v[0][s] ?? 0, neu: v[voll][s] ?? 0, anteile: anteile))
        }
        return out
    }

    /// Report order: scenario (model order), level (Gesamthaushalt, Budgetbereiche, …, Produkte), unit in NEU's
    /// order (units only in ALT after them), Zuschussbedarf before lines, year.
    static func sortiert(_ p: [Posten], _ neu: Planungsmodell) -> [Posten] {
        let sRang = Dictionary(neu.szenarien.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let eRang: [Ebene: Int] = [
            .gesamt: 0, .budgetbereich: 1, .produktbereich: 2, .produktgruppe: 3, .produkt: 4, .gebiet: 5,
        ]
        let uRang = Dictionary(
            neu.einheiten.enumerated().map { ("\($1.ebene.rawValue)|\($1.nr)", $0) },
            uniquingKeysWith: { a, _ in a })
        let zRang = Dictionary(
            neu.kontenrahmen.zeilen.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        func einheit(_ x: Posten) -> String { x.zeile == nil ? x.nr : String(x.nr.dropLast((x.zeile?.count ?? 0) + 1)) }
        func key(_ x: Posten) -> [Int] {
            [
                sRang[x.szenario] ?? 99, eRang[x.ebene] ?? 9, uRang["\(x.ebene.rawValue)|\(einheit(x))"] ?? Int.max / 2,
                x.zeile.map { (zRang[$0] ?? 0) + 1 } ?? 0, x.jahr,
            ]
        }
        return p.sorted { a, b in
            let ka = key(a), kb = key(b)
            if ka != kb { return ka.lexicographicallyPrecedes(kb) }
            return a.nr < b.nr
        }
    }
}
