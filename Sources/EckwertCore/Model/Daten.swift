/// Population at one point in time (31.12.), per gebiet, sex and single year of age 0...100.
/// Stored flat for speed: index = (gebiet · 2 + sex) · 101 + age.
public struct Bevoelkerung: Sendable, Hashable {
    /// Sozialraum ids in the order of first appearance in the file.
    public var gebiete: [String]
    public var werte: [Double]

    public init(gebiete: [String], werte: [Double]) {
        self.gebiete = gebiete
        self.werte = werte
    }

    public init(gebiete: [String]) {
        self.gebiete = gebiete
        self.werte = Array(repeating: 0, count: gebiete.count * 2 * Alter.count)
    }

    @inline(__always)
    public static func index(gebiet g: Int, geschlecht s: Int, alter a: Int) -> Int { (g * 2 + s) * Alter.count + a }

    public subscript(gebiet g: Int, geschlecht s: Geschlecht, alter a: Int) -> Double {
        get { werte[Self.index(gebiet: g, geschlecht: s.index, alter: a)] }
        set { werte[Self.index(gebiet: g, geschlecht: s.index, alter: a)] = newValue }
    }

    public func gebietIndex(_ id: String) -> Int? { gebiete.firstIndex(of: id) }

    /// Sum over a selection; `gebiet` nil = all, `geschlecht` nil = both. An unknown gebiet sums to 0.
    public func summe(
        von: Int = 0, bis: Int = Alter.max, geschlecht: Geschlecht? = nil, gebiet: String? = nil
    ) -> Double {
        if let gebiet {
            guard let g = gebietIndex(gebiet) else { return 0 }
            return summe(von: von, bis: bis, geschlecht: geschlecht, gebietIndex: g)
        }
        return summe(von: von, bis: bis, geschlecht: geschlecht, gebietIndex: nil)
    }

    /// The same with the Sozialraum given by its index (nil = all), for callers that resolved the id once.
    public func summe(von: Int, bis: Int, geschlecht: Geschlecht?, gebietIndex: Int?) -> Double {
        let gs = gebietIndex.map { $0..<($0 + 1) } ?? gebiete.indices
        let ss = geschlecht.map { $0.index...$0.index } ?? 0...1
        let lo = max(0, von), hi = min(Alter.max, bis)
        guard lo <= hi else { return 0 }
        return werte.withUnsafeBufferPointer { w in
            var total = 0.0
            for g in gs { total = Self.addieren(total, w, gebiet: g, ss, lo, hi) }
            return total
        }
    }

    /// `total` plus the cells of Sozialraum index g, sexes `ss`, ages lo...hi — in the one order of additions
    /// (sex, then age, one running total) every population sum uses, so cached sums are bit-identical to `summe`.
    @inline(__always)
    static func addieren(
        _ start: Double, _ w: UnsafeBufferPointer<Double>, gebiet g: Int, _ ss: ClosedRange<Int>, _ lo: Int, _ hi: Int
    ) -> Double {
        var total = start
        for s in ss {
            let basis = index(gebiet: g, geschlecht: s, alter: 0)
            for a in lo...hi { total += w[basis + a] }
        }
        return total
    }

    public func summe(_ bezug: Bezug) -> Double {
        summe(von: bezug.von, bis: bezug.bis, geschlecht: bezug.geschlecht, gebiet: bezug.gebiet)
    }

    public var gesamt: Double { werte.reduce(0, +) }

    /// The same population with its Sozialräume in the given order (ids missing here count as 0), so that every
    /// population of a model shares one index per Sozialraum.
    public func umgeordnet(nach reihenfolge: [String]) -> Bevoelkerung {
        guard reihenfolge != gebiete else { return self }
        var neu = Bevoelkerung(gebiete: reihenfolge)
        for (g, id) in reihenfolge.enumerated() {
            guard let alt = gebietIndex(id) else { continue }
            let von = Self.index(gebiet: alt, geschlecht: 0, alter: 0),
                nach = Self.index(gebiet: g, geschlecht: 0, alter: 0)
            for k in 0..<(2 * Alter.count) { neu.werte[nach + k] = werte[von + k] }
        }
        return neu
    }
}

/// One value of `ist.csv`: year, Produkt, Größe (a line key or `faelle`).
public struct IstSchluessel: Sendable, Hashable {
    public var jahr: Int
    public var produkt: String
    public var groesse: String
    public init(jahr: Int, produkt: String, groesse: String) {
        self.jahr = jahr; self.produkt = produkt; self.groesse = groesse
    }
}

/// Actuals of past years (`ist.csv`): amounts per Ergebnisplan line (Aufwand and Ertrag positive) and case numbers.
public struct IstDaten: Sendable {
    public var werte: [IstSchluessel: Double] { didSet { verzeichnis = nil } }
    /// The same values numbered by the lean reader (see `Istverzeichnis`); nil once `werte` has changed.
    var verzeichnis: Istverzeichnis?
    /// Where each value came from, for messages.
    public var orte: [IstSchluessel: SourceLocation]
    /// Values whose number could not be read (reported by the reader; stored as 0 so that the key counts as given).
    public var unlesbar: Set<IstSchluessel> = []
    /// 1-based file column of `jahr`, `produkt`, `groesse`, `wert` (for messages about a row's fields).
    public var spalten: [String: Int] = [:]
    public init(werte: [IstSchluessel: Double] = [:], orte: [IstSchluessel: SourceLocation] = [:]) {
        self.werte = werte
        self.orte = orte
    }
    /// The years present, ascending.
    public var jahre: [Int] { Array(Set(werte.keys.map(\.jahr))).sorted() }
    public func wert(_ jahr: Int, _ produkt: String, _ groesse: String) -> Double? {
        werte[IstSchluessel(jahr: jahr, produkt: produkt, groesse: groesse)]
    }
}

/// Death probabilities q(x) by sex (w = 0, m = 1) and age 0...100 (100 = 100+).
public struct Sterbetafel: Sendable, Hashable {
    public var qx: [[Double]]
    public init(qx: [[Double]]) { self.qx = qx }
}

/// Age-specific fertility rates for ages 15...49 (index 0 = age 15).
public struct Fruchtbarkeit: Sendable, Hashable {
    public static let alter = 15...49
    public var raten: [Double]
    public init(raten: [Double]) { self.raten = raten }
    public var summe: Double { raten.reduce(0, +) }
}

/// Shares of the yearly net migration by sex (w = 0, m = 1) and age 0...100, summing to 1.
public struct Wanderungsprofil: Sendable, Hashable {
    public var anteile: [[Double]]
    public init(anteile: [[Double]]) { self.anteile = anteile }
}

/// An official population projection: per variante and year a population.
public struct Vorausberechnung: Sendable {
    public var varianten: [String: [Int: Bevoelkerung]]
    public init(varianten: [String: [Int: Bevoelkerung]]) { self.varianten = varianten }
}

/// Population of past years (for fitted trends and backtests): year → population at 31.12.
public struct BevoelkerungHistorie: Sendable {
    public var jahre: [Int: Bevoelkerung]
    public init(jahre: [Int: Bevoelkerung]) { self.jahre = jahre }
}

/// The adopted Ansatz (`ansatz.csv`): one year (Basisjahr + 1) or several (a Doppelhaushalt).
public typealias Ansatz = Jahreswerte
