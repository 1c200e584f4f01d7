/// Statistische Geheimhaltung for public documents.
///
/// Input: a table of non-negative counts (rows = Sozialräume, columns = years) with optional row totals (the
/// sum of each row), column totals (the sum of each column) and, when both are shown, the grand total.
///
/// The rule, applied in this order:
/// 1. **Rounding.** Every count is rounded to whole persons (half away from zero) first; totals are the sums of
///    the rounded counts, so every shown table adds up.
/// 2. **Primary suppression.** A cell whose rounded count lies in `1 … mindestfallzahl − 1` is suppressed
///    (shown as "•"). 0 is shown: an empty cell reveals nobody.
///    Callers may add cells to suppress for other reasons (`zusaetzlich`, e.g. a gap derived from a
///    suppressed demand).
/// 3. **Secondary suppression.** Every line of the table — each row with its row total, each column with its
///    column total, the row of column totals with the grand total, the column of row totals with the grand
///    total — must contain either no suppressed value or at least two; otherwise the single suppressed value
///    could be computed as total minus the shown cells. Where a line has exactly one, one more value of that
///    line is suppressed: the smallest positive, not yet suppressed cell (ties: the first in reading order);
///    if there is none, the line's total. Lines are checked rows first (top to bottom), then columns (left to
///    right), and the check repeats until no line changes — a newly suppressed cell or total can open another
///    line.
///
/// This is the usual "at least two suppressions per line" rule for a two-dimensional table with margins. It
/// does not bound the interval a reader can derive for a suppressed cell beyond that (no linear-programming
/// audit), which is adequate for forecast figures that are themselves estimates.
extension Geheimhaltung {
    /// Which values of a table are suppressed.
    public struct Ergebnis: Sendable, Hashable {
        /// The counts, rounded to whole persons.
        public var werte: [[Double]]
        /// Σ of each row's rounded counts, nil when the table has no row totals.
        public var zeilensummen: [Double]?
        /// Σ of each column's rounded counts, nil when the table has no column totals.
        public var spaltensummen: [Double]?
        /// Σ of all rounded counts, when both row and column totals are shown.
        public var gesamtsumme: Double?
        /// `[row][col]`: the cell is not shown.
        public var zelle: [[Bool]]
        /// Cells suppressed by the rule itself (1 … n−1), for the legend and tests.
        public var primaer: [[Bool]]
        public var zeilensumme: [Bool]
        public var spaltensumme: [Bool]
        public var gesamt: Bool

        /// Whether anything is suppressed at all.
        public var irgendetwas: Bool {
            zelle.contains { $0.contains(true) } || zeilensumme.contains(true) || spaltensumme.contains(true) || gesamt
        }
    }

    /// Applies the model's rule (`mindestfallzahl`) to a table; see `anwenden(_:mindestfallzahl:…)`.
    public func anwenden(
        _ werte: [[Double]], zeilensummen: Bool, spaltensummen: Bool, zusaetzlich: [[Bool]]? = nil
    ) -> Ergebnis {
        Self.anwenden(
            werte, mindestfallzahl: mindestfallzahl, zeilensummen: zeilensummen, spaltensummen: spaltensummen,
            zusaetzlich: zusaetzlich)
    }

    /// Applies the rule to `werte[row][col]` (rows of equal length; negative values are treated as 0).
    /// `zusaetzlich[row][col]` marks cells to suppress in any case.
    public static func anwenden(
        _ werte: [[Double]], mindestfallzahl: Int, zeilensummen: Bool, spaltensummen: Bool,
        zusaetzlich: [[Bool]]? = nil
    ) -> Ergebnis {
        let nz = werte.count
        let ns = werte.map(\.count).max() ?? 0
        let w: [[Double]] = werte.map { zeile in
            (0..<ns).map { c in
                let x = c < zeile.count ? zeile[c] : 0
                return x.isFinite ? max(0, x.rounded(.toNearestOrAwayFromZero)) : 0
            }
        }
        var zelle = w.map { $0.map { $0 >= 1 && $0 <= Double(mindestfallzahl - 1) } }
        let primaer = zelle
        if let zusaetzlich {
            for r in 0..<min(nz, zusaetzlich.count) {
                for c in 0..<min(ns, zusaetzlich[r].count) where zusaetzlich[r][c] { zelle[r][c] = true }
            }
        }
        var zs = [Bool](repeating: false, count: zeilensummen ? nz : 0)
        var ss = [Bool](repeating: false, count: spaltensummen ? ns : 0)
        var g = false
        let hatGesamt = zeilensummen && spaltensummen

        /// Suppresses one more value of a line with exactly one suppressed value. `zellen` are the line's inner
        /// cells, `summe` its total (get/set). Returns true when it changed something.
        func ergaenzen(_ zellen: [(Int, Int)], summeGesperrt: Bool, summeSperren: () -> Void) -> Bool {
            let gesperrt = zellen.filter { zelle[$0.0][$0.1] }.count + (summeGesperrt ? 1 : 0)
            guard gesperrt == 1 else { return false }
            var bester: (Int, Int)?
            for (r, c) in zellen where !zelle[r][c] && w[r][c] > 0 {
                if let b = bester, w[b.0][b.1] <= w[r][c] { continue }
                bester = (r, c)
            }
            if let b = bester { zelle[b.0][b.1] = true } else { summeSperren() }
            return true
        }

        var geaendert = true
        while geaendert {
            geaendert = false
            if zeilensummen {
                for r in 0..<nz {
                    let z = (0..<ns).map { (r, $0) }
                    if ergaenzen(z, summeGesperrt: zs[r], summeSperren: { zs[r] = true }) { geaendert = true }
                }
            }
            if hatGesamt {
                // The row of column totals: its "cells" are the column totals, its total the grand total.
                let gesperrt = ss.filter { $0 }.count + (g ? 1 : 0)
                if gesperrt == 1 {
                    let kandidat = (0..<ns).filter { !ss[$0] && colSum(w, $0) > 0 }.min {
                        colSum(w, $0) < colSum(w, $1)
                    }
                    if let k = kandidat { ss[k] = true } else { g = true }
                    geaendert = true
                }
            }
            if spaltensummen {
                for c in 0..<ns {
                    let z = (0..<nz).map { ($0, c) }
                    if ergaenzen(z, summeGesperrt: ss[c], summeSperren: { ss[c] = true }) { geaendert = true }
                }
            }
            if hatGesamt {
                let gesperrt = zs.filter { $0 }.count + (g ? 1 : 0)
                if gesperrt == 1 {
                    let kandidat = (0..<nz).filter { !zs[$0] && w[$0].reduce(0, +) > 0 }.min {
                        w[$0].reduce(0, +) < w[$1].reduce(0, +)
                    }
                    if let k = kandidat { zs[k] = true } else { g = true }
                    geaendert = true
                }
            }
        }
        return Ergebnis(
            werte: w, zeilensummen: zeilensummen ? w.map { $0.reduce(0, +) } : nil,
            spaltensummen: spaltensummen ? (0..<ns).map { colSum(w, $0) } : nil,
            gesamtsumme: hatGesamt ? w.reduce(0) { $0 + $1.reduce(0, +) } : nil,
            zelle: zelle, primaer: primaer, zeilensumme: zs, spaltensumme: ss, gesamt: g)
    }

    private static func colSum(_ w: [[Double]], _ c: Int) -> Double { w.reduce(0) { $0 + $1[c] } }

    /// The text shown for a suppressed value.
    public static let zeichen = "•"

    /// The rule in one German paragraph, for the documents.
    public static func erlaeuterung(mindestfallzahl n: Int) -> String {
        "Statistische Geheimhaltung: Fallzahlen je Sozialraum werden auf ganze Personen gerundet; Werte von 1 bis \(n - 1) "
            + "werden als „\(zeichen)“ dargestellt. Damit kein gesperrter Wert aus einer Summe zurückgerechnet werden kann, "
            + "enthält jede Zeile und Spalte mit ihrer Summe entweder keinen oder mindestens zwei gesperrte Werte: "
            + "wo nur einer gesperrt wäre, wird zusätzlich der kleinste weitere Wert der Zeile bzw. Spalte gesperrt "
            + "(gibt es keinen, die Summe). Summen sind die Summen der gerundeten Werte."
    }
}
