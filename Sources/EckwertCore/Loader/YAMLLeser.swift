import Foundation
import Yams

/// Reads YAML into located nodes and records every problem in a `Befund`, so that a model with many faults
/// reports all of them. Scalars are read from their source text (never through YAML's own type guessing), so
/// `nr: 36.30` stays "36.30" and `2026: 4000` is read as year 2026.
final class Befund {
    var diagnostics = Diagnostics()
    func fehler(_ ort: SourceLocation?, _ text: String) { diagnostics.error(ort, text) }
    func warnung(_ ort: SourceLocation?, _ text: String) { diagnostics.warning(ort, text) }
}

/// A YAML node with the file it came from: one entry of a ``YAMLBaum``.
struct YKnoten {
    let baum: YAMLBaum
    let index: Int32

    private var eintrag: YAMLBaum.Eintrag { baum.eintraege[Int(index)] }

    var datei: String { baum.datei }

    var ort: SourceLocation {
        let e = eintrag
        return SourceLocation(
            file: baum.datei, line: e.zeile > 0 ? Int(e.zeile) : nil, column: e.spalte > 0 ? Int(e.spalte) : nil)
    }

    /// The scalar's source text, or nil for mappings and sequences.
    var skalar: String? {
        let e = eintrag
        return e.art == .skalar ? baum.texte[Int(e.anfang)] : nil
    }

    /// A quoted scalar ('…' or "…").
    var gequotet: Bool {
        let e = eintrag
        return e.art == .skalar
            && (e.stil == UInt8(Node.Scalar.Style.singleQuoted.rawValue)
                || e.stil == UInt8(Node.Scalar.Style.doubleQuoted.rawValue))
    }

    /// A scalar that YAML reads as null (`~`, `null`, empty, unquoted).
    var istNull: Bool {
        let e = eintrag
        guard e.art == .skalar,
            e.stil == UInt8(Node.Scalar.Style.plain.rawValue) || e.stil == UInt8(Node.Scalar.Style.any.rawValue)
        else { return false }
        switch baum.texte[Int(e.anfang)] {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    private func kinder(_ art: YAMLBaum.Art) -> [YKnoten]? {
        let e = eintrag
        guard e.art == art else { return nil }
        let a = Int(e.anfang)
        return baum.kinder[a..<(a + Int(e.anzahl))].map { YKnoten(baum: baum, index: $0) }
    }

    /// A mapping's number of (key, value) pairs, or nil.
    var paarzahl: Int? {
        let e = eintrag
        return e.art == .abschnitt ? Int(e.anzahl) / 2 : nil
    }

    /// Pair `i` (0 ≤ i < ``paarzahl``) of a mapping, straight from the tree: reading a mapping pair by pair
    /// makes one node per key and value, where ``paare`` first builds the array of children and then the
    /// array of pairs (each node copy a retain of the tree, each array's end a release of every node in it).
    func paar(_ i: Int) -> (schluessel: YKnoten, wert: YKnoten) {
        let a = Int(eintrag.anfang) + 2 * i
        return (YKnoten(baum: baum, index: baum.kinder[a]), YKnoten(baum: baum, index: baum.kinder[a + 1]))
    }

    /// A mapping's (key, value) pairs in file order, or nil.
    var paare: [(schluessel: YKnoten, wert: YKnoten)]? {
        guard let n = paarzahl else { return nil }
        return (0..<n).map { paar($0) }
    }

    /// A sequence's items, or nil.
    var elemente: [YKnoten]? { kinder(.liste) }

    /// In a mapping, the text of the first value whose key's text is `schluessel`.
    func wert(_ schluessel: String) -> String? {
        guard let n = paarzahl else { return nil }
        for i in 0..<n {
            let p = paar(i)
            if p.schluessel.skalar == schluessel { return p.wert.skalar }
        }
        return nil
    }

    var art: String {
        switch eintrag.art {
        case .skalar: "ein Einzelwert"
        case .abschnitt: "ein Abschnitt (Schlüssel: Wert)"
        case .liste: "eine Liste"
        case .verweis: "ein Verweis"
        }
    }
}

/// A mapping whose keys are plain strings, in file order.
struct YAbschnitt {
    let knoten: YKnoten
    /// (key text, key location, value)
    let paare: [(schluessel: String, ort: SourceLocation, wert: YKnoten)]
    /// A readable name for messages, e.g. "Produkt 36.3.05".
    let kontext: String

    subscript(_ key: String) -> YKnoten? {
        // By index: only the matching pair's value is copied, not every pair looked at.
        for i in paare.indices where paare[i].schluessel == key {
            let w = paare[i].wert
            return w.istNull ? nil : w
        }
        return nil
    }

    func enthaelt(_ key: String) -> Bool { self[key] != nil }

    var ort: SourceLocation { knoten.ort }

    /// Errors for every key not in `erlaubt`, with a "meinten Sie" hint.
    func pruefeSchluessel(_ erlaubt: [String], _ befund: Befund) {
        var i = 0
        while i < paare.count {
            let p = paare[i]
            i += 1
            if erlaubt.contains(p.schluessel) { continue }
            if let (text, weiter) = kommaImText(ab: i - 1, erlaubt) {
                befund.fehler(p.ort, text)
                i = weiter
                continue
            }
            var text = "unbekannter Schlüssel '\(p.schluessel)' in \(kontext)"
            if let hint = Aehnlichkeit.vorschlag(p.schluessel, aus: erlaubt) {
                text += " – meinten Sie '\(hint)'?"
            } else {
                text += " (erlaubt: \(erlaubt.joined(separator: ", ")))"
            }
            befund.fehler(p.ort, text)
        }
    }

    /// `{name: Kinder-, Jugend- und Familienhilfe}`: in a flow mapping a comma ends the entry, so the rest of the
    /// text becomes keys without values. Recognised when the unknown key at `i` has no value and follows a text
    /// value on the same line; returns the message and the index after the run of such keys.
    private func kommaImText(ab i: Int, _ erlaubt: [String]) -> (String, Int)? {
        // Same line as the previous value: only a flow mapping puts two entries on one line (Yams does not keep
        // the mapping's style).
        guard i > 0, paare[i].wert.istNull, let vorher = paare[i - 1].wert.skalar,
            paare[i].ort.line != nil, paare[i].ort.line == paare[i - 1].wert.ort.line
        else { return nil }
        var teile = [vorher, paare[i].schluessel]
        var j = i + 1
        while j < paare.count, !erlaubt.contains(paare[j].schluessel), paare[j].wert.istNull {
            teile.append(paare[j].schluessel)
            j += 1
        }
        let key = paare[i - 1].schluessel
        let text =
            "\(kontext): das Komma nach '\(key): \(vorher)' beendet in {…} den Eintrag, der Rest "
            + "'\(teile.dropFirst().joined(separator: ", "))' wird zu einem Schlüssel – Text mit Komma in "
            + "Anführungszeichen setzen: \(key): \"\(teile.joined(separator: ", "))\""
        return (text, j)
    }

    /// The value of a required key; records an error naming the key when it is missing.
    func pflicht(_ key: String, _ befund: Befund, erwartet: String? = nil) -> YKnoten? {
        if let v = self[key] { return v }
        var text = "Pflichtangabe '\(key)' fehlt in \(kontext)"
        if let erwartet { text += " (erwartet: \(erwartet))" }
        befund.fehler(ort, text)
        return nil
    }
}

/// Typed reading of located nodes; each function records an error naming what was expected and returns nil.
struct YLeser {
    let befund: Befund

    func abschnitt(_ k: YKnoten, _ kontext: String) -> YAbschnitt? {
        guard let n = k.paarzahl else {
            befund.fehler(k.ort, "\(kontext): erwartet ist ein Abschnitt (Schlüssel: Wert), gefunden \(k.art)")
            return nil
        }
        // Labelled as `YAbschnitt.paare`: an array of unlabelled tuples would be converted element by element
        // through a dynamic cast.
        var paare: [(schluessel: String, ort: SourceLocation, wert: YKnoten)] = []
        paare.reserveCapacity(n)
        for i in 0..<n {
            let (kk, value) = k.paar(i)
            guard let s = kk.skalar else {
                befund.fehler(kk.ort, "\(kontext): Schlüssel muss ein einfacher Text sein, gefunden \(kk.art)")
                continue
            }
            paare.append((s, kk.ort, value))
        }
        return YAbschnitt(knoten: k, paare: paare, kontext: kontext)
    }

    func liste(_ k: YKnoten, _ kontext: String) -> [YKnoten]? {
        guard let s = k.elemente else {
            befund.fehler(k.ort, "\(kontext): erwartet ist eine Liste (- …), gefunden \(k.art)")
            return nil
        }
        return s
    }

    func text(_ k: YKnoten, _ kontext: String) -> String? {
        guard let s = k.skalar else {
            befund.fehler(k.ort, "\(kontext): erwartet ist ein Text, gefunden \(k.art)")
            return nil
        }
        let t = Self.getrimmt(s, .whitespacesAndNewlines)
        if t.isEmpty {
            befund.fehler(k.ort, "\(kontext): darf nicht leer sein")
            return nil
        }
        return t
    }

    func ganzzahl(_ k: YKnoten, _ kontext: String, _ bereich: ClosedRange<Int>? = nil) -> Int? {
        guard let s = k.skalar.map({ Self.getrimmt($0, .whitespaces) }), let v = Int(s) else {
            befund.fehler(k.ort, "\(kontext): erwartet ist eine ganze Zahl, gefunden '\(k.skalar ?? k.art)'")
            return nil
        }
        if let bereich, !bereich.contains(v) {
            befund.fehler(k.ort, "\(kontext): \(v) liegt außerhalb von \(bereich.lowerBound)..\(bereich.upperBound)")
            return nil
        }
        return v
    }

    func zahl(_ k: YKnoten, _ kontext: String, _ bereich: ClosedRange<Double>? = nil) -> Double? {
        guard let s = k.skalar, let v = Self.zahlWert(s) else {
            befund.fehler(
                k.ort, "\(kontext): erwartet ist eine Zahl (Dezimalpunkt, z. B. 0.035), gefunden '\(k.skalar ?? k.art)'"
            )
            return nil
        }
        if let bereich, !bereich.contains(v) {
            befund.fehler(
                k.ort,
                "\(kontext): \(Self.zeige(v)) liegt außerhalb von \(Self.zeige(bereich.lowerBound))..\(Self.zeige(bereich.upperBound))"
            )
            return nil
        }
        return v
    }

    /// A YAML number: decimal point, optional sign, exponent, `_` separators; finite only.
    static func zahlWert(_ s: String) -> Double? {
        let g = Self.getrimmt(s, .whitespaces)
        let t = g.utf8.contains(UInt8(ascii: "_")) ? g.replacingOccurrences(of: "_", with: "") : g
        guard !t.isEmpty, t.count < 64, let v = Double(t), v.isFinite else { return nil }
        // Double("0x10") and "nan"/"inf" spellings are refused: digits, sign, point, exponent only.
        guard t.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
        return v
    }

    /// `s.trimmingCharacters(in: menge)`, without Foundation where nothing can be trimmed: first and last byte
    /// ASCII and none of tab, LF, VT, FF, CR, space (the only ASCII members of either set). The set is made only
    /// then: `CharacterSet.whitespaces` builds a new set through CoreFoundation on every use.
    static func getrimmt(_ s: String, _ menge: @autoclosure () -> CharacterSet) -> String {
        let u = s.utf8
        guard let a = u.first, let z = u.last else { return s }
        func frei(_ b: UInt8) -> Bool { b < 0x80 && !(0x09...0x0D).contains(b) && b != 0x20 }
        return frei(a) && frei(z) ? s : s.trimmingCharacters(in: menge())
    }

    static func zeige(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return String(v)
    }

    func wahrheitswert(_ k: YKnoten, _ kontext: String) -> Bool? {
        switch k.skalar?.lowercased() {
        case "true", "ja", "yes": return true
        case "false", "nein", "no": return false
        default:
            befund.fehler(k.ort, "\(kontext): erwartet ist true oder false, gefunden '\(k.skalar ?? k.art)'")
            return nil
        }
    }

    func auswahl<T: RawRepresentable>(_ k: YKnoten, _ kontext: String, _ typ: T.Type, _ werte: [String]) -> T?
    where T.RawValue == String {
        guard let s = k.skalar else {
            befund.fehler(
                k.ort, "\(kontext): erwartet ist einer der Werte \(werte.joined(separator: " | ")), gefunden \(k.art)")
            return nil
        }
        if let v = T(rawValue: Self.getrimmt(s, .whitespaces)) { return v }
        var text = "\(kontext): '\(s)' ist nicht erlaubt, erwartet \(werte.joined(separator: " | "))"
        if let hint = Aehnlichkeit.vorschlag(s, aus: werte) { text += " – meinten Sie '\(hint)'?" }
        befund.fehler(k.ort, text)
        return nil
    }

    /// `[von, bis]` with 0 ≤ von ≤ bis ≤ 100.
    func altersbereich(_ k: YKnoten, _ kontext: String) -> (Int, Int)? {
        guard let items = k.elemente, items.count == 2 else {
            befund.fehler(k.ort, "\(kontext): erwartet ist [von, bis] mit Altern 0..100")
            return nil
        }
        guard let a = ganzzahl(items[0], kontext, 0...Alter.max), let b = ganzzahl(items[1], kontext, 0...Alter.max)
        else {
            return nil
        }
        if a > b {
            befund.fehler(k.ort, "\(kontext): Alter von \(a) ist größer als bis \(b)")
            return nil
        }
        return (a, b)
    }

    /// A value per year: a number (constant) or `{jahr: wert, …}` (linear in between).
    func pfad(_ k: YKnoten, _ kontext: String, _ bereich: ClosedRange<Double>? = nil) -> Zeitpfad? {
        if k.skalar != nil {
            return zahl(k, kontext, bereich).map { Zeitpfad(konstant: $0) }
        }
        guard let m = abschnitt(k, kontext) else { return nil }
        var werte: [Int: Double] = [:]
        var ok = true
        for p in m.paare {
            guard let j = Int(p.schluessel.trimmingCharacters(in: .whitespaces)), (1900...2200).contains(j) else {
                befund.fehler(p.ort, "\(kontext): '\(p.schluessel)' ist kein Jahr (erwartet z. B. 2027: 3500)")
                ok = false
                continue
            }
            guard let v = zahl(p.wert, "\(kontext) \(j)", bereich) else { ok = false; continue }
            werte[j] = v
        }
        if werte.isEmpty {
            if ok { befund.fehler(k.ort, "\(kontext): mindestens ein Jahr mit Wert erwartet") }
            return nil
        }
        return ok ? Zeitpfad(werte) : nil
    }
}

/// Parses YAML text into a located root node; syntax errors become diagnostics with line and column.
enum YAMLDatei {
    /// `schnell`: compose without YAML's tag resolution where that gives the same tree and the same errors
    /// (``zusammensetzen(_:)``); false composes with Yams' default resolver throughout (the reference path).
    /// The fast path composes straight from libyaml's events (``YAMLKomponist``) where that gives Yams' tree
    /// exactly, and falls back to ``zusammensetzen(_:)`` otherwise; `schnell: false` composes with Yams' default
    /// resolver throughout (the reference path).
    static func lesen(_ text: String, datei: String, befund: Befund, schnell: Bool = true) -> YKnoten? {
        if schnell {
            switch YAMLKomponist.zusammensetzen(text, datei: datei) {
            case .baum(let b): return YKnoten(baum: b, index: b.wurzel)
            case .leer:
                leer(datei, befund)
                return nil
            case .anders: break
            }
        }
        guard let node = knoten(text, datei: datei, befund: befund, schnell: schnell) else { return nil }
        let b = YAMLBaum(node, datei: datei)
        return YKnoten(baum: b, index: b.wurzel)
    }

    private static func leer(_ datei: String, _ befund: Befund) {
        befund.fehler(SourceLocation(file: datei, line: 1), "Datei ist leer – erwartet ist ein YAML-Abschnitt")
    }

    /// The Yams root node; `schnell` composes with ``zusammensetzen(_:)``.
    static func knoten(_ text: String, datei: String, befund: Befund, schnell: Bool) -> Node? {
        do {
            guard let node = try schnell ? zusammensetzen(text) : Yams.compose(yaml: text) else {
                leer(datei, befund)
                return nil
            }
            return node
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            // Yams marks the first occurrence; the mistake is the later one, so point at that and name the first.
            let erst = context.mark
            var ort = SourceLocation(file: datei, line: erst.line, column: erst.column)
            var zuerst = ""
            if let key = duplicates.first,
                let zweite = zweitesVorkommen(key, nach: erst.line, spalte: erst.column, in: text)
            {
                ort.line = zweite
                zuerst = " (zuerst in Zeile \(erst.line))"
            }
            befund.fehler(
                ort,
                "doppelter Schlüssel \(duplicates.map { "'\($0)'" }.joined(separator: ", "))\(zuerst) – jeder Schlüssel darf in einem Abschnitt nur einmal stehen"
            )
        } catch let e as YamlError {
            befund.fehler(ort(e, datei), meldung(e))
        } catch {
            befund.fehler(SourceLocation(file: datei), "YAML nicht lesbar: \(error)")
        }
        return nil
    }

    /// The root node as `Yams.compose(yaml:)` gives it, with the same errors, but without its costly part: the
    /// default resolver matches every scalar against regular expressions to find its tag (int, bool, …), which
    /// the duplicate-key check of each mapping then compares. The loader reads scalars from their text and never
    /// asks for a tag, so the tags only matter for that check: there two keys are the same when text and tag
    /// agree. Without an explicit tag (`!…`) in the text, a plain key has an implicit tag and a quoted key the
    /// tag str; without resolution both count as str, so keys the resolver tells apart (plain `1`, quoted `"1"`)
    /// may count as the same, never the other way round. Hence: a text without `!` is composed without
    /// resolution; only when that reports a duplicate key (or the text has a `!`) is it composed again with the
    /// resolver, which then decides exactly as before (and finds any syntax error first, as before).
    static func zusammensetzen(_ text: String) throws -> Node? {
        guard !text.utf8.contains(UInt8(ascii: "!")) else { return try Yams.compose(yaml: text) }
        do {
            return try Yams.compose(yaml: text, .basic)
        } catch YamlError.duplicatedKeysInMapping {
            return try Yams.compose(yaml: text)
        }
    }

    /// The first line after `zeile` where `key` stands as a mapping key at `spalte` (1-based), plain or quoted.
    static func zweitesVorkommen(_ key: String, nach zeile: Int, spalte: Int, in text: String) -> Int? {
        let zeilen = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard zeile >= 1, spalte >= 1 else { return nil }
        for i in zeile..<zeilen.count {
            let z = Array(zeilen[i])
            guard z.count >= spalte, z[..<(spalte - 1)].allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            let rest = String(z[(spalte - 1)...])
            for form in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(form) {
                if rest.dropFirst(form.count).drop(while: { $0 == " " }).hasPrefix(":") { return i + 1 }
            }
        }
        return nil
    }

    private static func ort(_ e: YamlError, _ datei: String) -> SourceLocation {
        switch e {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return SourceLocation(file: datei, line: mark.line, column: mark.column)
        case let .duplicatedKeysInMapping(_, context):
            return SourceLocation(file: datei, line: context.mark.line, column: context.mark.column)
        default:
            return SourceLocation(file: datei)
        }
    }

    private static func meldung(_ e: YamlError) -> String {
        switch e {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _),
            let .composer(context, problem, _, _):
            let c = context.map { " (\($0.text))" } ?? ""
            return "YAML-Syntaxfehler: \(problem)\(c)"
        case let .duplicatedKeysInMapping(duplicates, _):
            return
                "doppelter Schlüssel \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) – jeder Schlüssel darf in einem Abschnitt nur einmal stehen"
        case let .reader(problem, _, _, _):
            return "Datei nicht lesbar: \(problem) – erwartet ist UTF-8-Text"
        default:
            return "YAML nicht lesbar: \(e)"
        }
    }
}
