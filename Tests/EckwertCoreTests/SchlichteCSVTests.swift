import Foundation
import Testing

@testable import EckwertCore

/// The lean path of the large data files (``SchlichteCSV``) against the full readers (``CSV`` + ``Leser``): the
/// same value and the same messages on the shipped model's files, on hand-made edge cases and on mutated files;
/// and it is really taken where a file is plain, and really left where the full reader has something to say.
@Suite struct SchlichteCSVTests {
    static let ordner = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/musterstadt")

    static func datei(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: ordner.appendingPathComponent(name)))
    }

    /// The full reader on `bytes` (no lean path).
    static func voll<W>(_ bytes: [UInt8], _ name: String, _ f: (CSVTabelle) -> Leseergebnis<W>) -> Leseergebnis<W> {
        do { return f(try CSV.lesen(bytes, datei: name)) } catch {
            return Leseergebnis(wert: nil, diagnostics: error.diagnostics)
        }
    }

    /// Value (in a comparable form) and messages of the reader used by the loader and of the full reader.
    struct Vergleich {
        var gleich: Bool
        var schlicht: Bool
    }

    static func ist(_ b: [UInt8]) -> Vergleich {
        let a = Datendateien.ist(bytes: b, datei: "ist.csv"), v = voll(b, "ist.csv", Datendateien.ist)
        let gleich =
            a.diagnostics == v.diagnostics && a.wert?.werte == v.wert?.werte && a.wert?.orte == v.wert?.orte
            && a.wert?.unlesbar == v.wert?.unlesbar && a.wert?.spalten == v.wert?.spalten
        return Vergleich(
            gleich: gleich && verzeichnisWieWerte(a.wert),
            schlicht: Datendateien.istSchlicht(b, "ist.csv") != nil)
    }

    /// The numbered Ist of the lean path holds exactly the pairs of `werte` (each key once, its value bit for
    /// bit, a text per number); the full reader gives none.
    static func verzeichnisWieWerte(_ ist: IstDaten?) -> Bool {
        guard let ist, let v = ist.verzeichnis else { return true }
        guard v.anzahl == ist.werte.count, Set(v.produkte).count == v.produkte.count,
            Set(v.groessen).count == v.groessen.count,
            // Every text is some key's (the alias check asks the texts instead of the keys).
            Set(v.produktNummern).count == v.produkte.count, Set(v.groessenNummern).count == v.groessen.count
        else { return false }
        var gesehen = Set<IstSchluessel>()
        for e in 0..<v.anzahl {
            let k = IstSchluessel(
                jahr: v.jahre[e], produkt: v.produkte[Int(v.produktNummern[e])],
                groesse: v.groessen[Int(v.groessenNummern[e])])
            guard gesehen.insert(k).inserted, ist.werte[k]?.bitPattern == v.werte[e].bitPattern else { return false }
        }
        return true
    }

    static func bevoelkerung(_ b: [UInt8]) -> Vergleich {
        let a = Datendateien.bevoelkerung(bytes: b, datei: "b.csv"), v = voll(b, "b.csv", Datendateien.bevoelkerung)
        return Vergleich(
            gleich: a.diagnostics == v.diagnostics && a.wert == v.wert,
            schlicht: Datendateien.bevoelkerungSchlicht(b, "b.csv") != nil)
    }

    static func historie(_ b: [UInt8]) -> Vergleich {
        let a = Datendateien.bevoelkerungHistorie(bytes: b, datei: "h.csv")
        let v = voll(b, "h.csv", Datendateien.bevoelkerungHistorie)
        return Vergleich(
            gleich: a.diagnostics == v.diagnostics && a.wert?.jahre == v.wert?.jahre,
            schlicht: Datendateien.bevoelkerungHistorieSchlicht(b, "h.csv") != nil)
    }

    /// A Sozialraum table by the loader's reader and by the full reader; taken: plain in form, and nothing for
    /// the full reader to report (the lean path leaves every such file to it).
    static func tabelle<K: Hashable & Sendable>(
        _ b: [UInt8], _ kopf: [String], _ wertName: String, _ f: (Int, String, String) -> K
    ) -> Vergleich {
        let a = SozialraumDateien.tabelle(b, "t.csv", kopf, wertName, f)
        let v = SozialraumDateien.tabelle(b, "t.csv", kopf, wertName, schlicht: false, f)
        let gleich = a.diagnostics == v.diagnostics && a.wert?.0 == v.wert?.0 && a.wert?.1 == v.wert?.1
        let form = SchlichteCSV.lesen(b, kopf: kopf) { _ in true }
        return Vergleich(gleich: gleich, schlicht: form && v.diagnostics.isEmpty)
    }

    static func faelle(_ b: [UInt8]) -> Vergleich {
        tabelle(b, ["jahr", "gebiet", "produkt", "faelle"], "Fallzahl") {
            GebietsfallSchluessel(jahr: $0, gebiet: $1, produkt: $2)
        }
    }

    static func indikatoren(_ b: [UInt8]) -> Vergleich {
        tabelle(b, ["jahr", "gebiet", "indikator", "wert"], "Wert") {
            IndikatorSchluessel(jahr: $0, gebiet: $1, indikator: $2)
        }
    }

    static var leser: [(String, ([UInt8]) -> Vergleich)] {
        [
            ("ist.csv", ist), ("bevoelkerung.csv", bevoelkerung), ("bevoelkerung_historie.csv", historie),
            ("faelle_gebiete.csv", faelle), ("indikatoren.csv", indikatoren),
        ]
    }

    @Test func shippedFilesTakeTheLeanPathAlike() throws {
        for (name, vergleich) in Self.leser {
            let v = vergleich(try Self.datei(name))
            #expect(v.gleich, "\(name)")
            #expect(v.schlicht, "\(name)")
        }
        // Real values of the shipped files (first rows, read by hand).
        let ist = try #require(Datendateien.istSchlicht(try Self.datei("ist.csv"), "ist.csv")?.wert)
        let k = IstSchluessel(jahr: 2020, produkt: "31.1.01", groesse: "faelle")
        #expect(ist.werte[k] == 1469)
        #expect(ist.orte[k] == SourceLocation(file: "ist.csv", line: 2))
        #expect(ist.spalten == ["jahr": 1, "produkt": 2, "groesse": 3, "wert": 4])
        // The numbered form: every key once; the 2020 cases of 31.1.01 among them; gone once `werte` changes.
        let v = try #require(ist.verzeichnis)
        #expect(v.anzahl == ist.werte.count && v.anzahl > 100)
        let e = try #require(
            (0..<v.anzahl).first {
                v.jahre[$0] == 2020 && v.produkte[Int(v.produktNummern[$0])] == "31.1.01"
                    && v.groessen[Int(v.groessenNummern[$0])] == "faelle"
            })
        #expect(v.werte[e] == 1469)
        var geaendert = ist
        geaendert.werte[k] = 1470
        #expect(geaendert.verzeichnis == nil && ist.verzeichnis != nil)
        let bev = try #require(Datendateien.bevoelkerungSchlicht(try Self.datei("bevoelkerung.csv"), "b")?.wert)
        #expect(bev[gebiet: 0, geschlecht: .w, alter: 0] == 238)
        #expect(bev.gebiete.first == "S01")
        let ind = try #require(SozialraumDateien.indikatoren(bytes: try Self.datei("indikatoren.csv"), datei: "i").wert)
        #expect(ind.0[IndikatorSchluessel(jahr: 2024, gebiet: "S01", indikator: "sgb2_quote")] == 10.7)
    }

    /// Texts numbered in order of first appearance, the same bytes always the same number and text, also after
    /// the table has grown many times (500 texts, each met three times, shuffled).
    @Test func textnummernStabil() {
        var rng = SplitMix64(seed: 11)
        let texte = (0..<500).map { "P\($0 * 7919 % 1000).\($0)" }
        var folge = Array(texte.indices) + Array(texte.indices) + Array(texte.indices)
        folge.shuffle(using: &rng)
        var nummern = Textnummern()
        var erste: [String: Int32] = [:]
        for k in folge {
            let b = Array(texte[k].utf8)
            let n = b.withUnsafeBufferPointer { nummern.nummer($0) }
            #expect(n.text == texte[k])
            if erste[texte[k]] == nil { erste[texte[k]] = Int32(erste.count) }
            #expect(n.nummer == erste[texte[k]])
        }
        #expect(nummern.texte.count == 500)
        for (t, n) in erste { #expect(nummern.texte[Int(n)] == t) }
    }

    /// Files the lean path must leave to the full reader (each has something to report or an unusual form), and
    /// plain variants it must read (CRLF, BOM, no final line end).
    @Test func edgeCasesReadAlike() {
        let kopf = "jahr;produkt;groesse;wert\n"
        let verlassen = [
            "2024;1.1;faelle;-3\n", "2024;1.1;faelle;1\n2024;1.1;faelle;2\n", "2024;1.1;x;1.500\n", "2024;1.1;x;\n",
            "2024;1.1;x;1\n\n", "2024;\"1.1\";x;1\n", "2024; 1.1;x;1\n", "2024;1.1;x;1;\n", "2024;1.1;x;1\r",
            "# Kommentar\n2024;1.1;x;1\n", "2024;1.1;x;eins\n", "2024;1.1;x;1\n2024;1.2\n", "zwanzig;1.1;x;1\n",
            "2024;1.1;grö;1\n", "",
        ]
        for rest in verlassen {
            let b = Array((kopf + rest).utf8)
            let v = Self.ist(b)
            #expect(v.gleich, "\(rest.debugDescription)")
            #expect(!v.schlicht, "\(rest.debugDescription)")
        }
        #expect(!Self.ist(Array("produkt;jahr;groesse;wert\n1.1;2024;x;1\n".utf8)).schlicht)
        #expect(!Self.ist(Array("Jahr;produkt;groesse;wert\n2024;1.1;x;1\n".utf8)).schlicht)
        let genommen = [
            "2024;1.1;x;1\r\n2024;1.1;y;-2,5\r\n", "2024;1.1;x;1", "2024;1.1;faelle;-0\n2024;1.1;x;1.5\n",
            "2024;1.1;x;1.234,5\n2023;1.1;x;1e3\n",
        ]
        for rest in genommen {
            for bom in ["", "\u{FEFF}"] {
                let v = Self.ist(Array((bom + kopf + rest).utf8))
                #expect(v.gleich && v.schlicht, "\(rest.debugDescription)")
            }
        }
        // A population with a missing cell or an upper-case sex goes to the full reader.
        var zeilen = ["gebiet;geschlecht;alter;anzahl"]
        for s in ["w", "m"] { for a in 0...100 { zeilen.append("S1;\(s);\(a);\(a)") } }
        let voll = zeilen.joined(separator: "\n")
        #expect(Self.bevoelkerung(Array(voll.utf8)).schlicht)
        for ersatz in [("S1;w;7;7\n", ""), ("S1;w;7;7", "S1;W;7;7"), ("S1;w;7;7", "S1;w;7;-7")] {
            let v = Self.bevoelkerung(Array(voll.replacingOccurrences(of: ersatz.0, with: ersatz.1).utf8))
            #expect(v.gleich && !v.schlicht, "\(ersatz)")
        }
    }

    /// The fuzz corpus's mutations of the shipped files: never a crash, always the full reader's value and
    /// messages; both paths must occur often, or one of them would go unchecked.
    @Test func mutatedFilesReadAlike() throws {
        var rng = SplitMix64(seed: 5)
        for (name, vergleich) in Self.leser {
            // The first 202 rows: one complete Sozialraum of a population (the full reader is slow in a debug build).
            let zeilen = try Self.datei(name).split(separator: 0x0A, omittingEmptySubsequences: false).prefix(203)
            let vorlage = Array(zeilen.joined(separator: [0x0A]))
            var schlicht = 0, voll = 0
            for _ in 0..<150 {
                let b = YAMLFuzzTests.mutiere(vorlage, &rng)
                let v = vergleich(b)
                #expect(v.gleich, "\(name): \(String(decoding: b, as: UTF8.self).prefix(300))")
                if v.schlicht { schlicht += 1 } else { voll += 1 }
            }
            #expect(schlicht > 10 && voll > 10, "\(name): \(schlicht) schlicht, \(voll) voll")
        }
    }

    @Test func mehrdeutigerPunktAufBytes() {
        let faelle: [(String, Bool)] = [
            ("1.500", true), ("-12.345", true), ("+-1.000", true), ("999.999", true), ("0.003", false),
            ("1.5", false), ("1234.500", false), ("1.234.567", false), (".500", false), ("1.50a", false),
            ("", false),
        ]
        for (s, erwartet) in faelle {
            var t = s
            #expect(t.withUTF8 { Leser.mehrdeutigerPunkt(bytes: $0) } == erwartet, "\(s)")
        }
    }
}
