import Foundation

/// What `modell.yaml` says, read and checked on its own (references into data files are checked later).
struct ModellDatei {
    var kommune = ""
    var basisjahr = 0
    var haushaltsjahr = 0
    var horizont = 0
    var kontenrahmenAngabe: (wert: String, ort: SourceLocation)?
    var rundung = Rundung.euro
    var stand: Datum?
    var stufe: Planstufe?
    var altersgruppen: [Altersgruppe] = []
    var produkte: [Produkt] = []
    var produktgruppen: [Gliederung] = []
    var produktbereiche: [Gliederung] = []
    var budgetbereiche: [(Budgetbereich, SourceLocation)] = []
    var kennzahlen: [Kennzahl] = []
    var ziele: [Ziel] = []
    var massnahmen: [(Massnahme, SourceLocation)] = []
    var investitionen: [(Investition, SourceLocation)] = []
    var geheimhaltung = Geheimhaltung()
    var strategischeZiele: [StrategischesZiel] = []
    var strategischeZieleOrt: SourceLocation?
    var abc = ABCGrenzen()
    var budgetvarianten: [Double] = [-0.05, 0.05]
    var platzkosten = Platzkosten()
    var deckungsmittel: Zeitpfad?
    var zuschussbedarf = Zuschussdefinition.ohneILV
    var zuschussbedarfOrt: SourceLocation?
    var plausibilitaet = Plausibilitaetsgrenzen()
    /// File name overrides from `daten:`.
    var dateien: [String: String] = [:]
    /// Locations of references that are resolved later: (what, id, where).
    var verweise: [Verweis] = []
    var gruppenOrte: [String: SourceLocation] = [:]
    /// Where each Ziel writes its `oberziel` (for messages).
    var oberzielOrte: [String: SourceLocation] = [:]
    /// False when `basisjahr` is missing or invalid: year checks are then skipped (they would all fail).
    var basisjahrGueltig = false
    /// Ids written in the file whose entry could not be read (its own error is reported): references to them are
    /// not reported again as "gibt es nicht".
    var fehlerhafteIds: [Verweis.Art: Set<String>] = [:]
    /// Products whose `fallzahl` is written but could not be read, and age groups whose range could not be read:
    /// checks that would say "has no fallzahl" / "group not defined" stay silent for them.
    var fehlerhafteTreiber: Set<String> = []
    var fehlerhafteAltersgruppen: Set<String> = []

    struct Verweis {
        enum Art { case produkt, produktOderPrefix, kennzahl, massnahme, gebiet, strategischesZiel }
        var art: Art
        var id: String
        var ort: SourceLocation
        var kontext: String
    }

    static let schluessel = ["kommune", "basisjahr", "haushaltsjahr", "horizont", "kontenrahmen", "rundung", "stand", "stufe",
                             "altersgruppen", "produkte", "produktgruppen", "produktbereiche", "budgetbereiche",
                             "kennzahlen", "ziele", "massnahmen", "investitionen", "geheimhaltung",
                             "strategische_ziele", "abc", "budgetvarianten", "platzkosten", "deckungsmittel", "daten",
                             "zuschussbedarf", "plausibilitaet"]
    static let datenSchluessel = ["szenarien", "bevoelkerung", "ist", "sterbetafel", "fruchtbarkeit", "wanderung",
                                  "vorausberechnung", "ansatz", "bevoelkerung_historie", "kontenrahmen",
                                  "eckwertebeschluss", "ist_unterjaehrig", "planung", "sondereffekte"]
    static let produktSchluessel = ["nr", "name", "verantwortlich", "gremium", "zielgruppe", "beschreibung", "art",
                                    "fallzahl", "fallkosten", "erstattung", "kapazitaet", "wirkungsbeitrag",
                                    "basis", "fortschreibung", "vorgaenger"]

    // swiftlint:disable:next function_body_length
    static func lesen(_ wurzel: YKnoten, befund: Befund) -> ModellDatei? {
        let y = YLeser(befund: befund)
        guard let m = y.abschnitt(wurzel, "modell.yaml") else { return nil }
        m.pruefeSchluessel(schluessel, befund)
        var d = ModellDatei()
        d.kommune = m.pflicht("kommune", befund).flatMap { y.text($0, "kommune") } ?? ""
        let b = m.pflicht("basisjahr", befund).flatMap { y.ganzzahl($0, "basisjahr", 1990...2100) }
        d.basisjahr = b ?? 0
        d.basisjahrGueltig = b != nil
        if let b {
            d.haushaltsjahr = b + 2
            d.horizont = b + 5
            if let k = m["horizont"], let h = y.ganzzahl(k, "horizont", (b + 1)...(b + 30)) { d.horizont = h }
            if let k = m["haushaltsjahr"], let h = y.ganzzahl(k, "haushaltsjahr", (b + 1)...max(b + 1, d.horizont)) {
                d.haushaltsjahr = h
            }
        }
        if let k = m["kontenrahmen"], let t = y.text(k, "kontenrahmen") { d.kontenrahmenAngabe = (t, k.ort) }
        if let k = m["rundung"], let r = y.auswahl(k, "rundung", Rundung.self, ["euro", "tsd-euro"]) { d.rundung = r }
        if let k = m["stand"] {
            if let s = k.skalar, let dat = Self.datum(s) { d.stand = dat } else {
                befund.fehler(k.ort, "stand: erwartet ist ein Datum JJJJ-MM-TT, gefunden '\(k.skalar ?? k.art)'")
            }
        }
        if let k = m["stufe"] {
            d.stufe = y.auswahl(k, "stufe", Planstufe.self, Planstufe.allCases.map(\.rawValue))
        }
        if let k = m["altersgruppen"], let a = y.abschnitt(k, "altersgruppen") {
            for p in a.paare {
                if let (von, bis) = y.altersbereich(p.wert, "Altersgruppe \(p.schluessel)") {
                    d.altersgruppen.append(Altersgruppe(name: p.schluessel, von: von, bis: bis))
                } else {
                    d.fehlerhafteAltersgruppen.insert(p.schluessel)
                }
            }
        }
        if let k = m["daten"], let a = y.abschnitt(k, "daten") {
            a.pruefeSchluessel(datenSchluessel, befund)
            for p in a.paare where datenSchluessel.contains(p.schluessel) {
                if let t = y.text(p.wert, "daten \(p.schluessel)") {
                    if t.contains("..") || t.hasPrefix("/") {
                        befund.fehler(p.wert.ort, "daten \(p.schluessel): nur Dateien im Modellordner sind erlaubt, gefunden '\(t)'")
                    } else {
                        d.dateien[p.schluessel] = t
                    }
                }
            }
        }
        for (key, ziel) in [("produktgruppen", 0), ("produktbereiche", 1)] {
            guard let k = m[key], let l = y.liste(k, key) else { continue }
            for e in l {
                guard let a = y.abschnitt(e, key) else { continue }
                a.pruefeSchluessel(["nr", "name"], befund)
                guard let nr = a.pflicht("nr", befund).flatMap({ y.text($0, "\(key) nr") }),
                      let name = a.pflicht("name", befund).flatMap({ y.text($0, "\(key) \(nr) name") }) else { continue }
                if d.gruppenOrte[nr] != nil {
                    befund.fehler(a.ort, "\(key): Nummer '\(nr)' ist doppelt vergeben (zuerst in Zeile \(d.gruppenOrte[nr]?.line ?? 0))")
                    continue
                }
                d.gruppenOrte[nr] = a.ort
                if ziel == 0 { d.produktgruppen.append(Gliederung(nr: nr, name: name)) } else {
                    d.produktbereiche.append(Gliederung(nr: nr, name: name))
                }
            }
        }
        if let k = m["produkte"], let l = y.liste(k, "produkte") {
            for e in l {
                if let p = produkt(e, y, befund, &d) { d.produkte.append(p) } else { d.merkeFehlerhaft(.produkt, e, "nr") }
            }
        } else if m["produkte"] == nil {
            befund.fehler(m.ort, "Pflichtangabe 'produkte' fehlt in modell.yaml (erwartet: eine Liste von Produkten)")
        }
        if let k = m["budgetbereiche"], let l = y.liste(k, "budgetbereiche") {
            for e in l {
                guard let a = y.abschnitt(e, "Budgetbereich") else { continue }
                let kontext = "Budgetbereich \(a["id"]?.skalar ?? "?")"
                a.pruefeSchluessel(["id", "name", "produkte"], befund)
                guard let id = a.pflicht("id", befund).flatMap({ y.text($0, "\(kontext) id") }),
                      let name = a.pflicht("name", befund).flatMap({ y.text($0, "\(kontext) name") }),
                      let pl = a.pflicht("produkte", befund).flatMap({ y.liste($0, "\(kontext) produkte") }) else { continue }
                var prods: [String] = []
                for p in pl {
                    guard let nr = y.text(p, "\(kontext) produkte") else { continue }
                    prods.append(nr)
                    d.verweise.append(Verweis(art: .produktOderPrefix, id: nr, ort: p.ort, kontext: kontext))
                }
                d.budgetbereiche.append((Budgetbereich(id: id, name: name, produkte: prods), a.ort))
            }
        }
        if let k = m["kennzahlen"], let l = y.liste(k, "kennzahlen") {
            for e in l {
                if let kz = kennzahl(e, y, befund, &d) { d.kennzahlen.append(kz) } else { d.merkeFehlerhaft(.kennzahl, e, "id") }
            }
        }
        if let k = m["ziele"], let l = y.liste(k, "ziele") {
            for e in l { if let z = ziel(e, y, befund, &d) { d.ziele.append(z) } }
        }
        if let k = m["massnahmen"], let l = y.liste(k, "massnahmen") {
            for e in l {
                if let x = massnahme(e, y, befund, &d) { d.massnahmen.append((x, e.ort)) } else { d.merkeFehlerhaft(.massnahme, e, "id") }
            }
        }
        if let k = m["investitionen"], let l = y.liste(k, "investitionen") {
            for e in l { if let x = investition(e, y, befund, &d) { d.investitionen.append((x, e.ort)) } }
        }
        if let k = m["geheimhaltung"], let a = y.abschnitt(k, "geheimhaltung") {
            a.pruefeSchluessel(["mindestfallzahl"], befund)
            if let n = a["mindestfallzahl"].flatMap({ y.ganzzahl($0, "geheimhaltung mindestfallzahl", 1...1000) }) {
                d.geheimhaltung.mindestfallzahl = n
            }
        }
        if let k = m["strategische_ziele"], let l = y.liste(k, "strategische_ziele") {
            d.strategischeZieleOrt = k.ort
            for e in l {
                guard let a = y.abschnitt(e, "strategisches Ziel") else { continue }
                let kontext = "strategisches Ziel \(a["id"]?.skalar ?? "?")"
                a.pruefeSchluessel(["id", "name", "gewicht"], befund)
                guard let id = a.pflicht("id", befund).flatMap({ y.text($0, "\(kontext) id") }),
                      let name = a.pflicht("name", befund).flatMap({ y.text($0, "\(kontext) name") }),
                      let g = a.pflicht("gewicht", befund).flatMap({ y.zahl($0, "\(kontext) gewicht", 0...1) }) else {
                    d.merkeFehlerhaft(.strategischesZiel, e, "id")
                    continue
                }
                if d.strategischeZiele.contains(where: { $0.id == id }) {
                    befund.fehler(a.ort, "strategische_ziele: id '\(id)' ist doppelt vergeben")
                    continue
                }
                d.strategischeZiele.append(StrategischesZiel(id: id, name: name, gewicht: g))
            }
        }
        if let k = m["abc"], let a = y.abschnitt(k, "abc") {
            a.pruefeSchluessel(["a", "b"], befund)
            let ga = a["a"].flatMap { y.zahl($0, "abc a", 0...1) } ?? 0.8
            let gb = a["b"].flatMap { y.zahl($0, "abc b", 0...1) } ?? 0.95
            if ga >= gb { befund.fehler(a.ort, "abc: Grenze a (\(ga)) muss kleiner als b (\(gb)) sein") }
            d.abc = ABCGrenzen(a: ga, b: gb)
        }
        if let k = m["budgetvarianten"], let l = y.liste(k, "budgetvarianten") {
            d.budgetvarianten = l.compactMap { y.zahl($0, "budgetvarianten", -0.9...1) }
        }
        if let k = m["platzkosten"], let a = y.abschnitt(k, "platzkosten") {
            a.pruefeSchluessel(["neubau", "erweiterung"], befund)
            if let v = a["neubau"].flatMap({ y.zahl($0, "platzkosten neubau", 0...10_000_000) }) { d.platzkosten.neubau = v }
            if let v = a["erweiterung"].flatMap({ y.zahl($0, "platzkosten erweiterung", 0...10_000_000) }) {
                d.platzkosten.erweiterung = v
            }
        }
        if let k = m["deckungsmittel"] { d.deckungsmittel = y.pfad(k, "deckungsmittel", 0...1e12) }
        oberzielePruefen(d, befund)
        plandatenSchluessel(m, y, befund, &d)
        return d
    }

    static func datum(_ s: String) -> Datum? {
        let teile = s.trimmingCharacters(in: .whitespaces).split(separator: "-")
        guard teile.count == 3, let j = Int(teile[0]), let mo = Int(teile[1]), let t = Int(teile[2]),
              (1900...2200).contains(j), (1...12).contains(mo), (1...31).contains(t) else { return nil }
        return Datum(jahr: j, monat: mo, tag: t)
    }

    // MARK: - Produkte

    private static func produkt(_ e: YKnoten, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) -> Produkt? {
        guard let a0 = y.abschnitt(e, "Produkt") else { return nil }
        let kontext = "Produkt \(a0["nr"]?.skalar ?? "?")"
        let a = YAbschnitt(knoten: a0.knoten, paare: a0.paare, kontext: kontext)
        a.pruefeSchluessel(produktSchluessel, befund)
        let nr = a.pflicht("nr", befund).flatMap { y.text($0, "\(kontext) nr") }
        let name = a.pflicht("name", befund).flatMap { y.text($0, "\(kontext) name") }
        let art = a.pflicht("art", befund, erwartet: "pflicht | freiwillig").flatMap {
            y.auswahl($0, "\(kontext) art", Produktart.self, ["pflicht", "freiwillig"])
        }
        guard let nr, let name, let art else { return nil }
        if !nr.contains(".") || nr.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            befund.fehler(a["nr"]?.ort ?? a.ort, "\(kontext): Produktnummer '\(nr)' erwartet in der Form Bereich.Gruppe.Produkt, z. B. 36.3.05")
        }
        var p = Produkt(nr: nr, name: name, art: art)
        p.ort = a.ort
        p.verantwortlich = a["verantwortlich"].flatMap { y.text($0, "\(kontext) verantwortlich") }
        p.gremium = a["gremium"].flatMap { y.text($0, "\(kontext) gremium") }
        p.zielgruppe = a["zielgruppe"].flatMap { y.text($0, "\(kontext) zielgruppe") }
        p.beschreibung = a["beschreibung"].flatMap { y.text($0, "\(kontext) beschreibung") }
        if let k = a["fallzahl"] {
            p.fallzahl = fallzahl(k, y, befund, kontext, &d)
            if p.fallzahl == nil { d.fehlerhafteTreiber.insert(nr) }
        }
        if let k = a["fallkosten"], let f = y.abschnitt(k, "\(kontext) fallkosten") {
            f.pruefeSchluessel(["basis", "konto", "personalanteil"], befund)
            var basis: Fallkostenbasis?
            if let bk = f.pflicht("basis", befund, erwartet: "ist oder ein Betrag in EUR je Fall und Jahr") {
                if bk.skalar == "ist" { basis = .ist } else if let v = y.zahl(bk, "\(kontext) fallkosten basis (ist oder Betrag)", 0...1e9) {
                    basis = .betrag(v)
                }
            }
            let konto = f.pflicht("konto", befund).flatMap { y.text($0, "\(kontext) fallkosten konto") }
            if let konto, let kk = f["konto"] { d.kontoVerweis(konto, kk.ort, "\(kontext) fallkosten konto") }
            let pa = f["personalanteil"].flatMap { y.zahl($0, "\(kontext) fallkosten personalanteil", 0...1) } ?? 0
            if let basis, let konto { p.fallkosten = Fallkosten(basis: basis, konto: konto, personalanteil: pa) }
            if p.fallzahl == nil, a["fallzahl"] == nil {
                befund.fehler(k.ort, "\(kontext): fallkosten ohne fallzahl – die Fallkosten brauchen einen Fallzahltreiber")
            }
        }
        if let k = a["erstattung"], let f = y.abschnitt(k, "\(kontext) erstattung") {
            f.pruefeSchluessel(["anteil", "konto"], befund)
            let an = f.pflicht("anteil", befund).flatMap { y.zahl($0, "\(kontext) erstattung anteil", 0...1) }
            let konto = f.pflicht("konto", befund).flatMap { y.text($0, "\(kontext) erstattung konto") }
            if let konto, let kk = f["konto"] { d.kontoVerweis(konto, kk.ort, "\(kontext) erstattung konto") }
            if let an, let konto { p.erstattung = Erstattung(anteil: an, konto: konto) }
            if a["fallkosten"] == nil {
                befund.fehler(k.ort, "\(kontext): erstattung ohne fallkosten – die Erstattung ist ein Anteil am Aufwand des Treibers")
            }
        }
        if let k = a["kapazitaet"], let f = y.abschnitt(k, "\(kontext) kapazitaet") {
            f.pruefeSchluessel(["plaetze", "kosten_je_platz", "folgekosten_je_platz"], befund)
            var kap = Kapazitaet(plaetze: 0)
            var ok = false
            if let pk = f.pflicht("plaetze", befund, erwartet: "eine Zahl oder {Gebiet: Plätze, …}") {
                if pk.skalar != nil {
                    if let v = y.zahl(pk, "\(kontext) kapazitaet plaetze", 0...1e8) { kap.plaetze = v; ok = true }
                } else if let g = y.abschnitt(pk, "\(kontext) kapazitaet plaetze") {
                    var je: [String: Double] = [:]
                    ok = true
                    for q in g.paare {
                        guard let v = y.zahl(q.wert, "\(kontext) kapazitaet plaetze \(q.schluessel)", 0...1e8) else { ok = false; continue }
                        je[q.schluessel] = v
                        d.verweise.append(Verweis(art: .gebiet, id: q.schluessel, ort: q.ort, kontext: "\(kontext) kapazitaet"))
                    }
                    kap.plaetzeJeGebiet = je
                    kap.plaetze = je.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }   // key order: same sum on every run
                }
            }
            kap.kostenJePlatz = f["kosten_je_platz"].flatMap { y.zahl($0, "\(kontext) kosten_je_platz", 0...1e7) }
            kap.folgekostenJePlatz = f["folgekosten_je_platz"].flatMap { y.zahl($0, "\(kontext) folgekosten_je_platz", 0...1e7) }
            if ok { p.kapazitaet = kap }
            if a["fallzahl"] == nil {
                befund.fehler(k.ort, "\(kontext): kapazitaet ohne fallzahl – der Bedarf kommt aus der Fallzahl")
            }
        }
        if let k = a["wirkungsbeitrag"], let f = y.abschnitt(k, "\(kontext) wirkungsbeitrag") {
            for q in f.paare {
                if let v = y.ganzzahl(q.wert, "\(kontext) wirkungsbeitrag \(q.schluessel)", 0...3) {
                    p.wirkungsbeitrag[q.schluessel] = v
                }
                d.verweise.append(Verweis(art: .strategischesZiel, id: q.schluessel, ort: q.ort, kontext: "\(kontext) wirkungsbeitrag"))
            }
        }
        planbasis(a, y, befund, kontext, &p, &d)
        return p
    }

    // MARK: - Plan data (modellformat.md section 15)

    /// modell.yaml `zuschussbedarf: ohne_ilv | mit_ilv` and `plausibilitaet: {abweichung: 0.10}`.
    static func plandatenSchluessel(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) {
        if let k = m["zuschussbedarf"],
           let z = y.auswahl(k, "zuschussbedarf", Zuschussdefinition.self, ["ohne_ilv", "mit_ilv"]) {
            d.zuschussbedarf = z
            d.zuschussbedarfOrt = k.ort
        }
        if let k = m["plausibilitaet"], let a = y.abschnitt(k, "plausibilitaet") {
            a.pruefeSchluessel(["abweichung"], befund)
            if let v = a["abweichung"].flatMap({ y.zahl($0, "plausibilitaet abweichung", 0...10) }) {
                d.plausibilitaet.abweichung = v
            }
        }
    }

    /// A product's `basis: ist | ansatz`, `fortschreibung: {line: tarif | sachkosten | keine | trend}` and
    /// `vorgaenger: "311005"` (or a list of former numbers).
    static func planbasis(_ a: YAbschnitt, _ y: YLeser, _ befund: Befund, _ kontext: String, _ p: inout Produkt,
                          _ d: inout ModellDatei) {
        if let k = a["basis"], let b = y.auswahl(k, "\(kontext) basis", Planbasis.self, ["ist", "ansatz"]) { p.basis = b }
        if let k = a["fortschreibung"], let f = y.abschnitt(k, "\(kontext) fortschreibung") {
            for q in f.paare {
                let arten = ["tarif", "sachkosten", "keine", "trend"]
                if let art = y.auswahl(q.wert, "\(kontext) fortschreibung \(q.schluessel)", Fortschreibungsart.self, arten) {
                    p.fortschreibung[q.schluessel] = art
                }
                d.kontoVerweis(q.schluessel, q.ort, "\(kontext) fortschreibung")
            }
        }
        if let k = a["vorgaenger"] {
            let knoten = k.skalar != nil ? [k] : (y.liste(k, "\(kontext) vorgaenger") ?? [])
            for v in knoten {
                guard let nr = y.text(v, "\(kontext) vorgaenger") else { continue }
                if nr == p.nr {
                    befund.fehler(v.ort, "\(kontext): vorgaenger '\(nr)' ist die eigene Nummer")
                } else {
                    p.vorgaenger.append(nr)
                }
            }
        }
    }

    private static func fallzahl(_ k: YKnoten, _ y: YLeser, _ befund: Befund, _ kontext: String,
                                 _ d: inout ModellDatei) -> Fallzahl? {
        guard let f = y.abschnitt(k, "\(kontext) fallzahl") else { return nil }
        f.pruefeSchluessel(["bezug", "quote", "quote_je_1000"], befund)
        var bezug: Bezug?
        if let bk = f.pflicht("bezug", befund, erwartet: "{alter: [von, bis]} oder {gruppe: name}") {
            bezug = self.bezug(bk, y, befund, "\(kontext) fallzahl bezug", &d)
        }
        var quote: Quote?
        switch (f["quote"], f["quote_je_1000"]) {
        case let (q?, nil):
            if q.skalar == "ist" { quote = .ist } else {
                befund.fehler(q.ort, "\(kontext) fallzahl quote: erwartet 'ist' (für eine feste Quote: quote_je_1000)")
            }
        case let (nil, q?):
            if let p = y.pfad(q, "\(kontext) fallzahl quote_je_1000", 0...1000) { quote = .je1000(p) }
        case (_?, _?):
            befund.fehler(f.ort, "\(kontext) fallzahl: entweder 'quote' oder 'quote_je_1000', nicht beides")
        case (nil, nil):
            befund.fehler(f.ort, "\(kontext) fallzahl: 'quote: ist' oder 'quote_je_1000' fehlt")
        }
        guard let bezug, let quote else { return nil }
        return Fallzahl(bezug: bezug, quote: quote)
    }

    static func bezug(_ k: YKnoten, _ y: YLeser, _ befund: Befund, _ kontext: String, _ d: inout ModellDatei) -> Bezug? {
        guard let b = y.abschnitt(k, kontext) else { return nil }
        b.pruefeSchluessel(["alter", "gruppe", "geschlecht", "gebiet"], befund)
        var bezug: Bezug?
        switch (b["alter"], b["gruppe"]) {
        case let (a?, nil):
            if let (von, bis) = y.altersbereich(a, "\(kontext) alter") { bezug = Bezug(von: von, bis: bis) }
        case let (nil, g?):
            if let name = y.text(g, "\(kontext) gruppe") {
                if let ag = d.altersgruppen.first(where: { $0.name == name }) {
                    bezug = Bezug(von: ag.von, bis: ag.bis, gruppe: name)
                } else if !d.fehlerhafteAltersgruppen.contains(name) {
                    var text = "\(kontext): Altersgruppe '\(name)' ist nicht unter altersgruppen definiert"
                    if let h = Aehnlichkeit.vorschlag(name, aus: d.altersgruppen.map(\.name)) { text += " – meinten Sie '\(h)'?" }
                    befund.fehler(g.ort, text)
                }
            }
        case (_?, _?):
            befund.fehler(b.ort, "\(kontext): entweder 'alter' oder 'gruppe', nicht beides")
        case (nil, nil):
            befund.fehler(b.ort, "\(kontext): 'alter: [von, bis]' oder 'gruppe: name' fehlt")
        }
        if let g = b["geschlecht"] {
            bezug?.geschlecht = y.auswahl(g, "\(kontext) geschlecht", Geschlecht.self, ["w", "m"])
        }
        if let g = b["gebiet"], let id = y.text(g, "\(kontext) gebiet") {
            bezug?.gebiet = id
            d.verweise.append(Verweis(art: .gebiet, id: id, ort: g.ort, kontext: kontext))
        }
        return bezug
    }

    // MARK: - Kennzahlen, Ziele

    private static func kennzahl(_ e: YKnoten, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) -> Kennzahl? {
        guard let a0 = y.abschnitt(e, "Kennzahl") else { return nil }
        let kontext = "Kennzahl \(a0["id"]?.skalar ?? "?")"
        let a = YAbschnitt(knoten: a0.knoten, paare: a0.paare, kontext: kontext)
        a.pruefeSchluessel(["id", "name", "einheit", "formel", "richtung", "quelle"], befund)
        let id = a.pflicht("id", befund).flatMap { y.text($0, "\(kontext) id") }
        let name = a.pflicht("name", befund).flatMap { y.text($0, "\(kontext) name") }
        let fk = a.pflicht("formel", befund)
        let formel = fk.flatMap { y.text($0, "\(kontext) formel") }
        let richtung = a["richtung"].flatMap { y.auswahl($0, "\(kontext) richtung", Richtung.self, ["sinkend", "steigend"]) }
        guard let id, let name, let formel, let fk else { return nil }
        let ausdruck: Ausdruck
        do {
            ausdruck = try Formelparser.parse(formel)
        } catch {
            befund.fehler(Self.formelOrt(fk, spalte: error.spalte),
                          "Kennzahl \(id): Formel fehlerhaft an Spalte \(error.spalte): \(error.meldung)")
            return nil
        }
        var kz = Kennzahl(id: id, name: name, einheit: a["einheit"].flatMap { y.text($0, "\(kontext) einheit") },
                          formel: formel, ausdruck: ausdruck, richtung: richtung,
                          quelle: a["quelle"].flatMap { y.text($0, "\(kontext) quelle") })
        kz.ort = a.ort
        for (aufruf, spalte) in ausdruck.aufrufe {
            let ort = Self.formelOrt(fk, spalte: spalte)
            let k = "Kennzahl \(id) Formel"
            switch aufruf {
            case let .faelle(p), let .aufwand(p), let .ertrag(p), let .zuschuss(p), let .fallkosten(p),
                 let .plaetze(p), let .luecke(p), let .zeile(p, _):
                d.verweise.append(Verweis(art: .produktOderPrefix, id: p, ort: ort, kontext: k))
                if case let .zeile(_, key) = aufruf { d.kontoVerweis(key, ort, k, summeErlaubt: true) }
            case let .kennzahl(kid):
                d.verweise.append(Verweis(art: .kennzahl, id: kid, ort: ort, kontext: k))
            case let .bev(auswahl):
                if case let .gruppe(g)? = auswahl.alter, !d.altersgruppen.contains(where: { $0.name == g }),
                   !d.fehlerhafteAltersgruppen.contains(g) {
                    befund.fehler(ort, "\(k): Altersgruppe '\(g)' ist nicht unter altersgruppen definiert")
                }
                if let g = auswahl.gebiet { d.verweise.append(Verweis(art: .gebiet, id: g, ort: ort, kontext: k)) }
            }
        }
        return kz
    }

    /// Location of a formula column: the YAML value's position plus the column (exact for one-line plain or
    /// quoted scalars, which is how formulas are written).
    static func formelOrt(_ k: YKnoten, spalte: Int) -> SourceLocation {
        var ort = k.ort
        if let c = ort.column {
            var offset = 0
            if case let .scalar(s) = k.node, s.style == .singleQuoted || s.style == .doubleQuoted { offset = 1 }
            ort.column = c + offset + spalte - 1
        }
        return ort
    }

    private static func ziel(_ e: YKnoten, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) -> Ziel? {
        guard let a0 = y.abschnitt(e, "Ziel") else { return nil }
        let kontext = "Ziel \(a0["id"]?.skalar ?? "?")"
        let a = YAbschnitt(knoten: a0.knoten, paare: a0.paare, kontext: kontext)
        a.pruefeSchluessel(["id", "produkt", "produktgruppe", "budgetbereich", "zielfeld", "text", "kennzahl", "zielwert",
                            "bis", "verantwortlich", "massnahme", "oberziel"], befund)
        let id = a.pflicht("id", befund).flatMap { y.text($0, "\(kontext) id") }
        let traeger = Zielebene.allCases.filter { a[$0.rawValue] != nil }
        if traeger.count > 1 {
            befund.fehler(a.ort, "\(kontext): nur eines von produkt, produktgruppe, budgetbereich angeben, gefunden "
                          + traeger.map(\.rawValue).joined(separator: ", "))
        }
        let ebene = traeger.first ?? .produkt
        let produkt = a.pflicht(ebene.rawValue, befund, erwartet: "produkt, produktgruppe oder budgetbereich")
            .flatMap { y.text($0, "\(kontext) \(ebene.rawValue)") }
        let feld = a.pflicht("zielfeld", befund, erwartet: "wirkung | leistung | prozess | ressourcen").flatMap {
            y.auswahl($0, "\(kontext) zielfeld", Zielfeld.self, Zielfeld.allCases.map(\.rawValue))
        }
        let text = a.pflicht("text", befund).flatMap { y.text($0, "\(kontext) text") }
        guard let id, let produkt, let feld, let text else { return nil }
        switch ebene {
        case .produkt:
            if let pk = a["produkt"] { d.verweise.append(Verweis(art: .produkt, id: produkt, ort: pk.ort, kontext: kontext)) }
        case .produktgruppe:
            if let pk = a["produktgruppe"] {
                d.verweise.append(Verweis(art: .produktOderPrefix, id: produkt, ort: pk.ort, kontext: kontext))
            }
        case .budgetbereich:
            if let pk = a["budgetbereich"], !d.budgetbereiche.contains(where: { $0.0.id == produkt }) {
                befund.fehler(pk.ort, "\(kontext): Budgetbereich '\(produkt)' gibt es nicht (vorhanden: "
                              + d.budgetbereiche.map(\.0.id).joined(separator: ", ") + ")")
            }
        }
        var z = Ziel(id: id, produkt: produkt, zielfeld: feld, text: text)
        z.ebene = ebene
        z.ort = a.ort
        if let k = a["oberziel"], let o = y.text(k, "\(kontext) oberziel") {
            z.oberziel = o
            d.oberzielOrte[id] = k.ort
        }
        if let k = a["kennzahl"], let kid = y.text(k, "\(kontext) kennzahl") {
            z.kennzahl = kid
            d.verweise.append(Verweis(art: .kennzahl, id: kid, ort: k.ort, kontext: kontext))
        }
        if let k = a["zielwert"], let w = y.abschnitt(k, "\(kontext) zielwert") {
            w.pruefeSchluessel(["relativ", "absolut"], befund)
            switch (w["relativ"], w["absolut"]) {
            case let (r?, nil) where r.skalar == nil:
                zwischenziele(&z, y.pfad(r, "\(kontext) zielwert relativ", -1...100), a, y) { .relativ($0) }
            case let (nil, ab?) where ab.skalar == nil:
                zwischenziele(&z, y.pfad(ab, "\(kontext) zielwert absolut"), a, y) { .absolut($0) }
            case let (r?, nil): z.zielwert = y.zahl(r, "\(kontext) zielwert relativ", -1...100).map { .relativ($0) }
            case let (nil, ab?): z.zielwert = y.zahl(ab, "\(kontext) zielwert absolut").map { .absolut($0) }
            case (_?, _?): befund.fehler(w.ort, "\(kontext) zielwert: entweder 'relativ' oder 'absolut', nicht beides")
            case (nil, nil): befund.fehler(w.ort, "\(kontext) zielwert: 'relativ' oder 'absolut' fehlt")
            }
        }
        z.bis = a["bis"].flatMap { y.ganzzahl($0, "\(kontext) bis", 1900...2200) } ?? z.bis
        z.verantwortlich = a["verantwortlich"].flatMap { y.text($0, "\(kontext) verantwortlich") }
        if let k = a["massnahme"], let mid = y.text(k, "\(kontext) massnahme") {
            z.massnahme = mid
            d.verweise.append(Verweis(art: .massnahme, id: mid, ort: k.ort, kontext: kontext))
        }
        return z
    }

    /// A `zielwert` given as a path `{Jahr: Wert}`: the value at `bis` (default: the path's last year) is the
    /// Zielwert, the other years of the path up to `bis` are Zwischenziele.
    private static func zwischenziele(_ z: inout Ziel, _ pfad: Zeitpfad?, _ a: YAbschnitt, _ y: YLeser,
                                      _ art: (Double) -> Zielwert) {
        guard let pfad, let letztes = pfad.punkte.last?.jahr else { return }
        let bis = a["bis"].flatMap { Int(($0.skalar ?? "").trimmingCharacters(in: .whitespaces)) } ?? letztes
        z.bis = bis
        z.zielwert = art(pfad.wert(bis))
        for (j, _) in pfad.punkte where j < bis { z.zwischenziele[j] = art(pfad.wert(j)) }
    }

    /// Every `oberziel` names an existing Ziel or strategisches Ziel, and the links form no cycle.
    static func oberzielePruefen(_ d: ModellDatei, _ befund: Befund) {
        let ziele = Dictionary(d.ziele.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let strategisch = Set(d.strategischeZiele.map(\.id))
        for z in d.ziele {
            guard let o = z.oberziel else { continue }
            let ort = d.oberzielOrte[z.id] ?? z.ort
            if ziele[o] == nil && !strategisch.contains(o) {
                var t = "Ziel \(z.id) oberziel: '\(o)' ist weder ein Ziel noch ein strategisches Ziel"
                if let h = Aehnlichkeit.vorschlag(o, aus: Array(ziele.keys).sorted() + strategisch.sorted()) {
                    t += " – meinten Sie '\(h)'?"
                }
                befund.fehler(ort, t)
                continue
            }
            if o == z.id { befund.fehler(ort, "Ziel \(z.id) oberziel: ein Ziel kann nicht sein eigenes Oberziel sein"); continue }
            var kette = [z.id], x = o
            while let naechstes = ziele[x]?.oberziel, kette.count <= ziele.count {
                kette.append(x)
                if naechstes == z.id {
                    befund.fehler(ort, "Ziel \(z.id) oberziel: Kreis in der Zielhierarchie ("
                                  + (kette + [z.id]).joined(separator: " → ") + ")")
                    break
                }
                x = naechstes
            }
        }
    }

    // MARK: - Maßnahmen, Investitionen

    private static func massnahme(_ e: YKnoten, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) -> Massnahme? {
        guard let a0 = y.abschnitt(e, "Maßnahme") else { return nil }
        let kontext = "Maßnahme \(a0["id"]?.skalar ?? "?")"
        let a = YAbschnitt(knoten: a0.knoten, paare: a0.paare, kontext: kontext)
        a.pruefeSchluessel(["id", "name", "produkt", "kosten", "wirkung"], befund)
        let id = a.pflicht("id", befund).flatMap { y.text($0, "\(kontext) id") }
        let name = a.pflicht("name", befund).flatMap { y.text($0, "\(kontext) name") }
        let produkt = a.pflicht("produkt", befund).flatMap { y.text($0, "\(kontext) produkt") }
        if let produkt, let pk = a["produkt"] { d.verweise.append(Verweis(art: .produkt, id: produkt, ort: pk.ort, kontext: kontext)) }
        var kosten: Massnahme.Kosten?
        if let k = a.pflicht("kosten", befund, erwartet: "{ab: Jahr, jaehrlich: Betrag, konto: Zeile}"),
           let ka = y.abschnitt(k, "\(kontext) kosten") {
            ka.pruefeSchluessel(["ab", "jaehrlich", "konto"], befund)
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
                wa.pruefeSchluessel(["produkt", "quote", "ab", "rampe"], befund)
                let p = wa.pflicht("produkt", befund).flatMap { y.text($0, "\(kontext) wirkung produkt") }
                if let p, let pk = wa["produkt"] { d.verweise.append(Verweis(art: .produkt, id: p, ort: pk.ort, kontext: "\(kontext) wirkung")) }
                let q = wa.pflicht("quote", befund).flatMap { y.zahl($0, "\(kontext) wirkung quote", -1...10) }
                let ab = wa.pflicht("ab", befund).flatMap { d.jahrImPlan($0, y, befund, "\(kontext) wirkung ab") }
                let rampe = wa["rampe"].flatMap { y.ganzzahl($0, "\(kontext) wirkung rampe", 1...50) } ?? 1
                if let p, let q, let ab { wirkungen.append(Massnahme.Wirkung(produkt: p, quote: q, ab: ab, rampe: rampe)) }
            }
        }
        guard let id, let name, let produkt, let kosten else { return nil }
        return Massnahme(id: id, name: name, produkt: produkt, kosten: kosten, wirkung: wirkungen)
    }

    private static func investition(_ e: YKnoten, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) -> Investition? {
        guard let a0 = y.abschnitt(e, "Investition") else { return nil }
        let kontext = "Investition \(a0["id"]?.skalar ?? "?")"
        let a = YAbschnitt(knoten: a0.knoten, paare: a0.paare, kontext: kontext)
        a.pruefeSchluessel(["id", "name", "produkt", "auszahlungen", "foerderung", "nutzungsdauer", "inbetriebnahme",
                            "folgekosten", "plaetze", "gebiet"], befund)
        let id = a.pflicht("id", befund).flatMap { y.text($0, "\(kontext) id") }
        let name = a.pflicht("name", befund).flatMap { y.text($0, "\(kontext) name") }
        let produkt = a.pflicht("produkt", befund).flatMap { y.text($0, "\(kontext) produkt") }
        if let produkt, let pk = a["produkt"] { d.verweise.append(Verweis(art: .produkt, id: produkt, ort: pk.ort, kontext: kontext)) }
        var auszahlungen: [Int: Double] = [:]
        if let k = a.pflicht("auszahlungen", befund, erwartet: "{Jahr: Betrag, …}"), let m = y.abschnitt(k, "\(kontext) auszahlungen") {
            for p in m.paare {
                guard let j = Int(p.schluessel), d.planjahre.contains(j) || !d.basisjahrGueltig else {
                    befund.fehler(p.ort, "\(kontext) auszahlungen: Jahr '\(p.schluessel)' liegt außerhalb von Basisjahr..Horizont (\(d.basisjahr)..\(d.horizont))")
                    continue
                }
                if let v = y.zahl(p.wert, "\(kontext) auszahlungen \(j)", 0...1e11) { auszahlungen[j] = v }
            }
            if m.paare.isEmpty { befund.fehler(k.ort, "\(kontext) auszahlungen: mindestens ein Jahr mit Betrag erwartet") }
        }
        var foerderung: Investition.Foerderung?
        if let k = a["foerderung"], let f = y.abschnitt(k, "\(kontext) foerderung") {
            f.pruefeSchluessel(["programm", "quote"], befund)
            let prog = f["programm"].flatMap { y.text($0, "\(kontext) foerderung programm") } ?? "Fördermittel"
            if let q = f.pflicht("quote", befund).flatMap({ y.zahl($0, "\(kontext) foerderung quote", 0...1) }) {
                foerderung = Investition.Foerderung(programm: prog, quote: q)
            }
        }
        let nd = a.pflicht("nutzungsdauer", befund).flatMap { y.ganzzahl($0, "\(kontext) nutzungsdauer (Jahre)", 1...100) }
        var ibJahr: Int?, ibMonat = 1
        if let k = a.pflicht("inbetriebnahme", befund, erwartet: "ein Jahr (2029) oder ein Monat (\"2029-08\")") {
            let s = (k.skalar ?? "").trimmingCharacters(in: .whitespaces)
            let teile = s.split(separator: "-")
            if teile.count == 1, let j = Int(teile[0]), (1900...2200).contains(j) {
                ibJahr = j
            } else if teile.count == 2, let j = Int(teile[0]), let mo = Int(teile[1]), (1900...2200).contains(j), (1...12).contains(mo) {
                ibJahr = j
                ibMonat = mo
            } else {
                befund.fehler(k.ort, "\(kontext) inbetriebnahme: erwartet ein Jahr (2029) oder ein Monat (\"2029-08\"), gefunden '\(s)'")
            }
            if let j = ibJahr, let erstes = auszahlungen.keys.min(), j < erstes {
                befund.fehler(k.ort, "\(kontext) inbetriebnahme \(j) liegt vor der ersten Auszahlung \(erstes)")
            }
            if let j = ibJahr, j > d.horizont, d.basisjahrGueltig {
                befund.warnung(k.ort, "\(kontext): Inbetriebnahme \(j) liegt nach dem Horizont \(d.horizont) – im Planungszeitraum keine Abschreibungen und Folgekosten")
            }
        }
        var folge: Investition.Folgekosten?
        if let k = a["folgekosten"], let f = y.abschnitt(k, "\(kontext) folgekosten") {
            f.pruefeSchluessel(["jaehrlich", "konto"], befund)
            let j = f.pflicht("jaehrlich", befund).flatMap { y.zahl($0, "\(kontext) folgekosten jaehrlich", 0...1e10) }
            let konto = f.pflicht("konto", befund).flatMap { y.text($0, "\(kontext) folgekosten konto") }
            if let konto, let kk = f["konto"] { d.kontoVerweis(konto, kk.ort, "\(kontext) folgekosten konto") }
            if let j, let konto { folge = Investition.Folgekosten(jaehrlich: j, konto: konto) }
        }
        let plaetze = a["plaetze"].flatMap { y.zahl($0, "\(kontext) plaetze", 0...1e7) }
        let gebiet = a["gebiet"].flatMap { y.text($0, "\(kontext) gebiet") }
        if let gebiet, let gk = a["gebiet"] { d.verweise.append(Verweis(art: .gebiet, id: gebiet, ort: gk.ort, kontext: kontext)) }
        guard let id, let name, let produkt, let nd, let ibJahr, !auszahlungen.isEmpty else { return nil }
        return Investition(id: id, name: name, produkt: produkt, auszahlungen: auszahlungen, foerderung: foerderung,
                           nutzungsdauer: nd, inbetriebnahmeJahr: ibJahr, inbetriebnahmeMonat: ibMonat,
                           folgekosten: folge, plaetze: plaetze, gebiet: gebiet)
    }

    // MARK: - helpers

    /// Remembers the id of an entry that could not be read (when its id itself is readable).
    mutating func merkeFehlerhaft(_ art: Verweis.Art, _ e: YKnoten, _ schluessel: String) {
        guard case let .mapping(m) = e.node, let wert = m[schluessel]?.string else { return }
        let id = wert.trimmingCharacters(in: .whitespacesAndNewlines)
        if !id.isEmpty { fehlerhafteIds[art, default: []].insert(id) }
    }

    var planjahre: ClosedRange<Int> { basisjahr...max(basisjahr, horizont) }

    /// A year within Basisjahr..Horizont (only the type is checked while the Basisjahr itself is invalid).
    func jahrImPlan(_ k: YKnoten, _ y: YLeser, _ befund: Befund, _ kontext: String) -> Int? {
        guard let j = y.ganzzahl(k, kontext) else { return nil }
        guard planjahre.contains(j) || !basisjahrGueltig else {
            befund.fehler(k.ort, "\(kontext): Jahr \(j) liegt außerhalb von Basisjahr..Horizont (\(basisjahr)..\(horizont))")
            return nil
        }
        return j
    }

    /// Konto keys are checked once the scheme is known.
    var kontoVerweise: [(key: String, ort: SourceLocation, kontext: String, summeErlaubt: Bool)] {
        get { _kontoVerweise }
        set { _kontoVerweise = newValue }
    }
    private var _kontoVerweise: [(key: String, ort: SourceLocation, kontext: String, summeErlaubt: Bool)] = []

    mutating func kontoVerweis(_ key: String, _ ort: SourceLocation, _ kontext: String, summeErlaubt: Bool = false) {
        _kontoVerweise.append((key, ort, kontext, summeErlaubt))
    }
}
