import EckwertCore
import EckwertImport
import Foundation

// libFuzzer entry of every target (the model's CSV and formula readers, the importers, the numbering) (built and started by tools/fuzz/run.sh). The target is
// chosen by the environment variable ECKWERT_FUZZ_ZIEL; the fixed files (mappings, model folders) are read once,
// relative to the repository root (the working directory run.sh sets). Every target calls the production code in
// memory, with `probelauf: true`: nothing is written per input.

/// A target: set up once, then one call per input.
protocol Ziel {
    mutating func pruefen(_ d: [UInt8])
}

var ziel: Ziel?

/// Stops the run like a crash would, so that libFuzzer keeps the input: a broken invariant is a finding.
func verletzt(_ was: String, _ d: [UInt8]) -> Never {
    fatalError("Invariante verletzt: \(was) (Eingabe \(d.count) Bytes)")
}

/// A file of the repository, or the run stops (a missing fixed file is a setup error, not a finding).
func datei(_ pfad: String) -> [UInt8] {
    guard let d = FileManager.default.contents(atPath: pfad) else { fatalError("fehlt: \(pfad)") }
    return [UInt8](d)
}

/// The YAML files of a folder, sorted by name (the first byte of an input picks one).
func yamlDateien(_ ordner: String) -> [(name: String, bytes: [UInt8])] {
    let namen = (try? FileManager.default.contentsOfDirectory(atPath: ordner)) ?? []
    let yaml = namen.filter { $0.hasSuffix(".yaml") }.sorted()
    guard !yaml.isEmpty else { fatalError("keine Zuordnungen in \(ordner)") }
    return yaml.map { ($0, datei(ordner + "/" + $0)) }
}

func modellstand(_ ordner: String) -> Modellstand {
    switch Modellstand.lesen(ordner: ordner) {
    case .success(let s): return s
    case .failure(let e): fatalError("Modellstand \(ordner): \(e.description)")
    }
}

@_cdecl("LLVMFuzzerInitialize")
public func initialisieren(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>>>
) -> CInt {
    let name = ProcessInfo.processInfo.environment["ECKWERT_FUZZ_ZIEL"] ?? ""
    switch name {
    case "haushalt": ziel = HaushaltZiel()
    case "zuordnung": ziel = ZuordnungsZiel()
    case "bevoelkerung": ziel = BevoelkerungsZiel()
    case "nummern": ziel = NummernZiel()
    case "kontenrahmen": ziel = KontenrahmenZiel()
    case "csv": ziel = CSVZiel()
    case "formel": ziel = FormelZiel()
    default:
        fatalError(
            "ECKWERT_FUZZ_ZIEL='\(name)': erwartet haushalt, zuordnung, bevoelkerung, nummern, kontenrahmen, csv, formel"
        )
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func eingabe(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    ziel?.pruefen(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
