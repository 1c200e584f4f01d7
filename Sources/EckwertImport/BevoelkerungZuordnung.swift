import EckwertCore
import Yams

/// A count column of a wide statistics table: which age (group) and/or sex it holds.
public struct Zaehlspalte: Sendable {
    public var spalte: String
    public var alter: Altersspanne?
    public var geschlecht: Geschlecht?
}

/// The mapping file of `eckwert import bevoelkerung` (see docs/import.md).
public struct BevoelkerungZuordnung: Sendable {
    public var kodierung: Textkodierung?
    public var zahlenformat: Zahlformat = .deutsch
    /// The year when the table has no year column.
    public var jahr: Int?
    /// Role → column: jahr, gebiet, geschlecht, alter, anzahl.
    public var spalten: [String: String] = [:]
    public var werte: [Zaehlspalte] = []
    /// Text of the sex column → sex (case-insensitive).
    public var geschlechter: [String: Geschlecht] = ["w": .w, "weiblich": .w, "m": .m, "männlich": .m]
    /// Label of an age group in the table → group.
    public var altersgruppen: [String: Altersspanne] = [:]
    /// Ortsteil → Sozialraum; empty: the table's areas are the model's.
    public var sozialraeume: [String: String] = [:]
    /// Rows whose area or age cell reads like this are totals and skipped.
    public var ueberspringen: Set<String> = []

    static let schluessel = [
        "kodierung", "zahlenformat", "jahr", "spalten", "werte", "geschlechter", "altersgruppen",
        "sozialraeume", "ueberspringen",
    ]

    public static func lesen(_ bytes: [UInt8], datei: String) -> Result<BevoelkerungZuordnung, ModelError> {
        var l = ZuordnungsLeser(datei: datei)
        guard let w = l.wurzel(bytes), let paare = l.abschnitt(w, "der Zuordnung", erlaubt: schluessel) else {
            return .failure(ModelError(l.d.isEmpty ? [.error(SourceLocation(file: datei), "Zuordnung ist leer")] : l.d))
        }
        var z = BevoelkerungZuordnung()
        for (key, v) in paare { z.lesen(key, v, &l) }
        if z.spalten["gebiet"] == nil { l.fehler(w, "spalten: 'gebiet' fehlt (die Spalte mit dem Ortsteil)") }
        if (z.spalten["anzahl"] == nil) == z.werte.isEmpty {
            l.fehler(w, "genau eines von spalten: anzahl (langes Format) oder werte (breites Format) angeben")
        }
        if z.spalten["jahr"] == nil && z.jahr == nil {
            l.fehler(w, "das Jahr fehlt: spalten: jahr (Spalte) oder jahr: 2025 (für die ganze Tabelle)")
        }
        if z.spalten["alter"] == nil && z.werte.contains(where: { $0.alter == nil }) {
            l.fehler(w, "das Alter fehlt: spalten: alter oder bei jeder Wertspalte alter angeben")
        }
        if z.spalten["geschlecht"] == nil && (z.werte.isEmpty || z.werte.contains { $0.geschlecht == nil }) {
            l.fehler(w, "das Geschlecht fehlt: spalten: geschlecht oder bei jeder Wertspalte geschlecht angeben")
        }
        if l.d.contains(where: { $0.severity == .error }) { return .failure(ModelError(l.d)) }
        return .success(z)
    }

    private mutating func lesen(_ key: String, _ v: Node, _ l: inout ZuordnungsLeser) {
        switch key {
        case "kodierung": kodierung = l.kodierung(v)
        case "zahlenformat": zahlenformat = l.auswahl(v, key, Zahlformat.allCases) ?? .deutsch
        case "jahr": jahr = l.ganzzahl(v, "jahr", 1990...2100)
        case "spalten":
            let rollen = ["jahr", "gebiet", "geschlecht", "alter", "anzahl"]
            for (r, n) in l.abschnitt(v, "spalten", erlaubt: rollen) ?? [] { spalten[r] = l.text(n, "spalten \(r)") }
        case "werte":
            for e in l.liste(v, "werte") ?? [] {
                guard let p = l.abschnitt(e, "werte", erlaubt: ["spalte", "alter", "geschlecht"]) else { continue }
                var s = Zaehlspalte(spalte: "")
                for (k, n) in p {
                    switch k {
                    case "spalte": s.spalte = l.text(n, "werte spalte") ?? ""
                    case "alter": s.alter = altersgruppe(n, &l)
                    default: s.geschlecht = l.auswahl(n, "werte geschlecht", Geschlecht.allCases)
                    }
                }
                if s.spalte.isEmpty { l.fehler(e, "werte: spalte fehlt") } else { werte.append(s) }
            }
        case "geschlechter":
            geschlechter = [:]
            for (g, n) in l.abschnitt(v, "geschlechter", erlaubt: ["w", "m"]) ?? [] {
                for t in l.texte(n, "geschlechter \(g)") ?? [] {
                    geschlechter[t.lowercased()] = Geschlecht(rawValue: g)
                }
            }
        case "altersgruppen":
            for (t, n) in l.abschnitt(v, "altersgruppen", erlaubt: nil) ?? [] {
                if let g = altersgruppe(n, &l) { altersgruppen[t.lowercased()] = g }
            }
        case "sozialraeume":
            for (o, n) in l.abschnitt(v, "sozialraeume", erlaubt: nil) ?? [] {
                if let s = l.text(n, "sozialraeume \(o)") { sozialraeume[o] = s }
            }
        case "ueberspringen":
            for t in l.texte(v, "ueberspringen") ?? [] { ueberspringen.insert(t.lowercased()) }
        default: break
        }
    }

    private func altersgruppe(_ n: Node, _ l: inout ZuordnungsLeser) -> Altersspanne? {
        guard let t = l.text(n, "Altersgruppe") else { return nil }
        if let g = Altersspanne.lesen(t) { return g }
        l.fehler(n, "Altersgruppe '\(t)' nicht lesbar – erwartet z. B. 5, 0-2, 85+")
        return nil
    }
}
