/// Capacity planning: for a remaining gap between demand and places, the places missing and
/// an indicative investment to close it, with its yearly Folgekosten.
public struct Kapazitaetsbedarf: Sendable {
    public var produkt: String
    public var szenario: String
    /// nil = the whole city (places not given per Sozialraum).
    public var gebiet: String?
    public var ersteLuecke: Int
    /// The largest gap over the forecast years and its year: the places an investment must add.
    public var fehlendePlaetze: Double
    public var jahrGroessteLuecke: Int
    /// Gap per forecast year (B+1 … H).
    public var luecke: [Double]
    public var kostenJePlatz: Double
    public var investition: Double { (fehlendePlaetze.rounded(.up)) * kostenJePlatz }
    public var folgekostenJePlatz: Double?
    public var folgekostenJaehrlich: Double? { folgekostenJePlatz.map { fehlendePlaetze.rounded(.up) * $0 } }
}

public enum Kapazitaetsplanung {
    /// Indicative cost per place: the product's `kosten_je_platz`, else the model's `platzkosten.neubau`
    /// (DJI 2017: 36.000 € new build; an extension at 18.000 € is shown beside it in the reports).
    public static func bedarfe(_ m: Planungsmodell, _ laeufe: [Rechenergebnis]) -> [Kapazitaetsbedarf] {
        var out: [Kapazitaetsbedarf] = []
        for l in laeufe {
            for (i, p) in m.produkte.enumerated() {
                guard let kap = p.kapazitaet, let k = l.produkte[i].kapazitaet else { continue }
                let preis = kap.kostenJePlatz ?? m.platzkosten.neubau
                let reihen: [(String?, [Double])] =
                    k.gebiete.isEmpty ? [(nil, k.luecke)] : k.gebiete.map { ($0.gebiet, $0.luecke) }
                for (gebiet, luecke) in reihen {
                    let prognose = Array(luecke.dropFirst())
                    guard let erst = prognose.firstIndex(where: { $0 > 0.5 }), let maxL = prognose.max() else {
                        continue
                    }
                    let jahrMax = prognose.firstIndex(of: maxL) ?? erst
                    out.append(
                        Kapazitaetsbedarf(
                            produkt: p.nr, szenario: l.szenario, gebiet: gebiet,
                            ersteLuecke: m.basisjahr + 1 + erst, fehlendePlaetze: maxL,
                            jahrGroessteLuecke: m.basisjahr + 1 + jahrMax, luecke: prognose,
                            kostenJePlatz: preis, folgekostenJePlatz: kap.folgekostenJePlatz))
                }
            }
        }
        return out
    }
}

/// Haushaltsausgleich: is the ordentliches Ergebnis of the whole budget balanced?
public struct Haushaltsausgleich: Sendable {
    public var szenario: String
    /// Forecast years B+1 … H.
    public var jahre: [Int]
    /// The scheme's balance line (NKF: ordentliches Ergebnis) of the Gesamthaushalt, plus the model's
    /// allgemeine Deckungsmittel where given.
    public var ergebnis: [Double]
    public var deckungsmittel: [Double]
    public var saldo: [Double] { zip(ergebnis, deckungsmittel).map { $0 + $1 } }
    public var ausgeglichen: [Bool] { saldo.map { $0 >= -0.005 } }
    /// Fehlbetrag (positive) where not balanced, else 0.
    public var fehlbetrag: [Double] { saldo.map { max(0, -$0) } }

    public static func rechnen(_ m: Planungsmodell, _ l: Rechenergebnis) -> Haushaltsausgleich {
        let e = Teilplan.zeile(l, Array(m.produkte.indices), m.kontenrahmen.ausgleich, m.kontenrahmen) ?? []
        let jahre = Array((m.basisjahr + 1)...m.horizont)
        return Haushaltsausgleich(
            szenario: l.szenario, jahre: jahre, ergebnis: Array(e.dropFirst()),
            deckungsmittel: jahre.map { m.deckungsmittel?.wert($0) ?? 0 })
    }
}
