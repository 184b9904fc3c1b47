#ifndef MITRAGRAPH_CSERD_SHIM_H
#define MITRAGRAPH_CSERD_SHIM_H
#include <stdarg.h>
#include <stdio.h>
#include <serd/serd.h>

// Swift cannot walk a va_list, so serd's printf-style error message is formatted here.
static inline int mitra_serd_format_error(const SerdError *error, char *buffer, size_t size) {
    if (error == NULL || error->fmt == NULL || error->args == NULL) {
        if (size > 0) buffer[0] = '\0';
        return 0;
    }
    va_list copy;
    va_copy(copy, *error->args);
    int written = vsnprintf(buffer, size, error->fmt, copy);
    va_end(copy);
    return written;
}
#endif
