import EckwertCore
import Foundation
import Yams

/// What the importers need to know of a model folder before they write into it: the Basisjahr, the line
/// scheme, the data file names and the products and levels already declared. Read from `modell.yaml` alone, so
/// that a starter model without data can be imported into.
public struct Modellstand: Sendable {
    public var ordner: String
    public var modellText: String
    public var basisjahr: Int
    public var kontenrahmen: Kontenrahmen
    /// Role (ist, ansatz, planung, bevoelkerung, bevoelkerung_historie, sterbetafel) → file name.
    public var dateien: [String: String]
    public var produkte: [String: String] = [:]
    public var produktgruppen: [String: String] = [:]
    public var produktbereiche: [String: String] = [:]

    static let standard = [
        "ist": "ist.csv", "ansatz": "ansatz.csv", "planung": "planung.csv",
        "bevoelkerung": "bevoelkerung.csv", "bevoelkerung_historie": "bevoelkerung_historie.csv",
        "sterbetafel": "sterbetafel.csv",
    ]

    public func pfad(_ rolle: String) -> String {
        URL(fileURLWithPath: ordner).appendingPathComponent(dateien[rolle] ?? rolle).path
    }

    public static func lesen(ordner: String) -> Result<Modellstand, ModelError> {
        let datei = "modell.yaml"
        let pfad = URL(fileURLWithPath: ordner).appendingPathComponent(datei).path
        guard let data = FileManager.default.contents(atPath: pfad) else {
            return .failure(
                ModelError([
                    .error(
                        SourceLocation(file: pfad),
                        "modell.yaml nicht gefunden – ist "
                            + "'\(ordner)' ein Modellordner?")
                ]))
        }
        var l = ZuordnungsLeser(datei: datei)
        let bytes = [UInt8](data)
        guard let w = l.wurzel(bytes), let paare = l.abschnitt(w, "modell.yaml", erlaubt: nil) else {
            return .failure(ModelError(l.d))
        }
        var b: Int?
        var kname = "nkf"
        var dateien = standard
        var s = Modellstand(
            ordner: ordner, modellText: String(decoding: bytes, as: UTF8.self), basisjahr: 0,
            kontenrahmen: .nkf, dateien: [:])
        for (key, v) in paare {
            switch key {
            case "basisjahr": b = l.ganzzahl(v, "basisjahr", 1990...2100)
            case "kontenrahmen": kname = l.text(v, "kontenrahmen") ?? "nkf"
            case "daten":
                for (r, n) in l.abschnitt(v, "daten", erlaubt: nil) ?? [] {
                    if let t = n.scalar?.string { dateien[r] = t }
                }
            case "produkte": s.produkte = nummern(v)
            case "produktgruppen": s.produktgruppen = nummern(v)
            case "produktbereiche": s.produktbereiche = nummern(v)
            default: break
            }
        }
        guard let b else {
            l.fehler(w, "basisjahr fehlt in modell.yaml")
            return .failure(ModelError(l.d))
        }
        s.basisjahr = b
        s.dateien = dateien
        if let k = Kontenrahmen.eingebaut(kname) {
            s.kontenrahmen = k
        } else {
            let kp = URL(fileURLWithPath: ordner).appendingPathComponent(kname).path
            guard let kd = FileManager.default.contents(atPath: kp) else {
                return .failure(ModelError([.error(SourceLocation(file: kname), "Kontenrahmen-Datei fehlt")]))
            }
            let (k, d) = Kontenrahmen.lesen(text: String(decoding: kd, as: UTF8.self), datei: kname)
            guard let k else { return .failure(ModelError(d)) }
            s.kontenrahmen = k
        }
        return .success(s)
    }

    /// nr → name of a list of `{nr, name}` entries.
    static func nummern(_ n: Node) -> [String: String] {
        guard case let .sequence(seq) = n else { return [:] }
        var aus: [String: String] = [:]
        for e in seq {
            guard case let .mapping(m) = e, let nr = m["nr"]?.scalar?.string else { continue }
            aus[nr] = m["name"]?.scalar?.string ?? ""
        }
        return aus
    }

    /// The declared level a product belongs to by the longest prefix (for dotted numbers ending at a dot).
    public func bereich(von nr: String) -> String? { Modellstand.laengsterPraefix(nr, produktbereiche.keys) }

    static func laengsterPraefix<S: Sequence>(_ nr: String, _ ebenen: S) -> String? where S.Element == String {
        var best: String? = nil
        for e in ebenen where istPraefix(e, von: nr) && e.count > (best?.count ?? 0) { best = e }
        return best
    }

    /// Whether `ebene` is a level prefix of `nr`: undotted digits by plain prefix, dotted numbers at a dot.
    static func istPraefix(_ ebene: String, von nr: String) -> Bool {
        guard nr.hasPrefix(ebene), nr.count > ebene.count else { return false }
        if nr.contains(".") { return nr[nr.index(nr.startIndex, offsetBy: ebene.count)] == "." }
        return true
    }
}

/// Adds entries to lists of `modell.yaml` as text, so that everything a planner wrote (comments, order, drivers,
/// targets) stays byte for byte.
enum ModellText {
    /// `text` with `eintraege` (complete lines, without line ends) appended to the top-level list `liste`.
    static func anhaengen(_ text: String, liste: String, _ eintraege: [String]) -> Result<String, ModelError> {
        guard !eintraege.isEmpty else { return .success(text) }
        let nl = text.contains("\r\n") ? "\r\n" : "\n"
        var zeilen = physischeZeilen(text).map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        let endetMitUmbruch = zeilen.last == ""
        if endetMitUmbruch { zeilen.removeLast() }
        guard let start = zeilen.firstIndex(where: { $0.hasPrefix(liste + ":") }) else {
            let rest = zeilen + [liste + ":"] + eintraege.map { "  " + $0 }
            return .success(rest.joined(separator: nl) + nl)
        }
        var wert = String(zeilen[start].dropFirst(liste.count + 1))
        if let h = wert.firstIndex(of: "#") { wert = String(wert[..<h]) }
        wert = wert.trimmingCharacters(in: .whitespaces)
        if wert == "[]" {
            zeilen[start] = liste + ":"
        } else if !wert.isEmpty {
            return .failure(
                ModelError([
                    .error(
                        SourceLocation(file: "modell.yaml", line: start + 1),
                        "'\(liste)' steht in einer Zeile ([…]) – bitte als Liste mit einem Eintrag je Zeile schreiben, dann "
                            + "kann der Import Einträge anfügen")
                ]))
        }
        var ende = start + 1
        while ende < zeilen.count {
            if let c = zeilen[ende].first, !(c == " " || c == "#" || c == "-" || c == "\t") { break }
            ende += 1
        }
        var letzte = start
        var einzug = "  "
        var einzugGefunden = false
        for i in (start + 1)..<max(start + 1, ende) {
            let z = zeilen[i]
            let t = z.drop { $0 == " " }
            if t.isEmpty || z.hasPrefix("#") { continue }
            letzte = i
            if !einzugGefunden && t.hasPrefix("- ") {
                einzug = String(z.prefix(z.count - t.count))
                einzugGefunden = true
            }
        }
        zeilen.insert(contentsOf: eintraege.map { $0.isEmpty ? "" : einzug + $0 }, at: letzte + 1)
        return .success(zeilen.joined(separator: nl) + (endetMitUmbruch ? nl : ""))
    }

    /// The physical lines of a text, split at LF only (a CR stays at the end of its line). Swift's own splitting
    /// by Character would keep CRLF together and not split at all.
    static func physischeZeilen(_ text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
            String(String.UnicodeScalarView($0))
        }
    }

    /// A YAML double-quoted string.
    static func zitiert(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
