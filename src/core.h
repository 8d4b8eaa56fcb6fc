/*
 * core.h -- what the parts of the core share: the per-eval interpreter
 * state, results and errors, strings and numbers, lists, variables, and the
 * evaluator's entry points for builtins.
 *
 * Invariants:
 *  - Everything returned as a pointer lives in the scratch arena and dies
 *    when the outermost eval returns (or at the release of an enclosing
 *    arena mark, see f_mark). Handles (FeatherObj) live until the outermost
 *    eval returns.
 *  - Functions returning int return a Tcl code (TCL_OK, TCL_ERROR, ...) and,
 *    on error, leave the message as the interp result.
 *  - Strings obtained from the host are NUL-terminated copies, so C string
 *    helpers may be used on them; their length is always passed along as
 *    they may contain NUL bytes.
 */
#ifndef FEATHER_CORE_H
#define FEATHER_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "feather.h"

/* ------------------------------------------------------------ libc subset */

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t f_strlen(const char *s);
bool f_streq(const char *a, uint32_t alen, const char *b); /* b is a C string */

/* ------------------------------------------------------------ arena */

/* Allocate n bytes (8-aligned) or NULL; a failure also marks the eval as
 * out of memory, which the evaluator reports as a Tcl error. */
void *f_alloc(size_t n);
/* A mark/release pair reclaims everything allocated in between; only use
 * it where no pointer allocated after the mark outlives the release. */
/* True (once) when an allocation failed since the last call. Inline: the
 * evaluator asks after every command. */
extern bool f_alloc_failed;
static inline bool f_take_alloc_failure(void) {
    bool f = f_alloc_failed;
    f_alloc_failed = false;
    return f;
}
size_t f_mark(void);
void f_release(size_t mark);

/* ------------------------------------------------------------ string builder */

typedef struct StrBuf {
    char *data;
    uint32_t len;
    uint32_t cap;
} StrBuf;

void sb_init(StrBuf *b, uint32_t cap);
void sb_add(StrBuf *b, const char *s, uint32_t n);
void sb_addc(StrBuf *b, char c);
void sb_adds(StrBuf *b, const char *cstr);
void sb_add_int(StrBuf *b, int64_t v);
void sb_add_utf8(StrBuf *b, uint32_t codepoint);
/* Append s as one Tcl list element (quoted as Tcl_Merge does); first says
 * whether it is the first element of the list (a leading '#' is braced). */
void sb_add_element(StrBuf *b, const char *s, uint32_t n, bool first);

#ifndef FEATHER_WASM_BUILD
/* Native builds: the lowest address the core's C frames may reach in this
 * eval (api.c); below it nesting fails with Tcl's nesting error. */
extern uintptr_t f_native_stack_floor;
#endif

/* ------------------------------------------------------------ per-eval state */

typedef struct InterpState {
    FeatherInterp id;
    FeatherObj result;
    int depth;               /* Tcl's nesting level (see f_invoke) */
    int script_depth;        /* scripts being evaluated inside each other */
    int limit;               /* recursion limit, from the host */
    /* -- return options of the last TCL_RETURN / TCL_ERROR -- */
    int return_code;         /* -code of `return` */
    int return_level;        /* -level of `return` */
    FeatherObj return_opts;  /* extra options dict (list) or 0 */
    FeatherObj error_code;   /* -errorcode, or 0 for NONE */
    /* -- errorInfo being built while an error unwinds -- */
    bool error_active;       /* errorInfo collection started for this error */
    bool error_logged;       /* the failing command must not log itself (error -info) */
    StrBuf error_info;
    int error_line;          /* -errorline: line of the failing command */
    uint32_t error_script_len; /* length of the script error_line counts in */
    bool oom;                /* an allocation failed during this eval */
    FeatherObj tailcall;     /* words of a pending tailcall, or 0 */
    FeatherObj tailcall_cmd; /* its command as found where tailcall ran, or 0 */
    FeatherObj empty;        /* a pinned empty string (f_empty), or 0 */
    bool aborting;           /* the host stopped the eval: nothing catches it */
    FeatherObj abort_result; /* the stop's message and errorCode, what the */
    FeatherObj abort_code;   /* outermost eval ends with whatever ran after */
    int entries;             /* entries (api.c) of this interp now running */
    uint32_t poll_count;     /* commands and iterations since the last poll */
    /* -- execution traces (cmd_trace.c) -- */
    int stepping;            /* step traces are active (0 when none) */
    struct TraceState *exec; /* running execution traces, or NULL */
    FeatherObj errorstack;   /* -errorstack of the error now unwinding (a list) */
    FeatherObj last_errorstack; /* info errorstack: that of the last error */
} InterpState;

/* State of interp i for the current top-level eval (created on first use).
 * Inline: asked several times per command, almost always for the interp
 * asked last (obj.c). */
extern InterpState *f_state_last;
InterpState *f_state_find(FeatherInterp i);
static inline InterpState *f_state(FeatherInterp i) {
    InterpState *s = f_state_last;
    return s && s->id == i ? s : f_state_find(i);
}

/* ------------------------------------------------------------ results and errors */

void f_set_result(FeatherInterp i, FeatherObj o);
FeatherObj f_result(FeatherInterp i);
int f_ok(FeatherInterp i, FeatherObj o);                  /* set result, TCL_OK */
int f_ok_str(FeatherInterp i, const char *s, uint32_t n); /* ditto with a new string */
int f_ok_int(FeatherInterp i, int64_t v);
int f_ok_empty(FeatherInterp i);

/* Format a message: %s C string, %S (const char *, uint32_t) pair, %o the
 * string rep of a FeatherObj, %d int, %D int64_t, %c a byte, %% a percent. */
FeatherObj f_format(FeatherInterp i, const char *fmt, ...);
/* Set a formatted error message as result and return TCL_ERROR. */
int f_error(FeatherInterp i, const char *fmt, ...);
/* "out of memory" (the scratch arena is full), errorCode TCL LIMIT MEMORY. */
int f_oom(FeatherInterp i);
/* Set errorCode (a list of words as a C string, e.g. "ARITH DIVZERO {divide by zero}"). */
void f_set_error_code(FeatherInterp i, FeatherObj code);
/* "wrong # args: should be \"W1 .. Wn msg\"" with the first n words of objv. */
int f_wrong_args(FeatherInterp i, int n, FeatherObj *objv, const char *msg);

/* ------------------------------------------------------------ strings */

FeatherObj f_str(FeatherInterp i, const char *cstr);
FeatherObj f_strn(FeatherInterp i, const char *s, uint32_t n);
FeatherObj f_empty(FeatherInterp i);
/* String rep of o (NUL-terminated arena copy); *len may be NULL. */
const char *f_get(FeatherInterp i, FeatherObj o, uint32_t *len);
bool f_obj_eq(FeatherInterp i, FeatherObj a, const char *cstr); /* o's string == cstr */

/* UTF-8 */
uint32_t utf8_decode(const char *s, uint32_t n, uint32_t *codepoint); /* bytes used (>=1) */
uint32_t utf8_encode(uint32_t codepoint, char *out);                 /* bytes written */
uint32_t utf8_count(const char *s, uint32_t n);                      /* characters */
/* Byte offset of character index k (k <= count). */
uint32_t utf8_offset(const char *s, uint32_t n, uint32_t k);

/* Glob matching exactly as Tcl_StringCaseMatch (string match, lsearch
 * -glob, switch -glob, array names ...: * ? [chars] [a-z] \x), by
 * characters; with nocase both sides are compared in lower case (Unicode
 * case mapping from the host). */
bool f_match(FeatherInterp i, const char *pat, uint32_t plen, const char *s, uint32_t slen,
             bool nocase);
/* The same matcher without an interp: nocase folds ASCII letters only. */
bool f_glob(const char *pat, uint32_t plen, const char *s, uint32_t slen, bool nocase);
/* Case mapping of one code point: mode 0 lower, 1 upper, 2 title (cmd_string.c). */
uint32_t fstr_case(FeatherInterp i, uint32_t c, int mode);

/* ------------------------------------------------------------ numbers */

/* Parse text as a Tcl integer (whitespace around, sign, 0x 0o 0b or
 * decimal, underscores not allowed). Returns 1 ok, 0 not an integer,
 * 2 an integer too large for 64 bits. */
int f_parse_int(const char *s, uint32_t n, int64_t *out);
/* Parse text as a Tcl double (also accepts integers, Inf, NaN). 1 ok, 0 not. */
int f_parse_double(FeatherInterp i, const char *s, uint32_t n, double *out);
/* Numeric value of o: 1 integer in *iv, 2 double in *dv, 0 not a number. */
int f_get_number(FeatherInterp i, FeatherObj o, int64_t *iv, double *dv);

int f_get_int(FeatherInterp i, FeatherObj o, int64_t *out);   /* "expected integer but got ..." */
int f_get_double(FeatherInterp i, FeatherObj o, double *out); /* "expected floating-point number ..." */
int f_get_bool(FeatherInterp i, FeatherObj o, bool *out);     /* "expected boolean value ..." */
/* Parse a boolean word: 1 ok, 0 not a boolean. */
int f_parse_bool(const char *s, uint32_t n, bool *out);
/* An index into a sequence whose last index is `end`, as Tcl 8.6's
 * TclGetIntForIndex reads it: an integer, a prefix of "end", end+N, end-N,
 * M+N or M-N (N and M as Tcl_GetInt reads them: any radix, white space
 * around), in 32-bit arithmetic. *is_end (may be NULL) tells an
 * end-relative index. Error: Tcl's message, errorCode TCL VALUE INDEX. */
int f_get_index(FeatherInterp i, FeatherObj o, int64_t end, int64_t *out, bool *is_end);

/* What TclParseNumber finds at the start of s: the longest prefix that is
 * a number, white space around it included (int_only: integers only). */
typedef struct NumberScan {
    uint32_t stop;  /* end of the number and the white space after it */
    uint32_t end;   /* end of the number itself */
    bool is_int;    /* the number is an integer */
    bool big;       /* ... whose magnitude exceeds 64 bits */
    bool neg;       /* a minus sign came first */
    uint64_t mag;   /* its magnitude */
} NumberScan;
bool f_scan_number(const char *s, uint32_t n, bool int_only, NumberScan *r);
/* The value of a hexadecimal digit, 99 for any other character. */
int f_digit_value(char c);

FeatherObj f_int(FeatherInterp i, int64_t v);
/* feather_host_integer_get, answered without a crossing when the core
 * already knows the handle's integer. */
int f_integer_get(FeatherInterp i, FeatherObj o, int64_t *out);
/* feather_host_scratch_release, forgetting what the core knew of the
 * handles it drops. */
FeatherObj f_scratch_release(FeatherInterp i, uint32_t mark, FeatherObj keep);
FeatherObj f_double(FeatherInterp i, double v);

/* ------------------------------------------------------------ lists */

/* The elements of o as an arena array of handles (parsing o's string rep
 * when it has no list rep). Errors as Tcl's list parser gives them. */
int f_list(FeatherInterp i, FeatherObj o, FeatherObj **items, uint32_t *n);
/* Length of o as a list. */
int f_list_length(FeatherInterp i, FeatherObj o, uint32_t *n);
FeatherObj f_list_new(FeatherInterp i, FeatherObj *items, uint32_t n);
/* Split text into list element spans as Tcl's list parser does. Returns
 * TCL_OK with an arena array of 2*n uint32 (offset, length) and a buffer
 * holding the unescaped elements, or TCL_ERROR with the message. */
int f_split_list(FeatherInterp i, const char *s, uint32_t n, char **buf, uint32_t **spans,
                 uint32_t *count);

/* ------------------------------------------------------------ variables */

/* Variables named as Tcl names them: "x", "a(k)", "::ns::x". */
int f_var_get(FeatherInterp i, FeatherObj name, FeatherObj *out);
int f_var_set(FeatherInterp i, FeatherObj name, FeatherObj value, FeatherObj *out);
int f_var_unset(FeatherInterp i, FeatherObj name, bool complain);
/* Read a variable with its numeric rep in one crossing: kind and number
 * as feather_host_integer_get gives them. */
int f_var_get_number(FeatherInterp i, const char *name, uint32_t n, FeatherObj *out, int *kind,
                     int64_t *number);
/* The same with the name as bytes. */
int f_var_get_s(FeatherInterp i, const char *name, uint32_t n, FeatherObj *out);
int f_var_set_s(FeatherInterp i, const char *name, uint32_t n, FeatherObj value, FeatherObj *out);
/* "ns::tail" of a fully qualified namespace name ("::tail" for the global one;
 * cmd_namespace.c). */
FeatherObj f_ns_join(FeatherInterp i, FeatherObj ns, const char *tail, uint32_t n);
/* Split "a(k)" into array name and key; key_len -1 when not an element. */
void f_split_varname(const char *name, uint32_t n, uint32_t *base_len, const char **key,
                     int32_t *key_len);
/* The Tcl error for a failed variable operation (status FEATHER_VAR_*);
 * verb is "read", "set", "unset". */
int f_var_error(FeatherInterp i, const char *verb, const char *name, uint32_t n, int status,
                FeatherObj msg);

/* ------------------------------------------------------------ evaluation */

enum {
    F_EVAL_GLOBAL = 1 /* evaluate at level 0 (uplevel #0) */
};

/* Evaluate a script held in a value / in bytes; result in the interp. */
int f_eval_obj(FeatherInterp i, FeatherObj script);
int f_eval_bytes(FeatherInterp i, const char *s, uint32_t n);
/* Invoke the command made of objc words (objv[0] is the command name). */
int f_invoke(FeatherInterp i, int objc, FeatherObj *objv);
/* Substitute (subst), flags FEATHER_SUBST_*. */
int f_subst(FeatherInterp i, FeatherObj value, int flags, FeatherObj *out);
/* Evaluate an expression; the result value in *out. */
int f_expr(FeatherInterp i, FeatherObj e, FeatherObj *out);
int f_expr_bool(FeatherInterp i, FeatherObj e, bool *out);
/* Call a proc (lambda 0) or an apply lambda (objv[0] is the lambda term,
 * named in errors) given its lookup info and the invoking words; pinned:
 * info's handles are pinned, so their parse may be cached. */
int f_call_lambda(FeatherInterp i, FeatherCmdInfo *info, int objc, FeatherObj *objv, FeatherObj lambda,
                  bool pinned);
/* f_invoke when the command name's text is already known. */
int f_invoke_named(FeatherInterp i, int objc, FeatherObj *objv, const char *name, uint32_t n);
/* Invoke a command already looked up, without firing execution traces. */
int f_invoke_found(FeatherInterp i, FeatherCmdInfo *info, int objc, FeatherObj *objv, const char *name,
                   uint32_t n, bool pinned);
/* Invoke a command that has execution traces, or while step traces are
 * active (cmd_trace.c): fires them around f_invoke_found. */
int f_invoke_traced(FeatherInterp i, FeatherCmdInfo *info, int objc, FeatherObj *objv, const char *name,
                    uint32_t n, bool pinned);
/* -errorstack (cmd_control.c): started by the innermost failing command
 * ("INNER {invokeStk1 words}", or error/throw's own entry), then a proc
 * frame unwinding adds "CALL words", an uplevel "UP n". */
void f_errorstack_invoked(FeatherInterp i, int objc, FeatherObj *objv);
void f_errorstack_add(FeatherInterp i, const char *tag, FeatherObj value);
/* The options dictionary of a completed script (catch, try). */
FeatherObj f_return_options(FeatherInterp i, int code);
/* Append a line to errorInfo of the error now unwinding (as Tcl_AddErrorInfo). */
void f_add_error_info(FeatherInterp i, const char *s, uint32_t n);
/* errorInfo of the error now unwinding (the message when nothing was logged). */
FeatherObj f_error_info(FeatherInterp i);
/* Forget the error state once an error has been caught. */
void f_error_reset(FeatherInterp i);
/* Apply -level/-code of a TCL_RETURN that reached a proc body's end. */
int f_process_return(FeatherInterp i);
/* Forget all per-eval state (the arena was reset). */
void f_state_reset(void);

/* Count one unit of work (a command, a loop iteration) and, every so
 * often, ask the host whether the eval may go on; TCL_ERROR when it may
 * not (the eval is then aborting, see InterpState). */
int f_poll(FeatherInterp i);
/* The same for a builtin's own long loops: units of work done since its
 * last call (one a list element or a comparison, one per F_POLL_BYTES
 * bytes of a string); asks the host once per 1024 units. */
int f_poll_work(FeatherInterp i, uint32_t units);
#define F_POLL_BYTES 64u
/* A loop over a string polls once per chunk of this many bytes. */
#define F_POLL_CHUNK (1024u * F_POLL_BYTES)

/* Backslash sequence at s (s[0] == '\\'): appends its meaning to b,
 * returns the number of bytes consumed. */
uint32_t f_backslash(const char *s, uint32_t n, StrBuf *b);

/* ------------------------------------------------------------ builtins */

typedef int (*FeatherBuiltin)(FeatherInterp i, int objc, FeatherObj *objv);

typedef struct BuiltinDef {
    const char *name;
    FeatherBuiltin fn;
} BuiltinDef;

/* Each builtin family (cmd_*.c) defines one table, ended by {0, 0}, and
 * builtins.c lists the tables. Builtin ids number the entries of all tables
 * in order. */
const BuiltinDef *f_builtin(int id); /* NULL when out of range */
/* The builtin (or NULL) and, in *counted, whether calling it counts as a
 * nesting level (see f_invoke): the evaluator asks once per command. */
const BuiltinDef *f_builtin_counting(int id, bool *counted);
int f_builtin_total(void);

/* Subcommand lookup with Tcl's unique-prefix rule: "bad option \"x\": must
 * be a, b, or c" (what = "option", "subcommand", ...). */
int f_get_enum(FeatherInterp i, FeatherObj o, const char *const *table, const char *what,
               int *index);

#endif /* FEATHER_CORE_H */
