import Foundation

/// What a data-file reader returns: the value (nil when the file could not be read at all: CSV structure
/// broken or a required column missing) and every problem found. A value with errors is partial and must
/// not be used; the loader stops on ``hatFehler``.
public struct Leseergebnis<Wert: Sendable>: Sendable {
    public var wert: Wert?
    public var diagnostics: [Diagnostic]

    public init(wert: Wert?, diagnostics: [Diagnostic]) {
        self.wert = wert
        self.diagnostics = diagnostics
    }

    public var hatFehler: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Typed readers for the CSV data files of a model folder (modellformat.md section 3).
///
/// Each reader checks the header (missing, unknown or doubled columns, with a "meinten Sie …?" hint) and every
/// row, and reports every problem it finds, not only the first. Each diagnostic names the file, the line and
/// the 1-based column of the field concerned; problems of a whole row (duplicates) name the column of its
/// first key field; problems of a whole table (missing cells, a wrong sum) name the last line of the group
/// concerned or only the file. Cells are trimmed before they are read. Rows whose key fields cannot be read
/// are left out of the value (so their cell may also be reported missing); a cell whose number cannot be read
/// counts as present.
public enum Datendateien {
    // MARK: Public readers

    /// `bevoelkerung.csv`: `gebiet;geschlecht;alter;anzahl`. Gebiete in order of first appearance.
    public static func bevoelkerung(_ t: CSVTabelle) -> Leseergebnis<Bevoelkerung> {
        var l = Leser(t, ["gebiet", "geschlecht", "alter", "anzahl"])
        guard l.vollstaendig else { return Leseergebnis(wert: nil, diagnostics: l.d) }
        var s = BevSammler()
        for z in t.rows {
            guard let zelle = l.bevZelle(z, gebiet: 0, geschlecht: 1, alter: 2, anzahl: 3) else { continue }
            s.setzen(zelle, z, &l, schluessel: "", ersteSpalte: l.schluesselSpalte(3))
        }
        s.fehlende(&l, prefix: "")
        return Leseergebnis(wert: s.bevoelkerung, diagnostics: l.d)
    }

    /// `bevoelkerung_historie.csv`: `jahr;gebiet;geschlecht;alter;anzahl`; each year is checked like
    /// `bevoelkerung.csv`.
    public static func bevoelkerungHistorie(_ t: CSVTabelle) -> Leseergebnis<BevoelkerungHistorie> {
        var l = Leser(t, ["jahr", "gebiet", "geschlecht", "alter", "anzahl"])
        guard l.vollstaendig else { return Leseergebnis(wert: nil, diagnostics: l.d) }
        var gruppen = BevGruppen<Int>()
        for z in t.rows {
            let jahr = l.ganzzahl(z, 0, "Jahr")
            let zelle = l.bevZelle(z, gebiet: 1, geschlecht: 2, alter: 3, anzahl: 4)
            guard let jahr, let zelle else { continue }
            let g = gruppen.gruppe(jahr)
            gruppen.sammler[g].setzen(
                zelle, z, &l, schluessel: "Jahr \(jahr), ", ersteSpalte: l.schluesselSpalte(4))
        }
        var ergebnis: [Int: Bevoelkerung] = [:]
        for (g, jahr) in gruppen.schluessel.enumerated() {
            gruppen.sammler[g].fehlende(&l, prefix: "Jahr \(jahr), ")
            ergebnis[jahr] = gruppen.sammler[g].bevoelkerung
        }
        return Leseergebnis(wert: BevoelkerungHistorie(jahre: ergebnis), diagnostics: l.d)
    }

    /// `vorausberechnung.csv`: `variante;jahr;gebiet;geschlecht;alter;anzahl`; each variante and year is
    /// checked like `bevoelkerung.csv`.
    public static func vorausberechnung(_ t: CSVTabelle) -> Leseergebnis<Vorausberechnung> {
        var l = Leser(t, ["variante", "jahr", "gebiet", "geschlecht", "alter", "anzahl"])
        guard l.vollstaendig else { return Leseergebnis(wert: nil, diagnostics: l.d) }
        struct Schluessel: Hashable { var variante: String; var jahr: Int }
        var gruppen = BevGruppen<Schluessel>()
        for z in t.rows {
            let variante = l.id(z, 0, "eine", "Variante")
            let jahr = l.ganzzahl(z, 1, "Jahr")
            let zelle = l.bevZelle(z, gebiet: 2, geschlecht: 3, alter: 4, anzahl: 5)
            guard let variante, let jahr, let zelle else { continue }
            let g = gruppen.gruppe(Schluessel(variante: variante, jahr: jahr))
            gruppen.sammler[g].setzen(
                zelle, z, &l, schluessel: "Variante \(variante), Jahr \(jahr), ",
                ersteSpalte: l.schluesselSpalte(5))
        }
        var ergebnis: [String: [Int: Bevoelkerung]] = [:]
        for (g, k) in gruppen.schluessel.enumerated() {
            gruppen.sammler[g].fehlende(&l, prefix: "Variante \(k.variante), Jahr \(k.jahr), ")
            ergebnis[k.variante, default: [:]][k.jahr] = gruppen.sammler[g].bevoelkerung
        }
        return Leseergebnis(wert: Vorausberechnung(varianten: ergebnis), diagnostics: l.d)
    }

    /// `ist.csv`: `jahr;produkt;groesse;wert`. `orte` holds file and line of each value. Whether Produkt and
    /// Größe exist is checked by the model validator, not here.
    public static func ist(_ t: CSVTabelle) -> Leseergebnis<IstDaten> {
        var l = Leser(t, ["jahr", "produkt", "groesse", "wert"])
        guard l.vollstaendig else { return Leseergebnis(wert: nil, diagnostics: l.d) }
        var daten = IstDaten()
        for (e, name) in l.namen.enumerated() { daten.spalten[name] = l.spalte[e] + 1 }
        daten.werte.reserveCapacity(t.rows.count)
        daten.orte.reserveCapacity(t.rows.count)
        for z in t.rows {
            let jahr = l.ganzzahl(z, 0, "Jahr")
            let produkt = l.id(z, 1, "ein", "Produkt")
            let groesse = l.id(z, 2, "eine", "Größe")
            let istFaelle = groesse.map(Self.istFaelle) ?? false
            let wert = istFaelle ? l.zahl(z, 3, "Fallzahl", nichtNegativ: true) : l.zahl(z, 3, "Wert")
            guard let jahr, let produkt, let groesse else { continue }
            let k = IstSchluessel(jahr: jahr, produkt: produkt, groesse: groesse)
            // The first row of a key keeps its place in `orte` (one lookup per row; a duplicate puts it back).
            if let erste = daten.orte.updateValue(SourceLocation(file: t.file, line: z.line), forKey: k) {
                daten.orte[k] = erste
                l.doppelt(
                    z, erste.line ?? 0, "Jahr \(jahr), Produkt \(produkt), Größe \(groesse)",
                    spalte: l.schluesselSpalte(3))
                continue
            }
            daten.werte[k] = wert ?? 0
            if wert == nil { daten.unlesbar.insert(k) }
        }
        return Leseergebnis(wert: daten, diagnostics: l.d)
    }

    /// `groesse.lowercased() == "faelle"`, without building the lower-case text for an ASCII cell.
    static func istFaelle(_ groesse: String) -> Bool {
        let u = groesse.utf8
        guard u.allSatisfy({ $0 < 0x80 }) else { return groesse.lowercased() == "faelle" }
        // `| 0x20` lower-cases an ASCII letter; the letters of "faelle" have no other byte that maps onto them.
        return u.count == 6 && u.elementsEqual("faelle".utf8) { $0 | 0x20 == $1 }
    }

    /// `sterbetafel.csv`: `geschlecht;alter;qx`, 0 ≤ qx ≤ 1, every sex and age 0..100 exactly once.
    public static func sterbetafel(_ t: CSVTabelle) -> Leseergebnis<Sterbetafel> {
        var l = Leser(t, ["geschlecht", "alter", "qx"])
        guard l.vollstaendig else { return Leseergebnis(wert: nil, diagnostics: l.d) }
        var qx = [[Double]](repeating: [Double](repeating: 0, count: Alter.count), count: 2)
        var zeilen = [Int](repeating: 0, count: 2 * Alter.count)
        for z in t.rows {
            let s = l.geschlecht(z, 0)
            let a = l.alter(z, 1, 0...Alter.max)
            var q = l.zahl(z, 2, "qx")
            if let wert = q, wert < 0 || wert > 1 {
                l.fehler(z, 2, "qx \(l.text(z, 2)) liegt außerhalb von 0..1")
                q = nil
            }
            guard let s, let a else { continue }
            let i = s.index * Alter.count + a
            if zeilen[i] != 0 {
                l.doppelt(z, zeilen[i], "\(s.rawValue), Alter \(a)", spalte: l.schluesselSpalte(2))
                continue
            }
            zeilen[i] = z.line
            qx[s.index][a] = q ?? 0
        }
        let fehlt = fehlendeZellen(zeilen[...])
        if !fehlt.liste.isEmpty {
            l.d.append(
                .error(
                    SourceLocation(file: t.file),
                    "Sterbetafel unvollständig: \(fehlt.anzahl == 1 ? "es fehlt" : "es fehlen") \(fehlt.liste)"))
        }
        return Leseergebnis(wert: Sterbetafel(qx: qx), diagnostics: l.d)
    }

    /// `fruchtbarkeit.csv`: `alter;rate` for every age 15..49 exactly once, rate ≥ 0.
    public static func fruchtbarkeit(_ t: CSVTabelle) -> Leseergebnis<Fruchtbarkeit> {
        var l = Leser(t, ["alter", "rate"])
        guard l.vollstaendig else { return Leseergebnis(wert: nil, diagnostics: l.d) }
        let bereich = Fruchtbarkeit.alter
        var raten = [Double](repeating: 0, count: bereich.count)
        var zeilen = [Int](repeating: 0, count: bereich.count)
        for z in t.rows {
            let a = l.alter(z, 0, bereich)
            let r = l.zahl(z, 1, "Rate", nichtNegativ: true)
            guard let a else { continue }
            let i = a - bereich.lowerBound
            if zeilen[i] != 0 {
                l.doppelt(z, zeilen[i], "Alter \(a)", spalte: l.schluesselSpalte(1))
                continue
            }
            zeilen[i] = z.line
            raten[i] = r ?? 0
        }
        let fehlt = bereiche(zeilen.indices.filter { zeilen[$0] == 0 }.map { $0 + bereich.lowerBound })
        if !fehlt.isEmpty {
            let anzahl = zeilen.filter { $0 == 0 }.count
            l.d.append(
                .error(
                    SourceLocation(file: t.file),
                    "Fruchtbarkeit unvollständig: \(anzahl == 1 ? "es fehlt" : "es fehlen") Alter \(fehlt)"))
        }
        return Leseergebnis(wert: Fruchtbarkeit(raten: raten), diagnostics: l.d)
    }

    /// `wanderung.csv`: `geschlecht;alter;anteil`. Missing cells count as 0; shares may be negative (an age
    /// group that leaves on balance), but all shares must sum to 1 ± 0.001.
    public static func wanderung(_ t: CSVTabelle) -> Leseergebnis<Wanderungsprofil> {
        var l = Leser(t, ["geschlecht", "alter", "anteil"])
        guard l.vollstaendig else { return Leseergebnis(wert: nil, diagnostics: l.d) }
        var anteile = [[Double]](repeating: [Double](repeating: 0, count: Alter.count), count: 2)
        var zeilen = [Int](repeating: 0, count: 2 * Alter.count)
        var alleZahlen = true
        for z in t.rows {
            let s = l.geschlecht(z, 0)
            let a = l.alter(z, 1, 0...Alter.max)
            let w = l.zahl(z, 2, "Anteil")
            if w == nil { alleZahlen = false }
            guard let s, let a else { continue }
            let i = s.index * Alter.count + a
            if zeilen[i] != 0 {
                l.doppelt(z, zeilen[i], "\(s.rawValue), Alter \(a)", spalte: l.schluesselSpalte(2))
                continue
            }
            zeilen[i] = z.line
            anteile[s.index][a] = w ?? 0
        }
        if alleZahlen {
            let summe = anteile.joined().reduce(0, +)
            if !(abs(summe - 1) <= 0.001) {
                l.d.append(
                    .error(
                        SourceLocation(file: t.file),
                        "Die Anteile summieren sich zu \(deutsch(summe)) statt zu 1 (erlaubt ±0,001)"))
            }
        }
        return Leseergebnis(wert: Wanderungsprofil(anteile: anteile), diagnostics: l.d)
    }

    /// `ansatz.csv`: `jahr;produkt;groesse;wert`, or without the `jahr` column `produkt;groesse;wert` for
    /// `standardjahr` (Basisjahr + 1); each (jahr, produkt, groesse) once.
    public static func ansatz(_ t: CSVTabelle, standardjahr: Int) -> Leseergebnis<Ansatz> {
        jahreswerte(t, mitJahr: t.header.map(CSV.normalisiert).contains("jahr"), standardjahr: standardjahr)
    }

    /// `planung.csv` (the Kämmerei's mittelfristige Ergebnisplanung) and `sondereffekte.csv` (one-off amounts
    /// contained in the Ist): `jahr;produkt;groesse;wert`, each (jahr, produkt, groesse) once.
    public static func jahreswerte(_ t: CSVTabelle) -> Leseergebnis<Jahreswerte> {
        jahreswerte(t, mitJahr: true, standardjahr: 0)
    }

    static func jahreswerte(_ t: CSVTabelle, mitJahr: Bool, standardjahr: Int) -> Leseergebnis<Jahreswerte> {
        var l = Leser(t, (mitJahr ? ["jahr"] : []) + ["produkt", "groesse", "wert"])
        guard l.vollstaendig else { return Leseergebnis(wert: nil, diagnostics: l.d) }
        let o = mitJahr ? 1 : 0
        var out = Jahreswerte()
        var zeilen: [IstSchluessel: Int] = [:]
        // At most one entry per row: reserved, the tables are not rebuilt as they grow (ansatz.csv: 4,000 rows).
        zeilen.reserveCapacity(t.rows.count)
        out.orte.reserveCapacity(t.rows.count)
        for z in t.rows {
            let jahr = mitJahr ? l.ganzzahl(z, 0, "Jahr") : standardjahr
            let produkt = l.id(z, o, "ein", "Produkt")
            let groesse = l.id(z, o + 1, "eine", "Größe")
            let wert = l.zahl(z, o + 2, "Wert")
            guard let jahr, let produkt, let groesse else { continue }
            let k = IstSchluessel(jahr: jahr, produkt: produkt, groesse: groesse)
            if let erste = zeilen[k] {
                l.doppelt(
                    z, erste, (mitJahr ? "Jahr \(jahr), " : "") + "Produkt \(produkt), Größe \(groesse)",
                    spalte: l.schluesselSpalte(o + 2))
                continue
            }
            zeilen[k] = z.line
            out.werte[jahr, default: [:]][produkt, default: [:]][groesse] = wert ?? 0
            out.orte[k] = SourceLocation(file: t.file, line: z.line, column: l.spalte[0] + 1)
        }
        for (e, name) in l.namen.enumerated() { out.spalten[name] = l.spalte[e] + 1 }
        return Leseergebnis(wert: out, diagnostics: l.d)
    }

    // MARK: From bytes

    public static func bevoelkerung(bytes: [UInt8], datei: String) -> Leseergebnis<Bevoelkerung> {
        bevoelkerungSchlicht(bytes, datei) ?? ausBytes(bytes, datei, bevoelkerung)
    }

    public static func bevoelkerungHistorie(bytes: [UInt8], datei: String) -> Leseergebnis<BevoelkerungHistorie> {
        bevoelkerungHistorieSchlicht(bytes, datei) ?? ausBytes(bytes, datei, bevoelkerungHistorie)
    }

    public static func vorausberechnung(bytes: [UInt8], datei: String) -> Leseergebnis<Vorausberechnung> {
        ausBytes(bytes, datei, vorausberechnung)
    }

    public static func ist(bytes: [UInt8], datei: String) -> Leseergebnis<IstDaten> {
        istSchlicht(bytes, datei) ?? ausBytes(bytes, datei, ist)
    }

    public static func sterbetafel(bytes: [UInt8], datei: String) -> Leseergebnis<Sterbetafel> {
        ausBytes(bytes, datei, sterbetafel)
    }

    public static func fruchtbarkeit(bytes: [UInt8], datei: String) -> Leseergebnis<Fruchtbarkeit> {
        ausBytes(bytes, datei, fruchtbarkeit)
    }

    public static func wanderung(bytes: [UInt8], datei: String) -> Leseergebnis<Wanderungsprofil> {
        ausBytes(bytes, datei, wanderung)
    }

    public static func ansatz(bytes: [UInt8], datei: String, standardjahr: Int) -> Leseergebnis<Ansatz> {
        ausBytes(bytes, datei) { ansatz($0, standardjahr: standardjahr) }
    }

    /// `ansatz.csv` read without modell.yaml. Rows without a `jahr` column stand for Basisjahr + 1, which is
    /// not known yet: they are read as year 0, and ``AnsatzVorab/ergebnis(standardjahr:)`` moves them to the
    /// year (no message of such a file names its year).
    static func ansatzVorab(bytes: [UInt8], datei: String) -> AnsatzVorab {
        let t: CSVTabelle
        do { t = try CSV.lesen(bytes, datei: datei) } catch {
            return .gelesen(Leseergebnis(wert: nil, diagnostics: error.diagnostics))
        }
        guard t.header.map(CSV.normalisiert).contains("jahr") else {
            return .ohneJahr(jahreswerte(t, mitJahr: false, standardjahr: 0))
        }
        return .gelesen(ansatz(t, standardjahr: 0))
    }

    /// `ansatz.csv` read ahead: with its years, or without a `jahr` column (its rows under year 0).
    enum AnsatzVorab: Sendable {
        case gelesen(Leseergebnis<Ansatz>)
        case ohneJahr(Leseergebnis<Ansatz>)

        /// The Ansatz, `standardjahr` being the year of rows without a `jahr` column (Basisjahr + 1).
        func ergebnis(standardjahr: Int) -> Leseergebnis<Ansatz> {
            switch self {
            case .gelesen(let r): return r
            case .ohneJahr(var r):
                guard var w = r.wert else { return r }
                w.werte = w.werte[0].map { [standardjahr: $0] } ?? [:]
                w.orte = Dictionary(
                    uniqueKeysWithValues: w.orte.map {
                        (IstSchluessel(jahr: standardjahr, produkt: $0.key.produkt, groesse: $0.key.groesse), $0.value)
                    })
                r.wert = w
                return r
            }
        }
    }

    public static func jahreswerte(bytes: [UInt8], datei: String) -> Leseergebnis<Jahreswerte> {
        ausBytes(bytes, datei, jahreswerte)
    }

    private static func ausBytes<W>(
        _ bytes: [UInt8], _ datei: String,
        _ f: (CSVTabelle) -> Leseergebnis<W>
    ) -> Leseergebnis<W> {
        do {
            return f(try CSV.lesen(bytes, datei: datei))
        } catch {
            return Leseergebnis(wert: nil, diagnostics: error.diagnostics)
        }
    }

    // MARK: Helpers

    /// Levenshtein distance of two strings (by Character), for "meinten Sie …?" hints.
    /// Ascending integers as compact ranges: `[0, 1, 2, 4]` → `0–2, 4`.
    static func bereiche(_ zahlen: [Int]) -> String {
        var teile: [String] = []
        var k = 0
        while k < zahlen.count {
            var e = k
            while e + 1 < zahlen.count && zahlen[e + 1] == zahlen[e] + 1 { e += 1 }
            teile.append(e == k ? "\(zahlen[k])" : "\(zahlen[k])–\(zahlen[e])")
            k = e + 1
        }
        return teile.joined(separator: ", ")
    }

    /// Missing cells of one sex × age block (`zeilen[s · 101 + a] == 0`), e.g. `w 17, m 0–4`, and their number.
    static func fehlendeZellen(_ zeilen: ArraySlice<Int>) -> (liste: String, anzahl: Int) {
        var teile: [String] = []
        var anzahl = 0
        let basis = zeilen.startIndex
        for s in Geschlecht.allCases {
            var fehlend: [Int] = []
            for a in 0...Alter.max where zeilen[basis + s.index * Alter.count + a] == 0 { fehlend.append(a) }
            anzahl += fehlend.count
            if fehlend.isEmpty { continue }
            // Each run gets its sex: "w 17, w 20–22, m 0–4".
            var k = 0
            while k < fehlend.count {
                var e = k
                while e + 1 < fehlend.count && fehlend[e + 1] == fehlend[e] + 1 { e += 1 }
                teile.append(e == k ? "\(s.rawValue) \(fehlend[k])" : "\(s.rawValue) \(fehlend[k])–\(fehlend[e])")
                k = e + 1
            }
        }
        return (teile.joined(separator: ", "), anzahl)
    }

    /// A number for messages: up to 6 decimals, decimal comma, no trailing zeros (`0,95`).
    static func deutsch(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        var s = String(format: "%.6f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        if s == "-0" { s = "0" }
        return s.replacingOccurrences(of: ".", with: ",")
    }
}

/// One (gebiet, sex, age, count) row of a population file.
struct BevZelle {
    var gebiet: String
    var geschlecht: Geschlecht
    var alter: Int
    var anzahl: Double
}

/// Populations collected per key (a year, or a variante and year), in the order the keys first appear.
struct BevGruppen<K: Hashable> {
    var sammler: [BevSammler] = []
    private var nummern = Erstnummern<K>()
    private var letzter: (K, Int)? = nil

    var schluessel: [K] { nummern.schluessel }

    /// The index of the group of `k` (a new group is appended); the key of the previous row is not looked up.
    mutating func gruppe(_ k: K) -> Int {
        if let letzter, letzter.0 == k { return letzter.1 }
        let (g, neu) = nummern.nummer(k)
        if neu { sammler.append(BevSammler()) }
        letzter = (k, g)
        return g
    }
}

/// Collects one population (one file, year or variante × year) and remembers the line of every cell.
struct BevSammler {
    var gebiete: [String] = []
    var gebietIndex: [String: Int] = [:]
    var werte: [Double] = []
    /// Line of each cell, 0 = not given.
    var zeilen: [Int] = []
    /// Last line per gebiet.
    var letzteZeile: [Int] = []
    var letztesGebiet: (String, Int)? = nil

    static let block = 2 * Alter.count

    /// The index of `gebiet` (a new one is appended), which becomes the last gebiet, at `line`.
    private mutating func gebiet(_ gebiet: String, line: Int) -> Int {
        let g: Int
        if let letztesGebiet, letztesGebiet.0 == gebiet {
            g = letztesGebiet.1
        } else if let i = gebietIndex[gebiet] {
            g = i
        } else {
            g = gebiete.count
            gebiete.append(gebiet)
            gebietIndex[gebiet] = g
            werte.append(contentsOf: repeatElement(0, count: Self.block))
            zeilen.append(contentsOf: repeatElement(0, count: Self.block))
            letzteZeile.append(0)
        }
        letztesGebiet = (gebiet, g)
        letzteZeile[g] = line
        return g
    }

    /// ``setzen(_:_:_:schluessel:ersteSpalte:)`` for the lean path: false at a duplicate (which the full reader
    /// reports).
    mutating func setzenSchlicht(
        gebiet id: String, geschlecht: Geschlecht, alter: Int, anzahl: Double, line: Int
    )
        -> Bool
    {
        let i = Bevoelkerung.index(gebiet: gebiet(id, line: line), geschlecht: geschlecht.index, alter: alter)
        guard zeilen[i] == 0 else { return false }
        zeilen[i] = line
        werte[i] = anzahl
        return true
    }

    /// Whether every cell is given (``fehlende(_:prefix:)`` has nothing to report).
    var vollstaendig: Bool { !zeilen.contains(0) }

    mutating func setzen(
        _ c: BevZelle, _ z: CSVZeile, _ l: inout Leser, schluessel: @autoclosure () -> String,
        ersteSpalte: Int
    ) {
        let g = gebiet(c.gebiet, line: z.line)
        let i = Bevoelkerung.index(gebiet: g, geschlecht: c.geschlecht.index, alter: c.alter)
        if zeilen[i] != 0 {
            l.doppelt(
                z, zeilen[i], "\(schluessel())Gebiet \(c.gebiet), \(c.geschlecht.rawValue), Alter \(c.alter)",
                spalte: ersteSpalte)
            return
        }
        zeilen[i] = z.line
        werte[i] = c.anzahl
    }

    /// One error per gebiet with missing cells, at the gebiet's last line.
    func fehlende(_ l: inout Leser, prefix: String) {
        for (g, gebiet) in gebiete.enumerated() {
            let start = g * Self.block
            let fehlt = Datendateien.fehlendeZellen(zeilen[start..<(start + Self.block)])
            if fehlt.liste.isEmpty { continue }
            l.d.append(
                .error(
                    SourceLocation(file: l.t.file, line: letzteZeile[g]),
                    "\(prefix)Gebiet \(gebiet): \(fehlt.anzahl == 1 ? "es fehlt" : "es fehlen") \(fehlt.liste)"))
        }
    }

    var bevoelkerung: Bevoelkerung { Bevoelkerung(gebiete: gebiete, werte: werte) }
}

/// Reads the cells of one table: maps the expected columns and collects diagnostics.
struct Leser {
    let t: CSVTabelle
    var d: [Diagnostic] = []
    /// File column (0-based) of each expected column.
    var spalte: [Int]
    let namen: [String]

    /// Checks the header; the header problems are the first diagnostics.
    init(_ t: CSVTabelle, _ erwartet: [String]) {
        self.t = t
        self.namen = erwartet
        (spalte, d) = Leser.kopf(t, erwartet)
    }

    /// Whether every expected column was found (rows can be read).
    var vollstaendig: Bool { !spalte.contains(-1) }

    /// Maps the expected columns to file columns; reports unknown, doubled, unnamed and missing columns.
    static func kopf(_ t: CSVTabelle, _ erwartet: [String]) -> ([Int], [Diagnostic]) {
        var d: [Diagnostic] = []
        var spalte = [Int](repeating: -1, count: erwartet.count)
        let erwartetText = erwartet.joined(separator: ";")
        let normal = t.header.map(CSV.normalisiert)
        let kopfOrt = { (c: Int?) in SourceLocation(file: t.file, line: t.headerLine, column: c) }
        for (c, name) in normal.enumerated() {
            if name.isEmpty {
                if let z = t.rows.first(where: { c < $0.fields.count && !CSV.trimmed($0.fields[c]).isEmpty }) {
                    d.append(
                        .error(
                            kopfOrt(c + 1),
                            "Spalte \(c + 1) hat keine Überschrift, enthält aber Werte (z. B. Zeile \(z.line)), erwartet \(erwartetText)"
                        ))
                }
                continue
            }
            if let e = erwartet.firstIndex(of: name) {
                if spalte[e] >= 0 {
                    d.append(
                        .error(
                            kopfOrt(c + 1), "Spalte '\(name)' kommt doppelt vor (Spalten \(spalte[e] + 1) und \(c + 1))"
                        ))
                } else {
                    spalte[e] = c
                }
                continue
            }
            var meldung = "unbekannte Spalte '\(t.header[c])', erwartet \(erwartetText)"
            // Prefer a name that is still missing; among equals, the expected order.
            let kandidaten = erwartet.filter { !normal.contains($0) } + erwartet.filter { normal.contains($0) }
            var bester: (String, Int)? = nil
            for k in kandidaten {
                let dist = Aehnlichkeit.abstand(Array(name), Array(k))
                if dist <= 2 && (bester == nil || dist < bester?.1 ?? Int.max) { bester = (k, dist) }
            }
            if let bester { meldung += " – meinten Sie '\(bester.0)'?" }
            d.append(.error(kopfOrt(c + 1), meldung))
        }
        let gefunden = t.header.isEmpty ? "keine" : t.header.joined(separator: ";")
        for (e, name) in erwartet.enumerated() where spalte[e] < 0 {
            d.append(.error(kopfOrt(nil), "Spalte '\(name)' fehlt, erwartet \(erwartetText) (gefunden: \(gefunden))"))
        }
        return (spalte, d)
    }

    /// The 0-based file column of the leftmost key field; the key fields are the first `n` expected columns.
    func schluesselSpalte(_ n: Int) -> Int { spalte.prefix(n).min() ?? 0 }

    /// The trimmed cell; empty when the row is shorter (only possible for a hand-built `CSVTabelle`).
    func text(_ z: CSVZeile, _ e: Int) -> String {
        let c = spalte[e]
        return c >= 0 && c < z.fields.count ? CSV.trimmed(z.fields[c]) : ""
    }

    mutating func fehler(_ z: CSVZeile, _ e: Int, _ meldung: String) {
        d.append(.error(t.ort(z, spalte: spalte[e]), meldung))
    }

    /// A duplicate key: names both lines; at the later line and the (0-based) file column `c`.
    mutating func doppelt(_ z: CSVZeile, _ erste: Int, _ was: String, spalte c: Int) {
        d.append(
            .error(
                SourceLocation(file: t.file, line: z.line, column: c + 1),
                "doppelter Eintrag für \(was): Zeilen \(erste) und \(z.line)"))
    }

    /// The trimmed cell; nil with an error when it is empty (the expectation is only built for that message).
    mutating func gefuellt(_ z: CSVZeile, _ e: Int, _ erwartung: @autoclosure () -> String) -> String? {
        let s = text(z, e)
        if !s.isEmpty { return s }
        fehler(z, e, "leeres Feld '\(namen[e])', erwartet \(erwartung())")
        return nil
    }

    /// A non-empty id; `artikel` for the message ("ein Gebiet", "eine Variante").
    mutating func id(_ z: CSVZeile, _ e: Int, _ artikel: String, _ name: String) -> String? {
        gefuellt(z, e, "\(artikel) \(name)")
    }

    mutating func geschlecht(_ z: CSVZeile, _ e: Int) -> Geschlecht? {
        guard let s = gefuellt(z, e, "w oder m") else { return nil }
        if let g = Geschlecht(rawValue: s) ?? Geschlecht(rawValue: s.lowercased()) { return g }
        fehler(z, e, "Geschlecht '\(s)' ist ungültig, erwartet w oder m")
        return nil
    }

    mutating func alter(_ z: CSVZeile, _ e: Int, _ bereich: ClosedRange<Int>) -> Int? {
        // Built only for a message.
        var b: String { "\(bereich.lowerBound)..\(bereich.upperBound)" }
        guard let s = gefuellt(z, e, "eine ganze Zahl \(b)") else { return nil }
        guard let a = Zahl.parseInt(s) else {
            fehler(z, e, "Alter '\(s)' ist keine ganze Zahl, erwartet \(b)")
            return nil
        }
        guard bereich.contains(a) else {
            fehler(z, e, "Alter \(a) liegt außerhalb von \(b)")
            return nil
        }
        return a
    }

    mutating func ganzzahl(_ z: CSVZeile, _ e: Int, _ name: String) -> Int? {
        guard let s = gefuellt(z, e, "eine ganze Zahl") else { return nil }
        guard let v = Zahl.parseInt(s) else {
            fehler(z, e, "\(name) '\(s)' ist keine ganze Zahl")
            return nil
        }
        return v
    }

    mutating func zahl(_ z: CSVZeile, _ e: Int, _ name: String, nichtNegativ: Bool = false) -> Double? {
        guard let s = gefuellt(z, e, nichtNegativ ? "eine Zahl ≥ 0" : "eine Zahl") else { return nil }
        guard var v = Zahl.parse(s) else {
            fehler(z, e, "\(name) '\(s)' ist keine Zahl")
            return nil
        }
        if Self.mehrdeutigerPunkt(s) { v = mehrdeutig(z, e, s, v) }
        if nichtNegativ && v < 0 {
            fehler(z, e, "negative \(name) \(s), erwartet eine Zahl ≥ 0")
            return nil
        }
        return v
    }

    /// `1.500`: one dot with one to three digits before it (not a lone 0) and exactly three after – a thousands
    /// dot in a German export, a decimal point in an English one.
    static func mehrdeutigerPunkt(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { mehrdeutigerPunkt(bytes: $0) }
    }

    /// ``mehrdeutigerPunkt(_:)`` of the text in `u`.
    static func mehrdeutigerPunkt(bytes u: UnsafeBufferPointer<UInt8>) -> Bool {
        var a = 0
        while a < u.count && (u[a] == 0x2D || u[a] == 0x2B) { a += 1 }
        guard let punkt = u[a...].firstIndex(of: 0x2E) else { return false }
        let vor = u[a..<punkt], nach = u[(punkt + 1)...]
        let ziffer = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        return (1...3).contains(vor.count) && vor.allSatisfy(ziffer) && vor.first != 0x30
            && nach.count == 3 && nach.allSatisfy(ziffer)
    }

    /// How the file writes decimals elsewhere: "," when some number has a decimal comma, "." when some number
    /// has an unambiguous decimal point, nil when it has neither. Looked at once, when an ambiguous value appears.
    lazy var dezimalzeichen: UInt8? = Self.dezimalzeichen(t)

    static func dezimalzeichen(_ t: CSVTabelle) -> UInt8? {
        var punkt = false
        for z in t.rows {
            for f in z.fields where f.utf8.contains(0x2C) || f.utf8.contains(0x2E) {
                let s = CSV.trimmed(f)
                guard Zahl.parse(s) != nil else { continue }
                let u = Array(s.utf8)
                let komma = u.lastIndex(of: 0x2C) ?? -1, p = u.lastIndex(of: 0x2E) ?? -1
                if komma > p { return 0x2C }
                if p >= 0, u.filter({ $0 == 0x2E }).count == 1, !mehrdeutigerPunkt(s) { punkt = true }
            }
        }
        return punkt ? 0x2E : nil
    }

    /// An ambiguous `1.500`: in a file with decimal commas it is read as 1500, with a note; in a file with
    /// decimal points it is 1.5; in a file with neither it is 1.5, with a note — never silently.
    mutating func mehrdeutig(_ z: CSVZeile, _ e: Int, _ s: String, _ v: Double) -> Double {
        let ort = t.ort(z, spalte: spalte[e])
        switch dezimalzeichen {
        case 0x2C:
            let tausend = Zahl.parse(s.replacingOccurrences(of: ".", with: "")) ?? v
            let t = Datendateien.deutsch(tausend)
            d.append(
                .warning(
                    ort,
                    "'\(s)' als \(t) gelesen: die Datei schreibt Dezimalkommas, der Punkt ist hier "
                        + "Tausendertrenner – eindeutig wäre \(t),00 oder ohne Punkt"))
            return tausend
        case 0x2E:
            return v
        default:
            let tausend = Datendateien.deutsch(Zahl.parse(s.replacingOccurrences(of: ".", with: "")) ?? v)
            d.append(
                .warning(
                    ort,
                    "'\(s)' als \(Datendateien.deutsch(v)) gelesen (Dezimalpunkt) – mehrdeutig: "
                        + "ist der Punkt als Tausendertrenner gemeint, bitte \(tausend) schreiben"))
            return v
        }
    }

    mutating func bevZelle(_ z: CSVZeile, gebiet: Int, geschlecht: Int, alter: Int, anzahl: Int) -> BevZelle? {
        let g = id(z, gebiet, "ein", "Gebiet")
        let s = self.geschlecht(z, geschlecht)
        let a = self.alter(z, alter, 0...Alter.max)
        let n = zahl(z, anzahl, "Anzahl", nichtNegativ: true)
        guard let g, let s, let a else { return nil }
        return BevZelle(gebiet: g, geschlecht: s, alter: a, anzahl: n ?? 0)
    }
}
