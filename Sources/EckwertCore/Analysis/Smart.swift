/// The SMART check (modellformat.md, 9): each criterion passes or fails with a reason (German, for the reports).
public struct SmartPruefung: Sendable {
    public struct Kriterium: Sendable, Hashable {
        public var erfuellt: Bool
        public var grund: String
    }
    public var ziel: String
    public var s: Kriterium
    public var m: Kriterium
    public var a: Kriterium
    /// nil until a forecast has been run.
    public var r: Kriterium?
    public var t: Kriterium
    public var alleErfuellt: Bool { s.erfuellt && m.erfuellt && a.erfuellt && t.erfuellt && (r?.erfuellt ?? true) }
}

/// Attainment of one Ziel in one scenario.
public struct Zielerreichung: Sendable {
    public var ziel: String
    public var szenario: String
    public var jahr: Int
    /// Kennzahl value in the Basisjahr (Ist) and at `bis`; nil = n. v.
    public var basiswert: Double?
    public var wert: Double?
    public var zielwert: Double?
    public var erreicht: Bool?
    /// wert − zielwert (positive: above target).
    public var abstand: Double?
    public var richtung: Richtung
    /// Zwischenziele before `jahr`, in year order.
    public var zwischenziele: [Zwischenstand] = []

    /// A Zwischenziel: the target of a year before `bis`, the forecast value then and whether it is met.
    public struct Zwischenstand: Sendable {
        public var jahr: Int
        public var zielwert: Double?
        public var wert: Double?
        public var erreicht: Bool?
    }
}

public enum Smart {
    static let richtungswoerter = [
        "sinkt", "sinken", "senkt", "senken", "gesenkt", "steigt", "steigen", "gesteigert", "erhöht", "erhöhen",
        "reduziert", "reduzieren", "verringert", "verringern", "verbessert", "verbessern", "halbiert", "verdoppelt",
        "wächst", "wachsen", "nimmt zu", "nimmt ab", "mindestens", "höchstens", "nicht mehr als", "bleibt", "gehalten",
        "stabil", "ausgebaut", "abgebaut", "zurück", "unter ", "über ", "auf ", "um ",
    ]

    /// S, M, A and T (R needs a forecast: `mitR`).
    public static func pruefen(_ modell: Planungsmodell) -> [SmartPruefung] {
        modell.ziele.map { z in
            let text = z.text.lowercased()
            let woerter = z.text.split(whereSeparator: { $0 == " " }).count
            let hatRichtung = richtungswoerter.contains { text.contains($0) }
            var s = SmartPruefung.Kriterium(erfuellt: woerter >= 4 && hatRichtung, grund: "")
            if woerter < 4 {
                s.grund = "Zieltext zu knapp – er soll Gegenstand und Richtung nennen"
            } else if !hatRichtung {
                s.grund = "Zieltext nennt keine Richtung (z. B. „sinkt“, „steigt auf“, „mindestens“)"
            } else {
                s.grund = "Gegenstand und Richtung benannt"
            }
            // A relative target against the Kennzahl's good direction is a cap ("steigt um höchstens 5 %"),
            // a legitimate target; attainment then compares in the Kennzahl's direction.
            let kz = z.kennzahl.flatMap { modell.kennzahl($0) }
            var m = SmartPruefung.Kriterium(erfuellt: true, grund: "")
            if z.kennzahl == nil {
                m = .init(erfuellt: false, grund: "keine Kennzahl verknüpft")
            } else if let kz {
                var fehlt: [String] = []
                if kz.einheit == nil { fehlt.append("Einheit") }
                if kz.quelle == nil { fehlt.append("Quelle") }
                if z.zielwert == nil { fehlt.append("Zielwert") }
                m =
                    fehlt.isEmpty
                    ? .init(erfuellt: true, grund: "Kennzahl \(kz.id) mit Einheit, Quelle und Zielwert")
                    : .init(erfuellt: false, grund: "Kennzahl \(kz.id): es fehlt \(fehlt.joined(separator: ", "))")
            } else {
                m = .init(erfuellt: false, grund: "Kennzahl \(z.kennzahl ?? "") gibt es nicht")
            }
            let wirkende = modell.massnahmen.filter { $0.wirkung.contains { $0.produkt == z.produkt } }.map(\.id)
            var a: SmartPruefung.Kriterium
            if z.ebene != .produkt {
                let oben = z.oberziel.map { ", Oberziel \($0)" } ?? ""
                a = .init(
                    erfuellt: true, grund: "\(z.ebene.bezeichnung) \(z.produkt) (Ziel des Eckwertebeschlusses)\(oben)")
            } else if modell.produkt(z.produkt) == nil {
                a = .init(erfuellt: false, grund: "Produkt \(z.produkt) gibt es nicht")
            } else if let mid = z.massnahme {
                if let mn = modell.massnahmen.first(where: { $0.id == mid }),
                    !mn.wirkung.contains(where: { $0.produkt == z.produkt })
                {
                    a = .init(erfuellt: false, grund: "Maßnahme \(mid) wirkt nicht auf Produkt \(z.produkt)")
                } else {
                    a = .init(erfuellt: true, grund: "Produkt \(z.produkt), Maßnahme \(mid)")
                }
            } else if !wirkende.isEmpty {
                a = .init(
                    erfuellt: true,
                    grund: "Produkt \(z.produkt); wirkende Maßnahmen: \(wirkende.joined(separator: ", "))")
            } else {
                a = .init(erfuellt: true, grund: "Produkt \(z.produkt) (keine Maßnahme wirkt auf das Produkt)")
            }
            let t: SmartPruefung.Kriterium
            if let bis = z.bis {
                let ok = (modell.basisjahr + 1...modell.horizont).contains(bis)
                t =
                    ok
                    ? .init(erfuellt: true, grund: "bis \(bis)")
                    : .init(
                        erfuellt: false,
                        grund:
                            "bis \(bis) liegt außerhalb des Planungszeitraums \(modell.basisjahr + 1)–\(modell.horizont)"
                    )
            } else {
                t = .init(erfuellt: false, grund: "kein Termin (bis) angegeben")
            }
            return SmartPruefung(ziel: z.id, s: s, m: m, a: a, r: nil, t: t)
        }
    }

    /// Attainment per Ziel and scenario, from the Kennzahl values of the Ist (Basisjahr) and of each scenario.
    /// `kennzahlen[szenario][id][jahrIndex]`, `ist[id]` at the Basisjahr.
    public static func erreichung(
        _ modell: Planungsmodell, istBasis: [String: Double?],
        szenarien: [(name: String, jahre: [Int], werte: [String: [Double?]])]
    ) -> [Zielerreichung] {
        var out: [Zielerreichung] = []
        for z in modell.ziele {
            guard let kid = z.kennzahl, let kz = modell.kennzahl(kid), let zw = z.zielwert, let bis = z.bis else {
                continue
            }
            let basis = istBasis[kid] ?? nil
            func zielwert(_ zw: Zielwert) -> Double? {
                switch zw {
                case .absolut(let v): v
                case .relativ(let q): basis.map { $0 * (1 + q) }
                }
            }
            let ziel = zielwert(zw)
            let richtung: Richtung =
                kz.richtung
                ?? {
                    switch zw {
                    case .relativ(let q): return q < 0 ? .sinkend : .steigend
                    case .absolut(let v): return (basis ?? v) > v ? .sinkend : .steigend
                    }
                }()
            func erreicht(_ w: Double?, _ ziel: Double?) -> Bool? {
                guard let w, let ziel else { return nil }
                return richtung == .sinkend ? w <= ziel + 1e-9 * abs(ziel) : w >= ziel - 1e-9 * abs(ziel)
            }
            for s in szenarien {
                func wert(_ j: Int) -> Double? { s.jahre.firstIndex(of: j).flatMap { s.werte[kid]?[$0] ?? nil } }
                let w = wert(bis)
                var e = Zielerreichung(
                    ziel: z.id, szenario: s.name, jahr: bis, basiswert: basis, wert: w, zielwert: ziel,
                    erreicht: erreicht(w, ziel), abstand: w.flatMap { a in ziel.map { a - $0 } },
                    richtung: richtung)
                e.zwischenziele = z.zwischenziele.sorted { $0.key < $1.key }.map { j, zw in
                    let zz = zielwert(zw), ww = wert(j)
                    return .init(jahr: j, zielwert: zz, wert: ww, erreicht: erreicht(ww, zz))
                }
                out.append(e)
            }
        }
        return out
    }

    /// Adds R: reached in at least one scenario.
    public static func mitR(_ p: [SmartPruefung], _ e: [Zielerreichung]) -> [SmartPruefung] {
        p.map { x in
            var x = x
            let eigene = e.filter { $0.ziel == x.ziel }
            if eigene.isEmpty {
                x.r = .init(erfuellt: false, grund: "nicht prüfbar – Kennzahl, Zielwert oder Termin fehlt")
            } else {
                let in_ = eigene.filter { $0.erreicht == true }.map(\.szenario)
                x.r =
                    in_.isEmpty
                    ? .init(erfuellt: false, grund: "unrealistisch – in keinem Szenario erreicht")
                    : .init(erfuellt: true, grund: "erreicht in: \(in_.joined(separator: ", "))")
            }
            return x
        }
    }
}
