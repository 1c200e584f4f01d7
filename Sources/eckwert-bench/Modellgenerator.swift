import EckwertCore
import EckwertModellschreiber
import Foundation

/// `eckwert-bench generate <dir> [--products 1000] [--gebiete 60] [--seed N]`: writes a large, deterministic,
/// realistic synthetic planning model (for the benchmark) that the real loader accepts with 0 errors.
///
/// Shape (for the defaults): 10 Produktbereiche × 10 Produktgruppen × 10 Produkte, about two thirds of them with a
/// caseload driver (most `quote: ist`, some `quote_je_1000` constants or paths, a few by sex or for one
/// Sozialraum), Erstattungen, six products with capacities per Sozialraum; 60 Sozialräume by sex and single year of
/// age with five years of history; Ist 2020–2025; three scenarios with distinct demographic and price assumptions
/// and per-product overrides; 36 measures, 24 investments (half with places in a Sozialraum); one Kennzahl per
/// product plus one per Produktgruppe and Produktbereich; 60 Ziele; Budgetbereiche covering every product once.
/// Same arguments → same bytes.
struct Modellgenerator {
    var produkte = 1000
    var gebiete = 60
    var seed: UInt64 = 20_251_231

    static let basisjahr = 2025
    static let horizont = 2030
    static let istJahre = 2020...2025

    // MARK: - Fixed vocabulary

    struct Bereich {
        var nr: String
        var name: String
        var gruppen: [String]
        /// Reference populations typical for the area (age group names of `altersgruppen`).
        var bezuege: [String]
    }

    static let bereiche: [Bereich] = [
        Bereich(
            nr: "11", name: "Innere Verwaltung",
            gruppen: [
                "Verwaltungssteuerung", "Personalservice", "Bürgerservice", "Organisation und IT", "Finanzen",
                "Rechnungsprüfung", "Recht", "Gebäudemanagement", "Statistik und Wahlen", "Gleichstellung",
            ],
            bezuege: ["alle", "erwachsene"]),
        Bereich(
            nr: "21", name: "Schulträgeraufgaben",
            gruppen: [
                "Grundschulen", "Oberschulen", "Gymnasien", "Förderschulen", "Berufsbildende Schulen",
                "Schülerbeförderung", "Schulsozialarbeit", "Ganztagsangebote", "Schulverpflegung", "Schulbibliotheken",
            ],
            bezuege: ["grundschulkinder", "schulkinder", "schulkinder", "jugendliche"]),
        Bereich(
            nr: "25", name: "Kultur und Wissenschaft",
            gruppen: [
                "Museen", "Theater", "Musikschule", "Volkshochschule", "Bibliotheken", "Archiv",
                "Kulturförderung", "Heimatpflege", "Kulturzentren", "Festivals",
            ],
            bezuege: ["alle", "schulkinder", "erwachsene"]),
        Bereich(
            nr: "31", name: "Soziale Leistungen",
            gruppen: [
                "Grundversorgung nach dem SGB XII", "Grundsicherung für Arbeitsuchende", "Leistungen für Asylbewerber",
                "Eingliederungshilfe", "Soziale Einrichtungen", "Hilfe zur Pflege", "Wohnungslosenhilfe",
                "Bildung und Teilhabe", "Seniorenarbeit", "Beratungsdienste",
            ],
            bezuege: ["erwachsene", "erwerbsfaehige", "senioren_65plus", "senioren_80plus", "alle"]),
        Bereich(
            nr: "33", name: "Soziale Hilfen",
            gruppen: [
                "Hilfen für Menschen mit Behinderung", "Frauenhäuser", "Suchthilfe", "Integration",
                "Ehrenamt", "Quartiersarbeit", "Schuldnerberatung", "Betreuungsbehörde", "Wohngeld",
                "Tafeln und Kleiderkammern",
            ],
            bezuege: ["erwachsene", "erwerbsfaehige", "alle"]),
        Bereich(
            nr: "36", name: "Kinder-, Jugend- und Familienhilfe",
            gruppen: [
                "Jugendarbeit", "Jugendsozialarbeit", "Hilfen zur Erziehung", "Unterhaltsvorschuss",
                "Kindertagesbetreuung", "Familienförderung", "Kinderschutz", "Jugendgerichtshilfe",
                "Adoptions- und Pflegekinderdienst", "Frühe Hilfen",
            ],
            bezuege: ["u3", "kita", "minderjaehrige", "schulkinder", "jugendliche", "junge_volljaehrige"]),
        Bereich(
            nr: "41", name: "Gesundheitsdienste",
            gruppen: [
                "Gesundheitsschutz", "Sozialpsychiatrischer Dienst", "Kinder- und Jugendärztlicher Dienst",
                "Zahnärztlicher Dienst", "Infektionsschutz", "Gesundheitsförderung", "Hygiene",
                "Amtsärztlicher Dienst", "Drogenberatung", "Pflegestützpunkte",
            ],
            bezuege: ["alle", "minderjaehrige", "senioren_65plus"]),
        Bereich(
            nr: "42", name: "Sportförderung",
            gruppen: [
                "Sportstätten", "Bäder", "Vereinsförderung", "Schulsport", "Breitensport", "Leistungssport",
                "Sportveranstaltungen", "Bewegungsförderung", "Sportentwicklungsplanung", "Eissporthalle",
            ],
            bezuege: ["alle", "schulkinder", "minderjaehrige"]),
        Bereich(
            nr: "52", name: "Bauen und Wohnen",
            gruppen: [
                "Bauaufsicht", "Wohnungsbauförderung", "Denkmalschutz", "Stadterneuerung", "Wohnraumversorgung",
                "Obdachlosenunterbringung", "Mietspiegel", "Bauberatung", "Barrierefreies Wohnen",
                "Quartiersentwicklung",
            ],
            bezuege: ["alle", "erwachsene"]),
        Bereich(
            nr: "57", name: "Wirtschaft und Tourismus",
            gruppen: [
                "Wirtschaftsförderung", "Tourismus", "Märkte", "Beschäftigungsförderung", "Existenzgründung",
                "Fachkräftesicherung", "Standortmarketing", "Messen", "Innenstadtmanagement", "Digitalisierung",
            ],
            bezuege: ["erwerbsfaehige", "erwachsene"]),
    ]

    static let leistungen = [
        "Leistungen", "Beratung", "Ambulante Hilfen", "Stationäre Hilfen", "Zuschüsse an Träger",
        "Fallmanagement", "Prävention", "Einrichtungen", "Projekte im Quartier", "Sonderleistungen",
        "Fachdienst", "Angebote für Familien", "Nachsorge", "Koordination", "Verwaltung",
    ]

    static let altersgruppen: [(String, Int, Int)] = [
        ("u3", 0, 2), ("kita", 3, 6), ("grundschulkinder", 6, 9), ("schulkinder", 6, 17), ("jugendliche", 12, 17),
        ("minderjaehrige", 0, 17), ("junge_volljaehrige", 18, 20), ("erwerbsfaehige", 15, 64), ("erwachsene", 18, 100),
        ("senioren_65plus", 65, 100), ("senioren_80plus", 80, 100), ("alle", 0, 100),
    ]

    // MARK: - Planned products

    struct Treiber {
        var gruppe: String  // age group name
        var geschlecht: String?
        var gebiet: Int?
        var je1000: (Double, Double?)?  // constant, or path 2025 → 2030
        var quoteJe1000: Double  // rate per 1000 at B (for the Ist)
        var fallkosten: Double  // EUR per case and year at B
        var betrag: Bool  // fallkosten basis: amount instead of Ist
        var konto: String
        var personalanteil: Double
        var erstattung: (anteil: Double, konto: String)?
        var kapazitaet: Bool
    }

    struct Plan {
        var nr: String
        var name: String
        var bereich: Int
        var gruppe: Int
        var art: String
        var treiber: Treiber?
        var personal: Double
        var sach: Double
        var versorgung: Double
        var sonstige: Double
        var abschreibung: Double
        var entgelte: Double
        var wachstum: Double  // yearly real change of cases in the Ist
        var wirkung: [Int]  // S1..S3 scores
    }

    // MARK: - Generation

    func schreiben(nach ordner: String) throws {
        var rng = SplitMix64(seed: seed)
        func u() -> Double { rng.gleich() }
        func zwischen(_ a: Double, _ b: Double) -> Double { a + (b - a) * u() }
        func wahl<T>(_ x: [T]) -> T { x[min(x.count - 1, Int(u() * Double(x.count)))] }

        let fm = FileManager.default
        try fm.createDirectory(atPath: ordner, withIntermediateDirectories: true)
        let B = Self.basisjahr

        // Life table, fertility, migration profile.
        var qx: [[Double]] = [[], []]
        for s in 0..<2 {
            for a in 0...100 {
                var q = a == 0 ? 0.0030 : 0.00008 + 0.000025 * exp(0.097 * Double(a))
                if s == 1 { q *= a == 0 ? 1.15 : 1.35 }
                qx[s].append((min(0.5, q) * 1_000_000).rounded() / 1_000_000)
            }
        }
        var frucht: [Double] = []
        for a in 15...49 {
            let z = (Double(a) - 31) / 5.5
            frucht.append(exp(-z * z / 2))
        }
        let fsum = frucht.reduce(0, +)
        frucht = frucht.map { ($0 / fsum * 1.40 * 1_000_000).rounded() / 1_000_000 }
        var wand: [[Double]] = [[], []]
        for s in 0..<2 {
            for a in 0...100 {
                let x = Double(a)
                var w =
                    0.15 + 3.2 * exp(-pow((x - 24) / 6, 2)) + 0.6 * exp(-pow((x - 2) / 3, 2)) + 0.5
                    * exp(-pow((x - 35) / 8, 2))
                if a >= 75 { w = 0.05 }
                if s == 1 { w *= 1.08 }
                wand[s].append(w)
            }
        }
        let wsum = wand.joined().reduce(0, +)
        wand = wand.map { $0.map { ($0 / wsum * 10_000_000).rounded() / 10_000_000 } }

        // Population per Sozialraum: a survivorship-shaped age profile, tilted young or old.
        let gebietIds = (1...gebiete).map { String(format: "S%02d", $0) }
        var pop = [[[Double]]](
            repeating: [[Double]](repeating: [Double](repeating: 0, count: 101), count: 2), count: gebiete)
        for g in 0..<gebiete {
            let groesse = zwischen(6_000, 16_000)
            let neigung = zwischen(-0.45, 0.45)  // < 0 older, > 0 younger
            let studenten = u() < 0.2 ? zwischen(0.3, 1.0) : 0
            for s in 0..<2 {
                var ueberleben = 1.0
                var zellen: [Double] = []
                for a in 0...100 {
                    let x = Double(a)
                    let geburtsjahrgang = 0.8 + 0.25 * exp(-pow((x - 60) / 8, 2)) + 0.15 * exp(-pow((x - 35) / 6, 2))
                    let tilt = 1 + neigung * (45 - x) / 55
                    let stud = 1 + studenten * exp(-pow((x - 23) / 4, 2))
                    zellen.append(max(0, ueberleben * geburtsjahrgang * tilt * stud))
                    ueberleben *= 1 - qx[s][a] * (a >= 100 ? 0 : 1)
                }
                // Open age group 100+: a few more than age 99 would suggest.
                zellen[100] *= 2.2
                let summe = zellen.reduce(0, +)
                for a in 0...100 {
                    pop[g][s][a] = (zellen[a] / summe * groesse / 2 * (s == 0 ? 1.02 : 0.98) * zwischen(0.95, 1.05))
                        .rounded()
                }
            }
        }
        func bezugssumme(_ von: Int, _ bis: Int, geschlecht: Int? = nil, gebiet: Int? = nil) -> Double {
            var r = 0.0
            for g in 0..<gebiete where gebiet == nil || gebiet == g {
                for s in 0..<2 where geschlecht == nil || geschlecht == s {
                    for a in von...bis { r += pop[g][s][a] }
                }
            }
            return r
        }
        let agIndex = Dictionary(uniqueKeysWithValues: Self.altersgruppen.map { ($0.0, ($0.1, $0.2)) })

        // Products.
        let nB = Self.bereiche.count, nG = 10
        let jeGruppe = max(1, (produkte + nB * nG - 1) / (nB * nG))
        var plaene: [Plan] = []
        var kapazitaeten = 0
        produktschleife: for b in 0..<nB {
            for g in 0..<nG {
                for k in 0..<jeGruppe {
                    guard plaene.count < produkte else { break produktschleife }
                    let bereich = Self.bereiche[b]
                    let nr = "\(bereich.nr).\(g + 1).\(String(format: "%02d", k + 1))"
                    let name =
                        "\(bereich.gruppen[g]): \(Self.leistungen[k % Self.leistungen.count])"
                        + (k >= Self.leistungen.count ? " \(k / Self.leistungen.count + 1)" : "")
                    let sozial = ["21", "31", "33", "36", "41"].contains(bereich.nr)
                    let mitTreiber = u() < (sozial ? 0.8 : 0.45)
                    var t: Treiber?
                    if mitTreiber {
                        let gruppe = wahl(bereich.bezuege)
                        let (von, bis) = agIndex[gruppe] ?? (0, 100)
                        var geschlecht: Int?
                        var gebiet: Int?
                        let r = u()
                        if r < 0.04 {
                            geschlecht = 0
                        } else if r < 0.06 {
                            geschlecht = 1
                        } else if r < 0.09 {
                            gebiet = Int(u() * Double(gebiete))
                        }
                        let R = bezugssumme(von, bis, geschlecht: geschlecht, gebiet: gebiet)
                        // Cases between about 15 and 4,000 city-wide.
                        var quote = exp(zwischen(log(0.5), log(60)))
                        quote = min(quote, 900)
                        if R * quote / 1000 < 15 { quote = min(900, 15_000 / max(1, R)) }
                        let konto = u() < 0.85 ? "transferaufwendungen" : "aufwendungen_sach_dienstleistungen"
                        var je1000: (Double, Double?)?
                        if u() < 0.1 {
                            let q = (quote * 10).rounded() / 10
                            quote = q
                            je1000 =
                                u() < 0.5 ? (q, nil) : (q, min(1000, (q * zwischen(1.02, 1.2) * 10).rounded() / 10))
                        }
                        var erst: (Double, String)?
                        if u() < 0.4 {
                            erst = (
                                (zwischen(0.05, 0.9) * 1000).rounded() / 1000,
                                wahl([
                                    "kostenerstattungen", "zuwendungen_umlagen", "sonstige_transferertraege",
                                    "oeffentlich_rechtliche_leistungsentgelte",
                                ])
                            )
                        }
                        t = Treiber(
                            gruppe: gruppe, geschlecht: geschlecht.map { $0 == 0 ? "w" : "m" }, gebiet: gebiet,
                            je1000: je1000, quoteJe1000: quote,
                            fallkosten: exp(zwischen(log(400), log(60_000))).rounded(), betrag: u() < 0.05,
                            konto: konto, personalanteil: (zwischen(0, 0.8) * 100).rounded() / 100,
                            erstattung: erst, kapazitaet: false)
                        // Capacities per Sozialraum: daycare and similar place-based services.
                        if gebiet == nil, geschlecht == nil, kapazitaeten < 6,
                            (bereich.nr == "36" && g == 4) || (bereich.nr == "21" && g == 7)
                                || (bereich.nr == "31" && g == 5)
                        {
                            t?.kapazitaet = true
                            kapazitaeten += 1
                        }
                    }
                    let skala = exp(zwischen(log(0.2), log(5)))
                    plaene.append(
                        Plan(
                            nr: nr, name: name, bereich: b, gruppe: g,
                            art: mitTreiber && u() < 0.85 ? "pflicht" : "freiwillig",
                            treiber: t,
                            personal: (zwischen(80_000, 1_500_000) * skala).rounded(),
                            sach: (zwischen(20_000, 600_000) * skala).rounded(),
                            versorgung: u() < 0.25 ? (zwischen(10_000, 200_000) * skala).rounded() : 0,
                            sonstige: u() < 0.4 ? (zwischen(5_000, 150_000) * skala).rounded() : 0,
                            abschreibung: u() < 0.3 ? (zwischen(10_000, 400_000) * skala).rounded() : 0,
                            entgelte: u() < 0.35 ? (zwischen(5_000, 300_000) * skala).rounded() : 0,
                            wachstum: zwischen(-0.03, 0.05),
                            wirkung: [Int(u() * 4), Int(u() * 4), Int(u() * 4)]))
                }
            }
        }
        let treiberIdx = plaene.indices.filter { plaene[$0].treiber != nil }
        let quoteIstIdx = treiberIdx.filter { plaene[$0].treiber?.je1000 == nil }
        let erstattungIdx = treiberIdx.filter { plaene[$0].treiber?.erstattung != nil }

        // Measures: cost on one product, effect on one to three driven products of the same Produktbereich.
        struct MPlan {
            var id: String; var name: String; var produkt: Int; var ab: Int; var jaehrlich: Double; var konto: String
            var wirkung: [(Int, Double, Int, Int)]
        }
        var massnahmen: [MPlan] = []
        let mNamen = [
            "Präventionsprogramm", "Fallmanagement stärken", "Ambulant vor stationär", "Quartiersbüro",
            "Digitale Antragsstrecke", "Frühwarnsystem", "Netzwerk im Sozialraum", "Fachkräfteoffensive",
            "Beratung vor Ort", "Aufsuchende Arbeit", "Kooperation mit Trägern", "Qualitätsdialog",
        ]
        let mAnzahl = min(36, max(1, treiberIdx.count / 10))
        for j in 0..<mAnzahl where !treiberIdx.isEmpty {
            let ziel = treiberIdx[(j * 7919) % treiberIdx.count]
            let gleicheBereich = treiberIdx.filter { plaene[$0].bereich == plaene[ziel].bereich }
            var w: [(Int, Double, Int, Int)] = []
            var genutzt = Set<Int>()
            for x in 0..<(1 + Int(u() * 3)) {
                let p = x == 0 ? ziel : wahl(gleicheBereich)
                guard genutzt.insert(p).inserted else { continue }
                let q =
                    x == 0
                    ? -(zwischen(0.02, 0.12) * 1000).rounded() / 1000
                    : ((zwischen(-0.08, 0.04)) * 1000).rounded() / 1000
                w.append((p, q, B + 2 + Int(u() * 3), 1 + Int(u() * 3)))
            }
            let kostenProdukt = plaene.indices.filter {
                plaene[$0].bereich == plaene[ziel].bereich && plaene[$0].gruppe == plaene[ziel].gruppe
            }
            massnahmen.append(
                MPlan(
                    id: String(format: "M%02d", j + 1),
                    name:
                        "\(mNamen[j % mNamen.count]) \(Self.bereiche[plaene[ziel].bereich].gruppen[plaene[ziel].gruppe])",
                    produkt: wahl(kostenProdukt), ab: B + 1 + Int(u() * 3),
                    jaehrlich: (zwischen(50_000, 900_000) / 1000).rounded() * 1000,
                    konto: wahl(["personalaufwendungen", "transferaufwendungen", "aufwendungen_sach_dienstleistungen"]),
                    wirkung: w))
        }
        let kapIdx = plaene.indices.filter { plaene[$0].treiber?.kapazitaet == true }

        // ---------------------------------------------------------------- modell.yaml
        var y = """
            # =====================================================================================
            # Synthetisches Großmodell für Leistungsmessungen (eckwert-bench generate).
            # \(plaene.count) Produkte, \(gebiete) Sozialräume, Seed \(seed). Erzeugt, nicht von Hand pflegen.
            # =====================================================================================
            kommune: Benchstadt
            basisjahr: \(B)
            haushaltsjahr: \(B + 2)
            horizont: \(Self.horizont)
            kontenrahmen: nkf
            rundung: euro
            stand: \(B + 1)-03-31
            abc: {a: 0.8, b: 0.95}
            budgetvarianten: [-0.05, 0.05]

            altersgruppen:

            """
        for (n, von, bis) in Self.altersgruppen { y += "  \(n): [\(von), \(bis)]\n" }
        y += """

            strategische_ziele:
              - {id: S1, name: Prävention vor Intervention, gewicht: 0.4}
              - {id: S2, name: Teilhabe im Quartier, gewicht: 0.35}
              - {id: S3, name: Vereinbarkeit von Familie und Beruf, gewicht: 0.25}

            produkte:

            """
        for p in plaene {
            let bereich = Self.bereiche[p.bereich]
            y += "  - nr: \"\(p.nr)\"\n"
            y += "    name: \(yaml(p.name))\n"
            y += "    verantwortlich: \(yaml("Fachbereich \(bereich.name), Abteilung \(bereich.gruppen[p.gruppe])"))\n"
            y += "    gremium: \(yaml("Fachausschuss \(bereich.name)"))\n"
            y += "    art: \(p.art)\n"
            if let t = p.treiber {
                var bz = "{gruppe: \(t.gruppe)"
                if let s = t.geschlecht { bz += ", geschlecht: \(s)" }
                if let g = t.gebiet { bz += ", gebiet: \(gebietIds[g])" }
                bz += "}"
                y += "    fallzahl:\n      bezug: \(bz)\n"
                if let (q0, q1) = t.je1000 {
                    if let q1 {
                        y += "      quote_je_1000: {\(B): \(q0), \(Self.horizont): \(q1)}\n"
                    } else {
                        y += "      quote_je_1000: \(q0)\n"
                    }
                } else {
                    y += "      quote: ist\n"
                }
                y += "    fallkosten:\n      basis: \(t.betrag ? zahl(t.fallkosten * 1.01) : "ist")\n"
                y += "      konto: \(t.konto)\n      personalanteil: \(t.personalanteil)\n"
                if let e = t.erstattung { y += "    erstattung: {anteil: \(e.anteil), konto: \(e.konto)}\n" }
                if t.kapazitaet, let (von, bis) = agIndex[t.gruppe] {
                    let q = t.quoteJe1000 / 1000
                    let pl = (0..<gebiete).map { g in
                        "\(gebietIds[g]): \(Int((bezugssumme(von, bis, gebiet: g) * q * zwischen(0.88, 1.1)).rounded()))"
                    }
                    y += "    kapazitaet:\n      plaetze: {\(pl.joined(separator: ", "))}\n"
                    y += "      kosten_je_platz: 30000\n      folgekosten_je_platz: 1200\n"
                }
            }
            y += "    wirkungsbeitrag: {S1: \(p.wirkung[0]), S2: \(p.wirkung[1]), S3: \(p.wirkung[2])}\n"
        }

        // Gliederung: only levels that have products.
        let genutzteBereiche = Set(plaene.map(\.bereich)).sorted()
        y += "\nproduktgruppen:\n"
        var gruppenNr: [(String, Int, Int)] = []
        for b in genutzteBereiche {
            for g in Set(plaene.filter { $0.bereich == b }.map(\.gruppe)).sorted() {
                let nr = "\(Self.bereiche[b].nr).\(g + 1)"
                gruppenNr.append((nr, b, g))
                y += "  - {nr: \"\(nr)\", name: \(yaml(Self.bereiche[b].gruppen[g]))}\n"
            }
        }
        y += "produktbereiche:\n"
        for b in genutzteBereiche {
            y += "  - {nr: \"\(Self.bereiche[b].nr)\", name: \(yaml(Self.bereiche[b].name))}\n"
        }

        // Budgetbereiche: every other Produktbereich is split in two by its Produktgruppen.
        y += "\nbudgetbereiche:\n"
        var bbNr = 1
        for b in genutzteBereiche {
            let gr = gruppenNr.filter { $0.1 == b }
            if b % 2 == 1, gr.count >= 2 {
                let h = gr.count / 2
                y +=
                    "  - {id: B\(bbNr), name: \(yaml("\(Self.bereiche[b].name) I")), produkte: [\(gr[..<h].map { "\"\($0.0)\"" }.joined(separator: ", "))]}\n"
                y +=
                    "  - {id: B\(bbNr + 1), name: \(yaml("\(Self.bereiche[b].name) II")), produkte: [\(gr[h...].map { "\"\($0.0)\"" }.joined(separator: ", "))]}\n"
                bbNr += 2
            } else {
                y +=
                    "  - {id: B\(bbNr), name: \(yaml(Self.bereiche[b].name)), produkte: [\"\(Self.bereiche[b].nr)\"]}\n"
                bbNr += 1
            }
        }

        // Kennzahlen: one per product, one per Produktgruppe and Produktbereich.
        y += "\nkennzahlen:\n"
        var kennzahlProdukt: [Int: String] = [:]
        for (i, p) in plaene.enumerated() {
            let id = "K-\(p.nr)"
            kennzahlProdukt[i] = id
            let formel: String, name: String, einheit: String, richtung: String
            if let t = p.treiber {
                switch i % 4 {
                case 1:
                    formel = "fallkosten(\"\(p.nr)\")"; name = "Aufwand je Fall \(p.name)"; einheit = "EUR je Fall";
                    richtung = "sinkend"
                case 2 where t.kapazitaet:
                    formel = "luecke(\"\(p.nr)\")"; name = "Fehlende Plätze \(p.name)"; einheit = "Plätze";
                    richtung = "sinkend"
                default:
                    var sel = "alter=\"\(t.gruppe)\""
                    if let s = t.geschlecht { sel += ", geschlecht=\"\(s)\"" }
                    if let g = t.gebiet { sel += ", gebiet=\"\(gebietIds[g])\"" }
                    formel = "faelle(\"\(p.nr)\") / bev(\(sel)) * 1000"
                    name = "Fälle je 1.000 Einwohner (\(t.gruppe)) \(p.name)"; einheit = "je 1.000";
                    richtung = "sinkend"
                }
            } else {
                formel = "zuschuss(\"\(p.nr)\") / bev()"; name = "Zuschussbedarf je Einwohner \(p.name)";
                einheit = "EUR je Einwohner"
                richtung = "sinkend"
            }
            y +=
                "  - {id: \(id), name: \(yaml(name)), einheit: \(yaml(einheit)), formel: \(yaml(formel)), richtung: \(richtung), quelle: Finanzbuchhaltung und Fachverfahren}\n"
        }
        for (nr, b, g) in gruppenNr {
            y +=
                "  - {id: K-\(nr)-Z, name: \(yaml("Zuschussbedarf \(Self.bereiche[b].gruppen[g]) je Einwohner")), einheit: EUR je Einwohner, formel: \(yaml("zuschuss(\"\(nr)\") / bev()")), richtung: sinkend, quelle: Finanzbuchhaltung}\n"
        }
        for b in genutzteBereiche {
            let nr = Self.bereiche[b].nr
            y +=
                "  - {id: K-\(nr)-Z, name: \(yaml("Zuschussbedarf \(Self.bereiche[b].name) je Einwohner")), einheit: EUR je Einwohner, formel: \(yaml("zuschuss(\"\(nr)\") / bev()")), richtung: sinkend, quelle: Finanzbuchhaltung}\n"
            y +=
                "  - {id: K-\(nr)-P, name: \(yaml("Personalquote \(Self.bereiche[b].name)")), einheit: \"%\", formel: \(yaml("zeile(\"\(nr)\", \"personalaufwendungen\") / aufwand(\"\(nr)\") * 100")), richtung: sinkend, quelle: Finanzbuchhaltung}\n"
        }

        // Ziele: on driven products with a rate Kennzahl, some tied to a measure.
        y += "\nziele:\n"
        let felder = ["wirkung", "leistung", "prozess", "ressourcen"]
        var zAnzahl = 0
        for i in treiberIdx where zAnzahl < 60 && i % 4 != 1 && !(i % 4 == 2 && plaene[i].treiber?.kapazitaet == true) {
            zAnzahl += 1
            let p = plaene[i]
            let rel = -(Double(1 + zAnzahl % 8) / 100)
            let bis = B + 3 + zAnzahl % 3
            let mid = massnahmen.first { $0.wirkung.contains { $0.0 == i } }?.id
            y +=
                "  - id: Z-\(String(format: "%03d", zAnzahl))\n    produkt: \"\(p.nr)\"\n    zielfeld: \(felder[zAnzahl % 4])\n"
            y +=
                "    text: \(yaml("Die Zahl der Fälle je 1.000 Einwohner im Produkt \(p.name) sinkt bis \(bis) um \(Int(-rel * 100)) %."))\n"
            y += "    kennzahl: \(kennzahlProdukt[i] ?? "")\n    zielwert: {relativ: \(rel)}\n    bis: \(bis)\n"
            y += "    verantwortlich: \(yaml("Abteilung \(Self.bereiche[p.bereich].gruppen[p.gruppe])"))\n"
            if let mid { y += "    massnahme: \(mid)\n" }
        }

        y += "\nmassnahmen:\n"
        for mn in massnahmen {
            y += "  - id: \(mn.id)\n    name: \(yaml(mn.name))\n    produkt: \"\(plaene[mn.produkt].nr)\"\n"
            y += "    kosten: {ab: \(mn.ab), jaehrlich: \(zahl(mn.jaehrlich)), konto: \(mn.konto)}\n    wirkung:\n"
            for (p, q, ab, rampe) in mn.wirkung {
                y += "      - {produkt: \"\(plaene[p].nr)\", quote: \(q), ab: \(ab), rampe: \(rampe)}\n"
            }
        }

        // Investments: half add places in a Sozialraum to a capacity product.
        y += "\ninvestitionen:\n"
        for j in 0..<24 {
            let mitPlaetzen = j % 2 == 0 && !kapIdx.isEmpty
            let prod = mitPlaetzen ? kapIdx[(j / 2) % kapIdx.count] : Int(u() * Double(plaene.count))
            let start = B + 1 + Int(u() * 3)
            let dauer = 1 + Int(u() * 2)
            let summe = (zwischen(400_000, 6_000_000) / 10_000).rounded() * 10_000
            var ausz: [String] = []
            for k in 0..<dauer { ausz.append("\(start + k): \(zahl((summe / Double(dauer)).rounded()))") }
            let ib = start + dauer
            y += "  - id: I-\(String(format: "%02d", j + 1))\n"
            y += "    name: \(yaml((mitPlaetzen ? "Neubau Einrichtung " : "Sanierung Gebäude ") + plaene[prod].name))\n"
            y += "    produkt: \"\(plaene[prod].nr)\"\n"
            if mitPlaetzen { y += "    gebiet: \(gebietIds[Int(u() * Double(gebiete))])\n" }
            y += "    auszahlungen: {\(ausz.joined(separator: ", "))}\n"
            if u() < 0.6 {
                y +=
                    "    foerderung: {programm: \(yaml(wahl(["Stadtumbau", "EFRE", "Landesprogramm Kita", "Bundesprogramm Sport"]))), quote: \((zwischen(0.3, 0.8) * 100).rounded() / 100)}\n"
            }
            y += "    nutzungsdauer: \(wahl([20, 25, 30, 40, 50]))\n"
            y += "    inbetriebnahme: \(j % 3 == 0 ? "\"\(ib)-08\"" : "\(ib)")\n"
            y +=
                "    folgekosten: {jaehrlich: \(zahl((summe * zwischen(0.02, 0.06)).rounded())), konto: aufwendungen_sach_dienstleistungen}\n"
            if mitPlaetzen { y += "    plaetze: \(wahl([40, 60, 90, 120]))\n" }
        }
        y += "\ngeheimhaltung:\n  mindestfallzahl: 3\n" + Self.kartenzeile
        try schreibe(y, ordner, "modell.yaml")

        // ---------------------------------------------------------------- szenarien.yaml
        var s = """
            # Szenarien des synthetischen Großmodells (eckwert-bench generate).
            szenarien:

            """
        func produktueberschreibungen(_ faktor: Double, _ anteil: Double) -> String {
            var out = ""
            var rs = SplitMix64(seed: seed &+ 17)  // the same products in every scenario
            for i in treiberIdx {
                let r = rs.gleich()
                let p = plaene[i]
                var teile: [String] = []
                let istQuote = quoteIstIdx.contains(i)
                if istQuote, r < anteil {
                    teile.append("quote_trend: \(((p.wachstum + faktor * 0.01) * 1000).rounded() / 1000)")
                }
                if let e = p.treiber?.erstattung, erstattungIdx.contains(i), r > 1 - anteil / 3 {
                    teile.append(
                        "erstattung_anteil: \((min(1, max(0, e.anteil - faktor * 0.03)) * 1000).rounded() / 1000)")
                }
                if r > 0.5, r < 0.5 + anteil / 2 {
                    teile.append("fallkosten_trend: \(((0.01 + faktor * 0.005) * 1000).rounded() / 1000)")
                }
                if !teile.isEmpty { out += "      \"\(p.nr)\": {\(teile.joined(separator: ", "))}\n" }
            }
            return out.isEmpty ? "" : "    produkte:\n" + out
        }
        let alleM = massnahmen.map(\.id)
        s += """
              status-quo:
                beschreibung: Fortschreibung der Entwicklung der letzten Jahre.
                bevoelkerung:
                  methode: kohorten
                  geburtenziffer: 1.38
                  sterblichkeit: 0.99
                  wanderungssaldo: {\(B + 1): \(gebiete * 60), \(Self.horizont): \(gebiete * 50)}
                preise:
                  tarif: 0.035
                  sachkosten: 0.02
            \(produktueberschreibungen(0, 0.35))    massnahmen: [\(alleM.enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: ", "))]
              best:
                beschreibung: Günstige Entwicklung für den Haushalt.
                bevoelkerung:
                  geburtenziffer: 1.30
                  sterblichkeit: 1.0
                  wanderungssaldo: {\(B + 1): \(gebiete * 40), \(Self.horizont): \(gebiete * 30)}
                preise:
                  tarif: 0.03
                  sachkosten: {\(B + 1): 0.018, \(Self.horizont): 0.015}
            \(produktueberschreibungen(-1, 0.25))    massnahmen: [\(alleM.joined(separator: ", "))]
              worst:
                beschreibung: Ungünstige Entwicklung für den Haushalt.
                bevoelkerung:
                  geburtenziffer: 1.48
                  sterblichkeit: 0.97
                  wanderungssaldo: {\(B + 1): \(gebiete * 90), \(B + 3): \(gebiete * 80), \(Self.horizont): \(gebiete * 70)}
                preise:
                  tarif: {\(B + 1): 0.045, \(Self.horizont): 0.04}
                  sachkosten: 0.025
            \(produktueberschreibungen(1, 0.25))    massnahmen: []

            """
        try schreibe(s, ordner, "szenarien.yaml")

        // ---------------------------------------------------------------- CSV files
        var c = CSVText("geschlecht", "alter", "qx")
        c.jeGeschlechtUndAlter { s, a in de(qx[s.index][a], 6) }
        try schreibe(c, ordner, "sterbetafel.csv")
        c = CSVText("alter", "rate")
        for (i, r) in frucht.enumerated() { c.zeile(String(15 + i), de(r, 6)) }
        try schreibe(c, ordner, "fruchtbarkeit.csv")
        c = CSVText("geschlecht", "alter", "anteil")
        c.jeGeschlechtUndAlter { s, a in de(wand[s.index][a], 7) }
        try schreibe(c, ordner, "wanderung.csv")
        c = CSVText("gebiet", "geschlecht", "alter", "anzahl")
        c.bevoelkerung(gebiete: gebietIds) { g, s, a in String(Int(pop[g][s.index][a])) }
        try schreibe(c, ordner, "bevoelkerung.csv")
        // History 31.12.2020 … 31.12.2024: the cohorts of the base year, younger and slightly more numerous.
        c = CSVText("jahr", "gebiet", "geschlecht", "alter", "anzahl")
        for j in (Self.istJahre.lowerBound)..<B {
            let k = B - j
            c.bevoelkerung(vorne: [String(j)], gebiete: gebietIds) { g, s, a in
                let v = a + k <= 100 ? pop[g][s.index][min(100, a + k)] : pop[g][s.index][100] / Double(k + 1)
                return String(Int((v * (1 + 0.002 * Double(k))).rounded()))
            }
        }
        try schreibe(c, ordner, "bevoelkerung_historie.csv")

        // Ist 2020 … 2025 and the Ansatz of B + 1.
        c = CSVText("jahr", "produkt", "groesse", "wert")
        var ansatz = CSVText("produkt", "groesse", "wert")
        var basisfaelle: [Basisfall] = []
        for p in plaene {
            for j in Self.istJahre {
                let k = Double(B - j)
                let preis = pow(1.028, -k), tarif = pow(1.033, -k)
                var zeilen: [(String, Double)] = []
                var treiberKonto: String?
                if let t = p.treiber, let (von, bis) = agIndex[t.gruppe] {
                    let R = bezugssumme(
                        von, bis, geschlecht: t.geschlecht == "w" ? 0 : t.geschlecht == "m" ? 1 : nil, gebiet: t.gebiet)
                    let faelle =
                        (R * t.quoteJe1000 / 1000 * pow(1 + p.wachstum, -k) * (j == B ? 1 : zwischen(0.98, 1.02)))
                        .rounded()
                    let aufwand = faelle * t.fallkosten * (t.personalanteil * tarif + (1 - t.personalanteil) * preis)
                    zeilen.append(("faelle", max(1, faelle)))
                    if j == B, t.gebiet == nil {
                        let gs = t.geschlecht == "w" ? 0 : t.geschlecht == "m" ? 1 : nil
                        basisfaelle.append(
                            Basisfall(
                                nr: p.nr, faelle: max(1, faelle),
                                bezug: (0..<gebiete).map { bezugssumme(von, bis, geschlecht: gs, gebiet: $0) }))
                    }
                    zeilen.append((t.konto, aufwand))
                    treiberKonto = t.konto
                    if let e = t.erstattung { zeilen.append((e.konto, aufwand * e.anteil)) }
                }
                zeilen.append(("personalaufwendungen", p.personal * tarif))
                if treiberKonto != "aufwendungen_sach_dienstleistungen" {
                    zeilen.append(("aufwendungen_sach_dienstleistungen", p.sach * preis))
                }
                if p.versorgung > 0 { zeilen.append(("versorgungsaufwendungen", p.versorgung * tarif)) }
                if p.sonstige > 0 {
                    zeilen.append(("sonstige_ordentliche_aufwendungen", p.sonstige * preis * zwischen(0.9, 1.1)))
                }
                if p.abschreibung > 0 { zeilen.append(("bilanzielle_abschreibungen", p.abschreibung)) }
                if p.entgelte > 0 { zeilen.append(("privatrechtliche_leistungsentgelte", p.entgelte * preis)) }
                for (g, v) in zeilen {
                    c.zeile(String(j), p.nr, g, g == "faelle" ? String(Int(v)) : de(v, 2))
                    if j == B, g != "faelle" { ansatz.zeile(p.nr, g, de((v * 1.03).rounded(), 0)) }
                }
            }
        }
        try schreibe(c, ordner, "ist.csv")
        try schreibe(ansatz, ordner, "ansatz.csv")
        try sozialraumDateien(ordner, basis: basisfaelle, gebietIds: gebietIds)
    }

    // MARK: - Formatting (the shared model writer)

    func yaml(_ s: String) -> String { Modellschreiber.yamlText(s) }
    func zahl(_ v: Double) -> String { Modellschreiber.ganzzahl(v) }
    func de(_ v: Double, _ stellen: Int) -> String { Modellschreiber.dezimalKomma(v, stellen: stellen) }

    func schreibe(_ text: String, _ ordner: String, _ name: String) throws {
        try Modellschreiber.schreiben([name: text], nach: ordner)
    }

    func schreibe(_ tabelle: CSVText, _ ordner: String, _ name: String) throws {
        try schreibe(tabelle.text, ordner, name)
    }
}
