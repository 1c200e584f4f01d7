#if canImport(Glibc)
import Glibc
#endif

/// Memory of some megabytes for the draws' values, mapped from the system at a multiple of 2 MiB (the size of a
/// huge page on x86-64 and arm64) and marked as worth huge pages, uninitialized (what is mapped reads as zeros,
/// but the callers write every value before reading it): one page fault per 2 MiB where 4 KiB pages took 512
/// (the sample's 58 MB of the benchmark model cost 15,000 faults), and one page-table entry per 2 MiB spares a
/// page walk on scattered writes. Handed back whole by `freigeben`, rather than kept by malloc's arenas for what
/// comes after. Without mmap (not Linux) it is taken from the allocator.
struct Grossspeicher<Wert>: @unchecked Sendable {
    let zeiger: UnsafeMutablePointer<Wert>
    let anzahl: Int
    private let bytes: Int
    /// Whether the memory was mapped (then `teilen` can cut it).
    let gemappt: Bool

    static var seite: Int { 2 << 20 }

    init(_ anzahl: Int) {
        self.anzahl = anzahl
        let seite = Self.seite
        let bytes = (Swift.max(1, anzahl) * MemoryLayout<Wert>.stride + seite - 1) / seite * seite
        self.bytes = bytes
        #if canImport(Glibc)
        // One page more, so that the region can start at a multiple of 2 MiB; the parts before and after are
        // handed back at once.
        if let roh = mmap(nil, bytes + seite, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            roh != UnsafeMutableRawPointer(bitPattern: -1)
        {
            let a = Int(bitPattern: roh), vorn = (seite - a % seite) % seite
            if vorn > 0 { _ = munmap(roh, vorn) }
            _ = munmap(roh + vorn + bytes, seite - vorn)
            let p = roh + vorn
            _ = madvise(p, bytes, Int32(MADV_HUGEPAGE))
            zeiger = p.bindMemory(to: Wert.self, capacity: Swift.max(1, anzahl))
            gemappt = true
            return
        }
        #endif
        zeiger = .allocate(capacity: Swift.max(1, anzahl))
        gemappt = false
    }

    private init(zeiger: UnsafeMutablePointer<Wert>, anzahl: Int, bytes: Int) {
        self.zeiger = zeiger
        self.anzahl = anzahl
        self.bytes = bytes
        gemappt = true
    }

    var puffer: UnsafeMutableBufferPointer<Wert> { UnsafeMutableBufferPointer(start: zeiger, count: anzahl) }

    /// The memory cut into pieces of `stueckAnzahl` values, each a whole number of 2 MiB pages and
    /// freed on its own (in place of this one), so that memory already touched serves again: its pages need not
    /// be cleared and faulted in anew (on the benchmark machine the kernel's clearing of fresh pages ran at about
    /// 1 GB/s). Empty where the memory was not mapped (then it is freed here) or a piece is not a multiple of
    /// 2 MiB; what is left over after the last whole piece is handed back.
    func teilen(in stueckAnzahl: Int) -> [Grossspeicher] {
        let stueckBytes = stueckAnzahl * MemoryLayout<Wert>.stride
        guard gemappt, stueckBytes > 0, stueckBytes % Self.seite == 0 else {
            freigeben()
            return []
        }
        let roh = UnsafeMutableRawPointer(zeiger)
        var stuecke: [Grossspeicher] = []
        var o = 0
        while o + stueckBytes <= bytes {
            stuecke.append(
                Grossspeicher(
                    zeiger: (roh + o).bindMemory(to: Wert.self, capacity: stueckAnzahl), anzahl: stueckAnzahl,
                    bytes: stueckBytes))
            o += stueckBytes
        }
        #if canImport(Glibc)
        if o < bytes { _ = munmap(roh + o, bytes - o) }
        #endif
        return stuecke
    }

    /// Hands the memory back (once; values of a trivial type only, nothing is deinitialized).
    func freigeben() {
        #if canImport(Glibc)
        if gemappt {
            _ = munmap(UnsafeMutableRawPointer(zeiger), bytes)
            return
        }
        #endif
        zeiger.deallocate()
    }
}

extension UnsafeMutableBufferPointer {
    /// Memory for `anzahl` values starting at a multiple of 64 bytes (a cache line), uninitialized, freed with
    /// `deallocate()`: the C loops' vector loads and stores of 32 bytes then never straddle two lines, as half of
    /// them do in memory that is only 16-byte aligned (malloc's, and so a Swift array's elements or
    /// `allocate(capacity:)`): in the cohort kernel that alone cost about a third more time.
    static func ausgerichtet(_ anzahl: Int) -> UnsafeMutableBufferPointer<Element> {
        let roh = UnsafeMutableRawPointer.allocate(
            byteCount: Swift.max(1, anzahl) * MemoryLayout<Element>.stride,
            alignment: Swift.max(64, MemoryLayout<Element>.alignment))
        return UnsafeMutableBufferPointer(start: roh.bindMemory(to: Element.self, capacity: anzahl), count: anzahl)
    }
}
