/// Produktkritik (modellformat.md section 10): ABC analysis of the products by net cost and the KGSt portfolio of
/// Wirkungsbeitrag against Ressourcenverbrauch. Pure computation on plain values; the documents only show it.
///
/// **ABC rule.** Products are ranked by their net cost (Zuschussbedarf) in the Haushaltsjahr, status quo,
/// largest first (ties: Produkt number ascending). The total is the sum of the *positive* net costs. Walking down
/// the ranking, a product is
///   - **A** while the cumulated share *before* it is below `abc.a` — so the product whose cumulated share first
///     reaches or exceeds `abc.a` is still A (the border product belongs to the class it completes);
///   - **B** while the cumulated share before it is below `abc.b` (same border rule);
///   - **C** otherwise.
/// Products with net cost ≤ 0 (they cost the budget nothing, or bring in more than they spend) are class C,
/// are listed last (ordered by net cost descending, then number) and do not count towards the total; their
/// share is 0. If no product has a positive net cost, every product is C.
///
/// **Portfolio rule.** Wirkungsbeitrag = Σ gewicht · score over the strategic goals (a missing score is 0);
/// Ressourcenverbrauch = net cost in the Haushaltsjahr, status quo. The quadrant borders are the medians of the
/// two values over all products (for an even count the mean of the two middle values). A product *on* a border
/// counts as "hoch" on that axis (≥ median is high). Quadrants (KGSt-style, named by what the committee should
/// consider doing):
///   - hohe Wirkung, niedriger Ressourcenverbrauch: **Ausbauen/Stärken**
///   - hohe Wirkung, hoher Ressourcenverbrauch: **Halten/Optimieren**
///   - niedrige Wirkung, hoher Ressourcenverbrauch: **Prüfen/Umsteuern**
///   - niedrige Wirkung, niedriger Ressourcenverbrauch: **Beobachten**
public struct Produktkritik: Sendable {
    /// One product's input: identity and the two figures the analysis needs.
    public struct Eingabe: Sendable, Hashable {
        public var nr: String
        public var name: String
        public var art: Produktart
        /// Net cost (Zuschussbedarf) in the Haushaltsjahr, status quo, in EUR (unrounded).
        public var zuschuss: Double
        /// Σ gewicht · score (0 … 3 when the weights sum to 1).
        public var wirkungsbeitrag: Double
        /// False when the product has no Wirkungsbeitrag at all: it is "nicht bewertet", not placed in the portfolio.
        public var bewertet: Bool
        public init(
            nr: String, name: String, art: Produktart, zuschuss: Double, wirkungsbeitrag: Double,
            bewertet: Bool = true
        ) {
            self.nr = nr; self.name = name; self.art = art; self.zuschuss = zuschuss;
            self.wirkungsbeitrag = wirkungsbeitrag
            self.bewertet = bewertet
        }
    }

    public enum Klasse: String, Sendable, Hashable, CaseIterable { case a = "A", b = "B", c = "C" }

    /// One line of the ABC ranking.
    public struct ABCZeile: Sendable, Hashable {
        public var rang: Int
        public var produkt: Eingabe
        /// Share of the total positive net cost (0 for net cost ≤ 0).
        public var anteil: Double
        /// Cumulated share including this product.
        public var kumuliert: Double
        public var klasse: Klasse
    }

    public enum Quadrant: String, Sendable, Hashable, CaseIterable {
        case ausbauen, halten, pruefen, beobachten
        /// The German name shown in the documents.
        public var bezeichnung: String {
            switch self {
            case .ausbauen: "Ausbauen/Stärken"
            case .halten: "Halten/Optimieren"
            case .pruefen: "Prüfen/Umsteuern"
            case .beobachten: "Beobachten"
            }
        }
        /// What the quadrant means, for the legend.
        public var erlaeuterung: String {
            switch self {
            case .ausbauen: "hohe Wirkung, niedriger Ressourcenverbrauch"
            case .halten: "hohe Wirkung, hoher Ressourcenverbrauch"
            case .pruefen: "niedrige Wirkung, hoher Ressourcenverbrauch"
            case .beobachten: "niedrige Wirkung, niedriger Ressourcenverbrauch"
            }
        }
        public static func von(hoheWirkung: Bool, hoherVerbrauch: Bool) -> Quadrant {
            switch (hoheWirkung, hoherVerbrauch) {
            case (true, false): .ausbauen
            case (true, true): .halten
            case (false, true): .pruefen
            case (false, false): .beobachten
            }
        }
    }

    /// One product in the portfolio.
    public struct Portfoliopunkt: Sendable, Hashable {
        public var produkt: Eingabe
        public var quadrant: Quadrant
    }

    public var grenzen: ABCGrenzen
    /// Haushaltsjahr the figures belong to.
    public var jahr: Int
    /// Ranking, A first; products with net cost ≤ 0 last.
    public var abc: [ABCZeile]
    /// Σ of the positive net costs (the 100 % of the ABC analysis).
    public var summePositiv: Double
    /// Portfolio points in model order: the products with a Wirkungsbeitrag.
    public var portfolio: [Portfoliopunkt]
    /// Products without a Wirkungsbeitrag ("nicht bewertet"), in model order: not placed, not in the medians.
    public var nichtBewertet: [Eingabe] = []
    /// Products without a forecast (no driver, no Ist in the Basisjahr, no Ansatz): in neither analysis.
    public var ohnePrognose: [Eingabe] = []
    public var medianWirkung: Double
    public var medianVerbrauch: Double

    /// The median (mean of the two middle values for an even count; 0 for no values).
    public static func median(_ werte: [Double]) -> Double {
        let s = werte.sorted()
        guard !s.isEmpty else { return 0 }
        let m = s.count / 2
        return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }

    /// Both analyses from plain inputs (model order).
    public static func rechnen(_ eingaben: [Eingabe], grenzen: ABCGrenzen, jahr: Int) -> Produktkritik {
        let positiv = eingaben.filter { $0.zuschuss > 0 }.sorted { ($0.zuschuss, $1.nr) > ($1.zuschuss, $0.nr) }
        let rest = eingaben.filter { !($0.zuschuss > 0) }.sorted { ($0.zuschuss, $1.nr) > ($1.zuschuss, $0.nr) }
        let summe = positiv.reduce(0) { $0 + $1.zuschuss }
        var zeilen: [ABCZeile] = []
        var kum = 0.0
        // A tiny tolerance so that a cumulated share that is mathematically equal to the border (0.8) but
        // a hair below it in floating point still counts as "reached".
        let eps = 1e-12
        for p in positiv {
            let vorher = summe > 0 ? kum / summe : 0
            let klasse: Klasse = vorher < grenzen.a - eps ? .a : vorher < grenzen.b - eps ? .b : .c
            kum += p.zuschuss
            zeilen.append(
                ABCZeile(
                    rang: zeilen.count + 1, produkt: p, anteil: p.zuschuss / summe,
                    kumuliert: kum / summe, klasse: klasse))
        }
        for p in rest {
            zeilen.append(
                ABCZeile(
                    rang: zeilen.count + 1, produkt: p, anteil: 0,
                    kumuliert: summe > 0 ? 1 : 0, klasse: .c))
        }
        let bewertet = eingaben.filter(\.bewertet)
        let mw = median(bewertet.map(\.wirkungsbeitrag)), mv = median(bewertet.map(\.zuschuss))
        let punkte = bewertet.map { p in
            Portfoliopunkt(
                produkt: p, quadrant: .von(hoheWirkung: p.wirkungsbeitrag >= mw, hoherVerbrauch: p.zuschuss >= mv))
        }
        var k = Produktkritik(
            grenzen: grenzen, jahr: jahr, abc: zeilen, summePositiv: summe, portfolio: punkte,
            medianWirkung: mw, medianVerbrauch: mv)
        k.nichtBewertet = eingaben.filter { !$0.bewertet }
        return k
    }

    /// Wirkungsbeitrag of a product: Σ gewicht · score over the model's strategic goals.
    public static func wirkungsbeitrag(_ p: Produkt, ziele: [StrategischesZiel]) -> Double {
        ziele.reduce(0) { $0 + $1.gewicht * Double(p.wirkungsbeitrag[$1.id] ?? 0) }
    }

    /// The analyses of a run: net cost in the Haushaltsjahr of the `status-quo` scenario (the first scenario
    /// when there is none). Nil when there is no scenario or the Haushaltsjahr lies outside the run.
    public static func rechnen(_ e: Planungsergebnis) -> Produktkritik? {
        let m = e.modell
        guard let lauf = e.szenario("status-quo") ?? e.szenarien.first, let t = lauf.jahrIndex(m.haushaltsjahr) else {
            return nil
        }
        var mit: [Eingabe] = [], ohne: [Eingabe] = []
        for einheit in m.einheiten(.produkt) {
            guard let i = einheit.produkte.first else { continue }
            let p = m.produkte[i]
            let z = e.zuschuss(lauf, einheit)
            let x = Eingabe(
                nr: p.nr, name: p.name, art: p.art, zuschuss: t < z.count ? z[t] : 0,
                wirkungsbeitrag: wirkungsbeitrag(p, ziele: m.strategischeZiele),
                bewertet: !m.strategischeZiele.isEmpty && !p.wirkungsbeitrag.isEmpty)
            if hatPrognose(m, i) { mit.append(x) } else { ohne.append(x) }
        }
        var k = rechnen(mit, grenzen: m.abc, jahr: m.haushaltsjahr)
        k.ohnePrognose = ohne
        return k
    }

    /// Whether the model forecasts anything for product i: a caseload driver, an Ist in the Basisjahr or an Ansatz.
    public static func hatPrognose(_ m: Planungsmodell, _ i: Int) -> Bool {
        let p = m.produkte[i]
        if p.fallzahl != nil || (m.ansatz?.enthaelt(produkt: p.nr) ?? false) { return true }
        return m.kontenrahmen.buchungszeilen.contains { m.ist.wert(m.basisjahr, p.nr, $0) != nil }
    }
}
