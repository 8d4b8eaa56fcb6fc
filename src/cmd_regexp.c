/*
 * cmd_regexp.c -- regexp and regsub, as Tcl 8.6's Tcl_RegexpObjCmd and
 * Tcl_RegsubObjCmd (tclCmdMZ.c) do them, over the engine of regex.h.
 *
 * Subjects are decoded to characters once; matching at an offset (-start,
 * -all) runs the engine on the rest of the subject, as Tcl does: ^ then
 * fails at that point unless it follows a newline, while \A and word
 * constraints see the offset as the start of the text.
 */
#include "regex.h"

uint32_t fstr_case(FeatherInterp i, uint32_t c, int mode); /* cmd_string.c */

/* A subject decoded to characters, with the byte offset of each. */
typedef struct Subject {
    const char *s;
    uint32_t n;      /* bytes */
    uint32_t *text;  /* characters */
    uint32_t len;    /* characters */
    uint32_t *boff;  /* boff[k]: byte offset of character k (boff[len] == n) */
} Subject;

static bool subject_init(FeatherInterp i, FeatherObj o, Subject *sub) {
    sub->s = f_get(i, o, &sub->n);
    sub->text = f_alloc(((size_t)sub->n + 1) * sizeof(uint32_t));
    sub->boff = f_alloc(((size_t)sub->n + 1) * sizeof(uint32_t));
    if (!sub->text || !sub->boff) return false;
    uint32_t k = 0, m = 0;
    while (k < sub->n) {
        sub->boff[m] = k;
        uint32_t cp;
        if ((unsigned char)sub->s[k] < 0x80) {
            cp = (unsigned char)sub->s[k];
            k++;
        } else {
            k += utf8_decode(sub->s + k, sub->n - k, &cp);
        }
        sub->text[m++] = cp;
    }
    sub->boff[m] = sub->n;
    sub->len = m;
    return true;
}

/* Characters [from, to) of the subject as a new value. */
static FeatherObj sub_range(FeatherInterp i, const Subject *sub, uint32_t from, uint32_t to) {
    return f_strn(i, sub->s + sub->boff[from], sub->boff[to] - sub->boff[from]);
}

/* Option lookup as Tcl_GetIndexFromObj with TCL_EXACT. */
static int exact_option(FeatherInterp i, FeatherObj o, const char *const *table, int *index) {
    uint32_t n;
    const char *s = f_get(i, o, &n);
    for (int k = 0; table[k]; k++) {
        if (f_streq(s, n, table[k])) {
            *index = k;
            return TCL_OK;
        }
    }
    StrBuf b;
    sb_init(&b, 128);
    sb_adds(&b, "bad option \"");
    sb_add(&b, s, n);
    sb_adds(&b, "\": must be ");
    int total = 0;
    while (table[total]) total++;
    for (int k = 0; k < total; k++) {
        if (k > 0) sb_adds(&b, ", ");
        if (k == total - 1) sb_adds(&b, "or ");
        sb_adds(&b, table[k]);
    }
    f_set_error_code(i, f_format(i, "TCL LOOKUP INDEX option %o", o));
    f_set_result(i, f_strn(i, b.data ? b.data : "", b.len));
    return TCL_ERROR;
}

/* A -start index: Tcl reads it against the subject's length (so "end" is
 * just past the last character), negative means 0. */
static int start_offset(FeatherInterp i, FeatherObj o, uint32_t len, uint32_t *out) {
    int64_t v;
    if (f_get_index(i, o, len, &v, NULL) != TCL_OK) return TCL_ERROR;
    if (v < 0) v = 0;
    if (v > (int64_t)len) v = len;
    *out = (uint32_t)v;
    return TCL_OK;
}

static int exec_at(FeatherInterp i, const FRegex *re, const Subject *sub, uint32_t offset,
                   int32_t *match) {
    int eflags = (offset > 0 && sub->text[offset - 1] != '\n') ? F_RE_NOTBOL : 0;
    return f_re_exec(i, re, sub->text + offset, sub->len - offset, eflags, match);
}

/* A growable array of handles. */
typedef struct ObjVec {
    FeatherObj *v;
    uint32_t n, cap;
} ObjVec;

static bool vec_push(ObjVec *vec, FeatherObj o) {
    if (vec->n == vec->cap) {
        uint32_t cap = vec->cap ? vec->cap * 2 : 16;
        FeatherObj *v = f_alloc(cap * sizeof(FeatherObj));
        if (!v) return false;
        if (vec->n) memcpy(v, vec->v, vec->n * sizeof(FeatherObj));
        vec->v = v;
        vec->cap = cap;
    }
    vec->v[vec->n++] = o;
    return true;
}

/* A prefix of -nocase (at least "-n"). */
static bool nocase_prefix(const char *s, uint32_t n) {
    return n > 1 && n <= 7 && memcmp(s, "-nocase", n) == 0;
}

/* Tcl 8.6 compiles `regexp ?-nocase? ?--? exp string` to bytecode, which
 * takes any prefix of -nocase; the command itself wants exact options.
 * Is this invocation of that form? */
static bool compiled_form(FeatherInterp i, int objc, FeatherObj *objv) {
    int k = 1;
    bool last = false;
    for (; k < objc - 2; k++) {
        uint32_t n;
        const char *s = f_get(i, objv[k], &n);
        if (n == 2 && s[0] == '-' && s[1] == '-') {
            last = true;
            k++;
            break;
        }
        if (!nocase_prefix(s, n)) return false;
    }
    if (objc - k != 2) return false;
    uint32_t n;
    const char *pat = f_get(i, objv[k], &n);
    return !(n > 0 && pat[0] == '-' && !last);
}

static int cmd_regexp(FeatherInterp i, int objc, FeatherObj *objv) {
    static const char *const options[] = {"-all", "-about", "-indices", "-inline", "-expanded",
                                          "-line", "-linestop", "-lineanchor", "-nocase",
                                          "-start", "--", 0};
    enum { O_ALL, O_ABOUT, O_INDICES, O_INLINE, O_EXPANDED, O_LINE, O_LINESTOP, O_LINEANCHOR,
           O_NOCASE, O_START, O_LAST };
    bool indices = false, about = false, doinline = false;
    int all = 0, cflags = 0;
    FeatherObj start_obj = 0;
    int k;
    for (k = 1; k < objc; k++) {
        uint32_t n;
        const char *s = f_get(i, objv[k], &n);
        if (n == 0 || s[0] != '-') break;
        int index;
        if (nocase_prefix(s, n) && compiled_form(i, objc, objv)) {
            cflags |= F_RE_NOCASE;
            continue;
        }
        if (exact_option(i, objv[k], options, &index) != TCL_OK) return TCL_ERROR;
        switch (index) {
        case O_ALL: all = 1; break;
        case O_INDICES: indices = true; break;
        case O_INLINE: doinline = true; break;
        case O_NOCASE: cflags |= F_RE_NOCASE; break;
        case O_ABOUT: about = true; break;
        case O_EXPANDED: cflags |= F_RE_EXPANDED; break;
        case O_LINE: cflags |= F_RE_NEWLINE; break;
        case O_LINESTOP: cflags |= F_RE_NLSTOP; break;
        case O_LINEANCHOR: cflags |= F_RE_NLANCH; break;
        case O_START: {
            if (++k >= objc) goto end_options;
            int64_t v;
            if (f_get_index(i, objv[k], 0, &v, NULL) != TCL_OK) return TCL_ERROR;
            start_obj = objv[k];
            break;
        }
        case O_LAST: k++; goto end_options;
        default: break;
        }
    }
end_options:
    if (objc - k < 2 - (about ? 1 : 0)) {
        return f_wrong_args(i, 1, objv, "?-option ...? exp string ?matchVar? ?subMatchVar ...?");
    }
    objc -= k;
    objv += k;
    if (doinline && objc - 2 != 0) {
        f_set_error_code(i, f_str(i, "TCL OPERATION REGEXP MIX_VAR_INLINE"));
        return f_error(i, "regexp match variables not allowed when using -inline");
    }
    size_t mark = f_mark();
    uint32_t plen;
    const char *pat = f_get(i, objv[0], &plen);
    if (about) {
        const FRegex *re = f_re_compile(i, pat, plen, cflags);
        if (!re) return TCL_ERROR;
        FeatherObj r = f_re_about(i, re);
        f_release(mark);
        return f_ok(i, r);
    }
    Subject sub;
    if (!subject_init(i, objv[1], &sub)) return f_oom(i);
    uint32_t offset = 0;
    if (start_obj && start_offset(i, start_obj, sub.len, &offset) != TCL_OK) return TCL_ERROR;
    const FRegex *re = f_re_compile(i, pat, plen, cflags);
    if (!re) return TCL_ERROR;
    uint32_t nsub = f_re_nsub(re);
    int32_t *match = f_alloc(2 * (nsub + 1) * sizeof(int32_t));
    if (!match) return f_oom(i);
    objc -= 2;
    objv += 2;
    ObjVec result = {0, 0, 0};
    for (;;) {
        int m = exec_at(i, re, &sub, offset, match);
        if (m < 0) return TCL_ERROR;
        if (m == 0) {
            if (all <= 1) {
                f_release(mark);
                return doinline ? f_ok_empty(i) : f_ok_int(i, 0);
            }
            break;
        }
        int count = doinline ? (int)nsub + 1 : objc;
        for (int v = 0; v < count; v++) {
            FeatherObj value;
            bool present = (uint32_t)v <= nsub && match[2 * v] >= 0;
            if (indices) {
                FeatherObj pair[2];
                if (present) {
                    int64_t start = offset + (int64_t)match[2 * v];
                    int64_t end = offset + (int64_t)match[2 * v + 1] - 1;
                    pair[0] = f_int(i, start);
                    pair[1] = f_int(i, end);
                } else {
                    pair[0] = pair[1] = f_int(i, -1);
                }
                value = f_list_new(i, pair, 2);
            } else if (present) {
                value = sub_range(i, &sub, offset + (uint32_t)match[2 * v],
                                  offset + (uint32_t)match[2 * v + 1]);
            } else {
                value = f_empty(i);
            }
            if (doinline) {
                if (!vec_push(&result, value)) return f_oom(i);
            } else {
                FeatherObj dummy;
                if (f_var_set(i, objv[v], value, &dummy) != TCL_OK) return TCL_ERROR;
            }
        }
        if (!all) break;
        /* One unit per match and per F_POLL_BYTES characters passed. */
        if (f_poll_work(i, 1 + (uint32_t)match[1] / F_POLL_BYTES) != TCL_OK) return TCL_ERROR;
        uint32_t length = (uint32_t)(match[1] - match[0]);
        offset += (uint32_t)match[1];
        if (length == 0) offset++;
        all++;
        if (offset >= sub.len) break;
    }
    FeatherObj r = doinline ? f_list_new(i, result.v, result.n) : f_int(i, all ? all - 1 : 1);
    f_release(mark);
    return f_ok(i, r);
}

static bool has_any(const char *s, uint32_t n, const char *chars) {
    for (uint32_t k = 0; k < n; k++) {
        for (const char *c = chars; *c; c++) {
            if (s[k] == *c) return true;
        }
    }
    return false;
}

static uint32_t fold(FeatherInterp i, uint32_t c) {
    if (c < 128) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return fstr_case(i, c, 0);
}

/* Append the substitution for one match (subSpec with & \0-\9 \& \\). */
static void add_subst(StrBuf *b, const Subject *sub, uint32_t offset, const int32_t *match,
                      uint32_t nsub, const char *spec, uint32_t sn) {
    uint32_t first = 0;
    for (uint32_t k = 0; k < sn; k++) {
        char ch = spec[k];
        int idx;
        if (ch == '&') {
            idx = 0;
        } else if (ch == '\\' && k + 1 < sn) {
            char next = spec[k + 1];
            if (next >= '0' && next <= '9') {
                idx = next - '0';
            } else if (next == '\\' || next == '&') {
                sb_add(b, spec + first, k - first);
                sb_addc(b, next);
                first = k + 2;
                k++;
                continue;
            } else {
                continue;
            }
        } else {
            continue;
        }
        if (first != k) sb_add(b, spec + first, k - first);
        if ((uint32_t)idx <= nsub && match[2 * idx] >= 0 && match[2 * idx + 1] >= 0) {
            uint32_t from = offset + (uint32_t)match[2 * idx];
            uint32_t to = offset + (uint32_t)match[2 * idx + 1];
            sb_add(b, sub->s + sub->boff[from], sub->boff[to] - sub->boff[from]);
        }
        if (ch == '\\') k++;
        first = k + 1;
    }
    if (first < sn) sb_add(b, spec + first, sn - first);
}

static int cmd_regsub(FeatherInterp i, int objc, FeatherObj *objv) {
    static const char *const options[] = {"-all", "-nocase", "-expanded", "-line", "-linestop",
                                          "-lineanchor", "-start", "--", 0};
    enum { O_ALL, O_NOCASE, O_EXPANDED, O_LINE, O_LINESTOP, O_LINEANCHOR, O_START, O_LAST };
    bool all = false;
    int cflags = 0;
    FeatherObj start_obj = 0;
    int k;
    for (k = 1; k < objc; k++) {
        uint32_t n;
        const char *s = f_get(i, objv[k], &n);
        if (n == 0 || s[0] != '-') break;
        int index;
        if (exact_option(i, objv[k], options, &index) != TCL_OK) return TCL_ERROR;
        switch (index) {
        case O_ALL: all = true; break;
        case O_NOCASE: cflags |= F_RE_NOCASE; break;
        case O_EXPANDED: cflags |= F_RE_EXPANDED; break;
        case O_LINE: cflags |= F_RE_NEWLINE; break;
        case O_LINESTOP: cflags |= F_RE_NLSTOP; break;
        case O_LINEANCHOR: cflags |= F_RE_NLANCH; break;
        case O_START: {
            if (++k >= objc) goto end_options;
            int64_t v;
            if (f_get_index(i, objv[k], 0, &v, NULL) != TCL_OK) return TCL_ERROR;
            start_obj = objv[k];
            break;
        }
        case O_LAST: k++; goto end_options;
        default: break;
        }
    }
end_options:
    if (objc - k < 3 || objc - k > 4) {
        return f_wrong_args(i, 1, objv, "?-option ...? exp string subSpec ?varName?");
    }
    objc -= k;
    objv += k;
    size_t mark = f_mark();
    Subject sub;
    if (!subject_init(i, objv[1], &sub)) return f_oom(i);
    uint32_t offset = 0;
    if (start_obj && start_offset(i, start_obj, sub.len, &offset) != TCL_OK) return TCL_ERROR;
    uint32_t plen, sn;
    const char *pat = f_get(i, objv[0], &plen);
    const char *spec = f_get(i, objv[2], &sn);
    StrBuf out;
    sb_init(&out, sub.n + sn + 16);
    uint32_t matches = 0;
    uint32_t rest = 0; /* characters from here on are appended at the end */
    if (all && offset == 0 && !has_any(spec, sn, "&\\") &&
        !has_any(pat, plen, "*+?{}()[].\\|^$")) {
        /* a literal pattern: Tcl's simple string replacement */
        uint32_t pn;
        uint32_t *p = f_re_decode(pat, plen, &pn);
        if (!p) return f_oom(i);
        bool nocase = (cflags & F_RE_NOCASE) != 0;
        if (pn == 0) {
            for (uint32_t c = 0; c < sub.len; c++) {
                if ((c & 1023) == 1023 && f_poll_work(i, 1024) != TCL_OK) return TCL_ERROR;
                sb_add(&out, spec, sn);
                sb_add(&out, sub.s + sub.boff[c], sub.boff[c + 1] - sub.boff[c]);
                matches++;
            }
            rest = sub.len;
        } else {
            uint32_t copied = 0, poll_at = F_POLL_CHUNK / pn;
            for (uint32_t c = 0; c + pn <= sub.len;) {
                if (c >= poll_at) {
                    if (f_poll_work(i, 1024) != TCL_OK) return TCL_ERROR;
                    poll_at = c + F_POLL_CHUNK / pn;
                }
                bool eq = true;
                for (uint32_t j = 0; j < pn && eq; j++) {
                    uint32_t a = sub.text[c + j], b2 = p[j];
                    eq = a == b2 || (nocase && fold(i, a) == fold(i, b2));
                }
                if (!eq) {
                    c++;
                    continue;
                }
                sb_add(&out, sub.s + sub.boff[copied], sub.boff[c] - sub.boff[copied]);
                sb_add(&out, spec, sn);
                matches++;
                c += pn;
                copied = c;
            }
            rest = copied;
        }
    } else {
        const FRegex *re = f_re_compile(i, pat, plen, cflags);
        if (!re) return TCL_ERROR;
        uint32_t nsub = f_re_nsub(re);
        int32_t *match = f_alloc(2 * (nsub + 1) * sizeof(int32_t));
        if (!match) return f_oom(i);
        while (offset <= sub.len) {
            int m = exec_at(i, re, &sub, offset, match);
            if (m < 0) return TCL_ERROR;
            if (m == 0) break;
            if (matches == 0 && offset > 0) sb_add(&out, sub.s, sub.boff[offset]);
            matches++;
            uint32_t start = (uint32_t)match[0], end = (uint32_t)match[1];
            sb_add(&out, sub.s + sub.boff[offset], sub.boff[offset + start] - sub.boff[offset]);
            add_subst(&out, &sub, offset, match, nsub, spec, sn);
            if (end == 0) {
                if (offset < sub.len) {
                    sb_add(&out, sub.s + sub.boff[offset], sub.boff[offset + 1] - sub.boff[offset]);
                }
                offset++;
            } else {
                offset += end;
                if (start == end) {
                    if (offset < sub.len) {
                        sb_add(&out, sub.s + sub.boff[offset],
                               sub.boff[offset + 1] - sub.boff[offset]);
                    }
                    offset++;
                }
            }
            if (!all) break;
            if (f_poll_work(i, 1 + end / F_POLL_BYTES) != TCL_OK) return TCL_ERROR;
        }
        rest = offset;
    }
    if (f_take_alloc_failure()) return f_oom(i);
    FeatherObj result;
    if (matches == 0) {
        result = objv[1];
    } else {
        if (rest < sub.len) sb_add(&out, sub.s + sub.boff[rest], sub.n - sub.boff[rest]);
        result = f_strn(i, out.data ? out.data : "", out.len);
    }
    f_release(mark);
    if (objc == 4) {
        FeatherObj dummy;
        if (f_var_set(i, objv[3], result, &dummy) != TCL_OK) return TCL_ERROR;
        return f_ok_int(i, matches);
    }
    return f_ok(i, result);
}

const BuiltinDef f_cmds_regexp[] = {{"regexp", cmd_regexp}, {"regsub", cmd_regsub}, {0, 0}};
