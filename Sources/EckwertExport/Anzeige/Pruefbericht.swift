import EckwertCore

/// The readable summary of `eckwert check`.
public enum Pruefbericht {
    static func anzahl(_ n: Int, _ einzahl: String, _ mehrzahl: String) -> String {
        "\(n) \(n == 1 ? einzahl : mehrzahl)"
    }

    /// Ansatz years, Planung, Sondereffekte, the Zuschussbedarf definition and the base of the forecast: the
    /// products on the Ansatz (with the note where that was automatic), every trend with its rate, predecessors.
    static func plandaten(_ m: Planungsmodell) -> String {
        var s = ""
        if let a = m.ansatz {
            s +=
                "Ansatz: \(a.jahre.map(String.init).joined(separator: ", "))\(a.jahre.count > 1 ? " (Doppelhaushalt)" : "")\n"
        }
        if let p = m.planung {
            s +=
                "Planung der Kämmerei: \(p.jahre.map(String.init).joined(separator: ", ")) (\(p.orte.count) Werte) – "
                + "steht neben der Prognose, nie in ihr\n"
        }
        if let se = m.sondereffekte {
            s += "Sondereffekte (aus dem Ist herausgerechnet, bevor es Basis der Prognose wird): \(se.orte.count)\n"
            for k in se.schluessel {
                s +=
                    "  \(k.jahr) \(k.produkt) \(k.groesse): \(Zahlformat.euro(se.wert(k.jahr, k.produkt, k.groesse)))\n"
            }
        }
        s += "\(Zuschusstext.gleichung(m))"
        s += m.zuschussbedarf == .ohneILV ? " (Standard; zuschussbedarf: mit_ilv nimmt sie hinzu)\n" : "\n"
        let fb = Fortschreibungsbasis(m)
        for (i, automatisch) in fb.ansatzbasis {
            let p = m.produkte[i]
            s +=
                automatisch
                ? "Hinweis: Produkt \(p.nr) \(p.name) hat kein Ist im Basisjahr \(m.basisjahr), aber einen Ansatz – Basis der "
                    + "Prognose ist der Ansatz (wie basis: ansatz)\n"
                : "Produkt \(p.nr) \(p.name): Basis der Prognose ist der Ansatz (basis: ansatz)\n"
        }
        for (i, p) in m.produkte.enumerated() {
            for (z, l) in fb.linien[i].enumerated() where l.art == .trend && l.trendjahre > 0 {
                s +=
                    "Trend: Produkt \(p.nr), \(m.kontenrahmen.zeilen[z].key): \(l.wachstum >= 0 ? "+" : "")"
                    + "\(Zahlformat.prozent(l.wachstum, stellen: 2)) je Jahr (Ist \(m.basisjahr - l.trendjahre)–\(m.basisjahr))\n"
            }
            if !p.vorgaenger.isEmpty {
                s += "Produkt \(p.nr) führt das Ist von \(p.vorgaenger.joined(separator: ", ")) fort\n"
            }
        }
        return s
    }

    public static func zusammenfassung(_ m: Planungsmodell, dateien: [String]) -> String {
        var s = ""
        s += "Modell \(m.name) – \(m.kommune)\n"
        s += "Prüfsumme \(m.pruefsumme.prefix(16))… über \(dateien.count) Dateien: \(dateien.joined(separator: ", "))\n"
        s +=
            "Basisjahr \(m.basisjahr) · Haushaltsjahr \(m.haushaltsjahr) · Horizont \(m.horizont) · Kontenrahmen \(m.kontenrahmen.name)"
        s += " · Rundung \(m.rundung == .euro ? "Euro" : "Tsd. Euro")\n"
        let pflicht = m.produkte.filter { $0.art == .pflicht }.count
        s += "Produkte: \(m.produkte.count) (\(pflicht) Pflicht, \(m.produkte.count - pflicht) freiwillig) in "
        s += anzahl(m.produktbereiche.count, "Produktbereich", "Produktbereichen") + ", "
        s += anzahl(m.produktgruppen.count, "Produktgruppe", "Produktgruppen") + ", "
        s += anzahl(m.budgetbereiche.count, "Budgetbereich", "Budgetbereichen") + "\n"
        for b in m.budgetbereiche {
            let idx = m.produktIndizes(budgetbereich: b)
            s += "  \(b.id) \(b.name): \(idx.count) Produkte\n"
        }
        let getrieben = m.produkte.filter { $0.fallzahl != nil }.count
        s +=
            "Fallzahltreiber: \(getrieben) Produkte; Kapazitäten: \(m.produkte.filter { $0.kapazitaet != nil }.count)\n"
        let felder = Zielfeld.allCases.map { f in "\(f.bezeichnung) \(m.ziele.filter { $0.zielfeld == f }.count)" }
        s += "Kennzahlen: \(m.kennzahlen.count) · Ziele: \(m.ziele.count) (\(felder.joined(separator: ", ")))\n"
        s += "Maßnahmen: \(m.massnahmen.count) · Investitionen: \(m.investitionen.count)\n"
        s +=
            "Szenarien: "
            + m.szenarien.map { sz in
                "\(sz.name) (\(sz.bevoelkerung.methode == .kohorten ? "Kohorten" : "Vorausberechnung \(sz.bevoelkerung.variante ?? "")"))"
            }.joined(separator: ", ") + "\n"
        s += "Bevölkerung 31.12.\(m.basisjahr): \(Zahlformat.zahl(m.bevoelkerung.gesamt)) in "
        s += anzahl(m.bevoelkerung.gebiete.count, "Sozialraum", "Sozialräumen") + "\n"
        let jahre = m.ist.jahre
        if let a = jahre.first, let b = jahre.last {
            s += "Ist-Jahre: \(a)–\(b) (\(jahre.count) Jahre, \(m.ist.werte.count) Werte)\n"
        }
        s += plandaten(m)
        if let h = m.bevoelkerungHistorie {
            s += "Bevölkerungshistorie: \(h.jahre.keys.sorted().map(String.init).joined(separator: ", "))\n"
        }
        s += "\nSMART-Prüfung der Ziele (R braucht die Prognose: eckwert run):\n"
        for p in Smart.pruefen(m) {
            let marke = { (k: SmartPruefung.Kriterium) in k.erfuellt ? "✓" : "✗" }
            s += "  \(p.ziel): S\(marke(p.s)) M\(marke(p.m)) A\(marke(p.a)) T\(marke(p.t))"
            let fehl = [("S", p.s), ("M", p.m), ("A", p.a), ("T", p.t)].filter { !$0.1.erfuellt }
            if !fehl.isEmpty { s += "  – " + fehl.map { "\($0.0): \($0.1.grund)" }.joined(separator: "; ") }
            s += "\n"
        }
        return s
    }
}
