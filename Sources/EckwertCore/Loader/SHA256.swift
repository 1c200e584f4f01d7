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

    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

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
