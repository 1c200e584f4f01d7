import Foundation

/// The lean path of the large data files (`ist.csv`, the population files, the Sozialraum tables): a file in the
/// plainest form — ASCII, `;`, exactly the expected header in the expected order, LF or CRLF line ends, no quotes,
/// blanks, comments, blank lines or empty cells — is read straight from its bytes, without a ``CSVTabelle`` and
/// without a String per cell. Anything else, and every file with something to report (a duplicate, a negative
/// count, an ambiguous `1.500`, a missing cell, a number that cannot be read), makes the lean path give up
/// (nil): the full reader then reads the file, so the value and every message are always the full reader's.
enum SchlichteCSV {
    /// One row: its physical line and the bounds of its fields in the file's bytes.
    struct Zeile {
        let p: UnsafeBufferPointer<UInt8>
        /// The physical line (1-based) of the row.
        fileprivate(set) var line = 2
        /// Start and end (exclusive) of field `c` at `2c` and `2c + 1`.
        fileprivate var grenzen: [Int]
        /// The text last built for each column, with its bounds: a value repeated from row to row (a
        /// Produkt over its lines, a Sozialraum over its ages) is built once.
        private var zuletzt: [(start: Int, ende: Int, text: String)]

        fileprivate init(_ p: UnsafeBufferPointer<UInt8>, spalten: Int) {
            self.p = p
            grenzen = [Int](repeating: 0, count: 2 * spalten)
            zuletzt = [(start: Int, ende: Int, text: String)](repeating: (0, 0, ""), count: spalten)
        }

        @inline(__always)
        func bytes(_ c: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: p[grenzen[2 * c]..<grenzen[2 * c + 1]])
        }

        /// The cell as text (as the full reader builds it: the same bytes).
        mutating func text(_ c: Int) -> String {
            let s = grenzen[2 * c], e = grenzen[2 * c + 1]
            let z = zuletzt[c]
            if z.ende - z.start == e - s, z.ende > z.start, let b = p.baseAddress,
                memcmp(b + z.start, b + s, e - s) == 0
            {
                return z.text
            }
            let t = String(decoding: bytes(c), as: UTF8.self)
            zuletzt[c] = (s, e, t)
            return t
        }

        /// The cell as a whole number, or nil where the full reader would report it.
        func ganzzahl(_ c: Int) -> Int? { Zahl.parseInt(bytes: bytes(c)) }

        /// The cell as a number, or nil where the full reader would report it (unreadable) or note it
        /// (an ambiguous `1.500`).
        func zahl(_ c: Int) -> Double? {
            let b = bytes(c)
            guard let v = Zahl.parse(bytes: b), !Leser.mehrdeutigerPunkt(bytes: b) else { return nil }
            return v
        }

        /// `w` or `m` exactly, else nil.
        func geschlecht(_ c: Int) -> Geschlecht? {
            let b = bytes(c)
            guard b.count == 1 else { return nil }
            return b[0] == 0x77 ? .w : b[0] == 0x6D ? .m : nil
        }
    }

    /// Calls `zeile` with each row in file order; false when the file is not in the plain form, has no row, or
    /// `zeile` gives up (returns false).
    static func lesen(_ bytes: [UInt8], kopf: [String], _ zeile: (inout Zeile) -> Bool) -> Bool {
        let erwartet = Array(kopf.joined(separator: ";").utf8)
        let spalten = kopf.count
        return bytes.withUnsafeBufferPointer { p in
            let n = p.count
            var i = n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
            guard n - i > erwartet.count, p[i..<(i + erwartet.count)].elementsEqual(erwartet),
                let nach = zeilenende(p, i + erwartet.count)
            else { return false }
            i = nach
            var z = Zeile(p, spalten: spalten)
            var zeilen = 0
            while i < n {
                var f = 0
                var start = i
                while true {
                    var q = start
                    while q < n {
                        let b = p[q]
                        if b == 0x3B || b == 0x0A || b == 0x0D { break }
                        // Printable ASCII only, and no quote or comment sign.
                        guard b > 0x20 && b < 0x7F && b != 0x22 && b != 0x23 else { return false }
                        q += 1
                    }
                    guard q > start, f < spalten else { return false }
                    z.grenzen[2 * f] = start
                    z.grenzen[2 * f + 1] = q
                    f += 1
                    if q < n && p[q] == 0x3B {
                        start = q + 1
                        continue
                    }
                    if q == n {
                        i = n
                    } else {
                        guard let weiter = zeilenende(p, q) else { return false }
                        i = weiter
                    }
                    break
                }
                guard f == spalten, zeile(&z) else { return false }
                zeilen += 1
                z.line += 1
            }
            return zeilen > 0
        }
    }

    /// The index after the LF or CRLF at `k`, or nil (a lone CR, or no line end).
    @inline(__always)
    private static func zeilenende(_ p: UnsafeBufferPointer<UInt8>, _ k: Int) -> Int? {
        guard k < p.count else { return nil }
        if p[k] == 0x0A { return k + 1 }
        if p[k] == 0x0D, k + 1 < p.count, p[k + 1] == 0x0A { return k + 2 }
        return nil
    }

    /// Line ends in `bytes`: a bound on the number of rows, for reserving.
    static func zeilenzahl(_ bytes: [UInt8]) -> Int {
        var n = 0
        for b in bytes where b == 0x0A { n += 1 }
        return n
    }
}

extension Datendateien {
    /// `ist.csv` by the lean path (``SchlichteCSV``), or nil.
    static func istSchlicht(_ bytes: [UInt8], _ datei: String) -> Leseergebnis<IstDaten>? {
        let kopf = ["jahr", "produkt", "groesse", "wert"]
        var daten = IstDaten()
        for (e, name) in kopf.enumerated() { daten.spalten[name] = e + 1 }
        let zeilen = SchlichteCSV.zeilenzahl(bytes)
        daten.orte.reserveCapacity(zeilen)
        // Produkt and Größe numbered while they are read: each text built once, and the table for the projection.
        var verzeichnis = Istverzeichnis()
        verzeichnis.reservieren(zeilen)
        var produkte = Textnummern(), groessen = Textnummern()
        let gelesen = SchlichteCSV.lesen(bytes, kopf: kopf) { z in
            guard let jahr = z.ganzzahl(0), let wert = z.zahl(3) else { return false }
            let p = produkte.nummer(z.bytes(1)), g = groessen.nummer(z.bytes(2))
            let k = IstSchluessel(jahr: jahr, produkt: p.text, groesse: g.text)
            // A negative case number and a duplicate have their messages in the full reader.
            if wert < 0 && istFaelle(k.groesse) { return false }
            guard daten.orte.updateValue(SourceLocation(file: datei, line: z.line), forKey: k) == nil else {
                return false
            }
            verzeichnis.anfuegen(jahr: jahr, produkt: p.nummer, groesse: g.nummer, wert: wert)
            return true
        }
        guard gelesen else { return nil }
        // Every row is one entry of the Verzeichnis, the row on line l entry l − 2. `mapValues` keeps the table
        // of `orte` and places each value in its key's slot there: no key is hashed a second time.
        daten.werte = daten.orte.mapValues { o in o.line.map { verzeichnis.werte[$0 - 2] } ?? 0 }
        verzeichnis.produkte = produkte.texte
        verzeichnis.groessen = groessen.texte
        daten.verzeichnis = verzeichnis
        return Leseergebnis(wert: daten, diagnostics: [])
    }

    /// One population cell of a plain row (`gebiet;geschlecht;alter;anzahl` from column `ab`) into `s`; false
    /// where the full reader has something to report.
    private static func bevZelleSchlicht(_ z: inout SchlichteCSV.Zeile, ab c: Int, in s: inout BevSammler) -> Bool {
        guard let g = z.geschlecht(c + 1), let a = z.ganzzahl(c + 2), (0...Alter.max).contains(a),
            let n = z.zahl(c + 3), n >= 0
        else { return false }
        return s.setzenSchlicht(gebiet: z.text(c), geschlecht: g, alter: a, anzahl: n, line: z.line)
    }

    /// `bevoelkerung.csv` by the lean path, or nil (also when a cell is missing).
    static func bevoelkerungSchlicht(_ bytes: [UInt8], _ datei: String) -> Leseergebnis<Bevoelkerung>? {
        var s = BevSammler()
        let gelesen = SchlichteCSV.lesen(bytes, kopf: ["gebiet", "geschlecht", "alter", "anzahl"]) { z in
            bevZelleSchlicht(&z, ab: 0, in: &s)
        }
        guard gelesen, s.vollstaendig else { return nil }
        return Leseergebnis(wert: s.bevoelkerung, diagnostics: [])
    }

    /// `bevoelkerung_historie.csv` by the lean path, or nil (also when a cell is missing).
    static func bevoelkerungHistorieSchlicht(
        _ bytes: [UInt8], _ datei: String
    ) -> Leseergebnis<BevoelkerungHistorie>? {
        var gruppen = BevGruppen<Int>()
        let kopf = ["jahr", "gebiet", "geschlecht", "alter", "anzahl"]
        let gelesen = SchlichteCSV.lesen(bytes, kopf: kopf) { z in
            guard let jahr = z.ganzzahl(0) else { return false }
            let g = gruppen.gruppe(jahr)
            return bevZelleSchlicht(&z, ab: 1, in: &gruppen.sammler[g])
        }
        guard gelesen, gruppen.sammler.allSatisfy(\.vollstaendig) else { return nil }
        var ergebnis: [Int: Bevoelkerung] = [:]
        for (g, jahr) in gruppen.schluessel.enumerated() { ergebnis[jahr] = gruppen.sammler[g].bevoelkerung }
        return Leseergebnis(wert: BevoelkerungHistorie(jahre: ergebnis), diagnostics: [])
    }
}
