/// Numbers distinct keys 0, 1, 2, … in the order they first appear: the one place for "its index, or append it".
struct Erstnummern<K: Hashable> {
    /// Number → key.
    private(set) var schluessel: [K] = []
    /// Key → number.
    private(set) var index: [K: Int] = [:]

    /// The number of `k`, and whether it was new (then it is the next number, and `k` is appended).
    mutating func nummer(_ k: K) -> (nummer: Int, neu: Bool) {
        if let i = index[k] { return (i, false) }
        index[k] = schluessel.count
        schluessel.append(k)
        return (schluessel.count - 1, true)
    }
}
