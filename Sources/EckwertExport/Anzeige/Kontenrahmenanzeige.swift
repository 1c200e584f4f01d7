import EckwertCore

/// The built-in line schemes and the lines of one scheme, as German terminal text (`eckwert kontenrahmen`).
public enum Kontenrahmenanzeige {
    /// One row per built-in scheme: id, Land, name, number of lines, verification state; then each source.
    public static func uebersicht(_ schemata: [Kontenrahmen] = Kontenrahmen.eingebaute) -> String {
        var s = "Eingebaute Kontenrahmen (in modell.yaml: kontenrahmen: <Id>)\n\n"
        let zeilen = schemata.map { k -> [String] in
            let offen = k.ungeprueft.count
            let stand = offen == 0 ? "ja" : "nein (\(offen) \(offen == 1 ? "Zeile" : "Zeilen") offen)"
            let fp = k.finanzplan.isEmpty ? "–" : "\(k.finanzplan.count)"
            return [k.id, k.land ?? "–", k.name, "\(k.zeilen.count)", fp, stand, kontengruppenStand(k)]
        }
        s += tabelle(
            ["Id", "Land", "Kontenrahmen", "Ergebnisplan", "Finanzplan", "Zeilen geprüft", "Kontengruppen"],
            zeilen)
        s += "\nQuellen\n"
        for k in schemata { s += "  \(k.id): \(k.quelle ?? "–")\n" }
        s += "\n`eckwert kontenrahmen <Id>` zeigt jede Zeile eines Kontenrahmens.\n"
        return s
    }

    /// Every line of a scheme: number, key, name, kind or sum formula, defaults, account groups, aliases.
    public static func zeilen(_ k: Kontenrahmen) -> String {
        var s = "Kontenrahmen \(k.id) – \(k.name)" + (k.land.map { " (\($0))" } ?? "") + "\n"
        if let q = k.quelle { s += "Quelle: \(q)\n" }
        func z(_ key: String?) -> String {
            guard let key, let l = k.zeile(key) else { return "–" }
            return "Zeile \(l.nr) (\(l.key))"
        }
        s += "Auflösung von Sonderposten: \(z(k.sonderposten)) · Abschreibungen: \(z(k.abschreibungen))\n"
        s += "Zuschussbedarf: \(z(k.aufwendungen)) − \(z(k.ertraege)) · Haushaltsausgleich: \(z(k.ausgleich))\n"
        if k.ilvErtraege != nil || k.ilvAufwendungen != nil {
            s += "Interne Leistungsbeziehungen: \(z(k.ilvErtraege)), \(z(k.ilvAufwendungen))\n"
        }
        s += "Kontengruppen: \(kontengruppenStand(k))\n"
        let offen = k.ungeprueft
        if !offen.isEmpty {
            s +=
                "Nicht am amtlichen Muster geprüft: Zeile\(offen.count == 1 ? "" : "n") \(k.ungepruefteNummern)\n"
        }
        s += "\nErgebnisplan\n" + plan(k.zeilen)
        if !k.finanzplan.isEmpty { s += "\nFinanzplan\n" + plan(k.finanzplan) }
        return s
    }

    static func kontengruppenStand(_ k: Kontenrahmen) -> String {
        let mit = (k.zeilen + k.finanzplan).contains { !$0.kontengruppen.isEmpty }
        if !mit { return "keine" }
        return k.kontengruppenGeprueft ? "geprüft" : "nicht geprüft"
    }

    static func plan(_ zeilen: [Kontenrahmen.Zeile]) -> String {
        let nr = Dictionary(zeilen.map { ($0.key, $0.nr) }, uniquingKeysWith: { a, _ in a })
        let rows = zeilen.map { l -> [String] in
            let art: String
            switch l.art {
            case .ertrag: art = "Ertrag"
            case .aufwand: art = "Aufwand"
            case .summe(let terme):
                art =
                    "Summe "
                    + terme.enumerated().map { i, t in
                        let n = nr[t.key] ?? t.key
                        return i == 0 ? (t.vorzeichen < 0 ? "−" + n : n) : (t.vorzeichen < 0 ? "− " : "+ ") + n
                    }.joined(separator: " ")
            }
            let summe = l.istSumme
            return [
                l.nr, l.key, (summe ? "= " : "") + l.name, art,
                summe ? "–" : l.fortschreibung.rawValue, summe ? "–" : (l.zahlungswirksam ? "ja" : "nein"),
                l.kontengruppen.isEmpty ? "–" : l.kontengruppen.joined(separator: ", "),
                l.aliase.isEmpty ? "–" : l.aliase.joined(separator: ", "), l.geprueft ? "ja" : "nein",
            ]
        }
        return tabelle(
            [
                "Nr", "Schlüssel", "Bezeichnung", "Art / Formel", "Fortschreibung", "zahlungswirksam",
                "Kontengruppen", "Aliase", "geprüft",
            ], rows)
    }

    /// Left-aligned columns separated by two spaces, with a rule under the head.
    static func tabelle(_ kopf: [String], _ zeilen: [[String]]) -> String {
        var breite = kopf.map(\.count)
        for z in zeilen { for (i, c) in z.enumerated() where i < breite.count { breite[i] = max(breite[i], c.count) } }
        func zeile(_ z: [String]) -> String {
            z.enumerated().map { i, c in
                i == z.count - 1 ? c : c + String(repeating: " ", count: max(0, breite[i] - c.count))
            }.joined(separator: "  ")
        }
        var s = zeile(kopf) + "\n" + breite.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for z in zeilen { s += zeile(z) + "\n" }
        return s
    }
}
