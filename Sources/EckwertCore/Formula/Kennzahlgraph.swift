/// Cycles among Kennzahlen that reference each other with `kennzahl("…")`.
public enum Kennzahlgraph {
    /// At most this many cycles are reported by `zyklen(_:)`.
    public static let maxZyklen = 1_000

    /// Every elementary cycle of the reference graph (`refs[a]` = the ids `a` references) once, as the ids
    /// along the cycle starting from its smallest id (a self-reference is `[a]`); the cycles sorted
    /// lexicographically. Ids that only occur as targets are nodes without references; duplicate
    /// references count once. At most `maxZyklen` cycles (a deterministic selection if there are more).
    /// Johnson's algorithm with iterative Tarjan SCCs — no recursion, so long chains are safe.
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
        for (a, ziele) in refs {
            guard let i = index[a] else { continue }
            nach[i] = Set(ziele.compactMap { index[$0] }).sorted()
        }
        guard hoechstens > 0 else { return [] }

        var ergebnis: [[Int]] = []
        var drin = Array(repeating: false, count: n)
        var blockiert = Array(repeating: false, count: n)
        var geschlossen = Array(repeating: false, count: n)
        var bListe = Array(repeating: Set<Int>(), count: n)

        // Work list of strongly connected components that may contain cycles. From each, the cycles
        // through its smallest node are enumerated; then that node is removed and the rest split again.
        var arbeit = komponenten(Array(0..<n), nach, &drin)
        while let komponente = arbeit.popLast() {
            for v in komponente { drin[v] = true }
            let s = komponente[0]  // components are sorted: s is the smallest node

            var pfad = [s]
            var stapel: [(knoten: Int, naechster: Int)] = [(s, 0)]
            blockiert[s] = true
            while let oben = stapel.last {
                let v = oben.knoten
                let nachbarn = nach[v]
                var i = oben.naechster
                while i < nachbarn.count, !drin[nachbarn[i]] { i += 1 }
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
                    for w in nachbarn where drin[w] { bListe[w].insert(v) }
                }
                stapel.removeLast()
                pfad.removeLast()
            }

            for v in komponente {
                drin[v] = false
                blockiert[v] = false
                geschlossen[v] = false
                bListe[v].removeAll()
            }
            arbeit.append(contentsOf: komponenten(Array(komponente.dropFirst()), nach, &drin))
        }
        return ausgabe(ergebnis, ids)
    }

    /// The strongly connected components (each sorted) of the subgraph induced by `knoten` that contain a
    /// cycle: more than one node, or one node referencing itself. Iterative Tarjan. `drin` is all false on
    /// entry and on exit.
    private static func komponenten(_ knoten: [Int], _ nach: [[Int]], _ drin: inout [Bool]) -> [[Int]] {
        for v in knoten { drin[v] = true }
        defer { for v in knoten { drin[v] = false } }
        var nummer: [Int: Int] = [:]
        var tief: [Int: Int] = [:]
        var aufStapel: Set<Int> = []
        var stapel: [Int] = []
        var zaehler = 0
        var ergebnis: [[Int]] = []

        for wurzel in knoten where nummer[wurzel] == nil {
            nummer[wurzel] = zaehler
            tief[wurzel] = zaehler
            zaehler += 1
            stapel.append(wurzel)
            aufStapel.insert(wurzel)
            var aufrufe: [(knoten: Int, naechster: Int)] = [(wurzel, 0)]
            while let oben = aufrufe.last {
                let u = oben.knoten
                let nachbarn = nach[u]
                var i = oben.naechster
                while i < nachbarn.count, !drin[nachbarn[i]] { i += 1 }
                if i < nachbarn.count {
                    aufrufe[aufrufe.count - 1].naechster = i + 1
                    let w = nachbarn[i]
                    if let nw = nummer[w] {
                        if aufStapel.contains(w) { tief[u] = min(tief[u]!, nw) }
                    } else {
                        nummer[w] = zaehler
                        tief[w] = zaehler
                        zaehler += 1
                        stapel.append(w)
                        aufStapel.insert(w)
                        aufrufe.append((w, 0))
                    }
                    continue
                }
                aufrufe.removeLast()
                if let eltern = aufrufe.last {
                    tief[eltern.knoten] = min(tief[eltern.knoten]!, tief[u]!)
                }
                if tief[u] == nummer[u] {
                    var komponente: [Int] = []
                    while let w = stapel.popLast() {
                        aufStapel.remove(w)
                        komponente.append(w)
                        if w == u { break }
                    }
                    if komponente.count > 1 || nach[u].contains(u) {
                        ergebnis.append(komponente.sorted())
                    }
                }
            }
        }
        return ergebnis
    }

    private static func ausgabe(_ zyklen: [[Int]], _ ids: [String]) -> [[String]] {
        zyklen.sorted { $0.lexicographicallyPrecedes($1) }.map { $0.map { ids[$0] } }
    }
}
