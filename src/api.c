/*
 * api.c -- the exports of feather.h: entry points the host calls.
 *
 * A top-level entry (no eval of this instance running) starts from fresh
 * per-eval state; a nested entry (a trace, or an embedder command calling
 * eval) saves the interp's state and restores it afterwards, so the outer
 * command continues undisturbed.
 */
#include "cache.h"
#include "core.h"
#include "parse.h"

static int entry_depth;

#ifndef FEATHER_WASM_BUILD
/* The native C stack (in WASM the shadow stack's position is the room left:
 * see stack_low in eval.c). The core's frames may go down to
 * f_native_stack_floor, set at each outermost entry: the floor the host
 * gave (feather_native_stack_floor: its thread's stack bottom plus a margin
 * for the frames between two checks and for host callbacks), else a budget
 * below the outermost entry's frame. */
#define NATIVE_STACK_BUDGET ((uintptr_t)2 << 20)
uintptr_t f_native_stack_floor;
static uintptr_t host_stack_floor;

void feather_native_stack_floor(const void *lowest) { host_stack_floor = (uintptr_t)lowest; }

static void native_stack_mark(void) {
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    if (host_stack_floor) f_native_stack_floor = host_stack_floor;
    else f_native_stack_floor = here > NATIVE_STACK_BUDGET ? here - NATIVE_STACK_BUDGET : 0;
}
#endif

typedef struct Entry {
    InterpState saved;
    bool nested;
} Entry;

static void enter(FeatherInterp i, Entry *e) {
    e->nested = entry_depth > 0;
    if (!e->nested) {
        f_state_reset();
        cache_reset();
#ifndef FEATHER_WASM_BUILD
        native_stack_mark();
#endif
        /* A failure left by the last eval's error reporting (in a full arena)
         * is not this eval's. */
        (void)f_take_alloc_failure();
    }
    entry_depth++;
    InterpState *st = f_state(i);
    if (!e->nested) st->depth = 1; /* the top-level script is level 1, as in Tcl */
    if (e->nested) {
        e->saved = *st;
        st->result = 0;
        f_error_reset(i);
        st->return_code = TCL_OK;
        st->return_level = 1;
        if (st->entries == 0) st->depth = 1; /* this interp's outermost eval */
    }
    st->entries++;
}

/* Turn the final code into what the host sees and hand over the result. */
static int leave(FeatherInterp i, Entry *e, int code) {
    InterpState *st = f_state(i);
    if (st->aborting && st->abort_result) {
        /* A stop ends the eval with its own message, whatever ran after it. */
        code = TCL_ERROR;
        f_set_result(i, st->abort_result);
        st->error_code = st->abort_code;
    }
    if (code == TCL_RETURN) {
        code = f_process_return(i);
        if (code == TCL_RETURN) code = TCL_OK;
    }
    if (code == TCL_BREAK || code == TCL_CONTINUE) {
        code = f_error(i, "invoked \"%s\" outside of a loop", code == TCL_BREAK ? "break" : "continue");
        f_add_error_info(i, "", 0);
    }
    FeatherObj result = f_result(i);
    if (code == TCL_ERROR) {
        FeatherObj dummy;
        FeatherObj info = f_error_info(i);
        FeatherObj ecode = st->error_code ? st->error_code : f_str(i, "NONE");
        feather_host_var_set(i, "::errorInfo", 11, NULL, -1, info, &dummy);
        feather_host_var_set(i, "::errorCode", 11, NULL, -1, ecode, &dummy);
    }
    feather_host_interp_set_result(i, result);
    if (e->nested) {
        bool oom = st->oom, aborting = st->aborting;
        FeatherObj abort_result = st->abort_result, abort_code = st->abort_code;
        *st = e->saved;
        st->oom |= oom;
        /* A stop reaches this interp's outermost eval, and no further: another
         * interp's eval around this one goes on. */
        if (st->entries > 0 && aborting && !st->aborting) {
            st->aborting = true;
            st->abort_result = abort_result;
            st->abort_code = abort_code;
        }
    } else {
        st->entries--;
    }
    entry_depth--;
    return code;
}

int feather_interp_init(FeatherHostOps *ops, FeatherInterp interp) {
    (void)ops;
    Entry e;
    enter(interp, &e);
    /* Namespaces the builtins live in must exist before they are defined. */
    feather_host_ns_resolve(interp, "::tcl::mathfunc", 15, 1);
    int total = f_builtin_total();
    for (int id = 0; id < total; id++) {
        const BuiltinDef *d = f_builtin(id);
        feather_host_proc_define(interp, d->name, (uint32_t)f_strlen(d->name), FEATHER_CMD_BUILTIN, id, 0, 0);
    }
    FeatherObj dummy;
    feather_host_var_set(interp, "::tcl_version", 13, NULL, -1, f_str(interp, "8.6"), &dummy);
    feather_host_var_set(interp, "::tcl_patchLevel", 16, NULL, -1, f_str(interp, "8.6.13"), &dummy);
    f_set_result(interp, f_empty(interp));
    return leave(interp, &e, TCL_OK);
}

int feather_script_eval(FeatherHostOps *ops, FeatherInterp interp, const char *script, size_t len,
                        int flags) {
    (void)ops;
    (void)flags;
    Entry e;
    enter(interp, &e);
    int code = f_eval_bytes(interp, script, (uint32_t)len);
    return leave(interp, &e, code);
}

int feather_command_exec(FeatherHostOps *ops, FeatherInterp interp, FeatherObj words, int flags) {
    (void)ops;
    (void)flags;
    Entry e;
    enter(interp, &e);
    FeatherObj *objv;
    uint32_t objc;
    int code = f_list(interp, words, &objv, &objc);
    if (code == TCL_OK && objc > 0) {
        code = f_invoke(interp, (int)objc, objv);
        if (code == TCL_ERROR && !f_state(interp)->error_active) {
            uint32_t n;
            const char *s = f_get(interp, words, &n);
            f_add_error_info(interp, "\n    while executing\n\"", 22);
            f_add_error_info(interp, s, n > 150 ? 150 : n);
            f_add_error_info(interp, n > 150 ? "...\"" : "\"", n > 150 ? 4 : 1);
        }
    } else if (code == TCL_OK) {
        f_set_result(interp, f_empty(interp));
    }
    return leave(interp, &e, code);
}

int feather_subst(FeatherHostOps *ops, FeatherInterp interp, FeatherObj value, int flags) {
    (void)ops;
    Entry e;
    enter(interp, &e);
    FeatherObj out;
    int code = f_subst(interp, value, flags, &out);
    if (code == TCL_OK) f_set_result(interp, out);
    return leave(interp, &e, code);
}

int feather_parse_status(FeatherHostOps *ops, FeatherInterp interp, const char *script, size_t len) {
    (void)ops;
    Entry e;
    enter(interp, &e);
    Parser p;
    parser_init(&p, script, (uint32_t)len, false);
    int st;
    for (;;) {
        Command cmd;
        st = parse_command(&p, &cmd);
        if (st != FEATHER_PARSE_OK) break;
    }
    if (st == FEATHER_PARSE_DONE) {
        st = FEATHER_PARSE_OK;
        f_set_result(interp, f_empty(interp));
    } else {
        f_set_result(interp, f_str(interp, p.error ? p.error : "syntax error"));
    }
    leave(interp, &e, TCL_OK);
    return st;
}

int f_oom(FeatherInterp i) {
    f_set_error_code(i, f_str(i, "TCL LIMIT MEMORY"));
    return f_error(i, "out of memory");
}
