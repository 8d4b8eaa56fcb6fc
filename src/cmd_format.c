/*
 * cmd_format.c -- format and scan, as Tcl 8.6's Tcl_AppendFormatToObj and
 * Tcl_ScanObjCmd (tclStringObj.c, tclScan.c) do them.
 *
 * There is no libc: integers are converted by hand, and doubles exactly. A
 * finite double is m * 2^e, so its decimal expansion is finite: m << e, or
 * m * 5^-e with the point moved -e places. A small big-integer type
 * computes that expansion, which is then rounded half-even, as glibc's
 * printf (Tcl's sprintf) does, to the digits %e %f %g ask for.
 *
 * The same big integers carry integers beyond 64 bits: %lld and friends
 * print them whole, other conversions take them modulo 2^64 as Tcl does,
 * and scan %lld returns them whole.
 *
 * Tcl 8.6 (the oracle) knows no %a/%A and no size modifiers besides h, l
 * and ll: the others are "bad field specifier" errors, as in tclsh 8.6.
 */
#include "core.h"

uint32_t fstr_class(FeatherInterp i, uint32_t c); /* cmd_string.c */

#define OVERFLOW_MSG "max size for a Tcl value exceeded"

/* ------------------------------------------------------------ big integers */

/* Magnitude in 32-bit limbs, least significant first, in the arena. */
typedef struct Big {
    uint32_t *d;
    uint32_t n;   /* limbs in use (0 for zero) */
    uint32_t cap;
    bool neg;
} Big;

static bool big_init(Big *b, uint32_t cap) {
    if (cap < 4) cap = 4;
    b->d = f_alloc(cap * sizeof(uint32_t));
    b->n = 0;
    b->cap = b->d ? cap : 0;
    b->neg = false;
    return b->d != NULL;
}

static bool big_reserve(Big *b, uint32_t need) {
    if (need <= b->cap) return true;
    uint32_t cap = b->cap * 2;
    if (cap < need) cap = need;
    uint32_t *d = f_alloc(cap * sizeof(uint32_t));
    if (!d) return false;
    if (b->n) memcpy(d, b->d, b->n * sizeof(uint32_t));
    b->d = d;
    b->cap = cap;
    return true;
}

/* b = b * m + a */
static bool big_mul_add(Big *b, uint32_t m, uint32_t a) {
    uint64_t carry = a;
    for (uint32_t k = 0; k < b->n; k++) {
        uint64_t t = (uint64_t)b->d[k] * m + carry;
        b->d[k] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry) {
        if (!big_reserve(b, b->n + 1)) return false;
        b->d[b->n++] = (uint32_t)carry;
    }
    return true;
}

/* b = b / m, returning the remainder. */
static uint32_t big_divmod(Big *b, uint32_t m) {
    uint64_t rem = 0;
    for (uint32_t k = b->n; k-- > 0;) {
        uint64_t t = (rem << 32) | b->d[k];
        b->d[k] = (uint32_t)(t / m);
        rem = t % m;
    }
    while (b->n && b->d[b->n - 1] == 0) b->n--;
    return (uint32_t)rem;
}

static bool big_shl(Big *b, uint32_t bits) {
    if (!b->n) return true;
    uint32_t words = bits / 32, r = bits % 32;
    if (!big_reserve(b, b->n + words + 1)) return false;
    b->d[b->n] = 0;
    for (uint32_t k = b->n + 1; k-- > 0;) {
        uint32_t v = b->d[k] << r;
        if (r && k > 0) v |= b->d[k - 1] >> (32 - r);
        b->d[k + words] = v;
    }
    for (uint32_t k = 0; k < words; k++) b->d[k] = 0;
    b->n += words + 1;
    while (b->n && b->d[b->n - 1] == 0) b->n--;
    return true;
}

static bool big_set_u64(Big *b, uint64_t v) {
    if (!big_init(b, 4)) return false;
    while (v) {
        b->d[b->n++] = (uint32_t)v;
        v >>= 32;
    }
    return true;
}

/* Bits of the magnitude (0 for zero). */
static uint32_t big_bits(const Big *b) {
    if (!b->n) return 0;
    uint32_t top = b->d[b->n - 1], bits = 0;
    while (top) {
        bits++;
        top >>= 1;
    }
    return (b->n - 1) * 32 + bits;
}

/* Decimal digits of the magnitude, NUL-terminated, in the arena. */
static char *big_decimal(const Big *src, uint32_t *len) {
    Big b;
    if (!big_init(&b, src->n + 1)) return NULL;
    if (src->n) memcpy(b.d, src->d, src->n * sizeof(uint32_t));
    b.n = src->n;
    /* 9.63 digits per limb: 10 per limb bounds it. */
    uint32_t cap = b.n * 10 + 2;
    char *out = f_alloc(cap);
    if (!out) return NULL;
    uint32_t k = cap - 1;
    out[k] = 0;
    if (!b.n) out[--k] = '0';
    while (b.n) {
        uint32_t chunk = big_divmod(&b, 1000000000u);
        for (int j = 0; j < 9; j++) {
            out[--k] = (char)('0' + chunk % 10);
            chunk /= 10;
            if (!b.n && !chunk) break;
        }
    }
    *len = cap - 1 - k;
    return out + k;
}

/* ------------------------------------------------------------ integer values */

static bool is_space_ascii(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Parse a Tcl integer of any size (as f_parse_int, without the 64-bit
 * limit). Returns false when the text is not an integer. */
static bool parse_big(const char *s, uint32_t n, Big *out) {
    uint32_t k = 0;
    while (k < n && is_space_ascii(s[k])) k++;
    while (n > k && is_space_ascii(s[n - 1])) n--;
    if (k == n) return false;
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
        else { base = 8; k += 1; }
    }
    if (k == n) return false;
    if (!big_init(out, (n - k) / 8 + 2)) return false;
    for (; k < n; k++) {
        char c = s[k];
        unsigned d;
        if (c >= '0' && c <= '9') d = (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') d = (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') d = (unsigned)(c - 'A' + 10);
        else return false;
        if (d >= base) return false;
        if (!big_mul_add(out, base, d)) return false;
    }
    out->neg = neg && out->n > 0;
    return true;
}

/* An integer operand: a 64-bit value, or a big one when it does not fit. */
typedef struct IntVal {
    bool big;
    int64_t v;
    Big b;
} IntVal;

static int get_intval(FeatherInterp i, FeatherObj o, IntVal *out) {
    int64_t raw;
    out->big = false;
    if (f_integer_get(i, o, &raw) == 1) {
        out->v = raw;
        return TCL_OK;
    }
    uint32_t n;
    const char *s = f_get(i, o, &n);
    int r = f_parse_int(s, n, &out->v);
    if (r == 1) return TCL_OK;
    if (r == 2 && parse_big(s, n, &out->b)) {
        out->big = true;
        return TCL_OK;
    }
    f_set_error_code(i, f_str(i, "TCL VALUE NUMBER"));
    return f_error(i, "expected integer but got \"%S\"", s, n);
}

/* The value modulo 2^64, as a two's complement 64-bit integer. */
static int64_t intval_wrap(const IntVal *v) {
    if (!v->big) return v->v;
    uint64_t u = 0;
    if (v->b.n > 0) u = v->b.d[0];
    if (v->b.n > 1) u |= (uint64_t)v->b.d[1] << 32;
    if (v->b.neg) u = 0 - u;
    return (int64_t)u;
}

/* TclGetIntFromObj: a value within [-UINT_MAX, UINT_MAX], taken as int. */
static int get_int32(FeatherInterp i, FeatherObj o, int32_t *out) {
    IntVal v;
    if (get_intval(i, o, &v) != TCL_OK) {
        f_set_error_code(i, f_str(i, "TCL VALUE INTEGER")); /* as TclGetIntFromObj says */
        return TCL_ERROR;
    }
    if (v.big && big_bits(&v.b) <= 64) {
        v.v = intval_wrap(&v); /* TclGetLongFromObj wraps such a magnitude */
        v.big = false;
    }
    if (v.big || v.v > 4294967295LL || v.v < -4294967295LL) {
        return f_error(i, "integer value too large to represent");
    }
    *out = (int32_t)(uint32_t)(uint64_t)v.v;
    return TCL_OK;
}

/* ------------------------------------------------------------ exact doubles */

/* The exact decimal expansion of a finite double > 0: value is
 * 0.D[0]D[1]...D[len-1] * 10^dp, no leading or trailing zero digits. */
typedef struct Decimal {
    char *dig;
    int len;
    int dp;
} Decimal;

static bool exact_decimal(double v, Decimal *out) {
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    int bexp = (int)((bits >> 52) & 0x7ff);
    uint64_t mant = bits & ((1ULL << 52) - 1);
    if (bexp) mant |= 1ULL << 52;
    else bexp = 1;
    int e = bexp - 1075; /* v = mant * 2^e */
    while (mant && !(mant & 1)) {
        mant >>= 1;
        e++;
    }
    Big b;
    if (!big_set_u64(&b, mant)) return false;
    int shift = 0;
    if (e >= 0) {
        if (!big_shl(&b, (uint32_t)e)) return false;
    } else {
        /* mant / 2^k = mant * 5^k / 10^k */
        int k = -e;
        shift = k;
        while (k >= 13) {
            if (!big_mul_add(&b, 1220703125u, 0)) return false;
            k -= 13;
        }
        uint32_t p = 1;
        while (k-- > 0) p *= 5;
        if (!big_mul_add(&b, p, 0)) return false;
    }
    uint32_t len;
    char *d = big_decimal(&b, &len);
    if (!d) return false;
    out->dig = d;
    out->dp = (int)len - shift;
    while (len > 1 && d[len - 1] == '0') len--;
    out->len = (int)len;
    return true;
}

/* Digit k of a rounded expansion ('0' outside it). */
static char dig_at(const Decimal *x, int k) { return (k >= 0 && k < x->len) ? x->dig[k] : '0'; }

/* Round x to its first `keep` digits, half to even (keep may be <= 0:
 * the result is then zero or one unit of the digit at position keep). The
 * result may carry into a new leading digit (dp grows by one). A result of
 * zero has len 0. */
static bool round_decimal(const Decimal *x, int keep, Decimal *out) {
    if (keep >= x->len) {
        *out = *x;
        return true;
    }
    bool up = false;
    if (keep >= 0) {
        char r = x->dig[keep];
        if (r > '5') up = true;
        else if (r == '5') {
            if (keep + 1 < x->len) up = true; /* no trailing zeros: something follows */
            else up = keep > 0 && ((x->dig[keep - 1] - '0') & 1);
        }
    }
    int n = keep > 0 ? keep : 0;
    char *d = f_alloc((size_t)n + 2);
    if (!d) return false;
    out->dig = d;
    out->dp = x->dp;
    if (n) memcpy(d, x->dig, (size_t)n);
    if (up) {
        int k = n - 1;
        while (k >= 0 && d[k] == '9') d[k--] = '0';
        if (k >= 0) d[k]++;
        else {
            /* all nines, or nothing kept: a new leading 1 one place up */
            d[0] = '1';
            n = 1;
            out->dp = x->dp + 1;
        }
    }
    while (n > 0 && d[n - 1] == '0') n--;
    out->len = n;
    if (n == 0) out->dp = 0;
    return true;
}

/* ------------------------------------------------------------ format */

typedef struct Spec {
    bool minus, hash, zero, space, plus;
    int32_t width;
    bool has_prec;
    int32_t prec;
} Spec;

static void pad(StrBuf *b, char c, int64_t count) {
    char chunk[256];
    memset(chunk, c, sizeof chunk);
    while (count >= (int64_t)sizeof chunk) {
        sb_add(b, chunk, sizeof chunk);
        count -= (int64_t)sizeof chunk;
    }
    if (count > 0) sb_add(b, chunk, (uint32_t)count);
}

/* printf's %e %f %g (and uppercase) of a double, padded to the width. */
static void format_double(StrBuf *out, double v, char conv, const Spec *sp) {
    StrBuf b; /* the number without sign */
    sb_init(&b, 32);
    bool neg = __builtin_signbit(v) != 0;
    if (neg) v = -v;
    bool upper = conv == 'E' || conv == 'G';
    char lc = (char)(upper ? conv + 32 : conv);
    bool finite = v - v == 0;
    int prec = sp->has_prec ? sp->prec : 6;
    if (!finite) {
        sb_adds(&b, upper ? "INF" : "inf");
    } else {
        Decimal x;
        if (v == 0) {
            x.dig = "";
            x.len = 0;
            x.dp = 0;
        } else if (!exact_decimal(v, &x)) {
            return;
        }
        bool strip = false;
        char style = lc;
        if (lc == 'g') {
            int p = prec == 0 ? 1 : prec;
            Decimal r;
            if (!round_decimal(&x, p, &r)) return;
            int X = r.len ? r.dp - 1 : 0;
            if (p > X && X >= -4) {
                style = 'f';
                prec = p - 1 - X;
            } else {
                style = 'e';
                prec = p - 1;
            }
            strip = !sp->hash;
        }
        uint32_t start = b.len;
        if (style == 'f') {
            Decimal r;
            if (!round_decimal(&x, x.dp + prec, &r)) return;
            if (r.len == 0 || r.dp <= 0) sb_addc(&b, '0');
            else for (int k = 0; k < r.dp; k++) sb_addc(&b, dig_at(&r, k));
            if (prec > 0 || sp->hash) sb_addc(&b, '.');
            for (int k = 0; k < prec; k++) sb_addc(&b, r.len ? dig_at(&r, r.dp + k) : '0');
        } else {
            Decimal r;
            if (!round_decimal(&x, prec + 1, &r)) return;
            int X = r.len ? r.dp - 1 : 0;
            sb_addc(&b, dig_at(&r, 0));
            if (prec > 0 || sp->hash) sb_addc(&b, '.');
            for (int k = 1; k <= prec; k++) sb_addc(&b, dig_at(&r, k));
            sb_addc(&b, upper ? 'E' : 'e');
            sb_addc(&b, X < 0 ? '-' : '+');
            if (X < 0) X = -X;
            if (X < 10) sb_addc(&b, '0');
            sb_add_int(&b, X);
        }
        if (strip && b.data) {
            /* %g drops trailing zeros of the fraction, and a bare point */
            char *s = b.data + start;
            uint32_t n = b.len - start, point = n, e = n;
            for (uint32_t k = 0; k < n; k++) {
                if (s[k] == '.') point = k;
                if (s[k] == 'e' || s[k] == 'E') { e = k; break; }
            }
            if (point < n) {
                uint32_t cut = e;
                while (cut > point + 1 && s[cut - 1] == '0') cut--;
                if (cut == point + 1) cut = point;
                memmove(s + cut, s + e, n - e);
                b.len = start + cut + (n - e);
            }
        }
    }
    if (!b.data) return;
    const char *sign = neg ? "-" : sp->plus ? "+" : sp->space ? " " : "";
    int64_t len = (int64_t)b.len + (int64_t)f_strlen(sign);
    int64_t fill = sp->width > len ? sp->width - len : 0;
    if (sp->minus) {
        sb_adds(out, sign);
        sb_add(out, b.data, b.len);
        pad(out, ' ', fill);
    } else if (sp->zero && finite) {
        sb_adds(out, sign);
        pad(out, '0', fill);
        sb_add(out, b.data, b.len);
    } else {
        pad(out, ' ', fill);
        sb_adds(out, sign);
        sb_add(out, b.data, b.len);
    }
}

/* Digits of an unsigned value in a base (lowercase or uppercase). */
static void add_u64_digits(StrBuf *b, uint64_t v, unsigned base, bool upper) {
    char tmp[72];
    int k = 72;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        tmp[--k] = digits[v % base];
        v /= base;
    } while (v);
    sb_add(b, tmp + k, (uint32_t)(72 - k));
}

static char *big_digits(const Big *v, unsigned base, bool upper, uint32_t *len) {
    if (base == 10) return big_decimal(v, len);
    unsigned bits = base == 16 ? 4 : base == 8 ? 3 : 1;
    uint32_t total = big_bits(v);
    uint32_t nd = total ? (total + bits - 1) / bits : 1;
    char *out = f_alloc(nd + 1);
    if (!out) return NULL;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    for (uint32_t k = 0; k < nd; k++) {
        uint32_t bit = k * bits, val = 0;
        for (unsigned j = 0; j < bits; j++) {
            uint32_t p = bit + j;
            if (p / 32 < v->n && (v->d[p / 32] >> (p % 32)) & 1) val |= 1u << j;
        }
        out[nd - 1 - k] = digits[val];
    }
    out[nd] = 0;
    *len = nd;
    return out;
}

/* Parse an unsigned decimal run as strtoul then (int) would: the value
 * modulo 2^32 as a signed int. */
static int32_t parse_digits(const char *s, uint32_t n, uint32_t *k) {
    uint64_t v = 0;
    bool huge = false;
    while (*k < n && s[*k] >= '0' && s[*k] <= '9') {
        v = v * 10 + (uint64_t)(s[*k] - '0');
        if (v > 0xffffffffffffULL) huge = true;
        (*k)++;
    }
    if (huge) return -1;
    return (int32_t)(uint32_t)v;
}

static int format_error(FeatherInterp i, const char *code, const char *msg) {
    StrBuf b;
    sb_init(&b, 32);
    sb_adds(&b, "TCL FORMAT ");
    sb_adds(&b, code);
    f_set_error_code(i, f_strn(i, b.data ? b.data : "", b.len));
    return f_error(i, "%s", msg);
}

static const char *const bad_index[2] = {"not enough arguments for all format specifiers",
                                         "\"%n$\" argument index out of range"};

static int cmd_format(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 2) return f_wrong_args(i, 1, objv, "formatString ?arg ...?");
    uint32_t fn;
    const char *f = f_get(i, objv[1], &fn);
    FeatherObj *args = objv + 2;
    int nargs = objc - 2;
    StrBuf out;
    sb_init(&out, fn + 16);
    int obj_index = 0;
    bool got_xpg = false, got_seq = false;
    uint32_t k = 0;
    while (k < fn) {
        if (f[k] != '%') {
            uint32_t s = k;
            while (k < fn && f[k] != '%') k++;
            sb_add(&out, f + s, k - s);
            continue;
        }
        k++;
        if (k < fn && f[k] == '%') {
            sb_addc(&out, '%');
            k++;
            continue;
        }
        /* Step 1: an XPG3 position %n$ */
        bool new_xpg = false;
        if (k < fn && f[k] >= '0' && f[k] <= '9') {
            uint32_t e = k;
            int32_t pos = parse_digits(f, fn, &e);
            if (e < fn && f[e] == '$') {
                new_xpg = true;
                obj_index = pos - 1;
                if (pos <= 0) obj_index = -1;
                k = e + 1;
            }
        }
        if (new_xpg) {
            if (got_seq) {
                return format_error(i, "MIXEDSPECTYPES",
                                    "cannot mix \"%\" and \"%n$\" conversion specifiers");
            }
            got_xpg = true;
        } else {
            if (got_xpg) {
                return format_error(i, "MIXEDSPECTYPES",
                                    "cannot mix \"%\" and \"%n$\" conversion specifiers");
            }
            got_seq = true;
        }
        if (obj_index < 0 || obj_index >= nargs) {
            return format_error(i, got_xpg ? "INDEXRANGE" : "FIELDVARMISMATCH",
                                bad_index[got_xpg]);
        }
        /* Step 2: flags */
        Spec sp;
        memset(&sp, 0, sizeof sp);
        for (; k < fn; k++) {
            char c = f[k];
            if (c == '-') sp.minus = true;
            else if (c == '#') sp.hash = true;
            else if (c == '0') sp.zero = true;
            else if (c == ' ') sp.space = true;
            else if (c == '+') sp.plus = true;
            else break;
        }
        /* Step 3: width */
        if (k < fn && f[k] >= '1' && f[k] <= '9') {
            sp.width = parse_digits(f, fn, &k);
            if (sp.width < 0) return format_error(i, "OVERFLOW", OVERFLOW_MSG);
        } else if (k < fn && f[k] == '*') {
            if (obj_index >= nargs - 1) {
                return format_error(i, got_xpg ? "INDEXRANGE" : "FIELDVARMISMATCH",
                                    bad_index[got_xpg]);
            }
            if (get_int32(i, args[obj_index], &sp.width) != TCL_OK) return TCL_ERROR;
            if (sp.width < 0) {
                sp.width = sp.width == INT32_MIN ? INT32_MAX : -sp.width;
                sp.minus = true;
            }
            obj_index++;
            k++;
        }
        /* Step 4: precision */
        if (k < fn && f[k] == '.') {
            sp.has_prec = true;
            k++;
        }
        if (k < fn && f[k] >= '0' && f[k] <= '9') {
            sp.prec = parse_digits(f, fn, &k);
            if (sp.prec < 0) return format_error(i, "OVERFLOW", OVERFLOW_MSG);
        } else if (k < fn && f[k] == '*') {
            if (obj_index >= nargs - 1) {
                return format_error(i, got_xpg ? "INDEXRANGE" : "FIELDVARMISMATCH",
                                    bad_index[got_xpg]);
            }
            if (get_int32(i, args[obj_index], &sp.prec) != TCL_OK) return TCL_ERROR;
            if (sp.prec < 0) sp.prec = 0;
            obj_index++;
            k++;
        }
        /* Step 5: size modifier */
        bool use_short = false, use_big = false;
        if (k < fn && f[k] == 'h') {
            use_short = true;
            k++;
        } else if (k < fn && f[k] == 'l') {
            k++;
            if (k < fn && f[k] == 'l') {
                use_big = true;
                k++;
            }
        }
        /* Step 6: the conversion */
        if (k >= fn) {
            return format_error(i, "INCOMPLETE", "format string ended in middle of field specifier");
        }
        uint32_t conv_cp;
        k += utf8_decode(f + k, fn - k, &conv_cp);
        char ch = conv_cp < 128 ? (char)conv_cp : '?';
        if (ch == 'i') ch = 'd';
        FeatherObj arg = args[obj_index];
        StrBuf seg; /* the converted field before width padding */
        sb_init(&seg, 32);
        int64_t num_chars = -1;
        bool gz = sp.zero;
        switch (conv_cp < 128 ? ch : 0) {
        case 's': {
            uint32_t n;
            const char *s = f_get(i, arg, &n);
            if (sp.has_prec) {
                uint32_t count = utf8_count(s, n);
                if ((uint32_t)sp.prec < count) {
                    n = utf8_offset(s, n, (uint32_t)sp.prec);
                    count = (uint32_t)sp.prec;
                }
                num_chars = count;
            }
            sb_add(&seg, s, n);
            break;
        }
        case 'c': {
            int32_t code;
            if (get_int32(i, arg, &code) != TCL_OK) return TCL_ERROR;
            char tmp[4];
            uint32_t cp = (code < 0 || code > 0xffff) ? 0xfffd : (uint32_t)code;
            uint32_t len;
            if (cp >= 0xd800 && cp <= 0xdfff) {
                tmp[0] = (char)(0xe0 | (cp >> 12));
                tmp[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
                tmp[2] = (char)(0x80 | (cp & 0x3f));
                len = 3;
            } else {
                len = utf8_encode(cp, tmp);
            }
            sb_add(&seg, tmp, len);
            break;
        }
        case 'u':
            if (use_big) return format_error(i, "BADUNSIGNED", "unsigned bignum format is invalid");
            /* fall through */
        case 'd':
        case 'o':
        case 'x':
        case 'X':
        case 'b': {
            IntVal v;
            if (get_intval(i, arg, &v) != TCL_OK) return TCL_ERROR;
            Big mag;
            bool negative;
            int64_t l = 0;
            if (use_big) {
                if (v.big) mag = v.b;
                else {
                    uint64_t u = v.v < 0 ? 0 - (uint64_t)v.v : (uint64_t)v.v;
                    if (!big_set_u64(&mag, u)) return f_oom(i);
                    mag.neg = v.v < 0;
                }
                negative = mag.neg;
            } else {
                l = intval_wrap(&v);
                if (use_short) l = (int16_t)(uint16_t)(uint64_t)l;
                negative = l < 0;
            }
            if ((negative || sp.plus || sp.space) && (use_big || ch == 'd')) {
                sb_addc(&seg, negative ? '-' : sp.plus ? '+' : ' ');
            }
            int32_t prec = sp.prec;
            if (sp.hash) {
                switch (ch) {
                case 'o': sb_addc(&seg, '0'); prec--; break;
                case 'x': sb_add(&seg, "0x", 2); break;
                case 'X': sb_add(&seg, "0X", 2); break;
                case 'b': sb_add(&seg, "0b", 2); break;
                default: break;
                }
            }
            StrBuf digits;
            sb_init(&digits, 24);
            unsigned base = ch == 'o' ? 8 : (ch == 'x' || ch == 'X') ? 16 : ch == 'b' ? 2 : 10;
            bool zero_value;
            if (use_big) {
                uint32_t n;
                char *d = big_digits(&mag, base, ch == 'X', &n);
                if (!d) return f_oom(i);
                sb_add(&digits, d, n);
                zero_value = mag.n == 0;
            } else {
                uint64_t u;
                if (ch == 'd') u = l < 0 ? 0 - (uint64_t)l : (uint64_t)l;
                else if (use_short) u = (uint16_t)(uint64_t)l;
                else u = (uint64_t)l;
                add_u64_digits(&digits, u, base, ch == 'X');
                zero_value = u == 0;
            }
            /* %#o of zero is the prefix alone (for the non-big paths) */
            if (zero_value && ch == 'o' && sp.hash) digits.len = 0;
            int64_t length = digits.len;
            if (sp.has_prec) {
                if (length < prec) {
                    if (f_poll_work(i, (uint32_t)(prec - length) / F_POLL_BYTES) != TCL_OK)
                        return TCL_ERROR;
                    pad(&seg, '0', prec - length);
                    length = prec;
                }
                gz = false;
            }
            if (gz) {
                length += utf8_count(seg.data ? seg.data : "", seg.len);
                if (length < sp.width) {
                    if (f_poll_work(i, (uint32_t)(sp.width - length) / F_POLL_BYTES) != TCL_OK)
                        return TCL_ERROR;
                    pad(&seg, '0', sp.width - length);
                    length = sp.width;
                }
            }
            if (digits.data) sb_add(&seg, digits.data, digits.len);
            break;
        }
        case 'e':
        case 'E':
        case 'f':
        case 'g':
        case 'G': {
            double d;
            if (f_get_double(i, arg, &d) != TCL_OK) return TCL_ERROR;
            if (d != d) {
                f_set_error_code(i, f_str(i, "ARITH DOMAIN {domain error: argument not in valid range}"));
                return f_error(i, "floating point value is Not a Number");
            }
            format_double(&seg, d, ch, &sp);
            break;
        }
        default: {
            f_set_error_code(i, f_str(i, "TCL FORMAT BADTYPE"));
            char tmp[4];
            uint32_t len = utf8_encode(conv_cp, tmp);
            return f_error(i, "bad field specifier \"%S\"", tmp, len);
        }
        }
        if (f_take_alloc_failure()) return f_oom(i);
        if (sp.width > 0 && num_chars < 0) num_chars = utf8_count(seg.data ? seg.data : "", seg.len);
        char fill = gz ? '0' : ' ';
        /* A unit of work per conversion and per F_POLL_BYTES of padding. */
        uint32_t units = 1;
        if (sp.width > 0 && num_chars < sp.width) units += (uint32_t)(sp.width - num_chars) / F_POLL_BYTES;
        if (f_poll_work(i, units) != TCL_OK) return TCL_ERROR;
        if (!sp.minus && sp.width > 0 && num_chars < sp.width) {
            pad(&out, fill, sp.width - num_chars);
            num_chars = sp.width;
        }
        if (seg.data) sb_add(&out, seg.data, seg.len);
        if (sp.width > 0 && num_chars < sp.width) pad(&out, fill, sp.width - num_chars);
        if (got_seq) obj_index++;
    }
    if (f_take_alloc_failure()) return f_oom(i);
    return f_ok_str(i, out.data ? out.data : "", out.len);
}

/* ------------------------------------------------------------ scan */

enum {
    SCAN_NOSKIP = 1,
    SCAN_SUPPRESS = 2,
    SCAN_UNSIGNED = 4,
    SCAN_WIDTH = 8,
    SCAN_LONGER = 16,
    SCAN_BIG = 32
};

static bool uni_space(FeatherInterp i, uint32_t c) {
    if (c < 128) return c == ' ' || (c >= 9 && c <= 13);
    return (fstr_class(i, c) & 4) != 0;
}

/* Decode one character; at the end of the text, 0. */
static uint32_t next_char(const char *s, uint32_t n, uint32_t k, uint32_t *cp) {
    if (k >= n) {
        *cp = 0;
        return 0;
    }
    if ((unsigned char)s[k] < 0x80) {
        *cp = (unsigned char)s[k];
        return 1;
    }
    return utf8_decode(s + k, n - k, cp);
}

static int scan_error(FeatherInterp i, const char *code, const char *msg, uint32_t cp) {
    StrBuf b;
    sb_init(&b, 32);
    sb_adds(&b, "TCL FORMAT ");
    sb_adds(&b, code);
    f_set_error_code(i, f_strn(i, b.data ? b.data : "", b.len));
    StrBuf m;
    sb_init(&m, 64);
    for (const char *p = msg; *p; p++) {
        if (*p == '@') sb_add_utf8(&m, cp);
        else sb_addc(&m, *p);
    }
    return f_error(i, "%S", m.data ? m.data : "", m.len);
}

/* ValidateFormat: check the format against the number of variables;
 * *total is how many results the scan produces. */
static int validate_format(FeatherInterp i, const char *f, uint32_t fn, int num_vars, int *total) {
    int nspace = num_vars > 0 ? num_vars : 16;
    int *nassign = f_alloc((size_t)nspace * sizeof(int));
    if (!nassign) return f_oom(i);
    memset(nassign, 0, (size_t)nspace * sizeof(int));
    int obj_index = 0, xpg_size = 0;
    bool got_xpg = false, got_seq = false;
    uint32_t k = 0, ch;
    while (k < fn) {
        int flags = 0;
        k += next_char(f, fn, k, &ch);
        if (ch != '%') continue;
        k += next_char(f, fn, k, &ch);
        if (ch == '%') continue;
        if (ch == '*') {
            flags |= SCAN_SUPPRESS;
            k += next_char(f, fn, k, &ch);
            goto xpg_done;
        }
        if (ch >= '0' && ch <= '9') {
            uint32_t e = k - 1;
            int32_t value = parse_digits(f, fn, &e);
            if (e >= fn || f[e] != '$') goto not_xpg;
            k = e + 1;
            k += next_char(f, fn, k, &ch);
            got_xpg = true;
            if (got_seq) goto mixed;
            obj_index = value - 1;
            if (value <= 0 || (num_vars && obj_index >= num_vars)) goto bad_index;
            if (num_vars == 0 && value > xpg_size) xpg_size = value;
            goto xpg_done;
        }
    not_xpg:
        got_seq = true;
        if (got_xpg) {
        mixed:
            return scan_error(i, "MIXEDSPECTYPES",
                              "cannot mix \"%\" and \"%n$\" conversion specifiers", 0);
        }
    xpg_done:
        if (ch >= '0' && ch <= '9') {
            uint32_t e = k - 1;
            parse_digits(f, fn, &e);
            k = e;
            flags |= SCAN_WIDTH;
            k += next_char(f, fn, k, &ch);
        }
        switch (ch) {
        case 'l':
            if (k < fn && f[k] == 'l') {
                flags |= SCAN_BIG;
                k++;
                k += next_char(f, fn, k, &ch);
                break;
            }
            /* fall through */
        case 'L':
            flags |= SCAN_LONGER;
            /* fall through */
        case 'h':
            k += next_char(f, fn, k, &ch);
            break;
        default:
            break;
        }
        if (!(flags & SCAN_SUPPRESS) && num_vars && obj_index >= num_vars) goto bad_index;
        switch (ch) {
        case 'c':
            if (flags & SCAN_WIDTH) {
                return scan_error(i, "BADWIDTH", "field width may not be specified in %c conversion", 0);
            }
            /* fall through */
        case 'n':
        case 's':
            if (flags & (SCAN_LONGER | SCAN_BIG)) {
            bad_size:
                return scan_error(i, "BADSIZE",
                                  "field size modifier may not be specified in %@ conversion", ch);
            }
            break;
        case 'd': case 'e': case 'E': case 'f': case 'g': case 'G':
        case 'i': case 'o': case 'x': case 'X': case 'b':
            break;
        case 'u':
            if (flags & SCAN_BIG) {
                return scan_error(i, "BADUNSIGNED", "unsigned bignum scans are invalid", 0);
            }
            break;
        case '[':
            if (flags & (SCAN_LONGER | SCAN_BIG)) goto bad_size;
            if (k >= fn) goto bad_set;
            k += next_char(f, fn, k, &ch);
            if (ch == '^') {
                if (k >= fn) goto bad_set;
                k += next_char(f, fn, k, &ch);
            }
            if (ch == ']') {
                if (k >= fn) goto bad_set;
                k += next_char(f, fn, k, &ch);
            }
            while (ch != ']') {
                if (k >= fn) goto bad_set;
                k += next_char(f, fn, k, &ch);
            }
            break;
        bad_set:
            return scan_error(i, "BRACKET", "unmatched [ in format string", 0);
        default:
            if (ch == 0 && k >= fn) {
                /* the format ended inside the specifier */
            }
            return scan_error(i, "BADTYPE", "bad scan conversion character \"@\"", ch);
        }
        if (!(flags & SCAN_SUPPRESS)) {
            if (obj_index >= nspace) {
                int old = nspace;
                nspace = xpg_size > obj_index ? xpg_size : obj_index + 16;
                int *more = f_alloc((size_t)nspace * sizeof(int));
                if (!more) return f_oom(i);
                memcpy(more, nassign, (size_t)old * sizeof(int));
                memset(more + old, 0, (size_t)(nspace - old) * sizeof(int));
                nassign = more;
            }
            nassign[obj_index]++;
            obj_index++;
        }
    }
    if (num_vars == 0) num_vars = xpg_size ? xpg_size : obj_index;
    *total = num_vars;
    for (int v = 0; v < num_vars; v++) {
        int count = v < nspace ? nassign[v] : 0;
        if (count > 1) {
            return scan_error(i, "POLYASSIGNED",
                              "variable is assigned by multiple \"%n$\" conversion specifiers", 0);
        }
        if (!xpg_size && count == 0) {
            return scan_error(i, "UNASSIGNED",
                              "variable is not assigned by any conversion specifiers", 0);
        }
    }
    return TCL_OK;
bad_index:
    if (got_xpg) return scan_error(i, "INDEXRANGE", "\"%n$\" argument index out of range", 0);
    return scan_error(i, "FIELDVARMISMATCH",
                      "different numbers of variable names and field specifiers", 0);
}

/* The number lexer of TclParseNumber, for what scan asks of it. */
enum { P_DECIMAL = 1, P_PREFIXES = 2, P_OCTAL = 4, P_HEX = 8, P_BINARY = 16, P_INTEGER = 32 };

enum {
    S_INITIAL, S_SIGNUM, S_ZERO, S_ZERO_X, S_ZERO_O, S_ZERO_B, S_ZERO_D, S_DECIMAL, S_OCTAL,
    S_HEX, S_BINARY, S_LEADING_POINT, S_FRACTION, S_EXP_START, S_EXP_SIGNUM, S_EXP,
    S_I, S_IN, S_INF, S_INFI, S_INFIN, S_INFINI, S_INFINIT, S_INFINITY, S_N, S_NA, S_NAN
};

/* Lex a number at s[0..limit). Returns the accepted length (0: none) and
 * through *stop where lexing stopped; *state_out the accepting state. */
static uint32_t lex_number(const char *s, uint32_t limit, int flags, uint32_t *stop, int *state_out) {
    int state = S_INITIAL, accept_state = S_INITIAL;
    uint32_t p = 0, accept = 0;
    for (;; p++) {
        char c = p < limit ? s[p] : 0;
        switch (state) {
        case S_INITIAL:
            if (c == '+') { state = S_SIGNUM; continue; }
            if (c == '-') { state = S_SIGNUM; continue; }
            /* fall through */
        case S_SIGNUM:
            if (c == '0') {
                state = (flags & P_DECIMAL) ? S_DECIMAL : S_ZERO;
                if (state == S_DECIMAL) { accept_state = state; accept = p + 1; }
                else { accept_state = state; accept = p + 1; }
                continue;
            }
            if (flags & P_HEX) goto zerox;
            if (flags & P_BINARY) goto zerob;
            if (flags & P_OCTAL) goto zeroo;
            if (c >= '0' && c <= '9') {
                state = S_DECIMAL;
                accept_state = state;
                accept = p + 1;
                continue;
            }
            if (flags & P_INTEGER) goto endgame;
            if (c == '.') { state = S_LEADING_POINT; continue; }
            if (c == 'I' || c == 'i') { state = S_I; continue; }
            if (c == 'N' || c == 'n') { state = S_N; continue; }
            goto endgame;
        case S_ZERO:
            if (c == 'x' || c == 'X') {
                if (flags & (P_OCTAL | P_BINARY)) goto endgame;
                state = S_ZERO_X;
                continue;
            }
            if (flags & P_HEX) goto zerox;
            if (flags & P_PREFIXES) goto zeroo;
            if (c == 'b' || c == 'B') {
                if (flags & P_OCTAL) goto endgame;
                state = S_ZERO_B;
                continue;
            }
            if (flags & P_BINARY) goto zerob;
            if (c == 'o' || c == 'O') { state = S_ZERO_O; continue; }
            if (c == 'd' || c == 'D') { state = S_ZERO_D; continue; }
            goto zeroo;
        case S_OCTAL:
        case S_ZERO_O:
        zeroo:
            if (c >= '0' && c <= '7') {
                state = S_OCTAL;
                accept_state = state;
                accept = p + 1;
                continue;
            }
            goto endgame;
        case S_HEX:
        case S_ZERO_X:
        zerox:
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
                state = S_HEX;
                accept_state = state;
                accept = p + 1;
                continue;
            }
            goto endgame;
        case S_BINARY:
        case S_ZERO_B:
        zerob:
            if (c == '0' || c == '1') {
                state = S_BINARY;
                accept_state = state;
                accept = p + 1;
                continue;
            }
            goto endgame;
        case S_ZERO_D:
        case S_DECIMAL:
            if (c >= '0' && c <= '9') {
                state = S_DECIMAL;
                accept_state = state;
                accept = p + 1;
                continue;
            }
            if (flags & P_INTEGER) goto endgame;
            if (state == S_ZERO_D) goto endgame;
            if (c == '.') { state = S_FRACTION; accept_state = state; accept = p + 1; continue; }
            if (c == 'e' || c == 'E') { state = S_EXP_START; continue; }
            goto endgame;
        case S_LEADING_POINT:
            if (c >= '0' && c <= '9') {
                state = S_FRACTION;
                accept_state = state;
                accept = p + 1;
                continue;
            }
            goto endgame;
        case S_FRACTION:
            if (c >= '0' && c <= '9') { accept_state = state; accept = p + 1; continue; }
            if (c == 'e' || c == 'E') { state = S_EXP_START; continue; }
            goto endgame;
        case S_EXP_START:
            if (c == '+' || c == '-') { state = S_EXP_SIGNUM; continue; }
            /* fall through */
        case S_EXP_SIGNUM:
        case S_EXP:
            if (c >= '0' && c <= '9') {
                state = S_EXP;
                accept_state = state;
                accept = p + 1;
                continue;
            }
            goto endgame;
        case S_I: if (c == 'n' || c == 'N') { state = S_IN; continue; } goto endgame;
        case S_IN: if (c == 'f' || c == 'F') { state = S_INF; accept_state = state; accept = p + 1; continue; } goto endgame;
        case S_INF: if (c == 'i' || c == 'I') { state = S_INFI; continue; } goto endgame;
        case S_INFI: if (c == 'n' || c == 'N') { state = S_INFIN; continue; } goto endgame;
        case S_INFIN: if (c == 'i' || c == 'I') { state = S_INFINI; continue; } goto endgame;
        case S_INFINI: if (c == 't' || c == 'T') { state = S_INFINIT; continue; } goto endgame;
        case S_INFINIT: if (c == 'y' || c == 'Y') { state = S_INFINITY; accept_state = state; accept = p + 1; continue; } goto endgame;
        case S_N: if (c == 'a' || c == 'A') { state = S_NA; continue; } goto endgame;
        case S_NA: if (c == 'n' || c == 'N') { state = S_NAN; accept_state = state; accept = p + 1; continue; } goto endgame;
        default: goto endgame;
        }
    }
endgame:
    *stop = p;
    *state_out = accept_state;
    return accept_state == S_INITIAL ? 0 : accept;
}

/* The value of an integer lexed by lex_number (sign, prefix, digits). */
static bool lexed_int(const char *s, uint32_t n, int flags, Big *out) {
    uint32_t k = 0;
    bool neg = false;
    if (k < n && (s[k] == '+' || s[k] == '-')) {
        neg = s[k] == '-';
        k++;
    }
    /* only the prefixes the lexer accepted in this mode */
    unsigned base = 10;
    bool zx = k + 1 < n && s[k] == '0' && (s[k + 1] == 'x' || s[k + 1] == 'X');
    bool zb = k + 1 < n && s[k] == '0' && (s[k + 1] == 'b' || s[k + 1] == 'B');
    if (flags & P_HEX) {
        base = 16;
        if (zx) k += 2;
    } else if (flags & P_BINARY) {
        base = 2;
        if (zb) k += 2;
    } else if (flags & P_OCTAL) {
        base = 8;
    } else if (flags & P_PREFIXES) {
        if (zx) {
            base = 16;
            k += 2;
        } else if (k + 1 < n && s[k] == '0') {
            base = 8;
        }
    }
    if (!big_init(out, (n - k) / 8 + 2)) return false;
    for (; k < n; k++) {
        char c = s[k];
        unsigned d = (c >= '0' && c <= '9') ? (unsigned)(c - '0')
                     : (c >= 'a' && c <= 'f') ? (unsigned)(c - 'a' + 10)
                                              : (unsigned)(c - 'A' + 10);
        if (!big_mul_add(out, base, d)) return false;
    }
    out->neg = neg && out->n;
    return true;
}

/* A big integer as a Tcl value (a 64-bit integer when it fits). */
static FeatherObj big_obj(FeatherInterp i, const Big *b) {
    if (big_bits(b) <= 63) {
        uint64_t u = 0;
        if (b->n > 0) u = b->d[0];
        if (b->n > 1) u |= (uint64_t)b->d[1] << 32;
        return f_int(i, b->neg ? -(int64_t)u : (int64_t)u);
    }
    uint32_t len;
    char *d = big_decimal(b, &len);
    if (!d) return f_empty(i);
    if (b->neg) {
        d--;
        d[0] = '-';
        len++;
    }
    return f_strn(i, d, len);
}

static FeatherObj u64_obj(FeatherInterp i, uint64_t u) {
    StrBuf b;
    sb_init(&b, 24);
    add_u64_digits(&b, u, 10, false);
    return f_strn(i, b.data ? b.data : "", b.len);
}

/* A %[...] set, as BuildCharSet makes it. */
typedef struct CharSet {
    bool exclude;
    uint32_t *chars, nchars;
    uint32_t *lo, *hi, nranges;
} CharSet;

/* Build the set whose text starts at f[k] (just after the '['), which
 * validate_format has checked is closed; returns the index after ']'. */
static uint32_t build_charset(const char *f, uint32_t fn, uint32_t k, CharSet *cs) {
    uint32_t ch, start;
    memset(cs, 0, sizeof *cs);
    uint32_t off = next_char(f, fn, k, &ch);
    if (ch == '^') {
        cs->exclude = true;
        k += off;
        off = next_char(f, fn, k, &ch);
    }
    /* count the dashes, as Tcl does to size its range table */
    uint32_t end = k + off, ranges = 0;
    if (ch == ']') end += next_char(f, fn, end, &ch);
    while (ch != ']' && end < fn) {
        if (ch == '-') ranges++;
        end += next_char(f, fn, end, &ch);
    }
    if (ch == '-') ranges++;
    uint32_t room = end - k + 2;
    cs->chars = f_alloc(room * 3 * sizeof(uint32_t));
    if (!cs->chars) return fn;
    cs->lo = cs->chars + room;
    cs->hi = cs->lo + room;
    k += next_char(f, fn, k, &ch);
    start = ch;
    if (ch == ']' || ch == '-') {
        cs->chars[cs->nchars++] = ch;
        k += next_char(f, fn, k, &ch);
    }
    while (ch != ']' && k <= fn) {
        if (k < fn && f[k] == '-') {
            start = ch;
        } else if (ch == '-') {
            if ((k < fn && f[k] == ']') || !ranges) {
                cs->chars[cs->nchars++] = start;
                cs->chars[cs->nchars++] = ch;
            } else {
                k += next_char(f, fn, k, &ch);
                cs->lo[cs->nranges] = start < ch ? start : ch;
                cs->hi[cs->nranges] = start < ch ? ch : start;
                cs->nranges++;
            }
        } else {
            cs->chars[cs->nchars++] = ch;
        }
        if (k >= fn) break;
        k += next_char(f, fn, k, &ch);
    }
    return k;
}

static bool in_charset(const CharSet *cs, uint32_t c) {
    for (uint32_t m = 0; m < cs->nchars; m++) {
        if (cs->chars[m] == c) return true;
    }
    for (uint32_t m = 0; m < cs->nranges; m++) {
        if (c >= cs->lo[m] && c <= cs->hi[m]) return true;
    }
    return false;
}

static int cmd_scan(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 3) return f_wrong_args(i, 1, objv, "string format ?varName ...?");
    uint32_t fn, sn;
    const char *f = f_get(i, objv[2], &fn);
    int num_vars = objc - 3;
    int total = -1;
    if (validate_format(i, f, fn, num_vars, &total) != TCL_OK) return TCL_ERROR;
    const char *s = f_get(i, objv[1], &sn);
    FeatherObj *objs = f_alloc((size_t)(total > 0 ? total : 1) * sizeof(FeatherObj));
    if (!objs) return f_oom(i);
    memset(objs, 0, (size_t)(total > 0 ? total : 1) * sizeof(FeatherObj));
    int nconv = 0, obj_index = 0;
    bool underflow = false;
    uint32_t k = 0, p = 0, ch, sch;
    while (k < fn) {
        int flags = 0;
        k += next_char(f, fn, k, &ch);
        if (uni_space(i, ch)) {
            for (;;) {
                uint32_t off = next_char(s, sn, p, &sch);
                if (!off || !uni_space(i, sch)) break;
                p += off;
            }
            continue;
        }
        if (ch != '%') {
        literal:
            if (p >= sn) {
                underflow = true;
                goto done;
            }
            p += next_char(s, sn, p, &sch);
            if (ch != sch) goto done;
            continue;
        }
        k += next_char(f, fn, k, &ch);
        if (ch == '%') goto literal;
        if (ch == '*') {
            flags |= SCAN_SUPPRESS;
            k += next_char(f, fn, k, &ch);
        } else if (ch >= '0' && ch <= '9') {
            uint32_t e = k - 1;
            int32_t value = parse_digits(f, fn, &e);
            if (e < fn && f[e] == '$') {
                k = e + 1;
                k += next_char(f, fn, k, &ch);
                obj_index = value - 1;
            }
        }
        int64_t width = 0;
        if (ch >= '0' && ch <= '9') {
            uint32_t e = k - 1;
            width = parse_digits(f, fn, &e);
            k = e;
            k += next_char(f, fn, k, &ch);
        }
        switch (ch) {
        case 'l':
            if (k < fn && f[k] == 'l') {
                flags |= SCAN_BIG;
                k++;
                k += next_char(f, fn, k, &ch);
                break;
            }
            /* fall through */
        case 'L':
            flags |= SCAN_LONGER;
            /* fall through */
        case 'h':
            k += next_char(f, fn, k, &ch);
            break;
        default:
            break;
        }
        char op = 0;
        int pflags = 0;
        switch (ch) {
        case 'n':
            if (!(flags & SCAN_SUPPRESS)) objs[obj_index++] = f_int(i, p);
            nconv++;
            continue;
        case 'd': op = 'i'; pflags = P_DECIMAL; break;
        case 'i': op = 'i'; pflags = P_PREFIXES; break;
        case 'o': op = 'i'; pflags = P_OCTAL | P_PREFIXES; break;
        case 'x': case 'X': op = 'i'; pflags = P_HEX; break;
        case 'b': op = 'i'; pflags = P_BINARY; break;
        case 'u': op = 'i'; pflags = P_DECIMAL; flags |= SCAN_UNSIGNED; break;
        case 'f': case 'e': case 'E': case 'g': case 'G': op = 'f'; break;
        case 's': op = 's'; break;
        case 'c': op = 'c'; flags |= SCAN_NOSKIP; break;
        case '[': op = '['; flags |= SCAN_NOSKIP; break;
        default: break;
        }
        if (p >= sn) {
            underflow = true;
            goto done;
        }
        if (!(flags & SCAN_NOSKIP)) {
            for (;;) {
                uint32_t off = next_char(s, sn, p, &sch);
                if (!off || !uni_space(i, sch)) break;
                p += off;
            }
            if (p >= sn) {
                underflow = true;
                goto done;
            }
        }
        switch (op) {
        case 's': {
            uint32_t e = p;
            int64_t w = width ? width : -1;
            while (e < sn) {
                uint32_t off = next_char(s, sn, e, &sch);
                if (uni_space(i, sch)) break;
                e += off;
                if (--w == 0) break;
            }
            if (!(flags & SCAN_SUPPRESS)) objs[obj_index++] = f_strn(i, s + p, e - p);
            p = e;
            break;
        }
        case '[': {
            CharSet cs;
            k = build_charset(f, fn, k, &cs);
            if (!cs.chars) return f_oom(i);
            uint32_t e = p;
            int64_t w = width ? width : -1;
            while (e < sn) {
                uint32_t off = next_char(s, sn, e, &sch);
                if (in_charset(&cs, sch) == cs.exclude) break;
                e += off;
                if (--w == 0) break;
            }
            if (e == p) goto done;
            if (!(flags & SCAN_SUPPRESS)) objs[obj_index++] = f_strn(i, s + p, e - p);
            p = e;
            break;
        }
        case 'c': {
            p += next_char(s, sn, p, &sch);
            if (!(flags & SCAN_SUPPRESS)) objs[obj_index++] = f_int(i, sch);
            break;
        }
        case 'i': {
            uint32_t limit = sn - p;
            if (width > 0 && (uint64_t)width < limit) limit = (uint32_t)width;
            uint32_t stop;
            int st;
            uint32_t len = lex_number(s + p, limit, pflags | P_INTEGER, &stop, &st);
            if (!len) {
                if (width <= 0) {
                    if (p + stop >= sn) underflow = true;
                } else if (stop == (uint32_t)width) {
                    underflow = true;
                }
                goto done;
            }
            const char *num = s + p;
            p += len;
            if (flags & SCAN_SUPPRESS) break;
            Big b;
            if (!lexed_int(num, len, pflags, &b)) return f_oom(i);
            FeatherObj o;
            if (flags & SCAN_BIG) {
                o = big_obj(i, &b);
            } else {
                /* TclGetLongFromObj: a magnitude within 64 bits wraps */
                int64_t value;
                if (big_bits(&b) > 64) {
                    value = b.neg ? INT64_MIN : INT64_MAX;
                } else {
                    uint64_t u = 0;
                    if (b.n > 0) u = b.d[0];
                    if (b.n > 1) u |= (uint64_t)b.d[1] << 32;
                    value = b.neg ? (int64_t)(0 - u) : (int64_t)u;
                }
                if ((flags & SCAN_UNSIGNED) && value < 0) o = u64_obj(i, (uint64_t)value);
                else o = f_int(i, value);
            }
            objs[obj_index++] = o;
            break;
        }
        case 'f': {
            uint32_t limit = sn - p;
            if (width > 0 && (uint64_t)width < limit) limit = (uint32_t)width;
            uint32_t stop;
            int st;
            uint32_t len = lex_number(s + p, limit, P_DECIMAL, &stop, &st);
            if (!len) {
                if (width <= 0) {
                    if (p + stop >= sn) underflow = true;
                } else if (stop == (uint32_t)width) {
                    underflow = true;
                }
                goto done;
            }
            if (flags & SCAN_SUPPRESS) {
                p += len;
                break;
            }
            if (st == S_NAN) goto done; /* NaN is not a double for Tcl_GetDoubleFromObj */
            /* decimal digits (a leading 0 is no octal here), or Inf */
            double d;
            const char *t = s + p;
            uint32_t tn = len;
            bool neg = false;
            if (t[0] == '+' || t[0] == '-') {
                neg = t[0] == '-';
                t++;
                tn--;
            }
            if (st == S_INF || st == S_INFINITY) d = __builtin_inf();
            else if (!feather_host_double_parse(i, t, tn, &d)) goto done;
            if (neg) d = -d;
            objs[obj_index++] = f_double(i, d);
            p += len;
            break;
        }
        default:
            break;
        }
        nconv++;
    }
done:;
    int result = 0;
    int code = TCL_OK;
    FeatherObj list = 0;
    if (num_vars) {
        for (int v = 0; v < total; v++) {
            if (!objs[v]) continue;
            result++;
            FeatherObj dummy;
            if (f_var_set(i, objv[v + 3], objs[v], &dummy) != TCL_OK) code = TCL_ERROR;
        }
        if (code != TCL_OK) return code;
    } else {
        for (int v = 0; v < total; v++) {
            if (!objs[v]) objs[v] = f_empty(i);
        }
        list = f_list_new(i, objs, (uint32_t)(total > 0 ? total : 0));
    }
    if (underflow && nconv == 0) {
        if (num_vars) return f_ok_int(i, -1);
        return f_ok_empty(i);
    }
    if (num_vars) return f_ok_int(i, result);
    return f_ok(i, list);
}

const BuiltinDef f_cmds_format[] = {{"format", cmd_format}, {"scan", cmd_scan}, {0, 0}};
