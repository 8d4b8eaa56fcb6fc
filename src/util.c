/*
 * util.c -- the small libc subset the core needs, the arena wrappers, the
 * string builder, UTF-8 and glob matching. Nothing here talks to the host.
 */
#include "cache.h"
#include "core.h"

/* ------------------------------------------------------------ libc subset */

#ifdef FEATHER_WASM_BUILD
/* WASM has bulk-memory instructions (memory.copy, memory.fill; on by
 * default for zig's wasm32 target): the builtins compile to them, never to
 * calls back into these functions. The compiler calls these functions even
 * for small fixed sizes (zeroing a struct, copying a lookup), and an engine
 * runs memory.fill / memory.copy out of line (V8 calls into C++), which
 * costs far more than a few stores: short lengths use plain stores.
 * no_builtin keeps the compiler from turning those loops back into calls. */
#define SHORT_MEM 64u

typedef uint64_t __attribute__((aligned(1), may_alias)) U64u;
typedef uint32_t __attribute__((aligned(1), may_alias)) U32u;

__attribute__((no_builtin("memcpy"))) void *memcpy(void *dst, const void *src, size_t n) {
    if (n > SHORT_MEM) return __builtin_memcpy(dst, src, n);
    unsigned char *d = dst;
    const unsigned char *s = src;
    for (; n >= 8; n -= 8, d += 8, s += 8) *(U64u *)d = *(const U64u *)s;
    if (n >= 4) {
        *(U32u *)d = *(const U32u *)s;
        n -= 4, d += 4, s += 4;
    }
    while (n--) *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n) { return __builtin_memmove(dst, src, n); }

__attribute__((no_builtin("memset"))) void *memset(void *dst, int c, size_t n) {
    if (n > SHORT_MEM) return __builtin_memset(dst, c, n);
    unsigned char *d = dst;
    uint64_t w = (unsigned char)c * 0x0101010101010101ull;
    for (; n >= 8; n -= 8, d += 8) *(U64u *)d = w;
    while (n--) *d++ = (unsigned char)c;
    return dst;
}
#else
/* The compiler may emit calls to these for struct copies: keep them plain
 * byte loops the optimiser cannot turn back into calls to themselves. */
void *memcpy(void *dst, const void *src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    while (n--) *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d < s) {
        while (n--) *d++ = *s++;
    } else if (d > s) {
        d += n;
        s += n;
        while (n--) *--d = *--s;
    }
    return dst;
}

void *memset(void *dst, int c, size_t n) {
    unsigned char *d = dst;
    while (n--) *d++ = (unsigned char)c;
    return dst;
}

#endif

int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *x = a, *y = b;
    for (size_t k = 0; k < n; k++) {
        if (x[k] != y[k]) return x[k] < y[k] ? -1 : 1;
    }
    return 0;
}

size_t f_strlen(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

bool f_streq(const char *a, uint32_t alen, const char *b) {
    uint32_t k = 0;
    for (; k < alen; k++) {
        if (b[k] == 0 || a[k] != b[k]) return false;
    }
    return b[k] == 0;
}

/* ------------------------------------------------------------ arena */

/* Consumed by the evaluator (f_take_alloc_failure, core.h), which reports
 * the failure as a Tcl error. */
bool f_alloc_failed;

void *f_alloc(size_t n) {
    void *p = feather_arena_alloc(n ? n : 1);
    if (!p) f_alloc_failed = true;
    return p;
}

size_t f_mark(void) { return feather_arena_used(); }

void f_release(size_t mark) {
    size_t floor = cache_floor();
    feather_arena_release(mark > floor ? mark : floor);
}

/* ------------------------------------------------------------ string builder */

void sb_init(StrBuf *b, uint32_t cap) {
    if (cap < 16) cap = 16;
    cap = (cap + 7u) & ~7u;
    b->data = f_alloc(cap);
    b->len = 0;
    b->cap = b->data ? cap : 0;
}

/* Grow to hold `need` bytes plus a NUL. When the buffer is the arena's last
 * allocation it is extended in place, so a builder that grows repeatedly
 * does not leave its old copies behind. */
static bool sb_reserve(StrBuf *b, uint32_t need) {
    if (b->cap == UINT32_MAX) return false; /* failed before: do not retry */
    if (need + 1 <= b->cap) return true;
    uint32_t cap = b->cap ? b->cap : 16;
    while (cap < need + 1) {
        if (cap > 0x7fffffffu) return false;
        cap *= 2;
    }
    if (b->data) {
        char *more = feather_arena_alloc(cap - b->cap);
        if (more == b->data + b->cap) {
            b->cap = cap;
            return true;
        }
        /* Not contiguous: the extra block is wasted only this once; the new
         * buffer is then the last allocation and grows in place next time. */
    }
    char *d = f_alloc(cap);
    if (!d) {
        b->cap = UINT32_MAX; /* sticky: the builder stays as it is */
        return false;
    }
    if (b->len) memcpy(d, b->data, b->len);
    b->data = d;
    b->cap = cap;
    return true;
}

void sb_add(StrBuf *b, const char *s, uint32_t n) {
    if (!n) return;
    if (!sb_reserve(b, b->len + n)) return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

void sb_addc(StrBuf *b, char c) { sb_add(b, &c, 1); }

void sb_adds(StrBuf *b, const char *cstr) { sb_add(b, cstr, (uint32_t)f_strlen(cstr)); }

void sb_add_int(StrBuf *b, int64_t v) {
    char tmp[24];
    int k = 24;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[--k] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) tmp[--k] = '-';
    sb_add(b, tmp + k, (uint32_t)(24 - k));
}

void sb_add_utf8(StrBuf *b, uint32_t cp) {
    char tmp[4];
    sb_add(b, tmp, utf8_encode(cp, tmp));
}

/* ------------------------------------------------------------ list elements */

/* Tcl_Merge's rules: an element is written bare when it contains nothing
 * special; in braces when braces balance and it does not end in an odd
 * backslash; otherwise with backslashes before each special character. */
void sb_add_element(StrBuf *b, const char *s, uint32_t n, bool first) {
    if (n == 0) {
        sb_add(b, "{}", 2);
        return;
    }
    bool needs_quote = (first && s[0] == '#') || s[0] == '{' || s[0] == '"';
    bool can_brace = true;
    int depth = 0;
    for (uint32_t k = 0; k < n; k++) {
        char c = s[k];
        switch (c) {
        case '{':
            depth++;
            needs_quote = true;
            break;
        case '}':
            if (--depth < 0) can_brace = false;
            needs_quote = true;
            break;
        case '\\':
            needs_quote = true;
            if (k + 1 == n) can_brace = false;
            else if (s[k + 1] == '\n') can_brace = false;
            else k++; /* the escaped character cannot close a brace */
            break;
        case ' ': case '\t': case '\n': case '\r': case '\v': case '\f':
        case '[': case ']': case '$': case ';': case '"':
            needs_quote = true;
            break;
        default:
            break;
        }
    }
    if (depth != 0) can_brace = false;
    if (!needs_quote) {
        sb_add(b, s, n);
        return;
    }
    if (can_brace) {
        sb_addc(b, '{');
        sb_add(b, s, n);
        sb_addc(b, '}');
        return;
    }
    for (uint32_t k = 0; k < n; k++) {
        char c = s[k];
        switch (c) {
        case '\n': sb_add(b, "\\n", 2); continue;
        case '\t': sb_add(b, "\\t", 2); continue;
        case '\r': sb_add(b, "\\r", 2); continue;
        case '\v': sb_add(b, "\\v", 2); continue;
        case '\f': sb_add(b, "\\f", 2); continue;
        case '{': case '}': case '[': case ']': case '$': case ';': case '"':
        case '\\': case ' ':
            sb_addc(b, '\\');
            break;
        case '#':
            if (k == 0 && first) sb_addc(b, '\\');
            break;
        default:
            break;
        }
        sb_addc(b, c);
    }
}

/* ------------------------------------------------------------ UTF-8 */

uint32_t utf8_decode(const char *str, uint32_t n, uint32_t *cp) {
    const unsigned char *s = (const unsigned char *)str;
    if (n == 0) {
        *cp = 0;
        return 0;
    }
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    uint32_t need, v;
    if ((c & 0xe0) == 0xc0) { need = 1; v = c & 0x1f; }
    else if ((c & 0xf0) == 0xe0) { need = 2; v = c & 0x0f; }
    else if ((c & 0xf8) == 0xf0) { need = 3; v = c & 0x07; }
    else { *cp = c; return 1; } /* a stray byte stands for itself */
    if (need >= n) { *cp = c; return 1; }
    for (uint32_t k = 1; k <= need; k++) {
        if ((s[k] & 0xc0) != 0x80) { *cp = c; return 1; }
        v = (v << 6) | (s[k] & 0x3f);
    }
    *cp = v;
    return need + 1;
}

uint32_t utf8_encode(uint32_t cp, char *out) {
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    if (cp > 0x10ffff) cp = 0xfffd;
    out[0] = (char)(0xf0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

uint32_t utf8_count(const char *s, uint32_t n) {
    uint32_t count = 0, k = 0, cp;
    while (k < n) {
        if ((unsigned char)s[k] < 0x80) k++;
        else k += utf8_decode(s + k, n - k, &cp);
        count++;
    }
    return count;
}

uint32_t utf8_offset(const char *s, uint32_t n, uint32_t idx) {
    uint32_t k = 0, cp;
    while (idx > 0 && k < n) {
        if ((unsigned char)s[k] < 0x80) k++;
        else k += utf8_decode(s + k, n - k, &cp);
        idx--;
    }
    return k;
}

/* ------------------------------------------------------------ glob */

/* One character at s[k] (k < n): its code point and byte length. */
static uint32_t glob_char(const char *s, uint32_t n, uint32_t k, uint32_t *cp) {
    if ((unsigned char)s[k] < 0x80) {
        *cp = (unsigned char)s[k];
        return 1;
    }
    return utf8_decode(s + k, n - k, cp);
}

static uint32_t fold(FeatherInterp i, bool unicode, uint32_t c) {
    if (c < 128) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return unicode ? fstr_case(i, c, 0) : c;
}

/* Tcl_StringCaseMatch, by characters. unicode: fold non-ASCII case through
 * the host (i is a real interp), else ASCII letters only. */
static bool glob_match(FeatherInterp i, bool unicode, const char *pat, uint32_t pn,
                       const char *str, uint32_t sn, bool nocase) {
    uint32_t p = 0, s = 0, ch1, ch2, len;
    for (;;) {
        if (p == pn) return s == sn;
        char pc = pat[p];
        if (s == sn && pc != '*') return false;
        if (pc == '*') {
            while (++p < pn && pat[p] == '*') {}
            if (p == pn) return true;
            char next = pat[p];
            glob_char(pat, pn, p, &ch2);
            if (nocase) ch2 = fold(i, unicode, ch2);
            for (uint32_t from = s;;) {
                if (next != '[' && next != '?' && next != '\\') {
                    /* Skip quickly to the next possible start. */
                    while (s < sn) {
                        len = glob_char(str, sn, s, &ch1);
                        if (ch2 == ch1 || (nocase && ch2 == fold(i, unicode, ch1))) break;
                        s += len;
                    }
                }
                /* A unit per start tried and per F_POLL_BYTES skipped; stopped:
                 * no match (the eval ends with the stop whatever follows). */
                if (i && f_poll_work(i, 1 + (s - from) / F_POLL_BYTES) != TCL_OK) return false;
                if (glob_match(i, unicode, pat + p, pn - p, str + s, sn - s, nocase)) return true;
                if (s == sn) return false;
                s += glob_char(str, sn, s, &ch1);
                from = s;
            }
        }
        if (pc == '?') {
            p++;
            s += glob_char(str, sn, s, &ch1);
            continue;
        }
        if (pc == '[') {
            p++;
            s += glob_char(str, sn, s, &ch1);
            if (nocase) ch1 = fold(i, unicode, ch1);
            for (;;) {
                uint32_t lo, hi;
                if (p == pn || pat[p] == ']') return false;
                p += glob_char(pat, pn, p, &lo);
                if (nocase) lo = fold(i, unicode, lo);
                if (p < pn && pat[p] == '-') {
                    p++;
                    if (p == pn) return false;
                    p += glob_char(pat, pn, p, &hi);
                    if (nocase) hi = fold(i, unicode, hi);
                    if ((lo <= ch1 && ch1 <= hi) || (hi <= ch1 && ch1 <= lo)) break;
                } else if (lo == ch1) {
                    break;
                }
            }
            while (p < pn && pat[p] != ']') p++;
            if (p < pn) p++;
            continue;
        }
        if (pc == '\\') {
            p++;
            if (p == pn) return false;
        }
        s += glob_char(str, sn, s, &ch1);
        p += glob_char(pat, pn, p, &ch2);
        if (nocase ? fold(i, unicode, ch1) != fold(i, unicode, ch2) : ch1 != ch2) return false;
    }
}

bool f_match(FeatherInterp i, const char *pat, uint32_t pn, const char *s, uint32_t sn, bool nocase) {
    return glob_match(i, true, pat, pn, s, sn, nocase);
}

bool f_glob(const char *pat, uint32_t pn, const char *s, uint32_t sn, bool nocase) {
    return glob_match(0, false, pat, pn, s, sn, nocase);
}
