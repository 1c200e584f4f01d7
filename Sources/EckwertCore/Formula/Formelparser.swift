/// A fault in a Kennzahl formula: the 1-based column (in characters, i.e. Swift `Character`s / grapheme
/// clusters, of the formula text) and a German message. An error at the end of the formula has
/// column `length + 1`; every column lies within `1...(length + 1)`.
public struct Formelfehler: Error, Sendable, Equatable, CustomStringConvertible {
    public var spalte: Int
    public var meldung: String

    public init(spalte: Int, meldung: String) {
        self.spalte = spalte
        self.meldung = meldung
    }

    public var description: String { "Spalte \(spalte): \(meldung)" }
}

/// Parser for the Kennzahl formula language (modellformat.md section 8).
///
/// Grammar (whitespace allowed between any two tokens):
///
///     formel   = ausdruck END
///     ausdruck = summand { ("+" | "-") summand }          left associative
///     summand  = faktor { ("*" | "/") faktor }            left associative
///     faktor   = "-" faktor | primaer                    unary minus binds tighter than * and /
///     primaer  = zahl | aufruf | "(" ausdruck ")"
///     zahl     = ziffer { ziffer } [ "." ziffer { ziffer } ]     e.g. 1000, 0.5 (not .5, not 5., no exponent)
///     aufruf   = ("faelle" | "aufwand" | "ertrag" | "zuschuss" | "fallkosten" | "plaetze" | "luecke") "(" text ")"
///              | "zeile" "(" text "," text ")"
///              | "kennzahl" "(" text ")"
///              | "bev" "(" [ benannt { "," benannt } ] ")"
///     benannt  = "alter" "=" ( "[" ganz "," ganz "]" | text )   0 <= von <= bis <= 100; text = group name
///              | "geschlecht" "=" ( "\"w\"" | "\"m\"" )
///              | "gebiet" "=" text                          each name at most once, any order
///     text     = '"' { not '"' } '"' | "'" { not "'" } "'"  non-empty, no escapes
///
/// Function and argument names are case-sensitive (lower case). There is no unary plus.
/// Limits: at most `maxLaenge` characters, parentheses and unary minus nested at most `maxTiefe`
/// deep, at most `maxOperatoren` binary operators; so the AST depth stays below
/// `maxTiefe + maxOperatoren + 1` and every recursive walk over it is safe.
public enum Formelparser {
    public static let maxLaenge = 10_000
    public static let maxTiefe = 100
    public static let maxOperatoren = 1_000

    /// The function names of the language, in the order of docs/modellformat.md.
    public static let funktionsnamen: [String] = Formelfunktion.allCases.map(\.rawValue)

    public static func parse(_ text: String) throws(Formelfehler) -> Ausdruck {
        var zeichen: [Character] = []
        zeichen.reserveCapacity(min(text.utf8.count, maxLaenge + 1))
        for c in text {
            if zeichen.count == maxLaenge {
                throw Formelfehler(spalte: maxLaenge + 1, meldung: "Formel zu lang (höchstens \(maxLaenge) Zeichen)")
            }
            zeichen.append(c)
        }
        var parser = Formelleser(zeichen)
        return try parser.formel()
    }

    /// A "did you mean" candidate among `kandidaten` for a misspelt `name`, if one is close enough.
    static func vorschlag(_ name: String, _ kandidaten: [String]) -> String? {
        guard name.count <= 40 else { return nil }
        let normal = normalisiert(name)
        if let treffer = kandidaten.first(where: { $0 == normal }) { return treffer }
        var beste: (String, Int)?
        for k in kandidaten {
            let d = Aehnlichkeit.abstand(Array(normal), Array(k))
            let grenze = k.count <= 4 ? 1 : 2
            if d <= grenze, d < (beste?.1 ?? Int.max) { beste = (k, d) }
        }
        return beste?.0
    }

    private static func normalisiert(_ s: String) -> String {
        var r = ""
        for c in s.lowercased() {
            switch c {
            case "ä": r += "ae"
            case "ö": r += "oe"
            case "ü": r += "ue"
            case "ß": r += "ss"
            default: r.append(c)
            }
        }
        return r
    }
}

/// The functions of the language by name.
private enum Formelfunktion: String, CaseIterable, Sendable {
    case faelle, aufwand, ertrag, zuschuss, fallkosten, zeile, bev, plaetze, luecke, kennzahl, indikator
}

// MARK: - Lexer

private struct Formeltoken: Sendable {
    enum Art: Sendable, Equatable {
        case zahl(String)
        case name(String)
        case text(String)
        case plus, minus, mal, durch
        case klammerAuf, klammerZu, eckigAuf, eckigZu, komma, gleich
        /// A character that starts no token; the parser reports it in context.
        case fremd(Character)
        case ende
    }
    var art: Art
    var spalte: Int
}

private func istZiffer(_ c: Character) -> Bool {
    guard let a = c.asciiValue, c != "\r\n" else { return false }
    return a >= 48 && a <= 57
}

private func istNamensanfang(_ c: Character) -> Bool { c == "_" || c.isLetter }
private func istNamenszeichen(_ c: Character) -> Bool { c == "_" || c.isLetter || istZiffer(c) }

/// How a character is shown in a message: itself, plus its code point when it is invisible or odd.
private func zeichenBeschreibung(_ c: Character) -> String {
    let sichtbar = (c.isLetter || c.isPunctuation || c.isSymbol || c.isNumber) && c.unicodeScalars.count == 1
    if sichtbar { return "'\(c)'" }
    let codes = c.unicodeScalars.map { scalar -> String in
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
    return "'\(c)' (\(codes.joined(separator: " ")))"
}

// MARK: - Parser

private struct Formelleser {
    private let z: [Character]
    private var pos = 0
    private var tok = Formeltoken(art: .ende, spalte: 1)
    private var vorigesWarZahl = false
    private var tiefe = 0
    private var operatoren = 0

    init(_ zeichen: [Character]) { z = zeichen }

    private var endeSpalte: Int { z.count + 1 }

    // MARK: Lexing

    /// Reads the next token into `tok`.
    private mutating func weiter() throws(Formelfehler) {
        if case .zahl = tok.art { vorigesWarZahl = true } else { vorigesWarZahl = false }
        while pos < z.count, z[pos].isWhitespace { pos += 1 }
        guard pos < z.count else {
            tok = Formeltoken(art: .ende, spalte: endeSpalte)
            return
        }
        let start = pos
        let spalte = pos + 1
        let c = z[pos]
        pos += 1
        let art: Formeltoken.Art
        switch c {
        case "+": art = .plus
        case "-": art = .minus
        case "*": art = .mal
        case "/": art = .durch
        case "(": art = .klammerAuf
        case ")": art = .klammerZu
        case "[": art = .eckigAuf
        case "]": art = .eckigZu
        case ",": art = .komma
        case "=": art = .gleich
        case "\"", "'":
            while pos < z.count, z[pos] != c { pos += 1 }
            guard pos < z.count else {
                throw Formelfehler(
                    spalte: spalte, meldung: "Zeichenkette nicht abgeschlossen – schließendes \(c) fehlt")
            }
            art = .text(String(z[(start + 1)..<pos]))
            pos += 1
        case ".":
            if pos < z.count, istZiffer(z[pos]) {
                throw Formelfehler(spalte: spalte, meldung: "Zahl muss mit einer Ziffer beginnen, z. B. 0.5 statt .5")
            }
            art = .fremd(c)
        default:
            if istZiffer(c) {
                while pos < z.count, istZiffer(z[pos]) { pos += 1 }
                if pos < z.count, z[pos] == "." {
                    pos += 1
                    guard pos < z.count, istZiffer(z[pos]) else {
                        throw Formelfehler(spalte: pos + 1, meldung: "Ziffer nach dem Dezimalpunkt erwartet")
                    }
                    while pos < z.count, istZiffer(z[pos]) { pos += 1 }
                }
                art = .zahl(String(z[start..<pos]))
            } else if istNamensanfang(c) {
                while pos < z.count, istNamenszeichen(z[pos]) { pos += 1 }
                art = .name(String(z[start..<pos]))
            } else {
                art = .fremd(c)
            }
        }
        tok = Formeltoken(art: art, spalte: spalte)
    }

    private static func beschreibung(_ art: Formeltoken.Art) -> String {
        switch art {
        case .zahl(let s): return "Zahl \(s)"
        case .name(let s): return "'\(s)'"
        case .text(let s): return "Zeichenkette \"\(s.count > 30 ? String(s.prefix(30)) + "…" : s)\""
        case .plus: return "'+'"
        case .minus: return "'-'"
        case .mal: return "'*'"
        case .durch: return "'/'"
        case .klammerAuf: return "'('"
        case .klammerZu: return "')'"
        case .eckigAuf: return "'['"
        case .eckigZu: return "']'"
        case .komma: return "','"
        case .gleich: return "'='"
        case .fremd(let c): return zeichenBeschreibung(c)
        case .ende: return "Formelende"
        }
    }

    private func fehler(_ meldung: String, _ spalte: Int? = nil) -> Formelfehler {
        Formelfehler(spalte: spalte ?? tok.spalte, meldung: meldung)
    }

    /// "<was> erwartet" at the current token, naming what was found instead, with an optional example.
    private func erwartet(_ was: String, hinweis: String? = nil) -> Formelfehler {
        let zusatz = hinweis.map { " (\($0))" } ?? ""
        switch tok.art {
        case .ende: return fehler("\(was) erwartet, aber die Formel endet hier" + zusatz)
        case .fremd(let c): return fehler("unerwartetes Zeichen \(zeichenBeschreibung(c)) – \(was) erwartet" + zusatz)
        default: return fehler("\(was) erwartet, gefunden: \(Self.beschreibung(tok.art))" + zusatz)
        }
    }

    // MARK: Expressions

    mutating func formel() throws(Formelfehler) -> Ausdruck {
        try weiter()
        if tok.art == .ende { throw fehler("leere Formel", 1) }
        let a = try ausdruck()
        switch tok.art {
        case .ende:
            return a
        case .klammerZu:
            throw fehler("unerwartete schließende Klammer ')' – keine öffnende Klammer dazu")
        case .komma where vorigesWarZahl:
            throw fehler("unerwartetes ',' – Dezimalzahlen mit Punkt schreiben, z. B. 0.5")
        case .fremd(let c):
            throw fehler("unerwartetes Zeichen \(zeichenBeschreibung(c))")
        default:
            throw fehler("Rechenzeichen oder Formelende erwartet, gefunden: \(Self.beschreibung(tok.art))")
        }
    }

    private mutating func binaererOperator() throws(Formelfehler) {
        operatoren += 1
        if operatoren > Formelparser.maxOperatoren {
            throw fehler("Formel zu lang (höchstens \(Formelparser.maxOperatoren) Rechenzeichen)")
        }
        try weiter()
    }

    private mutating func ausdruck() throws(Formelfehler) -> Ausdruck {
        var links = try summand()
        while true {
            let op: Ausdruck.Operator
            switch tok.art {
            case .plus: op = .plus
            case .minus: op = .minus
            default: return links
            }
            try binaererOperator()
            let rechts = try summand()
            links = .binaer(op, links, rechts)
        }
    }

    private mutating func summand() throws(Formelfehler) -> Ausdruck {
        var links = try faktor()
        while true {
            let op: Ausdruck.Operator
            switch tok.art {
            case .mal: op = .mal
            case .durch: op = .durch
            default: return links
            }
            try binaererOperator()
            let rechts = try faktor()
            links = .binaer(op, links, rechts)
        }
    }

    private mutating func tiefer() throws(Formelfehler) {
        tiefe += 1
        if tiefe > Formelparser.maxTiefe {
            throw fehler("Formel zu tief verschachtelt (höchstens \(Formelparser.maxTiefe) Ebenen)")
        }
    }

    private mutating func faktor() throws(Formelfehler) -> Ausdruck {
        var minusse = 0
        while tok.art == .minus {
            try tiefer()
            minusse += 1
            try weiter()
        }
        var e = try primaer()
        for _ in 0..<minusse { e = .negation(e) }
        tiefe -= minusse
        return e
    }

    private mutating func primaer() throws(Formelfehler) -> Ausdruck {
        switch tok.art {
        case .zahl(let s):
            guard let d = Double(s), d.isFinite else { throw fehler("Zahl zu groß") }
            try weiter()
            return .zahl(d)
        case .klammerAuf:
            let offen = tok.spalte
            try tiefer()
            try weiter()
            let e = try ausdruck()
            guard tok.art == .klammerZu else {
                throw erwartet("schließende Klammer ')'", hinweis: "zu '(' in Spalte \(offen)")
            }
            tiefe -= 1
            try weiter()
            return e
        case .name(let name):
            return try aufruf(name)
        case .text:
            throw fehler("Zeichenkette nur als Argument einer Funktion erlaubt, z. B. faelle(\"36.3.05\")")
        case .plus:
            throw fehler("Zahl, Funktion oder '(' erwartet, gefunden: '+' (ein Vorzeichen '+' gibt es nicht)")
        default:
            throw erwartet("Zahl, Funktion oder '('")
        }
    }

    // MARK: Calls

    private mutating func aufruf(_ name: String) throws(Formelfehler) -> Ausdruck {
        let spalte = tok.spalte
        guard let f = Formelfunktion(rawValue: name) else {
            var m = "unbekannte Funktion '\(name)'"
            if let v = Formelparser.vorschlag(name, Formelparser.funktionsnamen) {
                m += " – meinten Sie '\(v)'?"
            } else {
                m += " – erlaubt: " + Formelparser.funktionsnamen.joined(separator: ", ")
            }
            throw fehler(m)
        }
        try weiter()
        guard tok.art == .klammerAuf else { throw erwartet("'(' nach '\(name)'") }
        try weiter()
        let a: Aufruf
        switch f {
        case .faelle:
            let p = try produktArgument(f)
            a = try gebietArgument(name).map { .faelleGebiet(p, $0) } ?? .faelle(p)
        case .indikator:
            let id = try textArgument(
                "Indikator-Id in Anführungszeichen", beispiel: "indikator(\"sgb2_quote\", gebiet=\"S01\")")
            a = .indikator(id, try gebietArgument(name))
        case .aufwand: a = .aufwand(try produktArgument(f))
        case .ertrag: a = .ertrag(try produktArgument(f))
        case .zuschuss: a = .zuschuss(try produktArgument(f))
        case .fallkosten: a = .fallkosten(try produktArgument(f))
        case .plaetze: a = .plaetze(try produktArgument(f))
        case .luecke: a = .luecke(try produktArgument(f))
        case .zeile:
            let p = try produktArgument(f)
            guard tok.art == .komma else {
                throw erwartet("',' und Zeilenschlüssel", hinweis: "z. B. zeile(\"36.3.05\", \"transferaufwendungen\")")
            }
            try weiter()
            a = .zeile(
                p, try textArgument("Zeilenschlüssel in Anführungszeichen", beispiel: "\"transferaufwendungen\""))
        case .kennzahl:
            a = .kennzahl(try textArgument("Kennzahl-Id in Anführungszeichen", beispiel: "kennzahl(\"K-36.3-1\")"))
        case .bev:
            a = .bev(try bevArgumente())
            return .aufruf(a, spalte: spalte)  // bevArgumente consumed the ')'
        }
        guard tok.art == .klammerZu else {
            if tok.art == .komma { throw fehler("zu viele Argumente für '\(name)' – ')' erwartet") }
            throw erwartet("schließende Klammer ')'")
        }
        try weiter()
        return .aufruf(a, spalte: spalte)
    }

    /// An optional `, gebiet="id"` after the first argument.
    private mutating func gebietArgument(_ funktion: String) throws(Formelfehler) -> String? {
        guard tok.art == .komma else { return nil }
        let komma = tok.spalte
        try weiter()
        guard case .name(let n) = tok.art, n == "gebiet" else {
            throw fehler("zu viele Argumente für '\(funktion)' – ')' oder gebiet=\"…\" erwartet", komma)
        }
        try weiter()
        guard tok.art == .gleich else { throw erwartet("'=' nach 'gebiet'") }
        try weiter()
        return try textArgument("Gebiets-Id in Anführungszeichen", beispiel: "gebiet=\"S01\"")
    }

    private mutating func produktArgument(_ f: Formelfunktion) throws(Formelfehler) -> String {
        try textArgument("Produktnummer in Anführungszeichen", beispiel: "\(f.rawValue)(\"36.3.05\")")
    }

    private mutating func textArgument(_ was: String, beispiel: String) throws(Formelfehler) -> String {
        guard case .text(let s) = tok.art else { throw erwartet(was, hinweis: "z. B. " + beispiel) }
        if s.isEmpty { throw fehler("leere Zeichenkette – \(was) erwartet") }
        try weiter()
        return s
    }

    private mutating func bevArgumente() throws(Formelfehler) -> BevAuswahl {
        let erlaubt = ["alter", "geschlecht", "gebiet"]
        var auswahl = BevAuswahl()
        var gesehen: Set<String> = []
        if tok.art == .klammerZu {
            try weiter()
            return auswahl
        }
        while true {
            guard case .name(let n) = tok.art else {
                throw erwartet("benanntes Argument (alter=…, geschlecht=… oder gebiet=…)")
            }
            guard erlaubt.contains(n) else {
                var m = "unbekanntes Argument '\(n)' für bev"
                if let v = Formelparser.vorschlag(n, erlaubt) {
                    m += " – meinten Sie '\(v)'?"
                } else {
                    m += " – erlaubt: alter, geschlecht, gebiet"
                }
                throw fehler(m)
            }
            guard gesehen.insert(n).inserted else { throw fehler("Argument '\(n)' doppelt angegeben") }
            try weiter()
            guard tok.art == .gleich else {
                if tok.art == .fremd(":") { throw fehler("'=' statt ':' verwenden: \(n)=…") }
                throw erwartet("'=' nach '\(n)'")
            }
            try weiter()
            switch n {
            case "alter": auswahl.alter = try alterArgument()
            case "geschlecht":
                guard case .text(let s) = tok.art, let g = Geschlecht(rawValue: s) else {
                    throw fehler("Argument 'geschlecht' erwartet \"w\" oder \"m\"")
                }
                auswahl.geschlecht = g
                try weiter()
            default:
                auswahl.gebiet = try textArgument("Gebiets-Id in Anführungszeichen", beispiel: "gebiet=\"nord\"")
            }
            switch tok.art {
            case .komma: try weiter()
            case .klammerZu:
                try weiter()
                return auswahl
            default: throw erwartet("',' oder ')'")
            }
        }
    }

    private mutating func alterArgument() throws(Formelfehler) -> BevAuswahl.Alter {
        switch tok.art {
        case .text(let s):
            if s.isEmpty { throw fehler("leere Zeichenkette – Name einer Altersgruppe erwartet") }
            try weiter()
            return .gruppe(s)
        case .eckigAuf:
            let offen = tok.spalte
            try weiter()
            let von = try alterZahl()
            guard tok.art == .komma else { throw erwartet("','") }
            try weiter()
            let bis = try alterZahl()
            guard tok.art == .eckigZu else { throw erwartet("schließende Klammer ']'") }
            try weiter()
            if von > bis {
                throw fehler("Altersbereich [\(von), \(bis)]: Anfang größer als Ende", offen)
            }
            return .bereich(von, bis)
        default:
            throw fehler("Argument 'alter' erwartet [von, bis] oder einen Gruppennamen in Anführungszeichen")
        }
    }

    private mutating func alterZahl() throws(Formelfehler) -> Int {
        switch tok.art {
        case .zahl(let s):
            if s.contains(".") { throw fehler("ganze Zahl erwartet (Alter in Jahren)") }
            guard let n = Int(s), n <= Alter.max else { throw fehler("Alter zwischen 0 und \(Alter.max) erwartet") }
            try weiter()
            return n
        case .minus:
            throw fehler("Alter zwischen 0 und \(Alter.max) erwartet")
        default:
            throw erwartet("Zahl")
        }
    }
}
