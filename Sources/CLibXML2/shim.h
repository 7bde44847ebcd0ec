#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; its <unicode/ucnv.h> clashes with Foundation's bundled ICU.
   The ICU fields are never used here, so hide them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlwriter.h>
/* xmlFree is a global function-pointer variable, which Swift 6 rejects; wrap it. */
static inline void cxml_free(void *p) { xmlFree(p); }
#endif
