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
        quoteTrend = m.produkte.map { s.produkte[$0.nr]?.quoteTrend ?? 0 }
        erstattungAnteil = m.produkte.map { s.produkte[$0.nr]?.erstattungAnteil ?? $0.erstattung?.anteil }
        fallkostenTrend = m.produkte.map { s.produkte[$0.nr]?.fallkostenTrend ?? 0 }
        massnahmen = Set(s.massnahmen)
    }
}
