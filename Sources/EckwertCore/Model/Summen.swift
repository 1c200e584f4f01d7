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

        /// Line key → its rows (a key may stand on several lines), for reading values keyed by line.
        let zeilenJeSchluessel: [String: [Int]]

        public init(_ zeilen: [Kontenrahmen.Zeile]) {
            var index: [String: Int] = [:]
            var jeSchluessel: [String: [Int]] = [:]
            for (z, zeile) in zeilen.enumerated() { jeSchluessel[zeile.key, default: []].append(z) }
            zeilenJeSchluessel = jeSchluessel
            var summen: [(zeile: Int, terme: [(zeile: Int, vorzeichen: Double)])] = []
            for (z, zeile) in zeilen.enumerated() {
                index[zeile.key] = z
                guard case let .summe(terme) = zeile.art else { continue }
                summen.append((z, terme.compactMap { term in index[term.key].map { ($0, term.vorzeichen) } }))
            }
            self.summen = summen
            var zeilen: [Int] = [], anfaenge: [Int] = [0], termzeilen: [Int] = [], vorzeichen: [Double] = []
            for (z, terme) in summen {
                zeilen.append(z)
                for (j, v) in terme {
                    termzeilen.append(j)
                    vorzeichen.append(v)
                }
                anfaenge.append(termzeilen.count)
            }
            flach = Flach(zeilen: zeilen, anfaenge: anfaenge, termzeilen: termzeilen, vorzeichen: vorzeichen)
        }

        /// The same sums in flat arrays (sum line k: terms `anfaenge[k] ..< anfaenge[k + 1]`), for
        /// `anwenden(flach:n:)`.
        private struct Flach: Sendable {
            var zeilen: [Int]
            var anfaenge: [Int]
            var termzeilen: [Int]
            var vorzeichen: [Double]
        }
        private let flach: Flach

        /// As `anwenden(_:)` on a flat plan of `n` years per line (`werte[zeile · n + t]`), same additions.
        func anwenden(flach werte: inout [Double], n: Int) {
            let f = flach
            f.zeilen.withUnsafeBufferPointer { zeilen in
                f.anfaenge.withUnsafeBufferPointer { anfaenge in
                    f.termzeilen.withUnsafeBufferPointer { termzeilen in
                        f.vorzeichen.withUnsafeBufferPointer { vorzeichen in
                            werte.withUnsafeMutableBufferPointer { w in
                                for k in zeilen.indices {
                                    let z = zeilen[k], von = anfaenge[k], bis = anfaenge[k + 1]
                                    for t in 0..<n {
                                        var s = 0.0
                                        for j in von..<bis { s += vorzeichen[j] * w[termzeilen[j] * n + t] }
                                        w[z * n + t] = s
                                    }
                                }
                            }
                        }
                    }
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
