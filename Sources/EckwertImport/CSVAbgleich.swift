import EckwertCore
import Foundation

/// One row of a model data file of the form `jahr;produkt;groesse;wert`.
struct Datenzeile: Hashable, Comparable {
    var jahr: Int
    var produkt: String
    var groesse: String

    static func < (a: Self, b: Self) -> Bool { (a.jahr, a.produkt, a.groesse) < (b.jahr, b.produkt, b.groesse) }
}

/// What merging changed in one file.
public struct Dateiaenderung: Sendable {
    public var datei: String
    public var hinzugefuegt: [String] = []
    public var geaendert: [String] = []
    public var entfernt: [String] = []
    public var unveraendert = 0
    public var hinweise: [String] = []
}

/// Merges imported amounts into `ist.csv`, `ansatz.csv` or `planung.csv` as text: rows the import does not
/// concern keep their exact text; for every (year, product) the export covers, its amount lines are replaced
/// (a line the export no longer has is removed and reported), other rows of that product and year (`faelle`)
/// stay; a row whose value is unchanged keeps its text, so importing the same export twice changes no byte.
enum CSVAbgleich {
    static func zusammenfuehren(
        alt: [UInt8]?, datei: String, neu: [Datenzeile: Int], abgedeckt: Set<Datenzeile>,
        buchungszeile: (String) -> Bool, reihenfolge: (String) -> Int,
        ansatzOhneJahr: Int?
    ) -> Result<([UInt8], Dateiaenderung), ModelError> {
        var aend = Dateiaenderung(datei: datei)
        func sortiert(_ s: [Datenzeile]) -> [Datenzeile] { sortierteZeilen(s, reihenfolge) }
        guard let alt else { return .success(neueDatei(datei, neu, sortiert)) }
        let t: CSVTabelle
        do { t = try CSV.lesen(alt, datei: datei) } catch { return .failure(error) }
        let jahrSpalte = t.spalte("jahr")
        var fehlt: [Diagnostic] = []
        var idx: [String: Int] = [:]
        for n in ["produkt", "groesse", "wert"] {
            switch t.spalteOderFehler(n) {
            case .success(let i): idx[n] = i
            case .failure(let e): fehlt += e.diagnostics
            }
        }
        if jahrSpalte == nil && ansatzOhneJahr == nil {
            if case .failure(let e) = t.spalteOderFehler("jahr") { fehlt += e.diagnostics }
        }
        guard fehlt.isEmpty, let ip = idx["produkt"], let ig = idx["groesse"], let iw = idx["wert"] else {
            return .failure(ModelError(fehlt))
        }
        if t.rows.contains(where: { $0.fields.contains { $0.contains("\n") } }) {
            return .failure(
                ModelError([
                    .error(
                        SourceLocation(file: datei),
                        "enthält Zeilenumbrüche in Feldern – "
                            + "der Import kann die Datei so nicht fortschreiben")
                ]))
        }
        let nl = alt.contains(0x0D) ? "\r\n" : "\n"
        let sep = String(t.separator)
        var physisch = ModellText.physischeZeilen(String(decoding: alt, as: UTF8.self))
        if jahrSpalte == nil, let jahr = ansatzOhneJahr {
            // ansatz.csv without years: the rows are the Ansatz of Basisjahr + 1; a year column is added.
            physisch[t.headerLine - 1] = "jahr" + sep + physisch[t.headerLine - 1]
            for r in t.rows { physisch[r.line - 1] = "\(jahr)" + sep + physisch[r.line - 1] }
            aend.hinweise.append("Spalte jahr ergänzt; die bisherigen Zeilen sind der Ansatz \(jahr)")
        }
        let spalten = t.header.count + (jahrSpalte == nil ? 1 : 0)
        let versatz = jahrSpalte == nil ? 1 : 0
        func zeilentext(_ k: Datenzeile, _ h: Int) -> String {
            var f = [String](repeating: "", count: spalten)
            f[jahrSpalte ?? 0] = "\(k.jahr)"
            f[ip + versatz] = k.produkt
            f[ig + versatz] = k.groesse
            let w = ImportZahl.csvText(h)
            f[iw + versatz] = sep == "," ? w.replacingOccurrences(of: ",", with: ".") : w
            return f.joined(separator: sep) + (nl == "\r\n" ? "\r" : "")
        }
        var erledigt = Set<Datenzeile>()
        var loeschen = Set<Int>()
        for r in t.rows {
            let jt = jahrSpalte.map { r.fields[$0].getrimmt }
            guard let jahr = jt.map({ Int($0) }) ?? ansatzOhneJahr else { continue }
            let k = Datenzeile(
                jahr: jahr, produkt: r.fields[ip].getrimmt,
                groesse: r.fields[ig].getrimmt)
            let produktJahr = Datenzeile(jahr: jahr, produkt: k.produkt, groesse: "")
            guard abgedeckt.contains(produktJahr), buchungszeile(k.groesse), !erledigt.contains(k) else {
                aend.unveraendert += 1
                continue
            }
            erledigt.insert(k)
            guard let h = neu[k] else {
                loeschen.insert(r.line - 1)
                aend.entfernt.append(beschreibung(k) + " (bisher \(r.fields[iw].getrimmt))")
                continue
            }
            let bisher = Zahl.parse(r.fields[iw]).flatMap(ImportZahl.hundertstel(ausModell:))
            if bisher == h {
                aend.unveraendert += 1
            } else {
                physisch[r.line - 1] = zeilentext(k, h)
                aend.geaendert.append(
                    beschreibung(k) + ": \(r.fields[iw].getrimmt) → "
                        + ImportZahl.csvText(h))
            }
        }
        if aend.geaendert.isEmpty && aend.entfernt.isEmpty && aend.hinweise.isEmpty
            && neu.keys.allSatisfy({ erledigt.contains($0) })
        {
            return .success((alt, aend))
        }
        physisch = physisch.enumerated().filter { !loeschen.contains($0.offset) }.map(\.element)
        if physisch.last == "" { physisch.removeLast() }
        for k in sortiert(neu.keys.filter { !erledigt.contains($0) }) {
            physisch.append(zeilentext(k, neu[k] ?? 0))
            aend.hinzugefuegt.append(beschreibung(k))
        }
        return .success((Array((physisch.joined(separator: "\n") + "\n").utf8), aend))
    }

    static func beschreibung(_ k: Datenzeile) -> String { "\(k.jahr) \(k.produkt) \(k.groesse)" }

    /// Year, product, then the scheme's line order.
    static func sortierteZeilen(_ s: [Datenzeile], _ reihenfolge: (String) -> Int) -> [Datenzeile] {
        s.map { (zeile: $0, rang: reihenfolge($0.groesse)) }
            .sorted {
                ($0.zeile.jahr, $0.zeile.produkt, $0.rang, $0.zeile.groesse)
                    < ($1.zeile.jahr, $1.zeile.produkt, $1.rang, $1.zeile.groesse)
            }
            .map(\.zeile)
    }

    /// A file that did not exist: the header and every imported row.
    static func neueDatei(
        _ datei: String, _ neu: [Datenzeile: Int], _ sortiert: ([Datenzeile]) -> [Datenzeile]
    )
        -> ([UInt8], Dateiaenderung)
    {
        var aend = Dateiaenderung(datei: datei)
        var text = "jahr;produkt;groesse;wert\n"
        for k in sortiert(Array(neu.keys)) {
            text += "\(k.jahr);\(k.produkt);\(k.groesse);\(ImportZahl.csvText(neu[k] ?? 0))\n"
            aend.hinzugefuegt.append(beschreibung(k))
        }
        return (Array(text.utf8), aend)
    }
}
