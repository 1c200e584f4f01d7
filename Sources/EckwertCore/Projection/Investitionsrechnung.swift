/// Investments (modellformat.md section 7): Auszahlungen, Fördermittel, Eigenanteil, straight-line AfA and the parallel
/// Auflösung of the Sonderposten from Inbetriebnahme (pro rata by month), Folgekosten growing with prices.
public enum Investitionsrechnung {
    /// The flows of one investment per year index (index 0 = Basisjahr).
    public struct Buchung: Sendable {
        public var auszahlungen: [Double]
        public var foerdermittel: [Double]
        public var abschreibungen: [Double]
        public var sonderposten: [Double]
        public var folgekosten: [Double]
        /// Σ Auszahlungen, Σ Fördermittel, Σ − Fördermittel (all years given).
        public var summeAuszahlungen: Double
        public var summeFoerdermittel: Double
        public var eigenanteil: Double { summeAuszahlungen - summeFoerdermittel }
        /// Yearly AfA and Auflösung for a full year.
        public var afaJahr: Double
        public var aufloesungJahr: Double
    }

    /// Share of year `jahr` in which an asset put into service at (jahr0, monat0) is in use, over `nutzungsdauer`
    /// years: months in service within that calendar year / 12.
    public static func anteil(jahr: Int, beginnJahr: Int, beginnMonat: Int, nutzungsdauer: Int) -> Double {
        let start = beginnJahr * 12 + (beginnMonat - 1)
        let ende = start + nutzungsdauer * 12
        let a = max(start, jahr * 12), b = min(ende, jahr * 12 + 12)
        return b > a ? Double(b - a) / 12 : 0
    }

    public static func buchung(_ inv: Investition, basisjahr B: Int, n: Int, sachkosten: [Double]) -> Buchung {
        let quote = inv.foerderung?.quote ?? 0
        var aus = [Double](repeating: 0, count: n), foe = aus, afa = aus, sop = aus, folge = aus
        for (j, betrag) in inv.auszahlungen where j >= B && j - B < n {
            aus[j - B] = betrag
            foe[j - B] = betrag * quote
        }
        // In year order: a Dictionary's order changes from process to process, and so would the rounding.
        let summe = inv.auszahlungen.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
        let foerder = inv.auszahlungen.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value * quote }
        let nd = max(1, inv.nutzungsdauer)
        let afaJahr = summe / Double(nd), aufl = foerder / Double(nd)
        var fk = 0.0  // Inbetriebnahme is never before B (the loader checks it follows the first Auszahlung ≥ B)
        for t in 0..<n {
            let jahr = B + t
            let f = anteil(
                jahr: jahr, beginnJahr: inv.inbetriebnahmeJahr, beginnMonat: inv.inbetriebnahmeMonat,
                nutzungsdauer: nd)
            afa[t] = afaJahr * f
            sop[t] = aufl * f
            if let folgekosten = inv.folgekosten {
                if jahr == inv.inbetriebnahmeJahr {
                    fk = folgekosten.jaehrlich
                } else if jahr > inv.inbetriebnahmeJahr {
                    fk *= 1 + sachkosten[t]
                }
                folge[t] = fk * f
            }
        }
        return Buchung(
            auszahlungen: aus, foerdermittel: foe, abschreibungen: afa, sonderposten: sop, folgekosten: folge,
            summeAuszahlungen: summe, summeFoerdermittel: foerder, afaJahr: afaJahr, aufloesungJahr: aufl)
    }

    /// Adds an investment's flows to a product's plans (flat, line-major: `[zeile · n + t]`, n the years of
    /// `b`). The Basisjahr column of the Ergebnisplan stays Ist.
    static func buchen(
        _ b: Buchung, _ inv: Investition, schema: Kontenrahmen, zeilenIndex: [String: Int],
        finanzIndex: [String: Int], ep: inout [Double], fp: inout [Double]
    ) {
        let n = b.auszahlungen.count
        let afa = zeilenIndex[schema.abschreibungen], sop = zeilenIndex[schema.sonderposten]
        let fk = inv.folgekosten.flatMap { zeilenIndex[$0.konto] }
        for t in 1..<max(1, n) {
            if let afa { ep[afa * n + t] += b.abschreibungen[t] }
            if let sop { ep[sop * n + t] += b.sonderposten[t] }
            if let fk { ep[fk * n + t] += b.folgekosten[t] }
        }
        if let k = schema.baumassnahmen.flatMap({ finanzIndex[$0] }) {
            for t in 0..<n { fp[k * n + t] += b.auszahlungen[t] }
        }
        if let k = schema.investitionszuwendungen.flatMap({ finanzIndex[$0] }) {
            for t in 0..<n { fp[k * n + t] += b.foerdermittel[t] }
        }
    }
}

/// Finanzplan from the Ergebnisplan: Ein- and Auszahlungen aus laufender Verwaltungstätigkeit are the
/// zahlungswirksame Ertrag and Aufwand lines, less known non-cash amounts (the Sonderposten-Auflösung from
/// investments); investment lines come from the investments; sums follow the scheme.
public enum Finanzrechnung {
    /// A scheme's derivation resolved to row indices once: which Ergebnisplan rows flow into which Finanzplan
    /// row (in the scheme's order), where the Sonderposten-Auflösung is taken off, and the sum lines.
    struct Plan: Sendable {
        /// The zahlungswirksame Ertrag/Aufwand rows and their Finanzplan row; empty when the scheme names no
        /// Ein- or Auszahlungen aus laufender Verwaltungstätigkeit.
        let fluesse: [(zeile: Int, ziel: Int)]
        /// The Finanzplan row the Sonderposten-Auflösung is taken off (nil: not zahlungswirksam, or no flows).
        let sonderpostenZiel: Int?
        let summen: Summen.Plan

        init(_ schema: Kontenrahmen, finanzIndex: [String: Int]) {
            summen = Summen.Plan(schema.finanzplan)
            guard let ein = schema.einzahlungenVerwaltung.flatMap({ finanzIndex[$0] }),
                let aus = schema.auszahlungenVerwaltung.flatMap({ finanzIndex[$0] })
            else {
                fluesse = []
                sonderpostenZiel = nil
                return
            }
            var fluesse: [(zeile: Int, ziel: Int)] = []
            for (z, zeile) in schema.zeilen.enumerated() where zeile.zahlungswirksam {
                switch zeile.art {
                case .ertrag: fluesse.append((z, ein))
                case .aufwand: fluesse.append((z, aus))
                case .summe: break
                }
            }
            self.fluesse = fluesse
            if let zeile = schema.zeile(schema.sonderposten), zeile.zahlungswirksam {
                sonderpostenZiel = zeile.art == .aufwand ? aus : ein
            } else {
                sonderpostenZiel = nil
            }
        }

        /// Derives the Finanzplan `fp` (flat, `[zeile · n + t]`, investment rows already booked) from the
        /// Ergebnisplan `ep` (flat likewise), taking the Sonderposten-Auflösung `sonderposten` off (nil: none).
        func ableiten(ep: [Double], fp: inout [Double], n: Int, sonderposten: [Double]?) {
            for (z, ziel) in fluesse {
                for t in 0..<n { fp[ziel * n + t] += ep[z * n + t] }
            }
            if let ziel = sonderpostenZiel, let werte = sonderposten {
                for t in 0..<min(n, werte.count) { fp[ziel * n + t] -= werte[t] }
            }
            summen.anwenden(flach: &fp, n: n)
        }
    }
}
