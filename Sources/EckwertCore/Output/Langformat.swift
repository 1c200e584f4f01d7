import Foundation

/// One row of the long machine-readable format (modellformat.md section 11).
public struct Langzeile: Sendable, Hashable {
    public var szenario: String
    public var ebene: Ebene
    public var nr: String
    public var groesse: String
    public var jahr: Int
    public var wert: Double

    public init(szenario: String, ebene: Ebene, nr: String, groesse: String, jahr: Int, wert: Double) {
        self.szenario = szenario; self.ebene = ebene; self.nr = nr; self.groesse = groesse; self.jahr = jahr;
        self.wert = wert
    }

    /// Sorted by szenario, ebene, nr, groesse, jahr (text columns by their text, jahr by number).
    public static func sortiert(_ z: [Langzeile]) -> [Langzeile] {
        reihenfolge(z).map { z[$0] }
    }

    /// The indices of `z` in the order of `sortiert`: the same stable order as sorting with
    /// "szenario, then ebene (by its raw value), then nr, then groesse (String <), then jahr", computed on ranks.
    /// Each column's distinct values are ranked once with the same comparison (strings that are == share a rank),
    /// so the rows compare as integers; ties keep the input order, as the stable sort did.
    static func reihenfolge(_ z: [Langzeile]) -> [Int] {
        // Column values → provisional ids in order of appearance, then ids → ranks by sorting the distinct values.
        // Ids are 32-bit (half the memory of Int at a million rows); a value equal to the previous row's takes its
        // id without hashing (rows of one unit share szenario, ebene, nr and jahr runs).
        func spalte<T: Hashable>(_ wert: (Langzeile) -> T, _ kleiner: (T, T) -> Bool) -> (ids: [UInt32], rang: [Int]) {
            var id: [T: UInt32] = [:]
            var werte: [T] = []
            var ids = [UInt32](repeating: 0, count: z.count)
            var vorher: (wert: T, id: UInt32)? = nil
            for i in z.indices {
                let w = wert(z[i])
                if let v = vorher, v.wert == w { ids[i] = v.id; continue }
                let k: UInt32
                if let g = id[w] {
                    k = g
                } else {
                    k = UInt32(werte.count)
                    id[w] = k
                    werte.append(w)
                }
                ids[i] = k
                vorher = (w, k)
            }
            var rang = [UInt32](repeating: 0, count: werte.count)
            for (r, k) in werte.indices.sorted(by: { kleiner(werte[$0], werte[$1]) }).enumerated() {
                rang[k] = UInt32(r)
            }
            for i in ids.indices { ids[i] = rang[Int(ids[i])] }
            return (ids, rang.map { Int($0) })
        }
        let sz = spalte({ $0.szenario }, <)
        let eb = spalte({ $0.ebene }, { $0.rawValue < $1.rawValue })
        let nr = spalte({ $0.nr }, <)
        let gr = spalte({ $0.groesse }, <)
        let ja = spalte({ $0.jahr }, <)
        func bits(_ n: Int) -> Int { n <= 1 ? 1 : Int.bitWidth - (n - 1).leadingZeroBitCount }
        let b = [
            bits(sz.rang.count), bits(eb.rang.count), bits(nr.rang.count), bits(gr.rang.count), bits(ja.rang.count),
            bits(z.count),
        ]
        if b.reduce(0, +) <= 64 {
            // One packed key per row: rank fields from most to least significant, the row index last.
            var keys = [UInt64](repeating: 0, count: z.count)
            for i in z.indices {
                var k = UInt64(sz.ids[i])
                k = k << b[1] | UInt64(eb.ids[i])
                k = k << b[2] | UInt64(nr.ids[i])
                k = k << b[3] | UInt64(gr.ids[i])
                k = k << b[4] | UInt64(ja.ids[i])
                keys[i] = k << b[5] | UInt64(i)
            }
            keys.sort()
            let maske = b[5] >= 64 ? UInt64.max : (UInt64(1) << UInt64(b[5])) - 1
            return keys.map { Int($0 & maske) }
        }
        let r = z.indices.map { i in [sz.ids[i], eb.ids[i], nr.ids[i], gr.ids[i], ja.ids[i]] }
        return z.indices.sorted { r[$0].lexicographicallyPrecedes(r[$1]) || (r[$0] == r[$1] && $0 < $1) }
    }
}

/// Rows of the long format from runs: every Ergebnisplan and Finanzplan line at every level, the driver
/// quantities, population per Sozialraum, Kennzahlen.
public enum Langformat {
    public static func zeilen(_ m: Planungsmodell, _ e: Rechenergebnis, mitFinanzplan: Bool = true) -> [Langzeile] {
        var t = Langtabelle()
        zeilen(m, e, mitFinanzplan: mitFinanzplan, in: &t)
        return t.langzeilen
    }

    /// The same rows appended to `t` (each text looked up once, not per row). `einheiten`: `m.einheiten` where
    /// the caller has them already (formed once for all szenarios; nil forms them here).
    public static func zeilen(
        _ m: Planungsmodell, _ e: Rechenergebnis, mitFinanzplan: Bool = true, einheiten: [Einheit]? = nil,
        in out: inout Langtabelle
    ) {
        // The Kennzahlen are computed on a second core while the rows are added (the writer calls this while the
        // other core has nothing to do); they enter the table where they did when computed here.
        let kennzahlen = Nebenher { Kennzahlrechnung.werte(m, e) }
        let k = m.kontenrahmen
        let sz = out.text(e.szenario), leer = out.text("")
        let zeilenKeys = k.zeilen.map { out.text($0.key) }, finanzKeys = k.finanzplan.map { out.text($0.key) }
        let gFaelle = out.text("faelle"), gFallkosten = out.text("fallkosten"), gPlaetze = out.text("plaetze")
        let gLuecke = out.text("luecke"), gBevoelkerung = out.text("bevoelkerung")
        let planzeilen = Planzeilen(e, modell: m)
        let einheiten = einheiten ?? m.einheiten
        let rahmen = rahmenzeilen(m, e)
        out.platzFuer(zeilen: Self.hoechstens(m, e, einheiten: einheiten, mitFinanzplan: mitFinanzplan) + rahmen.count)
        for einheit in einheiten {
            let plan = Teilplan(e, einheit.produkte, modell: m, planzeilen: planzeilen)
            let nr = out.text(einheit.nr)
            for (t, jahr) in e.jahre.enumerated() {
                func add(_ g: UInt32, _ v: Double?) {
                    if let v, v.isFinite {
                        out.anfuegen(szenario: sz, ebene: einheit.ebene, nr: nr, groesse: g, jahr: jahr, wert: v)
                    }
                }
                for z in k.zeilen.indices { add(zeilenKeys[z], plan.ergebnisplan[z][t]) }
                if mitFinanzplan {
                    for z in k.finanzplan.indices { add(finanzKeys[z], plan.finanzplan[z][t]) }
                }
                add(gFaelle, plan.faelle?[t])
                if einheit.ebene == .produkt, let i = einheit.produkte.first {
                    add(gFallkosten, e.produkte[i].fallkosten?[t])
                } else if let a = plan.fallkostenAufwand?[t], let f = plan.faelle?[t], f != 0 {
                    add(gFallkosten, a / f)
                }
                add(gPlaetze, plan.plaetze?[t])
                add(gLuecke, plan.luecke?[t])
            }
        }
        for (t, jahr) in e.jahre.enumerated() {
            guard t < e.bevoelkerung.count, let pop = e.bevoelkerung[t] else { continue }
            for g in pop.gebiete {
                out.anfuegen(
                    szenario: sz, ebene: .gebiet, nr: out.text(g), groesse: gBevoelkerung, jahr: jahr,
                    wert: pop.summe(gebiet: g))
            }
            out.anfuegen(szenario: sz, ebene: .gesamt, nr: leer, groesse: gBevoelkerung, jahr: jahr, wert: pop.gesamt)
        }
        // Cases per Sozialraum (modellformat.md section 13), where capacity per Sozialraum does not already give them.
        out.gebietsnummern(gebiete: m.bevoelkerung.gebiete, nummern: e.produkte.map(\.nr))
        for (i, p) in e.produkte.enumerated() where p.kapazitaet?.gebiete.isEmpty ?? true {
            guard let jeGebiet = p.gebietsfaelle else { continue }
            for g in m.bevoelkerung.gebiete.indices where g < jeGebiet.count {
                let nr = out.gebietsnummer(g, i)
                for (t, jahr) in e.jahre.enumerated() {
                    out.anfuegen(
                        szenario: sz, ebene: .gebiet, nr: nr, groesse: gFaelle, jahr: jahr, wert: jeGebiet[g][t])
                }
            }
        }
        // Capacity per Sozialraum.
        for p in e.produkte {
            guard let kap = p.kapazitaet else { continue }
            for g in kap.gebiete {
                let nr = out.text("\(g.gebiet)/\(p.nr)")
                for (t, jahr) in e.jahre.enumerated() {
                    out.anfuegen(szenario: sz, ebene: .gebiet, nr: nr, groesse: gFaelle, jahr: jahr, wert: g.bedarf[t])
                    out.anfuegen(
                        szenario: sz, ebene: .gebiet, nr: nr, groesse: gPlaetze, jahr: jahr, wert: g.plaetze[t])
                    out.anfuegen(szenario: sz, ebene: .gebiet, nr: nr, groesse: gLuecke, jahr: jahr, wert: g.luecke[t])
                }
            }
        }
        let kz = kennzahlen.ergebnis()
        for kennzahl in m.kennzahlen {
            let g = out.text("kennzahl:\(kennzahl.id)")
            for (t, jahr) in e.jahre.enumerated() {
                if let v = kz[kennzahl.id]?[t] ?? nil {
                    out.anfuegen(szenario: sz, ebene: .gesamt, nr: leer, groesse: g, jahr: jahr, wert: v)
                }
            }
        }
        out.anfuegen(contentsOf: rahmen)
    }

    /// The most rows `zeilen` adds before the Rahmen rows (each value it may write counted once), so that the
    /// first szenario's table is allocated once instead of copied at each doubling (~460,000 rows of 32 bytes on
    /// the benchmark model; the later szenarios reuse the emptied table).
    static func hoechstens(
        _ m: Planungsmodell, _ e: Rechenergebnis, einheiten: [Einheit], mitFinanzplan: Bool
    ) -> Int {
        let k = m.kontenrahmen, jahre = e.jahre.count
        let jeEinheit = k.zeilen.count + (mitFinanzplan ? k.finanzplan.count : 0) + 4
        var n = einheiten.count * jahre * jeEinheit
        for pop in e.bevoelkerung.prefix(jahre) { n += (pop?.gebiete.count ?? 0) + 1 }
        for p in e.produkte {
            if let kap = p.kapazitaet, !kap.gebiete.isEmpty {
                n += kap.gebiete.count * jahre * 3
            } else if let jeGebiet = p.gebietsfaelle {
                n += min(m.bevoelkerung.gebiete.count, jeGebiet.count) * jahre
            }
        }
        return n + m.kennzahlen.count * jahre
    }

    /// The Planung der Kämmerei (`planung.csv`) as rows `szenario=planung`: every Ergebnisplan line at every level
    /// and year of the forecast, summed like the forecast; a unit without any Planung row in a year has none.
    public static func planung(_ m: Planungsmodell) -> [Langzeile] {
        var out: [Langzeile] = []
        for einheit in m.einheiten {
            for jahr in m.planungsjahre {
                guard let spalte = m.planspalte(m.planung, produkte: einheit.produkte, jahr: jahr) else { continue }
                for (z, zeile) in m.kontenrahmen.zeilen.enumerated() {
                    out.append(
                        Langzeile(
                            szenario: "planung", ebene: einheit.ebene, nr: einheit.nr, groesse: zeile.key,
                            jahr: jahr, wert: spalte[z]))
                }
            }
        }
        return out
    }

    /// The Ist rows of the Sozialräume (modellformat.md section 13): cases of `faelle_gebiete.csv`, the smoothed Basisjahr
    /// rate `quote` (r̃_g) of every product with Sozialraum cases, indicator values (`indikator:<id>`), the
    /// Sozialindex and each allocation (`verteilung:<id>`, whole euros, in the year of the allocation or the
    /// Haushaltsjahr).
    public static func sozialraumIst(_ m: Planungsmodell, _ p: Projektion) -> [Langzeile] {
        var t = Langtabelle()
        sozialraumIst(m, p, in: &t)
        return t.langzeilen
    }

    /// The same rows appended to `out`, each text looked up once rather than per row (the ~30,000
    /// Sozialraum/product texts of `quote` through `Langtabelle.gebietsnummer`, where the szenarios find them again).
    public static func sozialraumIst(_ m: Planungsmodell, _ p: Projektion, in out: inout Langtabelle) {
        let s = m.sozialraum
        let sz = out.text("ist")
        func add(_ nr: UInt32, _ g: UInt32, _ jahr: Int, _ v: Double) {
            if v.isFinite { out.anfuegen(szenario: sz, ebene: .gebiet, nr: nr, groesse: g, jahr: jahr, wert: v) }
        }
        let gFaelle = out.text("faelle")
        for (k, v) in s.faelle {
            let nr = out.text("\(k.gebiet)/\(k.produkt)")
            add(nr, gFaelle, k.jahr, v)
        }
        let gQuote = out.text("quote")
        out.gebietsnummern(gebiete: m.bevoelkerung.gebiete, nummern: m.produkte.map(\.nr))
        for i in m.produkte.indices {
            guard let kr = p.kleinraum[i] else { continue }
            for g in m.bevoelkerung.gebiete.indices {
                let nr = out.gebietsnummer(g, i)
                add(nr, gQuote, m.basisjahr, kr.geglaettet[g])
            }
        }
        for (k, v) in s.indikatorwerte {
            let nr = out.text(k.gebiet), g = out.text("indikator:\(k.indikator)")
            add(nr, g, k.jahr, v)
        }
        if let si = s.sozialindex, let index = Kleinraum.sozialindex(m) {
            let g = out.text("sozialindex")
            for (i, gebiet) in m.bevoelkerung.gebiete.enumerated() {
                let nr = out.text(gebiet)
                add(nr, g, si.jahr, index[i])
            }
        }
        for v in Kleinraum.verteilungen(m) {
            let g = out.text("verteilung:\(v.verteilung.id)")
            for (i, gebiet) in m.bevoelkerung.gebiete.enumerated() {
                let nr = out.text(gebiet)
                add(nr, g, v.verteilung.jahr ?? m.haushaltsjahr, Double(v.euro[i]))
            }
        }
    }

    /// `szenario;ebene;nr;groesse;jahr;wert`, values unrounded with a decimal point, LF line ends.
    public static func csv(_ zeilen: [Langzeile]) -> String {
        var alles: [UInt8] = []
        csv(zeilen) { alles.append(contentsOf: $0) }
        return String(decoding: alles, as: UTF8.self)
    }

    /// The same bytes as ``csv(_:)-swift.type.method``, handed to `senke` in blocks of about `block` bytes or a
    /// formatted piece of rows (the buffer is reused after `senke` returns), so that the whole text never sits in
    /// memory.
    public static func csv(
        _ zeilen: [Langzeile], block: Int = 1 << 20,
        an senke: (UnsafeRawBufferPointer) -> Void
    ) {
        withoutActuallyEscaping(senke) { senke in
            var s = Schreibpuffer(block: block, senke: senke)
            s.kopf()
            var t = Langtabelle(zeilen)
            s.zeilen(&t)
            s.leeren()
        }
    }

    /// A source of rows for ``csv(szenarien:block:an:)``: the szenario name and what appends its rows.
    public typealias Quelle = (name: String, zeilen: (inout Langtabelle) -> Void)

    /// The same bytes as `csv` of all the rows of `quellen` together, where each source appends the rows of one
    /// szenario (`name`) to a table. The rows sort by szenario first, so the sources are taken szenario by szenario
    /// (names in String order, sources of one name in their given order) and only one szenario's rows are held at
    /// a time: a source that computes its run inside keeps at most one run in memory. (Filling the next
    /// szenario's table while one is written would use the second core, but holds two szenarios' rows: a
    /// third more memory on the benchmark model.)
    public static func csv(
        szenarien quellen: [Quelle], block: Int = 1 << 20, an senke: (UnsafeRawBufferPointer) -> Void
    ) {
        let ordnung = quellen.indices.sorted {
            quellen[$0].name < quellen[$1].name || (quellen[$0].name == quellen[$1].name && $0 < $1)
        }
        withoutActuallyEscaping(senke) { senke in
            var s = Schreibpuffer(block: block, senke: senke)
            s.kopf()
            // One table for all szenarios, emptied in between: its texts, their CSV fields and ranks and its
            // memory are kept, so that a later szenario only adds what is new.
            var t = Langtabelle()
            var i = 0
            while i < ordnung.count {
                t.leeren()
                let name = quellen[ordnung[i]].name
                while i < ordnung.count, quellen[ordnung[i]].name == name {
                    quellen[ordnung[i]].zeilen(&t)
                    i += 1
                }
                s.zeilen(&t)
            }
            s.leeren()
        }
    }

    /// The header line of the CSV.
    static let kopfzeile = "szenario;ebene;nr;groesse;jahr;wert\n"

    /// The CSV text in blocks of about `block` bytes for `senke`: the header, then the rows of each table
    /// (sorted like `Langzeile.sortiert` within it), then `leeren()` for the rest. Rows are written as bytes
    /// straight into one buffer (each text's field copied from its encoding in the table); a formatted piece of
    /// rows that finds the buffer empty is handed over as a block of its own.
    public struct Schreibpuffer {
        /// The buffer; bytes `0 ..< n` are written and not yet handed over.
        var s: [UInt8] = []
        var n = 0
        let block: Int
        let senke: (UnsafeRawBufferPointer) -> Void
        /// The memory the last table's pieces were formatted into.
        var stueckablage: Stueckablage?

        public init(block: Int = 1 << 20, senke: @escaping (UnsafeRawBufferPointer) -> Void) {
            self.block = max(block, 1)
            self.senke = senke
            s = [UInt8](repeating: 0, count: self.block + 1024)
        }

        public mutating func kopf() { anhaengen(Array(Langformat.kopfzeile.utf8)) }

        /// Appends `b` (the buffer grown where it would not fit), handing the buffer over from `block` bytes on.
        mutating func anhaengen(_ b: [UInt8]) {
            wenigstens(n + b.count)
            let m = n
            s.withUnsafeMutableBufferPointer { p in
                for (k, x) in b.enumerated() { p[m + k] = x }
            }
            n += b.count
            if n >= block { abgeben() }
        }

        /// The buffer grown to at least `bytes` bytes.
        mutating func wenigstens(_ bytes: Int) {
            if bytes > s.count { s.append(contentsOf: repeatElement(0, count: bytes - s.count)) }
        }

        mutating func abgeben() {
            let m = n
            s.withUnsafeBytes { senke(UnsafeRawBufferPointer(rebasing: $0[0..<m])) }
            n = 0
        }

        /// Rows formatted in one piece; two pieces are formatted side by side (the second on another core).
        public static let stueckzeilen = 8192

        /// Bytes from which a piece is handed to `senke` as it is (a piece of 8,192 rows is about 450 KB).
        static let direktAb = 1 << 16

        /// Appends the rows of `t`, sorted. The sorted rows are formatted in pieces of `stueck` rows, two at a
        /// time on two cores (formatting the numbers is most of the writer's work, and while a szenario is
        /// written the other core has nothing to do), each into its own memory; the pieces are then handed over
        /// in order, so the bytes are those of formatting row after row.
        public mutating func zeilen(_ t: inout Langtabelle, stueck: Int = stueckzeilen) {
            let stueck = max(stueck, 1)
            let reihe = t.reihenfolge()
            let (felder, start) = t.felder()
            // The most bytes one row takes: three texts, the level, the year and the value with separators (a row
            // with its year outside 32 bits has the same texts, as the table holds them).
            var laengste = 0
            for k in 0..<(start.count - 1) { laengste = max(laengste, start[k + 1] - start[k]) }
            let zeilenmax = 3 * laengste + 32 + 24 + Kuerzestzahl.hoechstlaenge
            let satz = Zeilensatz(tabelle: t, reihe: reihe, felder: felder, start: start)
            let stuecke = (reihe.count + stueck - 1) / stueck
            // The pieces' memory is kept from table to table (fresh memory is faulted in page by page again).
            let anzahlPuffer = min(2, stuecke), bytes = min(stueck, reihe.count) * zeilenmax
            let ablage: Stueckablage
            if let a = stueckablage, a.puffer.count >= anzahlPuffer, a.bytes >= bytes {
                ablage = a
            } else {
                ablage = Stueckablage(anzahl: anzahlPuffer, bytes: bytes)
                stueckablage = ablage
            }
            var k = 0
            while k < stuecke {
                let anzahl = min(2, stuecke - k), erstes = k
                DispatchQueueBridge.parallel(anzahl) { j in
                    let von = (erstes + j) * stueck
                    ablage.laenge[j] = satz.schreiben(von..<min(von + stueck, satz.reihe.count), nach: ablage.puffer[j])
                }
                for j in 0..<anzahl { anhaengen(ablage.puffer[j], ablage.laenge[j]) }
                k += anzahl
            }
        }

        /// Appends `count` bytes from `b`, handing the buffer over from `block` bytes on. A formatted piece of rows
        /// (``direktAb`` bytes or a block or more) that finds the buffer empty goes to `senke` straight from `b`:
        /// copying it into the buffer first would copy every byte of the CSV once more on the thread that forms
        /// the rows. (So every block but the last has at least `min(block, direktAb)` bytes.)
        mutating func anhaengen(_ b: UnsafePointer<UInt8>, _ count: Int) {
            if n == 0, count >= Swift.min(block, Self.direktAb) {
                senke(UnsafeRawBufferPointer(start: b, count: count))
                return
            }
            wenigstens(n + count)
            let m = n
            s.withUnsafeMutableBufferPointer { p in
                if let p0 = p.baseAddress { (p0 + m).update(from: b, count: count) }
            }
            n += count
            if n >= block { abgeben() }
        }

        /// Hands over what is left.
        public mutating func leeren() {
            if n > 0 { abgeben() }
        }
    }

    /// The sorted rows of a table with the CSV fields of its texts: what formatting a piece of rows reads.
    struct Zeilensatz: Sendable {
        let tabelle: Langtabelle
        let reihe: [Int]
        /// Text k's CSV field is `felder[start[k] ..< start[k + 1]]`.
        let felder: [UInt8]
        let start: [Int]

        /// Writes the rows `reihe[bereich]` at `p` (room for `bereich.count` times the longest row); returns the
        /// number of bytes written.
        func schreiben(_ bereich: Range<Int>, nach p0: UnsafeMutablePointer<UInt8>) -> Int {
            let ebenen = Ebene.allCases.map { Array($0.rawValue.utf8) }
            let ryu = Kuerzestzahl.tabellen, start = start
            return felder.withUnsafeBufferPointer { f -> Int in
                guard let f0 = f.baseAddress else { return 0 }
                var p = p0
                @inline(__always) func text(_ k: UInt32) {
                    let a = start[Int(k)], l = start[Int(k) + 1] - a
                    p.update(from: f0 + a, count: l)
                    p += l
                    p.pointee = UInt8(ascii: ";")
                    p += 1
                }
                for i in reihe[bereich] {
                    if !tabelle.ausserhalb.isEmpty, let a = tabelle.ausserhalb.first(where: { $0.index == i }) {
                        var b: [UInt8] = []
                        Langformat.zeile(a.zeile, an: &b)
                        for x in b { p.pointee = x; p += 1 }
                    } else {
                        let z = tabelle.zeilen[i]
                        text(z.szenario)
                        for b in ebenen[Int(z.ebene)] { p.pointee = b; p += 1 }
                        p.pointee = UInt8(ascii: ";")
                        p += 1
                        text(z.nr)
                        text(z.groesse)
                        p += Langformat.ganzzahl(Int(z.jahr), nach: p)
                        p.pointee = UInt8(ascii: ";")
                        p += 1
                        p += Kuerzestzahl.schreiben(z.wert, nach: p, ryu)
                        p.pointee = UInt8(ascii: "\n")
                        p += 1
                    }
                }
                return p - p0
            }
        }
    }

    /// The memory of the pieces formatted side by side: piece j is written at `puffer[j]` by one worker, which
    /// sets `laenge[j]`; both are read after the workers are done (concurrentPerform orders the two).
    final class Stueckablage: @unchecked Sendable {
        let puffer: [UnsafeMutablePointer<UInt8>]
        let laenge: UnsafeMutablePointer<Int>
        /// Each buffer's size.
        let bytes: Int
        init(anzahl: Int, bytes: Int) {
            self.bytes = bytes
            puffer = (0..<anzahl).map { _ in .allocate(capacity: max(bytes, 1)) }
            laenge = .allocate(capacity: max(anzahl, 1))
            laenge.initialize(repeating: 0, count: max(anzahl, 1))
        }
        deinit {
            for p in puffer { p.deallocate() }
            laenge.deallocate()
        }
    }

    /// One row of the CSV.
    static func zeile(_ z: Langzeile, an s: inout [UInt8]) {
        let semikolon = UInt8(ascii: ";")
        feld(z.szenario, an: &s); s.append(semikolon)
        s.append(contentsOf: z.ebene.rawValue.utf8); s.append(semikolon)
        feld(z.nr, an: &s); s.append(semikolon)
        feld(z.groesse, an: &s); s.append(semikolon)
        ganzzahl(z.jahr, an: &s); s.append(semikolon)
        zahl(z.wert, an: &s); s.append(UInt8(ascii: "\n"))
    }

    /// A JSON array of objects with the same fields, in the same order.
    public static func json(_ zeilen: [Langzeile]) -> String {
        var s = "[\n"
        let sortiert = Langzeile.sortiert(zeilen)
        for (i, z) in sortiert.enumerated() {
            s +=
                "  {\"szenario\": \(jsonText(z.szenario)), \"ebene\": \"\(z.ebene.rawValue)\", \"nr\": \(jsonText(z.nr)), \"groesse\": \(jsonText(z.groesse)), \"jahr\": \(z.jahr), \"wert\": \(zahl(z.wert))}"
            s += i + 1 < sortiert.count ? ",\n" : "\n"
        }
        return s + "]\n"
    }

    /// Shortest round-trip decimal, never in exponent notation (so that every CSV reader takes it).
    public static func zahl(_ v: Double) -> String {
        var s: [UInt8] = []
        zahl(v, an: &s)
        return String(decoding: s, as: UTF8.self)
    }

    /// Appends ``zahl(_:)``'s text to `s`: the digits of Swift's `description` (shortest round-trip), with
    /// `.0` dropped and an exponent written out as zeros; nothing for a value that is not finite, `0` for ±0.
    /// The digits come from ``Kuerzestzahl`` (no String per value); ``zahlNachDescription(_:an:)`` is the
    /// same text taken from `description` itself, which the tests hold it against.
    public static func zahl(_ v: Double, an s: inout [UInt8]) {
        Kuerzestzahl.schreiben(v, an: &s)
    }

    /// ``zahl(_:an:)`` from the text of `description`.
    static func zahlNachDescription(_ v: Double, an s: inout [UInt8]) {
        guard v.isFinite else { return }
        if v == 0 { s.append(UInt8(ascii: "0")); return }
        var d = v.description
        d.withUTF8 { u in
            guard let e = u.firstIndex(of: UInt8(ascii: "e")) else {
                let n = u.count
                let ohne = n >= 2 && u[n - 2] == UInt8(ascii: ".") && u[n - 1] == UInt8(ascii: "0") ? n - 2 : n
                s.append(contentsOf: UnsafeBufferPointer(rebasing: u[0..<ohne]))
                return
            }
            ausgeschrieben(
                mantisse: UnsafeBufferPointer(rebasing: u[0..<e]),
                exponent: UnsafeBufferPointer(rebasing: u[(e + 1)...]), an: &s)
        }
    }

    /// `mantisse` × 10^`exponent` (as Swift writes them: `-1.25`, `+16`) as plain decimal digits.
    private static func ausgeschrieben(
        mantisse m: UnsafeBufferPointer<UInt8>, exponent x: UnsafeBufferPointer<UInt8>,
        an s: inout [UInt8]
    ) {
        var exp = 0
        var expNeg = false
        for b in x {
            if b == UInt8(ascii: "-") {
                expNeg = true
            } else if b != UInt8(ascii: "+") {
                exp = exp * 10 + Int(b &- 0x30)
            }
        }
        if expNeg { exp = -exp }
        var start = 0
        if m.first == UInt8(ascii: "-") { s.append(UInt8(ascii: "-")); start = 1 }
        // Digits of the mantissa without its point, and how many stand before the point.
        var ziffern: [UInt8] = []
        ziffern.reserveCapacity(m.count + 8)
        var ganz = -1
        for k in start..<m.count {
            if m[k] == UInt8(ascii: ".") { ganz = ziffern.count } else { ziffern.append(m[k]) }
        }
        if ganz < 0 { ganz = ziffern.count }
        var punkt = ganz + exp
        if punkt <= 0 {
            ziffern.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: -punkt + 1), at: 0)
            punkt = 1
        } else if punkt > ziffern.count {
            ziffern.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: punkt - ziffern.count))
        }
        s.append(contentsOf: ziffern[0..<punkt])
        var ende = ziffern.count
        while ende > punkt && ziffern[ende - 1] == UInt8(ascii: "0") { ende -= 1 }
        if ende > punkt {
            s.append(UInt8(ascii: "."))
            s.append(contentsOf: ziffern[punkt..<ende])
        }
    }

    /// Writes the decimal digits of `n` (with `-` when negative) at `p` (room for 20 bytes); returns their count.
    static func ganzzahl(_ n: Int, nach p: UnsafeMutablePointer<UInt8>) -> Int {
        var k = 0
        if n < 0 { p[0] = UInt8(ascii: "-"); k = 1 }
        var m = n.magnitude
        var stellen = 1
        var x = m
        while x >= 10 { x /= 10; stellen += 1 }
        var j = k + stellen - 1
        repeat {
            p[j] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30
            m /= 10
            j -= 1
        } while m > 0
        return k + stellen
    }

    /// Appends the decimal digits of `n` (with `-` when negative).
    static func ganzzahl(_ n: Int, an s: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { puffer in
            guard let p = puffer.baseAddress else { return }
            s.append(contentsOf: UnsafeBufferPointer(start: p, count: ganzzahl(n, nach: p)))
        }
    }

    /// Appends `t` as a CSV field: as it is, or quoted (`"` doubled) when it holds `;`, `"` or a line feed.
    /// Text with non-ASCII characters or a carriage return (where the character-wise search of ``feld(_:)`` and
    /// a byte-wise one could differ) goes through ``feld(_:)`` itself.
    static func feld(_ t: String, an s: inout [UInt8]) {
        var t = t
        // 0: plain, append as it is; 1: quote byte-wise; 2: non-ASCII or CR, through feld(_:).
        let art = t.withUTF8 { u -> Int in
            var besonders = false
            for b in u {
                if b >= 0x80 || b == 0x0D { return 2 }
                if b == UInt8(ascii: ";") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\n") { besonders = true }
            }
            if besonders { return 1 }
            s.append(contentsOf: u)
            return 0
        }
        if art == 0 { return }
        if art == 2 { s.append(contentsOf: feld(t).utf8); return }
        s.append(UInt8(ascii: "\""))
        for b in t.utf8 {
            if b == UInt8(ascii: "\"") { s.append(b) }
            s.append(b)
        }
        s.append(UInt8(ascii: "\""))
    }

    static func feld(_ s: String) -> String {
        // Fast path for ASCII text without ; " or LF (the usual case): returned as it is, as below.
        var ascii = true, besonders = false
        for b in s.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b == UInt8(ascii: ";") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\n") { besonders = true; break }
        }
        if ascii, !besonders { return s }
        guard s.contains(";") || s.contains("\"") || s.contains("\n") else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func jsonText(_ s: String) -> String {
        var o = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": o += "\\\""
            case "\\": o += "\\\\"
            case "\n": o += "\\n"
            case "\r": o += "\\r"
            case "\t": o += "\\t"
            default:
                if u.value < 0x20 { o += String(format: "\\u%04x", u.value) } else { o.unicodeScalars.append(u) }
            }
        }
        return o + "\""
    }
}
