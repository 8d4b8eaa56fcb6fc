/*
 * cmd_trace.c -- trace add/remove/info for variables, commands and
 * execution. The host stores the traces (scripts as strings) and fires
 * variable and command traces; execution traces are fired here, around the
 * invocation of a command the host marks as traced (FeatherCmdInfo.traced)
 * and, for enterstep/leavestep, around every command run meanwhile.
 */
#include "core.h"

/* Operations of each kind of trace, in the order Tcl's messages list them
 * and (canonical) the order trace info reports them. */
static const char *const var_ops[] = {"array", "read", "unset", "write", 0};
static const char *const var_order[] = {"array", "read", "write", "unset", 0};
static const char *const cmd_ops[] = {"delete", "rename", 0};
static const char *const exec_ops[] = {"enter", "leave", "enterstep", "leavestep", 0};

enum { KIND_VARIABLE = 0, KIND_COMMAND = 1, KIND_EXECUTION = 2 };

/* Validate an operation list (each operation spelt exactly, as Tcl wants)
 * and return it in canonical order. */
static int get_ops(FeatherInterp i, FeatherObj list, int kind, FeatherObj *out) {
    FeatherObj *items;
    uint32_t n;
    if (f_list(i, list, &items, &n) != TCL_OK) return TCL_ERROR;
    const char *const *table = kind == KIND_COMMAND ? cmd_ops : kind == KIND_EXECUTION ? exec_ops : var_ops;
    const char *const *order = kind == KIND_VARIABLE ? var_order : table;
    const char *must = kind == KIND_COMMAND     ? "delete or rename"
                       : kind == KIND_EXECUTION ? "enter, leave, enterstep, or leavestep"
                                                : "array, read, unset, or write";
    if (n == 0) return f_error(i, "bad operation list \"\": must be one or more of %s", must);
    bool seen[4] = {false, false, false, false};
    for (uint32_t k = 0; k < n; k++) {
        uint32_t len;
        const char *s = f_get(i, items[k], &len);
        int idx = -1;
        for (int t = 0; order[t]; t++) {
            if (f_streq(s, len, order[t])) idx = t;
        }
        if (idx < 0) {
            FeatherObj code[5] = {f_str(i, "TCL"), f_str(i, "LOOKUP"), f_str(i, "INDEX"), f_str(i, "operation"), items[k]};
            f_set_error_code(i, f_list_new(i, code, 5));
            return f_error(i, "bad operation \"%S\": must be %s", s, len, must);
        }
        seen[idx] = true;
    }
    FeatherObj ordered[4];
    uint32_t m = 0;
    for (int k = 0; order[k]; k++) {
        if (seen[k]) ordered[m++] = f_str(i, order[k]);
    }
    *out = f_list_new(i, ordered, m);
    return TCL_OK;
}

/* Is there a command so named? If not, Tcl's error is left in the result. */
static bool command_exists(FeatherInterp i, FeatherObj name) {
    FeatherCmdInfo info;
    memset(&info, 0, sizeof info);
    uint32_t n;
    const char *s = f_get(i, name, &n);
    if (feather_host_cmd_lookup(i, s, n, &info) != FEATHER_CMD_NONE) return true;
    FeatherObj code[4] = {f_str(i, "TCL"), f_str(i, "LOOKUP"), f_str(i, "COMMAND"), name};
    f_set_error_code(i, f_list_new(i, code, 4));
    f_error(i, "unknown command \"%S\"", s, n);
    return false;
}

static int cmd_trace(FeatherInterp i, int objc, FeatherObj *objv) {
    static const char *const options[] = {"add", "info", "remove", "variable", "vdelete", "vinfo", 0};
    static const char *const types[] = {"execution", "command", "variable", 0};
    if (objc < 2) return f_wrong_args(i, 1, objv, "option ?arg ...?");
    int opt;
    if (f_get_enum(i, objv[1], options, "option", &opt) != TCL_OK) return TCL_ERROR;
    if (opt > 2) return f_error(i, "trace %o is not supported by Feather; use trace add/remove/info", objv[1]);
    if (objc < 3) return f_wrong_args(i, 2, objv, "type ?arg ...?");
    int type;
    if (f_get_enum(i, objv[2], types, "option", &type) != TCL_OK) return TCL_ERROR;
    int kind = type == 2 ? KIND_VARIABLE : type == 1 ? KIND_COMMAND : KIND_EXECUTION;
    if (opt == 1) {
        if (objc != 4) return f_wrong_args(i, 3, objv, "name");
        uint32_t n;
        const char *name = f_get(i, objv[3], &n);
        if (kind != KIND_VARIABLE && !command_exists(i, objv[3])) return TCL_ERROR;
        return f_ok(i, feather_host_trace_info(i, kind, name, n));
    }
    if (objc != 6) return f_wrong_args(i, 3, objv, "name opList command");
    FeatherObj ops;
    if (get_ops(i, objv[4], kind, &ops) != TCL_OK) return TCL_ERROR;
    uint32_t n;
    const char *name = f_get(i, objv[3], &n);
    if (kind != KIND_VARIABLE && !command_exists(i, objv[3])) return TCL_ERROR;
    if (opt == 0) {
        feather_host_trace_add(i, kind, name, n, ops, objv[5]);
    } else {
        feather_host_trace_remove(i, kind, name, n, ops, objv[5]);
    }
    return f_ok_empty(i);
}

/* ------------------------------------------------------------ execution traces */

/* What is running, innermost first: a command whose step traces are active
 * (STEP), or a trace callback (CALLBACK). Each lives on the C stack of the
 * f_invoke_traced call that made it. While a callback runs, the step
 * traces active around it do not fire, and the trace running the callback
 * does not fire again. */
enum { FRAME_STEP, FRAME_CALLBACK };

typedef struct TraceState {
    struct TraceState *prev;
    int kind;
    FeatherObj traces; /* STEP: the command's traces, {ops script} newest first */
    FeatherObj name;   /* CALLBACK: the traced command and the trace's script */
    FeatherObj script;
} TraceState;

static bool has_op(FeatherInterp i, FeatherObj ops, const char *op) {
    FeatherObj *items;
    uint32_t n;
    if (f_list(i, ops, &items, &n) != TCL_OK) return false;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t len;
        const char *s = f_get(i, items[k], &len);
        if (f_streq(s, len, op)) return true;
    }
    return false;
}

static bool same_text(FeatherInterp i, FeatherObj a, FeatherObj b) {
    uint32_t an, bn;
    const char *as = f_get(i, a, &an);
    const char *bs = f_get(i, b, &bn);
    return an == bn && memcmp(as, bs, an) == 0;
}

/* Is this trace (of command name) running a callback now? */
static bool busy(FeatherInterp i, FeatherObj name, FeatherObj script) {
    for (TraceState *t = f_state(i)->exec; t; t = t->prev) {
        if (t->kind == FRAME_CALLBACK && same_text(i, t->script, script) && same_text(i, t->name, name)) {
            return true;
        }
    }
    return false;
}

/* Is this step trace (of command name) already active? A recursive call
 * does not make it fire twice. */
static bool step_active(FeatherInterp i, FeatherObj name, FeatherObj script) {
    for (TraceState *t = f_state(i)->exec; t; t = t->prev) {
        if (t->kind != FRAME_STEP || !same_text(i, t->name, name)) continue;
        FeatherObj *items;
        uint32_t n;
        if (f_list(i, t->traces, &items, &n) != TCL_OK) continue;
        for (uint32_t k = 0; k < n; k++) {
            FeatherObj *pair;
            uint32_t np;
            if (f_list(i, items[k], &pair, &np) == TCL_OK && np == 2 && same_text(i, pair[1], script)) return true;
        }
    }
    return false;
}

/* Run one trace callback: "script cmdstring ?code result? op". An error
 * gets "(enter trace on ...)" in errorInfo and is not logged again by the
 * command it was for. */
static int run_callback(FeatherInterp i, FeatherObj name, FeatherObj script, FeatherObj *args, uint32_t nargs,
                        bool enter) {
    InterpState *st = f_state(i);
    TraceState frame = {st->exec, FRAME_CALLBACK, 0, name, script};
    st->exec = &frame;
    FeatherObj full = f_format(i, "%o %o", script, f_list_new(i, args, nargs));
    int code = f_eval_obj(i, full);
    st->exec = frame.prev;
    if (code == TCL_ERROR) {
        uint32_t n;
        const char *cmd = f_get(i, args[0], &n);
        FeatherObj msg = f_format(i, "\n    (%s trace on \"%S\")", enter ? "enter" : "leave", cmd, n);
        const char *m = f_get(i, msg, &n);
        f_add_error_info(i, m, n);
        st->error_logged = true;
    }
    return code;
}

/* The step frames whose traces fire now (those inside the innermost
 * callback), outermost first, in an arena array; their count in *n. */
static TraceState **active_steps(FeatherInterp i, uint32_t *n) {
    uint32_t count = 0;
    for (TraceState *t = f_state(i)->exec; t && t->kind == FRAME_STEP; t = t->prev) count++;
    *n = count;
    if (!count) return NULL;
    TraceState **out = f_alloc(count * sizeof *out);
    if (!out) {
        *n = 0;
        return NULL;
    }
    uint32_t k = count;
    for (TraceState *t = f_state(i)->exec; k > 0; t = t->prev) out[--k] = t;
    return out;
}

/* The interp state a leave callback must not disturb when it succeeds. */
typedef struct Saved {
    FeatherObj result, return_opts, error_code, errorstack;
    int return_code, return_level, error_line;
    bool error_active, error_logged;
    StrBuf error_info;
    uint32_t error_script_len;
} Saved;

static void save(InterpState *st, Saved *s) {
    s->result = st->result;
    s->return_opts = st->return_opts;
    s->error_code = st->error_code;
    s->errorstack = st->errorstack;
    s->return_code = st->return_code;
    s->return_level = st->return_level;
    s->error_line = st->error_line;
    s->error_active = st->error_active;
    s->error_logged = st->error_logged;
    s->error_info = st->error_info;
    s->error_script_len = st->error_script_len;
}

static void restore(InterpState *st, const Saved *s) {
    st->result = s->result;
    st->return_opts = s->return_opts;
    st->error_code = s->error_code;
    st->errorstack = s->errorstack;
    st->return_code = s->return_code;
    st->return_level = s->return_level;
    st->error_line = s->error_line;
    st->error_active = s->error_active;
    st->error_logged = s->error_logged;
    st->error_info = s->error_info;
    st->error_script_len = s->error_script_len;
}

/* Leave callbacks of a list of traces ({ops script}, newest first), oldest
 * first; each sees the result the previous one left. Returns false when a
 * callback failed: *code is then its code. */
static bool fire_leave(FeatherInterp i, FeatherObj name, FeatherObj traces, const char *op, FeatherObj cmdstr,
                       int *codep) {
    InterpState *st = f_state(i);
    int code = *codep;
    FeatherObj *items;
    uint32_t n;
    if (f_list(i, traces, &items, &n) != TCL_OK) return true;
    for (uint32_t k = n; k-- > 0;) {
        FeatherObj *pair;
        uint32_t np;
        if (f_list(i, items[k], &pair, &np) != TCL_OK || np != 2) continue;
        if (!has_op(i, pair[0], op) || busy(i, name, pair[1])) continue;
        Saved saved;
        save(st, &saved);
        FeatherObj args[4] = {cmdstr, f_int(i, code), f_result(i), f_str(i, op)};
        f_error_reset(i);
        st->return_code = TCL_OK;
        st->return_level = 1;
        st->return_opts = 0;
        int tc = run_callback(i, name, pair[1], args, 4, false);
        if (tc != TCL_OK) {
            *codep = tc;
            return false;
        }
        FeatherObj now = st->result;
        restore(st, &saved);
        st->result = now;
    }
    return true;
}

/* Enter callbacks, newest first. */
static int fire_enter(FeatherInterp i, FeatherObj name, FeatherObj traces, const char *op, FeatherObj cmdstr) {
    FeatherObj *items;
    uint32_t n;
    if (f_list(i, traces, &items, &n) != TCL_OK) return TCL_ERROR;
    for (uint32_t k = 0; k < n; k++) {
        FeatherObj *pair;
        uint32_t np;
        if (f_list(i, items[k], &pair, &np) != TCL_OK || np != 2) continue;
        if (!has_op(i, pair[0], op) || busy(i, name, pair[1])) continue;
        FeatherObj args[2] = {cmdstr, f_str(i, op)};
        int tc = run_callback(i, name, pair[1], args, 2, true);
        if (tc != TCL_OK) return tc;
    }
    return TCL_OK;
}

int f_invoke_traced(FeatherInterp i, FeatherCmdInfo *info, int objc, FeatherObj *objv, const char *name,
                    uint32_t n, bool pinned) {
    InterpState *st = f_state(i);
    uint32_t nsteps;
    TraceState **steps = active_steps(i, &nsteps);
    if (!info->traced && nsteps == 0) return f_invoke_found(i, info, objc, objv, name, n, pinned);
    FeatherObj cmdstr = f_list_new(i, objv, (uint32_t)objc);
    FeatherObj traces = 0, cmdname = info->name ? info->name : f_strn(i, name, n);
    if (info->traced) {
        uint32_t qn;
        const char *qname = f_get(i, cmdname, &qn);
        traces = feather_host_trace_info(i, KIND_EXECUTION, qname, qn);
    }
    int code;
    for (uint32_t k = 0; k < nsteps; k++) {
        code = fire_enter(i, steps[k]->name, steps[k]->traces, "enterstep", cmdstr);
        if (code != TCL_OK) return code;
    }
    bool ran = false;
    if (traces) {
        code = fire_enter(i, cmdname, traces, "enter", cmdstr);
        if (code != TCL_OK) return code;
        ran = true;
    }
    /* Its step traces: active while it runs. */
    TraceState frame = {st->exec, FRAME_STEP, 0, cmdname, 0};
    bool stepping = false;
    if (traces) {
        FeatherObj *items;
        uint32_t nt;
        if (f_list(i, traces, &items, &nt) != TCL_OK) return TCL_ERROR;
        FeatherObj *keep = f_alloc((nt ? nt : 1) * sizeof(FeatherObj));
        uint32_t m = 0;
        for (uint32_t k = 0; keep && k < nt; k++) {
            FeatherObj *pair;
            uint32_t np;
            if (f_list(i, items[k], &pair, &np) != TCL_OK || np != 2) continue;
            if (!has_op(i, pair[0], "enterstep") && !has_op(i, pair[0], "leavestep")) continue;
            if (!step_active(i, cmdname, pair[1])) keep[m++] = items[k];
        }
        if (m) {
            frame.traces = f_list_new(i, keep, m);
            st->exec = &frame;
            st->stepping++;
            stepping = true;
        }
    }
    if (ran) {
        /* A callback may have changed or deleted the command. */
        FeatherCmdInfo again;
        memset(&again, 0, sizeof again);
        feather_host_cmd_lookup(i, name, n, &again);
        code = f_invoke_found(i, &again, objc, objv, name, n, false);
    } else {
        code = f_invoke_found(i, info, objc, objv, name, n, pinned);
    }
    if (stepping) {
        st->exec = frame.prev;
        st->stepping--;
    }
    if (code == TCL_ERROR && st->aborting) return code;
    FeatherObj result = f_result(i);
    if (traces) {
        /* The traces now: the command or a callback may have changed them. */
        uint32_t qn;
        const char *qname = f_get(i, cmdname, &qn);
        FeatherCmdInfo now;
        memset(&now, 0, sizeof now);
        feather_host_cmd_lookup(i, qname, qn, &now);
        traces = now.traced ? feather_host_trace_info(i, KIND_EXECUTION, qname, qn) : 0;
    }
    if (traces && !fire_leave(i, cmdname, traces, "leave", cmdstr, &code)) return code;
    for (uint32_t k = nsteps; k-- > 0;) {
        if (!fire_leave(i, steps[k]->name, steps[k]->traces, "leavestep", cmdstr, &code)) return code;
    }
    st->result = result;
    return code;
}

const BuiltinDef f_cmds_trace[] = {
    {"trace", cmd_trace},
    {0, 0},
};
