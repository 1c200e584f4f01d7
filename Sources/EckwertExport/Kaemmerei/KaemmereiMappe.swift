import EckwertCore

/// The Kämmerei workbook of one scenario: Deckblatt, Gesamtergebnisplan by
/// Produktbereich with the Haushaltsausgleich, one Teilergebnisplan per Produktgruppe, Produktdatenblätter,
/// Kennzahlen, Investitionen, Finanzplan, Kapazität, Maßnahmen and Annahmen.
///
/// Every amount comes from the `Planungsergebnis`; sums are live formulas over the shown parts. The Produktgruppe
/// sheets hold the rounded figures; the Produktbereich and Gesamthaushalt blocks add them up by formula, so each
/// level adds up to the euro on paper and in Excel.
struct KaemmereiMappe {
    let e: Planungsergebnis
    let l: Rechenergebnis
    let szenario: Szenario
    let mappe: Mappe
    var m: Planungsmodell { e.modell }
    var k: Kontenrahmen { e.modell.kontenrahmen }
    /// The Budgetbereich of each product (by index), as `Planungsmodell.budgetbereich(von:)` finds it: looked up
    /// once per workbook instead of by number for every sheet that shows it.
    let budgetbereiche: [Budgetbereich?]
    /// The products under each Produktbereich, Produktgruppe or product number (`produktIndizes(unter:)`).
    private let indizes: [String: [Int]]

    /// The Basis der Prognose when the run's workbooks share it (else computed here).
    let basis: Einmal<Fortschreibungsbasis>?

    init(e: Planungsergebnis, l: Rechenergebnis, szenario: Szenario, mappe: Mappe, basis: Einmal<Fortschreibungsbasis>?)
    {
        self.e = e
        self.l = l
        self.szenario = szenario
        self.mappe = mappe
        self.basis = basis
        budgetbereiche = Self.budgetbereiche(e.modell)
        indizes = Self.indizes(e.modell)
    }

    /// `produktIndizes(unter: id)`, looked up instead of filtering all products for every sheet and block.
    func produktIndizes(unter id: String) -> [Int] { indizes[id] ?? [] }

    /// Every id a product is found under (its number and its levels) → the products, in model order.
    static func indizes(_ m: Planungsmodell) -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for (i, p) in m.produkte.enumerated() {
            out[p.nr, default: []].append(i)
            for id in p.ebenen where id != p.nr { out[id, default: []].append(i) }
        }
        return out
    }

    /// `m.budgetbereich(von: m.produkte[i].nr)` for every i, in one pass over the products.
    static func budgetbereiche(_ m: Planungsmodell) -> [Budgetbereich?] {
        // `budgetbereich(von:)` looks the number up: the first product with it answers for all that share it.
        var erster: [String: Int] = [:]
        var out: [Budgetbereich?] = []
        out.reserveCapacity(m.produkte.count)
        for (i, p) in m.produkte.enumerated() {
            if let j = erster[p.nr] { out.append(out[j]); continue }
            erster[p.nr] = i
            out.append(m.budgetbereiche.first { $0.produkte.contains { Planungsmodell.umfasst($0, p) } })
        }
        return out
    }

    /// A column of the Ergebnisplan tables.
    struct Spalte {
        enum Quelle {
            case ist(Int), ansatz, prognose(Int)
            /// The Planung der Kämmerei of a year, and the comparison Prognose − Planung in € and in % of the
            /// Planung (column indices of the two compared columns).
            case planung, differenz(prognose: Int, planung: Int), anteil(prognose: Int, planung: Int)
        }
        var kopf: String
        var quelle: Quelle
        var jahr: Int
    }

    var ergebnisspalten: [Spalte] {
        let B = m.basisjahr
        var s: [Spalte] = []
        if let t = e.ist.jahrIndex(B) { s.append(Spalte(kopf: "Ergebnis \(B)\n(Ist)", quelle: .ist(t), jahr: B)) }
        s.append(Spalte(kopf: "Ansatz \(B + 1)\n(beschlossen)", quelle: .ansatz, jahr: B + 1))
        for j in m.prognosejahre {
            guard let t = l.jahrIndex(j) else { continue }
            let kopf =
                j < m.haushaltsjahr
                ? "Prognose \(j)"
                : j == m.haushaltsjahr ? "Ansatz \(j)\n(Vorschlag,\nPrognose)" : "Planungsjahr \(j)\n(Prognose)"
            s.append(Spalte(kopf: kopf, quelle: .prognose(t), jahr: j))
        }
        // The Kämmerei's own Planung beside the forecast, never in it.
        for j in m.planungsjahre {
            guard let p = s.firstIndex(where: { if case .prognose = $0.quelle { $0.jahr == j } else { false } }) else {
                continue
            }
            let q = s.count
            s.append(Spalte(kopf: "Planung \(j)\n(Kämmerei)", quelle: .planung, jahr: j))
            s.append(
                Spalte(kopf: "Prognose −\nPlanung \(j)\n(€)", quelle: .differenz(prognose: p, planung: q), jahr: j))
            s.append(Spalte(kopf: "Prognose −\nPlanung \(j)\n(%)", quelle: .anteil(prognose: p, planung: q), jahr: j))
        }
        return s
    }

    /// Columns computed within their row (Prognose − Planung): sum lines are row formulas there, not sums.
    func zeilenformelSpalten(_ spalten: [Spalte]) -> Set<Int> {
        Set(
            spalten.indices.filter {
                switch spalten[$0].quelle {
                case .differenz, .anteil: true
                default: false
                }
            })
    }

    /// The comparison cell of column s (Prognose − Planung in € or %) as a row formula; nil for other columns.
    func vergleich(_ b: Blatt, _ spalten: [Spalte], _ s: Int) -> Planzelle? {
        let e0 = Planblock.ersteSpalte
        switch spalten[s].quelle {
        case let .differenz(p, q):
            return .zeilenformel(.betrag) { r in
                ("=\(Blatt.zelle(r, e0 + p))-\(Blatt.zelle(r, e0 + q))", b.wert(r, e0 + p) - b.wert(r, e0 + q))
            }
        case let .anteil(p, q):
            return .zeilenformel(.prozent) { r in
                let plan = b.wert(r, e0 + q)
                guard plan != 0 else { return nil }
                let f = "=(\(Blatt.zelle(r, e0 + p))-\(Blatt.zelle(r, e0 + q)))/ABS(\(Blatt.zelle(r, e0 + q)))"
                return (f, (b.wert(r, e0 + p) - plan) / abs(plan))
            }
        default:
            return nil
        }
    }

    /// Finanzplan columns: Ist of the Basisjahr, then the forecast years.
    var finanzspalten: [Spalte] {
        ergebnisspalten.filter {
            switch $0.quelle {
            case .ist, .prognose: true
            default: false
            }
        }
    }

    /// Columns left empty in a block of products `idx`: the Ansatz without ansatz.csv, the Planung columns of a
    /// year in which none of the products has a Planung.
    func leereSpalten(_ spalten: [Spalte], _ idx: [Int]) -> Set<Int> {
        let ohnePlanung = Set(m.planungsjahre.filter { m.planspalte(m.planung, produkte: idx, jahr: $0) == nil })
        return Set(
            spalten.indices.filter {
                switch spalten[$0].quelle {
                case .ansatz: m.ansatz == nil
                case .planung, .differenz, .anteil: ohnePlanung.contains(spalten[$0].jahr)
                default: false
                }
            })
    }

    /// Engine figures of a set of products for plan line z in column s.
    func planwerte(
        _ idx: [Int], zeilen: [Kontenrahmen.Zeile], spalten: [Spalte], finanzplan: Bool,
        blatt b: Blatt? = nil
    ) -> (Int, Int) -> Planzelle {
        let ist = Teilplan(e.ist, idx, modell: m), prog = Teilplan(l, idx, modell: m)
        let ansatz = finanzplan ? nil : m.ansatzZeilen(produkte: idx)
        var planung: [Int: [Double]] = [:]
        for j in m.planungsjahre { planung[j] = m.planspalte(m.planung, produkte: idx, jahr: j) }
        return { z, s in
            switch spalten[s].quelle {
            case .ist(let t): return .wert(finanzplan ? ist.finanzplan[z][t] : ist.ergebnisplan[z][t])
            case .ansatz: return ansatz.map { .wert($0[zeilen[z].key] ?? 0) } ?? .leer
            case .prognose(let t): return .wert(finanzplan ? prog.finanzplan[z][t] : prog.ergebnisplan[z][t])
            case .planung: return planung[spalten[s].jahr].map { .wert($0[z]) } ?? .leer
            case .differenz, .anteil: return b.flatMap { vergleich($0, spalten, s) } ?? .leer
            }
        }
    }

    func schreiben(vorDemSchliessen: (() -> Void)? = nil, nachlauf: Dateiausgabe.Nachlauf? = nil) throws {
        let deckblatt = try mappe.blatt("Deckblatt", titel: "Deckblatt")
        let gesamt = try mappe.blatt("Gesamtergebnisplan", titel: "Gesamtergebnisplan – Szenario \(szenario.name)")
        var gruppen: [(Gliederung, Blatt, [String: Int])] = []
        for g in m.produktgruppen where !produktIndizes(unter: g.nr).isEmpty {
            let b = try mappe.blatt(
                "Teilergebnisplan \(g.nr)", titel: "Teilergebnisplan \(g.nr) \(g.name) – Szenario \(szenario.name)")
            gruppen.append((g, b, try teilergebnisplan(b, g)))
        }
        try gesamtergebnisplan(gesamt, gruppen: gruppen)
        try produktdatenblaetter(
            try mappe.blatt("Produktdatenblätter", titel: "Produktdatenblätter – Szenario \(szenario.name)"))
        try kennzahlen(try mappe.blatt("Kennzahlen", titel: "Kennzahlen – Szenario \(szenario.name)"))
        try investitionen(try mappe.blatt("Investitionen", titel: "Investitionen – Szenario \(szenario.name)"))
        try finanzplan(try mappe.blatt("Finanzplan", titel: "Finanzplan – Szenario \(szenario.name)"))
        try kapazitaet(try mappe.blatt("Kapazität", titel: "Kapazitätsplanung – Szenario \(szenario.name)"))
        if l.produkte.contains(where: { $0.gebietsfaelle != nil }) {
            try sozialraeume(try mappe.blatt("Sozialräume", titel: "Fälle je Sozialraum – Szenario \(szenario.name)"))
        }
        if !m.sozialraum.verteilungen.isEmpty {
            try verteilungen(try mappe.blatt("Verteilung", titel: "Indikatorgestützte Verteilung"))
        }
        try massnahmen(try mappe.blatt("Maßnahmen", titel: "Maßnahmen – Szenario \(szenario.name)"))
        try annahmen(try mappe.blatt("Annahmen", titel: "Annahmen aller Szenarien"))
        try self.deckblatt(deckblatt)
        try mappe.schliessen(vorDemSchliessen: vorDemSchliessen, nachlauf: nachlauf)
    }

    // MARK: Deckblatt

    func deckblatt(_ b: Blatt) throws {
        let B = m.basisjahr
        try b.text("Haushaltsplanung \(m.haushaltsjahr) – Anlage für die Kämmerei", 0, 0, .titel)
        try b.text(m.kommune, 1, 0, .untertitel)
        let zeilen: [(String, String)] = [
            ("Kommune", m.kommune),
            ("Basisjahr", "\(B) (Ist, Jahresabschluss)"),
            ("Haushaltsjahr", "\(m.haushaltsjahr)"),
            ("Planungszeitraum", "\(B + 1)–\(m.horizont)"),
            ("Szenario", szenario.name),
            ("Beschreibung des Szenarios", szenario.beschreibung ?? "–"),
            ("Modell", m.name),
            ("Prüfsumme des Modells (SHA-256)", m.pruefsumme),
            ("Programmversion", "Eckwert \(mappe.version)"),
            ("Planungsstand", m.planstand),
            ("Kontenrahmen", k.name),
            (
                "Darstellung",
                mappe.einheitText
                    + (m.rundung == .tsdEuro
                        ? ", auf 100 Euro gerundet (eine Nachkommastelle)" : ", auf volle Euro gerundet")
            ),
        ]
        var r = try b.schluesselWerte(zeilen, ab: 3)
        r += 1
        try b.text("Ist und Prognose", r, 0, .untertitel); r += 1
        let hinweise = [
            "Die Spalte „Ergebnis \(B)“ enthält Ist-Werte (Jahresabschluss des Basisjahres). „Ansatz \(B + 1)“ ist der beschlossene Ansatz"
                + (m.ansatz == nil
                    ? " – für dieses Modell liegt keine ansatz.csv vor, die Spalte bleibt leer." : " aus ansatz.csv."),
            "Alle Werte ab \(B + 1) mit den Überschriften „Prognose“, „Ansatz \(m.haushaltsjahr) (Vorschlag)“ und „Planungsjahr“ sind Prognosen des Modells im Szenario „\(szenario.name)“, keine Ist-Werte.",
            m.planung == nil
                ? "Für dieses Modell liegt keine Planung der Kämmerei (planung.csv) vor."
                : "„Planung (Kämmerei)“ ist die mittelfristige Ergebnisplanung der Kämmerei aus planung.csv. Sie steht neben der Prognose und geht nicht in sie ein; daneben die Abweichung Prognose − Planung in Euro und in Prozent der Planung (leer, wo die Planung 0 ist oder für eine Einheit fehlt).",
            "Beträge sind einmal, bei der Darstellung, kaufmännisch gerundet. Summenzeilen sind Excel-Formeln über die gezeigten Zeilen: jede Summe ist die Summe der gezeigten Teile; gegenüber der ungerundeten Rechnung können Rundungsdifferenzen von wenigen Euro entstehen.",
            "Alle Szenarien stehen auf dem Blatt „Annahmen“ nebeneinander; für jedes Szenario gibt es eine eigene Mappe.",
        ]
        for h in hinweise {
            try b.ws.mergeRange(
                firstRow: r, firstCol: 0, lastRow: r, lastCol: 1, string: h, format: try mappe.f(.hinweis))
            try b.ws.setRowHeight(row: r, height: Double((h.count + 119) / 120) * 13 + 2)
            r += 1
        }
        r += 1
        try b.text("Inhalt", r, 0, .untertitel); r += 1
        for x in mappe.blaetter.dropFirst() {
            try b.text(x.name, r, 0, .text)
            try b.text(x.titel, r, 1, .text, messen: false)
            r += 1
        }
        b.festeBreiten = [0: 34, 1: 110]
    }

    // MARK: Teilergebnisplan / Gesamtergebnisplan

    func kopfzeile(_ b: Blatt, _ r: Int, _ spalten: [Spalte]) throws {
        try b.text("Nr.", r, 0, .kopf)
        try b.text("Bezeichnung", r, 1, .kopfLinks)
        for (s, sp) in spalten.enumerated() { try b.text(sp.kopf, r, Planblock.ersteSpalte + s, .kopf, messen: false) }
        // The headers carry their own line breaks (the columns are 13–16 characters wide); the row is as high as
        // the longest of them, so that no header is cut off on screen or on paper.
        let zeilen = spalten.map { $0.kopf.split(separator: "\n").count }.max() ?? 1
        try b.ws.setRowHeight(row: r, height: 15 * Double(max(2, zeilen)))
        b.druckTitel = r...r
        b.fixiert = (r + 1, 2)
        b.festeBreiten[0] = 5
        b.festeBreiten[1] = 62
        for s in spalten.indices { b.festeBreiten[Planblock.ersteSpalte + s] = m.rundung == .tsdEuro ? 13 : 16 }
    }

    func teilergebnisplan(_ b: Blatt, _ g: Gliederung) throws -> [String: Int] {
        let idx = produktIndizes(unter: g.nr)
        let spalten = ergebnisspalten
        try b.text("Teilergebnisplan Produktgruppe \(g.nr) \(g.name)", 0, 0, .titel)
        let bereich = m.bereich(vonGruppe: g.nr).flatMap { b in m.produktbereiche.first { $0.nr == b } }
        let bbs = Set(idx.compactMap { budgetbereiche[$0]?.id }).sorted()
        try b.text(
            [
                bereich.map { "Produktbereich \($0.nr) \($0.name)" }, "Budgetbereich \(bbs.joined(separator: ", "))",
                "Szenario \(szenario.name)", mappe.einheitText,
            ].compactMap { $0 }.joined(separator: " · "), 1, 0, .legende, messen: false)
        try b.text(
            "Produkte: " + idx.map { "\(m.produkte[$0].nr) \(m.produkte[$0].name)" }.joined(separator: "; "), 2, 0,
            .legende, messen: false)
        try kopfzeile(b, 4, spalten)
        return try Planblock.schreiben(
            b, ab: 5, zeilen: k.zeilen, spalten: spalten.count, leereSpalten: leereSpalten(spalten, idx),
            zeilenformeln: zeilenformelSpalten(spalten), kontenrahmen: k,
            inhalt: planwerte(idx, zeilen: k.zeilen, spalten: spalten, finanzplan: false, blatt: b))
    }

    /// Children of a Produktbereich: its Produktgruppe sheets when they cover its products without overlap, and
    /// the products outside any of them.
    func kinder(
        _ pb: Gliederung, _ gruppen: [(Gliederung, Blatt, [String: Int])]
    ) -> (kinder: [(Blatt, [String: Int])], rest: [Int]) {
        let alle = produktIndizes(unter: pb.nr)
        let unter = gruppen.filter { m.bereich(vonGruppe: $0.0.nr) == pb.nr }
        let abgedeckt = unter.flatMap { produktIndizes(unter: $0.0.nr) }
        guard Set(abgedeckt).count == abgedeckt.count else { return ([], alle) }
        let set = Set(abgedeckt)
        return (unter.map { ($0.1, $0.2) }, alle.filter { !set.contains($0) })
    }

    func gesamtergebnisplan(_ b: Blatt, gruppen: [(Gliederung, Blatt, [String: Int])]) throws {
        let spalten = ergebnisspalten
        let formeln = zeilenformelSpalten(spalten)
        try b.text("Gesamtergebnisplan \(m.kommune) nach Produktbereichen", 0, 0, .titel)
        try b.text(
            "Szenario \(szenario.name) · \(mappe.einheitText) · Produktbereiche: Summen der Teilergebnispläne (Formeln)",
            1, 0, .legende, messen: false)
        try kopfzeile(b, 3, spalten)
        let hoehe = Planblock.hoehe(k.zeilen, mitZuschuss: true) + 2
        let bereiche = m.produktbereiche.filter { !produktIndizes(unter: $0.nr).isEmpty }
        // Layout: Gesamthaushalt first, then one block per Produktbereich, each on its own printed page.
        let rGesamt = 4
        var bereichsZeilen: [[String: Int]] = []
        var umbrueche: [Int] = []
        for (i, pb) in bereiche.enumerated() {
            let r0 = rGesamt + hoehe * (i + 1)
            umbrueche.append(r0)
            try b.text("Produktbereich \(pb.nr) \(pb.name)", r0, 0, .untertitel)
            let (kinder, rest) = kinder(pb, gruppen)
            let restWerte = rest.isEmpty ? nil : planwerte(rest, zeilen: k.zeilen, spalten: spalten, finanzplan: false)
            let eigene = planwerte(
                produktIndizes(unter: pb.nr), zeilen: k.zeilen, spalten: spalten, finanzplan: false,
                blatt: b)
            let leer = leereSpalten(spalten, produktIndizes(unter: pb.nr))
            let rows = try Planblock.schreiben(
                b, ab: r0 + 1, zeilen: k.zeilen, spalten: spalten.count, leereSpalten: leer,
                zeilenformeln: formeln, kontenrahmen: k
            ) { z, s in
                if let v = vergleich(b, spalten, s) { return v }
                if kinder.isEmpty { return eigene(z, s) }
                if leer.contains(s) { return .leer }
                let key = k.zeilen[z].key
                var rest: Double?
                if let rw = restWerte, case .wert(let v) = rw(z, s) { rest = v }
                return Planblock.verweise(
                    kinder.compactMap { kd in kd.1[key].map { (kd.0, $0, Planblock.ersteSpalte + s) } },
                    von: b, rest: rest, mappe: mappe)
            }
            bereichsZeilen.append(rows)
        }
        try b.text("Gesamthaushalt", rGesamt, 0, .untertitel)
        let abgedeckt = Set(bereiche.flatMap { produktIndizes(unter: $0.nr) })
        let rest = m.produkte.indices.filter { !abgedeckt.contains($0) }
        let restWerte = rest.isEmpty ? nil : planwerte(rest, zeilen: k.zeilen, spalten: spalten, finanzplan: false)
        let leer = leereSpalten(spalten, Array(m.produkte.indices))
        let rows = try Planblock.schreiben(
            b, ab: rGesamt + 1, zeilen: k.zeilen, spalten: spalten.count, leereSpalten: leer,
            zeilenformeln: formeln, kontenrahmen: k
        ) { z, s in
            if let v = vergleich(b, spalten, s) { return v }
            if leer.contains(s) { return .leer }
            let key = k.zeilen[z].key
            var restWert: Double?
            if let rw = restWerte, case .wert(let v) = rw(z, s) { restWert = v }
            return Planblock.verweise(
                bereichsZeilen.compactMap { rows in rows[key].map { (b, $0, Planblock.ersteSpalte + s) } },
                von: b, rest: restWert, mappe: mappe)
        }
        // Defined names for the main totals.
        for (s, sp) in spalten.enumerated() where !leer.contains(s) {
            let suffix: String
            switch sp.quelle {
            case .ist: suffix = "Ist_\(sp.jahr)"
            case .ansatz: suffix = "Ansatz_\(sp.jahr)"
            case .prognose: suffix = "\(sp.jahr)"
            case .planung: suffix = "Planung_\(sp.jahr)"
            case .differenz, .anteil: continue
            }
            if let r = rows[Planblock.zuschussKey] {
                try mappe.name("Zuschuss_Gesamt_\(suffix)", blatt: b, zeile: r, spalte: Planblock.ersteSpalte + s)
            }
            if let r = rows[k.ausgleich] {
                try mappe.name("Ergebnis_Gesamt_\(suffix)", blatt: b, zeile: r, spalte: Planblock.ersteSpalte + s)
            }
        }
        // Haushaltsausgleich below the Produktbereiche.
        var r = rGesamt + hoehe * (bereiche.count + 1)
        umbrueche.append(r)
        b.seitenumbrueche = umbrueche
        guard let ha = e.haushaltsausgleich.first(where: { $0.szenario == szenario.name }) else { return }
        let ausgleichName = k.zeile(k.ausgleich)?.name ?? k.ausgleich
        try b.text("Haushaltsausgleich (Gesamthaushalt)", r, 0, .untertitel); r += 1
        let rE = r, rD = r + 1, rS = r + 2, rA = r + 3, rF = r + 4
        try b.text(ausgleichName, rE, 1)
        try b.text("Allgemeine Deckungsmittel", rD, 1)
        try b.text("Saldo", rS, 1, .betragSumme); try b.leer(rS, 0, .betragSumme)
        try b.text("Haushaltsausgleich erreicht?", rA, 1)
        try b.text("Fehlbetrag", rF, 1, .textFett)
        for (s, sp) in spalten.enumerated() {
            guard case .prognose = sp.quelle, let t = ha.jahre.firstIndex(of: sp.jahr) else { continue }
            let c = Planblock.ersteSpalte + s
            if let re = rows[k.ausgleich] {
                try b.formel("=" + Blatt.zelle(re, c), wert: b.wert(re, c), rE, c, .betrag)
            }
            try b.betrag(ha.deckungsmittel[t], rD, c)
            try b.summe([(1, rE), (1, rD)], spalte: c, nach: rS, .betragSumme)
            try b.text(ha.ausgeglichen[t] ? "ja" : "nein", rA, c, ha.ausgeglichen[t] ? .ja : .nein)
            let saldo = b.wert(rS, c)
            try b.formel("=MAX(0,-\(Blatt.zelle(rS, c)))", wert: max(0, -saldo), rF, c, .betragSumme)
        }
        let hinweis =
            m.deckungsmittel == nil
            ? "Für dieses Modell sind keine allgemeinen Deckungsmittel angegeben (modell.yaml: deckungsmittel): der Saldo zeigt das \(ausgleichName) der Sozial- und Jugendhaushalte allein, ein Fehlbetrag ist der durch Steuern und Zuweisungen zu deckende Zuschussbedarf."
            : "Saldo = \(ausgleichName) + allgemeine Deckungsmittel; ausgeglichen, wenn der Saldo nicht negativ ist."
        try b.ws.mergeRange(
            firstRow: rF + 1, firstCol: 0, lastRow: rF + 1, lastCol: 1 + spalten.count, string: hinweis,
            format: try mappe.f(.hinweis))
        try b.ws.setRowHeight(row: rF + 1, height: 28)
    }

    // MARK: Produktdatenblätter

    func produktdatenblaetter(_ b: Blatt) throws {
        // One sheet with a block per product, each block on its own printed page: with 18 and more products a
        // sheet per product would bury the plans among tabs, and a single sheet prints as a bound set of data sheets.
        let B = m.basisjahr
        let istJahre = e.ist.jahre.filter { $0 <= B }.suffix(2)
        let prognose = Array(m.prognosejahre)
        let letzte = 6 + 2 * e.szenarien.count - 1
        let breite = max(letzte, 4 + istJahre.count + prognose.count - 1)
        b.festeBreiten = [0: 16, 1: 11, 2: 50, 3: 16]
        for c in 4...breite { b.festeBreiten[c] = 13 }
        var r = 0
        var umbrueche: [Int] = []
        let verweise = Kennzahlverweise(m.kennzahlen)
        let zr = k.zuschussrechnung
        for (i, p) in m.produkte.enumerated() {
            umbrueche.append(r)
            try b.text("Produktdatenblatt \(p.nr) \(p.name)", r, 0, .titel); r += 2
            let gruppe = m.produktgruppen.first { $0.nr == p.produktgruppe }
            let bereich = m.produktbereiche.first { $0.nr == p.produktbereich }
            let bb = budgetbereiche[i]
            let stamm: [(String, String)] = [
                ("Bezeichnung", p.name),
                ("Produktbereich", bereich.map { "\($0.nr) \($0.name)" } ?? "–"),
                ("Produktgruppe", gruppe.map { "\($0.nr) \($0.name)" } ?? "–"),
                ("Budgetbereich", bb.map { "\($0.id) \($0.name)" } ?? "–"),
                ("Verantwortlich", p.verantwortlich ?? "–"),
                ("Gremium", p.gremium ?? "–"),
                ("Zielgruppe", p.zielgruppe ?? "–"),
                ("Beschreibung", p.beschreibung ?? "–"),
                (
                    "Art",
                    p.art == .pflicht
                        ? "Pflichtaufgabe (gesetzlich, fremdbestimmt – kein Entscheidungsspielraum)"
                        : "Freiwillige Leistung (steuerbar)"
                ),
            ]
            for (label, wert) in stamm {
                try b.text(label, r, 0, .textFett)
                try b.ws.mergeRange(
                    firstRow: r, firstCol: 1, lastRow: r, lastCol: breite, string: wert,
                    format: try mappe.f(.textUmbruch))
                if wert.count > 120 { try b.ws.setRowHeight(row: r, height: Double((wert.count + 119) / 120) * 13 + 2) }
                r += 1
            }
            r += 1
            // Figures of the product.
            try b.text("Finanzen und Mengen", r, 0, .untertitel); r += 1
            try b.text("Größe", r, 2, .kopfLinks); try b.text("Einheit", r, 3, .kopfLinks)
            try b.text("Ist \(B)", r, 4, .kopf)
            for (s, j) in prognose.enumerated() { try b.text("Prognose \(j)", r, 5 + s, .kopf) }
            r += 1
            let ist = e.ist.produkte[i], prog = l.produkte[i]
            let istT = e.ist.jahrIndex(B)
            let zuschussIst = istT.map { Teilplan(e.ist, [i], modell: m).zuschuss(zr)[$0] }
            let zuschuss = Teilplan(l, [i], modell: m).zuschuss(zr)
            try b.text("Zuschussbedarf", r, 2); try b.text("EUR", r, 3)
            if let z = zuschussIst { try b.betrag(z, r, 4) }
            for (s, j) in prognose.enumerated() { if let t = l.jahrIndex(j) { try b.betrag(zuschuss[t], r, 5 + s) } }
            r += 1
            if let f = prog.faelle {
                try b.text("Fallzahl (Jahresdurchschnitt)", r, 2); try b.text("Fälle", r, 3)
                if let t = istT, let fi = ist.faelle, t < fi.count {
                    try b.zahl(Zahlformat.runden(fi[t]), r, 4, .ganzzahl)
                }
                for (s, j) in prognose.enumerated() {
                    if let t = l.jahrIndex(j) { try b.zahl(Zahlformat.runden(f[t]), r, 5 + s, .ganzzahl) }
                }
                r += 1
            }
            if let fk = prog.fallkosten {
                try b.text(
                    "Aufwand je Fall (\(p.fallkosten.map { k.zeile($0.konto)?.name ?? $0.konto } ?? ""))", r, 2,
                    .textUmbruch, messen: false)
                try b.text("EUR je Fall und Jahr", r, 3)
                if let t = istT, let fi = ist.fallkosten, t < fi.count, fi[t].isFinite {
                    try b.zahl(Zahlformat.runden(fi[t]), r, 4, .betrag)
                }
                for (s, j) in prognose.enumerated() {
                    if let t = l.jahrIndex(j), fk[t].isFinite {
                        try b.zahl(Zahlformat.runden(fk[t]), r, 5 + s, .betrag)
                    }
                }
                r += 1
            }
            r += 1
            // Ziele by Zielfeld.
            let ziele = m.ziele.filter { $0.produkt == p.nr }
            try b.text("Ziele", r, 0, .untertitel); r += 1
            if ziele.isEmpty {
                try b.text("Für dieses Produkt sind keine Ziele festgelegt.", r, 0, .legende); r += 2
            } else {
                for (c, t) in ["Zielfeld", "Ziel", "Zieltext", "Kennzahl", "Zielwert", "bis"].enumerated() {
                    try b.text(t, r, c, c == 2 ? .kopfLinks : .kopf)
                }
                for (n, s) in e.szenarien.enumerated() {
                    try b.text("Wert \(s.szenario)", r, 6 + 2 * n, .kopf)
                    try b.text("erreicht \(s.szenario)", r, 7 + 2 * n, .kopf)
                }
                try b.ws.setRowHeight(row: r, height: 28)
                r += 1
                for feld in Zielfeld.allCases {
                    for z in ziele where z.zielfeld == feld {
                        try b.text(feld.bezeichnung, r, 0)
                        try b.text(z.id, r, 1)
                        try b.text(z.text, r, 2, .textUmbruch, messen: false)
                        try b.text(z.kennzahl ?? "–", r, 3)
                        let erreichung = e.zielerreichung.filter { $0.ziel == z.id }
                        if let zw = erreichung.first?.zielwert {
                            try b.zahl(Zahlformat.runden(zw, 2), r, 4, .dezimal)
                        } else {
                            try b.text("n. v.", r, 4)
                        }
                        try b.text(z.bis.map(String.init) ?? "–", r, 5)
                        for (n, s) in e.szenarien.enumerated() {
                            let x = erreichung.first { $0.szenario == s.szenario }
                            if let w = x?.wert {
                                try b.zahl(Zahlformat.runden(w, 2), r, 6 + 2 * n, .dezimal)
                            } else {
                                try b.text("n. v.", r, 6 + 2 * n)
                            }
                            switch x?.erreicht {
                            case true?: try b.text("ja", r, 7 + 2 * n, .ja)
                            case false?: try b.text("nein", r, 7 + 2 * n, .nein)
                            case nil: try b.text("n. v.", r, 7 + 2 * n)
                            }
                        }
                        try b.ws.setRowHeight(row: r, height: Double((z.text.count + 54) / 55) * 13 + 2)
                        r += 1
                    }
                }
                r += 1
            }
            // Kennzahlen of the product.
            let ids = Set(ziele.compactMap(\.kennzahl))
            let kz = verweise.kennzahlen(von: p.nr, ids: ids)
            try b.text("Kennzahlen", r, 0, .untertitel); r += 1
            if kz.isEmpty {
                try b.text("Für dieses Produkt sind keine Kennzahlen festgelegt.", r, 0, .legende); r += 1
            } else {
                try kennzahltabelle(b, ab: r, kz, istJahre: Array(istJahre), spalte0: 1)
                r += kz.count + 1
            }
            r += 2
        }
        b.seitenumbrueche = umbrueche
    }

    /// Kennzahlen with Ist and forecast values: id, name, Einheit, then the years. Returns nothing; writes
    /// `kz.count + 1` rows from `r0`.
    func kennzahltabelle(_ b: Blatt, ab r0: Int, _ kz: [Kennzahl], istJahre: [Int], spalte0 c0: Int) throws {
        let prognose = Array(m.prognosejahre)
        try b.text("Kennzahl", r0, c0, .kopf)
        try b.text("Bezeichnung", r0, c0 + 1, .kopfLinks)
        try b.text("Einheit", r0, c0 + 2, .kopf)
        for (s, j) in istJahre.enumerated() { try b.text("Ist \(j)", r0, c0 + 3 + s, .kopf) }
        for (s, j) in prognose.enumerated() { try b.text("Prognose \(j)", r0, c0 + 3 + istJahre.count + s, .kopf) }
        let werte = e.kennzahlen[szenario.name] ?? [:]
        for (n, x) in kz.enumerated() {
            let r = r0 + 1 + n
            try b.text(x.id, r, c0)
            try b.text(x.name, r, c0 + 1, .textUmbruch, messen: false)
            try b.text(x.einheit ?? "", r, c0 + 2)
            func zelle(_ v: Double?, _ c: Int) throws {
                if let v, v.isFinite {
                    try b.zahl(Zahlformat.runden(v, 2), r, c, .dezimal)
                } else {
                    try b.text("n. v.", r, c)
                }
            }
            for (s, j) in istJahre.enumerated() {
                try zelle(e.ist.jahrIndex(j).flatMap { e.kennzahlenIst[x.id]?[$0] ?? nil }, c0 + 3 + s)
            }
            for (s, j) in prognose.enumerated() {
                try zelle(l.jahrIndex(j).flatMap { werte[x.id]?[$0] ?? nil }, c0 + 3 + istJahre.count + s)
            }
            try b.ws.setRowHeight(row: r, height: Double((x.name.count + 49) / 50) * 13 + 2)
        }
    }

    // MARK: Kennzahlen

    func kennzahlen(_ b: Blatt) throws {
        try b.text("Kennzahlen – Ist und Prognose im Szenario \(szenario.name)", 0, 0, .titel)
        try b.text(
            "Werte auf zwei Nachkommastellen gerundet; „n. v.“ = nicht verfügbar (fehlender Wert oder Division durch null).",
            1, 0, .legende, messen: false)
        let istJahre = Array(e.ist.jahre.filter { $0 <= m.basisjahr }.suffix(2))
        try kennzahltabelle(b, ab: 3, m.kennzahlen, istJahre: istJahre, spalte0: 0)
        let cQ = 3 + istJahre.count + m.prognosejahre.count
        try b.text("Richtung", 3, cQ, .kopf)
        try b.text("Quelle", 3, cQ + 1, .kopfLinks)
        for (n, x) in m.kennzahlen.enumerated() {
            try b.text(
                x.richtung.map { $0 == .sinkend ? "sinkend ist besser" : "steigend ist besser" } ?? "–", 4 + n, cQ)
            try b.text(x.quelle ?? "–", 4 + n, cQ + 1, .textUmbruch, messen: false)
        }
        b.festeBreiten = [0: 12, 1: 52, 2: 16, cQ: 18, cQ + 1: 40]
        for c in 3..<cQ { b.festeBreiten[c] = 13 }
        b.druckTitel = 3...3
        b.fixiert = (4, 2)
        try b.ws.setRowHeight(row: 3, height: 28)
    }

    // MARK: Investitionen

    func investitionen(_ b: Blatt) throws {
        let jahre = Array(m.prognosejahre)
        try b.text("Investitionen und ihre Folgen im Ergebnisplan – Szenario \(szenario.name)", 0, 0, .titel)
        try b.text(
            "\(mappe.einheitText) · Fördermittel = Auszahlung × Förderquote · Eigenanteil = Auszahlungen − Fördermittel · AfA linear ab Inbetriebnahme (anteilig nach Monaten), Auflösung der Sonderposten parallel · Folgekosten steigen ab dem Folgejahr mit den Sachkosten des Szenarios",
            1, 0, .legende, messen: false)
        let cSumme = 1 + jahre.count, cGesamt = cSumme + 1
        try b.text("Größe", 3, 0, .kopfLinks)
        for (s, j) in jahre.enumerated() { try b.text("\(j)", 3, 1 + s, .kopf) }
        try b.text("Summe \(jahre.first ?? 0)–\(jahre.last ?? 0)", 3, cSumme, .kopf)
        try b.text("Insgesamt (alle Jahre)", 3, cGesamt, .kopf)
        b.druckTitel = 3...3
        b.fixiert = (4, 1)
        b.festeBreiten = [0: 44]
        for c in 1...cGesamt { b.festeBreiten[c] = 15 }
        let buchungen = e.investitionsbuchungen(szenario: szenario.name)
        guard !buchungen.isEmpty else {
            try b.text("Im Modell sind keine Investitionen geplant.", 4, 0, .legende)
            return
        }
        let bezeichnungen = [
            "Auszahlungen für Baumaßnahmen", "Fördermittel (Einzahlungen aus Investitionszuwendungen)", "Eigenanteil",
            "Bilanzielle Abschreibungen (AfA)", "Erträge aus der Auflösung von Sonderposten", "Folgekosten",
        ]
        var r = 4
        var bloecke: [Int] = []
        for (inv, bu) in buchungen {
            try b.text("\(inv.id) \(inv.name)", r, 0, .untertitel); r += 1
            var info = "Produkt \(inv.produkt)"
            if let f = inv.foerderung {
                info += " · Förderung: \(f.programm), Quote \(Zahlformat.prozent(f.quote, stellen: 2))"
            }
            info +=
                " · Nutzungsdauer \(inv.nutzungsdauer) Jahre · Inbetriebnahme \(inv.inbetriebnahmeMonat > 1 ? "\(inv.inbetriebnahmeMonat).\(inv.inbetriebnahmeJahr)" : "\(inv.inbetriebnahmeJahr)")"
            if let p = inv.plaetze { info += " · \(Zahlformat.zahl(p)) Plätze" }
            if let g = inv.gebiet { info += " · Sozialraum \(g)" }
            if let fk = inv.folgekosten {
                info +=
                    " · Folgekosten \(Zahlformat.euro(fk.jaehrlich)) jährlich (\(k.zeile(fk.konto)?.name ?? fk.konto))"
            }
            try b.text(info, r, 0, .legende, messen: false); r += 1
            bloecke.append(r)
            let reihen = [bu.auszahlungen, bu.foerdermittel, [], bu.abschreibungen, bu.sonderposten, bu.folgekosten]
            for (n, name) in bezeichnungen.enumerated() {
                let rr = r + n
                let summe = n == 2
                try b.text(name, rr, 0, summe ? .betragSumme : .text)
                for (s, j) in jahre.enumerated() {
                    let c = 1 + s
                    if summe {
                        try b.summe([(1, r), (-1, r + 1)], spalte: c, nach: rr, .betragSumme)
                    } else {
                        try b.betrag(reihen[n][j - m.basisjahr], rr, c)
                    }
                }
                try zeilensumme(b, rr, von: 1, bis: jahre.count, nach: cSumme, summe ? .betragSumme : .betrag)
                if n == 0 { try b.betrag(bu.summeAuszahlungen, rr, cGesamt) }
                if n == 1 { try b.betrag(bu.summeFoerdermittel, rr, cGesamt) }
                if n == 2 { try b.summe([(1, r), (-1, r + 1)], spalte: cGesamt, nach: rr, .betragSumme) }
            }
            r += bezeichnungen.count + 1
        }
        // All investments.
        try b.text("Alle Investitionen", r, 0, .untertitel); r += 1
        for (n, name) in bezeichnungen.enumerated() {
            let rr = r + n
            try b.text(name, rr, 0, .betragSumme)
            for c in 1...cGesamt where c != cGesamt || n <= 2 {
                if c == cSumme {
                    try zeilensumme(b, rr, von: 1, bis: jahre.count, nach: cSumme, .betragSumme); continue
                }
                try b.summe(bloecke.map { (1, $0 + n) }, spalte: c, nach: rr, .betragSumme)
            }
        }
        for c in 1...cSumme {
            try mappe.name(
                c == cSumme ? "Investitionen_Auszahlungen_Summe" : "Investitionen_Auszahlungen_\(jahre[c - 1])",
                blatt: b, zeile: r, spalte: c)
        }
    }

    /// `=SUM(row, cols)` along a row with the shown values as cached value.
    func zeilensumme(_ b: Blatt, _ r: Int, von c1: Int, bis c2: Int, nach c: Int, _ art: Mappe.Art) throws {
        let wert = (c1...c2).reduce(0.0) { $0 + b.wert(r, $1) }
        try b.formel("=SUM(\(Blatt.zelle(r, c1)):\(Blatt.zelle(r, c2)))", wert: wert, r, c, art)
    }

    // MARK: Finanzplan

    func finanzplan(_ b: Blatt) throws {
        let spalten = finanzspalten
        let zeilen = k.finanzplan
        try b.text("Finanzplan \(m.kommune) nach Produktbereichen", 0, 0, .titel)
        try b.text(
            "Szenario \(szenario.name) · \(mappe.einheitText) · laufende Verwaltungstätigkeit aus dem Ergebnisplan ohne nicht zahlungswirksame Zeilen (Abschreibungen, Auflösung von Sonderposten); Investitionstätigkeit aus den Investitionen",
            1, 0, .legende, messen: false)
        guard !zeilen.isEmpty else {
            try b.text("Der Kontenrahmen \(k.name) definiert keinen Finanzplan.", 3, 0, .legende)
            return
        }
        try kopfzeile(b, 3, spalten)
        let hoehe = zeilen.count + 2
        let bereiche = m.produktbereiche.filter { !produktIndizes(unter: $0.nr).isEmpty }
        var bereichsZeilen: [[String: Int]] = []
        for (i, pb) in bereiche.enumerated() {
            let r0 = 4 + hoehe * (i + 1)
            try b.text("Produktbereich \(pb.nr) \(pb.name)", r0, 0, .untertitel)
            bereichsZeilen.append(
                try Planblock.schreiben(
                    b, ab: r0 + 1, zeilen: zeilen, spalten: spalten.count, leereSpalten: [],
                    kontenrahmen: nil,
                    inhalt: planwerte(
                        produktIndizes(unter: pb.nr), zeilen: zeilen, spalten: spalten, finanzplan: true)))
        }
        try b.text("Gesamthaushalt", 4, 0, .untertitel)
        let abgedeckt = Set(bereiche.flatMap { produktIndizes(unter: $0.nr) })
        let rest = m.produkte.indices.filter { !abgedeckt.contains($0) }
        let restWerte = rest.isEmpty ? nil : planwerte(rest, zeilen: zeilen, spalten: spalten, finanzplan: true)
        let rows = try Planblock.schreiben(
            b, ab: 5, zeilen: zeilen, spalten: spalten.count, leereSpalten: [], kontenrahmen: nil
        ) { z, s in
            var restWert: Double?
            if let rw = restWerte, case .wert(let v) = rw(z, s) { restWert = v }
            return Planblock.verweise(
                bereichsZeilen.compactMap { rows in rows[zeilen[z].key].map { (b, $0, Planblock.ersteSpalte + s) } },
                von: b, rest: restWert, mappe: mappe)
        }
        if let saldo = zeilen.last, let r = rows[saldo.key] {
            for (s, sp) in spalten.enumerated() {
                let suffix: String = if case .ist = sp.quelle { "Ist_\(sp.jahr)" } else { "\(sp.jahr)" }
                try mappe.name(
                    "Finanzmittelsaldo_Gesamt_\(suffix)", blatt: b, zeile: r, spalte: Planblock.ersteSpalte + s)
            }
        }
    }

    // MARK: Kapazität

    func kapazitaet(_ b: Blatt) throws {
        let jahre = [m.basisjahr] + Array(m.prognosejahre)
        try b.text("Kapazitätsplanung – Bedarf, Plätze und Versorgungslücke im Szenario \(szenario.name)", 0, 0, .titel)
        try b.text(
            "Bedarf = prognostizierte Fälle je Sozialraum; Plätze = vorhandene Plätze zuzüglich der Plätze aus Investitionen ab Inbetriebnahme; Versorgungslücke = max(0; Bedarf − Plätze) je Sozialraum – ein Überhang in einem Sozialraum schließt keine Lücke in einem anderen. Ganze Plätze.",
            1, 0, .legende, messen: false)
        b.festeBreiten = [0: 30]
        for c in 1...max(8, jahre.count) { b.festeBreiten[c] = 14 }
        var r = 3
        let produkte = m.produkte.indices.filter { l.produkte[$0].kapazitaet != nil }
        if produkte.isEmpty {
            try b.text("Kein Produkt des Modells hat eine Kapazitätsangabe (kapazitaet).", r, 0, .legende)
            return
        }
        var umbrueche: [Int] = []
        for i in produkte {
            guard let kap = l.produkte[i].kapazitaet else { continue }
            umbrueche.append(r)
            try b.text("\(m.produkte[i].nr) \(m.produkte[i].name)", r, 0, .untertitel); r += 1
            let tabellen: [(String, [(String, [Double])], [Double])] =
                kap.gebiete.isEmpty
                ? [
                    ("Bedarf (Fälle)", [("Gesamtstadt", kap.bedarf)], kap.bedarf),
                    ("Plätze", [("Gesamtstadt", kap.plaetze)], kap.plaetze),
                    ("Versorgungslücke (fehlende Plätze)", [("Gesamtstadt", kap.luecke)], kap.luecke),
                ]
                : [
                    ("Bedarf (Fälle)", kap.gebiete.map { ($0.gebiet, $0.bedarf) }, kap.bedarf),
                    ("Plätze", kap.gebiete.map { ($0.gebiet, $0.plaetze) }, kap.plaetze),
                    ("Versorgungslücke (fehlende Plätze)", kap.gebiete.map { ($0.gebiet, $0.luecke) }, kap.luecke),
                ]
            for (titel, reihen, _) in tabellen {
                try b.text(titel, r, 0, .kopfLinks)
                for (s, j) in jahre.enumerated() {
                    try b.text(j == m.basisjahr ? "\(j) (Basis)" : "\(j)", r, 1 + s, .kopf)
                }
                r += 1
                let r0 = r
                for (name, werte) in reihen {
                    try b.text(name == "Gesamtstadt" ? name : "Sozialraum \(name)", r, 0)
                    for (s, _) in jahre.enumerated() where s < werte.count {
                        try b.zahl(Zahlformat.runden(werte[s]), r, 1 + s, .ganzzahl)
                    }
                    r += 1
                }
                if reihen.count > 1 {
                    try b.text("Summe", r, 0, .ganzzahlSumme)
                    for s in jahre.indices {
                        try b.summe((r0..<r).map { (1, $0) }, spalte: 1 + s, nach: r, .ganzzahlSumme)
                    }
                    r += 1
                }
                r += 1
            }
        }
        // Indicative investments for the remaining gaps.
        let bedarfe = e.kapazitaetsbedarfe.filter { $0.szenario == szenario.name }
        umbrueche.append(r)
        b.seitenumbrueche = umbrueche
        try b.text("Rechnerischer Investitionsbedarf für verbleibende Lücken", r, 0, .untertitel); r += 1
        try b.text(
            "Fehlende Plätze = größte Lücke im Planungszeitraum (aufgerundet); Investition = fehlende Plätze × Kosten je Platz (Produkt: kosten_je_platz, sonst Modell: platzkosten; Richtwerte DJI 2017: Neubau \(Zahlformat.euro(m.platzkosten.neubau)), Erweiterung \(Zahlformat.euro(m.platzkosten.erweiterung)) je Platz). Ein Richtwert, keine Kostenschätzung.",
            r, 0, .legende, messen: false);
        r += 1
        if bedarfe.isEmpty {
            try b.text("Im Szenario \(szenario.name) bleibt keine Versorgungslücke.", r, 0, .legende)
            return
        }
        let kopf = [
            "Produkt / Sozialraum", "erste Lücke", "größte Lücke im Jahr", "fehlende Plätze", "Kosten je Platz",
            "Investition (Richtwert)", "Folgekosten jährlich",
        ]
        for (c, t) in kopf.enumerated() { try b.text(t, r, c, c == 0 ? .kopfLinks : .kopf) }
        try b.ws.setRowHeight(row: r, height: 28)
        r += 1
        let r0 = r
        for x in bedarfe {
            try b.text("\(x.produkt) · \(x.gebiet.map { "Sozialraum \($0)" } ?? "Gesamtstadt")", r, 0)
            try b.text("\(x.ersteLuecke)", r, 1)
            try b.text("\(x.jahrGroessteLuecke)", r, 2)
            try b.zahl(x.fehlendePlaetze.rounded(.up), r, 3, .ganzzahl)
            try b.zahl(Zahlformat.runden(x.kostenJePlatz), r, 4, .betrag)
            try b.betrag(x.investition, r, 5)
            if let f = x.folgekostenJaehrlich { try b.betrag(f, r, 6) } else { try b.text("–", r, 6) }
            r += 1
        }
        try b.text("Summe", r, 0, .betragSumme)
        try b.summe((r0..<r).map { (1, $0) }, spalte: 3, nach: r, .ganzzahlSumme)
        try b.summe((r0..<r).map { (1, $0) }, spalte: 5, nach: r, .betragSumme)
        try b.summe((r0..<r).map { (1, $0) }, spalte: 6, nach: r, .betragSumme)
    }

    // MARK: Maßnahmen

    func massnahmen(_ b: Blatt) throws {
        let jahre = Array(m.prognosejahre)
        try b.text("Maßnahmen – Kosten, Minderaufwand und Amortisation im Szenario \(szenario.name)", 0, 0, .titel)
        try b.text(
            "Bewertung mit/ohne: das Szenario mit der Maßnahme gegen dasselbe Szenario ohne sie. Minderaufwand = Zuschussbedarf der betroffenen Produkte ohne − mit Maßnahme (ohne deren eigene Kosten); Nettoeffekt = Minderaufwand − Kosten; positiv = Entlastung.",
            1, 0, .legende, messen: false)
        b.festeBreiten = [0: 40]
        for c in 1...(jahre.count + 1) { b.festeBreiten[c] = 15 }
        let cSumme = 1 + jahre.count
        try b.text("Größe", 3, 0, .kopfLinks)
        for (s, j) in jahre.enumerated() { try b.text("\(j)", 3, 1 + s, .kopf) }
        try b.text("Summe", 3, cSumme, .kopf)
        b.druckTitel = 3...3
        b.fixiert = (4, 1)
        var r = 4
        let bilanzen = e.massnahmen.filter { $0.szenario == szenario.name }
        if bilanzen.isEmpty { try b.text("Im Modell sind keine Maßnahmen beschrieben.", r, 0, .legende); return }
        for x in bilanzen {
            let mn = m.massnahmen.first { $0.id == x.massnahme }
            try b.text("\(x.massnahme) \(mn?.name ?? "")", r, 0, .untertitel); r += 1
            let wirk =
                mn?.wirkung.map { "\($0.produkt) Quote \(Zahlformat.prozent($0.quote)) ab \($0.ab)" }.joined(
                    separator: ", ") ?? ""
            try b.text(
                "Kosten gebucht bei Produkt \(mn?.produkt ?? "–") · Wirkung: \(wirk) · im Szenario \(szenario.name) \(x.imSzenarioAktiv ? "umgesetzt" : "nicht umgesetzt (Bewertung zum Vergleich)")",
                r, 0, .legende, messen: false);
            r += 1
            let rK = r, rM = r + 1, rN = r + 2, rC = r + 3, rA = r + 4
            try b.text("Kosten der Maßnahme", rK, 0)
            try b.text("Minderaufwand", rM, 0)
            try b.text("Nettoeffekt", rN, 0, .betragSumme)
            try b.text("Nettoeffekt kumuliert", rC, 0, .textFett)
            for (s, j) in jahre.enumerated() {
                let c = 1 + s
                guard let t = x.jahre.firstIndex(of: j) else { continue }
                try b.betrag(x.kosten[t], rK, c)
                try b.betrag(x.minderaufwand[t], rM, c)
                try b.summe([(1, rM), (-1, rK)], spalte: c, nach: rN, .betragSumme)
                if s == 0 {
                    try b.formel("=" + Blatt.zelle(rN, c), wert: b.wert(rN, c), rC, c, .betrag)
                } else {
                    try b.formel(
                        "=\(Blatt.zelle(rC, c - 1))+\(Blatt.zelle(rN, c))", wert: b.wert(rC, c - 1) + b.wert(rN, c), rC,
                        c, .betrag)
                }
            }
            for rr in [rK, rM, rN] {
                try zeilensumme(b, rr, von: 1, bis: jahre.count, nach: cSumme, rr == rN ? .betragSumme : .betrag)
            }
            try b.text("Amortisation (kumulierter Nettoeffekt erstmals positiv)", rA, 0, .textFett)
            try b.text(x.amortisation.map { "\($0)" } ?? "nicht im Planungszeitraum", rA, 1, .textFett)
            r += 6
        }
    }

    // MARK: Annahmen

    func annahmen(_ b: Blatt) throws {
        let szen = m.szenarien
        let c0 = 2
        try b.text("Annahmen aller Szenarien im Vergleich", 0, 0, .titel)
        try b.text("abweichend", 1, 0, .textMarkiert)
        try b.text(
            "= die Annahme unterscheidet sich zwischen den Szenarien. Diese Mappe zeigt das Szenario „\(szenario.name)“.",
            1, 1, .legende, messen: false)
        try b.text("Annahme", 3, 0, .kopfLinks)
        try b.text("Jahr / Produkt", 3, 1, .kopfLinks)
        for (n, s) in szen.enumerated() {
            try b.text(s.name + (s.name == szenario.name ? " (diese Mappe)" : ""), 3, c0 + n, .kopf)
        }
        b.druckTitel = 3...3
        b.fixiert = (4, 2)
        b.festeBreiten = [0: 34, 1: 40]
        for n in szen.indices { b.festeBreiten[c0 + n] = 24 }
        var r = 4
        enum Wert: Equatable { case text(String), zahl(Double), prozent(Double) }
        func zeile(_ label: String, _ detail: String, _ werte: [Wert]) throws {
            let verschieden = Set(werte.map { "\($0)" }).count > 1
            try b.text(label, r, 0, .text)
            try b.text(detail, r, 1, .text, messen: false)
            for (n, w) in werte.enumerated() {
                switch w {
                case .text(let t): try b.text(t, r, c0 + n, verschieden ? .textMarkiert : .textUmbruch, messen: false)
                case .zahl(let x): try b.zahl(x, r, c0 + n, verschieden ? .dezimalMarkiert : .dezimal)
                case .prozent(let x): try b.zahl(x, r, c0 + n, verschieden ? .prozentMarkiert : .prozent)
                }
            }
            r += 1
        }
        try zeile("Beschreibung", "", szen.map { .text($0.beschreibung ?? "–") })
        try b.ws.setRowHeight(
            row: r - 1, height: Double(((szen.map { ($0.beschreibung ?? "").count }.max() ?? 0) + 29) / 30) * 13 + 2)
        try zeile(
            "Bevölkerung: Methode", "",
            szen.map {
                .text($0.bevoelkerung.methode == .kohorten ? "Kohorten-Komponenten" : "amtliche Vorausberechnung")
            })
        if szen.contains(where: { $0.bevoelkerung.variante != nil }) {
            try zeile("Bevölkerung: Variante", "", szen.map { .text($0.bevoelkerung.variante ?? "–") })
        }
        try zeile(
            "Geburtenziffer (Kinder je Frau)", "",
            szen.map { s in s.bevoelkerung.geburtenziffer.map { .zahl($0) } ?? .text("wie fruchtbarkeit.csv") })
        try zeile("Sterblichkeit (Faktor auf q(x))", "", szen.map { .zahl($0.bevoelkerung.sterblichkeit) })
        for j in m.prognosejahre {
            try zeile("Wanderungssaldo (Personen)", "\(j)", szen.map { .zahl($0.bevoelkerung.wanderungssaldo.wert(j)) })
        }
        for j in m.prognosejahre {
            try zeile("Tarifsteigerung", "\(j)", szen.map { .prozent($0.preise.tarif.wert(j)) })
        }
        for j in m.prognosejahre {
            try zeile("Sachkostensteigerung", "\(j)", szen.map { .prozent($0.preise.sachkosten.wert(j)) })
        }
        for p in m.produkte {
            let eigene = szen.map { $0.produkte[p.nr] }
            if eigene.contains(where: { $0?.quoteTrend != nil }) {
                try zeile("Quote-Trend (jährlich)", "\(p.nr) \(p.name)", eigene.map { .prozent($0?.quoteTrend ?? 0) })
            }
            if let er = p.erstattung, eigene.contains(where: { $0?.erstattungAnteil != nil }) {
                try zeile(
                    "Erstattungsanteil", "\(p.nr) \(p.name)", eigene.map { .prozent($0?.erstattungAnteil ?? er.anteil) }
                )
            }
            if eigene.contains(where: { $0?.fallkostenTrend != nil }) {
                try zeile(
                    "Fallkosten-Trend (real, jährlich)", "\(p.nr) \(p.name)",
                    eigene.map { .prozent($0?.fallkostenTrend ?? 0) })
            }
        }
        for mn in m.massnahmen {
            try zeile(
                "Maßnahme umgesetzt", "\(mn.id) \(mn.name)",
                szen.map { .text($0.massnahmen.contains(mn.id) ? "ja" : "nein") })
        }
        try b.text(
            "Nicht angegebene Werte erben die Szenarien von status-quo; Produkt-Trends ohne Angabe sind 0, der Erstattungsanteil ohne Angabe ist der des Produkts.",
            r + 1, 0, .legende, messen: false)
        try basisDerPrognose(b, ab: r + 3)
    }

    /// Below the scenario assumptions (the same in every scenario): the Sondereffekte taken out of the Ist, the
    /// products on the Ansatz and the lines carried forward by their Ist trend.
    func basisDerPrognose(_ b: Blatt, ab r0: Int) throws {
        var r = r0
        let fb = basis?.wert ?? Fortschreibungsbasis(m)
        try b.text("Basis der Prognose (in allen Szenarien gleich)", r, 0, .untertitel); r += 1
        try b.text(Zuschusstext.gleichung(m), r, 0, .legende, messen: false); r += 2
        try b.text("Sondereffekte (aus dem Ist herausgerechnet, bevor es Basis der Prognose wird)", r, 0, .textFett);
        r += 1
        if let se = m.sondereffekte, !se.schluessel.isEmpty {
            try b.text("Jahr / Produkt", r, 0, .kopfLinks)
            try b.text("Zeile", r, 1, .kopfLinks)
            try b.text("Betrag", r, 2, .kopf)
            r += 1
            for k in se.schluessel {
                let name = m.produkt(k.produkt)?.name ?? ""
                try b.text("\(k.jahr) · \(k.produkt) \(name)", r, 0, .text, messen: false)
                try b.text(m.kontenrahmen.zeile(k.groesse)?.name ?? k.groesse, r, 1, .text, messen: false)
                try b.betrag(se.wert(k.jahr, k.produkt, k.groesse) ?? 0, r, 2)
                r += 1
            }
        } else {
            try b.text("keine (sondereffekte.csv liegt nicht vor)", r, 0, .text, messen: false); r += 1
        }
        r += 1
        try b.text("Produkte mit dem Ansatz als Basis", r, 0, .textFett); r += 1
        for (i, automatisch) in fb.ansatzbasis {
            try b.text("\(m.produkte[i].nr) \(m.produkte[i].name)", r, 0, .text, messen: false)
            try b.text(
                automatisch ? "kein Ist im Basisjahr \(m.basisjahr): Ansatz statt Nullen" : "basis: ansatz", r, 1,
                .text,
                messen: false)
            r += 1
        }
        if fb.ansatzbasis.isEmpty { try b.text("keine", r, 0, .text, messen: false); r += 1 }
        r += 1
        try b.text("Zeilen mit Trend-Fortschreibung (geometrisches Mittel des Ist-Wachstums)", r, 0, .textFett); r += 1
        var trends = 0
        for (i, p) in m.produkte.enumerated() {
            for (z, l) in fb.linien[i].enumerated() where l.art == .trend && l.trendjahre > 0 {
                try b.text("\(p.nr) \(p.name)", r, 0, .text, messen: false)
                try b.text(
                    "\(m.kontenrahmen.zeilen[z].name) (Ist \(m.basisjahr - l.trendjahre)–\(m.basisjahr))", r, 1, .text,
                    messen: false)
                try b.zahl(l.wachstum, r, 2, .prozent)
                r += 1
                trends += 1
            }
        }
        if trends == 0 { try b.text("keine", r, 0, .text, messen: false) }
    }
}
