/// Amounts per year, Produkt and Größe from a plan-data file: the adopted Ansatz (`ansatz.csv`, one or more
/// years), the Kämmerei's mittelfristige Planung (`planung.csv`) or the Sondereffekte contained in the Ist
/// (`sondereffekte.csv`). Amounts in EUR, Aufwand and Ertrag positive, as in `ist.csv`.
public struct Jahreswerte: Sendable {
    /// Jahr → Produkt → Größe → amount.
    public var werte: [Int: [String: [String: Double]]]
    /// File and line of every value, for messages.
    public var orte: [IstSchluessel: SourceLocation]
    /// The 1-based column of each named column of the file (`jahr`, `produkt`, `groesse`, `wert`), for messages.
    public var spalten: [String: Int] = [:]

    public init(werte: [Int: [String: [String: Double]]] = [:], orte: [IstSchluessel: SourceLocation] = [:]) {
        self.werte = werte
        self.orte = orte
    }

    /// The years present, ascending.
    public var jahre: [Int] { werte.keys.sorted() }
    public func wert(_ jahr: Int, _ produkt: String, _ groesse: String) -> Double? { werte[jahr]?[produkt]?[groesse] }
    /// The lines of a product in a year; nil when the file has no row for it in that year.
    public func produkt(_ jahr: Int, _ produkt: String) -> [String: Double]? { werte[jahr]?[produkt] }
    /// Whether the product has a row in any year.
    public func enthaelt(produkt: String) -> Bool { werte.values.contains { $0[produkt] != nil } }
    /// Every (jahr, produkt, groesse) key, in a fixed order (year, product, line).
    public var schluessel: [IstSchluessel] {
        werte.flatMap { j, ps in
            ps.flatMap { p, gs in gs.keys.map { IstSchluessel(jahr: j, produkt: p, groesse: $0) } }
        }
        .sorted { ($0.jahr, $0.produkt, $0.groesse) < ($1.jahr, $1.produkt, $1.groesse) }
    }

    /// The sum over products per line key in a year (0 where a product has no value), in product order.
    public func zeilen(produkte: [String], jahr: Int, _ keys: [String]) -> [String: Double] {
        var out: [String: Double] = [:]
        for key in keys { out[key] = produkte.reduce(0) { $0 + (wert(jahr, $1, key) ?? 0) } }
        return out
    }
}

extension Planungsmodell {
    /// The plan figures (`ansatz` or `planung`) of a set of products in a year as a full Ergebnisplan column:
    /// Buchungszeilen summed over the products, sum lines by the scheme. nil when no product of the set has a
    /// row in that year (no plan is not a plan of 0).
    public func planspalte(_ w: Jahreswerte?, produkte indizes: [Int], jahr: Int) -> [Double]? {
        planspalte(w, produkte: indizes, jahr: jahr, summenplan: Summen.Plan(kontenrahmen.zeilen))
    }

    /// As `planspalte(_:produkte:jahr:)` with the scheme's sum lines already resolved (for many calls).
    func planspalte(_ w: Jahreswerte?, produkte indizes: [Int], jahr: Int, summenplan: Summen.Plan) -> [Double]? {
        guard let w, let jahrWerte = w.werte[jahr], indizes.contains(where: { jahrWerte[produkte[$0].nr] != nil })
        else {
            return nil
        }
        // Per line: 0 + each product's value in order (0 where it has none) — read from the values a product
        // has, not looked up line by line; one column, flat (`anwenden(flach:n:)` adds as `anwenden`).
        let summe = kontenrahmen.zeilen.map(\.istSumme)
        var ep = [Double](repeating: 0, count: summe.count), teil = ep
        for i in indizes {
            for z in teil.indices { teil[z] = 0 }
            for (key, v) in jahrWerte[produkte[i].nr] ?? [:] {
                for z in summenplan.zeilenJeSchluessel[key] ?? [] { teil[z] = v }
            }
            for z in summe.indices where !summe[z] { ep[z] += teil[z] }
        }
        summenplan.anwenden(flach: &ep, n: 1)
        return ep
    }

    /// Zuschussbedarf of the plan figures of a set of products in a year; nil where `planspalte` is nil.
    public func planZuschuss(_ w: Jahreswerte?, produkte indizes: [Int], jahr: Int) -> Double? {
        planspalte(w, produkte: indizes, jahr: jahr).map { kontenrahmen.zuschussrechnung.jahr($0.map { [$0] }, 0) }
    }

    /// The years of the Planung der Kämmerei within the forecast years, ascending.
    public var planungsjahre: [Int] { (planung?.jahre ?? []).filter { prognosejahre.contains($0) } }
}
