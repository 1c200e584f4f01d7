import Foundation
import Testing

@testable import EckwertCLI

/// The stdout writer on its own thread: every block in order, the buffers reused across sizes, a failed write
/// reported and nothing written after it.
struct NebenschreiberTests {
    @Test func alleBloeckeInIhrerReihenfolge() throws {
        let pfad = FileManager.default.temporaryDirectory
            .appendingPathComponent("nebenschreiber-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: pfad) }
        let fd = open(pfad, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(fd >= 0)
        var erwartet: [UInt8] = []
        let s = Nebenschreiber(fd: fd)
        // Sizes up and down (a buffer grown, then a smaller block in it), empty blocks, many more blocks than buffers.
        for i in 0..<300 {
            let n = [0, 1, 7, 4096, 70_000, 3][i % 6] + (i % 5)
            let block = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ i &* 7) }
            erwartet += block
            block.withUnsafeBytes { s.schreiben($0) }
        }
        #expect(s.abschliessen() == 0)
        close(fd)
        let geschrieben = try [UInt8](Data(contentsOf: URL(fileURLWithPath: pfad)))
        #expect(geschrieben.count == erwartet.count)
        #expect(geschrieben == erwartet)
    }

    @Test func fehlerWirdGemeldet() {
        let s = Nebenschreiber(fd: -1)
        for _ in 0..<5 { [UInt8](repeating: 65, count: 10).withUnsafeBytes { s.schreiben($0) } }
        #expect(s.abschliessen() == EBADF)
        #expect(Nebenschreiber.allesSchreiben(-1, UnsafeRawBufferPointer(start: nil, count: 0)) == 0)
    }
}
