/// Rows of the long format held compactly: every distinct text (szenario, nr, groesse) is stored once, byte for
/// byte as given, and a row holds indices into that list (32 bytes a row instead of three Strings). Rows keep the
/// order in which they were added; `Langformat.csv` writes them sorted like `Langzeile.sortiert`.
public struct Langtabelle: Sendable {
    struct Zeile: Sendable {
        var wert: Double
        var szenario: UInt32, nr: UInt32, groesse: UInt32
        var jahr: Int32
        var ebene: UInt8
    }
    /// Equal by bytes (two texts that are equal as Strings but differ in their bytes stay two texts, so that each
    /// row is written with its own bytes).
    struct Text: Hashable {
        let s: String
        static func == (a: Text, b: Text) -> Bool { a.s.utf8.elementsEqual(b.s.utf8) }
        func hash(into h: inout Hasher) {
            var s = self.s
            s.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
    private(set) var texte: [String] = []
    private var nummer: [Text: UInt32] = [:]
    var zeilen: [Zeile] = []
    /// Years outside the 32-bit range are kept as `Langzeile` beside (never in practice).
    var ausserhalb: [(index: Int, zeile: Langzeile)] = []

    public init() {}

    public init(_ z: [Langzeile]) {
        zeilen.reserveCapacity(z.count)
        for x in z { anfuegen(x) }
    }

    public var count: Int { zeilen.count }

    /// The index of text `s` (added if new), for `anfuegen(szenario:ebene:nr:groesse:jahr:wert:)`.
    public mutating func text(_ s: String) -> UInt32 {
        let t = Text(s: s)
        if let k = nummer[t] { return k }
        let k = UInt32(texte.count)
        nummer[t] = k
        texte.append(s)
        return k
    }

    /// Appends a row whose texts are indices from `text(_:)`.
    public mutating func anfuegen(szenario: UInt32, ebene: Ebene, nr: UInt32, groesse: UInt32, jahr: Int, wert: Double)
    {
        guard let j = Int32(exactly: jahr) else {
            ausserhalb.append(
                (
                    zeilen.count,
                    Langzeile(
                        szenario: texte[Int(szenario)], ebene: ebene, nr: texte[Int(nr)], groesse: texte[Int(groesse)],
                        jahr: jahr, wert: wert)
                ))
            zeilen.append(
                Zeile(wert: wert, szenario: szenario, nr: nr, groesse: groesse, jahr: 0, ebene: UInt8(ebene.nummer)))
            return
        }
        zeilen.append(
            Zeile(wert: wert, szenario: szenario, nr: nr, groesse: groesse, jahr: j, ebene: UInt8(ebene.nummer)))
    }

    public mutating func anfuegen(_ z: Langzeile) {
        let s = text(z.szenario), n = text(z.nr), g = text(z.groesse)
        anfuegen(szenario: s, ebene: z.ebene, nr: n, groesse: g, jahr: z.jahr, wert: z.wert)
    }

    public mutating func anfuegen(contentsOf z: [Langzeile]) { for x in z { anfuegen(x) } }

    /// Row i as a `Langzeile`.
    public func zeile(_ i: Int) -> Langzeile {
        if !ausserhalb.isEmpty, let a = ausserhalb.first(where: { $0.index == i }) { return a.zeile }
        let z = zeilen[i]
        return Langzeile(
            szenario: texte[Int(z.szenario)], ebene: Ebene.allCases[Int(z.ebene)], nr: texte[Int(z.nr)],
            groesse: texte[Int(z.groesse)], jahr: Int(z.jahr), wert: z.wert)
    }

    /// All rows as `Langzeile`, in the order added.
    public var langzeilen: [Langzeile] {
        var out = zeilen.indices.map(zeile)
        for a in ausserhalb { out[a.index] = a.zeile }
        return out
    }

    /// The row indices in the order of `Langzeile.sortiert`: szenario, ebene (by its raw value), nr, groesse
    /// (String <), jahr; ties keep the order added. The distinct texts are sorted once (texts that are == share
    /// a rank), each column's ranks are made dense, and the rows compare as packed integers.
    func reihenfolge() -> [Int] {
        if !ausserhalb.isEmpty { return Langzeile.reihenfolge(langzeilen) }
        let nT = texte.count
        var globalRang = [Int](repeating: 0, count: nT)
        let sortiert = texte.indices.sorted { texte[$0] < texte[$1] }
        var r = 0
        for (i, k) in sortiert.enumerated() {
            if i > 0, texte[sortiert[i - 1]] < texte[k] { r += 1 }
            globalRang[k] = r
        }
        // Dense ranks of one column: its texts' global ranks, renumbered 0, 1, … in order.
        func dicht(_ spalte: (Zeile) -> UInt32) -> (rang: [UInt32], anzahl: Int) {
            var benutzt = [Bool](repeating: false, count: r + 1)
            for z in zeilen { benutzt[globalRang[Int(spalte(z))]] = true }
            var neu = [UInt32](repeating: 0, count: r + 1)
            var n: UInt32 = 0
            for g in 0...r where benutzt[g] { neu[g] = n; n += 1 }
            return ((0..<nT).map { neu[globalRang[$0]] }, Int(n))
        }
        let sz = dicht(\.szenario), nr = dicht(\.nr), gr = dicht(\.groesse)
        var ebeneRang = [UInt32](repeating: 0, count: Ebene.allCases.count)
        for (r, e) in Ebene.allCases.sorted(by: { $0.rawValue < $1.rawValue }).enumerated() {
            ebeneRang[e.nummer] = UInt32(r)
        }
        let jahre = Set(zeilen.map(\.jahr)).sorted()
        let jahrMin = jahre.first ?? 0
        let jahrSpanne = Int(jahre.last ?? 0) - Int(jahrMin) + 1
        func bits(_ n: Int) -> Int { n <= 1 ? 1 : Int.bitWidth - (n - 1).leadingZeroBitCount }
        let b = [
            bits(sz.anzahl), bits(ebeneRang.count), bits(nr.anzahl), bits(gr.anzahl), bits(jahrSpanne),
            bits(zeilen.count),
        ]
        guard b.reduce(0, +) <= 64 else { return Langzeile.reihenfolge(langzeilen) }
        var keys = [UInt64](repeating: 0, count: zeilen.count)
        for (i, z) in zeilen.enumerated() {
            var k = UInt64(sz.rang[Int(z.szenario)])
            k = k << b[1] | UInt64(ebeneRang[Int(z.ebene)])
            k = k << b[2] | UInt64(nr.rang[Int(z.nr)])
            k = k << b[3] | UInt64(gr.rang[Int(z.groesse)])
            k = k << b[4] | UInt64(Int(z.jahr) - Int(jahrMin))
            keys[i] = k << b[5] | UInt64(i)
        }
        keys.sort()
        let maske = b[5] >= 64 ? UInt64.max : (UInt64(1) << UInt64(b[5])) - 1
        return keys.map { Int($0 & maske) }
    }
}

extension Ebene {
    /// Position in `allCases` (the compact row's storage of the level).
    var nummer: Int { rang }
}
