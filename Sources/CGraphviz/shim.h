#ifndef KIZUNA_CGRAPHVIZ_SHIM_H
#define KIZUNA_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
