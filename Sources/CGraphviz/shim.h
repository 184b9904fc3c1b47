#ifndef MITRAGRAPH_CGRAPHVIZ_SHIM_H
#define MITRAGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
