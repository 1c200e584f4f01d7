import Testing

@testable import EckwertCore

/// The cross-file rules run in two groups on two cores (``Modellpruefung/pruefen(_:_:dateiname:gelesen:befund:)``):
/// their messages must be those of the rules run one after the other, in the same order.
@Suite struct ModellpruefungParallelTests {
    @Test func messagesAsWhenTheRulesRunInTurn() throws {
        let ordner = SchlichteCSVTests.ordner
        let geladen = ModellLader.laden(ordner: ordner.path)
        var m = try #require(geladen.modell)
        var md = try #require(
            ModellLader.modellDatei(try SchlichteCSVTests.datei("modell.yaml"), befund: Befund()))
        // Messages from both groups: an Ist row of an unknown product and a product without Ist (rules of
        // ist.csv), a product number given twice (a general rule).
        m.ist.werte[IstSchluessel(jahr: m.basisjahr, produkt: "99.9.99", groesse: "faelle")] = 1
        let erstes = m.produkte[0]
        var neu = erstes
        neu.nr = "98.7.65"
        // A rule of ansatz.csv (run after the general rules on this thread): basis ansatz without an Ansatz row.
        neu.basis = .ansatz
        m.produkte += [neu, erstes]
        // A third Budgetbereich naming the first product by its number: it lies in two (or more) Budgetbereiche.
        md.budgetbereiche.append(
            (Budgetbereich(id: "B9", name: "Neu", produkte: [erstes.nr]), SourceLocation(file: "modell.yaml")))
        let gelesen = Set(Datenquellen.alle.map(\.schluessel))
        let dateien = md.dateien
        let name: @Sendable (String) -> String = { Ladung.dateiname($0, dateien) }
        let parallel = Befund()
        Modellpruefung.pruefen(m, md, dateiname: name, gelesen: gelesen, befund: parallel)
        let nacheinander = Befund()
        let k = Modellpruefung.Kontext(
            m: m, md: md, dateiname: name, gelesen: gelesen, befund: nacheinander,
            produkte: Produktindex(m.produkte))
        for regel in Modellpruefung.allgemeineRegeln + Datenquellen.alle.flatMap(\.pruefungen) { regel(k) }
        #expect(parallel.diagnostics.items == nacheinander.diagnostics.items)
        let texte = parallel.diagnostics.items.map(\.message)
        #expect(texte.contains("Produkt '99.9.99' gibt es in modell.yaml nicht"))
        #expect(texte.contains { $0.hasPrefix("Produktnummer '\(erstes.nr)' ist doppelt vergeben") })
        #expect(texte.contains { $0.hasPrefix("Produkt 98.7.65: keine Ist-Daten für das Basisjahr") })
        #expect(texte.contains { $0.hasPrefix("Produkt 98.7.65: basis ansatz, aber ") })
        // The Budgetbereiche holding the product, by testing every entry of each (the plain rule), in their order.
        let bereiche = md.budgetbereiche.filter { bb in bb.0.produkte.contains { Planungsmodell.umfasst($0, erstes) } }
        #expect(bereiche.count >= 2 && bereiche.last?.0.id == "B9")
        #expect(
            texte.contains(
                "Budgetbereiche \(bereiche.map(\.0.id).joined(separator: " und ")) überschneiden sich: Produkt "
                    + "\(erstes.nr) liegt in beiden"))
    }
}
