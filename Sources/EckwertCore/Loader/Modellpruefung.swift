/// Checks across files: references, duplicates, coverage of Budgetbereiche, the Ist each driver needs, weights.
/// Every problem is recorded; nothing stops at the first. One function per rule; the rules of a data file are
/// named in its entry of `Datenquellen.alle`, the others in `allgemeineRegeln`.
enum Modellpruefung {
    typealias Regel = @Sendable (Kontext) -> Void

    /// What every rule sees.
    struct Kontext {
        let m: Planungsmodell
        let md: ModellDatei
        /// The file name of a data source (`daten:` override or default).
        let dateiname: (String) -> String
        /// Data sources whose reader gave a value.
        let gelesen: Set<String>
        let befund: Befund
        let produkte: Produktindex

        var istPruefbar: Bool { gelesen.contains("ist") && md.basisjahrGueltig }
    }

    /// Rules that belong to no single data file, in the order they run.
    static let allgemeineRegeln: [Regel] = [
        doppelteIds, ebenenZugeordnet, verweise, kontoVerweise, budgetbereiche, zielgewichte, kennzahlZyklen,
        wirkungBrauchtFallzahl, szenarioAnnahmen, investitionsPlaetze, Planpruefung.basis,
    ]

    /// Every rule, its messages in the order of the rules. The rules read the model only and record into their
    /// own findings, so the rules of the data files up to `ist.csv` run on a second core while this thread runs
    /// the general rules and then those of the later data files (the Ansatz and plan files) into findings of
    /// their own; the messages are joined general, earlier files, later files — as when the rules run one after
    /// the other.
    static func pruefen(
        _ m: Planungsmodell, _ md: ModellDatei, dateiname: @escaping @Sendable (String) -> String,
        gelesen: Set<String>, befund: Befund
    ) {
        let produkte = Produktindex(m.produkte)
        let quellen = Datenquellen.alle
        let teilung = quellen.firstIndex { $0.schluessel == "ansatz" } ?? quellen.count
        let frueh = quellen[..<teilung].flatMap(\.pruefungen), spaet = quellen[teilung...].flatMap(\.pruefungen)
        let nebenher = Nebenher { () -> [Diagnostic] in
            let b = Befund()
            let k = Kontext(m: m, md: md, dateiname: dateiname, gelesen: gelesen, befund: b, produkte: produkte)
            for regel in frueh { regel(k) }
            return b.diagnostics.items
        }
        let k = Kontext(m: m, md: md, dateiname: dateiname, gelesen: gelesen, befund: befund, produkte: produkte)
        for regel in allgemeineRegeln { regel(k) }
        let spaeter = Befund()
        let ks = Kontext(m: m, md: md, dateiname: dateiname, gelesen: gelesen, befund: spaeter, produkte: produkte)
        for regel in spaet { regel(ks) }
        befund.diagnostics.append(contentsOf: nebenher.ergebnis())
        befund.diagnostics.append(contentsOf: spaeter.diagnostics.items)
    }

    // MARK: - Rules of modell.yaml and szenarien.yaml

    static let doppelteIds: Regel = { k in
        let m = k.m, md = k.md
        doppelte(m.produkte.map { ($0.nr, $0.ort) }, "Produktnummer", k.befund)
        doppelte(m.kennzahlen.map { ($0.id, $0.ort) }, "Kennzahl-id", k.befund)
        doppelte(m.ziele.map { ($0.id, $0.ort) }, "Ziel-id", k.befund)
        doppelte(md.massnahmen.map { ($0.0.id, $0.1) }, "Maßnahmen-id", k.befund)
        doppelte(md.investitionen.map { ($0.0.id, $0.1) }, "Investitions-id", k.befund)
        doppelte(md.budgetbereiche.map { ($0.0.id, $0.1) }, "Budgetbereich-id", k.befund)
    }

    /// Every product lies under a declared level (`Produktnummerung`): one error naming the product and the
    /// declared levels; a product missing only one of the two levels draws a warning (its level sum lacks it).
    static let ebenenZugeordnet: Regel = { k in
        let m = k.m
        func liste(_ was: String, _ g: [Gliederung]) -> String? {
            guard !g.isEmpty else { return nil }
            let nrn = g.prefix(12).map(\.nr).joined(separator: ", ")
            return "\(was) \(nrn)\(g.count > 12 ? " … (\(g.count))" : "")"
        }
        let benannt = [liste("Produktbereich", m.produktbereiche), liste("Produktgruppe", m.produktgruppen)]
            .compactMap { $0 }.joined(separator: ", ")
        for p in m.produkte where !k.md.fehlerhafteEbenen.contains(p.nr) {
            if p.produktgruppe == nil, p.produktbereich == nil {
                k.befund.fehler(
                    p.ort,
                    "Produkt \(p.nr) gehört zu keiner benannten Produktgruppe und keinem benannten "
                        + "Produktbereich (benannt sind \(benannt.isEmpty ? "keine" : benannt))")
            } else if p.produktbereich == nil, !m.produktbereiche.isEmpty {
                k.befund.warnung(
                    p.ort,
                    "Produkt \(p.nr) liegt in keinem benannten Produktbereich – in den Summen der "
                        + "Produktbereiche fehlt es")
            } else if p.produktgruppe == nil, !m.produktgruppen.isEmpty {
                k.befund.warnung(
                    p.ort,
                    "Produkt \(p.nr) liegt in keiner benannten Produktgruppe – in den Summen der "
                        + "Produktgruppen fehlt es")
            }
        }
    }

    /// References to products, Kennzahlen, Maßnahmen, Sozialräume and strategic goals resolve.
    static let verweise: Regel = { k in
        let m = k.m, md = k.md
        let nrn = k.produkte.nrn
        let gruppen = Set(m.produktgruppen.map(\.nr)), bereiche = Set(m.produktbereiche.map(\.nr))
        let kids = Set(m.kennzahlen.map(\.id)), mids = Set(m.massnahmen.map(\.id))
        let gebiete = Set(m.bevoelkerung.gebiete), sids = Set(m.strategischeZiele.map(\.id))
        for v in md.verweise where !(md.fehlerhafteIds[v.art]?.contains(v.id) ?? false) {
            switch v.art {
            case .produkt:
                if !nrn.contains(v.id) { unbekannt(v, "Produkt", Array(nrn).sorted(), k.befund) }
            case .produktOderPrefix:
                if k.produkte.gibtProdukte(unter: v.id) { break }
                if gruppen.contains(v.id) || bereiche.contains(v.id) {
                    let was = bereiche.contains(v.id) ? "Produktbereich" : "Produktgruppe"
                    k.befund.fehler(v.ort, "\(v.kontext): \(was) '\(v.id)' hat keine Produkte")
                } else {
                    unbekannt(
                        v, "Produkt, Produktgruppe oder Produktbereich",
                        Array(nrn.union(gruppen).union(bereiche)).sorted(), k.befund)
                }
            case .kennzahl: if !kids.contains(v.id) { unbekannt(v, "Kennzahl", Array(kids).sorted(), k.befund) }
            case .massnahme: if !mids.contains(v.id) { unbekannt(v, "Maßnahme", Array(mids).sorted(), k.befund) }
            case .gebiet:
                if !m.bevoelkerung.gebiete.isEmpty, !gebiete.contains(v.id) {
                    var text = "\(v.kontext): Sozialraum '\(v.id)' gibt es in \(k.dateiname("bevoelkerung")) nicht"
                    if let h = Aehnlichkeit.vorschlag(v.id, aus: m.bevoelkerung.gebiete) {
                        text += " – meinten Sie '\(h)'?"
                    }
                    k.befund.fehler(v.ort, text)
                }
            case .strategischesZiel:
                if !sids.contains(v.id) { unbekannt(v, "strategisches Ziel", Array(sids).sorted(), k.befund) }
            }
        }
    }

    /// Konto keys name lines of the scheme (Buchungszeilen, or any line where a sum is allowed).
    static let kontoVerweise: Regel = { k in
        let kr = k.m.kontenrahmen
        for v in k.md.kontoVerweise {
            let ok = v.summeErlaubt ? kr.zeile(v.key) != nil : kr.istBuchungszeile(v.key)
            if !ok {
                var text =
                    "\(v.kontext): '\(v.key)' ist keine \(v.summeErlaubt ? "Zeile" : "Buchungszeile") des Kontenrahmens \(kr.id)"
                let kandidaten = v.summeErlaubt ? kr.zeilen.map(\.key) : kr.buchungszeilen
                if let h = Aehnlichkeit.vorschlag(v.key, aus: kandidaten) { text += " – meinten Sie '\(h)'?" }
                k.befund.fehler(v.ort, text)
            }
        }
    }

    /// Budgetbereiche: every product in exactly one.
    static let budgetbereiche: Regel = { k in
        guard !k.m.budgetbereiche.isEmpty else {
            k.befund.fehler(
                SourceLocation(file: "modell.yaml"),
                "budgetbereiche fehlen – jedes Produkt muss genau einem Budgetbereich angehören")
            return
        }
        // A product under no declared level has its own error (and can be in a Budgetbereich only by number).
        let direkt = Set(k.md.budgetbereiche.flatMap(\.0.produkte))
        // Entry (number or level) → the Budgetbereiche naming it, so that a product looks up its number and its
        // levels instead of testing every entry of every Budgetbereich (`Planungsmodell.umfasst`).
        var jeEintrag: [String: [Int]] = [:]
        for (b, bb) in k.md.budgetbereiche.enumerated() {
            for id in bb.0.produkte where jeEintrag[id]?.last != b { jeEintrag[id, default: []].append(b) }
        }
        for i in k.m.produkte.indices {
            let p = k.m.produkte[i]
            guard !(p.ebenen.isEmpty && !direkt.contains(p.nr)) else { continue }
            var treffer = Set(jeEintrag[p.nr] ?? [])
            for e in p.ebenen { treffer.formUnion(jeEintrag[e] ?? []) }
            let in_ = treffer.sorted().map { k.md.budgetbereiche[$0] }
            if in_.isEmpty {
                k.befund.fehler(p.ort, "Produkt \(p.nr) gehört zu keinem Budgetbereich")
            } else if in_.count > 1 {
                k.befund.fehler(
                    in_[1].1,
                    "Budgetbereiche \(in_.map(\.0.id).joined(separator: " und ")) überschneiden sich: Produkt \(p.nr) liegt in beiden"
                )
            }
        }
    }

    /// Strategic goals: weights sum to 1.
    static let zielgewichte: Regel = { k in
        guard !k.m.strategischeZiele.isEmpty else { return }
        let s = k.m.strategischeZiele.reduce(0) { $0 + $1.gewicht }
        if abs(s - 1) > 0.001 {
            k.befund.fehler(
                k.md.strategischeZieleOrt, "strategische_ziele: die Gewichte ergeben \(format(s)), erwartet 1")
        }
    }

    static let kennzahlZyklen: Regel = { k in
        var refs: [String: [String]] = [:]
        for kz in k.m.kennzahlen { refs[kz.id] = kz.ausdruck.kennzahlReferenzen }
        for zyklus in Kennzahlgraph.zyklen(refs) {
            let ort = k.m.kennzahl(zyklus[0])?.ort
            k.befund.fehler(ort, "Kennzahlen verweisen im Kreis: \((zyklus + [zyklus[0]]).joined(separator: " → "))")
        }
    }

    /// Measures act on rates: the product they act on needs a fallzahl.
    static let wirkungBrauchtFallzahl: Regel = { k in
        for massnahme in k.md.massnahmen {
            for w in massnahme.0.wirkung {
                if let p = k.produkte.produkt(w.produkt, in: k.m), p.fallzahl == nil,
                    !k.md.fehlerhafteTreiber.contains(p.nr)
                {
                    k.befund.fehler(
                        massnahme.1,
                        "Maßnahme \(massnahme.0.id): wirkt auf Produkt \(w.produkt), das keine fallzahl hat – eine Wirkung ändert die Quote"
                    )
                }
            }
        }
    }

    /// Scenario overrides must have something to act on; only where a scenario writes the override itself (an
    /// inheriting scenario repeats nothing), at its key.
    static let szenarioAnnahmen: Regel = { k in
        for s in k.m.szenarien {
            for (nr, a) in s.produkte.sorted(by: { $0.key < $1.key }) {
                guard let p = k.produkte.produkt(nr, in: k.m), let ort = s.eigeneProduktOrte[nr] else { continue }
                if a.quoteTrend != nil, !k.md.fehlerhafteTreiber.contains(nr) {
                    if p.fallzahl == nil {
                        k.befund.fehler(
                            ort, "Szenario \(s.name): quote_trend für Produkt \(nr), das keine fallzahl hat")
                    } else if case .je1000 = p.fallzahl?.quote {
                        k.befund.fehler(
                            ort,
                            "Szenario \(s.name): quote_trend für Produkt \(nr) wirkt nicht – seine Quote ist ein fester Wert/Pfad (quote_je_1000); quote_trend gilt nur für quote: ist"
                        )
                    }
                }
                if a.erstattungAnteil != nil, p.erstattung == nil {
                    k.befund.fehler(
                        ort, "Szenario \(s.name): erstattung_anteil für Produkt \(nr), das keine erstattung hat")
                }
                if a.fallkostenTrend != nil, p.fallkosten == nil {
                    k.befund.fehler(
                        ort, "Szenario \(s.name): fallkosten_trend für Produkt \(nr), das keine fallkosten hat")
                }
            }
        }
    }

    static let investitionsPlaetze: Regel = { k in
        for (inv, ort) in k.md.investitionen {
            if inv.plaetze != nil, let p = k.produkte.produkt(inv.produkt, in: k.m), p.kapazitaet == nil {
                k.befund.warnung(
                    ort,
                    "Investition \(inv.id): plaetze angegeben, aber Produkt \(inv.produkt) hat keine kapazitaet – die Plätze werden nicht verglichen"
                )
            }
        }
    }

    // MARK: - helpers

    static func doppelte(_ items: [(String, SourceLocation?)], _ was: String, _ befund: Befund) {
        var erst: [String: SourceLocation?] = [:]
        for (id, ort) in items {
            if let vorher = erst[id] {
                befund.fehler(
                    ort, "\(was) '\(id)' ist doppelt vergeben (zuerst in Zeile \(vorher?.line.map(String.init) ?? "?"))"
                )
            } else {
                erst[id] = ort
            }
        }
    }

    static func unbekannt(_ v: ModellDatei.Verweis, _ was: String, _ kandidaten: [String], _ befund: Befund) {
        var text = "\(v.kontext): \(was) '\(v.id)' gibt es nicht"
        if let h = Aehnlichkeit.vorschlag(v.id, aus: kandidaten) { text += " – meinten Sie '\(h)'?" }
        befund.fehler(v.ort, text)
    }

    static func format(_ v: Double) -> String {
        let r = (v * 1000).rounded() / 1000
        return String(r)
    }
}

/// Look-ups by product number without copying every Produkt: the first product with a number (as
/// `Planungsmodell.produkt`), and every number and declared level that covers products.
struct Produktindex {
    let nrn: Set<String>
    private let nachNr: [String: Int]
    private let verweisbar: Set<String>

    init(_ produkte: [Produkt]) {
        nrn = Set(produkte.map(\.nr))
        nachNr = Dictionary(produkte.enumerated().map { ($1.nr, $0) }, uniquingKeysWith: { a, _ in a })
        verweisbar = nrn.union(produkte.lazy.flatMap(\.ebenen))
    }

    func produkt(_ nr: String, in m: Planungsmodell) -> Produkt? { nachNr[nr].map { m.produkte[$0] } }

    /// Whether a reference covers at least one product.
    func gibtProdukte(unter id: String) -> Bool { verweisbar.contains(id) }
}
