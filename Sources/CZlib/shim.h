#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
#include <zlib.h>

/* deflateInit2 is a macro (it passes ZLIB_VERSION and sizeof(z_stream)); Swift cannot call macros. */
static inline int czlib_deflate_init(z_streamp stream, int level, int memLevel, int strategy) {
    return deflateInit2(stream, level, Z_DEFLATED, 15, memLevel, strategy);
}
#endif
