import Foundation

/// `massnahmen:` and `investitionen:` of modell.yaml.
extension ModellDatei {
    /// `massnahmen:`.
    static func abschnittMassnahmen(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) {
        if let k = m["massnahmen"], let l = y.liste(k, "massnahmen") {
            for e in l {
                if let x = massnahme(e, y, befund, &d) {
                    d.massnahmen.append((x, e.ort))
                } else {
                    d.merkeFehlerhaft(.massnahme, e, "id")
                }
            }
        }
    }

    /// `investitionen:`.
    static func abschnittInvestitionen(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) {
        if let k = m["investitionen"], let l = y.liste(k, "investitionen") {
            for e in l { if let x = investition(e, y, befund, &d) { d.investitionen.append((x, e.ort)) } }
        }
    }

    /// The head every measure and investment shares: its keys checked against the schema, `id`, `name` and
    /// `produkt` (required; the product noted as a reference to check once every product is known).
    static func kopf(
        _ e: YKnoten, _ art: String, _ liste: String, _ y: YLeser, _ befund: Befund,
        _ d: inout ModellDatei
    )
        -> (a: YAbschnitt, kontext: String, id: String?, name: String?, produkt: String?)?
    {
        guard let a0 = y.abschnitt(e, art) else { return nil }
        let kontext = "\(art) \(a0["id"]?.skalar ?? "?")"
        let a = YAbschnitt(knoten: a0.knoten, paare: a0.paare, kontext: kontext)
        a.pruefeSchluessel(Schluesselschema.modell.schluessel(liste), befund)
        let id = a.pflicht("id", befund).flatMap { y.text($0, "\(kontext) id") }
        let name = a.pflicht("name", befund).flatMap { y.text($0, "\(kontext) name") }
        let produkt = a.pflicht("produkt", befund).flatMap { y.text($0, "\(kontext) produkt") }
        if let produkt, let pk = a["produkt"] {
            d.verweise.append(Verweis(art: .produkt, id: produkt, ort: pk.ort, kontext: kontext))
        }
        return (a, kontext, id, name, produkt)
    }

    static func massnahme(_ e: YKnoten, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) -> Massnahme? {
        guard let (a, kontext, id, name, produkt) = kopf(e, "Maßnahme", "massnahmen", y, befund, &d) else { return nil }
        var kosten: Massnahme.Kosten?
        if let k = a.pflicht("kosten", befund, erwartet: "{ab: Jahr, jaehrlich: Betrag, konto: Zeile}"),
            let ka = y.abschnitt(k, "\(kontext) kosten")
        {
            ka.pruefeSchluessel(Schluesselschema.modell.schluessel("massnahmen", "kosten"), befund)
            let ab = ka.pflicht("ab", befund).flatMap { d.jahrImPlan($0, y, befund, "\(kontext) kosten ab") }
            let j = ka.pflicht("jaehrlich", befund).flatMap { y.zahl($0, "\(kontext) kosten jaehrlich", 0...1e10) }
            let konto = ka.pflicht("konto", befund).flatMap { y.text($0, "\(kontext) kosten konto") }
            if let konto, let kk = ka["konto"] { d.kontoVerweis(konto, kk.ort, "\(kontext) kosten konto") }
            if let ab, let j, let konto { kosten = Massnahme.Kosten(ab: ab, jaehrlich: j, konto: konto) }
        }
        var wirkungen: [Massnahme.Wirkung] = []
        if let k = a["wirkung"], let l = y.liste(k, "\(kontext) wirkung") {
            for w in l {
                guard let wa = y.abschnitt(w, "\(kontext) wirkung") else { continue }
                wa.pruefeSchluessel(Schluesselschema.modell.schluessel("massnahmen", "wirkung"), befund)
                let p = wa.pflicht("produkt", befund).flatMap { y.text($0, "\(kontext) wirkung produkt") }
                if let p, let pk = wa["produkt"] {
                    d.verweise.append(Verweis(art: .produkt, id: p, ort: pk.ort, kontext: "\(kontext) wirkung"))
                }
                let q = wa.pflicht("quote", befund).flatMap { y.zahl($0, "\(kontext) wirkung quote", -1...10) }
                let ab = wa.pflicht("ab", befund).flatMap { d.jahrImPlan($0, y, befund, "\(kontext) wirkung ab") }
                let rampe = wa["rampe"].flatMap { y.ganzzahl($0, "\(kontext) wirkung rampe", 1...50) } ?? 1
                if let p, let q, let ab {
                    wirkungen.append(Massnahme.Wirkung(produkt: p, quote: q, ab: ab, rampe: rampe))
                }
            }
        }
        guard let id, let name, let produkt, let kosten else { return nil }
        return Massnahme(id: id, name: name, produkt: produkt, kosten: kosten, wirkung: wirkungen)
    }

    static func investition(_ e: YKnoten, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) -> Investition? {
        guard let (a, kontext, id, name, produkt) = kopf(e, "Investition", "investitionen", y, befund, &d) else {
            return nil
        }
        var auszahlungen: [Int: Double] = [:]
        if let k = a.pflicht("auszahlungen", befund, erwartet: "{Jahr: Betrag, …}"),
            let m = y.abschnitt(k, "\(kontext) auszahlungen")
        {
            for p in m.paare {
                guard let j = Int(p.schluessel), d.planjahre.contains(j) || !d.basisjahrGueltig else {
                    befund.fehler(
                        p.ort,
                        "\(kontext) auszahlungen: Jahr '\(p.schluessel)' liegt außerhalb von Basisjahr..Horizont (\(d.basisjahr)..\(d.horizont))"
                    )
                    continue
                }
                if let v = y.zahl(p.wert, "\(kontext) auszahlungen \(j)", 0...1e11) { auszahlungen[j] = v }
            }
            if m.paare.isEmpty {
                befund.fehler(k.ort, "\(kontext) auszahlungen: mindestens ein Jahr mit Betrag erwartet")
            }
        }
        var foerderung: Investition.Foerderung?
        if let k = a["foerderung"], let f = y.abschnitt(k, "\(kontext) foerderung") {
            f.pruefeSchluessel(Schluesselschema.modell.schluessel("investitionen", "foerderung"), befund)
            let prog = f["programm"].flatMap { y.text($0, "\(kontext) foerderung programm") } ?? "Fördermittel"
            if let q = f.pflicht("quote", befund).flatMap({ y.zahl($0, "\(kontext) foerderung quote", 0...1) }) {
                foerderung = Investition.Foerderung(programm: prog, quote: q)
            }
        }
        let nd = a.pflicht("nutzungsdauer", befund).flatMap {
            y.ganzzahl($0, "\(kontext) nutzungsdauer (Jahre)", 1...100)
        }
        var ibJahr: Int?, ibMonat = 1
        if let k = a.pflicht("inbetriebnahme", befund, erwartet: "ein Jahr (2029) oder ein Monat (\"2029-08\")") {
            let s = (k.skalar ?? "").trimmingCharacters(in: .whitespaces)
            let teile = s.split(separator: "-")
            if teile.count == 1, let j = Int(teile[0]), (1900...2200).contains(j) {
                ibJahr = j
            } else if teile.count == 2, let j = Int(teile[0]), let mo = Int(teile[1]), (1900...2200).contains(j),
                (1...12).contains(mo)
            {
                ibJahr = j
                ibMonat = mo
            } else {
                befund.fehler(
                    k.ort,
                    "\(kontext) inbetriebnahme: erwartet ein Jahr (2029) oder ein Monat (\"2029-08\"), gefunden '\(s)'")
            }
            if let j = ibJahr, let erstes = auszahlungen.keys.min(), j < erstes {
                befund.fehler(k.ort, "\(kontext) inbetriebnahme \(j) liegt vor der ersten Auszahlung \(erstes)")
            }
            if let j = ibJahr, j > d.horizont, d.basisjahrGueltig {
                befund.warnung(
                    k.ort,
                    "\(kontext): Inbetriebnahme \(j) liegt nach dem Horizont \(d.horizont) – im Planungszeitraum keine Abschreibungen und Folgekosten"
                )
            }
        }
        var folge: Investition.Folgekosten?
        if let k = a["folgekosten"], let f = y.abschnitt(k, "\(kontext) folgekosten") {
            f.pruefeSchluessel(Schluesselschema.modell.schluessel("investitionen", "folgekosten"), befund)
            let j = f.pflicht("jaehrlich", befund).flatMap { y.zahl($0, "\(kontext) folgekosten jaehrlich", 0...1e10) }
            let konto = f.pflicht("konto", befund).flatMap { y.text($0, "\(kontext) folgekosten konto") }
            if let konto, let kk = f["konto"] { d.kontoVerweis(konto, kk.ort, "\(kontext) folgekosten konto") }
            if let j, let konto { folge = Investition.Folgekosten(jaehrlich: j, konto: konto) }
        }
        let plaetze = a["plaetze"].flatMap { y.zahl($0, "\(kontext) plaetze", 0...1e7) }
        let gebiet = a["gebiet"].flatMap { y.text($0, "\(kontext) gebiet") }
        if let gebiet, let gk = a["gebiet"] {
            d.verweise.append(Verweis(art: .gebiet, id: gebiet, ort: gk.ort, kontext: kontext))
        }
        guard let id, let name, let produkt, let nd, let ibJahr, !auszahlungen.isEmpty else { return nil }
        return Investition(
            id: id, name: name, produkt: produkt, auszahlungen: auszahlungen, foerderung: foerderung,
            nutzungsdauer: nd, inbetriebnahmeJahr: ibJahr, inbetriebnahmeMonat: ibMonat,
            folgekosten: folge, plaetze: plaetze, gebiet: gebiet)
    }
}
