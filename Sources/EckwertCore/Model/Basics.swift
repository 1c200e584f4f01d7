/// Sex as used by population statistics: `w` (weiblich) or `m` (männlich).
public enum Geschlecht: String, Sendable, Hashable, CaseIterable, Codable {
    case w, m
    /// Index in population arrays: w = 0, m = 1.
    public var index: Int { self == .w ? 0 : 1 }
}

/// Ages 0...100; 100 stands for "100 and older".
public enum Alter {
    public static let max = 100
    public static let count = 101
}

/// A value per year given at some years, linear in between, held constant before the first and after the last
/// given year (modellformat.md sections 2 and 4). A constant is a path with one point.
public struct Zeitpfad: Sendable, Hashable {
    public private(set) var punkte: [(jahr: Int, wert: Double)]

    public init(konstant wert: Double) { punkte = [(0, wert)] }

    /// - Precondition: at least one point; years distinct (the loader guarantees both).
    public init(_ werte: [Int: Double]) {
        punkte = werte.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        if punkte.isEmpty { punkte = [(0, 0)] }
    }

    public var istKonstant: Bool { punkte.count == 1 }

    public func wert(_ jahr: Int) -> Double {
        guard let first = punkte.first, let last = punkte.last else { return 0 }
        if jahr <= first.jahr { return first.wert }
        if jahr >= last.jahr { return last.wert }
        var i = 1
        while punkte[i].jahr < jahr { i += 1 }
        let a = punkte[i - 1], b = punkte[i]
        if b.jahr == jahr { return b.wert }
        let t = Double(jahr - a.jahr) / Double(b.jahr - a.jahr)
        return a.wert + (b.wert - a.wert) * t
    }

    public static func == (l: Zeitpfad, r: Zeitpfad) -> Bool {
        l.punkte.count == r.punkte.count
            && zip(l.punkte, r.punkte).allSatisfy { $0.jahr == $1.jahr && $0.wert == $1.wert }
    }

    public func hash(into h: inout Hasher) {
        for p in punkte { h.combine(p.jahr); h.combine(p.wert) }
    }
}
