import Foundation
import Testing
@testable import EckwertCore

/// Small model folders written from code into a fresh temporary folder per test, so that the real loader reads
/// them (no test resources, no Package.swift changes).
enum Fixture {
    /// Writes `dateien` (file name → text) into a fresh temp folder and returns its path.
    static func ordner(_ dateien: [String: String]) throws -> String {
        try ordnerBytes(dateien.mapValues { Array($0.utf8) })
    }

    static func ordnerBytes(_ dateien: [String: [UInt8]]) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("eckwert-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, bytes) in dateien {
            try Data(bytes).write(to: url.appendingPathComponent(name))
        }
        return url.path
    }

    /// Loads `dateien` through `ModellLader.laden(ordner:)`.
    static func laden(_ dateien: [String: String]) throws -> Ladeergebnis {
        let pfad = try ordner(dateien)
        defer { try? FileManager.default.removeItem(atPath: pfad) }
        return ModellLader.laden(ordner: pfad)
    }

    /// Loads and requires a model without errors.
    static func modell(_ dateien: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Planungsmodell {
        let r = try laden(dateien)
        #expect(!r.hatFehler, "\(r.diagnostics.map(\.description))", sourceLocation: sourceLocation)
        return try #require(r.modell, sourceLocation: sourceLocation)
    }

    /// `gebiet;geschlecht;alter;anzahl` with every (gebiet, sex, age 0…100); `prefix` goes before each row (e.g.
    /// `"v;2025;"` for vorausberechnung.csv).
    static func bevoelkerungZeilen(prefix: String = "", gebiete: [String],
                                   anzahl: (String, Geschlecht, Int) -> Double) -> [String] {
        var z: [String] = []
        for g in gebiete {
            for s in Geschlecht.allCases {
                for a in 0...Alter.max { z.append("\(prefix)\(g);\(s.rawValue);\(a);\(zahl(anzahl(g, s, a)))") }
            }
        }
        return z
    }

    static func bevoelkerungCSV(gebiete: [String], anzahl: (String, Geschlecht, Int) -> Double) -> String {
        text(["gebiet;geschlecht;alter;anzahl"] + bevoelkerungZeilen(gebiete: gebiete, anzahl: anzahl))
    }

    /// `geschlecht;alter;qx` with the same q for every cell.
    static func sterbetafelCSV(q: Double = 0) -> String {
        var z = ["geschlecht;alter;qx"]
        for s in Geschlecht.allCases { for a in 0...Alter.max { z.append("\(s.rawValue);\(a);\(zahl(q))") } }
        return text(z)
    }

    /// `alter;rate` 15…49 with the same rate.
    static func fruchtbarkeitCSV(rate: Double = 0) -> String {
        text(["alter;rate"] + (15...49).map { "\($0);\(zahl(rate))" })
    }

    /// `geschlecht;alter;anteil`: the whole net migration goes to one cell (w, 30).
    static func wanderungCSV(anteil: Double = 1) -> String {
        text(["geschlecht;alter;anteil", "w;30;\(zahl(anteil))"])
    }

    static func text(_ zeilen: [String]) -> String { zeilen.joined(separator: "\n") + "\n" }

    /// A number with a decimal point, no exponent for the magnitudes used here.
    static func zahl(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }
}

extension Ladeergebnis {
    /// Every diagnostic as `file:line:column: error: message`.
    var meldungen: [String] { diagnostics.map(\.description) }
    var fehlermeldungen: [String] { diagnostics.filter { $0.severity == .error }.map(\.description) }
}

extension Planungsmodell {
    func zeile(_ key: String) -> Int { kontenrahmen.index(key) ?? -1 }
}
