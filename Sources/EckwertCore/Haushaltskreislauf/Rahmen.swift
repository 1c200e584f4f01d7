/// Need against the council's frame (spec section 14, Eckwertebeschluss as a decision): per Budgetbereich and
/// Eckwert year the frame, the forecast Zuschussbedarf of every scenario and the P90, the Deckungslücke
/// (need − frame; positive: the frame is too small) and the consolidation needed (the positive part); and the three
/// KGSt questions against the frame. Plain values, unrounded.
public struct Rahmenvergleich: Sendable {
    public struct Bereich: Sendable {
        public var einheit: Einheit
        /// Frame per Eckwert year; nil where the Eckwertebeschluss sets none.
        public var rahmen: [Double?]
        /// Scenario → need per Eckwert year.
        public var bedarf: [String: [Double]]
        /// Pflicht part of the need per scenario and year (KGSt a).
        public var pflicht: [String: [Double]]
        /// status-quo + risk buffer per year; nil without draws.
        public var p90: [Double]?

        /// Need − frame per year (nil where there is no frame).
        public func luecke(_ szenario: String) -> [Double?] {
            guard let b = bedarf[szenario] else { return rahmen.map { _ in nil } }
            return zip(b, rahmen).map { x, r in r.map { x - $0 } }
        }
        public var lueckeP90: [Double?]? { p90.map { zip($0, rahmen).map { x, r in r.map { x - $0 } } } }
        /// Consolidation needed: the positive part of the gap.
        public func konsolidierung(_ szenario: String) -> [Double?] { luecke(szenario).map { $0.map { max(0, $0) } } }
        /// Room left for the freiwillige products once the Pflicht part is met: frame − Pflicht (KGSt a).
        public func spielraum(_ szenario: String) -> [Double?] {
            guard let p = pflicht[szenario] else { return rahmen.map { _ in nil } }
            return zip(p, rahmen).map { x, r in r.map { $0 - x } }
        }
    }

    /// Gap against the frame under a budget rule for the freiwillige products (KGSt b and c).
    public struct Regelluecke: Sendable {
        public var art: Eckwerte.Budgetrechnung.Art
        /// Scenario → Budgetbereich index → need (Pflicht as forecast + freiwillig under the rule) per year.
        public var bedarf: [String: [[Double]]]
    }

    /// Eckwert years (Haushaltsjahr … Horizont), as in `Eckwerte.jahre`.
    public var jahre: [Int]
    public var szenarien: [String]
    /// Budgetbereiche that have a frame in at least one year, in model order.
    public var bereiche: [Bereich]
    public var regeln: [Regelluecke]
    public var beschluss: String?

    /// The comparison, or nil when the model has no `eckwertebeschluss.yaml`.
    public static func rechnen(_ e: Planungsergebnis, _ w: Eckwerte) -> Rahmenvergleich? {
        guard let eb = e.modell.eckwertebeschluss else { return nil }
        var bereiche: [Bereich] = []
        var regeln = w.budgetrechnungen.map { Regelluecke(art: $0.art, bedarf: [:]) }
        for (bi, b) in w.bereiche.enumerated() {
            let rahmen = w.jahre.map { eb.rahmen(b.einheit.nr, $0) }
            guard rahmen.contains(where: { $0 != nil }) else { continue }
            var bedarf: [String: [Double]] = [:], pflicht: [String: [Double]] = [:]
            for s in w.szenarien {
                guard let r = b.eckwerte[s] else { continue }
                bedarf[s] = r.gesamt
                pflicht[s] = r.pflicht
                for (q, x) in w.budgetrechnungen.enumerated() {
                    guard let fr = x.freiwillig[s], bi < fr.count else { continue }
                    regeln[q].bedarf[s, default: []].append(zip(r.pflicht, fr[bi]).map { $0 + $1 })
                }
            }
            let p90 = b.risikopuffer.flatMap { p in bedarf["status-quo"].map { zip($0, p).map { $0 + $1 } } }
            bereiche.append(Bereich(einheit: b.einheit, rahmen: rahmen, bedarf: bedarf, pflicht: pflicht, p90: p90))
        }
        return Rahmenvergleich(
            jahre: w.jahre, szenarien: w.szenarien, bereiche: bereiche, regeln: regeln,
            beschluss: eb.beschluss)
    }
}

extension Langformat {
    /// `rahmen` (the frame) and `deckungsluecke` (forecast Zuschussbedarf − frame) per Budgetbereich and year of a
    /// scenario run; the frame is repeated in every scenario so that each scenario's rows stand on their own.
    public static func rahmenzeilen(_ m: Planungsmodell, _ e: Rechenergebnis) -> [Langzeile] {
        guard let eb = m.eckwertebeschluss, e.szenario != "ist" else { return [] }
        var out: [Langzeile] = []
        for b in m.einheiten(.budgetbereich) {
            guard let frames = eb.rahmen[b.nr], !frames.isEmpty else { continue }
            let z = Teilplan(e, b.produkte, modell: m).zuschuss(m.kontenrahmen)
            for (t, jahr) in e.jahre.enumerated() {
                guard let r = frames[jahr], t < z.count else { continue }
                out.append(
                    Langzeile(
                        szenario: e.szenario, ebene: .budgetbereich, nr: b.nr, groesse: "rahmen", jahr: jahr, wert: r))
                out.append(
                    Langzeile(
                        szenario: e.szenario, ebene: .budgetbereich, nr: b.nr, groesse: "deckungsluecke",
                        jahr: jahr, wert: z[t] - r))
            }
        }
        return out
    }
}
