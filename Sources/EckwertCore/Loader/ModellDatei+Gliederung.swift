/// Age groups, Produktgruppen/-bereiche and Budgetbereiche of modell.yaml.
extension ModellDatei {
    /// `altersgruppen:` named age ranges.
    static func abschnittAltersgruppen(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) {
        if let k = m["altersgruppen"], let a = y.abschnitt(k, "altersgruppen") {
            for p in a.paare {
                if let (von, bis) = y.altersbereich(p.wert, "Altersgruppe \(p.schluessel)") {
                    d.altersgruppen.append(Altersgruppe(name: p.schluessel, von: von, bis: bis))
                } else {
                    d.fehlerhafteAltersgruppen.insert(p.schluessel)
                }
            }
        }
    }

    /// `produktgruppen:` and `produktbereiche:`.
    static func abschnittGliederung(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) {
        for (key, ziel) in [("produktgruppen", 0), ("produktbereiche", 1)] {
            guard let k = m[key], let l = y.liste(k, key) else { continue }
            for e in l {
                guard let a = y.abschnitt(e, key) else { continue }
                a.pruefeSchluessel(Schluesselschema.modell.schluessel(key), befund)
                guard let nr = a.pflicht("nr", befund).flatMap({ y.text($0, "\(key) nr") }),
                    let name = a.pflicht("name", befund).flatMap({ y.text($0, "\(key) \(nr) name") })
                else { continue }
                if d.gruppenOrte[nr] != nil {
                    befund.fehler(
                        a.ort,
                        "\(key): Nummer '\(nr)' ist doppelt vergeben (zuerst in Zeile \(d.gruppenOrte[nr]?.line ?? 0))")
                    continue
                }
                d.gruppenOrte[nr] = a.ort
                if ziel == 0 {
                    d.produktgruppen.append(Gliederung(nr: nr, name: name))
                } else {
                    d.produktbereiche.append(Gliederung(nr: nr, name: name))
                }
            }
        }
    }

    /// `budgetbereiche:` (products by number or by a Produktgruppe/-bereich).
    static func abschnittBudgetbereiche(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) {
        if let k = m["budgetbereiche"], let l = y.liste(k, "budgetbereiche") {
            for e in l {
                guard let a = y.abschnitt(e, "Budgetbereich") else { continue }
                let kontext = "Budgetbereich \(a["id"]?.skalar ?? "?")"
                a.pruefeSchluessel(Schluesselschema.modell.schluessel("budgetbereiche"), befund)
                guard let id = a.pflicht("id", befund).flatMap({ y.text($0, "\(kontext) id") }),
                    let name = a.pflicht("name", befund).flatMap({ y.text($0, "\(kontext) name") }),
                    let pl = a.pflicht("produkte", befund).flatMap({ y.liste($0, "\(kontext) produkte") })
                else { continue }
                var prods: [String] = []
                for p in pl {
                    guard let nr = y.text(p, "\(kontext) produkte") else { continue }
                    prods.append(nr)
                    d.verweise.append(Verweis(art: .produktOderPrefix, id: nr, ort: p.ort, kontext: kontext))
                }
                d.budgetbereiche.append((Budgetbereich(id: id, name: name, produkte: prods), a.ort))
            }
        }
    }
}
