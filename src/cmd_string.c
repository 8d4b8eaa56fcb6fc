/*
 * cmd_string.c -- the string command: every subcommand of Tcl 8.6's string
 * ensemble, with Tcl's options, results and error messages.
 *
 * Strings are UTF-8 in the core and indexed by characters (code points).
 * ASCII is handled here; the case and class of other code points come from
 * the host (feather_host_rune_case / feather_host_rune_class) through a
 * small cache, as both are pure functions of the code point.
 *
 * The helpers named fstr_* are shared with cmd_list.c (case mapping,
 * -nocase comparisons, lsort -dictionary).
 */
#include "core.h"

/* ------------------------------------------------------------ characters */

enum {
    RC_ALPHA = 1,
    RC_DIGIT = 2,
    RC_SPACE = 4,
    RC_UPPER = 8,
    RC_LOWER = 16,
    RC_PUNCT = 32,
    RC_PRINT = 64,
    RC_CONTROL = 128
};

/* Direct-mapped caches of host answers for code points >= 128. */
#define RUNE_CACHE 256
static uint32_t case_key[3][RUNE_CACHE];
static uint32_t case_val[3][RUNE_CACHE];
static uint32_t class_key[RUNE_CACHE];
static uint32_t class_val[RUNE_CACHE];

static uint32_t rune_slot(uint32_t c) { return (c * 2654435761u) >> 24; }

/* Case mapping of one code point: mode 0 lower, 1 upper, 2 title. */
uint32_t fstr_case(FeatherInterp i, uint32_t c, int mode) {
    if (c < 128) {
        if (mode == 0) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
        return (c >= 'a' && c <= 'z') ? c - 32 : c;
    }
    uint32_t s = rune_slot(c);
    if (case_key[mode][s] == c) return case_val[mode][s];
    uint32_t r = feather_host_rune_case(i, c, mode);
    case_key[mode][s] = c;
    case_val[mode][s] = r;
    return r;
}

static uint32_t ascii_class(uint32_t c) {
    uint32_t r = 0;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) r |= RC_ALPHA;
    if (c >= 'A' && c <= 'Z') r |= RC_UPPER;
    if (c >= 'a' && c <= 'z') r |= RC_LOWER;
    if (c >= '0' && c <= '9') r |= RC_DIGIT;
    if (c == ' ' || (c >= 9 && c <= 13)) r |= RC_SPACE;
    if (c >= 32 && c < 127) r |= RC_PRINT;
    if (c < 32 || c == 127) r |= RC_CONTROL;
    /* Unicode's punctuation (P*), not symbols: $ + < = > ^ ` | ~ are not. */
    if ((c >= 33 && c <= 47 && c != '$' && c != '+') || c == ':' || c == ';' || c == '?' ||
        c == '@' || (c >= '[' && c <= ']') || c == '_' || c == '{' || c == '}')
        r |= RC_PUNCT;
    return r;
}

/* Class bits (RC_*) of one code point. */
uint32_t fstr_class(FeatherInterp i, uint32_t c) {
    if (c < 128) return ascii_class(c);
    uint32_t s = rune_slot(c);
    if (class_key[s] == c) return class_val[s];
    uint32_t r = feather_host_rune_class(i, c);
    class_key[s] = c;
    class_val[s] = r;
    return r;
}

/* Connector punctuation (Pc): word characters besides letters and digits. */
static bool is_connector(uint32_t c) {
    return c == '_' || c == 0x203f || c == 0x2040 || c == 0x2054 || c == 0xfe33 || c == 0xfe34 ||
           (c >= 0xfe4d && c <= 0xfe4f) || c == 0xff3f;
}

static bool is_wordchar(FeatherInterp i, uint32_t c) {
    if (c < 128) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    }
    return (fstr_class(i, c) & (RC_ALPHA | RC_DIGIT)) || is_connector(c);
}

static uint32_t lower(FeatherInterp i, uint32_t c) { return fstr_case(i, c, 0); }

/* One character at s[k] (k < n): its code point and byte length. */
static uint32_t char_at(const char *s, uint32_t n, uint32_t k, uint32_t *cp) {
    if ((unsigned char)s[k] < 0x80) {
        *cp = (unsigned char)s[k];
        return 1;
    }
    return utf8_decode(s + k, n - k, cp);
}

/* Byte offset of the character before byte offset k (k > 0). */
static uint32_t char_prev(const char *s, uint32_t k) {
    uint32_t j = k - 1;
    int cont = 0;
    while (j > 0 && cont < 3 && ((unsigned char)s[j] & 0xc0) == 0x80) {
        j--;
        cont++;
    }
    uint32_t cp;
    if (j + utf8_decode(s + j, k - j, &cp) == k) return j;
    return k - 1;
}

static bool is_ascii(const char *s, uint32_t n) {
    for (uint32_t k = 0; k < n; k++) {
        if ((unsigned char)s[k] >= 0x80) return false;
    }
    return true;
}

/* A string with its character count; offsets by character index. */
typedef struct Str {
    const char *s;
    uint32_t n;      /* bytes */
    uint32_t chars;  /* characters */
    bool ascii;
} Str;

static void str_load(FeatherInterp i, FeatherObj o, Str *st) {
    st->s = f_get(i, o, &st->n);
    st->ascii = is_ascii(st->s, st->n);
    st->chars = st->ascii ? st->n : utf8_count(st->s, st->n);
}

static uint32_t str_off(const Str *st, uint32_t k) {
    if (k >= st->chars) return st->n;
    return st->ascii ? k : utf8_offset(st->s, st->n, k);
}

/* ------------------------------------------------------------ shared helpers */

/* errorCode "WORDS value" with value quoted as a list element. */
void fstr_error_code(FeatherInterp i, const char *words, const char *v, uint32_t n) {
    StrBuf b;
    sb_init(&b, (uint32_t)f_strlen(words) + n + 8);
    sb_adds(&b, words);
    sb_addc(&b, ' ');
    sb_add_element(&b, v, n, false);
    f_set_error_code(i, f_strn(i, b.data ? b.data : "", b.len));
}

/* "bad option" for the options Tcl checks by hand. */
static int bad_option(FeatherInterp i, const char *s, uint32_t n, const char *must) {
    fstr_error_code(i, "TCL LOOKUP INDEX option", s, n);
    return f_error(i, "bad option \"%S\": must be %s", s, n, must);
}

/* Tcl_GetIntFromObj: an integer whose magnitude fits 32 bits unsigned,
 * wrapped to a C int as Tcl does. */
int fstr_get_int32(FeatherInterp i, FeatherObj o, int32_t *out) {
    int64_t raw;
    if (f_integer_get(i, o, &raw) != 1) {
        uint32_t n;
        const char *s = f_get(i, o, &n);
        int r = f_parse_int(s, n, &raw);
        if (r == 0) {
            f_set_error_code(i, f_str(i, "TCL VALUE INTEGER"));
            return f_error(i, "expected integer but got \"%S\"", s, n);
        }
        if (r == 2) goto too_large;
    }
    if (raw > 4294967295LL || raw < -4294967295LL) goto too_large;
    *out = (int32_t)(uint32_t)(uint64_t)raw;
    return TCL_OK;
too_large:
    f_set_error_code(i, f_str(i, "ARITH IOVERFLOW {integer value too large to represent}"));
    return f_error(i, "integer value too large to represent");
}

/* Compare as Tcl's string compare: -1, 0 or 1. reqlen < 0: whole strings;
 * otherwise at most reqlen characters. */
int fstr_compare(FeatherInterp i, const char *a, uint32_t an, const char *b, uint32_t bn,
                 bool nocase, int64_t reqlen) {
    if (reqlen == 0) return 0;
    if (!nocase && reqlen < 0) {
        uint32_t m = an < bn ? an : bn;
        int c = memcmp(a, b, m);
        if (c) return c < 0 ? -1 : 1;
        return an == bn ? 0 : an < bn ? -1 : 1;
    }
    uint32_t pa = 0, pb = 0;
    int64_t k = 0;
    while (pa < an && pb < bn && (reqlen < 0 || k < reqlen)) {
        uint32_t ca, cb;
        pa += char_at(a, an, pa, &ca);
        pb += char_at(b, bn, pb, &cb);
        if (ca != cb) {
            if (nocase) {
                ca = lower(i, ca);
                cb = lower(i, cb);
            }
            if (ca != cb) return ca < cb ? -1 : 1;
        }
        k++;
    }
    if (reqlen >= 0 && k >= reqlen) return 0;
    if (pa < an) return 1;
    if (pb < bn) return -1;
    return 0;
}

/* ------------------------------------------------------------ dispatch helpers */

static const char *const subcommands[] = {
    "bytelength", "cat",     "compare",  "equal",    "first",    "index",     "is",
    "last",       "length",  "map",      "match",    "range",    "repeat",    "replace",
    "reverse",    "tolower", "totitle",  "toupper",  "trim",     "trimleft",  "trimright",
    "wordend",    "wordstart", 0};

enum {
    S_BYTELENGTH, S_CAT, S_COMPARE, S_EQUAL, S_FIRST, S_INDEX, S_IS, S_LAST, S_LENGTH, S_MAP,
    S_MATCH, S_RANGE, S_REPEAT, S_REPLACE, S_REVERSE, S_TOLOWER, S_TOTITLE, S_TOUPPER, S_TRIM,
    S_TRIMLEFT, S_TRIMRIGHT, S_WORDEND, S_WORDSTART
};

/* "wrong # args" for a subcommand, named in full as Tcl's ensembles do. */
static int sub_wrong(FeatherInterp i, FeatherObj *objv, int sub, const char *usage) {
    f_set_error_code(i, f_str(i, "TCL WRONGARGS"));
    return f_error(i, "wrong # args: should be \"%o %s%s%s\"", objv[0], subcommands[sub],
                   *usage ? " " : "", usage);
}

/* An option word that is a prefix (of two characters or more) of opt. */
static bool is_opt(const char *s, uint32_t n, const char *opt) {
    uint32_t ol = (uint32_t)f_strlen(opt);
    return n > 1 && n <= ol && memcmp(s, opt, n) == 0;
}

/* ------------------------------------------------------------ subcommands */

static int s_bytelength(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 3) return sub_wrong(i, objv, S_BYTELENGTH, "string");
    uint32_t n;
    const char *s = f_get(i, objv[2], &n);
    int64_t len = n;
    for (uint32_t k = 0; k < n; k++) len += s[k] == 0; /* Tcl stores NUL in 2 bytes */
    return f_ok_int(i, len);
}

static int s_cat(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc == 2) return f_ok_empty(i);
    if (objc == 3) return f_ok(i, objv[2]);
    return f_ok(i, feather_host_string_concat(i, objv + 2, (uint32_t)(objc - 2)));
}

/* Options of compare/equal: ?-nocase? ?-length int?. */
static int cmp_options(FeatherInterp i, int objc, FeatherObj *objv, int sub, bool *nocase,
                       int64_t *reqlen) {
    static const char usage[] = "?-nocase? ?-length int? string1 string2";
    if (objc < 4 || objc > 7) return sub_wrong(i, objv, sub, usage);
    *nocase = false;
    *reqlen = -1;
    for (int k = 2; k < objc - 2; k++) {
        uint32_t n;
        const char *s = f_get(i, objv[k], &n);
        if (is_opt(s, n, "-nocase")) {
            *nocase = true;
        } else if (is_opt(s, n, "-length")) {
            if (k + 1 >= objc - 2) return sub_wrong(i, objv, sub, usage);
            int32_t v;
            if (fstr_get_int32(i, objv[++k], &v) != TCL_OK) return TCL_ERROR;
            *reqlen = v;
        } else {
            return bad_option(i, s, n, "-nocase or -length");
        }
    }
    return TCL_OK;
}

static int s_compare(FeatherInterp i, int objc, FeatherObj *objv, int sub) {
    bool nocase;
    int64_t reqlen;
    if (cmp_options(i, objc, objv, sub, &nocase, &reqlen) != TCL_OK) return TCL_ERROR;
    if (objv[objc - 2] == objv[objc - 1]) return f_ok_int(i, sub == S_EQUAL); /* one value */
    uint32_t an, bn;
    const char *a = f_get(i, objv[objc - 2], &an);
    const char *b = f_get(i, objv[objc - 1], &bn);
    int c = fstr_compare(i, a, an, b, bn, nocase, reqlen);
    return f_ok_int(i, sub == S_EQUAL ? c == 0 : c);
}

/* Char index of the first occurrence of needle in hay at or after char
 * `start`, or -1; -2 when the eval was stopped at a poll (one per
 * F_POLL_CHUNK bytes of hay passed). */
static int64_t find_first(FeatherInterp i, const Str *hay, const Str *needle, int64_t start) {
    if (needle->chars == 0 || start >= hay->chars) return -1;
    if (start < 0) start = 0;
    uint32_t off = str_off(hay, (uint32_t)start);
    uint32_t poll_at = off + F_POLL_CHUNK;
    int64_t ci = start;
    while (off + needle->n <= hay->n) {
        if (memcmp(hay->s + off, needle->s, needle->n) == 0) return ci;
        uint32_t cp;
        off += char_at(hay->s, hay->n, off, &cp);
        ci++;
        if (off >= poll_at) {
            if (f_poll_work(i, 1024) != TCL_OK) return -2;
            poll_at = off + F_POLL_CHUNK;
        }
    }
    return -1;
}

static int s_first(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 4 || objc > 5)
        return sub_wrong(i, objv, S_FIRST, "needleString haystackString ?startIndex?");
    Str needle, hay;
    str_load(i, objv[2], &needle);
    str_load(i, objv[3], &hay);
    int64_t start = 0;
    if (objc == 5 && f_get_index(i, objv[4], (int64_t)hay.chars - 1, &start, NULL) != TCL_OK)
        return TCL_ERROR;
    int64_t at = find_first(i, &hay, &needle, start);
    return at == -2 ? TCL_ERROR : f_ok_int(i, at);
}

static int s_last(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 4 || objc > 5)
        return sub_wrong(i, objv, S_LAST, "needleString haystackString ?startIndex?");
    Str needle, hay;
    str_load(i, objv[2], &needle);
    str_load(i, objv[3], &hay);
    int64_t last = (int64_t)hay.chars - 1;
    if (objc == 5 && f_get_index(i, objv[4], (int64_t)hay.chars - 1, &last, NULL) != TCL_OK)
        return TCL_ERROR;
    if (needle.chars == 0 || needle.chars > hay.chars) return f_ok_int(i, -1);
    /* The match must lie within characters [0, last]. */
    int64_t maxstart = last - (int64_t)needle.chars + 1;
    if (maxstart > (int64_t)(hay.chars - needle.chars)) maxstart = hay.chars - needle.chars;
    int64_t found = -1, ci = 0;
    uint32_t off = 0, poll_at = F_POLL_CHUNK;
    while (ci <= maxstart && off + needle.n <= hay.n) {
        if (memcmp(hay.s + off, needle.s, needle.n) == 0) found = ci;
        uint32_t cp;
        off += char_at(hay.s, hay.n, off, &cp);
        ci++;
        if (off >= poll_at) {
            if (f_poll_work(i, 1024) != TCL_OK) return TCL_ERROR;
            poll_at = off + F_POLL_CHUNK;
        }
    }
    return f_ok_int(i, found);
}

static int s_index(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 4) return sub_wrong(i, objv, S_INDEX, "string charIndex");
    Str st;
    str_load(i, objv[2], &st);
    int64_t k;
    if (f_get_index(i, objv[3], (int64_t)st.chars - 1, &k, NULL) != TCL_OK) return TCL_ERROR;
    if (k < 0 || k >= st.chars) return f_ok_empty(i);
    uint32_t a = str_off(&st, (uint32_t)k);
    uint32_t cp;
    return f_ok_str(i, st.s + a, char_at(st.s, st.n, a, &cp));
}

static int s_length(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 3) return sub_wrong(i, objv, S_LENGTH, "string");
    uint32_t n;
    const char *s = f_get(i, objv[2], &n);
    return f_ok_int(i, utf8_count(s, n));
}

/* ---------------- string is */

static bool is_ws(char c) { return c == ' ' || (c >= 9 && c <= 13); }

/* TclGetWideIntFromObj on text: 1 ok (magnitudes up to 2^64-1 wrap, as
 * in Tcl), 2 too large, 0 not an integer. */
int fstr_parse_wide(const char *s, uint32_t n, int64_t *out) {
    NumberScan r;
    if (!f_scan_number(s, n, true, &r) || r.stop != n) return 0;
    if (r.big) return 2;
    *out = (int64_t)(r.neg ? (uint64_t)0 - r.mag : r.mag);
    return 1;
}

/* Tcl's ParseBoolean: 0, 1, or a prefix of yes/no/true/false/on/off. */
static bool parse_boolean(const char *s, uint32_t n, bool *value) {
    if (n == 0 || n > 5) return false;
    if (s[0] == '0' || s[0] == '1') {
        if (n != 1) return false;
        *value = s[0] == '1';
        return true;
    }
    char low[6];
    for (uint32_t k = 0; k < n; k++) {
        char c = s[k];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        bool ok = false;
        for (const char *t = "aeflnorstuy"; *t; t++) ok |= *t == c;
        if (!ok) return false;
        low[k] = c;
    }
    if (low[0] == 'o' && n < 2) return false;
    static const char *const words[] = {"yes", "no", "true", "false", "on", "off"};
    for (int w = 0; w < 6; w++) {
        if (n <= f_strlen(words[w]) && memcmp(low, words[w], n) == 0) {
            *value = w == 0 || w == 2 || w == 4;
            return true;
        }
    }
    return false;
}

/* Character index where a list stops parsing, or -1 when it is a list. */
static int64_t list_fail_index(const char *s, uint32_t n) {
    uint32_t k = 0;
    for (;;) {
        while (k < n && is_ws(s[k])) k++;
        if (k >= n) return -1;
        uint32_t start = k;
        bool bad = false;
        if (s[k] == '{') {
            int depth = 1;
            uint32_t j = k + 1;
            while (j < n) {
                if (s[j] == '\\' && j + 1 < n) {
                    j += 2;
                    continue;
                }
                if (s[j] == '{') depth++;
                else if (s[j] == '}' && --depth == 0) break;
                j++;
            }
            if (j >= n) bad = true;
            else {
                k = j + 1;
                if (k < n && !is_ws(s[k])) bad = true;
            }
        } else if (s[k] == '"') {
            uint32_t j = k + 1;
            while (j < n && s[j] != '"') j += (s[j] == '\\' && j + 1 < n) ? 2 : 1;
            if (j >= n) bad = true;
            else {
                k = j + 1;
                if (k < n && !is_ws(s[k])) bad = true;
            }
        } else {
            while (k < n && !is_ws(s[k])) k += (s[k] == '\\' && k + 1 < n) ? 2 : 1;
        }
        if (bad) return utf8_count(s, start);
    }
}

static const char *const is_classes[] = {
    "alnum", "alpha", "ascii", "control", "boolean", "digit", "double", "entier",
    "false", "graph", "integer", "list", "lower", "print", "punct", "space",
    "true", "upper", "wideinteger", "wordchar", "xdigit", 0};

enum {
    IS_ALNUM, IS_ALPHA, IS_ASCII, IS_CONTROL, IS_BOOLEAN, IS_DIGIT, IS_DOUBLE, IS_ENTIER,
    IS_FALSE, IS_GRAPH, IS_INTEGER, IS_LIST, IS_LOWER, IS_PRINT, IS_PUNCT, IS_SPACE,
    IS_TRUE, IS_UPPER, IS_WIDE, IS_WORDCHAR, IS_XDIGIT
};

static bool char_in_class(FeatherInterp i, int cls, uint32_t c) {
    switch (cls) {
    case IS_ASCII: return c < 128;
    case IS_XDIGIT: return c < 128 && f_digit_value((char)c) < 16;
    case IS_WORDCHAR: return is_wordchar(i, c);
    default: break;
    }
    uint32_t b = fstr_class(i, c);
    switch (cls) {
    case IS_ALNUM: return (b & (RC_ALPHA | RC_DIGIT)) != 0;
    case IS_ALPHA: return (b & RC_ALPHA) != 0;
    case IS_CONTROL: return (b & RC_CONTROL) != 0;
    case IS_DIGIT: return (b & RC_DIGIT) != 0;
    case IS_GRAPH: return (b & RC_PRINT) && !(b & RC_SPACE);
    case IS_LOWER: return (b & RC_LOWER) != 0;
    case IS_PRINT: return (b & RC_PRINT) != 0;
    case IS_PUNCT: return (b & RC_PUNCT) != 0;
    case IS_SPACE: return (b & RC_SPACE) != 0;
    case IS_UPPER: return (b & RC_UPPER) != 0;
    default: return false;
    }
}

static int s_is(FeatherInterp i, int objc, FeatherObj *objv) {
    static const char usage[] = "?-strict? ?-failindex var? str";
    if (objc < 4 || objc > 7) return sub_wrong(i, objv, S_IS, "class ?-strict? ?-failindex var? str");
    int cls;
    if (f_get_enum(i, objv[2], is_classes, "class", &cls) != TCL_OK) return TCL_ERROR;
    bool strict = false;
    FeatherObj failvar = 0;
    for (int k = 3; k < objc - 1; k++) {
        static const char *const opts[] = {"-strict", "-failindex", 0};
        int opt;
        if (f_get_enum(i, objv[k], opts, "option", &opt) != TCL_OK) return TCL_ERROR;
        if (opt == 0) {
            strict = true;
        } else {
            if (k + 1 >= objc - 1) {
                f_set_error_code(i, f_str(i, "TCL WRONGARGS"));
                return f_error(i, "wrong # args: should be \"%o is %s %s\"", objv[0],
                               is_classes[cls], usage);
            }
            failvar = objv[++k];
        }
    }
    uint32_t n;
    const char *s = f_get(i, objv[objc - 1], &n);
    bool result = true;
    int64_t failat = 0;
    if (n == 0) {
        /* Empty: true unless -strict, but always a list. */
        result = cls == IS_LIST || !strict;
        goto done;
    }
    switch (cls) {
    case IS_BOOLEAN:
    case IS_TRUE:
    case IS_FALSE: {
        bool v;
        if (!parse_boolean(s, n, &v)) result = false;
        else if (cls == IS_TRUE) result = v;
        else if (cls == IS_FALSE) result = !v;
        break;
    }
    case IS_DOUBLE: {
        NumberScan r;
        if (!f_scan_number(s, n, false, &r)) {
            result = false;
        } else if (r.stop < n) {
            result = false;
            failat = r.stop;
        }
        break;
    }
    case IS_INTEGER:
    case IS_WIDE:
    case IS_ENTIER: {
        NumberScan r;
        if (!f_scan_number(s, n, true, &r)) {
            result = false;
        } else if (r.stop < n) {
            result = false;
            failat = r.stop;
        } else if ((cls == IS_INTEGER && (r.big || r.mag > 4294967295u)) ||
                   (cls == IS_WIDE && r.big)) {
            result = false;
            failat = -1;
        }
        break;
    }
    case IS_LIST: {
        int64_t at = list_fail_index(s, n);
        if (at >= 0) {
            result = false;
            failat = at;
        }
        break;
    }
    default: {
        uint32_t k = 0, poll_at = F_POLL_CHUNK;
        while (k < n) {
            if (k >= poll_at) {
                if (f_poll_work(i, 1024) != TCL_OK) return TCL_ERROR;
                poll_at = k + F_POLL_CHUNK;
            }
            uint32_t c;
            uint32_t len = char_at(s, n, k, &c);
            if (!char_in_class(i, cls, c)) {
                result = false;
                break;
            }
            k += len;
            failat++;
        }
        break;
    }
    }
done:
    if (!result && failvar) {
        if (f_var_set(i, failvar, f_int(i, failat), NULL) != TCL_OK) return TCL_ERROR;
    }
    return f_ok_int(i, result);
}

/* ---------------- string map */

static int s_map(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 4 || objc > 5) return sub_wrong(i, objv, S_MAP, "?-nocase? charMap string");
    bool nocase = false;
    if (objc == 5) {
        uint32_t n;
        const char *s = f_get(i, objv[2], &n);
        if (!is_opt(s, n, "-nocase")) return bad_option(i, s, n, "-nocase");
        nocase = true;
    }
    /* The map's elements, parsed from its string rep in the arena. */
    uint32_t mn;
    const char *ms = f_get(i, objv[objc - 2], &mn);
    char *mbuf;
    uint32_t *spans, count;
    if (f_split_list(i, ms, mn, &mbuf, &spans, &count) != TCL_OK) return TCL_ERROR;
    if (count & 1) {
        f_set_error_code(i, f_str(i, "TCL OPERATION MAP UNBALANCED"));
        return f_error(i, "char map list unbalanced");
    }
    uint32_t n;
    const char *s = f_get(i, objv[objc - 1], &n);
    if (n == 0 || count == 0) return f_ok(i, n == 0 ? f_empty(i) : objv[objc - 1]);
    uint32_t pairs = count / 2;
    uint32_t *first = f_alloc(pairs * sizeof(uint32_t));
    if (!first) return f_oom(i);
    for (uint32_t k = 0; k < pairs; k++) {
        uint32_t kl = spans[4 * k + 1];
        first[k] = 0;
        if (kl) {
            char_at(mbuf + spans[4 * k], kl, 0, &first[k]);
            if (nocase) first[k] = lower(i, first[k]);
        }
    }
    StrBuf b;
    sb_init(&b, n + 16);
    uint32_t pos = 0, flushed = 0;
    /* Work: one unit per character and key tried there (F_POLL_BYTES a unit). */
    uint64_t work = 0;
    while (pos < n) {
        work += pairs;
        if (work >= F_POLL_CHUNK) {
            if (f_poll_work(i, (uint32_t)(work / F_POLL_BYTES)) != TCL_OK) return TCL_ERROR;
            work %= F_POLL_BYTES;
        }
        uint32_t c;
        uint32_t cl = char_at(s, n, pos, &c);
        uint32_t lc = nocase ? lower(i, c) : c;
        bool hit = false;
        for (uint32_t k = 0; k < pairs && !hit; k++) {
            const char *key = mbuf + spans[4 * k];
            uint32_t kl = spans[4 * k + 1];
            if (kl == 0 || (c != first[k] && lc != first[k])) continue;
            uint32_t end;
            if (!nocase) {
                if (pos + kl > n || memcmp(s + pos, key, kl) != 0) continue;
                end = pos + kl;
            } else {
                uint32_t a = pos, q = 0;
                bool same = true;
                while (q < kl) {
                    uint32_t ca, cb;
                    if (a >= n) { same = false; break; }
                    a += char_at(s, n, a, &ca);
                    q += char_at(key, kl, q, &cb);
                    if (ca != cb && lower(i, ca) != lower(i, cb)) { same = false; break; }
                }
                if (!same) continue;
                end = a;
            }
            sb_add(&b, s + flushed, pos - flushed);
            sb_add(&b, mbuf + spans[4 * k + 2], spans[4 * k + 3]);
            pos = flushed = end;
            hit = true;
        }
        if (!hit) pos += cl;
    }
    sb_add(&b, s + flushed, n - flushed);
    return f_ok_str(i, b.data ? b.data : "", b.len);
}

static int s_match(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 4 || objc > 5) return sub_wrong(i, objv, S_MATCH, "?-nocase? pattern string");
    bool nocase = false;
    if (objc == 5) {
        uint32_t n;
        const char *s = f_get(i, objv[2], &n);
        if (!is_opt(s, n, "-nocase")) return bad_option(i, s, n, "-nocase");
        nocase = true;
    }
    uint32_t pn, sn;
    const char *p = f_get(i, objv[objc - 2], &pn);
    const char *s = f_get(i, objv[objc - 1], &sn);
    return f_ok_int(i, f_match(i, p, pn, s, sn, nocase));
}

static int s_range(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 5) return sub_wrong(i, objv, S_RANGE, "string first last");
    Str st;
    str_load(i, objv[2], &st);
    int64_t end = (int64_t)st.chars - 1, first, last;
    if (f_get_index(i, objv[3], end, &first, NULL) != TCL_OK) return TCL_ERROR;
    if (f_get_index(i, objv[4], end, &last, NULL) != TCL_OK) return TCL_ERROR;
    if (first < 0) first = 0;
    if (last > end) last = end;
    if (last < first) return f_ok_empty(i);
    if (first == 0 && last == end) return f_ok(i, objv[2]);
    uint32_t a = str_off(&st, (uint32_t)first);
    uint32_t z = st.ascii ? (uint32_t)last + 1 : a + utf8_offset(st.s + a, st.n - a, (uint32_t)(last - first + 1));
    return f_ok_str(i, st.s + a, z - a);
}

static int s_repeat(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 4) return sub_wrong(i, objv, S_REPEAT, "string count");
    int32_t count;
    if (fstr_get_int32(i, objv[3], &count) != TCL_OK) return TCL_ERROR;
    if (count == 1) return f_ok(i, objv[2]);
    if (count < 1) return f_ok_empty(i);
    uint32_t n;
    const char *s = f_get(i, objv[2], &n);
    if (n == 0) return f_ok_empty(i);
    if ((uint64_t)n * (uint64_t)count > 2147483647u)
    {
        f_set_error_code(i, f_str(i, "TCL MEMORY"));
        return f_error(i, "result exceeds max size for a Tcl value (2147483647 bytes)");
    }
    uint64_t total = (uint64_t)n * (uint64_t)count;
    if (total <= (1u << 20)) {
        StrBuf b;
        sb_init(&b, (uint32_t)total + 1);
        for (int32_t k = 0; k < count; k++) sb_add(&b, s, n);
        if (f_poll_work(i, (uint32_t)(total / F_POLL_BYTES)) != TCL_OK) return TCL_ERROR;
        return f_ok_str(i, b.data ? b.data : "", b.len);
    }
    /* Large results are built in the host by doubling: 2 log2(count) calls. */
    /* The host checks the deadline before building each large value; the
     * intermediate values stay alive until the eval ends, so a poll here (its
     * memory check) would count them against the memory limit. */
    FeatherObj result = 0, power = objv[2];
    uint32_t c = (uint32_t)count;
    while (c) {
        if (c & 1) {
            if (!result) {
                result = power;
            } else {
                FeatherObj parts[2] = {result, power};
                result = feather_host_string_concat(i, parts, 2);
            }
        }
        c >>= 1;
        if (c) {
            FeatherObj parts[2] = {power, power};
            power = feather_host_string_concat(i, parts, 2);
        }
    }
    return f_ok(i, result);
}

static int s_replace(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 5 || objc > 6) return sub_wrong(i, objv, S_REPLACE, "string first last ?string?");
    Str st;
    str_load(i, objv[2], &st);
    int64_t end = (int64_t)st.chars - 1, first, last;
    if (f_get_index(i, objv[3], end, &first, NULL) != TCL_OK) return TCL_ERROR;
    if (f_get_index(i, objv[4], end, &last, NULL) != TCL_OK) return TCL_ERROR;
    if (last < 0 || first > end || last < first) return f_ok(i, objv[2]);
    if (first < 0) first = 0;
    if (last > end) last = end;
    uint32_t a = str_off(&st, (uint32_t)first);
    uint32_t z = str_off(&st, (uint32_t)last + 1);
    StrBuf b;
    sb_init(&b, st.n + 16);
    sb_add(&b, st.s, a);
    if (objc == 6) {
        uint32_t rn;
        const char *r = f_get(i, objv[5], &rn);
        sb_add(&b, r, rn);
    }
    sb_add(&b, st.s + z, st.n - z);
    if (f_poll_work(i, b.len / F_POLL_BYTES) != TCL_OK) return TCL_ERROR;
    return f_ok_str(i, b.data ? b.data : "", b.len);
}

static int s_reverse(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 3) return sub_wrong(i, objv, S_REVERSE, "string");
    uint32_t n;
    const char *s = f_get(i, objv[2], &n);
    char *out = f_alloc(n + 1);
    if (!out) return f_oom(i);
    uint32_t k = 0, poll_at = F_POLL_CHUNK;
    while (k < n) {
        if (k >= poll_at) {
            if (f_poll_work(i, 1024) != TCL_OK) return TCL_ERROR;
            poll_at = k + F_POLL_CHUNK;
        }
        uint32_t cp;
        uint32_t len = char_at(s, n, k, &cp);
        memcpy(out + n - k - len, s + k, len);
        k += len;
    }
    return f_ok_str(i, out, n);
}

/* Case-map s[0..n) into b: mode 0 lower, 1 upper, 2 title (first char
 * title case, the rest lower). A mapping that would need more bytes than
 * the original character is not applied, as in Tcl. */
static int add_case(FeatherInterp i, StrBuf *b, const char *s, uint32_t n, int mode) {
    uint32_t k = 0, poll_at = F_POLL_CHUNK;
    bool firstc = true;
    while (k < n) {
        if (k >= poll_at) {
            if (f_poll_work(i, 1024) != TCL_OK) return TCL_ERROR;
            poll_at = k + F_POLL_CHUNK;
        }
        uint32_t c;
        uint32_t len = char_at(s, n, k, &c);
        int m = mode == 2 ? (firstc ? 2 : 0) : mode;
        uint32_t r = fstr_case(i, c, m);
        char tmp[4];
        uint32_t rl = utf8_encode(r, tmp);
        if (r == c || rl > len) sb_add(b, s + k, len);
        else sb_add(b, tmp, rl);
        k += len;
        firstc = false;
    }
    return TCL_OK;
}

static int s_case(FeatherInterp i, int objc, FeatherObj *objv, int sub) {
    if (objc < 3 || objc > 5) return sub_wrong(i, objv, sub, "string ?first? ?last?");
    int mode = sub == S_TOLOWER ? 0 : sub == S_TOUPPER ? 1 : 2;
    Str st;
    str_load(i, objv[2], &st);
    uint32_t a = 0, z = st.n;
    if (objc > 3) {
        int64_t end = (int64_t)st.chars - 1, first, last;
        if (f_get_index(i, objv[3], end, &first, NULL) != TCL_OK) return TCL_ERROR;
        if (first < 0) first = 0;
        last = first;
        if (objc == 5 && f_get_index(i, objv[4], end, &last, NULL) != TCL_OK) return TCL_ERROR;
        if (last >= end) last = end;
        if (last < first) return f_ok(i, objv[2]);
        a = str_off(&st, (uint32_t)first);
        z = str_off(&st, (uint32_t)last + 1);
    }
    StrBuf b;
    sb_init(&b, st.n + 16);
    sb_add(&b, st.s, a);
    if (add_case(i, &b, st.s + a, z - a, mode) != TCL_OK) return TCL_ERROR;
    sb_add(&b, st.s + z, st.n - z);
    return f_ok_str(i, b.data ? b.data : "", b.len);
}

/* ---------------- trim */

/* Tcl's default trim set: white space, NUL and Unicode spaces. */
static const uint32_t default_trim[] = {
    0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x00, 0x85, 0xa0, 0x1680, 0x180e,
    0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
    0x200b, 0x2028, 0x2029, 0x202f, 0x205f, 0x2060, 0x3000, 0xfeff};

static bool in_set(uint32_t c, const uint32_t *set, uint32_t n) {
    for (uint32_t k = 0; k < n; k++) {
        if (set[k] == c) return true;
    }
    return false;
}

static int s_trim(FeatherInterp i, int objc, FeatherObj *objv, int sub) {
    if (objc < 3 || objc > 4) return sub_wrong(i, objv, sub, "string ?chars?");
    uint32_t n;
    const char *s = f_get(i, objv[2], &n);
    const uint32_t *set = default_trim;
    uint32_t setn = sizeof default_trim / sizeof default_trim[0];
    if (objc == 4) {
        uint32_t cn;
        const char *cs = f_get(i, objv[3], &cn);
        uint32_t *chars = f_alloc((cn + 1) * sizeof(uint32_t));
        if (!chars) return f_oom(i);
        setn = 0;
        for (uint32_t k = 0; k < cn;) k += char_at(cs, cn, k, &chars[setn++]);
        set = chars;
    }
    uint32_t a = 0, z = n;
    if (sub != S_TRIMRIGHT) {
        while (a < z) {
            uint32_t c;
            uint32_t len = char_at(s, z, a, &c);
            if (!in_set(c, set, setn)) break;
            a += len;
        }
    }
    if (sub != S_TRIMLEFT) {
        while (z > a) {
            uint32_t p = char_prev(s, z);
            if (p < a) p = a;
            uint32_t c;
            char_at(s, z, p, &c);
            if (!in_set(c, set, setn)) break;
            z = p;
        }
    }
    if (a == 0 && z == n) return f_ok(i, objv[2]);
    return f_ok_str(i, s + a, z - a);
}

/* ---------------- wordend, wordstart */

static int s_wordend(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 4) return sub_wrong(i, objv, S_WORDEND, "string index");
    Str st;
    str_load(i, objv[2], &st);
    int64_t idx;
    if (f_get_index(i, objv[3], (int64_t)st.chars - 1, &idx, NULL) != TCL_OK) return TCL_ERROR;
    if (idx < 0) idx = 0;
    if (idx >= st.chars) return f_ok_int(i, st.chars);
    uint32_t p = str_off(&st, (uint32_t)idx), cur = p, len = 1;
    int64_t ci = idx;
    while (cur < st.n) {
        uint32_t c;
        len = char_at(st.s, st.n, cur, &c);
        if (!is_wordchar(i, c)) break;
        cur += len;
        ci++;
    }
    if (cur == p) ci++;
    return f_ok_int(i, ci);
}

static int s_wordstart(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 4) return sub_wrong(i, objv, S_WORDSTART, "string index");
    Str st;
    str_load(i, objv[2], &st);
    int64_t idx;
    if (f_get_index(i, objv[3], (int64_t)st.chars - 1, &idx, NULL) != TCL_OK) return TCL_ERROR;
    if (idx >= st.chars) idx = (int64_t)st.chars - 1;
    int64_t cur = 0;
    if (idx > 0) {
        uint32_t p = str_off(&st, (uint32_t)idx);
        for (cur = idx; cur >= 0; cur--) {
            uint32_t c;
            char_at(st.s, st.n, p, &c);
            if (!is_wordchar(i, c)) break;
            if (p == 0) {
                cur--;
                break;
            }
            p = char_prev(st.s, p);
        }
        if (cur != idx) cur++;
    }
    return f_ok_int(i, cur);
}

/* ------------------------------------------------------------ the command */

static int cmd_string(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 2) return f_wrong_args(i, 1, objv, "subcommand ?arg ...?");
    int sub;
    if (f_get_enum(i, objv[1], subcommands, "subcommand", &sub) != TCL_OK) return TCL_ERROR;
    switch (sub) {
    case S_BYTELENGTH: return s_bytelength(i, objc, objv);
    case S_CAT: return s_cat(i, objc, objv);
    case S_COMPARE:
    case S_EQUAL: return s_compare(i, objc, objv, sub);
    case S_FIRST: return s_first(i, objc, objv);
    case S_INDEX: return s_index(i, objc, objv);
    case S_IS: return s_is(i, objc, objv);
    case S_LAST: return s_last(i, objc, objv);
    case S_LENGTH: return s_length(i, objc, objv);
    case S_MAP: return s_map(i, objc, objv);
    case S_MATCH: return s_match(i, objc, objv);
    case S_RANGE: return s_range(i, objc, objv);
    case S_REPEAT: return s_repeat(i, objc, objv);
    case S_REPLACE: return s_replace(i, objc, objv);
    case S_REVERSE: return s_reverse(i, objc, objv);
    case S_TOLOWER:
    case S_TOTITLE:
    case S_TOUPPER: return s_case(i, objc, objv, sub);
    case S_TRIM:
    case S_TRIMLEFT:
    case S_TRIMRIGHT: return s_trim(i, objc, objv, sub);
    case S_WORDEND: return s_wordend(i, objc, objv);
    case S_WORDSTART: return s_wordstart(i, objc, objv);
    default: return f_error(i, "bad subcommand");
    }
}

const BuiltinDef f_cmds_string[] = {{"string", cmd_string}, {0, 0}};
