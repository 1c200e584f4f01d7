/// The Ist (actuals) as a run of years, in the same shape as a forecast, so that aggregation, Kennzahlen and
/// output treat both alike.
public enum Istrechnung {
    public static func rechnen(_ m: Planungsmodell) -> Rechenergebnis {
        let jahre = m.ist.jahre.filter { $0 <= m.basisjahr }
        let n = jahre.count
        let schema = m.kontenrahmen
        var produkte: [Produktergebnis] = []
        let summenplan = Summen.Plan(schema.zeilen), finanzsummenplan = Summen.Plan(schema.finanzplan)
        let finanzIndex = Dictionary(uniqueKeysWithValues: schema.finanzplan.enumerated().map { ($1.key, $0) })
        for p in m.produkte {
            var ep = schema.zeilen.map { z in jahre.map { z.istSumme ? 0 : (m.ist.wert($0, p.nr, z.key) ?? 0) } }
            summenplan.anwenden(&ep)
            var fp = Array(repeating: Array(repeating: 0.0, count: n), count: schema.finanzplan.count)
            Finanzrechnung.ableiten(
                ep: ep, fp: &fp, schema: schema, finanzIndex: finanzIndex, nichtZahlungswirksam: [],
                summenplan: finanzsummenplan)
            var erg = Produktergebnis(nr: p.nr, ergebnisplan: ep, finanzplan: fp)
            let f = jahre.map { m.ist.wert($0, p.nr, "faelle") }
            if p.fallzahl != nil || f.contains(where: { $0 != nil }) {
                erg.faelle = f.map { $0 ?? 0 }
                if let fk = p.fallkosten {
                    erg.fallkosten = jahre.indices.map { t in
                        guard let fa = f[t], fa != 0 else { return .nan }
                        return (m.ist.wert(jahre[t], p.nr, fk.konto) ?? 0) / fa
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
