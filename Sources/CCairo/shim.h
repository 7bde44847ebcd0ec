#ifndef CCAIRO_SHIM_H
#define CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

/* g_object_unref takes a gpointer; this keeps call sites typed. */
static inline void ccairo_unref(void *object) { g_object_unref(object); }
#endif
