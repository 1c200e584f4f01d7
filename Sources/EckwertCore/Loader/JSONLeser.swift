/// A small, tolerant JSON reader for model files (the GeoJSON map). Hand-written so that bad input gives a
/// message with line and column instead of a crash: nesting is limited (`maxTiefe`), numbers are read without
/// Foundation, and every value remembers the line it starts on.
enum JSONLeser {
    /// Deeper nesting than this is an error (a GeoJSON MultiPolygon needs 6 levels below the feature list).
    static let maxTiefe = 64

    indirect enum Wert: Sendable {
        case objekt([(String, Wert)], zeile: Int)
        case liste([Wert], zeile: Int)
        case zahl(Double)
        case text(String)
        case wahrheitswert(Bool)
        case null

        subscript(_ key: String) -> Wert? {
            guard case let .objekt(paare, _) = self else { return nil }
            return paare.first { $0.0 == key }?.1
        }
        var liste: [Wert]? { if case let .liste(l, _) = self { return l } else { return nil } }
        var text: String? { if case let .text(t) = self { return t } else { return nil } }
        var zahl: Double? { if case let .zahl(z) = self { return z } else { return nil } }
        var zeile: Int? {
            switch self {
            case let .objekt(_, z), let .liste(_, z): return z
            default: return nil
            }
        }
        /// What kind of value this is, in German, for messages.
        var art: String {
            switch self {
            case .objekt: "ein Objekt"
            case .liste: "eine Liste"
            case .zahl: "eine Zahl"
            case .text(let t): "der Text \"\(t.count > 20 ? String(t.prefix(20)) + "…" : t)\""
            case .wahrheitswert: "ein Wahrheitswert"
            case .null: "null"
            }
        }
    }

    struct Fehler: Error, Sendable {
        var zeile: Int
        var spalte: Int
        var meldung: String
    }

    static func lesen(_ bytes: [UInt8]) -> Result<Wert, Fehler> {
        bytes.withUnsafeBufferPointer { p in
            var l = Zerleger(p: p)
            do throws(Fehler) {
                l.leer()
                let w = try l.wert(tiefe: 0)
                l.leer()
                if l.i < p.count { throw l.fehler("nach dem Ende des JSON-Werts folgt noch Text") }
                return .success(w)
            } catch {
                return .failure(error)
            }
        }
    }

    private struct Zerleger {
        let p: UnsafeBufferPointer<UInt8>
        var i = 0
        var zeile = 1
        var zeilenStart = 0

        init(p: UnsafeBufferPointer<UInt8>) {
            self.p = p
            if p.count >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { i = 3; zeilenStart = 3 }
        }

        func fehler(_ m: String) -> Fehler { Fehler(zeile: zeile, spalte: i - zeilenStart + 1, meldung: m) }

        mutating func leer() {
            while i < p.count {
                let c = p[i]
                if c == 0x0A { zeile += 1; zeilenStart = i + 1 } else if c != 0x20 && c != 0x09 && c != 0x0D { return }
                i += 1
            }
        }

        mutating func wert(tiefe: Int) throws(Fehler) -> Wert {
            guard tiefe < JSONLeser.maxTiefe else {
                throw fehler("zu tief verschachtelt (mehr als \(JSONLeser.maxTiefe) Ebenen)")
            }
            guard i < p.count else { throw fehler("Wert erwartet, aber die Datei endet hier") }
            switch p[i] {
            case UInt8(ascii: "{"): return try objekt(tiefe: tiefe)
            case UInt8(ascii: "["): return try liste(tiefe: tiefe)
            case UInt8(ascii: "\""): return .text(try text())
            case UInt8(ascii: "t"): try wort("true"); return .wahrheitswert(true)
            case UInt8(ascii: "f"): try wort("false"); return .wahrheitswert(false)
            case UInt8(ascii: "n"): try wort("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .zahl(try zahl())
            default: throw fehler("unerwartetes Zeichen '\(Self.zeichen(p[i]))' – ein JSON-Wert erwartet")
            }
        }

        static func zeichen(_ b: UInt8) -> String { b >= 0x20 && b < 0x7F ? String(UnicodeScalar(b)) : "Byte \(b)" }

        mutating func wort(_ w: String) throws(Fehler) {
            for b in w.utf8 {
                guard i < p.count, p[i] == b else { throw fehler("'\(w)' erwartet") }
                i += 1
            }
        }

        mutating func objekt(tiefe: Int) throws(Fehler) -> Wert {
            let z = zeile
            i += 1
            var paare: [(String, Wert)] = []
            leer()
            if i < p.count, p[i] == UInt8(ascii: "}") { i += 1; return .objekt(paare, zeile: z) }
            while true {
                leer()
                guard i < p.count, p[i] == UInt8(ascii: "\"") else { throw fehler("Schlüssel in \"…\" erwartet") }
                let k = try text()
                leer()
                guard i < p.count, p[i] == UInt8(ascii: ":") else {
                    throw fehler("':' nach dem Schlüssel \"\(k)\" erwartet")
                }
                i += 1
                leer()
                paare.append((k, try wert(tiefe: tiefe + 1)))
                leer()
                guard i < p.count else { throw fehler("'}' erwartet, aber die Datei endet hier") }
                if p[i] == UInt8(ascii: ",") { i += 1; continue }
                if p[i] == UInt8(ascii: "}") { i += 1; return .objekt(paare, zeile: z) }
                throw fehler("',' oder '}' erwartet")
            }
        }

        mutating func liste(tiefe: Int) throws(Fehler) -> Wert {
            let z = zeile
            i += 1
            var werte: [Wert] = []
            leer()
            if i < p.count, p[i] == UInt8(ascii: "]") { i += 1; return .liste(werte, zeile: z) }
            while true {
                leer()
                werte.append(try wert(tiefe: tiefe + 1))
                leer()
                guard i < p.count else { throw fehler("']' erwartet, aber die Datei endet hier") }
                if p[i] == UInt8(ascii: ",") { i += 1; continue }
                if p[i] == UInt8(ascii: "]") { i += 1; return .liste(werte, zeile: z) }
                throw fehler("',' oder ']' erwartet")
            }
        }

        mutating func text() throws(Fehler) -> String {
            i += 1
            var bytes: [UInt8] = []
            while i < p.count {
                let c = p[i]
                if c == UInt8(ascii: "\"") {
                    i += 1
                    guard let s = String(validating: bytes, as: UTF8.self) else {
                        throw fehler("Text ist kein gültiges UTF-8")
                    }
                    return s
                }
                if c == 0x0A || c < 0x20 { throw fehler("Zeilenumbruch oder Steuerzeichen in einem Text") }
                if c == UInt8(ascii: "\\") {
                    i += 1
                    guard i < p.count else { break }
                    switch p[i] {
                    case UInt8(ascii: "n"): bytes.append(0x0A)
                    case UInt8(ascii: "t"): bytes.append(0x09)
                    case UInt8(ascii: "r"): bytes.append(0x0D)
                    case UInt8(ascii: "b"), UInt8(ascii: "f"): bytes.append(0x20)
                    case UInt8(ascii: "u"):
                        guard i + 4 < p.count,
                            let v = UInt32(String(decoding: p[(i + 1)...(i + 4)], as: UTF8.self), radix: 16)
                        else {
                            throw fehler("\\u braucht vier Hexadezimalziffern")
                        }
                        // Surrogates (characters beyond the BMP written as two escapes) become U+FFFD.
                        bytes.append(contentsOf: Array(String(UnicodeScalar(v).map(Character.init) ?? "\u{FFFD}").utf8))
                        i += 4
                    default: bytes.append(p[i])
                    }
                    i += 1
                    continue
                }
                bytes.append(c)
                i += 1
            }
            throw fehler("Text ohne schließendes '\"'")
        }

        mutating func zahl() throws(Fehler) -> Double {
            let start = i
            while i < p.count {
                let c = p[i]
                let teil =
                    (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "-")
                    || c == UInt8(ascii: "+") || c == UInt8(ascii: ".") || c == UInt8(ascii: "e")
                    || c == UInt8(ascii: "E")
                guard teil, i - start < 64 else { break }
                i += 1
            }
            let s = String(decoding: p[start..<i], as: UTF8.self)
            guard let v = Double(s), v.isFinite else { throw fehler("'\(s)' ist keine gültige Zahl") }
            return v
        }
    }
}
