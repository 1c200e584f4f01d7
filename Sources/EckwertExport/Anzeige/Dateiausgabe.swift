import Foundation

/// Writes output files atomically: into a temporary file in the target folder, flushed to disk, then renamed
/// over the target. A failed or killed run leaves the earlier file untouched (at most a stray temp file, which
/// the next run in the same folder removes).
public enum Dateiausgabe {
    public struct Fehler: Error, CustomStringConvertible, Sendable {
        public var pfad: String
        public var meldung: String
        public var description: String { "\(pfad): \(meldung)" }
    }

    /// Prefix of temp files, so that stale ones can be recognised.
    public static let tempPraefix = ".eckwert-tmp-"

    public static func tempPfad(fuer ziel: String) -> String {
        let url = URL(fileURLWithPath: ziel)
        let zufall = UInt64.random(in: 0...UInt64.max)
        return url.deletingLastPathComponent()
            .appendingPathComponent(
                "\(tempPraefix)\(ProcessInfo.processInfo.processIdentifier)-\(String(zufall, radix: 36))-\(url.lastPathComponent)"
            ).path
    }

    public static func ordnerAnlegen(_ pfad: String) throws(Fehler) {
        do {
            try FileManager.default.createDirectory(atPath: pfad, withIntermediateDirectories: true)
        } catch {
            throw Fehler(pfad: pfad, meldung: "Ordner kann nicht angelegt werden: \(error.localizedDescription)")
        }
    }

    public static func schreiben(_ text: String, nach ziel: String) throws(Fehler) {
        try schreiben(text, nach: ziel, nachlauf: nil)
    }

    /// As `schreiben(_:nach:)`; with `nachlauf`, the file is flushed to disk and renamed there, beside the work
    /// that follows (its error, if any, is reported by `Nachlauf.warten()`).
    static func schreiben(_ text: String, nach ziel: String, nachlauf: Nachlauf?) throws(Fehler) {
        // The text's own UTF-8 storage, written without a copy (a committee pack is tens of megabytes).
        var text = text
        if let f = text.withUTF8({ schreiben(UnsafeRawBufferPointer($0), nach: ziel, nachlauf: nachlauf) }) {
            throw f
        }
    }

    public static func schreiben(_ bytes: [UInt8], nach ziel: String) throws(Fehler) {
        if let f = bytes.withUnsafeBytes({ schreiben($0, nach: ziel, nachlauf: nil) }) { throw f }
    }

    /// Writes `bytes` atomically; returns the error instead of throwing it (the callers hold the bytes in a
    /// closure that cannot throw a typed error).
    private static func schreiben(_ bytes: UnsafeRawBufferPointer, nach ziel: String, nachlauf: Nachlauf?) -> Fehler? {
        do throws(Fehler) {
            let tmp = try schreibenOhneKopie(bytes, nach: ziel)
            guard let nachlauf else {
                try abschliessen(tmp, ziel)
                return nil
            }
            nachlauf.uebergeben(ziel) { () throws(Fehler) in try abschliessen(tmp, ziel) }
            return nil
        } catch {
            return error
        }
    }

    /// Writes the bytes into a new temp file next to `ziel`; returns its path.
    private static func schreibenOhneKopie(_ buf: UnsafeRawBufferPointer, nach ziel: String) throws(Fehler) -> String {
        let datei = try Stueckweise(nach: ziel)
        datei.anhaengen(buf)
        return try datei.zu()
    }

    /// Writes a text made piece by piece (`erzeugen` hands its text so far to `weiter`, which writes it out and
    /// empties it once it holds `schwelle` bytes), atomically like `schreiben(_:nach:)`. A large document (the
    /// committee pack is tens of megabytes) is never held whole: no string doubling its storage again and again
    /// as it grows, each time copying everything and touching fresh pages. The bytes are the same as those of
    /// the whole text written at once.
    static func schreiben(
        nach ziel: String, nachlauf: Nachlauf?, schwelle: Int = 1 << 20,
        _ erzeugen: (_ text: inout String, _ weiter: (inout String) -> Void) -> Void
    ) throws(Fehler) {
        let datei = try Stueckweise(nach: ziel)
        var text = ""
        erzeugen(&text) { t in
            guard t.utf8.count >= schwelle else { return }
            datei.anhaengen(&t)
            t.removeAll(keepingCapacity: true)
        }
        datei.anhaengen(&text)
        let tmp = try datei.zu()
        guard let nachlauf else { return try abschliessen(tmp, ziel) }
        nachlauf.uebergeben(ziel) { () throws(Fehler) in try abschliessen(tmp, ziel) }
    }

    /// A new temp file next to `ziel`, written in pieces; the first failing write is kept and reported by `zu()`
    /// (later pieces are skipped), with the same messages as a file written at once.
    private final class Stueckweise {
        let ziel: String
        let tmp: String
        let fd: Int32
        /// errno of the first failed write.
        var fehler: Int32?

        init(nach ziel: String) throws(Fehler) {
            self.ziel = ziel
            tmp = tempPfad(fuer: ziel)
            fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard fd >= 0 else {
                throw Fehler(pfad: ziel, meldung: "kann nicht geschrieben werden: \(String(cString: strerror(errno)))")
            }
        }

        func anhaengen(_ text: inout String) {
            text.withUTF8 { anhaengen(UnsafeRawBufferPointer($0)) }
        }

        func anhaengen(_ buf: UnsafeRawBufferPointer) {
            var off = 0
            while fehler == nil, off < buf.count, let base = buf.baseAddress {
                let n = write(fd, base + off, buf.count - off)
                if n <= 0 { fehler = errno; break }
                off += n
            }
        }

        /// Closes the file; returns its path, or removes it and throws the first write error.
        func zu() throws(Fehler) -> String {
            close(fd)
            if let fehler {
                unlink(tmp)
                throw Fehler(pfad: ziel, meldung: "Schreiben fehlgeschlagen: \(String(cString: strerror(fehler)))")
            }
            return tmp
        }
    }

    /// Flushes a written temp file to disk, then renames it over the target.
    private static func abschliessen(_ tmp: String, _ ziel: String) throws(Fehler) {
        let fd = open(tmp, O_RDONLY)
        let ok = fd >= 0 && fsync(fd) == 0
        let fehler = errno
        if fd >= 0 { close(fd) }
        guard ok else {
            unlink(tmp)
            throw Fehler(pfad: ziel, meldung: "Schreiben fehlgeschlagen: \(String(cString: strerror(fehler)))")
        }
        try uebernehmen(tmp, ziel)
    }

    /// Finishes written files beside the work that follows: each file handed over is flushed to disk and renamed
    /// over its target on a thread of its own (waiting for the disk needs no core), so that the writer can go on
    /// computing the next document meanwhile. `warten()` returns once every file handed over is finished.
    final class Nachlauf: @unchecked Sendable {
        // A serial queue of our own always gets a thread, even while every core is busy with the documents.
        private let schlange = DispatchQueue(label: "eckwert.dateiausgabe.nachlauf")
        private let gruppe = DispatchGroup()
        private let lock = NSLock()
        private var fehler: [String: any Error] = [:]

        /// Runs `abschliessen` (flush and rename the file for `ziel`) in the background.
        func uebergeben(_ ziel: String, _ abschliessen: @escaping @Sendable () throws -> Void) {
            schlange.async(group: gruppe) {
                do {
                    try abschliessen()
                } catch {
                    self.lock.lock()
                    self.fehler[ziel] = error
                    self.lock.unlock()
                }
            }
        }

        /// Waits for every file handed over; returns the errors by target path.
        func warten() -> [String: any Error] {
            gruppe.wait()
            lock.lock()
            defer { lock.unlock() }
            return fehler
        }
    }

    /// Renames a finished temp file over the target.
    public static func uebernehmen(_ tmp: String, _ ziel: String) throws(Fehler) {
        guard rename(tmp, ziel) == 0 else {
            let e = String(cString: strerror(errno))
            unlink(tmp)
            throw Fehler(pfad: ziel, meldung: "kann nicht ersetzt werden: \(e)")
        }
    }

    /// Removes temp files left by killed runs (older than a minute, so a concurrent run's are kept).
    public static func aufraeumen(_ ordner: String) {
        guard let namen = try? FileManager.default.contentsOfDirectory(atPath: ordner) else { return }
        for n in namen where n.hasPrefix(tempPraefix) {
            let p = (ordner as NSString).appendingPathComponent(n)
            if let a = try? FileManager.default.attributesOfItem(atPath: p), let d = a[.modificationDate] as? Date,
                Date().timeIntervalSince(d) > 60
            {
                try? FileManager.default.removeItem(atPath: p)
            }
        }
    }
}
