/*
 * cmd_array.c -- the array ensemble of Tcl 8.6: anymore donesearch exists
 * get names nextelement set size startsearch statistics unset.
 *
 * Elements live in the host, which lists an array's keys in insertion
 * order (feather_host_names with FEATHER_NAMES_ELEMENTS). Tcl lists them
 * in the order of its hash table, so `array names` and `array get` replay
 * the keys through a model of that table (tclHash.c with TclHashObjKey:
 * 4 buckets to start, new entries at the head of their bucket's chain, 4
 * times the buckets once there are 3 entries a bucket). For an array built
 * by setting elements the order is Tcl's exactly; unsetting elements of a
 * large array can leave Tcl's table bigger than the model's. The same model
 * gives `array statistics` and `dict info` their text.
 *
 * The search subcommands need a cursor that outlives an eval; Feather does
 * not keep one and reports them as unsupported after checking arguments.
 */
#include "core.h"

static int oom(FeatherInterp i) { return f_oom(i); }

/* ------------------------------------------------------------ Tcl's hash table */

/* TclHashObjKey: result = result * 9 + byte, over the UTF-8 bytes. */
static uint32_t tcl_hash(const char *s, uint32_t n) {
    uint32_t r = 0;
    if (n > 0) {
        r = (unsigned char)s[0];
        for (uint32_t k = 1; k < n; k++) r += (r << 3) + (unsigned char)s[k];
    }
    return r;
}

typedef struct HashModel {
    uint32_t nbuckets;
    int32_t *heads; /* first entry of each bucket's chain, -1 when empty */
    int32_t *next;  /* next entry in the chain */
} HashModel;

/* Insert n keys in order; key k is buf[spans[2*k*stride] .. +len). */
static bool hash_model(const char *buf, const uint32_t *spans, uint32_t n, uint32_t stride,
                       HashModel *h) {
    uint32_t *hashes = f_alloc(((size_t)n + 1) * sizeof(uint32_t));
    h->next = f_alloc(((size_t)n + 1) * sizeof(int32_t));
    uint32_t nb = 4, mask = 3, rebuild = 12;
    int32_t *heads = f_alloc(nb * sizeof(int32_t));
    if (!hashes || !h->next || !heads) return false;
    for (uint32_t b = 0; b < nb; b++) heads[b] = -1;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t off = spans[2 * k * stride], len = spans[2 * k * stride + 1];
        hashes[k] = tcl_hash(buf + off, len);
        uint32_t b = hashes[k] & mask;
        h->next[k] = heads[b];
        heads[b] = (int32_t)k;
        if (k + 1 >= rebuild) {
            /* RebuildTable: old buckets in order, each chain from its head,
             * every entry pushed on the head of its new bucket. */
            uint32_t nnb = nb * 4, nmask = (mask << 2) + 3;
            int32_t *nheads = f_alloc(nnb * sizeof(int32_t));
            if (!nheads) return false;
            for (uint32_t b2 = 0; b2 < nnb; b2++) nheads[b2] = -1;
            for (uint32_t ob = 0; ob < nb; ob++) {
                int32_t e = heads[ob];
                while (e >= 0) {
                    int32_t nx = h->next[e];
                    uint32_t nbk = hashes[e] & nmask;
                    h->next[e] = nheads[nbk];
                    nheads[nbk] = e;
                    e = nx;
                }
            }
            heads = nheads;
            nb = nnb;
            mask = nmask;
            rebuild *= 4;
        }
    }
    h->nbuckets = nb;
    h->heads = heads;
    return true;
}

/* The keys' indexes in the order Tcl's table iterates them. */
static uint32_t *hash_order(const char *buf, const uint32_t *spans, uint32_t n, uint32_t stride) {
    HashModel h;
    uint32_t *order = f_alloc(((size_t)n + 1) * sizeof(uint32_t));
    if (!order || !hash_model(buf, spans, n, stride, &h)) return NULL;
    uint32_t k = 0;
    for (uint32_t b = 0; b < h.nbuckets; b++) {
        for (int32_t e = h.heads[b]; e >= 0; e = h.next[e]) order[k++] = (uint32_t)e;
    }
    return order;
}

/* printf's "%.1f" of a non-negative double: the exact value rounded to one
 * decimal, ties to even. */
static void add_fixed1(StrBuf *b, double x) {
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int exp = (int)((bits >> 52) & 0x7ff);
    uint64_t mant = bits & ((1ULL << 52) - 1);
    if (exp == 0) exp = 1;
    else mant |= 1ULL << 52;
    int e = exp - 1075; /* x = mant * 2^e */
    uint64_t tenths;
    if (x >= 1e15) {
        tenths = (uint64_t)x * 10; /* beyond any table Feather could hold */
    } else if (e >= 0) {
        tenths = (mant << e) * 10;
    } else {
        int s = -e;
        /* mant * 10 < 2^57: exact in 64 bits. */
        uint64_t a = mant * 10;
        if (s >= 64) {
            tenths = 0;
        } else {
            uint64_t q = a >> s, r = a & ((1ULL << s) - 1), half = 1ULL << (s - 1);
            if (r > half || (r == half && (q & 1))) q++;
            tenths = q;
        }
    }
    sb_add_int(b, (int64_t)(tenths / 10));
    sb_addc(b, '.');
    sb_addc(b, (char)('0' + tenths % 10));
}

/* Tcl_HashStats of the table holding these n keys. */
FeatherObj f_hash_stats(FeatherInterp i, const char *buf, const uint32_t *spans, uint32_t n,
                        uint32_t stride);
FeatherObj f_hash_stats(FeatherInterp i, const char *buf, const uint32_t *spans, uint32_t n,
                        uint32_t stride) {
    HashModel h;
    if (!hash_model(buf, spans, n, stride, &h)) return f_str(i, "out of memory");
    enum { COUNTERS = 10 };
    uint32_t count[COUNTERS] = {0};
    uint32_t overflow = 0;
    double average = 0.0;
    for (uint32_t b = 0; b < h.nbuckets; b++) {
        uint32_t j = 0;
        for (int32_t e = h.heads[b]; e >= 0; e = h.next[e]) j++;
        if (j < COUNTERS) count[j]++;
        else overflow++;
        double tmp = j;
        if (n != 0) average += (tmp + 1.0) * (tmp / (double)n) / 2.0;
    }
    StrBuf s;
    sb_init(&s, 600);
    sb_add_int(&s, n);
    sb_adds(&s, " entries in table, ");
    sb_add_int(&s, h.nbuckets);
    sb_adds(&s, " buckets\n");
    for (int k = 0; k < COUNTERS; k++) {
        sb_adds(&s, "number of buckets with ");
        sb_add_int(&s, k);
        sb_adds(&s, " entries: ");
        sb_add_int(&s, count[k]);
        sb_addc(&s, '\n');
    }
    sb_adds(&s, "number of buckets with 10 or more entries: ");
    sb_add_int(&s, overflow);
    sb_adds(&s, "\naverage search distance for entry: ");
    add_fixed1(&s, average);
    return f_strn(i, s.data ? s.data : "", s.len);
}

/* ------------------------------------------------------------ elements */

static bool pattern_trivial(const char *p, uint32_t n) {
    for (uint32_t k = 0; k < n; k++) {
        if (p[k] == '*' || p[k] == '?' || p[k] == '[' || p[k] == '\\') return false;
    }
    return true;
}

/* An array's element keys, in Tcl's order: key k is handle keys[k] with
 * text buf[spans[2k] .. +spans[2k+1]). */
typedef struct Keys {
    FeatherObj *keys;
    const char *buf;
    uint32_t *spans;
    uint32_t n;
} Keys;

static int array_keys(FeatherInterp i, const char *name, uint32_t len, Keys *out) {
    FeatherObj list = feather_host_names(i, FEATHER_NAMES_ELEMENTS, name, (int32_t)len);
    FeatherObj *keys;
    uint32_t n;
    if (f_list(i, list, &keys, &n) != TCL_OK) return TCL_ERROR;
    out->n = 0;
    out->keys = keys;
    out->buf = "";
    out->spans = NULL;
    if (n == 0) return TCL_OK;
    uint32_t slen, count;
    const char *s = f_get(i, list, &slen);
    char *buf;
    uint32_t *spans;
    if (f_split_list(i, s, slen, &buf, &spans, &count) != TCL_OK) return TCL_ERROR;
    if (count != n) return f_error(i, "array: element names do not match their list");
    uint32_t *order = hash_order(buf, spans, n, 1);
    FeatherObj *okeys = f_alloc((size_t)n * sizeof(FeatherObj));
    uint32_t *ospans = f_alloc((size_t)n * 2 * sizeof(uint32_t));
    if (!order || !okeys || !ospans) return oom(i);
    for (uint32_t k = 0; k < n; k++) {
        okeys[k] = keys[order[k]];
        ospans[2 * k] = spans[2 * order[k]];
        ospans[2 * k + 1] = spans[2 * order[k] + 1];
    }
    out->keys = okeys;
    out->buf = buf;
    out->spans = ospans;
    out->n = n;
    return TCL_OK;
}

static const char *key_text(const Keys *k, uint32_t idx, uint32_t *len) {
    *len = k->spans[2 * idx + 1];
    return k->buf + k->spans[2 * idx];
}

static bool is_array(FeatherInterp i, const char *name, uint32_t len) {
    return feather_host_var_kind(i, name, len) == 2;
}

/* The Tcl error for an element operation, naming "array(key)". */
static int element_error(FeatherInterp i, const char *verb, const char *name, uint32_t len,
                         const char *key, uint32_t klen, int st, FeatherObj msg) {
    StrBuf b;
    sb_init(&b, len + klen + 3);
    sb_add(&b, name, len);
    sb_addc(&b, '(');
    sb_add(&b, key, klen);
    sb_addc(&b, ')');
    return f_var_error(i, verb, b.data ? b.data : "", b.len, st, msg);
}

static int not_array(FeatherInterp i, FeatherObj name) {
    uint32_t n;
    const char *s = f_get(i, name, &n);
    StrBuf b;
    sb_init(&b, n + 24);
    sb_adds(&b, "TCL LOOKUP ARRAY ");
    sb_add_element(&b, s, n, false);
    f_set_error_code(i, f_strn(i, b.data ? b.data : "", b.len));
    return f_error(i, "\"%S\" isn't an array", s, n);
}

/* Whether key matches a -glob or -regexp pattern. */
enum { MODE_EXACT, MODE_GLOB, MODE_REGEXP };

static int key_matches(FeatherInterp i, int mode, FeatherObj pattern, const char *p, uint32_t pn,
                       FeatherObj key, const char *s, uint32_t sn, bool *out) {
    if (mode == MODE_GLOB) {
        *out = f_match(i, p, pn, s, sn, false);
        return TCL_OK;
    }
    FeatherObj words[4] = {f_str(i, "::regexp"), f_str(i, "--"), pattern, key};
    if (f_invoke(i, 4, words) != TCL_OK) return TCL_ERROR;
    return f_get_bool(i, f_result(i), out);
}

static int regexp_available(FeatherInterp i) {
    FeatherCmdInfo info;
    memset(&info, 0, sizeof info);
    if (feather_host_cmd_lookup(i, "::regexp", 8, &info) == FEATHER_CMD_BUILTIN) return TCL_OK;
    return f_error(i, "array names -regexp is not supported yet: Feather has no regexp command");
}

/* ------------------------------------------------------------ subcommands */

static int wrong(FeatherInterp i, FeatherObj *objv, const char *sub, const char *msg) {
    FeatherObj words[2] = {objv[0], f_str(i, sub)};
    return f_wrong_args(i, 2, words, msg);
}

static int array_exists(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 3) return wrong(i, objv, "exists", "arrayName");
    uint32_t n;
    const char *name = f_get(i, objv[2], &n);
    return f_ok_int(i, is_array(i, name, n));
}

static int array_get(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 3 && objc != 4) return wrong(i, objv, "get", "arrayName ?pattern?");
    uint32_t n;
    const char *name = f_get(i, objv[2], &n);
    if (!is_array(i, name, n)) return f_ok_empty(i);
    uint32_t pn = 0;
    const char *p = objc == 4 ? f_get(i, objv[3], &pn) : NULL;
    if (p && pattern_trivial(p, pn)) {
        FeatherObj v;
        if (feather_host_var_get(i, name, n, p, (int32_t)pn, 0, &v) != FEATHER_VAR_OK) return f_ok_empty(i);
        FeatherObj pair[2] = {objv[3], v};
        return f_ok(i, f_list_new(i, pair, 2));
    }
    Keys keys;
    if (array_keys(i, name, n, &keys) != TCL_OK) return TCL_ERROR;
    FeatherObj *out = f_alloc(((size_t)keys.n * 2 + 1) * sizeof(FeatherObj));
    if (!out) return oom(i);
    uint32_t m = 0;
    for (uint32_t k = 0; k < keys.n; k++) {
        uint32_t kl;
        const char *key = key_text(&keys, k, &kl);
        if (p && !f_match(i, p, pn, key, kl, false)) continue;
        FeatherObj v;
        /* An element a read trace unset is left out, as Tcl does. */
        if (feather_host_var_get(i, name, n, key, (int32_t)kl, 0, &v) != FEATHER_VAR_OK) continue;
        out[m++] = keys.keys[k];
        out[m++] = v;
    }
    return f_ok(i, f_list_new(i, out, m));
}

static int array_names(FeatherInterp i, int objc, FeatherObj *objv) {
    static const char *const modes[] = {"-exact", "-glob", "-regexp", 0};
    if (objc < 3 || objc > 5) return wrong(i, objv, "names", "arrayName ?mode? ?pattern?");
    uint32_t n;
    const char *name = f_get(i, objv[2], &n);
    int mode = MODE_GLOB;
    FeatherObj pattern = 0;
    if (objc == 5) {
        if (f_get_enum(i, objv[3], modes, "option", &mode) != TCL_OK) return TCL_ERROR;
        pattern = objv[4];
    } else if (objc == 4) {
        pattern = objv[3];
    }
    if (!is_array(i, name, n)) return f_ok_empty(i);
    uint32_t pn = 0;
    const char *p = pattern ? f_get(i, pattern, &pn) : NULL;
    if (p && mode == MODE_GLOB && pattern_trivial(p, pn)) mode = MODE_EXACT;
    if (p && mode == MODE_EXACT) {
        FeatherObj v;
        bool found = feather_host_var_get(i, name, n, p, (int32_t)pn, 1, &v) == FEATHER_VAR_OK;
        return f_ok(i, f_list_new(i, &pattern, found ? 1 : 0));
    }
    if (p && mode == MODE_REGEXP && regexp_available(i) != TCL_OK) return TCL_ERROR;
    Keys keys;
    if (array_keys(i, name, n, &keys) != TCL_OK) return TCL_ERROR;
    if (!p) return f_ok(i, f_list_new(i, keys.keys, keys.n));
    FeatherObj *out = f_alloc(((size_t)keys.n + 1) * sizeof(FeatherObj));
    if (!out) return oom(i);
    uint32_t m = 0;
    for (uint32_t k = 0; k < keys.n; k++) {
        uint32_t kl;
        const char *key = key_text(&keys, k, &kl);
        bool match;
        if (key_matches(i, mode, pattern, p, pn, keys.keys[k], key, kl, &match) != TCL_OK) return TCL_ERROR;
        if (match) out[m++] = keys.keys[k];
    }
    return f_ok(i, f_list_new(i, out, m));
}

/* A key no script uses: makes an empty array exist (set, then unset). */
static const char empty_key[] = "\001feather-empty-array\001";

static int array_set(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 4) return wrong(i, objv, "set", "arrayName list");
    uint32_t n;
    const char *name = f_get(i, objv[2], &n);
    FeatherObj *items;
    uint32_t count;
    if (f_list(i, objv[3], &items, &count) != TCL_OK) return TCL_ERROR;
    if (count & 1) {
        f_set_error_code(i, f_str(i, "TCL ARGUMENT FORMAT"));
        return f_error(i, "list must have an even number of elements");
    }
    uint32_t base;
    const char *ekey;
    int32_t eklen;
    f_split_varname(name, n, &base, &ekey, &eklen);
    if (eklen >= 0) {
        f_var_error(i, "set", name, n, FEATHER_VAR_NOT_ARRAY, 0);
        FeatherObj code[4] = {f_str(i, "TCL"), f_str(i, "LOOKUP"), f_str(i, "VARNAME"), objv[2]};
        f_set_error_code(i, f_list_new(i, code, 4)); /* Tcl names the whole word here */
        return TCL_ERROR;
    }
    if (count == 0) {
        int kind = feather_host_var_kind(i, name, n);
        if (kind == 2) return f_ok_empty(i);
        if (kind == 1) {
            f_set_error_code(i, f_str(i, "TCL WRITE ARRAY"));
            return f_error(i, "can't array set \"%S\": variable isn't array", name, n);
        }
        FeatherObj out = 0;
        int32_t kl = (int32_t)(sizeof empty_key - 1);
        int st = feather_host_var_set(i, name, n, empty_key, kl, f_empty(i), &out);
        if (st != FEATHER_VAR_OK) return f_var_error(i, "set", name, n, st, out);
        feather_host_var_unset(i, name, n, empty_key, kl, &out);
        return f_ok_empty(i);
    }
    /* The keys' text in one read of the list's string rep. */
    uint32_t slen, scount;
    const char *s = f_get(i, objv[3], &slen);
    char *buf;
    uint32_t *spans;
    if (f_split_list(i, s, slen, &buf, &spans, &scount) != TCL_OK) return TCL_ERROR;
    if (scount != count) return f_error(i, "array set: list text does not match its elements");
    for (uint32_t k = 0; k < count; k += 2) {
        const char *key = buf + spans[2 * k];
        uint32_t kl = spans[2 * k + 1];
        FeatherObj out = 0;
        int st = feather_host_var_set(i, name, n, key, (int32_t)kl, items[k + 1], &out);
        if (st == FEATHER_VAR_NO_NAMESPACE) return f_var_error(i, "set", name, n, st, out);
        if (st != FEATHER_VAR_OK) return element_error(i, "set", name, n, key, kl, st, out);
    }
    return f_ok_empty(i);
}

static int array_size(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 3) return wrong(i, objv, "size", "arrayName");
    uint32_t n;
    const char *name = f_get(i, objv[2], &n);
    if (!is_array(i, name, n)) return f_ok_int(i, 0);
    FeatherObj list = feather_host_names(i, FEATHER_NAMES_ELEMENTS, name, (int32_t)n);
    uint32_t len;
    if (f_list_length(i, list, &len) != TCL_OK) return TCL_ERROR;
    return f_ok_int(i, len);
}

static int array_statistics(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 3) return wrong(i, objv, "statistics", "arrayName");
    uint32_t n;
    const char *name = f_get(i, objv[2], &n);
    if (!is_array(i, name, n)) return not_array(i, objv[2]);
    FeatherObj list = feather_host_names(i, FEATHER_NAMES_ELEMENTS, name, (int32_t)n);
    uint32_t slen, count;
    const char *s = f_get(i, list, &slen);
    char *buf;
    uint32_t *spans;
    if (f_split_list(i, s, slen, &buf, &spans, &count) != TCL_OK) return TCL_ERROR;
    return f_ok(i, f_hash_stats(i, buf, spans, count, 1));
}

static int array_unset(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 3 && objc != 4) return wrong(i, objv, "unset", "arrayName ?pattern?");
    uint32_t n;
    const char *name = f_get(i, objv[2], &n);
    if (!is_array(i, name, n)) return f_ok_empty(i);
    if (objc == 3) {
        if (f_var_unset(i, objv[2], false) != TCL_OK) return TCL_ERROR;
        return f_ok_empty(i);
    }
    uint32_t pn;
    const char *p = f_get(i, objv[3], &pn);
    FeatherObj msg = 0;
    if (pattern_trivial(p, pn)) {
        int st = feather_host_var_unset(i, name, n, p, (int32_t)pn, &msg);
        if (st == FEATHER_VAR_TRACE_ERROR) return element_error(i, "unset", name, n, p, pn, st, msg);
        return f_ok_empty(i);
    }
    Keys keys;
    if (array_keys(i, name, n, &keys) != TCL_OK) return TCL_ERROR;
    for (uint32_t k = 0; k < keys.n; k++) {
        uint32_t kl;
        const char *key = key_text(&keys, k, &kl);
        if (!f_match(i, p, pn, key, kl, false)) continue;
        int st = feather_host_var_unset(i, name, n, key, (int32_t)kl, &msg);
        if (st == FEATHER_VAR_TRACE_ERROR) return element_error(i, "unset", name, n, key, kl, st, msg);
    }
    return f_ok_empty(i);
}

/* Tcl's ParseSearchId when no search is active: which of its errors a
 * search id gets ("s-N-arrayName", N read as strtoul reads it). */
static int search_error(FeatherInterp i, FeatherObj idobj, FeatherObj nameobj) {
    uint32_t n, nn;
    const char *id = f_get(i, idobj, &n);
    const char *name = f_get(i, nameobj, &nn);
    uint32_t k = 2;
    bool ok = n >= 2 && id[0] == 's' && id[1] == '-';
    if (ok) {
        while (k < n && (id[k] == ' ' || (id[k] >= '\t' && id[k] <= '\r'))) k++;
        if (k < n && (id[k] == '+' || id[k] == '-')) k++;
        uint32_t digits = k;
        while (k < n && id[k] >= '0' && id[k] <= '9') k++;
        ok = k > digits && k < n && id[k] == '-';
    }
    StrBuf b;
    sb_init(&b, n + 32);
    sb_adds(&b, "TCL LOOKUP ARRAYSEARCH ");
    sb_add_element(&b, id, n, false);
    f_set_error_code(i, f_strn(i, b.data ? b.data : "", b.len));
    if (!ok) return f_error(i, "illegal search identifier \"%S\"", id, n);
    if (!(n - k - 1 == nn && memcmp(id + k + 1, name, nn) == 0))
        return f_error(i, "search identifier \"%S\" isn't for variable \"%S\"", id, n, name, nn);
    return f_error(i, "couldn't find search \"%S\"", id, n);
}

/* startsearch anymore nextelement donesearch. A search needs a cursor that
 * outlives an eval, which Feather does not keep: startsearch is reported as
 * unsupported, and the others find no search, as Tcl does for an id it
 * never handed out. */
static int array_search(FeatherInterp i, int objc, FeatherObj *objv, const char *sub) {
    bool start = sub[0] == 's';
    if (objc != (start ? 3 : 4)) return wrong(i, objv, sub, start ? "arrayName" : "arrayName searchId");
    uint32_t n;
    const char *name = f_get(i, objv[2], &n);
    if (!is_array(i, name, n)) return not_array(i, objv[2]);
    if (!start) return search_error(i, objv[3], objv[2]);
    f_set_error_code(i, f_str(i, "FEATHER UNSUPPORTED"));
    return f_error(i, "array startsearch is not supported by Feather: use array names or array get");
}

static int array_anymore(FeatherInterp i, int objc, FeatherObj *objv) { return array_search(i, objc, objv, "anymore"); }
static int array_donesearch(FeatherInterp i, int objc, FeatherObj *objv) { return array_search(i, objc, objv, "donesearch"); }
static int array_nextelement(FeatherInterp i, int objc, FeatherObj *objv) { return array_search(i, objc, objv, "nextelement"); }
static int array_startsearch(FeatherInterp i, int objc, FeatherObj *objv) { return array_search(i, objc, objv, "startsearch"); }

/* ------------------------------------------------------------ ensemble */

static int cmd_array(FeatherInterp i, int objc, FeatherObj *objv) {
    static const char *const subs[] = {"anymore", "donesearch", "exists", "get", "names", "nextelement",
                                       "set", "size", "startsearch", "statistics", "unset", 0};
    static const FeatherBuiltin fns[] = {array_anymore, array_donesearch, array_exists, array_get,
                                         array_names, array_nextelement, array_set, array_size,
                                         array_startsearch, array_statistics, array_unset};
    if (objc < 2) return f_wrong_args(i, 1, objv, "subcommand ?arg ...?");
    int sub;
    if (f_get_enum(i, objv[1], subs, "subcommand", &sub) != TCL_OK) return TCL_ERROR;
    /* Traces on the array's "array" operation fire once its words are
     * counted right (var_get flags bit 2). */
    static const uint8_t min_args[] = {4, 4, 3, 3, 3, 4, 4, 3, 3, 3, 3};
    static const uint8_t max_args[] = {4, 4, 3, 4, 5, 4, 4, 3, 3, 3, 4};
    if (objc >= min_args[sub] && objc <= max_args[sub]) {
        uint32_t n;
        const char *name = f_get(i, objv[2], &n);
        FeatherObj msg = 0;
        if (feather_host_var_get(i, name, n, NULL, -1, 4, &msg) == FEATHER_VAR_TRACE_ERROR) {
            return f_error(i, "can't trace array \"%S\": %o", name, n, msg ? msg : f_empty(i));
        }
    }
    return fns[sub](i, objc, objv);
}

const BuiltinDef f_cmds_array[] = {{"array", cmd_array}, {0, 0}};
