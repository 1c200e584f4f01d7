import EckwertCore
import Foundation
import Testing
@testable import EckwertImport

/// Seeded mutation fuzzing of both importers: bytes of the export / table and of the mapping files are mutated
/// (flipped, inserted, deleted, lines doubled) and imported in a dry run. Nothing may crash or hang; every
/// failure must be diagnostics. `ECKWERT_FUZZ_IMPORT=20000 swift test --filter ImportFuzzTests` runs more.
@Suite struct ImportFuzzTests {
    static var anzahl: Int { ProcessInfo.processInfo.environment["ECKWERT_FUZZ_IMPORT"].flatMap(Int.init) ?? 150 }

    struct Zufall: RandomNumberGenerator {
        var s: UInt64
        mutating func next() -> UInt64 {
            s &+= 0x9E37_79B9_7F4A_7C15
            var z = s
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let zeichen: [UInt8] = Array(";,.-\"\n\r:{}[]#0123456789 \t+äÄ".utf8) + [0x80, 0xC4, 0xFF, 0x00, 0xEF]

    static func mutieren(_ b: [UInt8], _ z: inout Zufall) -> [UInt8] {
        var b = b
        for _ in 0..<Int.random(in: 1...6, using: &z) {
            let i = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &z)
            switch Int.random(in: 0..<5, using: &z) {
            case 0 where !b.isEmpty: b[i] = zeichen.randomElement(using: &z) ?? 0
            case 1: b.insert(zeichen.randomElement(using: &z) ?? 0, at: i)
            case 2 where !b.isEmpty: b.removeSubrange(i..<min(b.count, i + Int.random(in: 1...20, using: &z)))
            case 3 where !b.isEmpty:
                let e = min(b.count, i + Int.random(in: 1...80, using: &z))
                b.insert(contentsOf: b[i..<e], at: i)
            default: b = Array(b.prefix(i))
            }
        }
        return b
    }

    static func datei(_ pfad: String) -> [UInt8] {
        FileManager.default.contents(atPath: pfad).map { [UInt8]($0) } ?? []
    }

    @Test func haushaltUndBevoelkerungAbsturzfrei() throws {
        let ib = ImportbeispielTests.beispiel
        let export = Self.datei(ib + "/export/haushalt_2025.csv")
        let hz = Self.datei(ib + "/export/zuordnung_haushalt.yaml")
        let tabelle = Self.datei(ib + "/statistik/bevoelkerung_ortsteile.csv")
        let bz = Self.datei(ib + "/statistik/zuordnung_bevoelkerung.yaml")
        let modell = try ordner(
            ["modell.yaml": lies(ib + "/beispielstadt/modell.yaml")],
            bytes: ["sterbetafel.csv": Self.datei(ib + "/beispielstadt/sterbetafel.csv")])
        let stand = try Modellstand.lesen(ordner: modell).get()
        let sterbetafel = Datendateien.sterbetafel(bytes: Self.datei(modell + "/sterbetafel.csv"), datei: "s").wert
        var z = Zufall(s: 20_251_203)
        var angenommen = 0
        for n in 0..<Self.anzahl {
            let zuordnungMutiert = n % 3 == 0
            let hzb = zuordnungMutiert ? Self.mutieren(hz, &z) : hz
            if case .success(let zu) = HaushaltZuordnung.lesen(hzb, datei: "z.yaml", kontenrahmen: stand.kontenrahmen) {
                let ex = zuordnungMutiert ? export : Self.mutieren(export, &z)
                let r = HaushaltExport.lesen(
                    ex, datei: "e.csv", zuordnung: zu, kontenrahmen: stand.kontenrahmen,
                    bereichImModell: stand.bereich(von:))
                if case .success(let a) = r {
                    angenommen += 1
                    let e = HaushaltImport.einspielen(a, zu, stand, quelle: "e.csv", probelauf: true)
                    if case .success(let b) = e {
                        #expect(b.stimmt)
                        _ = b.text
                    }
                }
            }
            let bzb = zuordnungMutiert ? Self.mutieren(bz, &z) : bz
            if case .success(let zu) = BevoelkerungZuordnung.lesen(bzb, datei: "b.yaml") {
                let t = zuordnungMutiert ? tabelle : Self.mutieren(tabelle, &z)
                if case .success(let b) = BevoelkerungImport.einspielen(
                    t, datei: "t.csv", zu, stand,
                    sterbetafel: sterbetafel, probelauf: true)
                {
                    #expect(b.stimmt)
                    _ = b.text
                }
            }
        }
        #expect(angenommen > 0)
    }

    @Test func zufallsbytesAbsturzfrei() {
        var z = Zufall(s: 7)
        for _ in 0..<Self.anzahl {
            let b = (0..<Int.random(in: 0..<400, using: &z)).map { _ in Self.zeichen.randomElement(using: &z) ?? 0 }
            _ = HaushaltZuordnung.lesen(b, datei: "z", kontenrahmen: .nkf)
            _ = BevoelkerungZuordnung.lesen(b, datei: "b")
            _ = Kodierung.dekodieren(b, angegeben: nil, datei: "x")
            let s = String(decoding: b, as: UTF8.self)
            _ = ImportZahl.hundertstel(s, .deutsch)
            _ = Altersspanne.lesen(s)
        }
    }
}
