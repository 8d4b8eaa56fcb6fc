/*
 * cmd_info.c -- introspection: info and its subcommands.
 */
#include "core.h"
#include "parse.h"

int f_parse_level(FeatherInterp i, FeatherObj o, int32_t *level);

static const char *const subcommands[] = {
    "args", "body", "class", "cmdcount", "commands", "complete", "coroutine", "default",
    "errorstack", "exists", "frame", "functions", "globals", "hostname", "level", "library",
    "loaded", "locals", "nameofexecutable", "object", "patchlevel", "procs", "script",
    "sharedlibextension", "tclversion", "vars", 0};

enum {
    I_ARGS, I_BODY, I_CLASS, I_CMDCOUNT, I_COMMANDS, I_COMPLETE, I_COROUTINE, I_DEFAULT,
    I_ERRORSTACK, I_EXISTS, I_FRAME, I_FUNCTIONS, I_GLOBALS, I_HOSTNAME, I_LEVEL, I_LIBRARY,
    I_LOADED, I_LOCALS, I_NAMEOFEXECUTABLE, I_OBJECT, I_PATCHLEVEL, I_PROCS, I_SCRIPT,
    I_SHAREDLIBEXTENSION, I_TCLVERSION, I_VARS
};

/* Keep the names of list `all` that match pattern (or all without one). */
static FeatherObj filter(FeatherInterp i, FeatherObj all, FeatherObj pattern) {
    if (!pattern) return all;
    FeatherObj *items;
    uint32_t n;
    if (f_list(i, all, &items, &n) != TCL_OK) return all;
    uint32_t pn;
    const char *p = f_get(i, pattern, &pn);
    uint32_t kept = 0;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t sn;
        const char *s = f_get(i, items[k], &sn);
        if (f_glob(p, pn, s, sn, false)) items[kept++] = items[k];
    }
    return f_list_new(i, items, kept);
}

/* The proc named by o, or an error "\"x\" isn't a procedure". */
static int get_proc(FeatherInterp i, FeatherObj o, FeatherCmdInfo *info) {
    uint32_t n;
    const char *name = f_get(i, o, &n);
    memset(info, 0, sizeof *info);
    if (feather_host_cmd_lookup(i, name, n, info) != FEATHER_CMD_PROC) {
        FeatherObj code[4] = {f_str(i, "TCL"), f_str(i, "LOOKUP"), f_str(i, "PROCEDURE"), o};
        f_set_error_code(i, f_list_new(i, code, 4));
        return f_error(i, "\"%S\" isn't a procedure", name, n);
    }
    return TCL_OK;
}

static int info_level(FeatherInterp i, int objc, FeatherObj *objv) {
    int32_t top;
    int32_t cur = feather_host_frame_level(i, &top);
    if (objc == 2) return f_ok_int(i, cur);
    if (objc != 3) return f_wrong_args(i, 2, objv, "?number?");
    int64_t v;
    if (f_get_int(i, objv[2], &v) != TCL_OK) return TCL_ERROR;
    int64_t level = v > 0 ? v : cur + v;
    if (level < 1 || level > cur) {
        FeatherObj code[4] = {f_str(i, "TCL"), f_str(i, "LOOKUP"), f_str(i, "STACK_LEVEL"), objv[2]};
        f_set_error_code(i, f_list_new(i, code, 4));
        return f_error(i, "bad level \"%o\"", objv[2]);
    }
    return f_ok(i, feather_host_frame_words(i, (int32_t)level));
}

/* info frame: the depth is Tcl's nesting level of scripts (procs, eval,
 * uplevel, apply, namespace eval), which the evaluator counts. A frame's
 * dict has no line or source text: Feather keeps no position of the
 * commands running (see differences.toml). */
static int info_frame(FeatherInterp i, int objc, FeatherObj *objv) {
    InterpState *st = f_state(i);
    int64_t depth = st->depth;
    if (objc == 2) return f_ok_int(i, depth);
    if (objc != 3) return f_wrong_args(i, 2, objv, "?number?");
    int64_t v;
    if (f_get_int(i, objv[2], &v) != TCL_OK) return TCL_ERROR;
    int64_t k = v > 0 ? v : depth + v;
    if (k < 1 || k > depth) return f_error(i, "bad level \"%o\"", objv[2]);
    int32_t top;
    int32_t cur = feather_host_frame_level(i, &top);
    /* Frames above the current proc level map to its callers, one each. */
    int64_t up = depth - k;
    int32_t level = cur - (int32_t)(up < cur ? up : cur);
    FeatherObj items[10];
    uint32_t n = 0;
    items[n++] = f_str(i, level > 0 ? "proc" : "eval");
    items[n++] = f_str(i, "line");
    items[n++] = f_int(i, 1);
    items[n++] = f_str(i, "cmd");
    items[n++] = up == 0 ? f_list_new(i, objv, (uint32_t)objc) : feather_host_frame_words(i, level + 1);
    if (!items[n - 1]) items[n - 1] = f_empty(i);
    if (level > 0) {
        FeatherObj words = feather_host_frame_words(i, level);
        FeatherObj *w;
        uint32_t nw;
        if (words && f_list(i, words, &w, &nw) == TCL_OK && nw > 0) {
            uint32_t wn;
            const char *name = f_get(i, w[0], &wn);
            FeatherCmdInfo info;
            memset(&info, 0, sizeof info);
            if (feather_host_cmd_lookup(i, name, wn, &info) == FEATHER_CMD_PROC && info.name) {
                items[n++] = f_str(i, "proc");
                items[n++] = info.name;
            }
        }
    }
    items[n++] = f_str(i, "level");
    items[n++] = f_int(i, cur - level);
    FeatherObj type[2] = {f_str(i, "type"), items[0]};
    FeatherObj *all = f_alloc((n + 1) * sizeof(FeatherObj));
    if (!all) return f_error(i, "out of memory");
    all[0] = type[0];
    memcpy(all + 1, items, n * sizeof(FeatherObj));
    return f_ok(i, f_list_new(i, all, n + 1));
}

static int cmd_info(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 2) return f_wrong_args(i, 1, objv, "subcommand ?arg ...?");
    int sub;
    if (f_get_enum(i, objv[1], subcommands, "subcommand", &sub) != TCL_OK) return TCL_ERROR;
    FeatherObj *words = f_alloc((size_t)objc * sizeof(FeatherObj));
    if (words) {
        /* Usage messages name the subcommand in full. */
        memcpy(words, objv, (size_t)objc * sizeof(FeatherObj));
        words[1] = f_str(i, subcommands[sub]);
        objv = words;
    }
    FeatherCmdInfo info;
    switch (sub) {
    case I_ARGS:
    case I_BODY: {
        if (objc != 3) return f_wrong_args(i, 2, objv, "procname");
        if (get_proc(i, objv[2], &info) != TCL_OK) return TCL_ERROR;
        if (sub == I_BODY) return f_ok(i, info.body);
        FeatherObj *params;
        uint32_t np;
        if (f_list(i, info.params, &params, &np) != TCL_OK) return TCL_ERROR;
        for (uint32_t k = 0; k < np; k++) {
            FeatherObj *spec;
            uint32_t ns;
            if (f_list(i, params[k], &spec, &ns) != TCL_OK) return TCL_ERROR;
            if (ns > 0) params[k] = spec[0];
        }
        return f_ok(i, f_list_new(i, params, np));
    }
    case I_DEFAULT: {
        if (objc != 5) return f_wrong_args(i, 2, objv, "procname arg varname");
        if (get_proc(i, objv[2], &info) != TCL_OK) return TCL_ERROR;
        FeatherObj *params;
        uint32_t np;
        if (f_list(i, info.params, &params, &np) != TCL_OK) return TCL_ERROR;
        uint32_t an;
        const char *arg = f_get(i, objv[3], &an);
        for (uint32_t k = 0; k < np; k++) {
            FeatherObj *spec;
            uint32_t ns;
            if (f_list(i, params[k], &spec, &ns) != TCL_OK) return TCL_ERROR;
            uint32_t sn;
            const char *s = ns ? f_get(i, spec[0], &sn) : "";
            if (ns == 0 || sn != an || memcmp(s, arg, an) != 0) continue;
            FeatherObj value = ns == 2 ? spec[1] : f_empty(i);
            if (f_var_set(i, objv[4], value, NULL) != TCL_OK) return TCL_ERROR;
            return f_ok_int(i, ns == 2);
        }
        FeatherObj code[4] = {f_str(i, "TCL"), f_str(i, "LOOKUP"), f_str(i, "ARGUMENT"), objv[3]};
        f_set_error_code(i, f_list_new(i, code, 4));
        return f_error(i, "procedure \"%o\" doesn't have an argument \"%S\"", objv[2], arg, an);
    }
    case I_COMMANDS:
    case I_PROCS:
    case I_VARS:
    case I_LOCALS:
    case I_GLOBALS: {
        if (objc > 3) return f_wrong_args(i, 2, objv, "?pattern?");
        int which = sub == I_COMMANDS ? FEATHER_NAMES_COMMANDS
                    : sub == I_PROCS  ? FEATHER_NAMES_PROCS
                    : sub == I_VARS   ? FEATHER_NAMES_VARS
                    : sub == I_LOCALS ? FEATHER_NAMES_LOCALS
                                      : FEATHER_NAMES_GLOBALS;
        if (objc == 3 && which != FEATHER_NAMES_LOCALS && which != FEATHER_NAMES_GLOBALS) {
            /* A qualified pattern lists that namespace, fully qualified. */
            uint32_t pn;
            const char *p = f_get(i, objv[2], &pn);
            int32_t sep = -1;
            for (int32_t k = (int32_t)pn - 2; k >= 0; k--) {
                if (p[k] == ':' && p[k + 1] == ':') {
                    sep = k;
                    break;
                }
            }
            if (sep >= 0) {
                int32_t ns_end = sep;
                while (ns_end > 0 && p[ns_end - 1] == ':') ns_end--;
                const char *ns = ns_end > 0 ? p : "::";
                uint32_t nsl = ns_end > 0 ? (uint32_t)ns_end : 2;
                if (ns_end > 0 && p[0] != ':') {
                    /* Tcl looks a relative one up in the current namespace only. */
                    uint32_t cl;
                    const char *cur = f_get(i, feather_host_ns_current(i), &cl);
                    StrBuf b;
                    sb_init(&b, cl + nsl + 4);
                    sb_add(&b, cur, cl);
                    if (cl > 2) sb_adds(&b, "::");
                    sb_add(&b, ns, nsl);
                    ns = b.data;
                    nsl = b.len;
                }
                FeatherObj all = feather_host_names(i, which, ns, (int32_t)nsl);
                const char *tail = p + sep + 2;
                uint32_t tl = pn - (uint32_t)sep - 2;
                FeatherObj *items;
                uint32_t n, kept = 0;
                if (f_list(i, all, &items, &n) != TCL_OK) return TCL_ERROR;
                for (uint32_t k = 0; k < n; k++) {
                    uint32_t sn;
                    const char *name = f_get(i, items[k], &sn);
                    uint32_t t = sn;
                    while (t > 0 && !(t >= 2 && name[t - 1] == ':' && name[t - 2] == ':')) t--;
                    if (f_glob(tail, tl, name + t, sn - t, false)) items[kept++] = items[k];
                }
                return f_ok(i, f_list_new(i, items, kept));
            }
        }
        FeatherObj all = feather_host_names(i, which, NULL, -1);
        return f_ok(i, filter(i, all, objc == 3 ? objv[2] : 0));
    }
    case I_COMPLETE: {
        if (objc != 3) return f_wrong_args(i, 2, objv, "command");
        uint32_t n;
        const char *s = f_get(i, objv[2], &n);
        Parser p;
        parser_init(&p, s, n, false);
        int st;
        do {
            Command cmd;
            st = parse_command(&p, &cmd);
        } while (st == FEATHER_PARSE_OK);
        return f_ok_int(i, st != FEATHER_PARSE_INCOMPLETE);
    }
    case I_EXISTS: {
        if (objc != 3) return f_wrong_args(i, 2, objv, "varName");
        uint32_t n;
        const char *name = f_get(i, objv[2], &n);
        uint32_t base;
        const char *key;
        int32_t klen;
        f_split_varname(name, n, &base, &key, &klen);
        FeatherObj v;
        if (feather_host_var_get(i, name, base, key, klen, 1, &v) == FEATHER_VAR_OK) return f_ok_int(i, 1);
        return f_ok_int(i, klen < 0 && feather_host_var_kind(i, name, n) == 2); /* an array */
    }
    case I_LEVEL:
        return info_level(i, objc, objv);
    case I_PATCHLEVEL:
        if (objc != 2) return f_wrong_args(i, 2, objv, "");
        return f_ok(i, f_str(i, "8.6.13"));
    case I_TCLVERSION:
        if (objc != 2) return f_wrong_args(i, 2, objv, "");
        return f_ok(i, f_str(i, "8.6"));
    case I_SCRIPT:
        if (objc > 3) return f_wrong_args(i, 2, objv, "?filename?");
        return objc == 3 ? f_ok(i, objv[2]) : f_ok_empty(i);
    case I_COROUTINE:
        if (objc != 2) return f_wrong_args(i, 2, objv, "");
        return f_ok_empty(i);
    case I_ERRORSTACK: {
        if (objc > 3) return f_wrong_args(i, 2, objv, "?interp?");
        if (objc == 3) {
            uint32_t n;
            f_get(i, objv[2], &n);
            if (n > 0) return f_error(i, "could not find interpreter \"%o\"", objv[2]);
        }
        InterpState *st = f_state(i);
        return f_ok(i, st->last_errorstack ? st->last_errorstack : f_empty(i));
    }
    case I_FUNCTIONS: {
        if (objc > 3) return f_wrong_args(i, 2, objv, "?pattern?");
        FeatherObj all = feather_host_names(i, FEATHER_NAMES_COMMANDS, "::tcl::mathfunc", 15);
        FeatherObj *items;
        uint32_t n;
        if (f_list(i, all, &items, &n) != TCL_OK) return TCL_ERROR;
        uint32_t pn = 0;
        const char *p = objc == 3 ? f_get(i, objv[2], &pn) : NULL;
        uint32_t kept = 0;
        for (uint32_t k = 0; k < n; k++) {
            uint32_t sn;
            const char *name = f_get(i, items[k], &sn);
            uint32_t t = sn;
            while (t > 0 && !(t >= 2 && name[t - 1] == ':' && name[t - 2] == ':')) t--;
            if (p && !f_glob(p, pn, name + t, sn - t, false)) continue;
            items[kept++] = f_strn(i, name + t, sn - t);
        }
        return f_ok(i, f_list_new(i, items, kept));
    }
    case I_FRAME:
        return info_frame(i, objc, objv);
    default:
        return f_error(i, "info %o is not supported by Feather", objv[1]);
    }
}

const BuiltinDef f_cmds_info[] = {
    {"info", cmd_info},
    {0, 0},
};
