#if os(Linux)
import CSpeicher
#endif

/// The allocator's settings for a command that streams its output and holds little at a time.
enum Speicher {
    /// One malloc arena for all threads, and free memory handed back to the system from 64 kB on (glibc's default
    /// is 128 kB, rising with each large block freed). The loader reads files on a second thread; with its own
    /// arena, what that thread frees stays in the process: `eckwert forecast` of the benchmark model peaked at
    /// 107–110 MB, with these settings at about 95 MB, and was not slower. Not used where several threads allocate
    /// at once for long (the documents, the draws): there one arena would make them wait for each other.
    static func sparsam() {
        #if os(Linux)
        _ = mallopt(M_ARENA_MAX, 1)
        _ = mallopt(M_TRIM_THRESHOLD, 64 * 1024)
        #endif
    }
}
