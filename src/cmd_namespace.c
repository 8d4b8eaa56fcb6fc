/*
 * cmd_namespace.c -- namespaces: namespace (eval current children parent
 * exists delete qualifiers tail which code inscope upvar origin export
 * import forget path unknown; ensemble is in cmd_ensemble.c) and variable.
 *
 * Exports, paths and unknown handlers are namespace attributes kept by the
 * host (feather_host_ns_attr); an imported command is a host command that
 * refers to another (feather_host_cmd_import / feather_host_cmd_origin).
 */
#include "core.h"

FeatherObj f_concat(FeatherInterp i, int objc, FeatherObj *objv);
int f_ns_ensemble(FeatherInterp i, int objc, FeatherObj *objv);
int f_unknown_handler(FeatherInterp i, FeatherObj **words, uint32_t *n);

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

/* A namespace named relative to the active one only (no global fallback),
 * as every namespace subcommand resolves its names; created when `create`
 * is set, else 0 when there is none. */
static FeatherObj resolve_here(FeatherInterp i, const char *s, uint32_t n, int create) {
    if (n >= 2 && s[0] == ':' && s[1] == ':') return feather_host_ns_resolve(i, s, n, create);
    FeatherObj cur = feather_host_ns_current(i);
    uint32_t cl;
    const char *cs = f_get(i, cur, &cl);
    if (n == 0 && cl != 2) return 0; /* "" is the global namespace, named so only there */
    StrBuf b;
    sb_init(&b, cl + n + 4);
    sb_add(&b, cs, cl);
    if (cl != 2) sb_add(&b, "::", 2);
    sb_add(&b, s, n);
    return feather_host_ns_resolve(i, b.data, b.len, create);
}

/* Tcl's error for a namespace name that names none. */
static int ns_not_found(FeatherInterp i, const char *s, uint32_t n) {
    FeatherObj code[4] = {f_str(i, "TCL"), f_str(i, "LOOKUP"), f_str(i, "NAMESPACE"), f_strn(i, s, n)};
    f_set_error_code(i, f_list_new(i, code, 4));
    if (n >= 2 && s[0] == ':' && s[1] == ':') return f_error(i, "namespace \"%S\" not found", s, n);
    return f_error(i, "namespace \"%S\" not found in \"%o\"", s, n, feather_host_ns_current(i));
}

/* A namespace name resolved (not created), or an error naming `cmd`. */
static int resolve(FeatherInterp i, FeatherObj name, const char *cmd, FeatherObj *out) {
    uint32_t n;
    const char *s = f_get(i, name, &n);
    FeatherObj fq = resolve_here(i, s, n, 0);
    if (!fq) return ns_not_found(i, s, n);
    (void)cmd;
    *out = fq;
    return TCL_OK;
}

FeatherObj f_ns_join(FeatherInterp i, FeatherObj ns, const char *tail, uint32_t n) {
    uint32_t nl;
    const char *nss = f_get(i, ns, &nl);
    StrBuf b;
    sb_init(&b, nl + n + 4);
    sb_add(&b, nss, nl);
    if (nl != 2) sb_add(&b, "::", 2);
    sb_add(&b, tail, n);
    return f_strn(i, b.data, b.len);
}

/* The simple name at the end of a qualified name. */
static const char *tail_of(const char *s, uint32_t n, uint32_t *tl) {
    int32_t sep = last_sep(s, n);
    uint32_t start = sep < 0 ? 0 : (uint32_t)sep;
    while (start < n && s[start] == ':') start++;
    *tl = n - start;
    return s + start;
}

static FeatherObj attr(FeatherInterp i, int which, FeatherObj ns, FeatherObj value) {
    uint32_t n;
    const char *s = f_get(i, ns, &n);
    FeatherObj v = feather_host_ns_attr(i, which, s, (int32_t)n, value);
    return v ? v : f_empty(i);
}

/* Commands of namespace ns (fully qualified names). */
static int ns_commands(FeatherInterp i, FeatherObj ns, FeatherObj **items, uint32_t *n) {
    uint32_t nl;
    const char *s = f_get(i, ns, &nl);
    return f_list(i, feather_host_names(i, FEATHER_NAMES_COMMANDS, s, (int32_t)nl), items, n);
}

/* The command `fq` imports (deep: the original at the end of the chain), or 0
 * when fq is not an imported command. */
static FeatherObj imported(FeatherInterp i, FeatherObj fq, int deep) {
    uint32_t n;
    const char *s = f_get(i, fq, &n);
    FeatherObj o = feather_host_cmd_origin(i, s, n, deep);
    if (!o) return 0;
    uint32_t on;
    const char *os = f_get(i, o, &on);
    return (on == n && memcmp(os, s, n) == 0) ? 0 : o;
}

static bool obj_same(FeatherInterp i, FeatherObj a, FeatherObj b) {
    uint32_t al, bl;
    const char *as = f_get(i, a, &al);
    const char *bs = f_get(i, b, &bl);
    return al == bl && memcmp(as, bs, al) == 0;
}

static int ns_export(FeatherInterp i, int objc, FeatherObj *objv) {
    FeatherObj cur = feather_host_ns_current(i);
    if (objc == 2) return f_ok(i, attr(i, FEATHER_NS_EXPORT, cur, 0));
    int k = 2;
    FeatherObj *old = NULL;
    uint32_t on = 0;
    if (f_obj_eq(i, objv[2], "-clear")) k++;
    else if (f_list(i, attr(i, FEATHER_NS_EXPORT, cur, 0), &old, &on) != TCL_OK) return TCL_ERROR;
    FeatherObj *pats = f_alloc(((size_t)on + (size_t)objc) * sizeof(FeatherObj));
    if (!pats) return f_oom(i);
    uint32_t np = on;
    if (on) memcpy(pats, old, on * sizeof(FeatherObj));
    int code = TCL_OK;
    for (; k < objc; k++) {
        uint32_t n;
        const char *s = f_get(i, objv[k], &n);
        if (last_sep(s, n) >= 0) {
            code = f_error(i, "invalid export pattern \"%S\": pattern can't specify a namespace", s, n);
            break;
        }
        bool dup = false;
        for (uint32_t j = 0; j < np && !dup; j++) dup = obj_same(i, pats[j], objv[k]);
        if (!dup) pats[np++] = objv[k];
    }
    attr(i, FEATHER_NS_EXPORT, cur, f_list_new(i, pats, np));
    return code == TCL_OK ? f_ok_empty(i) : code;
}

/* Import command `fq` (of namespace src, whose export patterns are exports)
 * into namespace cur, as Tcl's DoImport. */
static int import_one(FeatherInterp i, FeatherObj cur, FeatherObj fq, FeatherObj *exports, uint32_t en,
                      FeatherObj pattern, bool force) {
    uint32_t fl, tl;
    const char *fs = f_get(i, fq, &fl);
    const char *tail = tail_of(fs, fl, &tl);
    bool exported = false;
    for (uint32_t x = 0; x < en && !exported; x++) {
        uint32_t pl;
        const char *p = f_get(i, exports[x], &pl);
        exported = f_glob(p, pl, tail, tl, false);
    }
    if (!exported) return TCL_OK;
    FeatherObj name = f_ns_join(i, cur, tail, tl);
    uint32_t nl;
    const char *ns = f_get(i, name, &nl);
    FeatherObj existing = feather_host_cmd_origin(i, ns, nl, 0);
    if (existing && !force) {
        FeatherObj direct = imported(i, name, 0);
        if (direct && obj_same(i, direct, fq)) return TCL_OK; /* the same import again */
        f_set_error_code(i, f_str(i, "TCL IMPORT OVERWRITE"));
        return f_error(i, "can't import command \"%S\": already exists", tail, tl);
    }
    if (existing) {
        /* Would the new import lead back to the command it replaces? */
        FeatherObj link = fq;
        for (int guard = 0; guard < 1000; guard++) {
            FeatherObj next = imported(i, link, 0);
            if (!next) break;
            link = next;
            if (obj_same(i, link, name)) {
                f_set_error_code(i, f_str(i, "TCL IMPORT LOOP"));
                return f_error(i, "import pattern \"%o\" would create a loop containing command \"%S\"",
                               pattern, ns, nl);
            }
        }
    }
    feather_host_cmd_import(i, ns, nl, fs, fl);
    return TCL_OK;
}

static int ns_import(FeatherInterp i, int objc, FeatherObj *objv) {
    FeatherObj cur = feather_host_ns_current(i);
    if (objc == 2) {
        FeatherObj *cmds;
        uint32_t n, kept = 0;
        if (ns_commands(i, cur, &cmds, &n) != TCL_OK) return TCL_ERROR;
        for (uint32_t k = 0; k < n; k++) {
            if (!imported(i, cmds[k], 0)) continue;
            uint32_t fl, tl;
            const char *fs = f_get(i, cmds[k], &fl);
            const char *t = tail_of(fs, fl, &tl);
            cmds[kept++] = f_strn(i, t, tl);
        }
        return f_ok(i, f_list_new(i, cmds, kept));
    }
    int k = 2;
    bool force = false;
    if (f_obj_eq(i, objv[2], "-force")) {
        force = true;
        k++;
    }
    for (; k < objc; k++) {
        uint32_t n;
        const char *s = f_get(i, objv[k], &n);
        if (n == 0) return f_error(i, "empty import pattern");
        int32_t sep = last_sep(s, n);
        FeatherObj src = cur;
        if (sep >= 0) {
            src = sep == 0 ? f_str(i, "::") : resolve_here(i, s, (uint32_t)sep, 0);
            if (!src) {
                f_set_error_code(i, f_format(i, "TCL LOOKUP NAMESPACE %o", f_list_new(i, &objv[k], 1)));
                return f_error(i, "unknown namespace in import pattern \"%S\"", s, n);
            }
        }
        if (obj_same(i, src, cur)) {
            f_set_error_code(i, f_str(i, sep < 0 ? "TCL IMPORT ORIGIN" : "TCL IMPORT SELF"));
            if (sep < 0) return f_error(i, "no namespace specified in import pattern \"%S\"", s, n);
            uint32_t cl, tl;
            const char *cs = f_get(i, cur, &cl);
            const char *t = cl == 2 ? "" : tail_of(cs, cl, &tl);
            if (cl == 2) tl = 0;
            return f_error(i, "import pattern \"%S\" tries to import from namespace \"%S\" into itself", s,
                           n, t, tl);
        }
        uint32_t tl;
        const char *pat = tail_of(s, n, &tl);
        FeatherObj *cmds, *exports;
        uint32_t cn, en;
        if (ns_commands(i, src, &cmds, &cn) != TCL_OK) return TCL_ERROR;
        if (f_list(i, attr(i, FEATHER_NS_EXPORT, src, 0), &exports, &en) != TCL_OK) return TCL_ERROR;
        for (uint32_t c = 0; c < cn; c++) {
            uint32_t fl, ctl;
            const char *fs = f_get(i, cmds[c], &fl);
            const char *ct = tail_of(fs, fl, &ctl);
            if (!f_glob(pat, tl, ct, ctl, false)) continue;
            if (import_one(i, cur, cmds[c], exports, en, objv[k], force) != TCL_OK) return TCL_ERROR;
        }
    }
    return f_ok_empty(i);
}

static int ns_forget(FeatherInterp i, int objc, FeatherObj *objv) {
    FeatherObj cur = feather_host_ns_current(i);
    for (int k = 2; k < objc; k++) {
        uint32_t n;
        const char *s = f_get(i, objv[k], &n);
        int32_t sep = last_sep(s, n);
        FeatherObj src = 0;
        if (sep >= 0) {
            src = sep == 0 ? f_str(i, "::") : resolve_here(i, s, (uint32_t)sep, 0);
            if (!src) return f_error(i, "unknown namespace in namespace forget pattern \"%S\"", s, n);
        }
        uint32_t pl;
        const char *pat = tail_of(s, n, &pl);
        FeatherObj *cmds;
        uint32_t cn;
        if (ns_commands(i, cur, &cmds, &cn) != TCL_OK) return TCL_ERROR;
        for (uint32_t c = 0; c < cn; c++) {
            FeatherObj link = imported(i, cmds[c], 0);
            if (!link) continue;
            uint32_t fl, tl;
            const char *fs = f_get(i, cmds[c], &fl);
            const char *t = tail_of(fs, fl, &tl);
            if (!f_glob(pat, pl, t, tl, false)) continue;
            bool from_src = src == 0;
            /* A qualified pattern: some link of the chain lies in src. */
            for (int guard = 0; link && !from_src && guard < 1000; guard++) {
                uint32_t ll;
                const char *ls = f_get(i, link, &ll);
                int32_t lsep = last_sep(ls, ll);
                FeatherObj lns = lsep <= 0 ? f_str(i, "::") : f_strn(i, ls, (uint32_t)lsep);
                from_src = obj_same(i, lns, src);
                link = imported(i, link, 0);
            }
            if (from_src) feather_host_cmd_rename(i, fs, fl, "", 0);
        }
    }
    return f_ok_empty(i);
}

static int ns_path(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc > 3) return f_wrong_args(i, 2, objv, "?pathList?");
    FeatherObj cur = feather_host_ns_current(i);
    if (objc == 2) return f_ok(i, attr(i, FEATHER_NS_PATH, cur, 0));
    FeatherObj *items;
    uint32_t n;
    if (f_list(i, objv[2], &items, &n) != TCL_OK) return TCL_ERROR;
    FeatherObj *fqs = f_alloc((n ? n : 1) * sizeof(FeatherObj));
    if (!fqs) return f_oom(i);
    for (uint32_t k = 0; k < n; k++) {
        uint32_t pl;
        const char *ps = f_get(i, items[k], &pl);
        fqs[k] = resolve_here(i, ps, pl, 0);
        if (!fqs[k]) return ns_not_found(i, ps, pl);
    }
    attr(i, FEATHER_NS_PATH, cur, f_list_new(i, fqs, n));
    return f_ok_empty(i);
}

static int ns_unknown(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc > 3) return f_wrong_args(i, 2, objv, "?script?");
    FeatherObj cur = feather_host_ns_current(i);
    FeatherObj h;
    if (objc == 3) {
        FeatherObj *items;
        uint32_t n;
        if (f_list(i, objv[2], &items, &n) != TCL_OK) return TCL_ERROR;
        h = attr(i, FEATHER_NS_UNKNOWN, cur, objv[2]);
    } else {
        h = attr(i, FEATHER_NS_UNKNOWN, cur, 0);
    }
    uint32_t hl, cl;
    f_get(i, h, &hl);
    f_get(i, cur, &cl);
    if (hl == 0 && cl == 2) return f_ok_str(i, "::unknown", 9);
    return f_ok(i, h);
}

/* The unknown-command handler for the active namespace, as a list of words:
 * that namespace's, else the global namespace's, else ::unknown. */
int f_unknown_handler(FeatherInterp i, FeatherObj **words, uint32_t *n) {
    FeatherObj h = feather_host_ns_attr(i, FEATHER_NS_UNKNOWN, "", -1, 0);
    uint32_t hl = 0;
    if (h) f_get(i, h, &hl);
    if (hl == 0) {
        h = feather_host_ns_attr(i, FEATHER_NS_UNKNOWN, "::", 2, 0);
        if (h) f_get(i, h, &hl);
    }
    if (hl == 0) h = f_str(i, "::unknown");
    return f_list(i, h, words, n);
}

/* namespace which -variable: a variable of a namespace (never a local), as
 * Tcl_FindNamespaceVar finds it: relative to the active namespace, then to
 * the global one. */
static int which_var(FeatherInterp i, const char *s, uint32_t n) {
    FeatherObj cur = feather_host_ns_current(i);
    int32_t sep = last_sep(s, n);
    uint32_t tl;
    const char *tail = tail_of(s, n, &tl);
    for (int pass = 0; pass < 2; pass++) {
        FeatherObj ns;
        if (sep == 0) {
            if (pass) break;
            ns = f_str(i, "::");
        } else if (sep > 0) {
            StrBuf q;
            sb_init(&q, n + 8);
            if (pass == 0 && !(s[0] == ':' && s[1] == ':')) {
                uint32_t cl;
                const char *cs = f_get(i, cur, &cl);
                if (cl != 2) sb_add(&q, cs, cl);
                sb_add(&q, "::", 2);
            } else if (!(s[0] == ':' && s[1] == ':')) {
                sb_add(&q, "::", 2);
            } else if (pass) {
                break;
            }
            sb_add(&q, s, (uint32_t)sep);
            ns = feather_host_ns_resolve(i, q.data, q.len, 0);
        } else {
            ns = pass == 0 ? cur : f_str(i, "::");
        }
        if (!ns) continue;
        uint32_t nl;
        const char *nss = f_get(i, ns, &nl);
        FeatherObj *vars;
        uint32_t vn;
        if (f_list(i, feather_host_names(i, FEATHER_NAMES_VARS, nss, (int32_t)nl), &vars, &vn) != TCL_OK) {
            return TCL_ERROR;
        }
        FeatherObj want = f_ns_join(i, ns, tail, tl);
        for (uint32_t k = 0; k < vn; k++) {
            if (obj_same(i, vars[k], want)) return f_ok(i, want);
        }
    }
    return f_ok_empty(i);
}

static int ns_eval(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 4) return f_wrong_args(i, 2, objv, "name arg ?arg...?");
    uint32_t n;
    const char *name = f_get(i, objv[2], &n);
    FeatherObj fq = resolve_here(i, name, n, 1);
    if (!fq && n == 0) {
        f_set_error_code(i, f_str(i, "TCL OPERATION NAMESPACE CREATEGLOBAL"));
        return f_error(i, "can't create namespace \"\": only global namespace can have empty name");
    }
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
        if (!(pn >= 2 && p[0] == ':' && p[1] == ':')) {
            /* A relative pattern is read inside the namespace, as in Tcl. */
            FeatherObj q = n == 2 ? f_format(i, "::%S", p, pn) : f_format(i, "%S::%S", s, n, p, pn);
            p = f_get(i, q, &pn);
        }
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
        return f_ok_int(i, resolve_here(i, s, n, 0) != 0);
    }
    case N_DELETE:
        for (int k = 2; k < objc; k++) {
            uint32_t n;
            const char *s = f_get(i, objv[k], &n);
            FeatherObj fq = resolve_here(i, s, n, 0);
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
        if (objc == 4 && f_obj_eq(i, objv[k], "-command")) k++;
        else if (objc == 4 && f_obj_eq(i, objv[k], "-variable")) { var = true; k++; }
        if (k != objc - 1) return f_wrong_args(i, 2, objv, "?-command? ?-variable? name");
        uint32_t n;
        const char *s = f_get(i, objv[k], &n);
        if (var) return which_var(i, s, n);
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
        FeatherObj fq = resolve_here(i, name, n, 0);
        if (!fq) return ns_not_found(i, name, n);
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
            if (st == FEATHER_VAR_SELF) {
                f_set_error_code(i, f_str(i, "TCL UPVAR SELF"));
                return f_error(i, "can't upvar from variable to itself");
            }
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
            f_set_error_code(i, f_format(i, "TCL LOOKUP COMMAND %o", f_list_new(i, &objv[2], 1)));
            return f_error(i, "invalid command name \"%S\"", s, n);
        }
        uint32_t fl;
        const char *fq = f_get(i, info.name, &fl);
        FeatherObj origin = feather_host_cmd_origin(i, fq, fl, 1);
        return f_ok(i, origin ? origin : info.name);
    }
    case N_EXPORT:
        return ns_export(i, objc, objv);
    case N_IMPORT:
        return ns_import(i, objc, objv);
    case N_FORGET:
        return ns_forget(i, objc, objv);
    case N_PATH:
        return ns_path(i, objc, objv);
    case N_UNKNOWN:
        return ns_unknown(i, objc, objv);
    case N_ENSEMBLE:
        return f_ns_ensemble(i, objc, objv);
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
        bool open = false;
        for (uint32_t c = start; c < n; c++) open |= s[c] == '(';
        if (open && n > 0 && s[n - 1] == ')') {
            f_set_error_code(i, f_str(i, "TCL UPVAR LOCAL_ELEMENT"));
            return f_error(i, "can't define \"%S\": name refers to an element in an array", s, n);
        }
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
