import EckwertCore

/// Which Kennzahlen a product's data sheet lists: those its Ziele name and those whose formula names the product
/// number in quotes (`faelle("36.3.1")`). The quoted texts of all formulas are indexed once, so that a model with
/// a thousand products and Kennzahlen does not search every formula for every product.
struct Kennzahlverweise {
    let kennzahlen: [Kennzahl]
    /// Quoted text → the Kennzahlen (indices, ascending) whose formula holds it between two quote characters.
    private let zitiert: [String: [Int]]
    /// Kennzahlen whose formula is not pure ASCII: searched as text (as before the index) for every product.
    private let ungeprueft: [Int]
    /// Kennzahl id → its indices.
    private let nachId: [String: [Int]]

    init(_ kennzahlen: [Kennzahl]) {
        self.kennzahlen = kennzahlen
        var zitiert: [String: [Int]] = [:]
        var ungeprueft: [Int] = []
        var nachId: [String: [Int]] = [:]
        for (n, k) in kennzahlen.enumerated() {
            nachId[k.id, default: []].append(n)
            let bytes = Array(k.formel.utf8)
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                ungeprueft.append(n)
                continue
            }
            // Every text between two neighbouring quotes: a quote-free number matches "nr" exactly there.
            var offen: Int?
            var gesehen: Set<String> = []
            for (i, c) in bytes.enumerated() where c == UInt8(ascii: "\"") {
                if let o = offen {
                    let text = String(decoding: bytes[(o + 1)..<i], as: UTF8.self)
                    if gesehen.insert(text).inserted { zitiert[text, default: []].append(n) }
                }
                offen = i
            }
        }
        self.zitiert = zitiert
        self.ungeprueft = ungeprueft
        self.nachId = nachId
    }

    /// The Kennzahlen of a product in model order: named by `ids` (the product's Ziele) or naming `nr` in quotes.
    func kennzahlen(von nr: String, ids: Set<String>) -> [Kennzahl] {
        let muster = "\"\(nr)\""
        // A number with a quote or beyond ASCII: the plain text search over every formula.
        guard nr.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\"") }) else {
            return kennzahlen.filter { ids.contains($0.id) || $0.formel.contains(muster) }
        }
        var treffer = Set(zitiert[nr] ?? [])
        for n in ungeprueft where kennzahlen[n].formel.contains(muster) { treffer.insert(n) }
        for id in ids { treffer.formUnion(nachId[id] ?? []) }
        return treffer.sorted().map { kennzahlen[$0] }
    }
}
