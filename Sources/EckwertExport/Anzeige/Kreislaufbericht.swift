import EckwertCore

/// Terminal views of the budget cycle: Veränderungsnachweis, Abweichungsbericht, "Was wäre nötig?".
public enum Kreislaufbericht {
    /// The change per scenario for the Gesamthaushalt and the Budgetbereiche in the Haushaltsjahr (or the first
    /// common year), with the causes.
    public static func vergleich(_ v: Veraenderungsnachweis, jahr: Int?) -> String {
        var s = "Veränderungsnachweis: \(v.alt.name) (\(v.alt.planstand)) → \(v.neu.name) (\(v.neu.planstand))\n"
        for h in v.hinweise { s += "Hinweis: \(h)\n" }
        let j = jahr.flatMap { v.jahre.contains($0) ? $0 : nil } ?? v.jahre.first ?? 0
        s += "Zuschussbedarf \(j), Beträge in Euro\n\n"
        for sz in v.szenarien {
            s += "Szenario \(sz)\n"
            var kopf = ["Einheit", "ALT", "NEU", "Veränderung"]
            if v.mitUrsachen { kopf += Ursache.allCases.map(\.bezeichnung) }
            var t = Texttabelle(kopf: kopf)
            for p in v.posten
            where p.szenario == sz && p.jahr == j && p.zeile == nil
                && (p.ebene == .gesamt || p.ebene == .budgetbereich)
            {
                t.zeilen.append(
                    [
                        p.ebene == .gesamt ? "Gesamthaushalt" : "\(p.nr) \(p.name)", Zahlformat.zahl(p.alt),
                        Zahlformat.zahl(p.neu), Zahlformat.zahl(p.veraenderung),
                    ] + p.anteile.map { Zahlformat.zahl($0) })
            }
            s += t.text + "\n"
        }
        return s
    }

    /// The Abweichungsbericht per Budgetbereich and product (Zuschussbedarf).
    public static func controlling(_ a: Abweichungsbericht, _ m: Planungsmodell) -> String {
        var s = "Abweichungsbericht \(m.kommune) \(a.jahr), Stand Ende Monat \(a.monat) (\(m.planstand))\n"
        s +=
            "Ampel: gelb ab \(Zahlformat.prozent(a.schwellen.gelb)), rot ab \(Zahlformat.prozent(a.schwellen.rot)) "
            + "ungünstiger Abweichung vom Ansatz\n"
        for h in a.hinweise { s += "Hinweis: \(h)\n" }
        var t = Texttabelle(kopf: [
            "Zuschussbedarf", "Ansatz", "Ist bis Monat \(a.monat)", "Hochrechnung", "Abweichung",
            "%", "Ampel", "Vorjahr (Ist)",
        ])
        func zeile(_ name: String, _ p: Abweichungsbericht.Posten) {
            t.zeilen.append([
                name, p.ansatz.map { Zahlformat.zahl($0) } ?? "–", Zahlformat.zahl(p.istBisher),
                Zahlformat.zahl(p.hochrechnung), p.abweichung.map { Zahlformat.zahl($0) } ?? "–",
                p.abweichungAnteil.map { Zahlformat.prozent($0) } ?? "–", p.ampel.bezeichnung,
                p.vorjahr.map { Zahlformat.zahl($0) } ?? "–",
            ])
        }
        for b in a.bereiche {
            zeile("\(b.einheit.nr) \(b.einheit.name)", b.zuschuss)
            for i in b.produkte { zeile("  \(a.produkte[i].nr) \(a.produkte[i].name)", a.produkte[i].zuschuss) }
        }
        zeile("Gesamthaushalt", a.gesamt.zuschuss)
        return s + "\n" + t.text
    }

    /// Every task with its levers.
    public static func noetig(_ w: WasWaereNoetig) -> String {
        var s = "Was wäre nötig? – Szenario \(w.szenario); je Hebel der Wert, der die Lücke allein schließt\n"
        for h in w.hinweise { s += "Hinweis: \(h)\n" }
        for a in w.aufgaben {
            let istGeld = a.einheit == "€"
            func wert(_ x: Double) -> String { istGeld ? Zahlformat.zahl(x) + " €" : Zahlformat.zahl(x, stellen: 3) }
            s +=
                "\n\(a.bezeichnung) – \(a.jahr): Prognose \(wert(a.prognose)), \(istGeld ? "Rahmen" : "Ziel") "
                + "\(wert(a.soll)), Lücke (Prognose − \(istGeld ? "Rahmen" : "Ziel")) \(wert(a.luecke))\n"
            var t = Texttabelle(kopf: ["Hebel", "heute", "nötig", "Hinweis"])
            for h in a.hebel {
                t.zeilen.append([
                    h.bezeichnung, hebelwert(h, h.aktuell), h.noetig.map { hebelwert(h, $0) } ?? "nicht erreichbar",
                    h.hinweis.map {
                        $0 + (h.bester.map { b in ", bester Wert \(hebelwert(h, b))" } ?? "")
                            + (h.restluecke.map { ", Restlücke \(wert($0))" } ?? "")
                    } ?? "",
                ])
            }
            s += t.text
        }
        return s
    }

    /// A lever value as a clerk reads it.
    public static func hebelwert(_ h: WasWaereNoetig.Hebel, _ x: Double) -> String {
        switch h.art {
        case .quoteTrend: Zahlformat.zahl(x * 100, stellen: 4) + " % p. a."
        case .massnahme: "× " + Zahlformat.zahl(x, stellen: 3)
        case .freiwilligesBudget: (x > 0 ? "+" : "") + Zahlformat.zahl(x * 100, stellen: 2) + " %"
        case .fallkosten: Zahlformat.zahl(x, stellen: 2) + " € je Fall"
        }
    }
}
