import EckwertCore
import Foundation

/// One line of the reconciliation: per kind, year and Produktbereich the export's total (as the export signs
/// it), the part written into the model and the part that did not land. `differenz` must be 0.
public struct Abstimmungszeile: Sendable, Hashable {
    public var schluessel: Abstimmungsschluessel
    public var export: Int
    public var uebernommen: Int
    public var nichtUebernommen: Int
    public var differenz: Int { export - uebernommen - nichtUebernommen }
}

/// The result of `eckwert import haushalt`: what was read, written, added and changed, and the reconciliation.
public struct Haushaltsbericht: Sendable {
    public var export: Exportauswertung
    public var abstimmung: [Abstimmungszeile]
    public var neueProdukte: [String] = []
    public var neueGruppen: [String] = []
    public var neueBereiche: [String] = []
    public var aenderungen: [Dateiaenderung] = []
    /// Paths written (empty in a dry run or when nothing changed).
    public var geschrieben: [String] = []
    public var probelauf = false
    public var hinweise: [String] = []
    public var stimmt: Bool { abstimmung.allSatisfy { $0.differenz == 0 } }
}

/// `eckwert import haushalt`: a finance-system export into a model folder (see docs/import.md).
public enum HaushaltImport {
    public static func ausfuehren(
        export exportPfad: String, zuordnung zuordnungPfad: String, modell ordner: String,
        probelauf: Bool
    )
        -> Result<Haushaltsbericht, ModelError>
    {
        let stand: Modellstand
        switch Modellstand.lesen(ordner: ordner) {
        case .failure(let e): return .failure(e)
        case .success(let s): stand = s
        }
        guard let zb = FileManager.default.contents(atPath: zuordnungPfad) else {
            return .failure(ModelError([.error(SourceLocation(file: zuordnungPfad), "Zuordnungsdatei nicht gefunden")]))
        }
        guard let eb = FileManager.default.contents(atPath: exportPfad) else {
            return .failure(ModelError([.error(SourceLocation(file: exportPfad), "Exportdatei nicht gefunden")]))
        }
        let z: HaushaltZuordnung
        switch HaushaltZuordnung.lesen([UInt8](zb), datei: zuordnungPfad, kontenrahmen: stand.kontenrahmen) {
        case .failure(let e): return .failure(e)
        case .success(let w): z = w
        }
        return ausfuehren(export: [UInt8](eb), datei: exportPfad, zuordnung: z, stand: stand, probelauf: probelauf)
    }

    /// The import of an export held in memory (the path above and the fuzz harness of tools/fuzz call it): reads
    /// it by the mapping, reconciles and, unless `probelauf`, writes into the model folder of `stand`.
    public static func ausfuehren(
        export bytes: [UInt8], datei exportPfad: String, zuordnung z: HaushaltZuordnung, stand: Modellstand,
        probelauf: Bool
    ) -> Result<Haushaltsbericht, ModelError> {
        let ex: Exportauswertung
        switch HaushaltExport.lesen(
            bytes, datei: exportPfad, zuordnung: z, kontenrahmen: stand.kontenrahmen,
            bereichImModell: stand.bereich(von:))
        {
        case .failure(let e): return .failure(e)
        case .success(let a): ex = a
        }
        return einspielen(ex, z, stand, quelle: (exportPfad as NSString).lastPathComponent, probelauf: probelauf)
    }

    /// Writes an evaluated export into the model (or only reports, in a dry run).
    static func einspielen(
        _ ex: Exportauswertung, _ z: HaushaltZuordnung, _ stand: Modellstand, quelle: String,
        probelauf: Bool
    ) -> Result<Haushaltsbericht, ModelError> {
        var bericht = Haushaltsbericht(export: ex, abstimmung: [], probelauf: probelauf)
        var satz = Dateisatz()
        let modellText: String
        switch modellEintraege(ex, z, stand, quelle: quelle, &bericht) {
        case .failure(let e): return .failure(e)
        case .success(let t): modellText = t
        }
        satz.setzen(
            URL(fileURLWithPath: stand.ordner).appendingPathComponent("modell.yaml").path,
            Array(modellText.utf8))
        let k = stand.kontenrahmen
        var bereichImExport: [String: String] = [:]
        for p in ex.produkte { if let b = p.bereich { bereichImExport[p.nr] = b } }
        let bereichVon: (String) -> String = { nr in bereichImExport[nr] ?? stand.bereich(von: nr) ?? "–" }
        let seiten = Self.seiten(k)
        var ordnung: [String: Int] = [:]
        for (i, z) in k.zeilen.enumerated() where ordnung[z.key] == nil { ordnung[z.key] = i }
        var uebernommen: [Abstimmungsschluessel: Int] = [:]
        for art in [Wertart.ist, .ansatz, .planung] {
            let rolle = art.rawValue
            var neu: [Datenzeile: Int] = [:]
            var abgedeckt = Set<Datenzeile>()
            for (b, h) in ex.summen where b.art == art {
                neu[Datenzeile(jahr: b.jahr, produkt: b.produkt, groesse: b.zeile)] = h
                abgedeckt.insert(Datenzeile(jahr: b.jahr, produkt: b.produkt, groesse: ""))
            }
            let pfad = stand.pfad(rolle)
            let alt = FileManager.default.contents(atPath: pfad).map { [UInt8]($0) }
            if neu.isEmpty { continue }
            let datei = stand.dateien[rolle] ?? rolle
            let ergebnis = CSVAbgleich.zusammenfuehren(
                alt: alt, datei: datei, neu: neu, abgedeckt: abgedeckt,
                buchungszeile: { seiten[$0] != nil || k.schluessel($0).map { seiten[$0] != nil } ?? false },
                reihenfolge: { ordnung[$0] ?? Int.max }, ansatzOhneJahr: art == .ansatz ? stand.basisjahr + 1 : nil)
            switch ergebnis {
            case .failure(let e): return .failure(e)
            case .success(let (bytes, aend)):
                if alt.map({ $0 != bytes }) ?? true { satz.setzen(pfad, bytes) }
                bericht.aenderungen.append(aend)
                // Read back what will be written: the reconciliation's "übernommen" comes from the file itself.
                switch zurueckgelesen(bytes, datei, art, abgedeckt, z, seiten, bereichVon) {
                case .failure(let e): return .failure(e)
                case .success(let s): uebernommen.merge(s, uniquingKeysWith: +)
                }
            }
        }
        let gruppen = Set(ex.exportSummen.keys).union(uebernommen.keys).union(ex.nichtSummen.keys).sorted()
        bericht.abstimmung = gruppen.map {
            Abstimmungszeile(
                schluessel: $0, export: ex.exportSummen[$0] ?? 0, uebernommen: uebernommen[$0] ?? 0,
                nichtUebernommen: ex.nichtSummen[$0] ?? 0)
        }
        guard bericht.stimmt else {
            let d = bericht.abstimmung.filter { $0.differenz != 0 }.map {
                Diagnostic.error(
                    nil,
                    "Abstimmung stimmt nicht: \($0.schluessel.art.anzeige) \($0.schluessel.jahr) "
                        + "Produktbereich \($0.schluessel.bereich): Differenz "
                        + "\(ImportZahl.anzeige($0.differenz)) – nichts geschrieben")
            }
            return .failure(ModelError(d))
        }
        if !probelauf {
            switch satz.schreiben() {
            case .failure(let e): return .failure(e)
            case .success(let p): bericht.geschrieben = p
            }
        }
        return .success(bericht)
    }

    /// Sums of the written file's amounts of the covered products and years, in the export's sign convention.
    static func zurueckgelesen(
        _ bytes: [UInt8], _ datei: String, _ art: Wertart, _ abgedeckt: Set<Datenzeile>,
        _ z: HaushaltZuordnung, _ seiten: [String: Seite], _ bereich: (String) -> String
    )
        -> Result<[Abstimmungsschluessel: Int], ModelError>
    {
        let t: CSVTabelle
        do { t = try CSV.lesen(bytes, datei: datei) } catch { return .failure(error) }
        guard let ij = t.spalte("jahr"), let ip = t.spalte("produkt"), let ig = t.spalte("groesse"),
            let iw = t.spalte("wert")
        else {
            return .failure(
                ModelError([
                    .error(
                        SourceLocation(file: datei),
                        "Kopfzeile unvollständig nach dem Import")
                ]))
        }
        var s: [Abstimmungsschluessel: Int] = [:]
        for r in t.rows {
            guard let jahr = Int(r.fields[ij].getrimmt) else { continue }
            let produkt = r.fields[ip].getrimmt
            let g = r.fields[ig].getrimmt
            guard abgedeckt.contains(Datenzeile(jahr: jahr, produkt: produkt, groesse: "")), let seite = seiten[g],
                let w = Zahl.parse(r.fields[iw]).flatMap(ImportZahl.hundertstel(ausModell:))
            else { continue }
            let h = z.vorzeichen.modellwert(w, seite)
            s[Abstimmungsschluessel(art: art, jahr: jahr, bereich: bereich(produkt)), default: 0] += h
        }
        return .success(s)
    }

    /// The side of every Buchungszeile of the scheme (sum lines have none).
    static func seiten(_ k: Kontenrahmen) -> [String: Seite] {
        var s: [String: Seite] = [:]
        for z in k.zeilen where !z.istSumme { s[z.key] = z.art == .ertrag ? .ertrag : .aufwand }
        return s
    }
}
