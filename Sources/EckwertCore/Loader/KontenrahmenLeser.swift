/// Reads a line scheme (a built-in scheme or a model's own scheme file) and checks it: required keys, line numbers,
/// sum definitions (members known, above the sum, no cycles), unique keys and aliases, account groups.
enum KontenrahmenLeser {
    /// Keys of the scheme file; the first eight are required (the Finanzplan keys only with a `finanzplan`).
    static let pflichtschluessel = [
        "id", "name", "sonderposten", "abschreibungen", "ertraege", "aufwendungen",
        "ausgleich", "ergebnisplan",
    ]
    static let schluessel =
        pflichtschluessel + [
            "finanzplan", "investitionszuwendungen", "baumassnahmen", "einzahlungen_verwaltung",
            "auszahlungen_verwaltung", "ilv_ertraege", "ilv_aufwendungen", "land", "quelle", "geprueft",
            "kontengruppen_geprueft", "hinweis",
        ]
    /// Keys of a line: `nr`, `key`, `name` and either `art` or `summe` are required.
    static let zeilenschluessel = [
        "nr", "key", "name", "art", "summe", "fortschreibung", "zahlungswirksam",
        "aliase", "kontengruppen", "geprueft", "hinweis",
    ]

    /// A line as read, with where it stands (for messages).
    struct GeleseneZeile {
        var zeile: Kontenrahmen.Zeile
        var ort: SourceLocation
        var summandOrte: [SourceLocation]
    }

    static func lesen(_ text: String, datei: String, befund: Befund) -> Kontenrahmen? {
        guard let wurzel = YAMLDatei.lesen(text, datei: datei, befund: befund) else { return nil }
        let y = YLeser(befund: befund)
        guard let m = y.abschnitt(wurzel, "Kontenrahmen") else { return nil }
        m.pruefeSchluessel(schluessel, befund)
        let fehlerVorher = befund.diagnostics.errors.count
        let id = m.pflicht("id", befund).flatMap { y.text($0, "Kontenrahmen id") }
        let name = m.pflicht("name", befund).flatMap { y.text($0, "Kontenrahmen name") }
        let land = m["land"].flatMap { y.text($0, "Kontenrahmen land") }
        let quelle = m["quelle"].flatMap { y.text($0, "Kontenrahmen quelle") }
        _ = m["hinweis"].flatMap { y.text($0, "Kontenrahmen hinweis") }
        let alleGeprueft = m["geprueft"].flatMap { y.wahrheitswert($0, "Kontenrahmen geprueft") } ?? true
        let kgGeprueft =
            m["kontengruppen_geprueft"]
            .flatMap { y.wahrheitswert($0, "Kontenrahmen kontengruppen_geprueft") } ?? true
        var ep: [GeleseneZeile] = []
        if let k = m.pflicht("ergebnisplan", befund, erwartet: "Liste der Zeilen"), let l = y.liste(k, "ergebnisplan") {
            ep = l.compactMap { zeile($0, y, befund, plan: "ergebnisplan", geprueft: alleGeprueft) }
        }
        var fp: [GeleseneZeile] = []
        if let f = m["finanzplan"], let l = y.liste(f, "finanzplan") {
            fp = l.compactMap { zeile($0, y, befund, plan: "finanzplan", geprueft: alleGeprueft) }
        }
        pruefeEindeutig(ep + fp, befund: befund)
        pruefeNummern(ep, plan: "ergebnisplan", befund: befund)
        pruefeNummern(fp, plan: "finanzplan", befund: befund)
        let aliasZiel = aliasTabelle(ep + fp)
        ep = pruefeSummen(ep, plan: "ergebnisplan", aliasZiel: aliasZiel, befund: befund)
        fp = pruefeSummen(fp, plan: "finanzplan", aliasZiel: aliasZiel, befund: befund)
        pruefeKontengruppen(ep + fp, befund: befund)
        let zeilen = ep.map(\.zeile), finanz = fp.map(\.zeile)
        func verweis(_ key: String, in plan: [Kontenrahmen.Zeile], summe: Bool?, pflicht: Bool = true) -> String? {
            let knoten = pflicht ? m.pflicht(key, befund) : m[key]
            guard let k = knoten, let v = y.text(k, key) else { return nil }
            let ziel = aliasZiel[v] ?? v
            guard let z = plan.first(where: { $0.key == ziel }) else {
                var text = "\(key): Zeile '\(v)' gibt es im Kontenrahmen nicht"
                if let h = Aehnlichkeit.vorschlag(v, aus: plan.map(\.key)) { text += " – meinten Sie '\(h)'?" }
                befund.fehler(k.ort, text)
                return nil
            }
            if let summe, z.istSumme != summe {
                befund.fehler(k.ort, "\(key): '\(v)' muss eine \(summe ? "Summenzeile" : "Buchungszeile") sein")
                return nil
            }
            return ziel
        }
        let sonder = verweis("sonderposten", in: zeilen, summe: false)
        let afa = verweis("abschreibungen", in: zeilen, summe: false)
        let ertr = verweis("ertraege", in: zeilen, summe: true)
        let aufw = verweis("aufwendungen", in: zeilen, summe: true)
        let ausgl = verweis("ausgleich", in: zeilen, summe: true)
        let ilvE = verweis("ilv_ertraege", in: zeilen, summe: false, pflicht: false)
        let ilvA = verweis("ilv_aufwendungen", in: zeilen, summe: false, pflicht: false)
        var zuw: String?, bau: String?, ein: String?, aus: String?
        if !finanz.isEmpty {
            zuw = verweis("investitionszuwendungen", in: finanz, summe: false)
            bau = verweis("baumassnahmen", in: finanz, summe: false)
            ein = verweis("einzahlungen_verwaltung", in: finanz, summe: false)
            aus = verweis("auszahlungen_verwaltung", in: finanz, summe: false)
        }
        if (ilvE == nil) != (ilvA == nil), let k = m["ilv_ertraege"] ?? m["ilv_aufwendungen"] {
            befund.fehler(k.ort, "ilv_ertraege und ilv_aufwendungen gehören zusammen: bitte beide angeben")
        }
        guard befund.diagnostics.errors.count == fehlerVorher, let id, let name, let sonder, let afa, let ertr,
            let aufw, let ausgl
        else { return nil }
        return Kontenrahmen(
            id: id, name: name, zeilen: zeilen, finanzplan: finanz, sonderposten: sonder,
            abschreibungen: afa, ertraege: ertr, aufwendungen: aufw, ausgleich: ausgl,
            investitionszuwendungen: zuw, baumassnahmen: bau,
            einzahlungenVerwaltung: ein, auszahlungenVerwaltung: aus,
            ilvErtraege: ilvE, ilvAufwendungen: ilvA, land: land, quelle: quelle,
            kontengruppenGeprueft: kgGeprueft)
    }

    /// A printed line number: digits, optionally with sub-numbers ("16.1", "161").
    static func istNummer(_ s: String) -> Bool {
        let teile = s.split(separator: ".", omittingEmptySubsequences: false)
        return !teile.isEmpty && teile.count <= 3
            && teile.allSatisfy { t in
                !t.isEmpty && t.count <= 4 && t.utf8.allSatisfy { (0x30...0x39).contains($0) }
            }
    }

    /// A line key or alias: lower-case ASCII letters, digits and `_`, starting with a letter.
    static func istSchluessel(_ s: String) -> Bool {
        guard let f = s.utf8.first, (0x61...0x7A).contains(f) else { return false }
        return s.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
    }

    private static func zeile(
        _ k: YKnoten, _ y: YLeser, _ befund: Befund, plan: String,
        geprueft alleGeprueft: Bool
    ) -> GeleseneZeile? {
        guard let m = y.abschnitt(k, "\(plan)-Zeile") else { return nil }
        let kontext = "\(plan)-Zeile \(m["key"]?.skalar ?? "?")"
        let mk = YAbschnitt(knoten: m.knoten, paare: m.paare, kontext: kontext)
        mk.pruefeSchluessel(zeilenschluessel, befund)
        var nr: String?
        if let n = mk.pflicht("nr", befund, erwartet: "die gedruckte Zeilennummer, z. B. 15 oder \"16.1\""),
            let t = y.text(n, "\(kontext) nr")
        {
            if istNummer(t) {
                nr = t
            } else {
                befund.fehler(
                    n.ort,
                    "\(kontext) nr: erwartet eine Zeilennummer wie 15, 161 oder \"16.1\", "
                        + "gefunden '\(t)'")
            }
        }
        let key = mk.pflicht("key", befund).flatMap { n in
            y.text(n, "\(kontext) key").flatMap { t in
                if istSchluessel(t) { return t }
                befund.fehler(n.ort, "\(kontext) key: erwartet Kleinbuchstaben, Ziffern und _ (ASCII), gefunden '\(t)'")
                return nil
            }
        }
        let name = mk.pflicht("name", befund).flatMap { y.text($0, "\(kontext) name") }
        _ = mk["hinweis"].flatMap { y.text($0, "\(kontext) hinweis") }
        var art: Kontenrahmen.Art?
        var summandOrte: [SourceLocation] = []
        if let s = mk["summe"] {
            if mk["art"] != nil { befund.fehler(s.ort, "\(kontext): entweder 'art' oder 'summe', nicht beides") }
            if let l = y.liste(s, "\(kontext) summe") {
                var terme: [Kontenrahmen.Summand] = []
                for t in l {
                    guard let txt = y.text(t, "\(kontext) summe") else { continue }
                    let minus = txt.hasPrefix("-")
                    let rest = minus || txt.hasPrefix("+") ? String(txt.dropFirst()) : txt
                    terme.append(.init(vorzeichen: minus ? -1 : 1, key: YLeser.getrimmt(rest, .whitespaces)))
                    summandOrte.append(t.ort)
                }
                if l.isEmpty { befund.fehler(s.ort, "\(kontext) summe: mindestens eine Zeile erwartet") }
                art = .summe(terme)
            }
        } else if let a = mk.pflicht("art", befund, erwartet: "ertrag | aufwand, oder summe: [...]") {
            switch a.skalar {
            case "ertrag": art = .ertrag
            case "aufwand": art = .aufwand
            default: befund.fehler(a.ort, "\(kontext) art: erwartet ertrag | aufwand, gefunden '\(a.skalar ?? a.art)'")
            }
        }
        var fort = Kontenrahmen.Fortschreibung.keine
        if let f = mk["fortschreibung"] {
            fort =
                y.auswahl(
                    f, "\(kontext) fortschreibung", Kontenrahmen.Fortschreibung.self,
                    ["tarif", "sachkosten", "keine"]) ?? .keine
        }
        var zahlungswirksam = true
        if let z = mk["zahlungswirksam"] { zahlungswirksam = y.wahrheitswert(z, "\(kontext) zahlungswirksam") ?? true }
        var geprueft = alleGeprueft
        if let g = mk["geprueft"] { geprueft = y.wahrheitswert(g, "\(kontext) geprueft") ?? geprueft }
        let aliase = textliste(mk["aliase"], "\(kontext) aliase", y, befund) { t in
            istSchluessel(t) ? nil : "erwartet Kleinbuchstaben, Ziffern und _ (ASCII)"
        }
        let gruppen = textliste(mk["kontengruppen"], "\(kontext) kontengruppen", y, befund) { t in
            t.count <= 8 && t.utf8.allSatisfy({ (0x30...0x39).contains($0) })
                ? nil : "erwartet eine Kontengruppe aus 1 bis 8 Ziffern, z. B. \"53\" oder \"448\""
        }
        if case .summe = art, !gruppen.isEmpty, let g = mk["kontengruppen"] {
            befund.fehler(
                g.ort,
                "\(kontext): eine Summenzeile hat keine Kontengruppen "
                    + "(sie wird berechnet, nicht gebucht)")
        }
        guard let nr, let key, let name, let art else { return nil }
        let z = Kontenrahmen.Zeile(
            nr: nr, key: key, name: name, art: art, fortschreibung: fort,
            zahlungswirksam: zahlungswirksam, aliase: aliase, kontengruppen: gruppen,
            geprueft: geprueft)
        return GeleseneZeile(zeile: z, ort: m.knoten.ort, summandOrte: summandOrte)
    }

    /// A list of short texts (`[a, b]`); each item is checked by `fehler` (nil = fine, else what was expected).
    private static func textliste(
        _ k: YKnoten?, _ kontext: String, _ y: YLeser, _ befund: Befund,
        fehler: (String) -> String?
    ) -> [String] {
        guard let k, let l = y.liste(k, kontext) else { return [] }
        var aus: [String] = []
        for e in l {
            guard let t = y.text(e, kontext) else { continue }
            if let f = fehler(t) { befund.fehler(e.ort, "\(kontext): \(f), gefunden '\(t)'"); continue }
            aus.append(t)
        }
        return aus
    }

    /// Keys and aliases share one name space over both plans: each may stand only once.
    private static func pruefeEindeutig(_ zeilen: [GeleseneZeile], befund: Befund) {
        var gesehen: [String: SourceLocation] = [:]
        for z in zeilen {
            for (i, name) in ([z.zeile.key] + z.zeile.aliase).enumerated() {
                if let erst = gesehen[name] {
                    let was = i == 0 ? "Schlüssel" : "Alias"
                    befund.fehler(
                        z.ort,
                        "\(was) '\(name)' ist doppelt (zuerst in Zeile \(erst.line ?? 0)) – "
                            + "jeder Schlüssel und Alias darf im Kontenrahmen nur einmal stehen")
                } else {
                    gesehen[name] = z.ort
                }
            }
        }
    }

    private static func pruefeNummern(_ zeilen: [GeleseneZeile], plan: String, befund: Befund) {
        var gesehen: [String: String] = [:]
        for z in zeilen {
            if let k = gesehen[z.zeile.nr] {
                befund.fehler(z.ort, "\(plan): Zeilennummer \(z.zeile.nr) steht schon bei '\(k)'")
            } else {
                gesehen[z.zeile.nr] = z.zeile.key
            }
        }
    }

    static func aliasTabelle(_ zeilen: [GeleseneZeile]) -> [String: String] {
        var t: [String: String] = [:]
        for z in zeilen { for a in z.zeile.aliase where t[a] == nil { t[a] = z.zeile.key } }
        return t
    }

    /// Sum lines may only refer to lines of the same plan above them (so evaluation in order is correct and cycles
    /// are impossible). A member that is unknown, below the sum, or closes a cycle is an error at its place.
    /// Aliases among the members are replaced by their key.
    private static func pruefeSummen(
        _ zeilen: [GeleseneZeile], plan: String, aliasZiel: [String: String],
        befund: Befund
    ) -> [GeleseneZeile] {
        let position = Dictionary(zeilen.enumerated().map { ($1.zeile.key, $0) }, uniquingKeysWith: { a, _ in a })
        var aus = zeilen
        for (i, z) in zeilen.enumerated() {
            guard case let .summe(terme) = z.zeile.art else { continue }
            var neu: [Kontenrahmen.Summand] = []
            for (j, t) in terme.enumerated() {
                let ort = j < z.summandOrte.count ? z.summandOrte[j] : z.ort
                let key = aliasZiel[t.key] ?? t.key
                guard let p = position[key] else {
                    var text =
                        "\(plan): Summenzeile '\(z.zeile.key)' verweist auf '\(t.key)', "
                        + "das es in diesem Plan nicht gibt"
                    if let h = Aehnlichkeit.vorschlag(t.key, aus: Array(position.keys).sorted()) {
                        text += " – meinten Sie '\(h)'?"
                    }
                    befund.fehler(ort, text)
                    continue
                }
                if p == i {
                    befund.fehler(ort, "\(plan): Summenzeile '\(z.zeile.key)' enthält sich selbst (Zyklus)")
                } else if p > i {
                    if let weg = zyklus(von: key, zurueck: z.zeile.key, zeilen, position) {
                        befund.fehler(
                            ort,
                            "\(plan): Summen bilden einen Zyklus: "
                                + ([z.zeile.key] + weg).joined(separator: " → "))
                    } else {
                        befund.fehler(
                            ort,
                            "\(plan): Summenzeile '\(z.zeile.key)' verweist auf '\(t.key)', das "
                                + "nicht darüber steht – eine Summe darf nur Zeilen über ihr verwenden")
                    }
                }
                neu.append(.init(vorzeichen: t.vorzeichen, key: key))
            }
            aus[i].zeile.art = .summe(neu)
        }
        return aus
    }

    /// The path from `start` back to `ziel` through sum members, if there is one.
    private static func zyklus(
        von start: String, zurueck ziel: String, _ zeilen: [GeleseneZeile],
        _ position: [String: Int]
    ) -> [String]? {
        var besucht = Set<String>()
        func suche(_ k: String) -> [String]? {
            if k == ziel { return [k] }
            guard besucht.insert(k).inserted, let p = position[k], case let .summe(terme) = zeilen[p].zeile.art else {
                return nil
            }
            for t in terme { if let w = suche(t.key) { return [k] + w } }
            return nil
        }
        return suche(start)
    }

    /// An account group may feed only one line.
    private static func pruefeKontengruppen(_ zeilen: [GeleseneZeile], befund: Befund) {
        var gesehen: [String: String] = [:]
        for z in zeilen {
            for g in z.zeile.kontengruppen {
                if let k = gesehen[g] {
                    befund.fehler(
                        z.ort,
                        "Kontengruppe \(g) steht bei '\(z.zeile.key)' und schon bei '\(k)' – "
                            + "eine Kontengruppe gehört zu genau einer Zeile")
                } else {
                    gesehen[g] = z.zeile.key
                }
            }
        }
    }
}

extension KontenrahmenLeser {
    /// The scheme a model names in `kontenrahmen:`: a built-in id or a YAML file of the model folder (read through
    /// `datei`). A scheme with lines not verified against the official Muster loads with a warning naming them.
    static func waehlen(
        _ angabe: String, ort: SourceLocation, befund: Befund,
        datei: (String) -> String?
    ) -> Kontenrahmen? {
        let k: Kontenrahmen
        if angabe.hasSuffix(".yaml") || angabe.hasSuffix(".yml") {
            guard let t = datei(angabe), let eigen = lesen(t, datei: angabe, befund: befund) else { return nil }
            k = eigen
        } else if let eingebaut = Kontenrahmen.eingebaut(angabe) {
            k = eingebaut
        } else {
            let ids = Kontenrahmen.eingebauteIDs
            var text =
                "kontenrahmen: '\(angabe)' ist kein eingebauter Kontenrahmen (\(ids.joined(separator: ", ")))"
                + " und keine YAML-Datei des Modellordners"
            if let h = Aehnlichkeit.vorschlag(angabe, aus: ids) { text += " – meinten Sie '\(h)'?" }
            befund.fehler(ort, text)
            return nil
        }
        let offen = k.ungeprueft
        if !offen.isEmpty {
            befund.warnung(
                ort,
                "Kontenrahmen \(k.id): Zeile\(offen.count == 1 ? "" : "n") \(k.ungepruefteNummern) "
                    + "nicht am amtlichen Muster geprüft – Nummern und Bezeichnungen vor Verwendung mit dem "
                    + "Muster des Landes abgleichen (`eckwert kontenrahmen \(k.id)` zeigt sie)")
        }
        return k
    }
}
