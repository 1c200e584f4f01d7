import EckwertCore
import Testing
@testable import EckwertImport

@Suite struct ModelltextTests {
    @Test func anhaengenAnBlocklisteLeereListeUndFehlendeListe() throws {
        let block = "kommune: X\nprodukte:\n  - nr: \"1\"\n\n    name: a   # Kommentar\n\n# Abschnitt\nziele: []\n"
        #expect(
            try ModellText.anhaengen(block, liste: "produkte", ["- nr: \"2\""]).get()
                == "kommune: X\nprodukte:\n  - nr: \"1\"\n\n    name: a   # Kommentar\n  - nr: \"2\"\n\n# Abschnitt\n"
                + "ziele: []\n")
        #expect(
            try ModellText.anhaengen("produkte: []  # leer\nx: 1\n", liste: "produkte", ["- nr: \"2\""]).get()
                == "produkte:\n  - nr: \"2\"\nx: 1\n")
        #expect(
            try ModellText.anhaengen("x: 1\r\n", liste: "produktbereiche", ["- {nr: \"3\"}"]).get()
                == "x: 1\r\nproduktbereiche:\r\n  - {nr: \"3\"}\r\n")
        let ohneEinzug = "produkte:\n- nr: \"1\"\n  name: a\n"
        #expect(
            try ModellText.anhaengen(ohneEinzug, liste: "produkte", ["- nr: \"2\""]).get()
                == "produkte:\n- nr: \"1\"\n  name: a\n- nr: \"2\"\n")
        guard case .failure(let e) = ModellText.anhaengen("a: 1\nprodukte: [{nr: \"1\"}]\n", liste: "produkte", ["x"])
        else { Issue.record("Flussform nicht gemeldet"); return }
        #expect(e.diagnostics.first?.location?.line == 2)
        #expect(ModellText.zitiert("a \"b\" \\") == "\"a \\\"b\\\" \\\\\"")
    }
}
