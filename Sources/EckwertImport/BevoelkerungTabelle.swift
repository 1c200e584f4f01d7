import EckwertCore
import Foundation

/// The counts of a statistics table: per (year, Ortsteil, sex) the persons per age group.
struct Tabellenwerte {
    var kodierung: String
    var werte: [BevoelkerungImport.Schluessel: [Altersspanne: Int]] = [:]
    var ersteZeile: [BevoelkerungImport.Schluessel: Int] = [:]
    var uebersprungen = 0
}

extension BevoelkerungImport {
    /// Reads the table by its mapping; every unreadable cell, unknown Ortsteil and doubled cell is an error
    /// with line and column (a population with a hole would give wrong totals).
    static func lesen(
        _ bytes: [UInt8], datei: String, _ z: BevoelkerungZuordnung
    )
        -> Result<Tabellenwerte, ModelError>
    {
        let spalten = z.spalten.map { (rolle: $0.key, name: $0.value) } + z.werte.map { ("werte", $0.spalte) }
        let it: Importtabelle
        switch Importtabelle.lesen(bytes, datei: datei, kodierung: z.kodierung, spalten: spalten) {
        case .failure(let e): return .failure(e)
        case .success(let w): it = w
        }
        let t = it.tabelle, idx = it.spalte
        var d: [Diagnostic] = []
        var w = Tabellenwerte(kodierung: it.kodierung.beschreibung)
        func zelle(_ r: CSVZeile, _ rolle: String) -> (String, Int)? {
            guard let n = z.spalten[rolle], let i = idx[n] else { return nil }
            return (r.fields[i].getrimmt, i)
        }
        for r in t.rows {
            let gebiet = zelle(r, "gebiet")
            let alterZelle = zelle(r, "alter")
            if let (g, _) = gebiet, z.ueberspringen.contains(g.lowercased()) { w.uebersprungen += 1; continue }
            if let (a, _) = alterZelle, z.ueberspringen.contains(a.lowercased()) { w.uebersprungen += 1; continue }
            var jahr = z.jahr
            if let (jt, ji) = zelle(r, "jahr") {
                jahr = Int(jt)
                if jahr == nil { d.append(.error(t.ort(r, spalte: ji), "Jahr '\(jt)' ist kein Jahr")) }
            }
            guard let (ortsteil, oi) = gebiet, let jahr else { continue }
            if ortsteil.isEmpty { d.append(.error(t.ort(r, spalte: oi), "kein Ortsteil")); continue }
            if !z.sozialraeume.isEmpty && z.sozialraeume[ortsteil] == nil {
                d.append(
                    .error(
                        t.ort(r, spalte: oi),
                        "Ortsteil '\(ortsteil)' steht nicht unter sozialraeume in der "
                            + "Zuordnung – welchem Sozialraum gehört er an?"))
                continue
            }
            var zeilenAlter: Altersspanne?
            if let (at, ai) = alterZelle {
                zeilenAlter = z.altersgruppen[at.lowercased()] ?? Altersspanne.lesen(at)
                if zeilenAlter == nil {
                    d.append(
                        .error(
                            t.ort(r, spalte: ai),
                            "Altersgruppe '\(at)' nicht lesbar – erwartet z. B. 5, 0-2, "
                                + "85+ oder ein Eintrag unter altersgruppen in der Zuordnung"))
                    continue
                }
            }
            var zeilenGeschlecht: Geschlecht?
            if let (gt, gi) = zelle(r, "geschlecht") {
                zeilenGeschlecht = z.geschlechter[gt.lowercased()]
                if zeilenGeschlecht == nil {
                    d.append(
                        .error(
                            t.ort(r, spalte: gi),
                            "Geschlecht '\(gt)' unbekannt – bekannt: "
                                + z.geschlechter.keys.sorted().joined(separator: ", ")))
                    continue
                }
            }
            let spalten: [(Int, Altersspanne?, Geschlecht?)] =
                z.werte.isEmpty
                ? [(idx[z.spalten["anzahl"] ?? ""] ?? 0, nil, nil)]
                : z.werte.map { (idx[$0.spalte] ?? 0, $0.alter, $0.geschlecht) }
            for (i, a, g) in spalten {
                guard let alter = a ?? zeilenAlter, let geschlecht = g ?? zeilenGeschlecht else { continue }
                let n: Int
                switch ImportZahl.anzahl(r.fields[i], z.zahlenformat) {
                case .failure(.leer): n = 0
                case .failure(let f):
                    d.append(.error(t.ort(r, spalte: i), "Anzahl '\(r.fields[i])' nicht lesbar: \(f.text)"))
                    continue
                case .success(let x): n = x
                }
                let k = Schluessel(jahr: jahr, ortsteil: ortsteil, geschlecht: geschlecht)
                if w.werte[k]?[alter] != nil {
                    d.append(
                        .error(
                            t.ort(r, spalte: i),
                            "Jahr \(jahr), Ortsteil \(ortsteil), \(geschlecht.rawValue), "
                                + "Alter \(alter) steht doppelt in der Tabelle"))
                    continue
                }
                w.werte[k, default: [:]][alter] = n
                if w.ersteZeile[k] == nil { w.ersteZeile[k] = r.line }
            }
        }
        if d.count > 200 {
            let n = d.count
            d = Array(d.prefix(200)) + [.error(SourceLocation(file: datei), "… und \(n - 200) weitere Fehler")]
        }
        if !d.isEmpty { return .failure(ModelError(d)) }
        if w.werte.isEmpty { return .failure(ModelError([.error(SourceLocation(file: datei), "keine Daten gelesen")])) }
        return .success(w)
    }
}
