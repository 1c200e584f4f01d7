import CSpeicher

/// What every Monte-Carlo draw of a projection shares, prepared once, and the loop that computes draws tile by
/// tile (see `ziehen`; `quantileVoll` keeps them tile-major): each draw's net cost of every unit and cases of the
/// units with a driven product, per forecast year, as Float.
struct Ziehungslauf: Sendable {
    let p: Projektion
    let ziehungen: Int
    let seed: UInt64
    let schnell: Schnellrechnung
    let zbasis: Unsicherheit.Ziehungsbasis
    let kohorten: (Sterbetafel, Fruchtbarkeit, Wanderungsprofil)?
    let sqPop: [Bevoelkerung], bestPop: [Bevoelkerung], worstPop: [Bevoelkerung]
    /// The products of each unit and its place among the units with cases, or −1 (`summen.fallplatz`; see
    /// `Unsicherheit.Summenplan`).
    let summen: Unsicherheit.Summenplan
    /// The units with cases, by place (the inverse of `summen.fallplatz`).
    let mitFaellen: [Int]
    /// Forecast years; values per draw: K net costs (unit · years + year), KF cases (place · years + year).
    let jahre: Int, K: Int, KF: Int
    static let threads = 2

    init(_ p: Projektion, best: Szenario, sq: Szenario, worst: Szenario, ziehungen: Int, seed: UInt64) {
        let m = p.modell
        self.p = p
        self.ziehungen = ziehungen
        self.seed = seed
        // The lean engine's setup (the largest part of this preparation) on the second core meanwhile: the draws
        // have not begun, so it would otherwise wait.
        let schnellrechnung = Nebenher { Schnellrechnung(p) }
        let einheiten = m.einheiten
        jahre = p.n - 1
        var platz = [Int](repeating: -1, count: einheiten.count), mit: [Int] = []
        for (ei, e) in einheiten.enumerated() where e.produkte.contains(where: { m.produkte[$0].fallzahl != nil }) {
            platz[ei] = mit.count
            mit.append(ei)
        }
        mitFaellen = mit
        sqPop = p.bevoelkerung(sq.bevoelkerung).jahre
        bestPop = p.bevoelkerung(best.bevoelkerung).jahre
        worstPop = p.bevoelkerung(worst.bevoelkerung).jahre
        zbasis = Unsicherheit.Ziehungsbasis(m, best: best, sq: sq, worst: worst)
        kohorten = Unsicherheit.kohortendaten(m, zbasis.annahmen)
        var s = [0], g: [Int] = []
        for e in einheiten { g += e.produkte; s.append(g.count) }
        summen = Unsicherheit.Summenplan(start: s, glied: g, fallplatz: platz)
        K = einheiten.count * jahre
        KF = mit.count * jahre
        schnell = schnellrechnung.ergebnis()
    }

    /// What is done with a complete tile of w draws starting at draw j0: its rows (draw j0 + i at zeilen + i · R,
    /// R = K + KF: the draw's K net costs, then its KF cases), on the thread that computed it.
    typealias Kachelfertig = @Sendable (_ thread: Int, _ j0: Int, _ w: Int, _ zeilen: UnsafePointer<Float>) -> Void

    /// Computes draws von ..< bis (`von` a multiple of the tile width; tiles of `breite` draws, 16 unless the caller
    /// files the rows itself as `Fensterauswahl`'s stages do; tiles end at `bis`), tile by tile, each
    /// draw as one row of the thread's tile buffer (written in order, not one value per cache line); `fertig` is
    /// called on the thread once a tile is complete. The threads take the next tile as they finish one (rather than
    /// half of the tiles each), so that one slowed by the machine does not leave the other waiting at the end of
    /// the range: a draw's values depend only on its number, and what `fertig` does with a tile does not depend on
    /// the thread.
    func ziehen(
        von: Int, bis: Int, breite: Int = Unsicherheit.kachel, zaehler: Zaehler,
        fortschritt: (@Sendable (Int, Int) -> Void)?, fertig: Kachelfertig
    ) {
        let kacheln = Stueckvergabe(Swift.max(0, bis - von), stueck: breite)
        DispatchQueueBridge.parallel(Self.threads) { thread in
            ziehenKacheln(thread: thread, breite: breite, zaehler: zaehler, fortschritt: fortschritt) {
                kacheln.naechstes().map { ($0.lowerBound + von)..<($0.upperBound + von) }
            } fertig: { j0, w, z in
                fertig(thread, j0, w, z)
            }
        }
    }

    /// Copies the tile's rows (see `Kachelfertig`) into tile-major storage: value k of row i, for k in
    /// von ..< von + anzahl, to nach[(k − von) · w + i] (whole runs of w values per value).
    static func kachelAblegen(
        _ zeilen: UnsafePointer<Float>, R: Int, w: Int, von: Int, anzahl: Int, nach: UnsafeMutablePointer<Float>
    ) {
        eckwert_kachel(Prozessor.avx2 ? 1 : 0, zeilen + von, R, w, anzahl, nach)
    }

    /// One thread's draws: the tiles that `naechste` gives, until it gives nil.
    private func ziehenKacheln(
        thread: Int, breite kachel: Int, zaehler: Zaehler, fortschritt: (@Sendable (Int, Int) -> Void)?,
        naechste: () -> Range<Int>?, fertig: (Int, Int, UnsafePointer<Float>) -> Void
    ) {
        let m = p.modell, jahre = self.jahre
        // Padded by `rand` values, so that `summieren` may read a vector past the last product.
        var pz = [Double](repeating: 0, count: m.produkte.count * jahre + Unsicherheit.rand)
        var pf = pz
        var an = zbasis.annahmen
        var saldo = [Double](repeating: 0, count: p.n)
        var arbeit = Schnellrechnung.Arbeitsbereich(schnell)
        // The draws never change the measures (`Unsicherheit.ziehen` leaves them as in the status quo).
        arbeit.massnahmenFest = true
        // `pf` starts as zeros and is passed with `arbeit` to every draw of this thread.
        arbeit.ohneFaelleNull = true
        // Each draw's per-product values go straight into the block (`Unsicherheit.ziehen`), the undrawn ones once.
        schnell.produktwerteSetzen(an, &arbeit)
        var lauf = kohorten.map { _ in
            Schnellrechnung.Kohortenlauf(m.bevoelkerung, jahre: p.n, schnitte: schnell.schnitte)
        }
        var sz = [Double](repeating: 0, count: jahre), sf = sz
        let K = self.K, R = K + KF
        let zeilen = UnsafeMutablePointer<Float>.allocate(capacity: kachel * R)
        zeilen.initialize(repeating: 0, count: kachel * R)
        defer { zeilen.deallocate() }
        var seitMeldung = 0
        while let kachelbereich = naechste() {
            let j0 = kachelbereich.lowerBound, w = kachelbereich.count
            for d in kachelbereich {
                var rng = SplitMix64(seed: seed &+ UInt64(d) &* 0x9E37_79B9_7F4A_7C15)
                let u0 = Unsicherheit.ziehen(zbasis, &an, saldo: &saldo, rng: &rng, in: arbeit.block)
                if let (st, fr, wa) = kohorten {
                    let bv = an.bevoelkerung
                    let v = Kohortenmodell.Vorberechnung(
                        Kohortenannahmen(
                            sterbetafel: st, fruchtbarkeit: fr, geburtenziffer: bv.geburtenziffer,
                            sterblichkeit: bv.sterblichkeit, wanderungssaldo: Zeitpfad(konstant: 0),
                            wanderungsprofil: wa))
                    lauf?.rechnen(v, saldo: saldo)
                }
                if let kum = lauf?.kum {
                    schnell.rechnen(an, kum, &arbeit, zuschuss: &pz, faelle: &pf)
                } else {
                    an.bevoelkerung.wanderungssaldo = Zeitpfad(
                        Dictionary(uniqueKeysWithValues: zip(m.basisjahr...m.horizont, saldo)))
                    let pop = Unsicherheit.bevoelkerung(
                        p, an, u: u0, sqPop: sqPop, bestPop: bestPop, worstPop: worstPop)
                    schnell.rechnen(
                        an, Schnellrechnung.Kumuliert(pop, schnitte: schnell.schnitte), &arbeit,
                        zuschuss: &pz, faelle: &pf)
                }
                let z = zeilen + (d - j0) * R
                Unsicherheit.summieren(summen, pz, pf, &sz, &sf, z, KF > 0 ? z + K : nil, schritt: 1, jahre: jahre)
            }
            fertig(j0, w, zeilen)
            // Progress from the first thread, about every 64 of its draws and after its last.
            let n = zaehler.addieren(w)
            seitMeldung += w
            if thread == 0 && seitMeldung >= 64 {
                seitMeldung = 0
                fortschritt?(Swift.min(n, ziehungen), ziehungen)
            }
        }
        if thread == 0 && seitMeldung > 0 { fortschritt?(Swift.min(zaehler.addieren(0), ziehungen), ziehungen) }
    }

    /// Every draw kept (tile-major: the draws in tiles of `kachel` consecutive draws; value k of draw d lies at
    /// j0 · K + k · w + (d − j0) in the tile starting at j0 = d − d mod kachel, of width w (kachel, or less for the
    /// last tile); the cases likewise with KF values per draw), then P10, P50, P90 selected per value.
    /// Returns q[(k · 2 + art) · 3 + 0…2] with art 0 = net cost, 1 = cases (0 for a unit without cases).
    func quantileVoll(fortschritt: (@Sendable (Int, Int) -> Void)?) -> [Double] {
        let n = ziehungen, K = self.K, KF = self.KF
        var zuschuss = [Float](repeating: 0, count: K * n)
        var faelle = [Float](repeating: 0, count: KF * n)
        zuschuss.withUnsafeMutableBufferPointer { zb in
            faelle.withUnsafeMutableBufferPointer { fb in
                let zbp = UnsafeSendable(zb), fbp = UnsafeSendable(fb)
                ziehen(von: 0, bis: n, zaehler: Zaehler(), fortschritt: fortschritt) { _, j0, w, zeilen in
                    Self.kachelAblegen(zeilen, R: K + KF, w: w, von: 0, anzahl: K, nach: zbp.wert.baseAddress! + j0 * K)
                    if let f = fbp.wert.baseAddress {
                        Self.kachelAblegen(zeilen, R: K + KF, w: w, von: K, anzahl: KF, nach: f + j0 * KF)
                    }
                }
            }
        }
        var q = [Double](repeating: 0, count: K * 2 * 3)
        Unsicherheit.quantileJeWert(zuschuss, ziehungen: n, K: K, in: &q) { k in k * 2 * 3 }
        let mit = mitFaellen, jahre = self.jahre
        Unsicherheit.quantileJeWert(faelle, ziehungen: n, K: KF, in: &q) { k in
            ((mit[k / jahre] * jahre + k % jahre) * 2 + 1) * 3
        }
        return q
    }

    /// Where result r (net cost r < K, else the cases r − K) goes in `q`.
    func zielplatz(_ r: Int) -> Int {
        if r < K { return r * 2 * 3 }
        let k = r - K
        return ((mitFaellen[k / jahre] * jahre + k % jahre) * 2 + 1) * 3
    }
}
