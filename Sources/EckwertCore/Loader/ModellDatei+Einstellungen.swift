/// The settings sections of modell.yaml.
extension ModellDatei {
    /// `geheimhaltung:` minimum case count shown.
    static func abschnittGeheimhaltung(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) {
        if let k = m["geheimhaltung"], let a = y.abschnitt(k, "geheimhaltung") {
            a.pruefeSchluessel(Schluesselschema.modell.schluessel("geheimhaltung"), befund)
            if let n = a["mindestfallzahl"].flatMap({ y.ganzzahl($0, "geheimhaltung mindestfallzahl", 1...1000) }) {
                d.geheimhaltung.mindestfallzahl = n
            }
        }
    }

    /// `abc:` limits of the ABC analysis.
    static func abschnittABC(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) {
        if let k = m["abc"], let a = y.abschnitt(k, "abc") {
            a.pruefeSchluessel(Schluesselschema.modell.schluessel("abc"), befund)
            let ga = a["a"].flatMap { y.zahl($0, "abc a", 0...1) } ?? 0.8
            let gb = a["b"].flatMap { y.zahl($0, "abc b", 0...1) } ?? 0.95
            if ga >= gb { befund.fehler(a.ort, "abc: Grenze a (\(ga)) muss kleiner als b (\(gb)) sein") }
            d.abc = ABCGrenzen(a: ga, b: gb)
        }
    }

    /// `budgetvarianten:` relative variants of the budget.
    static func abschnittBudgetvarianten(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) {
        if let k = m["budgetvarianten"], let l = y.liste(k, "budgetvarianten") {
            d.budgetvarianten = l.compactMap { y.zahl($0, "budgetvarianten", -0.9...1) }
        }
    }

    /// `platzkosten:` cost per new or extended place.
    static func abschnittPlatzkosten(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) {
        if let k = m["platzkosten"], let a = y.abschnitt(k, "platzkosten") {
            a.pruefeSchluessel(Schluesselschema.modell.schluessel("platzkosten"), befund)
            if let v = a["neubau"].flatMap({ y.zahl($0, "platzkosten neubau", 0...10_000_000) }) {
                d.platzkosten.neubau = v
            }
            if let v = a["erweiterung"].flatMap({ y.zahl($0, "platzkosten erweiterung", 0...10_000_000) }) {
                d.platzkosten.erweiterung = v
            }
        }
    }

    /// `deckungsmittel:` year → amount.
    static func abschnittDeckungsmittel(_ m: YAbschnitt, _ y: YLeser, _ befund: Befund, _ d: inout ModellDatei) {
        if let k = m["deckungsmittel"] { d.deckungsmittel = y.pfad(k, "deckungsmittel", 0...1e12) }
    }
}
