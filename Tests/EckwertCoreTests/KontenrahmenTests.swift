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
        #expect(k.betragszeilen.count == 21)  // lines 1–9, 11–16, 19, 20, 23, 24, 27, 28
        #expect(k.betragszeilen.first == "steuern")
        #expect(!k.betragszeilen.contains("ordentliche_ertraege"))
        #expect(k.betragszeilen.contains("aufwendungen_ilv"))
    }
}

/// Sums of every built-in scheme, checked by hand: each booking line carries its own printed number as amount
/// (line 7 carries 7), the scheme's sum lines are formed (`Summen.bilden`), and each sum line must equal the hand
/// arithmetic written next to it.
@Suite struct KontenrahmenSummenTests {
    /// The Ergebnisplan (or Finanzplan) of `id` with every booking line = its number, sums formed; by line number.
    static func summen(_ id: String, finanzplan: Bool = false) throws -> [String: Double] {
        let k = try #require(Kontenrahmen.eingebaut(id))
        let zeilen = finanzplan ? k.finanzplan : k.zeilen
        var werte = try zeilen.map { z in [z.istSumme ? 0 : try #require(Double(z.nr))] }
        Summen.bilden(&werte, zeilen)
        return Dictionary(uniqueKeysWithValues: zeilen.enumerated().map { ($1.nr, werte[$0][0]) })
    }

    @Test func nkf() throws {
        let s = try Self.summen("nkf")
        #expect(s["10"] == 45)  // 1 + 2 + … + 9
        #expect(s["17"] == 81)  // 11 + 12 + 13 + 14 + 15 + 16
        #expect(s["18"] == -36)  // 45 − 81
        #expect(s["21"] == -1)  // 19 − 20
        #expect(s["22"] == -37)  // −36 + (−1)
        #expect(s["25"] == -1)  // 23 − 24
        #expect(s["26"] == -38)  // −37 + (−1)
        #expect(s["29"] == -39)  // −38 + 27 − 28
        let f = try Self.summen("nkf", finanzplan: true)
        #expect(f["17"] == -7)  // 9 − 16
        #expect(f["23"] == 18)
        #expect(f["30"] == 25)
        #expect(f["31"] == -7)  // 18 − 25
        #expect(f["32"] == -14)  // −7 + (−7)
    }

    @Test func schleswigHolstein() throws {
        let s = try Self.summen("sh")
        #expect(s["10"] == 45)  // 1 + … + 9
        #expect(s["17"] == 81)  // 11 + … + 16
        #expect(s["18"] == -36)  // 45 − 81
        #expect(s["21"] == -1)  // 19 − 20
        #expect(s["22"] == -37)  // Jahresergebnis = 18 + 21 = −36 − 1
        #expect(s["30"] == -38)  // −37 + 28 − 29
        // The published SH statements have no außerordentliche lines: nothing between 22 and the ILV lines.
        #expect(s["23"] == nil && s["26"] == nil)
        let k = try #require(Kontenrahmen.eingebaut("sh"))
        #expect(k.ilvErtraege.flatMap { k.zeile($0)?.nr } == "28")
        #expect(k.ilvAufwendungen.flatMap { k.zeile($0)?.nr } == "29")
        #expect(k.zeile("ordentliches_ergebnis")?.nr == "22")  // alias of the Jahresergebnis
        try Self.finanzplanWieNKF("sh")
    }

    /// The Finanzplan lines numbered as in NKF, BW and the schemes that follow them: booking lines 9, 16, 18, 25.
    static func finanzplanWieNKF(_ id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let f = try Self.summen(id, finanzplan: true)
        #expect(f.count == 9, sourceLocation: sourceLocation)
        #expect(f["17"] == -7, sourceLocation: sourceLocation)  // 9 − 16
        #expect(f["23"] == 18, sourceLocation: sourceLocation)  // 18
        #expect(f["30"] == 25, sourceLocation: sourceLocation)  // 25
        #expect(f["31"] == -7, sourceLocation: sourceLocation)  // 18 − 25
        #expect(f["32"] == -14, sourceLocation: sourceLocation)  // −7 + (−7)
    }

    @Test func niedersachsen() throws {
        let s = try Self.summen("nds")
        #expect(s["12"] == 66)  // 1 + … + 11
        #expect(s["20"] == 112)  // 13 + … + 19 = (13 + 19) · 7 / 2
        #expect(s["21"] == -46)  // 66 − 112
        #expect(s["24"] == -1)  // 22 − 23
        #expect(s["25"] == -47)  // −46 − 1
        try Self.finanzplanWieNKF("nds")
    }

    @Test func hessen() throws {
        let s = try Self.summen("hessen")
        #expect(s["10"] == 45)  // 1 + … + 9
        #expect(s["19"] == 116)  // 11 + … + 18 = (11 + 18) · 8 / 2
        #expect(s["20"] == -71)  // 45 − 116
        #expect(s["23"] == -1)  // 21 − 22
        #expect(s["24"] == -72)  // −71 − 1
        #expect(s["27"] == -1)  // 25 − 26
        #expect(s["28"] == -73)  // −72 − 1
        // Finanzhaushalt § 3 GemHVO Hessen: booking lines 9, 18, 20, 25.
        let f = try Self.summen("hessen", finanzplan: true)
        #expect(f.count == 9)
        #expect(f["19"] == -9)  // 9 − 18
        #expect(f["23"] == 20)  // 20
        #expect(f["28"] == 25)  // 25
        #expect(f["29"] == -5)  // 20 − 25
        #expect(f["30"] == -14)  // −9 + (−5)
    }

    @Test func badenWuerttemberg() throws {
        let s = try Self.summen("bw")
        #expect(s["11"] == 55)  // 1 + … + 10
        #expect(s["19"] == 105)  // 12 + … + 18 = (12 + 18) · 7 / 2
        #expect(s["20"] == -50)  // 55 − 105
        #expect(s["23"] == -1)  // 21 − 22
        #expect(s["24"] == -51)  // −50 − 1
        try Self.finanzplanWieNKF("bw")
    }

    @Test func bayern() throws {
        let s = try Self.summen("bayern")
        #expect(s["11"] == 55)  // 1 + … + 10
        #expect(s["18"] == 87)  // 12 + … + 17
        #expect(s["19"] == -32)  // 55 − 87
        #expect(s["22"] == -1)  // 20 − 21
        #expect(s["23"] == -33)  // −32 − 1
        #expect(s["26"] == -1)  // 24 − 25
        #expect(s["27"] == -34)  // −33 − 1
        try Self.finanzplanWieNKF("bayern")
    }

    @Test func sachsen() throws {
        let s = try Self.summen("sachsen")
        #expect(s["10"] == 45)  // 1 + … + 9
        #expect(s["18"] == 98)  // 11 + … + 17
        #expect(s["19"] == -53)  // 45 − 98
        #expect(s["22"] == -1)  // 20 − 21
        #expect(s["23"] == -54)  // −53 − 1
        try Self.finanzplanWieNKF("sachsen")
    }

    /// The Zuschussbedarf lines and the special lines of each scheme name the right printed lines.
    @Test func sonderzeilenJeSchema() throws {
        // id: (Sonderposten, Abschreibungen, Erträge-Summe, Aufwendungen-Summe, Ausgleich), as printed numbers
        let erwartet: [String: [String]] = [
            "nkf": ["2", "14", "10", "17", "22"], "sh": ["2", "14", "10", "17", "22"],
            "nds": ["3", "16", "12", "20", "21"], "hessen": ["8", "14", "10", "19", "24"],
            "bw": ["3", "15", "11", "19", "20"], "bayern": ["5", "15", "11", "18", "23"],
            "sachsen": ["2", "14", "10", "18", "19"],
        ]
        for (id, nr) in erwartet {
            let k = try #require(Kontenrahmen.eingebaut(id))
            let ist = [k.sonderposten, k.abschreibungen, k.ertraege, k.aufwendungen, k.ausgleich]
                .map { k.zeile($0)?.nr }
            #expect(ist == nr, "\(id)")
        }
    }

    static let finanzplanSchluessel = [
        "einzahlungen_verwaltungstaetigkeit", "auszahlungen_verwaltungstaetigkeit", "saldo_verwaltungstaetigkeit",
        "einzahlungen_investitionszuwendungen", "einzahlungen_investitionstaetigkeit", "auszahlungen_baumassnahmen",
        "auszahlungen_investitionstaetigkeit", "saldo_investitionstaetigkeit", "finanzmittelsaldo",
    ]

    /// Model keys are portable: the lines a product usually books to have the same key in every scheme.
    @Test func gemeinsameSchluessel() throws {
        let gemeinsam = [
            "steuern", "zuwendungen_umlagen", "sonstige_transferertraege", "kostenerstattungen",
            "oeffentlich_rechtliche_leistungsentgelte", "privatrechtliche_leistungsentgelte",
            "personalaufwendungen", "versorgungsaufwendungen", "aufwendungen_sach_dienstleistungen",
            "bilanzielle_abschreibungen", "transferaufwendungen", "sonstige_ordentliche_aufwendungen",
            "ausserordentliche_ertraege", "ausserordentliche_aufwendungen",
            "sonstige_ordentliche_ertraege",
            "zinsen_finanzaufwendungen", "finanzertraege", "aktivierte_eigenleistungen",
        ]
        // Schleswig-Holstein's Ergebnisplan has no außerordentliche Erträge/Aufwendungen (published statements).
        let ausserordentlich = ["ausserordentliche_ertraege", "ausserordentliche_aufwendungen"]
        for id in Kontenrahmen.eingebauteIDs {
            let k = try #require(Kontenrahmen.eingebaut(id))
            for key in gemeinsam where id != "sh" || !ausserordentlich.contains(key) {
                #expect(k.istBuchungszeile(key), "\(id): \(key)")
            }
            // The Finanzplan keys are the same in every scheme, and so are the four lines the engine books.
            for key in Self.finanzplanSchluessel { #expect(k.finanzplan.contains { $0.key == key }, "\(id): \(key)") }
            #expect(
                [k.einzahlungenVerwaltung, k.auszahlungenVerwaltung, k.investitionszuwendungen, k.baumassnahmen] == [
                    "einzahlungen_verwaltungstaetigkeit", "auszahlungen_verwaltungstaetigkeit",
                    "einzahlungen_investitionszuwendungen", "auszahlungen_baumassnahmen",
                ], "\(id)")
            // `abschreibungen` and `bestandsveraenderungen` are keys or aliases everywhere.
            #expect(k.istBuchungszeile("abschreibungen"), "\(id)")
            #expect(k.istBuchungszeile("bestandsveraenderungen"), "\(id)")
        }
    }
}

/// The NKF lines are the published NKF-Muster lines, unchanged by the move from Swift into a resource file.
@Suite struct NKFZeilenTests {
    @Test func nummernSchluesselUndBezeichnungen() {
        let erwartet = [
            "1 steuern Steuern und ähnliche Abgaben", "2 zuwendungen_umlagen Zuwendungen und allgemeine Umlagen",
            "3 sonstige_transferertraege Sonstige Transfererträge",
            "4 oeffentlich_rechtliche_leistungsentgelte Öffentlich-rechtliche Leistungsentgelte",
            "5 privatrechtliche_leistungsentgelte Privatrechtliche Leistungsentgelte",
            "6 kostenerstattungen Kostenerstattungen und Kostenumlagen",
            "7 sonstige_ordentliche_ertraege Sonstige ordentliche Erträge",
            "8 aktivierte_eigenleistungen Aktivierte Eigenleistungen", "9 bestandsveraenderungen Bestandsveränderungen",
            "10 ordentliche_ertraege Ordentliche Erträge", "11 personalaufwendungen Personalaufwendungen",
            "12 versorgungsaufwendungen Versorgungsaufwendungen",
            "13 aufwendungen_sach_dienstleistungen Aufwendungen für Sach- und Dienstleistungen",
            "14 bilanzielle_abschreibungen Bilanzielle Abschreibungen", "15 transferaufwendungen Transferaufwendungen",
            "16 sonstige_ordentliche_aufwendungen Sonstige ordentliche Aufwendungen",
            "17 ordentliche_aufwendungen Ordentliche Aufwendungen",
            "18 ergebnis_verwaltungstaetigkeit Ergebnis der laufenden Verwaltungstätigkeit",
            "19 finanzertraege Finanzerträge", "20 zinsen_finanzaufwendungen Zinsen und sonstige Finanzaufwendungen",
            "21 finanzergebnis Finanzergebnis", "22 ordentliches_ergebnis Ordentliches Ergebnis",
            "23 ausserordentliche_ertraege Außerordentliche Erträge",
            "24 ausserordentliche_aufwendungen Außerordentliche Aufwendungen",
            "25 ausserordentliches_ergebnis Außerordentliches Ergebnis",
            "26 ergebnis_vor_ilv Ergebnis vor Berücksichtigung der internen Leistungsbeziehungen",
            "27 ertraege_ilv Erträge aus internen Leistungsbeziehungen",
            "28 aufwendungen_ilv Aufwendungen aus internen Leistungsbeziehungen", "29 ergebnis Ergebnis (Teilergebnis)",
        ]
        #expect(Kontenrahmen.nkf.zeilen.map { "\($0.nr) \($0.key) \($0.name)" } == erwartet)
        #expect(Kontenrahmen.nkf.finanzplan.map(\.nr) == ["9", "16", "17", "18", "23", "25", "30", "31", "32"])
        #expect(Kontenrahmen.nkf.finanzplan.last?.name == "Finanzmittelüberschuss/-fehlbedarf")
        #expect(Kontenrahmen.nkf.ungeprueft.isEmpty)
    }
}
