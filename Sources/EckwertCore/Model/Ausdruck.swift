/// A parsed Kennzahl formula (modellformat.md section 8).
public indirect enum Ausdruck: Sendable, Hashable {
    case zahl(Double)
    case negation(Ausdruck)
    case binaer(Operator, Ausdruck, Ausdruck)
    /// A function call; `spalte` is the 1-based column of the function name in the formula text.
    case aufruf(Aufruf, spalte: Int)

    public enum Operator: String, Sendable, Hashable { case plus = "+", minus = "-", mal = "*", durch = "/" }
}

/// The functions of the formula language. `p` is a Produkt number or a prefix (sum over its products).
public enum Aufruf: Sendable, Hashable {
    case faelle(String)
    case aufwand(String)
    case ertrag(String)
    /// Aufwand − Ertrag
    case zuschuss(String)
    case fallkosten(String)
    case zeile(String, String)
    case bev(BevAuswahl)
    case plaetze(String)
    case luecke(String)
    /// Another Kennzahl's value (extension; cycles are rejected by the loader).
    case kennzahl(String)
}

/// The named arguments of `bev(...)`; each optional.
public struct BevAuswahl: Sendable, Hashable {
    public enum Alter: Sendable, Hashable {
        case bereich(Int, Int)
        case gruppe(String)
    }
    public var alter: Alter?
    public var geschlecht: Geschlecht?
    public var gebiet: String?
    public init(alter: Alter? = nil, geschlecht: Geschlecht? = nil, gebiet: String? = nil) {
        self.alter = alter; self.geschlecht = geschlecht; self.gebiet = gebiet
    }
}
