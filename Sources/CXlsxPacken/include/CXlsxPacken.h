// How the workbooks' parts are compressed: see packstufe.c.
#ifndef ECKWERT_CXLSXPACKEN_H
#define ECKWERT_CXLSXPACKEN_H

/// The zlib level at which every deflated part of a workbook is written (1, zlib's fastest).
#define ECKWERT_XLSX_PACKSTUFE 1

#endif
