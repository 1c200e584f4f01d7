/// Sum lines of a plan, per year, in the scheme's order (sum lines only refer to lines above them).
public enum Summen {
    public static func bilden(_ werte: inout [[Double]], _ zeilen: [Kontenrahmen.Zeile]) {
        Plan(zeilen).anwenden(&werte)
    }

    /// The sum lines of a scheme resolved to row indices once, so that a plan's sums are formed without looking
    /// up keys. A term refers to the latest line of its key at or above its sum line; terms without one are left
    /// out. The additions are those of `bilden`, in the same order.
    public struct Plan: Sendable {
        /// Per sum line: its row and its terms (row, sign).
        let summen: [(zeile: Int, terme: [(zeile: Int, vorzeichen: Double)])]

        public init(_ zeilen: [Kontenrahmen.Zeile]) {
            var index: [String: Int] = [:]
            var summen: [(zeile: Int, terme: [(zeile: Int, vorzeichen: Double)])] = []
            for (z, zeile) in zeilen.enumerated() {
                index[zeile.key] = z
                guard case let .summe(terme) = zeile.art else { continue }
                summen.append((z, terme.compactMap { term in index[term.key].map { ($0, term.vorzeichen) } }))
            }
            self.summen = summen
        }

        /// As `anwenden(_:)` on a flat plan of `n` years per line (`werte[zeile · n + t]`), same additions.
        func anwenden(flach werte: inout [Double], n: Int) {
            for (z, terme) in summen {
                for t in 0..<n {
                    var s = 0.0
                    for (j, v) in terme { s += v * werte[j * n + t] }
                    werte[z * n + t] = s
                }
            }
        }

        public func anwenden(_ werte: inout [[Double]]) {
            for (z, terme) in summen {
                for t in werte[z].indices {
                    var s = 0.0
                    for (j, v) in terme { s += v * werte[j][t] }
                    werte[z][t] = s
                }
            }
        }
    }
}
