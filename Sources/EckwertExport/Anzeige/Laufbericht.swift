import EckwertCore

/// Terminal reports of a run: the summary of `eckwert run`, the forecast table, the backtest table.
public enum Laufbericht {
    /// The products whose forecast for Basisjahr + 1 departs from the Ansatz by more than the threshold.
    static func ansatzabweichungen(_ e: Planungsergebnis) -> String {
        let m = e.modell
        guard m.ansatz != nil else { return "" }
        let liste = Plausibilitaet.ansatzabweichungen(m, statusQuo: e.szenario("status-quo"))
        let grenze = Zahlformat.prozent(m.plausibilitaet.abweichung, stellen: 0)
        var s =
            "\nPrognose \(m.basisjahr + 1) (status-quo) gegenüber dem Ansatz \(m.basisjahr + 1), Abweichung über \(grenze): "
        guard !liste.isEmpty else { return s + "keine\n" }
        s += "\(liste.count) Produkt\(liste.count == 1 ? "" : "e")\n"
        var t = Texttabelle(kopf: ["Produkt", "Ansatz", "Prognose", "Differenz", "in %"])
        for a in liste {
            let p = m.produkte[a.produkt]
            t.zeilen.append([
                "\(p.nr) \(p.name.prefix(40))", Zahlformat.zahl(a.ansatz), Zahlformat.zahl(a.prognose),
                Zahlformat.zahl(a.differenz), a.ansatz == 0 ? "n. v." : Zahlformat.prozent(a.anteil),
            ])
        }
        return s + t.text
    }

    public static func zusammenfassung(_ e: Planungsergebnis) -> String {
        let m = e.modell
        var s = "\(m.kommune) – Prognose \(m.basisjahr + 1)–\(m.horizont), Haushaltsjahr \(m.haushaltsjahr)\n"
        s += "\(Zuschusstext.mitFormel(m)) in Euro; \(m.basisjahr) = Ist\n\n"
        let einheiten = m.einheiten.filter { $0.ebene == .gesamt || $0.ebene == .budgetbereich }
        var t = Texttabelle(kopf: ["Einheit", "Szenario"] + (m.basisjahr...m.horizont).map(String.init))
        for einheit in einheiten {
            for l in e.szenarien {
                let z = e.zuschuss(l, einheit)
                t.zeilen.append(
                    [einheit.ebene == .gesamt ? "Gesamthaushalt" : "\(einheit.nr) \(einheit.name)", l.szenario]
                        + z.map { Zahlformat.zahl($0) })
            }
        }
        s += t.text
        if let u = e.unsicherheit, let gi = u.einheiten.firstIndex(where: { $0.ebene == .gesamt }),
            let g = m.einheiten.first, let puffer = e.risikopuffer(g)
        {
            s += "\nUnsicherheit Gesamthaushalt (\(u.ziehungen) Ziehungen, Startwert \(u.seed))\n"
            var tu = Texttabelle(kopf: [""] + u.jahre.map(String.init))
            tu.zeilen.append(["P10"] + u.zuschuss[gi].p10.map { Zahlformat.zahl($0) })
            tu.zeilen.append(["P50"] + u.zuschuss[gi].p50.map { Zahlformat.zahl($0) })
            tu.zeilen.append(["P90"] + u.zuschuss[gi].p90.map { Zahlformat.zahl($0) })
            tu.zeilen.append(["Risikopuffer P90 − status-quo"] + u.jahre.map { Zahlformat.zahl(puffer[$0]) })
            s += tu.text
        }
        let verfehlt = e.zielerreichung.filter { $0.erreicht == false }
        s += "\nZiele: \(m.ziele.count); verfehlt (Ziel/Szenario): "
        s += verfehlt.isEmpty ? "keine\n" : "\(verfehlt.count)\n"
        for z in m.ziele {
            let eig = e.zielerreichung.filter { $0.ziel == z.id }
            let miss = eig.filter { $0.erreicht == false }.map(\.szenario)
            if !miss.isEmpty {
                s +=
                    "  \(z.id) (\(z.zielfeld.bezeichnung), bis \(z.bis.map(String.init) ?? "?")): verfehlt in \(miss.joined(separator: ", "))\n"
            }
        }
        let unreal = e.smart.filter { $0.r?.erfuellt == false }.map(\.ziel)
        if !unreal.isEmpty { s += "  In keinem Szenario erreicht: \(unreal.joined(separator: ", "))\n" }
        if !m.massnahmen.isEmpty {
            s += "\nMaßnahmen (mit/ohne im selben Szenario): Amortisation\n"
            for mn in m.massnahmen {
                let teile = e.massnahmen.filter { $0.massnahme == mn.id }.map {
                    "\($0.szenario) \($0.amortisation.map(String.init) ?? "nicht im Planungszeitraum")"
                }
                s += "  \(mn.id) \(mn.name): \(teile.joined(separator: "; "))\n"
            }
        }
        var luecken: [String] = []
        for l in e.szenarien {
            for (i, p) in l.produkte.enumerated() {
                guard let k = p.kapazitaet, let maxL = k.luecke.max(), maxL > 0.5 else { continue }
                luecken.append(
                    "  \(m.produkte[i].nr) \(m.produkte[i].name) – \(l.szenario): bis zu \(Zahlformat.zahl(maxL)) Plätze fehlen"
                )
            }
        }
        if !luecken.isEmpty { s += "\nVersorgungslücken:\n" + luecken.joined(separator: "\n") + "\n" }
        s += ansatzabweichungen(e)
        let w = e.warnungen
        s += "\nWarnungen: \(w.count)\n"
        for d in w.prefix(20) { s += "  \(d.description)\n" }
        if w.count > 20 { s += "  … und \(w.count - 20) weitere\n" }
        return s
    }

    public static func prognosetabelle(_ m: Planungsmodell, _ e: Rechenergebnis) -> String {
        let s = "Szenario \(e.szenario) – Zuschussbedarf und Fälle; \(m.basisjahr) = Ist\n"
        var t = Texttabelle(kopf: ["Ebene", "Nr", "Bezeichnung", "Größe"] + e.jahre.map(String.init))
        for einheit in m.einheiten {
            let plan = Teilplan(e, einheit.produkte, modell: m)
            t.zeilen.append(
                [einheit.ebene.bezeichnung, einheit.nr, String(einheit.name.prefix(40)), "Zuschuss"]
                    + plan.zuschuss(m.kontenrahmen).map { Zahlformat.zahl($0) })
            if einheit.ebene == .produkt, let f = plan.faelle {
                t.zeilen.append(["", "", "", "Fälle"] + f.map { Zahlformat.zahl($0) })
            }
        }
        return s + t.text + "\n"
    }

    public static func backtest(_ b: Backtestergebnis) -> String {
        var s =
            "Backtest ab \(b.ab): Prognose mit dem Stand von \(b.ab), verglichen mit dem Ist \(b.jahre.first ?? 0)–\(b.jahre.last ?? 0)\n"
        s +=
            "Abweichung = Prognose − Ist; MAPE = mittlerer absoluter Prozentfehler; Verzerrung = mittlerer Prozentfehler mit Vorzeichen\n"
        for h in b.hinweise { s += "Hinweis: \(h)\n" }
        s += "\n"
        var t = Texttabelle(
            kopf: ["Produkt", "Größe"] + b.jahre.flatMap { ["\($0) Prognose", "\($0) Ist", "Abw. %"] } + [
                "MAPE", "Verzerrung",
            ])
        func zeilen(_ p: Backtestergebnis.Produktzeile) {
            if let fp = p.faelleprognose, p.mapeFaelle != nil {
                var z = ["\(p.nr) \(p.name.prefix(30))", "Fälle"]
                for i in b.jahre.indices {
                    z += [Zahlformat.zahl(fp[i]), Zahlformat.zahl(p.faelleIst[i]), prozent(fp[i], p.faelleIst[i])]
                }
                t.zeilen.append(z + [Zahlformat.prozent(p.mapeFaelle), Zahlformat.prozent(p.biasFaelle)])
            }
            var z = [
                p.mapeFaelle != nil ? "" : "\(p.nr) \(p.name.prefix(30))".trimmingCharacters(in: .whitespaces),
                "Zuschuss",
            ]
            for i in b.jahre.indices {
                z += [
                    Zahlformat.zahl(p.zuschussprognose[i]), Zahlformat.zahl(p.zuschussIst[i]),
                    prozent(p.zuschussprognose[i], p.zuschussIst[i]),
                ]
            }
            t.zeilen.append(z + [Zahlformat.prozent(p.mapeZuschuss), Zahlformat.prozent(p.biasZuschuss)])
        }
        for p in b.produkte { zeilen(p) }
        zeilen(b.gesamt)
        return s + t.text
    }

    public static func backtestCSV(_ b: Backtestergebnis) -> String {
        var s = "produkt;groesse;jahr;prognose;ist\n"
        for p in b.produkte + [b.gesamt] {
            for (i, j) in b.jahre.enumerated() {
                if let fp = p.faelleprognose, p.mapeFaelle != nil {
                    s += "\(p.nr);faelle;\(j);\(Langformat.zahl(fp[i]));\(p.faelleIst[i].map(Langformat.zahl) ?? "")\n"
                }
                s +=
                    "\(p.nr);zuschuss;\(j);\(Langformat.zahl(p.zuschussprognose[i]));\(p.zuschussIst[i].map(Langformat.zahl) ?? "")\n"
            }
        }
        return s
    }

    static func prozent(_ p: Double, _ i: Double?) -> String {
        Zahlformat.prozent(EckwertCore.Backtest.abweichung(p, i))
    }
}
