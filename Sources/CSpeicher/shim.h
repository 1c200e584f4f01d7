// glibc's allocator settings (mallopt), for the commands that tune them. Nothing to link: part of the C library.
#if defined(__linux__)
#include <malloc.h>
#endif

// Asks the processor to bring the cache line at p nearer, for a write soon (only a hint: it never faults and
// changes nothing; Swift has no way to say this itself). Header only, inlined where it is called.
static inline void eckwert_vorausladen(const void *p) { __builtin_prefetch(p, 1, 3); }

// Asks for the `zeilen` cache lines from p on, for reading soon (a hint, as above): a chunk of kept draws before
// it is read, so that its lines come while the one before is worked on.
static inline void eckwert_vorauslesen(const void *p, long zeilen) {
    for (long i = 0; i < zeilen; i++) __builtin_prefetch((const char *)p + 64 * i, 0, 3);
}
