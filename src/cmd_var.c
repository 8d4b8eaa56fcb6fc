/*
 * cmd_var.c -- variables: set unset incr append global upvar.
 */
#include "core.h"

static int cmd_set(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc == 2) {
        FeatherObj v;
        if (f_var_get(i, objv[1], &v) != TCL_OK) return TCL_ERROR;
        return f_ok(i, v);
    }
    if (objc == 3) {
        FeatherObj v;
        if (f_var_set(i, objv[1], objv[2], &v) != TCL_OK) return TCL_ERROR;
        return f_ok(i, v);
    }
    return f_wrong_args(i, 1, objv, "varName ?newValue?");
}

static int cmd_unset(FeatherInterp i, int objc, FeatherObj *objv) {
    int k = 1;
    bool complain = true;
    while (k < objc) {
        uint32_t n;
        const char *s = f_get(i, objv[k], &n);
        if (f_streq(s, n, "-nocomplain")) { complain = false; k++; continue; }
        if (f_streq(s, n, "--")) { k++; break; }
        break;
    }
    for (; k < objc; k++) {
        if (f_var_unset(i, objv[k], complain) != TCL_OK) return TCL_ERROR;
    }
    return f_ok_empty(i);
}

/* Is o an integer beyond 64 bits (Tcl promotes to a bignum)? */
static bool is_big(FeatherInterp i, FeatherObj o) {
    uint32_t n;
    const char *s = f_get(i, o, &n);
    int64_t v;
    return f_parse_int(s, n, &v) == 2;
}

/* cur + delta where one is beyond 64 bits or the sum overflows: expr's
 * bignums compute it. */
static int big_sum(FeatherInterp i, FeatherObj cur, FeatherObj delta, FeatherObj *out) {
    FeatherObj e = f_format(i, "%o + %o", cur, delta);
    return f_expr(i, e, out);
}

static int cmd_incr(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 2 && objc != 3) return f_wrong_args(i, 1, objv, "varName ?increment?");
    int64_t delta = 1;
    /* An increment with an integer rep needs no look at its string. */
    bool known = objc == 3 && f_integer_get(i, objv[2], &delta) == 1;
    bool big_delta = objc == 3 && !known && is_big(i, objv[2]);
    if (objc == 3 && !known && !big_delta && f_get_int(i, objv[2], &delta) != TCL_OK) {
        f_add_error_info(i, "\n    (reading increment)", 23);
        return TCL_ERROR;
    }
    uint32_t n;
    const char *name = f_get(i, objv[1], &n);
    uint32_t base;
    const char *key;
    int32_t klen;
    f_split_varname(name, n, &base, &key, &klen);
    FeatherObj out = 0;
    if (!big_delta && delta >= INT32_MIN && delta <= INT32_MAX) {
        int st = feather_host_var_incr(i, name, base, key, klen, (int32_t)delta, &out);
        if (st == FEATHER_VAR_OK) return f_ok(i, out);
        if (st != FEATHER_VAR_NOT_INT) {
            bool reading = st == FEATHER_VAR_NOT_ARRAY || st == FEATHER_VAR_NO_NAMESPACE;
            return f_var_error(i, reading ? "read" : "set", name, n, st, out);
        }
    }
    /* General path: the value is a string, or a sum beyond 64 bits. */
    FeatherObj v = 0;
    int st = feather_host_var_get(i, name, base, key, klen, 0, &v);
    if (st == FEATHER_VAR_NO_SUCH_VAR || st == FEATHER_VAR_NO_SUCH_ELEMENT) {
        v = f_int(i, 0); /* a missing variable counts from 0, as in Tcl 8.6 */
    } else if (st != FEATHER_VAR_OK) {
        return f_var_error(i, "read", name, n, st, v);
    }
    int64_t cur;
    FeatherObj sum;
    if (big_delta || is_big(i, v)) {
        /* A small delta was read above; a big one needs an integer value. */
        if (big_delta && !is_big(i, v) && f_get_int(i, v, &cur) != TCL_OK) {
            f_add_error_info(i, "\n    (reading value of variable to increment)", 45);
            return TCL_ERROR;
        }
        if (big_sum(i, v, big_delta ? objv[2] : f_int(i, delta), &sum) != TCL_OK) return TCL_ERROR;
    } else {
        if (f_get_int(i, v, &cur) != TCL_OK) {
            f_add_error_info(i, "\n    (reading value of variable to increment)", 45);
            return TCL_ERROR;
        }
        int64_t r;
        if (__builtin_add_overflow(cur, delta, &r)) {
            if (big_sum(i, v, f_int(i, delta), &sum) != TCL_OK) return TCL_ERROR;
        } else {
            sum = f_int(i, r);
        }
    }
    if (f_var_set_s(i, name, n, sum, &out) != TCL_OK) return TCL_ERROR;
    return f_ok(i, out);
}

static int cmd_append(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 2) return f_wrong_args(i, 1, objv, "varName ?value ...?");
    uint32_t n;
    const char *name = f_get(i, objv[1], &n);
    if (objc == 2) {
        FeatherObj v;
        if (f_var_get_s(i, name, n, &v) != TCL_OK) return TCL_ERROR;
        return f_ok(i, v);
    }
    uint32_t base;
    const char *key;
    int32_t klen;
    f_split_varname(name, n, &base, &key, &klen);
    FeatherObj out = 0;
    int st = feather_host_var_append(i, name, base, key, klen, objv + 2, (uint32_t)(objc - 2), &out);
    if (st != FEATHER_VAR_OK) return f_var_error(i, "set", name, n, st, out);
    return f_ok(i, out);
}

/* The part of a qualified name after its last "::". */
static const char *name_tail(const char *s, uint32_t n, uint32_t *tail_len) {
    uint32_t start = 0;
    for (uint32_t k = 0; k + 1 < n; k++) {
        if (s[k] == ':' && s[k + 1] == ':') start = k + 2;
    }
    while (start < n && s[start] == ':') start++;
    *tail_len = n - start;
    return s + start;
}

static int link_error(FeatherInterp i, int st, const char *name, uint32_t n) {
    if (st == FEATHER_VAR_EXISTS) {
        f_set_error_code(i, f_str(i, "TCL UPVAR EXISTS"));
        return f_error(i, "variable \"%S\" already exists", name, n);
    }
    if (st == FEATHER_VAR_SELF) {
        f_set_error_code(i, f_str(i, "TCL UPVAR SELF"));
        return f_error(i, "can't upvar from variable to itself");
    }
    return f_var_error(i, "upvar", name, n, st, 0);
}

/* A missing namespace in upvar: Tcl finds otherVar before it makes the
 * local, so the error names the target when its namespace is missing. */
static int link_ns_error(FeatherInterp i, const char *other, uint32_t on, const char *local, uint32_t ln) {
    uint32_t end = 0, sep = 0;
    while (end < on && other[end] != '(') end++;
    for (uint32_t c = 0; c + 1 < end; c++) {
        if (other[c] == ':' && other[c + 1] == ':') sep = c + 2;
    }
    if (sep > 0) {
        uint32_t qn = sep;
        while (qn > 0 && other[qn - 1] == ':') qn--;
        if (!feather_host_ns_resolve(i, qn ? other : "::", qn ? qn : 2, 0)) {
            f_var_error(i, "access", other, on, FEATHER_VAR_NO_NAMESPACE, 0);
            if (end < on) { /* the error code names the array */
                FeatherObj code[4] = {f_str(i, "TCL"), f_str(i, "LOOKUP"), f_str(i, "VARNAME"), f_strn(i, other, end)};
                f_set_error_code(i, f_list_new(i, code, 4));
            }
            return TCL_ERROR;
        }
    }
    return f_var_error(i, "create", local, ln, FEATHER_VAR_NO_NAMESPACE, 0);
}

/* A local name for upvar or global may not look like an array element. */
static int check_local(FeatherInterp i, const char *name, uint32_t n) {
    if (n == 0 || name[n - 1] != ')') return TCL_OK;
    for (uint32_t c = 0; c < n; c++) {
        if (name[c] == '(') {
            f_set_error_code(i, f_str(i, "TCL UPVAR LOCAL_ELEMENT"));
            return f_error(i, "bad variable name \"%S\": can't create a scalar variable that looks like an array element", name, n);
        }
    }
    return TCL_OK;
}

static int cmd_global(FeatherInterp i, int objc, FeatherObj *objv) {
    int32_t top;
    if (feather_host_frame_level(i, &top) == 0) return f_ok_empty(i);
    for (int k = 1; k < objc; k++) {
        uint32_t n, tn;
        const char *s = f_get(i, objv[k], &n);
        const char *tail = name_tail(s, n, &tn);
        if (check_local(i, tail, tn) != TCL_OK) return TCL_ERROR;
        StrBuf q;
        sb_init(&q, n + 2);
        if (!(n >= 2 && s[0] == ':' && s[1] == ':')) sb_add(&q, "::", 2);
        sb_add(&q, s, n);
        int st = feather_host_var_link(i, tail, tn, -1, q.data, q.len);
        if (st == FEATHER_VAR_NO_NAMESPACE) return f_var_error(i, "access", s, n, st, 0);
        if (st != FEATHER_VAR_OK) return link_error(i, st, tail, tn);
    }
    return f_ok_empty(i);
}

/* The error for a level word that names no frame. */
int f_bad_level(FeatherInterp i, FeatherObj name) {
    FeatherObj words[4] = {f_str(i, "TCL"), f_str(i, "LOOKUP"), f_str(i, "LEVEL"), name};
    f_set_error_code(i, f_list_new(i, words, 4));
    return f_error(i, "bad level \"%o\"", name);
}

/* Parse a level ("#N" absolute, "N" relative to the active frame).
 * Returns 1 when obj is a level, 0 when it is not. */
int f_parse_level(FeatherInterp i, FeatherObj o, int32_t *level) {
    uint32_t n;
    const char *s = f_get(i, o, &n);
    int32_t top;
    int32_t cur = feather_host_frame_level(i, &top);
    int64_t v;
    if (n > 1 && s[0] == '#') {
        if (f_parse_int(s + 1, n - 1, &v) != 1 || v < 0) return 0;
        *level = v > 0x7fffffff ? 0x7fffffff : (int32_t)v;
        return 1;
    }
    if (f_parse_int(s, n, &v) == 1 && v >= 0) {
        *level = v > cur ? -1 : cur - (int32_t)v;
        return 1;
    }
    return 0;
}

static int cmd_upvar(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 3) return f_wrong_args(i, 1, objv, "?level? otherVar localVar ?otherVar localVar ...?");
    int32_t top;
    int32_t cur = feather_host_frame_level(i, &top), level = cur - 1;
    int k = 1;
    FeatherObj named = f_str(i, "1"); /* the level errors name */
    if (objc % 2 == 0) {
        /* An odd number of names: the first word must be a level. */
        k = 2;
        uint32_t n;
        const char *s = f_get(i, objv[1], &n);
        bool given = f_parse_level(i, objv[1], &level);
        if (given || (n > 0 && s[0] == '#') || level >= 0) named = objv[1];
        if (!given && named == objv[1]) return f_bad_level(i, f_strn(i, s, n));
    }
    if (level < 0 || level > top) return f_bad_level(i, named);
    for (; k + 1 < objc; k += 2) {
        uint32_t on, ln;
        const char *other = f_get(i, objv[k], &on);
        const char *local = f_get(i, objv[k + 1], &ln);
        bool qualified = false;
        for (uint32_t c = 0; c + 1 < on; c++) qualified |= other[c] == ':' && other[c + 1] == ':';
        if (check_local(i, local, ln) != TCL_OK) return TCL_ERROR;
        if (!qualified && level == cur && on == ln && memcmp(other, local, on) == 0) {
            f_set_error_code(i, f_str(i, "TCL UPVAR SELF"));
            return f_error(i, "can't upvar from variable to itself");
        }
        int st = feather_host_var_link(i, local, ln, qualified ? -1 : level, other, on);
        if (st == FEATHER_VAR_NO_NAMESPACE) return link_ns_error(i, other, on, local, ln);
        if (st != FEATHER_VAR_OK) return link_error(i, st, local, ln);
    }
    return f_ok_empty(i);
}

const BuiltinDef f_cmds_var[] = {
    {"set", cmd_set},       {"unset", cmd_unset},   {"incr", cmd_incr},
    {"append", cmd_append}, {"global", cmd_global}, {"upvar", cmd_upvar},
    {0, 0},
};
