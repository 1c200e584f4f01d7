/// The numeric assumptions of one run, resolved per year: a scenario's, or one Monte-Carlo draw's.
public struct Rechenannahmen: Sendable {
    public var bevoelkerung: Szenario.Bevoelkerungsannahmen
    /// Wage and price growth per year index (index 0 = Basisjahr, unused).
    public var tarif: [Double]
    public var sachkosten: [Double]
    /// Per product index.
    public var quoteTrend: [Double]
    public var erstattungAnteil: [Double?]
    public var fallkostenTrend: [Double]
    /// Ids of the active measures.
    public var massnahmen: Set<String>

    public init(modell m: Planungsmodell, szenario s: Szenario) {
        bevoelkerung = s.bevoelkerung
        let jahre = m.basisjahr...m.horizont
        tarif = jahre.map { s.preise.tarif.wert($0) }
        sachkosten = jahre.map { s.preise.sachkosten.wert($0) }
        // One pass by index: reading a product's fields in place instead of copying each product three times.
        let anzahl = m.produkte.count
        var quoteTrend = [Double](repeating: 0, count: anzahl), fallkostenTrend = quoteTrend
        var erstattungAnteil = [Double?](repeating: nil, count: anzahl)
        if s.produkte.isEmpty {
            for i in 0..<anzahl { erstattungAnteil[i] = m.produkte[i].erstattung?.anteil }
        } else {
            for i in 0..<anzahl {
                let eigene = s.produkte[m.produkte[i].nr]
                quoteTrend[i] = eigene?.quoteTrend ?? 0
                erstattungAnteil[i] = eigene?.erstattungAnteil ?? m.produkte[i].erstattung?.anteil
                fallkostenTrend[i] = eigene?.fallkostenTrend ?? 0
            }
        }
        self.quoteTrend = quoteTrend
        self.erstattungAnteil = erstattungAnteil
        self.fallkostenTrend = fallkostenTrend
        massnahmen = Set(s.massnahmen)
    }
}
