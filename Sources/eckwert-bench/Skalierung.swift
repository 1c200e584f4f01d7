import Foundation

/// `eckwert-bench scaling <folder>`: how the cost grows with the model. From the base model (1,000 products,
/// 60 Sozialräume, 10,000 draws) one size varies at a time: products 100 / 1,000 / 5,000, Sozialräume 10 / 60 / 200,
/// draws 1,000 / 10,000 / 100,000. The models are generated into `<folder>/p<products>-g<Sozialräume>` (kept for
/// the next call); each configuration runs in a child process (`eckwert-bench run --tsv`, its own peak memory).
/// The table shows CPU time (all threads): the cost, and far less disturbed by other work on the machine than wall
/// time (the goals table has the wall times). Next to each time: ×r, the ratio to the row above, and
/// e = log(r) / log(size ratio) — 1.00 is linear growth, below 1 sublinear (a fixed part), above 1 superlinear.
struct Skalierung {
    var ordner: String
    var wiederholungen = 3
    /// Runs of the largest draw count (about ten times the base run each).
    var wiederholungenGross = 1

    struct Konfiguration: Sendable {
        var produkte: Int
        var gebiete: Int
        var ziehungen: Int
    }

    /// The size that a row of the table varies.
    enum Groesse: String, Sendable {
        case produkte = "products", gebiete = "Sozialräume", ziehungen = "draws"

        func setzen(_ k: inout Konfiguration, _ wert: Int) {
            switch self {
            case .produkte: k.produkte = wert
            case .gebiete: k.gebiete = wert
            case .ziehungen: k.ziehungen = wert
            }
        }
    }

    static let basis = Konfiguration(produkte: 1000, gebiete: 60, ziehungen: 10_000)
    static let reihen: [(groesse: Groesse, werte: [Int])] = [
        (.produkte, [100, 1000, 5000]), (.gebiete, [10, 60, 200]), (.ziehungen, [1000, 10_000, 100_000]),
    ]
    static let spalten = ["load", "projection", "draws", "total"]

    func ausfuehren() throws -> Int32 {
        let tmp = try temporaererOrdner()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        print(
            "eckwert-bench scaling  (median of \(wiederholungen) runs, 100,000 draws: \(wiederholungenGross) run; "
                + "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(systemlast()) at the start)")
        let b = Self.basis
        print("base: \(b.produkte) products, \(b.gebiete) Sozialräume, \(b.ziehungen) draws; one size varies at a time")
        print(
            "CPU time [s] of each phase (all threads) with ×ratio to the row above and "
                + "e = log(ratio) / log(size ratio): 1.00 = linear")
        var cache: [String: Phasenmessung.Kindergebnis] = [:]
        for reihe in Self.reihen {
            print("")
            var kopf = reihe.groesse.rawValue.leftPad(11) + "  size×"
            for s in Self.spalten { kopf += "  " + "\(s) cpu [s]".padding(toLength: 22, withPad: " ", startingAt: 0) }
            print(kopf + "  peak RSS [MB]")
            var vorher: (wert: Int, zeiten: [Double])?
            for wert in reihe.werte {
                var k = Self.basis
                reihe.groesse.setzen(&k, wert)
                let schluessel = "\(k.produkte)-\(k.gebiete)-\(k.ziehungen)"
                let e: Phasenmessung.Kindergebnis
                if let c = cache[schluessel] {
                    e = c
                } else {
                    let modell = try modell(k)
                    let n = k.ziehungen >= 100_000 ? wiederholungenGross : wiederholungen
                    guard
                        let r = Phasenmessung.imKindprozess(
                            modell, ziehungen: k.ziehungen, wiederholungen: n,
                            ablage: tmp)
                    else {
                        say("error: eckwert-bench run \(modell) --draws \(k.ziehungen) ist fehlgeschlagen", to: 2)
                        return 1
                    }
                    e = r
                    cache[schluessel] = r
                }
                let zeiten = Self.spalten.map { s in e.werte.first { $0.name == s }?.cpu ?? 0 }
                var z = String(wert).leftPad(11)
                z += (vorher.map { String(format: "×%.1f", Double(wert) / Double($0.wert)) } ?? "-").leftPad(7)
                for (i, t) in zeiten.enumerated() {
                    var zelle = String(format: "%7.3f", t)
                    if let v = vorher, v.zeiten[i] > 0, t > 0 {
                        let r = t / v.zeiten[i]
                        zelle += String(format: " ×%.1f e %.2f", r, log(r) / log(Double(wert) / Double(v.wert)))
                    }
                    z += "  " + zelle.padding(toLength: 22, withPad: " ", startingAt: 0)
                }
                z += String(format: "  %13.0f", e.werte.first { $0.name == "total" }?.rssMB ?? 0)
                print(z)
                ausgabeSenden()
                vorher = (wert, zeiten)
            }
        }
        return 0
    }

    /// The generated model of a configuration, written on first use.
    func modell(_ k: Konfiguration) throws -> String {
        let pfad = (ordner as NSString).appendingPathComponent("p\(k.produkte)-g\(k.gebiete)")
        if !FileManager.default.fileExists(atPath: pfad + "/modell.yaml") {
            try Modellgenerator(produkte: k.produkte, gebiete: k.gebiete).schreiben(nach: pfad)
        }
        return pfad
    }
}
