import Foundation

/// Data files read ahead, shared out one file at a time to whichever thread asks next; the values do not
/// depend on which thread read which file.
final class Vorablesen: @unchecked Sendable {
    typealias Auftrag = (
        schluessel: String, datei: String, bytes: [UInt8], leser: @Sendable ([UInt8], String) -> any Sendable
    )

    // All state behind `sperre`.
    private let sperre = NSLock()
    private let auftraege: [Auftrag]
    private var naechster = 0
    private var ergebnisse: [String: (datei: String, wert: any Sendable)] = [:]

    init(_ auftraege: [Auftrag]) { self.auftraege = auftraege }

    /// Reads files until none is left.
    func abarbeiten() {
        while let a = nimm() {
            let wert = a.leser(a.bytes, a.datei)
            sperre.withLock { ergebnisse[a.schluessel] = (a.datei, wert) }
        }
    }

    private func nimm() -> Auftrag? {
        sperre.withLock {
            guard naechster < auftraege.count else { return nil }
            naechster += 1
            return auftraege[naechster - 1]
        }
    }

    /// By source key, with the file name read (complete once every `abarbeiten()` has returned).
    var werte: [String: (datei: String, wert: any Sendable)] { sperre.withLock { ergebnisse } }
}
