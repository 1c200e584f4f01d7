import EckwertCore
import Yams

/// The kind of a value in a finance-system export and the model file it goes to.
public enum Wertart: String, Sendable, CaseIterable, Comparable {
    case ist, ansatz, planung, ve

    /// The model file, or nil for Verpflichtungsermächtigungen (the model keeps none).
    public var datei: String? {
        switch self {
        case .ist: "ist.csv"
        case .ansatz: "ansatz.csv"
        case .planung: "planung.csv"
        case .ve: nil
        }
    }

    public var anzeige: String {
        switch self {
        case .ist: "Ist"
        case .ansatz: "Ansatz"
        case .planung: "Planung"
        case .ve: "VE"
        }
    }

    public static func < (a: Wertart, b: Wertart) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// Ertrag or Aufwand: the side of a line.
public enum Seite: String, Sendable, Hashable {
    case ertrag, aufwand
}

/// How the export signs its amounts.
public enum Vorzeichenregel: String, Sendable, CaseIterable {
    /// Erträge negative, Aufwendungen positive (SAP and most finance systems: the Haben side is negative).
    case ertraegeNegativ = "ertraege_negativ"
    /// Aufwendungen negative, Erträge positive.
    case aufwendungenNegativ = "aufwendungen_negativ"
    /// Amounts positive; the Kennzeichen column says whether a row is Ertrag or Aufwand.
    case nachKennzeichen = "nach_kennzeichen"
    /// Erträge and Aufwendungen both positive, as the model keeps them.
    case positiv

    /// The model's amount (Ertrag and Aufwand positive) from the export's amount, and back (the same map).
    func modellwert(_ roh: Int, _ seite: Seite) -> Int {
        switch (self, seite) {
        case (.ertraegeNegativ, .ertrag), (.aufwendungenNegativ, .aufwand): -roh
        default: roh
        }
    }
}

/// A value column of a wide export: its year, kind and optionally the side (a column of Erträge only).
public struct Wertspalte: Sendable {
    public var spalte: String
    public var jahr: Int
    public var art: Wertart
    public var seite: Seite?
}

/// The long layout: one value column, the year and kind in columns of their own.
public struct Langformat: Sendable {
    public var jahr: String
    public var art: String
    public var wert: String
    /// Text in the kind column → kind (case-insensitive).
    public var arten: [String: Wertart]
}

/// The mapping file of `eckwert import haushalt` (see docs/import.md).
public struct HaushaltZuordnung: Sendable {
    public var kodierung: Textkodierung?
    public var zahlenformat: Zahlformat = .deutsch
    public var vorzeichen: Vorzeichenregel = .ertraegeNegativ
    /// Role → column name: produkt, produktname, produktgruppe, produktgruppenname, produktbereich,
    /// produktbereichsname, konto, zeile, kennzeichen.
    public var spalten: [String: String] = [:]
    /// Kennzeichen text (case-insensitive) → side.
    public var kennzeichen: [String: Seite] = [:]
    /// Digits of the Produktbereich and Produktgruppe for undotted numbers without level columns.
    public var stellenBereich: Int?
    public var stellenGruppe: Int?
    public var werte: [Wertspalte] = []
    public var lang: Langformat?
    /// Account prefix → line key; wins over the scheme's account groups.
    public var konten: [String: String] = [:]
    /// Line code in the export → line key.
    public var zeilen: [String: String] = [:]
    /// For exports without lines: the line that receives all Erträge / all Aufwendungen of a product.
    public var ohneZeilen: [Seite: String] = [:]
    /// `art` written for new products (pflicht | freiwillig).
    public var neueProdukteArt = "pflicht"

    static let rollen = [
        "produkt", "produktname", "produktgruppe", "produktgruppenname", "produktbereich",
        "produktbereichsname", "konto", "zeile", "kennzeichen",
    ]
    static let schluessel = [
        "kodierung", "zahlenformat", "vorzeichen", "spalten", "kennzeichen", "gliederung",
        "werte", "lang", "konten", "zeilen", "ohne_zeilen", "neue_produkte",
    ]

    /// Reads and checks a mapping file against the model's line scheme.
    public static func lesen(
        _ bytes: [UInt8], datei: String, kontenrahmen k: Kontenrahmen
    )
        -> Result<HaushaltZuordnung, ModelError>
    {
        var l = ZuordnungsLeser(datei: datei)
        guard let w = l.wurzel(bytes), let paare = l.abschnitt(w, "der Zuordnung", erlaubt: schluessel) else {
            return .failure(ModelError(l.d.isEmpty ? [.error(SourceLocation(file: datei), "Zuordnung ist leer")] : l.d))
        }
        var z = HaushaltZuordnung()
        for (key, v) in paare { z.lesen(key, v, &l, k) }
        z.pruefen(&l, w)
        if l.d.contains(where: { $0.severity == .error }) { return .failure(ModelError(l.d)) }
        return .success(z)
    }

    private mutating func lesen(_ key: String, _ v: Node, _ l: inout ZuordnungsLeser, _ k: Kontenrahmen) {
        switch key {
        case "kodierung": kodierung = l.kodierung(v)
        case "zahlenformat": zahlenformat = l.auswahl(v, key, Zahlformat.allCases) ?? .deutsch
        case "vorzeichen": vorzeichen = l.auswahl(v, key, Vorzeichenregel.allCases) ?? .ertraegeNegativ
        case "spalten":
            for (r, n) in l.abschnitt(v, "spalten", erlaubt: Self.rollen) ?? [] {
                spalten[r] = l.text(n, "spalten \(r)")
            }
        case "kennzeichen":
            for (s, n) in l.abschnitt(v, "kennzeichen", erlaubt: ["ertrag", "aufwand"]) ?? [] {
                for t in l.texte(n, "kennzeichen \(s)") ?? [] { kennzeichen[t.lowercased()] = Seite(rawValue: s) }
            }
        case "gliederung":
            for (s, n) in l.abschnitt(v, "gliederung", erlaubt: ["produktbereich", "produktgruppe"]) ?? [] {
                let stellen = l.ganzzahl(n, "gliederung \(s)", 1...20)
                if s == "produktbereich" { stellenBereich = stellen } else { stellenGruppe = stellen }
            }
        case "werte": werteLesen(v, &l)
        case "lang": langLesen(v, &l)
        case "konten", "zeilen":
            for (code, n) in l.abschnitt(v, key, erlaubt: nil) ?? [] {
                guard let text = l.text(n, "\(key) \(code)") else { continue }
                let zeile = k.schluessel(text) ?? text
                if !k.istBuchungszeile(zeile) { l.fehler(n, Self.keineZeile(zeile, k, "\(key) '\(code)'")) }
                if key == "konten" { konten[code] = zeile } else { zeilen[code.lowercased()] = zeile }
            }
        case "ohne_zeilen":
            for (s, n) in l.abschnitt(v, "ohne_zeilen", erlaubt: ["ertrag", "aufwand"]) ?? [] {
                guard let text = l.text(n, "ohne_zeilen \(s)"), let seite = Seite(rawValue: s) else { continue }
                let zeile = k.schluessel(text) ?? text
                if !k.istBuchungszeile(zeile) { l.fehler(n, Self.keineZeile(zeile, k, "ohne_zeilen \(s)")) }
                if let z = k.zeile(zeile), z.art != (seite == .ertrag ? .ertrag : .aufwand), k.istBuchungszeile(zeile) {
                    let art = seite == .ertrag ? "Ertrags" : "Aufwands"
                    l.fehler(n, "ohne_zeilen \(s): '\(zeile)' ist keine \(art)zeile")
                }
                ohneZeilen[seite] = zeile
            }
        case "neue_produkte":
            for (s, n) in l.abschnitt(v, "neue_produkte", erlaubt: ["art"]) ?? [] where s == "art" {
                if let a = l.text(n, "neue_produkte art") {
                    if ["pflicht", "freiwillig"].contains(a) {
                        neueProdukteArt = a
                    } else {
                        l.fehler(n, "neue_produkte art: erwartet pflicht oder freiwillig")
                    }
                }
            }
        default: break
        }
    }

    static func keineZeile(_ zeile: String, _ k: Kontenrahmen, _ wo: String) -> String {
        var t = "\(wo): '\(zeile)' ist keine Buchungszeile des Kontenrahmens \(k.id)"
        if let h = Aehnlichkeit.vorschlag(zeile, aus: k.buchungszeilen), h != zeile { t += " – meinten Sie '\(h)'?" }
        return t
    }

    private mutating func werteLesen(_ v: Node, _ l: inout ZuordnungsLeser) {
        for e in l.liste(v, "werte") ?? [] {
            guard let p = l.abschnitt(e, "werte", erlaubt: ["spalte", "jahr", "art", "seite"]) else { continue }
            var spalte: String?, jahr: Int?, art: Wertart?, seite: Seite?
            for (key, n) in p {
                switch key {
                case "spalte": spalte = l.text(n, "werte spalte")
                case "jahr": jahr = l.ganzzahl(n, "werte jahr", 1990...2100)
                case "art": art = l.auswahl(n, "werte art", Wertart.allCases)
                default: seite = l.auswahl(n, "werte seite", [Seite.ertrag, .aufwand])
                }
            }
            guard let spalte, let jahr, let art else {
                l.fehler(e, "werte: jeder Eintrag braucht spalte, jahr und art (ist | ansatz | planung | ve)")
                continue
            }
            werte.append(Wertspalte(spalte: spalte, jahr: jahr, art: art, seite: seite))
        }
    }

    private mutating func langLesen(_ v: Node, _ l: inout ZuordnungsLeser) {
        guard let p = l.abschnitt(v, "lang", erlaubt: ["jahr", "art", "wert", "arten"]) else { return }
        var f = Langformat(jahr: "", art: "", wert: "", arten: [:])
        for (key, n) in p {
            switch key {
            case "jahr": f.jahr = l.text(n, "lang jahr") ?? ""
            case "art": f.art = l.text(n, "lang art") ?? ""
            case "wert": f.wert = l.text(n, "lang wert") ?? ""
            default:
                let namen = Wertart.allCases.map(\.rawValue)
                for (a, m) in l.abschnitt(n, "lang arten", erlaubt: namen) ?? [] {
                    for t in l.texte(m, "lang arten \(a)") ?? [] { f.arten[t.lowercased()] = Wertart(rawValue: a) }
                }
            }
        }
        if f.jahr.isEmpty || f.art.isEmpty || f.wert.isEmpty || f.arten.isEmpty {
            l.fehler(v, "lang: braucht jahr, art, wert (Spaltennamen) und arten (Text der Spalte art je Wertart)")
        }
        lang = f
    }

    private func pruefen(_ l: inout ZuordnungsLeser, _ w: Node) {
        if spalten["produkt"] == nil { l.fehler(w, "spalten: 'produkt' fehlt (die Spalte mit der Produktnummer)") }
        if werte.isEmpty == (lang == nil) {
            l.fehler(
                w,
                "genau eines von 'werte' (breites Format: eine Spalte je Jahr und Wertart) oder 'lang' "
                    + "(langes Format: Spalten für Jahr, Wertart und Betrag) angeben")
        }
        if spalten["konto"] != nil && spalten["zeile"] != nil {
            l.fehler(w, "spalten: entweder 'konto' (Sachkonto) oder 'zeile' (Zeilencode) angeben, nicht beide")
        }
        let ohneZeileninfo = spalten["konto"] == nil && spalten["zeile"] == nil
        if ohneZeileninfo && (ohneZeilen[.ertrag] == nil || ohneZeilen[.aufwand] == nil) {
            l.fehler(
                w,
                "der Export hat weder 'konto' noch 'zeile': dann unter ohne_zeilen die Zeilen für "
                    + "ertrag und aufwand angeben")
        }
        if ohneZeileninfo && spalten["kennzeichen"] == nil && werte.contains(where: { $0.seite == nil }) {
            l.fehler(
                w,
                "ohne Konto und Zeile muss jede Wertspalte eine seite haben, oder es gibt eine Spalte "
                    + "kennzeichen")
        }
        if spalten["kennzeichen"] != nil && kennzeichen.isEmpty {
            l.fehler(w, "kennzeichen: die Texte für ertrag und aufwand fehlen (z. B. {ertrag: [E], aufwand: [A]})")
        }
        if vorzeichen == .nachKennzeichen && spalten["kennzeichen"] == nil {
            l.fehler(w, "vorzeichen nach_kennzeichen braucht spalten: kennzeichen")
        }
    }
}
