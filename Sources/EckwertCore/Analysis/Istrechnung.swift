/// The Ist (actuals) as a run of years, in the same shape as a forecast, so that aggregation, Kennzahlen and
/// output treat both alike.
public enum Istrechnung {
    public static func rechnen(_ m: Planungsmodell) -> Rechenergebnis { rechnen(m, Isttabelle(m)) }

    /// As `rechnen(_:)` on the model's Ist already in a table.
    static func rechnen(_ m: Planungsmodell, _ ist: Isttabelle) -> Rechenergebnis {
        let jahre = ist.jahre.filter { $0 <= m.basisjahr }
        let n = jahre.count
        let schema = m.kontenrahmen
        var produkte: [Produktergebnis] = []
        let summenplan = Summen.Plan(schema.zeilen), finanzsummenplan = Summen.Plan(schema.finanzplan)
        let finanzIndex = Dictionary(uniqueKeysWithValues: schema.finanzplan.enumerated().map { ($1.key, $0) })
        // The years are the first n of the table's; every line key has a column.
        let spalten = schema.zeilen.map { ist.spalte($0.key) }
        for (i, p) in m.produkte.enumerated() {
            var ep = schema.zeilen.indices.map { z in
                (0..<n).map { j in
                    schema.zeilen[z].istSumme ? 0 : (spalten[z].flatMap { ist.wert(j, i, $0) } ?? 0)
                }
            }
            summenplan.anwenden(&ep)
            var fp = Array(repeating: Array(repeating: 0.0, count: n), count: schema.finanzplan.count)
            Finanzrechnung.ableiten(
                ep: ep, fp: &fp, schema: schema, finanzIndex: finanzIndex, nichtZahlungswirksam: [],
                summenplan: finanzsummenplan)
            var erg = Produktergebnis(nr: p.nr, ergebnisplan: ep, finanzplan: fp)
            let f = jahre.map { ist.wert(m, $0, i, "faelle") }
            if p.fallzahl != nil || f.contains(where: { $0 != nil }) {
                erg.faelle = f.map { $0 ?? 0 }
                if let fk = p.fallkosten {
                    erg.fallkosten = jahre.indices.map { t in
                        guard let fa = f[t], fa != 0 else { return .nan }
                        return (ist.wert(m, jahre[t], i, fk.konto) ?? 0) / fa
                    }
                }
            }
            produkte.append(erg)
        }
        let bev: [Bevoelkerung?] = jahre.map { j in
            j == m.basisjahr ? m.bevoelkerung : m.bevoelkerungHistorie?.jahre[j]
        }
        return Rechenergebnis(szenario: "ist", jahre: jahre, bevoelkerung: bev, produkte: produkte, warnungen: [])
    }
}
