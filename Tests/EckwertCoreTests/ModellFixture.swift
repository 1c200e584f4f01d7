import Foundation
import Testing
@testable import EckwertCore
import EckwertTestSupport

/// Loading test models written by `Modellbauer` (EckwertTestSupport) through the real loader.
enum Fixture {
    /// Loads and requires a model without errors.
    static func modell(
        _ bauer: Modellbauer, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws
        -> Planungsmodell
    {
        let r = try bauer.laden()
        #expect(!r.hatFehler, "\(r.diagnostics.map(\.description))", sourceLocation: sourceLocation)
        return try #require(r.modell, sourceLocation: sourceLocation)
    }

    static func modell(
        _ dateien: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws
        -> Planungsmodell
    {
        try modell(Modellbauer(dateien), sourceLocation: sourceLocation)
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

/// |a − b| ≤ 1e-9 · max(1, |b|) (plus `abs`): money and cases carried unrounded through a few multiplications.
func nahe(_ a: Double, _ b: Double, abs tol: Double = 1e-6) -> Bool {
    Swift.abs(a - b) <= tol + 1e-9 * Swift.max(1, Swift.abs(b))
}

func nahe(_ a: [Double], _ b: [Double], abs tol: Double = 1e-6) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { nahe($0, $1, abs: tol) }
}

enum Musterstadt {
    /// The shipped model `scenarios/musterstadt`, loaded once.
    static let modell: Planungsmodell? = {
        let wurzel = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return ModellLader.laden(ordner: wurzel.appendingPathComponent("scenarios/musterstadt").path).modell
    }()
}
