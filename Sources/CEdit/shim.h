#ifndef MITRAGRAPH_CEDIT_SHIM_H
#define MITRAGRAPH_CEDIT_SHIM_H
#include <stdio.h>
#include <histedit.h>
#endif
