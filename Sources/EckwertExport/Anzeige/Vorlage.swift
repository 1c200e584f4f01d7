import EckwertCore
import Foundation

/// `eckwert init`: a small, commented starter model that passes `check` — one Sozialraum, two products (one
/// Pflicht with a caseload driver, one freiwillig), a Kennzahl, a Ziel, three scenarios and every data file.
public enum Vorlage {
    public struct Fehler: Error, Sendable { public var meldung: String }

    public static func anlegen(in ordner: String, kommune: String) throws(Fehler) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: ordner, isDirectory: &isDir) {
            guard isDir.boolValue, (try? fm.contentsOfDirectory(atPath: ordner))?.isEmpty == true else {
                throw Fehler(meldung: "existiert bereits und ist nicht leer – init überschreibt nichts")
            }
        }
        // Build in a sibling temp folder, then move into place: a failure leaves nothing half-written.
        let ziel = URL(fileURLWithPath: ordner).standardizedFileURL
        let eltern = ziel.deletingLastPathComponent()
        do { try fm.createDirectory(at: eltern, withIntermediateDirectories: true) } catch {
            throw Fehler(meldung: "Ordner \(eltern.path) kann nicht angelegt werden")
        }
        let tmp = eltern.appendingPathComponent(".eckwert-init-\(ProcessInfo.processInfo.processIdentifier)-\(ziel.lastPathComponent)")
        try? fm.removeItem(at: tmp)
        do {
            try fm.createDirectory(at: tmp, withIntermediateDirectories: false)
            for (name, inhalt) in dateien(kommune: kommune) {
                try Data(inhalt.utf8).write(to: tmp.appendingPathComponent(name))
            }
            if fm.fileExists(atPath: ziel.path) { try fm.removeItem(at: ziel) }   // empty folder, checked above
            try fm.moveItem(at: tmp, to: ziel)
        } catch {
            try? fm.removeItem(at: tmp)
            throw Fehler(meldung: "kann nicht angelegt werden: \(error.localizedDescription)")
        }
    }

    static func yamlText(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    // swiftlint:disable:next function_body_length
    public static func dateien(kommune: String) -> [(String, String)] {
        let modell = """
        # Eckwert-Planungsmodell – Startervorlage. Alle Zahlen sind Platzhalter zum Üben.
        # Schlüssel sind deutsch, klein, ASCII (ae oe ue ss). Unbekannte Schlüssel sind Fehler.
        kommune: \(yamlText(kommune))
        basisjahr: 2025            # letztes Jahr mit Ist-Daten (B)
        haushaltsjahr: 2027        # das zu planende Jahr (Standard B + 2)
        horizont: 2030             # letztes Prognosejahr (Standard B + 5)
        kontenrahmen: nkf          # eingebautes NKF-Schema
        rundung: euro              # euro | tsd-euro (nur die Anzeige wird gerundet)

        altersgruppen:             # benannte Altersbereiche, inklusive; 100 = 100 und älter
          u3: [0, 2]
          minderjaehrige: [0, 17]

        produktbereiche:
          - {nr: "36", name: "Kinder-, Jugend- und Familienhilfe"}
        produktgruppen:
          - {nr: "36.3", name: Hilfen für junge Menschen und ihre Familien}
          - {nr: "36.2", name: Jugendarbeit}

        produkte:
          - nr: "36.3.01"
            name: Hilfe zur Erziehung (ambulant)
            verantwortlich: Amt für Jugend und Familie
            gremium: Jugendhilfeausschuss
            zielgruppe: Familien mit Kindern unter 18 Jahren
            beschreibung: Ambulante Hilfen nach §§ 27 ff. SGB VIII
            art: pflicht
            fallzahl:
              bezug: {gruppe: minderjaehrige}
              quote: ist               # Quote aus dem Ist: Fälle / Bezugsbevölkerung im Basisjahr
            fallkosten:
              basis: ist               # Aufwand / Fälle im Basisjahr
              konto: transferaufwendungen
              personalanteil: 0.2      # Anteil, der den Tarifen folgt; der Rest folgt den Sachkosten
          - nr: "36.2.01"
            name: Offene Kinder- und Jugendarbeit
            verantwortlich: Amt für Jugend und Familie
            art: freiwillig

        budgetbereiche:
          - {id: J, name: Jugendhilfe, produkte: ["36"]}

        kennzahlen:
          - id: K1
            name: Ambulante Hilfen je 1.000 Minderjährige
            einheit: je 1.000
            formel: faelle("36.3.01") / bev(alter="minderjaehrige") * 1000
            richtung: sinkend
            quelle: Fachverfahren Jugendhilfe

        ziele:
          - id: Z1
            produkt: "36.3.01"
            zielfeld: wirkung
            text: Die Zahl der ambulanten Hilfen je 1.000 Minderjährige sinkt um 5 %.
            kennzahl: K1
            zielwert: {relativ: -0.05}
            bis: 2028
            verantwortlich: Abteilung Erziehungshilfen

        massnahmen: []
        investitionen: []
        geheimhaltung:
          mindestfallzahl: 3

        """
        let szenarien = """
        # Szenarien: status-quo ist vollständig; best und worst erben jeden fehlenden Schlüssel von status-quo.
        szenarien:
          status-quo:
            beschreibung: Fortschreibung der bestehenden Entwicklung
            bevoelkerung:
              methode: kohorten
              geburtenziffer: 1.4
              sterblichkeit: 1.0
              wanderungssaldo: {2026: 200, 2030: 150}
            preise:
              tarif: 0.03
              sachkosten: 0.02
            produkte:
              "36.3.01": {quote_trend: 0.0}
            massnahmen: []
          best:
            beschreibung: Weniger Zuzug, sinkende Inanspruchnahme
            bevoelkerung: {wanderungssaldo: {2026: 100, 2030: 50}}
            preise: {tarif: 0.025}
            produkte:
              "36.3.01": {quote_trend: -0.01}
          worst:
            beschreibung: Mehr Zuzug, steigende Inanspruchnahme, hohe Tarifabschlüsse
            bevoelkerung: {wanderungssaldo: {2026: 400, 2030: 300}}
            preise: {tarif: 0.04, sachkosten: 0.03}
            produkte:
              "36.3.01": {quote_trend: 0.02}

        """
        var bev = "gebiet;geschlecht;alter;anzahl\n"
        var sterbe = "geschlecht;alter;qx\n"
        var wand = "geschlecht;alter;anteil\n"
        for g in ["w", "m"] {
            for a in 0...100 {
                let n = a < 80 ? 120 - a / 2 : max(0, 80 - (a - 80) * 4)
                bev += "gesamt;\(g);\(a);\(n)\n"
                let q = a == 0 ? 0.003 : a == 100 ? 0.45 : min(0.45, 0.0002 * pow(1.095, Double(a)))
                sterbe += "\(g);\(a);\(String(format: "%.6f", q).replacingOccurrences(of: ".", with: ","))\n"
                // 26 cells of 18–30 year olds; the shares sum to exactly 1 (13 × 0,038 + 12 × 0,039 + 0,038).
                let anteil = (18...30).contains(a) ? (g == "w" || a == 30 ? 0.038 : 0.039) : 0.0
                wand += "\(g);\(a);\(String(format: "%.3f", anteil).replacingOccurrences(of: ".", with: ","))\n"
            }
        }
        var frucht = "alter;rate\n"
        for a in 15...49 { frucht += "\(a);\(String(format: "%.4f", 1.4 / 35).replacingOccurrences(of: ".", with: ","))\n" }
        let ist = """
        jahr;produkt;groesse;wert
        2024;36.3.01;faelle;95
        2024;36.3.01;transferaufwendungen;1140000
        2024;36.3.01;personalaufwendungen;180000
        2024;36.2.01;aufwendungen_sach_dienstleistungen;240000
        2024;36.2.01;personalaufwendungen;310000
        2025;36.3.01;faelle;100
        2025;36.3.01;transferaufwendungen;1250000
        2025;36.3.01;personalaufwendungen;190000
        2025;36.2.01;aufwendungen_sach_dienstleistungen;250000
        2025;36.2.01;personalaufwendungen;320000
        2025;36.2.01;oeffentlich_rechtliche_leistungsentgelte;15000

        """
        return [("modell.yaml", modell), ("szenarien.yaml", szenarien), ("bevoelkerung.csv", bev), ("ist.csv", ist),
                ("sterbetafel.csv", sterbe), ("fruchtbarkeit.csv", frucht), ("wanderung.csv", wand)]
    }
}
