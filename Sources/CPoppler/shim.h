/* poppler-glib's umbrella header (-I/usr/include/poppler/glib comes from pkg-config poppler-glib); it brings cairo.h. */
#include <poppler.h>
