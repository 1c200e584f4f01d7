import CYaml
import Foundation
import Yams

/// The composed YAML tree of one file, flat: what the loader reads of each node (kind, scalar text and style,
/// position), without tags, anchors or per-node objects. Built straight from libyaml's events
/// (``YAMLKomponist``) or, on the reference path, from a Yams node.
final class YAMLBaum: Sendable {
    enum Art: UInt8, Sendable { case skalar, abschnitt, liste, verweis }

    struct Eintrag: Sendable {
        var art: Art
        /// libyaml's scalar style (the raw value of `Node.Scalar.Style`); 0 for the others.
        var stil: UInt8
        /// 1-based; 0 when unknown.
        var zeile: Int32
        var spalte: Int32
        /// A scalar: index into `texte`; a mapping or sequence: first index into `kinder`.
        var anfang: Int32
        /// Children (a mapping: keys and values alternating).
        var anzahl: Int32
    }

    let datei: String
    let eintraege: [Eintrag]
    let kinder: [Int32]
    let texte: [String]
    /// Index of the root entry.
    let wurzel: Int32

    init(datei: String, eintraege: [Eintrag], kinder: [Int32], texte: [String], wurzel: Int32) {
        self.datei = datei
        self.eintraege = eintraege
        self.kinder = kinder
        self.texte = texte
        self.wurzel = wurzel
    }

    /// The tree of a Yams node (the reference path and the fallback of the fast one).
    /// Yams shares the node of an anchor among its aliases; written out here, an alias bomb would grow
    /// exponentially, so past `grenze` entries a node is kept as an alias (``Art/verweis``) without children.
    convenience init(_ node: Node, datei: String, grenze: Int = 1 << 20) {
        var e: [Eintrag] = [], k: [Int32] = [], t: [String] = []
        var rest = grenze
        let w = Self.anhaengen(node, &e, &k, &t, &rest)
        self.init(datei: datei, eintraege: e, kinder: k, texte: t, wurzel: w)
    }

    private static func anhaengen(
        _ n: Node, _ e: inout [Eintrag], _ k: inout [Int32], _ t: inout [String], _ rest: inout Int
    ) -> Int32 {
        let zeile = Int32(clamping: n.mark?.line ?? 0), spalte = Int32(clamping: n.mark?.column ?? 0)
        rest -= 1
        guard rest >= 0 else {
            e.append(Eintrag(art: .verweis, stil: 0, zeile: zeile, spalte: spalte, anfang: 0, anzahl: 0))
            return Int32(e.count - 1)
        }
        func kinder(_ ns: [Node]) -> (Int32, Int32) {
            let indizes = ns.map { anhaengen($0, &e, &k, &t, &rest) }
            k.append(contentsOf: indizes)
            return (Int32(k.count - indizes.count), Int32(indizes.count))
        }
        let eintrag: Eintrag
        switch n {
        case let .scalar(s):
            t.append(s.string)
            eintrag = Eintrag(
                art: .skalar, stil: UInt8(clamping: s.style.rawValue), zeile: zeile, spalte: spalte,
                anfang: Int32(t.count - 1), anzahl: 0)
        case let .mapping(m):
            let (a, z) = kinder(m.flatMap { [$0.key, $0.value] })
            eintrag = Eintrag(art: .abschnitt, stil: 0, zeile: zeile, spalte: spalte, anfang: a, anzahl: z)
        case let .sequence(s):
            let (a, z) = kinder(Array(s))
            eintrag = Eintrag(art: .liste, stil: 0, zeile: zeile, spalte: spalte, anfang: a, anzahl: z)
        case .alias:
            eintrag = Eintrag(art: .verweis, stil: 0, zeile: zeile, spalte: spalte, anfang: 0, anzahl: 0)
        }
        e.append(eintrag)
        return Int32(e.count - 1)
    }
}

/// Composes a YAML text straight from libyaml's events into a ``YAMLBaum``, for the texts where that gives
/// exactly the tree and the (absent) errors of `Yams.compose(yaml:)`: no tag, no anchor or alias, scalar keys
/// only, no two keys of a mapping with the same text, one document, no syntax error. Anything else returns
/// `.anders` and the caller composes with Yams, which then finds the same error or tree as before; a key text
/// seen twice may still be two keys for Yams (plain `1`, quoted `"1"`), which Yams decides.
enum YAMLKomponist {
    enum Ergebnis {
        case baum(YAMLBaum)
        /// No document (Yams gives no root node).
        case leer
        /// Not for this path: compose with Yams.
        case anders
    }

    static func zusammensetzen(_ text: String, datei: String) -> Ergebnis {
        var text = text
        return text.withUTF8 { zusammensetzen($0, datei: datei) }
    }

    private static func zusammensetzen(_ bytes: UnsafeBufferPointer<UInt8>, datei: String) -> Ergebnis {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .anders }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var z = Zusammensetzung(datei: datei)
        var event = yaml_event_t()
        // Stream start, then a document start or the stream's end (an empty text).
        guard yaml_parser_parse(&parser, &event) == 1 else { return .anders }
        yaml_event_delete(&event)
        guard yaml_parser_parse(&parser, &event) == 1 else { return .anders }
        let art = event.type
        yaml_event_delete(&event)
        if art == YAML_STREAM_END_EVENT { return .leer }
        guard art == YAML_DOCUMENT_START_EVENT else { return .anders }
        while z.wurzel == nil {
            guard yaml_parser_parse(&parser, &event) == 1 else { return .anders }
            let weiter = z.ereignis(&event)
            yaml_event_delete(&event)
            guard weiter else { return .anders }
        }
        // The document's end, then the stream's end (a second document is an error for Yams).
        for erwartet in [YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT] {
            guard yaml_parser_parse(&parser, &event) == 1 else { return .anders }
            let art = event.type
            yaml_event_delete(&event)
            guard art == erwartet else { return .anders }
        }
        guard let w = z.wurzel else { return .anders }
        return .baum(
            YAMLBaum(datei: datei, eintraege: z.eintraege, kinder: z.kinder, texte: z.texte, wurzel: w))
    }

    /// The tree under construction: finished nodes waiting for their parent on `offen`, the open containers on
    /// `rahmen` (entry index, height of `offen` at their start).
    private struct Zusammensetzung {
        let datei: String
        var eintraege: [YAMLBaum.Eintrag] = []
        var kinder: [Int32] = []
        var texte: [String] = []
        var offen: [Int32] = []
        var rahmen: [(eintrag: Int32, hoehe: Int)] = []
        var wurzel: Int32?

        init(datei: String) { self.datei = datei }

        /// Takes one node event; false when the text is not for this path.
        mutating func ereignis(_ e: inout yaml_event_t) -> Bool {
            let zeile = Int32(clamping: e.start_mark.line + 1), spalte = Int32(clamping: e.start_mark.column + 1)
            switch e.type {
            case YAML_SCALAR_EVENT:
                let s = e.data.scalar
                guard s.anchor == nil, s.tag == nil else { return false }
                texte.append(Self.text(UnsafeBufferPointer(start: s.value, count: s.length)))
                eintraege.append(
                    YAMLBaum.Eintrag(
                        art: .skalar, stil: UInt8(clamping: s.style.rawValue), zeile: zeile, spalte: spalte,
                        anfang: Int32(texte.count - 1), anzahl: 0))
                fertig(Int32(eintraege.count - 1))
            case YAML_SEQUENCE_START_EVENT:
                guard e.data.sequence_start.anchor == nil, e.data.sequence_start.tag == nil else { return false }
                oeffnen(.liste, zeile, spalte)
            case YAML_MAPPING_START_EVENT:
                guard e.data.mapping_start.anchor == nil, e.data.mapping_start.tag == nil else { return false }
                oeffnen(.abschnitt, zeile, spalte)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                return schliessen()
            default:
                // An alias (or anything unexpected).
                return false
            }
            return true
        }

        /// The scalar's text as Yams makes it (`String(bytes:encoding:)`, which drops a leading byte order mark):
        /// ASCII directly, anything else through that same call.
        static func text(_ b: UnsafeBufferPointer<UInt8>) -> String {
            if b.allSatisfy({ $0 < 0x80 }) { return String(decoding: b, as: UTF8.self) }
            return String(bytes: b, encoding: .utf8) ?? String(decoding: b, as: UTF8.self)
        }

        mutating func oeffnen(_ art: YAMLBaum.Art, _ zeile: Int32, _ spalte: Int32) {
            eintraege.append(
                YAMLBaum.Eintrag(art: art, stil: 0, zeile: zeile, spalte: spalte, anfang: 0, anzahl: 0))
            rahmen.append((Int32(eintraege.count - 1), offen.count))
        }

        mutating func schliessen() -> Bool {
            guard let r = rahmen.popLast() else { return false }
            let n = offen.count - r.hoehe
            if eintraege[Int(r.eintrag)].art == .abschnitt, !schluesselEindeutig(offen[r.hoehe...]) { return false }
            eintraege[Int(r.eintrag)].anfang = Int32(kinder.count)
            eintraege[Int(r.eintrag)].anzahl = Int32(n)
            kinder.append(contentsOf: offen[r.hoehe...])
            offen.removeLast(n)
            fertig(r.eintrag)
            return true
        }

        mutating func fertig(_ i: Int32) {
            if rahmen.isEmpty { wurzel = i } else { offen.append(i) }
        }

        /// Every key a scalar, no key text twice.
        func schluesselEindeutig(_ paare: ArraySlice<Int32>) -> Bool {
            var keys: [Int32] = []
            keys.reserveCapacity(paare.count / 2)
            var i = paare.startIndex
            while i < paare.endIndex {
                let k = eintraege[Int(paare[i])]
                guard k.art == .skalar else { return false }
                keys.append(k.anfang)
                i += 2
            }
            if keys.count <= 12 {
                for a in keys.indices {
                    for b in keys.indices where b > a && texte[Int(keys[a])] == texte[Int(keys[b])] { return false }
                }
                return true
            }
            var gesehen = Set<String>(minimumCapacity: keys.count)
            for k in keys where !gesehen.insert(texte[Int(k)]).inserted { return false }
            return true
        }
    }
}
