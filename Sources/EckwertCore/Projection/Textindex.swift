/// A `[String: Int]` for hot loops that place tens of thousands of rows by a few hundred keys: looked up by an
/// open-addressing table on the UTF-8 bytes (FNV-1a) instead of the dictionary's hashing, with the dictionary
/// itself behind it. A key found in the table is `==` to the text, so its value is the dictionary's; a text not
/// found there (none of the keys, or canonically equal to a key with other bytes) is asked of the dictionary.
/// Every answer is therefore the dictionary's.
struct Textindex: Sendable {
    let woerterbuch: [String: Int]
    private let schluessel: [String]
    private let werte: [Int]
    /// Slot → entry + 1 (0: empty); the capacity is a power of two, at most half full.
    private let plaetze: [Int32]
    private let maske: Int

    init(_ woerterbuch: [String: Int]) {
        self.woerterbuch = woerterbuch
        var kapazitaet = 16
        while kapazitaet < 2 * woerterbuch.count { kapazitaet *= 2 }
        var plaetze = [Int32](repeating: 0, count: kapazitaet)
        let maske = kapazitaet - 1
        var schluessel: [String] = [], werte: [Int] = []
        for (k, v) in woerterbuch {
            schluessel.append(k)
            werte.append(v)
            var s = Self.streuwert(k) & maske
            while plaetze[s] != 0 { s = (s + 1) & maske }
            plaetze[s] = Int32(schluessel.count)
        }
        self.schluessel = schluessel
        self.werte = werte
        self.plaetze = plaetze
        self.maske = maske
    }

    /// `woerterbuch[text]`.
    @inline(__always)
    subscript(_ text: String) -> Int? {
        var s = Self.streuwert(text) & maske
        while true {
            let k = Int(plaetze[s])
            if k == 0 { return woerterbuch[text] }
            if schluessel[k - 1] == text { return werte[k - 1] }
            s = (s + 1) & maske
        }
    }

    /// FNV-1a over the UTF-8 bytes.
    @inline(__always)
    static func streuwert(_ text: String) -> Int {
        if let h = text.utf8.withContiguousStorageIfAvailable(streuwert) { return h }
        return Array(text.utf8).withUnsafeBufferPointer(streuwert)
    }

    /// FNV-1a over bytes.
    @inline(__always)
    static func streuwert(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
