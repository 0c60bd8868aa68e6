#ifndef RAPPORT_CLIBXML2_SHIM_H
#define RAPPORT_CLIBXML2_SHIM_H
// xmlversion.h first, then drop ICU: Foundation carries its own ICU and the two clash
// ('UErrorCode' has different definitions). Nothing ICU-typed is used from Swift.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/relaxng.h>
#endif
