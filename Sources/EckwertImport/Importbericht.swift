import EckwertCore

/// The printed reports of the importers (German, amounts German-style).
extension Haushaltsbericht {
    public var text: String {
        var t = "Export: \(export.datenzeilen) Datenzeilen, Kodierung \(export.kodierung.beschreibung)\n"
        t += "\nAbstimmung (Beträge wie im Export, je Wertart, Jahr und Produktbereich, auf den Cent):\n"
        let kopf = ["Art", "Jahr", "Bereich", "Export", "übernommen", "nicht übernommen", "Differenz"]
        var zeilen: [[String]] = []
        for a in abstimmung {
            zeilen.append([
                a.schluessel.art.anzeige, "\(a.schluessel.jahr)", a.schluessel.bereich,
                ImportZahl.anzeige(a.export), ImportZahl.anzeige(a.uebernommen),
                ImportZahl.anzeige(a.nichtUebernommen), ImportZahl.anzeige(a.differenz),
            ])
        }
        let summe = abstimmung.reduce(into: [0, 0, 0, 0]) {
            $0[0] += $1.export; $0[1] += $1.uebernommen; $0[2] += $1.nichtUebernommen; $0[3] += $1.differenz
        }
        zeilen.append(["Summe", "", ""] + summe.map(ImportZahl.anzeige))
        t += Tabelle.text(kopf, zeilen, rechts: [3, 4, 5, 6])
        t +=
            stimmt
            ? "Die Abstimmung geht auf: jeder Betrag des Exports ist übernommen oder unten aufgeführt.\n"
            : "DIE ABSTIMMUNG GEHT NICHT AUF.\n"
        if export.veWerte > 0 {
            t +=
                "VE (Verpflichtungsermächtigungen): \(export.veWerte) Werte gelesen und abgestimmt, aber nicht "
                + "übernommen – das Modell führt keine VE.\n"
        }
        if !export.nichtUebernommen.isEmpty {
            t += "\nNicht übernommen (\(export.nichtUebernommen.count)):\n"
            for n in export.nichtUebernommen {
                t += "  \(n.ort): \(n.grund)" + (n.betrag.map { " [\(ImportZahl.anzeige($0))]" } ?? "") + "\n"
            }
        }
        for h in export.hinweise { t += "\n\(h.description)\n" }
        t += "\nModell:\n"
        t += "  neue Produkte: \(neueProdukte.count)" + liste(neueProdukte)
        t += "  neue Produktgruppen: \(neueGruppen.count)" + liste(neueGruppen)
        t += "  neue Produktbereiche: \(neueBereiche.count)" + liste(neueBereiche)
        for a in aenderungen {
            t +=
                "  \(a.datei): \(a.hinzugefuegt.count) hinzugefügt, \(a.geaendert.count) geändert, "
                + "\(a.entfernt.count) entfernt, \(a.unveraendert) unverändert\n"
            for g in a.geaendert { t += "    geändert: \(g)\n" }
            for e in a.entfernt { t += "    entfernt: \(e)\n" }
            for h in a.hinweise { t += "    \(h)\n" }
        }
        for h in hinweise { t += "  Hinweis: \(h)\n" }
        t +=
            probelauf
            ? "\nProbelauf: nichts geschrieben.\n"
            : geschrieben.isEmpty
                ? "\nKeine Änderung – das Modell enthält diesen Export schon.\n"
                : "\nGeschrieben: " + geschrieben.map(dateiname).joined(separator: ", ") + "\n"
        return t
    }

    private func liste(_ l: [String]) -> String {
        guard !l.isEmpty else { return "\n" }
        let gezeigt = l.prefix(20).joined(separator: ", ")
        return " (\(gezeigt)\(l.count > 20 ? ", … und \(l.count - 20) weitere" : ""))\n"
    }
}

extension Bevoelkerungsbericht {
    public var text: String {
        var t = "Tabelle: Kodierung \(kodierung); Jahre \(jahre.map(String.init).joined(separator: ", "))"
        t += uebersprungen > 0 ? "; \(uebersprungen) Summenzeilen übersprungen\n" : "\n"
        let v = verfahren.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
        t += "Aufteilung auf Einzeljahre (Ortsteil × Geschlecht × Jahr): " + v.joined(separator: ", ") + "\n"
        t += "\nSummen je Sozialraum und Jahr (Tabelle = Summe der Ortsteile vor der Aufteilung):\n"
        var zeilen = summen.map {
            [
                "\($0.jahr)", $0.gebiet, ImportZahl.anzeigeGanz($0.tabelle), ImportZahl.anzeigeGanz($0.geschrieben),
                ImportZahl.anzeigeGanz($0.geschrieben - $0.tabelle),
            ]
        }
        let a = summen.reduce(0) { $0 + $1.tabelle }, b = summen.reduce(0) { $0 + $1.geschrieben }
        zeilen.append(["Summe", ""] + [a, b, b - a].map(ImportZahl.anzeigeGanz))
        t += Tabelle.text(["Jahr", "Sozialraum", "Tabelle", "geschrieben", "Differenz"], zeilen, rechts: [2, 3, 4])
        for h in hinweise { t += "Hinweis: \(h)\n" }
        t +=
            probelauf
            ? "\nProbelauf: nichts geschrieben.\n"
            : geschrieben.isEmpty
                ? "\nKeine Änderung – das Modell enthält diese Tabelle schon.\n"
                : "\nGeschrieben: " + geschrieben.map(dateiname).joined(separator: ", ") + "\n"
        return t
    }
}

/// The file name of a path.
private func dateiname(_ pfad: String) -> String { pfad.split(separator: "/").last.map(String.init) ?? pfad }

/// A plain text table with padded columns.
enum Tabelle {
    static func text(_ kopf: [String], _ zeilen: [[String]], rechts: Set<Int>) -> String {
        var breite = kopf.map(\.count)
        for z in zeilen { for (i, f) in z.enumerated() where i < breite.count { breite[i] = max(breite[i], f.count) } }
        func zeile(_ f: [String]) -> String {
            "  "
                + f.enumerated().map { i, s in
                    let pad = String(repeating: " ", count: max(0, breite[i] - s.count))
                    return rechts.contains(i) ? pad + s : s + pad
                }.joined(separator: "  ") + "\n"
        }
        return zeile(kopf) + zeilen.map(zeile).joined()
    }
}
