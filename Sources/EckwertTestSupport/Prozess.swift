import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way the tests run a program: `Prozess.ausfuehren` for a run to completion (stdout and stderr captured
/// without deadlock, exit status), `LaufenderProzess` for a child the test watches and kills.
public enum Prozess {
    /// The result of a finished run.
    public struct Lauf: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// True when the process was ended by a signal (killed, or `timeout` gave up on it).
        public var durchSignal: Bool
    }

    /// Path of an executable of this package built next to the test bundle (`swift test` builds every target):
    /// `eckwert`, `eckwert-bench`, `eckwert-testhelfer`.
    public static func gebaut(_ name: String) -> String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent(name).path
    }

    /// Runs `programm` (a path, or a name looked up on PATH) with `argumente` to completion. stdout and stderr are
    /// read at the same time (stderr on its own thread), so neither pipe can fill up and block the child. With
    /// `sekunden` the program runs under `timeout`, so a hung LibreOffice or browser cannot hang the suite.
    public static func ausfuehren(
        _ programm: String, _ argumente: [String], in ordner: String? = nil,
        sekunden: Int? = nil
    ) throws -> Lauf {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = (sekunden.map { ["timeout", "\($0)"] } ?? []) + [programm] + argumente
        if let ordner { p.currentDirectoryURL = URL(fileURLWithPath: ordner) }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let fehler = Datensammler(err.fileHandleForReading)
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let e = fehler.ergebnis()
        return Lauf(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self), durchSignal: p.terminationReason == .uncaughtSignal)
    }

    /// True when `name` is a command on PATH.
    public static func vorhanden(_ name: String) -> Bool {
        (try? ausfuehren("sh", ["-c", "command -v \(name)"]).status) == 0
    }
}

/// A child process the test watches line by line and may SIGKILL (the kill tests of the writers), or several
/// children running at once. stderr is discarded, and stdout too with `ausgabeVerwerfen`.
public final class LaufenderProzess {
    private let prozess = Process()
    private let ausgabe = Pipe()
    /// Everything read from stdout so far.
    public private(set) var gelesen = ""

    public init(_ programm: String, _ argumente: [String], ausgabeVerwerfen: Bool = false) throws {
        prozess.executableURL = URL(fileURLWithPath: programm)
        prozess.arguments = argumente
        prozess.standardOutput = ausgabeVerwerfen ? FileHandle.nullDevice : ausgabe
        prozess.standardError = FileHandle.nullDevice
        try prozess.run()
    }

    public var pid: Int32 { prozess.processIdentifier }

    /// Reads stdout until it contains `text` or the child closes it; returns whether `text` was seen.
    @discardableResult
    public func warten(auf text: String) -> Bool {
        while !gelesen.contains(text) {
            let stueck = ausgabe.fileHandleForReading.availableData
            if stueck.isEmpty { break }
            gelesen += String(decoding: stueck, as: UTF8.self)
        }
        return gelesen.contains(text)
    }

    /// Waits for the end; returns the exit status.
    public func beenden() -> Int32 {
        prozess.waitUntilExit()
        return prozess.terminationStatus
    }

    /// Sends SIGKILL and waits for the end; returns true when the signal ended it (false: it had finished first).
    @discardableResult
    public func toeten() -> Bool {
        kill(prozess.processIdentifier, SIGKILL)
        prozess.waitUntilExit()
        return prozess.terminationReason == .uncaughtSignal
    }
}

/// Reads a file handle to its end on a thread of its own.
private final class Datensammler: @unchecked Sendable {
    private let fertig = DispatchSemaphore(value: 0)
    private var daten = Data()

    init(_ handle: FileHandle) {
        Thread { [self] in
            daten = handle.readDataToEndOfFile()
            fertig.signal()
        }.start()
    }

    /// Waits for the end of the stream.
    func ergebnis() -> Data {
        fertig.wait()
        return daten
    }
}

/// A fresh, empty temporary folder (the caller removes it).
public func temporaererOrdner(_ praefix: String = "eckwert-test") throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(praefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}
