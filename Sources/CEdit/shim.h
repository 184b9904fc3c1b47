#ifndef MITRAGRAPH_CEDIT_SHIM_H
#define MITRAGRAPH_CEDIT_SHIM_H
#include <stdio.h>
#include <histedit.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* el_set, el_get and history are variadic, which Swift cannot call; these fix one signature
   per use. */
typedef char *(*mitra_prompt_fn)(EditLine *);
typedef unsigned char (*mitra_command_fn)(EditLine *, int);

/* The standard streams are C globals Swift 6 will not touch from a nonisolated context. */
static inline EditLine *mitra_el_init(const char *program) { return el_init(program, stdin, stdout, stderr); }
static inline void mitra_print(const char *text) { fputs(text, stdout); fflush(stdout); }

static inline int mitra_el_set_prompt(EditLine *el, mitra_prompt_fn f) { return el_set(el, EL_PROMPT, f); }
static inline int mitra_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int mitra_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int mitra_el_add_function(EditLine *el, const char *name, const char *help, mitra_command_fn f) {
    return el_set(el, EL_ADDFN, name, help, f);
}
static inline int mitra_el_bind(EditLine *el, const char *key, const char *name) { return el_set(el, EL_BIND, key, name, NULL); }
static inline int mitra_el_set_client_data(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *mitra_el_client_data(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int mitra_history_set_size(History *h, int n) { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
static inline int mitra_history_set_unique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int mitra_history_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
static inline int mitra_history_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }
static inline int mitra_history_save(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_SAVE, path); }

/* SIGINT without SA_RESTART, so Ctrl-C at the prompt ends el_gets (EINTR) and the shell can
   clear the line, instead of the read quietly resuming. */
static inline int mitra_catch_sigint(void (*handler)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    return sigaction(SIGINT, &sa, NULL);
}
/* The terminal's height in rows, or 0 when standard output is no terminal. */
static inline int mitra_terminal_rows(void) {
    struct winsize w;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0) return w.ws_row;
    return 0;
}
static inline void mitra_el_reset(EditLine *el) { el_reset(el); }
#endif
