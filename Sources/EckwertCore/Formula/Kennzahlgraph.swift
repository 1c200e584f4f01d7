/// Cycles among Kennzahlen that reference each other with `kennzahl("…")`.
public enum Kennzahlgraph {
    /// At most this many cycles are reported by `zyklen(_:)`.
    public static let maxZyklen = 1_000

    /// Every elementary cycle of the reference graph (`refs[a]` = the ids `a` references) once, as the ids
    /// along the cycle starting from its smallest id (a self-reference is `[a]`); the cycles sorted
    /// lexicographically. Ids that only occur as targets are nodes without references; duplicate
    /// references count once. At most `maxZyklen` cycles (the first ones in that order).
    /// Johnson's algorithm, iterative (no recursion), so deep graphs are safe.
    public static func zyklen(_ refs: [String: [String]]) -> [[String]] {
        zyklen(refs, hoechstens: maxZyklen)
    }

    public static func zyklen(_ refs: [String: [String]], hoechstens: Int) -> [[String]] {
        var alle = Set(refs.keys)
        for ziele in refs.values { alle.formUnion(ziele) }
        let ids = alle.sorted()
        let n = ids.count
        var index: [String: Int] = [:]
        for (i, id) in ids.enumerated() { index[id] = i }
        var nach = Array(repeating: [Int](), count: n)
        var von = Array(repeating: [Int](), count: n)
        for (a, ziele) in refs {
            guard let i = index[a] else { continue }
            nach[i] = Set(ziele.compactMap { index[$0] }).sorted()
            for j in nach[i] { von[j].append(i) }
        }

        var ergebnis: [[Int]] = []
        guard hoechstens > 0 else { return [] }

        // Per start node s (ascending): cycles whose smallest node is s, i.e. within the strongly
        // connected component of s in the subgraph of nodes >= s.
        var vorwaerts = Array(repeating: false, count: n)
        var rueckwaerts = Array(repeating: false, count: n)
        var inKomponente = Array(repeating: false, count: n)
        var blockiert = Array(repeating: false, count: n)
        var geschlossen = Array(repeating: false, count: n)
        var bListe = Array(repeating: Set<Int>(), count: n)

        for s in 0..<n {
            // Reachability from and to s among nodes >= s.
            func erreichbar(_ kanten: [[Int]], _ markiert: inout [Bool]) -> [Int] {
                var besucht = [s]
                var stapel = [s]
                markiert[s] = true
                while let v = stapel.popLast() {
                    for w in kanten[v] where w >= s && !markiert[w] {
                        markiert[w] = true
                        besucht.append(w)
                        stapel.append(w)
                    }
                }
                return besucht
            }
            let hin = erreichbar(nach, &vorwaerts)
            let zurueck = erreichbar(von, &rueckwaerts)
            var komponente: [Int] = []
            for v in hin where rueckwaerts[v] {
                inKomponente[v] = true
                komponente.append(v)
            }
            for v in hin { vorwaerts[v] = false }
            for v in zurueck { rueckwaerts[v] = false }
            defer {
                for v in komponente {
                    inKomponente[v] = false
                    blockiert[v] = false
                    geschlossen[v] = false
                    bListe[v].removeAll()
                }
            }
            if komponente.count == 1 && !nach[s].contains(s) { continue }

            // Johnson's circuit search from s, with an explicit stack of (node, next neighbour position).
            var pfad = [s]
            var stapel: [(knoten: Int, naechster: Int)] = [(s, 0)]
            blockiert[s] = true
            while let oben = stapel.last {
                let v = oben.knoten
                let nachbarn = nach[v]
                var i = oben.naechster
                while i < nachbarn.count, !inKomponente[nachbarn[i]] { i += 1 }
                if i < nachbarn.count {
                    stapel[stapel.count - 1].naechster = i + 1
                    let w = nachbarn[i]
                    if w == s {
                        ergebnis.append(pfad)
                        if ergebnis.count >= hoechstens { return ausgabe(ergebnis, ids) }
                        for u in pfad { geschlossen[u] = true }
                    } else if !blockiert[w] {
                        pfad.append(w)
                        stapel.append((w, 0))
                        geschlossen[w] = false
                        blockiert[w] = true
                    }
                    continue
                }
                // All neighbours of v done.
                if geschlossen[v] {
                    var frei = [v]
                    while let u = frei.popLast() {
                        if blockiert[u] {
                            blockiert[u] = false
                            frei.append(contentsOf: bListe[u])
                            bListe[u].removeAll()
                        }
                    }
                } else {
                    for w in nachbarn where inKomponente[w] { bListe[w].insert(v) }
                }
                stapel.removeLast()
                pfad.removeLast()
            }
        }
        return ausgabe(ergebnis, ids)
    }

    private static func ausgabe(_ zyklen: [[Int]], _ ids: [String]) -> [[String]] {
        zyklen.sorted { $0.lexicographicallyPrecedes($1) }.map { $0.map { ids[$0] } }
    }
}
