import EckwertCore

extension HaushaltImport {
    /// modell.yaml with the export's new products, Produktgruppen and Produktbereiche appended (as text; existing
    /// entries are never touched). Names that differ from the model's are reported, not changed.
    static func modellEintraege(_ ex: Exportauswertung, _ z: HaushaltZuordnung, _ stand: Modellstand, quelle: String,
                                _ bericht: inout Haushaltsbericht) -> Result<String, ModelError> {
        var gruppen: [String] = [], bereiche: [String] = [], produkte: [String] = []
        var gesehenG = Set(stand.produktgruppen.keys), gesehenB = Set(stand.produktbereiche.keys)
        let q = ModellText.zitiert
        for p in ex.produkte {
            if let g = p.gruppe, !gesehenG.contains(g) {
                gesehenG.insert(g)
                gruppen.append("- {nr: \(q(g)), name: \(q(p.gruppenname ?? "Produktgruppe \(g)"))}")
                bericht.neueGruppen.append(g)
                if p.gruppenname == nil { bericht.hinweise.append("Produktgruppe \(g): kein Name im Export – bitte "
                                                                  + "in modell.yaml eintragen") }
            } else if let g = p.gruppe, let n = p.gruppenname, let alt = stand.produktgruppen[g], alt != n {
                bericht.hinweise.append(Self.anderer("Produktgruppe \(g)", n, alt))
            }
            if let b = p.bereich, !gesehenB.contains(b) {
                gesehenB.insert(b)
                bereiche.append("- {nr: \(q(b)), name: \(q(p.bereichsname ?? "Produktbereich \(b)"))}")
                bericht.neueBereiche.append(b)
                if p.bereichsname == nil { bericht.hinweise.append("Produktbereich \(b): kein Name im Export – bitte "
                                                                   + "in modell.yaml eintragen") }
            } else if let b = p.bereich, let n = p.bereichsname, let alt = stand.produktbereiche[b], alt != n {
                bericht.hinweise.append(Self.anderer("Produktbereich \(b)", n, alt))
            }
            if let alt = stand.produkte[p.nr] {
                if let n = p.name, n != alt {
                    bericht.hinweise.append(Self.anderer("Produkt \(p.nr)", n, alt))
                }
                continue
            }
            if produkte.isEmpty { produkte += ["", "# vom Import hinzugefügt (\(quelle)); art bitte prüfen"] }
            produkte.append("- nr: \(q(p.nr))")
            produkte.append("  name: \(q(p.name ?? "Produkt \(p.nr)"))")
            if let g = p.gruppe, !Modellstand.istPraefix(g, von: p.nr) { produkte.append("  produktgruppe: \(q(g))") }
            if let b = p.bereich, !Modellstand.istPraefix(b, von: p.nr) { produkte.append("  produktbereich: \(q(b))") }
            produkte.append("  art: \(z.neueProdukteArt)")
            bericht.neueProdukte.append(p.nr)
        }
        var text = stand.modellText
        for (liste, e) in [("produkte", produkte), ("produktgruppen", gruppen), ("produktbereiche", bereiche)] {
            switch ModellText.anhaengen(text, liste: liste, e) {
            case .failure(let d): return .failure(d)
            case .success(let t): text = t
            }
        }
        return .success(text)
    }

    static func anderer(_ was: String, _ export: String, _ modell: String) -> String {
        "\(was) heißt im Export '\(export)', im Modell '\(modell)' (nicht geändert)"
    }
}
