/// Reading the files of one model: where the bytes come from, every file read (for the checksum and the
/// summary) and the findings.
final class Dateizugriff {
    let quelle: (String) -> ModellLader.Dateiinhalt
    let befund = Befund()
    private(set) var gelesen: [(name: String, bytes: [UInt8])] = []

    init(quelle: @escaping (String) -> ModellLader.Dateiinhalt) { self.quelle = quelle }

    /// The file's bytes; a missing required file, an oversized or unreadable one is recorded as an error.
    func lies(_ name: String, pflicht: Bool, wozu: String) -> [UInt8]? {
        switch quelle(name) {
        case .fehlt:
            if pflicht { befund.fehler(SourceLocation(file: name), "Datei fehlt (\(wozu))") }
            return nil
        case .zuGross:
            befund.fehler(
                SourceLocation(file: name), "Datei ist größer als \(ModellLader.maxDateigroesse / 1_048_576) MB")
            return nil
        case .unlesbar:
            befund.fehler(SourceLocation(file: name), "Datei nicht lesbar")
            return nil
        case .inhalt(let bytes):
            gelesen.append((name, bytes))
            return bytes
        }
    }

    /// The bytes as UTF-8 text (a byte order mark is dropped); binary or non-UTF-8 content is an error.
    func text(_ bytes: [UInt8], _ name: String) -> String? {
        var b = bytes[...]
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
        if b.contains(0) {
            befund.fehler(SourceLocation(file: name), "Datei enthält Binärdaten (NUL-Bytes) – erwartet ist UTF-8-Text")
            return nil
        }
        guard let s = String(validating: b, as: UTF8.self) else {
            let zeile = ModellLader.ersteUngueltigeZeile(Array(b))
            let text =
                Kodierung.istWindows1252(Array(b))
                ? "\(Kodierung.windows1252) (erstes solches Zeichen in Zeile \(zeile))"
                : "Datei ist nicht UTF-8-kodiert (Zeile \(zeile)) – bitte als UTF-8 speichern"
            befund.fehler(SourceLocation(file: name, line: zeile), text)
            return nil
        }
        return s
    }
}

/// One load in progress: `modell.yaml` as read, the model the data sources fill in, and which sources gave a
/// value (checks that depend on an unreadable one are skipped: its own error already says what is wrong).
final class Ladung {
    let zugriff: Dateizugriff
    var datei: ModellDatei
    var modell: Planungsmodell
    private(set) var lesbar: Set<String> = []

    init(zugriff: Dateizugriff, datei: ModellDatei, modell: Planungsmodell) {
        self.zugriff = zugriff
        self.datei = datei
        self.modell = modell
    }

    var befund: Befund { zugriff.befund }

    /// The file name of a source: the `daten:` override or the default.
    func dateiname(_ schluessel: String) -> String {
        datei.dateien[schluessel] ?? Datenquellen.quelle(schluessel)?.datei ?? schluessel
    }

    func lesen(_ q: Datenquelle) {
        let name = dateiname(q.schluessel)
        let pflicht = q.pflicht.gilt(fuer: modell.szenarien)
        guard let b = zugriff.lies(name, pflicht: pflicht, wozu: q.wozu + q.pflicht.zusatz) else { return }
        if q.lesen(b, name, self) { lesbar.insert(q.schluessel) }
    }

    /// A file with errors still lends its partial value to the cross-file checks (so that one bad cell does
    /// not cascade into dozens of follow-on messages); the model itself is never built when there are errors.
    func uebernehmen<W>(_ r: Leseergebnis<W>) -> W? {
        befund.diagnostics.append(contentsOf: r.diagnostics)
        return r.wert
    }

    /// The reader of `szenarien.yaml`: the resolved scenarios, and their references for the checks.
    static let szenarien: @Sendable ([UInt8], String, Ladung) -> Bool = { bytes, name, l in
        guard let t = l.zugriff.text(bytes, name),
            let w = YAMLDatei.lesen(t, datei: name, befund: l.befund),
            let s = SzenarienDatei.lesen(w, befund: l.befund)
        else { return false }
        l.modell.szenarien = s.szenarien
        l.datei.verweise += s.verweise
        return true
    }

    /// The reader of `eckwertebeschluss.yaml`: its years and Budgetbereiche are checked against modell.yaml while
    /// reading (without a valid Basisjahr there are no plan years to check against, and the file is skipped).
    static let eckwertebeschluss: @Sendable ([UInt8], String, Ladung) -> Bool = { bytes, name, l in
        let md = l.datei
        guard md.basisjahrGueltig, let t = l.zugriff.text(bytes, name),
            let b = Kreislaufdateien.eckwertebeschluss(
                t, datei: name, budgetbereiche: md.budgetbereiche.map(\.0.id),
                jahre: (md.basisjahr + 1)...max(md.basisjahr + 1, md.horizont),
                befund: l.befund)
        else { return false }
        l.modell.eckwertebeschluss = b
        return true
    }
}
