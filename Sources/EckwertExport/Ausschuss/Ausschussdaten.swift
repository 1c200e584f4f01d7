import EckwertCore

/// The figures of the committee pack, selected once from a `Planungsergebnis` so that the HTML report and the
/// workbook show the same values. Nothing here computes a budget figure: it picks series out of the result,
/// rounds for display, and applies the Geheimhaltung rule of the core.
struct Ausschussdaten {
    let e: Planungsergebnis
    let m: Planungsmodell
    let version: String
    /// Basisjahr … Horizont (index 0 = Basisjahr, the Ist value of the forecast runs).
    let jahre: [Int]
    let kritik: Produktkritik?
    /// The Sozialraum figures shared by the HTML maps, the Steckbriefe and the workbook, picked once.
    private(set) var sozialraum = Sozialraumbild.Auswahl()

    init(_ e: Planungsergebnis, version: String) {
        self.e = e
        m = e.modell
        self.version = version
        jahre = Array(e.modell.basisjahr...e.modell.horizont)
        kritik = Produktkritik.rechnen(e)
        verlaeufe = verlaeufeWaehlen()
        sozialraum = Sozialraumbild.auswahl(self)
    }

    // MARK: Display helpers

    static func szenarioName(_ s: String) -> String {
        switch s {
        case "best": "Best Case (günstig)"
        case "status-quo": "Status quo"
        case "worst": "Worst Case (ungünstig)"
        default: s
        }
    }

    /// "Entwurf, Stand 31.03.2026": the stage and date of the plan.
    var planstand: String { m.planstand }

    var stand: String {
        func zwei(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        return "\(zwei(m.stand.tag)).\(zwei(m.stand.monat)).\(m.stand.jahr)"
    }

    /// Amount unit of the tables (the model's `rundung`).
    var betragseinheit: String { m.rundung == .euro ? "Euro" : "Tsd. Euro" }
    var betragsstellen: Int { m.rundung == .euro ? 0 : 1 }
    func betragswert(_ v: Double) -> Double { m.rundung == .euro ? v : v / 1000 }
    /// A value rounded in the display unit (Euro, or T€ with one decimal), as the tables show it.
    func gerundet(_ v: Double) -> Double { Zahlformat.runden(betragswert(v), betragsstellen) }
    /// A value already in the display unit, as text.
    func betrag(einheit v: Double) -> String { Zahlformat.zahl(v, stellen: betragsstellen) }
    func betrag(_ v: Double?) -> String {
        guard let v else { return "n. v." }
        return Zahlformat.zahl(betragswert(v), stellen: betragsstellen)
    }
    /// A value rounded in the display unit as the value of a workbook cell (house style).
    func zelle(_ x: Double) -> Double { Hausstil.zelle(einheitswert: x, m.rundung) }
    static func mio(_ v: Double) -> Double { v / 1_000_000 }

    // MARK: Überblick

    struct Verlauf {
        var einheit: Einheit
        var titel: String
        /// Ist years before the Basisjahr (from the Ist run) and their values.
        var istJahre: [Int]
        var ist: [Double]
        /// Per scenario: values for `jahre` (Basisjahr … Horizont).
        var szenarien: [(name: String, werte: [Double])]
        /// P10 / P90 for Basisjahr + 1 … Horizont, when draws were run.
        var p10: [Double]?
        var p90: [Double]?
        /// Zuschussbedarf of the Planung der Kämmerei for `jahre` (nil where there is none, always for the
        /// Basisjahr); empty without planung.csv.
        var planung: [Double?] = []
    }

    /// The Gesamthaushalt and Budgetbereich series (picked once in `init`; four places show them).
    private(set) var verlaeufe: [Verlauf] = []

    private func verlaeufeWaehlen() -> [Verlauf] {
        let einheiten = m.einheiten.filter { $0.ebene == .gesamt || $0.ebene == .budgetbereich }
        return einheiten.map { einheit in
            let istZ = e.zuschuss(e.ist, einheit)
            var istJahre: [Int] = [], ist: [Double] = []
            for (i, j) in e.ist.jahre.enumerated() where j < m.basisjahr && i < istZ.count {
                istJahre.append(j); ist.append(istZ[i])
            }
            let sz = e.szenarien.map { (name: $0.szenario, werte: e.zuschuss($0, einheit)) }
            var p10: [Double]?, p90: [Double]?
            if let u = e.unsicherheit,
                let i = u.einheiten.firstIndex(where: { $0.ebene == einheit.ebene && $0.nr == einheit.nr })
            {
                p10 = u.zuschuss[i].p10; p90 = u.zuschuss[i].p90
            }
            let titel = einheit.ebene == .gesamt ? "Gesamthaushalt" : "\(einheit.nr) \(einheit.name)"
            let planung =
                m.planung == nil
                ? []
                : jahre.map { j in
                    j > m.basisjahr ? m.planZuschuss(m.planung, produkte: einheit.produkte, jahr: j) : nil
                }
            return Verlauf(
                einheit: einheit, titel: titel, istJahre: istJahre, ist: ist, szenarien: sz, p10: p10, p90: p90,
                planung: planung)
        }
    }

    // MARK: Wirkungszerlegung

    struct Treiber {
        var produkt: Produkt
        var demografie: Double, quote: Double, preis: Double, rest: Double, gesamt: Double
    }

    /// The scenario the decomposition and the Kita tables show in detail.
    var hauptszenario: String { e.szenario("status-quo") != nil ? "status-quo" : (e.szenarien.first?.szenario ?? "") }

    /// The largest products (net cost in the Haushaltsjahr, status quo), at most `anzahl`, with the change from
    /// the Basisjahr to the Horizont split into its parts.
    func treiber(anzahl: Int = 8) -> [Treiber] {
        guard let z = e.zerlegung[hauptszenario], let k = kritik else { return [] }
        let reihenfolge = k.abc.prefix(anzahl).map(\.produkt.nr)
        return reihenfolge.compactMap { nr in
            guard let i = m.produkte.firstIndex(where: { $0.nr == nr }), i < z.count, let t = z[i].gesamt.indices.last
            else { return nil }
            let x = z[i]
            return Treiber(
                produkt: m.produkte[i], demografie: x.demografie[t], quote: x.quote[t], preis: x.preis[t],
                rest: x.rest[t], gesamt: x.gesamt[t])
        }
    }

    // MARK: Kita und Infrastruktur

    struct Kapazitaetstabelle {
        var produkt: Produkt
        var szenario: String
        var gebiete: [String]
        /// Basisjahr + 1 … Horizont.
        var jahre: [Int]
        var bedarf: Geheimhaltung.Ergebnis
        var luecke: Geheimhaltung.Ergebnis
        /// Places, rounded (not confidential: they are capacity, not persons).
        var plaetze: [[Double]]
        var plaetzeSumme: [Double]
    }

    /// Demand, places and gap per Sozialraum and forecast year for every product with places per Sozialraum
    /// (or the whole city as one row), for one scenario, with the Geheimhaltung rule applied to demand and gap.
    /// A gap is suppressed wherever its demand is (gap = demand − places would reveal it) and is itself a count
    /// of persons, so the rule's primary suppression applies to it too.
    func kapazitaeten(_ szenario: String) -> [Kapazitaetstabelle] {
        guard let lauf = e.szenario(szenario) else { return [] }
        var out: [Kapazitaetstabelle] = []
        for (i, p) in m.produkte.enumerated() where i < lauf.produkte.count {
            guard let k = lauf.produkte[i].kapazitaet else { continue }
            let zeilen: [(String, [Double], [Double], [Double])] =
                k.gebiete.isEmpty
                ? [("Stadt", k.bedarf, k.plaetze, k.luecke)]
                : k.gebiete.map { ($0.gebiet, $0.bedarf, $0.plaetze, $0.luecke) }
            let prognose = { (x: [Double]) in Array(x.dropFirst()) }
            let bedarf = m.geheimhaltung.anwenden(
                zeilen.map { prognose($0.1) }, zeilensummen: false, spaltensummen: true)
            let luecke = m.geheimhaltung.anwenden(
                zeilen.map { prognose($0.3) }, zeilensummen: false, spaltensummen: true,
                zusaetzlich: bedarf.zelle)
            let plaetze = zeilen.map { prognose($0.2).map { Zahlformat.runden($0) } }
            let n = plaetze.first?.count ?? 0
            let ps = (0..<n).map { t in plaetze.reduce(0) { $0 + $1[t] } }
            out.append(
                Kapazitaetstabelle(
                    produkt: p, szenario: szenario, gebiete: zeilen.map(\.0),
                    jahre: Array(jahre.dropFirst().prefix(n)), bedarf: bedarf, luecke: luecke,
                    plaetze: plaetze, plaetzeSumme: ps))
        }
        return out
    }

    /// A count under the Geheimhaltung rule: "•" where suppressed.
    static func zaehlwert(_ r: Geheimhaltung.Ergebnis, _ z: Int, _ s: Int) -> String {
        r.zelle[z][s] ? Geheimhaltung.zeichen : Zahlformat.zahl(r.werte[z][s])
    }
    static func summenwert(_ r: Geheimhaltung.Ergebnis, _ s: Int) -> String {
        guard let su = r.spaltensummen else { return "" }
        return r.spaltensumme[s] ? Geheimhaltung.zeichen : Zahlformat.zahl(su[s])
    }

    /// Whether the indicative investment's place count must be hidden (1 … n−1 missing places in a Sozialraum).
    func platzzahlGesperrt(_ b: Kapazitaetsbedarf) -> Bool {
        guard b.gebiet != nil else { return false }
        let n = b.fehlendePlaetze.rounded(.up)
        return n >= 1 && n <= Double(m.geheimhaltung.mindestfallzahl - 1)
    }

    // MARK: Ziele

    /// Decimals for a Kennzahl's values: fewer for large values.
    static func kennzahlStellen(_ v: Double?) -> Int {
        guard let v, v.isFinite else { return 1 }
        let a = abs(v)
        return a >= 100 ? 0 : a >= 10 ? 1 : 2
    }

    // MARK: Annahmen

    static func pfadText(_ p: Zeitpfad, prozent: Bool, jahre: ClosedRange<Int>) -> String {
        let fmt = { (v: Double) in prozent ? Zahlformat.prozent(v, stellen: 1) : Zahlformat.zahl(v) }
        if p.istKonstant { return fmt(p.wert(jahre.lowerBound)) + (prozent ? " p. a." : "") }
        return jahre.map { "\($0): \(fmt(p.wert($0)))" }.joined(separator: "; ")
    }

    /// Rows label → value per scenario.
    var annahmen: [(String, [String])] {
        let sz = m.szenarien
        let jr = m.prognosejahre
        var z: [(String, [String])] = []
        z.append(("Beschreibung", sz.map { $0.beschreibung ?? "–" }))
        z.append(
            (
                "Bevölkerung: Methode",
                sz.map {
                    $0.bevoelkerung.methode == .kohorten
                        ? "Kohorten-Komponenten-Methode"
                        : "amtliche Vorausberechnung" + ($0.bevoelkerung.variante.map { ", Variante \($0)" } ?? "")
                }
            ))
        if sz.contains(where: { $0.bevoelkerung.methode == .kohorten }) {
            z.append(
                (
                    "Geburtenziffer (Kinder je Frau)",
                    sz.map { $0.bevoelkerung.geburtenziffer.map { Zahlformat.zahl($0, stellen: 2) } ?? "wie Datei" }
                ))
            z.append(("Sterblichkeit (Faktor)", sz.map { Zahlformat.zahl($0.bevoelkerung.sterblichkeit, stellen: 2) }))
            z.append(
                (
                    "Wanderungssaldo (Personen je Jahr)",
                    sz.map { Self.pfadText($0.bevoelkerung.wanderungssaldo, prozent: false, jahre: jr) }
                ))
        }
        z.append(("Tarifsteigerung (Personal)", sz.map { Self.pfadText($0.preise.tarif, prozent: true, jahre: jr) }))
        z.append(("Sachkostensteigerung", sz.map { Self.pfadText($0.preise.sachkosten, prozent: true, jahre: jr) }))
        let produkte = Set(sz.flatMap { $0.produkte.keys }).sorted()
        for nr in produkte {
            let name = m.produkt(nr).map { "\(nr) \($0.name)" } ?? nr
            if sz.contains(where: { $0.produkte[nr]?.quoteTrend != nil }) {
                z.append(
                    (
                        "\(name): Trend der Inanspruchnahme",
                        sz.map { s in
                            s.produkte[nr]?.quoteTrend.map { Zahlformat.prozent($0, stellen: 1) + " p. a." } ?? "–"
                        }
                    ))
            }
            if sz.contains(where: { $0.produkte[nr]?.erstattungAnteil != nil }) {
                z.append(
                    (
                        "\(name): Erstattungsanteil",
                        sz.map { s in
                            s.produkte[nr]?.erstattungAnteil.map { Zahlformat.prozent($0, stellen: 1) } ?? "wie Modell"
                        }
                    ))
            }
            if sz.contains(where: { $0.produkte[nr]?.fallkostenTrend != nil }) {
                z.append(
                    (
                        "\(name): realer Fallkostentrend",
                        sz.map { s in
                            s.produkte[nr]?.fallkostenTrend.map { Zahlformat.prozent($0, stellen: 1) + " p. a." } ?? "–"
                        }
                    ))
            }
        }
        z.append(
            (
                "Aktive Maßnahmen",
                sz.map { s in
                    s.massnahmen.isEmpty
                        ? "keine"
                        : s.massnahmen.map { id in m.massnahmen.first { $0.id == id }.map { "\(id) \($0.name)" } ?? id }
                            .joined(separator: "; ")
                }
            ))
        return z
    }
}
