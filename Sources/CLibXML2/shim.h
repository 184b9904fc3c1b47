#ifndef MITRAGRAPH_CLIBXML2_SHIM_H
#define MITRAGRAPH_CLIBXML2_SHIM_H
// Debian's libxml2 headers pull in ICU headers that clash with Foundation's copy of ICU,
// so ICU support is switched off before any other libxml header is read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#endif
