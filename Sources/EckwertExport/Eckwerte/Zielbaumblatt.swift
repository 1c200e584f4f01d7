import EckwertCore

/// The target hierarchy in the Eckwerte workbook: strategische Ziele, the aggregate Ziele of the Eckwertebeschluss
/// and the product Ziele below them, each with its target, its attainment per scenario and its Zwischenziele.
extension EckwerteMappe {
    func zielbaum(_ b: Blatt) throws {
        try b.text("Zielbaum: strategische Ziele, Ziele des Eckwertebeschlusses und Produktziele", 0, 0, .titel)
        try b.text(
            "Eingerückt unter seinem Oberziel (oberziel); Zielwert zum Termin (bis); Erreichung je Szenario; "
                + "Zwischenziele im Szenario status-quo (✓ erreicht, ✗ verfehlt)", 1, 0, .legende, messen: false)
        let sz = w.szenarien
        var kopf = ["Ziel", "Ebene", "Kennzahl", "Zielwert", "bis"]
        kopf += sz.map { "erreicht \($0)" }
        kopf.append("Zwischenziele (status-quo)")
        for (c, k) in kopf.enumerated() { try b.text(k, 3, c, c == 0 ? .kopfLinks : .kopf, messen: false) }
        try b.ws.setRowHeight(row: 3, height: 30)
        b.druckTitel = 3...3
        b.fixiert = (4, 1)
        b.festeBreiten = [0: 80, 1: 22, 2: 14, 3: 12, 4: 7]
        for c in 5..<(5 + sz.count) { b.festeBreiten[c] = 13 }
        b.festeBreiten[5 + sz.count] = 44
        var r = 4
        for eintrag in Zielbaum.bauen(m).eintraege {
            let einzug = String(repeating: "      ", count: eintrag.tiefe)
            switch eintrag.knoten {
            case .strategisch(let z):
                try b.text(einzug + "\(z.id) \(z.name)", r, 0, .textFett, messen: false)
                try b.text("strategisches Ziel", r, 1)
            case .ziel(let z):
                try b.text(einzug + "\(z.id): \(z.text)", r, 0, .text, messen: false)
                try b.text(z.ebene == .produkt ? "Produkt \(z.produkt)" : "\(z.ebene.bezeichnung) \(z.produkt)", r, 1)
                try b.text(z.kennzahl ?? "–", r, 2)
                let eig = e.zielerreichung.filter { $0.ziel == z.id }
                if let zw = eig.first?.zielwert { try b.zahl(Zahlformat.runden(zw, 2), r, 3, .dezimal) }
                if let bis = z.bis { try b.zahl(Double(bis), r, 4, .text) }
                for (n, s) in sz.enumerated() {
                    switch eig.first(where: { $0.szenario == s })?.erreicht {
                    case true?: try b.text("ja", r, 5 + n, .ja)
                    case false?: try b.text("nein", r, 5 + n, .nein)
                    case nil: try b.text("n. v.", r, 5 + n)
                    }
                }
                let zw = eig.first { $0.szenario == "status-quo" }?.zwischenziele ?? []
                let text = zw.map { x in
                    "\(x.jahr): \(x.zielwert.map { Zahlformat.zahl($0, stellen: 2) } ?? "n. v.") "
                        + (x.erreicht == true ? "✓" : (x.erreicht == false ? "✗" : "?"))
                }.joined(separator: " · ")
                try b.text(text, r, 5 + sz.count, .text, messen: false)
            }
            r += 1
        }
    }
}
