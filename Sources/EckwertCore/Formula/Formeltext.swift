// Canonical printing and inspection of parsed formulas.

extension Ausdruck {
    /// Every call in the expression, in text order, with the column of its function name.
    public var aufrufe: [(aufruf: Aufruf, spalte: Int)] {
        var r: [(aufruf: Aufruf, spalte: Int)] = []
        sammle(&r)
        return r
    }

    private func sammle(_ r: inout [(aufruf: Aufruf, spalte: Int)]) {
        switch self {
        case .zahl: break
        case .negation(let a): a.sammle(&r)
        case .binaer(_, let l, let rechts):
            l.sammle(&r)
            rechts.sammle(&r)
        case .aufruf(let a, let spalte): r.append((a, spalte))
        }
    }

    /// The ids of the Kennzahlen referenced with `kennzahl("…")`, in text order, each once.
    public var kennzahlReferenzen: [String] {
        var gesehen: Set<String> = []
        var r: [String] = []
        for (a, _) in aufrufe {
            if case .kennzahl(let id) = a, gesehen.insert(id).inserted { r.append(id) }
        }
        return r
    }

    /// The same expression with every call's column set to 0, for comparing structure only
    /// (`Ausdruck`'s `==` includes the columns).
    public var ohneSpalten: Ausdruck {
        switch self {
        case .zahl: return self
        case .negation(let a): return .negation(a.ohneSpalten)
        case .binaer(let op, let l, let r): return .binaer(op, l.ohneSpalten, r.ohneSpalten)
        case .aufruf(let a, _): return .aufruf(a, spalte: 0)
        }
    }

    /// A canonical formula text: minimal parentheses, one space around binary operators, numbers in plain
    /// decimal notation (shortest digits that read back to the same `Double`), strings in double quotes
    /// (single quotes if the string contains a double quote), `bev` arguments in the order alter, geschlecht,
    /// gebiet. For every `x` the parser produces, `parse(x.text)` equals `x` up to columns
    /// (`ohneSpalten`), and exactly when `x` was itself parsed from a canonical text.
    /// (ASTs the parser cannot produce — negative or non-finite numbers, strings with both quote kinds,
    /// empty strings, invalid age ranges — print to something that does not read back to them.)
    public var text: String {
        var s = ""
        schreibe(&s)
        return s
    }

    /// Binding strength: 1 for + -, 2 for * /, 3 for unary minus (and negative numbers), 4 for atoms.
    private var rang: Int {
        switch self {
        case .binaer(let op, _, _): return op == .plus || op == .minus ? 1 : 2
        case .negation: return 3
        case .zahl(let z): return z.sign == .minus ? 3 : 4
        case .aufruf: return 4
        }
    }

    private func schreibe(_ s: inout String) {
        switch self {
        case .zahl(let z):
            s += z.isFinite ? Langformat.zahl(z) : z.description
        case .negation(let a):
            s += "-"
            a.schreibe(&s, klammern: a.rang < 3)
        case .binaer(let op, let l, let r):
            let p = op == .plus || op == .minus ? 1 : 2
            l.schreibe(&s, klammern: l.rang < p)
            s += " \(op.rawValue) "
            r.schreibe(&s, klammern: r.rang <= p)
        case .aufruf(let a, _):
            s += a.text
        }
    }

    private func schreibe(_ s: inout String, klammern: Bool) {
        if klammern { s += "(" }
        schreibe(&s)
        if klammern { s += ")" }
    }
}

extension Aufruf {
    /// The function name as written in formulas.
    public var funktionsname: String {
        switch self {
        case .faelle: "faelle"
        case .aufwand: "aufwand"
        case .ertrag: "ertrag"
        case .zuschuss: "zuschuss"
        case .fallkosten: "fallkosten"
        case .zeile: "zeile"
        case .bev: "bev"
        case .plaetze: "plaetze"
        case .luecke: "luecke"
        case .kennzahl: "kennzahl"
        case .faelleGebiet: "faelle"
        case .indikator: "indikator"
        }
    }

    /// The Produkt number or prefix the call refers to, if any.
    public var produkt: String? {
        switch self {
        case .faelle(let p), .aufwand(let p), .ertrag(let p), .zuschuss(let p), .fallkosten(let p),
            .zeile(let p, _), .plaetze(let p), .luecke(let p), .faelleGebiet(let p, _):
            p
        case .bev, .kennzahl, .indikator:
            nil
        }
    }

    /// The call in canonical formula text, e.g. `faelle("36.3.05")`, `bev(alter=[0, 2], geschlecht="w")`.
    public var text: String {
        switch self {
        case .faelle(let p), .aufwand(let p), .ertrag(let p), .zuschuss(let p), .fallkosten(let p),
            .plaetze(let p), .luecke(let p), .kennzahl(let p):
            return "\(funktionsname)(\(Self.zitat(p)))"
        case .zeile(let p, let key):
            return "zeile(\(Self.zitat(p)), \(Self.zitat(key)))"
        case .faelleGebiet(let p, let g):
            return "faelle(\(Self.zitat(p)), gebiet=\(Self.zitat(g)))"
        case .indikator(let id, let g):
            return "indikator(\(Self.zitat(id))" + (g.map { ", gebiet=\(Self.zitat($0))" } ?? "") + ")"
        case .bev(let a):
            var teile: [String] = []
            switch a.alter {
            case .bereich(let von, let bis): teile.append("alter=[\(von), \(bis)]")
            case .gruppe(let g): teile.append("alter=\(Self.zitat(g))")
            case nil: break
            }
            if let g = a.geschlecht { teile.append("geschlecht=\"\(g.rawValue)\"") }
            if let g = a.gebiet { teile.append("gebiet=\(Self.zitat(g))") }
            return "bev(\(teile.joined(separator: ", ")))"
        }
    }

    private static func zitat(_ s: String) -> String {
        s.contains("\"") ? "'\(s)'" : "\"\(s)\""
    }
}
