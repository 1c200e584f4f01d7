/// A line scheme may give a line aliases (e.g. BW's `zuweisungen_zuwendungen_umlagen` for `zuwendungen_umlagen`),
/// so that a model says the same key whatever its Land. When a model loads, every alias it uses is replaced by the
/// line's key: in the Ist and Ansatz data and in the `konto` of products, measures and investments. Formulas
/// (`zeile(…)`) resolve aliases through `Kontenrahmen.index(_:)`.
extension Planungsmodell {
    mutating func aliaseAufloesen(befund: Befund, istDatei: String, ansatzDatei: String) {
        var tabelle: [String: String] = [:]
        for z in kontenrahmen.zeilen + kontenrahmen.finanzplan { for a in z.aliase { tabelle[a] = z.key } }
        guard !tabelle.isEmpty else { return }
        func kanon(_ s: String) -> String { tabelle[s] ?? s }
        // Only an alias is written back (writing every konto would touch every product).
        for i in produkte.indices {
            if let k = produkte[i].fallkosten?.konto, let z = tabelle[k] { produkte[i].fallkosten?.konto = z }
            if let k = produkte[i].erstattung?.konto, let z = tabelle[k] { produkte[i].erstattung?.konto = z }
        }
        for i in massnahmen.indices { massnahmen[i].kosten.konto = kanon(massnahmen[i].kosten.konto) }
        for i in investitionen.indices {
            if let k = investitionen[i].folgekosten?.konto { investitionen[i].folgekosten?.konto = kanon(k) }
        }
        // The lean reader's numbered Ist has each Größe once: its few texts are asked instead of every key.
        let istMitAlias =
            ist.verzeichnis.map { $0.groessen.contains { tabelle[$0] != nil } }
            ?? ist.werte.keys.contains { tabelle[$0.groesse] != nil }
        guard istMitAlias else {
            return ansatzAufloesen(tabelle, befund, ansatzDatei)
        }
        var neu = IstDaten(werte: [:], orte: [:])
        neu.spalten = ist.spalten
        // Keys first, then aliases, each in a fixed order, so that a value given twice is reported the same way.
        let sortiert = ist.werte.keys.sorted { a, b in
            let (x, y) = (tabelle[a.groesse] != nil, tabelle[b.groesse] != nil)
            if x != y { return !x }
            return (a.jahr, a.produkt, a.groesse) < (b.jahr, b.produkt, b.groesse)
        }
        for s in sortiert {
            let ziel = IstSchluessel(jahr: s.jahr, produkt: s.produkt, groesse: kanon(s.groesse))
            if neu.werte[ziel] != nil {
                befund.fehler(
                    ist.orte[s] ?? SourceLocation(file: istDatei),
                    "Ist \(s.jahr), Produkt \(s.produkt): '\(s.groesse)' ist ein anderer Name der Zeile "
                        + "'\(ziel.groesse)', die für dieses Jahr schon einen Wert hat – "
                        + "bitte nur einmal angeben")
                continue
            }
            neu.werte[ziel] = ist.werte[s]
            if let o = ist.orte[s] { neu.orte[ziel] = o }
            if ist.unlesbar.contains(s) { neu.unlesbar.insert(ziel) }
        }
        ist = neu
        ansatzAufloesen(tabelle, befund, ansatzDatei)
    }

    private mutating func ansatzAufloesen(_ tabelle: [String: String], _ befund: Befund, _ datei: String) {
        ansatz = Self.planAufloesen(ansatz, tabelle, befund, datei, art: "Ansatz")
        planung = Self.planAufloesen(planung, tabelle, befund, datei, art: "Planung")
        sondereffekte = Self.planAufloesen(sondereffekte, tabelle, befund, datei, art: "Sondereffekt")
    }

    /// Year-keyed plan figures with every alias replaced by its line's key; a line given under both names in
    /// the same year and product is an error.
    private static func planAufloesen(
        _ w: Jahreswerte?, _ tabelle: [String: String], _ befund: Befund,
        _ datei: String, art: String
    ) -> Jahreswerte? {
        guard var w else { return nil }
        // Without an alias among the lines the figures stay as read (not rebuilt key by key).
        guard w.werte.values.contains(where: { $0.values.contains { $0.keys.contains { tabelle[$0] != nil } } })
        else { return w }
        var werte: [Int: [String: [String: Double]]] = [:]
        var orte: [IstSchluessel: SourceLocation] = [:]
        for j in w.werte.keys.sorted() {
            for p in (w.werte[j] ?? [:]).keys.sorted() {
                let zeilen = w.werte[j]?[p] ?? [:]
                var neu: [String: Double] = [:]
                for g in zeilen.keys.sorted(by: { (tabelle[$0] != nil ? 1 : 0, $0) < (tabelle[$1] != nil ? 1 : 0, $1) })
                {
                    let ziel = tabelle[g] ?? g
                    let ort = w.orte[IstSchluessel(jahr: j, produkt: p, groesse: g)]
                    if neu[ziel] != nil {
                        befund.fehler(
                            ort ?? SourceLocation(file: datei),
                            "\(art) \(j), Produkt \(p): '\(g)' ist ein anderer Name der Zeile '\(ziel)', "
                                + "die schon einen Wert hat – bitte nur einmal angeben")
                        continue
                    }
                    neu[ziel] = zeilen[g]
                    if let ort { orte[IstSchluessel(jahr: j, produkt: p, groesse: ziel)] = ort }
                }
                werte[j, default: [:]][p] = neu
            }
        }
        w.werte = werte
        w.orte = orte
        return w
    }
}
