/// Sum lines of a plan, per year, in the scheme's order (sum lines only refer to lines above them).
public enum Summen {
    public static func bilden(_ werte: inout [[Double]], _ zeilen: [Kontenrahmen.Zeile]) {
        Plan(zeilen).anwenden(&werte)
    }

    /// The sum lines of a scheme resolved to row indices once, so that a plan's sums are formed without looking
    /// up keys. A term refers to the latest line of its key at or above its sum line; terms without one are left
    /// out. The additions are those of `bilden`, in the same order.
    public struct Plan: Sendable {
        /// Sum line k stands on row `zeilen[k]`; its terms (row, sign) are `termzeilen[j]`, `vorzeichen[j]` for
        /// j in `anfaenge[k] ..< anfaenge[k + 1]`, in the order they are added.
        private let zeilen: [Int], anfaenge: [Int], termzeilen: [Int], vorzeichen: [Double]

        /// Line key → its rows (a key may stand on several lines), for reading values keyed by line.
        let zeilenJeSchluessel: [String: [Int]]

        public init(_ schema: [Kontenrahmen.Zeile]) {
            var index: [String: Int] = [:]
            var jeSchluessel: [String: [Int]] = [:]
            var zeilen: [Int] = [], anfaenge: [Int] = [0], termzeilen: [Int] = [], vorzeichen: [Double] = []
            for (z, zeile) in schema.enumerated() {
                jeSchluessel[zeile.key, default: []].append(z)
                index[zeile.key] = z
                guard case let .summe(terme) = zeile.art else { continue }
                zeilen.append(z)
                for term in terme {
                    guard let j = index[term.key] else { continue }
                    termzeilen.append(j)
                    vorzeichen.append(term.vorzeichen)
                }
                anfaenge.append(termzeilen.count)
            }
            zeilenJeSchluessel = jeSchluessel
            self.zeilen = zeilen
            self.anfaenge = anfaenge
            self.termzeilen = termzeilen
            self.vorzeichen = vorzeichen
        }

        /// As `anwenden(_:)` on a flat plan of `n` years per line (`werte[zeile · n + t]`), same additions.
        func anwenden(flach werte: inout [Double], n: Int) {
            zeilen.withUnsafeBufferPointer { zeilen in
                anfaenge.withUnsafeBufferPointer { anfaenge in
                    termzeilen.withUnsafeBufferPointer { termzeilen in
                        vorzeichen.withUnsafeBufferPointer { vorzeichen in
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
            for (k, z) in zeilen.enumerated() {
                for t in werte[z].indices {
                    var s = 0.0
                    for j in anfaenge[k]..<anfaenge[k + 1] { s += vorzeichen[j] * werte[termzeilen[j]][t] }
                    werte[z][t] = s
                }
            }
        }
    }
}
