/*
 * obj.c -- values as the core sees them: the per-eval interpreter state,
 * results and error messages, string reps, numbers, lists and variables.
 * Every host crossing a builtin needs goes through a helper here.
 */
#include <stdarg.h>

#include "cache.h"
#include "core.h"

/* ------------------------------------------------------------ per-eval state */

/* The states live in a static pool, not in the arena: an eval may begin on
 * another interp in the middle of a command whose scratch memory is then
 * released. Past the pool's size, interps share the last slot's fallback. */
#define STATE_POOL 64
static InterpState pool[STATE_POOL];
static int pool_used;
InterpState *f_state_last; /* the state found last (core.h, f_state) */

/* Forget all per-eval state: called when a top-level eval begins. */
void f_state_reset(void) {
    pool_used = 0;
    f_state_last = NULL;
}

/* f_state when the state is not the one found last. */
InterpState *f_state_find(FeatherInterp i) {
    for (int k = 0; k < pool_used; k++) {
        if (pool[k].id == i) return f_state_last = &pool[k];
    }
    InterpState *s = &pool[pool_used < STATE_POOL ? pool_used++ : STATE_POOL - 1];
    memset(s, 0, sizeof *s);
    s->id = i;
    s->limit = feather_host_interp_limit(i);
    s->return_level = 1;
    return f_state_last = s;
}

/* ------------------------------------------------------------ results */

void f_set_result(FeatherInterp i, FeatherObj o) { f_state(i)->result = o; }

FeatherObj f_result(FeatherInterp i) {
    InterpState *s = f_state(i);
    if (!s->result) s->result = f_empty(i);
    return s->result;
}

int f_ok(FeatherInterp i, FeatherObj o) {
    f_set_result(i, o);
    return TCL_OK;
}

int f_ok_str(FeatherInterp i, const char *s, uint32_t n) { return f_ok(i, f_strn(i, s, n)); }

int f_ok_int(FeatherInterp i, int64_t v) { return f_ok(i, f_int(i, v)); }

int f_ok_empty(FeatherInterp i) { return f_ok(i, f_empty(i)); }

/* ------------------------------------------------------------ strings */

FeatherObj f_strn(FeatherInterp i, const char *s, uint32_t n) {
    return feather_host_string_new(i, s, n);
}

FeatherObj f_str(FeatherInterp i, const char *cstr) {
    return feather_host_string_new(i, cstr, (uint32_t)f_strlen(cstr));
}

/* One empty string per interp and eval: results are empty very often. */
FeatherObj f_empty(FeatherInterp i) {
    InterpState *st = f_state(i);
    if (!st->empty) st->empty = feather_host_pin(i, feather_host_string_new(i, "", 0));
    return st->empty;
}

/* Most strings fit this buffer, so one crossing reads them. */
static char probe[2048];

const char *f_get(FeatherInterp i, FeatherObj o, uint32_t *len) {
    uint32_t known;
    const char *text = cache_text(o, &known);
    if (text) {
        if (len) *len = known;
        return text;
    }
    int64_t number;
    if (cache_number_get(o, &number)) {
        /* A handle the core knows holds this integer: its string rep is the
         * canonical decimal form, written here without a crossing. */
        StrBuf b;
        sb_init(&b, 24);
        sb_add_int(&b, number);
        if (len) *len = b.data ? b.len : 0;
        return b.data ? b.data : "";
    }
    uint32_t n = o ? feather_host_string_get(i, o, probe, sizeof probe) : 0;
    char *d = f_alloc((size_t)n + 1);
    if (!d) {
        if (len) *len = 0;
        return "";
    }
    if (n <= sizeof probe) memcpy(d, probe, n);
    else feather_host_string_get(i, o, d, n + 1);
    d[n] = 0;
    if (len) *len = n;
    return d;
}

bool f_obj_eq(FeatherInterp i, FeatherObj o, const char *cstr) {
    uint32_t n;
    const char *s = f_get(i, o, &n);
    return f_streq(s, n, cstr);
}

/* ------------------------------------------------------------ formatting */

static void format_into(FeatherInterp i, StrBuf *b, const char *fmt, va_list ap) {
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            sb_addc(b, *p);
            continue;
        }
        switch (*++p) {
        case 's': sb_adds(b, va_arg(ap, const char *)); break;
        case 'S': {
            const char *s = va_arg(ap, const char *);
            uint32_t n = va_arg(ap, uint32_t);
            sb_add(b, s, n);
            break;
        }
        case 'o': {
            uint32_t n;
            const char *s = f_get(i, va_arg(ap, FeatherObj), &n);
            sb_add(b, s, n);
            break;
        }
        case 'd': sb_add_int(b, va_arg(ap, int)); break;
        case 'D': sb_add_int(b, va_arg(ap, int64_t)); break;
        case 'c': sb_addc(b, (char)va_arg(ap, int)); break;
        case '%': sb_addc(b, '%'); break;
        default: return;
        }
    }
}

FeatherObj f_format(FeatherInterp i, const char *fmt, ...) {
    StrBuf b;
    sb_init(&b, 64);
    va_list ap;
    va_start(ap, fmt);
    format_into(i, &b, fmt, ap);
    va_end(ap);
    return f_strn(i, b.data ? b.data : "", b.len);
}

int f_error(FeatherInterp i, const char *fmt, ...) {
    f_state(i)->return_opts = 0; /* a new error ends a return's options */
    StrBuf b;
    sb_init(&b, 64);
    va_list ap;
    va_start(ap, fmt);
    format_into(i, &b, fmt, ap);
    va_end(ap);
    /* With the arena full the message cannot be formatted: a literal one is
     * still given as is, any other becomes "out of memory" (never empty). */
    bool literal = true;
    for (const char *c = fmt; *c; c++) literal = literal && *c != '%';
    f_set_result(i, b.data ? f_strn(i, b.data, b.len) : f_str(i, literal ? fmt : "out of memory"));
    return TCL_ERROR;
}

void f_set_error_code(FeatherInterp i, FeatherObj code) { f_state(i)->error_code = code; }

int f_wrong_args(FeatherInterp i, int n, FeatherObj *objv, const char *msg) {
    StrBuf b;
    sb_init(&b, 64);
    sb_adds(&b, "wrong # args: should be \"");
    for (int k = 0; k < n; k++) {
        uint32_t len;
        const char *s = f_get(i, objv[k], &len);
        if (k) sb_addc(&b, ' ');
        sb_add(&b, s, len);
    }
    if (msg && *msg) {
        if (n) sb_addc(&b, ' ');
        sb_adds(&b, msg);
    }
    sb_addc(&b, '"');
    f_set_result(i, f_strn(i, b.data ? b.data : "", b.len));
    f_set_error_code(i, f_str(i, "TCL WRONGARGS"));
    return TCL_ERROR;
}

int f_get_enum(FeatherInterp i, FeatherObj o, const char *const *table, const char *what,
               int *index) {
    uint32_t n;
    const char *s = f_get(i, o, &n);
    int found = -1, count = 0;
    for (int k = 0; table[k]; k++) {
        if (f_streq(s, n, table[k])) {
            *index = k;
            return TCL_OK;
        }
        if (n > 0 && memcmp(table[k], s, n) == 0 && f_strlen(table[k]) >= n) {
            found = k;
            count++;
        }
    }
    if (count == 1) {
        *index = found;
        return TCL_OK;
    }
    StrBuf b;
    sb_init(&b, 128);
    bool sub = f_streq(what, (uint32_t)f_strlen(what), "subcommand");
    if (sub) sb_adds(&b, "unknown or ambiguous subcommand \"");
    else {
        sb_adds(&b, count > 1 ? "ambiguous " : "bad ");
        sb_adds(&b, what);
        sb_adds(&b, " \"");
    }
    sb_add(&b, s, n);
    sb_adds(&b, "\": must be ");
    int total = 0;
    while (table[total]) total++;
    for (int k = 0; k < total; k++) {
        if (k > 0) sb_adds(&b, total > 2 ? ", " : " ");
        if (k == total - 1 && total > 1) sb_adds(&b, "or ");
        sb_adds(&b, table[k]);
    }
    f_set_result(i, f_strn(i, b.data ? b.data : "", b.len));
    FeatherObj words[5] = {f_str(i, "TCL"), f_str(i, "LOOKUP"), f_str(i, sub ? "SUBCOMMAND" : "INDEX"), f_str(i, what), o};
    if (sub) words[3] = o;
    f_set_error_code(i, f_list_new(i, words, sub ? 4 : 5));
    return TCL_ERROR;
}

/* ------------------------------------------------------------ numbers */

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

int f_parse_int(const char *s, uint32_t n, int64_t *out) {
    uint32_t k = 0;
    while (k < n && is_space(s[k])) k++;
    while (n > k && is_space(s[n - 1])) n--;
    if (k == n) return 0;
    bool neg = false;
    if (s[k] == '+' || s[k] == '-') {
        neg = s[k] == '-';
        k++;
    }
    unsigned base = 10;
    if (k + 1 < n && s[k] == '0') {
        char p = s[k + 1];
        if (p == 'x' || p == 'X') { base = 16; k += 2; }
        else if (p == 'o' || p == 'O') { base = 8; k += 2; }
        else if (p == 'b' || p == 'B') { base = 2; k += 2; }
        else if (p == 'd' || p == 'D') { base = 10; k += 2; }
        else { base = 8; k += 1; } /* Tcl 8.6: a leading 0 means octal */
    }
    if (k == n) return 0;
    uint64_t v = 0;
    bool big = false;
    for (; k < n; k++) {
        char c = s[k];
        unsigned d;
        if (c >= '0' && c <= '9') d = (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') d = (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') d = (unsigned)(c - 'A' + 10);
        else return 0;
        if (d >= base) return 0;
        if (v > (UINT64_MAX - d) / base) big = true;
        v = v * base + d;
    }
    if (big) return 2;
    if (neg) {
        if (v > (uint64_t)INT64_MAX + 1) return 2;
        *out = (int64_t)(0 - v);
    } else {
        if (v > (uint64_t)INT64_MAX) return 2;
        *out = (int64_t)v;
    }
    return 1;
}

/* Tcl reals: decimal digits with an optional point and exponent, or the
 * words Inf/Infinity/NaN (any case), with optional sign and surrounding
 * white space. The digits are converted by the host (correct rounding). */
int f_parse_double(FeatherInterp i, const char *s, uint32_t n, double *out) {
    uint32_t k = 0;
    while (k < n && is_space(s[k])) k++;
    while (n > k && is_space(s[n - 1])) n--;
    if (k == n) return 0;
    bool neg = false;
    if (s[k] == '+' || s[k] == '-') {
        neg = s[k] == '-';
        k++;
    }
    const char *t = s + k;
    uint32_t m = n - k;
    static const char *const words[] = {"inf", "infinity", "nan"};
    for (int w = 0; w < 3; w++) {
        uint32_t wl = (uint32_t)f_strlen(words[w]);
        if (m != wl) continue;
        uint32_t c = 0;
        while (c < m && (t[c] | 0x20) == words[w][c]) c++;
        if (c == m) {
            double v = w < 2 ? __builtin_inf() : __builtin_nan("");
            *out = neg ? -v : v;
            return 1;
        }
    }
    int64_t iv;
    int r = f_parse_int(s, n, &iv);
    if (r == 1) {
        *out = (double)iv;
        return 1;
    }
    uint32_t c = 0, digits = 0;
    while (c < m && t[c] >= '0' && t[c] <= '9') { c++; digits++; }
    if (c < m && t[c] == '.') {
        c++;
        while (c < m && t[c] >= '0' && t[c] <= '9') { c++; digits++; }
    }
    if (!digits) return 0;
    if (c < m && (t[c] == 'e' || t[c] == 'E')) {
        c++;
        if (c < m && (t[c] == '+' || t[c] == '-')) c++;
        uint32_t e = 0;
        while (c < m && t[c] >= '0' && t[c] <= '9') { c++; e++; }
        if (!e) return 0;
    }
    if (c != m) return 0;
    double v;
    if (!feather_host_double_parse(i, t, m, &v)) return 0;
    *out = neg ? -v : v;
    return 1;
}

int f_get_number(FeatherInterp i, FeatherObj o, int64_t *iv, double *dv) {
    int64_t raw;
    int kind = f_integer_get(i, o, &raw);
    if (kind == 1) {
        *iv = raw;
        return 1;
    }
    if (kind == 2) {
        memcpy(dv, &raw, sizeof *dv);
        return 2;
    }
    uint32_t n;
    const char *s = f_get(i, o, &n);
    int r = f_parse_int(s, n, iv);
    if (r == 1) return 1;
    if (f_parse_double(i, s, n, dv)) return 2;
    return 0;
}

int f_get_int(FeatherInterp i, FeatherObj o, int64_t *out) {
    int64_t raw;
    if (f_integer_get(i, o, &raw) == 1) {
        *out = raw;
        return TCL_OK;
    }
    uint32_t n;
    const char *s = f_get(i, o, &n);
    if (f_parse_int(s, n, out) == 1) return TCL_OK;
    f_set_error_code(i, f_str(i, "TCL VALUE INTEGER"));
    return f_error(i, "expected integer but got \"%S\"", s, n);
}

int f_get_double(FeatherInterp i, FeatherObj o, double *out) {
    int64_t iv;
    int kind = f_get_number(i, o, &iv, out);
    if (kind == 1) *out = (double)iv;
    if (kind) return TCL_OK;
    uint32_t n;
    const char *s = f_get(i, o, &n);
    return f_error(i, "expected floating-point number but got \"%S\"", s, n);
}

int f_parse_bool(const char *s, uint32_t n, bool *out) {
    static const char *const yes[] = {"1", "true", "yes", "on", 0};
    static const char *const no[] = {"0", "false", "no", "off", 0};
    char low[8];
    if (n == 0 || n > 5) goto numeric;
    for (uint32_t k = 0; k < n; k++) {
        char c = s[k];
        low[k] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    /* Unique prefixes are accepted ("t", "tr", "of" but not "o"). */
    for (int k = 0; yes[k]; k++) {
        if (memcmp(yes[k], low, n) == 0 && f_strlen(yes[k]) >= n && !(n == 1 && low[0] == 'o')) {
            *out = true;
            return 1;
        }
    }
    for (int k = 0; no[k]; k++) {
        if (memcmp(no[k], low, n) == 0 && f_strlen(no[k]) >= n && !(n == 1 && low[0] == 'o')) {
            *out = false;
            return 1;
        }
    }
numeric:;
    int64_t iv;
    if (f_parse_int(s, n, &iv) == 1) {
        *out = iv != 0;
        return 1;
    }
    return 0;
}

int f_get_bool(FeatherInterp i, FeatherObj o, bool *out) {
    int64_t raw;
    int kind = f_integer_get(i, o, &raw);
    if (kind == 1) {
        *out = raw != 0;
        return TCL_OK;
    }
    if (kind == 2) {
        double d;
        memcpy(&d, &raw, sizeof d);
        *out = d != 0.0;
        return TCL_OK;
    }
    uint32_t n;
    const char *s = f_get(i, o, &n);
    if (f_parse_bool(s, n, out)) return TCL_OK;
    double d;
    if (f_parse_double(i, s, n, &d)) {
        *out = d != 0.0;
        return TCL_OK;
    }
    return f_error(i, "expected boolean value but got \"%S\"", s, n);
}

static bool word_ci(const char *s, uint32_t n, uint32_t k, const char *w) {
    uint32_t l = (uint32_t)f_strlen(w);
    if (k + l > n) return false;
    for (uint32_t j = 0; j < l; j++) {
        if ((s[k + j] | 0x20) != w[j]) return false;
    }
    return true;
}

int f_digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 99;
}

/* Digits of base `base` from k; accumulates the magnitude. Returns the end. */
static uint32_t scan_digits(const char *s, uint32_t n, uint32_t k, unsigned base, NumberScan *r) {
    r->mag = 0;
    r->big = false;
    while (k < n && f_digit_value(s[k]) < (int)base) {
        unsigned d = (unsigned)f_digit_value(s[k]);
        if (r->mag > (UINT64_MAX - d) / base) r->big = true;
        r->mag = r->mag * base + d;
        k++;
    }
    return k;
}

bool f_scan_number(const char *s, uint32_t n, bool int_only, NumberScan *r) {
    uint32_t k = 0;
    while (k < n && is_space(s[k])) k++;
    r->neg = k < n && s[k] == '-';
    if (k < n && (s[k] == '+' || s[k] == '-')) k++;
    uint32_t accept = 0;
    bool found = false;
    r->is_int = false;
    r->big = false;
    r->mag = 0;
    if (k < n && s[k] == '0' && k + 1 < n &&
        (s[k + 1] == 'x' || s[k + 1] == 'X' || s[k + 1] == 'b' || s[k + 1] == 'B' ||
         s[k + 1] == 'o' || s[k + 1] == 'O')) {
        char p = (char)(s[k + 1] | 0x20);
        unsigned base = p == 'x' ? 16 : p == 'b' ? 2 : 8;
        uint32_t e = scan_digits(s, n, k + 2, base, r);
        found = true;
        r->is_int = true;
        if (e > k + 2) {
            accept = e;
        } else {
            accept = k + 1; /* just the 0 */
            r->mag = 0;
            r->big = false;
        }
    } else if (k < n && ((s[k] >= '0' && s[k] <= '9') || s[k] == '.')) {
        uint32_t e = k;
        while (e < n && s[e] >= '0' && s[e] <= '9') e++;
        uint32_t d1 = e - k;
        if (d1 > 0) {
            found = true;
            r->is_int = true;
            if (s[k] == '0' && d1 > 1) {
                /* A leading 0: octal as far as the digits are octal. */
                uint32_t o = scan_digits(s, n, k + 1, 8, r);
                accept = o;
            } else {
                scan_digits(s, n, k, 10, r);
                accept = e;
            }
        }
        if (!int_only) {
            uint32_t f = e, d2 = 0;
            if (f < n && s[f] == '.') {
                f++;
                while (f < n && s[f] >= '0' && s[f] <= '9') {
                    f++;
                    d2++;
                }
            }
            if (d1 + d2 > 0) {
                bool fractional = f > e;
                if (f < n && (s[f] == 'e' || s[f] == 'E')) {
                    uint32_t x = f + 1;
                    if (x < n && (s[x] == '+' || s[x] == '-')) x++;
                    uint32_t xd = x;
                    while (x < n && s[x] >= '0' && s[x] <= '9') x++;
                    if (x > xd) {
                        f = x;
                        fractional = true;
                    }
                }
                if (fractional) {
                    found = true;
                    r->is_int = false;
                    accept = f;
                }
            }
        }
    } else if (!int_only && k < n) {
        if (word_ci(s, n, k, "infinity")) {
            found = true;
            accept = k + 8;
        } else if (word_ci(s, n, k, "inf")) {
            found = true;
            accept = k + 3;
        } else if (word_ci(s, n, k, "nan")) {
            found = true;
            accept = k + 3;
            if (accept < n && s[accept] == '(') {
                uint32_t x = accept + 1;
                while (x < n && f_digit_value(s[x]) < 16) x++;
                if (x < n && s[x] == ')') accept = x + 1;
            }
        }
    }
    if (!found) return false;
    r->end = accept;
    while (accept < n && is_space(s[accept])) accept++;
    r->stop = accept;
    return true;
}

/* Tcl_GetInt on text: white space around, a sign, any radix; a magnitude
 * up to 2^32-1, wrapped to 32 bits as Tcl does. */
static bool text_int32(const char *s, uint32_t n, int32_t *out) {
    NumberScan r;
    if (!f_scan_number(s, n, true, &r) || r.stop != n || r.big || r.mag > 4294967295u) return false;
    uint32_t v = (uint32_t)r.mag;
    *out = (int32_t)(r.neg ? 0u - v : v);
    return true;
}

static int32_t wrap_add(int64_t a, int32_t b) {
    return (int32_t)((uint32_t)(int32_t)a + (uint32_t)b);
}

/* Tcl 8.6's TclGetIntForIndex: an integer, a prefix of "end", end+N,
 * end-N, M+N or M-N (N and M as Tcl_GetInt reads them), in 32-bit
 * arithmetic. *is_end (may be NULL) tells an end-relative index. */
int f_get_index(FeatherInterp i, FeatherObj o, int64_t end, int64_t *out, bool *is_end) {
    int64_t raw;
    int32_t v;
    if (is_end) *is_end = false;
    if (f_integer_get(i, o, &raw) == 1 && raw <= 4294967295LL && raw >= -4294967295LL) {
        *out = (int32_t)(uint32_t)(uint64_t)raw;
        return TCL_OK;
    }
    uint32_t n;
    const char *s = f_get(i, o, &n);
    if (text_int32(s, n, &v)) {
        *out = v;
        return TCL_OK;
    }
    if (n > 0 && s[0] == 'e' && memcmp(s, "end", n < 3 ? n : 3) == 0) {
        if (is_end) *is_end = true;
        if (n <= 3) {
            *out = end;
            return TCL_OK;
        }
        if (n > 4 && (s[3] == '-' || s[3] == '+') && !is_space(s[4]) && text_int32(s + 4, n - 4, &v)) {
            *out = wrap_add(end, s[3] == '-' ? (int32_t)(0u - (uint32_t)v) : v);
            return TCL_OK;
        }
        if (is_end) *is_end = false;
    } else {
        uint32_t k = 0;
        while (k < n && is_space(s[k])) k++;
        NumberScan r;
        if (f_scan_number(s + k, n - k, true, &r)) {
            uint32_t op = k + r.end;
            int32_t a, b;
            if (op + 1 < n && (s[op] == '+' || s[op] == '-') && !is_space(s[op + 1]) &&
                text_int32(s + k, r.end, &a) && text_int32(s + op + 1, n - op - 1, &b)) {
                *out = wrap_add(a, s[op] == '-' ? (int32_t)(0u - (uint32_t)b) : b);
                return TCL_OK;
            }
        }
    }
    /* TclCheckBadOctal: a number with a leading 0 gets a hint. */
    const char *hint = "";
    uint32_t k = (n >= 4 && memcmp(s, "end-", 4) == 0) ? 4 : 0;
    while (k < n && is_space(s[k])) k++;
    if (k < n && (s[k] == '+' || s[k] == '-')) k++;
    if (k < n && s[k] == '0') {
        k++;
        if (k < n && (s[k] == 'o' || s[k] == 'O')) k++;
        while (k < n && s[k] >= '0' && s[k] <= '9') k++;
        while (k < n && is_space(s[k])) k++;
        if (k == n) hint = " (looks like invalid octal number)";
    }
    f_set_error_code(i, f_str(i, "TCL VALUE INDEX"));
    return f_error(i, "bad index \"%S\": must be integer?[+-]integer? or end?[+-]integer?%s", s, n,
                   hint);
}

FeatherObj f_int(FeatherInterp i, int64_t v) {
    FeatherObj h = v >= INT32_MIN && v <= INT32_MAX ? feather_host_integer_new32(i, (int32_t)v)
                                                    : feather_host_integer_new(i, v);
    cache_number_put(h, v);
    return h;
}

int f_integer_get(FeatherInterp i, FeatherObj o, int64_t *out) {
    if (cache_number_get(o, out)) return 1;
    int kind = feather_host_integer_get(i, o, out);
    if (kind == 1) cache_number_put(o, *out);
    return kind;
}

FeatherObj f_scratch_release(FeatherInterp i, uint32_t mark, FeatherObj keep) {
    cache_scratch_released(mark);
    return feather_host_scratch_release(i, mark, keep);
}

FeatherObj f_double(FeatherInterp i, double v) { return feather_host_double_new(i, v); }

/* ------------------------------------------------------------ lists */

static uint32_t element_end_error(FeatherInterp i, const char *what, const char *s, uint32_t k,
                                  uint32_t n) {
    uint32_t e = k;
    while (e < n && !is_space(s[e])) e++;
    f_error(i, "list element in %s followed by \"%S\" instead of space", what, s + k, e - k);
    return 0;
}

int f_split_list(FeatherInterp i, const char *s, uint32_t n, char **bufp, uint32_t **spansp,
                 uint32_t *countp) {
    /* Every element is at most as long as the text: one buffer of n bytes
     * holds them all, unescaped. */
    StrBuf b;
    sb_init(&b, n + 1);
    uint32_t cap = 16, count = 0;
    uint32_t *spans = f_alloc(cap * 2 * sizeof(uint32_t));
    uint32_t k = 0, polled = 0; /* work: an element and F_POLL_BYTES of text a unit */
    while (spans) {
        while (k < n && is_space(s[k])) k++;
        if (k >= n) break;
        uint32_t start = b.len;
        if (s[k] == '{') {
            int depth = 1;
            uint32_t j = k + 1;
            while (j < n) {
                char c = s[j];
                if (c == '\\' && j + 1 < n) { j += 2; continue; }
                if (c == '{') depth++;
                else if (c == '}' && --depth == 0) break;
                j++;
            }
            if (j >= n) {
                f_set_error_code(i, f_str(i, "TCL VALUE LIST BRACE"));
                return f_error(i, "unmatched open brace in list");
            }
            sb_add(&b, s + k + 1, j - k - 1);
            k = j + 1;
            if (k < n && !is_space(s[k])) {
                f_set_error_code(i, f_str(i, "TCL VALUE LIST JUNK"));
                element_end_error(i, "braces", s, k, n);
                return TCL_ERROR;
            }
        } else if (s[k] == '"') {
            uint32_t j = k + 1;
            while (j < n && s[j] != '"') {
                if (s[j] == '\\') j += f_backslash(s + j, n - j, &b);
                else sb_addc(&b, s[j++]);
            }
            if (j >= n) {
                f_set_error_code(i, f_str(i, "TCL VALUE LIST QUOTE"));
                return f_error(i, "unmatched open quote in list");
            }
            k = j + 1;
            if (k < n && !is_space(s[k])) {
                f_set_error_code(i, f_str(i, "TCL VALUE LIST JUNK"));
                element_end_error(i, "quotes", s, k, n);
                return TCL_ERROR;
            }
        } else {
            while (k < n && !is_space(s[k])) {
                if (s[k] == '\\') k += f_backslash(s + k, n - k, &b);
                else sb_addc(&b, s[k++]);
            }
        }
        if (count == cap) {
            uint32_t *more = f_alloc(cap * 4 * sizeof(uint32_t));
            if (!more) return f_error(i, "out of memory");
            memcpy(more, spans, cap * 2 * sizeof(uint32_t));
            spans = more;
            cap *= 2;
        }
        spans[2 * count] = start;
        spans[2 * count + 1] = b.len - start;
        count++;
        uint32_t work = count + k / F_POLL_BYTES;
        if (work - polled >= 1024) {
            if (f_poll_work(i, work - polled) != TCL_OK) return TCL_ERROR;
            polled = work;
        }
    }
    if (!spans || !b.data) return f_error(i, "out of memory");
    *bufp = b.data;
    *spansp = spans;
    *countp = count;
    return TCL_OK;
}

/* Give o a list rep if it lacks one; its length in *n. */
static int ensure_list(FeatherInterp i, FeatherObj o, uint32_t *n) {
    int32_t len = feather_host_list_length(i, o);
    if (len >= 0) {
        *n = (uint32_t)len;
        return TCL_OK;
    }
    uint32_t slen;
    const char *s = f_get(i, o, &slen);
    char *buf;
    uint32_t *spans, count;
    if (f_split_list(i, s, slen, &buf, &spans, &count) != TCL_OK) return TCL_ERROR;
    feather_host_list_from_spans(i, o, buf, spans, count);
    *n = count;
    return TCL_OK;
}

int f_list_length(FeatherInterp i, FeatherObj o, uint32_t *n) { return ensure_list(i, o, n); }

int f_list(FeatherInterp i, FeatherObj o, FeatherObj **items, uint32_t *n) {
    uint32_t len;
    if (ensure_list(i, o, &len) != TCL_OK) return TCL_ERROR;
    FeatherObj *arr = f_alloc((len ? len : 1) * sizeof(FeatherObj));
    if (!arr) return f_error(i, "out of memory");
    *n = len ? feather_host_list_items(i, o, 0, len, arr) : 0;
    *items = arr;
    return TCL_OK;
}

FeatherObj f_list_new(FeatherInterp i, FeatherObj *items, uint32_t n) {
    return feather_host_list_new(i, items, n);
}

/* ------------------------------------------------------------ variables */

void f_split_varname(const char *name, uint32_t n, uint32_t *base_len, const char **key,
                     int32_t *key_len) {
    if (n > 0 && name[n - 1] == ')') {
        for (uint32_t k = 0; k < n - 1; k++) {
            if (name[k] == '(') {
                *base_len = k;
                *key = name + k + 1;
                *key_len = (int32_t)(n - k - 2);
                return;
            }
        }
    }
    *base_len = n;
    *key = 0;
    *key_len = -1;
}

int f_var_error(FeatherInterp i, const char *verb, const char *name, uint32_t n, int status,
                FeatherObj msg) {
    const char *why;
    switch (status) {
    case FEATHER_VAR_NO_SUCH_VAR: why = "no such variable"; break;
    case FEATHER_VAR_NO_SUCH_ELEMENT: why = "no such element in array"; break;
    case FEATHER_VAR_IS_ARRAY: why = "variable is array"; break;
    case FEATHER_VAR_NOT_ARRAY: why = "variable isn't array"; break;
    case FEATHER_VAR_NO_NAMESPACE: why = "parent namespace doesn't exist"; break;
    case FEATHER_VAR_TRACE_ERROR:
        return f_error(i, "can't %s \"%S\": %o", verb, name, n, msg);
    default: why = "unknown error"; break;
    }
    if (status == FEATHER_VAR_NO_SUCH_VAR || status == FEATHER_VAR_NO_SUCH_ELEMENT ||
        status == FEATHER_VAR_NO_NAMESPACE || status == FEATHER_VAR_NOT_ARRAY) {
        StrBuf b;
        sb_init(&b, 32);
        sb_adds(&b, "TCL LOOKUP ");
        sb_adds(&b, status == FEATHER_VAR_NO_SUCH_ELEMENT ? "ELEMENT " : "VARNAME ");
        uint32_t base = n;
        if (status == FEATHER_VAR_NOT_ARRAY) {
            /* Tcl names the scalar: "a" of "a(1)". */
            const char *key;
            int32_t klen;
            f_split_varname(name, n, &base, &key, &klen);
        }
        sb_add_element(&b, name, base, false);
        f_set_error_code(i, f_strn(i, b.data ? b.data : "", b.len));
    } else if (status == FEATHER_VAR_IS_ARRAY && (f_streq(verb, (uint32_t)f_strlen(verb), "read") ||
                                                  f_streq(verb, (uint32_t)f_strlen(verb), "set"))) {
        f_set_error_code(i, f_str(i, verb[0] == 'r' ? "TCL READ VARNAME" : "TCL WRITE VARNAME"));
    }
    return f_error(i, "can't %s \"%S\": %s", verb, name, n, why);
}

int f_var_get_number(FeatherInterp i, const char *name, uint32_t n, FeatherObj *out, int *kind,
                     int64_t *number) {
    uint32_t base;
    const char *key;
    int32_t klen;
    f_split_varname(name, n, &base, &key, &klen);
    FeatherVarNumber vn;
    memset(&vn, 0, sizeof vn);
    int st = feather_host_var_get(i, name, base, key, klen, 2, &vn.value);
    if (st != FEATHER_VAR_OK) return f_var_error(i, "read", name, n, st, vn.value);
    *out = vn.value;
    *kind = vn.kind;
    *number = vn.number;
    if (vn.kind == 1) cache_number_put(vn.value, vn.number);
    return TCL_OK;
}

int f_var_get_s(FeatherInterp i, const char *name, uint32_t n, FeatherObj *out) {
    uint32_t base;
    const char *key;
    int32_t klen;
    f_split_varname(name, n, &base, &key, &klen);
    FeatherObj v = 0;
    int st = feather_host_var_get(i, name, base, key, klen, 0, &v);
    if (st != FEATHER_VAR_OK) return f_var_error(i, "read", name, n, st, v);
    *out = v;
    return TCL_OK;
}

int f_var_set_s(FeatherInterp i, const char *name, uint32_t n, FeatherObj value, FeatherObj *out) {
    uint32_t base;
    const char *key;
    int32_t klen;
    f_split_varname(name, n, &base, &key, &klen);
    FeatherObj v = 0;
    int st = feather_host_var_set(i, name, base, key, klen, value, &v);
    if (st != FEATHER_VAR_OK) return f_var_error(i, "set", name, n, st, v);
    if (out) *out = v ? v : value;
    return TCL_OK;
}

int f_var_get(FeatherInterp i, FeatherObj name, FeatherObj *out) {
    uint32_t n;
    const char *s = f_get(i, name, &n);
    return f_var_get_s(i, s, n, out);
}

int f_var_set(FeatherInterp i, FeatherObj name, FeatherObj value, FeatherObj *out) {
    uint32_t n;
    const char *s = f_get(i, name, &n);
    return f_var_set_s(i, s, n, value, out);
}

int f_var_unset(FeatherInterp i, FeatherObj name, bool complain) {
    uint32_t n;
    const char *s = f_get(i, name, &n);
    uint32_t base;
    const char *key;
    int32_t klen;
    f_split_varname(s, n, &base, &key, &klen);
    FeatherObj msg = 0;
    int st = feather_host_var_unset(i, s, base, key, klen, &msg);
    if (st == FEATHER_VAR_OK) return TCL_OK;
    if (!complain && st != FEATHER_VAR_TRACE_ERROR) return TCL_OK;
    return f_var_error(i, "unset", s, n, st, msg);
}
