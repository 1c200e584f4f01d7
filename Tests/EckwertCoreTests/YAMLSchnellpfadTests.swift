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
            return ["m \(ort) \(m.count)"] + m.flatMap { form($0.key) + form($0.value) }
        case let .sequence(q):
            return ["q \(ort) \(q.count)"] + q.flatMap(form)
        case .alias:
            return ["a \(ort)"]
        }
    }

    /// The same form read through the loader's node (`YKnoten` over a `YAMLBaum`).
    static func form(_ k: YKnoten) -> [String] {
        let ort = "\(k.ort.line ?? -1):\(k.ort.column ?? -1)"
        let e = k.baum.eintraege[Int(k.index)]
        if let s = k.skalar { return ["s \(ort) \(e.stil) \(s.debugDescription)"] }
        if let p = k.paare { return ["m \(ort) \(p.count)"] + p.flatMap { form($0.schluessel) + form($0.wert) } }
        if let q = k.elemente { return ["q \(ort) \(q.count)"] + q.flatMap(form) }
        return ["a \(ort)"]
    }

    /// Both paths on one text: the same tree, or the same diagnostics.
    static func vergleiche(_ text: String) -> (gleich: Bool, baum: Bool) {
        let schnell = Befund(), referenz = Befund()
        let a = YAMLDatei.lesen(text, datei: "modell.yaml", befund: schnell)
        let b = YAMLDatei.lesen(text, datei: "modell.yaml", befund: referenz, schnell: false)
        let meldungen = schnell.diagnostics.items.map(\.description) == referenz.diagnostics.items.map(\.description)
        #expect(meldungen, "\(schnell.diagnostics.items) / \(referenz.diagnostics.items)")
        // The reference tree read directly from Yams' node, not through the loader's conversion.
        let yams = try? Yams.compose(yaml: text)
        #expect(b.map(form) == yams.map(form), "\(text)")
        return (meldungen && a.map(form) == b.map(form), a != nil)
    }

    @Test func mutatedModelFilesComposeAlike() {
        var rng = SplitMix64(seed: 11)
        var baeume = 0, fehler = 0, ereignisse = 0
        for (i, vorlage) in [YAMLFuzzTests.modell, YAMLFuzzTests.szenarien].enumerated() {
            for _ in 0..<300 {
                let text = String(decoding: YAMLFuzzTests.mutiere(Array(vorlage.utf8), &rng), as: UTF8.self)
                let (gleich, baum) = Self.vergleiche(text)
                #expect(gleich, "Datei \(i): \(text)")
                if baum { baeume += 1 } else { fehler += 1 }
                if case .baum = YAMLKomponist.zusammensetzen(text, datei: "modell.yaml") { ereignisse += 1 }
            }
        }
        // Both outcomes must occur often, or one of them would go unchecked; and most trees must come from the
        // events (the composer's own path), not from its fallback.
        #expect(baeume > 100 && fehler > 20)
        #expect(ereignisse > 100)
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

    /// The composer takes the texts it can compose exactly and leaves the rest to Yams.
    @Test func composerTakesOnlyWhatItComposesExactly() {
        let faelle: [(String, Bool)] = [
            ("a: 1\nb: [x, 'y', \"z\"]\nc: {d: e}\n", true),
            ("", false),
            ("a: &x 1\nb: *x\n", false),
            ("a: !!str 1\n", false),
            ("a: {x: 1, x: 2}\n", false),
            ("a:\n  1: x\n  \"1\": y\n", false),
            ("? [1]\n: x\n", false),
            ("a: 1\n---\nb: 2\n", false),
            ("a: [1\n", false),
            ("a: \u{FEFF}x\nb: \"\u{FEFF}y\\0z\"\nc: ä\n", true),
        ]
        for (text, baum) in faelle {
            let r = YAMLKomponist.zusammensetzen(text, datei: "t.yaml")
            if case .baum = r { #expect(baum, "\(text)") } else { #expect(!baum, "\(text)") }
            #expect(Self.vergleiche(text).gleich, "\(text)")
        }
        if case .leer = YAMLKomponist.zusammensetzen("# nur Kommentar\n", datei: "t.yaml") {
        } else {
            Issue.record("ein Text ohne Dokument ist leer")
        }
    }
    /// A mapping read pair by pair straight from the tree (`paarzahl`, `paar`, `wert`, `YLeser.abschnitt`): the
    /// keys, values and positions written in the text, by hand.
    @Test func mappingReadPairByPair() throws {
        let text = "a: 1\nb: [x, y]\nc: {d: 'e'}\n"
        let w = try #require(YAMLDatei.lesen(text, datei: "t.yaml", befund: Befund()))
        #expect(w.paarzahl == 3)
        #expect((0..<3).map { w.paar($0).schluessel.skalar } == ["a", "b", "c"])
        #expect(w.paar(0).wert.skalar == "1")
        #expect(w.paar(1).wert.elemente?.map(\.skalar) == ["x", "y"])
        #expect(w.paar(2).wert.wert("d") == "e")
        #expect(w.paar(2).wert.paar(0).wert.gequotet)
        #expect(w.paar(1).schluessel.ort.line == 2 && w.paar(1).schluessel.ort.column == 1)
        #expect(w.wert("a") == "1" && w.wert("z") == nil)
        // Not mappings: a scalar and a sequence have no pairs.
        #expect(w.paar(0).wert.paarzahl == nil && w.paar(1).wert.paarzahl == nil && w.paar(0).wert.wert("a") == nil)
        let befund = Befund()
        let a = try #require(YLeser(befund: befund).abschnitt(w, "Test"))
        #expect(a.paare.map(\.schluessel) == ["a", "b", "c"])
        #expect(a.paare.map { $0.ort.line } == [1, 2, 3])
        #expect(a["c"]?.wert("d") == "e")
        #expect(befund.diagnostics.items.isEmpty)
        // A key that is no text is reported at its place and left out; the other pairs stay.
        let z = try #require(YAMLDatei.lesen("? [1]\n: x\nb: 2\n", datei: "t.yaml", befund: Befund()))
        let b2 = Befund()
        let a2 = try #require(YLeser(befund: b2).abschnitt(z, "Test"))
        #expect(a2.paare.map(\.schluessel) == ["b"])
        #expect(
            b2.diagnostics.items.map(\.description) == [
                "t.yaml:1:3: error: Test: Schlüssel muss ein einfacher Text sein, gefunden eine Liste"
            ])
        #expect(YLeser(befund: b2).abschnitt(w.paar(0).wert, "Test") == nil)
        #expect(b2.diagnostics.items.count == 2)
    }
}
