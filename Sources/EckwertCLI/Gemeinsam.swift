import ArgumentParser
import EckwertCore
import Foundation

/// Output formats of the figure-printing commands (modellformat.md section 11).
public enum Ausgabeformat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, csv, json
}

/// Writes to standard error.
func fehlerausgabe(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}

/// Writes text to stdout without Swift's print buffering surprises on large outputs.
func ausgeben(_ s: String) {
    FileHandle.standardOutput.write(Data(s.utf8))
}

/// Writes what `erzeuge` hands over block by block straight to stdout, so that a large output (the long-format
/// CSV of a big model) never sits in memory as a whole. A failed write (disk full, closed pipe) stops the output
/// and is reported as an error. The blocks are written by a second thread (``Nebenschreiber``) while the next
/// ones are formed.
func ausgebenInBloecken(_ erzeuge: ((UnsafeRawBufferPointer) -> Void) -> Void) throws {
    let schreiber = Nebenschreiber(fd: STDOUT_FILENO)
    erzeuge { schreiber.schreiben($0) }
    let fehlercode = schreiber.abschliessen()
    if fehlercode != 0 {
        fehlerausgabe("Fehler: Ausgabe konnte nicht geschrieben werden (\(String(cString: strerror(fehlercode)))).")
        throw ExitCode(1)
    }
}

/// Writes blocks to a file descriptor on a serial queue, in the order given, while the caller forms the next
/// block: `eckwert forecast` of the benchmark model writes 85 MB, and copying them into the page cache (~0.1 s)
/// otherwise holds up the thread that forms the rows. Each block is copied into one of two buffers, reused from
/// block to block (no fresh memory per block); `schreiben` waits while both are still being written. After a
/// failed write nothing more is written; `abschliessen()` waits for the last write and gives the error (0: none).
final class Nebenschreiber: @unchecked Sendable {
    // Slot k's buffer belongs to the caller from `frei.wait()` until its write is queued, then to the queue until
    // the write has signalled `frei` (slots alternate and the queue is serial, so the first signal frees the older
    // slot). `fehlercode` is touched on the queue only (and read through `queue.sync`).
    private let fd: Int32
    private let queue = DispatchQueue(label: "eckwert.nebenschreiber")
    private let frei = DispatchSemaphore(value: 2)
    private let puffer: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    private let kapazitaet: UnsafeMutablePointer<Int>
    private var naechster = 0
    private var fehlercode: Int32 = 0

    /// A written block's bytes for the queue (the buffer is not touched by the caller until the write is done).
    private struct Block: @unchecked Sendable {
        let anfang: UnsafeRawPointer
        let anzahl: Int
    }

    init(fd: Int32) {
        self.fd = fd
        puffer = .allocate(capacity: 2)
        puffer.initialize(repeating: nil, count: 2)
        kapazitaet = .allocate(capacity: 2)
        kapazitaet.initialize(repeating: 0, count: 2)
    }

    deinit {
        queue.sync {}
        for k in 0..<2 { puffer[k]?.deallocate() }
        puffer.deallocate()
        kapazitaet.deallocate()
    }

    /// Copies `block` and queues its write.
    func schreiben(_ block: UnsafeRawBufferPointer) {
        guard let quelle = block.baseAddress, !block.isEmpty else { return }
        frei.wait()
        let k = naechster
        naechster = 1 - k
        if kapazitaet[k] < block.count {
            puffer[k]?.deallocate()
            puffer[k] = .allocate(byteCount: block.count, alignment: 16)
            kapazitaet[k] = block.count
        }
        guard let ziel = puffer[k] else { frei.signal(); return }
        ziel.copyMemory(from: quelle, byteCount: block.count)
        let b = Block(anfang: UnsafeRawPointer(ziel), anzahl: block.count)
        queue.async {
            if self.fehlercode == 0 {
                self.fehlercode = Self.allesSchreiben(self.fd, UnsafeRawBufferPointer(start: b.anfang, count: b.anzahl))
            }
            self.frei.signal()
        }
    }

    /// Waits for every queued write; the error of the first failed one (an `errno`), or 0.
    func abschliessen() -> Int32 { queue.sync { fehlercode } }

    /// Writes all of `block` (again after a partial write or EINTR); 0, or the `errno` of a failed write.
    static func allesSchreiben(_ fd: Int32, _ block: UnsafeRawBufferPointer) -> Int32 {
        var rest = block
        while let anfang = rest.baseAddress, !rest.isEmpty {
            let n = write(fd, anfang, rest.count)
            if n < 0 {
                if errno != EINTR { return errno }
                continue
            }
            rest = UnsafeRawBufferPointer(rebasing: rest[n...])
        }
        return 0
    }
}

/// Progress lines on stderr (so stdout stays clean for --format csv).
let fortschrittAusgabe: @Sendable (String) -> Void = { zeile in fehlerausgabe(zeile) }
