/// Where a model's data look wrong (modellformat.md section 15), and the one list of warnings that `check` and
/// `run` both print and count: the loader's warnings, the Kennzahl check, the plausibility checks below and the
/// warnings of the scenario runs.
public enum Plausibilitaet {
    /// A product whose forecast for Basisjahr + 1 (status quo) departs from its Ansatz of that year by more than
    /// `plausibilitaet.abweichung` of the Ansatz (Zuschussbedarf).
    public struct Ansatzabweichung: Sendable {
        public var produkt: Int
        public var jahr: Int
        public var ansatz: Double
        public var prognose: Double
        public var differenz: Double { prognose - ansatz }
        /// (prognose − ansatz) / |ansatz|.
        public var anteil: Double { differenz / abs(ansatz) }
    }

    /// Every product beyond the threshold, in model order. Products with an Ansatz of 0 are compared by amount:
    /// any forecast other than 0 departs.
    public static func ansatzabweichungen(_ m: Planungsmodell, statusQuo sq: Rechenergebnis?) -> [Ansatzabweichung] {
        let j = m.basisjahr + 1
        guard let sq, let t = sq.jahrIndex(j), m.ansatz != nil else { return [] }
        let zr = m.kontenrahmen.zuschussrechnung
        let plan = Summen.Plan(m.kontenrahmen.zeilen)
        var out: [Ansatzabweichung] = []
        for i in m.produkte.indices {
            guard let spalte = m.planspalte(m.ansatz, produkte: [i], jahr: j, summenplan: plan) else { continue }
            let a = zr.spalte(spalte)
            let p = zr.jahr(sq.produkte[i].ergebnisplan, t)
            let weg = a == 0 ? abs(p) > 0.5 : abs(p - a) > m.plausibilitaet.abweichung * abs(a)
            if weg { out.append(Ansatzabweichung(produkt: i, jahr: j, ansatz: a, prognose: p)) }
        }
        return out
    }

    /// The warnings of a loaded model: `ladebefunde` (the loader's diagnostics; their errors are left out),
    /// the Kennzahl check, the plausibility checks and the warnings of `laeufe` — each once, in that order.
    /// `kennzahlen`: the Kennzahl values of `ist` and of the status-quo run of `laeufe`, where already computed.
    public static func warnungen(
        _ m: Planungsmodell, ladebefunde: [Diagnostic], laeufe: [Rechenergebnis],
        ist: Rechenergebnis? = nil, kennzahlen: (ist: [String: [Double?]], statusQuo: [String: [Double?]]?)? = nil
    ) -> [Diagnostic] {
        warnungen(m, ladebefunde: ladebefunde, laeufe: laeufe, ist: ist, kennzahlen: kennzahlen, vorab: nil)
    }

    /// The checks of `warnungen` that need no Kennzahl, computed ahead (beside other work).
    struct Vorab: Sendable {
        var abweichungen: [Ansatzabweichung]
        var zeilenOhneIst: [Diagnostic]
    }

    /// `isttabelle`: the model's Ist as a table, where already built.
    static func vorab(_ m: Planungsmodell, laeufe: [Rechenergebnis], isttabelle: Isttabelle?) -> Vorab {
        Vorab(
            abweichungen: ansatzabweichungen(m, statusQuo: laeufe.first { $0.szenario == "status-quo" }),
            zeilenOhneIst: zeilenOhneIst(m, isttabelle: isttabelle))
    }

    /// As `warnungen` with the checks of `vorab` already made.
    static func warnungen(
        _ m: Planungsmodell, ladebefunde: [Diagnostic], laeufe: [Rechenergebnis],
        ist: Rechenergebnis?, kennzahlen: (ist: [String: [Double?]], statusQuo: [String: [Double?]]?)?,
        vorab: Vorab?
    ) -> [Diagnostic] {
        let vorab = vorab ?? Self.vorab(m, laeufe: laeufe, isttabelle: nil)
        var out: [Diagnostic] = []
        var gesehen = Set<Diagnostic>()
        func add(_ d: Diagnostic) { if d.severity == .warning, gesehen.insert(d).inserted { out.append(d) } }
        ladebefunde.forEach(add)
        let sq = laeufe.first { $0.szenario == "status-quo" }
        if let kennzahlen {
            Kennzahlrechnung.pruefen(m, istWerte: kennzahlen.ist, statusQuoWerte: kennzahlen.statusQuo).forEach(add)
        } else {
            Kennzahlrechnung.pruefen(m, ist: ist ?? Istrechnung.rechnen(m), statusQuo: sq).forEach(add)
        }
        for a in vorab.abweichungen {
            let p = m.produkte[a.produkt]
            let ort = m.ansatz?.orte.filter { $0.key.jahr == a.jahr && $0.key.produkt == p.nr }.values.min()
            let prozent = Datendateien.deutsch((a.anteil * 1000).rounded() / 10)
            let anteil = a.ansatz == 0 ? "" : " (\(a.differenz > 0 ? "+" : "")\(prozent) %)"
            add(
                .warning(
                    ort,
                    "Produkt \(p.nr) \(p.name): die Prognose \(a.jahr) (status-quo) weicht vom Ansatz \(a.jahr) ab – "
                        + "Zuschussbedarf Prognose \(euro(a.prognose)), Ansatz \(euro(a.ansatz))\(anteil); erlaubt sind "
                        + "\(Datendateien.deutsch(m.plausibilitaet.abweichung * 100)) % (plausibilitaet.abweichung)"))
        }
        vorab.zeilenOhneIst.forEach(add)
        for l in laeufe { l.warnungen.forEach(add) }
        return out
    }

    /// Lines of the Ansatz or the Planung that no Ist year has: one warning per file and product.
    /// `isttabelle` answers most "has Ist" questions without collecting every (product, Größe) of the Ist; what it
    /// cannot tell is asked of that collection, formed on first need.
    static func zeilenOhneIst(_ m: Planungsmodell, isttabelle: Isttabelle? = nil) -> [Diagnostic] {
        struct Zeile: Hashable { var produkt: String; var groesse: String }
        var mitIstMenge: Set<Zeile>?
        func mitIst(_ produkt: String, _ groesse: String) -> Bool {
            if let ja = isttabelle?.hatWert(produkt: produkt, groesse: groesse) { return ja }
            if mitIstMenge == nil {
                var menge = Set<Zeile>()
                for k in m.ist.werte.keys { menge.insert(Zeile(produkt: k.produkt, groesse: k.groesse)) }
                mitIstMenge = menge
            }
            return mitIstMenge?.contains(Zeile(produkt: produkt, groesse: groesse)) ?? false
        }
        var out: [Diagnostic] = []
        for (w, name) in [(m.ansatz, "im Ansatz"), (m.planung, "in der Planung")] {
            guard let w else { continue }
            var jeProdukt: [String: (zeilen: Set<String>, ort: SourceLocation?)] = [:]
            // Any order of the keys gives the same sets and the same earliest place.
            for (jahr, produkte) in w.werte {
                for (produkt, zeilen) in produkte {
                    for groesse in zeilen.keys
                    where groesse != "faelle" && !mitIst(produkt, groesse) {
                        var e = jeProdukt[produkt] ?? ([], nil)
                        e.zeilen.insert(groesse)
                        let k = IstSchluessel(jahr: jahr, produkt: produkt, groesse: groesse)
                        if let o = w.orte[k], e.ort.map({ o < $0 }) ?? true { e.ort = o }
                        jeProdukt[produkt] = e
                    }
                }
            }
            for (nr, e) in jeProdukt.sorted(by: { $0.key < $1.key }) {
                out.append(
                    .warning(
                        e.ort,
                        "Produkt \(nr): \(e.zeilen.sorted().joined(separator: ", ")) steht \(name), "
                            + "hat aber in keinem Ist-Jahr einen Wert – neue Zeile, oder im Ist anders zugeordnet?"))
            }
        }
        return out
    }

    /// Whole euros with a thousands dot for messages ("1.234.567 €").
    static func euro(_ v: Double) -> String {
        let r = Int64(v.rounded(.toNearestOrAwayFromZero))
        var ziffern = String(abs(r)), gruppiert = ""
        while ziffern.count > 3 {
            gruppiert = "." + ziffern.suffix(3) + gruppiert
            ziffern = String(ziffern.dropLast(3))
        }
        return (r < 0 ? "-" : "") + ziffern + gruppiert + " €"
    }
}
