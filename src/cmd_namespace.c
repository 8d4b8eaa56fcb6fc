/*
 * cmd_namespace.c -- namespaces: namespace (eval current children parent
 * exists delete qualifiers tail which) and variable.
 */
#include "core.h"

FeatherObj f_concat(FeatherInterp i, int objc, FeatherObj *objv);

static const char *const subcommands[] = {
    "children", "code", "current", "delete", "ensemble", "eval", "exists", "export",
    "forget", "import", "inscope", "origin", "parent", "path", "qualifiers", "tail",
    "unknown", "upvar", "which", 0};

enum {
    N_CHILDREN, N_CODE, N_CURRENT, N_DELETE, N_ENSEMBLE, N_EVAL, N_EXISTS, N_EXPORT,
    N_FORGET, N_IMPORT, N_INSCOPE, N_ORIGIN, N_PARENT, N_PATH, N_QUALIFIERS, N_TAIL,
    N_UNKNOWN, N_UPVAR, N_WHICH
};

/* Position of the last "::" separator of a qualified name, or -1. */
static int32_t last_sep(const char *s, uint32_t n) {
    for (int32_t k = (int32_t)n - 2; k >= 0; k--) {
        if (s[k] == ':' && s[k + 1] == ':') {
            while (k > 0 && s[k - 1] == ':') k--;
            return k;
        }
    }
    return -1;
}

/* A namespace name resolved (not created), or an error naming `cmd`. */
static int resolve(FeatherInterp i, FeatherObj name, const char *cmd, FeatherObj *out) {
    uint32_t n;
    const char *s = f_get(i, name, &n);
    FeatherObj fq = feather_host_ns_resolve(i, s, n, 0);
    if (!fq) return f_error(i, "namespace \"%S\" not found in \"%o\"", s, n, feather_host_ns_current(i));
    (void)cmd;
    *out = fq;
    return TCL_OK;
}

static int ns_eval(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 4) return f_wrong_args(i, 2, objv, "name arg ?arg...?");
    uint32_t n;
    const char *name = f_get(i, objv[2], &n);
    FeatherObj fq = feather_host_ns_resolve(i, name, n, 1);
    if (!fq) return f_error(i, "can't create namespace \"%S\"", name, n);
    uint32_t fn;
    const char *fqs = f_get(i, fq, &fn);
    FeatherObj script = f_concat(i, objc - 3, objv + 3);
    feather_host_frame_push(i, objv, (uint32_t)objc, fqs, (int32_t)fn, 1);
    int code = f_eval_obj(i, script);
    feather_host_frame_pop(i);
    if (code == TCL_ERROR) {
        FeatherObj msg = f_format(i, "\n    (in namespace eval \"%S\" script line %d)", fqs, fn,
                                  f_state(i)->error_line);
        uint32_t ml;
        const char *m = f_get(i, msg, &ml);
        f_add_error_info(i, m, ml);
    }
    return code;
}

static int cmd_namespace(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 2) return f_wrong_args(i, 1, objv, "subcommand ?arg ...?");
    int sub;
    if (f_get_enum(i, objv[1], subcommands, "subcommand", &sub) != TCL_OK) return TCL_ERROR;
    switch (sub) {
    case N_EVAL:
        return ns_eval(i, objc, objv);
    case N_CURRENT:
        if (objc != 2) return f_wrong_args(i, 2, objv, "");
        return f_ok(i, feather_host_ns_current(i));
    case N_CHILDREN: {
        if (objc > 4) return f_wrong_args(i, 2, objv, "?name? ?pattern?");
        FeatherObj ns = feather_host_ns_current(i);
        if (objc >= 3 && resolve(i, objv[2], "children", &ns) != TCL_OK) return TCL_ERROR;
        uint32_t n;
        const char *s = f_get(i, ns, &n);
        FeatherObj all = feather_host_names(i, FEATHER_NAMES_CHILDREN, s, (int32_t)n);
        if (objc < 4) return f_ok(i, all);
        FeatherObj *items;
        uint32_t count, kept = 0, pn;
        if (f_list(i, all, &items, &count) != TCL_OK) return TCL_ERROR;
        const char *p = f_get(i, objv[3], &pn);
        for (uint32_t k = 0; k < count; k++) {
            uint32_t cn;
            const char *c = f_get(i, items[k], &cn);
            if (f_glob(p, pn, c, cn, false)) items[kept++] = items[k];
        }
        return f_ok(i, f_list_new(i, items, kept));
    }
    case N_PARENT: {
        if (objc > 3) return f_wrong_args(i, 2, objv, "?name?");
        FeatherObj ns = feather_host_ns_current(i);
        if (objc == 3 && resolve(i, objv[2], "parent", &ns) != TCL_OK) return TCL_ERROR;
        uint32_t n;
        const char *s = f_get(i, ns, &n);
        if (n == 2) return f_ok_empty(i);
        int32_t sep = last_sep(s, n);
        return f_ok_str(i, s, sep <= 0 ? 2 : (uint32_t)sep);
    }
    case N_EXISTS: {
        if (objc != 3) return f_wrong_args(i, 2, objv, "name");
        uint32_t n;
        const char *s = f_get(i, objv[2], &n);
        return f_ok_int(i, feather_host_ns_resolve(i, s, n, 0) != 0);
    }
    case N_DELETE:
        for (int k = 2; k < objc; k++) {
            uint32_t n;
            const char *s = f_get(i, objv[k], &n);
            FeatherObj fq = feather_host_ns_resolve(i, s, n, 0);
            if (!fq) return f_error(i, "unknown namespace \"%S\" in namespace delete command", s, n);
            uint32_t fn;
            const char *fs = f_get(i, fq, &fn);
            feather_host_ns_delete(i, fs, fn);
        }
        return f_ok_empty(i);
    case N_QUALIFIERS:
    case N_TAIL: {
        if (objc != 3) return f_wrong_args(i, 2, objv, "string");
        uint32_t n;
        const char *s = f_get(i, objv[2], &n);
        int32_t sep = last_sep(s, n);
        if (sub == N_QUALIFIERS) return f_ok_str(i, s, sep < 0 ? 0 : (uint32_t)sep);
        uint32_t start = sep < 0 ? 0 : (uint32_t)sep;
        while (start < n && s[start] == ':') start++;
        return f_ok_str(i, s + start, n - start);
    }
    case N_WHICH: {
        int k = 2;
        bool var = false;
        if (k < objc && f_obj_eq(i, objv[k], "-command")) k++;
        else if (k < objc && f_obj_eq(i, objv[k], "-variable")) { var = true; k++; }
        if (k != objc - 1) return f_wrong_args(i, 2, objv, "?-command? ?-variable? name");
        uint32_t n;
        const char *s = f_get(i, objv[k], &n);
        if (var) {
            return f_error(i, "namespace which -variable is not supported by Feather yet");
        }
        FeatherCmdInfo info;
        memset(&info, 0, sizeof info);
        if (feather_host_cmd_lookup(i, s, n, &info) == FEATHER_CMD_NONE) return f_ok_empty(i);
        return f_ok(i, info.name);
    }
    case N_CODE: {
        if (objc != 3) return f_wrong_args(i, 2, objv, "arg");
        FeatherObj words[4] = {f_str(i, "::namespace"), f_str(i, "inscope"), feather_host_ns_current(i), objv[2]};
        return f_ok(i, f_list_new(i, words, 4));
    }
    case N_INSCOPE: {
        if (objc < 4) return f_wrong_args(i, 2, objv, "name arg ?arg...?");
        uint32_t n;
        const char *name = f_get(i, objv[2], &n);
        FeatherObj fq = feather_host_ns_resolve(i, name, n, 0);
        if (!fq) return f_error(i, "namespace \"%S\" not found in \"%o\"", name, n, feather_host_ns_current(i));
        /* The script, then the extra arguments as list elements. */
        FeatherObj script = objv[3];
        if (objc > 4) {
            StrBuf b;
            uint32_t sl;
            const char *st = f_get(i, objv[3], &sl);
            sb_init(&b, sl + 64);
            sb_add(&b, st, sl);
            for (int k = 4; k < objc; k++) {
                uint32_t al;
                const char *a = f_get(i, objv[k], &al);
                sb_addc(&b, ' ');
                sb_add_element(&b, a, al, false);
            }
            script = f_strn(i, b.data ? b.data : "", b.len);
        }
        uint32_t fn;
        const char *fqs = f_get(i, fq, &fn);
        feather_host_frame_push(i, objv, (uint32_t)objc, fqs, (int32_t)fn, 1);
        int code = f_eval_obj(i, script);
        feather_host_frame_pop(i);
        return code;
    }
    case N_UPVAR: {
        if (objc < 3 || objc % 2 == 0) return f_wrong_args(i, 2, objv, "ns ?otherVar myVar ...?");
        FeatherObj fq;
        if (resolve(i, objv[2], "upvar", &fq) != TCL_OK) return TCL_ERROR;
        uint32_t fn;
        const char *fqs = f_get(i, fq, &fn);
        for (int k = 3; k + 1 < objc; k += 2) {
            uint32_t on, ln;
            const char *other = f_get(i, objv[k], &on);
            const char *local = f_get(i, objv[k + 1], &ln);
            StrBuf q;
            sb_init(&q, fn + on + 4);
            sb_add(&q, fqs, fn);
            if (!(fn == 2)) sb_add(&q, "::", 2);
            sb_add(&q, other, on);
            int st = feather_host_var_link(i, local, ln, -1, q.data, q.len);
            if (st == FEATHER_VAR_EXISTS) return f_error(i, "variable \"%S\" already exists", local, ln);
            if (st != FEATHER_VAR_OK) return f_var_error(i, "upvar", local, ln, st, 0);
        }
        return f_ok_empty(i);
    }
    case N_ORIGIN: {
        if (objc != 3) return f_wrong_args(i, 2, objv, "name");
        uint32_t n;
        const char *s = f_get(i, objv[2], &n);
        FeatherCmdInfo info;
        memset(&info, 0, sizeof info);
        if (feather_host_cmd_lookup(i, s, n, &info) == FEATHER_CMD_NONE) {
            return f_error(i, "invalid command name \"%S\"", s, n);
        }
        return f_ok(i, info.name);
    }
    default:
        return f_error(i, "namespace %o is not supported by Feather yet", objv[1]);
    }
}

static int cmd_variable(FeatherInterp i, int objc, FeatherObj *objv) {
    for (int k = 1; k < objc; k += 2) {
        uint32_t n;
        const char *s = f_get(i, objv[k], &n);
        int32_t sep = last_sep(s, n);
        uint32_t start = sep < 0 ? 0 : (uint32_t)sep;
        while (start < n && s[start] == ':') start++;
        int st = feather_host_var_link(i, s + start, n - start, -1, s, n);
        if (st == FEATHER_VAR_EXISTS) return f_error(i, "variable \"%S\" already exists", s + start, n - start);
        if (st != FEATHER_VAR_OK) return f_var_error(i, "define", s, n, st, 0);
        if (k + 1 < objc) {
            FeatherObj v;
            if (f_var_set_s(i, s + start, n - start, objv[k + 1], &v) != TCL_OK) return TCL_ERROR;
        }
    }
    return f_ok_empty(i);
}

const BuiltinDef f_cmds_namespace[] = {
    {"namespace", cmd_namespace},
    {"variable", cmd_variable},
    {0, 0},
};
