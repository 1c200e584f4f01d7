import EckwertCore
import Foundation

/// Totals of one Sozialraum and year: in the table (all Ortsteile mapped to it) and in the written file.
public struct Bevoelkerungssumme: Sendable, Hashable {
    public var jahr: Int
    public var gebiet: String
    public var tabelle: Int
    public var geschrieben: Int
}

/// The result of `eckwert import bevoelkerung`.
public struct Bevoelkerungsbericht: Sendable {
    public var kodierung: String
    public var jahre: [Int] = []
    public var summen: [Bevoelkerungssumme] = []
    public var verfahren: [Altersaufteilung.Verfahren: Int] = [:]
    public var uebersprungen = 0
    public var hinweise: [String] = []
    public var geschrieben: [String] = []
    public var probelauf = false
    public var stimmt: Bool { summen.allSatisfy { $0.tabelle == $0.geschrieben } }
}

/// `eckwert import bevoelkerung`: a statistics-office table by Ortsteil into `bevoelkerung.csv` (the Basisjahr)
/// and `bevoelkerung_historie.csv` (earlier years), aggregated to Sozialräume, split into single years.
public enum BevoelkerungImport {
    struct Schluessel: Hashable { var jahr: Int; var ortsteil: String; var geschlecht: Geschlecht }

    public static func ausfuehren(
        tabelle: String, zuordnung: String, modell ordner: String, probelauf: Bool
    )
        -> Result<Bevoelkerungsbericht, ModelError>
    {
        let stand: Modellstand
        switch Modellstand.lesen(ordner: ordner) {
        case .failure(let e): return .failure(e)
        case .success(let s): stand = s
        }
        guard let zb = FileManager.default.contents(atPath: zuordnung) else {
            return .failure(ModelError([.error(SourceLocation(file: zuordnung), "Zuordnungsdatei nicht gefunden")]))
        }
        guard let tb = FileManager.default.contents(atPath: tabelle) else {
            return .failure(ModelError([.error(SourceLocation(file: tabelle), "Tabelle nicht gefunden")]))
        }
        let z: BevoelkerungZuordnung
        switch BevoelkerungZuordnung.lesen([UInt8](zb), datei: zuordnung) {
        case .failure(let e): return .failure(e)
        case .success(let w): z = w
        }
        return einspielen(
            [UInt8](tb), datei: tabelle, z, stand, sterbetafel: sterbetafel(stand), probelauf: probelauf)
    }

    /// The model's Sterbetafel (for the open top age group), nil when it has none or it cannot be read.
    public static func sterbetafel(_ stand: Modellstand) -> Sterbetafel? {
        FileManager.default.contents(atPath: stand.pfad("sterbetafel")).flatMap {
            Datendateien.sterbetafel(bytes: [UInt8]($0), datei: stand.dateien["sterbetafel"] ?? "").wert
        }
    }

    /// The import of a table held in memory (the path above and the fuzz harness of tools/fuzz call it): reads,
    /// aggregates, splits into single years, checks the totals and, unless `probelauf`, writes the files.
    public static func einspielen(
        _ bytes: [UInt8], datei: String, _ z: BevoelkerungZuordnung, _ stand: Modellstand,
        sterbetafel: Sterbetafel?, probelauf: Bool
    ) -> Result<Bevoelkerungsbericht, ModelError> {
        let gelesen: Tabellenwerte
        switch lesen(bytes, datei: datei, z) {
        case .failure(let e): return .failure(e)
        case .success(let w): gelesen = w
        }
        var bericht = Bevoelkerungsbericht(kodierung: gelesen.kodierung, probelauf: probelauf)
        bericht.uebersprungen = gelesen.uebersprungen
        // Single years per (year, Sozialraum, sex), summed over the Ortsteile.
        var einzel: [Int: [String: [[Int]]]] = [:]
        var tabellensumme: [Int: [String: Int]] = [:]
        var fehler: [Diagnostic] = []
        for (k, gruppen) in gelesen.werte.sorted(by: {
            ($0.key.jahr, $0.key.ortsteil, $0.key.geschlecht.index)
                < ($1.key.jahr, $1.key.ortsteil, $1.key.geschlecht.index)
        }) {
            let gebiet = z.sozialraeume.isEmpty ? k.ortsteil : (z.sozialraeume[k.ortsteil] ?? "")
            let qx = sterbetafel?.qx[k.geschlecht.index]
            switch Altersaufteilung.aufteilen(gruppen, qx: qx) {
            case .failure(let f):
                fehler.append(
                    .error(
                        SourceLocation(file: datei, line: gelesen.ersteZeile[k]),
                        "Jahr \(k.jahr), Ortsteil \(k.ortsteil), \(k.geschlecht.rawValue): \(f.text)"))
            case .success(let (anzahl, verfahren)):
                bericht.verfahren[verfahren, default: 0] += 1
                let leer = [[Int]](repeating: [Int](repeating: 0, count: Alter.count), count: 2)
                var e = einzel[k.jahr, default: [:]][gebiet] ?? leer
                for a in 0..<Alter.count { e[k.geschlecht.index][a] += anzahl[a] }
                einzel[k.jahr, default: [:]][gebiet] = e
                tabellensumme[k.jahr, default: [:]][gebiet, default: 0] += gruppen.values.reduce(0, +)
            }
        }
        if !fehler.isEmpty { return .failure(ModelError(fehler)) }
        bericht.jahre = einzel.keys.sorted()
        var satz = Dateisatz()
        let b = stand.basisjahr
        var geschriebenSumme: [Int: [String: Int]] = [:]
        if let basis = einzel[b] {
            let text = bevoelkerungText(basis, jahr: nil)
            satz.setzen(stand.pfad("bevoelkerung"), Array(text.utf8))
            geschriebenSumme[b] = nachlesen(text, datei: stand.dateien["bevoelkerung"] ?? "")[0]
        } else {
            bericht.hinweise.append(
                "die Tabelle enthält das Basisjahr \(b) nicht – bevoelkerung.csv bleibt, "
                    + "wie sie ist")
        }
        let spaeter = bericht.jahre.filter { $0 > b }
        if !spaeter.isEmpty {
            bericht.hinweise.append(
                "Jahre nach dem Basisjahr nicht übernommen: "
                    + spaeter.map(String.init).joined(separator: ", "))
        }
        let frueher = bericht.jahre.filter { $0 < b }
        if !frueher.isEmpty {
            let pfad = stand.pfad("bevoelkerung_historie")
            let hdatei = stand.dateien["bevoelkerung_historie"] ?? ""
            var text = "jahr;gebiet;geschlecht;alter;anzahl\n"
            if let alt = FileManager.default.contents(atPath: pfad) {
                switch behalteneZeilen([UInt8](alt), datei: hdatei, ohne: Set(frueher)) {
                case .failure(let e): return .failure(e)
                case .success(let t): text = t
                }
            }
            for j in frueher { text += bevoelkerungText(einzel[j] ?? [:], jahr: j, kopf: false) }
            satz.setzen(pfad, Array(text.utf8))
            for (j, s) in nachlesen(text, datei: hdatei) where frueher.contains(j) { geschriebenSumme[j] = s }
        }
        for j in bericht.jahre where j <= b {
            for (g, s) in (tabellensumme[j] ?? [:]).sorted(by: { $0.key < $1.key }) {
                bericht.summen.append(
                    Bevoelkerungssumme(
                        jahr: j, gebiet: g, tabelle: s,
                        geschrieben: geschriebenSumme[j]?[g] ?? 0))
            }
        }
        guard bericht.stimmt else {
            return .failure(
                ModelError([
                    .error(
                        SourceLocation(file: datei),
                        "Summen vor und nach der Aufteilung "
                            + "stimmen nicht überein – nichts geschrieben")
                ]))
        }
        if !probelauf {
            switch satz.schreiben() {
            case .failure(let e): return .failure(e)
            case .success(let p): bericht.geschrieben = p
            }
        }
        return .success(bericht)
    }

    /// Rows `gebiet;geschlecht;alter;anzahl` (with `jahr` in front when given), Sozialräume sorted, w before m.
    static func bevoelkerungText(_ werte: [String: [[Int]]], jahr: Int?, kopf: Bool = true) -> String {
        var t = kopf ? (jahr == nil ? "gebiet;geschlecht;alter;anzahl\n" : "jahr;gebiet;geschlecht;alter;anzahl\n") : ""
        let vorn = jahr.map { "\($0);" } ?? ""
        for g in werte.keys.sorted() {
            for s in Geschlecht.allCases {
                for a in 0..<Alter.count { t += "\(vorn)\(g);\(s.rawValue);\(a);\(werte[g]?[s.index][a] ?? 0)\n" }
            }
        }
        return t
    }

    /// Totals per year (0 without a year column) and Sozialraum of a written population file, read back.
    static func nachlesen(_ text: String, datei: String) -> [Int: [String: Int]] {
        guard let t = try? CSV.lesen(Array(text.utf8), datei: datei), let ig = t.spalte("gebiet"),
            let ia = t.spalte("anzahl")
        else { return [:] }
        let ij = t.spalte("jahr")
        var s: [Int: [String: Int]] = [:]
        for r in t.rows {
            let j = ij.flatMap { Int(r.fields[$0]) } ?? 0
            s[j, default: [:]][r.fields[ig], default: 0] += Int(r.fields[ia]) ?? 0
        }
        return s
    }

    /// The existing history file without the rows of `ohne` (header and other years keep their text).
    static func behalteneZeilen(_ alt: [UInt8], datei: String, ohne: Set<Int>) -> Result<String, ModelError> {
        let t: CSVTabelle
        do { t = try CSV.lesen(alt, datei: datei) } catch { return .failure(error) }
        guard let ij = t.spalte("jahr") else {
            return .failure(
                ModelError([
                    .error(
                        SourceLocation(file: datei, line: t.headerLine),
                        "Spalte 'jahr' fehlt")
                ]))
        }
        let physisch = ModellText.physischeZeilen(String(decoding: alt, as: UTF8.self))
        var weg = Set<Int>()
        for r in t.rows where Int(r.fields[ij].getrimmt).map(ohne.contains) ?? false {
            weg.insert(r.line - 1)
        }
        var behalten = physisch.enumerated().filter { !weg.contains($0.offset) }.map(\.element)
        while behalten.last == "" { behalten.removeLast() }
        return .success(behalten.joined(separator: "\n") + "\n")
    }
}
