/// Checks of the plan data (modellformat.md section 15): `ansatz.csv` years, `planung.csv`, `sondereffekte.csv`, the trend
/// of each `fortschreibung: trend` line, `zuschussbedarf: mit_ilv`; and `vorgaenger`, which the loader applies
/// to the Ist before anything else reads it.
enum Planpruefung {
    /// A product with `vorgaenger` continues the Ist (and Sondereffekte) of its former numbers: their values are
    /// added to the product's own in the same year and line (a year in which both numbers booked counts both).
    static func vorgaengerUebernehmen(_ m: inout Planungsmodell) {
        var neu: [String: String] = [:]
        for p in m.produkte { for v in p.vorgaenger where neu[v] == nil { neu[v] = p.nr } }
        guard !neu.isEmpty else { return }
        var ist = m.ist
        for (k, v) in m.ist.werte.sorted(by: { ($0.key.jahr, $0.key.produkt, $0.key.groesse) < ($1.key.jahr, $1.key.produkt, $1.key.groesse) }) {
            guard let nr = neu[k.produkt] else { continue }
            let ziel = IstSchluessel(jahr: k.jahr, produkt: nr, groesse: k.groesse)
            ist.werte[k] = nil
            ist.werte[ziel, default: 0] += v
            if ist.orte[ziel] == nil { ist.orte[ziel] = m.ist.orte[k] }
            ist.orte[k] = nil
            if m.ist.unlesbar.contains(k) { ist.unlesbar.insert(ziel) }
        }
        m.ist = ist
        if var s = m.sondereffekte {
            for k in s.schluessel {
                guard let nr = neu[k.produkt], let v = s.wert(k.jahr, k.produkt, k.groesse) else { continue }
                s.werte[k.jahr]?[k.produkt]?[k.groesse] = nil
                s.werte[k.jahr, default: [:]][nr, default: [:]][k.groesse, default: 0] += v
                s.orte[IstSchluessel(jahr: k.jahr, produkt: nr, groesse: k.groesse)] = s.orte[k]
            }
            m.sondereffekte = s
        }
    }

    static func pruefen(_ m: Planungsmodell, _ md: ModellDatei, istPruefbar: Bool, befund: Befund) {
        let B = m.basisjahr
        let nrn = Set(m.produkte.map(\.nr))
        let alt = Set(m.produkte.flatMap(\.vorgaenger))
        for p in m.produkte {
            for v in p.vorgaenger where nrn.contains(v) {
                befund.fehler(p.ort, "Produkt \(p.nr): vorgaenger '\(v)' ist selbst ein Produkt des Modells – ein "
                              + "Vorgänger ist eine frühere Nummer, die es nicht mehr gibt")
            }
        }
        func zeilen(_ w: Jahreswerte?, _ datei: String, faelleErlaubt: Bool, _ jahrPruefen: (IstSchluessel, SourceLocation?) -> Void) {
            guard let w else { return }
            var gemeldet = Set<String>()
            for k in w.schluessel {
                let ort = w.orte[k] ?? SourceLocation(file: datei)
                if !nrn.contains(k.produkt), gemeldet.insert("p" + k.produkt).inserted {
                    var text = "Produkt '\(k.produkt)' gibt es in modell.yaml nicht"
                    if alt.contains(k.produkt) { text += " (es ist ein vorgaenger – bitte die neue Nummer verwenden)" }
                    if let h = Aehnlichkeit.vorschlag(k.produkt, aus: nrn.sorted()) { text += " – meinten Sie '\(h)'?" }
                    befund.fehler(ort, text)
                }
                let erlaubt = m.kontenrahmen.istBuchungszeile(k.groesse) || (faelleErlaubt && k.groesse == "faelle")
                if !erlaubt, gemeldet.insert("g" + k.groesse).inserted {
                    befund.fehler(ort, "Größe '\(k.groesse)' (Produkt \(k.produkt)) ist keine Buchungszeile des Kontenrahmens"
                                  + (faelleErlaubt ? " und nicht 'faelle'" : ""))
                }
                jahrPruefen(k, ort)
            }
        }
        let horizont = "\(B + 1)…\(m.horizont)"
        zeilen(m.ansatz, "ansatz.csv", faelleErlaubt: true) { k, ort in
            if !(B + 1...m.horizont).contains(k.jahr) {
                befund.fehler(ort, "Ansatz für das Jahr \(k.jahr): ein Ansatz gilt für ein Planjahr \(horizont) "
                              + "(Basisjahr \(B) + 1 bis Horizont)")
            }
        }
        var planjahreGemeldet = Set<Int>()
        zeilen(m.planung, "planung.csv", faelleErlaubt: false) { k, ort in
            if !(B + 1...m.horizont).contains(k.jahr), planjahreGemeldet.insert(k.jahr).inserted {
                befund.warnung(ort, "Planung für das Jahr \(k.jahr) liegt außerhalb der Prognosejahre \(horizont) und wird nicht gezeigt")
            }
        }
        zeilen(m.sondereffekte, "sondereffekte.csv", faelleErlaubt: false) { k, ort in
            guard istPruefbar else { return }
            if k.jahr > B {
                befund.fehler(ort, "Sondereffekt im Jahr \(k.jahr): Sondereffekte sind im Ist enthalten, also bis zum Basisjahr \(B)")
            } else if nrn.contains(k.produkt), m.kontenrahmen.istBuchungszeile(k.groesse),
                      m.ist.wert(k.jahr, k.produkt, k.groesse) == nil {
                befund.fehler(ort, "Sondereffekt für Produkt \(k.produkt), \(k.groesse), \(k.jahr): ist.csv hat für diese "
                              + "Zeile und dieses Jahr kein Ist – ein Sondereffekt wird aus dem Ist herausgerechnet")
            }
        }
        if m.zuschussbedarf == .mitILV, m.kontenrahmen.ilvErtraege == nil || m.kontenrahmen.ilvAufwendungen == nil {
            befund.fehler(md.zuschussbedarfOrt, "zuschussbedarf: mit_ilv braucht im Kontenrahmen \(m.kontenrahmen.id) die Zeilen "
                          + "der internen Leistungsbeziehungen (ilv_ertraege, ilv_aufwendungen)")
        }
        for p in m.produkte where p.basis == .ansatz && !(m.ansatz?.enthaelt(produkt: p.nr) ?? false) {
            befund.fehler(p.ort, "Produkt \(p.nr): basis ansatz, aber ansatz.csv hat keine Zeile für dieses Produkt")
        }
        if istPruefbar {
            for d in Fortschreibungsbasis(m).fehler { befund.diagnostics.append(d) }
        }
    }
}
