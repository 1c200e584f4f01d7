/// The Sozialraum cases of a model on integer indexes, for the loader's checks: one block per product and year
/// holding a value (or none) for each Sozialraum position of `bevoelkerung.csv`. Reading a case is then an array
/// access instead of a lookup by (jahr, gebiet, produkt) with three hashed fields. The model keeps the loader's
/// raster while its cases are unchanged (`Sozialraumdaten.faelleraster`), for the projection's Basisjahr cases.
struct Gebietsfallraster {
    /// The Sozialräume of `bevoelkerung.csv` the raster was built on, in their order.
    let gebiete: [String]
    /// Position of each Sozialraum id in `bevoelkerung.csv` (its first position, as `Bevoelkerung.gebietIndex`).
    let gebietIndex: [String: Int]
    /// For each position of `bevoelkerung.csv`'s Sozialräume: the first position of its id.
    let erste: [Int]
    /// The product numbers with cases, in the order first met.
    private(set) var nummern: [String] = []
    private(set) var produktIndex: [String: Int] = [:]
    /// Per product (index into `nummern`): year → start of its block in `werte` / `vorhanden`.
    private var bloecke: [[Int: Int]] = []
    private var werte: [Double] = []
    private var vorhanden: [Bool] = []
    /// How many cases were given (keys of `faelle`).
    let anzahl: Int
    /// Whether every case's gebiet is a Sozialraum of `bevoelkerung.csv`.
    private(set) var alleGebieteBekannt = true

    init(gebiete: [String], faelle: [GebietsfallSchluessel: Double]) {
        self.gebiete = gebiete
        var index: [String: Int] = [:]
        var erste: [Int] = []
        erste.reserveCapacity(gebiete.count)
        for (i, g) in gebiete.enumerated() {
            if let e = index[g] { erste.append(e) } else { index[g] = i; erste.append(i) }
        }
        gebietIndex = index
        self.erste = erste
        anzahl = faelle.count
        let n = gebiete.count
        for (k, f) in faelle {
            let p: Int
            if let i = produktIndex[k.produkt] {
                p = i
            } else {
                p = nummern.count
                produktIndex[k.produkt] = p
                nummern.append(k.produkt)
                bloecke.append([:])
            }
            let block: Int
            if let b = bloecke[p][k.jahr] {
                block = b
            } else {
                block = werte.count
                bloecke[p][k.jahr] = block
                werte.append(contentsOf: repeatElement(0, count: n))
                vorhanden.append(contentsOf: repeatElement(false, count: n))
            }
            guard let g = index[k.gebiet] else {
                alleGebieteBekannt = false
                continue
            }
            werte[block + g] = f
            vorhanden[block + g] = true
        }
    }

    /// The years with cases of product `p`, ascending.
    func jahre(_ p: Int) -> [Int] { bloecke[p].keys.sorted() }

    /// The block of product `p` in `jahr`, or nil where it has no cases that year.
    func block(_ p: Int, _ jahr: Int) -> Int? { bloecke[p][jahr] }

    /// The cases in `block` of the Sozialraum at position `position` of `bevoelkerung.csv`, or nil.
    func wert(_ block: Int, _ position: Int) -> Double? {
        let i = block + erste[position]
        return vorhanden[i] ? werte[i] : nil
    }
}
