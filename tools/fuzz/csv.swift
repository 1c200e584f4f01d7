// libFuzzer entry for the CSV reader, the number parser and the typed data-file readers (tools/fuzz/run.sh).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let t = try? CSV.lesen(bytes, datei: "fuzz.csv") {
        _ = Datendateien.ist(t)
        _ = Datendateien.bevoelkerung(t)
        _ = Datendateien.wanderung(t)
        _ = Datendateien.sterbetafel(t)
        for z in t.rows.prefix(50) { for f in z.fields { _ = Zahl.parse(f); _ = Zahl.parseInt(f) } }
    }
    return 0
}
