import Foundation

/// The result of loading a model folder: the model (nil when there are errors) and every diagnostic found.
public struct Ladeergebnis: Sendable {
    public var modell: Planungsmodell?
    public var diagnostics: [Diagnostic]
    /// Files read (relative names), for the summary.
    public var dateien: [String]
    /// Errors and warnings found, all of them (the listing is cut at `maxBefundeJeDatei` per file).
    public var anzahlFehler: Int
    public var anzahlWarnungen: Int
    public var hatFehler: Bool { anzahlFehler > 0 }

    init(modell: Planungsmodell?, diagnostics: [Diagnostic], dateien: [String], alle: [Diagnostic]? = nil) {
        self.modell = modell
        self.diagnostics = diagnostics
        self.dateien = dateien
        anzahlFehler = (alle ?? diagnostics).filter { $0.severity == .error }.count
        anzahlWarnungen = (alle ?? diagnostics).filter { $0.severity == .warning }.count
    }
}

/// Loads and validates a model folder (modellformat.md section 1): `modell.yaml`, the Kontenrahmen, then every data source
/// of `Datenquellen.alle`, then the cross-file checks of `Modellpruefung`. Reads only; never writes.
public enum ModellLader {
    /// Largest file the loader reads (a model file beyond this is certainly a mistake).
    public static let maxDateigroesse = 512 * 1024 * 1024

    public static func laden(ordner: String) -> Ladeergebnis {
        let url = URL(fileURLWithPath: ordner)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: ordner, isDirectory: &isDir), isDir.boolValue else {
            let d = Diagnostic.error(
                SourceLocation(file: ordner),
                "Modellordner nicht gefunden (erwartet ein Ordner mit modell.yaml und szenarien.yaml)")
            return Ladeergebnis(modell: nil, diagnostics: [d], dateien: [])
        }
        let name = url.standardizedFileURL.lastPathComponent
        return laden(name: name) { datei in
            let pfad = url.appendingPathComponent(datei).path
            guard FileManager.default.fileExists(atPath: pfad) else { return .fehlt }
            guard let attr = try? FileManager.default.attributesOfItem(atPath: pfad),
                let size = attr[.size] as? Int, size <= maxDateigroesse
            else { return .zuGross }
            guard let data = FileManager.default.contents(atPath: pfad) else { return .unlesbar }
            return .inhalt([UInt8](data))
        }
    }

    /// What reading one file of a model gives.
    public enum Dateiinhalt: Sendable {
        case inhalt([UInt8])
        case fehlt, zuGross, unlesbar
    }

    /// Loads a model from in-memory files (name → bytes), e.g. for tests and fuzzing.
    public static func laden(name: String, dateien: [String: [UInt8]]) -> Ladeergebnis {
        laden(name: name) { dateien[$0].map { .inhalt($0) } ?? .fehlt }
    }

    /// Loads a model whose files come from `lesen` (relative name → content).
    public static func laden(name: String, lesen quelle: (String) -> Dateiinhalt) -> Ladeergebnis {
        withoutActuallyEscaping(quelle) { laden(name: name, zugriff: Dateizugriff(quelle: $0)) }
    }

    /// The files are independent until they are checked against each other: while this thread reads
    /// modell.yaml, a second core reads the data files that can be read ahead (``Dateileser/vorab``); the
    /// checksum and the Sozialraum row checks run beside the other checks. Every message is recorded where the
    /// sequential load records it.
    static func laden(name: String, zugriff: Dateizugriff) -> Ladeergebnis {
        guard
            let bytes = zugriff.lies("modell.yaml", pflicht: true, wozu: "Kommune, Jahre, Produkte, Kennzahlen, Ziele")
        else { return nurModellDatei(zugriff) }
        let vorab = vorablesen(zugriff)
        let zweiterKern = Nebenher { vorab.abarbeiten() }
        let gelesenesModell = modellDatei(bytes, befund: zugriff.befund)
        vorab.abarbeiten()
        zweiterKern.ergebnis()
        let vorabWerte = vorab.werte
        guard let md = gelesenesModell else { return nurModellDatei(zugriff) }
        let ladung = Ladung(
            zugriff: zugriff, datei: md,
            modell: grundmodell(name, md, kontenrahmen: kontenrahmen(md, zugriff)))
        ladung.modell.stufe = md.stufe
        for q in Datenquellen.alle { ladung.lesen(q, vorab: vorabWerte) }
        Planpruefung.vorgaengerUebernehmen(&ladung.modell)
        let sozialraumpruefung = Sozialraumlader.abschliessen(ladung)
        let gelesen = zugriff.gelesen
        let summe = Nebenher { pruefsumme(gelesen) }
        ladung.modell.aliaseAufloesen(
            befund: zugriff.befund, istDatei: ladung.dateiname("ist"),
            ansatzDatei: ladung.dateiname("ansatz"))
        let dateien = ladung.datei.dateien
        Modellpruefung.pruefen(
            ladung.modell, ladung.datei, dateiname: { Ladung.dateiname($0, dateien) }, gelesen: ladung.lesbar,
            befund: zugriff.befund)
        sozialraumpruefung.einfuegen(in: zugriff.befund, modell: &ladung.modell)
        var modell = ladung.modell
        modell.pruefsumme = summe.ergebnis()
        sozialraeumeOrdnen(&modell)
        let alle = zugriff.befund.diagnostics.sorted
        let fehler = alle.contains { $0.severity == .error }
        return Ladeergebnis(
            modell: fehler ? nil : modell, diagnostics: begrenzt(alle),
            dateien: zugriff.gelesen.map(\.name).sorted(), alle: alle)
    }

    /// The result when modell.yaml cannot be read: its messages only.
    static func nurModellDatei(_ z: Dateizugriff) -> Ladeergebnis {
        Ladeergebnis(modell: nil, diagnostics: z.befund.diagnostics.items, dateien: z.gelesen.map(\.name))
    }

    /// Reads ahead every data file under its default name whose reading needs nothing but its bytes: a second
    /// core starts on them at once, this thread joins in once modell.yaml is read (``Vorablesen/abarbeiten()``).
    static func vorablesen(_ z: Dateizugriff) -> Vorablesen {
        var auftraege: [Vorablesen.Auftrag] = []
        for q in Datenquellen.alle {
            if let leser = q.lesen.vorab, let b = z.vorlesen(q.datei) {
                auftraege.append((q.schluessel, q.datei, b, leser))
            }
        }
        // The largest first, so that the two cores finish close together.
        return Vorablesen(auftraege.sorted { $0.bytes.count > $1.bytes.count })
    }

    typealias Vorableser = @Sendable ([UInt8], String) -> any Sendable

    /// `modell.yaml`, read and checked on its own.
    static func modellDatei(_ b: [UInt8], befund: Befund) -> ModellDatei? {
        guard let t = Dateizugriff.text(b, "modell.yaml", befund),
            let w = YAMLDatei.lesen(t, datei: "modell.yaml", befund: befund)
        else { return nil }
        return ModellDatei.lesen(w, befund: befund)
    }

    /// The built-in scheme named by `kontenrahmen:` (default NKF), or the model's own scheme file.
    static func kontenrahmen(_ md: ModellDatei, _ z: Dateizugriff) -> Kontenrahmen {
        // `daten: {kontenrahmen: datei.yaml}` names the scheme file like the other data files; the top-level
        // `kontenrahmen:` names a built-in scheme or a file. Both at once must agree.
        let ausDaten = md.dateien["kontenrahmen"].map { ($0, SourceLocation(file: "modell.yaml")) }
        if let (a, ort) = md.kontenrahmenAngabe, let (d, _) = ausDaten, a != d {
            z.befund.fehler(
                ort, "kontenrahmen: '\(a)' widerspricht daten: {kontenrahmen: \(d)} – bitte nur eines angeben")
        }
        guard let (angabe, ort) = md.kontenrahmenAngabe ?? ausDaten, angabe != "nkf" else { return .nkf }
        return KontenrahmenLeser.waehlen(angabe, ort: ort, befund: z.befund) { name in
            z.lies(name, pflicht: true, wozu: "Kontenrahmen").flatMap { z.text($0, name) }
        } ?? .nkf
    }

    /// The model as `modell.yaml` describes it; the data sources fill in the rest.
    static func grundmodell(_ name: String, _ md: ModellDatei, kontenrahmen: Kontenrahmen) -> Planungsmodell {
        var kr = kontenrahmen
        kr.zuschussMitILV = md.zuschussbedarf == .mitILV
        return Planungsmodell(
            name: name, kommune: md.kommune, basisjahr: md.basisjahr, haushaltsjahr: md.haushaltsjahr,
            horizont: md.horizont, kontenrahmen: kr, rundung: md.rundung, altersgruppen: md.altersgruppen,
            produkte: md.produkte, produktgruppen: md.produktgruppen, produktbereiche: md.produktbereiche,
            budgetbereiche: md.budgetbereiche.map(\.0), kennzahlen: md.kennzahlen, ziele: md.ziele,
            massnahmen: md.massnahmen.map(\.0), investitionen: md.investitionen.map(\.0),
            geheimhaltung: md.geheimhaltung, strategischeZiele: md.strategischeZiele, abc: md.abc,
            budgetvarianten: md.budgetvarianten, platzkosten: md.platzkosten, deckungsmittel: md.deckungsmittel,
            szenarien: [], bevoelkerung: Bevoelkerung(gebiete: []), ist: IstDaten(),
            pruefsumme: "", stand: md.stand ?? Datum(jahr: md.basisjahr, monat: 12, tag: 31),
            zuschussbedarf: md.zuschussbedarf, plausibilitaet: md.plausibilitaet)
    }

    /// SHA-256 over every file read, in name order.
    static func pruefsumme(_ gelesen: [(name: String, bytes: [UInt8])]) -> String {
        var sha = SHA256()
        for f in gelesen.sorted(by: { $0.name < $1.name }) {
            sha.update(Array(f.name.utf8))
            sha.update([0])
            sha.update(f.bytes)
        }
        return sha.finalize()
    }

    /// One Sozialraum order for every population of the model (the order of bevoelkerung.csv): the engine and
    /// the Monte-Carlo draws address Sozialräume by index. The loader has checked that the sets agree.
    static func sozialraeumeOrdnen(_ modell: inout Planungsmodell) {
        let gebiete = modell.bevoelkerung.gebiete
        if let vb = modell.vorausberechnung {
            modell.vorausberechnung = Vorausberechnung(
                varianten: vb.varianten.mapValues { $0.mapValues { $0.umgeordnet(nach: gebiete) } })
        }
        if let h = modell.bevoelkerungHistorie {
            modell.bevoelkerungHistorie = BevoelkerungHistorie(
                jahre: h.jahre.mapValues { $0.umgeordnet(nach: gebiete) })
        }
    }

    /// At most this many findings per file are listed; the rest are counted in one closing line, so that a
    /// pasted column of junk does not bury the first, most telling messages.
    public static let maxBefundeJeDatei = 50

    static func begrenzt(_ ds: [Diagnostic]) -> [Diagnostic] {
        var jeDatei: [String: Int] = [:]
        var weitere: [String: (Int, Diagnostic.Severity)] = [:]
        var out: [Diagnostic] = []
        for d in ds {
            let datei = d.location?.file ?? ""
            let n = jeDatei[datei, default: 0]
            jeDatei[datei] = n + 1
            if n < maxBefundeJeDatei {
                out.append(d)
            } else {
                let w = weitere[datei] ?? (0, .warning)
                weitere[datei] = (w.0 + 1, d.severity == .error ? .error : w.1)
            }
        }
        for (datei, w) in weitere.sorted(by: { $0.key < $1.key }) {
            out.append(
                Diagnostic(
                    w.1, SourceLocation(file: datei),
                    "… und \(w.0) weitere Befunde in dieser Datei (nur die ersten \(maxBefundeJeDatei) sind aufgeführt)"
                ))
        }
        return out
    }

    static func ersteUngueltigeZeile(_ b: [UInt8]) -> Int {
        var zeile = 1
        var start = 0
        for (i, c) in b.enumerated() where c == 0x0A {
            if String(validating: b[start..<i], as: UTF8.self) == nil { return zeile }
            zeile += 1
            start = i + 1
        }
        return zeile
    }
}
