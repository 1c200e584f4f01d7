import EckwertTestSupport
import Testing

@testable import EckwertCore

// The lookup tables of the projection and the analysis (Textindex, Isttabelle, Reihentabelle, the Kennzahl
// sources of one product) checked against the plain calculation they replace.

private func bits(_ x: Double?) -> UInt64? { x.map(\.bitPattern) }

/// Kennzahl values by the plain route: every product-based call reads a `Teilplan` of the products under the
/// prefix (`produktIndizes(unter:)`), formed anew each time; the population and Sozialraum calls, which the
/// optimisation does not touch, are those of `Kennzahlrechnung.Kontext`.
private struct Teilplankontext: Formelkontext {
    let m: Planungsmodell
    let e: Rechenergebnis
    let t: Int
    let tiefe: Int
    let uebrige: Kennzahlrechnung.Kontext

    init(_ m: Planungsmodell, _ e: Rechenergebnis, t: Int, tiefe: Int = 0) {
        self.m = m
        self.e = e
        self.t = t
        self.tiefe = tiefe
        uebrige = Kennzahlrechnung.Kontext(cache: Kennzahlrechnung.Teilplancache(m, e), t: t, tiefe: tiefe)
    }

    private func plan(_ p: String) -> Teilplan? {
        let idx = m.produktIndizes(unter: p)
        return idx.isEmpty ? nil : Teilplan(e, idx, modell: m)
    }
    private func wert(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }
    private var k: Kontenrahmen { m.kontenrahmen }

    func faelle(_ p: String) -> Double? { wert(plan(p)?.faelle?[t]) }
    func aufwand(_ p: String) -> Double? { wert(plan(p)?.zeile(k.aufwendungen, k)?[t]) }
    func ertrag(_ p: String) -> Double? { wert(plan(p)?.zeile(k.ertraege, k)?[t]) }
    func fallkosten(_ p: String) -> Double? {
        guard let plan = plan(p), plan.fallkostenAufwand?[t] != nil, let f = plan.faelle?[t], f != 0 else {
            return nil
        }
        let idx = m.produktIndizes(unter: p)
        if idx.count == 1 { return wert(e.produkte[idx[0]].fallkosten?[t]) }
        return wert((plan.fallkostenAufwand?[t] ?? 0) / f)
    }
    func zeile(_ p: String, _ key: String) -> Double? { wert(plan(p)?.zeile(key, k)?[t]) }
    func bev(_ a: BevAuswahl) -> Double? { uebrige.bev(a) }
    func plaetze(_ p: String) -> Double? { wert(plan(p)?.plaetze?[t]) }
    func luecke(_ p: String) -> Double? { wert(plan(p)?.luecke?[t]) }
    func kennzahl(_ id: String) -> Double? {
        guard tiefe < 50, let a = m.kennzahl(id)?.ausdruck else { return nil }
        return a.wert(in: Teilplankontext(m, e, t: t, tiefe: tiefe + 1))
    }
    func faelle(_ p: String, gebiet: String) -> Double? { uebrige.faelle(p, gebiet: gebiet) }
    func indikator(_ id: String, gebiet: String?) -> Double? { uebrige.indikator(id, gebiet: gebiet) }
}

@Suite struct ProjektionstabellenTests {
    /// Every answer is the dictionary's: its keys, texts that are none of them, and a text canonically equal to a
    /// key with other bytes ("é" as e + combining accent), which `Dictionary` finds and the byte table does not.
    @Test func textindexWieWoerterbuch() {
        var rng = SystemRandomNumberGenerator()
        var woerterbuch: [String: Int] = ["Caf\u{E9}": 7, "": 3, "transferaufwendungen": 11]
        let zeichen = Array("abcdefghijklmnopqrstuvwxyz0123456789._-äöüß")
        func zufall() -> String {
            String((0..<Int.random(in: 1...24, using: &rng)).map { _ in zeichen.randomElement(using: &rng) ?? "a" })
        }
        while woerterbuch.count < 300 { woerterbuch[zufall()] = woerterbuch.count * 5 }
        let index = Textindex(woerterbuch)
        for (k, v) in woerterbuch { #expect(index[k] == v, "\(k)") }
        for _ in 0..<2000 {
            let x = zufall()
            #expect(index[x] == woerterbuch[x], "\(x)")
        }
        #expect(index["Cafe\u{301}"] == 7)
        #expect(index["Caf"] == nil)
        #expect(index[""] == 3)
        #expect(index["transferaufwendungen"] == 11)
    }

    /// Every (year, product, Größe) of the table is `IstDaten.wert`, also with years missing between the first
    /// and the last (2020, 2022, 2024 here); `hatWert` is whether any year has a value.
    @Test func isttabelleWieIstDaten() throws {
        var bauer = Modellbauer.klein()
        let ist = try #require(bauer["ist.csv"])
        bauer.setzen("ist.csv", ist + "2020;31.1.01;faelle;300\n2022;36.1.01;personalaufwendungen;38000\n")
        let klein = try Fixture.modell(bauer)
        for m in [klein, try #require(Musterstadt.modell)] {
            let tabelle = Isttabelle(m)
            #expect(tabelle.jahre == m.ist.jahre)
            let groessen = m.kontenrahmen.zeilen.map(\.key) + ["faelle"]
            let mitWert = Set(m.ist.werte.keys.map { "\($0.produkt)|\($0.groesse)" })
            for (i, p) in m.produkte.enumerated() {
                for g in groessen {
                    for j in (m.ist.jahre.first ?? 0) - 1...m.basisjahr + 1 {
                        #expect(bits(tabelle.wert(m, j, i, g)) == bits(m.ist.wert(j, p.nr, g)), "\(j) \(p.nr) \(g)")
                    }
                    #expect(tabelle.hatWert(produkt: p.nr, groesse: g) == mitWert.contains("\(p.nr)|\(g)"))
                }
            }
            #expect(tabelle.hatWert(produkt: "kein Produkt", groesse: "faelle") == nil)
        }
        #expect(Isttabelle(klein).jahre == [2020, 2022, 2024])
        // The table from the lean reader's numbered Ist is the table from the keys, bit for bit.
        for m in [klein, try #require(Musterstadt.modell)] {
            #expect(m.ist.verzeichnis != nil)
            var ohne = m
            ohne.ist.werte = m.ist.werte
            #expect(ohne.ist.verzeichnis == nil)
            let a = Isttabelle(m), b = Isttabelle(ohne)
            #expect(a.jahre == b.jahre)
            let spalten = (m.kontenrahmen.zeilen.map(\.key) + ["faelle"]).compactMap { a.spalte($0) }
            #expect(spalten.count > 10)
            for j in a.jahre.indices {
                for i in m.produkte.indices {
                    for s in spalten { #expect(bits(a.wert(j, i, s)) == bits(b.wert(j, i, s))) }
                }
            }
        }
        let i = try #require(klein.produkte.firstIndex { $0.nr == "36.1.01" })
        #expect(Isttabelle(klein).wert(klein, 2022, i, "personalaufwendungen") == 38000)
        #expect(Isttabelle(klein).wert(klein, 2021, i, "personalaufwendungen") == nil)
    }

    /// Cases per Sozialraum stored flat read as the nested rows they replace; their column sums are the cases.
    @Test func reihentabelleWieVerschachtelt() throws {
        let reihen: [[Double]] = [[1, 2, 3], [4, 5, 6]]
        let r = Reihentabelle(reihen, laenge: 3)
        #expect(r.count == 2 && r[1].count == 3)
        #expect(r[0][2] == 3 && r[1][0] == 4 && r[1].last == 6 && r[0].first == 1)
        #expect(r.reihen == reihen)
        #expect(Reihentabelle([7, 8, 9, 10], anzahl: 2, laenge: 2).reihen == [[7, 8], [9, 10]])
        let m = try Fixture.modell(Modellbauer.klein())
        var d = Modellbauer.klein()
        d.setzen("faelle_gebiete.csv", "jahr;gebiet;produkt;faelle\n2024;S1;31.1.01;300\n2024;S2;31.1.01;40\n")
        let mit = try Fixture.modell(d)
        #expect(m.sozialraum.faelle.isEmpty)
        let e = Projektion(mit).rechnen(try #require(mit.szenario("status-quo")))
        let jeGebiet = try #require(e.produkte[0].gebietsfaelle)
        let F = try #require(e.produkte[0].faelle)
        #expect(jeGebiet.count == 2 && jeGebiet.laenge == F.count)
        for t in F.indices.dropFirst() { #expect(F[t] == 0 + jeGebiet[0][t] + jeGebiet[1][t]) }
    }

    /// Every Kennzahl of the Ist and of each scenario (Musterstadt, the small model with capacity) is bit for bit
    /// the value by `Teilplan`s — also where a product's row holds −0 (one product's sum gives +0).
    @Test func kennzahlenWieUeberTeilplaene() throws {
        var bauer = Modellbauer.klein()
        let formeln = [
            "fallkosten('31.1.01')", "fallkosten('31')", "faelle('31.2.01') / bev(alter=[3, 5]) * 1000",
            "zuschuss('31.2.01')", "zuschuss('31')", "plaetze('31.2.01')", "luecke('31.2')",
            "zeile('31.1.01', 'kostenerstattungen')", "aufwand('36.1.01') - ertrag('36.1.01')", "kennzahl('K0') * 2",
        ]
        let kennzahlen = formeln.enumerated().map { j, f in "  - {id: K\(j), name: K\(j), formel: \"\(f)\"}" }
        bauer.setzen(
            "modell.yaml", (bauer["modell.yaml"] ?? "") + "\nkennzahlen:\n" + kennzahlen.joined(separator: "\n"))
        let klein = try Fixture.modell(bauer)
        #expect(klein.kennzahlen.count == formeln.count)
        for m in [try #require(Musterstadt.modell), klein] {
            let l = Planungslauf.projizieren(m)
            var mitNull = l.laeufe[0]
            let z = try #require(m.kontenrahmen.index(m.kontenrahmen.aufwendungen))
            for i in mitNull.produkte.indices {
                mitNull.produkte[i].ergebnisplan[z][1] = -0.0
                if mitNull.produkte[i].faelle != nil { mitNull.produkte[i].faelle?[1] = -0.0 }
            }
            var geprueft = 0
            for e in [l.ist, mitNull] + l.laeufe {
                let werte = Kennzahlrechnung.werte(m, e)
                for k in m.kennzahlen {
                    for t in e.jahre.indices {
                        let erwartet = k.ausdruck.wert(in: Teilplankontext(m, e, t: t))
                        #expect(bits(werte[k.id]?[t] ?? nil) == bits(erwartet), "\(e.szenario) \(k.id) \(t)")
                        if erwartet != nil { geprueft += 1 }
                    }
                }
            }
            #expect(geprueft > 0)
        }
    }

    /// The plausibility check "line without Ist" gives the same warnings with the Ist table as by the set of all
    /// Ist keys (the Planfixture has one such line, in Ansatz and Planung).
    @Test func zeilenOhneIstMitTabelle() throws {
        let m = try Fixture.modell(Modellbauer(try Planfixture.dateien([:])))
        let ohne = Plausibilitaet.zeilenOhneIst(m)
        #expect(ohne.count == 2)
        #expect(Plausibilitaet.zeilenOhneIst(m, isttabelle: Isttabelle(m)) == ohne)
        let muster = try #require(Musterstadt.modell)
        #expect(
            Plausibilitaet.zeilenOhneIst(muster, isttabelle: Isttabelle(muster)) == Plausibilitaet.zeilenOhneIst(muster)
        )
    }

    /// Shapley effects by hand: R·r from 1·1 to 2·3 splits 5 into ½(1 + 3) = 2 and ½(2 + 4) = 3; a change of one
    /// factor of four is all its own. Refilled buffers give the same bits as fresh arrays, and a product's four
    /// parts and Rest add up to its change of Zuschussbedarf.
    @Test func shapleyOhneNeueFelder() throws {
        #expect(Wirkungszerlegung.shapley(von: [1, 1], nach: [2, 3]) == [2, 3])
        #expect(Wirkungszerlegung.shapley(von: [1, 1, 1, 1], nach: [2, 1, 1, 1]) == [1, 0, 0, 0])
        let fak = Wirkungszerlegung.fakultaeten(4)
        #expect(fak == [1, 1, 2, 6, 24])
        var eff = [Double](repeating: 7, count: 4)
        for _ in 0..<200 {
            let von = (0..<4).map { _ in Double.random(in: 0.5...2) },
                nach = (0..<4).map { _ in Double.random(in: 0.5...2) }
            von.withUnsafeBufferPointer { v in
                nach.withUnsafeBufferPointer { w in
                    eff.withUnsafeMutableBufferPointer {
                        Wirkungszerlegung.shapley(von: v, nach: w, fakultaeten: fak, in: $0)
                    }
                }
            }
            let frisch = Wirkungszerlegung.shapley(von: von, nach: nach)
            #expect(eff.map(\.bitPattern) == frisch.map(\.bitPattern))
            #expect(nahe(eff.reduce(0, +), nach.reduce(1, *) - von.reduce(1, *), abs: 1e-12))
        }
        let m = try #require(Musterstadt.modell)
        let e = try #require(Planungslauf.projizieren(m).laeufe.first)
        var geprueft = 0
        for z in Wirkungszerlegung.produkte(m, e) {
            for t in z.gesamt.indices {
                #expect(nahe(z.demografie[t] + z.quote[t] + z.preis[t] + z.rest[t], z.gesamt[t], abs: 1e-6))
                if z.preis[t] != 0 { geprueft += 1 }
            }
        }
        #expect(geprueft > 0)
    }

    /// A plan column of the Ansatz (one product, a group, every product) is per line 0 + each product's value in
    /// order, then the scheme's sums — as the line-by-line lookup forms it.
    @Test func planspalteWieZeilenweise() throws {
        let m = try Fixture.modell(Modellbauer(try Planfixture.dateien([:])))
        let k = m.kontenrahmen
        let jahr = try #require(m.ansatz?.jahre.first)
        let gruppen = m.produkte.indices.map { [$0] } + [Array(m.produkte.indices), [2, 0]]
        var geprueft = 0
        for idx in gruppen {
            let spalte = m.planspalte(m.ansatz, produkte: idx, jahr: jahr)
            guard let werte = m.ansatz?.werte[jahr] else { continue }
            var ep = k.zeilen.map { z in
                [z.istSumme ? 0 : idx.reduce(0) { $0 + (werte[m.produkte[$1].nr]?[z.key] ?? 0) }]
            }
            Summen.bilden(&ep, k.zeilen)
            guard let spalte else { continue }
            #expect(spalte.map(\.bitPattern) == ep.map { $0[0].bitPattern }, "\(idx)")
            if spalte.contains(where: { $0 != 0 }) { geprueft += 1 }
        }
        #expect(geprueft >= 2)
    }
}

/// Keys numbered in the order they first appear; a repeated key keeps its number and is not new.
@Test func erstnummernInReihenfolgeDesErstenAuftretens() {
    var n = Erstnummern<String>()
    let ergebnisse = ["b", "a", "b", "c", "a"].map { n.nummer($0) }
    #expect(ergebnisse.map(\.nummer) == [0, 1, 0, 2, 1])
    #expect(ergebnisse.map(\.neu) == [true, true, false, true, false])
    #expect(n.schluessel == ["b", "a", "c"])
}

/// The Basisjahr cases per Sozialraum by the plain route: for each product with `quote: ist` and a city-wide
/// reference population, each Sozialraum of bevoelkerung.csv looked up by (Basisjahr, gebiet, produkt); nil when
/// one is missing.
private func basisfaelleNachgeschlagen(_ m: Planungsmodell) -> [[Double]?] {
    m.produkte.map { p -> [Double]? in
        guard !m.sozialraum.faelle.isEmpty, let fz = p.fallzahl, fz.quote == .ist, fz.bezug.gebiet == nil
        else { return nil }
        var f: [Double] = []
        for g in m.bevoelkerung.gebiete {
            guard let x = m.sozialraum.faelle(m.basisjahr, g, p.nr) else { return nil }
            f.append(x)
        }
        return f
    }
}

/// `Projektion.basisfaelleJeGebiet` (one pass over the file's values) gives exactly the plain lookups: on
/// Musterstadt as shipped (read from the loader's raster of the cases), with one Sozialraum's case removed (that
/// product nil), with values of another year and of a product number the model lacks (ignored), and with a
/// product that shares another's number (read from the cases themselves: a change drops the raster).
@Test func basisfaelleJeGebietWieNachgeschlagen() throws {
    var m = try #require(Musterstadt.modell)
    let B = m.basisjahr
    // As loaded, the model holds the loader's raster, for its own Sozialräume in their order only.
    #expect(m.sozialraum.faelleraster(gebiete: m.bevoelkerung.gebiete) != nil)
    #expect(m.sozialraum.faelleraster(gebiete: m.bevoelkerung.gebiete.reversed()) == nil)
    #expect(m.sozialraum.faelleraster(gebiete: Array(m.bevoelkerung.gebiete.dropLast())) == nil)
    func vergleichen(_ m: Planungsmodell) -> Int {
        let schnell = Projektion.basisfaelleJeGebiet(m), plain = basisfaelleNachgeschlagen(m)
        #expect(schnell.count == plain.count)
        for (a, b) in zip(schnell, plain) { #expect(a?.map(\.bitPattern) == b?.map(\.bitPattern)) }
        return schnell.compactMap { $0 }.count
    }
    let mitFaellen = vergleichen(m)
    #expect(mitFaellen > 0)
    let g0 = m.bevoelkerung.gebiete[0]
    let erster = try #require(m.produkte.indices.first { Projektion.basisfaelleJeGebiet(m)[$0] != nil })
    let nr = m.produkte[erster].nr
    // Another year and an unknown product number change nothing.
    m.sozialraum.faelle[GebietsfallSchluessel(jahr: B - 1, gebiet: g0, produkt: nr)] = 12_345
    m.sozialraum.faelle[GebietsfallSchluessel(jahr: B, gebiet: g0, produkt: "99.9.99")] = 7
    #expect(m.sozialraum.faelleraster(gebiete: m.bevoelkerung.gebiete) == nil)
    #expect(vergleichen(m) == mitFaellen)
    // A product sharing the first one's number reads the same cases.
    m.produkte.append(m.produkte[erster])
    #expect(vergleichen(m) == mitFaellen + 1)
    #expect(Projektion.basisfaelleJeGebiet(m).last == Projektion.basisfaelleJeGebiet(m)[erster])
    // One Sozialraum's case missing: both products with that number have none.
    m.sozialraum.faelle[GebietsfallSchluessel(jahr: B, gebiet: g0, produkt: nr)] = nil
    #expect(vergleichen(m) == mitFaellen - 1)
    #expect(Projektion.basisfaelleJeGebiet(m)[erster] == nil)
}
