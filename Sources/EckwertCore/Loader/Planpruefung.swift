/// Checks of the plan data (modellformat.md section 15): `ansatz.csv` years, `planung.csv`, `sondereffekte.csv`, the
/// trend
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
        let sortiert = m.ist.werte.sorted {
            ($0.key.jahr, $0.key.produkt, $0.key.groesse) < ($1.key.jahr, $1.key.produkt, $1.key.groesse)
        }
        for (k, v) in sortiert {
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

    typealias Regel = Modellpruefung.Regel

    /// Each row of a plan-data file names a product of the model and a Buchungszeile (`faelle` only in the Ansatz);
    /// `jahrPruefen` checks the row's year.
    static func zeilen(
        _ k: Modellpruefung.Kontext, _ w: Jahreswerte?, _ quelle: String, faelleErlaubt: Bool,
        _ jahrPruefen: (IstSchluessel, SourceLocation) -> Void
    ) {
        guard let w else { return }
        let nrn = k.produkte.nrn
        let alt = Set(k.m.produkte.flatMap(\.vorgaenger))
        var gemeldet = Set<String>()
        for s in w.schluessel {
            let ort = w.orte[s] ?? SourceLocation(file: k.dateiname(quelle))
            if !nrn.contains(s.produkt), gemeldet.insert("p" + s.produkt).inserted {
                var text = "Produkt '\(s.produkt)' gibt es in modell.yaml nicht"
                if alt.contains(s.produkt) { text += " (es ist ein vorgaenger – bitte die neue Nummer verwenden)" }
                if let h = Aehnlichkeit.vorschlag(s.produkt, aus: nrn.sorted()) { text += " – meinten Sie '\(h)'?" }
                k.befund.fehler(ort, text)
            }
            let erlaubt = k.m.kontenrahmen.istBuchungszeile(s.groesse) || (faelleErlaubt && s.groesse == "faelle")
            if !erlaubt, gemeldet.insert("g" + s.groesse).inserted {
                var spalte = ort
                if spalte.line != nil { spalte.column = w.spalten["groesse"] ?? ort.column }
                let wo =
                    quelle == "ansatz" ? "im Ansatz" : quelle == "planung" ? "in der Planung" : "in den Sondereffekten"
                k.befund.fehler(
                    spalte,
                    Modellpruefung.groesseUnbekannt(
                        s.groesse, k.m.kontenrahmen, wo,
                        faelle: faelleErlaubt))
            }
            jahrPruefen(s, ort)
        }
    }

    /// `ansatz.csv`: products, lines, and every year within Basisjahr + 1 … Horizont.
    static let ansatz: Regel = { k in
        let m = k.m, B = m.basisjahr
        guard k.md.basisjahrGueltig else { return }
        zeilen(k, m.ansatz, "ansatz", faelleErlaubt: true) { s, ort in
            if !(B + 1...m.horizont).contains(s.jahr) {
                k.befund.fehler(
                    ort,
                    "Ansatz für das Jahr \(s.jahr): ein Ansatz gilt für ein Planjahr \(B + 1)…\(m.horizont) "
                        + "(Basisjahr \(B) + 1 bis Horizont)")
            }
        }
        for p in m.produkte where p.basis == .ansatz && !(m.ansatz?.enthaelt(produkt: p.nr) ?? false) {
            k.befund.fehler(
                p.ort, "Produkt \(p.nr): basis ansatz, aber \(k.dateiname("ansatz")) hat keine Zeile für dieses Produkt"
            )
        }
    }

    /// `planung.csv`: products and lines; a year outside the forecast years is not shown (a warning).
    static let planung: Regel = { k in
        let m = k.m, B = m.basisjahr
        guard k.md.basisjahrGueltig else { return }
        var gemeldet = Set<Int>()
        zeilen(k, m.planung, "planung", faelleErlaubt: false) { s, ort in
            if !(B + 1...m.horizont).contains(s.jahr), gemeldet.insert(s.jahr).inserted {
                k.befund.warnung(
                    ort,
                    "Planung für das Jahr \(s.jahr) liegt außerhalb der Prognosejahre \(B + 1)…\(m.horizont) "
                        + "und wird nicht gezeigt")
            }
        }
    }

    /// `sondereffekte.csv`: a Sondereffekt lies in an Ist year and on a line that has an Ist in that year.
    static let sondereffekte: Regel = { k in
        let m = k.m, B = m.basisjahr
        guard k.istPruefbar else { return }
        zeilen(k, m.sondereffekte, "sondereffekte", faelleErlaubt: false) { s, ort in
            if s.jahr > B {
                k.befund.fehler(
                    ort,
                    "Sondereffekt im Jahr \(s.jahr): Sondereffekte sind im Ist enthalten, also bis zum Basisjahr \(B)")
            } else if k.produkte.nrn.contains(s.produkt), m.kontenrahmen.istBuchungszeile(s.groesse),
                m.ist.wert(s.jahr, s.produkt, s.groesse) == nil
            {
                k.befund.fehler(
                    ort,
                    "Sondereffekt für Produkt \(s.produkt), \(s.groesse), \(s.jahr): \(k.dateiname("ist")) hat für "
                        + "diese Zeile und dieses Jahr kein Ist – ein Sondereffekt wird aus dem Ist herausgerechnet")
            }
        }
    }

    /// modell.yaml: predecessors are former numbers, `mit_ilv` needs the scheme's ILV lines, every trend has two
    /// positive Ist years.
    static let basis: Regel = { k in
        let m = k.m
        for p in m.produkte {
            for v in p.vorgaenger where k.produkte.nrn.contains(v) {
                k.befund.fehler(
                    p.ort,
                    "Produkt \(p.nr): vorgaenger '\(v)' ist selbst ein Produkt des Modells – ein "
                        + "Vorgänger ist eine frühere Nummer, die es nicht mehr gibt")
            }
        }
        if m.zuschussbedarf == .mitILV, m.kontenrahmen.ilvErtraege == nil || m.kontenrahmen.ilvAufwendungen == nil {
            k.befund.fehler(
                k.md.zuschussbedarfOrt,
                "zuschussbedarf: mit_ilv braucht im Kontenrahmen \(m.kontenrahmen.id) die "
                    + "Zeilen der internen Leistungsbeziehungen (ilv_ertraege, ilv_aufwendungen)")
        }
        if k.istPruefbar { k.befund.diagnostics.append(contentsOf: trendfehler(m)) }
    }

    /// The errors of `Fortschreibungsbasis(m).fehler`, in the same order, without building the base the
    /// projection builds: only the lines forecast by `trend` are measured.
    static func trendfehler(_ m: Planungsmodell) -> [Diagnostic] {
        let B = m.basisjahr
        let zeilen = m.kontenrahmen.zeilen.filter { !$0.istSumme }
        let standard = zeilen.map { Fortschreibungsart($0.fortschreibung) }
        var fehler: [Diagnostic] = []
        for p in m.produkte {
            for (z, zeile) in zeilen.enumerated() where (p.fortschreibung[zeile.key] ?? standard[z]) == .trend {
                let key = zeile.key
                let r = Fortschreibungsbasis.trend(p, key, basisjahr: B) { j in
                    m.ist.wert(j, p.nr, key).map { $0 - (m.sondereffekte?.wert(j, p.nr, key) ?? 0) }
                }
                if case .failure(let f) = r { fehler.append(f.diagnostic) }
            }
        }
        return fehler
    }
}
