/*
 * cmd_list.c -- the list commands of Tcl 8.6: list llength lindex lappend
 * lrange linsert lreplace lrepeat lreverse lassign lset lsearch lsort
 * concat join split.
 *
 * Cost model: a host call is the unit of cost. Commands that only move
 * elements around work on handles with the bulk list operations
 * (list_items, list_range, list_splice, list_append). Commands that look at
 * the text of many elements (lsearch, lsort) read the list's string rep in
 * one call and split it in the arena: parsing the canonical string rep of
 * a list gives back exactly its elements, so element k costs no crossing.
 * A result made of the list's own elements is one list_new of their
 * handles; one made of new strings (indices, split pieces, sub-elements)
 * is one list_from_spans. No command crosses once per element.
 *
 * Indices are read by f_get_index (obj.c), Tcl 8.6's TclGetIntForIndex;
 * lsort is Tcl's merge sort, comparison for comparison.
 */
#include "core.h"

/* Shared with cmd_string.c. */
uint32_t fstr_case(FeatherInterp i, uint32_t c, int mode);
uint32_t fstr_class(FeatherInterp i, uint32_t c);
int fstr_get_int32(FeatherInterp i, FeatherObj o, int32_t *out);
int fstr_parse_wide(const char *s, uint32_t n, int64_t *out);
int fstr_compare(FeatherInterp i, const char *a, uint32_t an, const char *b, uint32_t bn,
                 bool nocase, int64_t reqlen);

#define LIST_MAX 536870909 /* Tcl 8.6's limit on a list's length */

/* ------------------------------------------------------------ helpers */

static int oom(FeatherInterp i) { return f_oom(i); }

/* A list parsed from text: element k is buf[spans[2k] .. +spans[2k+1]). */
typedef struct PList {
    const char *buf;
    uint32_t *spans;
    uint32_t n;
} PList;

static int plist_text(FeatherInterp i, const char *s, uint32_t len, PList *pl) {
    char *buf;
    if (f_split_list(i, s, len, &buf, &pl->spans, &pl->n) != TCL_OK) return TCL_ERROR;
    pl->buf = buf;
    return TCL_OK;
}

static int plist(FeatherInterp i, FeatherObj o, PList *pl) {
    uint32_t len;
    const char *s = f_get(i, o, &len);
    return plist_text(i, s, len, pl);
}

/* The element handles of list value o, whose text was parsed into pl:
 * when o has no list rep yet, pl becomes its rep (no second parse). The
 * elements keep their internal reps and are shared, not copied. */
static int pl_handles(FeatherInterp i, FeatherObj o, const PList *pl, FeatherObj **items) {
    if (feather_host_list_length(i, o) < 0)
        feather_host_list_from_spans(i, o, pl->buf, pl->spans, pl->n);
    FeatherObj *arr = f_alloc((pl->n ? pl->n : 1) * sizeof(FeatherObj));
    if (!arr) return oom(i);
    if (pl->n) feather_host_list_items(i, o, 0, pl->n, arr);
    *items = arr;
    return TCL_OK;
}

static const char *pl_elem(const PList *pl, uint32_t k, uint32_t *len) {
    *len = pl->spans[2 * k + 1];
    return pl->buf + pl->spans[2 * k];
}

/* Builds a list of strings in the arena, handed over in one call. */
typedef struct SpanList {
    StrBuf text;
    uint32_t *spans;
    uint32_t n, cap;
} SpanList;

static void sl_init(SpanList *l, uint32_t cap, uint32_t bytes) {
    sb_init(&l->text, bytes);
    l->cap = cap ? cap : 4;
    l->spans = f_alloc(2 * l->cap * sizeof(uint32_t));
    l->n = 0;
}

static void sl_add(SpanList *l, const char *s, uint32_t len) {
    if (!l->spans) return;
    if (l->n == l->cap) {
        uint32_t *more = f_alloc(4 * l->cap * sizeof(uint32_t));
        if (!more) {
            l->spans = NULL;
            return;
        }
        memcpy(more, l->spans, 2 * l->cap * sizeof(uint32_t));
        l->spans = more;
        l->cap *= 2;
    }
    l->spans[2 * l->n] = l->text.len;
    l->spans[2 * l->n + 1] = len;
    sb_add(&l->text, s, len);
    l->n++;
}

static void sl_add_int(SpanList *l, int64_t v) {
    char tmp[24];
    int k = 24;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[--k] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) tmp[--k] = '-';
    sl_add(l, tmp + k, (uint32_t)(24 - k));
}

static int sl_result(FeatherInterp i, SpanList *l) {
    if (!l->spans || (l->text.len && !l->text.data)) return oom(i);
    return f_ok(i, feather_host_list_from_spans(i, 0, l->text.data ? l->text.data : "", l->spans,
                                                l->n));
}

/* One element of a list value by handle (k < its length). */
static FeatherObj item(FeatherInterp i, FeatherObj list, uint32_t k) {
    FeatherObj out = 0;
    feather_host_list_items(i, list, k, 1, &out);
    return out ? out : f_empty(i);
}

/* Whether o is a valid index, without leaving an error behind. */
static bool is_index(FeatherInterp i, FeatherObj o) {
    int64_t v;
    FeatherObj saved = f_result(i);
    if (f_get_index(i, o, 0, &v, NULL) == TCL_OK) return true;
    f_set_result(i, saved);
    f_set_error_code(i, 0);
    return false;
}

/* The one argument of lindex/lset that is not an index: a list of
 * indices, or when it is not a list either, the bad index it stands for. */
static void index_list(FeatherInterp i, FeatherObj *arg, FeatherObj **idx, uint32_t *n) {
    FeatherObj saved = f_result(i);
    if (f_list(i, *arg, idx, n) == TCL_OK) return;
    f_set_result(i, saved);
    f_set_error_code(i, 0);
    *idx = arg;
    *n = 1;
}

/* Integer and real values of element text, with Tcl's messages. */
static int text_wide(FeatherInterp i, const char *s, uint32_t n, int64_t *out) {
    int r = fstr_parse_wide(s, n, out);
    if (r == 1) return TCL_OK;
    if (r == 2) {
        f_set_error_code(i, f_str(i, "ARITH IOVERFLOW {integer value too large to represent}"));
        return f_error(i, "integer value too large to represent");
    }
    f_set_error_code(i, f_str(i, "TCL VALUE NUMBER"));
    return f_error(i, "expected integer but got \"%S\"", s, n);
}

static int text_double(FeatherInterp i, const char *s, uint32_t n, double *out) {
    if (f_parse_double(i, s, n, out)) {
        if (*out != *out) {
            f_set_error_code(i, f_str(i, "TCL VALUE DOUBLE NAN"));
            return f_error(i, "floating point value is Not a Number");
        }
        return TCL_OK;
    }
    f_set_error_code(i, f_str(i, "TCL VALUE NUMBER"));
    return f_error(i, "expected floating-point number but got \"%S\"", s, n);
}

/* -index values as TclIndexEncode keeps them: absolute, or relative to
 * the end of each sublist. */
typedef struct IdxSpec {
    int64_t v;
    bool end;
} IdxSpec;

static int64_t idx_decode(IdxSpec s, int64_t endv) { return s.end ? endv + s.v : s.v; }

/* Parse the argument of -index (a list of indices) into specs. */
static int idx_specs(FeatherInterp i, FeatherObj o, IdxSpec **specs, uint32_t *count) {
    FeatherObj *items;
    uint32_t n;
    if (f_list(i, o, &items, &n) != TCL_OK) return TCL_ERROR;
    IdxSpec *out = f_alloc((n ? n : 1) * sizeof(IdxSpec));
    if (!out) return oom(i);
    for (uint32_t k = 0; k < n; k++) {
        int64_t v;
        bool end;
        int code = f_get_index(i, items[k], 0, &v, &end);
        if (code == TCL_OK) {
            uint32_t len;
            const char *s = f_get(i, items[k], &len);
            out[k].end = end;
            out[k].v = v;
            if ((out[k].end && v > 0) || (!out[k].end && (v < 0 || v >= 2147483647))) {
                f_set_error_code(i, f_str(i, "TCL VALUE INDEXOUTOFRANGE"));
                code = f_error(i, "index \"%S\" cannot select an element from any list", s, len);
            }
        }
        if (code != TCL_OK) {
            FeatherObj info = f_format(i, "\n    (-index option item number %d)", (int)k);
            uint32_t il;
            const char *is = f_get(i, info, &il);
            f_add_error_info(i, is, il);
            return TCL_ERROR;
        }
    }
    *specs = out;
    *count = n;
    return TCL_OK;
}

/* SelectObjFromSublist on text: the element that the index path selects. */
static int select_sub(FeatherInterp i, const char *e, uint32_t en, const IdxSpec *specs,
                      uint32_t ns, const char **out, uint32_t *outn) {
    for (uint32_t k = 0; k < ns; k++) {
        PList pl;
        if (plist_text(i, e, en, &pl) != TCL_OK) return TCL_ERROR;
        int64_t idx = idx_decode(specs[k], (int64_t)pl.n - 1);
        if (idx < 0 || idx >= pl.n) {
            f_set_error_code(i, f_str(i, "TCL OPERATION LSORT INDEXFAILED"));
            return f_error(i, "element %D missing from sublist \"%S\"", idx, e, en);
        }
        e = pl_elem(&pl, (uint32_t)idx, &en);
    }
    *out = e;
    *outn = en;
    return TCL_OK;
}

/* strcmp on Tcl's internal form, where NUL is stored as C0 80: byte order
 * (code point order), except that NUL sorts after U+007F. */
static int tcl_strcmp(const char *a, uint32_t an, const char *b, uint32_t bn) {
    uint32_t m = an < bn ? an : bn;
    for (uint32_t k = 0; k < m; k++) {
        unsigned x = (unsigned char)a[k], y = (unsigned char)b[k];
        if (x == y) continue;
        if (!x) x = 0xc0;
        if (!y) y = 0xc0;
        return x < y ? -1 : 1;
    }
    return an == bn ? 0 : an < bn ? -1 : 1;
}

/* Tcl's DictionaryCompare: case-insensitive (case breaks ties), embedded
 * decimal numbers compared by value. */
static bool isdig(unsigned c) { return c >= '0' && c <= '9'; }

static int dict_compare(FeatherInterp i, const char *l, uint32_t ln, const char *r, uint32_t rn) {
#define L(k) ((k) < ln ? (unsigned char)l[k] : 0u)
#define R(k) ((k) < rn ? (unsigned char)r[k] : 0u)
    uint32_t a = 0, b = 0;
    int diff = 0, secondary = 0;
    for (;;) {
        if (isdig(R(b)) && isdig(L(a))) {
            int zeros = 0;
            while (R(b) == '0' && isdig(R(b + 1))) {
                b++;
                zeros--;
            }
            while (L(a) == '0' && isdig(L(a + 1))) {
                a++;
                zeros++;
            }
            if (secondary == 0) secondary = zeros;
            diff = 0;
            for (;;) {
                if (diff == 0) diff = (int)L(a) - (int)R(b);
                a++;
                b++;
                if (!isdig(R(b))) {
                    if (isdig(L(a))) return 1;
                    if (diff) return diff;
                    break;
                } else if (!isdig(L(a))) {
                    return -1;
                }
            }
            continue;
        }
        if (a < ln && b < rn) {
            uint32_t ul, ur;
            a += utf8_decode(l + a, ln - a, &ul);
            b += utf8_decode(r + b, rn - b, &ur);
            diff = (int)fstr_case(i, ul, 0) - (int)fstr_case(i, ur, 0);
            if (diff) return diff;
            if (secondary == 0) {
                uint32_t cl = fstr_class(i, ul), cr = fstr_class(i, ur);
                if ((cl & 8) && (cr & 16)) secondary = -1;       /* upper, lower */
                else if ((cr & 8) && (cl & 16)) secondary = 1;
            }
        } else {
            diff = (int)L(a) - (int)R(b);
            break;
        }
    }
#undef L
#undef R
    if (diff == 0) diff = secondary;
    return diff;
}

/* ------------------------------------------------------------ list, llength */

static int cmd_list(FeatherInterp i, int objc, FeatherObj *objv) {
    return f_ok(i, f_list_new(i, objv + 1, (uint32_t)(objc - 1)));
}

static int cmd_llength(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 2) return f_wrong_args(i, 1, objv, "list");
    uint32_t n;
    if (f_list_length(i, objv[1], &n) != TCL_OK) return TCL_ERROR;
    return f_ok_int(i, n);
}

/* ------------------------------------------------------------ lindex */

static int lindex_flat(FeatherInterp i, FeatherObj list, FeatherObj *idx, uint32_t n,
                       FeatherObj *out) {
    FeatherObj cur = list;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t len;
        if (f_list_length(i, cur, &len) != TCL_OK) return TCL_ERROR;
        int64_t v;
        if (f_get_index(i, idx[k], (int64_t)len - 1, &v, NULL) != TCL_OK) return TCL_ERROR;
        if (v < 0 || v >= len) {
            /* Out of range: the rest must still be valid indices. */
            for (k++; k < n; k++) {
                if (f_get_index(i, idx[k], -1, &v, NULL) != TCL_OK) return TCL_ERROR;
            }
            *out = f_empty(i);
            return TCL_OK;
        }
        cur = item(i, cur, (uint32_t)v);
    }
    *out = cur;
    return TCL_OK;
}

static int cmd_lindex(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 2) return f_wrong_args(i, 1, objv, "list ?index ...?");
    if (objc == 2) return f_ok(i, objv[1]);
    FeatherObj *idx = objv + 2;
    uint32_t n = (uint32_t)(objc - 2);
    if (objc == 3 && !is_index(i, objv[2])) index_list(i, objv + 2, &idx, &n);
    FeatherObj out;
    if (lindex_flat(i, objv[1], idx, n, &out) != TCL_OK) return TCL_ERROR;
    return f_ok(i, out);
}

/* ------------------------------------------------------------ lappend */

static int cmd_lappend(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 2) return f_wrong_args(i, 1, objv, "varName ?value ...?");
    uint32_t n;
    const char *name = f_get(i, objv[1], &n);
    uint32_t base;
    const char *key;
    int32_t klen;
    f_split_varname(name, n, &base, &key, &klen);
    FeatherObj v = 0;
    if (objc == 2) {
        /* Nothing to append: the value must be a list; create it empty. */
        if (feather_host_var_get(i, name, base, key, klen, 0, &v) == FEATHER_VAR_OK) {
            uint32_t len;
            if (f_list_length(i, v, &len) != TCL_OK) return TCL_ERROR;
            return f_ok(i, v);
        }
        return f_var_set_s(i, name, n, f_empty(i), &v) == TCL_OK ? f_ok(i, v) : TCL_ERROR;
    }
    const FeatherObj *vals = objv + 2;
    uint32_t nv = (uint32_t)(objc - 2);
    int st = feather_host_var_lappend(i, name, base, key, klen, vals, nv, &v);
    if (st == FEATHER_VAR_NOT_LIST) {
        /* Give the value its list rep (or fail as Tcl does), then retry. */
        FeatherObj cur = 0;
        st = feather_host_var_get(i, name, base, key, klen, 0, &cur);
        if (st != FEATHER_VAR_OK) return f_var_error(i, "read", name, n, st, cur);
        uint32_t len;
        if (f_list_length(i, cur, &len) != TCL_OK) return TCL_ERROR;
        v = 0;
        st = feather_host_var_lappend(i, name, base, key, klen, vals, nv, &v);
    }
    if (st != FEATHER_VAR_OK) return f_var_error(i, "set", name, n, st, v);
    return f_ok(i, v);
}

/* ------------------------------------------------------------ lrange, linsert, lreplace */

static int cmd_lrange(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 4) return f_wrong_args(i, 1, objv, "list first last");
    uint32_t len;
    if (f_list_length(i, objv[1], &len) != TCL_OK) return TCL_ERROR;
    int64_t first, last;
    if (f_get_index(i, objv[2], (int64_t)len - 1, &first, NULL) != TCL_OK) return TCL_ERROR;
    if (f_get_index(i, objv[3], (int64_t)len - 1, &last, NULL) != TCL_OK) return TCL_ERROR;
    if (first < 0) first = 0;
    if (last >= len) last = (int64_t)len - 1;
    if (first > last) return f_ok_empty(i);
    return f_ok(i, feather_host_list_range(i, objv[1], (uint32_t)first, (uint32_t)(last - first + 1)));
}

static int cmd_linsert(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 3) return f_wrong_args(i, 1, objv, "list index ?element ...?");
    uint32_t len;
    if (f_list_length(i, objv[1], &len) != TCL_OK) return TCL_ERROR;
    int64_t at;
    if (f_get_index(i, objv[2], len, &at, NULL) != TCL_OK) return TCL_ERROR;
    if (at < 0) at = 0;
    if (at > len) at = len;
    return f_ok(i, feather_host_list_splice(i, objv[1], (uint32_t)at, 0, objv + 3,
                                            (uint32_t)(objc - 3)));
}

static int cmd_lreplace(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 4) return f_wrong_args(i, 1, objv, "list first last ?element ...?");
    uint32_t len;
    if (f_list_length(i, objv[1], &len) != TCL_OK) return TCL_ERROR;
    int64_t first, last;
    if (f_get_index(i, objv[2], (int64_t)len - 1, &first, NULL) != TCL_OK) return TCL_ERROR;
    if (f_get_index(i, objv[3], (int64_t)len - 1, &last, NULL) != TCL_OK) return TCL_ERROR;
    if (first < 0) first = 0;
    if (first > len) first = len;
    if (last >= len) last = (int64_t)len - 1;
    uint32_t remove = first <= last ? (uint32_t)(last - first + 1) : 0;
    return f_ok(i, feather_host_list_splice(i, objv[1], (uint32_t)first, remove, objv + 4,
                                            (uint32_t)(objc - 4)));
}

/* ------------------------------------------------------------ lrepeat, lreverse */

static int cmd_lrepeat(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 2) return f_wrong_args(i, 1, objv, "count ?value ...?");
    int32_t count;
    if (fstr_get_int32(i, objv[1], &count) != TCL_OK) return TCL_ERROR;
    if (count < 0) {
        f_set_error_code(i, f_str(i, "TCL OPERATION LREPEAT NEGARG"));
        return f_error(i, "bad count \"%d\": must be integer >= 0", (int)count);
    }
    uint32_t nv = (uint32_t)(objc - 2);
    if (count == 0 || nv == 0) return f_ok_empty(i);
    if (nv > LIST_MAX / (uint32_t)count)
    {
        f_set_error_code(i, f_str(i, "TCL MEMORY"));
        return f_error(i, "max length of a Tcl list (%d elements) exceeded", LIST_MAX);
    }
    uint64_t total = (uint64_t)nv * (uint32_t)count;
    /* A block of whole repetitions, appended until the list is complete:
     * the arena never holds more than the block. */
    uint32_t reps = (uint32_t)count;
    uint32_t per_block = 4096 / nv ? 4096 / nv : 1;
    if (per_block > reps) per_block = reps;
    FeatherObj *block = f_alloc((size_t)per_block * nv * sizeof(FeatherObj));
    if (!block) return oom(i);
    for (uint32_t r = 0; r < per_block; r++) memcpy(block + r * nv, objv + 2, nv * sizeof(FeatherObj));
    FeatherObj list = f_list_new(i, block, per_block * nv);
    uint64_t have = (uint64_t)per_block * nv;
    while (have < total) {
        uint64_t take = total - have;
        if (take > (uint64_t)per_block * nv) take = (uint64_t)per_block * nv;
        list = feather_host_list_append(i, list, block, (uint32_t)take);
        have += take;
        if (f_poll_work(i, (uint32_t)take) != TCL_OK) return TCL_ERROR;
    }
    return f_ok(i, list);
}

static int cmd_lreverse(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 2) return f_wrong_args(i, 1, objv, "list");
    FeatherObj *items;
    uint32_t n;
    if (f_list(i, objv[1], &items, &n) != TCL_OK) return TCL_ERROR;
    if (n == 0) return f_ok(i, objv[1]);
    for (uint32_t a = 0, b = n - 1; a < b; a++, b--) {
        FeatherObj t = items[a];
        items[a] = items[b];
        items[b] = t;
    }
    if (f_poll_work(i, n) != TCL_OK) return TCL_ERROR; /* a unit an element */
    return f_ok(i, f_list_new(i, items, n));
}

/* ------------------------------------------------------------ lassign */

static int cmd_lassign(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 2) return f_wrong_args(i, 1, objv, "list ?varName ...?");
    uint32_t n;
    if (f_list_length(i, objv[1], &n) != TCL_OK) return TCL_ERROR;
    uint32_t nvars = (uint32_t)(objc - 2);
    uint32_t take = n < nvars ? n : nvars;
    FeatherObj *items = f_alloc((take ? take : 1) * sizeof(FeatherObj));
    if (!items) return oom(i);
    if (take) feather_host_list_items(i, objv[1], 0, take, items);
    FeatherObj empty = 0;
    for (uint32_t k = 0; k < nvars; k++) {
        FeatherObj v;
        if (k < take) {
            v = items[k];
        } else {
            if (!empty) empty = f_empty(i);
            v = empty;
        }
        if (f_var_set(i, objv[2 + k], v, NULL) != TCL_OK) return TCL_ERROR;
    }
    if (n <= nvars) return f_ok_empty(i);
    return f_ok(i, feather_host_list_range(i, objv[1], nvars, n - nvars));
}

/* ------------------------------------------------------------ lset */

static int lset_flat(FeatherInterp i, FeatherObj list, FeatherObj *idx, uint32_t n,
                     FeatherObj value, FeatherObj *out) {
    FeatherObj *path = f_alloc(n * sizeof(FeatherObj));
    uint32_t *pos = f_alloc(n * sizeof(uint32_t));
    uint32_t *lens = f_alloc(n * sizeof(uint32_t));
    if (!path || !pos || !lens) return oom(i);
    FeatherObj cur = list;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t len;
        if (f_list_length(i, cur, &len) != TCL_OK) return TCL_ERROR;
        int64_t v;
        if (f_get_index(i, idx[k], (int64_t)len - 1, &v, NULL) != TCL_OK) return TCL_ERROR;
        if (v < 0 || v > len) {
            f_set_error_code(i, f_str(i, "TCL OPERATION LSET BADINDEX"));
            return f_error(i, "list index out of range");
        }
        path[k] = cur;
        pos[k] = (uint32_t)v;
        lens[k] = len;
        if (k + 1 < n) cur = v == len ? f_empty(i) : item(i, cur, (uint32_t)v);
    }
    /* Rebuild from the innermost list outwards. */
    FeatherObj nv = value;
    for (uint32_t k = n; k-- > 0;) {
        if (pos[k] == lens[k]) nv = feather_host_list_append(i, path[k], &nv, 1);
        else nv = feather_host_list_splice(i, path[k], pos[k], 1, &nv, 1);
    }
    *out = nv;
    return TCL_OK;
}

static int cmd_lset(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 3) return f_wrong_args(i, 1, objv, "listVar ?index? ?index ...? value");
    FeatherObj list;
    if (f_var_get(i, objv[1], &list) != TCL_OK) return TCL_ERROR;
    FeatherObj value = objv[objc - 1];
    FeatherObj *idx = objv + 2;
    uint32_t n = (uint32_t)(objc - 3);
    if (objc == 4 && !is_index(i, objv[2])) index_list(i, objv + 2, &idx, &n);
    FeatherObj result = value;
    if (n > 0 && lset_flat(i, list, idx, n, value, &result) != TCL_OK) return TCL_ERROR;
    FeatherObj stored;
    if (f_var_set(i, objv[1], result, &stored) != TCL_OK) return TCL_ERROR;
    return f_ok(i, stored);
}

/* ------------------------------------------------------------ lsearch */

enum { DT_ASCII, DT_DICTIONARY, DT_INTEGER, DT_REAL };
enum { M_EXACT, M_GLOB, M_REGEXP, M_SORTED };

/* -regexp goes through the regexp builtin when there is one. */
static int regexp_match(FeatherInterp i, bool nocase, FeatherObj pat, const char *s, uint32_t n,
                        bool *match) {
    FeatherObj argv[5];
    int argc = 0;
    argv[argc++] = f_str(i, "::regexp");
    if (nocase) argv[argc++] = f_str(i, "-nocase");
    argv[argc++] = f_str(i, "--");
    argv[argc++] = pat;
    argv[argc++] = f_strn(i, s, n);
    size_t mark = f_mark();
    int code = f_invoke(i, argc, argv);
    if (code != TCL_OK) return code;
    bool b;
    if (f_get_bool(i, f_result(i), &b) != TCL_OK) return TCL_ERROR;
    *match = b;
    /* Nothing the match allocated outlives it. */
    if (!f_state(i)->oom) f_release(mark);
    return TCL_OK;
}

static int cmd_lsearch(FeatherInterp i, int objc, FeatherObj *objv) {
    static const char *const options[] = {
        "-all", "-ascii", "-bisect", "-decreasing", "-dictionary", "-exact", "-glob",
        "-increasing", "-index", "-inline", "-integer", "-nocase", "-not", "-real", "-regexp",
        "-sorted", "-start", "-subindices", 0};
    enum {
        O_ALL, O_ASCII, O_BISECT, O_DECREASING, O_DICTIONARY, O_EXACT, O_GLOB, O_INCREASING,
        O_INDEX, O_INLINE, O_INTEGER, O_NOCASE, O_NOT, O_REAL, O_REGEXP, O_SORTED, O_START,
        O_SUBINDICES
    };
    if (objc < 3) return f_wrong_args(i, 1, objv, "?-option value ...? list pattern");
    int mode = M_GLOB, dtype = DT_ASCII;
    bool increasing = true, all = false, inl = false, subindices = false, negated = false;
    bool bisect = false, nocase = false;
    FeatherObj start_obj = 0;
    IdxSpec *specs = NULL;
    uint32_t nspecs = 0;
    for (int k = 1; k < objc - 2; k++) {
        int opt;
        if (f_get_enum(i, objv[k], options, "option", &opt) != TCL_OK) return TCL_ERROR;
        switch (opt) {
        case O_ALL: all = true; break;
        case O_ASCII: dtype = DT_ASCII; break;
        case O_BISECT: mode = M_SORTED; bisect = true; break;
        case O_DECREASING: increasing = false; break;
        case O_DICTIONARY: dtype = DT_DICTIONARY; break;
        case O_EXACT: mode = M_EXACT; break;
        case O_GLOB: mode = M_GLOB; break;
        case O_INCREASING: increasing = true; break;
        case O_INLINE: inl = true; break;
        case O_INTEGER: dtype = DT_INTEGER; break;
        case O_NOCASE: nocase = true; break;
        case O_NOT: negated = true; break;
        case O_REAL: dtype = DT_REAL; break;
        case O_REGEXP: mode = M_REGEXP; break;
        case O_SORTED: mode = M_SORTED; break;
        case O_SUBINDICES: subindices = true; break;
        case O_START:
            if (k > objc - 4) {
                f_set_error_code(i, f_str(i, "TCL ARGUMENT MISSING"));
                return f_error(i, "missing starting index");
            }
            start_obj = objv[++k];
            break;
        case O_INDEX:
            if (k > objc - 4) {
                f_set_error_code(i, f_str(i, "TCL ARGUMENT MISSING"));
                return f_error(i, "\"-index\" option must be followed by list index");
            }
            if (idx_specs(i, objv[++k], &specs, &nspecs) != TCL_OK) return TCL_ERROR;
            break;
        default: break;
        }
    }
    if (subindices && nspecs == 0) {
        f_set_error_code(i, f_str(i, "TCL OPERATION LSEARCH BAD_OPTION_MIX"));
        return f_error(i, "-subindices cannot be used without -index option");
    }
    if (bisect && (all || negated)) {
        f_set_error_code(i, f_str(i, "TCL OPERATION LSEARCH BAD_OPTION_MIX"));
        return f_error(i, "-bisect is not compatible with -all or -not");
    }
    FeatherObj pat_obj = objv[objc - 1];
    if (mode == M_REGEXP) {
        FeatherCmdInfo info;
        memset(&info, 0, sizeof info);
        if (feather_host_cmd_lookup(i, "::regexp", 8, &info) != FEATHER_CMD_BUILTIN)
            return f_error(i, "regexp not supported yet");
        bool dummy;
        /* Compile (check) the pattern before the list, as Tcl does. */
        if (regexp_match(i, nocase, pat_obj, "", 0, &dummy) != TCL_OK) return TCL_ERROR;
    }
    PList pl;
    if (plist(i, objv[objc - 2], &pl) != TCL_OK) return TCL_ERROR;
    int64_t offset = 0;
    if (start_obj) {
        if (f_get_index(i, start_obj, (int64_t)pl.n - 1, &offset, NULL) != TCL_OK) return TCL_ERROR;
        if (offset < 0) offset = 0;
        if (offset > (int64_t)pl.n - 1) return (all || inl) ? f_ok_empty(i) : f_ok_int(i, -1);
    }
    uint32_t plen = 0;
    const char *pat = NULL;
    int64_t pat_wide = 0;
    double pat_double = 0;
    if ((mode == M_EXACT || mode == M_SORTED) && dtype == DT_INTEGER) {
        pat = f_get(i, pat_obj, &plen);
        if (text_wide(i, pat, plen, &pat_wide) != TCL_OK) return TCL_ERROR;
    } else if ((mode == M_EXACT || mode == M_SORTED) && dtype == DT_REAL) {
        pat = f_get(i, pat_obj, &plen);
        if (text_double(i, pat, plen, &pat_double) != TCL_OK) return TCL_ERROR;
    } else {
        pat = f_get(i, pat_obj, &plen);
    }

    int64_t index = -1;
    if (mode == M_SORTED && !all && !negated) {
        int64_t lower = offset - 1, upper = pl.n;
        while (lower + 1 != upper) {
            int64_t mid = (lower + upper) / 2;
            uint32_t en;
            const char *e = pl_elem(&pl, (uint32_t)mid, &en);
            if (nspecs && select_sub(i, e, en, specs, nspecs, &e, &en) != TCL_OK) return TCL_ERROR;
            int match = 0;
            switch (dtype) {
            case DT_ASCII:
                match = nocase ? fstr_compare(i, pat, plen, e, en, true, -1)
                               : tcl_strcmp(pat, plen, e, en);
                break;
            case DT_DICTIONARY: match = dict_compare(i, pat, plen, e, en); break;
            case DT_INTEGER: {
                int64_t w;
                if (text_wide(i, e, en, &w) != TCL_OK) return TCL_ERROR;
                match = pat_wide == w ? 0 : pat_wide < w ? -1 : 1;
                break;
            }
            default: {
                double d;
                if (text_double(i, e, en, &d) != TCL_OK) return TCL_ERROR;
                match = pat_double == d ? 0 : pat_double < d ? -1 : 1;
                break;
            }
            }
            if (match == 0) {
                /* The first of equal elements; with -bisect the last. */
                index = mid;
                if (bisect) lower = mid;
                else upper = mid;
            } else if (match > 0) {
                if (increasing) lower = mid;
                else upper = mid;
            } else {
                if (increasing) upper = mid;
                else lower = mid;
            }
        }
        if (bisect && index < 0) index = lower;
    } else {
        SpanList out;
        uint32_t *hits = NULL, nhits = 0;
        if (all) sl_init(&out, 16, 64);
        if (all && inl) {
            hits = f_alloc((pl.n ? pl.n : 1) * sizeof(uint32_t));
            if (!hits) return oom(i);
        }
        for (uint32_t k = (uint32_t)offset; k < pl.n; k++) {
            if ((k & 63) == 63 && f_poll_work(i, 64) != TCL_OK) return TCL_ERROR;
            uint32_t en;
            const char *e = pl_elem(&pl, k, &en);
            if (nspecs && select_sub(i, e, en, specs, nspecs, &e, &en) != TCL_OK) return TCL_ERROR;
            bool match = false;
            switch (mode) {
            case M_EXACT:
            case M_SORTED:
                switch (dtype) {
                case DT_ASCII:
                    match = en == plen && (nocase ? fstr_compare(i, e, en, pat, plen, true, -1) == 0
                                                  : memcmp(e, pat, en) == 0);
                    break;
                case DT_DICTIONARY: match = dict_compare(i, e, en, pat, plen) == 0; break;
                case DT_INTEGER: {
                    int64_t w;
                    if (text_wide(i, e, en, &w) != TCL_OK) return TCL_ERROR;
                    match = w == pat_wide;
                    break;
                }
                default: {
                    double d;
                    if (text_double(i, e, en, &d) != TCL_OK) return TCL_ERROR;
                    match = d == pat_double;
                    break;
                }
                }
                break;
            case M_GLOB: match = f_match(i, pat, plen, e, en, nocase); break;
            default:
                if (regexp_match(i, nocase, pat_obj, e, en, &match) != TCL_OK) return TCL_ERROR;
                break;
            }
            if (negated) match = !match;
            if (!match) continue;
            if (!all) {
                index = k;
                break;
            }
            if (inl) {
                if (subindices && nspecs) sl_add(&out, e, en);
                else hits[nhits++] = k;
            } else if (subindices) {
                SpanList sub;
                sl_init(&sub, nspecs + 1, 16);
                sl_add_int(&sub, k);
                for (uint32_t j = 0; j < nspecs; j++) sl_add_int(&sub, idx_decode(specs[j], pl.n));
                StrBuf one;
                sb_init(&one, sub.text.len + 2 * nspecs + 2);
                for (uint32_t j = 0; j < sub.n; j++) {
                    if (j) sb_addc(&one, ' ');
                    sb_add(&one, sub.text.data + sub.spans[2 * j], sub.spans[2 * j + 1]);
                }
                sl_add(&out, one.data ? one.data : "", one.len);
            } else {
                sl_add_int(&out, k);
            }
        }
        if (all && inl && !(subindices && nspecs)) {
            FeatherObj *items;
            if (pl_handles(i, objv[objc - 2], &pl, &items) != TCL_OK) return TCL_ERROR;
            for (uint32_t k = 0; k < nhits; k++) items[k] = items[hits[k]];
            return f_ok(i, f_list_new(i, items, nhits));
        }
        if (all) return sl_result(i, &out);
    }
    if (!inl) {
        if (!subindices) return f_ok_int(i, index);
        SpanList out;
        sl_init(&out, nspecs + 1, 16);
        sl_add_int(&out, index);
        for (uint32_t j = 0; j < nspecs; j++) sl_add_int(&out, idx_decode(specs[j], pl.n));
        return sl_result(i, &out);
    }
    if (index < 0) return f_ok_empty(i);
    FeatherObj list = objv[objc - 2];
    if (feather_host_list_length(i, list) < 0)
        feather_host_list_from_spans(i, list, pl.buf, pl.spans, pl.n);
    return f_ok(i, item(i, list, (uint32_t)index));
}

/* ------------------------------------------------------------ lsort */

enum { SM_ASCII, SM_INTEGER, SM_REAL, SM_COMMAND, SM_DICTIONARY, SM_ASCII_NC };

typedef struct SortEl {
    const char *s; /* collation text (ascii, dictionary modes) */
    uint32_t n;
    union {
        int64_t w;
        double d;
        FeatherObj obj;
    } key;
    uint32_t idx;  /* position in the original list */
    struct SortEl *next;
} SortEl;

typedef struct SortInfo {
    FeatherInterp i;
    int mode;
    bool increasing;
    bool unique;
    uint32_t count;    /* elements left (after -unique drops) */
    FeatherObj *argv;  /* -command words, two free slots at the end */
    int argc;
    int code;          /* TCL_OK until a comparison fails */
    uint32_t work;     /* comparisons since the last f_poll_work */
} SortInfo;

/* Log a failed command as Tcl_EvalObjv does: its words, at most 150
 * bytes, unless the error was already logged (error -errorinfo). */
static void log_words(FeatherInterp i, FeatherObj *words, int n) {
    InterpState *st = f_state(i);
    if (st->error_logged) {
        st->error_logged = false;
        return;
    }
    StrBuf b;
    sb_init(&b, 64);
    for (int k = 0; k < n; k++) {
        uint32_t len;
        const char *w = f_get(i, words[k], &len);
        if (k) sb_addc(&b, ' ');
        sb_add_element(&b, w, len, k == 0);
    }
    const char *how = st->error_active ? "\n    invoked from within\n\"" : "\n    while executing\n\"";
    uint32_t len = b.len;
    bool cut = false;
    if (len > 150) {
        len = 150;
        while (len > 0 && ((unsigned char)b.data[len] & 0xc0) == 0x80) len--;
        cut = true;
    }
    f_add_error_info(i, how, (uint32_t)f_strlen(how));
    f_add_error_info(i, b.data ? b.data : "", len);
    if (cut) f_add_error_info(i, "...", 3);
    f_add_error_info(i, "\"", 1);
}

static int sort_compare(SortEl *a, SortEl *b, SortInfo *si) {
    int order = 0;
    FeatherInterp i = si->i;
    if (si->code != TCL_OK) return 0;
    /* Each comparison is a unit of work (counted 64 at a time): a huge sort
     * stops at a limit. */
    if (++si->work == 64) {
        si->work = 0;
        if (f_poll_work(i, 64) != TCL_OK) {
            si->code = TCL_ERROR;
            return 0;
        }
    }
    switch (si->mode) {
    case SM_ASCII: order = tcl_strcmp(a->s, a->n, b->s, b->n); break;
    case SM_ASCII_NC: order = fstr_compare(i, a->s, a->n, b->s, b->n, true, -1); break;
    case SM_DICTIONARY: order = dict_compare(i, a->s, a->n, b->s, b->n); break;
    case SM_INTEGER: order = (a->key.w >= b->key.w) - (a->key.w <= b->key.w); break;
    case SM_REAL: order = (a->key.d >= b->key.d) - (a->key.d <= b->key.d); break;
    default: {
        si->argv[si->argc - 2] = a->key.obj;
        si->argv[si->argc - 1] = b->key.obj;
        InterpState *st = f_state(i);
        size_t mark = f_mark();
        int code = f_invoke(i, si->argc, si->argv);
        if (code != TCL_OK) {
            si->code = code;
            if (code == TCL_ERROR) {
                log_words(i, si->argv, si->argc);
                f_add_error_info(i, "\n    (-compare command)", 23);
            }
            return 0;
        }
        int32_t v;
        if (fstr_get_int32(i, f_result(i), &v) != TCL_OK) {
            f_set_error_code(i, f_str(i, "TCL OPERATION LSORT COMPARISONFAILED"));
            f_error(i, "-compare command returned non-integer result");
            si->code = TCL_ERROR;
            return 0;
        }
        if (!st->oom && !st->error_active) f_release(mark);
        order = v;
        break;
    }
    }
    return si->increasing ? order : -order;
}

/* Tcl's MergeLists, comparison for comparison (a -command sees the same
 * calls in the same order); with -unique the left of equals is dropped. */
static SortEl *merge_lists(SortEl *left, SortEl *right, SortInfo *si) {
    if (!left) return right;
    if (!right) return left;
    SortEl *head, *tail;
    int cmp = sort_compare(left, right, si);
    if (cmp > 0 || (cmp == 0 && si->unique)) {
        if (cmp == 0) {
            si->count--;
            left = left->next;
        }
        tail = right;
        right = right->next;
    } else {
        tail = left;
        left = left->next;
    }
    head = tail;
    while (left && right) {
        cmp = sort_compare(left, right, si);
        if (cmp > 0 || (si->unique && cmp == 0)) {
            if (cmp == 0) {
                si->count--;
                left = left->next;
            }
            tail->next = right;
            tail = right;
            right = right->next;
        } else {
            tail->next = left;
            tail = left;
            left = left->next;
        }
    }
    tail->next = left ? left : right;
    return head;
}

static int cmd_lsort(FeatherInterp i, int objc, FeatherObj *objv) {
    static const char *const options[] = {
        "-ascii", "-command", "-decreasing", "-dictionary", "-increasing", "-index",
        "-indices", "-integer", "-nocase", "-real", "-stride", "-unique", 0};
    enum {
        O_ASCII, O_COMMAND, O_DECREASING, O_DICTIONARY, O_INCREASING, O_INDEX, O_INDICES,
        O_INTEGER, O_NOCASE, O_REAL, O_STRIDE, O_UNIQUE
    };
    if (objc < 2) return f_wrong_args(i, 1, objv, "?-option value ...? list");
    SortInfo si;
    memset(&si, 0, sizeof si);
    si.i = i;
    si.mode = SM_ASCII;
    si.increasing = true;
    bool nocase = false, indices = false, group = false;
    int32_t group_size = 1;
    FeatherObj cmd = 0;
    IdxSpec *specs = NULL;
    uint32_t nspecs = 0;
    for (int k = 1; k < objc - 1; k++) {
        int opt;
        if (f_get_enum(i, objv[k], options, "option", &opt) != TCL_OK) return TCL_ERROR;
        switch (opt) {
        case O_ASCII: si.mode = SM_ASCII; break;
        case O_COMMAND:
            if (k == objc - 2) {
                f_set_error_code(i, f_str(i, "TCL ARGUMENT MISSING"));
                return f_error(i, "\"-command\" option must be followed by comparison command");
            }
            si.mode = SM_COMMAND;
            cmd = objv[++k];
            break;
        case O_DECREASING: si.increasing = false; break;
        case O_DICTIONARY: si.mode = SM_DICTIONARY; break;
        case O_INCREASING: si.increasing = true; break;
        case O_INDEX:
            if (k == objc - 2) {
                f_set_error_code(i, f_str(i, "TCL ARGUMENT MISSING"));
                return f_error(i, "\"-index\" option must be followed by list index");
            }
            if (idx_specs(i, objv[++k], &specs, &nspecs) != TCL_OK) return TCL_ERROR;
            break;
        case O_INDICES: indices = true; break;
        case O_INTEGER: si.mode = SM_INTEGER; break;
        case O_NOCASE: nocase = true; break;
        case O_REAL: si.mode = SM_REAL; break;
        case O_STRIDE:
            if (k == objc - 2) {
                f_set_error_code(i, f_str(i, "TCL ARGUMENT MISSING"));
                return f_error(i, "\"-stride\" option must be followed by stride length");
            }
            if (fstr_get_int32(i, objv[++k], &group_size) != TCL_OK) return TCL_ERROR;
            if (group_size < 2) {
                f_set_error_code(i, f_str(i, "TCL OPERATION LSORT BADSTRIDE"));
                return f_error(i, "stride length must be at least 2");
            }
            group = true;
            break;
        case O_UNIQUE: si.unique = true; break;
        default: break;
        }
    }
    if (nocase && si.mode == SM_ASCII) si.mode = SM_ASCII_NC;
    FeatherObj list = objv[objc - 1];
    FeatherObj *handles = NULL;
    if (si.mode == SM_COMMAND) {
        /* The command is a list; the two elements to compare follow its words. */
        FeatherObj *words;
        uint32_t nw;
        if (f_list(i, cmd, &words, &nw) != TCL_OK) return TCL_ERROR;
        si.argv = f_alloc((nw + 2) * sizeof(FeatherObj));
        if (!si.argv) return oom(i);
        memcpy(si.argv, words, nw * sizeof(FeatherObj));
        si.argc = (int)nw + 2;
    }
    PList pl;
    uint32_t length;
    bool need_text = si.mode != SM_COMMAND || nspecs > 0;
    if (si.mode == SM_COMMAND) {
        if (f_list(i, list, &handles, &length) != TCL_OK) return TCL_ERROR;
        if (need_text && plist(i, list, &pl) != TCL_OK) return TCL_ERROR;
    } else {
        if (plist(i, list, &pl) != TCL_OK) return TCL_ERROR;
        length = pl.n;
    }
    if (length == 0) return f_ok_empty(i);
    uint32_t group_offset = 0;
    if (group) {
        if (length % (uint32_t)group_size) {
            f_set_error_code(i, f_str(i, "TCL OPERATION LSORT BADSTRIDE"));
            return f_error(i, "list size must be a multiple of the stride length");
        }
        length /= (uint32_t)group_size;
        if (nspecs > 0) {
            int64_t off = idx_decode(specs[0], group_size - 1);
            if (off < 0 || off >= group_size) {
                f_set_error_code(i, f_str(i, "TCL OPERATION LSORT BADINDEX"));
                return f_error(i, "when used with \"-stride\", the leading \"-index\" value must "
                                  "be within the group");
            }
            group_offset = (uint32_t)off;
            specs++;
            nspecs--;
        }
    }
    si.count = length;
    SortEl *els = f_alloc(length * sizeof(SortEl));
    if (!els) return oom(i);
#define NUM_LISTS 30
    SortEl *sub[NUM_LISTS + 1];
    for (int j = 0; j <= NUM_LISTS; j++) sub[j] = NULL;
    for (uint32_t k = 0; k < length && si.code == TCL_OK; k++) {
        uint32_t idx = (uint32_t)group_size * k + group_offset;
        SortEl *el = &els[k];
        el->idx = idx;
        el->next = NULL;
        const char *e = NULL;
        uint32_t en = 0;
        if (need_text) {
            e = pl_elem(&pl, idx, &en);
            if (nspecs && select_sub(i, e, en, specs, nspecs, &e, &en) != TCL_OK) return TCL_ERROR;
        }
        switch (si.mode) {
        case SM_INTEGER:
            if (text_wide(i, e, en, &el->key.w) != TCL_OK) return TCL_ERROR;
            break;
        case SM_REAL:
            if (text_double(i, e, en, &el->key.d) != TCL_OK) return TCL_ERROR;
            break;
        case SM_COMMAND: el->key.obj = nspecs ? f_strn(i, e, en) : handles[idx]; break;
        default:
            el->s = e;
            el->n = en;
            break;
        }
        /* Merge into the sublists (sub[j] holds 2^j elements). */
        SortEl *p = el;
        int j;
        for (j = 0; sub[j]; j++) {
            p = merge_lists(sub[j], p, &si);
            sub[j] = NULL;
        }
        if (j >= NUM_LISTS) j = NUM_LISTS - 1;
        sub[j] = p;
    }
    SortEl *sorted = sub[0];
    for (int j = 1; j < NUM_LISTS; j++) sorted = merge_lists(sub[j], sorted, &si);
#undef NUM_LISTS
    if (si.code != TCL_OK) return si.code;
    uint32_t gs = (uint32_t)group_size;
    if (indices) {
        SpanList out;
        sl_init(&out, si.count * gs, si.count * gs * 4);
        for (SortEl *p = sorted; p; p = p->next) {
            for (uint32_t j = 0; j < gs; j++) sl_add_int(&out, (int64_t)p->idx + j - group_offset);
        }
        return sl_result(i, &out);
    }
    if (!handles && pl_handles(i, list, &pl, &handles) != TCL_OK) return TCL_ERROR;
    FeatherObj *res = f_alloc((size_t)si.count * gs * sizeof(FeatherObj));
    if (!res) return oom(i);
    uint32_t m = 0;
    for (SortEl *p = sorted; p; p = p->next) {
        for (uint32_t j = 0; j < gs; j++) res[m++] = handles[p->idx + j - group_offset];
    }
    return f_ok(i, f_list_new(i, res, m));
}

/* ------------------------------------------------------------ concat, join, split */

static bool concat_ws(char c) {
    return c == ' ' || c == '\f' || c == '\v' || c == '\r' || c == '\t' || c == '\n';
}

static int cmd_concat(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc == 1) return f_ok_empty(i);
    StrBuf b;
    sb_init(&b, 64);
    for (int k = 1; k < objc; k++) {
        uint32_t n;
        const char *s = f_get(i, objv[k], &n);
        uint32_t a = 0;
        while (a < n && concat_ws(s[a])) a++;
        uint32_t z = n;
        while (z > a && concat_ws(s[z - 1])) z--;
        /* Trimming must not expose a final backslash. */
        if (z < n && z > a && s[z - 1] == '\\') z++;
        if (f_poll_work(i, 1 + n / F_POLL_BYTES) != TCL_OK) return TCL_ERROR;
        if (z == a) continue;
        if (b.len) sb_addc(&b, ' ');
        sb_add(&b, s + a, z - a);
    }
    return f_ok_str(i, b.data ? b.data : "", b.len);
}

static int cmd_join(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 2 && objc != 3) return f_wrong_args(i, 1, objv, "list ?joinString?");
    FeatherObj *items;
    uint32_t n;
    if (f_list(i, objv[1], &items, &n) != TCL_OK) return TCL_ERROR;
    if (n == 0) return f_ok_empty(i);
    if (n == 1) return f_ok(i, items[0]);
    FeatherObj sep = objc == 3 ? objv[2] : f_str(i, " ");
    FeatherObj *parts = f_alloc((2 * (size_t)n - 1) * sizeof(FeatherObj));
    if (!parts) return oom(i);
    for (uint32_t k = 0; k < n; k++) {
        if (k) parts[2 * k - 1] = sep;
        parts[2 * k] = items[k];
    }
    if (f_poll_work(i, n) != TCL_OK) return TCL_ERROR;
    return f_ok(i, feather_host_string_concat(i, parts, 2 * n - 1));
}

/* Separators of split: ASCII ones in a bitmap, the others listed. */
typedef struct SplitSet {
    uint8_t ascii[16];
    uint32_t *other;
    uint32_t nother;
    bool chars; /* no separators: every character is an element */
} SplitSet;

/* One pass of split: counts the elements, and records their spans when
 * spans is not NULL; UINT32_MAX when a poll stopped the eval. */
static uint32_t split_pass(FeatherInterp i, const char *s, uint32_t n, const SplitSet *set,
                           uint32_t *spans) {
    uint32_t count = 0, k = 0, start = 0, poll_at = F_POLL_CHUNK;
    while (k < n) {
        if (k >= poll_at) {
            if (f_poll_work(i, 1024) != TCL_OK) return UINT32_MAX;
            poll_at = k + F_POLL_CHUNK;
        }
        uint32_t c, len;
        if ((unsigned char)s[k] < 0x80) {
            c = (unsigned char)s[k];
            len = 1;
        } else {
            len = utf8_decode(s + k, n - k, &c);
        }
        bool cut;
        if (set->chars) {
            cut = true;
            start = k;
        } else if (c < 128) {
            cut = (set->ascii[c >> 3] >> (c & 7)) & 1;
        } else {
            cut = false;
            for (uint32_t j = 0; j < set->nother && !cut; j++) cut = set->other[j] == c;
        }
        if (cut) {
            if (spans) {
                spans[2 * count] = start;
                spans[2 * count + 1] = set->chars ? len : k - start;
            }
            count++;
            start = k + len;
        }
        k += len;
    }
    if (!set->chars) {
        if (spans) {
            spans[2 * count] = start;
            spans[2 * count + 1] = n - start;
        }
        count++;
    }
    return count;
}

static int cmd_split(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 2 && objc != 3) return f_wrong_args(i, 1, objv, "string ?splitChars?");
    uint32_t n;
    const char *s = f_get(i, objv[1], &n);
    const char *sep = " \t\n\r";
    uint32_t sepn = 4;
    if (objc == 3) sep = f_get(i, objv[2], &sepn);
    if (n == 0) return f_ok_empty(i);
    SplitSet set;
    memset(&set, 0, sizeof set);
    set.chars = sepn == 0;
    set.other = f_alloc((sepn + 1) * sizeof(uint32_t));
    if (!set.other) return oom(i);
    for (uint32_t k = 0; k < sepn;) {
        uint32_t c;
        k += utf8_decode(sep + k, sepn - k, &c);
        if (c < 128) set.ascii[c >> 3] |= (uint8_t)(1u << (c & 7));
        else set.other[set.nother++] = c;
    }
    uint32_t count = split_pass(i, s, n, &set, NULL);
    if (count == UINT32_MAX) return TCL_ERROR;
    uint32_t *spans = f_alloc((size_t)count * 2 * sizeof(uint32_t));
    if (!spans) return oom(i);
    if (split_pass(i, s, n, &set, spans) == UINT32_MAX) return TCL_ERROR;
    return f_ok(i, feather_host_list_from_spans(i, 0, s, spans, count));
}

const BuiltinDef f_cmds_list[] = {
    {"list", cmd_list},       {"llength", cmd_llength}, {"lindex", cmd_lindex},
    {"lappend", cmd_lappend}, {"lrange", cmd_lrange},   {"linsert", cmd_linsert},
    {"lreplace", cmd_lreplace}, {"lrepeat", cmd_lrepeat}, {"lreverse", cmd_lreverse},
    {"lassign", cmd_lassign}, {"lset", cmd_lset},       {"lsearch", cmd_lsearch},
    {"lsort", cmd_lsort},     {"concat", cmd_concat},   {"join", cmd_join},
    {"split", cmd_split},     {0, 0}};
