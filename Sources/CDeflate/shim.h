#ifndef CDEFLATE_SHIM_H
#define CDEFLATE_SHIM_H
#include <zlib.h>

/* deflateInit2 is a macro (it passes ZLIB_VERSION and sizeof(z_stream)); Swift cannot call macros.
   Negative windowBits: a raw deflate stream, without zlib's header and Adler-32 trailer. */
static inline int czlib_deflate_init(z_streamp stream, int level, int windowBits, int memLevel, int strategy) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, memLevel, strategy);
}
#endif
