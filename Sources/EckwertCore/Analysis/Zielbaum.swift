/// The target hierarchy: strategische Ziele at the top, the Ziele linked to them by `oberziel`, the Ziele linked to
/// those, and so on; Ziele without an `oberziel` form their own roots. Depth-first, each level in model order.
public struct Zielbaum: Sendable {
    public enum Knoten: Sendable {
        case strategisch(StrategischesZiel)
        case ziel(Ziel)
    }

    public struct Eintrag: Sendable {
        /// 0 for a root.
        public var tiefe: Int
        public var knoten: Knoten
    }

    public var eintraege: [Eintrag]

    /// Whether the model uses the hierarchy at all (an `oberziel`, a Ziel above product level, a Zwischenziel).
    public static func genutzt(_ m: Planungsmodell) -> Bool {
        m.ziele.contains { $0.oberziel != nil || $0.ebene != .produkt || !$0.zwischenziele.isEmpty }
    }

    public static func bauen(_ m: Planungsmodell) -> Zielbaum {
        var out: [Eintrag] = []
        var besucht = Set<String>()
        let ids = Set(m.ziele.map(\.id)).union(m.strategischeZiele.map(\.id))
        func kinder(_ id: String, _ tiefe: Int) {
            for z in m.ziele where z.oberziel == id && !besucht.contains(z.id) {
                besucht.insert(z.id)
                out.append(Eintrag(tiefe: tiefe, knoten: .ziel(z)))
                kinder(z.id, tiefe + 1)
            }
        }
        for s in m.strategischeZiele {
            out.append(Eintrag(tiefe: 0, knoten: .strategisch(s)))
            kinder(s.id, 1)
        }
        for z in m.ziele where (z.oberziel == nil || !ids.contains(z.oberziel ?? "")) && !besucht.contains(z.id) {
            besucht.insert(z.id)
            out.append(Eintrag(tiefe: 0, knoten: .ziel(z)))
            kinder(z.id, 1)
        }
        return Zielbaum(eintraege: out)
    }
}
