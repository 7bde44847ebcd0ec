/* tesseract's C API (Debian libtesseract-dev; Apache-2.0). Only the C API: no C++ crosses into Swift.
 * Types only: PDFInput loads libtesseract.so.5 with dlopen the first time a page needs OCR, so the 33 libraries
 * tesseract pulls in (libcurl, gnutls, krb5, leptonica, …) are not loaded by every trendplot process. */
#include <tesseract/capi.h>
#include <dlfcn.h>
