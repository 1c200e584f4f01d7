import Testing
import Yams

@testable import EckwertCore

/// The loader composes YAML without Yams' tag resolution where that gives the same tree and the same errors
/// (`YAMLDatei.zusammensetzen`). Checked against the reference path (Yams' default resolver throughout) on the
/// fuzz corpus's mutations of a model file and on the cases where the two could differ.
@Suite struct YAMLSchnellpfadTests {
    /// Kind, text, style and position of every node, depth first: what the loader reads. Not the tags: the
    /// loader never reads them, and Yams resolves a key's tag in place while it checks for duplicates, so a key
    /// of the reference tree carries its resolved tag (int for `2026`), one of the fast path str.
    static func form(_ n: Node) -> [String] {
        let ort = "\(n.mark?.line ?? -1):\(n.mark?.column ?? -1)"
        switch n {
        case let .scalar(s):
            return ["s \(ort) \(s.style.rawValue) \(s.string.debugDescription)"]
        case let .mapping(m):
            return ["m \(ort) \(m.style.rawValue) \(m.count)"]
                + m.flatMap { form($0.key) + form($0.value) }
        case let .sequence(q):
            return ["q \(ort) \(q.style.rawValue) \(q.count)"] + q.flatMap(form)
        case .alias:
            return ["a \(ort)"]
        }
    }

    /// Both paths on one text: the same tree, or the same diagnostics.
    static func vergleiche(_ text: String) -> (gleich: Bool, baum: Bool) {
        let schnell = Befund(), referenz = Befund()
        let a = YAMLDatei.lesen(text, datei: "modell.yaml", befund: schnell)
        let b = YAMLDatei.lesen(text, datei: "modell.yaml", befund: referenz, schnell: false)
        let meldungen = schnell.diagnostics.items.map(\.description) == referenz.diagnostics.items.map(\.description)
        #expect(meldungen, "\(schnell.diagnostics.items) / \(referenz.diagnostics.items)")
        return (meldungen && a.map { form($0.node) } == b.map { form($0.node) }, a != nil)
    }

    @Test func mutatedModelFilesComposeAlike() {
        var rng = SplitMix64(seed: 11)
        var baeume = 0, fehler = 0
        for (i, vorlage) in [YAMLFuzzTests.modell, YAMLFuzzTests.szenarien].enumerated() {
            for _ in 0..<300 {
                let text = String(decoding: YAMLFuzzTests.mutiere(Array(vorlage.utf8), &rng), as: UTF8.self)
                let (gleich, baum) = Self.vergleiche(text)
                #expect(gleich, "Datei \(i): \(text)")
                if baum { baeume += 1 } else { fehler += 1 }
            }
        }
        // Both outcomes must occur often, or one of them would go unchecked.
        #expect(baeume > 100 && fehler > 20)
    }

    /// Keys that only the tag tells apart, keys that are the same, with and without explicit tags.
    @Test func keysTheResolverTellsApart() {
        let faelle: [(String, Bool)] = [
            // plain 1 is an int, quoted "1" a str: two keys (no error), as Yams' resolver has it.
            ("a:\n  1: x\n  \"1\": y\n", true),
            ("a: {true: x, 'true': y}\n", true),
            ("a: {x: 1, x: 2}\n", false),
            ("a: {\"x\": 1, x: 2}\n", false),
            ("a:\n  !!int 1: x\n  1: y\n", false),
            ("a:\n  !!str 1: x\n  1: y\n", true),
            ("a: {[1]: x, [\"1\"]: y}\n", true),
            ("a: {x: 1, x: 2}\nb: [\n", false),
        ]
        for (text, baum) in faelle {
            let (gleich, b) = Self.vergleiche(text)
            #expect(gleich, "\(text)")
            #expect(b == baum, "\(text)")
        }
    }
}
