/// The figures of the Eckwertebeschluss, computed from one `Planungsergebnis`: per Budgetbereich
/// the Ist of the Basisjahr, the Ansatz of Basisjahr + 1, and the Eckwert (Zuschussbedarf = ordentliche
/// Aufwendungen − ordentliche Erträge) of the Haushaltsjahr and the following years per scenario, each split into
/// Pflicht (fremdbestimmt) and freiwillig (steuerbar); the risk buffer P90 − status quo where draws were run;
/// the investments; and the three KGSt questions (what is fixed, which Ziele are reached at a constant budget,
/// which at the budget variants of the steuerbare products).
///
/// Plain values, unrounded; the workbook only lays them out.
public struct Eckwerte: Sendable {
    /// Pflicht / freiwillig parts of one figure (the total is their sum).
    public struct Aufteilung: Sendable, Hashable {
        public var pflicht: Double
        public var freiwillig: Double
        public var gesamt: Double { pflicht + freiwillig }
    }

    /// Eckwerte of one unit in one scenario, per Eckwert year (Haushaltsjahr … Horizont).
    public struct Reihe: Sendable {
        public var pflicht: [Double]
        public var freiwillig: [Double]
        public var gesamt: [Double] { zip(pflicht, freiwillig).map { $0 + $1 } }
    }

    /// Investment flows of a unit per investment year (Basisjahr + 1 … Horizont).
    public struct Investitionsreihe: Sendable {
        public var auszahlungen: [Double]
        public var foerdermittel: [Double]
        public var eigenanteil: [Double] { zip(auszahlungen, foerdermittel).map { $0 - $1 } }
    }

    public struct Bereich: Sendable {
        public var einheit: Einheit
        /// Zuschussbedarf in the Basisjahr (Ist).
        public var ist: Aufteilung
        /// Zuschussbedarf of the Ansatz (Basisjahr + 1); nil without `ansatz.csv`.
        public var ansatz: Aufteilung?
        /// Scenario name → Eckwerte per Eckwert year.
        public var eckwerte: [String: Reihe]
        /// P90 − status quo of the Zuschussbedarf per Eckwert year; nil without draws (or without a status-quo run).
        public var risikopuffer: [Double]?
        public var investitionen: Investitionsreihe
        /// Zuschussbedarf of the Planung der Kämmerei per Eckwert year; nil in a year without Planung for the unit.
        public var planung: [Double?] = []

        /// Pflicht share of the Zuschussbedarf per Eckwert year (KGSt question a); nil where the total is 0.
        public func pflichtanteil(_ szenario: String) -> [Double?] {
            guard let r = eckwerte[szenario] else { return [] }
            return zip(r.pflicht, r.gesamt).map { $1 != 0 ? $0 / $1 : nil }
        }
    }

    /// One re-evaluation for KGSt questions b and c.
    public struct Budgetrechnung: Sendable {
        public enum Art: Sendable, Hashable {
            /// The forecast as computed (for comparison).
            case prognose
            /// Each freiwillige product's net cost held at its Ansatz (or Basisjahr Ist) in every forecast year.
            case konstant
            /// Each freiwillige product's net cost = forecast × (1 + v) in every forecast year.
            case variante(Double)
        }
        public var art: Art
        /// Scenario name → Budgetbereich index (as in `bereiche`) → freiwillig Zuschussbedarf per Eckwert year.
        public var freiwillig: [String: [[Double]]]
        /// Attainment of every Ziel per scenario under this rule.
        public var zielerreichung: [Zielerreichung]
    }

    /// Haushaltsjahr … Horizont.
    public var jahre: [Int]
    /// Basisjahr + 1 … Horizont.
    public var investitionsjahre: [Int]
    /// Scenario names in model order.
    public var szenarien: [String]
    /// The Budgetbereiche in model order (every product lies in exactly one, so they sum to the Gesamthaushalt).
    public var bereiche: [Bereich]
    public var gesamt: Bereich
    /// Draws behind the risk buffer (0 = none run).
    public var ziehungen: Int
    /// Prognose, konstantes Budget, then one per `modell.budgetvarianten`.
    public var budgetrechnungen: [Budgetrechnung]

    /// The rules of KGSt questions b and c, in German, for the sheet.
    public static let regelKonstant =
        "„Konstantes Budget“: Der Zuschussbedarf jedes freiwilligen (steuerbaren) Produkts bleibt in jedem Planjahr auf "
        + "seinem Ansatz des Jahres nach dem Basisjahr (ohne Ansatz: auf dem Ist des Basisjahres). Die Leistungsmenge folgt "
        + "dem Budget: alle Zeilen des Teilergebnisplans und die Fallzahlen des Produkts werden mit dem Faktor "
        + "konstantes Budget ÷ prognostiziertes Budget multipliziert, die Fallkosten bleiben. Kennzahlen und Ziele werden "
        + "damit neu berechnet. Pflichtprodukte bleiben wie prognostiziert."
    public static let regelVariante =
        "„Budgetvariante v“: Der Zuschussbedarf jedes freiwilligen (steuerbaren) Produkts wird in jedem Planjahr auf "
        + "Prognose × (1 + v) gesetzt; die Leistungsmenge folgt dem Budget (Zeilen und Fallzahlen × (1 + v), Fallkosten "
        + "unverändert). Kennzahlen und Ziele werden damit neu berechnet. Pflichtprodukte bleiben wie prognostiziert."

    /// Computes the Eckwerte of a run.
    public static func rechnen(_ e: Planungsergebnis) -> Eckwerte {
        let m = e.modell
        let jahre = Array(m.haushaltsjahr...max(m.haushaltsjahr, m.horizont))
        let invJahre = Array(m.prognosejahre)
        let istT = e.ist.jahrIndex(m.basisjahr)
        let istZ = Self.zuschussJeProdukt(e.ist, m)
        let zr = m.kontenrahmen.zuschussrechnung
        let ansatzZ = m.produkte.indices.map { Self.ansatzZuschuss(m, $0, jahr: nil, zr) }
        let prognose = Dictionary(
            uniqueKeysWithValues: e.szenarien.map { ($0.szenario, Self.zuschussJeProdukt($0, m)) })
        let buchungen = m.investitionen.map { inv in
            (
                inv,
                Investitionsrechnung.buchung(
                    inv, basisjahr: m.basisjahr, n: m.horizont - m.basisjahr + 1,
                    sachkosten: Array(repeating: 0, count: m.horizont - m.basisjahr + 1))
            )
        }

        func bereich(_ einheit: Einheit) -> Bereich {
            func teile(_ wert: (Int) -> Double) -> Aufteilung {
                var a = Aufteilung(pflicht: 0, freiwillig: 0)
                for i in einheit.produkte {
                    if m.produkte[i].art == .pflicht { a.pflicht += wert(i) } else { a.freiwillig += wert(i) }
                }
                return a
            }
            let ist = teile { i in istT.map { istZ[i][$0] } ?? 0 }
            let ansatz: Aufteilung? = m.ansatz == nil ? nil : teile { i in ansatzZ[i] ?? 0 }
            var eckwerte: [String: Reihe] = [:]
            for l in e.szenarien {
                let z = prognose[l.szenario] ?? []
                var r = Reihe(pflicht: [], freiwillig: [])
                for j in jahre {
                    let a = teile { i in l.jahrIndex(j).map { z[i][$0] } ?? 0 }
                    r.pflicht.append(a.pflicht)
                    r.freiwillig.append(a.freiwillig)
                }
                eckwerte[l.szenario] = r
            }
            let puffer = e.risikopuffer(einheit).map { p in jahre.map { p[$0] ?? 0 } }
            var inv = Investitionsreihe(
                auszahlungen: Array(repeating: 0, count: invJahre.count),
                foerdermittel: Array(repeating: 0, count: invJahre.count))
            for (i, b) in buchungen {
                guard let p = m.produkte.firstIndex(where: { $0.nr == i.produkt }), einheit.produkte.contains(p) else {
                    continue
                }
                for (k, j) in invJahre.enumerated() where j - m.basisjahr < b.auszahlungen.count {
                    inv.auszahlungen[k] += b.auszahlungen[j - m.basisjahr]
                    inv.foerdermittel[k] += b.foerdermittel[j - m.basisjahr]
                }
            }
            return Bereich(
                einheit: einheit, ist: ist, ansatz: ansatz, eckwerte: eckwerte, risikopuffer: puffer,
                investitionen: inv,
                planung: jahre.map { m.planZuschuss(m.planung, produkte: einheit.produkte, jahr: $0) })
        }

        let bbEinheiten = m.einheiten(.budgetbereich)
        let bereiche = bbEinheiten.map(bereich)
        let gesamt = bereich(
            m.einheiten(.gesamt).first
                ?? Einheit(ebene: .gesamt, nr: "", name: "Gesamthaushalt", produkte: Array(m.produkte.indices)))

        // KGSt b and c.
        let basisIndex = e.ist.jahrIndex(m.basisjahr)
        let istBasis: [String: Double?] = Dictionary(
            uniqueKeysWithValues: m.kennzahlen.map { k in
                (k.id, basisIndex.flatMap { e.kennzahlenIst[k.id]?[$0] ?? nil })
            })
        let freiwillige = m.produkte.indices.filter { m.produkte[$0].art == .freiwillig }
        var rechnungen: [Budgetrechnung] = []
        let arten: [Budgetrechnung.Art] = [.prognose, .konstant] + m.budgetvarianten.map { .variante($0) }
        for art in arten {
            var freiwillig: [String: [[Double]]] = [:]
            var laeufe: [(name: String, jahre: [Int], werte: [String: [Double?]])] = []
            for l in e.szenarien {
                let z = prognose[l.szenario] ?? []
                var faktoren: [Int: [Double]] = [:]
                for i in freiwillige {
                    faktoren[i] = l.jahre.indices.map { t in
                        guard t > 0 else { return 1 }
                        switch art {
                        case .prognose: return 1
                        case .variante(let v): return 1 + v
                        case .konstant:
                            let basis = ansatzZ[i] ?? istT.map { istZ[i][$0] } ?? z[i][0]
                            let p = z[i][t]
                            return p > 0 && basis >= 0 ? basis / p : 1
                        }
                    }
                }
                let neu = art == .prognose ? l : Self.skaliert(l, faktoren: faktoren)
                let zn = Self.zuschussJeProdukt(neu, m)
                freiwillig[l.szenario] = bbEinheiten.map { b in
                    jahre.map { j in
                        guard let t = neu.jahrIndex(j) else { return 0 }
                        return b.produkte.filter { m.produkte[$0].art == .freiwillig }.reduce(0) { $0 + zn[$1][t] }
                    }
                }
                let werte =
                    art == .prognose
                    ? (e.kennzahlen[l.szenario] ?? Kennzahlrechnung.werte(m, l))
                    : Kennzahlrechnung.werte(m, neu)
                laeufe.append((l.szenario, l.jahre, werte))
            }
            let erreichung =
                art == .prognose ? e.zielerreichung : Smart.erreichung(m, istBasis: istBasis, szenarien: laeufe)
            rechnungen.append(Budgetrechnung(art: art, freiwillig: freiwillig, zielerreichung: erreichung))
        }

        return Eckwerte(
            jahre: jahre, investitionsjahre: invJahre, szenarien: e.szenarien.map(\.szenario),
            bereiche: bereiche, gesamt: gesamt, ziehungen: e.unsicherheit?.ziehungen ?? 0,
            budgetrechnungen: rechnungen)
    }

    /// Zuschussbedarf of the Ansatz of product `i`: Σ coefficient · line over `ansatz.csv`; nil when the model has
    /// no Ansatz or the file has no row for the product.
    public static func ansatzZuschuss(_ m: Planungsmodell, _ i: Int, jahr: Int? = nil) -> Double? {
        ansatzZuschuss(m, i, jahr: jahr, m.kontenrahmen.zuschussrechnung)
    }

    /// The same with the scheme's coefficients prepared once (for every product of a model).
    static func ansatzZuschuss(_ m: Planungsmodell, _ i: Int, jahr: Int?, _ zr: Zuschussrechnung) -> Double? {
        guard let a = m.ansatz, let zeilen = a.produkt(jahr ?? m.basisjahr + 1, m.produkte[i].nr) else { return nil }
        return zr.summe { zeilen[$0] } ?? 0
    }

    /// Zuschussbedarf per product and year index of a run (zeros when the scheme lacks the sums).
    static func zuschussJeProdukt(_ e: Rechenergebnis, _ m: Planungsmodell) -> [[Double]] {
        let z = m.kontenrahmen.zuschussrechnung
        return e.produkte.map { p in z.reihe(p.ergebnisplan) ?? Array(repeating: 0, count: e.jahre.count) }
    }

    /// A run in which product i's lines (Ergebnisplan and Finanzplan), cases and demand are multiplied by
    /// `faktoren[i][t]` (cost per case unchanged; capacity gaps recomputed against the same places).
    public static func skaliert(_ e: Rechenergebnis, faktoren: [Int: [Double]]) -> Rechenergebnis {
        var out = e
        for (i, f) in faktoren where i < out.produkte.count {
            var p = out.produkte[i]
            func mal(_ x: [Double]) -> [Double] { x.enumerated().map { t, v in v * (t < f.count ? f[t] : 1) } }
            p.ergebnisplan = p.ergebnisplan.map(mal)
            p.finanzplan = p.finanzplan.map(mal)
            p.faelle = p.faelle.map(mal)
            if var k = p.kapazitaet {
                k.bedarf = mal(k.bedarf)
                k.gebiete = k.gebiete.map { g in
                    var g = g
                    g.bedarf = mal(g.bedarf)
                    g.luecke = zip(g.bedarf, g.plaetze).map { max(0, $0 - $1) }
                    return g
                }
                k.luecke =
                    k.gebiete.isEmpty
                    ? zip(k.bedarf, k.plaetze).map { max(0, $0 - $1) }
                    : k.bedarf.indices.map { t in k.gebiete.reduce(0) { $0 + $1.luecke[t] } }
                p.kapazitaet = k
            }
            out.produkte[i] = p
        }
        return out
    }
}

extension Planungsergebnis {
    /// The flows of every investment in a scenario (Folgekosten grow with the scenario's Sachkosten), per year
    /// index (0 = Basisjahr), in model order.
    public func investitionsbuchungen(
        szenario: String
    ) -> [(investition: Investition, buchung: Investitionsrechnung.Buchung)] {
        let n = modell.horizont - modell.basisjahr + 1
        let sachkosten =
            modell.szenario(szenario).map { Rechenannahmen(modell: modell, szenario: $0).sachkosten }
            ?? Array(repeating: 0, count: n)
        return modell.investitionen.map {
            ($0, Investitionsrechnung.buchung($0, basisjahr: modell.basisjahr, n: n, sachkosten: sachkosten))
        }
    }
}

extension Planungsmodell {
    /// The Ansatz (`ansatz.csv`, default year Basisjahr + 1) of a set of products per Ergebnisplan Buchungszeile
    /// (sum lines are left to the reader of the scheme); nil when the model has no Ansatz.
    public func ansatzZeilen(produkte indizes: [Int], jahr: Int? = nil) -> [String: Double]? {
        guard let a = ansatz else { return nil }
        return a.zeilen(
            produkte: indizes.map { produkte[$0].nr }, jahr: jahr ?? basisjahr + 1, kontenrahmen.buchungszeilen)
    }

    /// The Planung der Kämmerei (`planung.csv`) of a set of products in a year per Buchungszeile; nil when the
    /// model has no Planung or none for that year.
    public func planungZeilen(produkte indizes: [Int], jahr: Int) -> [String: Double]? {
        guard let p = planung, p.werte[jahr] != nil else { return nil }
        return p.zeilen(produkte: indizes.map { produkte[$0].nr }, jahr: jahr, kontenrahmen.buchungszeilen)
    }
}
