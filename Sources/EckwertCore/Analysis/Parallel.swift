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
