// glibc's allocator settings (mallopt), for the commands that tune them. Nothing to link: part of the C library.
#if defined(__linux__)
#include <malloc.h>
#endif
