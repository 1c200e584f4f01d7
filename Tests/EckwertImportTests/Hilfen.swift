import Foundation
@testable import EckwertImport

/// The repository root (the tests read the shipped import example from the source tree).
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// A fresh model folder per test with the given files (text as UTF-8, or bytes).
func ordner(_ dateien: [String: String], bytes: [String: [UInt8]] = [:]) throws -> String {
    let pfad = NSTemporaryDirectory() + "eckwert-import-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: pfad, withIntermediateDirectories: true)
    for (n, t) in dateien { try Data(t.utf8).write(to: URL(fileURLWithPath: pfad + "/" + n)) }
    for (n, b) in bytes { try Data(b).write(to: URL(fileURLWithPath: pfad + "/" + n)) }
    return pfad
}

func lies(_ pfad: String) -> String {
    FileManager.default.contents(atPath: pfad).map { String(decoding: $0, as: UTF8.self) } ?? ""
}

/// Every file of a folder with its bytes.
func inhalte(_ pfad: String) -> [String: Data] {
    var aus: [String: Data] = [:]
    for n in (try? FileManager.default.contentsOfDirectory(atPath: pfad)) ?? [] {
        aus[n] = FileManager.default.contents(atPath: pfad + "/" + n)
    }
    return aus
}

/// Windows-1252 bytes of a text (test data: only Latin-1 letters and €).
func cp1252(_ s: String) -> [UInt8] {
    var b: [UInt8] = []
    for u in s.unicodeScalars {
        if u == "€" { b.append(0x80) } else if u.value < 256 { b.append(UInt8(u.value)) } else { b.append(0x3F) }
    }
    return b
}

/// A small starter model: one product written by hand with a driver and comments.
let startmodell = """
    kommune: Teststadt
    basisjahr: 2025
    kontenrahmen: nkf

    produkte:
      # von Hand: Kita mit Treiber
      - nr: "361001"
        name: Kita von Hand benannt
        art: pflicht
        fallzahl: {bezug: {alter: [3, 5]}, quote: ist}   # Kommentar bleibt

    produktgruppen:
      - {nr: "3610", name: Kitas}

    produktbereiche:
      - {nr: "36", name: Jugend}

    budgetbereiche:
      - {id: B1, name: Alles, produkte: ["36"]}

    """

/// Runs the household import on in-memory files; the model folder is returned for inspection.
func haushalt(
    export: [UInt8], zuordnung: String, modell: [String: String] = ["modell.yaml": startmodell],
    probelauf: Bool = false
) throws -> (Result<Haushaltsbericht, EckwertCore.ModelError>, String) {
    let o = try ordner(modell)
    let e = try ordner(["zuordnung.yaml": zuordnung], bytes: ["export.csv": export])
    let r = HaushaltImport.ausfuehren(
        export: e + "/export.csv", zuordnung: e + "/zuordnung.yaml", modell: o,
        probelauf: probelauf)
    return (r, o)
}

import EckwertCore
