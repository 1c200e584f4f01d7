import EckwertCore

/// A plain-text table with aligned columns (first column left, the others right).
public struct Texttabelle {
    public var kopf: [String]
    public var zeilen: [[String]]
    public init(kopf: [String], zeilen: [[String]] = []) { self.kopf = kopf; self.zeilen = zeilen }

    public var text: String {
        let alle = [kopf] + zeilen
        let spalten = alle.map(\.count).max() ?? 0
        var breite = Array(repeating: 0, count: spalten)
        for z in alle { for (i, c) in z.enumerated() { breite[i] = max(breite[i], c.count) } }
        func zeile(_ z: [String]) -> String {
            z.enumerated().map { i, c in
                let pad = String(repeating: " ", count: max(0, breite[i] - c.count))
                return i == 0 ? c + pad : pad + c
            }.joined(separator: "  ")
        }
        var s = zeile(kopf) + "\n"
        s += breite.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for z in zeilen { s += zeile(z) + "\n" }
        return s
    }
}

/// Terminal views of runs.
public enum Terminaltabellen {
    /// The Ist Ergebnisplan of every unit (lines that are zero in every year left out) and the Kennzahlen.
    public static func ist(_ m: Planungsmodell, _ e: Rechenergebnis) -> String {
        var s = "Ist – \(m.kommune), Beträge in Euro\n\n"
        let k = m.kontenrahmen
        for einheit in m.einheiten {
            let plan = Teilplan(e, einheit.produkte, modell: m)
            s += "\(einheit.ebene.bezeichnung) \(einheit.nr.isEmpty ? "" : einheit.nr + " ")– \(einheit.name)\n"
            var t = Texttabelle(kopf: ["Nr  Zeile"] + e.jahre.map(String.init))
            for (z, zeile) in k.zeilen.enumerated() {
                let werte = plan.ergebnisplan[z]
                if !zeile.istSumme, werte.allSatisfy({ $0 == 0 }) { continue }
                let name = (zeile.istSumme ? "= " : "") + zeile.name
                t.zeilen.append([String(format2(zeile.nr)) + "  " + name] + werte.map { Zahlformat.zahl($0) })
            }
            if let f = plan.faelle {
                t.zeilen.append(["    Fälle (Jahresdurchschnitt)"] + f.map { Zahlformat.zahl($0) })
            }
            s += t.text + "\n"
        }
        let kz = Kennzahlrechnung.werte(m, e)
        if !m.kennzahlen.isEmpty {
            s += "Kennzahlen (Ist)\n"
            var t = Texttabelle(kopf: ["Kennzahl", "Einheit"] + e.jahre.map(String.init))
            for kennzahl in m.kennzahlen {
                t.zeilen.append(
                    ["\(kennzahl.id) \(kennzahl.name)", kennzahl.einheit ?? ""]
                        + (kz[kennzahl.id] ?? []).map { Zahlformat.zahl($0, stellen: 2) })
            }
            s += t.text
        }
        return s
    }

    static func format2(_ n: String) -> String { n.count < 2 ? " " + n : n }
}
