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
    private var bytes: [[UInt8]] = []
    /// Slot → number + 1 (0: empty); the capacity is a power of two, at most half full.
    private var plaetze = [Int32](repeating: 0, count: 64)

    /// The number of these bytes and their text (added when new).
    mutating func nummer(_ b: UnsafeBufferPointer<UInt8>) -> (nummer: Int32, text: String) {
        let maske = plaetze.count - 1
        var s = Textindex.streuwert(b) & maske
        while true {
            let k = Int(plaetze[s])
            if k == 0 { break }
            if bytes[k - 1].elementsEqual(b) { return (Int32(k - 1), texte[k - 1]) }
            s = (s + 1) & maske
        }
        let text = String(decoding: b, as: UTF8.self)
        texte.append(text)
        bytes.append(Array(b))
        plaetze[s] = Int32(texte.count)
        if 2 * texte.count > plaetze.count { vergroessern() }
        return (Int32(texte.count - 1), text)
    }

    private mutating func vergroessern() {
        plaetze = [Int32](repeating: 0, count: 2 * plaetze.count)
        let maske = plaetze.count - 1
        for (k, b) in bytes.enumerated() {
            var s = b.withUnsafeBufferPointer(Textindex.streuwert) & maske
            while plaetze[s] != 0 { s = (s + 1) & maske }
            plaetze[s] = Int32(k + 1)
        }
    }
}
