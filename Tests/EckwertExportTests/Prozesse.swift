import Foundation

// Helpers shared by the document tests: temp folders and running external programs (LibreOffice, Chromium,
// python3 with openpyxl, the bench binary).

/// The repository root (tests read the shipped model and the tools from the source tree).
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// A fresh folder per test.
func makeFolder() throws -> String {
    let path = NSTemporaryDirectory() + "eckwert-test-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Runs a program through `timeout` (a hung LibreOffice or browser cannot hang the suite); returns exit status and
/// output. stderr is read on its own thread while stdout is read here, so neither pipe can fill up and block the
/// child (Chromium with --v=1 writes megabytes to stderr).
@discardableResult
func run(_ executable: String, _ arguments: [String], sekunden: Int = 600) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["timeout", "\(sekunden)", executable] + arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let errHandle = err.fileHandleForReading
    let errBox = DatenBox()
    let t = Thread { errBox.daten = errHandle.readDataToEndOfFile() }
    t.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errBox.fertig { usleep(10_000) }
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errBox.daten, as: UTF8.self))
}

private final class DatenBox: @unchecked Sendable {
    private let lock = NSLock()
    private var _daten: Data?
    var daten: Data {
        get { lock.lock(); defer { lock.unlock() }; return _daten ?? Data() }
        set { lock.lock(); _daten = newValue; lock.unlock() }
    }
    var fertig: Bool { lock.lock(); defer { lock.unlock() }; return _daten != nil }
}

func haveCommand(_ name: String) -> Bool {
    (try? run("sh", ["-c", "command -v \(name)"]).status) == 0
}
