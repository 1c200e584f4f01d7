import EckwertCore
import EckwertImport
import Foundation

/// `nummern`: the product numbering. The input's lines (bytes mapped onto digits, dots, a dash, a space and two
/// letters, the characters numbers are written with) declare Produktgruppen (`G…`), Produktbereiche (`B…`) and
/// products (`nr` or `nr|gruppe|bereich` with the levels written on the product). With the first byte even the
/// numbering rule is checked against a direct definition (the longest declared level that is a leading part at a
/// dot, or any leading part of an undotted number); with it odd the same numbers go into a modell.yaml that the
/// loader reads (levels, references, "meinten Sie" hints).
struct NummernZiel: Ziel {
    static let zeichen = Array("0123456789012345678901234567890123456789....-. aB".utf8)
    let vorlage = String(decoding: datei("tools/fuzz/daten/nummern/modell.yaml"), as: UTF8.self)

    struct Eingabe {
        var gruppen: [String] = []
        var bereiche: [String] = []
        var produkte: [(nr: String, gruppe: String?, bereich: String?)] = []
    }

    static func zerlegen(_ b: ArraySlice<UInt8>) -> Eingabe {
        var e = Eingabe()
        for zeile in b.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(60) {
            guard let art = zeile.first else { continue }
            let teile = zeile.dropFirst().split(separator: 0x7C, omittingEmptySubsequences: false).map {
                String(decoding: $0.prefix(40).map { zeichen[Int($0) % zeichen.count] }, as: UTF8.self)
            }
            switch art % 4 {
            case 0: e.gruppen.append(teile[0])
            case 1: e.bereiche.append(teile[0])
            default:
                e.produkte.append(
                    (teile[0], teile.count > 1 ? teile[1] : nil, teile.count > 2 ? teile[2] : nil))
            }
        }
        return e
    }

    func pruefen(_ d: [UInt8]) {
        guard let w = d.first else { return }
        let e = Self.zerlegen(d.dropFirst())
        if w % 2 == 0 { regel(e, d) } else { laden(e, d) }
    }

    /// The longest declared level of `menge` that `nr` lies under (not `nr` itself), by direct search.
    static func laengste(_ nr: String, _ menge: Set<String>) -> String? {
        menge.filter { $0 != nr && Produktnummerung.liegt(nr, unter: $0) }.max { $0.utf8.count < $1.utf8.count }
    }

    func regel(_ e: Eingabe, _ d: [UInt8]) {
        let n = Produktnummerung(produktgruppen: e.gruppen, produktbereiche: e.bereiche)
        for p in e.produkte {
            let g = n.gruppe(von: p.nr), b = n.bereich(von: p.nr)
            if g != Self.laengste(p.nr, n.gruppen) || b != Self.laengste(p.nr, n.bereiche) {
                verletzt("Ebene von '\(p.nr)': \(g ?? "–")/\(b ?? "–")", d)
            }
            for v in Produktnummerung.praefixe(p.nr) where !Produktnummerung.liegt(p.nr, unter: v) {
                verletzt("Präfix '\(v)' von '\(p.nr)' liegt nicht darüber", d)
            }
            var x = Produkt(nr: p.nr, name: "P", art: .pflicht)
            x.produktgruppe = p.gruppe
            x.produktbereich = p.bereich
            x.produktgruppeAngegeben = p.gruppe != nil
            x.produktbereichAngegeben = p.bereich != nil
            n.zuordnen(&x)
            let erwartetG = p.gruppe ?? g
            let erwartetB = p.bereich ?? b ?? erwartetG.flatMap { n.bereich(von: $0) }
            if x.produktgruppe != erwartetG || x.produktbereich != erwartetB {
                verletzt("zuordnen '\(p.nr)'", d)
            }
            for v in [x.produktgruppe, x.produktbereich].compactMap({ $0 }) where !x.ebenen.contains(v) {
                verletzt("Ebene '\(v)' fehlt in ebenen von '\(p.nr)'", d)
            }
        }
    }

    func laden(_ e: Eingabe, _ d: [UInt8]) {
        func q(_ s: String) -> String { "\"" + s + "\"" }
        var produkte = ""
        for (i, p) in e.produkte.enumerated() {
            produkte += "  - {nr: \(q(p.nr)), name: Produkt \(i), art: pflicht"
            if let g = p.gruppe { produkte += ", produktgruppe: \(q(g))" }
            if let b = p.bereich { produkte += ", produktbereich: \(q(b))" }
            produkte += "}\n"
        }
        let gruppen = e.gruppen.enumerated().map { "  - {nr: \(q($0.element)), name: Gruppe \($0.offset)}\n" }
        let bereiche = e.bereiche.enumerated().map { "  - {nr: \(q($0.element)), name: Bereich \($0.offset)}\n" }
        let budget = (e.gruppen + e.bereiche + e.produkte.map(\.nr)).prefix(3).map(q).joined(separator: ", ")
        let text = vorlage.replacingOccurrences(of: "#PRODUKTE\n", with: produkte)
            .replacingOccurrences(of: "#GRUPPEN\n", with: gruppen.joined())
            .replacingOccurrences(of: "#BEREICHE\n", with: bereiche.joined())
            .replacingOccurrences(of: "#BUDGET", with: budget)
        let r = ModellLader.laden(name: "fuzz", dateien: ["modell.yaml": Array(text.utf8)])
        for x in r.diagnostics where x.severity == .error && x.location == nil {
            verletzt("Meldung ohne Datei: \(x.message)", d)
        }
        _ = r.diagnostics.map(\.description)
    }
}

/// `kontenrahmen`: the input is a line-scheme file (the format of the built-in schemes). When it is accepted,
/// accounts are mapped by its account groups and the fixed small exports are imported onto it (dry run).
struct KontenrahmenZiel: Ziel {
    let stand = modellstand("scenarios/importbeispiel/beispielstadt")
    let zuordnung = datei("tools/fuzz/daten/kontenrahmen/zuordnung.yaml")
    let export = datei("tools/fuzz/daten/kontenrahmen/export.csv")
    static let konten = ["41410000", "44810000", "448", "50120000", "53310000", "5", "", "98100000", "1.2"]

    func pruefen(_ d: [UInt8]) {
        let (k, diagnosen) = Kontenrahmen.lesen(text: String(decoding: d, as: UTF8.self), datei: "rahmen.yaml")
        for x in diagnosen where x.severity == .error && x.location == nil {
            verletzt("Meldung ohne Datei: \(x.message)", d)
        }
        guard let k else { return }
        for konto in Self.konten {
            if let z = k.zeilenschluessel(fuerKonto: konto), !k.istBuchungszeile(z) {
                verletzt("Konto \(konto) auf die Summenzeile \(z)", d)
            }
        }
        for z in k.zeilen {
            if k.schluessel(z.key) == nil { verletzt("Zeile \(z.key) nicht über ihren Schlüssel gefunden", d) }
            for a in z.aliase { _ = k.schluessel(a) }
        }
        var s = stand
        s.kontenrahmen = k
        guard case .success(let z) = HaushaltZuordnung.lesen(zuordnung, datei: "z.yaml", kontenrahmen: k) else {
            return
        }
        importieren(export, z, s, d)
    }
}
