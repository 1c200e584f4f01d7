import Foundation

/// The built-in line schemes: YAML files under `Sources/EckwertCore/Ressourcen/kontenrahmen`, embedded into the
/// binary at build time (SwiftPM `embedInCode`), in the same form a model's own scheme file uses.
extension Kontenrahmen {
    /// Ids a model names in `kontenrahmen:`, in display order, with the embedded file.
    static let eingebauteQuellen: [(id: String, bytes: [UInt8])] = [
        ("nkf", PackageResources.nkf_yaml),
        ("sh", PackageResources.sh_yaml),
        ("nds", PackageResources.nds_yaml),
        ("hessen", PackageResources.hessen_yaml),
        ("bw", PackageResources.bw_yaml),
        ("bayern", PackageResources.bayern_yaml),
        ("sachsen", PackageResources.sachsen_yaml),
    ]

    /// The ids of the built-in schemes.
    public static var eingebauteIDs: [String] { eingebauteQuellen.map(\.id) }

    /// Every built-in scheme, parsed once (a scheme that does not load is left out; the tests load each one).
    public static let eingebaute: [Kontenrahmen] = eingebauteQuellen.compactMap { gelesen($0) }

    /// One embedded file parsed.
    static func gelesen(_ q: (id: String, bytes: [UInt8])) -> Kontenrahmen? {
        KontenrahmenLeser.lesen(
            String(decoding: q.bytes, as: UTF8.self), datei: "(eingebaut: \(q.id))",
            befund: Befund())
    }

    /// The built-in scheme with this id (`nkf`, `sh`, `nds`, `hessen`, `bw`, `bayern`, `sachsen`): the first of
    /// `eingebaute` with the id. A model names one scheme, so only the file of that name is parsed (once, on first
    /// use) rather than all seven (~6 ms of the loader's main thread on the benchmark model); each file's scheme
    /// has its file's id (KontenrahmenTests), and where one would not, all are looked at as before.
    public static func eingebaut(_ id: String) -> Kontenrahmen? {
        if let k = einzelnGelesen.kontenrahmen(id), k.id == id { return k }
        return eingebaute.first { $0.id == id }
    }

    /// The embedded files parsed one at a time, each on first use, under a lock (the loader asks from two threads).
    private static let einzelnGelesen = EinzelnGelesen()

    private final class EinzelnGelesen: @unchecked Sendable {
        private let sperre = NSLockBridge()
        private var gelesen: [String: Kontenrahmen?] = [:]

        func kontenrahmen(_ id: String) -> Kontenrahmen? {
            sperre.mit {
                if let k = gelesen[id] { return k }
                let k = eingebauteQuellen.first { $0.id == id }.flatMap { Kontenrahmen.gelesen($0) }
                gelesen[id] = k
                return k
            }
        }
    }

    /// The YAML text of a built-in scheme (a starting point for a model's own scheme file).
    public static func eingebauterQuelltext(_ id: String) -> String? {
        eingebauteQuellen.first { $0.id == id }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// Diagnostics of a built-in scheme's text (empty when it loads cleanly); for tests.
    static func eingebauteDiagnosen(_ id: String) -> [Diagnostic] {
        guard let t = eingebauterQuelltext(id) else { return [.error(nil, "kein eingebauter Kontenrahmen \(id)")] }
        let b = Befund()
        _ = KontenrahmenLeser.lesen(t, datei: "(eingebaut: \(id))", befund: b)
        return b.diagnostics.items
    }

    /// The built-in NKF scheme (NRW).
    public static let nkf: Kontenrahmen = {
        guard let k = eingebaut("nkf") else { preconditionFailure("built-in NKF scheme does not load") }
        return k
    }()
}

extension Kontenrahmen {
    /// Reads a scheme file (a model's own scheme) with every diagnostic, each naming the file, line and column.
    public static func lesen(text: String, datei: String) -> (kontenrahmen: Kontenrahmen?, diagnostics: [Diagnostic]) {
        let b = Befund()
        let k = KontenrahmenLeser.lesen(text, datei: datei, befund: b)
        return (k, b.diagnostics.sorted)
    }

    /// Reads a scheme file from disk; a file that cannot be read or is not UTF-8 gives one error.
    public static func laden(datei pfad: String) -> (kontenrahmen: Kontenrahmen?, diagnostics: [Diagnostic]) {
        guard let d = FileManager.default.contents(atPath: pfad) else {
            return (nil, [.error(SourceLocation(file: pfad), "Datei nicht lesbar oder nicht vorhanden")])
        }
        guard let t = String(data: d, encoding: .utf8) else {
            let ort = SourceLocation(file: pfad, line: 1)
            return (nil, [.error(ort, "keine UTF-8-Datei – bitte als UTF-8 speichern")])
        }
        return lesen(text: t, datei: pfad)
    }
}
