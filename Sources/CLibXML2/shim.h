#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, whose headers clash with the copy of ICU
   inside Foundation. feedwatch never touches the ICU members of libxml2's
   encoding handler, so its headers are read without them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/parserInternals.h>

/* xmlFree is a macro over a per-thread function pointer, which Swift cannot
   import; this forwards to it. */
static inline void cxml_free(void *pointer) { xmlFree(pointer); }
