#ifndef KIZUNA_CGRAPHVIZ_SHIM_H
#define KIZUNA_CGRAPHVIZ_SHIM_H
#include <stddef.h>
#include <graphviz/graphviz_version.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/color.h>

/* gvRenderData takes `unsigned int *length` up to Graphviz 2.x and
   `size_t *length` from 3.0 on; Swift always sees the size_t form. */
static inline int kz_gvRenderData(GVC_t *gvc, graph_t *g, const char *format, char **result,
                                  size_t *length) {
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 3
  return gvRenderData(gvc, g, format, result, length);
#else
  unsigned int short_length = 0;
  int status = gvRenderData(gvc, g, format, result, &short_length);
  *length = short_length;
  return status;
#endif
}

/* The descriptors are global variables, which Swift 6 treats as unsafe
   shared mutable state; these accessors return copies. */
static inline Agdesc_t kz_directed(void) { return Agdirected; }

/* cgraph's DOT lexer keeps its buffer and line counter between reads: text
   left after one graph (a trailing newline, a second graph) is read at the
   start of the next. Exported by libcgraph but not declared in its header. */
extern void aglexbad(void);
static inline void kz_resetDOTLexer(void) {
  aglexbad();
  agreadline(1);
}

/* Exported by libgvc but declared only in its private colorprocs.h. */
extern int colorxlate(char *str, gvcolor_t *color, color_type_t target_type);
static inline int kz_isKnownColor(const char *name) {
  gvcolor_t color;
  return colorxlate((char *)name, &color, RGBA_BYTE) == COLOR_OK;
}

#endif
