import Testing
@testable import EckwertCore

/// The built-in line schemes, the scheme reader and the account assignment (longest Kontengruppe prefix).
@Suite struct KontenrahmenTests {
    @Test func jederEingebauteKontenrahmenLaedtOhneBefund() throws {
        #expect(Kontenrahmen.eingebauteIDs == ["nkf", "sh", "nds", "hessen", "bw", "bayern", "sachsen"])
        for id in Kontenrahmen.eingebauteIDs {
            #expect(Kontenrahmen.eingebauteDiagnosen(id).map(\.description) == [], "\(id)")
            let k = try #require(Kontenrahmen.eingebaut(id))
            #expect(k.id == id)
            #expect(k.quelle?.isEmpty == false, "\(id) nennt keine Quelle")
            #expect(k.land?.isEmpty == false, "\(id) nennt kein Land")
        }
        #expect(Kontenrahmen.eingebaut("nrw") == nil)
    }

    @Test func nkfKontengruppenLaengsterPraefix() throws {
        let k = Kontenrahmen.nkf
        #expect(k.zeilenschluessel(fuerKonto: "53110000") == "transferaufwendungen")
        #expect(k.zeilenschluessel(fuerKonto: "50120000") == "personalaufwendungen")
        // 44 privatrechtliche Leistungsentgelte, but 448 Kostenerstattungen: the longer prefix wins.
        #expect(k.zeilenschluessel(fuerKonto: "44110000") == "privatrechtliche_leistungsentgelte")
        #expect(k.zeilenschluessel(fuerKonto: "44810000") == "kostenerstattungen")
        #expect(k.kontenzuordnung(fuerKonto: "44810000")?.kontengruppe == "448")
        #expect(k.zeilenschluessel(fuerKonto: "47110000") == "aktivierte_eigenleistungen")
        #expect(k.zeilenschluessel(fuerKonto: "47210000") == "bestandsveraenderungen")
        // Balance-sheet accounts, a free group, non-digits and the empty string have no line.
        #expect(k.zeilenschluessel(fuerKonto: "03100000") == nil)
        #expect(k.zeilenschluessel(fuerKonto: "56000000") == nil)
        #expect(k.zeilenschluessel(fuerKonto: "5311 0000") == nil)
        #expect(k.zeilenschluessel(fuerKonto: "") == nil)
        #expect(k.zeilenschluessel(fuerKonto: "4") == nil)
    }

    @Test func betragszeilenSindDieBuchungszeilen() {
        let k = Kontenrahmen.nkf
        #expect(k.betragszeilen.count == 21)   // lines 1–9, 11–16, 19, 20, 23, 24, 27, 28
        #expect(k.betragszeilen.first == "steuern")
        #expect(!k.betragszeilen.contains("ordentliche_ertraege"))
        #expect(k.betragszeilen.contains("aufwendungen_ilv"))
    }
}
