/*
 * expr.c -- Tcl 8.6 expressions: the expr command, f_expr / f_expr_bool
 * (for if, while, for), and the functions of tcl::mathfunc.
 *
 * An expression is parsed with Tcl's own algorithm (ParseExpr in
 * tclCompExpr.c: one lexeme at a time, a stack of incomplete operator
 * trees), so that every syntax error reads as Tcl's, byte for byte. The
 * tree is then flattened into a small program, as Tcl compiles it to
 * bytecode: leaves are pushed, operators pop their operands, and && || ?:
 * jump over what they must not evaluate. The program lives in the scratch
 * arena and refers to the expression text only, so it could be cached.
 *
 * Values stay in C while an expression runs: a literal costs no host
 * crossing; $x costs the variable read and, when its number is needed,
 * one feather_host_integer_get. Only the result becomes a host value.
 *
 * Numbers are 64-bit integers, doubles, and integers beyond 64 bits
 * (bignums, as Tcl promotes to). The host has no bignum type yet: a
 * bignum result is returned as its decimal string, which reads back as
 * the same number.
 *
 * No libc: the math functions are computed in double-double arithmetic
 * and rounded once, so that they agree with glibc's (which tclsh uses) to
 * the last bit except where glibc itself is not correctly rounded; sinh,
 * cosh, tanh and log10 follow glibc's formulas for the same reason.
 */
#include "cache.h"
#include "core.h"
#include "parse.h"

#pragma STDC FP_CONTRACT OFF

/* The expr builtin (listed in builtins.c), and tcl::mathfunc's functions
 * as commands (a builtin family, to be listed once ::tcl::mathfunc exists). */
int f_cmd_expr(FeatherInterp i, int objc, FeatherObj *objv);
extern const BuiltinDef f_cmds_mathfunc[];

/* ================================================================ bits */

typedef union {
    double d;
    uint64_t u;
} DBits;

static inline uint64_t dbits(double d) {
    DBits b;
    b.d = d;
    return b.u;
}

static inline double bitsd(uint64_t u) {
    DBits b;
    b.u = u;
    return b.d;
}

#define M_INF __builtin_inf()
#define M_NAN __builtin_nan("")

static inline bool is_nan(double x) { return x != x; }
static inline bool is_inf(double x) { return x == M_INF || x == -M_INF; }
static inline double m_fabs(double x) { return __builtin_fabs(x); }
static inline double m_floor(double x) { return __builtin_floor(x); }
static inline double m_ceil(double x) { return __builtin_ceil(x); }
static inline double m_trunc(double x) { return __builtin_trunc(x); }
static inline double m_sqrt(double x) { return __builtin_sqrt(x); }

/* x * 2^k, rounded once (as C's scalbn). */
static double m_scalbn(double x, int k) {
    if (k > 1023) {
        x *= 0x1p1023;
        k -= 1023;
        if (k > 1023) {
            x *= 0x1p1023;
            k -= 1023;
            if (k > 1023) k = 1023;
        }
    } else if (k < -1022) {
        /* Scale by 2^-969 first so that a result below 2^-1022 is
         * rounded only once. */
        x *= 0x1p-1022 * 0x1p53;
        k += 1022 - 53;
        if (k < -1022) {
            x *= 0x1p-1022 * 0x1p53;
            k += 1022 - 53;
            if (k < -1022) k = -1022;
        }
    }
    return x * bitsd((uint64_t)(0x3ff + k) << 52);
}

/* x = m * 2^e with 0.5 <= |m| < 1 (x finite and non-zero). */
static double m_frexp(double x, int *e) {
    uint64_t u = dbits(x);
    int ex = (int)((u >> 52) & 0x7ff);
    if (ex == 0) {
        x *= 0x1p64;
        u = dbits(x);
        ex = (int)((u >> 52) & 0x7ff) - 64;
    }
    *e = ex - 1022;
    u = (u & 0x800fffffffffffffULL) | 0x3fe0000000000000ULL;
    return bitsd(u);
}

/* ================================================================ double-double
 *
 * A value hi + lo with |lo| <= ulp(hi)/2 carries about 106 bits. The
 * functions below compute in it and round once at the end, which gives
 * the correctly rounded result except in astronomically rare cases, and
 * so agrees with glibc's libm (itself correctly rounded in practice). */

typedef struct DD {
    double hi, lo;
} DD;

static const DD DD_LN2 = {0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56};
static const DD DD_PI = {0x1.921fb54442d18p+1, 0x1.1a62633145c07p-53};
static const DD DD_PI_2 = {0x1.921fb54442d18p+0, 0x1.1a62633145c07p-54};
static const DD DD_PI_4 = {0x1.921fb54442d18p-1, 0x1.1a62633145c07p-55};
#define INV_LN2 0x1.71547652b82fep+0

static inline DD dd(double hi) {
    DD r = {hi, 0.0};
    return r;
}

static inline DD two_sum(double a, double b) {
    double s = a + b;
    double bb = s - a;
    DD r = {s, (a - (s - bb)) + (b - bb)};
    return r;
}

static inline DD fast_two_sum(double a, double b) {
    double s = a + b;
    DD r = {s, b - (s - a)};
    return r;
}

/* Dekker's exact product (no fma in wasm32); |a|, |b| < 2^995. */
static inline DD two_prod(double a, double b) {
    const double split = 134217729.0; /* 2^27 + 1 */
    double p = a * b;
    double t = split * a;
    double ah = t - (t - a), al = a - ah;
    t = split * b;
    double bh = t - (t - b), bl = b - bh;
    DD r = {p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
    return r;
}

static DD dd_add(DD a, DD b) {
    DD s = two_sum(a.hi, b.hi);
    DD t = two_sum(a.lo, b.lo);
    s.lo += t.hi;
    s = fast_two_sum(s.hi, s.lo);
    s.lo += t.lo;
    return fast_two_sum(s.hi, s.lo);
}

static inline DD dd_neg(DD a) {
    DD r = {-a.hi, -a.lo};
    return r;
}

static DD dd_sub(DD a, DD b) { return dd_add(a, dd_neg(b)); }

static DD dd_mul(DD a, DD b) {
    DD p = two_prod(a.hi, b.hi);
    p.lo += a.hi * b.lo + a.lo * b.hi;
    return fast_two_sum(p.hi, p.lo);
}

static DD dd_mul_d(DD a, double b) {
    DD p = two_prod(a.hi, b);
    p.lo += a.lo * b;
    return fast_two_sum(p.hi, p.lo);
}

static DD dd_div(DD a, DD b) {
    double q1 = a.hi / b.hi;
    DD r = dd_sub(a, dd_mul_d(b, q1));
    double q2 = r.hi / b.hi;
    r = dd_sub(r, dd_mul_d(b, q2));
    double q3 = r.hi / b.hi;
    DD q = fast_two_sum(q1, q2);
    return dd_add(q, dd(q3));
}

static DD dd_div_d(DD a, double b) { return dd_div(a, dd(b)); }

static DD dd_sqrt(DD a) {
    if (a.hi <= 0) return dd(0.0);
    double s = m_sqrt(a.hi);
    DD r = dd_sub(a, two_prod(s, s));
    return fast_two_sum(s, r.hi / (2.0 * s));
}

static inline DD dd_ldexp(DD a, int k) {
    double f = m_scalbn(1.0, k);
    DD r = {a.hi * f, a.lo * f};
    return r;
}

/* (a.hi + a.lo) * 2^k rounded once to a double (a > 0, 2^-1100 < a * 2^k). */
static double dd_scale_round(DD a, int k) {
    double r = a.hi + a.lo;
    int e;
    m_frexp(r, &e);
    if (e + k > -1021) return m_scalbn(r, k); /* a normal result: exact scaling */
    /* A subnormal result: round a.hi at the subnormal grid, then let the
     * rest (a.lo and that rounding's error) decide the last step. */
    double t = m_scalbn(a.hi, k);
    double rem = (a.hi - m_scalbn(t, -k)) + a.lo;
    double half = m_scalbn(0.5, -1074 - k);
    bool odd = dbits(t) & 1;
    if (rem > half || (rem == half && odd)) t += 0x1p-1074;
    else if (rem < -half || (rem == -half && odd)) t -= 0x1p-1074;
    return t;
}

/* e^x = s * 2^k; returns s (about 1) and k. |x.hi| < 1100. */
static DD dd_exp_core(DD x, int *kp) {
    double kd = m_floor(x.hi * INV_LN2 + 0.5);
    DD r = dd_sub(x, dd_mul_d(DD_LN2, kd));
    /* Taylor series of e^r, |r| <= 0.35 (and a little more). */
    DD term = r, sum = dd_add(dd(1.0), r);
    for (int n = 2; n < 60; n++) {
        term = dd_div_d(dd_mul(term, r), (double)n);
        sum = dd_add(sum, term);
        if (m_fabs(term.hi) < 0x1p-120) break;
    }
    *kp = (int)kd;
    return sum;
}

/* log(x) for finite x > 0, as a double-double. */
static DD dd_log(double x) {
    int e;
    double m = m_frexp(x, &e);
    if (m < 0.70710678118654752) {
        m *= 2.0;
        e--;
    }
    /* log m = 2 atanh(s), s = (m-1)/(m+1), |s| <= 0.1716. m-1 is exact. */
    DD s = dd_div(dd(m - 1.0), two_sum(m, 1.0));
    DD s2 = dd_mul(s, s);
    DD pw = s, sum = s;
    for (int k = 3; k < 200; k += 2) {
        pw = dd_mul(pw, s2);
        DD t = dd_div_d(pw, (double)k);
        sum = dd_add(sum, t);
        if (m_fabs(t.hi) < 0x1p-120) break;
    }
    sum = dd_ldexp(sum, 1);
    return dd_add(dd_mul_d(DD_LN2, (double)e), sum);
}

static double m_exp(double x) {
    if (is_nan(x)) return x;
    if (x > 709.8) return M_INF;
    if (x < -745.2) return 0.0;
    int k;
    DD s = dd_exp_core(dd(x), &k);
    return dd_scale_round(s, k);
}

static double m_log(double x) {
    if (is_nan(x) || x < 0) return M_NAN;
    if (x == 0) return -M_INF;
    if (is_inf(x)) return x;
    DD l = dd_log(x);
    return l.hi + l.lo;
}


/* 0: y is not an integer, 1: an odd integer, 2: an even integer. */
static int int_kind(double y) {
    if (is_inf(y) || m_floor(y) != y) return is_inf(y) ? 2 : 0;
    if (m_fabs(y) >= 0x1p53) return 2;
    return ((int64_t)y & 1) ? 1 : 2;
}

static double m_pow(double x, double y) {
    if (y == 0) return 1.0;
    if (x == 1.0) return 1.0;
    if (is_nan(x) || is_nan(y)) return M_NAN;
    int yk = int_kind(y);
    if (is_inf(y)) {
        double ax = m_fabs(x);
        if (ax == 1.0) return 1.0;
        return ((ax < 1.0) == (y > 0)) ? 0.0 : M_INF;
    }
    if (x == 0) {
        if (y < 0) return yk == 1 ? (1.0 / x) : M_INF;
        return yk == 1 ? x : 0.0;
    }
    if (is_inf(x)) {
        if (x > 0) return y < 0 ? 0.0 : M_INF;
        if (y < 0) return yk == 1 ? -0.0 : 0.0;
        return yk == 1 ? -M_INF : M_INF;
    }
    double sign = 1.0;
    if (x < 0) {
        if (yk == 0) return M_NAN;
        if (yk == 1) sign = -1.0;
        x = -x;
    }
    if (x == 1.0) return sign;
    DD l = dd_log(x);
    if (m_fabs(y) > 0x1p64) return sign * (((x > 1) == (y > 0)) ? M_INF : 0.0);
    DD p = dd_mul_d(l, y);
    if (p.hi > 710.0) return sign * M_INF;
    if (p.hi < -746.0) return sign * 0.0;
    int k;
    DD s = dd_exp_core(p, &k);
    return sign * dd_scale_round(s, k);
}

/* -- trigonometry: x = q*pi/2 + r, |r| <= pi/4, by Payne-Hanek reduction
 * with 2/pi to 1408 bits. */
static const uint32_t two_over_pi[44] = {
    0xa2f9836e, 0x4e441529, 0xfc2757d1, 0xf534ddc0, 0xdb629599, 0x3c439041, 0xfe5163ab,
    0xdebbc561, 0xb7246e3a, 0x424dd2e0, 0x06492eea, 0x09d1921c, 0xfe1deb1c, 0xb129a73e,
    0xe88235f5, 0x2ebb4484, 0xe99c7026, 0xb45f7e41, 0x3991d639, 0x835339f4, 0x9c845f8b,
    0xbdf9283b, 0x1ff897ff, 0xde05980f, 0xef2f118b, 0x5a0a6d1f, 0x6d367ecf, 0x27cb09b7,
    0x4f463f66, 0x9e5fea2d, 0x7527bac7, 0xebe5f17b, 0x3d0739f7, 0x8a5292ea, 0x6bfb5fb1,
    0x1f8d5d08, 0x56033046, 0xfc7b6bab, 0xf0cfbc20, 0x9af4361d, 0xa9e39161, 0x5ee61b08,
    0x6599855f, 0x14a06840};

/* 32 bits of 2/pi from bit j on (bit 1 is the first after the point). */
static uint32_t pio2_bits(int j) {
    if (j < 1) return 0;
    int idx = (j - 1) >> 5, sh = (j - 1) & 31;
    uint32_t a = idx < 44 ? two_over_pi[idx] : 0;
    uint32_t b = idx + 1 < 44 ? two_over_pi[idx + 1] : 0;
    return sh ? (a << sh) | (b >> (32 - sh)) : a;
}

/* 64 bits of a little-endian limb array from bit pos on. */
static uint64_t limbs_bits64(const uint32_t *p, int np, int pos) {
    uint64_t r = 0;
    for (int b = 0; b < 64; b += 32) {
        int at = pos + b, idx = at >> 5, sh = at & 31;
        uint64_t lo = idx < np ? p[idx] : 0, hi = idx + 1 < np ? p[idx + 1] : 0;
        uint32_t w = (uint32_t)(sh ? (lo >> sh) | (hi << (32 - sh)) : lo);
        r |= (uint64_t)w << b;
    }
    return r;
}

static DD dd_from_u64(uint64_t v) {
    return two_sum((double)(v & 0xffffffff00000000ULL), (double)(v & 0xffffffffULL));
}

static int rem_pio2(double x, DD *r) {
    double ax = m_fabs(x);
    if (ax <= DD_PI_4.hi) {
        *r = dd(x);
        return 0;
    }
    uint64_t u = dbits(ax);
    int ex = (int)((u >> 52) & 0x7ff);
    uint64_t m = (u & 0xfffffffffffffULL) | (1ULL << 52);
    int E = ex - 1075; /* ax = m * 2^E */
    int js = E - 1 > 1 ? E - 1 : 1;
    /* W: bits js .. js+255 of 2/pi, as 8 little-endian limbs. */
    uint32_t w[8];
    for (int k = 0; k < 8; k++) w[7 - k] = pio2_bits(js + 32 * k);
    uint32_t p[10] = {0};
    uint32_t mw[2] = {(uint32_t)m, (uint32_t)(m >> 32)};
    for (int a = 0; a < 2; a++) {
        uint64_t carry = 0;
        for (int b = 0; b < 8; b++) {
            uint64_t t = (uint64_t)mw[a] * w[b] + p[a + b] + carry;
            p[a + b] = (uint32_t)t;
            carry = t >> 32;
        }
        p[a + 8] += (uint32_t)carry;
    }
    int F = js + 255 - E; /* fraction bits of p */
    int q = (int)(limbs_bits64(p, 10, F) & 3);
    DD f = dd_ldexp(dd_from_u64(limbs_bits64(p, 10, F - 64)), -64);
    f = dd_add(f, dd_ldexp(dd_from_u64(limbs_bits64(p, 10, F - 128)), -128));
    f = dd_add(f, dd_ldexp(dd_from_u64(limbs_bits64(p, 10, F - 192)), -192));
    if (f.hi >= 0.5) {
        f = dd_sub(f, dd(1.0));
        q = (q + 1) & 3;
    }
    DD rr = dd_mul(f, DD_PI_2);
    if (x < 0) {
        rr = dd_neg(rr);
        q = (4 - q) & 3;
    }
    *r = rr;
    return q;
}

static DD dd_sin_k(DD r) {
    DD r2 = dd_mul(r, r), term = r, sum = r;
    for (int n = 3; n < 80; n += 2) {
        term = dd_neg(dd_div_d(dd_mul(term, r2), (double)((n - 1) * n)));
        sum = dd_add(sum, term);
        if (m_fabs(term.hi) <= m_fabs(sum.hi) * 0x1p-120) break;
    }
    return sum;
}

static DD dd_cos_k(DD r) {
    DD r2 = dd_mul(r, r), term = dd(1.0), sum = dd(1.0);
    for (int n = 2; n < 80; n += 2) {
        term = dd_neg(dd_div_d(dd_mul(term, r2), (double)((n - 1) * n)));
        sum = dd_add(sum, term);
        if (m_fabs(term.hi) < 0x1p-120) break;
    }
    return sum;
}

static double m_sin(double x) {
    if (is_nan(x) || is_inf(x)) return M_NAN;
    if (m_fabs(x) < 0x1p-27) return x;
    DD r;
    int q = rem_pio2(x, &r);
    DD v = (q & 1) ? dd_cos_k(r) : dd_sin_k(r);
    if (q & 2) v = dd_neg(v);
    return v.hi + v.lo;
}

static double m_cos(double x) {
    if (is_nan(x) || is_inf(x)) return M_NAN;
    DD r;
    int q = rem_pio2(x, &r);
    DD v = (q & 1) ? dd_sin_k(r) : dd_cos_k(r);
    if (q == 1 || q == 2) v = dd_neg(v);
    return v.hi + v.lo;
}

static double m_tan(double x) {
    if (is_nan(x) || is_inf(x)) return M_NAN;
    if (m_fabs(x) < 0x1p-27) return x;
    DD r;
    int q = rem_pio2(x, &r);
    DD s = dd_sin_k(r), c = dd_cos_k(r);
    DD v = (q & 1) ? dd_neg(dd_div(c, s)) : dd_div(s, c);
    return v.hi + v.lo;
}

/* atan(t) for 0 <= t <= 1. */
static DD dd_atan_k(DD t) {
    int h = 0;
    while (t.hi > 0.1 && h < 4) {
        DD s = dd_sqrt(dd_add(dd(1.0), dd_mul(t, t)));
        t = dd_div(t, dd_add(dd(1.0), s));
        h++;
    }
    DD t2 = dd_mul(t, t), pw = t, sum = t;
    for (int n = 3; n < 200; n += 2) {
        pw = dd_neg(dd_mul(pw, t2));
        DD term = dd_div_d(pw, (double)n);
        sum = dd_add(sum, term);
        if (m_fabs(term.hi) <= m_fabs(sum.hi) * 0x1p-120) break;
    }
    return dd_ldexp(sum, h);
}

/* atan2 for y >= 0, x >= 0, not both zero, both modest. */
static DD dd_atan2_pos(DD y, DD x) {
    if (y.hi <= x.hi) return dd_atan_k(dd_div(y, x));
    return dd_sub(DD_PI_2, dd_atan_k(dd_div(x, y)));
}

static double m_atan2(double y, double x) {
    if (is_nan(x) || is_nan(y)) return M_NAN;
    double sy = __builtin_copysign(1.0, y);
    bool xneg = __builtin_copysign(1.0, x) < 0;
    if (y == 0) return xneg ? sy * DD_PI.hi : y;
    if (x == 0) return sy * DD_PI_2.hi;
    if (is_inf(y)) {
        if (is_inf(x)) return sy * (xneg ? 3 * DD_PI_4.hi : DD_PI_4.hi);
        return sy * DD_PI_2.hi;
    }
    if (is_inf(x)) return xneg ? sy * DD_PI.hi : sy * 0.0;
    double ay = m_fabs(y), ax = m_fabs(x);
    int ey, ex;
    m_frexp(ay, &ey);
    m_frexp(ax, &ex);
    DD a;
    if (ey - ex < -60) {
        /* |y/x| < 2^-59: atan(t) = t to double precision. */
        if (!xneg) return sy * (ay / ax);
        return sy * DD_PI.hi;
    } else if (ey - ex > 60) {
        a = dd_sub(DD_PI_2, dd(ax / ay));
    } else {
        int s = ey > ex ? ey : ex;
        a = dd_atan2_pos(dd(m_scalbn(ay, -s)), dd(m_scalbn(ax, -s)));
    }
    if (xneg) a = dd_sub(DD_PI, a);
    return sy * (a.hi + a.lo);
}

static double m_atan(double x) {
    if (is_nan(x)) return x;
    if (is_inf(x)) return __builtin_copysign(DD_PI_2.hi, x);
    return m_atan2(x, 1.0);
}

static double m_asin(double x) {
    if (is_nan(x) || m_fabs(x) > 1.0) return M_NAN;
    double ax = m_fabs(x);
    if (ax == 1.0) return __builtin_copysign(DD_PI_2.hi, x);
    if (ax < 0x1p-28) return x;
    DD w = dd_mul(two_sum(1.0, -ax), two_sum(1.0, ax));
    DD a = dd_atan2_pos(dd(ax), dd_sqrt(w));
    return __builtin_copysign(a.hi + a.lo, x);
}

static double m_acos(double x) {
    if (is_nan(x) || m_fabs(x) > 1.0) return M_NAN;
    if (x == 1.0) return 0.0;
    if (x == -1.0) return DD_PI.hi;
    double ax = m_fabs(x);
    DD w = dd_mul(two_sum(1.0, -ax), two_sum(1.0, ax));
    DD a = dd_atan2_pos(dd_sqrt(w), dd(ax));
    if (x < 0) a = dd_sub(DD_PI, a);
    return a.hi + a.lo;
}

/* -- sinh, cosh, tanh and log10 follow glibc's formulas (fdlibm's), on
 * top of expm1/exp/log, so that they round as glibc does: glibc's own
 * versions of these four are not correctly rounded. */

static inline uint32_t hi_word(double x) { return (uint32_t)(dbits(x) >> 32); }

static inline double with_hi_word(double x, uint32_t hi) {
    return bitsd((dbits(x) & 0xffffffffULL) | ((uint64_t)hi << 32));
}

/* e^x - 1, fdlibm's algorithm (as glibc's expm1).
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 * Developed at SunPro, a Sun Microsystems, Inc. business. Permission to
 * use, copy, modify, and distribute this software is freely granted,
 * provided that this notice is preserved. */
static double m_expm1(double x) {
    const double ln2_hi = 0x1.62e42feep-1, ln2_lo = 0x1.a39ef35793c76p-33;
    const double Q1 = -0x1.11111111110f4p-5, Q2 = 0x1.a01a019fe5585p-10,
                 Q3 = -0x1.4ce199eaadbb7p-14, Q4 = 0x1.0cfca86e65239p-18,
                 Q5 = -0x1.afdb76e09c32dp-23;
    double y, hi, lo, c = 0, t, e, hxs, hfx, r1;
    int k;
    uint32_t hx = hi_word(x);
    bool neg = hx >> 31;
    hx &= 0x7fffffff;
    if (hx >= 0x4043687a) { /* |x| >= 56 ln2 */
        if (hx >= 0x40862e42) {
            if (hx >= 0x7ff00000) {
                if (is_nan(x)) return x;
                return neg ? -1.0 : x;
            }
            if (x > 0x1.62e42fefa39efp+9) return M_INF;
        }
        if (neg) return -1.0;
    }
    if (hx > 0x3fd62e42) { /* |x| > ln2/2 */
        if (hx < 0x3ff0a2b2) {
            if (!neg) {
                hi = x - ln2_hi;
                lo = ln2_lo;
                k = 1;
            } else {
                hi = x + ln2_hi;
                lo = -ln2_lo;
                k = -1;
            }
        } else {
            k = (int)(INV_LN2 * x + (neg ? -0.5 : 0.5));
            t = k;
            hi = x - t * ln2_hi;
            lo = t * ln2_lo;
        }
        x = hi - lo;
        c = (hi - x) - lo;
    } else if (hx < 0x3c900000) {
        return x;
    } else {
        k = 0;
    }
    hfx = 0.5 * x;
    hxs = x * hfx;
    r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
    t = 3.0 - r1 * hfx;
    e = hxs * ((r1 - t) / (6.0 - x * t));
    if (k == 0) return x - (x * e - hxs);
    double twopk = bitsd((uint64_t)(0x3ff + k) << 52);
    e = (x * (e - c) - c);
    e -= hxs;
    if (k == -1) return 0.5 * (x - e) - 0.5;
    if (k == 1) {
        if (x < -0.25) return -2.0 * (e - (x + 0.5));
        return 1.0 + 2.0 * (x - e);
    }
    if (k <= -2 || k > 56) {
        y = 1.0 - (e - x);
        if (k == 1024) y = y * 2.0 * 0x1p1023;
        else y = y * twopk;
        return y - 1.0;
    }
    if (k < 20) {
        t = bitsd((uint64_t)(0x3ff00000 - (0x200000 >> k)) << 32);
        y = t - (e - x);
        y = y * twopk;
    } else {
        t = bitsd((uint64_t)((uint32_t)(0x3ff - k) << 20) << 32);
        y = x - (e + t);
        y += 1.0;
        y = y * twopk;
    }
    return y;
}

static double m_sinh(double x) {
    uint32_t jx = hi_word(x), ix = jx & 0x7fffffff;
    if (ix >= 0x7ff00000) return x + x;
    double h = (jx >> 31) ? -0.5 : 0.5;
    if (ix < 0x40360000) { /* |x| < 22 */
        if (ix < 0x3e300000) return x;
        double t = m_expm1(m_fabs(x));
        if (ix < 0x3ff00000) return h * (2.0 * t - t * t / (t + 1.0));
        return h * (t + t / (t + 1.0));
    }
    if (ix < 0x40862e42) return h * m_exp(m_fabs(x));
    if (m_fabs(x) <= 0x1.633ce8fb9f87dp+9) {
        double w = m_exp(0.5 * m_fabs(x));
        double t = h * w;
        return t * w;
    }
    return x * 1e307 * 1e307;
}

static double m_cosh(double x) {
    uint32_t ix = hi_word(x) & 0x7fffffff;
    if (ix < 0x40360000) {
        if (ix < 0x3fd62e43) {
            if (ix < 0x3c800000) return 1.0;
            double t = m_expm1(m_fabs(x));
            double w = 1.0 + t;
            return 1.0 + (t * t) / (w + w);
        }
        double t = m_exp(m_fabs(x));
        return 0.5 * t + 0.5 / t;
    }
    if (ix < 0x40862e42) return 0.5 * m_exp(m_fabs(x));
    if (m_fabs(x) <= 0x1.633ce8fb9f87dp+9) {
        double w = m_exp(0.5 * m_fabs(x));
        double t = 0.5 * w;
        return t * w;
    }
    if (ix >= 0x7ff00000) return x * x;
    return M_INF;
}

static double m_tanh(double x) {
    uint32_t jx = hi_word(x), ix = jx & 0x7fffffff;
    double z;
    if (ix >= 0x7ff00000) {
        if (is_nan(x)) return x;
        return (jx >> 31) ? -1.0 : 1.0;
    }
    if (ix < 0x40360000) {
        if (x == 0) return x;
        if (ix < 0x3c800000) return x * (1.0 + x);
        if (ix >= 0x3ff00000) {
            double t = m_expm1(2.0 * m_fabs(x));
            z = 1.0 - 2.0 / (t + 2.0);
        } else {
            double t = m_expm1(-2.0 * m_fabs(x));
            z = -t / (t + 2.0);
        }
    } else {
        z = 1.0;
    }
    return (jx >> 31) ? -z : z;
}

static double m_log10(double x) {
    const double ivln10 = 0x1.bcb7b1526e50ep-2;
    const double log10_2hi = 0x1.34413509f6p-2, log10_2lo = 0x1.9fef311f12b36p-42;
    if (is_nan(x) || x < 0) return M_NAN;
    if (x == 0) return -M_INF;
    if (is_inf(x)) return x;
    int k = 0;
    uint64_t u = dbits(x);
    if ((u >> 52) == 0) {
        k -= 54;
        x *= 0x1p54;
        u = dbits(x);
    }
    uint32_t hx = (uint32_t)(u >> 32);
    k += (int)(hx >> 20) - 1023;
    int i = k < 0 ? 1 : 0;
    hx = (hx & 0x000fffff) | ((uint32_t)(0x3ff - i) << 20);
    double y = (double)(k + i);
    x = with_hi_word(x, hx);
    double z = y * log10_2lo + ivln10 * m_log(x);
    return z + y * log10_2hi;
}

static double m_hypot(double x, double y) {
    if (is_inf(x) || is_inf(y)) return M_INF;
    if (is_nan(x) || is_nan(y)) return M_NAN;
    double a = m_fabs(x), b = m_fabs(y);
    if (a < b) {
        double t = a;
        a = b;
        b = t;
    }
    if (b == 0) return a;
    int e;
    m_frexp(a, &e);
    a = m_scalbn(a, -e);
    b = m_scalbn(b, -e);
    if (b < 0x1p-60) return m_scalbn(a, e);
    DD s = dd_add(two_prod(a, a), two_prod(b, b));
    DD r = dd_sqrt(s);
    /* Rounded, then scaled: a subnormal result is rounded twice, as glibc's. */
    return m_scalbn(r.hi + r.lo, e);
}

/* fmod, exactly (as musl's). */
static double m_fmod(double x, double y) {
    uint64_t uxi = dbits(x), uyi = dbits(y);
    int ex = (int)(uxi >> 52 & 0x7ff), ey = (int)(uyi >> 52 & 0x7ff);
    uint64_t sx = uxi >> 63, i;
    if ((uyi << 1) == 0 || is_nan(y) || ex == 0x7ff) return M_NAN;
    if ((uxi << 1) <= (uyi << 1)) {
        if ((uxi << 1) == (uyi << 1)) return 0 * x;
        return x;
    }
    if (!ex) {
        for (i = uxi << 12; i >> 63 == 0; ex--, i <<= 1) {}
        uxi <<= -ex + 1;
    } else {
        uxi &= -1ULL >> 12;
        uxi |= 1ULL << 52;
    }
    if (!ey) {
        for (i = uyi << 12; i >> 63 == 0; ey--, i <<= 1) {}
        uyi <<= -ey + 1;
    } else {
        uyi &= -1ULL >> 12;
        uyi |= 1ULL << 52;
    }
    for (; ex > ey; ex--) {
        i = uxi - uyi;
        if (i >> 63 == 0) {
            if (i == 0) return 0 * x;
            uxi = i;
        }
        uxi <<= 1;
    }
    i = uxi - uyi;
    if (i >> 63 == 0) {
        if (i == 0) return 0 * x;
        uxi = i;
    }
    for (; uxi >> 52 == 0; uxi <<= 1, ex--) {}
    if (ex > 0) {
        uxi -= 1ULL << 52;
        uxi |= (uint64_t)ex << 52;
    } else {
        uxi >>= -ex + 1;
    }
    uxi |= sx << 63;
    return bitsd(uxi);
}

/* ================================================================ bignums
 *
 * Integers beyond 64 bits, as Tcl promotes to: sign and magnitude, 32-bit
 * limbs, least significant first, in the scratch arena. A zero has no
 * limbs. Results that fit 64 bits are demoted by the callers. */

typedef struct Big {
    uint32_t *d;
    uint32_t n;
    bool neg;
} Big;

static Big big_new(uint32_t n) {
    Big r = {0, 0, false};
    r.d = f_alloc((size_t)(n ? n : 1) * sizeof(uint32_t));
    if (r.d) {
        memset(r.d, 0, (size_t)(n ? n : 1) * sizeof(uint32_t));
        r.n = n;
    }
    return r;
}

static Big big_trim(Big r) {
    while (r.n && r.d[r.n - 1] == 0) r.n--;
    if (!r.n) r.neg = false;
    return r;
}

static Big big_from_u64(uint64_t v, bool neg) {
    Big r = big_new(2);
    if (r.d) {
        r.d[0] = (uint32_t)v;
        r.d[1] = (uint32_t)(v >> 32);
        r.neg = neg;
    }
    return big_trim(r);
}

static Big big_from_i64(int64_t v) {
    return big_from_u64(v < 0 ? 0 - (uint64_t)v : (uint64_t)v, v < 0);
}

static bool big_to_i64(Big b, int64_t *out) {
    if (b.n > 2) return false;
    uint64_t m = b.n ? b.d[0] : 0;
    if (b.n == 2) m |= (uint64_t)b.d[1] << 32;
    if (!b.neg) {
        if (m > (uint64_t)INT64_MAX) return false;
        *out = (int64_t)m;
    } else {
        if (m > (uint64_t)INT64_MAX + 1) return false;
        *out = (int64_t)(0 - m);
    }
    return true;
}

/* The low 64 bits in two's complement (Tcl's int() and srand()). */
static uint64_t big_low64(Big b) {
    uint64_t m = b.n ? b.d[0] : 0;
    if (b.n > 1) m |= (uint64_t)b.d[1] << 32;
    return b.neg ? 0 - m : m;
}

static int mag_cmp(Big a, Big b) {
    if (a.n != b.n) return a.n < b.n ? -1 : 1;
    for (uint32_t k = a.n; k-- > 0;) {
        if (a.d[k] != b.d[k]) return a.d[k] < b.d[k] ? -1 : 1;
    }
    return 0;
}

static int big_cmp(Big a, Big b) {
    if (a.neg != b.neg) return a.neg ? -1 : 1;
    int c = mag_cmp(a, b);
    return a.neg ? -c : c;
}

static Big mag_add(Big a, Big b) {
    if (a.n < b.n) {
        Big t = a;
        a = b;
        b = t;
    }
    Big r = big_new(a.n + 1);
    if (!r.d) return r;
    uint64_t c = 0;
    for (uint32_t k = 0; k < a.n; k++) {
        c += (uint64_t)a.d[k] + (k < b.n ? b.d[k] : 0);
        r.d[k] = (uint32_t)c;
        c >>= 32;
    }
    r.d[a.n] = (uint32_t)c;
    return big_trim(r);
}

/* |a| - |b| for |a| >= |b|. */
static Big mag_sub(Big a, Big b) {
    Big r = big_new(a.n);
    if (!r.d) return r;
    int64_t c = 0;
    for (uint32_t k = 0; k < a.n; k++) {
        c += (int64_t)a.d[k] - (k < b.n ? (int64_t)b.d[k] : 0);
        r.d[k] = (uint32_t)c;
        c = c < 0 ? -1 : 0;
    }
    return big_trim(r);
}

static Big big_add(Big a, Big b) {
    Big r;
    if (a.neg == b.neg) {
        r = mag_add(a, b);
        r.neg = a.neg;
    } else if (mag_cmp(a, b) >= 0) {
        r = mag_sub(a, b);
        r.neg = a.neg;
    } else {
        r = mag_sub(b, a);
        r.neg = b.neg;
    }
    return big_trim(r);
}

static Big big_negate(Big a) {
    if (a.n) a.neg = !a.neg;
    return a;
}

static Big big_sub(Big a, Big b) { return big_add(a, big_negate(b)); }

static Big big_mul(Big a, Big b) {
    Big r = big_new(a.n + b.n);
    if (!r.d) return r;
    for (uint32_t x = 0; x < a.n; x++) {
        uint64_t c = 0;
        for (uint32_t y = 0; y < b.n; y++) {
            c += (uint64_t)a.d[x] * b.d[y] + r.d[x + y];
            r.d[x + y] = (uint32_t)c;
            c >>= 32;
        }
        r.d[x + b.n] = (uint32_t)c;
    }
    r.neg = a.neg != b.neg;
    return big_trim(r);
}

/* Magnitudes: q = |a| / |b|, r = |a| % |b| (b non-zero); Knuth's
 * algorithm D. */
static void mag_divmod(Big a, Big b, Big *qp, Big *rp) {
    if (mag_cmp(a, b) < 0) {
        *qp = big_new(0);
        Big r = big_new(a.n);
        if (r.d && a.n) memcpy(r.d, a.d, a.n * sizeof(uint32_t));
        *rp = big_trim(r);
        return;
    }
    uint32_t n = b.n, m = a.n - b.n;
    Big q = big_new(m + 1);
    if (!q.d) {
        *qp = *rp = q;
        return;
    }
    if (n == 1) {
        uint64_t rem = 0;
        for (uint32_t k = a.n; k-- > 0;) {
            uint64_t cur = (rem << 32) | a.d[k];
            q.d[k] = (uint32_t)(cur / b.d[0]);
            rem = cur % b.d[0];
        }
        *qp = big_trim(q);
        *rp = big_from_u64(rem, false);
        return;
    }
    int s = __builtin_clz(b.d[n - 1]);
    uint32_t *vn = f_alloc(n * sizeof(uint32_t));
    uint32_t *un = f_alloc((a.n + 1) * sizeof(uint32_t));
    if (!vn || !un) {
        *qp = *rp = big_new(0);
        return;
    }
    for (uint32_t k = n - 1; k > 0; k--) vn[k] = (b.d[k] << s) | (s ? b.d[k - 1] >> (32 - s) : 0);
    vn[0] = b.d[0] << s;
    un[a.n] = s ? a.d[a.n - 1] >> (32 - s) : 0;
    for (uint32_t k = a.n - 1; k > 0; k--) un[k] = (a.d[k] << s) | (s ? a.d[k - 1] >> (32 - s) : 0);
    un[0] = a.d[0] << s;
    for (uint32_t j = m + 1; j-- > 0;) {
        uint64_t num = ((uint64_t)un[j + n] << 32) | un[j + n - 1];
        uint64_t qhat = num / vn[n - 1], rhat = num % vn[n - 1];
        while (qhat >= (1ULL << 32) || qhat * vn[n - 2] > ((rhat << 32) | un[j + n - 2])) {
            qhat--;
            rhat += vn[n - 1];
            if (rhat >= (1ULL << 32)) break;
        }
        int64_t borrow = 0;
        uint64_t carry = 0;
        for (uint32_t k = 0; k < n; k++) {
            uint64_t p = qhat * vn[k] + carry;
            carry = p >> 32;
            int64_t t = (int64_t)un[k + j] - borrow - (int64_t)(uint32_t)p;
            un[k + j] = (uint32_t)t;
            borrow = t < 0 ? 1 : 0;
        }
        int64_t t = (int64_t)un[j + n] - borrow - (int64_t)carry;
        un[j + n] = (uint32_t)t;
        if (t < 0) {
            qhat--;
            uint64_t c = 0;
            for (uint32_t k = 0; k < n; k++) {
                c += (uint64_t)un[k + j] + vn[k];
                un[k + j] = (uint32_t)c;
                c >>= 32;
            }
            un[j + n] += (uint32_t)c;
        }
        q.d[j] = (uint32_t)qhat;
    }
    Big r = big_new(n);
    if (r.d) {
        for (uint32_t k = 0; k < n; k++) r.d[k] = (un[k] >> s) | (s ? un[k + 1] << (32 - s) : 0);
    }
    *qp = big_trim(q);
    *rp = big_trim(r);
}

/* Floor division and modulo, as Tcl's / and % (b non-zero). */
static void big_divmod(Big a, Big b, Big *qp, Big *rp) {
    Big q, r;
    mag_divmod(a, b, &q, &r);
    q.neg = q.n && (a.neg != b.neg);
    r.neg = r.n && a.neg;
    if (r.n && r.neg != b.neg) {
        q = big_sub(q, big_from_i64(1));
        r = big_add(r, b);
    }
    *qp = q;
    *rp = r;
}

static uint64_t big_bits(Big a) {
    if (!a.n) return 0;
    return (uint64_t)a.n * 32 - (uint64_t)__builtin_clz(a.d[a.n - 1]);
}

static Big big_shl(Big a, uint64_t k) {
    uint32_t limbs = (uint32_t)(k / 32), s = (uint32_t)(k % 32);
    Big r = big_new(a.n + limbs + 1);
    if (!r.d) return r;
    for (uint32_t x = 0; x < a.n; x++) {
        uint64_t v = (uint64_t)a.d[x] << s;
        r.d[x + limbs] |= (uint32_t)v;
        r.d[x + limbs + 1] |= (uint32_t)(v >> 32);
    }
    r.neg = a.neg;
    return big_trim(r);
}

/* floor(a / 2^k). */
static Big big_shr(Big a, uint64_t k) {
    uint64_t limbs64 = k / 32;
    uint32_t s = (uint32_t)(k % 32);
    bool lost = false;
    if (limbs64 >= a.n) {
        return a.neg ? big_from_i64(-1) : big_new(0);
    }
    uint32_t limbs = (uint32_t)limbs64;
    for (uint32_t x = 0; x < limbs; x++) lost |= a.d[x] != 0;
    if (s && (a.d[limbs] & ((1u << s) - 1))) lost = true;
    Big r = big_new(a.n - limbs);
    if (!r.d) return r;
    for (uint32_t x = 0; x < r.n; x++) {
        uint64_t v = a.d[x + limbs];
        if (x + limbs + 1 < a.n) v |= (uint64_t)a.d[x + limbs + 1] << 32;
        r.d[x] = (uint32_t)(v >> s);
    }
    r.neg = a.neg;
    r = big_trim(r);
    if (a.neg && lost) r = big_sub(r, big_from_i64(1));
    return r;
}

/* Two's complement in L limbs (L > a.n). */
static uint32_t *big_twos(Big a, uint32_t L) {
    uint32_t *t = f_alloc(L * sizeof(uint32_t));
    if (!t) return NULL;
    for (uint32_t k = 0; k < L; k++) t[k] = k < a.n ? a.d[k] : 0;
    if (a.neg) {
        uint64_t c = 1;
        for (uint32_t k = 0; k < L; k++) {
            c += (uint32_t)~t[k];
            t[k] = (uint32_t)c;
            c >>= 32;
        }
    }
    return t;
}

/* & | ^ as on infinite two's complement (op '&', '|', '^'). */
static Big big_bitop(Big a, Big b, char op) {
    uint32_t L = (a.n > b.n ? a.n : b.n) + 1;
    uint32_t *x = big_twos(a, L), *y = big_twos(b, L);
    Big r = big_new(L);
    if (!x || !y || !r.d) return big_new(0);
    for (uint32_t k = 0; k < L; k++) {
        r.d[k] = op == '&' ? x[k] & y[k] : op == '|' ? x[k] | y[k] : x[k] ^ y[k];
    }
    if (r.d[L - 1] & 0x80000000u) {
        uint64_t c = 1;
        for (uint32_t k = 0; k < L; k++) {
            c += (uint32_t)~r.d[k];
            r.d[k] = (uint32_t)c;
            c >>= 32;
        }
        r.neg = true;
    }
    return big_trim(r);
}

static Big big_pow(Big a, uint64_t e) {
    Big r = big_from_i64(1), base = a;
    while (e) {
        if (e & 1) r = big_mul(r, base);
        e >>= 1;
        if (e) base = big_mul(base, base);
    }
    return r;
}

/* floor(sqrt(a)) for a >= 0. */
static Big big_isqrt(Big a) {
    if (!a.n) return a;
    Big x = big_shl(big_from_i64(1), (big_bits(a) + 1) / 2 + 1);
    for (;;) {
        Big q, r;
        mag_divmod(a, x, &q, &r);
        Big y = big_shr(big_add(x, q), 1);
        if (mag_cmp(y, x) >= 0) return x;
        x = y;
    }
}

/* a as a double: mode 0 to nearest (ties to even), -1 toward -Inf, +1
 * toward +Inf. */
static double big_to_double(Big a, int mode) {
    if (!a.n) return 0.0;
    uint64_t L = big_bits(a);
    uint64_t top;
    bool sticky = false;
    if (L <= 64) {
        top = a.d[0] | (a.n > 1 ? (uint64_t)a.d[1] << 32 : 0);
        top <<= (64 - L);
    } else {
        uint64_t pos = L - 64;
        top = limbs_bits64(a.d, (int)a.n, (int)pos);
        uint32_t full = (uint32_t)(pos / 32), rem = (uint32_t)(pos % 32);
        for (uint32_t k = 0; k < full && !sticky; k++) sticky = a.d[k] != 0;
        if (rem && (a.d[full] & ((1u << rem) - 1))) sticky = true;
    }
    /* top holds the leading 64 bits, its top bit set. */
    uint64_t mant = top >> 11, rest = top & 0x7ff;
    bool up;
    if (mode == 0) {
        up = rest > 0x400 || (rest == 0x400 && (sticky || (mant & 1)));
    } else {
        bool inexact = rest || sticky;
        up = inexact && ((mode > 0) != a.neg);
    }
    if (up) mant++;
    int64_t exp = (int64_t)L - 53;
    if (mant >> 53) {
        mant >>= 1;
        exp++;
    }
    double r = exp > 1100 ? M_INF : m_scalbn((double)mant, (int)exp);
    if (is_inf(r) && mode != 0 && ((mode > 0) == a.neg)) r = 0x1.fffffffffffffp+1023;
    return a.neg ? -r : r;
}

/* An integral finite double as a bignum. */
static Big big_from_double(double d) {
    uint64_t u = dbits(d);
    int ex = (int)((u >> 52) & 0x7ff);
    uint64_t m = (u & 0xfffffffffffffULL) | (ex ? 1ULL << 52 : 0);
    int e = (ex ? ex : 1) - 1075;
    Big r = big_from_u64(m, false);
    r = e >= 0 ? big_shl(r, (uint64_t)e) : big_shr(r, (uint64_t)-e);
    if (d < 0) r = big_negate(r);
    return r;
}

static unsigned digit_value(char c) {
    if (c >= '0' && c <= '9') return (unsigned)(c - '0');
    if (c >= 'a' && c <= 'z') return (unsigned)(c - 'a' + 10);
    if (c >= 'A' && c <= 'Z') return (unsigned)(c - 'A' + 10);
    return 99;
}

static Big big_from_digits(const char *s, uint32_t n, unsigned base, bool neg) {
    Big r = big_new(n / 8 + 2);
    if (!r.d) return r;
    uint32_t used = 0;
    for (uint32_t k = 0; k < n; k++) {
        uint64_t c = digit_value(s[k]);
        for (uint32_t x = 0; x < used; x++) {
            c += (uint64_t)r.d[x] * base;
            r.d[x] = (uint32_t)c;
            c >>= 32;
        }
        if (c && used < r.n) r.d[used++] = (uint32_t)c;
    }
    r.n = used;
    r.neg = neg;
    return big_trim(r);
}

static void big_to_dec(Big a, StrBuf *out) {
    if (!a.n) {
        sb_addc(out, '0');
        return;
    }
    uint32_t *t = f_alloc(a.n * sizeof(uint32_t));
    char *digits = f_alloc((size_t)a.n * 10 + 1);
    if (!t || !digits) return;
    memcpy(t, a.d, a.n * sizeof(uint32_t));
    uint32_t n = a.n, nd = 0;
    while (n) {
        uint64_t rem = 0;
        for (uint32_t k = n; k-- > 0;) {
            uint64_t cur = (rem << 32) | t[k];
            t[k] = (uint32_t)(cur / 1000000000u);
            rem = cur % 1000000000u;
        }
        while (n && !t[n - 1]) n--;
        for (int k = 0; k < 9; k++) {
            digits[nd++] = (char)('0' + rem % 10);
            rem /= 10;
            if (!n && !rem) break;
        }
    }
    if (a.neg) sb_addc(out, '-');
    while (nd > 0) sb_addc(out, digits[--nd]);
}
/* ================================================================ numbers in text
 *
 * TclParseNumber's grammar: optional white space and sign (whole-string
 * mode only), then 0x.. 0o.. 0b.., a leading-zero octal, a decimal integer,
 * a real (digits, point, exponent), Inf, Infinity or NaN (any case). */

enum { N_UNKNOWN = -1, N_NONE = 0, N_INT, N_DBL, N_BIG, N_NAN };

typedef struct NumScan {
    int8_t kind;      /* N_NONE, N_INT, N_DBL or N_NAN */
    bool bad_octal;   /* the scan stopped in the "bad octal" state */
    bool neg;
    bool inf;         /* N_DBL: Inf / Infinity */
    uint8_t base;     /* N_INT */
    uint32_t digits;  /* N_INT: start of the digits; N_DBL: of the number */
    uint32_t stop;    /* end of the number proper */
    uint32_t end;     /* end of what was accepted (trailing space included) */
} NumScan;

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool is_hex(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool is_bareword(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool lower_is(char c, char want) { return (c | 0x20) == want; }

enum {
    S_INITIAL, S_ZERO, S_ZERO_X, S_HEX, S_ZERO_O, S_ZERO_B, S_BINARY, S_OCTAL, S_BAD_OCTAL,
    S_DECIMAL, S_LEADING_POINT, S_FRACTION, S_EXP_START, S_EXP_SIGN, S_EXPONENT, S_I, S_IN,
    S_INF, S_INFI, S_INFIN, S_INFINI, S_INFINIT, S_INFINITY, S_N, S_NA, S_NAN
};

/* Scan s: whole (white space and sign allowed, nothing may follow) or, for
 * the expression lexer, the longest number at its start. */
static void scan_number(const char *s, uint32_t n, bool whole, NumScan *r) {
    memset(r, 0, sizeof *r);
    uint32_t k = 0;
    if (whole) {
        while (k < n && is_space(s[k])) k++;
        if (k < n && (s[k] == '+' || s[k] == '-')) {
            r->neg = s[k] == '-';
            k++;
        }
    }
    uint32_t begin = k, accept = 0;
    int state = S_INITIAL, accepted = S_INITIAL;
    bool explicit_octal = false;
    for (;; k++) {
        char c = k < n ? s[k] : 0;
        switch (state) {
        case S_INITIAL:
            if (c == '0') state = S_ZERO;
            else if (c >= '1' && c <= '9') state = S_DECIMAL;
            else if (c == '.') state = S_LEADING_POINT;
            else if (lower_is(c, 'i')) state = S_I;
            else if (lower_is(c, 'n')) state = S_N;
            else goto done;
            continue;
        case S_ZERO:
            accepted = state;
            accept = k;
            if (lower_is(c, 'x')) { state = S_ZERO_X; continue; }
            if (lower_is(c, 'b')) { state = S_ZERO_B; continue; }
            if (lower_is(c, 'o')) {
                explicit_octal = true;
                state = S_ZERO_O;
                continue;
            }
            goto octal_digit;
        case S_OCTAL:
            accepted = state;
            accept = k;
            /* fall through */
        case S_ZERO_O:
        octal_digit:
            if (c >= '0' && c <= '7') { state = S_OCTAL; continue; }
            /* fall through */
        case S_BAD_OCTAL:
            if (explicit_octal) goto done;
            if (c == '.') state = S_FRACTION;
            else if (lower_is(c, 'e')) state = S_EXP_START;
            else if (is_digit(c)) state = S_BAD_OCTAL;
            else goto done;
            continue;
        case S_HEX:
            accepted = state;
            accept = k;
            /* fall through */
        case S_ZERO_X:
            if (is_hex(c) && k < n) { state = S_HEX; continue; }
            goto done;
        case S_BINARY:
            accepted = state;
            accept = k;
            /* fall through */
        case S_ZERO_B:
            if (c == '0' || c == '1') { state = S_BINARY; continue; }
            goto done;
        case S_DECIMAL:
            accepted = state;
            accept = k;
            if (is_digit(c)) continue;
            if (c == '.') state = S_FRACTION;
            else if (lower_is(c, 'e')) state = S_EXP_START;
            else goto done;
            continue;
        case S_LEADING_POINT:
            if (is_digit(c)) { state = S_FRACTION; continue; }
            goto done;
        case S_FRACTION:
            accepted = state;
            accept = k;
            if (is_digit(c)) continue;
            if (lower_is(c, 'e')) { state = S_EXP_START; continue; }
            goto done;
        case S_EXP_START:
            if (c == '+' || c == '-') { state = S_EXP_SIGN; continue; }
            /* fall through */
        case S_EXP_SIGN:
            if (is_digit(c)) { state = S_EXPONENT; continue; }
            goto done;
        case S_EXPONENT:
            accepted = state;
            accept = k;
            if (is_digit(c)) continue;
            goto done;
        case S_I: if (lower_is(c, 'n')) { state = S_IN; continue; } goto done;
        case S_IN: if (lower_is(c, 'f')) { state = S_INF; continue; } goto done;
        case S_INF:
            accepted = state;
            accept = k;
            if (lower_is(c, 'i')) { state = S_INFI; continue; }
            goto done;
        case S_INFI: if (lower_is(c, 'n')) { state = S_INFIN; continue; } goto done;
        case S_INFIN: if (lower_is(c, 'i')) { state = S_INFINI; continue; } goto done;
        case S_INFINI: if (lower_is(c, 't')) { state = S_INFINIT; continue; } goto done;
        case S_INFINIT: if (lower_is(c, 'y')) { state = S_INFINITY; continue; } goto done;
        case S_INFINITY: accepted = state; accept = k; goto done;
        case S_N: if (lower_is(c, 'a')) { state = S_NA; continue; } goto done;
        case S_NA: if (lower_is(c, 'n')) { state = S_NAN; continue; } goto done;
        case S_NAN: accepted = state; accept = k; goto done;
        }
    }
done:
    r->bad_octal = state == S_BAD_OCTAL;
    if (accepted == S_INITIAL) return;
    uint32_t end = accept;
    if (whole) {
        while (end < n && is_space(s[end])) end++;
        if (end != n) return;
    }
    r->stop = accept;
    r->end = end;
    switch (accepted) {
    case S_ZERO: case S_OCTAL:
        r->kind = N_INT;
        r->base = 8;
        r->digits = begin;
        break;
    case S_DECIMAL:
        r->kind = N_INT;
        r->base = 10;
        r->digits = begin;
        break;
    case S_HEX: case S_BINARY:
        r->kind = N_INT;
        r->base = accepted == S_HEX ? 16 : 2;
        r->digits = begin + 2;
        break;
    case S_NAN:
        r->kind = N_NAN;
        break;
    case S_INF: case S_INFINITY:
        r->kind = N_DBL;
        r->inf = true;
        break;
    default:
        r->kind = N_DBL;
        r->digits = begin;
        break;
    }
    if (explicit_octal && r->kind == N_INT) r->digits = begin + 2;
}

/* Decimal text to the nearest double: exactly in C when the digits fit 53
 * bits and the power of ten is exact, else by the host. */
static double decimal_to_double(FeatherInterp i, const char *s, uint32_t n) {
    static const double p10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    uint64_t mant = 0;
    int sig = 0, exp10 = 0;
    uint32_t k = 0;
    bool point = false, ok = true;
    for (; k < n && (is_digit(s[k]) || s[k] == '.'); k++) {
        if (s[k] == '.') {
            point = true;
            continue;
        }
        if (mant == 0 && s[k] == '0') {
            if (point) exp10--;
            continue;
        }
        if (sig >= 19) {
            ok = false;
            break;
        }
        mant = mant * 10 + (uint64_t)(s[k] - '0');
        sig++;
        if (point) exp10--;
    }
    if (ok && k < n && lower_is(s[k], 'e')) {
        k++;
        bool eneg = false;
        if (k < n && (s[k] == '+' || s[k] == '-')) eneg = s[k++] == '-';
        int e = 0;
        for (; k < n; k++) {
            if (e < 100000) e = e * 10 + (s[k] - '0');
        }
        exp10 += eneg ? -e : e;
    }
    if (ok && mant == 0) return 0.0;
    if (ok && mant <= (1ULL << 53) && exp10 >= -22 && exp10 <= 22) {
        double m = (double)mant;
        return exp10 >= 0 ? m * p10[exp10] : m / p10[-exp10];
    }
    double d;
    if (feather_host_double_parse(i, s, n, &d)) return d;
    return 0.0;
}

/* ================================================================ values */

typedef struct Val {
    int8_t nt;     /* N_UNKNOWN until classified, then N_* */
    bool canon;    /* the host value / string is the canonical form of the number */
    FeatherObj o;  /* host value, or 0 */
    const char *s; /* string rep, or NULL when not made yet */
    uint32_t n;
    bool bad_octal; /* N_NONE: the scan ended as a bad octal number */
    int64_t i;
    double d;
    Big b;
} Val;

typedef struct Ex {
    FeatherInterp i;
    const char *src; /* the expression */
    uint32_t n;
} Ex;

static void val_clear(Val *v) {
    memset(v, 0, sizeof *v);
    v->nt = N_UNKNOWN;
}

static void set_int(Val *v, int64_t x) {
    val_clear(v);
    v->nt = N_INT;
    v->canon = true;
    v->i = x;
}

static void set_dbl(Val *v, double x) {
    val_clear(v);
    v->nt = is_nan(x) ? N_NAN : N_DBL;
    v->canon = true;
    v->d = x;
}

/* A bignum result, demoted to an integer when it fits. */
static void set_big(Val *v, Big b) {
    int64_t x;
    if (big_to_i64(b, &x)) {
        set_int(v, x);
        return;
    }
    val_clear(v);
    v->nt = N_BIG;
    v->canon = true;
    v->b = b;
}

/* The number of a scanned string into v. */
static void scan_to_val(FeatherInterp i, const char *s, const NumScan *ns, Val *v) {
    v->nt = ns->kind;
    if (ns->kind == N_INT) {
        uint64_t acc = 0;
        bool over = false;
        for (uint32_t k = ns->digits; k < ns->stop; k++) {
            uint64_t d = digit_value(s[k]);
            if (acc > (UINT64_MAX - d) / ns->base) {
                over = true;
                break;
            }
            acc = acc * ns->base + d;
        }
        if (!over && (ns->neg ? acc <= (uint64_t)INT64_MAX + 1 : acc <= (uint64_t)INT64_MAX)) {
            v->i = ns->neg ? (int64_t)(0 - acc) : (int64_t)acc;
        } else {
            v->nt = N_BIG;
            v->b = over ? big_from_digits(s + ns->digits, ns->stop - ns->digits, ns->base, ns->neg)
                        : big_from_u64(acc, ns->neg);
        }
    } else if (ns->kind == N_DBL) {
        double d = ns->inf ? M_INF : decimal_to_double(i, s + ns->digits, ns->stop - ns->digits);
        v->d = ns->neg ? -d : d;
    } else if (ns->kind == N_NAN) {
        v->d = M_NAN;
    }
}

/* Find out whether v is a number, and which. */
static void classify(Ex *E, Val *v) {
    if (v->nt != N_UNKNOWN) return;
    if (v->o && !v->s) {
        int64_t raw;
        int k = f_integer_get(E->i, v->o, &raw);
        if (k == 1) {
            v->nt = N_INT;
            v->i = raw;
            v->canon = true;
            return;
        }
        if (k == 2) {
            memcpy(&v->d, &raw, sizeof v->d);
            v->nt = is_nan(v->d) ? N_NAN : N_DBL;
            v->canon = true;
            return;
        }
        v->s = f_get(E->i, v->o, &v->n);
    }
    NumScan ns;
    scan_number(v->s, v->n, true, &ns);
    v->bad_octal = ns.bad_octal;
    scan_to_val(E->i, v->s, &ns, v);
}

static double num_double(const Val *v) {
    if (v->nt == N_INT) return (double)v->i;
    if (v->nt == N_BIG) return big_to_double(v->b, 0);
    return v->d;
}

static Big num_big(const Val *v) { return v->nt == N_BIG ? v->b : big_from_i64(v->i); }

static const char *val_str(Ex *E, Val *v, uint32_t *len) {
    if (!v->s) {
        if (v->o) {
            v->s = f_get(E->i, v->o, &v->n);
        } else if (v->nt == N_INT || v->nt == N_BIG) {
            StrBuf b;
            sb_init(&b, 24);
            if (v->nt == N_INT) sb_add_int(&b, v->i);
            else big_to_dec(v->b, &b);
            v->s = b.data ? b.data : "";
            v->n = b.len;
        } else {
            /* Doubles are formatted by the host, as Tcl formats them. */
            v->o = f_double(E->i, v->d);
            v->s = f_get(E->i, v->o, &v->n);
        }
    }
    *len = v->n;
    return v->s;
}

static FeatherObj val_obj(Ex *E, Val *v) {
    if (v->o) return v->o;
    if (v->nt > N_NONE && (v->canon || !v->s)) {
        switch (v->nt) {
        case N_INT: return v->o = f_int(E->i, v->i);
        case N_DBL: case N_NAN: return v->o = f_double(E->i, v->d);
        default: {
            uint32_t n;
            const char *s = val_str(E, v, &n);
            return v->o = f_strn(E->i, s, n);
        }
        }
    }
    if (!v->s) return v->o = f_empty(E->i);
    return v->o = f_strn(E->i, v->s, v->n);
}

/* ================================================================ errors */

static int fail_code(FeatherInterp i, const char *code, const char *msg) {
    if (code) f_set_error_code(i, f_str(i, code));
    f_set_result(i, f_str(i, msg));
    return TCL_ERROR;
}

static int err_divzero(FeatherInterp i) {
    return fail_code(i, "ARITH DIVZERO {divide by zero}", "divide by zero");
}

static int err_domain(FeatherInterp i) {
    return fail_code(i, "ARITH DOMAIN {domain error: argument not in valid range}",
                     "domain error: argument not in valid range");
}

static int err_nan(FeatherInterp i) {
    return fail_code(i, "TCL VALUE DOUBLE NAN", "floating point value is Not a Number");
}

static int err_too_large(FeatherInterp i) {
    return fail_code(i, "ARITH IOVERFLOW {integer value too large to represent}",
                     "integer value too large to represent");
}

/* Bytes of s to quote in a message: at most 50, at a character boundary
 * (as Tcl_AppendLimitedToObj). */
static uint32_t limit50(const char *s, uint32_t n) {
    if (n <= 50) return n;
    uint32_t k = 50;
    while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80) k--;
    return k;
}

/* "expected <what> but got "<s>"", as TclParseNumber reports. */
static int err_expected(Ex *E, Val *v, const char *what, const char *code) {
    uint32_t n;
    const char *s = val_str(E, v, &n);
    StrBuf b;
    sb_init(&b, 64 + n);
    sb_adds(&b, "expected ");
    sb_adds(&b, what);
    sb_adds(&b, " but got \"");
    sb_add(&b, s, limit50(s, n));
    sb_addc(&b, '"');
    if (v->bad_octal) sb_adds(&b, " (looks like invalid octal number)");
    f_set_error_code(E->i, f_str(E->i, code));
    f_set_result(E->i, f_strn(E->i, b.data ? b.data : "", b.len));
    return TCL_ERROR;
}

/* TclCheckBadOctal: digits after a leading zero, and nothing else. */
static bool looks_bad_octal(const char *s, uint32_t n) {
    uint32_t k = 0;
    while (k < n && is_space(s[k])) k++;
    if (k < n && (s[k] == '+' || s[k] == '-')) k++;
    if (k >= n || s[k] != '0') return false;
    k++;
    if (k < n && lower_is(s[k], 'o')) k++;
    while (k < n && is_digit(s[k])) k++;
    while (k < n && is_space(s[k])) k++;
    return k == n;
}

/* "can't use ... as operand of "op"" (IllegalExprOperandType). */
static int err_operand(Ex *E, Val *v, const char *op) {
    const char *desc;
    classify(E, v);
    if (v->nt == N_NONE) {
        uint32_t n;
        const char *s = val_str(E, v, &n);
        desc = n == 0 ? "empty string" : looks_bad_octal(s, n) ? "invalid octal number" : "non-numeric string";
    } else if (v->nt == N_NAN) {
        desc = "non-numeric floating-point value";
    } else if (v->nt == N_DBL) {
        desc = "floating-point value";
    } else {
        desc = "(big) integer";
    }
    FeatherInterp i = E->i;
    f_set_error_code(i, f_format(i, "ARITH DOMAIN {%s}", desc));
    return f_error(i, "can't use %s as operand of \"%s\"", desc, op);
}

/* ================================================================ booleans */

/* Tcl's boolean words: 0 1 yes no true false on off, any case, any unique
 * prefix. 1 true, 0 false, -1 not a boolean word. */
static int bool_word(const char *s, uint32_t n) {
    if (n == 0 || n > 5) return -1;
    if (n == 1 && s[0] == '0') return 0;
    if (n == 1 && s[0] == '1') return 1;
    char low[6];
    for (uint32_t k = 0; k < n; k++) low[k] = (char)(s[k] | 0x20);
    static const char *const words[] = {"yes", "no", "true", "false", "on", "off"};
    static const int values[] = {1, 0, 1, 0, 1, 0};
    for (int w = 0; w < 6; w++) {
        if (words[w][0] == 'o' && n < 2) continue;
        if (f_strlen(words[w]) >= n && memcmp(words[w], low, n) == 0) return values[w];
    }
    return -1;
}

/* v as a boolean. With report false, fails without a message. */
static int val_bool(Ex *E, Val *v, bool *out, bool report) {
    if (v->nt == N_UNKNOWN && v->o && !v->s) classify(E, v);
    if (v->nt == N_UNKNOWN || v->nt == N_NONE) {
        uint32_t n;
        const char *s = val_str(E, v, &n);
        int w = bool_word(s, n);
        if (w >= 0) {
            *out = w;
            return TCL_OK;
        }
        classify(E, v);
    }
    switch (v->nt) {
    case N_INT: *out = v->i != 0; return TCL_OK;
    case N_BIG: *out = true; return TCL_OK;
    case N_DBL: *out = v->d != 0; return TCL_OK;
    case N_NAN: return report ? err_nan(E->i) : TCL_ERROR;
    default: return report ? err_expected(E, v, "boolean value", "TCL VALUE NUMBER") : TCL_ERROR;
    }
}
/* ================================================================ lexemes
 *
 * Numbered as Tcl numbers them: the two top bits say whether a lexeme is
 * a leaf, a unary or a binary operator (0: not decided by the lexer). */

#define NODE_TYPE 0xC0
#define BINARY 0x40
#define UNARY 0x80
#define LEAF 0xC0

enum {
    LX_PLUS = 1, LX_MINUS = 2, LX_BAREWORD = 3, LX_INCOMPLETE = 4, LX_INVALID = 5,
    LX_NUMBER = LEAF | 1, LX_SCRIPT = LEAF | 2, LX_BOOLEAN = LEAF | 3, LX_BRACED = LEAF | 4,
    LX_VARIABLE = LEAF | 5, LX_QUOTED = LEAF | 6,
    LX_UNARY_PLUS = UNARY | 1, LX_UNARY_MINUS = UNARY | 2, LX_FUNCTION = UNARY | 3,
    LX_START = UNARY | 4, LX_OPEN_PAREN = UNARY | 5, LX_NOT = UNARY | 6, LX_BIT_NOT = UNARY | 7,
    LX_BINARY_PLUS = BINARY | 1, LX_BINARY_MINUS = BINARY | 2, LX_COMMA = BINARY | 3,
    LX_MULT = BINARY | 4, LX_DIVIDE = BINARY | 5, LX_MOD = BINARY | 6, LX_LESS = BINARY | 7,
    LX_GREATER = BINARY | 8, LX_BIT_AND = BINARY | 9, LX_BIT_XOR = BINARY | 10,
    LX_BIT_OR = BINARY | 11, LX_QUESTION = BINARY | 12, LX_COLON = BINARY | 13,
    LX_LEFT_SHIFT = BINARY | 14, LX_RIGHT_SHIFT = BINARY | 15, LX_LEQ = BINARY | 16,
    LX_GEQ = BINARY | 17, LX_EQUAL = BINARY | 18, LX_NEQ = BINARY | 19, LX_AND = BINARY | 20,
    LX_OR = BINARY | 21, LX_STREQ = BINARY | 22, LX_STRNEQ = BINARY | 23, LX_EXPON = BINARY | 24,
    LX_IN_LIST = BINARY | 25, LX_NOT_IN_LIST = BINARY | 26, LX_CLOSE_PAREN = BINARY | 27,
    LX_END = BINARY | 28
};

/* Precedence, from the loosest. */
enum {
    P_END = 1, P_START, P_CLOSE_PAREN, P_OPEN_PAREN, P_COMMA, P_CONDITIONAL, P_OR, P_AND,
    P_BIT_OR, P_BIT_XOR, P_BIT_AND, P_EQUAL, P_COMPARE, P_SHIFT, P_ADD, P_MULT, P_EXPON, P_UNARY
};

static uint8_t precedence(uint8_t lx) {
    switch (lx) {
    case LX_BINARY_PLUS: case LX_BINARY_MINUS: return P_ADD;
    case LX_COMMA: return P_COMMA;
    case LX_MULT: case LX_DIVIDE: case LX_MOD: return P_MULT;
    case LX_LESS: case LX_GREATER: case LX_LEQ: case LX_GEQ: return P_COMPARE;
    case LX_BIT_AND: return P_BIT_AND;
    case LX_BIT_XOR: return P_BIT_XOR;
    case LX_BIT_OR: return P_BIT_OR;
    case LX_QUESTION: case LX_COLON: return P_CONDITIONAL;
    case LX_LEFT_SHIFT: case LX_RIGHT_SHIFT: return P_SHIFT;
    case LX_EQUAL: case LX_NEQ: case LX_STREQ: case LX_STRNEQ: case LX_IN_LIST:
    case LX_NOT_IN_LIST: return P_EQUAL;
    case LX_AND: return P_AND;
    case LX_OR: return P_OR;
    case LX_EXPON: return P_EXPON;
    case LX_CLOSE_PAREN: return P_CLOSE_PAREN;
    case LX_END: return P_END;
    case LX_START: return P_START;
    case LX_OPEN_PAREN: return P_OPEN_PAREN;
    default: return P_UNARY;
    }
}

static const char *op_name(uint8_t lx) {
    switch (lx) {
    case LX_BINARY_PLUS: case LX_UNARY_PLUS: return "+";
    case LX_BINARY_MINUS: case LX_UNARY_MINUS: return "-";
    case LX_MULT: return "*";
    case LX_DIVIDE: return "/";
    case LX_MOD: return "%";
    case LX_EXPON: return "**";
    case LX_LEFT_SHIFT: return "<<";
    case LX_RIGHT_SHIFT: return ">>";
    case LX_BIT_AND: return "&";
    case LX_BIT_XOR: return "^";
    case LX_BIT_OR: return "|";
    case LX_NOT: return "!";
    case LX_BIT_NOT: return "~";
    default: return "unknown";
    }
}

/* White space between lexemes, backslash-newline included. */
static uint32_t skip_white(const char *s, uint32_t n) {
    uint32_t k = 0;
    while (k < n) {
        if (is_space(s[k])) k++;
        else if (s[k] == '\\' && k + 1 < n && s[k + 1] == '\n') k += 2;
        else break;
    }
    return k;
}

static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* "in", "eq", "ne", "ni" end where no letter follows. */
static bool word_op_end(const char *s, uint32_t n) {
    return n == 2 || ((unsigned char)s[2] & 0x80) || !is_alpha(s[2]);
}

/* The lexeme at s; its length is returned. A number is described in *ns. */
static uint32_t lex(const char *s, uint32_t n, uint8_t *lexeme, NumScan *ns) {
    if (n == 0) {
        *lexeme = LX_END;
        return 0;
    }
    unsigned char c = (unsigned char)s[0];
    bool two = n > 1;
    switch (c) {
    case '"': *lexeme = LX_QUOTED; return 1;
    case '$': *lexeme = LX_VARIABLE; return 1;
    case '%': *lexeme = LX_MOD; return 1;
    case '(': *lexeme = LX_OPEN_PAREN; return 1;
    case ')': *lexeme = LX_CLOSE_PAREN; return 1;
    case '+': *lexeme = LX_PLUS; return 1;
    case ',': *lexeme = LX_COMMA; return 1;
    case '-': *lexeme = LX_MINUS; return 1;
    case '/': *lexeme = LX_DIVIDE; return 1;
    case ':': *lexeme = LX_COLON; return 1;
    case '?': *lexeme = LX_QUESTION; return 1;
    case '[': *lexeme = LX_SCRIPT; return 1;
    case '^': *lexeme = LX_BIT_XOR; return 1;
    case '{': *lexeme = LX_BRACED; return 1;
    case '~': *lexeme = LX_BIT_NOT; return 1;
    case '*':
        if (two && s[1] == '*') return *lexeme = LX_EXPON, 2;
        return *lexeme = LX_MULT, 1;
    case '=':
        if (two && s[1] == '=') return *lexeme = LX_EQUAL, 2;
        return *lexeme = LX_INCOMPLETE, 1;
    case '!':
        if (two && s[1] == '=') return *lexeme = LX_NEQ, 2;
        return *lexeme = LX_NOT, 1;
    case '&':
        if (two && s[1] == '&') return *lexeme = LX_AND, 2;
        return *lexeme = LX_BIT_AND, 1;
    case '|':
        if (two && s[1] == '|') return *lexeme = LX_OR, 2;
        return *lexeme = LX_BIT_OR, 1;
    case '<':
        if (two && s[1] == '<') return *lexeme = LX_LEFT_SHIFT, 2;
        if (two && s[1] == '=') return *lexeme = LX_LEQ, 2;
        return *lexeme = LX_LESS, 1;
    case '>':
        if (two && s[1] == '>') return *lexeme = LX_RIGHT_SHIFT, 2;
        if (two && s[1] == '=') return *lexeme = LX_GEQ, 2;
        return *lexeme = LX_GREATER, 1;
    case 'i':
        if (two && s[1] == 'n' && word_op_end(s, n)) return *lexeme = LX_IN_LIST, 2;
        break;
    case 'e':
        if (two && s[1] == 'q' && word_op_end(s, n)) return *lexeme = LX_STREQ, 2;
        break;
    case 'n':
        if (two && word_op_end(s, n)) {
            if (s[1] == 'e') return *lexeme = LX_STRNEQ, 2;
            if (s[1] == 'i') return *lexeme = LX_NOT_IN_LIST, 2;
        }
        break;
    default:
        if (c < 0x80 && c != '.' && (!is_bareword((char)c) || c == '_')) {
            return *lexeme = LX_INVALID, 1;
        }
        break;
    }
    scan_number(s, n, false, ns);
    if (ns->kind != N_NONE) {
        uint32_t end = ns->end;
        if (end < n && !is_bareword(s[end])) return *lexeme = LX_NUMBER, end;
        /* A number followed by letters or digits: a number then an
         * operator (1eq1), else one bareword (Inf + luence). */
        if (ns->kind == N_DBL || ns->kind == N_NAN) {
            for (uint32_t k = 0; k < end; k++) {
                if (!is_bareword(s[k])) return *lexeme = LX_NUMBER, end;
            }
        }
        uint8_t next;
        NumScan tmp;
        lex(s + end, n - end, &next, &tmp);
        if ((next & NODE_TYPE) == BINARY) return *lexeme = LX_NUMBER, end;
    }
    if (!is_bareword((char)c)) {
        uint32_t cp;
        return *lexeme = LX_INVALID, utf8_decode(s, n, &cp);
    }
    uint32_t k = 0;
    while (k < n && is_bareword(s[k])) k++;
    *lexeme = LX_BAREWORD;
    return k;
}

/* ================================================================ parsing
 *
 * ParseExpr's algorithm. Operators become nodes; operands are leaves. An
 * operand reference is a node index (>= 0), OT_EMPTY (the empty argument
 * list of f()) or a leaf, coded -2 - k. */

enum { MARK_LEFT, MARK_RIGHT, MARK_PARENT };

#define OT_EMPTY (-1)
#define LEAF_REF(k) (-2 - (int32_t)(k))
#define LEAF_INDEX(r) ((uint32_t)(-2 - (r)))
#define IS_OP(r) ((r) >= 0)

typedef struct Node {
    uint8_t lex;
    uint8_t prec;
    uint8_t mark;
    bool constant;     /* no substitution or function below: Tcl folds it */
    int32_t left;
    int32_t right;
    int32_t up;        /* while parsing, the incomplete tree below; then the parent */
    uint32_t name;     /* FUNCTION: its name in the expression */
    uint32_t name_len;
} Node;

enum { LF_NUMBER, LF_STRING, LF_VAR, LF_ARRAY, LF_SCRIPT, LF_QUOTED };

typedef struct Leaf {
    uint8_t kind;
    int8_t nt;     /* LF_NUMBER: N_INT, N_DBL, N_BIG or N_NAN */
    const char *s; /* the literal's text, a variable's name, a script, quoted text */
    uint32_t n;
    const char *x; /* LF_ARRAY: the index, substituted when read */
    uint32_t xn;
    int64_t i;
    double d;
    Big b;
} Leaf;

enum { OP_LEAF, OP_UNARY, OP_BINARY, OP_JUMP_FALSE, OP_JUMP_TRUE, OP_JUMP, OP_PUSH, OP_CALL, OP_CONVERT };

typedef struct Ins {
    uint8_t op;
    uint8_t lex;    /* OP_UNARY, OP_BINARY */
    bool folded;    /* part of a constant subexpression Tcl computes when compiling */
    int32_t a;   /* leaf, jump target, pushed value, FUNCTION node */
    int32_t b;   /* OP_CALL: number of arguments */
} Ins;

/* A compiled expression. It points into the expression's text. */
typedef struct Prog {
    Node *nodes;
    uint32_t nnodes;
    Leaf *leaves;
    uint32_t nleaves;
    Ins *code;
    uint32_t ncode;
    int32_t final_convert; /* the conversion of the whole result, or -1 */
    int32_t final_not;     /* a last '!' a condition's test absorbs, or -1 */
} Prog;

typedef struct SynErr {
    const char *msg;
    uint32_t pos;    /* where Tcl reports it */
    bool incomplete; /* an unclosed quote, brace, bracket or paren */
} SynErr;

/* The end of the script in brackets that starts at s[k] (after '['). */
static int bracket_end(const char *s, uint32_t n, uint32_t k, uint32_t *close, SynErr *e) {
    Parser sub;
    parser_init(&sub, s, n, true);
    sub.pos = k;
    size_t mark = f_mark();
    for (;;) {
        Command c;
        int st = parse_command(&sub, &c);
        if (st == FEATHER_PARSE_DONE) break;
        if (st != FEATHER_PARSE_OK) {
            e->msg = sub.error;
            e->pos = sub.error_pos;
            e->incomplete = st == FEATHER_PARSE_INCOMPLETE;
            f_release(mark);
            return -1;
        }
    }
    f_release(mark);
    if (sub.pos >= n) {
        e->msg = "missing close-bracket";
        e->pos = k - 1;
        e->incomplete = true;
        return -1;
    }
    *close = sub.pos;
    return 0;
}

typedef struct VarRef {
    uint32_t end;   /* just after the reference */
    uint32_t name;  /* the name, without braces or index */
    uint32_t name_len;
    bool array;
    bool plain;     /* the index needs no substitution */
    uint32_t index; /* inside the parens */
    uint32_t index_len;
} VarRef;

/* The variable reference at s[k] == '$': 1 a reference, 0 a lone '$'
 * (plain text), -1 a syntax error (Tcl_ParseVarName). */
static int scan_varref(const char *s, uint32_t n, uint32_t k, VarRef *r, SynErr *e) {
    memset(r, 0, sizeof *r);
    uint32_t j = k + 1;
    if (j < n && s[j] == '{') {
        uint32_t c = j + 1;
        while (c < n && s[c] != '}') c++;
        if (c >= n) {
            e->msg = "missing close-brace for variable name";
            e->pos = j;
            e->incomplete = true;
            return -1;
        }
        r->name = j + 1;
        r->name_len = c - j - 1;
        r->end = c + 1;
        return 1;
    }
    uint32_t c = j;
    while (c < n) {
        if (is_bareword(s[c])) c++;
        else if (s[c] == ':' && c + 1 < n && s[c + 1] == ':') {
            while (c < n && s[c] == ':') c++;
        } else break;
    }
    if (c == j) return 0;
    r->name = j;
    r->name_len = c - j;
    r->end = c;
    if (c < n && s[c] == '(') {
        uint32_t x = c + 1;
        bool plain = true;
        while (x < n && s[x] != ')') {
            char ch = s[x];
            if (ch == '\\') {
                plain = false;
                x += x + 1 < n ? 2 : 1;
            } else if (ch == '[') {
                uint32_t close;
                if (bracket_end(s, n, x + 1, &close, e)) return -1;
                plain = false;
                x = close + 1;
            } else if (ch == '$') {
                VarRef sub;
                int st = scan_varref(s, n, x, &sub, e);
                if (st < 0) return -1;
                plain = false;
                x = st ? sub.end : x + 1;
            } else {
                x++;
            }
        }
        if (x >= n) {
            e->msg = "missing )";
            e->pos = c;
            e->incomplete = true;
            return -1;
        }
        r->array = true;
        r->plain = plain;
        r->index = c + 1;
        r->index_len = x - c - 1;
        r->end = x + 1;
    }
    return 1;
}

/* The quoted word at s[k] == '"': its end, and what its text needs: 0
 * nothing, 1 backslashes only, 2 variables or scripts. */
static int scan_quoted(const char *s, uint32_t n, uint32_t k, uint32_t *end, int *subst, SynErr *e) {
    uint32_t x = k + 1;
    *subst = 0;
    while (x < n && s[x] != '"') {
        char c = s[x];
        if (c == '\\') {
            if (*subst < 1) *subst = 1;
            x += x + 1 < n ? 2 : 1;
        } else if (c == '[') {
            uint32_t close;
            if (bracket_end(s, n, x + 1, &close, e)) return -1;
            *subst = 2;
            x = close + 1;
        } else if (c == '$') {
            VarRef r;
            int st = scan_varref(s, n, x, &r, e);
            if (st < 0) return -1;
            if (st) *subst = 2;
            x = st ? r.end : x + 1;
        } else {
            x++;
        }
    }
    if (x >= n) {
        e->msg = "missing \"";
        e->pos = k;
        e->incomplete = true;
        return -1;
    }
    *end = x + 1;
    return 0;
}

/* The braced word at s[k] == '{': its end, and whether it holds a
 * backslash-newline (which stands for a space). */
static int scan_braced(const char *s, uint32_t n, uint32_t k, uint32_t *end, bool *bsnl, SynErr *e) {
    int depth = 1;
    uint32_t x = k + 1;
    *bsnl = false;
    while (x < n) {
        char c = s[x];
        if (c == '\\') {
            if (x + 1 < n && s[x + 1] == '\n') *bsnl = true;
            x += x + 1 < n ? 2 : 1;
            continue;
        }
        if (c == '{') depth++;
        else if (c == '}' && --depth == 0) {
            *end = x + 1;
            return 0;
        }
        x++;
    }
    e->msg = "missing close-brace";
    e->pos = k;
    e->incomplete = true;
    return -1;
}

/* The text of a braced word with backslash-newlines made spaces (all = 0)
 * or of a quoted word with every backslash sequence replaced (all = 1). */
static void unescape(const char *s, uint32_t n, bool all, const char **out, uint32_t *outn) {
    StrBuf b;
    sb_init(&b, n + 1);
    uint32_t k = 0;
    while (k < n) {
        if (s[k] == '\\' && (all || (k + 1 < n && s[k + 1] == '\n'))) {
            k += f_backslash(s + k, n - k, &b);
        } else if (s[k] == '\\' && k + 1 < n) {
            sb_add(&b, s + k, 2);
            k += 2;
        } else {
            sb_addc(&b, s[k++]);
        }
    }
    *out = b.data ? b.data : "";
    *outn = b.len;
}

/* Parse state, kept apart from the error report it may produce. */
typedef struct ParseErr {
    StrBuf msg;
    StrBuf post;
    const char *code;
    const char *subcode;
    bool mark;
} ParseErr;

static bool leaf_literal(const Leaf *leaves, int32_t ref) {
    if (ref == OT_EMPTY) return false;
    uint8_t k = leaves[LEAF_INDEX(ref)].kind;
    return k == LF_NUMBER || k == LF_STRING;
}

/* Report a syntax error as ParseExpr does: message, where, postscript,
 * errorCode and errorInfo. */
static int parse_error(Ex *E, ParseErr *pe, uint32_t pos, uint32_t scanned) {
    const uint32_t limit = 25;
    const char *s = E->src;
    uint32_t n = E->n;
    /* A scan may report more than is left (an unclosed quote or bracket). */
    if (pos > n) pos = n;
    if (scanned > n - pos) scanned = n - pos;
    StrBuf b;
    sb_init(&b, 128);
    if (pe->msg.data) sb_add(&b, pe->msg.data, pe->msg.len);
    sb_adds(&b, "\nin expression \"");
    if (pos < limit) {
        sb_add(&b, s, pos);
    } else {
        sb_adds(&b, "...");
        sb_add(&b, s + pos - (limit - 3), limit - 3);
    }
    sb_add(&b, s + pos, scanned < limit ? scanned : limit - 3);
    if (scanned >= limit) sb_adds(&b, "...");
    if (pe->mark) sb_adds(&b, "_@_");
    if (pos + scanned + limit > n) {
        sb_add(&b, s + pos + scanned, n - pos - scanned);
    } else {
        sb_add(&b, s + pos + scanned, limit - 3);
        sb_adds(&b, "...");
    }
    sb_addc(&b, '"');
    if (pe->post.data) {
        sb_adds(&b, ";\n");
        sb_add(&b, pe->post.data, pe->post.len);
    }
    FeatherInterp i = E->i;
    if (pe->code) {
        StrBuf c;
        sb_init(&c, 48);
        sb_adds(&c, "TCL PARSE EXPR ");
        sb_adds(&c, pe->code);
        if (pe->subcode) {
            sb_addc(&c, ' ');
            sb_adds(&c, pe->subcode);
        }
        f_set_error_code(i, f_strn(i, c.data ? c.data : "", c.len));
    }
    f_set_result(i, f_strn(i, b.data ? b.data : "", b.len));
    StrBuf info;
    sb_init(&info, 64);
    sb_adds(&info, "\n    (parsing expression \"");
    sb_add(&info, s, n < limit ? n : limit - 3);
    if (n >= limit) sb_adds(&info, "...");
    sb_adds(&info, "\")");
    f_add_error_info(i, info.data ? info.data : "", info.len);
    return TCL_ERROR;
}

static void err_msg(ParseErr *pe, const char *m) {
    sb_init(&pe->msg, 64);
    sb_adds(&pe->msg, m);
}

static bool grow(void **arr, uint32_t *cap, uint32_t used, size_t size) {
    if (used < *cap) return true;
    void *more = f_alloc(size * *cap * 2);
    if (!more) return false;
    memcpy(more, *arr, size * used);
    *arr = more;
    *cap *= 2;
    return true;
}

static int parse_expr(Ex *E, Prog *P) {
    const char *s = E->src;
    uint32_t n = E->n;
    uint32_t ncap = 16, lcap = 8, nused = 0, nleaves = 0;
    Node *nodes = f_alloc(ncap * sizeof(Node));
    Leaf *leaves = f_alloc(lcap * sizeof(Leaf));
    if (!nodes || !leaves) return f_oom(E->i);
    ParseErr pe;
    memset(&pe, 0, sizeof pe);
    memset(&nodes[0], 0, sizeof(Node));
    nodes[0].lex = LX_START;
    nodes[0].prec = P_START;
    nodes[0].mark = MARK_RIGHT;
    nodes[0].constant = true;
    nodes[0].left = nodes[0].right = OT_EMPTY;
    nused = 1;
    int32_t incomplete = 0, last = 0, complete = OT_EMPTY;
    uint32_t pos = 0, scanned = 0;

    for (;;) {
        if (!grow((void **)&nodes, &ncap, nused, sizeof(Node)) ||
            !grow((void **)&leaves, &lcap, nleaves, sizeof(Leaf))) {
            return f_oom(E->i);
        }
        Node *np = &nodes[nused];
        pos += skip_white(s + pos, n - pos);
        NumScan ns;
        uint8_t lexeme;
        scanned = lex(s + pos, n - pos, &lexeme, &ns);

        if ((lexeme & NODE_TYPE) == 0) {
            switch (lexeme) {
            case LX_INVALID:
            case LX_INCOMPLETE:
                err_msg(&pe, lexeme == LX_INVALID ? "invalid character \"" : "incomplete operator \"");
                sb_add(&pe.msg, s + pos, scanned);
                sb_addc(&pe.msg, '"');
                pe.code = lexeme == LX_INVALID ? "BADCHAR" : "PARTOP";
                goto error;
            case LX_BAREWORD: {
                uint32_t after = pos + scanned;
                after += skip_white(s + after, n - after);
                if (after < n && s[after] == '(') {
                    lexeme = LX_FUNCTION;
                } else if (bool_word(s + pos, scanned) >= 0) {
                    lexeme = LX_BOOLEAN;
                } else {
                    uint32_t shown = scanned < 25 ? scanned : 22;
                    const char *ell = scanned < 25 ? "" : "...";
                    err_msg(&pe, "invalid bareword \"");
                    sb_add(&pe.msg, s + pos, shown);
                    sb_adds(&pe.msg, ell);
                    sb_addc(&pe.msg, '"');
                    sb_init(&pe.post, 128);
                    static const char *const parts[] = {"should be \"$", "\" or \"{", "}\" or \"",
                                                        "(...)\" or ..."};
                    for (int k = 0; k < 4; k++) {
                        sb_adds(&pe.post, parts[k]);
                        if (k < 3) {
                            sb_add(&pe.post, s + pos, shown);
                            sb_adds(&pe.post, ell);
                        }
                    }
                    pe.code = "BAREWORD";
                    if (s[pos] == '0') {
                        NumScan t;
                        scan_number(s + pos, scanned, false, &t);
                        uint32_t stop = t.kind ? t.end : 0;
                        char at = pos + stop < n ? s[pos + stop] : 0;
                        char second = scanned > 1 ? s[pos + 1] : 0;
                        if (is_digit(at) || stop == 1) {
                            if (second == 'b') {
                                sb_adds(&pe.post, " (invalid binary number?)");
                                pe.code = "BADNUMBER";
                                pe.subcode = "BINARY";
                            } else if (second == 'o' || is_digit(second)) {
                                sb_adds(&pe.post, " (invalid octal number?)");
                                pe.code = "BADNUMBER";
                                pe.subcode = "OCTAL";
                            }
                        }
                    }
                    goto error;
                }
                break;
            }
            case LX_PLUS:
            case LX_MINUS:
                lexeme |= IS_OP(last) ? UNARY : BINARY;
                break;
            }
        }

        switch (lexeme & NODE_TYPE) {
        case LEAF: {
            if (!IS_OP(last)) {
                err_msg(&pe, "missing operator at _@_");
                scanned = 0;
                pe.mark = true;
                pe.code = "MISSING";
                goto error;
            }
            Leaf *lf = &leaves[nleaves];
            memset(lf, 0, sizeof *lf);
            SynErr se;
            switch (lexeme) {
            case LX_NUMBER: {
                Val v;
                val_clear(&v);
                scan_to_val(E->i, s + pos, &ns, &v);
                lf->kind = LF_NUMBER;
                lf->nt = v.nt;
                lf->i = v.i;
                lf->d = v.d;
                lf->b = v.b;
                lf->s = s + pos;
                lf->n = scanned;
                break;
            }
            case LX_BOOLEAN:
                lf->kind = LF_STRING;
                lf->s = s + pos;
                lf->n = scanned;
                break;
            case LX_QUOTED: {
                uint32_t end;
                int sub;
                if (scan_quoted(s, n, pos, &end, &sub, &se)) goto leaf_error;
                scanned = end - pos;
                lf->kind = sub == 2 ? LF_QUOTED : LF_STRING;
                lf->s = s + pos + 1;
                lf->n = scanned - 2;
                if (sub == 1) unescape(lf->s, lf->n, true, &lf->s, &lf->n);
                break;
            }
            case LX_BRACED: {
                uint32_t end;
                bool bsnl;
                if (scan_braced(s, n, pos, &end, &bsnl, &se)) goto leaf_error;
                scanned = end - pos;
                lf->kind = LF_STRING;
                lf->s = s + pos + 1;
                lf->n = scanned - 2;
                if (bsnl) unescape(lf->s, lf->n, false, &lf->s, &lf->n);
                break;
            }
            case LX_VARIABLE: {
                VarRef r;
                int st = scan_varref(s, n, pos, &r, &se);
                if (st < 0) goto leaf_error;
                if (st == 0) {
                    err_msg(&pe, "invalid character \"$\"");
                    pe.code = "BADCHAR";
                    goto error;
                }
                scanned = r.end - pos;
                lf->kind = LF_VAR;
                lf->s = s + r.name;
                lf->n = r.name_len;
                if (r.array && r.plain) {
                    lf->n = r.end - r.name; /* name(index) as one name */
                } else if (r.array) {
                    lf->kind = LF_ARRAY;
                    lf->x = s + r.index;
                    lf->xn = r.index_len;
                }
                break;
            }
            case LX_SCRIPT: {
                uint32_t close;
                if (bracket_end(s, n, pos + 1, &close, &se)) goto leaf_error;
                scanned = close + 1 - pos;
                lf->kind = LF_SCRIPT;
                lf->s = s + pos + 1;
                lf->n = close - pos - 1;
                break;
            }
            }
            complete = last = LEAF_REF(nleaves);
            nleaves++;
            break;
        leaf_error:
            err_msg(&pe, se.msg ? se.msg : "");
            pos = se.pos;
            scanned = se.incomplete ? 1 : 0;
            pe.code = se.incomplete ? "UNBALANCED" : NULL;
            goto error;
        }

        case UNARY:
            if (!IS_OP(last)) {
                err_msg(&pe, "missing operator at _@_");
                scanned = 0;
                pe.mark = true;
                pe.code = "MISSING";
                goto error;
            }
            memset(np, 0, sizeof *np);
            np->lex = lexeme;
            np->prec = precedence(lexeme);
            np->mark = MARK_RIGHT;
            np->constant = lexeme != LX_FUNCTION;
            np->left = np->right = OT_EMPTY;
            if (lexeme == LX_FUNCTION) {
                np->name = pos;
                np->name_len = scanned;
            }
            np->up = incomplete;
            incomplete = last = (int32_t)nused++;
            break;

        case BINARY: {
            uint8_t prec = precedence(lexeme);
            if (IS_OP(last)) {
                if (lexeme == LX_CLOSE_PAREN && np[-1].lex == LX_OPEN_PAREN) {
                    if (np[-2].lex == LX_FUNCTION) {
                        /* f(): an empty argument list; the ')' comes again. */
                        scanned = 0;
                        complete = last = OT_EMPTY;
                        break;
                    }
                    err_msg(&pe, "empty subexpression at _@_");
                    scanned = 0;
                    pe.mark = true;
                    pe.code = "EMPTY";
                    goto error;
                }
                if (np[-1].prec > prec) {
                    if (np[-1].lex == LX_OPEN_PAREN) {
                        err_msg(&pe, "unbalanced open paren");
                        pe.code = "UNBALANCED";
                    } else if (np[-1].lex == LX_COMMA) {
                        err_msg(&pe, "missing function argument at _@_");
                        scanned = 0;
                        pe.mark = true;
                        pe.code = "MISSING";
                    } else if (np[-1].lex == LX_START) {
                        err_msg(&pe, "empty expression");
                        pe.code = "EMPTY";
                    }
                } else if (lexeme == LX_CLOSE_PAREN) {
                    err_msg(&pe, "unbalanced close paren");
                    pe.code = "UNBALANCED";
                } else if (lexeme == LX_COMMA && np[-1].lex == LX_OPEN_PAREN &&
                           np[-2].lex == LX_FUNCTION) {
                    err_msg(&pe, "missing function argument at _@_");
                    scanned = 0;
                    pe.mark = true;
                    pe.code = "UNBALANCED";
                }
                if (!pe.msg.data) {
                    err_msg(&pe, "missing operand at _@_");
                    scanned = 0;
                    pe.mark = true;
                    pe.code = "MISSING";
                }
                goto error;
            }
            Node *inc;
            for (;;) {
                inc = &nodes[incomplete];
                if (inc->prec < prec) break;
                if (inc->prec == prec) {
                    if (lexeme == LX_EXPON) break; /* right associative */
                    if (inc->lex == LX_QUESTION &&
                        (!IS_OP(complete) || nodes[complete].lex != LX_COLON)) break;
                    if (inc->lex == LX_COLON && lexeme == LX_QUESTION) break;
                }
                if (inc->lex == LX_OPEN_PAREN && lexeme != LX_CLOSE_PAREN) {
                    err_msg(&pe, "unbalanced open paren");
                    pe.code = "UNBALANCED";
                    goto error;
                }
                if (inc->lex == LX_QUESTION && (!IS_OP(complete) || nodes[complete].lex != LX_COLON)) {
                    err_msg(&pe, "missing operator \":\" at _@_");
                    scanned = 0;
                    pe.mark = true;
                    pe.code = "MISSING";
                    goto error;
                }
                if (IS_OP(complete) && nodes[complete].lex == LX_COLON && inc->lex != LX_QUESTION) {
                    err_msg(&pe, "unexpected operator \":\" without preceding \"?\"");
                    pe.code = "SURPRISE";
                    goto error;
                }
                inc->right = complete;
                if (IS_OP(complete)) {
                    nodes[complete].up = incomplete;
                    inc->constant = inc->constant && nodes[complete].constant;
                } else {
                    inc->constant = inc->constant && leaf_literal(leaves, complete);
                }
                if ((inc->lex == LX_QUESTION || inc->lex == LX_FUNCTION) && IS_OP(complete)) {
                    nodes[complete].constant = inc->constant;
                }
                if (inc->lex == LX_START) {
                    P->nodes = nodes;
                    P->nnodes = nused;
                    P->leaves = leaves;
                    P->nleaves = nleaves;
                    return TCL_OK;
                }
                complete = incomplete;
                incomplete = inc->up;
                if (inc->lex == LX_OPEN_PAREN) break; /* a ')' closes one '(' */
            }
            if (lexeme == LX_CLOSE_PAREN && inc->lex != LX_OPEN_PAREN) {
                err_msg(&pe, "unbalanced close paren");
                pe.code = "UNBALANCED";
                goto error;
            }
            if (lexeme == LX_COMMA && (inc->lex != LX_OPEN_PAREN || inc[-1].lex != LX_FUNCTION)) {
                err_msg(&pe, "unexpected \",\" outside function argument list");
                pe.code = "SURPRISE";
                goto error;
            }
            if (IS_OP(complete) && nodes[complete].lex == LX_COLON) {
                err_msg(&pe, "unexpected operator \":\" without preceding \"?\"");
                pe.code = "SURPRISE";
                goto error;
            }
            if (lexeme == LX_CLOSE_PAREN) break;
            memset(np, 0, sizeof *np);
            np->lex = lexeme;
            np->prec = prec;
            np->mark = MARK_LEFT;
            np->left = complete;
            np->right = OT_EMPTY;
            np->constant = lexeme != LX_COMMA;
            if (IS_OP(complete)) {
                nodes[complete].up = (int32_t)nused;
                np->constant = np->constant && nodes[complete].constant;
            } else {
                np->constant = np->constant && leaf_literal(leaves, complete);
            }
            np->up = incomplete;
            incomplete = last = (int32_t)nused++;
            break;
        }
        }
        pos += scanned;
    }
error:
    return parse_error(E, &pe, pos, scanned);
}

/* ================================================================ compiling
 *
 * CompileExprTree's walk: operands first, then the operator; && || ?:
 * jump. As in Tcl (optimizing compile), the result is converted to a
 * canonical number when it may come straight from an operand, and a
 * constant subexpression is converted only when it is a ?: of its own. */

typedef struct Comp {
    Node *nodes;
    int32_t final_convert;
    int32_t label;      /* the latest position a jump goes to */
    bool folding;       /* compiling a constant subexpression */
    Ins *code;
    uint32_t ncode;
    int32_t *fix;       /* pending jumps */
    bool *fixmark;      /* the true branch of ?: wanted conversion */
    uint32_t nfix;
    int32_t *words;     /* saved argument counts of enclosing calls */
    uint32_t nwords;
    int32_t num_words;
} Comp;

static uint32_t emit(Comp *C, uint8_t op, uint8_t lx, int32_t a, int32_t b) {
    Ins *in = &C->code[C->ncode];
    in->op = op;
    in->lex = lx;
    in->folded = C->folding;
    in->a = a;
    in->b = b;
    return C->ncode++;
}

/* A conditional jump. As Tcl's bytecode optimizer does, a '!' just before
 * it (not folded, not a jump target) is dropped and the jump inverted: its
 * operand is then tested as a boolean, with the boolean's error message. */
static uint32_t emit_test(Comp *C, uint8_t op, bool optimize) {
    if (optimize && C->ncode && C->label != (int32_t)C->ncode) {
        Ins *prev = &C->code[C->ncode - 1];
        if (prev->op == OP_UNARY && prev->lex == LX_NOT && !prev->folded) {
            C->ncode--;
            op = op == OP_JUMP_FALSE ? OP_JUMP_TRUE : OP_JUMP_FALSE;
        }
    }
    return emit(C, op, 0, 0, 0);
}

static void compile_tree(Comp *C, int32_t root, bool optimize) {
    Node *nodes = C->nodes;
    int32_t cur = root;
    bool convert = true;
    for (;;) {
        Node *np = &nodes[cur];
        int32_t next;
        if (np->mark == MARK_LEFT) {
            next = np->left;
            if (np->lex == LX_QUESTION) convert = true;
        } else if (np->mark == MARK_RIGHT) {
            next = np->right;
            switch (np->lex) {
            case LX_FUNCTION:
                C->words[C->nwords++] = C->num_words;
                C->num_words = 2;
                break;
            case LX_QUESTION:
                C->fixmark[C->nfix] = false;
                C->fix[C->nfix++] = (int32_t)emit_test(C, OP_JUMP_FALSE, optimize);
                break;
            case LX_COLON:
                C->fixmark[C->nfix] = convert;
                C->fix[C->nfix++] = (int32_t)emit(C, OP_JUMP, 0, 0, 0);
                convert = true;
                break;
            case LX_AND:
            case LX_OR:
                C->fixmark[C->nfix] = false;
                C->fix[C->nfix++] =
                    (int32_t)emit_test(C, np->lex == LX_AND ? OP_JUMP_FALSE : OP_JUMP_TRUE, optimize);
                break;
            }
        } else {
            switch (np->lex) {
            case LX_START:
            case LX_QUESTION:
                if (convert && cur == root) {
                    uint32_t at = emit(C, OP_CONVERT, 0, 0, 0);
                    if (np->lex == LX_START) C->final_convert = (int32_t)at;
                }
                break;
            case LX_OPEN_PAREN:
                break;
            case LX_FUNCTION:
                emit(C, OP_CALL, 0, cur, C->num_words - 1);
                C->num_words = C->words[--C->nwords];
                convert = true;
                break;
            case LX_COMMA:
                C->num_words++;
                break;
            case LX_COLON: {
                uint32_t k = --C->nfix;
                if (C->fixmark[k]) convert = true;
                int32_t jump = C->fix[k];
                C->code[jump].a = C->label = (int32_t)C->ncode;
                C->code[C->fix[--C->nfix]].a = jump + 1;
                break;
            }
            case LX_AND:
            case LX_OR: {
                bool and = np->lex == LX_AND;
                int32_t left = C->fix[--C->nfix];
                uint32_t j1 = emit_test(C, and ? OP_JUMP_FALSE : OP_JUMP_TRUE, optimize);
                emit(C, OP_PUSH, 0, and ? 1 : 0, 0);
                uint32_t j2 = emit(C, OP_JUMP, 0, 0, 0);
                C->code[j1].a = (int32_t)C->ncode;
                C->code[left].a = (int32_t)C->ncode;
                emit(C, OP_PUSH, 0, and ? 0 : 1, 0);
                C->code[j2].a = C->label = (int32_t)C->ncode;
                convert = false;
                break;
            }
            default:
                emit(C, (np->lex & NODE_TYPE) == UNARY ? OP_UNARY : OP_BINARY, np->lex, 0, 0);
                convert = false;
                break;
            }
            if (cur == root) return;
            cur = np->up;
            continue;
        }
        np->mark++;
        if (next == OT_EMPTY) {
            C->num_words = 1;
        } else if (next < 0) {
            emit(C, OP_LEAF, 0, (int32_t)LEAF_INDEX(next), 0);
        } else if (optimize && nodes[next].constant) {
            C->folding = true;
            compile_tree(C, next, false);
            C->folding = false;
            convert = false;
        } else {
            cur = next;
        }
    }
}

static int compile_expr(Ex *E, Prog *P) {
    if (parse_expr(E, P) != TCL_OK) return TCL_ERROR;
    Comp C;
    memset(&C, 0, sizeof C);
    C.nodes = P->nodes;
    uint32_t nn = P->nnodes;
    C.code = f_alloc(((size_t)nn * 5 + P->nleaves + 2) * sizeof(Ins));
    C.fix = f_alloc(nn * sizeof(int32_t));
    C.fixmark = f_alloc(nn * sizeof(bool));
    C.words = f_alloc(nn * sizeof(int32_t));
    if (!C.code || !C.fix || !C.fixmark || !C.words) return f_oom(E->i);
    C.final_convert = C.label = -1;
    compile_tree(&C, 0, true);
    P->code = C.code;
    P->ncode = C.ncode;
    P->final_convert = C.final_convert;
    P->final_not = -1;
    const Ins *last = &C.code[C.ncode - 1];
    if (last->op == OP_UNARY && last->lex == LX_NOT && !last->folded && C.label != (int32_t)C.ncode) {
        P->final_not = (int32_t)C.ncode - 1;
    }
    return TCL_OK;
}
/* ================================================================ operands */

static int subst_text(Ex *E, const char *s, uint32_t n, Val *out);

/* The value of the variable reference r in s. */
static int read_var(Ex *E, const char *s, const VarRef *r, FeatherObj *out) {
    if (!r->array || r->plain) {
        uint32_t len = r->array ? r->end - r->name : r->name_len;
        return f_var_get_s(E->i, s + r->name, len, out);
    }
    Val idx;
    int code = subst_text(E, s + r->index, r->index_len, &idx);
    if (code != TCL_OK) return code;
    uint32_t xn;
    const char *x = val_str(E, &idx, &xn);
    StrBuf b;
    sb_init(&b, r->name_len + xn + 2);
    sb_add(&b, s + r->name, r->name_len);
    sb_addc(&b, '(');
    sb_add(&b, x, xn);
    sb_addc(&b, ')');
    return f_var_get_s(E->i, b.data ? b.data : "", b.len, out);
}

/* A script substituted in an expression. Tcl compiles it inline: an error
 * in it is logged for its own command only, not again for expr. */
static int eval_script(Ex *E, const char *s, uint32_t n, FeatherObj *out) {
    int code = f_eval_bytes(E->i, s, n);
    if (code == TCL_ERROR) f_state(E->i)->error_logged = true;
    if (code == TCL_OK) *out = f_result(E->i);
    return code;
}

/* One substitution at s[k] ('$' or '['): TCL_OK with the value and the
 * end, -1 when the '$' is plain text, or another code. */
static int subst_one(Ex *E, const char *s, uint32_t n, uint32_t k, FeatherObj *out, uint32_t *end) {
    SynErr se;
    if (s[k] == '$') {
        VarRef r;
        int st = scan_varref(s, n, k, &r, &se);
        if (st == 0) return -1;
        if (st < 0) return f_error(E->i, "%s", se.msg);
        *end = r.end;
        return read_var(E, s, &r, out);
    }
    uint32_t close;
    if (bracket_end(s, n, k + 1, &close, &se)) return f_error(E->i, "%s", se.msg);
    *end = close + 1;
    return eval_script(E, s + k + 1, close - k - 1, out);
}

/* Substitute variables, scripts and backslashes in text (a quoted word, an
 * array index). A text that is one substitution keeps its value. */
/* Is the whole text one variable or script substitution? */
static bool single_subst(const char *s, uint32_t n) {
    SynErr se;
    if (n && s[0] == '$') {
        VarRef r;
        return scan_varref(s, n, 0, &r, &se) == 1 && r.end == n;
    }
    uint32_t close;
    return n && s[0] == '[' && bracket_end(s, n, 1, &close, &se) == 0 && close + 1 == n;
}

static int subst_text(Ex *E, const char *s, uint32_t n, Val *out) {
    val_clear(out);
    if (single_subst(s, n)) {
        uint32_t end;
        return subst_one(E, s, n, 0, &out->o, &end);
    }
    StrBuf b;
    sb_init(&b, n + 16);
    uint32_t k = 0;
    while (k < n) {
        char c = s[k];
        if (c == '\\') {
            k += f_backslash(s + k, n - k, &b);
        } else if (c == '$' || c == '[') {
            FeatherObj o;
            uint32_t end;
            int code = subst_one(E, s, n, k, &o, &end);
            if (code < 0) {
                sb_addc(&b, c);
                k++;
                continue;
            }
            if (code != TCL_OK) return code;
            uint32_t len;
            const char *v = f_get(E->i, o, &len);
            sb_add(&b, v, len);
            k = end;
        } else {
            uint32_t j = k;
            while (j < n && s[j] != '\\' && s[j] != '$' && s[j] != '[') j++;
            sb_add(&b, s + k, j - k);
            k = j;
        }
    }
    out->s = b.data ? b.data : "";
    out->n = b.len;
    return TCL_OK;
}

static int leaf_value(Ex *E, const Leaf *lf, Val *v) {
    val_clear(v);
    switch (lf->kind) {
    case LF_NUMBER:
        v->nt = lf->nt;
        v->i = lf->i;
        v->d = lf->d;
        v->b = lf->b;
        v->s = lf->s;
        v->n = lf->n;
        return TCL_OK;
    case LF_STRING:
        v->s = lf->s;
        v->n = lf->n;
        return TCL_OK;
    case LF_VAR: {
        int kind;
        int64_t raw;
        int code = f_var_get_number(E->i, lf->s, lf->n, &v->o, &kind, &raw);
        if (code == TCL_OK && kind == 1) {
            v->nt = N_INT;
            v->i = raw;
            v->canon = true;
        } else if (code == TCL_OK && kind == 2) {
            memcpy(&v->d, &raw, sizeof v->d);
            v->nt = is_nan(v->d) ? N_NAN : N_DBL;
            v->canon = true;
        } else if (code == TCL_OK) {
            /* The host has no numeric rep: classify parses the string
             * without asking it again. */
            v->s = f_get(E->i, v->o, &v->n);
        }
        return code;
    }
    case LF_ARRAY: {
        VarRef r;
        memset(&r, 0, sizeof r);
        r.array = true;
        r.name = 0;
        r.name_len = lf->n;
        r.index = (uint32_t)(lf->x - lf->s);
        r.index_len = lf->xn;
        return read_var(E, lf->s, &r, &v->o);
    }
    case LF_SCRIPT:
        return eval_script(E, lf->s, lf->n, &v->o);
    default:
        return subst_text(E, lf->s, lf->n, v);
    }
}

/* INST_TRY_CVT_TO_NUMERIC: a number becomes its canonical form. */
static int try_convert(Ex *E, Val *v) {
    classify(E, v);
    if (v->nt == N_NAN) return err_domain(E->i);
    if (v->nt > N_NONE && !v->canon) {
        v->o = 0;
        v->s = NULL;
        v->canon = true;
    }
    return TCL_OK;
}

/* ================================================================ operators */

/* Bignums are bounded so that a runaway ** or << fails instead of
 * exhausting the arena (Tcl would go on). */
#define BIG_MAX_BITS (1u << 18)

static int cmp_int_double(int64_t l, double d) {
    if (d >= 0x1p63) return -1;
    if (d < -0x1p63) return 1;
    double t = m_trunc(d);
    int64_t lt = (int64_t)t;
    if (l != lt) return l < lt ? -1 : 1;
    double frac = d - t;
    return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

/* Exact comparison of two numbers (no NaN). */
static int num_cmp(const Val *a, const Val *b) {
    if (a->nt == N_INT && b->nt == N_INT) return a->i < b->i ? -1 : a->i > b->i;
    if (a->nt == N_DBL && b->nt == N_DBL) return a->d < b->d ? -1 : a->d > b->d;
    if (a->nt == N_DBL) return -num_cmp(b, a);
    if (b->nt == N_DBL) {
        double d = b->d;
        if (a->nt == N_INT) return cmp_int_double(a->i, d);
        if (is_inf(d)) return d > 0 ? -1 : 1;
        if (m_fabs(d) < 0x1p63) return a->b.neg ? -1 : 1;
        return big_cmp(a->b, big_from_double(d));
    }
    return big_cmp(num_big(a), num_big(b));
}

static int str_cmp(const char *a, uint32_t an, const char *b, uint32_t bn) {
    int c = memcmp(a, b, an < bn ? an : bn);
    if (c) return c < 0 ? -1 : 1;
    return an < bn ? -1 : an > bn;
}

static int op_compare(Ex *E, uint8_t lx, Val *a, Val *b) {
    classify(E, a);
    classify(E, b);
    int c;
    if (a->nt == N_NONE || b->nt == N_NONE) {
        uint32_t an, bn;
        const char *as = val_str(E, a, &an);
        const char *bs = val_str(E, b, &bn);
        c = str_cmp(as, an, bs, bn);
    } else if (a->nt == N_NAN || b->nt == N_NAN) {
        set_int(a, lx == LX_NEQ);
        return TCL_OK;
    } else {
        c = num_cmp(a, b);
    }
    bool r;
    switch (lx) {
    case LX_LESS: r = c < 0; break;
    case LX_GREATER: r = c > 0; break;
    case LX_LEQ: r = c <= 0; break;
    case LX_GEQ: r = c >= 0; break;
    case LX_EQUAL: r = c == 0; break;
    default: r = c != 0; break;
    }
    set_int(a, r);
    return TCL_OK;
}

static int op_in(Ex *E, uint8_t lx, Val *a, Val *b) {
    uint32_t an, bn;
    const char *as = val_str(E, a, &an);
    const char *bs = val_str(E, b, &bn);
    char *buf;
    uint32_t *spans, count;
    if (f_split_list(E->i, bs, bn, &buf, &spans, &count) != TCL_OK) return TCL_ERROR;
    bool found = false;
    for (uint32_t k = 0; k < count && !found; k++) {
        found = spans[2 * k + 1] == an && memcmp(buf + spans[2 * k], as, an) == 0;
    }
    set_int(a, lx == LX_IN_LIST ? found : !found);
    return TCL_OK;
}

/* a * b overflows 64 bits? (__builtin_mul_overflow would need 128-bit
 * arithmetic from compiler-rt on wasm32.) */
static bool mul_overflow(int64_t a, int64_t b, int64_t *r) {
    if ((a >= -0x80000000LL && a <= 0x7fffffffLL && b >= -0x80000000LL && b <= 0x7fffffffLL) ||
        a == 0 || b == 0) {
        *r = a * b;
        return false;
    }
    uint64_t ua = a < 0 ? 0 - (uint64_t)a : (uint64_t)a;
    uint64_t ub = b < 0 ? 0 - (uint64_t)b : (uint64_t)b;
    uint64_t ah = ua >> 32, al = ua & 0xffffffffu, bh = ub >> 32, bl = ub & 0xffffffffu;
    if (ah && bh) return true;
    uint64_t mid = ah * bl + al * bh;
    if (mid >> 32) return true;
    uint64_t lo = al * bl, p = lo + (mid << 32);
    if (p < lo) return true;
    if ((a < 0) != (b < 0)) {
        if (p > (uint64_t)INT64_MAX + 1) return true;
        *r = (int64_t)(0 - p);
    } else {
        if (p > (uint64_t)INT64_MAX) return true;
        *r = (int64_t)p;
    }
    return false;
}

static int int_pow(int64_t x, int64_t e, int64_t *out) {
    int64_t r = 1;
    while (e) {
        if ((e & 1) && mul_overflow(r, x, &r)) return 0;
        e >>= 1;
        if (e && mul_overflow(x, x, &x)) return 0;
    }
    *out = r;
    return 1;
}

/* ** on integers (Tcl's rules: negative powers give 0 but for 1 and -1;
 * 0 ** -n is an error; huge exponents are refused). */
static int op_int_expon(Ex *E, Val *a, Val *b) {
    if (b->nt == N_INT) {
        if (b->i == 0) {
            set_int(a, 1);
            return TCL_OK;
        }
        if (b->i == 1) return TCL_OK; /* the operand itself */
    }
    bool negexp = b->nt == N_INT ? b->i < 0 : b->b.neg;
    bool odd = b->nt == N_INT ? (b->i & 1) != 0 : (b->b.n && (b->b.d[0] & 1));
    if (a->nt == N_INT && (a->i == 0 || a->i == 1 || a->i == -1)) {
        if (a->i == 0 && negexp) {
            return fail_code(E->i, "ARITH DOMAIN {exponentiation of zero by negative power}",
                             "exponentiation of zero by negative power");
        }
        set_int(a, a->i == 0 ? 0 : (a->i == -1 && odd) ? -1 : 1);
        return TCL_OK;
    }
    if (negexp) {
        set_int(a, 0);
        return TCL_OK;
    }
    if (b->nt != N_INT || b->i >= (1 << 28)) return fail_code(E->i, NULL, "exponent too large");
    int64_t r;
    if (a->nt == N_INT && int_pow(a->i, b->i, &r)) {
        set_int(a, r);
        return TCL_OK;
    }
    Big base = num_big(a);
    if (big_bits(base) * (uint64_t)b->i > BIG_MAX_BITS) {
        return fail_code(E->i, NULL, "exponent too large");
    }
    set_big(a, big_pow(base, (uint64_t)b->i));
    return TCL_OK;
}

/* + - * / ** */
static int op_arith(Ex *E, uint8_t lx, Val *a, Val *b) {
    classify(E, a);
    if (a->nt == N_NONE || a->nt == N_NAN) return err_operand(E, a, op_name(lx));
    classify(E, b);
    if (b->nt == N_NONE || b->nt == N_NAN) return err_operand(E, b, op_name(lx));
    if (a->nt == N_DBL || b->nt == N_DBL) {
        double x = num_double(a), y = num_double(b), r;
        switch (lx) {
        case LX_BINARY_PLUS: r = x + y; break;
        case LX_BINARY_MINUS: r = x - y; break;
        case LX_MULT: r = x * y; break;
        case LX_DIVIDE: r = x / y; break;
        default:
            if (x == 0 && y < 0) {
                return fail_code(E->i, "ARITH DOMAIN {exponentiation of zero by negative power}",
                                 "exponentiation of zero by negative power");
            }
            r = m_pow(x, y);
            break;
        }
        if (is_nan(r)) return err_domain(E->i);
        set_dbl(a, r);
        return TCL_OK;
    }
    if (lx == LX_EXPON) return op_int_expon(E, a, b);
    if (a->nt == N_INT && b->nt == N_INT) {
        int64_t x = a->i, y = b->i, r;
        switch (lx) {
        case LX_BINARY_PLUS:
            if (!__builtin_add_overflow(x, y, &r)) return set_int(a, r), TCL_OK;
            break;
        case LX_BINARY_MINUS:
            if (!__builtin_sub_overflow(x, y, &r)) return set_int(a, r), TCL_OK;
            break;
        case LX_MULT:
            if (!mul_overflow(x, y, &r)) return set_int(a, r), TCL_OK;
            break;
        default:
            if (y == 0) return err_divzero(E->i);
            if (x == INT64_MIN && y == -1) break;
            r = x / y;
            if (x % y != 0 && ((x < 0) != (y < 0))) r--;
            set_int(a, r);
            return TCL_OK;
        }
    }
    Big x = num_big(a), y = num_big(b), q, rem;
    switch (lx) {
    case LX_BINARY_PLUS: set_big(a, big_add(x, y)); break;
    case LX_BINARY_MINUS: set_big(a, big_sub(x, y)); break;
    case LX_MULT:
        if (big_bits(x) + big_bits(y) > BIG_MAX_BITS) return err_too_large(E->i);
        set_big(a, big_mul(x, y));
        break;
    default:
        if (!y.n) return err_divzero(E->i);
        big_divmod(x, y, &q, &rem);
        set_big(a, q);
        break;
    }
    return TCL_OK;
}

static bool num_negative(const Val *v) { return v->nt == N_INT ? v->i < 0 : v->b.neg; }

/* % << >> & | ^ : integers only. */
static int op_integer(Ex *E, uint8_t lx, Val *a, Val *b) {
    classify(E, a);
    if (a->nt != N_INT && a->nt != N_BIG) return err_operand(E, a, op_name(lx));
    classify(E, b);
    if (b->nt != N_INT && b->nt != N_BIG) return err_operand(E, b, op_name(lx));
    bool ints = a->nt == N_INT && b->nt == N_INT;
    switch (lx) {
    case LX_MOD:
        if (b->nt == N_INT && b->i == 0) return err_divzero(E->i);
        if (ints) {
            int64_t r = b->i == -1 ? 0 : a->i % b->i;
            if (r != 0 && ((r < 0) != (b->i < 0))) r += b->i;
            set_int(a, r);
        } else {
            Big q, r;
            big_divmod(num_big(a), num_big(b), &q, &r);
            set_big(a, r);
        }
        return TCL_OK;
    case LX_LEFT_SHIFT:
    case LX_RIGHT_SHIFT: {
        if (num_negative(b)) return fail_code(E->i, NULL, "negative shift argument");
        if (a->nt == N_INT && a->i == 0) {
            set_int(a, 0);
            return TCL_OK;
        }
        bool huge = b->nt != N_INT || b->i > INT32_MAX;
        if (lx == LX_RIGHT_SHIFT) {
            if (huge || (a->nt == N_INT && b->i >= 64)) set_int(a, num_negative(a) ? -1 : 0);
            else if (a->nt == N_INT) set_int(a, a->i >> b->i);
            else set_big(a, big_shr(a->b, (uint64_t)b->i));
            return TCL_OK;
        }
        if (huge) return fail_code(E->i, NULL, "integer value too large to represent");
        int64_t sh = b->i;
        if (a->nt == N_INT && sh < 64) {
            uint64_t mag = a->i > 0 ? (uint64_t)a->i : ~(uint64_t)a->i;
            if (!(mag & (~0ULL << (63 - sh)))) {
                set_int(a, (int64_t)((uint64_t)a->i << sh));
                return TCL_OK;
            }
        }
        Big x = num_big(a);
        if (big_bits(x) + (uint64_t)sh > BIG_MAX_BITS) {
            return fail_code(E->i, NULL, "integer value too large to represent");
        }
        set_big(a, big_shl(x, (uint64_t)sh));
        return TCL_OK;
    }
    default: {
        char op = lx == LX_BIT_AND ? '&' : lx == LX_BIT_OR ? '|' : '^';
        if (ints) {
            set_int(a, op == '&' ? a->i & b->i : op == '|' ? a->i | b->i : a->i ^ b->i);
        } else {
            set_big(a, big_bitop(num_big(a), num_big(b), op));
        }
        return TCL_OK;
    }
    }
}

static int op_binary(Ex *E, uint8_t lx, Val *a, Val *b) {
    switch (lx) {
    case LX_BINARY_PLUS: case LX_BINARY_MINUS: case LX_MULT: case LX_DIVIDE: case LX_EXPON:
        return op_arith(E, lx, a, b);
    case LX_MOD: case LX_LEFT_SHIFT: case LX_RIGHT_SHIFT: case LX_BIT_AND: case LX_BIT_OR:
    case LX_BIT_XOR:
        return op_integer(E, lx, a, b);
    case LX_STREQ:
    case LX_STRNEQ: {
        uint32_t an, bn;
        const char *as = val_str(E, a, &an);
        const char *bs = val_str(E, b, &bn);
        bool eq = an == bn && memcmp(as, bs, an) == 0;
        set_int(a, lx == LX_STREQ ? eq : !eq);
        return TCL_OK;
    }
    case LX_IN_LIST:
    case LX_NOT_IN_LIST:
        return op_in(E, lx, a, b);
    default:
        return op_compare(E, lx, a, b);
    }
}

static int op_unary(Ex *E, uint8_t lx, Val *v) {
    if (lx == LX_NOT) {
        bool b;
        if (val_bool(E, v, &b, false) != TCL_OK) return err_operand(E, v, "!");
        set_int(v, !b);
        return TCL_OK;
    }
    classify(E, v);
    bool bad = v->nt == N_NONE || v->nt == N_NAN || (lx == LX_BIT_NOT && v->nt == N_DBL);
    if (bad) return err_operand(E, v, op_name(lx));
    if (lx == LX_UNARY_PLUS) {
        if (!v->canon) {
            v->o = 0;
            v->s = NULL;
            v->canon = true;
        }
    } else if (lx == LX_UNARY_MINUS) {
        if (v->nt == N_DBL) set_dbl(v, -v->d);
        else if (v->nt == N_INT && v->i != INT64_MIN) set_int(v, -v->i);
        else set_big(v, big_negate(num_big(v)));
    } else {
        if (v->nt == N_INT) set_int(v, ~v->i);
        else set_big(v, big_sub(big_negate(v->b), big_from_i64(1)));
    }
    return TCL_OK;
}

/* ================================================================ functions */

enum {
    MF_ABS, MF_ACOS, MF_ASIN, MF_ATAN, MF_ATAN2, MF_BOOL, MF_CEIL, MF_COS, MF_COSH, MF_DOUBLE,
    MF_ENTIER, MF_EXP, MF_FLOOR, MF_FMOD, MF_HYPOT, MF_INT, MF_ISQRT, MF_LOG, MF_LOG10, MF_MAX,
    MF_MIN, MF_POW, MF_RAND, MF_ROUND, MF_SIN, MF_SINH, MF_SQRT, MF_SRAND, MF_TAN, MF_TANH,
    MF_WIDE, MF_COUNT
};

static const char *const mf_names[MF_COUNT] = {
    "abs",   "acos",  "asin",  "atan", "atan2", "bool", "ceil", "cos",  "cosh", "double", "entier",
    "exp",   "floor", "fmod",  "hypot", "int",  "isqrt", "log", "log10", "max", "min",   "pow",
    "rand",  "round", "sin",   "sinh", "sqrt",  "srand", "tan", "tanh", "wide"};

/* Arguments each function takes (-1: one or more). */
static const int8_t mf_arity[MF_COUNT] = {1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 1,
                                          1, 1, 1, -1, -1, 2, 0, 1, 1, 1, 1, 1, 1, 1, 1};

static int mf_lookup(const char *name, uint32_t n) {
    for (int k = 0; k < MF_COUNT; k++) {
        if (f_streq(name, n, mf_names[k])) return k;
    }
    return -1;
}

/* The seed of rand(), per interp. The core has no clock: an unseeded
 * interp starts from a seed derived from its id and a counter. */
#define RAND_SLOTS 16
static struct {
    FeatherInterp id;
    bool used;
    int64_t seed;
} rand_state[RAND_SLOTS];
static uint32_t rand_next_slot, rand_counter;

static int64_t *rand_seed(FeatherInterp i, bool *fresh) {
    for (int k = 0; k < RAND_SLOTS; k++) {
        if (rand_state[k].used && rand_state[k].id == i) {
            *fresh = false;
            return &rand_state[k].seed;
        }
    }
    uint32_t k = rand_next_slot++ % RAND_SLOTS;
    rand_state[k].used = true;
    rand_state[k].id = i;
    *fresh = true;
    return &rand_state[k].seed;
}

static void rand_set_seed(int64_t *seed, int64_t v) {
    *seed = v & 0x7fffffff;
    if (*seed == 0 || *seed == 0x7fffffff) *seed ^= 123459876;
}

/* Park and Miller's minimal standard generator, as Tcl's rand(). */
static double rand_step(int64_t *seed) {
    int64_t tmp = *seed / 127773;
    *seed = 16807 * (*seed - tmp * 127773) - 2836 * tmp;
    if (*seed < 0) *seed += 2147483647;
    return (double)*seed * (1.0 / 2147483647);
}

/* A function argument as a double (Tcl_GetDoubleFromObj). */
static int arg_double(Ex *E, Val *v, double *out) {
    classify(E, v);
    switch (v->nt) {
    case N_INT: case N_BIG: case N_DBL: *out = num_double(v); return TCL_OK;
    case N_NAN: return err_nan(E->i);
    default: return err_expected(E, v, "floating-point number", "TCL VALUE NUMBER");
    }
}

/* A function argument as a number (Tcl_GetNumberFromObj). */
static int arg_number(Ex *E, Val *v) {
    classify(E, v);
    if (v->nt == N_NONE) return err_expected(E, v, "number", "TCL VALUE NUMBER");
    return TCL_OK;
}

/* A double made an integer, exactly (entier); Inf cannot be. */
static int entier_of(Ex *E, double d, Val *out) {
    if (is_inf(d)) return err_too_large(E->i);
    d = m_trunc(d);
    if (d > -0x1p63 && d < 0x1p63) set_int(out, (int64_t)d);
    else set_big(out, big_from_double(d));
    return TCL_OK;
}

static bool mf_takes_double(int id) {
    switch (id) {
    case MF_ACOS: case MF_ASIN: case MF_ATAN: case MF_COS: case MF_COSH: case MF_EXP: case MF_LOG:
    case MF_LOG10: case MF_SIN: case MF_SINH: case MF_TAN: case MF_TANH:
        return true;
    default:
        return false;
    }
}

static double mf_unary_double(int id, double x) {
    switch (id) {
    case MF_ACOS: return m_acos(x);
    case MF_ASIN: return m_asin(x);
    case MF_ATAN: return m_atan(x);
    case MF_COS: return m_cos(x);
    case MF_COSH: return m_cosh(x);
    case MF_EXP: return m_exp(x);
    case MF_LOG: return m_log(x);
    case MF_LOG10: return m_log10(x);
    case MF_SIN: return m_sin(x);
    case MF_SINH: return m_sinh(x);
    case MF_TAN: return m_tan(x);
    default: return m_tanh(x);
    }
}

/* Call built-in function id with argc arguments in a[]; the result goes to
 * a[0] (a has room for it even when argc is 0). */
static int mathfunc(Ex *E, int id, Val *a, int argc) {
    FeatherInterp i = E->i;
    int want = mf_arity[id];
    if (want < 0 && argc == 0) {
        f_set_error_code(i, 0);
        return f_error(i, "not enough arguments to math function \"%s\"", mf_names[id]);
    }
    if (want >= 0 && argc != want) {
        f_set_error_code(i, f_str(i, "TCL WRONGARGS"));
        return f_error(i, "%s arguments for math function \"%s\"",
                       argc < want ? "not enough" : "too many", mf_names[id]);
    }
    double x, y, r;
    if (mf_takes_double(id)) {
        if (arg_double(E, &a[0], &x) != TCL_OK) return TCL_ERROR;
        r = mf_unary_double(id, x);
        if (is_nan(r)) return err_domain(i);
        set_dbl(&a[0], r);
        return TCL_OK;
    }
    switch (id) {
    case MF_ATAN2: case MF_FMOD: case MF_HYPOT: case MF_POW:
        if (arg_double(E, &a[0], &x) != TCL_OK || arg_double(E, &a[1], &y) != TCL_OK) return TCL_ERROR;
        r = id == MF_ATAN2 ? m_atan2(x, y) : id == MF_FMOD ? m_fmod(x, y)
          : id == MF_HYPOT ? m_hypot(x, y) : m_pow(x, y);
        if (is_nan(r)) return err_domain(i);
        set_dbl(&a[0], r);
        return TCL_OK;
    case MF_SQRT:
        if (arg_double(E, &a[0], &x) != TCL_OK) return TCL_ERROR;
        if (is_inf(x) && x > 0 && a[0].nt == N_BIG) {
            set_dbl(&a[0], big_to_double(big_isqrt(a[0].b), 0));
        } else {
            set_dbl(&a[0], m_sqrt(x)); /* NaN for x < 0: an error only when used */
        }
        return TCL_OK;
    case MF_DOUBLE:
        if (arg_double(E, &a[0], &x) != TCL_OK) return TCL_ERROR;
        set_dbl(&a[0], x);
        return TCL_OK;
    case MF_CEIL:
    case MF_FLOOR:
        if (arg_double(E, &a[0], &x) != TCL_OK) return TCL_ERROR;
        if (a[0].nt == N_DBL) r = id == MF_CEIL ? m_ceil(x) : m_floor(x);
        else r = big_to_double(num_big(&a[0]), id == MF_CEIL ? 1 : -1);
        set_dbl(&a[0], r);
        return TCL_OK;
    case MF_BOOL: {
        bool b;
        if (val_bool(E, &a[0], &b, true) != TCL_OK) return TCL_ERROR;
        set_int(&a[0], b);
        return TCL_OK;
    }
    case MF_ABS: {
        Val *v = &a[0];
        if (arg_number(E, v) != TCL_OK) return TCL_ERROR;
        if (v->nt == N_NAN) return err_nan(i);
        if (v->nt == N_DBL) {
            if (v->d < 0 || (v->d == 0 && (dbits(v->d) >> 63))) set_dbl(v, -v->d);
        } else if (v->nt == N_BIG) {
            if (v->b.neg) set_big(v, big_negate(v->b));
        } else if (v->i < 0) {
            if (v->i == INT64_MIN) set_big(v, big_negate(big_from_i64(v->i)));
            else set_int(v, -v->i);
        } else if (v->i == 0 && v->s) {
            /* "-0" and the like become 0 */
            for (uint32_t k = 0; k < v->n && v->s[k] != '0'; k++) {
                if (v->s[k] == '-') {
                    set_int(v, 0);
                    break;
                }
            }
        }
        return TCL_OK; /* otherwise the argument itself */
    }
    case MF_ENTIER:
    case MF_INT:
    case MF_WIDE:
    case MF_ROUND: {
        Val *v = &a[0];
        if (arg_number(E, v) != TCL_OK) return TCL_ERROR;
        if (v->nt == N_NAN) return err_nan(i);
        if (v->nt == N_DBL) {
            double d = v->d;
            if (id == MF_ROUND) {
                double ip = m_trunc(d), frac = d - ip;
                if (is_inf(d)) return err_too_large(i);
                if (entier_of(E, ip, v) != TCL_OK) return TCL_ERROR;
                if (frac <= -0.5 || frac >= 0.5) {
                    Val one;
                    set_int(&one, frac < 0 ? -1 : 1);
                    op_arith(E, LX_BINARY_PLUS, v, &one);
                }
            } else if (entier_of(E, d, v) != TCL_OK) {
                return TCL_ERROR;
            }
        }
        if ((id == MF_INT || id == MF_WIDE) && v->nt == N_BIG) set_int(v, (int64_t)big_low64(v->b));
        if ((id == MF_INT || id == MF_WIDE) && v->nt == N_INT && !v->canon) set_int(v, v->i);
        return TCL_OK;
    }
    case MF_ISQRT: {
        Val *v = &a[0];
        if (arg_number(E, v) != TCL_OK) return TCL_ERROR;
        if (v->nt == N_NAN) return err_nan(i);
        if (num_negative(v) || (v->nt == N_DBL && v->d < 0)) {
            return fail_code(i, "ARITH DOMAIN {domain error: argument not in valid range}",
                             "square root of negative argument");
        }
        double d = num_double(v);
        if ((v->nt == N_DBL && d <= 9007199254740991.0) || (v->nt == N_INT && d < 9007199254740991.0)) {
            set_int(v, (int64_t)m_sqrt(d));
            return TCL_OK;
        }
        Big b;
        if (v->nt == N_DBL) {
            if (is_inf(d)) return err_too_large(i);
            b = big_from_double(d);
        } else {
            b = num_big(v);
        }
        set_big(v, big_isqrt(b));
        return TCL_OK;
    }
    case MF_MAX:
    case MF_MIN: {
        /* As Tcl 8.6's procs: every argument must be a number; the first
         * extreme one is returned as it was given. */
        Val best;
        set_dbl(&best, id == MF_MAX ? -M_INF : M_INF);
        for (int k = 0; k < argc; k++) {
            if (arg_double(E, &a[k], &x) != TCL_OK) {
                f_set_error_code(i, 0); /* the procs rethrow the message only */
                return TCL_ERROR;
            }
            int c = num_cmp(&a[k], &best);
            if (id == MF_MAX ? c > 0 : c < 0) best = a[k];
        }
        a[0] = best;
        return TCL_OK;
    }
    case MF_RAND: {
        bool fresh;
        int64_t *seed = rand_seed(i, &fresh);
        if (fresh) rand_set_seed(seed, (int64_t)(i * 2654435761u) + ++rand_counter * 40503);
        set_dbl(&a[0], rand_step(seed));
        return TCL_OK;
    }
    case MF_SRAND: {
        Val *v = &a[0];
        classify(E, v);
        int64_t s;
        if (v->nt == N_INT) s = v->i;
        else if (v->nt == N_BIG) s = (int64_t)big_low64(v->b);
        else return err_expected(E, v, "integer", v->nt == N_NONE ? "TCL VALUE NUMBER" : "TCL VALUE INTEGER");
        bool fresh;
        int64_t *seed = rand_seed(i, &fresh);
        rand_set_seed(seed, s);
        set_dbl(v, rand_step(seed));
        return TCL_OK;
    }
    }
    return f_error(i, "unknown math function");
}

/* A function call: a built-in one, else the command tcl::mathfunc::NAME. */
static int call_function(Ex *E, const char *name, uint32_t nlen, Val *a, int argc) {
    int id = mf_lookup(name, nlen);
    if (id >= 0) return mathfunc(E, id, a, argc);
    FeatherInterp i = E->i;
    FeatherObj *objv = f_alloc(((size_t)argc + 1) * sizeof(FeatherObj));
    if (!objv) return f_oom(i);
    StrBuf b;
    sb_init(&b, nlen + 16);
    sb_adds(&b, "tcl::mathfunc::");
    sb_add(&b, name, nlen);
    objv[0] = f_strn(i, b.data ? b.data : "", b.len);
    for (int k = 0; k < argc; k++) objv[k + 1] = val_obj(E, &a[k]);
    int code = f_invoke(i, argc + 1, objv);
    if (code != TCL_OK) return code;
    val_clear(&a[0]);
    a[0].o = f_result(i);
    return TCL_OK;
}

/* The functions as commands, tcl::mathfunc::NAME ?arg ...?, for the
 * builtin table (an embedder's script may call them directly). */
static int mathfunc_cmd(FeatherInterp i, int id, int objc, FeatherObj *objv) {
    Ex E;
    memset(&E, 0, sizeof E);
    E.i = i;
    Val *a = f_alloc((size_t)(objc > 1 ? objc : 2) * sizeof(Val));
    if (!a) return f_oom(i);
    for (int k = 1; k < objc; k++) {
        val_clear(&a[k - 1]);
        a[k - 1].o = objv[k];
    }
    int code = mathfunc(&E, id, a, objc - 1);
    return code == TCL_OK ? f_ok(i, val_obj(&E, &a[0])) : code;
}

#define MATHFUNC_CMD(name, id) \
    static int mf_cmd_##name(FeatherInterp i, int objc, FeatherObj *objv) { \
        return mathfunc_cmd(i, id, objc, objv); \
    }
MATHFUNC_CMD(abs, MF_ABS)
MATHFUNC_CMD(acos, MF_ACOS)
MATHFUNC_CMD(asin, MF_ASIN)
MATHFUNC_CMD(atan, MF_ATAN)
MATHFUNC_CMD(atan2, MF_ATAN2)
MATHFUNC_CMD(bool, MF_BOOL)
MATHFUNC_CMD(ceil, MF_CEIL)
MATHFUNC_CMD(cos, MF_COS)
MATHFUNC_CMD(cosh, MF_COSH)
MATHFUNC_CMD(double, MF_DOUBLE)
MATHFUNC_CMD(entier, MF_ENTIER)
MATHFUNC_CMD(exp, MF_EXP)
MATHFUNC_CMD(floor, MF_FLOOR)
MATHFUNC_CMD(fmod, MF_FMOD)
MATHFUNC_CMD(hypot, MF_HYPOT)
MATHFUNC_CMD(int, MF_INT)
MATHFUNC_CMD(isqrt, MF_ISQRT)
MATHFUNC_CMD(log, MF_LOG)
MATHFUNC_CMD(log10, MF_LOG10)
MATHFUNC_CMD(max, MF_MAX)
MATHFUNC_CMD(min, MF_MIN)
MATHFUNC_CMD(pow, MF_POW)
MATHFUNC_CMD(rand, MF_RAND)
MATHFUNC_CMD(round, MF_ROUND)
MATHFUNC_CMD(sin, MF_SIN)
MATHFUNC_CMD(sinh, MF_SINH)
MATHFUNC_CMD(sqrt, MF_SQRT)
MATHFUNC_CMD(srand, MF_SRAND)
MATHFUNC_CMD(tan, MF_TAN)
MATHFUNC_CMD(tanh, MF_TANH)
MATHFUNC_CMD(wide, MF_WIDE)

/* Not yet listed in builtins.c: defining them needs the namespace
 * ::tcl::mathfunc to exist first. */
const BuiltinDef f_cmds_mathfunc[] = {
    {"::tcl::mathfunc::abs", mf_cmd_abs},       {"::tcl::mathfunc::acos", mf_cmd_acos},
    {"::tcl::mathfunc::asin", mf_cmd_asin},     {"::tcl::mathfunc::atan", mf_cmd_atan},
    {"::tcl::mathfunc::atan2", mf_cmd_atan2},   {"::tcl::mathfunc::bool", mf_cmd_bool},
    {"::tcl::mathfunc::ceil", mf_cmd_ceil},     {"::tcl::mathfunc::cos", mf_cmd_cos},
    {"::tcl::mathfunc::cosh", mf_cmd_cosh},     {"::tcl::mathfunc::double", mf_cmd_double},
    {"::tcl::mathfunc::entier", mf_cmd_entier}, {"::tcl::mathfunc::exp", mf_cmd_exp},
    {"::tcl::mathfunc::floor", mf_cmd_floor},   {"::tcl::mathfunc::fmod", mf_cmd_fmod},
    {"::tcl::mathfunc::hypot", mf_cmd_hypot},   {"::tcl::mathfunc::int", mf_cmd_int},
    {"::tcl::mathfunc::isqrt", mf_cmd_isqrt},   {"::tcl::mathfunc::log", mf_cmd_log},
    {"::tcl::mathfunc::log10", mf_cmd_log10},   {"::tcl::mathfunc::max", mf_cmd_max},
    {"::tcl::mathfunc::min", mf_cmd_min},       {"::tcl::mathfunc::pow", mf_cmd_pow},
    {"::tcl::mathfunc::rand", mf_cmd_rand},     {"::tcl::mathfunc::round", mf_cmd_round},
    {"::tcl::mathfunc::sin", mf_cmd_sin},       {"::tcl::mathfunc::sinh", mf_cmd_sinh},
    {"::tcl::mathfunc::sqrt", mf_cmd_sqrt},     {"::tcl::mathfunc::srand", mf_cmd_srand},
    {"::tcl::mathfunc::tan", mf_cmd_tan},       {"::tcl::mathfunc::tanh", mf_cmd_tanh},
    {"::tcl::mathfunc::wide", mf_cmd_wide},     {0, 0}};

/* ================================================================ running */

/* Run P. A condition (if, while, for) is not converted to a canonical
 * number at the end: Tcl's compiled conditions test the value as it is. */
static int run(Ex *E, const Prog *P, bool condition, Val *result) {
    Val *st = f_alloc(((size_t)P->ncode + 1) * sizeof(Val));
    if (!st) return f_oom(E->i);
    int sp = 0, code = TCL_OK;
    for (uint32_t pc = 0; pc < P->ncode; pc++) {
        const Ins *in = &P->code[pc];
        switch (in->op) {
        case OP_LEAF:
            code = leaf_value(E, &P->leaves[in->a], &st[sp++]);
            break;
        case OP_UNARY:
            if (condition && (int32_t)pc == P->final_not) break; /* tested below */
            code = op_unary(E, in->lex, &st[sp - 1]);
            break;
        case OP_BINARY:
            code = op_binary(E, in->lex, &st[sp - 2], &st[sp - 1]);
            sp--;
            break;
        case OP_JUMP_FALSE:
        case OP_JUMP_TRUE: {
            bool b;
            code = val_bool(E, &st[--sp], &b, true);
            if (code == TCL_OK && b == (in->op == OP_JUMP_TRUE)) pc = (uint32_t)in->a - 1;
            break;
        }
        case OP_JUMP:
            pc = (uint32_t)in->a - 1;
            break;
        case OP_PUSH:
            set_int(&st[sp++], in->a);
            break;
        case OP_CALL: {
            const Node *fn = &P->nodes[in->a];
            int argc = in->b;
            sp -= argc;
            code = call_function(E, E->src + fn->name, fn->name_len, &st[sp], argc);
            sp++;
            break;
        }
        case OP_CONVERT:
            if (!condition || (int32_t)pc != P->final_convert) code = try_convert(E, &st[sp - 1]);
            break;
        }
        if (code != TCL_OK) {
            /* Tcl met this error while compiling (folding a constant): its
             * errorInfo has begun before the command is logged. */
            if (code == TCL_ERROR && in->folded) f_add_error_info(E->i, "", 0);
            return code;
        }
    }
    *result = st[0];
    return TCL_OK;
}

/* Copy a compiled program into the eval's cache, so that an expression
 * whose text is stable (a loop's condition, a literal in a cached body) is
 * compiled once per eval. */
static const Prog *keep_prog(const char *s, uint32_t n, const Prog *P) {
    Prog *k = cache_keep(sizeof *k);
    Node *nodes = k ? cache_keep((P->nnodes ? P->nnodes : 1) * sizeof(Node)) : NULL;
    Leaf *leaves = nodes ? cache_keep((P->nleaves ? P->nleaves : 1) * sizeof(Leaf)) : NULL;
    Ins *code = leaves ? cache_keep((P->ncode ? P->ncode : 1) * sizeof(Ins)) : NULL;
    if (!code) return NULL;
    *k = *P;
    memcpy(nodes, P->nodes, P->nnodes * sizeof(Node));
    memcpy(leaves, P->leaves, P->nleaves * sizeof(Leaf));
    memcpy(code, P->code, P->ncode * sizeof(Ins));
    for (uint32_t j = 0; j < P->nleaves; j++) {
        Big *b = &leaves[j].b;
        if (b->n == 0) continue;
        uint32_t *d = cache_keep(b->n * sizeof(uint32_t));
        if (!d) return NULL; /* the program is not bound: never used */
        memcpy(d, b->d, b->n * sizeof(uint32_t));
        b->d = d;
    }
    k->nodes = nodes;
    k->leaves = leaves;
    k->code = code;
    cache_bind(s, n, CACHE_KIND_EXPR, k);
    return k;
}

/* The programs of stable texts used last, by address: most expressions
 * evaluated are a few conditions and bodies' expressions over and over,
 * so this finds them without asking the cache. */
#define EXPR_MEMO 64u
static struct {
    const char *s;
    uint32_t n;
    uint32_t gen; /* cache_generation when remembered */
    const Prog *p;
} expr_memo[EXPR_MEMO];

static int expr_eval(FeatherInterp i, const char *s, uint32_t n, bool condition, Ex *E, Val *out) {
    E->i = i;
    E->src = s;
    E->n = n;
    Prog P;
    uint32_t slot = (uint32_t)(((uintptr_t)s >> 2) ^ n) & (EXPR_MEMO - 1);
    if (expr_memo[slot].s == s && expr_memo[slot].n == n && expr_memo[slot].gen == cache_generation) {
        P = *expr_memo[slot].p;
    } else {
        bool stable = cache_stable(s);
        const Prog *kept = stable ? cache_find(s, n, CACHE_KIND_EXPR) : NULL;
        if (kept) {
            P = *kept;
        } else {
            if (compile_expr(E, &P) != TCL_OK) return TCL_ERROR;
            if (stable) kept = keep_prog(s, n, &P);
        }
        if (kept) {
            expr_memo[slot].s = s;
            expr_memo[slot].n = n;
            expr_memo[slot].gen = cache_generation;
            expr_memo[slot].p = kept;
        }
    }
    int code = run(E, &P, condition, out);
    if (code == TCL_OK && condition && P.final_not >= 0) {
        bool b;
        code = val_bool(E, out, &b, true);
        if (code == TCL_OK) set_int(out, !b); /* b is unset when the value is no boolean */
    }
    return code;
}

/* ================================================================ the API */

int f_expr(FeatherInterp i, FeatherObj e, FeatherObj *out) {
    uint32_t n;
    const char *s = f_get(i, e, &n);
    Ex E;
    Val v;
    int code = expr_eval(i, s, n, false, &E, &v);
    if (code != TCL_OK) return code;
    *out = val_obj(&E, &v);
    return TCL_OK;
}

int f_expr_bool(FeatherInterp i, FeatherObj e, bool *out) {
    uint32_t n;
    const char *s = f_get(i, e, &n);
    Ex E;
    Val v;
    int code = expr_eval(i, s, n, true, &E, &v);
    if (code != TCL_OK) return code;
    return val_bool(&E, &v, out, true);
}

/* expr arg ?arg ...?: the arguments are joined as concat joins them. */
int f_cmd_expr(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 2) return f_wrong_args(i, 1, objv, "arg ?arg ...?");
    FeatherObj result;
    if (objc == 2) {
        int code = f_expr(i, objv[1], &result);
        return code == TCL_OK ? f_ok(i, result) : code;
    }
    StrBuf b;
    sb_init(&b, 64);
    for (int k = 1; k < objc; k++) {
        uint32_t n;
        const char *s = f_get(i, objv[k], &n);
        uint32_t lo = 0, hi = n;
        while (lo < hi && is_space(s[lo])) lo++;
        while (hi > lo && is_space(s[hi - 1])) hi--;
        if (lo == hi) continue;
        if (b.len) sb_addc(&b, ' ');
        sb_add(&b, s + lo, hi - lo);
    }
    Ex E;
    Val v;
    int code = expr_eval(i, b.data ? b.data : "", b.len, false, &E, &v);
    if (code != TCL_OK) return code;
    return f_ok(i, val_obj(&E, &v));
}
