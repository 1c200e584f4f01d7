import Foundation
import Testing
@testable import EckwertCore
import EckwertTestSupport

/// Product numbering of any depth: the prefix rule, explicit levels, ranges, errors, and the level sums that
/// follow from it (expected values by hand from the Ist rows written in each test).
@Suite struct ProduktnummerungTests {
    /// A model with the given levels and products (flow maps), every product freiwillig with one Ist row
    /// `aufwendungen_sach_dienstleistungen` in the Basisjahr 2024 (the amounts given).
    static func dateien(
        bereiche: [String], gruppen: [String], produkte: [(String, Double, String)],
        budget: [String], formel: String? = nil
    ) -> [String: String] {
        var y = ["kommune: Teststadt", "basisjahr: 2024", "horizont: 2026"]
        y.append("produktbereiche:")
        y += bereiche.map { "  - {nr: \"\($0)\", name: \"Bereich \($0)\"}" }
        y.append("produktgruppen:" + (gruppen.isEmpty ? " []" : ""))
        y += gruppen.map { "  - {nr: \"\($0)\", name: \"Gruppe \($0)\"}" }
        y.append("produkte:")
        for (nr, _, extra) in produkte {
            y.append(
                "  - {nr: \"\(nr)\", name: \"Produkt \(nr)\", art: freiwillig\(extra.isEmpty ? "" : ", " + extra)}")
        }
        y.append("budgetbereiche:")
        y.append("  - {id: B, name: Alles, produkte: [\(budget.map { "\"\($0)\"" }.joined(separator: ", "))]}")
        if let formel {
            y.append("kennzahlen:")
            y.append("  - {id: K, name: Summe, formel: '\(formel)'}")
        }
        var ist = ["jahr;produkt;groesse;wert"]
        for (nr, wert, _) in produkte { ist.append("2024;\(nr);aufwendungen_sach_dienstleistungen;\(Int(wert))") }
        let szenarien = """
            szenarien:
              status-quo:
                bevoelkerung: {methode: kohorten}
                preise: {tarif: 0.0, sachkosten: 0.0}
              best: {}
              worst: {}
            """
        return [
            "modell.yaml": Modellbauer.text(y), "szenarien.yaml": szenarien, "ist.csv": Modellbauer.text(ist),
            "bevoelkerung.csv": Modellbauer.bevoelkerungCSV(gebiete: ["gesamt"]) { _, _, _ in 10 },
            "sterbetafel.csv": Modellbauer.sterbetafelCSV(q: 0.01), "fruchtbarkeit.csv": Modellbauer.fruchtbarkeitCSV(),
            "wanderung.csv": Modellbauer.wanderungCSV(),
        ]
    }

    /// The Basisjahr Aufwand of every unit of a level (nr → sum), from the model's own unit lists.
    static func summen(_ m: Planungsmodell, _ ebene: Ebene) -> [String: Double] {
        let ist = Istrechnung.rechnen(m)
        let z = m.zeile("aufwendungen_sach_dienstleistungen")
        var out: [String: Double] = [:]
        for e in m.einheiten(ebene) {
            let t = ist.jahre.firstIndex(of: 2024) ?? 0
            out[e.nr] = Teilplan(ist, e.produkte, modell: m).ergebnisplan[z][t]
        }
        return out
    }

    static func zuordnung(_ m: Planungsmodell) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: m.produkte.map { ($0.nr, "\($0.produktgruppe ?? "-") / \($0.produktbereich ?? "-")") }
        )
    }

    @Test func liegtUnter() {
        typealias N = Produktnummerung
        #expect(N.liegt("36.3.05", unter: "36.3"))
        #expect(!N.liegt("36.30.1", unter: "36.3"))
        #expect(N.liegt("36.3.05", unter: "36.3.05"))
        #expect(N.liegt("361001", unter: "3610"))
        #expect(N.liegt("361001", unter: "36"))
        #expect(!N.liegt("361001", unter: "37"))
        #expect(!N.liegt("36", unter: "361001"))
        #expect(N.liegt("11.05.01.01", unter: "11.05.01"))
        #expect(!N.liegt("1.100.05.01.01", unter: "1.10"))
        #expect(!N.liegt("361001", unter: ""))
    }

    @Test func praefixeLaengsteZuerst() {
        #expect(Produktnummerung.praefixe("1.100.05.01.01") == ["1.100.05.01", "1.100.05", "1.100", "1"])
        #expect(Produktnummerung.praefixe("361001") == ["36100", "3610", "361", "36", "3"])
        #expect(Produktnummerung.praefixe("7") == [])
    }

    @Test func gepunktetDreiEbenen() throws {
        let m = try Fixture.modell(
            Self.dateien(
                bereiche: ["36"], gruppen: ["36.3", "36.2"],
                produkte: [("36.3.01", 100, ""), ("36.3.02", 200, ""), ("36.2.01", 50, "")],
                budget: ["36"]))
        #expect(Self.zuordnung(m) == ["36.3.01": "36.3 / 36", "36.3.02": "36.3 / 36", "36.2.01": "36.2 / 36"])
        #expect(Self.summen(m, .produktgruppe) == ["36.3": 300, "36.2": 50])
        #expect(Self.summen(m, .produktbereich) == ["36": 350])
        #expect(Self.summen(m, .budgetbereich) == ["B": 350])
    }

    @Test func bielefeldVierEbenen() throws {
        let m = try Fixture.modell(
            Self.dateien(
                bereiche: ["11"], gruppen: ["11.05.01", "11.05.02"],
                produkte: [
                    ("11.05.01.01", 40, ""), ("11.05.01.02", 60, ""),
                    ("11.05.02.01", 5, ""),
                ],
                budget: ["11.05.01", "11.05.02"], formel: "aufwand(\"11.05.01\")"))
        #expect(Self.zuordnung(m)["11.05.01.02"] == "11.05.01 / 11")
        #expect(Self.summen(m, .produktgruppe) == ["11.05.01": 100, "11.05.02": 5])
        #expect(Self.summen(m, .produktbereich) == ["11": 105])
    }

    @Test func fuenfEbenen() throws {
        let m = try Fixture.modell(
            Self.dateien(
                bereiche: ["1"], gruppen: ["1.100"],
                produkte: [("1.100.05.01.01", 7, ""), ("1.100.05.01.02", 8, "")],
                budget: ["1"]))
        #expect(Self.zuordnung(m) == ["1.100.05.01.01": "1.100 / 1", "1.100.05.01.02": "1.100 / 1"])
        #expect(Self.summen(m, .produktgruppe) == ["1.100": 15])
    }

    @Test func ungepunktetSechsstellig() throws {
        let m = try Fixture.modell(
            Self.dateien(
                bereiche: ["36"], gruppen: ["3610", "3620"],
                produkte: [("361001", 100, ""), ("361002", 200, ""), ("362001", 50, "")],
                budget: ["3610", "3620"], formel: "aufwand(\"3610\") + aufwand(\"36\")"))
        #expect(Self.zuordnung(m) == ["361001": "3610 / 36", "361002": "3610 / 36", "362001": "3620 / 36"])
        #expect(Self.summen(m, .produktgruppe) == ["3610": 300, "3620": 50])
        #expect(Self.summen(m, .produktbereich) == ["36": 350])
        #expect(Self.summen(m, .budgetbereich) == ["B": 350])
        #expect(m.produktIndizes(unter: "36") == [0, 1, 2])
        #expect(m.produktIndizes(unter: "3610") == [0, 1])
    }

    @Test func expliziteEbenenUndBereichAlsSpanne() throws {
        let m = try Fixture.modell(
            Self.dateien(
                bereiche: ["31-35", "36"], gruppen: ["3110", "3610"],
                produkte: [
                    ("311001", 70, "produktbereich: \"31-35\""),
                    ("361001", 30, ""),
                    // Written levels win over the prefix rule: this one is booked to 3110 / 31-35.
                    ("369999", 5, "produktgruppe: \"3110\", produktbereich: \"31-35\""),
                ],
                budget: ["31-35", "36"], formel: "aufwand(\"31-35\")"))
        #expect(Self.zuordnung(m) == ["311001": "3110 / 31-35", "361001": "3610 / 36", "369999": "3110 / 31-35"])
        #expect(Self.summen(m, .produktbereich) == ["31-35": 75, "36": 30])
        #expect(Self.summen(m, .produktgruppe) == ["3110": 75, "3610": 30])
        #expect(m.produktIndizes(unter: "31-35") == [0, 2])
    }

    @Test func produktUnterKeinerEbeneEinFehler() throws {
        let r = try Modellbauer(
            Self.dateien(
                bereiche: ["36"], gruppen: ["3610"],
                produkte: [("361001", 1, ""), ("371001", 2, "")], budget: ["36", "371001"])
        ).laden()
        let texte = r.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(
            texte == [
                "Produkt 371001 gehört zu keiner benannten Produktgruppe und keinem benannten Produktbereich "
                    + "(benannt sind Produktbereich 36, Produktgruppe 3610)"
            ])
    }

    @Test func geschriebeneEbeneUnbekannt() throws {
        let r = try Modellbauer(
            Self.dateien(
                bereiche: ["36"], gruppen: ["3610"],
                produkte: [("361001", 1, "produktbereich: \"35\"")], budget: ["36"])
        ).laden()
        let texte = r.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(
            texte == ["Produkt 361001: Produktbereich '35' ist unter produktbereiche nicht benannt – meinten Sie '36'?"]
        )
    }

    /// A declared level that is referred to is found (undotted numbers); and no hint ever repeats the input.
    @Test func hinweisNieGleichDerEingabe() throws {
        let r = try Modellbauer(
            Self.dateien(
                bereiche: ["31"], gruppen: ["3110"],
                produkte: [("311001", 1, "")], budget: ["31"])
        ).laden()
        #expect(!r.hatFehler, "\(r.diagnostics)")
        #expect(Aehnlichkeit.vorschlag("31", aus: ["31", "32"]) == "32")
        #expect(Aehnlichkeit.vorschlag("31", aus: ["31"]) == nil)
        // A level without products is named as such, not as unknown with itself as the hint.
        let s = try Modellbauer(
            Self.dateien(
                bereiche: ["31", "36"], gruppen: ["3110"],
                produkte: [("311001", 1, "")], budget: ["31", "36"])
        ).laden()
        let texte = s.diagnostics.map(\.message)
        #expect(texte.contains("Budgetbereich B: Produktbereich '36' hat keine Produkte"))
        #expect(!texte.contains { $0.contains("meinten Sie '36'") })
    }

    /// Random numbers, levels and references: the resolver never crashes, every assigned level is declared and
    /// a prefix (or written), and the assignment is the longest declared prefix, computed here by a plain scan.
    @Test func fuzzZuordnung() {
        var rng = SystemRandomNumberGenerator()
        let zeichen: [Character] = ["1", "2", "3", ".", "0", "-", "ä"]
        func wort() -> String {
            String((0..<Int.random(in: 0...7, using: &rng)).map { _ in zeichen.randomElement(using: &rng) ?? "1" })
        }
        for _ in 0..<2000 {
            let gruppen = (0..<Int.random(in: 0...4, using: &rng)).map { _ in wort() }
            let bereiche = (0..<Int.random(in: 0...4, using: &rng)).map { _ in wort() }
            let n = Produktnummerung(produktgruppen: gruppen, produktbereiche: bereiche)
            var p = Produkt(nr: wort(), name: "x", art: .freiwillig)
            n.zuordnen(&p)
            let erwartetG = gruppen.filter { $0 != p.nr && !$0.isEmpty && Produktnummerung.liegt(p.nr, unter: $0) }
                .max { $0.utf8.count < $1.utf8.count }
            #expect(p.produktgruppe == erwartetG, "\(p.nr) \(gruppen)")
            if let b = p.produktbereich { #expect(bereiche.contains(b)) }
            for e in p.ebenen { #expect(gruppen.contains(e) || bereiche.contains(e)) }
        }
    }
}
