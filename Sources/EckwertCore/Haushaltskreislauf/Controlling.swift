/// The in-year Abweichungsbericht (spec section 14, Controlling): per product and Budgetbereich the Ansatz, the Ist
/// to date, the Hochrechnung to the year end, the deviation and a traffic light; cases: the mean so far against
/// the forecast for the year. Plain values, unrounded.
public struct Abweichungsbericht: Sendable {
    /// Thresholds of the traffic light: the unfavourable deviation as a share of the Ansatz.
    public struct Schwellen: Sendable, Hashable {
        public var gelb: Double
        public var rot: Double
        public init(gelb: Double = 0.02, rot: Double = 0.05) { self.gelb = gelb; self.rot = rot }
    }

    public enum Ampel: String, Sendable, Hashable {
        case gruen, gelb, rot
        /// No Ansatz to compare with.
        case keine
        public var bezeichnung: String {
            switch self {
            case .gruen: "grün"
            case .gelb: "gelb"
            case .rot: "rot"
            case .keine: "–"
            }
        }
    }

    /// One compared figure: a Buchungszeile of a product, or the Zuschussbedarf of a product or unit.
    public struct Posten: Sendable {
        /// Line key, or `zuschussbedarf`.
        public var groesse: String
        public var ansatz: Double?
        public var istBisher: Double
        public var hochrechnung: Double
        /// How a line was projected (nil for the Zuschussbedarf, a sum of lines).
        public var methode: Hochrechnung.Methode?
        public var hinweis: String?
        /// The Ist of the year before (ist.csv); nil where not given.
        public var vorjahr: Double?
        /// +1 where more is unfavourable (Aufwand, Zuschussbedarf), −1 where less is (Ertrag).
        public var richtung: Double
        public var ampel: Ampel

        /// Hochrechnung − Ansatz.
        public var abweichung: Double? { ansatz.map { hochrechnung - $0 } }
        /// The deviation as a share of the Ansatz; nil without an Ansatz or with an Ansatz of 0.
        public var abweichungAnteil: Double? {
            guard let a = ansatz, a != 0, let d = abweichung else { return nil }
            return d / abs(a)
        }
    }

    /// Cases of a product: the mean of the monthly counts so far against the forecast for the year.
    public struct Fallvergleich: Sendable {
        public var mittelBisher: Double
        public var monate: Int
        /// Status-quo forecast of the year's average cases; nil where the run has no driver for the product.
        public var prognose: Double?
        public var ansatz: Double?
        public var abweichung: Double? { prognose.map { mittelBisher - $0 } }
    }

    public struct Produktbericht: Sendable {
        public var index: Int
        public var nr: String
        public var name: String
        public var art: Produktart
        public var zeilen: [Posten]
        public var zuschuss: Posten
        public var faelle: Fallvergleich?
    }

    public struct Bereichsbericht: Sendable {
        public var einheit: Einheit
        /// Positions in `produkte` of the products of this unit that are reported.
        public var produkte: [Int]
        public var zuschuss: Posten
    }

    public var jahr: Int
    public var monat: Int
    public var schwellen: Schwellen
    public var produkte: [Produktbericht]
    public var bereiche: [Bereichsbericht]
    public var gesamt: Bereichsbericht
    /// Notes for the reader (no Ansatz for the year, …), German.
    public var hinweise: [String]
}

extension Abweichungsbericht {
    /// A request the data cannot serve.
    public struct Fehler: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The traffic light of an unfavourable deviation.
    public static func ampel(hochrechnung: Double, ansatz: Double?, richtung: Double, _ s: Schwellen) -> Ampel {
        guard let a = ansatz else { return .keine }
        let unguenstig = (hochrechnung - a) * richtung
        if a == 0 { return unguenstig > 0.5 ? .rot : .gruen }
        let anteil = unguenstig / abs(a)
        return anteil >= s.rot ? .rot : (anteil >= s.gelb ? .gelb : .gruen)
    }

    /// The report as of `monat` of `jahr` (default: the last year in `ist_unterjaehrig.csv` and its last month).
    /// `prognose` is the status-quo run, for the cases' comparison.
    public static func rechnen(
        _ m: Planungsmodell, jahr: Int? = nil, monat: Int? = nil, schwellen: Schwellen = .init(),
        prognose: Rechenergebnis?
    ) throws(Fehler) -> Abweichungsbericht {
        guard let u = m.istUnterjaehrig, let letztesJahr = u.jahre.last else {
            throw Fehler(
                description: "Das Modell \(m.name) hat keine ist_unterjaehrig.csv – ohne unterjähriges Ist "
                    + "gibt es kein Controlling (Spalten jahr;monat;produkt;groesse;wert)")
        }
        let j = jahr ?? letztesJahr
        guard let letzterMonat = u.letzterMonat(j) else {
            throw Fehler(
                description: "ist_unterjaehrig.csv enthält keine Werte für \(j) (vorhanden: "
                    + u.jahre.map(String.init).joined(separator: ", ") + ")")
        }
        let mo = monat ?? letzterMonat
        guard (1...12).contains(mo) else { throw Fehler(description: "--monat erwartet 1 … 12, gefunden \(mo)") }
        guard mo <= letzterMonat else {
            throw Fehler(
                description: "ist_unterjaehrig.csv reicht für \(j) nur bis Monat \(letzterMonat), "
                    + "angefragt ist Monat \(mo)")
        }
        var hinweise: [String] = []
        let ansatz = m.ansatz?.werte[j]
        if ansatz == nil {
            let jahre = m.ansatz?.jahre.map(String.init).joined(separator: ", ") ?? ""
            hinweise.append(
                jahre.isEmpty
                    ? "Das Modell hat keine ansatz.csv: Abweichung und Ampel bleiben leer."
                    : "ansatz.csv enthält keinen Ansatz für \(j) (nur \(jahre)): Abweichung und Ampel bleiben leer.")
        }
        let k = m.kontenrahmen
        let koeff = k.zuschussKoeffizienten
        let groessen = u.groessen(j)
        var produkte: [Produktbericht] = []
        for (i, p) in m.produkte.enumerated() {
            let ansatzZeilen = ansatz?[p.nr]
            guard groessen[p.nr] != nil || ansatzZeilen != nil else { continue }
            var zeilen: [Posten] = []
            for z in k.zeilen where !z.istSumme {
                let inDaten = groessen[p.nr]?.contains(z.key) ?? false
                guard inDaten || ansatzZeilen?[z.key] != nil else { continue }
                zeilen.append(posten(m, u, j, mo, p.nr, z, ansatz: ansatzZeilen.map { $0[z.key] ?? 0 }, schwellen))
            }
            let zuschuss = summe(zeilen, koeff: koeff, ansatzVorhanden: ansatzZeilen != nil, schwellen)
            produkte.append(
                Produktbericht(
                    index: i, nr: p.nr, name: p.name, art: p.art, zeilen: zeilen,
                    zuschuss: zuschuss,
                    faelle: fallvergleich(m, u, j, mo, i, ansatzZeilen, prognose)))
        }
        func bereich(_ e: Einheit) -> Bereichsbericht {
            let teile = produkte.indices.filter { e.produkte.contains(produkte[$0].index) }
            let zs = teile.map { produkte[$0].zuschuss }
            let hatAnsatz = zs.contains { $0.ansatz != nil }
            var z = Posten(
                groesse: "zuschussbedarf", ansatz: hatAnsatz ? zs.reduce(0) { $0 + ($1.ansatz ?? 0) } : nil,
                istBisher: zs.reduce(0) { $0 + $1.istBisher }, hochrechnung: zs.reduce(0) { $0 + $1.hochrechnung },
                methode: nil, hinweis: nil,
                vorjahr: zs.contains { $0.vorjahr != nil } ? zs.reduce(0) { $0 + ($1.vorjahr ?? 0) } : nil,
                richtung: 1, ampel: .keine)
            z.ampel = ampel(hochrechnung: z.hochrechnung, ansatz: z.ansatz, richtung: 1, schwellen)
            return Bereichsbericht(einheit: e, produkte: teile, zuschuss: z)
        }
        let gesamtEinheit =
            m.einheiten(.gesamt).first
            ?? Einheit(ebene: .gesamt, nr: "", name: "Gesamthaushalt", produkte: Array(m.produkte.indices))
        if produkte.contains(where: { $0.zeilen.contains { $0.hinweis != nil } }) {
            hinweise.append(
                "Wo die Vorjahre keine verwertbare Jahressumme haben, ist linear hochgerechnet (× 12 / Monat); "
                    + "die Zeile nennt den Grund.")
        }
        return Abweichungsbericht(
            jahr: j, monat: mo, schwellen: schwellen, produkte: produkte,
            bereiche: m.einheiten(.budgetbereich).map(bereich), gesamt: bereich(gesamtEinheit),
            hinweise: hinweise)
    }

    /// The cumulative figure of a line at month `mo`: the last month ≤ mo with a figure (nothing booked since
    /// leaves the cumulative amount as it was); nil when the line has no figure up to `mo`.
    static func kumuliert(_ u: IstUnterjaehrig, _ j: Int, _ mo: Int, _ p: String, _ g: String) -> Double? {
        for x in stride(from: mo, through: 1, by: -1) { if let v = u.wert(j, x, p, g) { return v } }
        return nil
    }

    static func posten(
        _ m: Planungsmodell, _ u: IstUnterjaehrig, _ j: Int, _ mo: Int, _ nr: String,
        _ z: Kontenrahmen.Zeile, ansatz: Double?, _ s: Schwellen
    ) -> Posten {
        let kum = kumuliert(u, j, mo, nr, z.key) ?? 0
        var vorjahre: [Hochrechnung.Vorjahr] = []
        for y in u.jahre where y < j {
            if let k = u.wert(y, mo, nr, z.key), let jw = m.ist.wert(y, nr, z.key) {
                vorjahre.append(.init(jahr: y, kumuliert: k, jahreswert: jw))
            }
        }
        let hr = Hochrechnung.betrag(kumuliert: kum, monat: mo, vorjahre: vorjahre)
        let richtung: Double = z.art == .ertrag ? -1 : 1
        return Posten(
            groesse: z.key, ansatz: ansatz, istBisher: kum, hochrechnung: hr.wert, methode: hr.methode,
            hinweis: hr.hinweis, vorjahr: m.ist.wert(j - 1, nr, z.key), richtung: richtung,
            ampel: ampel(hochrechnung: hr.wert, ansatz: ansatz, richtung: richtung, s))
    }

    /// The Zuschussbedarf of a product as the signed sum of its lines.
    static func summe(_ zeilen: [Posten], koeff: [String: Double], ansatzVorhanden: Bool, _ s: Schwellen) -> Posten {
        var a = 0.0, ist = 0.0, hr = 0.0, vj = 0.0, hatVorjahr = false
        for z in zeilen {
            let c = koeff[z.groesse] ?? 0
            guard c != 0 else { continue }
            a += c * (z.ansatz ?? 0)
            ist += c * z.istBisher
            hr += c * z.hochrechnung
            if let v = z.vorjahr { vj += c * v; hatVorjahr = true }
        }
        let ansatz = ansatzVorhanden ? a : nil
        return Posten(
            groesse: "zuschussbedarf", ansatz: ansatz, istBisher: ist, hochrechnung: hr, methode: nil,
            hinweis: nil, vorjahr: hatVorjahr ? vj : nil, richtung: 1,
            ampel: ampel(hochrechnung: hr, ansatz: ansatz, richtung: 1, s))
    }

    static func fallvergleich(
        _ m: Planungsmodell, _ u: IstUnterjaehrig, _ j: Int, _ mo: Int, _ i: Int,
        _ ansatzZeilen: [String: Double]?, _ prognose: Rechenergebnis?
    ) -> Fallvergleich? {
        let nr = m.produkte[i].nr
        let werte = (1...mo).compactMap { u.wert(j, $0, nr, "faelle") }
        guard let mittel = Hochrechnung.faelle(werte) else { return nil }
        let prog = prognose.flatMap { e in e.jahrIndex(j).flatMap { t in e.produkte[i].faelle.map { $0[t] } } }
        return Fallvergleich(
            mittelBisher: mittel.wert, monate: werte.count, prognose: prog,
            ansatz: ansatzZeilen?["faelle"])
    }

    /// Long-format rows: `hochrechnung`, `ansatz` and `abweichung` (Hochrechnung − Ansatz) per product line, the
    /// Zuschussbedarf of products, Budgetbereiche and the Gesamthaushalt (`groesse=zuschussbedarf`), and the cases
    /// (`faelle`: the mean so far; the Ansatz where ansatz.csv gives `faelle`).
    public var langzeilen: [Langzeile] {
        var out: [Langzeile] = []
        func add(_ ebene: Ebene, _ nr: String, _ g: String, hr: Double, ansatz: Double?) {
            out.append(Langzeile(szenario: "hochrechnung", ebene: ebene, nr: nr, groesse: g, jahr: jahr, wert: hr))
            if let a = ansatz {
                out.append(Langzeile(szenario: "ansatz", ebene: ebene, nr: nr, groesse: g, jahr: jahr, wert: a))
                out.append(
                    Langzeile(szenario: "abweichung", ebene: ebene, nr: nr, groesse: g, jahr: jahr, wert: hr - a))
            }
        }
        for p in produkte {
            for z in p.zeilen + [p.zuschuss] { add(.produkt, p.nr, z.groesse, hr: z.hochrechnung, ansatz: z.ansatz) }
            if let f = p.faelle { add(.produkt, p.nr, "faelle", hr: f.mittelBisher, ansatz: f.ansatz) }
        }
        for b in bereiche + [gesamt] {
            add(b.einheit.ebene, b.einheit.nr, "zuschussbedarf", hr: b.zuschuss.hochrechnung, ansatz: b.zuschuss.ansatz)
        }
        return Langzeile.sortiert(out)
    }
}
