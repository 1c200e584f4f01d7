/// Checks across files: references, duplicates, coverage of Budgetbereiche, the Ist each driver needs, weights.
/// Every problem is recorded; nothing stops at the first.
enum Modellpruefung {
    typealias Dateien = (ist: String, ansatz: String, vorausberechnung: String, historie: String, bevoelkerung: String)

    /// Which inputs could be read at all; checks that depend on an unreadable one are skipped (its own error
    /// already says what is wrong).
    struct Gelesen {
        var ist = true
        var bevoelkerung = true
    }

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    static func pruefen(_ m: inout Planungsmodell, _ md: ModellDatei, dateien: Dateien, gelesen: Gelesen = Gelesen(),
                        befund: Befund) {
        let istPruefbar = gelesen.ist && md.basisjahrGueltig
        let B = m.basisjahr
        // Duplicates.
        doppelte(m.produkte.map { ($0.nr, $0.ort) }, "Produktnummer", befund)
        doppelte(m.kennzahlen.map { ($0.id, $0.ort) }, "Kennzahl-id", befund)
        doppelte(m.ziele.map { ($0.id, $0.ort) }, "Ziel-id", befund)
        doppelte(md.massnahmen.map { ($0.0.id, $0.1) }, "Maßnahmen-id", befund)
        doppelte(md.investitionen.map { ($0.0.id, $0.1) }, "Investitions-id", befund)
        doppelte(md.budgetbereiche.map { ($0.0.id, $0.1) }, "Budgetbereich-id", befund)

        let nrn = Set(m.produkte.map(\.nr))
        let gruppen = Set(m.produktgruppen.map(\.nr)), bereiche = Set(m.produktbereiche.map(\.nr))
        // Every product's Produktgruppe and Produktbereich must be named.
        for p in m.produkte {
            let teile = p.nr.split(separator: ".").map(String.init)
            guard teile.count >= 2 else { continue }
            let bereich = teile[0], gruppe = teile[0] + "." + teile[1]
            if !bereiche.contains(bereich) {
                befund.fehler(p.ort, "Produkt \(p.nr): Produktbereich '\(bereich)' ist unter produktbereiche nicht benannt")
            }
            if teile.count >= 3, !gruppen.contains(gruppe) {
                befund.fehler(p.ort, "Produkt \(p.nr): Produktgruppe '\(gruppe)' ist unter produktgruppen nicht benannt")
            }
        }

        // Look-ups by number without copying every Produkt: the first product with a number (as
        // `Planungsmodell.produkt`), and for ASCII numbers every prefix up to a "." (as `Planungsmodell.liegt`).
        let produktNachNr = Dictionary(m.produkte.enumerated().map { ($1.nr, $0) }, uniquingKeysWith: { a, _ in a })
        func produkt(_ nr: String) -> Produkt? { produktNachNr[nr].map { m.produkte[$0] } }
        let nrListe = m.produkte.map(\.nr)
        var praefixe: Set<String>? = []
        for nr in nrListe {
            let u = nr.utf8
            guard u.allSatisfy({ $0 < 0x80 }) else { praefixe = nil; break }
            var j = u.startIndex
            while j < u.endIndex {
                if u[j] == UInt8(ascii: ".") { praefixe?.insert(String(nr[..<j])) }
                j = u.index(after: j)
            }
            praefixe?.insert(nr)
        }
        func gibtProdukte(unter id: String) -> Bool {
            if let praefixe, id.utf8.allSatisfy({ $0 < 0x80 }) { return praefixe.contains(id) }
            return nrListe.contains { Planungsmodell.liegt($0, unter: id) }
        }

        // References.
        let kids = Set(m.kennzahlen.map(\.id)), mids = Set(m.massnahmen.map(\.id))
        let gebiete = Set(m.bevoelkerung.gebiete), sids = Set(m.strategischeZiele.map(\.id))
        for v in md.verweise where !(md.fehlerhafteIds[v.art]?.contains(v.id) ?? false) {
            switch v.art {
            case .produkt:
                if !nrn.contains(v.id) { unbekannt(v, "Produkt", Array(nrn).sorted(), befund) }
            case .produktOderPrefix:
                if !gibtProdukte(unter: v.id) {
                    unbekannt(v, "Produkt, Produktgruppe oder Produktbereich", Array(nrn.union(gruppen).union(bereiche)).sorted(), befund)
                }
            case .kennzahl: if !kids.contains(v.id) { unbekannt(v, "Kennzahl", Array(kids).sorted(), befund) }
            case .massnahme: if !mids.contains(v.id) { unbekannt(v, "Maßnahme", Array(mids).sorted(), befund) }
            case .gebiet:
                if !m.bevoelkerung.gebiete.isEmpty, !gebiete.contains(v.id) {
                    var text = "\(v.kontext): Sozialraum '\(v.id)' gibt es in \(dateien.bevoelkerung) nicht"
                    if let h = Aehnlichkeit.vorschlag(v.id, aus: m.bevoelkerung.gebiete) { text += " – meinten Sie '\(h)'?" }
                    befund.fehler(v.ort, text)
                }
            case .strategischesZiel:
                if !sids.contains(v.id) { unbekannt(v, "strategisches Ziel", Array(sids).sorted(), befund) }
            }
        }
        for k in md.kontoVerweise {
            let ok = k.summeErlaubt ? m.kontenrahmen.zeile(k.key) != nil : m.kontenrahmen.istBuchungszeile(k.key)
            if !ok {
                var text = "\(k.kontext): '\(k.key)' ist keine \(k.summeErlaubt ? "Zeile" : "Buchungszeile") des Kontenrahmens \(m.kontenrahmen.id)"
                let kandidaten = k.summeErlaubt ? m.kontenrahmen.zeilen.map(\.key) : m.kontenrahmen.buchungszeilen
                if let h = Aehnlichkeit.vorschlag(k.key, aus: kandidaten) { text += " – meinten Sie '\(h)'?" }
                befund.fehler(k.ort, text)
            }
        }

        // Budgetbereiche: every product in exactly one.
        if m.budgetbereiche.isEmpty {
            befund.fehler(SourceLocation(file: "modell.yaml"), "budgetbereiche fehlen – jedes Produkt muss genau einem Budgetbereich angehören")
        } else {
            for p in m.produkte {
                let in_ = md.budgetbereiche.filter { bb in bb.0.produkte.contains { Planungsmodell.liegt(p.nr, unter: $0) } }
                if in_.isEmpty {
                    befund.fehler(p.ort, "Produkt \(p.nr) gehört zu keinem Budgetbereich")
                } else if in_.count > 1 {
                    befund.fehler(in_[1].1, "Budgetbereiche \(in_.map(\.0.id).joined(separator: " und ")) überschneiden sich: Produkt \(p.nr) liegt in beiden")
                }
            }
        }

        // Strategic goals: weights sum to 1.
        if !m.strategischeZiele.isEmpty {
            let s = m.strategischeZiele.reduce(0) { $0 + $1.gewicht }
            if abs(s - 1) > 0.001 {
                befund.fehler(md.strategischeZieleOrt, "strategische_ziele: die Gewichte ergeben \(format(s)), erwartet 1")
            }
        }

        // Kennzahl cycles.
        var refs: [String: [String]] = [:]
        for k in m.kennzahlen { refs[k.id] = k.ausdruck.kennzahlReferenzen }
        for zyklus in Kennzahlgraph.zyklen(refs) {
            let ort = m.kennzahl(zyklus[0])?.ort
            befund.fehler(ort, "Kennzahlen verweisen im Kreis: \((zyklus + [zyklus[0]]).joined(separator: " → "))")
        }

        // Ist data.
        if istPruefbar { pruefeIst(m, datei: dateien.ist, befund: befund) }
        Planpruefung.pruefen(m, md, istPruefbar: istPruefbar, befund: befund)

        // Drivers need their Ist; measures act on rates; scenario overrides must have something to act on.
        for p in m.produkte where istPruefbar {
            guard let fz = p.fallzahl else { continue }
            let faelleB = m.ist.wert(B, p.nr, "faelle")
            // A Basisjahr value that could not be read has its own error; do not add "missing" or "is 0".
            let nichtLesbar = m.ist.unlesbar
            func unlesbar(_ g: String) -> Bool { nichtLesbar.contains(IstSchluessel(jahr: B, produkt: p.nr, groesse: g)) }
            if unlesbar("faelle") { continue }
            if case .ist = fz.quote {
                if faelleB == nil {
                    befund.fehler(p.ort, "Produkt \(p.nr): quote: ist braucht die Fallzahl des Basisjahres \(B) ('faelle' in \(dateien.ist))")
                } else if !m.bevoelkerung.gebiete.isEmpty, m.bevoelkerung.summe(fz.bezug) <= 0, !(faelleB ?? 0).isNaN {
                    befund.fehler(p.ort, "Produkt \(p.nr): die Bezugsbevölkerung im Basisjahr ist 0 – die Quote ist nicht bestimmbar")
                }
            }
            if let fk = p.fallkosten, case .ist = fk.basis {
                if faelleB == nil {
                    befund.fehler(p.ort, "Produkt \(p.nr): fallkosten basis ist braucht die Fallzahl des Basisjahres \(B) ('faelle' in \(dateien.ist))")
                } else if faelleB == 0 {
                    befund.fehler(p.ort, "Produkt \(p.nr): Fallzahl im Basisjahr \(B) ist 0 – Fallkosten aus dem Ist nicht bestimmbar (Betrag angeben)")
                }
                if m.kontenrahmen.istBuchungszeile(fk.konto), m.ist.wert(B, p.nr, fk.konto) == nil, !unlesbar(fk.konto) {
                    befund.fehler(p.ort, "Produkt \(p.nr): fallkosten basis ist braucht '\(fk.konto)' des Basisjahres \(B) in \(dateien.ist)")
                }
            }
        }
        let mitIstB = Set(m.ist.werte.keys.lazy.filter { $0.jahr == B }.map(\.produkt))
        // A product with an Ansatz takes it as its base instead (section 15; `check` notes it).
        for p in m.produkte where istPruefbar && !mitIstB.contains(p.nr) && !(m.ansatz?.enthaelt(produkt: p.nr) ?? false) {
            befund.warnung(p.ort, "Produkt \(p.nr): keine Ist-Daten für das Basisjahr \(B) – alle nicht getriebenen Zeilen sind 0")
        }
        for massnahme in md.massnahmen {
            for w in massnahme.0.wirkung {
                if let p = produkt(w.produkt), p.fallzahl == nil, !md.fehlerhafteTreiber.contains(p.nr) {
                    befund.fehler(massnahme.1, "Maßnahme \(massnahme.0.id): wirkt auf Produkt \(w.produkt), das keine fallzahl hat – eine Wirkung ändert die Quote")
                }
            }
        }
        // Only where a scenario writes the override itself (an inheriting scenario repeats nothing), at its key.
        for s in m.szenarien {
            for (nr, a) in s.produkte.sorted(by: { $0.key < $1.key }) {
                guard let p = produkt(nr), let ort = s.eigeneProduktOrte[nr] else { continue }
                if a.quoteTrend != nil, !md.fehlerhafteTreiber.contains(nr) {
                    if p.fallzahl == nil {
                        befund.fehler(ort, "Szenario \(s.name): quote_trend für Produkt \(nr), das keine fallzahl hat")
                    } else if case .je1000 = p.fallzahl?.quote {
                        befund.fehler(ort, "Szenario \(s.name): quote_trend für Produkt \(nr) wirkt nicht – seine Quote ist ein fester Wert/Pfad (quote_je_1000); quote_trend gilt nur für quote: ist")
                    }
                }
                if a.erstattungAnteil != nil, p.erstattung == nil {
                    befund.fehler(ort, "Szenario \(s.name): erstattung_anteil für Produkt \(nr), das keine erstattung hat")
                }
                if a.fallkostenTrend != nil, p.fallkosten == nil {
                    befund.fehler(ort, "Szenario \(s.name): fallkosten_trend für Produkt \(nr), das keine fallkosten hat")
                }
            }
        }
        for (inv, ort) in md.investitionen {
            if inv.plaetze != nil, let p = produkt(inv.produkt), p.kapazitaet == nil {
                befund.warnung(ort, "Investition \(inv.id): plaetze angegeben, aber Produkt \(inv.produkt) hat keine kapazitaet – die Plätze werden nicht verglichen")
            }
        }

        // Population files agree on the Sozialräume.
        if m.bevoelkerung.gebiete.isEmpty, gelesen.bevoelkerung {
            befund.fehler(SourceLocation(file: dateien.bevoelkerung), "keine Bevölkerung gelesen")
        }
        if let vb = m.vorausberechnung {
            for s in m.szenarien where s.bevoelkerung.methode == .vorausberechnung {
                guard let v = s.bevoelkerung.variante else { continue }
                guard let jahre = vb.varianten[v] else {
                    var text = "Szenario \(s.name): Variante '\(v)' gibt es in \(dateien.vorausberechnung) nicht"
                    if let h = Aehnlichkeit.vorschlag(v, aus: Array(vb.varianten.keys)) { text += " – meinten Sie '\(h)'?" }
                    befund.fehler(s.ort, text)
                    continue
                }
                let fehlend = m.prognosejahre.filter { jahre[$0] == nil }
                if !fehlend.isEmpty {
                    befund.fehler(SourceLocation(file: dateien.vorausberechnung),
                                  "Variante '\(v)': es fehlen die Jahre \(fehlend.map(String.init).joined(separator: ", "))")
                }
            }
            for (v, jahre) in vb.varianten.sorted(by: { $0.key < $1.key }) {
                for (j, p) in jahre.sorted(by: { $0.key < $1.key }) {
                    gebieteGleich(p.gebiete, m.bevoelkerung.gebiete, "\(dateien.vorausberechnung) (Variante \(v), \(j))",
                                  dateien.bevoelkerung, befund)
                }
            }
        }
        if let h = m.bevoelkerungHistorie {
            for (j, p) in h.jahre.sorted(by: { $0.key < $1.key }) {
                if j >= B { befund.fehler(SourceLocation(file: dateien.historie), "Jahr \(j) ist nicht vor dem Basisjahr \(B) – der Stand des Basisjahres steht in \(dateien.bevoelkerung)") }
                gebieteGleich(p.gebiete, m.bevoelkerung.gebiete, "\(dateien.historie) (\(j))", dateien.bevoelkerung, befund)
            }
        }
        if let sterbe = m.sterbetafel, sterbe.qx.count != 2 {
            befund.fehler(nil, "Sterbetafel unvollständig")
        }
    }

    private static func pruefeIst(_ m: Planungsmodell, datei: String, befund: Befund) {
        let nrn = Set(m.produkte.map(\.nr))
        var gemeldet = Set<String>()
        // Lines looked up once, not in every comparison.
        let schluessel = m.ist.werte.keys.map { (k: $0, zeile: m.ist.orte[$0]?.line ?? 0) }.sorted {
            let a = $0.zeile, b = $1.zeile
            return a != b ? a < b : ($0.k.jahr, $0.k.produkt, $0.k.groesse) < ($1.k.jahr, $1.k.produkt, $1.k.groesse)
        }.map(\.k)
        for k in schluessel {
            let zeile = m.ist.orte[k] ?? SourceLocation(file: datei)
            func ort(_ spalte: String) -> SourceLocation {
                var o = zeile
                if o.line != nil { o.column = m.ist.spalten[spalte] }
                return o
            }
            if !nrn.contains(k.produkt) {
                if gemeldet.insert("p" + k.produkt).inserted {
                    var text = "Produkt '\(k.produkt)' gibt es in modell.yaml nicht"
                    if let h = Aehnlichkeit.vorschlag(k.produkt, aus: Array(nrn).sorted()) { text += " – meinten Sie '\(h)'?" }
                    befund.fehler(ort("produkt"), text)
                }
            }
            if k.groesse != "faelle", !m.kontenrahmen.istBuchungszeile(k.groesse) {
                if gemeldet.insert("g" + k.groesse).inserted {
                    var text: String
                    if m.kontenrahmen.zeile(k.groesse) != nil {
                        text = "Größe '\(k.groesse)' ist eine Summenzeile – sie wird berechnet und darf nicht im Ist stehen"
                    } else {
                        text = "Größe '\(k.groesse)' ist keine Buchungszeile des Kontenrahmens \(m.kontenrahmen.id) und nicht 'faelle'"
                        if let h = Aehnlichkeit.vorschlag(k.groesse, aus: m.kontenrahmen.buchungszeilen + ["faelle"]) {
                            text += " – meinten Sie '\(h)'?"
                        }
                    }
                    befund.fehler(ort("groesse"), text)
                }
            }
            if k.jahr > m.basisjahr {
                if gemeldet.insert("j\(k.jahr)").inserted {
                    befund.fehler(ort("jahr"), "Jahr \(k.jahr) liegt nach dem Basisjahr \(m.basisjahr) – Ist-Daten reichen bis zum Basisjahr")
                }
            } else if k.jahr < m.basisjahr - 30 {
                if gemeldet.insert("j\(k.jahr)").inserted {
                    befund.fehler(ort("jahr"), "Jahr \(k.jahr) liegt mehr als 30 Jahre vor dem Basisjahr \(m.basisjahr)")
                }
            }
        }
        if !m.ist.werte.isEmpty, !m.ist.werte.keys.contains(where: { $0.jahr == m.basisjahr }) {
            befund.fehler(SourceLocation(file: datei), "keine Werte für das Basisjahr \(m.basisjahr)")
        }
    }

    private static func gebieteGleich(_ a: [String], _ basis: [String], _ wo: String, _ basisDatei: String, _ befund: Befund) {
        let nurHier = Set(a).subtracting(basis).sorted(), nurDort = Set(basis).subtracting(a).sorted()
        if !nurHier.isEmpty {
            befund.fehler(SourceLocation(file: wo), "Gebiet \(nurHier.joined(separator: ", ")) steht nur hier, nicht in \(basisDatei)")
        }
        if !nurDort.isEmpty {
            befund.fehler(SourceLocation(file: wo), "Gebiet \(nurDort.joined(separator: ", ")) aus \(basisDatei) fehlt hier")
        }
    }

    private static func doppelte(_ items: [(String, SourceLocation?)], _ was: String, _ befund: Befund) {
        var erst: [String: SourceLocation?] = [:]
        for (id, ort) in items {
            if let vorher = erst[id] {
                befund.fehler(ort, "\(was) '\(id)' ist doppelt vergeben (zuerst in Zeile \(vorher?.line.map(String.init) ?? "?"))")
            } else {
                erst[id] = ort
            }
        }
    }

    private static func unbekannt(_ v: ModellDatei.Verweis, _ was: String, _ kandidaten: [String], _ befund: Befund) {
        var text = "\(v.kontext): \(was) '\(v.id)' gibt es nicht"
        if let h = Aehnlichkeit.vorschlag(v.id, aus: kandidaten) { text += " – meinten Sie '\(h)'?" }
        befund.fehler(v.ort, text)
    }

    static func format(_ v: Double) -> String {
        let r = (v * 1000).rounded() / 1000
        return String(r)
    }
}
