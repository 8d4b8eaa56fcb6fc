/*
 * cmd_ensemble.c -- namespace ensembles: `namespace ensemble create |
 * configure | exists` and the dispatch of an ensemble command.
 *
 * An ensemble is a host command of kind FEATHER_CMD_ENSEMBLE whose params
 * hold its configuration, the list {-map M -parameters P -prefixes B
 * -subcommands S -unknown U}, and whose body is the fully qualified name of
 * its namespace. Its subcommand table comes from -subcommands, else -map,
 * else the namespace's exported commands; it is built when first needed in
 * a top-level eval and kept while the command epoch is unchanged (see the
 * per-eval cache below), so a change of exports or commands is seen at once.
 *
 * Tcl reports a wrong # args error of an implementation with the words the
 * ensemble was called with; Feather rewrites such a message afterwards when
 * the implementation raised it itself (rewrite_wrong_args).
 */
#include "cache.h"
#include "core.h"

/* Configuration slots, in the order they are stored. */
enum { E_MAP, E_PARAMS, E_PREFIXES, E_SUBCMDS, E_UNKNOWN, E_COUNT };
static const char *const slot_names[E_COUNT] = {"-map", "-parameters", "-prefixes", "-subcommands",
                                                "-unknown"};

typedef struct Ensemble {
    FeatherObj slot[E_COUNT];
    FeatherObj ns; /* fully qualified namespace name */
} Ensemble;

static bool is_absolute(const char *s, uint32_t n) { return n >= 2 && s[0] == ':' && s[1] == ':'; }

static int load(FeatherInterp i, FeatherCmdInfo *info, Ensemble *e) {
    FeatherObj *items;
    uint32_t n;
    if (f_list(i, info->params, &items, &n) != TCL_OK) return TCL_ERROR;
    for (int k = 0; k < E_COUNT; k++) e->slot[k] = (uint32_t)(2 * k + 1) < n ? items[2 * k + 1] : f_empty(i);
    e->ns = info->body ? info->body : f_str(i, "::");
    return TCL_OK;
}

static FeatherObj store(FeatherInterp i, Ensemble *e) {
    FeatherObj items[2 * E_COUNT];
    for (int k = 0; k < E_COUNT; k++) {
        items[2 * k] = f_str(i, slot_names[k]);
        items[2 * k + 1] = e->slot[k];
    }
    return f_list_new(i, items, 2 * E_COUNT);
}

/* Validate a -map value as a dict whose values are non-empty lists, and
 * qualify each implementation's first word relative to namespace `cur`. */
static int set_map(FeatherInterp i, FeatherObj value, FeatherObj cur, FeatherObj *out) {
    FeatherObj *items;
    uint32_t n;
    if (f_list(i, value, &items, &n) != TCL_OK) {
        /* Tcl reads the value as a dict: "... in dict". */
        uint32_t ml;
        const char *m = f_get(i, f_result(i), &ml);
        if (ml > 5 && memcmp(m + ml - 5, " list", 5) == 0) {
            return f_error(i, "%S dict", m, ml - 5);
        }
        return TCL_ERROR;
    }
    if (n % 2) return f_error(i, "missing value to go with key");
    bool changed = false;
    FeatherObj *kept = f_alloc((n ? n : 1) * sizeof(FeatherObj));
    if (!kept) return f_oom(i);
    uint32_t nk = 0;
    for (uint32_t k = 0; k < n; k += 2) {
        FeatherObj *words;
        uint32_t nw;
        if (f_list(i, items[k + 1], &words, &nw) != TCL_OK) return TCL_ERROR;
        if (nw == 0) return f_error(i, "ensemble subcommand implementations must be non-empty lists");
        uint32_t wl;
        const char *w = f_get(i, words[0], &wl);
        FeatherObj impl = items[k + 1];
        if (!is_absolute(w, wl)) {
            FeatherObj *copy = f_alloc(nw * sizeof(FeatherObj));
            if (!copy) return f_oom(i);
            memcpy(copy, words, nw * sizeof(FeatherObj));
            copy[0] = f_ns_join(i, cur, w, wl);
            impl = f_list_new(i, copy, nw);
            changed = true;
        }
        /* A repeated key keeps its first place and takes the later value. */
        uint32_t kl;
        const char *ks = f_get(i, items[k], &kl);
        uint32_t at = nk;
        for (uint32_t j = 0; j < nk; j += 2) {
            uint32_t jl;
            const char *js = f_get(i, kept[j], &jl);
            if (jl == kl && memcmp(js, ks, kl) == 0) at = j;
        }
        kept[at] = items[k];
        kept[at + 1] = impl;
        if (at == nk) nk += 2;
    }
    /* Unchanged, the value is kept as given (as Tcl keeps the dict's text). */
    *out = changed ? f_list_new(i, kept, nk) : value;
    return TCL_OK;
}

/* Set option `opt` (a slot) from a configure/create argument. */
static int set_slot(FeatherInterp i, Ensemble *e, int slot, FeatherObj value, FeatherObj cur) {
    FeatherObj *items;
    uint32_t n;
    switch (slot) {
    case E_MAP:
        return set_map(i, value, cur, &e->slot[E_MAP]);
    case E_PREFIXES: {
        bool b;
        if (f_get_bool(i, value, &b) != TCL_OK) return TCL_ERROR;
        e->slot[E_PREFIXES] = f_int(i, b);
        return TCL_OK;
    }
    default:
        if (f_list(i, value, &items, &n) != TCL_OK) return TCL_ERROR;
        e->slot[slot] = value;
        return TCL_OK;
    }
}

static const char *const create_opts[] = {"-command", "-map", "-parameters", "-prefixes", "-subcommands",
                                          "-unknown", 0};
static const int create_slot[] = {-1, E_MAP, E_PARAMS, E_PREFIXES, E_SUBCMDS, E_UNKNOWN};
static const char *const config_opts[] = {"-map", "-namespace", "-parameters", "-prefixes", "-subcommands",
                                          "-unknown", 0};
static const int config_slot[] = {E_MAP, -1, E_PARAMS, E_PREFIXES, E_SUBCMDS, E_UNKNOWN};

static int ens_create(FeatherInterp i, int objc, FeatherObj *objv) {
    if ((objc - 3) % 2) return f_wrong_args(i, 3, objv, "?option value ...?");
    FeatherObj cur = feather_host_ns_current(i);
    Ensemble e;
    e.ns = cur;
    for (int k = 0; k < E_COUNT; k++) e.slot[k] = f_empty(i);
    e.slot[E_PREFIXES] = f_int(i, 1);
    FeatherObj command = cur;
    for (int k = 3; k < objc; k += 2) {
        int opt;
        if (f_get_enum(i, objv[k], create_opts, "option", &opt) != TCL_OK) return TCL_ERROR;
        if (create_slot[opt] < 0) {
            uint32_t n;
            const char *s = f_get(i, objv[k + 1], &n);
            command = is_absolute(s, n) ? objv[k + 1] : f_ns_join(i, cur, s, n);
        } else if (set_slot(i, &e, create_slot[opt], objv[k + 1], cur) != TCL_OK) {
            return TCL_ERROR;
        }
    }
    uint32_t n;
    const char *name = f_get(i, command, &n);
    /* The command's namespace is created when missing, as Tcl does. */
    int32_t sep = -1;
    for (int32_t k = (int32_t)n - 2; k >= 0; k--) {
        if (name[k] == ':' && name[k + 1] == ':') {
            sep = k;
            break;
        }
    }
    if (sep > 0) feather_host_ns_resolve(i, name, (uint32_t)sep, 1);
    if (feather_host_proc_define(i, name, n, FEATHER_CMD_ENSEMBLE, 0, store(i, &e), e.ns) != 0) {
        return f_error(i, "can't create ensemble \"%S\"", name, n);
    }
    return f_ok(i, command);
}

static int ens_configure(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 4) return f_wrong_args(i, 3, objv, "cmdname ?-option value ...? ?arg ...?");
    uint32_t n;
    const char *name = f_get(i, objv[3], &n);
    FeatherCmdInfo info;
    memset(&info, 0, sizeof info);
    int kind = feather_host_cmd_lookup(i, name, n, &info);
    if (kind == FEATHER_CMD_NONE) return f_error(i, "unknown command \"%S\"", name, n);
    if (kind != FEATHER_CMD_ENSEMBLE) return f_error(i, "\"%S\" is not an ensemble command", name, n);
    Ensemble e;
    if (load(i, &info, &e) != TCL_OK) return TCL_ERROR;
    if (objc == 4) {
        FeatherObj items[2 * (E_COUNT + 1)];
        uint32_t k = 0;
        for (int o = 0; config_opts[o]; o++) {
            items[k++] = f_str(i, config_opts[o]);
            items[k++] = config_slot[o] < 0 ? e.ns : e.slot[config_slot[o]];
        }
        return f_ok(i, f_list_new(i, items, k));
    }
    if (objc == 5) {
        int opt;
        if (f_get_enum(i, objv[4], config_opts, "option", &opt) != TCL_OK) return TCL_ERROR;
        return f_ok(i, config_slot[opt] < 0 ? e.ns : e.slot[config_slot[opt]]);
    }
    if ((objc - 4) % 2) return f_wrong_args(i, 3, objv, "cmdname ?-option value ...? ?arg ...?");
    FeatherObj cur = feather_host_ns_current(i);
    for (int k = 4; k < objc; k += 2) {
        int opt;
        if (f_get_enum(i, objv[k], config_opts, "option", &opt) != TCL_OK) return TCL_ERROR;
        if (config_slot[opt] < 0) return f_error(i, "option -namespace is read-only");
        if (set_slot(i, &e, config_slot[opt], objv[k + 1], cur) != TCL_OK) return TCL_ERROR;
    }
    /* An imported ensemble: configure the original. */
    uint32_t fl;
    const char *fq = f_get(i, info.name, &fl);
    FeatherObj origin = feather_host_cmd_origin(i, fq, fl, 1);
    if (origin) fq = f_get(i, origin, &fl);
    feather_host_cmd_update(i, fq, fl, store(i, &e));
    return f_ok_empty(i);
}

static const char *const ens_subs[] = {"configure", "create", "exists", 0};

int f_ns_ensemble(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 3) return f_wrong_args(i, 2, objv, "subcommand ?arg ...?");
    uint32_t n;
    const char *s = f_get(i, objv[2], &n);
    int sub = -1, count = 0;
    for (int k = 0; ens_subs[k]; k++) {
        if (f_streq(s, n, ens_subs[k])) {
            sub = k;
            count = 1;
            break;
        }
        if (n > 0 && f_strlen(ens_subs[k]) >= n && memcmp(ens_subs[k], s, n) == 0) {
            sub = k;
            count++;
        }
    }
    if (count != 1) {
        return f_error(i, "%s subcommand \"%S\": must be configure, create, or exists",
                       count > 1 ? "ambiguous" : "bad", s, n);
    }
    switch (sub) {
    case 0:
        return ens_configure(i, objc, objv);
    case 1:
        return ens_create(i, objc, objv);
    default: {
        if (objc != 4) return f_wrong_args(i, 3, objv, "cmdname");
        const char *name = f_get(i, objv[3], &n);
        FeatherCmdInfo info;
        memset(&info, 0, sizeof info);
        return f_ok_int(i, feather_host_cmd_lookup(i, name, n, &info) == FEATHER_CMD_ENSEMBLE);
    }
    }
}

/* ------------------------------------------------------------ dispatch */

typedef struct SubTable {
    uint32_t n;
    FeatherObj *names;
    FeatherObj *impls; /* implementation word lists */
} SubTable;

static int cmp_obj(FeatherInterp i, FeatherObj a, FeatherObj b) {
    uint32_t al, bl;
    const char *as = f_get(i, a, &al);
    const char *bs = f_get(i, b, &bl);
    int c = memcmp(as, bs, al < bl ? al : bl);
    return c ? c : (al < bl ? -1 : al > bl);
}

static bool same(FeatherInterp i, FeatherObj a, FeatherObj b) { return cmp_obj(i, a, b) == 0; }

/* The lookup of a name in a -map dict value (a flat list), or 0. */
static FeatherObj map_get(FeatherInterp i, FeatherObj *map, uint32_t mn, FeatherObj key) {
    FeatherObj found = 0; /* the last of repeated keys, as in a dict */
    for (uint32_t k = 0; k + 1 < mn; k += 2) {
        if (same(i, map[k], key)) found = map[k + 1];
    }
    return found;
}

static int build_table(FeatherInterp i, Ensemble *e, SubTable *t) {
    FeatherObj *map, *subs;
    uint32_t mn, sn;
    if (f_list(i, e->slot[E_MAP], &map, &mn) != TCL_OK) return TCL_ERROR;
    if (f_list(i, e->slot[E_SUBCMDS], &subs, &sn) != TCL_OK) return TCL_ERROR;
    uint32_t cap = sn ? sn : mn / 2;
    FeatherObj *cmds = NULL, *exports = NULL;
    uint32_t cn = 0, en = 0;
    if (!sn && !mn) {
        uint32_t nl;
        const char *nss = f_get(i, e->ns, &nl);
        FeatherObj all = feather_host_names(i, FEATHER_NAMES_COMMANDS, nss, (int32_t)nl);
        FeatherObj ex = feather_host_ns_attr(i, FEATHER_NS_EXPORT, nss, (int32_t)nl, 0);
        if (f_list(i, all, &cmds, &cn) != TCL_OK) return TCL_ERROR;
        if (ex && f_list(i, ex, &exports, &en) != TCL_OK) return TCL_ERROR;
        cap = cn;
    }
    t->n = 0;
    t->names = f_alloc((cap ? cap : 1) * sizeof(FeatherObj));
    t->impls = f_alloc((cap ? cap : 1) * sizeof(FeatherObj));
    if (!t->names || !t->impls) return f_oom(i);
    if (sn) {
        for (uint32_t k = 0; k < sn; k++) {
            bool dup = false;
            for (uint32_t j = 0; j < t->n && !dup; j++) dup = same(i, t->names[j], subs[k]);
            if (dup) continue;
            FeatherObj impl = map_get(i, map, mn, subs[k]);
            t->names[t->n] = subs[k];
            t->impls[t->n++] = impl ? impl : f_list_new(i, &subs[k], 1);
        }
    } else if (mn) {
        for (uint32_t k = 0; k + 1 < mn; k += 2) {
            bool dup = false;
            for (uint32_t j = 0; j < t->n && !dup; j++) dup = same(i, t->names[j], map[k]);
            if (dup) continue;
            t->names[t->n] = map[k];
            t->impls[t->n++] = map_get(i, map, mn, map[k]);
        }
    } else {
        for (uint32_t k = 0; k < cn; k++) {
            uint32_t fl;
            const char *fq = f_get(i, cmds[k], &fl);
            uint32_t start = fl;
            while (start > 0 && !(fq[start - 1] == ':' && start >= 2 && fq[start - 2] == ':')) start--;
            bool exported = false;
            for (uint32_t x = 0; x < en && !exported; x++) {
                uint32_t pl;
                const char *p = f_get(i, exports[x], &pl);
                exported = f_glob(p, pl, fq + start, fl - start, false);
            }
            if (!exported) continue;
            t->names[t->n] = f_strn(i, fq + start, fl - start);
            t->impls[t->n++] = f_list_new(i, &cmds[k], 1);
        }
    }
    /* Sorted, as Tcl lists them in its errors. */
    for (uint32_t a = 1; a < t->n; a++) {
        for (uint32_t b = a; b > 0 && cmp_obj(i, t->names[b - 1], t->names[b]) > 0; b--) {
            FeatherObj x = t->names[b];
            t->names[b] = t->names[b - 1];
            t->names[b - 1] = x;
            x = t->impls[b];
            t->impls[b] = t->impls[b - 1];
            t->impls[b - 1] = x;
        }
    }
    return TCL_OK;
}

/* Index of the subcommand `sub` names (exactly, or as a unique prefix when
 * prefixes are allowed), or -1. */
static int find_sub(FeatherInterp i, SubTable *t, FeatherObj sub, bool prefixes) {
    uint32_t sl;
    const char *s = f_get(i, sub, &sl);
    int found = -1, count = 0;
    for (uint32_t k = 0; k < t->n; k++) {
        uint32_t nl;
        const char *ns = f_get(i, t->names[k], &nl);
        if (nl == sl && memcmp(ns, s, sl) == 0) return (int)k;
        if (prefixes && nl >= sl && memcmp(ns, s, sl) == 0) {
            found = (int)k;
            count++;
        }
    }
    return count == 1 ? found : -1;
}

static int sub_error(FeatherInterp i, Ensemble *e, SubTable *t, FeatherObj sub, bool prefixes) {
    f_set_error_code(i, f_format(i, "TCL LOOKUP SUBCOMMAND %o", f_list_new(i, &sub, 1)));
    if (t->n == 0) {
        return f_error(i, "unknown subcommand \"%o\": namespace %o does not export any commands", sub, e->ns);
    }
    StrBuf b;
    sb_init(&b, 64);
    for (uint32_t k = 0; k < t->n; k++) {
        uint32_t nl;
        const char *ns = f_get(i, t->names[k], &nl);
        if (k > 0) sb_adds(&b, ", ");
        if (k > 0 && k == t->n - 1) sb_adds(&b, "or ");
        sb_add(&b, ns, nl);
    }
    return f_error(i, "unknown %ssubcommand \"%o\": must be %S", prefixes ? "or ambiguous " : "", sub,
                   b.data, b.len);
}

/* Call the -unknown handler: TCL_OK with *impl the implementation it gave
 * (0: none, look again), or an error. */
static int call_unknown(FeatherInterp i, Ensemble *e, FeatherCmdInfo *info, int objc, FeatherObj *objv,
                        FeatherObj *impl) {
    FeatherObj *hw;
    uint32_t hn;
    if (f_list(i, e->slot[E_UNKNOWN], &hw, &hn) != TCL_OK) return TCL_ERROR;
    FeatherObj *words = f_alloc(((size_t)hn + (size_t)objc) * sizeof(FeatherObj));
    if (!words) return f_oom(i);
    memcpy(words, hw, hn * sizeof(FeatherObj));
    uint32_t fl;
    const char *fq = f_get(i, info->name, &fl);
    FeatherObj origin = info->name ? feather_host_cmd_origin(i, fq, fl, 1) : 0;
    words[hn] = origin ? origin : objv[0];
    memcpy(words + hn + 1, objv + 1, ((size_t)objc - 1) * sizeof(FeatherObj));
    uint32_t nw = hn + (uint32_t)objc;
    int code = f_invoke(i, (int)nw, words);
    if (code == TCL_ERROR) {
        InterpState *st = f_state(i);
        FeatherObj cmd = f_list_new(i, words, nw);
        uint32_t cl;
        const char *cs = f_get(i, cmd, &cl);
        const char *how = st->error_active ? "\n    invoked from within\n\"" : "\n    while executing\n\"";
        f_add_error_info(i, how, (uint32_t)f_strlen(how));
        f_add_error_info(i, cs, cl > 150 ? 150 : cl);
        f_add_error_info(i, cl > 150 ? "...\"" : "\"", cl > 150 ? 4 : 1);
        const char *tail = "\n    (ensemble unknown subcommand handler)";
        f_add_error_info(i, tail, (uint32_t)f_strlen(tail));
        return TCL_ERROR;
    }
    if (code != TCL_OK) {
        static const char *const names[] = {"ok", "error", "return", "break", "continue"};
        if (code >= 2 && code <= 4) {
            return f_error(i, "unknown subcommand handler returned bad code: %s", names[code]);
        }
        return f_error(i, "unknown subcommand handler returned bad code: %d", code);
    }
    FeatherObj *items;
    uint32_t n;
    if (f_list(i, f_result(i), &items, &n) != TCL_OK) return TCL_ERROR;
    *impl = n ? f_result(i) : 0;
    return TCL_OK;
}

/* Tcl reports a wrong # args error of the implementation with the words the
 * ensemble was called with: the implementation's first `skip` words give way
 * to the ensemble's first `keep` words. Done only for an error raised by the
 * implementation itself (errorInfo not begun). */
static void rewrite_wrong_args(FeatherInterp i, int skip, FeatherObj first, int keep, FeatherObj *objv) {
    static const char head[] = "wrong # args: should be \"";
    const uint32_t hl = sizeof head - 1;
    if (f_state(i)->error_active) return;
    uint32_t ml;
    const char *m = f_get(i, f_result(i), &ml);
    if (ml < hl + 1 || memcmp(m, head, hl) != 0 || m[ml - 1] != '"') return;
    uint32_t fl;
    const char *fs = f_get(i, first, &fl);
    if (ml - hl < fl || memcmp(m + hl, fs, fl) != 0) return;
    /* An imported implementation reports its own words, as in Tcl (the
     * import's dispatch ends the rewrite). */
    FeatherCmdInfo info;
    memset(&info, 0, sizeof info);
    if (feather_host_cmd_lookup(i, fs, fl, &info) != FEATHER_CMD_NONE && info.name) {
        uint32_t nl, ol;
        const char *ns = f_get(i, info.name, &nl);
        FeatherObj origin = feather_host_cmd_origin(i, ns, nl, 0);
        const char *os = origin ? f_get(i, origin, &ol) : ns;
        if (!origin) ol = nl;
        if (ol != nl || memcmp(os, ns, nl) != 0) return;
    }
    /* Skip `skip` space-separated words of the usage. */
    uint32_t pos = hl;
    for (int k = 0; k < skip; k++) {
        if (pos >= ml - 1) return;
        while (pos < ml - 1 && m[pos] != ' ') pos++;
        if (pos < ml - 1) pos++;
    }
    StrBuf b;
    sb_init(&b, ml + 64);
    sb_add(&b, m, hl);
    for (int k = 0; k < keep; k++) {
        uint32_t wl;
        const char *w = f_get(i, objv[k], &wl);
        if (k) sb_addc(&b, ' ');
        sb_add(&b, w, wl);
    }
    if (pos < ml - 1) {
        sb_addc(&b, ' ');
        sb_add(&b, m + pos, ml - pos);
    } else {
        sb_addc(&b, '"');
    }
    f_set_result(i, f_strn(i, b.data, b.len));
}

/* The words of an implementation, its first word qualified with the
 * ensemble's namespace when it names a command there (Tcl looks the
 * implementation up from the ensemble's namespace). */
static int impl_words(FeatherInterp i, FeatherObj ns, FeatherObj impl, FeatherObj **out, uint32_t *n) {
    FeatherObj *iw;
    uint32_t in;
    if (f_list(i, impl, &iw, &in) != TCL_OK) return TCL_ERROR;
    if (in == 0) return f_error(i, "ensemble subcommand implementations must be non-empty lists");
    FeatherObj *words = f_alloc(in * sizeof(FeatherObj));
    if (!words) return f_oom(i);
    memcpy(words, iw, in * sizeof(FeatherObj));
    uint32_t wl;
    const char *w = f_get(i, words[0], &wl);
    if (!is_absolute(w, wl)) {
        FeatherObj q = f_ns_join(i, ns, w, wl);
        uint32_t ql;
        const char *qs = f_get(i, q, &ql);
        FeatherCmdInfo probe;
        memset(&probe, 0, sizeof probe);
        if (feather_host_cmd_lookup(i, qs, ql, &probe) != FEATHER_CMD_NONE) words[0] = q;
    }
    *out = words;
    *n = in;
    return TCL_OK;
}

/* What a call needs: the configuration read, the subcommand table built
 * and, when cached, every implementation's words. */
typedef struct Dispatch {
    Ensemble e;
    uint32_t np;
    FeatherObj *params;
    bool prefixes;
    SubTable t;
    FeatherObj **words; /* per subcommand, or NULL (not cached: use t.impls) */
    uint32_t *nwords;
} Dispatch;

/* ------------------------------------------------------------ per-eval cache
 *
 * Building the table costs crossings (and, for exported commands, a look at
 * every command of the namespace), so a dispatch is kept for the rest of
 * the top-level eval, keyed by the ensemble's name and valid while the
 * command epoch (feather.h) is unchanged: every change to commands, exports,
 * paths or an ensemble's configuration moves it. Everything kept is pinned;
 * a budget of pins per eval bounds what rebuilding in a loop can hold. */

typedef struct CachedDispatch {
    struct CachedDispatch *next;
    FeatherInterp interp;
    const char *key;
    uint32_t klen;
    uint32_t epoch;
    Dispatch d;
} CachedDispatch;

typedef struct DispatchCache {
    CachedDispatch *head;
    uint32_t pins_left;
} DispatchCache;

#define DISPATCH_PIN_BUDGET 4096u
enum { CACHE_KIND_ENSEMBLE = 0x656e73 }; /* keyed on the anchor below: no clash with text keys */
static const char cache_anchor[1];

static DispatchCache *dispatch_cache(void) {
    DispatchCache *c = cache_find(cache_anchor, 0, CACHE_KIND_ENSEMBLE);
    if (c) return c;
    c = cache_keep(sizeof *c);
    if (!c) return NULL;
    c->head = NULL;
    c->pins_left = DISPATCH_PIN_BUDGET;
    cache_bind(cache_anchor, 0, CACHE_KIND_ENSEMBLE, c);
    return cache_find(cache_anchor, 0, CACHE_KIND_ENSEMBLE) == c ? c : NULL;
}

static int build_dispatch(FeatherInterp i, FeatherCmdInfo *info, Dispatch *d) {
    if (load(i, info, &d->e) != TCL_OK) return TCL_ERROR;
    if (f_list(i, d->e.slot[E_PARAMS], &d->params, &d->np) != TCL_OK) return TCL_ERROR;
    d->prefixes = true;
    f_get_bool(i, d->e.slot[E_PREFIXES], &d->prefixes);
    d->words = NULL;
    d->nwords = NULL;
    return build_table(i, &d->e, &d->t);
}

/* A lasting copy of d (all handles pinned), or NULL when it cannot be kept. */
static CachedDispatch *keep_dispatch(FeatherInterp i, DispatchCache *c, Dispatch *d, const char *key,
                                     uint32_t klen) {
    uint32_t n = d->t.n;
    FeatherObj **words = f_alloc((n ? n : 1) * sizeof(FeatherObj *));
    uint32_t *nwords = f_alloc((n ? n : 1) * sizeof(uint32_t));
    if (!words || !nwords) return NULL;
    uint32_t need = n + d->np + 2;
    for (uint32_t k = 0; k < n; k++) {
        if (impl_words(i, d->e.ns, d->t.impls[k], &words[k], &nwords[k]) != TCL_OK) return NULL;
        need += nwords[k];
    }
    if (need > c->pins_left) return NULL;
    size_t bytes = sizeof(CachedDispatch) + klen + 1 + (size_t)(d->np + 2 * n) * sizeof(FeatherObj) +
                   (size_t)n * (sizeof(FeatherObj *) + sizeof(uint32_t));
    for (uint32_t k = 0; k < n; k++) bytes += nwords[k] * sizeof(FeatherObj);
    char *mem = cache_keep(bytes + 64);
    if (!mem) return NULL;
    c->pins_left -= need;
    CachedDispatch *cd = (CachedDispatch *)mem;
    mem += sizeof *cd;
    /* Pointers first (8-aligned after the struct), then handles and bytes. */
    cd->d.words = (FeatherObj **)mem;
    mem += (size_t)n * sizeof(FeatherObj *);
    FeatherObj *h = (FeatherObj *)mem;
    cd->d.params = h;
    h += d->np;
    cd->d.t.names = h;
    h += n;
    cd->d.t.impls = NULL;
    for (uint32_t k = 0; k < n; k++) {
        cd->d.words[k] = h;
        for (uint32_t w = 0; w < nwords[k]; w++) h[w] = cache_pin_text(i, words[k][w]);
        h += nwords[k];
    }
    cd->d.nwords = (uint32_t *)h;
    memcpy(cd->d.nwords, nwords, n * sizeof(uint32_t));
    char *k8 = (char *)(cd->d.nwords + n);
    memcpy(k8, key, klen);
    k8[klen] = 0;
    for (uint32_t k = 0; k < d->np; k++) cd->d.params[k] = cache_pin_text(i, d->params[k]);
    for (uint32_t k = 0; k < n; k++) cd->d.t.names[k] = cache_pin_text(i, d->t.names[k]);
    cd->d.t.n = n;
    cd->d.np = d->np;
    cd->d.prefixes = d->prefixes;
    for (int s = 0; s < E_COUNT; s++) cd->d.e.slot[s] = 0;
    cd->d.e.slot[E_UNKNOWN] = feather_host_pin(i, d->e.slot[E_UNKNOWN]);
    cd->d.e.ns = cache_pin_text(i, d->e.ns);
    cd->interp = i;
    cd->key = k8;
    cd->klen = klen;
    cd->epoch = *feather_epoch_ptr();
    cd->next = c->head;
    c->head = cd;
    return cd;
}

/* The dispatch of the ensemble info describes: kept from earlier in this
 * eval when nothing changed since, else built (and kept when possible). */
static Dispatch *get_dispatch(FeatherInterp i, FeatherCmdInfo *info) {
    uint32_t klen = 0;
    const char *key = info->name ? f_get(i, info->name, &klen) : NULL;
    DispatchCache *c = key ? dispatch_cache() : NULL;
    uint32_t epoch = *feather_epoch_ptr();
    if (c) {
        for (CachedDispatch *cd = c->head; cd; cd = cd->next) {
            if (cd->epoch == epoch && cd->interp == i && cd->klen == klen && memcmp(cd->key, key, klen) == 0) {
                return &cd->d;
            }
        }
    }
    Dispatch *d = f_alloc(sizeof *d);
    if (!d) {
        f_oom(i);
        return NULL;
    }
    if (build_dispatch(i, info, d) != TCL_OK) return NULL;
    if (c && *feather_epoch_ptr() == epoch) {
        size_t mark = f_mark();
        CachedDispatch *cd = keep_dispatch(i, c, d, key, klen);
        if (cd) return &cd->d;
        f_release(mark);
        /* keep_dispatch may have left an error as the result: not ours. */
    }
    return d;
}

/* The words of subcommand `at`. */
static int sub_words(FeatherInterp i, Dispatch *d, int at, FeatherObj **w, uint32_t *n) {
    if (d->words) {
        *w = d->words[at];
        *n = d->nwords[at];
        return TCL_OK;
    }
    return impl_words(i, d->e.ns, d->t.impls[at], w, n);
}

int f_ensemble_invoke(FeatherInterp i, FeatherCmdInfo *info, int objc, FeatherObj *objv) {
    Dispatch *d = get_dispatch(i, info);
    if (!d) return TCL_ERROR;
    uint32_t np = d->np;
    if ((uint32_t)objc < np + 2) {
        StrBuf b;
        sb_init(&b, 64);
        uint32_t nl;
        const char *n0 = f_get(i, objv[0], &nl);
        sb_add(&b, n0, nl);
        for (uint32_t k = 0; k < np; k++) {
            const char *p = f_get(i, d->params[k], &nl);
            sb_addc(&b, ' ');
            sb_add(&b, p, nl);
        }
        f_set_error_code(i, f_str(i, "TCL WRONGARGS"));
        return f_error(i, "wrong # args: should be \"%S subcommand ?arg ...?\"", b.data, b.len);
    }
    FeatherObj sub = objv[1 + np];
    int at = find_sub(i, &d->t, sub, d->prefixes);
    FeatherObj *iw;
    uint32_t in;
    if (at >= 0) {
        if (sub_words(i, d, at, &iw, &in) != TCL_OK) return TCL_ERROR;
    } else {
        uint32_t ul;
        f_get(i, d->e.slot[E_UNKNOWN], &ul);
        if (ul == 0) return sub_error(i, &d->e, &d->t, sub, d->prefixes);
        FeatherObj impl = 0;
        if (call_unknown(i, &d->e, info, objc, objv, &impl) != TCL_OK) return TCL_ERROR;
        if (impl) {
            if (impl_words(i, d->e.ns, impl, &iw, &in) != TCL_OK) return TCL_ERROR;
        } else {
            /* The handler may have defined the subcommand: look again. */
            d = get_dispatch(i, info);
            if (!d) return TCL_ERROR;
            at = find_sub(i, &d->t, sub, d->prefixes);
            if (at < 0) return sub_error(i, &d->e, &d->t, sub, d->prefixes);
            if (sub_words(i, d, at, &iw, &in) != TCL_OK) return TCL_ERROR;
        }
    }
    uint32_t rest = (uint32_t)objc - np - 2;
    uint32_t total = in + np + rest;
    FeatherObj *words = f_alloc(total * sizeof(FeatherObj));
    if (!words) return f_oom(i);
    memcpy(words, iw, in * sizeof(FeatherObj));
    memcpy(words + in, objv + 1, np * sizeof(FeatherObj));
    memcpy(words + in + np, objv + 2 + np, rest * sizeof(FeatherObj));
    int code = f_invoke(i, (int)total, words);
    if (code == TCL_ERROR) rewrite_wrong_args(i, (int)(in + np), words[0], (int)(np + 2), objv);
    return code;
}
