import Testing

@testable import EckwertCore

/// The cross-file rules run in two groups on two cores (``Modellpruefung/pruefen(_:_:dateiname:gelesen:befund:)``):
/// their messages must be those of the rules run one after the other, in the same order.
@Suite struct ModellpruefungParallelTests {
    @Test func messagesAsWhenTheRulesRunInTurn() throws {
        let ordner = SchlichteCSVTests.ordner
        let geladen = ModellLader.laden(ordner: ordner.path)
        var m = try #require(geladen.modell)
        let md = try #require(
            ModellLader.modellDatei(try SchlichteCSVTests.datei("modell.yaml"), befund: Befund()))
        // Messages from both groups: an Ist row of an unknown product and a product without Ist (rules of
        // ist.csv), a product number given twice (a general rule).
        m.ist.werte[IstSchluessel(jahr: m.basisjahr, produkt: "99.9.99", groesse: "faelle")] = 1
        let erstes = m.produkte[0]
        var neu = erstes
        neu.nr = "98.7.65"
        m.produkte += [neu, erstes]
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
    }
}
