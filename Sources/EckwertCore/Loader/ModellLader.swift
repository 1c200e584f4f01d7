import Foundation

/// The result of loading a model folder: the model (nil when there are errors) and every diagnostic found.
public struct Ladeergebnis: Sendable {
    public var modell: Planungsmodell?
    public var diagnostics: [Diagnostic]
    /// Files read (relative names), for the summary.
    public var dateien: [String]
    public var hatFehler: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Loads and validates a model folder (modellformat.md section 1). Reads only; never writes.
public enum ModellLader {
    /// Default file names (modellformat.md section 1); `daten:` in modell.yaml may override them.
    public static let standardDateien: [String: String] = [
        "szenarien": "szenarien.yaml", "bevoelkerung": "bevoelkerung.csv", "ist": "ist.csv",
        "sterbetafel": "sterbetafel.csv", "fruchtbarkeit": "fruchtbarkeit.csv", "wanderung": "wanderung.csv",
        "vorausberechnung": "vorausberechnung.csv", "ansatz": "ansatz.csv",
        "bevoelkerung_historie": "bevoelkerung_historie.csv", "planung": "planung.csv",
        "sondereffekte": "sondereffekte.csv",
        "eckwertebeschluss": "eckwertebeschluss.yaml", "ist_unterjaehrig": "ist_unterjaehrig.csv",
    ]

    /// Largest file the loader reads (a model file beyond this is certainly a mistake).
    public static let maxDateigroesse = 512 * 1024 * 1024

    public static func laden(ordner: String) -> Ladeergebnis {
        let url = URL(fileURLWithPath: ordner)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: ordner, isDirectory: &isDir), isDir.boolValue else {
            let d = Diagnostic.error(SourceLocation(file: ordner), "Modellordner nicht gefunden (erwartet ein Ordner mit modell.yaml und szenarien.yaml)")
            return Ladeergebnis(modell: nil, diagnostics: [d], dateien: [])
        }
        let name = url.standardizedFileURL.lastPathComponent
        return laden(name: name) { datei in
            let pfad = url.appendingPathComponent(datei).path
            guard FileManager.default.fileExists(atPath: pfad) else { return .fehlt }
            guard let attr = try? FileManager.default.attributesOfItem(atPath: pfad),
                  let size = attr[.size] as? Int, size <= maxDateigroesse else { return .zuGross }
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
        let befund = Befund()
        var gelesen: [(name: String, bytes: [UInt8])] = []
        func lies(_ name: String, pflicht: Bool, wozu: String) -> [UInt8]? {
            switch quelle(name) {
            case .fehlt:
                if pflicht { befund.fehler(SourceLocation(file: name), "Datei fehlt (\(wozu))") }
                return nil
            case .zuGross:
                befund.fehler(SourceLocation(file: name), "Datei ist größer als \(maxDateigroesse / 1_048_576) MB")
                return nil
            case .unlesbar:
                befund.fehler(SourceLocation(file: name), "Datei nicht lesbar")
                return nil
            case .inhalt(let bytes):
                gelesen.append((name, bytes))
                return bytes
            }
        }
        func text(_ bytes: [UInt8], _ name: String) -> String? {
            var b = bytes[...]
            if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
            if b.contains(0) {
                befund.fehler(SourceLocation(file: name), "Datei enthält Binärdaten (NUL-Bytes) – erwartet ist UTF-8-Text")
                return nil
            }
            guard let s = String(validating: b, as: UTF8.self) else {
                let zeile = Self.ersteUngueltigeZeile(Array(b))
                befund.fehler(SourceLocation(file: name, line: zeile),
                              "Datei ist nicht UTF-8-kodiert (Zeile \(zeile)) – bitte als UTF-8 speichern")
                return nil
            }
            return s
        }

        // A file with errors still lends its partial value to the cross-file checks (so that one bad cell does
        // not cascade into dozens of follow-on messages); the model itself is never built when there are errors.
        func uebernehmen<W>(_ r: Leseergebnis<W>) -> W? {
            befund.diagnostics.append(contentsOf: r.diagnostics)
            return r.wert
        }

        // modell.yaml
        guard let mb = lies("modell.yaml", pflicht: true, wozu: "Kommune, Jahre, Produkte, Kennzahlen, Ziele"),
              let mt = text(mb, "modell.yaml"),
              let mw = YAMLDatei.lesen(mt, datei: "modell.yaml", befund: befund),
              var md = ModellDatei.lesen(mw, befund: befund) else {
            return Ladeergebnis(modell: nil, diagnostics: befund.diagnostics.items, dateien: gelesen.map(\.name))
        }
        func datei(_ key: String) -> String { md.dateien[key] ?? standardDateien[key] ?? key }

        // Kontenrahmen
        var kr = Kontenrahmen.nkf
        if let (angabe, ort) = md.kontenrahmenAngabe, angabe != "nkf" {
            if angabe.hasSuffix(".yaml") || angabe.hasSuffix(".yml") {
                if let b = lies(angabe, pflicht: true, wozu: "Kontenrahmen"), let t = text(b, angabe),
                   let eigen = KontenrahmenLeser.lesen(t, datei: angabe, befund: befund) {
                    kr = eigen
                }
            } else {
                befund.fehler(ort, "kontenrahmen: erwartet 'nkf' oder eine YAML-Datei des Modellordners, gefunden '\(angabe)'")
            }
        }

        // szenarien.yaml
        var szenarien: [Szenario] = []
        var szVerweise: [ModellDatei.Verweis] = []
        if let b = lies(datei("szenarien"), pflicht: true, wozu: "Szenarien best, status-quo, worst"),
           let t = text(b, datei("szenarien")),
           let w = YAMLDatei.lesen(t, datei: datei("szenarien"), befund: befund),
           let s = SzenarienDatei.lesen(w, befund: befund) {
            szenarien = s.szenarien
            szVerweise = s.verweise
        }
        md.verweise += szVerweise

        // CSV data
        let brauchtKohorten = szenarien.contains { $0.bevoelkerung.methode == .kohorten }
        let brauchtVB = szenarien.contains { $0.bevoelkerung.methode == .vorausberechnung }
        var lesbar = Modellpruefung.Gelesen()
        var bev: Bevoelkerung?
        if let b = lies(datei("bevoelkerung"), pflicht: true, wozu: "Bevölkerung am 31.12. des Basisjahres") {
            bev = uebernehmen(Datendateien.bevoelkerung(bytes: b, datei: datei("bevoelkerung")))
        }
        lesbar.bevoelkerung = bev != nil
        var ist = IstDaten()
        lesbar.ist = false
        if let b = lies(datei("ist"), pflicht: true, wozu: "Ist-Daten vergangener Jahre"),
           let gelesenesIst = uebernehmen(Datendateien.ist(bytes: b, datei: datei("ist"))) {
            ist = gelesenesIst
            lesbar.ist = true
        }
        var sterbe: Sterbetafel?, frucht: Fruchtbarkeit?, wand: Wanderungsprofil?
        let kw = "für methode kohorten"
        if let b = lies(datei("sterbetafel"), pflicht: brauchtKohorten, wozu: "Sterbetafel \(kw)") {
            sterbe = uebernehmen(Datendateien.sterbetafel(bytes: b, datei: datei("sterbetafel")))
        }
        if let b = lies(datei("fruchtbarkeit"), pflicht: brauchtKohorten, wozu: "Fruchtbarkeitsziffern \(kw)") {
            frucht = uebernehmen(Datendateien.fruchtbarkeit(bytes: b, datei: datei("fruchtbarkeit")))
        }
        if let b = lies(datei("wanderung"), pflicht: brauchtKohorten, wozu: "Wanderungsprofil \(kw)") {
            wand = uebernehmen(Datendateien.wanderung(bytes: b, datei: datei("wanderung")))
        }
        var vb: Vorausberechnung?
        if let b = lies(datei("vorausberechnung"), pflicht: brauchtVB, wozu: "amtliche Vorausberechnung für methode vorausberechnung") {
            vb = uebernehmen(Datendateien.vorausberechnung(bytes: b, datei: datei("vorausberechnung")))
        }
        var ansatz: Ansatz?
        if let b = lies(datei("ansatz"), pflicht: false, wozu: "") {
            ansatz = uebernehmen(Datendateien.ansatz(bytes: b, datei: datei("ansatz"), standardjahr: md.basisjahr + 1))
        }
        var planung: Jahreswerte?, sondereffekte: Jahreswerte?
        if let b = lies(datei("planung"), pflicht: false, wozu: "") {
            planung = uebernehmen(Datendateien.jahreswerte(bytes: b, datei: datei("planung")))
        }
        if let b = lies(datei("sondereffekte"), pflicht: false, wozu: "") {
            sondereffekte = uebernehmen(Datendateien.jahreswerte(bytes: b, datei: datei("sondereffekte")))
        }
        var historie: BevoelkerungHistorie?
        if let b = lies(datei("bevoelkerung_historie"), pflicht: false, wozu: "") {
            historie = uebernehmen(Datendateien.bevoelkerungHistorie(bytes: b, datei: datei("bevoelkerung_historie")))
        }
        var beschluss: Eckwertebeschluss?
        if let b = lies(datei("eckwertebeschluss"), pflicht: false, wozu: ""), let t = text(b, datei("eckwertebeschluss")),
           md.basisjahrGueltig {
            beschluss = Kreislaufdateien.eckwertebeschluss(t, datei: datei("eckwertebeschluss"),
                                                           budgetbereiche: md.budgetbereiche.map(\.0.id),
                                                           jahre: (md.basisjahr + 1)...max(md.basisjahr + 1, md.horizont),
                                                           befund: befund)
        }
        var unterjaehrig: IstUnterjaehrig?
        if let b = lies(datei("ist_unterjaehrig"), pflicht: false, wozu: "") {
            unterjaehrig = uebernehmen(Kreislaufdateien.istUnterjaehrig(bytes: b, datei: datei("ist_unterjaehrig")))
            if let u = unterjaehrig {
                let nrs = Set(md.produkte.map(\.nr))
                for (k, zeile) in u.zeilen.sorted(by: { $0.value < $1.value }) {
                    let ort = { (c: Int) in SourceLocation(file: datei("ist_unterjaehrig"), line: zeile, column: c) }
                    if !nrs.contains(k.produkt) { befund.fehler(ort(3), "Produkt '\(k.produkt)' gibt es in modell.yaml nicht") }
                    if k.groesse != "faelle" && !kr.istBuchungszeile(k.groesse) {
                        var t = "Größe '\(k.groesse)' ist keine Buchungszeile des Kontenrahmens \(kr.id) und nicht 'faelle'"
                        if let h = Aehnlichkeit.vorschlag(k.groesse, aus: kr.buchungszeilen) { t += " – meinten Sie '\(h)'?" }
                        befund.fehler(ort(4), t)
                    }
                }
            }
        }

        // Checksum over every file read, in name order.
        var sha = SHA256()
        for f in gelesen.sorted(by: { $0.name < $1.name }) {
            sha.update(Array(f.name.utf8))
            sha.update([0])
            sha.update(f.bytes)
        }
        let pruefsumme = sha.finalize()

        var modell = Planungsmodell(
            name: name, kommune: md.kommune, basisjahr: md.basisjahr, haushaltsjahr: md.haushaltsjahr,
            horizont: md.horizont, kontenrahmen: kr, rundung: md.rundung, altersgruppen: md.altersgruppen,
            produkte: md.produkte, produktgruppen: md.produktgruppen, produktbereiche: md.produktbereiche,
            budgetbereiche: md.budgetbereiche.map(\.0), kennzahlen: md.kennzahlen, ziele: md.ziele,
            massnahmen: md.massnahmen.map(\.0), investitionen: md.investitionen.map(\.0),
            geheimhaltung: md.geheimhaltung, strategischeZiele: md.strategischeZiele, abc: md.abc,
            budgetvarianten: md.budgetvarianten, platzkosten: md.platzkosten, deckungsmittel: md.deckungsmittel,
            szenarien: szenarien,
            bevoelkerung: bev ?? Bevoelkerung(gebiete: []), ist: ist, sterbetafel: sterbe, fruchtbarkeit: frucht,
            wanderung: wand, vorausberechnung: vb, ansatz: ansatz, bevoelkerungHistorie: historie,
            pruefsumme: pruefsumme, stand: md.stand ?? Datum(jahr: md.basisjahr, monat: 12, tag: 31),
            planung: planung, sondereffekte: sondereffekte, zuschussbedarf: md.zuschussbedarf,
            plausibilitaet: md.plausibilitaet)
        modell.kontenrahmen.zuschussMitILV = md.zuschussbedarf == .mitILV
        Planpruefung.vorgaengerUebernehmen(&modell)
        modell.stufe = md.stufe
        modell.eckwertebeschluss = beschluss
        modell.istUnterjaehrig = unterjaehrig
        Modellpruefung.pruefen(&modell, md, dateien: (ist: datei("ist"), ansatz: datei("ansatz"),
                                                      vorausberechnung: datei("vorausberechnung"),
                                                      historie: datei("bevoelkerung_historie"),
                                                      bevoelkerung: datei("bevoelkerung")),
                               gelesen: lesbar, befund: befund)
        // One Sozialraum order for every population of the model (the order of bevoelkerung.csv): the engine and
        // the Monte-Carlo draws address Sozialräume by index. The loader has checked that the sets agree.
        if let vb = modell.vorausberechnung {
            modell.vorausberechnung = Vorausberechnung(varianten: vb.varianten.mapValues { $0.mapValues { $0.umgeordnet(nach: modell.bevoelkerung.gebiete) } })
        }
        if let h = modell.bevoelkerungHistorie {
            modell.bevoelkerungHistorie = BevoelkerungHistorie(jahre: h.jahre.mapValues { $0.umgeordnet(nach: modell.bevoelkerung.gebiete) })
        }
        let diags = begrenzt(befund.diagnostics.sorted)
        let fehler = diags.contains { $0.severity == .error }
        return Ladeergebnis(modell: fehler ? nil : modell, diagnostics: diags, dateien: gelesen.map(\.name).sorted())
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
            out.append(Diagnostic(w.1, SourceLocation(file: datei), "… und \(w.0) weitere Befunde in dieser Datei (nur die ersten \(maxBefundeJeDatei) sind aufgeführt)"))
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
