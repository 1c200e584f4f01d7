// The compression level of the workbooks' parts.
//
// libxlsxwriter packs each part of a workbook (the sheets' XML, styles, …) into the .xlsx zip with minizip's
// zipOpenNewFileInZip4_64 at zlib's default level (6) and offers no option for it. On the benchmark model's run
// (three Kämmerei workbooks of 2 MB, the committee workbook, the Eckwerte workbook) zlib took 30 % of the CPU time
// of `eckwert run`; at level 1 the run took 1.29 s instead of 1.78 s (three interleaved runs each), for files about
// a third larger (a Kämmerei workbook 2.08 → 2.84 MB). What the files hold is the same byte for byte: only how the
// zip container compresses it differs.
//
// So this file defines zipOpenNewFileInZip4_64 itself. Where libxlsxwriter calls the function from a shared
// minizip (Debian's libxlsxwriter4 uses libminizip1), the dynamic linker binds that call to this definition in the
// executable (the linker exports it because a library on the link line refers to it), which passes every argument
// on unchanged to the next definition — minizip's — except the level of a deflated, not raw, part. Where
// libxlsxwriter carries its own minizip (other builds), its calls stay inside it and the default level applies:
// the same workbooks, only slower. The parameters are those of minizip 1.1 (zlib's contrib/minizip: uInt is
// unsigned int, uLong unsigned long).
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <stddef.h>

#include "CXlsxPacken.h"

// minizip 1.1's parameters of zipOpenNewFileInZip4_64, and the same names as arguments (each list written once).
#define ECKWERT_ZIP_PARAMETER                                                                                   \
    void *file, const char *filename, const void *zipfi, const void *extrafield_local,                         \
        unsigned int size_extrafield_local, const void *extrafield_global, unsigned int size_extrafield_global, \
        const char *comment, int method, int level, int raw, int windowBits, int memLevel, int strategy,        \
        const char *password, unsigned long crcForCrypting, unsigned long versionMadeBy, unsigned long flagBase, \
        int zip64
#define ECKWERT_ZIP_ARGUMENTE                                                                                   \
    file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global, size_extrafield_global,  \
        comment, method, level, raw, windowBits, memLevel, strategy, password, crcForCrypting, versionMadeBy,   \
        flagBase, zip64

typedef int (*eckwert_zip_eintrag)(ECKWERT_ZIP_PARAMETER);

/// minizip's definition, looked up once (any thread may be first; they all find the same).
static eckwert_zip_eintrag eckwert_zip_echt(void) {
    static eckwert_zip_eintrag echt = NULL;
    eckwert_zip_eintrag f = __atomic_load_n(&echt, __ATOMIC_ACQUIRE);
    if (f == NULL) {
        void *p = dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
        f = (eckwert_zip_eintrag)p;
        __atomic_store_n(&echt, f, __ATOMIC_RELEASE);
    }
    return f;
}

int zipOpenNewFileInZip4_64(ECKWERT_ZIP_PARAMETER) {
    eckwert_zip_eintrag echt = eckwert_zip_echt();
    // Without a definition after this one there is no minizip to write with: minizip's ZIP_INTERNALERROR, which
    // libxlsxwriter reports as a failed workbook.
    if (echt == NULL) return -104;
    // Z_DEFLATED (8), compressed here rather than handed over compressed (raw).
    if (method == 8 && raw == 0) level = ECKWERT_XLSX_PACKSTUFE;
    return echt(ECKWERT_ZIP_ARGUMENTE);
}
