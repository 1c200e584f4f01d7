import EckwertCore
import Foundation
import Yams

/// Reads the mapping files (YAML) of the importers: located values, unknown keys with a "meinten Sie" hint,
/// every problem collected as a diagnostic naming file, line and column.
struct ZuordnungsLeser {
    let datei: String
    var d: [Diagnostic] = []

    init(datei: String) { self.datei = datei }

    func ort(_ n: Node) -> SourceLocation {
        SourceLocation(file: datei, line: n.mark?.line, column: n.mark?.column)
    }

    mutating func fehler(_ n: Node?, _ text: String) {
        d.append(.error(n.map(ort) ?? SourceLocation(file: datei), text))
    }

    /// The pairs of a mapping with plain-text keys, or nil (with an error) for anything else.
    mutating func abschnitt(_ n: Node, _ was: String, erlaubt: [String]?) -> [(String, Node)]? {
        guard case let .mapping(m) = n else {
            fehler(n, "\(was): erwartet ein Abschnitt (Schlüssel: Wert)")
            return nil
        }
        var paare: [(String, Node)] = []
        for (k, v) in m {
            let key = k.scalar?.string ?? ""
            if let erlaubt, !erlaubt.contains(key) {
                var text = "unbekannter Schlüssel '\(key)' in \(was)"
                if let h = Aehnlichkeit.vorschlag(key, aus: erlaubt), h != key {
                    text += " – meinten Sie '\(h)'?"
                } else {
                    text += " (erlaubt: \(erlaubt.joined(separator: ", ")))"
                }
                fehler(k, text)
                continue
            }
            paare.append((key, v))
        }
        return paare
    }

    mutating func text(_ n: Node, _ was: String) -> String? {
        guard let s = n.scalar?.string else {
            fehler(n, "\(was): erwartet ein Text")
            return nil
        }
        return s
    }

    mutating func ganzzahl(_ n: Node, _ was: String, _ bereich: ClosedRange<Int>) -> Int? {
        guard let s = n.scalar?.string, let z = Int(s.trimmingCharacters(in: .whitespaces)), bereich.contains(z) else {
            fehler(n, "\(was): erwartet eine ganze Zahl \(bereich.lowerBound)..\(bereich.upperBound)")
            return nil
        }
        return z
    }

    mutating func liste(_ n: Node, _ was: String) -> [Node]? {
        if case let .sequence(s) = n { return Array(s) }
        fehler(n, "\(was): erwartet eine Liste")
        return nil
    }

    /// A text or a list of texts.
    mutating func texte(_ n: Node, _ was: String) -> [String]? {
        if let s = n.scalar?.string { return [s] }
        guard let l = liste(n, was) else { return nil }
        var aus: [String] = []
        for e in l { if let s = text(e, was) { aus.append(s) } }
        return aus
    }

    /// One of `werte` (case-insensitive), with the allowed values in the message.
    mutating func auswahl<T: RawRepresentable>(_ n: Node, _ was: String, _ werte: [T]) -> T?
    where T.RawValue == String {
        guard let s = n.scalar?.string else {
            fehler(n, "\(was): erwartet eines von \(werte.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        if let w = werte.first(where: { $0.rawValue == s.lowercased() }) { return w }
        fehler(n, "\(was): '\(s)' ist unbekannt – erlaubt: \(werte.map(\.rawValue).joined(separator: ", "))")
        return nil
    }

    /// `kodierung:` of a mapping: nil for `automatisch`, else the stated encoding.
    mutating func kodierung(_ n: Node) -> Textkodierung? {
        guard let s = text(n, "kodierung") else { return nil }
        if let k = Textkodierung.ausZuordnung(s) { return k }
        fehler(n, "kodierung: '\(s)' ist unbekannt – erlaubt: automatisch, utf-8, windows-1252, latin-1")
        return nil
    }

    /// Parses the file text; nil (with the syntax problems) when it is not YAML.
    mutating func wurzel(_ bytes: [UInt8]) -> Node? {
        var b = bytes[...]
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
        guard Kodierung.ersteUngueltigeStelle(Array(b)) == nil, !b.contains(0) else {
            fehler(nil, "Zuordnungsdatei ist nicht UTF-8-kodiert – bitte im Editor als UTF-8 speichern")
            return nil
        }
        let (k, diags) = YAMLText.knoten(String(decoding: b, as: UTF8.self), datei: datei)
        d += diags
        return k
    }
}

extension Textkodierung {
    /// `automatisch` (nil) or a stated encoding, as the mapping files name them.
    static func ausZuordnung(_ s: String) -> Textkodierung?? {
        switch s.lowercased() {
        case "automatisch", "auto": return .some(nil)
        case "utf-8", "utf8": return .some(.utf8)
        case "windows-1252", "cp1252", "ansi": return .some(.windows1252)
        case "latin-1", "latin1", "iso-8859-1": return .some(.latin1)
        default: return nil
        }
    }
}
