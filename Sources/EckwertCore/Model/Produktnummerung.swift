/// Product numbering of any depth (the one home of the rule): dotted numbers with any number of levels
/// (`36.3.05`, `11.05.01.01`, `1.100.05.01.01`) or undotted digits (`361001`). A product belongs to the longest
/// declared Produktgruppe and the longest declared Produktbereich whose number is a prefix of its own (for a
/// dotted number a prefix ends at a dot, for an undotted number any leading part); `produktgruppe:` /
/// `produktbereich:` written on the product win (how a range such as `31-35` is assigned).
public struct Produktnummerung: Sendable {
    public let gruppen: Set<String>
    public let bereiche: Set<String>

    public init(produktgruppen: [String], produktbereiche: [String]) {
        gruppen = Set(produktgruppen)
        bereiche = Set(produktbereiche)
    }

    /// Whether `prefix` is a leading level of `nr` (or `nr` itself): "36.3" covers "36.3.05" but not "36.30.1";
    /// "3610" covers "361001".
    public static func liegt(_ nr: String, unter prefix: String) -> Bool {
        let n = nr.utf8, p = prefix.utf8
        guard n.count >= p.count, n.starts(with: p) else { return false }
        if n.count == p.count { return true }
        guard !p.isEmpty else { return false }
        if n.contains(UInt8(ascii: ".")) { return n[n.index(n.startIndex, offsetBy: p.count)] == UInt8(ascii: ".") }
        return true
    }

    /// The leading parts of `nr` that can be levels, longest first: up to each dot for a dotted number, every
    /// shorter leading part for an undotted one.
    public static func praefixe(_ nr: String) -> [String] {
        let u = Array(nr.utf8)
        var out: [String] = []
        if u.contains(UInt8(ascii: ".")) {
            for i in u.indices.reversed() where u[i] == UInt8(ascii: ".") && i > 0 {
                out.append(String(decoding: u[..<i], as: UTF8.self))
            }
        } else if u.count > 1 {
            for k in stride(from: u.count - 1, through: 1, by: -1) {
                // Only whole characters (an undotted number is digits; other text is cut at character bounds).
                if let s = String(validating: u[..<k], as: UTF8.self) { out.append(s) }
            }
        }
        return out
    }

    /// The Produktgruppe of a product number by the prefix rule, or nil.
    public func gruppe(von nr: String) -> String? { Self.praefixe(nr).first { gruppen.contains($0) } }

    /// The Produktbereich of a number (of a product or a Produktgruppe) by the prefix rule, or nil.
    public func bereich(von nr: String) -> String? { Self.praefixe(nr).first { bereiche.contains($0) } }

    /// Assigns a product its levels: the written ones, else by the prefix rule; a product with a Produktgruppe
    /// but no Produktbereich of its own takes the group's. `ebenen` holds every declared level the product
    /// lies under (a reference to any of them covers it).
    public func zuordnen(_ p: inout Produkt) {
        let gruppe = p.produktgruppe ?? gruppe(von: p.nr)
        let bereich = p.produktbereich ?? bereich(von: p.nr) ?? gruppe.flatMap { self.bereich(von: $0) }
        p.produktgruppe = gruppe
        p.produktbereich = bereich
        var ebenen: Set<String> = []
        for (wert, angegeben, menge) in [
            (gruppe, p.produktgruppeAngegeben, gruppen),
            (bereich, p.produktbereichAngegeben, bereiche),
        ] {
            guard let wert else { continue }
            ebenen.insert(wert)
            // Declared levels above the assigned one (nested levels): prefixes of the level's number, or of
            // the product's number when the level came from the prefix rule.
            for v in Self.praefixe(angegeben ? wert : p.nr) where menge.contains(v) { ebenen.insert(v) }
        }
        p.ebenen = ebenen
    }
}
