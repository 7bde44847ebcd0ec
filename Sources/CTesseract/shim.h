/* tesseract's C API (Debian libtesseract-dev; Apache-2.0). Only the C API: no C++ crosses into Swift. */
#include <tesseract/capi.h>
