import Foundation

/// The Ist values as the lean reader of `ist.csv` met them: each distinct Produkt and Größe text numbered once,
/// then one entry per value (year, text numbers, value). It holds exactly the pairs of `IstDaten.werte`, so that
/// the projection places 27,000 values by whole numbers instead of hashing and copying two texts per value;
/// `IstDaten` drops it as soon as its `werte` change.
struct Istverzeichnis: Sendable {
    /// Number → text (Produkt numbers, Größen).
    var produkte: [String] = []
    var groessen: [String] = []
    /// Per entry (a key of `IstDaten.werte`, each once): its year, Produkt and Größe number and value.
    var jahre: [Int] = []
    var produktNummern: [Int32] = []
    var groessenNummern: [Int32] = []
    var werte: [Double] = []

    var anzahl: Int { werte.count }

    mutating func reservieren(_ n: Int) {
        jahre.reserveCapacity(n)
        produktNummern.reserveCapacity(n)
        groessenNummern.reserveCapacity(n)
        werte.reserveCapacity(n)
    }

    mutating func anfuegen(jahr: Int, produkt: Int32, groesse: Int32, wert: Double) {
        jahre.append(jahr)
        produktNummern.append(produkt)
        groessenNummern.append(groesse)
        werte.append(wert)
    }
}

/// Numbers the distinct byte strings of a column (an open-addressing table on `Textindex.streuwert` of the
/// bytes): the text of each is built once, and the same bytes always get the same number and the same `String`.
/// For the lean path's printable-ASCII cells, equal bytes and equal texts are the same thing.
struct Textnummern {
    private(set) var texte: [String] = []
    /// The bytes of every text one after the other; text k at `anfaenge[k] ..< anfaenge[k + 1]` (compared by
    /// memcmp, not byte by byte through a generic sequence, and no array per text).
    private var bytes: [UInt8] = []
    private var anfaenge: [Int] = [0]
    /// Slot → number + 1 (0: empty); the capacity is a power of two, at most half full.
    private var plaetze = [Int32](repeating: 0, count: 64)

    /// The number of these bytes and their text (added when new).
    mutating func nummer(_ b: UnsafeBufferPointer<UInt8>) -> (nummer: Int32, text: String) {
        let maske = plaetze.count - 1
        var s = Textindex.streuwert(b) & maske
        while true {
            let k = Int(plaetze[s])
            if k == 0 { break }
            if gleich(k - 1, b) { return (Int32(k - 1), texte[k - 1]) }
            s = (s + 1) & maske
        }
        let text = String(decoding: b, as: UTF8.self)
        texte.append(text)
        bytes.append(contentsOf: b)
        anfaenge.append(bytes.count)
        plaetze[s] = Int32(texte.count)
        if 2 * texte.count > plaetze.count { vergroessern() }
        return (Int32(texte.count - 1), text)
    }

    /// Whether text `k` has exactly the bytes `b`.
    @inline(__always)
    private func gleich(_ k: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let a = anfaenge[k], n = anfaenge[k + 1] - a
        guard n == b.count else { return false }
        guard n > 0, let q = b.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + a, q, n) == 0 }
    }

    private mutating func vergroessern() {
        plaetze = [Int32](repeating: 0, count: 2 * plaetze.count)
        let maske = plaetze.count - 1
        bytes.withUnsafeBufferPointer { alle in
            for k in texte.indices {
                let text = UnsafeBufferPointer(rebasing: alle[anfaenge[k]..<anfaenge[k + 1]])
                var s = Textindex.streuwert(text) & maske
                while plaetze[s] != 0 { s = (s + 1) & maske }
                plaetze[s] = Int32(k + 1)
            }
        }
    }
}
