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
        static func == (a: Text, b: Text) -> Bool {
            var x = a.s, y = b.s
            return x.withUTF8 { u in y.withUTF8 { v in u.count == v.count && u.elementsEqual(v) } }
        }
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
    /// The CSV field of each text, encoded once: bytes `feldbytes[feldstart[k] ..< feldstart[k + 1]]`.
    private var feldbytes: [UInt8] = [], feldstart: [Int] = [0]
    /// The text numbers sorted by String `<` (the first `geordnet.count` texts) and each one's rank there
    /// (texts that are == share a rank), kept while rows are emptied and merged with texts added later.
    private var geordnet: [UInt32] = [], textrang: [UInt32] = [], hoechsterRang = 0
    /// The texts "Sozialraum/product" (the nr of a product's rows per Sozialraum) by position, kept while the
    /// rows are emptied: each szenario has the same ~30,000 of them (benchmark model), which would otherwise be
    /// formed and hashed again for every szenario. `UInt32.max`: not looked up yet.
    private var paarGebiete: [String] = [], paarNummern: [String] = [], paarText: [UInt32] = []

    public init() {}

    public init(_ z: [Langzeile]) {
        zeilen.reserveCapacity(z.count)
        for x in z { anfuegen(x) }
    }

    public var count: Int { zeilen.count }

    /// Drops the rows and keeps the texts (with their fields and ranks) and the memory, for the next rows.
    public mutating func leeren() {
        zeilen.removeAll(keepingCapacity: true)
        ausserhalb.removeAll()
    }

    /// The CSV fields of all texts (``Langformat/feld(_:an:)``): text k is `bytes[start[k] ..< start[k + 1]]`.
    mutating func felder() -> (bytes: [UInt8], start: [Int]) {
        for k in (feldstart.count - 1)..<texte.count {
            Langformat.feld(texte[k], an: &feldbytes)
            feldstart.append(feldbytes.count)
        }
        return (feldbytes, feldstart)
    }

    /// Ranks of all texts by String `<`: texts added since the last call are sorted and merged in.
    private mutating func textraenge() {
        let alt = geordnet.count
        guard alt < texte.count else { return }
        let t = texte
        let neu = (alt..<t.count).map { UInt32($0) }.sorted { t[Int($0)] < t[Int($1)] }
        var zusammen: [UInt32] = []
        zusammen.reserveCapacity(t.count)
        var i = 0, j = 0
        while i < geordnet.count || j < neu.count {
            if j == neu.count || (i < geordnet.count && !(t[Int(neu[j])] < t[Int(geordnet[i])])) {
                zusammen.append(geordnet[i])
                i += 1
            } else {
                zusammen.append(neu[j])
                j += 1
            }
        }
        geordnet = zusammen
        textrang = [UInt32](repeating: 0, count: t.count)
        var r: UInt32 = 0
        for (i, k) in geordnet.enumerated() {
            if i > 0, t[Int(geordnet[i - 1])] < t[Int(k)] { r += 1 }
            textrang[Int(k)] = r
        }
        hoechsterRang = Int(r)
    }

    /// The index of text `s` (added if new), for `anfuegen(szenario:ebene:nr:groesse:jahr:wert:)`.
    public mutating func text(_ s: String) -> UInt32 {
        // One hash and one probe: the defaulted subscript inserts the next index when `s` is new.
        let neu = UInt32(texte.count)
        var k = neu
        func lesen(_ v: inout UInt32) { k = v }
        lesen(&nummer[Text(s: s), default: neu])
        if k == neu { texte.append(s) }
        return k
    }

    /// Room for `zeilen` more rows (a table filled once grows without copying its rows at each doubling).
    mutating func platzFuer(zeilen n: Int) {
        zeilen.reserveCapacity(zeilen.count + n)
    }

    /// Makes `gebietsnummer(_:_:)` answer for these Sozialräume and product numbers. The texts found so far are
    /// kept when both lists hold the same bytes as last time (and forgotten otherwise).
    public mutating func gebietsnummern(gebiete: [String], nummern: [String]) {
        if Self.gleicheBytes(gebiete, paarGebiete), Self.gleicheBytes(nummern, paarNummern) { return }
        paarGebiete = gebiete
        paarNummern = nummern
        paarText = [UInt32](repeating: .max, count: gebiete.count * nummern.count)
        // Room for all of them at once, instead of the index being rebuilt at each doubling on the way.
        nummer.reserveCapacity(nummer.count + paarText.count)
    }

    /// The index of the text "\(gebiete[g])/\(nummern[p])" of the lists of `gebietsnummern(gebiete:nummern:)`:
    /// the same index as `text(_:)` of that text gives.
    public mutating func gebietsnummer(_ g: Int, _ p: Int) -> UInt32 {
        let k = g * paarNummern.count + p
        let bekannt = paarText[k]
        if bekannt != .max { return bekannt }
        let t = text("\(paarGebiete[g])/\(paarNummern[p])")
        paarText[k] = t
        return t
    }

    /// Equal by bytes, element by element (two texts that are == as Strings may differ in their bytes).
    static func gleicheBytes(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { Text(s: $0) == Text(s: $1) }
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
    /// (String <), jahr; ties keep the order added. The texts' ranks are kept from call to call, each column's
    /// ranks are made dense, and the rows are ordered as packed integers by a stable radix sort. Large tables are
    /// read, keyed and sorted in two halves on two cores (the writer calls this between szenarios, while the
    /// other core has nothing to do); the order is the same as in one piece.
    mutating func reihenfolge() -> [Int] {
        if !ausserhalb.isEmpty { return Langzeile.reihenfolge(langzeilen) }
        textraenge()
        let r = hoechsterRang, zeilen = zeilen, globalRang = textrang
        let teile = zeilen.count >= Self.parallelAb ? 2 : 1
        // One pass over the rows (in `teile` parts): which global ranks each text column uses, and the years' span.
        struct Benutzt: Sendable {
            var sz: [Bool], nr: [Bool], gr: [Bool]
            var jahrMin = Int32.max, jahrMax = Int32.min
        }
        let teilBenutzt = parallelAbbilden(teile) { w -> Benutzt in
            var b = Benutzt(
                sz: [Bool](repeating: false, count: r + 1), nr: [Bool](repeating: false, count: r + 1),
                gr: [Bool](repeating: false, count: r + 1))
            let bereich = Self.teil(w, von: teile, anzahl: zeilen.count)
            zeilen.withUnsafeBufferPointer { z in
                globalRang.withUnsafeBufferPointer { g in
                    for i in bereich {
                        let x = z[i]
                        b.sz[Int(g[Int(x.szenario)])] = true
                        b.nr[Int(g[Int(x.nr)])] = true
                        b.gr[Int(g[Int(x.groesse)])] = true
                        b.jahrMin = min(b.jahrMin, x.jahr)
                        b.jahrMax = max(b.jahrMax, x.jahr)
                    }
                }
            }
            return b
        }
        var benutzt = teilBenutzt[0]
        for b in teilBenutzt.dropFirst() {
            for g in 0...r {
                benutzt.sz[g] = benutzt.sz[g] || b.sz[g]
                benutzt.nr[g] = benutzt.nr[g] || b.nr[g]
                benutzt.gr[g] = benutzt.gr[g] || b.gr[g]
            }
            benutzt.jahrMin = min(benutzt.jahrMin, b.jahrMin)
            benutzt.jahrMax = max(benutzt.jahrMax, b.jahrMax)
        }
        // Dense ranks of one column by text: its texts' global ranks, renumbered 0, 1, … in order.
        func dicht(_ b: [Bool]) -> (rang: [UInt32], anzahl: Int) {
            var neu = [UInt32](repeating: 0, count: r + 1)
            var n: UInt32 = 0
            for g in 0...r where b[g] {
                neu[g] = n
                n += 1
            }
            return (globalRang.map { neu[Int($0)] }, Int(n))
        }
        let sz = dicht(benutzt.sz), nr = dicht(benutzt.nr), gr = dicht(benutzt.gr)
        var ebenen = [UInt32](repeating: 0, count: Ebene.allCases.count)
        for (r, e) in Ebene.allCases.sorted(by: { $0.rawValue < $1.rawValue }).enumerated() {
            ebenen[e.nummer] = UInt32(r)
        }
        let ebeneRang = ebenen, jahrMin = benutzt.jahrMin
        let jahrSpanne = zeilen.isEmpty ? 1 : Int(benutzt.jahrMax) - Int(jahrMin) + 1
        func bits(_ n: Int) -> Int { n <= 1 ? 1 : Int.bitWidth - (n - 1).leadingZeroBitCount }
        let b = [
            bits(sz.anzahl), bits(ebeneRang.count), bits(nr.anzahl), bits(gr.anzahl), bits(jahrSpanne),
            bits(zeilen.count),
        ]
        let summe = b.reduce(0, +)
        guard summe <= 64 else { return Langzeile.reihenfolge(langzeilen) }
        // The keys, the sort's second array and the indices are written in full before they are read, so they
        // are not zeroed first (zeroing ~11 MB of fresh pages per szenario was a tenth of the writer's main thread).
        var keys = [UInt64](unsafeUninitializedCapacity: zeilen.count) { k, n in
            let ziel = UnsafeSendable(k)
            DispatchQueueBridge.parallel(teile) { w in
                zeilen.withUnsafeBufferPointer { z in
                    for i in Self.teil(w, von: teile, anzahl: z.count) {
                        let x = z[i]
                        var k = UInt64(sz.rang[Int(x.szenario)])
                        k = k << b[1] | UInt64(ebeneRang[Int(x.ebene)])
                        k = k << b[2] | UInt64(nr.rang[Int(x.nr)])
                        k = k << b[3] | UInt64(gr.rang[Int(x.groesse)])
                        k = k << b[4] | UInt64(Int(x.jahr) - Int(jahrMin))
                        ziel.wert[i] = k << b[5] | UInt64(i)
                    }
                }
            }
            n = zeilen.count
        }
        // The keys come in row order, so a stable sort on the rank bits alone keeps ties in the order added.
        Self.radixsortieren(&keys, bits: b[5]..<summe, teile: teile)
        let maske = b[5] >= 64 ? UInt64.max : (UInt64(1) << UInt64(b[5])) - 1
        let sortiert = keys
        return [Int](unsafeUninitializedCapacity: sortiert.count) { r, n in
            let ziel = UnsafeSendable(r)
            DispatchQueueBridge.parallel(teile) { w in
                sortiert.withUnsafeBufferPointer { k in
                    for i in Self.teil(w, von: teile, anzahl: k.count) { ziel.wert[i] = Int(k[i] & maske) }
                }
            }
            n = sortiert.count
        }
    }

    /// From this many rows on, `reihenfolge` and the radix sort work in two halves on two cores (below, starting
    /// the second worker costs more than it saves).
    static let parallelAb = 1 << 16

    /// Part `w` of `teile` nearly equal contiguous parts of `0 ..< anzahl`.
    static func teil(_ w: Int, von teile: Int, anzahl: Int) -> Range<Int> {
        (anzahl * w / teile)..<(anzahl * (w + 1) / teile)
    }

    /// Sorts `a` stably by the bits `bits` of each value (least significant digit first, 11 bits a pass; a pass
    /// whose digit is the same in every value is left out). With `teile` > 1 each pass counts and moves the values
    /// of `teile` contiguous parts of `a` on as many workers: the values of a digit from an earlier part go before
    /// those from a later one, so the result is the same as with one part.
    static func radixsortieren(_ a: inout [UInt64], bits: Range<Int>, teile: Int = 1) {
        guard a.count > 1 else { return }
        let teile = max(1, min(teile, a.count))
        let n = a.count
        // Every pass that moves values writes all n of them here before they are read.
        var hilfe = [UInt64](unsafeUninitializedCapacity: n) { _, k in k = n }
        let faecher = 1 << 11
        // Worker w's counters, then its next positions, for each digit: zaehler[w * faecher + d].
        var zaehler = [Int](repeating: 0, count: teile * faecher)
        var ab = bits.lowerBound
        while ab < bits.upperBound {
            let breite = min(11, bits.upperBound - ab)
            let maske = (UInt64(1) << UInt64(breite)) - 1, schieben = UInt64(ab)
            var getauscht = false
            a.withUnsafeMutableBufferPointer { q in
                hilfe.withUnsafeMutableBufferPointer { z in
                    zaehler.withUnsafeMutableBufferPointer { c in
                        let quelle = UnsafeSendable(q), ziel = UnsafeSendable(z), stand = UnsafeSendable(c)
                        DispatchQueueBridge.parallel(teile) { w in
                            let q = quelle.wert, c = stand.wert, o = w * faecher
                            for d in 0..<(1 << breite) { c[o + d] = 0 }
                            for i in Self.teil(w, von: teile, anzahl: n) { c[o + Int((q[i] >> schieben) & maske)] += 1 }
                        }
                        let erste = Int((q[0] >> schieben) & maske)
                        var gleich = 0
                        for w in 0..<teile { gleich += c[w * faecher + erste] }
                        if gleich == n { return }
                        var summe = 0
                        for d in 0..<(1 << breite) {
                            for w in 0..<teile {
                                let k = c[w * faecher + d]
                                c[w * faecher + d] = summe
                                summe += k
                            }
                        }
                        DispatchQueueBridge.parallel(teile) { w in
                            let q = quelle.wert, z = ziel.wert, c = stand.wert, o = w * faecher
                            for i in Self.teil(w, von: teile, anzahl: n) {
                                let x = q[i]
                                let d = o + Int((x >> schieben) & maske)
                                z[c[d]] = x
                                c[d] += 1
                            }
                        }
                        getauscht = true
                    }
                }
            }
            if getauscht { swap(&a, &hilfe) }
            ab += breite
        }
    }
}

extension Ebene {
    /// Position in `allCases` (the compact row's storage of the level).
    var nummer: Int { rang }
}
