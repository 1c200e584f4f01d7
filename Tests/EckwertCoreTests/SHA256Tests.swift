import Testing

@testable import EckwertCore

/// The model checksum's SHA-256 against the published FIPS 180-4 example digests, and fed in pieces.
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
}
