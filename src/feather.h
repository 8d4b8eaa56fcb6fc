/*
 * feather.h -- the public C API of the Feather core.
 *
 * These functions are the module's exports. A host calls them with the
 * ops argument set to NULL (or 0 from WASM), which selects the default ops:
 * the feather_host_* functions of host.h (imports in the WASM build). This
 * is the single dispatch path of both builds.
 *
 * Lifetime: everything the core allocates comes from the scratch arena
 * (arena.h). The host resets the arena (feather_arena_reset) only when the
 * outermost eval on the WASM instance has returned; nested evals (a trace,
 * or an embedder command calling eval) never reset.
 */
#ifndef FEATHER_H
#define FEATHER_H

#include "host.h"

/* The host functions as a table of pointers, one per feather_host_* import. */
#define FEATHER_HOST_FUNCTIONS(X) \
    X(string_new) X(string_get) X(string_concat) \
    X(rune_case) X(rune_class) \
    X(integer_new) X(integer_get) \
    X(integer_new32) \
    X(double_new) X(double_parse) \
    X(list_new) X(list_length) X(list_from_spans) X(list_items) X(list_range) \
    X(list_append) X(list_splice) \
    X(dict_size) X(dict_from_list) X(dict_get) X(dict_put) \
    X(var_get) X(var_set) X(var_unset) X(var_incr) X(var_lappend) X(var_append) \
    X(var_link) X(var_kind) \
    X(frame_push) X(frame_pop) X(frame_level) X(frame_activate) X(frame_words) \
    X(frame_push_proc) \
    X(cmd_lookup) X(proc_define) X(cmd_rename) X(cmd_invoke) X(names) \
    X(ns_current) X(ns_resolve) X(ns_delete) \
    X(trace_add) X(trace_remove) X(trace_info) \
    X(scratch_mark) X(scratch_release) X(pin) \
    X(interp_set_result) X(interp_limit) X(interp_poll)

#define FEATHER_OPS_FIELD(name) __typeof__(feather_host_##name) *name;
typedef struct FeatherHostOps {
    FEATHER_HOST_FUNCTIONS(FEATHER_OPS_FIELD)
} FeatherHostOps;
#undef FEATHER_OPS_FIELD

/* The address of the command epoch, a uint32_t in linear memory. A host
 * adds 1 to it whenever a command lookup could answer differently than
 * before (a command defined, renamed or deleted; a namespace created or
 * deleted): the core drops the lookups it has cached. */
uint32_t *feather_epoch_ptr(void);

/* The default ops (ops == NULL), or ops itself. */
FeatherHostOps *feather_get_ops(FeatherHostOps *ops);

/* Prepare interpreter `interp` in the host: define every builtin command
 * and the global variables Tcl starts with. Returns TCL_OK. */
int feather_interp_init(FeatherHostOps *ops, FeatherInterp interp);

/* Evaluate a script given as UTF-8 bytes in linear memory. Returns a Tcl
 * code and hands the result to feather_host_interp_set_result. On
 * TCL_ERROR the global variables errorInfo and errorCode are set. */
int feather_script_eval(FeatherHostOps *ops, FeatherInterp interp, const char *script,
                        size_t len, int flags);

/* The same for a script held in a value. */
int feather_script_eval_obj(FeatherHostOps *ops, FeatherInterp interp, FeatherObj script,
                            int flags);

/* Invoke one command whose words are the elements of a list, without any
 * substitution (for host calls like interp.call("set", "x", "1")). */
int feather_command_exec(FeatherHostOps *ops, FeatherInterp interp, FeatherObj words, int flags);

/* Substitute variables, commands and backslashes in a value, as Tcl's
 * subst does (flags: FEATHER_SUBST_*). Result as for feather_script_eval. */
enum {
    FEATHER_SUBST_NOBACKSLASHES = 1,
    FEATHER_SUBST_NOVARIABLES = 2,
    FEATHER_SUBST_NOCOMMANDS = 4
};
int feather_subst(FeatherHostOps *ops, FeatherInterp interp, FeatherObj value, int flags);

/* Incremental parsing, one command at a time (for tools and the REPL). */
typedef struct FeatherParseContext {
    const char *script;
    size_t len;
    size_t pos;
} FeatherParseContext;

enum {
    FEATHER_PARSE_OK = 0,         /* a command was parsed; result: list of its words */
    FEATHER_PARSE_INCOMPLETE = 1, /* unclosed brace, quote or bracket */
    FEATHER_PARSE_ERROR = 2,      /* a syntax error; result: Tcl's message */
    FEATHER_PARSE_DONE = 3        /* no more commands */
};

void feather_parse_init(FeatherParseContext *ctx, const char *script, size_t len);

/* Parse the next command of ctx without evaluating substitutions; its
 * words (as written, braces and quotes removed where they delimit a word)
 * become the result. Returns FEATHER_PARSE_*. */
int feather_parse_command(FeatherHostOps *ops, FeatherInterp interp, FeatherParseContext *ctx);

/* Whole-script parse status for a REPL: FEATHER_PARSE_OK (complete),
 * FEATHER_PARSE_INCOMPLETE or FEATHER_PARSE_ERROR (message as result). */
int feather_parse_status(FeatherHostOps *ops, FeatherInterp interp, const char *script,
                         size_t len);

#endif /* FEATHER_H */
