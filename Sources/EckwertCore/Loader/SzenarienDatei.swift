/// Reads `szenarien.yaml` and applies the inheritance rule (modellformat.md, 4): a scenario that omits a key takes it
/// from `status-quo`; maps merge key by key at every depth, year→value paths and lists are replaced whole.
enum SzenarienDatei {
    // The allowed keys of a scenario's product entry, worked out from the schema once (not for each entry).
    private static let schluesselProdukt = Schluesselschema.szenarien.schluessel("szenarien", "produkte")

    /// A scenario as written: every field optional, so that inheritance can tell "omitted" from "given".
    struct Teil {
        var name: String
        var ort: SourceLocation
        var beschreibung: String?
        var methode: Bevoelkerungsmethode?
        var variante: String?
        var varianteOrt: SourceLocation?
        var geburtenziffer: Double?
        var sterblichkeit: Double?
        var wanderungssaldo: Zeitpfad?
        var tarif: Zeitpfad?
        var sachkosten: Zeitpfad?
        var produkte: [String: Szenario.ProduktAnnahmen] = [:]
        var produkteOrte: [String: SourceLocation] = [:]
        var massnahmen: [String]?
        /// Keys present in the file (given, valid or not): "methode", "tarif", "sachkosten".
        var angegeben: Set<String> = []
    }

    static let pflichtSzenarien = ["best", "status-quo", "worst"]

    /// Returns the resolved scenarios (best, status-quo, worst, then others in file order) and the references to
    /// check (products, measures) with their locations.
    static func lesen(
        _ wurzel: YKnoten, befund: Befund
    )
        -> (szenarien: [Szenario], verweise: [ModellDatei.Verweis])?
    {
        let y = YLeser(befund: befund)
        guard let top = y.abschnitt(wurzel, "szenarien.yaml") else { return nil }
        top.pruefeSchluessel(Schluesselschema.szenarien.schluessel(), befund)
        guard let sk = top.pflicht("szenarien", befund, erwartet: "best, status-quo, worst"),
            let alle = y.abschnitt(sk, "szenarien")
        else { return nil }
        var teile: [Teil] = []
        var verweise: [ModellDatei.Verweis] = []
        for p in alle.paare {
            if let t = teil(p.schluessel, p.wert, p.ort, y, befund, &verweise) { teile.append(t) }
        }
        for name in pflichtSzenarien where !alle.paare.contains(where: { $0.schluessel == name }) {
            var text = "Szenario '\(name)' fehlt – erwartet sind mindestens best, status-quo und worst"
            if let h = Aehnlichkeit.vorschlag(name, aus: alle.paare.map(\.schluessel)), h != name {
                text += " (gefunden '\(h)' – Tippfehler?)"
            }
            befund.fehler(sk.ort, text)
        }
        guard let basis = teile.first(where: { $0.name == "status-quo" }) else { return nil }
        // status-quo must be complete on its own.
        if basis.methode == nil, !basis.angegeben.contains("methode") {
            befund.fehler(basis.ort, "Szenario status-quo: bevoelkerung methode fehlt (kohorten | vorausberechnung)")
        }
        if basis.tarif == nil, !basis.angegeben.contains("tarif") {
            befund.fehler(basis.ort, "Szenario status-quo: preise tarif fehlt (jährliche Tarifsteigerung, z. B. 0.035)")
        }
        if basis.sachkosten == nil, !basis.angegeben.contains("sachkosten") {
            befund.fehler(
                basis.ort, "Szenario status-quo: preise sachkosten fehlt (jährliche Preissteigerung, z. B. 0.02)")
        }
        var ergebnis: [Szenario] = []
        let reihenfolge = pflichtSzenarien + teile.map(\.name).filter { !pflichtSzenarien.contains($0) }
        for name in reihenfolge {
            guard let t = teile.first(where: { $0.name == name }) else { continue }
            ergebnis.append(aufloesen(t, basis: basis))
        }
        for s in ergebnis where s.bevoelkerung.methode == .vorausberechnung && s.bevoelkerung.variante == nil {
            befund.fehler(s.ort, "Szenario \(s.name): mit methode vorausberechnung ist 'variante' nötig")
        }
        return (ergebnis, verweise)
    }

    static func aufloesen(_ t: Teil, basis: Teil) -> Szenario {
        var produkte = basis.produkte
        for (nr, a) in t.produkte {
            let b = produkte[nr] ?? Szenario.ProduktAnnahmen()
            produkte[nr] = Szenario.ProduktAnnahmen(
                quoteTrend: a.quoteTrend ?? b.quoteTrend,
                erstattungAnteil: a.erstattungAnteil ?? b.erstattungAnteil,
                fallkostenTrend: a.fallkostenTrend ?? b.fallkostenTrend)
        }
        let methode = t.methode ?? basis.methode ?? .kohorten
        var s = Szenario(
            name: t.name,
            beschreibung: t.beschreibung ?? (t.name == basis.name ? nil : basis.beschreibung),
            bevoelkerung: .init(
                methode: methode,
                variante: t.variante ?? basis.variante,
                geburtenziffer: t.geburtenziffer ?? basis.geburtenziffer,
                sterblichkeit: t.sterblichkeit ?? basis.sterblichkeit ?? 1,
                wanderungssaldo: t.wanderungssaldo ?? basis.wanderungssaldo ?? Zeitpfad(konstant: 0)),
            preise: .init(
                tarif: t.tarif ?? basis.tarif ?? Zeitpfad(konstant: 0),
                sachkosten: t.sachkosten ?? basis.sachkosten ?? Zeitpfad(konstant: 0)),
            produkte: produkte,
            massnahmen: t.massnahmen ?? basis.massnahmen ?? [])
        s.ort = t.ort
        s.eigeneProduktOrte = t.produkteOrte
        return s
    }

    private static func teil(
        _ name: String, _ k: YKnoten, _ ort: SourceLocation, _ y: YLeser, _ befund: Befund,
        _ verweise: inout [ModellDatei.Verweis]
    ) -> Teil? {
        let kontext = "Szenario \(name)"
        guard let a0 = y.abschnitt(k, kontext) else { return nil }
        let a = YAbschnitt(knoten: a0.knoten, paare: a0.paare, kontext: kontext)
        a.pruefeSchluessel(Schluesselschema.szenarien.schluessel("szenarien"), befund)
        var t = Teil(name: name, ort: ort)
        t.beschreibung = a["beschreibung"].flatMap { y.text($0, "\(kontext) beschreibung") }
        if let bk = a["bevoelkerung"], let b0 = y.abschnitt(bk, "\(kontext) bevoelkerung") {
            let b = YAbschnitt(knoten: b0.knoten, paare: b0.paare, kontext: "\(kontext) bevoelkerung")
            b.pruefeSchluessel(Schluesselschema.szenarien.schluessel("szenarien", "bevoelkerung"), befund)
            if b.paare.contains(where: { $0.schluessel == "methode" }) { t.angegeben.insert("methode") }
            t.methode = b["methode"].flatMap {
                y.auswahl(
                    $0, "\(kontext) bevoelkerung methode", Bevoelkerungsmethode.self, ["kohorten", "vorausberechnung"])
            }
            if let v = b["variante"] {
                t.variante = y.text(v, "\(kontext) variante")
                t.varianteOrt = v.ort
            }
            t.geburtenziffer = b["geburtenziffer"].flatMap { y.zahl($0, "\(kontext) geburtenziffer", 0...10) }
            t.sterblichkeit = b["sterblichkeit"].flatMap { y.zahl($0, "\(kontext) sterblichkeit", 0...10) }
            t.wanderungssaldo = b["wanderungssaldo"].flatMap { y.pfad($0, "\(kontext) wanderungssaldo", -1e7...1e7) }
        }
        if let pk = a["preise"], let p0 = y.abschnitt(pk, "\(kontext) preise") {
            let p = YAbschnitt(knoten: p0.knoten, paare: p0.paare, kontext: "\(kontext) preise")
            p.pruefeSchluessel(Schluesselschema.szenarien.schluessel("szenarien", "preise"), befund)
            for key in ["tarif", "sachkosten"] where p.paare.contains(where: { $0.schluessel == key }) {
                t.angegeben.insert(key)
            }
            t.tarif = p["tarif"].flatMap { y.pfad($0, "\(kontext) preise tarif", -0.5...1) }
            t.sachkosten = p["sachkosten"].flatMap { y.pfad($0, "\(kontext) preise sachkosten", -0.5...1) }
        }
        if let pk = a["produkte"], let pa = y.abschnitt(pk, "\(kontext) produkte") {
            for e in pa.paare {
                verweise.append(.init(art: .produkt, id: e.schluessel, ort: e.ort, kontext: "\(kontext) produkte"))
                t.produkteOrte[e.schluessel] = e.ort
                guard let m0 = y.abschnitt(e.wert, "\(kontext) produkte \(e.schluessel)") else { continue }
                let m = YAbschnitt(knoten: m0.knoten, paare: m0.paare, kontext: "\(kontext) produkte \(e.schluessel)")
                m.pruefeSchluessel(schluesselProdukt, befund)
                t.produkte[e.schluessel] = Szenario.ProduktAnnahmen(
                    quoteTrend: m["quote_trend"].flatMap { y.zahl($0, "\(m.kontext) quote_trend", -0.5...1) },
                    erstattungAnteil: m["erstattung_anteil"].flatMap {
                        y.zahl($0, "\(m.kontext) erstattung_anteil", 0...1)
                    },
                    fallkostenTrend: m["fallkosten_trend"].flatMap {
                        y.zahl($0, "\(m.kontext) fallkosten_trend", -0.5...1)
                    })
            }
        }
        if let mk = a["massnahmen"] {
            if let l = y.liste(mk, "\(kontext) massnahmen") {
                t.massnahmen = l.compactMap { e in
                    guard let id = y.text(e, "\(kontext) massnahmen") else { return nil }
                    verweise.append(.init(art: .massnahme, id: id, ort: e.ort, kontext: "\(kontext) massnahmen"))
                    return id
                }
            }
        } else if a.paare.contains(where: { $0.schluessel == "massnahmen" }) {
            t.massnahmen = []  // `massnahmen:` with nothing = none
        }
        return t
    }
}
