#if os(Linux)
import CSpeicher
#endif

/// The allocator's settings for a command that streams its output and holds little at a time.
enum Speicher {
    /// One malloc arena for all threads, and free memory handed back to the system from 64 kB on (a fixed
    /// threshold also ends glibc's rising mmap threshold, so large blocks go back when freed). The loader reads
    /// files on a second thread; with its own arena, what that thread frees stays in the process. `eckwert forecast`
    /// of the benchmark model: 107–110 MB peak and 0.74–0.80 s without these settings, 94 MB and 0.86–0.93 s with
    /// them (more system time, the two loader threads share one arena) — the goal of < 100 MB is kept at that price.
    /// Blocks below 32 MiB come from the heap rather than each from a mapping of its own: the writer's per-szenario
    /// arrays (row order, sort keys, a few MB each) then reuse the pages freed by the last szenario instead of being
    /// unmapped and faulted in afresh (`eckwert forecast` of the benchmark model, medians of 12 interleaved runs: system
    /// time 0.075 → 0.050 s, peak 88.8 → 90.7 MB).
    /// Not used where several threads allocate at once for long (the documents, the draws): there one arena would
    /// make them wait for each other.
    static func sparsam() {
        #if os(Linux)
        _ = mallopt(M_ARENA_MAX, 1)
        _ = mallopt(M_TRIM_THRESHOLD, 64 * 1024)
        _ = mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024)
        #endif
    }

    /// Hands the memory freed so far back to the system: after the draws, their storage (held by the allocator
    /// for the threads that used it) would otherwise stay in the process beside the documents written next, and
    /// the two would add up in the run's peak.
    static func freigeben() {
        #if os(Linux)
        _ = malloc_trim(0)
        #endif
    }
}
