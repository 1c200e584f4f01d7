import EckwertCore
import Foundation
import Testing
@testable import EckwertExport

// The committee pack on the shipped Musterstadt model: escaping, self-containment, Geheimhaltung, determinism,
// headless Chromium (no request leaves the file; a screenshot per section) and the workbook in LibreOffice and
// openpyxl.

private let screenshotOrdner = repoRoot + "/.build/screenshots"

/// Musterstadt, loaded once per process.
private let musterstadt: Planungsmodell? = ModellLader.laden(ordner: repoRoot + "/scenarios/musterstadt").modell

private func ergebnis(
    ziehungen: Int = 100, anpassen: (inout Planungsmodell) -> Void = { _ in }
) throws -> Planungsergebnis {
    var m = try #require(musterstadt, "scenarios/musterstadt does not load")
    anpassen(&m)
    return Planungslauf.rechnen(m, .init(ziehungen: ziehungen))
}

private let version = "0.0.0-test"

/// The tags of a document (`<…>`): model text is escaped, so a raw `<` only starts real markup.
private func tags(_ html: String) -> [Substring] {
    var out: [Substring] = []
    var rest = Substring(html)
    while let a = rest.firstIndex(of: "<") {
        let nach = rest[rest.index(after: a)...]
        guard let b = nach.firstIndex(of: ">") else { break }
        out.append(rest[a...b])
        rest = rest[rest.index(after: b)...]
    }
    return out
}

/// All values of an attribute in the tags of a document.
private func attributwerte(_ html: String, _ attr: String) -> [String] {
    var out: [String] = []
    for tag in tags(html) {
        var rest = tag
        while let r = rest.range(of: attr + "=", options: .caseInsensitive) {
            let davor = rest[..<r.lowerBound].last
            rest = rest[r.upperBound...]
            guard davor == " " || davor == "\n" || davor == "\t" else { continue }
            guard let q = rest.first else { break }
            if q == "\"" || q == "'" {
                let body = rest.dropFirst()
                let end = body.firstIndex(of: q) ?? body.endIndex
                out.append(String(body[..<end]))
            } else {
                out.append(String(rest.prefix { !$0.isWhitespace && $0 != ">" }))
            }
        }
    }
    return out
}

/// Self-containment problems of an HTML text (empty = self-contained).
private func externeVerweise(_ html: String) -> [String] {
    var probleme: [String] = []
    for attr in ["src", "href", "srcset", "action", "data", "poster", "xlink:href", "formaction", "background"] {
        for v in attributwerte(html, attr) where !v.hasPrefix("#") { probleme.append("\(attr)=\(v)") }
    }
    let lower = html.lowercased()
    var rest = Substring(lower)
    while let r = rest.range(of: "url(") {
        rest = rest[r.upperBound...]
        let ziel = rest.drop { $0 == " " || $0 == "\"" || $0 == "'" }
        if !(ziel.hasPrefix("#") || ziel.hasPrefix("data:")) { probleme.append("url(\(ziel.prefix(40))") }
    }
    for verboten in [
        "@import", "<link", "<script", "<iframe", "<object", "<embed", "<img", "<base", "<meta http-equiv",
    ] where lower.contains(verboten) {
        probleme.append(verboten)
    }
    return probleme
}

// MARK: - Chromium

private let chromiumFlags = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
    "--disable-default-apps", "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND",
]

/// Chromium's own housekeeping requests (not made by the page); matched by exact host.
private let chromiumEigeneHosts: Set<String> = [
    "clients2.google.com", "update.googleapis.com", "accounts.google.com",
    "redirector.gvt1.com", "www.google.com", "safebrowsing.googleapis.com",
]

/// Loads `pfad` in headless Chromium with verbose logging and returns the DOM and every URL the browser started
/// to load (file loader and network delegate), except the page itself and Chromium's own housekeeping.
private func ladeInChromium(_ pfad: String) throws -> (dom: String, anfragen: [String], seiteGesehen: Bool) {
    let profil = try makeFolder()
    defer { try? FileManager.default.removeItem(atPath: profil) }
    let url = URL(fileURLWithPath: pfad).absoluteString
    let r = try run(
        "chromium",
        chromiumFlags + [
            "--user-data-dir=\(profil)", "--enable-logging=stderr", "--v=1",
            "--virtual-time-budget=3000", "--dump-dom", url,
        ])
    #expect(r.status == 0, "chromium --dump-dom failed: \(r.err.suffix(2000))")
    var anfragen: [String] = []
    var seiteGesehen = false
    for zeile in r.err.split(separator: "\n") {
        for marke in ["FileURLLoader::Start: ", "NotifyBeforeURLRequest: "] {
            guard let m = zeile.range(of: marke) else { continue }
            let u = String(zeile[m.upperBound...]).trimmingCharacters(in: .whitespaces)
            if u == url { seiteGesehen = true; continue }
            if let host = URL(string: u)?.host, chromiumEigeneHosts.contains(host) { continue }
            anfragen.append(u)
        }
    }
    return (r.out, anfragen, seiteGesehen)
}

@Suite(.serialized)
struct AusschussTests {
    @Test func escapingVonModelltexten() throws {
        let e = try ergebnis(ziehungen: 0) { m in
            m.produkte[0].name = "<script>alert(1)</script>"
            m.kommune = "Muster & \"Stadt\" <b>"
            if !m.ziele.isEmpty { m.ziele[0].text = "Ziel <img src=x onerror=alert(2)> sinkt um 5 %" }
            if !m.massnahmen.isEmpty { m.massnahmen[0].name = "<iframe src=\"https://evil.example\">" }
        }
        let html = Ausschusspaket.html(e, version: version)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<b>\"") && html.contains("Muster &amp; &quot;Stadt&quot; &lt;b&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(!html.lowercased().contains("<iframe") && !html.lowercased().contains("<img"))
        #expect(externeVerweise(html).isEmpty, "\(externeVerweise(html))")
    }

    @Test func selbststaendigUndVollstaendig() throws {
        let e = try ergebnis()
        let html = Ausschusspaket.html(e, version: version)
        #expect(externeVerweise(html).isEmpty, "\(externeVerweise(html))")
        // The checker itself catches what it must.
        #expect(
            !externeVerweise(html.replacingOccurrences(of: "</body>", with: "<img src=\"logo.png\"></body>")).isEmpty)
        #expect(
            !externeVerweise(
                html.replacingOccurrences(of: "</style>", with: "body{background:url(https://x.example/a.png)}</style>")
            ).isEmpty)
        #expect(!externeVerweise(html.replacingOccurrences(of: "</style>", with: "@import 'a.css';</style>")).isEmpty)
        // Every section, in order; each chart has a title, a description, role=img and aria-label.
        var pos = html.startIndex
        for id in Ausschusspaket.abschnitte {
            let r = try #require(
                html.range(of: "<section id=\"\(id)\"", range: pos..<html.endIndex),
                "section \(id) missing or out of order")
            pos = r.upperBound
        }
        let svgs = html.components(separatedBy: "<svg ").count - 1
        #expect(svgs >= 7)  // 4 overview charts, decomposition, measures, Pareto, portfolio
        #expect(html.components(separatedBy: "role=\"img\"").count - 1 == svgs)
        #expect(html.components(separatedBy: "aria-label=\"").count - 1 >= svgs)
        #expect(html.components(separatedBy: "<title id=").count - 1 == svgs)
        #expect(html.components(separatedBy: "<desc id=").count - 1 == svgs)
        #expect(html.components(separatedBy: "<figcaption>").count - 1 == svgs)
        #expect(html.contains("@page { size: A4 landscape"))
        #expect(html.contains("break-before: page"))
        #expect(html.contains("<html lang=\"de\">"))
        // German numbers and the model's Stand, never today's date.
        #expect(html.contains("Planungsstand</dt><dd>Entwurf, Stand 15.10.2026"))
        #expect(html.contains("P10–P90"))
        // The quadrant names and the ABC classes are in the pack.
        for q in Produktkritik.Quadrant.allCases { #expect(html.contains(q.bezeichnung)) }
        #expect(
            html.contains("<span class=\"ok\">✓ erreicht</span>")
                && html.contains("<span class=\"miss\">✗ verfehlt</span>"))
    }

    @Test func gleicheEingabeGleicheBytes() throws {
        let e = try ergebnis()
        let a = try makeFolder(), b = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        let pa = try Ausschusspaket.schreiben(e, ordner: a, version: version)
        let pb = try Ausschusspaket.schreiben(e, ordner: b, version: version)
        #expect(pa.map { ($0 as NSString).lastPathComponent } == ["ausschuss.html", "Ausschuss_musterstadt.xlsx"])
        for (x, y) in zip(pa, pb) {
            #expect(FileManager.default.contents(atPath: x) == FileManager.default.contents(atPath: y), "\(x)")
        }
    }

    /// Small Kita counts in one Sozialraum: demand 1,6 → 2 persons in S01 in every forecast year is shown as "•";
    /// the column total stays shown, so a second cell per year must be suppressed (the smallest other Sozialraum),
    /// and S01's gap too. The numbers: status quo, product 36.5.01, S01 demand set to 1,6 and places to 0 → gap 1,6.
    @Test func geheimhaltungImPaket() throws {
        var e = try ergebnis(ziehungen: 0)
        let si = try #require(e.szenarien.firstIndex { $0.szenario == "status-quo" })
        let pi = try #require(e.modell.produkte.firstIndex { $0.nr == "36.5.01" })
        var k = try #require(e.szenarien[si].produkte[pi].kapazitaet)
        let g = try #require(k.gebiete.firstIndex { $0.gebiet == "S01" })
        k.gebiete[g].bedarf = k.gebiete[g].bedarf.map { _ in 1.6 }
        k.gebiete[g].plaetze = k.gebiete[g].plaetze.map { _ in 0 }
        k.gebiete[g].luecke = k.gebiete[g].luecke.map { _ in 1.6 }
        e.szenarien[si].produkte[pi].kapazitaet = k
        let d = Ausschussdaten(e, version: version)
        let t = try #require(d.kapazitaeten("status-quo").first { $0.produkt.nr == "36.5.01" })
        let n = t.jahre.count
        #expect(n == 5)
        for j in 0..<n {
            #expect(t.bedarf.werte[g][j] == 2)
            #expect(t.bedarf.primaer[g][j])
            // Exactly one more suppressed demand cell per year: the smallest of the others.
            let andere = (0..<t.gebiete.count).filter { $0 != g }
            let kleinste = try #require(
                andere.filter { t.bedarf.werte[$0][j] > 0 }.min { t.bedarf.werte[$0][j] < t.bedarf.werte[$1][j] })
            #expect(andere.filter { t.bedarf.zelle[$0][j] } == [kleinste])
            #expect(!t.bedarf.spaltensumme[j])
            #expect(t.luecke.zelle[g][j])
        }
        let html = AusschussHTML.dokument(d)
        let zeile =
            "<tr class=\"gruppe\"><th scope=\"row\">S01</th><td>Bedarf</td>"
            + String(repeating: "<td class=\"n\">•</td>", count: n) + "</tr>"
        #expect(html.contains(zeile))
        #expect(html.contains("Statistische Geheimhaltung"))
        // The workbook shows "•" too.
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pfad = dir + "/a.xlsx"
        try AusschussXlsx.schreiben(d, pfad: pfad)
        let r = try run(
            "python3",
            [
                "-c",
                """
                import sys, openpyxl
                ws = openpyxl.load_workbook(sys.argv[1])["Kita"]
                rows = [[c.value for c in r] for r in ws.iter_rows()]
                s01 = [r for r in rows if r[0] == "S01" and r[2] == "Bedarf"][0]
                print(s01[3:8].count("•"))
                """, pfad,
            ])
        #expect(r.out.trimmingCharacters(in: .whitespacesAndNewlines) == "\(n)", "\(r.err)")
    }

    /// The pack written piece by piece (`Ausschusspaket.html`) has exactly the bytes of the whole document made
    /// at once, whatever the size at which the pieces are written out; the pieces are really written early (one
    /// per section and per map with a threshold of one byte), and a folder that is not there is reported as before.
    @Test func htmlStueckweiseGleichGanz() throws {
        let d = Ausschussdaten(try ergebnis(), version: version)
        let ganz = Array(AusschussHTML.dokument(d).utf8)
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for schwelle in [1, 1000, 1 << 20, Int.max] {
            let pfad = dir + "/a\(schwelle).html"
            var stuecke = 0
            var geschrieben = 0
            try Dateiausgabe.schreiben(nach: pfad, nachlauf: nil, schwelle: schwelle) { text, weiter in
                AusschussHTML.dokument(d, in: &text) { t in
                    let vorher = t.utf8.count
                    weiter(&t)
                    if t.isEmpty && vorher > 0 {
                        stuecke += 1
                        geschrieben += vorher
                    }
                }
            }
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: pfad))) == ganz, "schwelle \(schwelle)")
            #expect(geschrieben < ganz.count)
            if schwelle == 1 {
                // One piece per part of the page (title page and sections) and one per Sozialraum map.
                let karten = Sozialraumbild(d: d).karten.count
                #expect(karten > 1)
                #expect(stuecke == 1 + Ausschusspaket.abschnitte.count + karten)
            }
            if schwelle == Int.max { #expect(stuecke == 0) }
        }
        try Ausschusspaket.html(d, pfad: dir + "/paket.html")
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/paket.html"))) == ganz)
        #expect(throws: Dateiausgabe.Fehler.self) { try Ausschusspaket.html(d, pfad: dir + "/fehlt/paket.html") }
        do {
            try Ausschusspaket.html(d, pfad: dir + "/fehlt/paket.html")
        } catch let f as Dateiausgabe.Fehler {
            #expect(f.pfad == dir + "/fehlt/paket.html")
            #expect(f.meldung.hasPrefix("kann nicht geschrieben werden: "))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted().allSatisfy { !$0.hasPrefix(".") })
    }

    @Test func chromiumLaedtOhneAnfragenUndZeigtJedenAbschnitt() throws {
        guard haveCommand("chromium") else {
            Issue.record("chromium not found: `make test-deps` installs it (Debian package chromium)")
            return
        }
        let e = try ergebnis()
        try FileManager.default.createDirectory(atPath: screenshotOrdner, withIntermediateDirectories: true)
        let html = Ausschusspaket.html(e, version: version)
        let pfad = screenshotOrdner + "/ausschuss.html"
        try Dateiausgabe.schreiben(html, nach: pfad)

        let geladen = try ladeInChromium(pfad)
        #expect(geladen.seiteGesehen, "the verbose log no longer shows page loads: the request check would be blind")
        #expect(geladen.anfragen.isEmpty, "requests leaving the file: \(geladen.anfragen)")
        // The DOM Chromium built has every section in order, each chart as an accessible SVG.
        let dom = geladen.dom
        var ids: [String] = []
        var rest = Substring(dom)
        while let r = rest.range(of: "<section id=\"") {
            rest = rest[r.upperBound...]
            ids.append(String(rest.prefix { $0 != "\"" }))
        }
        #expect(ids == Ausschusspaket.abschnitte)
        #expect(dom.components(separatedBy: "role=\"img\"").count == html.components(separatedBy: "role=\"img\"").count)
        #expect(!dom.contains("<script"))

        // Proof that the check bites: an image on the net, a stylesheet beside the file, a CSS url() — each is seen.
        let boese = screenshotOrdner + "/ausschuss-mit-verweis.html"
        try Dateiausgabe.schreiben(
            html.replacingOccurrences(of: "</style>", with: "</style><link rel=\"stylesheet\" href=\"extra.css\">")
                .replacingOccurrences(
                    of: "</body>",
                    with:
                        "<img src=\"https://fonts.example.org/logo.png\" alt=\"\"><div style=\"background:url(http://cdn.example.net/bg.png)\">x</div></body>"
                ),
            nach: boese)
        let b = try ladeInChromium(boese)
        try? FileManager.default.removeItem(atPath: boese)
        #expect(b.anfragen.contains { $0.hasPrefix("https://fonts.example.org/logo.png") }, "\(b.anfragen)")
        #expect(b.anfragen.contains { $0.hasSuffix("/extra.css") }, "\(b.anfragen)")
        #expect(b.anfragen.contains { $0.hasPrefix("http://cdn.example.net/bg.png") }, "\(b.anfragen)")

        // A screenshot per section (plus the title page), from a per-section page with the same styles.
        let hoehen = [
            "titel": 1100, "ueberblick": 3000, "treiber": 1500, "ziele": 2300, "massnahmen": 1500, "kita": 4200,
            "produktkritik": 3600, "annahmen": 1400,
        ]
        for id in ["titel"] + Ausschusspaket.abschnitte {
            let seite = screenshotOrdner + "/\(id).html"
            try Dateiausgabe.schreiben(Ausschusspaket.htmlAbschnitt(e, version: version, abschnitt: id), nach: seite)
            let png = screenshotOrdner + "/\(id).png"
            try? FileManager.default.removeItem(atPath: png)
            let profil = try makeFolder()
            defer { try? FileManager.default.removeItem(atPath: profil) }
            let r = try run(
                "chromium",
                chromiumFlags + [
                    "--user-data-dir=\(profil)", "--window-size=1280,\(hoehen[id] ?? 2000)",
                    "--screenshot=\(png)", URL(fileURLWithPath: seite).absoluteString,
                ])
            #expect(r.status == 0, "screenshot \(id): \(r.err.suffix(1000))")
            let groesse = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
            #expect(groesse > 10_000, "screenshot \(id) missing or empty (\(groesse) bytes)")
        }
        // The printed pack: A4 landscape, each section on a new page.
        let pdf = screenshotOrdner + "/ausschuss.pdf"
        let profil = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: profil) }
        let r = try run(
            "chromium",
            chromiumFlags + [
                "--user-data-dir=\(profil)", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)",
                URL(fileURLWithPath: pfad).absoluteString,
            ])
        #expect(r.status == 0, "print to PDF: \(r.err.suffix(1000))")
        #expect(((try? FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int) ?? 0) > 10_000)
    }

    @Test func xlsxOeffnetInLibreOfficeUndHatDiagramme() throws {
        guard haveCommand("soffice") else {
            Issue.record("soffice (LibreOffice) not found: `make test-deps` installs it (libreoffice-calc-nogui)")
            return
        }
        guard haveCommand("python3"), (try? run("python3", ["-c", "import openpyxl"]).status) == 0 else {
            Issue.record("python3 with openpyxl not found: `make test-deps` installs it")
            return
        }
        let e = try ergebnis()
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pfade = try Ausschusspaket.schreiben(e, ordner: dir, version: version)
        let xlsx = pfade[1]
        let recalc = try run(repoRoot + "/tools/xlsx-check/recalc.sh", [xlsx, dir + "/csv"])
        #expect(recalc.status == 0, "\(recalc.err)")
        let csvs = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/csv")) ?? []
        #expect(csvs.count == 10, "\(csvs)")
        let script = #"""
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            out = {"sheets": wb.sheetnames, "charts": {}}
            for ws in wb.worksheets:
                kinds = []
                for c in ws._charts:
                    k = c.tagname
                    if k == "barChart":
                        k += ":" + (c.grouping or "")
                    kinds.append(k)
                out["charts"][ws.title] = kinds
            out["abc_b4"] = wb["ABC"]["B4"].value
            out["abc_h4"] = wb["ABC"]["H4"].value
            print(json.dumps(out))
            """#
        let r = try run("python3", ["-c", script, xlsx])
        #expect(r.status == 0, "\(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(
            json["sheets"] as? [String] == [
                "Hinweise", "Überblick", "Treiber", "Ziele", "Maßnahmen", "Kita", "Sozialräume", "ABC",
                "Portfolio", "Annahmen",
            ])
        let charts = try #require(json["charts"] as? [String: [String]])
        // Gesamthaushalt + 3 Budgetbereiche; stacked decomposition; measures; ABC columns + cumulated line; portfolio.
        #expect(charts["Überblick"] == ["lineChart", "lineChart", "lineChart", "lineChart"])
        #expect(charts["Treiber"] == ["barChart:stacked"])
        #expect(charts["Maßnahmen"] == ["lineChart"])
        #expect(charts["ABC"] == ["barChart:clustered", "lineChart"])
        #expect(charts["Portfolio"] == ["scatterChart"])
        #expect(json["abc_h4"] as? String == "A")
    }
}
