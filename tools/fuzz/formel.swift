// libFuzzer entry for the Kennzahl formula parser and evaluator (built by tools/fuzz/run.sh).
private struct Nullkontext: Formelkontext {
    func faelle(_ p: String) -> Double? { Double(p.utf8.count) }
    func aufwand(_ p: String) -> Double? { 1 }
    func ertrag(_ p: String) -> Double? { 0 }
    func fallkosten(_ p: String) -> Double? { nil }
    func zeile(_ p: String, _ key: String) -> Double? { 2 }
    func bev(_ auswahl: BevAuswahl) -> Double? { 0 }
    func plaetze(_ p: String) -> Double? { 3 }
    func luecke(_ p: String) -> Double? { 0 }
    func kennzahl(_ id: String) -> Double? { nil }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let s = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let a = try? Formelparser.parse(s) {
        _ = a.wert(in: Nullkontext())
        _ = a.aufrufe
        _ = try? Formelparser.parse(a.text)
    }
    return 0
}
