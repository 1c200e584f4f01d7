import EckwertCore

extension HaushaltImport {
    /// modell.yaml with the export's new products, Produktgruppen and Produktbereiche appended (as text; existing
    /// entries are never touched). Names that differ from the model's are reported, not changed.
    static func modellEintraege(
        _ ex: Exportauswertung, _ z: HaushaltZuordnung, _ stand: Modellstand, quelle: String,
        _ bericht: inout Haushaltsbericht
    ) -> Result<String, ModelError> {
        var gruppen: [String] = [], bereiche: [String] = [], produkte: [String] = []
        var gesehenG = Set(stand.produktgruppen.keys), gesehenB = Set(stand.produktbereiche.keys)
        let q = ModellText.zitiert
        /// A level of the export: new (appended, named or with a note to name it) or known (names compared).
        func ebene(
            _ art: String, _ nr: String, _ name: String?, _ imModell: [String: String],
            _ gesehen: inout Set<String>, _ eintraege: inout [String], _ neu: inout [String]
        ) {
            if !gesehen.contains(nr) {
                gesehen.insert(nr)
                eintraege.append("- {nr: \(q(nr)), name: \(q(name ?? "\(art) \(nr)"))}")
                neu.append(nr)
                if name == nil {
                    bericht.hinweise.append("\(art) \(nr): kein Name im Export – bitte in modell.yaml eintragen")
                }
            } else if let name, let alt = imModell[nr], alt != name {
                bericht.hinweise.append(Self.anderer("\(art) \(nr)", name, alt))
            }
        }
        for p in ex.produkte {
            if let g = p.gruppe {
                ebene(
                    "Produktgruppe", g, p.gruppenname, stand.produktgruppen, &gesehenG, &gruppen, &bericht.neueGruppen)
            }
            if let b = p.bereich {
                ebene(
                    "Produktbereich", b, p.bereichsname, stand.produktbereiche, &gesehenB, &bereiche,
                    &bericht.neueBereiche)
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
        var gesehen = Set<String>()
        bericht.hinweise = bericht.hinweise.filter { gesehen.insert($0).inserted }
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
