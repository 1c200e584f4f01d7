/// Small-area arithmetic of the Sozialräume: smoothed rates and the calibrated forecast, the Sozialindex and
/// the indicator-based allocation. Pure functions on plain values; the engine and the reports call them.
public enum Kleinraum {
    /// Smoothed rates of one product in the Basisjahr.
    public struct Raten: Sendable, Hashable {
        /// The city rate r = F_B / R_B.
        public var stadtquote: Double
        /// Σ f_g / Σ E_g.
        public var m: Double
        /// The between-area variance of Marshall's estimator (nil unless `auto`).
        public var sigma2: Double?
        /// The smoothing strength used, in persons; nil = complete pooling (every Sozialraum gets the city rate).
        public var k: Double?
        /// r̃_g per Sozialraum, in the order given.
        public var geglaettet: [Double]
        /// c = F_B / Σ r̃_g · R_g(B): the factor that reproduces the city's Basisjahr cases.
        public var c: Double
        /// c · r̃_g: the forecast weight per person of Sozialraum g (F_g(t) = gewicht_g · R_g(t) · trend · measures).
        public var gewichte: [Double] { geglaettet.map { c * $0 } }
        public var vollstaendigGepoolt: Bool { k == nil }
    }

    /// Smoothed small-area rates (spec section 13): `f` cases and `R` reference population per Sozialraum in
    /// the Basisjahr, `F_B` the city's cases, `R_B` the city's reference population.
    ///
    /// `auto`: Marshall's global moment estimator `s² = Σ E_g (θ_g − m)² / Σ E_g`, `σ² = s² − m / Ē`,
    /// `k = m / (σ² · r)`; where σ² ≤ 0 every Sozialraum gets the city rate. A Sozialraum with R_g + k = 0 (no
    /// reference population and no smoothing) gets the city rate too: it has no rate of its own.
    public static func raten(
        f: [Double], R: [Double], faelleStadt F_B: Double, bezugStadt R_B: Double,
        glaettung: Glaettung
    ) -> Raten {
        let G = f.count
        let r = R_B > 0 ? F_B / R_B : 0
        let E = R.map { r * $0 }
        let sE = E.reduce(0, +), sf = f.reduce(0, +)
        let m = sE > 0 ? sf / sE : 0
        var k: Double?
        var sigma2: Double?
        switch glaettung {
        case .staerke(let gegeben):
            k = gegeben
        case .auto:
            if sE > 0, G > 0 {
                var s2 = 0.0
                for g in 0..<G where E[g] > 0 {
                    let theta = f[g] / E[g]
                    s2 += E[g] * (theta - m) * (theta - m)
                }
                s2 /= sE
                let eQuer = sE / Double(G)
                let s = s2 - m / eQuer
                sigma2 = s
                k = s > 0 && r > 0 ? m / (s * r) : nil
            }
        }
        var glatt: [Double] = []
        for g in 0..<G {
            if let k, R[g] + k > 0 { glatt.append((f[g] + k * r) / (R[g] + k)) } else { glatt.append(r) }
        }
        var nenner = 0.0
        for g in 0..<G { nenner += glatt[g] * R[g] }
        let c = nenner > 0 ? F_B / nenner : 0
        return Raten(stadtquote: r, m: m, sigma2: sigma2, k: k, geglaettet: glatt, c: c)
    }

    // MARK: - Sozialindex

    /// One indicator's contribution: its values per Sozialraum, weight and sign.
    public struct Indexeingabe: Sendable {
        public var werte: [Double]
        public var gewicht: Double
        /// +1 belastend, −1 entlastend.
        public var vorzeichen: Double
        public init(werte: [Double], gewicht: Double, vorzeichen: Double) {
            self.werte = werte; self.gewicht = gewicht; self.vorzeichen = vorzeichen
        }
    }

    /// `index_g = Σ gewicht_i · sign_i · z_ig / Σ gewicht_i` with `z_ig = (x_ig − mean_i) / sd_i` (plain mean,
    /// standard deviation with divisor G). An indicator with sd = 0 says nothing about differences: its z is 0.
    public static func sozialindex(_ eingaben: [Indexeingabe]) -> [Double] {
        guard let G = eingaben.first?.werte.count, G > 0 else { return [] }
        var index = [Double](repeating: 0, count: G)
        var summeGewichte = 0.0
        for e in eingaben where e.werte.count == G {
            let mean = e.werte.reduce(0, +) / Double(G)
            let varianz = e.werte.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(G)
            let sd = varianz.squareRoot()
            summeGewichte += e.gewicht
            guard sd > 0 else { continue }
            for g in 0..<G { index[g] += e.gewicht * e.vorzeichen * (e.werte[g] - mean) / sd }
        }
        guard summeGewichte > 0 else { return index.map { _ in 0 } }
        return index.map { $0 / summeGewichte }
    }

    /// Ranks 1 … G by index, 1 = most burdened (ties: the first in the given order ranks higher).
    public static func rang(_ index: [Double]) -> [Int] {
        let ordnung = index.indices.sorted { index[$0] > index[$1] || (index[$0] == index[$1] && $0 < $1) }
        var r = [Int](repeating: 0, count: index.count)
        for (platz, g) in ordnung.enumerated() { r[g] = platz + 1 }
        return r
    }

    // MARK: - Allocation

    /// The allocation rule: `gewicht_g = R_g · max(0, 1 + α · index_g)`. A Sozialraum one standard unit above
    /// the average burden gets (1 + α) times the amount per person of an average one; the floor at 0 keeps
    /// shares non-negative for very unburdened areas when α is large.
    public static func verteilungsgewichte(bezug R: [Double], index: [Double], staerke alpha: Double) -> [Double] {
        zip(R, index).map { max(0, $0) * max(0, 1 + alpha * $1) }
    }

    /// Shares a whole amount of `einheiten` (e.g. euros) in proportion to `gewichte` by the largest-remainder
    /// (Hare–Niemeyer) method: each gets the whole part of its quota, the rest goes one unit each to the largest
    /// remainders (ties: the first in order). The parts add up to the amount exactly. All weights 0: equal quotas.
    public static func groessterRest(_ einheiten: Int, gewichte: [Double]) -> [Int] {
        let n = gewichte.count
        guard n > 0 else { return [] }
        guard einheiten > 0 else { return [Int](repeating: 0, count: n) }
        let w = gewichte.map { $0.isFinite ? max(0, $0) : 0 }
        let summe = w.reduce(0, +)
        let quoten = summe > 0 ? w.map { Double(einheiten) * $0 / summe } : w.map { _ in Double(einheiten) / Double(n) }
        var teile = quoten.map { Int($0.rounded(.down)) }
        var rest = einheiten - teile.reduce(0, +)
        let ordnung = quoten.indices.sorted {
            let a = quoten[$0] - Double(teile[$0]), b = quoten[$1] - Double(teile[$1])
            return a > b || (a == b && $0 < $1)
        }
        var i = 0
        while rest > 0 {
            teile[ordnung[i % n]] += 1
            rest -= 1
            i += 1
        }
        while rest < 0 {  // only if floating point put a quota's floor above its share: take back from the last
            let j = ordnung[(n - 1) - (i % n)]
            if teile[j] > 0 { teile[j] -= 1; rest += 1 }
            i += 1
        }
        return teile
    }
}

// MARK: - On a model

extension Kleinraum {
    /// The model's Sozialindex per Sozialraum (order of bevoelkerung.csv), nil without `sozialindex:`.
    public static func sozialindex(_ m: Planungsmodell) -> [Double]? {
        let s = m.sozialraum
        guard let si = s.sozialindex else { return nil }
        let eingaben = si.indikatoren.compactMap { x -> Indexeingabe? in
            guard let ind = s.indikatoren.first(where: { $0.id == x.id }) else { return nil }
            return Indexeingabe(
                werte: m.bevoelkerung.gebiete.map { s.indikator(si.jahr, $0, x.id) ?? 0 },
                gewicht: x.gewicht, vorzeichen: ind.richtung == .belastend ? 1 : -1)
        }
        return sozialindex(eingaben)
    }

    /// One allocation of `verteilungen:` worked out.
    public struct Verteilungsergebnis: Sendable {
        public var verteilung: Verteilung
        /// Per Sozialraum (order of bevoelkerung.csv): reference population, index, weight, share, euros.
        public var bezug: [Double]
        public var index: [Double]
        public var gewichte: [Double]
        public var euro: [Int]
        public var anteile: [Double] {
            let s = gewichte.reduce(0, +)
            return gewichte.map { s > 0 ? $0 / s : 0 }
        }
    }

    /// Every allocation of the model: reference population of the Basisjahr, the Sozialindex, whole euros.
    public static func verteilungen(_ m: Planungsmodell) -> [Verteilungsergebnis] {
        guard let index = sozialindex(m) else { return [] }
        return m.sozialraum.verteilungen.map { v in
            let R = m.bevoelkerung.gebiete.map { g -> Double in
                var b = v.bezug
                b.gebiet = g
                return m.bevoelkerung.summe(b)
            }
            let w = verteilungsgewichte(bezug: R, index: index, staerke: v.staerke)
            let euro = groessterRest(Int(v.betrag.rounded()), gewichte: w)
            return Verteilungsergebnis(verteilung: v, bezug: R, index: index, gewichte: w, euro: euro)
        }
    }
}
