import EckwertCore
import Foundation

/// Files an import writes, written all or nothing: every file goes to a temporary file beside it first; only
/// when all are written are they renamed over the originals. If a rename fails, the files already replaced get
/// their old content back. Files whose content did not change are not touched.
public struct Dateisatz: Sendable {
    public struct Datei: Sendable {
        public var pfad: String
        public var inhalt: [UInt8]
    }

    public private(set) var dateien: [Datei] = []

    public init() {}

    public mutating func setzen(_ pfad: String, _ inhalt: [UInt8]) {
        dateien.removeAll { $0.pfad == pfad }
        dateien.append(Datei(pfad: pfad, inhalt: inhalt))
    }

    /// The files whose content differs from what is on disk.
    public var geaendert: [Datei] {
        dateien.filter { d in FileManager.default.contents(atPath: d.pfad).map { [UInt8]($0) != d.inhalt } ?? true }
    }

    /// Writes the changed files; returns their paths. On any error nothing on disk has changed.
    public func schreiben() -> Result<[String], ModelError> {
        let fm = FileManager.default
        let zuSchreiben = geaendert
        var temp: [(Datei, String, Data?)] = []
        func aufraeumen() { for (_, t, _) in temp { try? fm.removeItem(atPath: t) } }
        for d in zuSchreiben {
            let t = d.pfad + ".eckwert-import.tmp"
            let alt = fm.contents(atPath: d.pfad)
            guard fm.createFile(atPath: t, contents: Data(d.inhalt)) else {
                aufraeumen()
                return .failure(
                    ModelError([
                        .error(
                            SourceLocation(file: d.pfad),
                            "kann nicht geschrieben werden (Schreibrecht? Speicherplatz?) – nichts am Modell geändert")
                    ]))
            }
            temp.append((d, t, alt))
        }
        var ersetzt: [(Datei, Data?)] = []
        for (d, t, alt) in temp {
            if rename(t, d.pfad) != 0 {
                for (e, a) in ersetzt.reversed() {
                    if let a {
                        _ = fm.createFile(atPath: e.pfad, contents: a)
                    } else {
                        try? fm.removeItem(atPath: e.pfad)
                    }
                }
                aufraeumen()
                return .failure(
                    ModelError([
                        .error(
                            SourceLocation(file: d.pfad),
                            "kann nicht ersetzt werden – nichts am Modell geändert")
                    ]))
            }
            ersetzt.append((d, alt))
        }
        return .success(zuSchreiben.map(\.pfad))
    }
}
