import Testing
@testable import EckwertCore

// Cohort-component projection, modellformat.md section 4.1. All expected values below are computed by hand
// (derivations in the comments), never by calling the code under test.

private let w = Geschlecht.w
private let m = Geschlecht.m

/// Sterbetafel with the same q for every sex and age, then the given exceptions.
private func tafel(_ q: Double, _ ausnahmen: [(Geschlecht, Int, Double)] = []) -> Sterbetafel {
    var qx = [[Double]](repeating: [Double](repeating: q, count: Alter.count), count: 2)
    for (s, a, wert) in ausnahmen { qx[s.index][a] = wert }
    return Sterbetafel(qx: qx)
}

/// Fertility rates for 15...49, zero except at the given ages.
private func raten(_ werte: [Int: Double]) -> Fruchtbarkeit {
    var r = [Double](repeating: 0, count: Fruchtbarkeit.alter.count)
    for (alter, rate) in werte { r[alter - 15] = rate }
    return Fruchtbarkeit(raten: r)
}

/// Migration profile, zero except at the given (sex, age) cells.
private func profil(_ werte: [(Geschlecht, Int, Double)]) -> Wanderungsprofil {
    var p = [[Double]](repeating: [Double](repeating: 0, count: Alter.count), count: 2)
    for (s, a, anteil) in werte { p[s.index][a] = anteil }
    return Wanderungsprofil(anteile: p)
}

/// Population over the given gebiete, zero except at the given (gebiet index, sex, age) cells.
private func bevoelkerung(_ gebiete: [String], _ zellen: [(Int, Geschlecht, Int, Double)]) -> Bevoelkerung {
    var p = Bevoelkerung(gebiete: gebiete)
    for (g, s, a, wert) in zellen { p[gebiet: g, geschlecht: s, alter: a] = wert }
    return p
}

private func annahmen(
    q: Sterbetafel = tafel(0.01), f: Fruchtbarkeit = raten([:]), tfr: Double? = nil, sterblichkeit: Double = 1,
    saldo: Zeitpfad = Zeitpfad(konstant: 0), profil wp: Wanderungsprofil = profil([(w, 30, 1)])
) -> Kohortenannahmen {
    Kohortenannahmen(
        sterbetafel: q, fruchtbarkeit: f, geburtenziffer: tfr, sterblichkeit: sterblichkeit,
        wanderungssaldo: saldo, wanderungsprofil: wp)
}

private func nahe(_ x: Double, _ y: Double) -> Bool { abs(x - y) < 1e-9 }

// MARK: - Step 1: survivors

@Test func ueberlebendeRueckenEinJahrVor() {
    // q = 0.01 everywhere, m = 1 → survival 0.99. No births (rates sum to 0, even with a TFR), M = 0.
    let p = bevoelkerung(
        ["A", "B"], [(0, w, 30, 1000), (0, m, 50, 200), (1, w, 98, 50), (1, w, 99, 40), (1, w, 100, 30)])
    let a = annahmen(q: tafel(0.01), f: raten([:]), tfr: 1.5)
    let (n, k) = Kohortenmodell.schritt(p, nach: 2026, annahmen: a, gebietsanteile: [0.5, 0.5])
    #expect(k.isEmpty)
    // A w 31 = 1000 · 0.99 = 990; A w 30 = 0 (nobody was 29).
    #expect(nahe(n[gebiet: 0, geschlecht: w, alter: 31], 990))
    #expect(nahe(n[gebiet: 0, geschlecht: w, alter: 30], 0))
    // A m 51 = 200 · 0.99 = 198.
    #expect(nahe(n[gebiet: 0, geschlecht: m, alter: 51], 198))
    // B w 99 = 50 · 0.99 = 49.5.
    #expect(nahe(n[gebiet: 1, geschlecht: w, alter: 99], 49.5))
    // B w 100 = 40 · 0.99 + 30 · 0.99 = 39.6 + 29.7 = 69.3.
    #expect(nahe(n[gebiet: 1, geschlecht: w, alter: 100], 69.3))
    // Σf = 0 → no births anywhere.
    for g in 0..<2 {
        #expect(n[gebiet: g, geschlecht: w, alter: 0] == 0)
        #expect(n[gebiet: g, geschlecht: m, alter: 0] == 0)
    }
    // Total: 990 + 198 + 49.5 + 69.3 = 1306.8.
    #expect(nahe(n.gesamt, 1306.8))
}

@Test func hundertPlusGruppeMitSterblichkeitsfaktor() {
    // q = 0.01, but q(99) = 0.5 and q(100) = 1.0 for women; m = 0.9.
    // Survival: 1 − 0.009 = 0.991; age 99: 1 − 0.45 = 0.55; age 100: 1 − 0.9 = 0.1.
    let p = bevoelkerung(["A", "B"], [(0, m, 50, 200), (1, w, 99, 40), (1, w, 100, 30)])
    let a = annahmen(q: tafel(0.01, [(w, 99, 0.5), (w, 100, 1.0)]), sterblichkeit: 0.9)
    let (n, k) = Kohortenmodell.schritt(p, nach: 2026, annahmen: a, gebietsanteile: [0.5, 0.5])
    #expect(k.isEmpty)
    // A m 51 = 200 · 0.991 = 198.2.
    #expect(nahe(n[gebiet: 0, geschlecht: m, alter: 51], 198.2))
    // B w 100 = 40 · 0.55 + 30 · 0.1 = 22 + 3 = 25.
    #expect(nahe(n[gebiet: 1, geschlecht: w, alter: 100], 25))
    #expect(nahe(n[gebiet: 1, geschlecht: w, alter: 99], 0))

    // Same with m = 1: B w 100 = 40 · 0.5 + 30 · 0 = 20.
    let (n1, _) = Kohortenmodell.schritt(
        p, nach: 2026, annahmen: annahmen(q: a.sterbetafel), gebietsanteile: [0.5, 0.5])
    #expect(nahe(n1[gebiet: 1, geschlecht: w, alter: 100], 20))
}

@Test func sterblichkeitGekapptBeiEins() {
    // m = 1.5: q(98) = 0.8 → 1.2 → capped 1 → survival 0; q(99) = 0.5 → 0.75 → survival 0.25;
    // q(100) = 1.0 → 1.5 → capped 1 → survival 0 (uncapped it would be −0.5 and give 40·0.25 − 15 = −5).
    // Boys: q_m(0) = 0.8 → 1.2 → capped 1 → age-0 survival 1 − 1/2 = 0.5 (uncapped: 1 − 0.6 = 0.4).
    // Girls: q_w(0) = 0.01 → 0.015 → survival 1 − 0.0075 = 0.9925.
    let q = tafel(0.01, [(w, 98, 0.8), (w, 99, 0.5), (w, 100, 1.0), (m, 0, 0.8)])
    let p = bevoelkerung(
        ["A", "B"], [(0, w, 25, 700), (0, w, 30, 1400), (1, w, 98, 60), (1, w, 99, 40), (1, w, 100, 30)])
    // Births in A: rates 0.6 at 25, 0.8 at 30 (Σf = 1.4) scaled to TFR 1.5:
    // B = 700 · 0.6 · 1.5/1.4 + 1400 · 0.8 · 1.5/1.4 = 630/1.4 + 1680/1.4 = 450 + 1200 = 1650.
    let a = annahmen(q: q, f: raten([25: 0.6, 30: 0.8]), tfr: 1.5, sterblichkeit: 1.5)
    let (n, k) = Kohortenmodell.schritt(p, nach: 2026, annahmen: a, gebietsanteile: [0.5, 0.5])
    #expect(k.isEmpty)
    // B w 99 = 60 · 0 = 0.
    #expect(n[gebiet: 1, geschlecht: w, alter: 99] == 0)
    // B w 100 = 40 · 0.25 + 30 · 0 = 10.
    #expect(nahe(n[gebiet: 1, geschlecht: w, alter: 100], 10))
    // A m 0 = 0.512 · 1650 · 0.5 = 844.8 · 0.5 = 422.4.
    #expect(nahe(n[gebiet: 0, geschlecht: m, alter: 0], 422.4))
    // A w 0 = 0.488 · 1650 · 0.9925 = 805.2 · 0.9925 = 805.2 − 6.039 = 799.161.
    #expect(nahe(n[gebiet: 0, geschlecht: w, alter: 0], 799.161))
}

// MARK: - Step 2: births

@Test func geburtenMitTFRSkalierungUndHalbjahresSterblichkeit() {
    // Rates f(25) = 0.6, f(30) = 0.8, Σf = 1.4, TFR 1.5 → f'(25) = 0.9/1.4, f'(30) = 1.2/1.4.
    // A: women 25 = 700, women 30 = 1400 → B = 630/1.4 + 1680/1.4 = 450 + 1200 = 1650.
    // B: no women, but 1000 men aged 25 (they do not give birth) → no births.
    // m = 0.9; q_w(0) = 0.01 → m·q = 0.009 → age-0 survival 1 − 0.0045 = 0.9955;
    //          q_m(0) = 0.02 → m·q = 0.018 → age-0 survival 1 − 0.009 = 0.991.
    let q = tafel(0.01, [(m, 0, 0.02)])
    let p = bevoelkerung(["A", "B"], [(0, w, 25, 700), (0, w, 30, 1400), (1, m, 25, 1000)])
    let a = annahmen(q: q, f: raten([25: 0.6, 30: 0.8]), tfr: 1.5, sterblichkeit: 0.9)
    let (n, k) = Kohortenmodell.schritt(p, nach: 2026, annahmen: a, gebietsanteile: [0.5, 0.5])
    #expect(k.isEmpty)
    // Girls: 0.488 · 1650 = 805.2; · 0.9955 = 805.2 − 3.6234 = 801.5766.
    #expect(nahe(n[gebiet: 0, geschlecht: w, alter: 0], 801.5766))
    // Boys: 0.512 · 1650 = 844.8; · 0.991 = 844.8 − 7.6032 = 837.1968.
    #expect(nahe(n[gebiet: 0, geschlecht: m, alter: 0], 837.1968))
    #expect(n[gebiet: 1, geschlecht: w, alter: 0] == 0)
    #expect(n[gebiet: 1, geschlecht: m, alter: 0] == 0)
    // The mothers survive as usual: A w 26 = 700 · 0.991 = 693.7; A w 31 = 1400 · 0.991 = 1387.4.
    #expect(nahe(n[gebiet: 0, geschlecht: w, alter: 26], 693.7))
    #expect(nahe(n[gebiet: 0, geschlecht: w, alter: 31], 1387.4))
}

@Test func geburtenOhneGeburtenzifferNutzenRatenUnskaliert() {
    // TFR nil → f' = f: B = 700 · 0.6 + 1400 · 0.8 = 420 + 1120 = 1540. Survival of births as above (m = 0.9).
    let q = tafel(0.01, [(m, 0, 0.02)])
    let p = bevoelkerung(["A", "B"], [(0, w, 25, 700), (0, w, 30, 1400)])
    let a = annahmen(q: q, f: raten([25: 0.6, 30: 0.8]), tfr: nil, sterblichkeit: 0.9)
    let (n, _) = Kohortenmodell.schritt(p, nach: 2026, annahmen: a, gebietsanteile: [0.5, 0.5])
    // Girls: 0.488 · 1540 = 751.52; · 0.9955 = 751.52 − 3.38184 = 748.13816.
    #expect(nahe(n[gebiet: 0, geschlecht: w, alter: 0], 748.13816))
    // Boys: 0.512 · 1540 = 788.48; · 0.991 = 788.48 − 7.09632 = 781.38368.
    #expect(nahe(n[gebiet: 0, geschlecht: m, alter: 0], 781.38368))
}

// MARK: - Step 3: migration

@Test func wanderungNachGeschlechtAlterUndGebiet() {
    // q = 0 (no deaths), no births, M = 1000.
    // Profile: w 0 = 0.1, w 20 = 0.3, m 20 = 0.4, m 100 = 0.2 (sum 1).
    // A: w 19 = 2000, m 60 = 1000 (total 3000); B: m 40 = 1000 (total 1000) → shares 0.75 / 0.25.
    let p = bevoelkerung(["A", "B"], [(0, w, 19, 2000), (0, m, 60, 1000), (1, m, 40, 1000)])
    let anteile = Kohortenmodell.gebietsanteile(p)
    #expect(anteile.count == 2)
    #expect(nahe(anteile[0], 0.75))
    #expect(nahe(anteile[1], 0.25))
    let a = annahmen(
        q: tafel(0), saldo: Zeitpfad(konstant: 1000),
        profil: profil([(w, 0, 0.1), (w, 20, 0.3), (m, 20, 0.4), (m, 100, 0.2)]))
    let (n, k) = Kohortenmodell.schritt(p, nach: 2026, annahmen: a, gebietsanteile: [0.75, 0.25])
    #expect(k.isEmpty)
    // A w 20 = 2000 + 1000 · 0.3 · 0.75 = 2000 + 225 = 2225.
    #expect(nahe(n[gebiet: 0, geschlecht: w, alter: 20], 2225))
    // A m 20 = 1000 · 0.4 · 0.75 = 300; A w 0 = 1000 · 0.1 · 0.75 = 75; A m 100 = 1000 · 0.2 · 0.75 = 150.
    #expect(nahe(n[gebiet: 0, geschlecht: m, alter: 20], 300))
    #expect(nahe(n[gebiet: 0, geschlecht: w, alter: 0], 75))
    #expect(nahe(n[gebiet: 0, geschlecht: m, alter: 100], 150))
    // A m 61 = 1000 (no migration at 61).
    #expect(nahe(n[gebiet: 0, geschlecht: m, alter: 61], 1000))
    // B: w 20 = 1000 · 0.3 · 0.25 = 75; m 20 = 100; w 0 = 25; m 100 = 50; m 41 = 1000.
    #expect(nahe(n[gebiet: 1, geschlecht: w, alter: 20], 75))
    #expect(nahe(n[gebiet: 1, geschlecht: m, alter: 20], 100))
    #expect(nahe(n[gebiet: 1, geschlecht: w, alter: 0], 25))
    #expect(nahe(n[gebiet: 1, geschlecht: m, alter: 100], 50))
    #expect(nahe(n[gebiet: 1, geschlecht: m, alter: 41], 1000))
    // Totals: A 3000 + 750 = 3750, B 1000 + 250 = 1250.
    #expect(nahe(n.summe(gebiet: "A"), 3750))
    #expect(nahe(n.summe(gebiet: "B"), 1250))
}

@Test func wanderungspfadWirdInterpoliertUndNullbasisGleichVerteilt() {
    // Path {2026: 4000, 2028: 3000} → 2027: 3500. Base population 0 → shares 0.5 / 0.5.
    // q = 0, no births, profile w 50 = 1: each year's migrants arrive at 50 and then age.
    let p = Bevoelkerung(gebiete: ["A", "B"])
    #expect(Kohortenmodell.gebietsanteile(p) == [0.5, 0.5])
    let a = annahmen(q: tafel(0), saldo: Zeitpfad([2026: 4000, 2028: 3000]), profil: profil([(w, 50, 1)]))
    let r = Kohortenmodell.projektion(basis: p, basisjahr: 2025, bis: 2028, annahmen: a)
    #expect(r.jahre.count == 3)
    #expect(r.klemmungen.isEmpty)
    // 2026: A w 50 = 4000 · 0.5 = 2000.
    #expect(nahe(r.jahre[0][gebiet: 0, geschlecht: w, alter: 50], 2000))
    // 2027: A w 50 = 3500 · 0.5 = 1750 (interpolated), A w 51 = 2000.
    #expect(nahe(r.jahre[1][gebiet: 0, geschlecht: w, alter: 50], 1750))
    #expect(nahe(r.jahre[1][gebiet: 0, geschlecht: w, alter: 51], 2000))
    // 2028: A w 50 = 1500, 51 = 1750, 52 = 2000; B the same; total 4000 + 3500 + 3000 = 10500.
    #expect(nahe(r.jahre[2][gebiet: 0, geschlecht: w, alter: 50], 1500))
    #expect(nahe(r.jahre[2][gebiet: 1, geschlecht: w, alter: 51], 1750))
    #expect(nahe(r.jahre[2][gebiet: 1, geschlecht: w, alter: 52], 2000))
    #expect(nahe(r.jahre[2].gesamt, 10500))
}

// MARK: - Step 4: clamping

@Test func negativeZelleWirdGeklemmtUndGemeldet() {
    // q = 0.01, no births, M = −1000 in 2027, profile w 23 = 0.5, m 23 = 0.5.
    // S03: w 22 = 100, m 22 = 200 (total 300); S07: w 22 = 500, m 22 = 400 (total 900) → shares 0.25 / 0.75.
    let p = bevoelkerung(["S03", "S07"], [(0, w, 22, 100), (0, m, 22, 200), (1, w, 22, 500), (1, m, 22, 400)])
    let a = annahmen(q: tafel(0.01), saldo: Zeitpfad([2027: -1000]), profil: profil([(w, 23, 0.5), (m, 23, 0.5)]))
    let r = Kohortenmodell.projektion(basis: p, basisjahr: 2026, bis: 2027, annahmen: a)
    #expect(r.jahre.count == 1)
    let n = r.jahre[0]
    // S03 w 23 = 100 · 0.99 − 1000 · 0.5 · 0.25 = 99 − 125 = −26 → 0, Klemmung.
    #expect(n[gebiet: 0, geschlecht: w, alter: 23] == 0)
    // S03 m 23 = 198 − 125 = 73; S07 w 23 = 495 − 375 = 120; S07 m 23 = 396 − 375 = 21.
    #expect(nahe(n[gebiet: 0, geschlecht: m, alter: 23], 73))
    #expect(nahe(n[gebiet: 1, geschlecht: w, alter: 23], 120))
    #expect(nahe(n[gebiet: 1, geschlecht: m, alter: 23], 21))
    #expect(r.klemmungen.count == 1)
    let kl = r.klemmungen[0]
    #expect(kl.gebiet == "S03")
    #expect(kl.geschlecht == .w)
    #expect(kl.alter == 23)
    #expect(kl.jahr == 2027)
    #expect(nahe(kl.wert, -26))
    #expect(kl.diagnostic.severity == .warning)
    #expect(kl.diagnostic.location == nil)
    #expect(
        kl.diagnostic.message == "Bevölkerung unter 0 auf 0 gesetzt: Gebiet S03, w, Alter 23, Jahr 2027 (Wert −26,0)")
}

@Test func klemmungMeldungZahlenformat() {
    let k = Klemmung(gebiet: "S03", geschlecht: .w, alter: 23, jahr: 2027, wert: -12.4)
    #expect(
        k.diagnostic.message == "Bevölkerung unter 0 auf 0 gesetzt: Gebiet S03, w, Alter 23, Jahr 2027 (Wert −12,4)")
    #expect(Klemmung.formatiere(-1234.56) == "−1.234,6")
    #expect(Klemmung.formatiere(-0.004) == "−0,004")
    #expect(Klemmung.formatiere(-1_000_000) == "−1.000.000,0")
}

// MARK: - Projection over several years

@Test func zweiJahreMitFestenGebietsanteilen() {
    // q = 0.01 everywhere (survival 0.99, age-0 survival 1 − 0.005 = 0.995), m = 1.
    // Rates f(25) = 0.6, f(30) = 0.8, TFR nil (f' = f). Path {2026: 1000, 2027: 2000}.
    // Profile: w 25 = 0.5, m 30 = 0.5.
    // 31.12.2025: A w 24 = 1000, w 25 = 700, w 30 = 1400 (total 3100); B m 29 = 900 (total 900).
    // Shares from the Basisjahr: 3100/4000 = 0.775, 900/4000 = 0.225.
    let p = bevoelkerung(["A", "B"], [(0, w, 24, 1000), (0, w, 25, 700), (0, w, 30, 1400), (1, m, 29, 900)])
    let a = annahmen(
        q: tafel(0.01), f: raten([25: 0.6, 30: 0.8]), tfr: nil,
        saldo: Zeitpfad([2026: 1000, 2027: 2000]), profil: profil([(w, 25, 0.5), (m, 30, 0.5)]))
    let r = Kohortenmodell.projektion(basis: p, basisjahr: 2025, bis: 2027, annahmen: a)
    #expect(r.jahre.count == 2)
    #expect(r.klemmungen.isEmpty)

    // 2026 (M = 1000): births A = 700 · 0.6 + 1400 · 0.8 = 1540.
    let j1 = r.jahre[0]
    // A w 0 = 0.488 · 1540 · 0.995 = 751.52 · 0.995 = 747.7624; A m 0 = 788.48 · 0.995 = 784.5376.
    #expect(nahe(j1[gebiet: 0, geschlecht: w, alter: 0], 747.7624))
    #expect(nahe(j1[gebiet: 0, geschlecht: m, alter: 0], 784.5376))
    // A w 25 = 1000 · 0.99 + 1000 · 0.5 · 0.775 = 990 + 387.5 = 1377.5; A w 26 = 693; A w 31 = 1386.
    #expect(nahe(j1[gebiet: 0, geschlecht: w, alter: 25], 1377.5))
    #expect(nahe(j1[gebiet: 0, geschlecht: w, alter: 26], 693))
    #expect(nahe(j1[gebiet: 0, geschlecht: w, alter: 31], 1386))
    // A m 30 = 387.5; B w 25 = 1000 · 0.5 · 0.225 = 112.5; B m 30 = 900 · 0.99 + 112.5 = 1003.5.
    #expect(nahe(j1[gebiet: 0, geschlecht: m, alter: 30], 387.5))
    #expect(nahe(j1[gebiet: 1, geschlecht: w, alter: 25], 112.5))
    #expect(nahe(j1[gebiet: 1, geschlecht: m, alter: 30], 1003.5))
    // Totals 2026: A = 747.7624 + 784.5376 + 1377.5 + 693 + 1386 + 387.5 = 5376.3; B = 1116.
    // Recomputed shares would be 5376.3/6492.3 ≈ 0.828 — the projection must keep 0.775.

    // 2027 (M = 2000, shares still 0.775 / 0.225): births A = 1377.5 · 0.6 = 826.5 (nobody at 30 in A).
    let j2 = r.jahre[1]
    // A w 0 = 0.488 · 826.5 · 0.995 = 403.332 · 0.995 = 401.31534.
    // A m 0 = 0.512 · 826.5 · 0.995 = 423.168 · 0.995 = 421.05216.
    #expect(nahe(j2[gebiet: 0, geschlecht: w, alter: 0], 401.31534))
    #expect(nahe(j2[gebiet: 0, geschlecht: m, alter: 0], 421.05216))
    // A w 1 = 747.7624 · 0.99 = 740.284776; A m 1 = 784.5376 · 0.99 = 776.692224.
    #expect(nahe(j2[gebiet: 0, geschlecht: w, alter: 1], 740.284776))
    #expect(nahe(j2[gebiet: 0, geschlecht: m, alter: 1], 776.692224))
    // A w 25 = 0 + 2000 · 0.5 · 0.775 = 775 (with recomputed shares it would be ≈ 828).
    #expect(nahe(j2[gebiet: 0, geschlecht: w, alter: 25], 775))
    // A w 26 = 1377.5 · 0.99 = 1363.725; A w 27 = 693 · 0.99 = 686.07; A w 32 = 1386 · 0.99 = 1372.14.
    #expect(nahe(j2[gebiet: 0, geschlecht: w, alter: 26], 1363.725))
    #expect(nahe(j2[gebiet: 0, geschlecht: w, alter: 27], 686.07))
    #expect(nahe(j2[gebiet: 0, geschlecht: w, alter: 32], 1372.14))
    // A m 30 = 775; A m 31 = 387.5 · 0.99 = 383.625.
    #expect(nahe(j2[gebiet: 0, geschlecht: m, alter: 30], 775))
    #expect(nahe(j2[gebiet: 0, geschlecht: m, alter: 31], 383.625))
    // B w 25 = 2000 · 0.5 · 0.225 = 225; B w 26 = 112.5 · 0.99 = 111.375;
    // B m 30 = 225; B m 31 = 1003.5 · 0.99 = 993.465.
    #expect(nahe(j2[gebiet: 1, geschlecht: w, alter: 25], 225))
    #expect(nahe(j2[gebiet: 1, geschlecht: w, alter: 26], 111.375))
    #expect(nahe(j2[gebiet: 1, geschlecht: m, alter: 30], 225))
    #expect(nahe(j2[gebiet: 1, geschlecht: m, alter: 31], 993.465))
    // B had no women in 2025, so no births in 2026 (B m 1 = 0); in 2027 the 112.5 migrant women aged 25 give
    // 112.5 · 0.6 = 67.5 births: B w 0 = 0.488 · 67.5 · 0.995 = 32.94 · 0.995 = 32.7753,
    // B m 0 = 0.512 · 67.5 · 0.995 = 34.56 · 0.995 = 34.3872.
    #expect(j1[gebiet: 1, geschlecht: w, alter: 0] == 0)
    #expect(j2[gebiet: 1, geschlecht: m, alter: 1] == 0)
    #expect(nahe(j2[gebiet: 1, geschlecht: w, alter: 0], 32.7753))
    #expect(nahe(j2[gebiet: 1, geschlecht: m, alter: 0], 34.3872))

    // The same two steps through `schritt` with the Basisjahr shares give the same year 2.
    let (s1, _) = Kohortenmodell.schritt(p, nach: 2026, annahmen: a, gebietsanteile: [0.775, 0.225])
    let (s2, _) = Kohortenmodell.schritt(s1, nach: 2027, annahmen: a, gebietsanteile: [0.775, 0.225])
    #expect(s2 == j2)
}

@Test func projektionOhneJahreIstLeer() {
    let p = bevoelkerung(["A"], [(0, w, 30, 10)])
    let r = Kohortenmodell.projektion(basis: p, basisjahr: 2025, bis: 2025, annahmen: annahmen())
    #expect(r.jahre.isEmpty)
    #expect(r.klemmungen.isEmpty)
}
