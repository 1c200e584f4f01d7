import EckwertCore
import Foundation

/// One amount of the model: kind, year, product and line.
public struct Buchungsschluessel: Sendable, Hashable, Comparable {
    public var art: Wertart
    public var jahr: Int
    public var produkt: String
    public var zeile: String

    public static func < (a: Self, b: Self) -> Bool {
        (a.art, a.jahr, a.produkt, a.zeile) < (b.art, b.jahr, b.produkt, b.zeile)
    }
}

/// A group of the reconciliation: kind, year and Produktbereich ("–" where the row has no product).
public struct Abstimmungsschluessel: Sendable, Hashable, Comparable {
    public var art: Wertart
    public var jahr: Int
    public var bereich: String

    public static func < (a: Self, b: Self) -> Bool { (a.art, a.jahr, a.bereich) < (b.art, b.jahr, b.bereich) }
}

/// A product as the export names it, with its levels.
public struct Produktangabe: Sendable, Hashable {
    public var nr: String
    public var name: String?
    public var gruppe: String?
    public var gruppenname: String?
    public var bereich: String?
    public var bereichsname: String?
    /// Line of its first row.
    public var zeile: Int
}

/// A value of the export that did not land in the model, with where it stands and why.
public struct NichtUebernommen: Sendable, Hashable {
    public var ort: SourceLocation
    public var grund: String
    /// The amount as the export writes it, where it could be read.
    public var betrag: Int?
}

/// What the export holds, read by a mapping: amounts summed per kind, year, product and line (in the model's
/// convention, hundredths of a euro), the products and their levels, and everything that did not land.
public struct Exportauswertung: Sendable {
    public var kodierung: DekodierteDatei
    public var summen: [Buchungsschluessel: Int] = [:]
    public var produkte: [Produktangabe] = []
    public var nichtUebernommen: [NichtUebernommen] = []
    /// Per reconciliation group: the sum of every readable amount as the export writes it, and the part of it
    /// that did not land.
    public var exportSummen: [Abstimmungsschluessel: Int] = [:]
    public var nichtSummen: [Abstimmungsschluessel: Int] = [:]
    public var hinweise: [Diagnostic] = []
    public var datenzeilen = 0
    /// Values of kind VE read (reconciled as not taken over: the model keeps no VE).
    public var veWerte = 0
}

/// Reads a finance-system export by its mapping.
public enum HaushaltExport {
    public static func lesen(
        _ bytes: [UInt8], datei: String, zuordnung z: HaushaltZuordnung,
        kontenrahmen k: Kontenrahmen,
        bereichImModell: @escaping (String) -> String?
    ) -> Result<Exportauswertung, ModelError> {
        var benoetigt = z.spalten.map { (rolle: $0.key, name: $0.value) }
        for w in z.werte { benoetigt.append(("werte", w.spalte)) }
        if let lang = z.lang {
            benoetigt += [("lang jahr", lang.jahr), ("lang art", lang.art), ("lang wert", lang.wert)]
        }
        let it: Importtabelle
        switch Importtabelle.lesen(bytes, datei: datei, kodierung: z.kodierung, spalten: benoetigt) {
        case .failure(let e): return .failure(e)
        case .success(let w): it = w
        }
        let t = it.tabelle
        var a = Auswerter(
            z: z, k: k, t: t, spalte: it.spalte, bereichImModell: bereichImModell,
            e: Exportauswertung(kodierung: it.kodierung))
        for zeile in t.rows { a.zeile(zeile) }
        if let o = a.zuGross {
            return .failure(
                ModelError([
                    .error(
                        o,
                        "die Beträge des Exports ergeben zusammen (ohne Vorzeichen) mehr als 10 Billionen Euro – "
                            + "stimmt das Zahlenformat (zahlenformat: deutsch oder englisch)?")
                ]))
        }
        a.e.datenzeilen = t.rows.count
        if z.spalten["konto"] == nil && z.spalten["zeile"] == nil {
            a.e.hinweise.append(
                .warning(
                    SourceLocation(file: datei),
                    "der Export hat keine Konten oder Zeilen: alle Erträge stehen auf '\(z.ohneZeilen[.ertrag] ?? "")', "
                        + "alle Aufwendungen auf '\(z.ohneZeilen[.aufwand] ?? "")' (laut Zuordnung ohne_zeilen)"))
        }
        return .success(a.e)
    }

    private struct Auswerter {
        let z: HaushaltZuordnung
        let k: Kontenrahmen
        let t: CSVTabelle
        let spalte: [String: Int]
        let bereichImModell: (String) -> String?
        var e: Exportauswertung
        var produktIndex: [String: Int] = [:]
        var kontoCache: [String: String?] = [:]
        /// The sum of the amounts read so far without sign, and where it first passed the bound.
        var betragssumme = 0
        var zuGross: SourceLocation?
        lazy var seiten = HaushaltImport.seiten(k)

        func zelle(_ r: CSVZeile, _ rolle: String) -> (text: String, spalte: Int)? {
            guard let name = z.spalten[rolle], let i = spalte[name] else { return nil }
            return (r.fields[i].getrimmt, i)
        }

        mutating func zeile(_ r: CSVZeile) {
            let produkt = zelle(r, "produkt")?.text ?? ""
            let bereich = produkt.isEmpty ? "–" : produktMerken(r, produkt)
            // The values of this row: (year, kind, side from the column, text, column).
            var werte: [(Int, Wertart, Seite?, String, Int)] = []
            if let lang = z.lang {
                guard let ij = spalte[lang.jahr], let ia = spalte[lang.art], let iw = spalte[lang.wert] else { return }
                let jt = r.fields[ij].getrimmt
                guard let jahr = Int(jt), (1990...2100).contains(jahr) else {
                    return nicht(r, ij, "Jahr '\(jt)' ist kein Jahr (erwartet z. B. 2025)", nil)
                }
                let at = r.fields[ia].getrimmt
                guard let art = lang.arten[at.lowercased()] else {
                    let bekannt = lang.arten.keys.sorted().joined(separator: ", ")
                    return nicht(r, ia, "Wertart '\(at)' steht nicht unter lang: arten (bekannt: \(bekannt))", nil)
                }
                werte.append((jahr, art, nil, r.fields[iw], iw))
            } else {
                for w in z.werte {
                    if let i = spalte[w.spalte] { werte.append((w.jahr, w.art, w.seite, r.fields[i], i)) }
                }
            }
            for (jahr, art, seite, text, i) in werte {
                wert(r, produkt: produkt, bereich: bereich, jahr: jahr, art: art, seite: seite, text: text, spalte: i)
            }
        }

        mutating func wert(
            _ r: CSVZeile, produkt: String, bereich: String, jahr: Int, art: Wertart, seite: Seite?,
            text: String, spalte i: Int
        ) {
            let roh: Int
            switch ImportZahl.hundertstel(text, z.zahlenformat) {
            case .failure(.leer): return
            case .failure(let f):
                return nicht(r, i, "\(art.anzeige) \(jahr): Betrag '\(text)' nicht lesbar: \(f.text)", nil)
            case .success(let h): roh = h
            }
            if zuGross != nil { return }
            if betragssumme + abs(roh) > ImportZahl.hoechsteBetragssumme { zuGross = t.ort(r, spalte: i); return }
            betragssumme += abs(roh)
            let g = Abstimmungsschluessel(art: art, jahr: jahr, bereich: bereich)
            e.exportSummen[g, default: 0] += roh
            if art == .ve {
                // The model keeps no Verpflichtungsermächtigungen: counted, reconciled as not taken over.
                e.nichtSummen[g, default: 0] += roh
                e.veWerte += 1
                return
            }
            func weg(_ spalte: Int, _ grund: String) {
                e.nichtSummen[g, default: 0] += roh
                nicht(r, spalte, "\(art.anzeige) \(jahr): \(grund)", roh)
            }
            if produkt.isEmpty { return weg(self.spalte[z.spalten["produkt"] ?? ""] ?? i, "keine Produktnummer") }
            var kennz: Seite? = seite
            if let (kt, ki) = zelle(r, "kennzeichen") {
                guard let s = z.kennzeichen[kt.lowercased()] else {
                    return weg(ki, "Kennzeichen '\(kt)' ist weder Ertrag noch Aufwand laut Zuordnung kennzeichen")
                }
                kennz = s
            }
            let linie: String
            switch zeileFinden(r, kennz) {
            case .failure(let f): return weg(f.spalte, f.grund)
            case .success(let l): linie = l
            }
            let zeilenseite = seiten[linie] ?? .aufwand
            if let kennz, kennz != zeilenseite {
                return weg(
                    zelle(r, "kennzeichen")?.spalte ?? i,
                    "Kennzeichen \(kennz.rawValue) passt nicht zur Zeile '\(linie)' (\(zeilenseite.rawValue))")
            }
            let b = Buchungsschluessel(art: art, jahr: jahr, produkt: produkt, zeile: linie)
            e.summen[b, default: 0] += z.vorzeichen.modellwert(roh, zeilenseite)
        }

        struct Grund: Error { var spalte: Int; var grund: String }

        mutating func zeileFinden(_ r: CSVZeile, _ seite: Seite?) -> Result<String, Grund> {
            if let (konto, i) = zelle(r, "konto") {
                if konto.isEmpty { return .failure(Grund(spalte: i, grund: "kein Sachkonto")) }
                if let l = kontoCache[konto] {
                    return l.map { .success($0) } ?? .failure(Grund(spalte: i, grund: unbekanntesKonto(konto)))
                }
                var l: String? = nil
                var laenge = 0
                for (p, zl) in z.konten where konto.hasPrefix(p) && p.count > laenge { l = zl; laenge = p.count }
                if l == nil { l = k.zeilenschluessel(fuerKonto: konto) }
                kontoCache[konto] = .some(l)
                return l.map { .success($0) } ?? .failure(Grund(spalte: i, grund: unbekanntesKonto(konto)))
            }
            if let (code, i) = zelle(r, "zeile") {
                if let l = z.zeilen[code.lowercased()] { return .success(l) }
                if let key = k.schluessel(code), k.istBuchungszeile(key) { return .success(key) }
                if let zl = k.zeilen.first(where: { $0.nr == code }), !zl.istSumme { return .success(zl.key) }
                return .failure(
                    Grund(
                        spalte: i,
                        grund: "Zeile '\(code)' ist keine Buchungszeile des Kontenrahmens "
                            + "\(k.id) und steht nicht unter zeilen in der Zuordnung"))
            }
            guard let seite, let l = z.ohneZeilen[seite] else {
                return .failure(Grund(spalte: 0, grund: "weder Konto noch Zeile noch Ertrag/Aufwand erkennbar"))
            }
            return .success(l)
        }

        func unbekanntesKonto(_ konto: String) -> String {
            "Sachkonto \(konto) gehört zu keiner Zeile (weder Kontengruppe des Kontenrahmens \(k.id) noch konten "
                + "in der Zuordnung)"
        }

        mutating func nicht(_ r: CSVZeile, _ spalte: Int, _ grund: String, _ betrag: Int?) {
            e.nichtUebernommen.append(NichtUebernommen(ort: t.ort(r, spalte: spalte), grund: grund, betrag: betrag))
        }

        /// Records the product's name and levels at its first row; returns its Produktbereich.
        mutating func produktMerken(_ r: CSVZeile, _ nr: String) -> String {
            if let i = produktIndex[nr] { return e.produkte[i].bereich ?? bereichImModell(nr) ?? "–" }
            func feld(_ rolle: String) -> String? { zelle(r, rolle).flatMap { $0.text.isEmpty ? nil : $0.text } }
            var p = Produktangabe(
                nr: nr, name: feld("produktname"), gruppe: feld("produktgruppe"),
                gruppenname: feld("produktgruppenname"), bereich: feld("produktbereich"),
                bereichsname: feld("produktbereichsname"), zeile: r.line)
            let ziffern = nr.allSatisfy(\.isNumber)
            if p.gruppe == nil, let n = z.stellenGruppe, ziffern, nr.count > n { p.gruppe = String(nr.prefix(n)) }
            if p.bereich == nil, let n = z.stellenBereich, ziffern, nr.count > n { p.bereich = String(nr.prefix(n)) }
            produktIndex[nr] = e.produkte.count
            e.produkte.append(p)
            return p.bereich ?? bereichImModell(nr) ?? "–"
        }
    }
}
