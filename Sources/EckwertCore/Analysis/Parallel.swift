import Foundation

/// Runs `n` workers in parallel and waits for all (Dispatch's concurrentPerform).
enum DispatchQueueBridge {
    static func parallel(_ n: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: n, execute: body)
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

    /// The work's value, once it is done.
    func ergebnis() -> Wert? {
        gruppe.wait()
        return wert
    }
}
