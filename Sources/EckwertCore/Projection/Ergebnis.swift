/// Figures of one product for a run of years: every Ergebnisplan and Finanzplan line of the scheme (sum lines
/// included) and the driver quantities. Plain values, unrounded; index 0 of every series is the first year of
/// the run (the Basisjahr for a forecast).
public struct Produktergebnis: Sendable {
    public var nr: String
    /// `[line index in kontenrahmen.zeilen][year index]`
    public var ergebnisplan: [[Double]]
    /// `[line index in kontenrahmen.finanzplan][year index]`
    public var finanzplan: [[Double]]
    /// Driver quantities, nil for products without a driver.
    public var faelle: [Double]?
    public var fallkosten: [Double]?
    /// Reference population R(t) and rate r(t) (after measure effects).
    public var bezug: [Double]?
    public var quote: [Double]?
    public var kapazitaet: Kapazitaetsergebnis?
    /// Cases per Sozialraum `[gebiet][year]` (order of bevoelkerung.csv) for a product with Sozialraum cases
    /// (spec section 13); their sum is `faelle`.
    public var gebietsfaelle: Reihentabelle?
    /// Demand, places and gap per Sozialraum (when places are given per Sozialraum).
    public init(nr: String, ergebnisplan: [[Double]], finanzplan: [[Double]]) {
        self.nr = nr
        self.ergebnisplan = ergebnisplan
        self.finanzplan = finanzplan
    }
}

extension Produktergebnis {
    /// The rows of a flat line-major plan (`flach[zeile · n + t]`), as `ergebnisplan`/`finanzplan` hold them.
    /// Rows of +0.0 only (most lines of a product) share the one array `null` (of n values) instead of an
    /// allocation each: values, not identity, are what a row is, and a write to one copies it as any array does.
    static func zeilen(_ flach: [Double], anzahl: Int, n: Int, null: [Double]) -> [[Double]] {
        precondition(null.count == n && flach.count >= anzahl * n, "Produktergebnis.zeilen: Längen")
        // The rows placed into storage of the final size: not appended one by one (with a capacity and
        // uniqueness check each time), as `map` over a range does.
        return flach.withUnsafeBufferPointer { w in
            [[Double]](unsafeUninitializedCapacity: anzahl) { zeilen, gesetzt in
                for z in 0..<anzahl {
                    let zeile = UnsafeBufferPointer(rebasing: w[(z * n)..<(z * n + n)])
                    zeilen.initializeElement(at: z, to: zeile.allSatisfy { $0.bitPattern == 0 } ? null : Array(zeile))
                    gesetzt = z + 1
                }
            }
        }
    }
}

/// Rows of equal length in one flat array, read as `tabelle[zeile][t]` like `[[Double]]` but without an array
/// per row: `werte[zeile · laenge + t]`.
public struct Reihentabelle: Sendable, RandomAccessCollection {
    /// One row: a view into the table's values, indexed 0 ..< laenge.
    public struct Reihe: Sendable, RandomAccessCollection {
        let werte: [Double]
        let anfang: Int
        public let count: Int
        public var startIndex: Int { 0 }
        public var endIndex: Int { count }
        @inline(__always)
        public subscript(t: Int) -> Double {
            precondition(t >= 0 && t < count, "Reihe: Index außerhalb")
            return werte[anfang + t]
        }
    }

    /// The values, row after row.
    public let werte: [Double]
    /// The length of each row.
    public let laenge: Int
    public let count: Int

    /// `anzahl` rows of `laenge` values from the flat `werte` (`werte.count == anzahl · laenge`).
    public init(_ werte: [Double], anzahl: Int, laenge: Int) {
        precondition(werte.count == anzahl * laenge, "Reihentabelle: \(werte.count) Werte ≠ \(anzahl) · \(laenge)")
        self.werte = werte
        self.laenge = laenge
        count = anzahl
    }

    /// The rows of a nested array (each of length `laenge`).
    public init(_ reihen: [[Double]], laenge: Int) {
        var w: [Double] = []
        w.reserveCapacity(reihen.count * laenge)
        for r in reihen {
            precondition(r.count == laenge, "Reihentabelle: Reihe mit \(r.count) statt \(laenge) Werten")
            w += r
        }
        self.init(w, anzahl: reihen.count, laenge: laenge)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    @inline(__always)
    public subscript(z: Int) -> Reihe {
        precondition(z >= 0 && z < count, "Reihentabelle: Index außerhalb")
        return Reihe(werte: werte, anfang: z * laenge, count: laenge)
    }

    /// The rows as arrays.
    public var reihen: [[Double]] { map { Array($0) } }
}

/// Capacity against demand (modellformat.md, 5, Kapazität); per Sozialraum where places are given per Sozialraum.
public struct Kapazitaetsergebnis: Sendable {
    public struct Gebiet: Sendable {
        public var gebiet: String
        public var bedarf: [Double]
        public var plaetze: [Double]
        public var luecke: [Double]
    }
    public var bedarf: [Double]
    public var plaetze: [Double]
    /// With places per Sozialraum: the sum of the Sozialräume's gaps (a surplus in one does not fill a gap in
    /// another); otherwise max(0, demand − places).
    public var luecke: [Double]
    public var gebiete: [Gebiet]
}

/// Everything one scenario (or the Ist) computes: the years, the population, every product.
public struct Rechenergebnis: Sendable {
    /// `ist` or the scenario name.
    public var szenario: String
    public var jahre: [Int]
    /// Population per year index (nil where unknown, e.g. Ist years without history).
    public var bevoelkerung: [Bevoelkerung?]
    public var produkte: [Produktergebnis]
    public var warnungen: [Diagnostic]

    public func jahrIndex(_ jahr: Int) -> Int? {
        guard let first = jahre.first, jahr >= first, jahr - first < jahre.count else { return nil }
        return jahr - first
    }
}
