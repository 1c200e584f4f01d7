/// Reads a line scheme (the built-in NKF text or a model's own scheme file) and checks its sum definitions.
enum KontenrahmenLeser {
    static let schluessel = ["id", "name", "sonderposten", "abschreibungen", "ertraege", "aufwendungen", "ausgleich",
                             "investitionszuwendungen", "baumassnahmen", "einzahlungen_verwaltung", "auszahlungen_verwaltung",
                             "ergebnisplan", "finanzplan", "ilv_ertraege", "ilv_aufwendungen"]
    static let zeilenschluessel = ["nr", "key", "name", "art", "summe", "fortschreibung", "zahlungswirksam"]

    static func lesen(_ text: String, datei: String, befund: Befund) -> Kontenrahmen? {
        guard let wurzel = YAMLDatei.lesen(text, datei: datei, befund: befund) else { return nil }
        let y = YLeser(befund: befund)
        guard let m = y.abschnitt(wurzel, "Kontenrahmen") else { return nil }
        m.pruefeSchluessel(schluessel, befund)
        let fehlerVorher = befund.diagnostics.errors.count
        let id = m.pflicht("id", befund).flatMap { y.text($0, "Kontenrahmen id") }
        let name = m.pflicht("name", befund).flatMap { y.text($0, "Kontenrahmen name") }
        var zeilen: [Kontenrahmen.Zeile] = []
        if let l = m.pflicht("ergebnisplan", befund).flatMap({ y.liste($0, "ergebnisplan") }) {
            zeilen = l.compactMap { zeile($0, y, befund, plan: "ergebnisplan") }
        }
        var finanz: [Kontenrahmen.Zeile] = []
        if let f = m["finanzplan"], let l = y.liste(f, "finanzplan") {
            finanz = l.compactMap { zeile($0, y, befund, plan: "finanzplan") }
        }
        pruefeSummen(zeilen, plan: "ergebnisplan", datei: datei, befund: befund)
        pruefeSummen(finanz, plan: "finanzplan", datei: datei, befund: befund)
        func verweis(_ key: String, in plan: [Kontenrahmen.Zeile], summe: Bool?) -> String? {
            guard let k = m.pflicht(key, befund), let v = y.text(k, key) else { return nil }
            guard let z = plan.first(where: { $0.key == v }) else {
                befund.fehler(k.ort, "\(key): Zeile '\(v)' gibt es im Kontenrahmen nicht")
                return nil
            }
            if let summe, z.istSumme != summe {
                befund.fehler(k.ort, "\(key): '\(v)' muss eine \(summe ? "Summenzeile" : "Buchungszeile") sein")
                return nil
            }
            return v
        }
        let sonder = verweis("sonderposten", in: zeilen, summe: false)
        let afa = verweis("abschreibungen", in: zeilen, summe: false)
        let ertr = verweis("ertraege", in: zeilen, summe: true)
        let aufw = verweis("aufwendungen", in: zeilen, summe: true)
        let ausgl = verweis("ausgleich", in: zeilen, summe: true)
        var zuw: String?, bau: String?, ein: String?, aus: String?
        if !finanz.isEmpty {
            zuw = verweis("investitionszuwendungen", in: finanz, summe: false)
            bau = verweis("baumassnahmen", in: finanz, summe: false)
            ein = verweis("einzahlungen_verwaltung", in: finanz, summe: false)
            aus = verweis("auszahlungen_verwaltung", in: finanz, summe: false)
        }
        let ilvE = m["ilv_ertraege"] == nil ? nil : verweis("ilv_ertraege", in: zeilen, summe: false)
        let ilvA = m["ilv_aufwendungen"] == nil ? nil : verweis("ilv_aufwendungen", in: zeilen, summe: false)
        if (ilvE == nil) != (ilvA == nil), let k = m["ilv_ertraege"] ?? m["ilv_aufwendungen"] {
            befund.fehler(k.ort, "ilv_ertraege und ilv_aufwendungen gehören zusammen: bitte beide angeben")
        }
        guard befund.diagnostics.errors.count == fehlerVorher, let id, let name, let sonder, let afa, let ertr,
              let aufw, let ausgl else { return nil }
        var k = Kontenrahmen(id: id, name: name, zeilen: zeilen, finanzplan: finanz, sonderposten: sonder,
                             abschreibungen: afa, ertraege: ertr, aufwendungen: aufw, ausgleich: ausgl,
                             investitionszuwendungen: zuw, baumassnahmen: bau,
                             einzahlungenVerwaltung: ein, auszahlungenVerwaltung: aus)
        k.ilvErtraege = ilvE
        k.ilvAufwendungen = ilvA
        return k
    }

    private static func zeile(_ k: YKnoten, _ y: YLeser, _ befund: Befund, plan: String) -> Kontenrahmen.Zeile? {
        guard let m = y.abschnitt(k, "\(plan)-Zeile") else { return nil }
        let kontext = "\(plan)-Zeile \(m["key"]?.skalar ?? "?")"
        let mk = YAbschnitt(knoten: m.knoten, paare: m.paare, kontext: kontext)
        mk.pruefeSchluessel(zeilenschluessel, befund)
        let nr = mk.pflicht("nr", befund).flatMap { y.ganzzahl($0, "\(kontext) nr", 0...999) }
        let key = mk.pflicht("key", befund).flatMap { y.text($0, "\(kontext) key") }
        let name = mk.pflicht("name", befund).flatMap { y.text($0, "\(kontext) name") }
        var art: Kontenrahmen.Art?
        if let s = mk["summe"] {
            if mk["art"] != nil { befund.fehler(s.ort, "\(kontext): entweder 'art' oder 'summe', nicht beides") }
            if let l = y.liste(s, "\(kontext) summe") {
                var terme: [Kontenrahmen.Summand] = []
                for t in l {
                    guard let txt = y.text(t, "\(kontext) summe") else { continue }
                    if txt.hasPrefix("-") {
                        terme.append(.init(vorzeichen: -1, key: String(txt.dropFirst()).trimmingCharacters(in: .whitespaces)))
                    } else {
                        terme.append(.init(vorzeichen: 1, key: txt.hasPrefix("+") ? String(txt.dropFirst()) : txt))
                    }
                }
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
            fort = y.auswahl(f, "\(kontext) fortschreibung", Kontenrahmen.Fortschreibung.self, ["tarif", "sachkosten", "keine"]) ?? .keine
        }
        var zahlungswirksam = true
        if let z = mk["zahlungswirksam"] { zahlungswirksam = y.wahrheitswert(z, "\(kontext) zahlungswirksam") ?? true }
        guard let nr, let key, let name, let art else { return nil }
        return Kontenrahmen.Zeile(nr: nr, key: key, name: name, art: art, fortschreibung: fort, zahlungswirksam: zahlungswirksam)
    }

    /// Sum lines may only refer to lines above them (so evaluation in order is correct and cycles are impossible).
    private static func pruefeSummen(_ zeilen: [Kontenrahmen.Zeile], plan: String, datei: String, befund: Befund) {
        var gesehen = Set<String>()
        for z in zeilen {
            if gesehen.contains(z.key) {
                befund.fehler(SourceLocation(file: datei), "\(plan): Zeile '\(z.key)' ist doppelt")
            }
            if case let .summe(terme) = z.art {
                for t in terme where !gesehen.contains(t.key) {
                    befund.fehler(SourceLocation(file: datei),
                                  "\(plan): Summenzeile '\(z.key)' verweist auf '\(t.key)', das nicht darüber steht")
                }
            }
            gesehen.insert(z.key)
        }
    }

    /// The built-in NKF scheme. It is tested to load without diagnostics.
    static func nkf() -> Kontenrahmen? {
        lesen(Kontenrahmen.nkfQuelltext, datei: "(eingebaut: nkf)", befund: Befund())
    }
}

extension Kontenrahmen {
    /// The built-in NKF scheme (parsed once).
    public static let nkf: Kontenrahmen = {
        guard let k = KontenrahmenLeser.nkf() else { preconditionFailure("built-in NKF scheme does not load") }
        return k
    }()
}
