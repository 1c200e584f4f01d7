// glibc's allocator settings (mallopt), for the commands that tune them. Nothing to link: part of the C library.
#if defined(__linux__)
#include <malloc.h>
#endif

// Asks the processor to bring the cache line at p nearer, for a write soon (only a hint: it never faults and
// changes nothing; Swift has no way to say this itself). Header only, inlined where it is called.
static inline void eckwert_vorausladen(const void *p) { __builtin_prefetch(p, 1, 3); }
