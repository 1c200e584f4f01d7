import CSpeicher

/// SHA-256 (FIPS 180-4), for the model checksum printed on every document. Small and dependency-free; whole blocks
/// go through the processor's SHA instructions where it has them (``Prozessor/sha``), else through the portable
/// rounds below.
public struct SHA256: Sendable {
    /// Whether whole blocks use the SHA instructions (tests turn it off to compare the portable rounds).
    var mitBefehlen = Prozessor.sha
    private var h: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]
    private var puffer: [UInt8] = []
    private var laenge: UInt64 = 0

    /// The round constants of FIPS 180-4, section 4.2.2, as `pruefsumme.h` holds them for the SHA instructions.
    private static let k: [UInt32] = withUnsafeBytes(of: eckwert__sha256_k) { Array($0.bindMemory(to: UInt32.self)) }

    public init() {}

    public mutating func update(_ bytes: some Sequence<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ update(puffer: $0) }) != nil { return }
        for b in bytes {
            puffer.append(b)
            laenge &+= 1
            if puffer.count == 64 { bloecke(puffer) }
        }
    }

    /// Whole blocks straight from the caller's memory; only a partial block goes through `puffer`.
    private mutating func update(puffer p: UnsafeBufferPointer<UInt8>) {
        guard let basis = p.baseAddress else { return }
        laenge &+= UInt64(p.count)
        var i = 0
        if !puffer.isEmpty {
            while i < p.count && puffer.count < 64 {
                puffer.append(p[i])
                i += 1
            }
            if puffer.count < 64 { return }
            bloecke(puffer)
        }
        let ganze = (p.count - i) / 64 * 64
        block(UnsafeBufferPointer(start: basis + i, count: ganze))
        puffer.append(contentsOf: UnsafeBufferPointer(start: basis + i + ganze, count: p.count - i - ganze))
    }

    /// The 64 bytes of `puffer`, then `puffer` emptied.
    private mutating func bloecke(_ b: [UInt8]) {
        b.withUnsafeBufferPointer { block($0) }
        puffer.removeAll(keepingCapacity: true)
    }

    public mutating func finalize() -> String {
        let bits = laenge &* 8
        puffer.append(0x80)
        while puffer.count % 64 != 56 { puffer.append(0) }
        for i in (0..<8).reversed() { puffer.append(UInt8(truncatingIfNeeded: bits >> (UInt64(i) * 8))) }
        let rest = puffer
        rest.withUnsafeBufferPointer { block($0) }
        puffer.removeAll()
        return h.map { w in
            let s = String(w, radix: 16)
            return String(repeating: "0", count: 8 - s.count) + s
        }.joined()
    }

    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var s = SHA256()
        s.update(bytes)
        return s.finalize()
    }

    /// Every whole 64-byte block of `b` (its length is a multiple of 64).
    private mutating func block(_ b: UnsafeBufferPointer<UInt8>) {
        guard let basis = b.baseAddress, b.count >= 64 else { return }
        if mitBefehlen {
            h.withUnsafeMutableBufferPointer { eckwert_sha256_ni($0.baseAddress, basis, b.count / 64) }
            return
        }
        var h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3], h4 = h[4], h5 = h[5], h6 = h[6], h7 = h[7]
        Self.k.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                var start = 0
                while start + 64 <= b.count {
                    for t in 0..<16 {
                        let o = start + t * 4
                        w[t] = UInt32(b[o]) << 24 | UInt32(b[o + 1]) << 16 | UInt32(b[o + 2]) << 8 | UInt32(b[o + 3])
                    }
                    for t in 16..<64 {
                        let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
                        let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
                        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                    }
                    var a = h0, bb = h1, c = h2, d = h3, e = h4, f = h5, g = h6, hh = h7
                    for t in 0..<64 {
                        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                        let ch = (e & f) ^ (~e & g)
                        let t1 = hh &+ s1 &+ ch &+ k[t] &+ w[t]
                        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                        let maj = (a & bb) ^ (a & c) ^ (bb & c)
                        let t2 = s0 &+ maj
                        hh = g; g = f; f = e; e = d &+ t1; d = c; c = bb; bb = a; a = t1 &+ t2
                    }
                    h0 &+= a; h1 &+= bb; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= hh
                    start += 64
                }
            }
        }
        h = [h0, h1, h2, h3, h4, h5, h6, h7]
    }

    @inline(__always) private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
