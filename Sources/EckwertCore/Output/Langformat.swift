import Foundation

/// One row of the long machine-readable format (modellformat.md section 11).
public struct Langzeile: Sendable, Hashable {
    public var szenario: String
    public var ebene: Ebene
    public var nr: String
    public var groesse: String
    public var jahr: Int
    public var wert: Double

    public init(szenario: String, ebene: Ebene, nr: String, groesse: String, jahr: Int, wert: Double) {
        self.szenario = szenario; self.ebene = ebene; self.nr = nr; self.groesse = groesse; self.jahr = jahr; self.wert = wert
    }

    /// Sorted by szenario, ebene, nr, groesse, jahr (text columns by their text, jahr by number).
    public static func sortiert(_ z: [Langzeile]) -> [Langzeile] {
        reihenfolge(z).map { z[$0] }
    }

    /// The indices of `z` in the order of `sortiert`: the same stable order as sorting with
    /// "szenario, then ebene (by its raw value), then nr, then groesse (String <), then jahr", computed on ranks.
    /// Each column's distinct values are ranked once with the same comparison (strings that are == share a rank),
    /// so the rows compare as integers; ties keep the input order, as the stable sort did.
    static func reihenfolge(_ z: [Langzeile]) -> [Int] {
        // Column values → provisional ids in order of appearance, then ids → ranks by sorting the distinct values.
        func spalte<T: Hashable>(_ wert: (Langzeile) -> T, _ kleiner: (T, T) -> Bool) -> (ids: [Int], rang: [Int]) {
            var id: [T: Int] = [:]
            var werte: [T] = []
            var ids = [Int](repeating: 0, count: z.count)
            for (i, x) in z.enumerated() {
                let w = wert(x)
                if let k = id[w] { ids[i] = k } else {
                    id[w] = werte.count
                    ids[i] = werte.count
                    werte.append(w)
                }
            }
            var rang = [Int](repeating: 0, count: werte.count)
            for (r, k) in werte.indices.sorted(by: { kleiner(werte[$0], werte[$1]) }).enumerated() { rang[k] = r }
            return (ids.map { rang[$0] }, rang)
        }
        let sz = spalte({ $0.szenario }, <)
        let eb = spalte({ $0.ebene }, { $0.rawValue < $1.rawValue })
        let nr = spalte({ $0.nr }, <)
        let gr = spalte({ $0.groesse }, <)
        let ja = spalte({ $0.jahr }, <)
        func bits(_ n: Int) -> Int { n <= 1 ? 1 : Int.bitWidth - (n - 1).leadingZeroBitCount }
        let b = [bits(sz.rang.count), bits(eb.rang.count), bits(nr.rang.count), bits(gr.rang.count), bits(ja.rang.count),
                 bits(z.count)]
        if b.reduce(0, +) <= 64 {
            // One packed key per row: rank fields from most to least significant, the row index last.
            var keys = [UInt64](repeating: 0, count: z.count)
            for i in z.indices {
                var k = UInt64(sz.ids[i])
                k = k << b[1] | UInt64(eb.ids[i])
                k = k << b[2] | UInt64(nr.ids[i])
                k = k << b[3] | UInt64(gr.ids[i])
                k = k << b[4] | UInt64(ja.ids[i])
                keys[i] = k << b[5] | UInt64(i)
            }
            keys.sort()
            let maske = b[5] >= 64 ? UInt64.max : (UInt64(1) << UInt64(b[5])) - 1
            return keys.map { Int($0 & maske) }
        }
        let r = z.indices.map { i in [sz.ids[i], eb.ids[i], nr.ids[i], gr.ids[i], ja.ids[i]] }
        return z.indices.sorted { r[$0].lexicographicallyPrecedes(r[$1]) || (r[$0] == r[$1] && $0 < $1) }
    }
}

/// Rows of the long format from runs: every Ergebnisplan and Finanzplan line at every level, the driver
/// quantities, population per Sozialraum, Kennzahlen.
public enum Langformat {
    public static func zeilen(_ m: Planungsmodell, _ e: Rechenergebnis, mitFinanzplan: Bool = true) -> [Langzeile] {
        var out: [Langzeile] = []
        let k = m.kontenrahmen
        for einheit in m.einheiten {
            let plan = Teilplan(e, einheit.produkte, modell: m)
            for (t, jahr) in e.jahre.enumerated() {
                func add(_ g: String, _ v: Double?) {
                    if let v, v.isFinite { out.append(Langzeile(szenario: e.szenario, ebene: einheit.ebene, nr: einheit.nr, groesse: g, jahr: jahr, wert: v)) }
                }
                for (z, zeile) in k.zeilen.enumerated() { add(zeile.key, plan.ergebnisplan[z][t]) }
                if mitFinanzplan { for (z, zeile) in k.finanzplan.enumerated() { add(zeile.key, plan.finanzplan[z][t]) } }
                add("faelle", plan.faelle?[t])
                if einheit.ebene == .produkt, let i = einheit.produkte.first {
                    add("fallkosten", e.produkte[i].fallkosten?[t])
                } else if let a = plan.fallkostenAufwand?[t], let f = plan.faelle?[t], f != 0 {
                    add("fallkosten", a / f)
                }
                add("plaetze", plan.plaetze?[t])
                add("luecke", plan.luecke?[t])
            }
        }
        for (t, jahr) in e.jahre.enumerated() {
            guard t < e.bevoelkerung.count, let pop = e.bevoelkerung[t] else { continue }
            for g in pop.gebiete {
                out.append(Langzeile(szenario: e.szenario, ebene: .gebiet, nr: g, groesse: "bevoelkerung", jahr: jahr, wert: pop.summe(gebiet: g)))
            }
            out.append(Langzeile(szenario: e.szenario, ebene: .gesamt, nr: "", groesse: "bevoelkerung", jahr: jahr, wert: pop.gesamt))
        }
        // Cases per Sozialraum (modellformat.md section 13), where capacity per Sozialraum does not already give them.
        for p in e.produkte where p.kapazitaet?.gebiete.isEmpty ?? true {
            guard let jeGebiet = p.gebietsfaelle else { continue }
            for (g, gebiet) in m.bevoelkerung.gebiete.enumerated() where g < jeGebiet.count {
                for (t, jahr) in e.jahre.enumerated() {
                    out.append(Langzeile(szenario: e.szenario, ebene: .gebiet, nr: "\(gebiet)/\(p.nr)", groesse: "faelle",
                                         jahr: jahr, wert: jeGebiet[g][t]))
                }
            }
        }
        // Capacity per Sozialraum.
        for p in e.produkte {
            guard let kap = p.kapazitaet else { continue }
            for g in kap.gebiete {
                for (t, jahr) in e.jahre.enumerated() {
                    out.append(Langzeile(szenario: e.szenario, ebene: .gebiet, nr: "\(g.gebiet)/\(p.nr)", groesse: "faelle", jahr: jahr, wert: g.bedarf[t]))
                    out.append(Langzeile(szenario: e.szenario, ebene: .gebiet, nr: "\(g.gebiet)/\(p.nr)", groesse: "plaetze", jahr: jahr, wert: g.plaetze[t]))
                    out.append(Langzeile(szenario: e.szenario, ebene: .gebiet, nr: "\(g.gebiet)/\(p.nr)", groesse: "luecke", jahr: jahr, wert: g.luecke[t]))
                }
            }
        }
        let kz = Kennzahlrechnung.werte(m, e)
        for kennzahl in m.kennzahlen {
            for (t, jahr) in e.jahre.enumerated() {
                if let v = kz[kennzahl.id]?[t] ?? nil {
                    out.append(Langzeile(szenario: e.szenario, ebene: .gesamt, nr: "", groesse: "kennzahl:\(kennzahl.id)", jahr: jahr, wert: v))
                }
            }
        }
        out += rahmenzeilen(m, e)
        return out
    }

    /// The Planung der Kämmerei (`planung.csv`) as rows `szenario=planung`: every Ergebnisplan line at every level
    /// and year of the forecast, summed like the forecast; a unit without any Planung row in a year has none.
    public static func planung(_ m: Planungsmodell) -> [Langzeile] {
        var out: [Langzeile] = []
        for einheit in m.einheiten {
            for jahr in m.planungsjahre {
                guard let spalte = m.planspalte(m.planung, produkte: einheit.produkte, jahr: jahr) else { continue }
                for (z, zeile) in m.kontenrahmen.zeilen.enumerated() {
                    out.append(Langzeile(szenario: "planung", ebene: einheit.ebene, nr: einheit.nr, groesse: zeile.key,
                                         jahr: jahr, wert: spalte[z]))
                }
            }
        }
        return out
    }

    /// The Ist rows of the Sozialräume (modellformat.md section 13): cases of `faelle_gebiete.csv`, the smoothed Basisjahr
    /// rate `quote` (r̃_g) of every product with Sozialraum cases, indicator values (`indikator:<id>`), the
    /// Sozialindex and each allocation (`verteilung:<id>`, whole euros, in the year of the allocation or the
    /// Haushaltsjahr).
    public static func sozialraumIst(_ m: Planungsmodell, _ p: Projektion) -> [Langzeile] {
        var out: [Langzeile] = []
        let s = m.sozialraum
        func add(_ nr: String, _ g: String, _ jahr: Int, _ v: Double) {
            if v.isFinite { out.append(Langzeile(szenario: "ist", ebene: .gebiet, nr: nr, groesse: g, jahr: jahr, wert: v)) }
        }
        for (k, v) in s.faelle { add("\(k.gebiet)/\(k.produkt)", "faelle", k.jahr, v) }
        for (i, prod) in m.produkte.enumerated() {
            guard let kr = p.kleinraum[i] else { continue }
            for (g, gebiet) in m.bevoelkerung.gebiete.enumerated() { add("\(gebiet)/\(prod.nr)", "quote", m.basisjahr, kr.geglaettet[g]) }
        }
        for (k, v) in s.indikatorwerte { add(k.gebiet, "indikator:\(k.indikator)", k.jahr, v) }
        if let si = s.sozialindex, let index = Kleinraum.sozialindex(m) {
            for (g, gebiet) in m.bevoelkerung.gebiete.enumerated() { add(gebiet, "sozialindex", si.jahr, index[g]) }
        }
        for v in Kleinraum.verteilungen(m) {
            for (g, gebiet) in m.bevoelkerung.gebiete.enumerated() {
                add(gebiet, "verteilung:\(v.verteilung.id)", v.verteilung.jahr ?? m.haushaltsjahr, Double(v.euro[g]))
            }
        }
        return out
    }

    /// `szenario;ebene;nr;groesse;jahr;wert`, values unrounded with a decimal point, LF line ends.
    public static func csv(_ zeilen: [Langzeile]) -> String {
        // Built as UTF-8 bytes (the same pieces in the same order), turned into a String once.
        var s: [UInt8] = []
        s.reserveCapacity(40 + zeilen.count * 64)
        s.append(contentsOf: "szenario;ebene;nr;groesse;jahr;wert\n".utf8)
        let semikolon = UInt8(ascii: ";")
        for i in Langzeile.reihenfolge(zeilen) {
            let z = zeilen[i]
            s.append(contentsOf: feld(z.szenario).utf8); s.append(semikolon)
            s.append(contentsOf: z.ebene.rawValue.utf8); s.append(semikolon)
            s.append(contentsOf: feld(z.nr).utf8); s.append(semikolon)
            s.append(contentsOf: feld(z.groesse).utf8); s.append(semikolon)
            s.append(contentsOf: String(z.jahr).utf8); s.append(semikolon)
            s.append(contentsOf: zahl(z.wert).utf8); s.append(UInt8(ascii: "\n"))
        }
        return String(decoding: s, as: UTF8.self)
    }

    /// A JSON array of objects with the same fields, in the same order.
    public static func json(_ zeilen: [Langzeile]) -> String {
        var s = "[\n"
        let sortiert = Langzeile.sortiert(zeilen)
        for (i, z) in sortiert.enumerated() {
            s += "  {\"szenario\": \(jsonText(z.szenario)), \"ebene\": \"\(z.ebene.rawValue)\", \"nr\": \(jsonText(z.nr)), \"groesse\": \(jsonText(z.groesse)), \"jahr\": \(z.jahr), \"wert\": \(zahl(z.wert))}"
            s += i + 1 < sortiert.count ? ",\n" : "\n"
        }
        return s + "]\n"
    }

    /// Shortest round-trip decimal, never in exponent notation (so that every CSV reader takes it).
    public static func zahl(_ v: Double) -> String {
        guard v.isFinite else { return "" }
        if v == 0 { return "0" }
        let d = "\(v)"
        guard d.utf8.contains(UInt8(ascii: "e")) else { return d.hasSuffix(".0") ? String(d.dropLast(2)) : d }
        // Expand mantissa/exponent.
        let teile = d.split(separator: "e")
        guard teile.count == 2, let exp = Int(teile[1]) else { return d }
        var mant = String(teile[0])
        let neg = mant.hasPrefix("-")
        if neg { mant.removeFirst() }
        let ziffernTeile = mant.split(separator: ".", omittingEmptySubsequences: false)
        let ganz = String(ziffernTeile[0])
        let bruch = ziffernTeile.count > 1 ? String(ziffernTeile[1]) : ""
        var ziffern = ganz + bruch
        var punkt = ganz.count + exp
        if punkt <= 0 {
            ziffern = String(repeating: "0", count: -punkt + 1) + ziffern
            punkt = 1
        } else if punkt > ziffern.count {
            ziffern += String(repeating: "0", count: punkt - ziffern.count)
        }
        var ergebnis = String(ziffern.prefix(punkt))
        let rest = String(ziffern.dropFirst(punkt)).replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
        if !rest.isEmpty { ergebnis += "." + rest }
        return (neg ? "-" : "") + ergebnis
    }

    static func feld(_ s: String) -> String {
        // Fast path for ASCII text without ; " or LF (the usual case): returned as it is, as below.
        var ascii = true, besonders = false
        for b in s.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b == UInt8(ascii: ";") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\n") { besonders = true; break }
        }
        if ascii, !besonders { return s }
        guard s.contains(";") || s.contains("\"") || s.contains("\n") else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func jsonText(_ s: String) -> String {
        var o = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": o += "\\\""
            case "\\": o += "\\\\"
            case "\n": o += "\\n"
            case "\r": o += "\\r"
            case "\t": o += "\\t"
            default:
                if u.value < 0x20 { o += String(format: "\\u%04x", u.value) } else { o.unicodeScalars.append(u) }
            }
        }
        return o + "\""
    }
}
