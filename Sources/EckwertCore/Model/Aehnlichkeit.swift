/// "Did you mean": the closest allowed word within edit distance 2 (or 1/3 of its length for long words); never
/// the word itself (a hint that repeats what was written helps nobody).
public enum Aehnlichkeit {
    public static func vorschlag(_ wort: String, aus kandidaten: [String]) -> String? {
        let w = Array(wort.lowercased())
        var best: (String, Int)?
        for k in kandidaten where k != wort {
            let d = abstand(w, Array(k.lowercased()))
            let grenze = max(2, k.count / 3)
            if d <= grenze, d < (best?.1 ?? Int.max) { best = (k, d) }
        }
        return best?.0
    }

    /// Levenshtein distance.
    public static func abstand(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if a.count > 200 || b.count > 200 { return max(a.count, b.count) }
        var prev = Array(0...b.count)
        var cur = prev
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
