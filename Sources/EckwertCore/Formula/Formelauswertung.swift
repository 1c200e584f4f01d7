/// What a formula needs from the engine: the values of its functions for one year and scenario
/// (or one Ist year). `nil` means "n. v." (not available), e.g. an unknown Produkt or a missing value.
public protocol Formelkontext {
    func faelle(_ p: String) -> Double?
    /// ordentliche Aufwendungen
    func aufwand(_ p: String) -> Double?
    /// ordentliche Erträge
    func ertrag(_ p: String) -> Double?
    func fallkosten(_ p: String) -> Double?
    func zeile(_ p: String, _ key: String) -> Double?
    func bev(_ auswahl: BevAuswahl) -> Double?
    func plaetze(_ p: String) -> Double?
    func luecke(_ p: String) -> Double?
    func kennzahl(_ id: String) -> Double?
    /// Cases of Sozialraum `gebiet` under `p` (spec section 13).
    func faelle(_ p: String, gebiet: String) -> Double?
    func indikator(_ id: String, gebiet: String?) -> Double?
}

extension Formelkontext {
    /// Contexts without Sozialraum data know no values per Sozialraum.
    public func faelle(_ p: String, gebiet: String) -> Double? { nil }
    public func indikator(_ id: String, gebiet: String?) -> Double? { nil }
}

extension Ausdruck {
    /// The formula's value in `k`, or `nil` ("n. v.") when an operand is `nil`, a divisor is zero,
    /// or any intermediate or final result is not finite.
    public func wert(in k: some Formelkontext) -> Double? {
        switch self {
        case .zahl(let z):
            return z.isFinite ? z : nil
        case .negation(let a):
            guard let v = a.wert(in: k) else { return nil }
            return -v
        case .binaer(let op, let l, let r):
            guard let a = l.wert(in: k), let b = r.wert(in: k) else { return nil }
            let v: Double
            switch op {
            case .plus: v = a + b
            case .minus: v = a - b
            case .mal: v = a * b
            case .durch:
                if b == 0 { return nil }
                v = a / b
            }
            return v.isFinite ? v : nil
        case .aufruf(let a, _):
            return a.wert(in: k)
        }
    }
}

extension Aufruf {
    /// The call's value in `k`; `zuschuss(p)` = `aufwand(p) − ertrag(p)`. Non-finite values give `nil`.
    public func wert(in k: some Formelkontext) -> Double? {
        let v: Double?
        switch self {
        case .faelle(let p): v = k.faelle(p)
        case .aufwand(let p): v = k.aufwand(p)
        case .ertrag(let p): v = k.ertrag(p)
        case .zuschuss(let p):
            guard let a = k.aufwand(p), let e = k.ertrag(p) else { return nil }
            v = a - e
        case .fallkosten(let p): v = k.fallkosten(p)
        case .zeile(let p, let key): v = k.zeile(p, key)
        case .bev(let auswahl): v = k.bev(auswahl)
        case .plaetze(let p): v = k.plaetze(p)
        case .luecke(let p): v = k.luecke(p)
        case .kennzahl(let id): v = k.kennzahl(id)
        case .faelleGebiet(let p, let g): v = k.faelle(p, gebiet: g)
        case .indikator(let id, let g): v = k.indikator(id, gebiet: g)
        }
        guard let v, v.isFinite else { return nil }
        return v
    }
}
