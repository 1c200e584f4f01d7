import Foundation

/// Runs `n` workers in parallel and waits for all (Dispatch's concurrentPerform).
enum DispatchQueueBridge {
    static func parallel(_ n: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: n, execute: body)
    }
}

/// `body(0) … body(n−1)` run in parallel, their values in index order (each index writes only its own slot).
func parallelAbbilden<Wert: Sendable>(_ n: Int, _ body: @Sendable (Int) -> Wert) -> [Wert] {
    let ablage = Ablage<Wert>(n)
    DispatchQueueBridge.parallel(n) { k in ablage.setzen(k, body(k)) }
    return ablage.werte()
}

/// Slots written by distinct workers, read after they all finished (concurrentPerform orders the two).
private final class Ablage<Wert: Sendable>: @unchecked Sendable {
    private let n: Int
    private let platz: UnsafeMutablePointer<Wert?>
    init(_ n: Int) {
        self.n = n
        platz = .allocate(capacity: max(1, n))
        platz.initialize(repeating: nil, count: n)
    }
    deinit {
        platz.deinitialize(count: n)
        platz.deallocate()
    }
    func setzen(_ k: Int, _ wert: Wert) { platz[k] = wert }
    func werte() -> [Wert] { (0..<n).compactMap { platz[$0] } }
}

/// Consecutive pieces of 0 ..< anzahl, `stueck` indices each, handed out in order to whichever worker asks next:
/// workers that take pieces as they finish one end together, where halves fixed in advance leave the faster one
/// waiting for the other (the machine slows one now and then, and pieces differ in their work).
final class Stueckvergabe: @unchecked Sendable {
    private let anzahl: Int, stueck: Int
    private var vergeben = 0
    private let lock = NSLockBridge()
    init(_ anzahl: Int, stueck: Int) {
        self.anzahl = anzahl
        self.stueck = Swift.max(1, stueck)
    }
    /// The next piece, or nil once all are handed out.
    func naechstes() -> Range<Int>? {
        lock.mit {
            guard vergeben < anzahl else { return nil }
            let a = vergeben
            vergeben = Swift.min(anzahl, a + stueck)
            return a..<vergeben
        }
    }
}

final class NSLockBridge: @unchecked Sendable {
    private let l = NSLock()
    func mit<T>(_ f: () -> T) -> T { l.lock(); defer { l.unlock() }; return f() }
}

/// Work done on a second core while the calling thread goes on: `ergebnis()` waits for it. The work sees only
/// what it was given (Sendable) and hands back a Sendable value, so the load stays deterministic: the caller
/// decides where the result enters, exactly where the sequential load would have computed it.
final class Nebenher<Wert: Sendable>: @unchecked Sendable {
    // Written once by the worker before `leave()`, read only after `wait()`: the group orders the two.
    private var wert: Wert?
    private let gruppe = DispatchGroup()

    init(_ arbeit: @escaping @Sendable () -> Wert) {
        gruppe.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.wert = arbeit()
            self.gruppe.leave()
        }
    }

    /// The work's value, once it is done (always set by then: the worker writes it before it leaves the group).
    func ergebnis() -> Wert {
        gruppe.wait()
        guard let wert else { preconditionFailure("Nebenher: kein Ergebnis nach dem Warten") }
        return wert
    }
}
