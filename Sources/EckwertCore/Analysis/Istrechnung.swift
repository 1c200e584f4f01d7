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
        let summenplan = Summen.Plan(schema.zeilen)
        let finanzIndex = Dictionary(uniqueKeysWithValues: schema.finanzplan.enumerated().map { ($1.key, $0) })
        let finanzrechnung = Finanzrechnung.Plan(schema, finanzIndex: finanzIndex)
        // The years are the first n of the table's; every line key has a column (nil for sum lines: 0).
        let spalten = schema.zeilen.map { $0.istSumme ? nil : ist.spalte($0.key) }
        let L = spalten.count, F = schema.finanzplan.count
        let spalteFaelle = ist.spalte("faelle")
        // One row of zeros for every zero line (see `Produktergebnis.zeilen`).
        let null = [Double](repeating: 0, count: n)
        produkte.reserveCapacity(m.produkte.count)
        // Both plans flat and line-major (`[zeile · n + t]`) while they are computed: two work rows, set to zero
        // for each product instead of allocated for each.
        var ep = [Double](repeating: 0, count: L * n), fp = [Double](repeating: 0, count: F * n)
        // Each product's fields read in place (a whole `Produkt` is not copied).
        for i in m.produkte.indices {
            ep.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            fp.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            // Written through the buffer: the array's uniqueness is not checked again for each of the L · n values.
            ep.withUnsafeMutableBufferPointer { ep in
                for z in 0..<L {
                    guard let s = spalten[z] else { continue }
                    for j in 0..<n { ep[z * n + j] = ist.wert(j, i, s) ?? 0 }
                }
            }
            summenplan.anwenden(flach: &ep, n: n)
            finanzrechnung.ableiten(ep: ep, fp: &fp, n: n, sonderposten: nil)
            var erg = Produktergebnis(
                nr: m.produkte[i].nr, ergebnisplan: Produktergebnis.zeilen(ep, anzahl: L, n: n, null: null),
                finanzplan: Produktergebnis.zeilen(fp, anzahl: F, n: n, null: null))
            let f = jahre.indices.map { j in
                spalteFaelle.map { ist.wert(j, i, $0) } ?? ist.wert(m, jahre[j], i, "faelle")
            }
            if m.produkte[i].fallzahl != nil || f.contains(where: { $0 != nil }) {
                erg.faelle = f.map { $0 ?? 0 }
                if let fk = m.produkte[i].fallkosten {
                    let spalte = ist.spalte(fk.konto)
                    erg.fallkosten = jahre.indices.map { t in
                        guard let fa = f[t], fa != 0 else { return .nan }
                        let a = spalte.map { ist.wert(t, i, $0) } ?? ist.wert(m, jahre[t], i, fk.konto)
                        return (a ?? 0) / fa
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
