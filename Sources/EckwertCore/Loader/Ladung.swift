/// Reading the files of one model: where the bytes come from, every file read (for the checksum and the
/// summary) and the findings.
final class Dateizugriff {
    let quelle: (String) -> ModellLader.Dateiinhalt
    let befund = Befund()
    private(set) var gelesen: [(name: String, bytes: [UInt8])] = []
    /// Contents fetched ahead by ``vorlesen(_:)`` (not yet counted as read).
    private var vorgelesen: [String: ModellLader.Dateiinhalt] = [:]

    init(quelle: @escaping (String) -> ModellLader.Dateiinhalt) { self.quelle = quelle }

    /// The file's bytes; a missing required file, an oversized or unreadable one is recorded as an error.
    func lies(_ name: String, pflicht: Bool, wozu: String) -> [UInt8]? {
        switch vorgelesen[name] ?? quelle(name) {
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

    /// The file's bytes, fetched ahead of the load's turn to read it: nothing is recorded (neither the file as
    /// read nor any error); `lies` later gives the same content without asking the source again.
    func vorlesen(_ name: String) -> [UInt8]? {
        let inhalt = vorgelesen[name] ?? quelle(name)
        vorgelesen[name] = inhalt
        if case .inhalt(let b) = inhalt { return b }
        return nil
    }

    /// The bytes as UTF-8 text (a byte order mark is dropped); binary or non-UTF-8 content is an error.
    func text(_ bytes: [UInt8], _ name: String) -> String? { Self.text(bytes, name, befund) }

    /// ``text(_:_:)`` recording into `befund`.
    static func text(_ bytes: [UInt8], _ name: String, _ befund: Befund) -> String? {
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
    func dateiname(_ schluessel: String) -> String { Self.dateiname(schluessel, datei.dateien) }

    /// The file name of a source under the `daten:` overrides `dateien`.
    static func dateiname(_ schluessel: String, _ dateien: [String: String]) -> String {
        dateien[schluessel] ?? Datenquellen.quelle(schluessel)?.datei ?? schluessel
    }

    /// Reads source `q`; `vorab` holds values read ahead (``Dateileser/vorab``) by source key, each with the
    /// file name it was read from (used only when that is the name read now).
    func lesen(_ q: Datenquelle, vorab: [String: (datei: String, wert: any Sendable)] = [:]) {
        let name = dateiname(q.schluessel)
        let pflicht = q.pflicht.gilt(fuer: modell.szenarien)
        guard let b = zugriff.lies(name, pflicht: pflicht, wozu: q.wozu + q.pflicht.zusatz) else { return }
        let v = vorab[q.schluessel].flatMap { $0.datei == name ? $0.wert : nil }
        if q.lesen.lesen(b, name, self, v) { lesbar.insert(q.schluessel) }
    }

    /// A file with errors still lends its partial value to the cross-file checks (so that one bad cell does
    /// not cascade into dozens of follow-on messages); the model itself is never built when there are errors.
    func uebernehmen<W>(_ r: Leseergebnis<W>) -> W? {
        befund.diagnostics.append(contentsOf: r.diagnostics)
        return r.wert
    }

    /// The reader of `szenarien.yaml`: the resolved scenarios, and their references for the checks.
    static let szenarien = Dateileser(vorab: { szenarienLesen($0, $1) }) { bytes, name, l, vorab in
        let v = (vorab as? SzenarienVorab) ?? szenarienLesen(bytes, name)
        l.befund.diagnostics.append(contentsOf: v.diagnostics)
        guard let s = v.wert else { return false }
        l.modell.szenarien = s.szenarien
        l.datei.verweise += s.verweise
        return true
    }

    typealias SzenarienVorab = (
        wert: (szenarien: [Szenario], verweise: [ModellDatei.Verweis])?, diagnostics: [Diagnostic]
    )

    /// `szenarien.yaml` read on its own: the scenarios and the messages in the order of reading.
    static func szenarienLesen(_ bytes: [UInt8], _ name: String) -> SzenarienVorab {
        let befund = Befund()
        guard let t = Dateizugriff.text(bytes, name, befund),
            let w = YAMLDatei.lesen(t, datei: name, befund: befund),
            let s = SzenarienDatei.lesen(w, befund: befund)
        else { return (nil, befund.diagnostics.items) }
        return (s, befund.diagnostics.items)
    }

    /// The reader of `eckwertebeschluss.yaml`: its years and Budgetbereiche are checked against modell.yaml while
    /// reading (without a valid Basisjahr there are no plan years to check against, and the file is skipped).
    static let eckwertebeschluss = Dateileser { bytes, name, l, _ in
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
