/// A small, fast, seedable generator (SplitMix64) — the same seed gives the same draws on every machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1) with 53 random bits.
    public mutating func gleich() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}

/// The triangular distribution between the best and the worst value with the status-quo value as mode
/// (the Monte-Carlo draws). Bounds are widened to include the mode where it lies outside them.
public enum Dreiecksverteilung {
    public static func quantil(_ u: Double, best: Double, modus: Double, worst: Double) -> Double {
        let a = min(best, worst, modus), b = max(best, worst, modus), c = modus
        guard b > a else { return c }
        let fc = (c - a) / (b - a)
        if u < fc { return a + ((u * (b - a) * (c - a))).squareRoot() }
        return b - (((1 - u) * (b - a) * (b - c))).squareRoot()
    }
}
