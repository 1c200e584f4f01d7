import Testing

@testable import EckwertCore

/// The model checksum's SHA-256 against the published FIPS 180-4 example digests, and fed in pieces; the
/// processor's SHA instructions and the portable rounds give the same digests.
@Suite struct SHA256Tests {
    static let beispiele: [(String, String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ]

    @Test func publishedDigests() {
        for (text, digest) in Self.beispiele { #expect(SHA256.hex(Array(text.utf8)) == digest) }
        // One million times "a" (FIPS 180-2, appendix B.3): 15,625 whole blocks.
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Pieces of every length around the block size, contiguous or not, give the digest of the whole.
    @Test func piecesGiveTheWholeDigest() {
        let daten = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let ganz = SHA256.hex(daten)
        for stueck in [1, 3, 63, 64, 65, 127, 128, 500] {
            var s = SHA256(), t = SHA256()
            var i = 0
            while i < daten.count {
                let teil = daten[i..<min(daten.count, i + stueck)]
                s.update(Array(teil))
                // A lazy map is not contiguous: the byte-by-byte path.
                t.update(teil.lazy.map { $0 })
                i += stueck
            }
            #expect(s.finalize() == ganz)
            #expect(t.finalize() == ganz)
        }
    }

    /// The digest of `bytes` in pieces of `stueck` bytes, with or without the SHA instructions.
    static func digest(_ bytes: [UInt8], stueck: Int, mitBefehlen: Bool) -> String {
        var s = SHA256()
        s.mitBefehlen = mitBefehlen
        var i = 0
        repeat {
            s.update(Array(bytes[i..<min(bytes.count, i + stueck)]))
            i += stueck
        } while i < bytes.count
        return s.finalize()
    }

    /// Both paths give the published digests; where the processor has the instructions, the two paths agree on
    /// every length 0 … 300 and on longer inputs fed whole and in odd pieces (many blocks in one call).
    @Test func instructionsAndPortableRoundsAgree() {
        let wege = Prozessor.sha ? [false, true] : [false]
        for mit in wege {
            for (text, digest) in Self.beispiele {
                #expect(Self.digest(Array(text.utf8), stueck: 1000, mitBefehlen: mit) == digest)
            }
            #expect(
                Self.digest([UInt8](repeating: 0x61, count: 1_000_000), stueck: 1_000_000, mitBefehlen: mit)
                    == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        }
        guard Prozessor.sha else { return }
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        let daten = (0..<70_000).map { _ -> UInt8 in
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: x >> 56)
        }
        for n in 0...300 {
            let teil = Array(daten[0..<n])
            #expect(
                Self.digest(teil, stueck: max(n, 1), mitBefehlen: true)
                    == Self.digest(teil, stueck: max(n, 1), mitBefehlen: false), "Länge \(n)")
        }
        for stueck in [7, 64, 1000, 4099, 70_000] {
            #expect(
                Self.digest(daten, stueck: stueck, mitBefehlen: true)
                    == Self.digest(daten, stueck: stueck, mitBefehlen: false), "Stücke von \(stueck)")
        }
    }
}
