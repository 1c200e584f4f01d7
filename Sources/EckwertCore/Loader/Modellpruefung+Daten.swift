/// The rules of the data files, named in their entries of `Datenquellen.alle`.
extension Modellpruefung {
    /// A readable but empty bevoelkerung.csv.
    static let bevoelkerungGelesen: Regel = { k in
        if k.m.bevoelkerung.gebiete.isEmpty, k.gelesen.contains("bevoelkerung") {
            k.befund.fehler(SourceLocation(file: k.dateiname("bevoelkerung")), "keine Bevölkerung gelesen")
        }
    }

    /// Every row of the Ist: a known product, a Buchungszeile or `faelle`, a year up to the Basisjahr.
    static let istDatei: Regel = { k in
        guard k.istPruefbar else { return }
        let m = k.m, datei = k.dateiname("ist"), befund = k.befund
        var gemeldet = Set<String>()
        // Only keys the loop below reports on (unknown Produkt or Größe, a year out of range): the others leave
        // no message, so they need not be sorted into line order.
        let meldet = { (s: IstSchluessel) in
            !k.produkte.nrn.contains(s.produkt)
                || (s.groesse != "faelle" && !m.kontenrahmen.istBuchungszeile(s.groesse))
                || s.jahr > m.basisjahr || s.jahr < m.basisjahr - 30
        }
        // Lines looked up once, not in every comparison.
        let schluessel = m.ist.werte.keys.filter(meldet).map { (k: $0, zeile: m.ist.orte[$0]?.line ?? 0) }.sorted {
            let a = $0.zeile, b = $1.zeile
            return a != b ? a < b : ($0.k.jahr, $0.k.produkt, $0.k.groesse) < ($1.k.jahr, $1.k.produkt, $1.k.groesse)
        }.map(\.k)
        for s in schluessel {
            let zeile = m.ist.orte[s] ?? SourceLocation(file: datei)
            func ort(_ spalte: String) -> SourceLocation {
                var o = zeile
                if o.line != nil { o.column = m.ist.spalten[spalte] }
                return o
            }
            if !k.produkte.nrn.contains(s.produkt), gemeldet.insert("p" + s.produkt).inserted {
                var text = "Produkt '\(s.produkt)' gibt es in modell.yaml nicht"
                if let h = Aehnlichkeit.vorschlag(s.produkt, aus: Array(k.produkte.nrn).sorted()) {
                    text += " – meinten Sie '\(h)'?"
                }
                befund.fehler(ort("produkt"), text)
            }
            if s.groesse != "faelle", !m.kontenrahmen.istBuchungszeile(s.groesse),
                gemeldet.insert("g" + s.groesse).inserted
            {
                befund.fehler(ort("groesse"), groesseUnbekannt(s.groesse, m.kontenrahmen))
            }
            if s.jahr > m.basisjahr {
                if gemeldet.insert("j\(s.jahr)").inserted {
                    befund.fehler(
                        ort("jahr"),
                        "Jahr \(s.jahr) liegt nach dem Basisjahr \(m.basisjahr) – Ist-Daten reichen bis zum Basisjahr")
                }
            } else if s.jahr < m.basisjahr - 30 {
                if gemeldet.insert("j\(s.jahr)").inserted {
                    befund.fehler(
                        ort("jahr"), "Jahr \(s.jahr) liegt mehr als 30 Jahre vor dem Basisjahr \(m.basisjahr)")
                }
            }
        }
        if !m.ist.werte.isEmpty, !m.ist.werte.keys.contains(where: { $0.jahr == m.basisjahr }) {
            befund.fehler(SourceLocation(file: datei), "keine Werte für das Basisjahr \(m.basisjahr)")
        }
    }

    static func groesseUnbekannt(
        _ g: String, _ kr: Kontenrahmen, _ wo: String = "im Ist",
        faelle: Bool = true
    ) -> String {
        if kr.zeile(g) != nil {
            return "Größe '\(g)' ist eine Summenzeile – sie wird berechnet und darf nicht \(wo) stehen"
        }
        var text =
            "Größe '\(g)' ist keine Buchungszeile des Kontenrahmens \(kr.id)" + (faelle ? " und nicht 'faelle'" : "")
        if let h = Aehnlichkeit.vorschlag(g, aus: kr.buchungszeilen + (faelle ? ["faelle"] : [])) {
            text += " – meinten Sie '\(h)'?"
        }
        return text
    }

    /// Drivers need their Ist: `quote: ist` the Basisjahr's cases and population, `basis: ist` cases and Aufwand.
    static let treiberBrauchenIst: Regel = { k in
        guard k.istPruefbar else { return }
        let m = k.m, B = m.basisjahr, datei = k.dateiname("ist"), befund = k.befund
        for p in m.produkte {
            guard let fz = p.fallzahl else { continue }
            let faelleB = m.ist.wert(B, p.nr, "faelle")
            // A Basisjahr value that could not be read has its own error; do not add "missing" or "is 0".
            let nichtLesbar = m.ist.unlesbar
            func unlesbar(_ g: String) -> Bool {
                nichtLesbar.contains(IstSchluessel(jahr: B, produkt: p.nr, groesse: g))
            }
            if unlesbar("faelle") { continue }
            if case .ist = fz.quote {
                if faelleB == nil {
                    befund.fehler(
                        p.ort,
                        "Produkt \(p.nr): quote: ist braucht die Fallzahl des Basisjahres \(B) ('faelle' in \(datei))")
                } else if !m.bevoelkerung.gebiete.isEmpty, m.bevoelkerung.summe(fz.bezug) <= 0, !(faelleB ?? 0).isNaN {
                    befund.fehler(
                        p.ort,
                        "Produkt \(p.nr): die Bezugsbevölkerung im Basisjahr ist 0 – die Quote ist nicht bestimmbar")
                }
            }
            if let fk = p.fallkosten, case .ist = fk.basis {
                if faelleB == nil {
                    befund.fehler(
                        p.ort,
                        "Produkt \(p.nr): fallkosten basis ist braucht die Fallzahl des Basisjahres \(B) ('faelle' in \(datei))"
                    )
                } else if faelleB == 0 {
                    befund.fehler(
                        p.ort,
                        "Produkt \(p.nr): Fallzahl im Basisjahr \(B) ist 0 – Fallkosten aus dem Ist nicht bestimmbar (Betrag angeben)"
                    )
                }
                if m.kontenrahmen.istBuchungszeile(fk.konto), m.ist.wert(B, p.nr, fk.konto) == nil, !unlesbar(fk.konto)
                {
                    befund.fehler(
                        p.ort,
                        "Produkt \(p.nr): fallkosten basis ist braucht '\(fk.konto)' des Basisjahres \(B) in \(datei)")
                }
            }
        }
    }

    /// A Produktbereich whose every Aufwand value of the Basisjahr is negative was most likely exported with the
    /// booking sign of SAP and similar systems (Aufwand as a negative amount): a warning naming the Bereich.
    static let aufwandVorzeichen: Regel = { k in
        guard k.istPruefbar else { return }
        let m = k.m, B = m.basisjahr
        let aufwand = Set(m.kontenrahmen.zeilen.filter { $0.art == .aufwand }.map(\.key))
        let bereichVon = Dictionary(
            m.produkte.compactMap { p in p.produktbereich.map { (p.nr, $0) } },
            uniquingKeysWith: { a, _ in a })
        var werte: [String: (negativ: Int, sonst: Int, erste: SourceLocation?)] = [:]
        for (s, v) in m.ist.werte where s.jahr == B && v != 0 && aufwand.contains(s.groesse) {
            guard let b = bereichVon[s.produkt] else { continue }
            var w = werte[b] ?? (0, 0, nil)
            if v < 0 {
                w.negativ += 1
                let ort = m.ist.orte[s]
                if let o = ort, (w.erste?.line ?? Int.max) > (o.line ?? Int.max) { w.erste = o }
            } else {
                w.sonst += 1
            }
            werte[b] = w
        }
        for b in m.produktbereiche {
            guard let w = werte[b.nr], w.negativ > 0, w.sonst == 0 else { continue }
            var ort = w.erste ?? SourceLocation(file: k.dateiname("ist"))
            if ort.line != nil { ort.column = m.ist.spalten["wert"] }
            k.befund.warnung(
                ort,
                "Produktbereich \(b.nr) \(b.name): alle \(w.negativ) Aufwandswerte des "
                    + "Basisjahres \(B) sind negativ – vermutlich das Buchungsvorzeichen eines Exports "
                    + "(SAP, H&H, Infoma); Eckwert erwartet Aufwand und Ertrag positiv: Vorzeichen umkehren "
                    + "oder mit `eckwert import` einlesen")
        }
    }

    static let istImBasisjahr: Regel = { k in
        guard k.istPruefbar else { return }
        let B = k.m.basisjahr
        let mitIstB = Set(k.m.ist.werte.keys.lazy.filter { $0.jahr == B }.map(\.produkt))
        // A product with an Ansatz takes it as its base instead (section 15; `check` notes it).
        for p in k.m.produkte where !mitIstB.contains(p.nr) && !(k.m.ansatz?.enthaelt(produkt: p.nr) ?? false) {
            k.befund.warnung(
                p.ort, "Produkt \(p.nr): keine Ist-Daten für das Basisjahr \(B) – alle nicht getriebenen Zeilen sind 0")
        }
    }

    /// Each variant a scenario names exists, covers the forecast years and has the Sozialräume of bevoelkerung.csv.
    static let vorausberechnung: Regel = { k in
        guard let vb = k.m.vorausberechnung else { return }
        let datei = k.dateiname("vorausberechnung"), bev = k.dateiname("bevoelkerung")
        for s in k.m.szenarien where s.bevoelkerung.methode == .vorausberechnung {
            guard let v = s.bevoelkerung.variante else { continue }
            guard let jahre = vb.varianten[v] else {
                var text = "Szenario \(s.name): Variante '\(v)' gibt es in \(datei) nicht"
                if let h = Aehnlichkeit.vorschlag(v, aus: Array(vb.varianten.keys)) { text += " – meinten Sie '\(h)'?" }
                k.befund.fehler(s.ort, text)
                continue
            }
            let fehlend = k.m.prognosejahre.filter { jahre[$0] == nil }
            if !fehlend.isEmpty {
                k.befund.fehler(
                    SourceLocation(file: datei),
                    "Variante '\(v)': es fehlen die Jahre \(fehlend.map(String.init).joined(separator: ", "))")
            }
        }
        for (v, jahre) in vb.varianten.sorted(by: { $0.key < $1.key }) {
            for (j, p) in jahre.sorted(by: { $0.key < $1.key }) {
                gebieteGleich(p.gebiete, k.m.bevoelkerung.gebiete, "\(datei) (Variante \(v), \(j))", bev, k.befund)
            }
        }
    }

    static let historie: Regel = { k in
        guard let h = k.m.bevoelkerungHistorie else { return }
        let datei = k.dateiname("bevoelkerung_historie"), bev = k.dateiname("bevoelkerung")
        for (j, p) in h.jahre.sorted(by: { $0.key < $1.key }) {
            if j >= k.m.basisjahr {
                k.befund.fehler(
                    SourceLocation(file: datei),
                    "Jahr \(j) ist nicht vor dem Basisjahr \(k.m.basisjahr) – der Stand des Basisjahres steht in \(bev)"
                )
            }
            gebieteGleich(p.gebiete, k.m.bevoelkerung.gebiete, "\(datei) (\(j))", bev, k.befund)
        }
    }

    static let sterbetafelVollstaendig: Regel = { k in
        if let sterbe = k.m.sterbetafel, sterbe.qx.count != 2 { k.befund.fehler(nil, "Sterbetafel unvollständig") }
    }

    static func gebieteGleich(_ a: [String], _ basis: [String], _ wo: String, _ basisDatei: String, _ befund: Befund) {
        let nurHier = Set(a).subtracting(basis).sorted(), nurDort = Set(basis).subtracting(a).sorted()
        if !nurHier.isEmpty {
            befund.fehler(
                SourceLocation(file: wo),
                "Gebiet \(nurHier.joined(separator: ", ")) steht nur hier, nicht in \(basisDatei)")
        }
        if !nurDort.isEmpty {
            befund.fehler(
                SourceLocation(file: wo), "Gebiet \(nurDort.joined(separator: ", ")) aus \(basisDatei) fehlt hier")
        }
    }
}
