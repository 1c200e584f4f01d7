/// The keys of modell.yaml about plan data and the base of the forecast (modellformat.md section 15).
extension ModellDatei {
    /// modell.yaml `zuschussbedarf: ohne_ilv | mit_ilv` and `plausibilitaet: {abweichung: 0.10}`.
    static func abschnittPlandaten(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) {
        if let k = m["zuschussbedarf"],
            let z = y.auswahl(k, "zuschussbedarf", Zuschussdefinition.self, ["ohne_ilv", "mit_ilv"])
        {
            d.zuschussbedarf = z
            d.zuschussbedarfOrt = k.ort
        }
        if let k = m["plausibilitaet"], let a = y.abschnitt(k, "plausibilitaet") {
            a.pruefeSchluessel(Schluesselschema.modell.schluessel("plausibilitaet"), befund)
            if let v = a["abweichung"].flatMap({ y.zahl($0, "plausibilitaet abweichung", 0...10) }) {
                d.plausibilitaet.abweichung = v
            }
        }
    }

    /// A product's `basis: ist | ansatz`, `fortschreibung: {line: tarif | sachkosten | keine | trend}` and
    /// `vorgaenger: "311005"` (or a list of former numbers).
    static func planbasis(
        _ a: YAbschnitt, _ y: YLeser, _ befund: Befund, _ kontext: String, _ p: inout Produkt,
        _ d: inout ModellDatei
    ) {
        if let k = a["basis"], let b = y.auswahl(k, "\(kontext) basis", Planbasis.self, ["ist", "ansatz"]) {
            p.basis = b
        }
        if let k = a["fortschreibung"], let f = y.abschnitt(k, "\(kontext) fortschreibung") {
            for q in f.paare {
                let arten = ["tarif", "sachkosten", "keine", "trend"]
                if let art = y.auswahl(
                    q.wert, "\(kontext) fortschreibung \(q.schluessel)", Fortschreibungsart.self, arten)
                {
                    p.fortschreibung[q.schluessel] = art
                }
                d.kontoVerweis(q.schluessel, q.ort, "\(kontext) fortschreibung")
            }
        }
        if let k = a["vorgaenger"] {
            let knoten = k.skalar != nil ? [k] : (y.liste(k, "\(kontext) vorgaenger") ?? [])
            for v in knoten {
                guard let nr = y.text(v, "\(kontext) vorgaenger") else { continue }
                if nr == p.nr {
                    befund.fehler(v.ort, "\(kontext): vorgaenger '\(nr)' ist die eigene Nummer")
                } else {
                    p.vorgaenger.append(nr)
                }
            }
        }
    }
}
