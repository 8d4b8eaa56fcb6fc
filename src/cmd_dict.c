/*
 * cmd_dict.c -- the dict ensemble of Tcl 8.6: append create exists filter
 * for get incr info keys lappend map merge remove replace set size unset
 * update values with.
 *
 * A dict is a host value with a dict rep (feather_host_dict_*), its entries
 * in order of first insertion. A value without one is parsed as a list
 * (with the dict wording of Tcl's parse errors), checked for even length
 * and converted in place, so its string rep is kept as Tcl keeps it.
 *
 * Values are immutable: an update builds new dicts up its key path and the
 * variable receives the outermost one. dict_put's result is rendered
 * canonically by the host, which is also how Tcl renders a dict it has
 * modified; a converted list with a repeated key keeps that list as its list
 * rep, so whole-dict reads go through dict_entries, which canonicalizes.
 *
 * Cost: a dict that already has its rep costs one crossing to check; bulk
 * results (keys, values, filter, merge, replace, map) are built as one flat
 * key/value list turned into a dict in one call.
 */
#include "core.h"

/* Shared with cmd_string.c and cmd_array.c. */
FeatherObj f_hash_stats(FeatherInterp i, const char *buf, const uint32_t *spans, uint32_t n,
                        uint32_t stride);

static int oom(FeatherInterp i) { return f_oom(i); }

/* "wrong # args: should be "dict SUB MSG"" with the full subcommand name
 * (a unique prefix is reported by its full name, as Tcl's ensembles do). */
static int wrong(FeatherInterp i, FeatherObj *objv, const char *sub, const char *msg) {
    FeatherObj words[2] = {objv[0], f_str(i, sub)};
    return f_wrong_args(i, 2, words, msg);
}

static void error_code_key(FeatherInterp i, const char *prefix, FeatherObj key) {
    uint32_t n;
    const char *s = f_get(i, key, &n);
    StrBuf b;
    sb_init(&b, n + 32);
    sb_adds(&b, prefix);
    sb_add_element(&b, s, n, false);
    f_set_error_code(i, f_strn(i, b.data ? b.data : "", b.len));
}

static int key_unknown(FeatherInterp i, FeatherObj key) {
    error_code_key(i, "TCL LOOKUP DICT ", key);
    return f_error(i, "key \"%o\" not known in dictionary", key);
}

/* True when a glob pattern has no special character (Tcl's
 * TclMatchIsTrivial): it can only match itself. */
static bool pattern_trivial(const char *p, uint32_t n) {
    for (uint32_t k = 0; k < n; k++) {
        if (p[k] == '*' || p[k] == '?' || p[k] == '[' || p[k] == '\\') return false;
    }
    return true;
}

/* ------------------------------------------------------------ dict values */

/* Tcl's dict parser words its errors "dict", not "list". */
static int dict_parse_error(FeatherInterp i) {
    uint32_t n;
    const char *s = f_get(i, f_result(i), &n);
    static const char *const from[] = {"unmatched open brace in list", "unmatched open quote in list",
                                       "list element in ", 0};
    static const char *const to[] = {"unmatched open brace in dict", "unmatched open quote in dict",
                                     "dict element in "};
    static const char *const code[] = {"TCL VALUE DICTIONARY BRACE", "TCL VALUE DICTIONARY QUOTE",
                                       "TCL VALUE DICTIONARY JUNK"};
    for (int k = 0; from[k]; k++) {
        uint32_t fl = (uint32_t)f_strlen(from[k]);
        if (n >= fl && memcmp(s, from[k], fl) == 0) {
            f_set_error_code(i, f_str(i, code[k]));
            return f_error(i, "%s%S", to[k], s + fl, n - fl);
        }
    }
    return TCL_ERROR;
}

/* Give o a dict rep (Tcl's SetDictFromAny); its entry count in *size when
 * size is not NULL. */
static int dict_ensure(FeatherInterp i, FeatherObj o, int32_t *size) {
    int32_t n = feather_host_dict_size(i, o);
    if (n >= 0) {
        if (size) *size = n;
        return TCL_OK;
    }
    int32_t len = feather_host_list_length(i, o);
    if (len < 0) {
        uint32_t slen, count;
        const char *s = f_get(i, o, &slen);
        char *buf;
        uint32_t *spans;
        if (f_split_list(i, s, slen, &buf, &spans, &count) != TCL_OK) return dict_parse_error(i);
        feather_host_list_from_spans(i, o, buf, spans, count);
        len = (int32_t)count;
    }
    if (len & 1) {
        f_set_error_code(i, f_str(i, "TCL VALUE DICTIONARY"));
        return f_error(i, "missing value to go with key");
    }
    feather_host_dict_from_list(i, o);
    if (size) *size = len == 0 ? 0 : feather_host_dict_size(i, o);
    return TCL_OK;
}

/* A new empty dict. */
static FeatherObj dict_new(FeatherInterp i) {
    return feather_host_dict_from_list(i, f_list_new(i, NULL, 0));
}

/* The entries of a dict, canonical: no repeated key, each key at its first
 * position with its last value. */
typedef struct Dict {
    FeatherObj obj;    /* a dict whose list rep is exactly these entries */
    FeatherObj *items; /* key, value, key, value, ... */
    uint32_t n;        /* entries */
    /* From dict_strings: the entries' text, element k is
     * buf[spans[2k] .. +spans[2k+1]) (keys at even k). */
    const char *buf;
    uint32_t *spans;
} Dict;

/* Replace a dict whose list rep repeats a key by an equal one whose list rep
 * is canonical: a put renders its result canonically. */
static FeatherObj dict_canonical(FeatherInterp i, FeatherObj d) {
    FeatherObj key;
    if (feather_host_list_items(i, d, 0, 1, &key) != 1) return d;
    return feather_host_dict_put(i, d, key, feather_host_dict_get(i, d, key));
}

static int dict_entries(FeatherInterp i, FeatherObj o, Dict *d) {
    int32_t size;
    if (dict_ensure(i, o, &size) != TCL_OK) return TCL_ERROR;
    d->obj = o;
    d->n = (uint32_t)size;
    d->buf = NULL;
    d->spans = NULL;
    d->items = f_alloc(((size_t)size * 2 + 1) * sizeof(FeatherObj));
    if (!d->items) return oom(i);
    if (size == 0) return TCL_OK;
    if (feather_host_list_length(i, o) != 2 * size) d->obj = dict_canonical(i, o);
    feather_host_list_items(i, d->obj, 0, 2 * (uint32_t)size, d->items);
    return TCL_OK;
}

/* The text of the entries: one read of the dict's string rep, split in the
 * arena (parsing a dict's string rep gives back exactly its list rep). */
static int dict_strings(FeatherInterp i, Dict *d) {
    if (d->buf) return TCL_OK;
    uint32_t len, count;
    const char *s = f_get(i, d->obj, &len);
    char *buf;
    uint32_t *spans;
    if (f_split_list(i, s, len, &buf, &spans, &count) != TCL_OK) return TCL_ERROR;
    if (count != 2 * d->n) return f_error(i, "dict: string rep does not match its entries");
    d->buf = buf;
    d->spans = spans;
    return TCL_OK;
}

static const char *entry_text(const Dict *d, uint32_t k, uint32_t *len) {
    *len = d->spans[2 * k + 1];
    return d->buf + d->spans[2 * k];
}

/* A dict from a flat key/value list in which later keys override earlier
 * ones (keeping the first position), rendered canonically. */
static FeatherObj dict_from_items(FeatherInterp i, FeatherObj *items, uint32_t nitems) {
    FeatherObj l = f_list_new(i, items, nitems);
    feather_host_dict_from_list(i, l);
    if (nitems > 0 && 2 * (uint32_t)feather_host_dict_size(i, l) != nitems) l = dict_canonical(i, l);
    return l;
}

/* ------------------------------------------------------------ key paths */

/* Follow keys from dict o (Tcl's TclTraceDictPath for reading): each key
 * must exist and its value be a dict. With exists, a missing key or a
 * value that is no dict gives *out = 0 and TCL_OK. */
static int dict_path_read(FeatherInterp i, FeatherObj o, FeatherObj *keys, int n, bool exists,
                          FeatherObj *out) {
    if (dict_ensure(i, o, NULL) != TCL_OK) goto fail;
    for (int k = 0; k < n; k++) {
        FeatherObj v = feather_host_dict_get(i, o, keys[k]);
        if (!v) {
            if (exists) goto fail;
            return key_unknown(i, keys[k]);
        }
        if (dict_ensure(i, v, NULL) != TCL_OK) goto fail;
        o = v;
    }
    *out = o;
    return TCL_OK;
fail:
    if (!exists) return TCL_ERROR;
    *out = 0;
    return TCL_OK;
}

/* The dict o with the value at keys[0..n) replaced by value (0: the last
 * key removed). Intermediate keys must hold dicts; a missing one is created
 * empty when create is set, else it is an error. */
static int dict_path_put(FeatherInterp i, FeatherObj o, FeatherObj *keys, int n, FeatherObj value,
                         bool create, FeatherObj *out) {
    /* The outermost dict comes from var_dict, already a dict. */
    if (n == 1) {
        *out = feather_host_dict_put(i, o, keys[0], value);
        return TCL_OK;
    }
    FeatherObj sub = feather_host_dict_get(i, o, keys[0]);
    if (!sub) {
        if (!create) return key_unknown(i, keys[0]);
        sub = dict_new(i);
    } else if (dict_ensure(i, sub, NULL) != TCL_OK) {
        return TCL_ERROR;
    }
    FeatherObj nsub;
    if (dict_path_put(i, sub, keys + 1, n - 1, value, create, &nsub) != TCL_OK) return TCL_ERROR;
    *out = feather_host_dict_put(i, o, keys[0], nsub);
    return TCL_OK;
}

/* ------------------------------------------------------------ variables */

/* The value of a dict variable, or 0 when it cannot be read: the variable
 * forms start from an empty dict then (Tcl_ObjGetVar2 without an error
 * message), and writing back reports what is wrong. */
static FeatherObj var_peek(FeatherInterp i, const char *name, uint32_t n) {
    uint32_t base;
    const char *key;
    int32_t klen;
    f_split_varname(name, n, &base, &key, &klen);
    FeatherObj v = 0;
    if (feather_host_var_get(i, name, base, key, klen, 0, &v) != FEATHER_VAR_OK) return 0;
    return v;
}

static FeatherObj var_peek_obj(FeatherInterp i, FeatherObj name) {
    uint32_t n;
    const char *s = f_get(i, name, &n);
    return var_peek(i, s, n);
}

/* A variable named by a word: its name read once for the read and the
 * write of the updating forms. */
typedef struct VarRef {
    const char *name;
    uint32_t len;
} VarRef;

/* Store d in the variable and make the stored value the result. */
static int var_store(FeatherInterp i, const VarRef *ref, FeatherObj d) {
    FeatherObj out;
    if (f_var_set_s(i, ref->name, ref->len, d, &out) != TCL_OK) return TCL_ERROR;
    return f_ok(i, out);
}

/* The dict in a variable for the updating forms: the variable's value with
 * a dict rep, or a new empty dict when it cannot be read. */
static int var_dict(FeatherInterp i, FeatherObj name, VarRef *ref, FeatherObj *out) {
    ref->name = f_get(i, name, &ref->len);
    FeatherObj d = var_peek(i, ref->name, ref->len);
    if (!d) {
        *out = dict_new(i);
        return TCL_OK;
    }
    if (dict_ensure(i, d, NULL) != TCL_OK) return TCL_ERROR;
    *out = d;
    return TCL_OK;
}

/* ------------------------------------------------------------ subcommands */

static int dict_append(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 4) return wrong(i, objv, "append", "dictVarName key ?value ...?");
    FeatherObj d;
    VarRef ref;
    if (var_dict(i, objv[2], &ref, &d) != TCL_OK) return TCL_ERROR;
    FeatherObj v = feather_host_dict_get(i, d, objv[3]);
    if (objc > 4 || !v) {
        FeatherObj *parts = f_alloc((size_t)objc * sizeof(FeatherObj));
        if (!parts) return oom(i);
        uint32_t np = 0;
        if (v) parts[np++] = v;
        for (int k = 4; k < objc; k++) parts[np++] = objv[k];
        v = np ? feather_host_string_concat(i, parts, np) : f_empty(i);
    }
    d = feather_host_dict_put(i, d, objv[3], v);
    return var_store(i, &ref, d);
}

static int dict_create(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc % 2 != 0) return wrong(i, objv, "create", "?key value ...?");
    return f_ok(i, dict_from_items(i, objv + 2, (uint32_t)(objc - 2)));
}

static int dict_exists(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 4) return wrong(i, objv, "exists", "dictionary key ?key ...?");
    FeatherObj d;
    dict_path_read(i, objv[2], objv + 3, objc - 4, true, &d);
    bool found = d && feather_host_dict_get(i, d, objv[objc - 1]) != 0;
    return f_ok_int(i, found);
}

/* The loop variables of for, map and filter script: exactly two names. */
static int loop_vars(FeatherInterp i, FeatherObj spec, const char *what, const char **names,
                     uint32_t *lens) {
    FeatherObj *vars;
    uint32_t nv;
    if (f_list(i, spec, &vars, &nv) != TCL_OK) return TCL_ERROR;
    if (nv != 2) {
        StrBuf b;
        sb_init(&b, 32);
        sb_adds(&b, "TCL SYNTAX dict ");
        sb_adds(&b, what);
        f_set_error_code(i, f_strn(i, b.data ? b.data : "", b.len));
        return f_error(i, "must have exactly two variable names");
    }
    names[0] = f_get(i, vars[0], &lens[0]);
    names[1] = f_get(i, vars[1], &lens[1]);
    return TCL_OK;
}

static void add_info(FeatherInterp i, const char *s) { f_add_error_info(i, s, (uint32_t)f_strlen(s)); }

static void add_body_line(FeatherInterp i, const char *fmt) {
    FeatherObj msg = f_format(i, fmt, f_state(i)->error_line);
    uint32_t n;
    const char *s = f_get(i, msg, &n);
    f_add_error_info(i, s, n);
}

static int dict_filter(FeatherInterp i, int objc, FeatherObj *objv) {
    static const char *const types[] = {"key", "script", "value", 0};
    if (objc < 4) return wrong(i, objv, "filter", "dictionary filterType ?arg ...?");
    int type;
    if (f_get_enum(i, objv[3], types, "filterType", &type) != TCL_OK) return TCL_ERROR;
    if (type == 1) {
        if (objc != 6)
            return wrong(i, objv, "filter", "dictionary script {keyVarName valueVarName} filterScript");
        const char *names[2];
        uint32_t lens[2];
        if (loop_vars(i, objv[4], "filter", names, lens) != TCL_OK) return TCL_ERROR;
        Dict d;
        if (dict_entries(i, objv[2], &d) != TCL_OK) return TCL_ERROR;
        FeatherObj *kept = f_alloc(((size_t)d.n * 2 + 1) * sizeof(FeatherObj));
        if (!kept) return oom(i);
        uint32_t nk = 0;
        for (uint32_t k = 0; k < d.n; k++) {
            size_t mark = f_mark();
            FeatherObj key = d.items[2 * k], value = d.items[2 * k + 1];
            if (f_var_set_s(i, names[0], lens[0], key, NULL) != TCL_OK) {
                add_info(i, "\n    (\"dict filter\" filter script key variable)");
                return TCL_ERROR;
            }
            if (f_var_set_s(i, names[1], lens[1], value, NULL) != TCL_OK) {
                add_info(i, "\n    (\"dict filter\" filter script value variable)");
                return TCL_ERROR;
            }
            int code = f_eval_obj(i, objv[5]);
            if (code == TCL_OK) {
                bool keep;
                if (f_get_bool(i, f_result(i), &keep) != TCL_OK) return TCL_ERROR;
                if (keep) {
                    kept[nk++] = key;
                    kept[nk++] = value;
                }
            } else if (code == TCL_BREAK) {
                break;
            } else if (code != TCL_CONTINUE) {
                if (code == TCL_ERROR) add_body_line(i, "\n    (\"dict filter\" script line %d)");
                return code;
            }
            f_release(mark);
        }
        return f_ok(i, dict_from_items(i, kept, nk));
    }
    Dict d;
    if (dict_entries(i, objv[2], &d) != TCL_OK) return TCL_ERROR;
    if (objc == 4) return f_ok_empty(i);
    if (type == 0 && objc == 5) {
        uint32_t pn;
        const char *p = f_get(i, objv[4], &pn);
        if (pattern_trivial(p, pn)) {
            FeatherObj v = feather_host_dict_get(i, d.obj, objv[4]);
            FeatherObj pair[2] = {objv[4], v};
            return f_ok(i, dict_from_items(i, pair, v ? 2 : 0));
        }
    }
    if (dict_strings(i, &d) != TCL_OK) return TCL_ERROR;
    int npat = objc - 4;
    const char **pats = f_alloc((size_t)npat * sizeof(char *));
    uint32_t *plens = f_alloc((size_t)npat * sizeof(uint32_t));
    FeatherObj *kept = f_alloc(((size_t)d.n * 2 + 1) * sizeof(FeatherObj));
    if (!pats || !plens || !kept) return oom(i);
    for (int p = 0; p < npat; p++) pats[p] = f_get(i, objv[4 + p], &plens[p]);
    uint32_t nk = 0;
    for (uint32_t k = 0; k < d.n; k++) {
        if ((k & 63) == 63 && f_poll_work(i, 64) != TCL_OK) return TCL_ERROR;
        uint32_t len;
        const char *s = entry_text(&d, 2 * k + (uint32_t)(type == 2), &len);
        for (int p = 0; p < npat; p++) {
            if (f_match(i, pats[p], plens[p], s, len, false)) {
                kept[nk++] = d.items[2 * k];
                kept[nk++] = d.items[2 * k + 1];
                break;
            }
        }
    }
    return f_ok(i, dict_from_items(i, kept, nk));
}

/* dict for and dict map. */
static int dict_loop(FeatherInterp i, int objc, FeatherObj *objv, bool map) {
    const char *sub = map ? "map" : "for";
    if (objc != 5) return wrong(i, objv, sub, "{keyVarName valueVarName} dictionary script");
    const char *names[2];
    uint32_t lens[2];
    if (loop_vars(i, objv[2], sub, names, lens) != TCL_OK) return TCL_ERROR;
    Dict d;
    if (dict_entries(i, objv[3], &d) != TCL_OK) return TCL_ERROR;
    FeatherObj *acc = NULL;
    uint32_t na = 0;
    if (map) {
        acc = f_alloc(((size_t)d.n * 2 + 1) * sizeof(FeatherObj));
        if (!acc) return oom(i);
    }
    for (uint32_t k = 0; k < d.n; k++) {
        size_t mark = f_mark();
        if (f_var_set_s(i, names[0], lens[0], d.items[2 * k], NULL) != TCL_OK) return TCL_ERROR;
        if (f_var_set_s(i, names[1], lens[1], d.items[2 * k + 1], NULL) != TCL_OK) return TCL_ERROR;
        int code = f_eval_obj(i, objv[4]);
        if (code == TCL_OK && map) {
            FeatherObj value = f_result(i);
            FeatherObj key;
            if (f_var_get_s(i, names[0], lens[0], &key) != TCL_OK) return TCL_ERROR;
            acc[na++] = key;
            acc[na++] = value;
        } else if (code == TCL_BREAK) {
            return f_ok_empty(i);
        } else if (code != TCL_OK && code != TCL_CONTINUE) {
            if (code == TCL_ERROR)
                add_body_line(i, map ? "\n    (\"dict map\" body line %d)" : "\n    (\"dict for\" body line %d)");
            return code;
        }
        f_release(mark);
    }
    if (map) return f_ok(i, dict_from_items(i, acc, na));
    return f_ok_empty(i);
}

static int dict_get(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 3) return wrong(i, objv, "get", "dictionary ?key ...?");
    if (objc == 3) {
        Dict d;
        if (dict_entries(i, objv[2], &d) != TCL_OK) return TCL_ERROR;
        return f_ok(i, f_list_new(i, d.items, 2 * d.n));
    }
    FeatherObj d;
    if (dict_path_read(i, objv[2], objv + 3, objc - 4, false, &d) != TCL_OK) return TCL_ERROR;
    FeatherObj v = feather_host_dict_get(i, d, objv[objc - 1]);
    if (!v) return key_unknown(i, objv[objc - 1]);
    return f_ok(i, v);
}

/* Accept a too-large integer where Tcl would take a bignum unchanged. */
static bool is_integer_text(FeatherInterp i, FeatherObj o) {
    int64_t v;
    if (f_integer_get(i, o, &v) == 1) return true;
    uint32_t n;
    const char *s = f_get(i, o, &n);
    return f_parse_int(s, n, &v) != 0;
}

/* 1: a 64-bit integer (in *out), 2: an integer beyond 64 bits, 0: no integer. */
static int int_status(FeatherInterp i, FeatherObj o, int64_t *out) {
    if (f_integer_get(i, o, out) == 1) return 1;
    uint32_t n;
    const char *s = f_get(i, o, &n);
    return f_parse_int(s, n, out);
}

static int dict_incr(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 4 && objc != 5) return wrong(i, objv, "incr", "dictVarName key ?increment?");
    FeatherObj d;
    VarRef ref;
    if (var_dict(i, objv[2], &ref, &d) != TCL_OK) return TCL_ERROR;
    FeatherObj v = feather_host_dict_get(i, d, objv[3]);
    FeatherObj nv;
    if (!v) {
        if (objc == 5) {
            if (!is_integer_text(i, objv[4])) {
                int64_t dummy;
                f_get_int(i, objv[4], &dummy);
                f_set_error_code(i, f_str(i, "TCL VALUE NUMBER"));
                add_info(i, "\n    (reading increment)");
                return TCL_ERROR;
            }
            nv = objv[4];
        } else {
            nv = f_int(i, 1);
        }
    } else {
        int64_t cur, delta = 1, sum;
        int rv = int_status(i, v, &cur), rd = objc == 5 ? int_status(i, objv[4], &delta) : 1;
        if (rv == 0) return f_get_int(i, v, &cur);
        if (rd == 0) {
            f_get_int(i, objv[4], &delta);
            add_info(i, "\n    (reading increment)");
            return TCL_ERROR;
        }
        if (rv == 1 && rd == 1 && !__builtin_add_overflow(cur, delta, &sum)) {
            nv = f_int(i, sum);
        } else {
            /* Integers beyond 64 bits, or a sum beyond them: expr's bignums add them. */
            FeatherObj e = f_format(i, "%o + %o", v, objc == 5 ? objv[4] : f_int(i, 1));
            if (f_expr(i, e, &nv) != TCL_OK) return TCL_ERROR;
        }
    }
    d = feather_host_dict_put(i, d, objv[3], nv);
    return var_store(i, &ref, d);
}

/* ------------------------------------------------------------ dict info */

static int dict_info(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 3) return wrong(i, objv, "info", "dictionary");
    Dict d;
    if (dict_entries(i, objv[2], &d) != TCL_OK) return TCL_ERROR;
    if (d.n > 0 && dict_strings(i, &d) != TCL_OK) return TCL_ERROR;
    return f_ok(i, f_hash_stats(i, d.buf, d.spans, d.n, 2));
}

static int dict_keys_values(FeatherInterp i, int objc, FeatherObj *objv, bool values) {
    if (objc != 3 && objc != 4) return wrong(i, objv, values ? "values" : "keys", "dictionary ?pattern?");
    Dict d;
    if (dict_entries(i, objv[2], &d) != TCL_OK) return TCL_ERROR;
    uint32_t pn = 0;
    const char *p = objc == 4 ? f_get(i, objv[3], &pn) : NULL;
    if (p && !values && pattern_trivial(p, pn)) {
        bool found = feather_host_dict_get(i, d.obj, objv[3]) != 0;
        return f_ok(i, f_list_new(i, objv + 3, found ? 1 : 0));
    }
    if (p && dict_strings(i, &d) != TCL_OK) return TCL_ERROR;
    FeatherObj *out = f_alloc(((size_t)d.n + 1) * sizeof(FeatherObj));
    if (!out) return oom(i);
    uint32_t n = 0;
    uint32_t which = values ? 1 : 0;
    for (uint32_t k = 0; k < d.n; k++) {
        if ((k & 63) == 63 && f_poll_work(i, 64) != TCL_OK) return TCL_ERROR;
        if (p) {
            uint32_t len;
            const char *s = entry_text(&d, 2 * k + which, &len);
            if (!f_match(i, p, pn, s, len, false)) continue;
        }
        out[n++] = d.items[2 * k + which];
    }
    return f_ok(i, f_list_new(i, out, n));
}

static int dict_lappend(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 4) return wrong(i, objv, "lappend", "dictVarName key ?value ...?");
    FeatherObj d;
    VarRef ref;
    if (var_dict(i, objv[2], &ref, &d) != TCL_OK) return TCL_ERROR;
    FeatherObj v = feather_host_dict_get(i, d, objv[3]);
    if (!v) {
        v = f_list_new(i, objv + 4, (uint32_t)(objc - 4));
    } else if (objc > 4) {
        uint32_t len;
        if (f_list_length(i, v, &len) != TCL_OK) return TCL_ERROR;
        v = feather_host_list_append(i, v, objv + 4, (uint32_t)(objc - 4));
    }
    d = feather_host_dict_put(i, d, objv[3], v);
    return var_store(i, &ref, d);
}

static int dict_merge(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc == 2) return f_ok_empty(i);
    Dict first;
    if (dict_entries(i, objv[2], &first) != TCL_OK) return TCL_ERROR;
    /* Tcl returns the first dict untouched unless something is put in it. */
    uint32_t total = 2 * first.n;
    Dict *rest = f_alloc(((size_t)objc) * sizeof(Dict));
    if (!rest) return oom(i);
    for (int k = 3; k < objc; k++) {
        if (dict_entries(i, objv[k], &rest[k]) != TCL_OK) return TCL_ERROR;
        total += 2 * rest[k].n;
    }
    if (total == 2 * first.n) return f_ok(i, objv[2]);
    FeatherObj *items = f_alloc(((size_t)total + 1) * sizeof(FeatherObj));
    if (!items) return oom(i);
    memcpy(items, first.items, 2 * first.n * sizeof(FeatherObj));
    uint32_t n = 2 * first.n;
    for (int k = 3; k < objc; k++) {
        memcpy(items + n, rest[k].items, 2 * rest[k].n * sizeof(FeatherObj));
        n += 2 * rest[k].n;
    }
    if (f_poll_work(i, n / 2) != TCL_OK) return TCL_ERROR;
    return f_ok(i, dict_from_items(i, items, n));
}

static int dict_remove(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 3) return wrong(i, objv, "remove", "dictionary ?key ...?");
    int32_t size;
    if (dict_ensure(i, objv[2], &size) != TCL_OK) return TCL_ERROR;
    FeatherObj d = objv[2];
    if (objc == 3) {
        /* Tcl regenerates the string rep even when nothing is removed. */
        return f_ok(i, size == 0 ? f_empty(i) : dict_canonical(i, d));
    }
    for (int k = 3; k < objc; k++) d = feather_host_dict_put(i, d, objv[k], 0);
    return f_ok(i, d);
}

static int dict_replace(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 3 || objc % 2 == 0) return wrong(i, objv, "replace", "dictionary ?key value ...?");
    Dict d;
    if (dict_entries(i, objv[2], &d) != TCL_OK) return TCL_ERROR;
    uint32_t extra = (uint32_t)(objc - 3);
    FeatherObj *items = f_alloc(((size_t)2 * d.n + extra + 1) * sizeof(FeatherObj));
    if (!items) return oom(i);
    memcpy(items, d.items, 2 * d.n * sizeof(FeatherObj));
    memcpy(items + 2 * d.n, objv + 3, extra * sizeof(FeatherObj));
    return f_ok(i, dict_from_items(i, items, 2 * d.n + extra));
}

static int dict_set(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 5) return wrong(i, objv, "set", "dictVarName key ?key ...? value");
    FeatherObj d;
    VarRef ref;
    if (var_dict(i, objv[2], &ref, &d) != TCL_OK) return TCL_ERROR;
    if (dict_path_put(i, d, objv + 3, objc - 4, objv[objc - 1], true, &d) != TCL_OK) return TCL_ERROR;
    return var_store(i, &ref, d);
}

static int dict_size(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 3) return wrong(i, objv, "size", "dictionary");
    int32_t size;
    if (dict_ensure(i, objv[2], &size) != TCL_OK) return TCL_ERROR;
    return f_ok_int(i, size);
}

static int dict_unset(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 4) return wrong(i, objv, "unset", "dictVarName key ?key ...?");
    FeatherObj d;
    VarRef ref;
    if (var_dict(i, objv[2], &ref, &d) != TCL_OK) return TCL_ERROR;
    if (dict_path_put(i, d, objv + 3, objc - 3, 0, false, &d) != TCL_OK) return TCL_ERROR;
    return var_store(i, &ref, d);
}

/* What a body left behind while update/with write their variables back. */
typedef struct Saved {
    int code;
    FeatherObj result;
    InterpState state;
} Saved;

static void save_state(FeatherInterp i, int code, Saved *s) {
    s->code = code;
    s->result = f_result(i);
    s->state = *f_state(i);
}

static int restore_state(FeatherInterp i, Saved *s) {
    InterpState *st = f_state(i);
    int depth = st->depth;
    bool oom = st->oom;
    *st = s->state;
    st->depth = depth;
    st->oom = st->oom || oom;
    f_set_result(i, s->result);
    return s->code;
}

static int dict_update(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 6 || objc % 2 != 0)
        return wrong(i, objv, "update", "dictVarName key varName ?key varName ...? script");
    FeatherObj d;
    if (f_var_get(i, objv[2], &d) != TCL_OK) return TCL_ERROR;
    if (dict_ensure(i, d, NULL) != TCL_OK) return TCL_ERROR;
    for (int k = 3; k + 1 < objc - 1; k += 2) {
        FeatherObj v = feather_host_dict_get(i, d, objv[k]);
        if (!v) {
            f_var_unset(i, objv[k + 1], false);
        } else if (f_var_set(i, objv[k + 1], v, NULL) != TCL_OK) {
            return TCL_ERROR;
        }
    }
    int code = f_eval_obj(i, objv[objc - 1]);
    if (code == TCL_ERROR) add_info(i, "\n    (body of \"dict update\")");
    d = var_peek_obj(i, objv[2]);
    if (!d) return code;
    Saved saved;
    save_state(i, code, &saved);
    if (dict_ensure(i, d, NULL) != TCL_OK) return TCL_ERROR;
    for (int k = 3; k + 1 < objc - 1; k += 2) {
        d = feather_host_dict_put(i, d, objv[k], var_peek_obj(i, objv[k + 1]));
    }
    if (f_var_set(i, objv[2], d, NULL) != TCL_OK) return TCL_ERROR;
    return restore_state(i, &saved);
}

static int dict_with(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 4) return wrong(i, objv, "with", "dictVarName ?key ...? script");
    int npath = objc - 4;
    FeatherObj *path = objv + 3;
    FeatherObj d;
    if (f_var_get(i, objv[2], &d) != TCL_OK) return TCL_ERROR;
    FeatherObj leaf;
    if (dict_path_read(i, d, path, npath, false, &leaf) != TCL_OK) return TCL_ERROR;
    Dict e;
    if (dict_entries(i, leaf, &e) != TCL_OK) return TCL_ERROR;
    for (uint32_t k = 0; k < e.n; k++) {
        if (f_var_set(i, e.items[2 * k], e.items[2 * k + 1], NULL) != TCL_OK) return TCL_ERROR;
    }
    int code = f_eval_obj(i, objv[objc - 1]);
    if (code == TCL_ERROR) add_info(i, "\n    (body of \"dict with\")");
    d = var_peek_obj(i, objv[2]);
    if (!d) return code;
    Saved saved;
    save_state(i, code, &saved);
    if (dict_ensure(i, d, NULL) != TCL_OK) return TCL_ERROR;
    /* The chain of dicts along the path, outermost first. */
    FeatherObj *chain = f_alloc(((size_t)npath + 1) * sizeof(FeatherObj));
    if (!chain) return oom(i);
    chain[0] = d;
    for (int k = 0; k < npath; k++) {
        FeatherObj v = feather_host_dict_get(i, chain[k], path[k]);
        if (!v) return restore_state(i, &saved);
        if (dict_ensure(i, v, NULL) != TCL_OK) return TCL_ERROR;
        chain[k + 1] = v;
    }
    FeatherObj cur = chain[npath];
    for (uint32_t k = 0; k < e.n; k++) {
        FeatherObj key = e.items[2 * k];
        cur = feather_host_dict_put(i, cur, key, var_peek_obj(i, key));
    }
    for (int k = npath - 1; k >= 0; k--) cur = feather_host_dict_put(i, chain[k], path[k], cur);
    if (f_var_set(i, objv[2], cur, NULL) != TCL_OK) return TCL_ERROR;
    return restore_state(i, &saved);
}

/* ------------------------------------------------------------ ensemble */

static int dict_for(FeatherInterp i, int objc, FeatherObj *objv) { return dict_loop(i, objc, objv, false); }
static int dict_map(FeatherInterp i, int objc, FeatherObj *objv) { return dict_loop(i, objc, objv, true); }
static int dict_keys(FeatherInterp i, int objc, FeatherObj *objv) { return dict_keys_values(i, objc, objv, false); }
static int dict_values(FeatherInterp i, int objc, FeatherObj *objv) { return dict_keys_values(i, objc, objv, true); }

static int cmd_dict(FeatherInterp i, int objc, FeatherObj *objv) {
    static const char *const subs[] = {"append", "create", "exists", "filter", "for", "get", "incr",
                                       "info", "keys", "lappend", "map", "merge", "remove", "replace",
                                       "set", "size", "unset", "update", "values", "with", 0};
    static const FeatherBuiltin fns[] = {dict_append, dict_create, dict_exists, dict_filter, dict_for,
                                         dict_get, dict_incr, dict_info, dict_keys, dict_lappend,
                                         dict_map, dict_merge, dict_remove, dict_replace, dict_set,
                                         dict_size, dict_unset, dict_update, dict_values, dict_with};
    if (objc < 2) return f_wrong_args(i, 1, objv, "subcommand ?arg ...?");
    int sub;
    if (f_get_enum(i, objv[1], subs, "subcommand", &sub) != TCL_OK) {
        error_code_key(i, "TCL LOOKUP SUBCOMMAND ", objv[1]);
        return TCL_ERROR;
    }
    return fns[sub](i, objc, objv);
}

const BuiltinDef f_cmds_dict[] = {{"dict", cmd_dict}, {0, 0}};
