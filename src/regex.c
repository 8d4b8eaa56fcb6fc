/*
 * regex.c -- the regular expression engine of regex.h.
 *
 * A pattern is parsed into a tree, then compiled into a small program for
 * a virtual machine run with an explicit stack (no C recursion per
 * character, so long subjects cannot overflow the C stack). Matching one
 * start position takes two steps:
 *
 *  1. explore(): every path of the program as an NFA takes it, each
 *     (instruction, position) state visited once (a bitmap memo), finds
 *     where the longest match ends -- or the shortest, when the RE's
 *     first quantifier is non-greedy (Tcl's "preference") -- in time
 *     linear in the subject. States that failed from one start position
 *     fail from the next too, so the memo is kept across them.
 *  2. dissect(): with the match fixed, subexpressions are assigned the way
 *     Tcl's engine dissects a match: a concatenation is split where its
 *     left part's preference says (longest or shortest) such that the
 *     rest still matches; an alternation takes its first branch that
 *     matches the span; x{m,n} with m > 0 is x{m-1,n-1} (no captures)
 *     then a last x; a greedy x* takes iterations as long as possible; a
 *     group's captures come from its last iteration only. Each "can this
 *     part match that span" question is a small explore() of that part's
 *     code (a hash memo keyed by call).
 *
 * A RE with back references cannot be explored as an NFA: it is matched
 * by priority backtracking, every path tried for the longest (shortest)
 * match, the first path that reaches it giving the subexpressions.
 *
 * Deliberate differences from Tcl:
 *  - Subexpressions of unusual REs (non-greedy iterations of groups, back
 *    references mixed with alternation) may be assigned differently: the
 *    dissection rules above are Tcl's as observed, not its code.
 *  - Tcl reads (?b) (basic) and (?e) (extended) REs with their own syntax;
 *    here they are read as AREs.
 *  - Matching is bounded: past a step budget (far above what linear
 *    patterns need; backtracking over back references can exceed it) the
 *    match fails with "error while matching regular expression: regular
 *    expression is too complex", where Tcl would keep going. Patterns
 *    nested deeper than 250 groups do not compile ("couldn't compile
 *    regular expression pattern: regular expression is too complex"),
 *    which bounds the C recursion of the parser and code generator.
 */
#include "regex.h"

uint32_t fstr_case(FeatherInterp i, uint32_t c, int mode); /* cmd_string.c */
uint32_t fstr_class(FeatherInterp i, uint32_t c);          /* cmd_string.c */

#define RE_MAX_NEST 250
#define RE_MAX_INST 400000
#define RE_DUPMAX 255
#define RE_MAX_ACTIVE (RE_MAX_NEST * 2 + 8) /* explore() calls running at once */
#define RE_INF (-1)

/* Host class bits (host.h, feather_host_rune_class). */
enum { RC_ALPHA = 1, RC_DIGIT = 2, RC_SPACE = 4, RC_UPPER = 8, RC_LOWER = 16, RC_PUNCT = 32,
       RC_PRINT = 64, RC_CONTROL = 128 };

/* Character classes of a bracket expression. */
enum {
    CL_ALPHA = 1 << 0, CL_DIGIT = 1 << 1, CL_ALNUM = 1 << 2, CL_UPPER = 1 << 3,
    CL_LOWER = 1 << 4, CL_SPACE = 1 << 5, CL_PUNCT = 1 << 6, CL_PRINT = 1 << 7,
    CL_GRAPH = 1 << 8, CL_CNTRL = 1 << 9, CL_XDIGIT = 1 << 10, CL_BLANK = 1 << 11,
    CL_ASCII = 1 << 12, CL_WORD = 1 << 13
};

static const struct { const char *name; uint32_t bit; } class_names[] = {
    {"alnum", CL_ALNUM}, {"alpha", CL_ALPHA}, {"ascii", CL_ASCII}, {"blank", CL_BLANK},
    {"cntrl", CL_CNTRL}, {"digit", CL_DIGIT}, {"graph", CL_GRAPH}, {"lower", CL_LOWER},
    {"print", CL_PRINT}, {"punct", CL_PUNCT}, {"space", CL_SPACE}, {"upper", CL_UPPER},
    {"xdigit", CL_XDIGIT}, {0, 0},
};

/* Collating element names of Tcl's regc_locale.c. */
static const struct { const char *name; uint32_t c; } coll_names[] = {
    {"NUL", 0}, {"SOH", 1}, {"STX", 2}, {"ETX", 3}, {"EOT", 4}, {"ENQ", 5}, {"ACK", 6},
    {"BEL", 7}, {"alert", 7}, {"BS", 8}, {"backspace", 8}, {"HT", 9}, {"tab", 9},
    {"LF", 10}, {"newline", 10}, {"VT", 11}, {"vertical-tab", 11}, {"FF", 12},
    {"form-feed", 12}, {"CR", 13}, {"carriage-return", 13}, {"SO", 14}, {"SI", 15},
    {"DLE", 16}, {"DC1", 17}, {"DC2", 18}, {"DC3", 19}, {"DC4", 20}, {"NAK", 21},
    {"SYN", 22}, {"ETB", 23}, {"CAN", 24}, {"EM", 25}, {"SUB", 26}, {"ESC", 27},
    {"IS4", 28}, {"FS", 28}, {"IS3", 29}, {"GS", 29}, {"IS2", 30}, {"RS", 30}, {"IS1", 31},
    {"US", 31}, {"space", ' '}, {"exclamation-mark", '!'}, {"quotation-mark", '"'},
    {"number-sign", '#'}, {"dollar-sign", '$'}, {"percent-sign", '%'}, {"ampersand", '&'},
    {"apostrophe", '\''}, {"left-parenthesis", '('}, {"right-parenthesis", ')'},
    {"asterisk", '*'}, {"plus-sign", '+'}, {"comma", ','}, {"hyphen", '-'},
    {"hyphen-minus", '-'}, {"period", '.'}, {"full-stop", '.'}, {"slash", '/'},
    {"solidus", '/'}, {"zero", '0'}, {"one", '1'}, {"two", '2'}, {"three", '3'},
    {"four", '4'}, {"five", '5'}, {"six", '6'}, {"seven", '7'}, {"eight", '8'},
    {"nine", '9'}, {"colon", ':'}, {"semicolon", ';'}, {"less-than-sign", '<'},
    {"equals-sign", '='}, {"greater-than-sign", '>'}, {"question-mark", '?'},
    {"commercial-at", '@'}, {"left-square-bracket", '['}, {"backslash", '\\'},
    {"reverse-solidus", '\\'}, {"right-square-bracket", ']'}, {"circumflex", '^'},
    {"circumflex-accent", '^'}, {"underscore", '_'}, {"low-line", '_'},
    {"grave-accent", '`'}, {"left-brace", '{'}, {"left-curly-bracket", '{'},
    {"vertical-line", '|'}, {"right-brace", '}'}, {"right-curly-bracket", '}'},
    {"tilde", '~'}, {"DEL", 127}, {0, 0},
};

/* Errors, as Tcl's regerror() names and words them. */
enum {
    E_OK, E_ECOLLATE, E_ECTYPE, E_EESCAPE, E_ESUBREG, E_EBRACK, E_EPAREN, E_EBRACE,
    E_BADBR, E_ERANGE, E_ESPACE, E_BADRPT, E_BADOPT, E_ETOOBIG
};
static const char *const err_names[] = {
    "REG_OKAY", "REG_ECOLLATE", "REG_ECTYPE", "REG_EESCAPE", "REG_ESUBREG", "REG_EBRACK",
    "REG_EPAREN", "REG_EBRACE", "REG_BADBR", "REG_ERANGE", "REG_ESPACE", "REG_BADRPT",
    "REG_BADOPT", "REG_ETOOBIG",
};
static const char *const err_text[] = {
    "no errors detected", "invalid collating element", "invalid character class",
    "invalid escape \\ sequence", "invalid backreference number", "brackets [] not balanced",
    "parentheses () not balanced", "braces {} not balanced", "invalid repetition count(s)",
    "invalid character range", "out of memory", "quantifier operand invalid",
    "invalid embedded option", "regular expression is too complex",
};

/* -about flags, in the order Tcl lists them. */
enum {
    U_BACKREF = 1 << 0, U_LOOKAHEAD = 1 << 1, U_BOUNDS = 1 << 2, U_BRACES = 1 << 3,
    U_BSALNUM = 1 << 4, U_PBOTCH = 1 << 5, U_BBS = 1 << 6, U_NONPOSIX = 1 << 7,
    U_UNSPEC = 1 << 8, U_UNPORT = 1 << 9, U_LOCALE = 1 << 10, U_EMPTYMATCH = 1 << 11,
    U_IMPOSSIBLE = 1 << 12, U_SHORTEST = 1 << 13
};
static const char *const about_names[] = {
    "REG_UBACKREF", "REG_ULOOKAHEAD", "REG_UBOUNDS", "REG_UBRACES", "REG_UBSALNUM",
    "REG_UPBOTCH", "REG_UBBS", "REG_UNONPOSIX", "REG_UUNSPEC", "REG_UUNPORT", "REG_ULOCALE",
    "REG_UEMPTYMATCH", "REG_UIMPOSSIBLE", "REG_USHORTEST",
};

/* Constraints. */
enum { A_BOL, A_EOL, A_BOS, A_EOS, A_WBEGIN, A_WEND, A_WBOUND, A_NWBOUND };

/* ------------------------------------------------------------ sets */

typedef struct ReSet {
    uint32_t *r; /* ranges: lo, hi pairs */
    uint32_t nr, cap;
    uint32_t classes;
    bool negate;
} ReSet;

/* ------------------------------------------------------------ tree */

enum { N_EMPTY, N_CHAR, N_ANY, N_SET, N_CAT, N_ALT, N_REP, N_CAP, N_GROUP, N_ASSERT,
       N_BACKREF, N_LOOK };

typedef struct Node {
    uint8_t kind;
    bool greedy;
    bool neg;
    int32_t a, b;         /* CHAR code point; SET index; REP min, max; CAP group;
                           * ASSERT kind; BACKREF group */
    uint32_t g_lo, g_hi;  /* capturing groups opened inside: [g_lo, g_hi) */
    struct Node **kids;
    uint32_t nkids;
    uint32_t pc0, pc1;    /* the node's code (its first copy) */
    bool emitted;
} Node;

/* ------------------------------------------------------------ program */

enum { I_CHAR, I_ANY, I_SET, I_SPLIT, I_JMP, I_SAVE, I_MARK, I_CHECK, I_CLEAR, I_ASSERT,
       I_BACKREF, I_LOOK, I_LOOKEND, I_ALT, I_ALTEND, I_MATCH };

typedef struct Inst {
    uint8_t op;
    uint8_t f;
    int32_t x, y;
} Inst;

typedef struct AltInfo {
    uint32_t n;
    uint32_t *starts;
    uint32_t reg;
} AltInfo;

struct FRegex {
    FeatherInterp interp;
    int flags;
    Inst *prog;
    uint32_t ninst, icap;
    ReSet *sets;
    uint32_t nsets;
    AltInfo *alts;
    uint32_t nalts, altcap;
    uint32_t *looks;
    uint32_t nlooks, lookcap;
    uint32_t nregs;
    uint32_t nsub;
    uint32_t info;
    bool shortest;
    bool has_backref;
    bool anchored;   /* can only match at position 0 */
    int64_t first;   /* a match must begin with this character, or -1 */
    bool gen_failed;
    Node *root;
};

/* ------------------------------------------------------------ characters */

static uint32_t lower(FeatherInterp i, uint32_t c) {
    if (c < 128) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return fstr_case(i, c, 0);
}

static uint32_t upper(FeatherInterp i, uint32_t c) {
    if (c < 128) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    return fstr_case(i, c, 1);
}

static bool is_connector(uint32_t c) {
    return c == '_' || c == 0x203f || c == 0x2040 || c == 0x2054 || c == 0xfe33 || c == 0xfe34 ||
           (c >= 0xfe4d && c <= 0xfe4f) || c == 0xff3f;
}

static bool is_word(FeatherInterp i, uint32_t c) {
    if (c < 128) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    }
    return (fstr_class(i, c) & (RC_ALPHA | RC_DIGIT)) || is_connector(c);
}

static bool class_has(FeatherInterp i, uint32_t classes, uint32_t c) {
    if ((classes & CL_ASCII) && c < 128) return true;
    if ((classes & CL_XDIGIT) &&
        ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
        return true;
    if ((classes & CL_BLANK) && (c == ' ' || c == '\t')) return true;
    if ((classes & CL_WORD) && is_word(i, c)) return true;
    uint32_t rest = classes & ~(uint32_t)(CL_ASCII | CL_XDIGIT | CL_BLANK | CL_WORD);
    if (!rest) return false;
    uint32_t rc = fstr_class(i, c);
    if ((rest & CL_ALPHA) && (rc & RC_ALPHA)) return true;
    if ((rest & CL_DIGIT) && (rc & RC_DIGIT)) return true;
    if ((rest & CL_ALNUM) && (rc & (RC_ALPHA | RC_DIGIT))) return true;
    if ((rest & CL_UPPER) && (rc & RC_UPPER)) return true;
    if ((rest & CL_LOWER) && (rc & RC_LOWER)) return true;
    if ((rest & CL_SPACE) && (rc & RC_SPACE)) return true;
    if ((rest & CL_PUNCT) && (rc & RC_PUNCT)) return true;
    if ((rest & CL_PRINT) && (rc & RC_PRINT)) return true;
    if ((rest & CL_GRAPH) && (rc & RC_PRINT) && !(rc & RC_SPACE)) return true;
    if ((rest & CL_CNTRL) && (rc & RC_CONTROL)) return true;
    return false;
}

static bool set_has(FeatherInterp i, const ReSet *s, uint32_t c) {
    for (uint32_t k = 0; k < s->nr; k++) {
        if (c >= s->r[2 * k] && c <= s->r[2 * k + 1]) return true;
    }
    return s->classes && class_has(i, s->classes, c);
}

static bool set_match(const FRegex *re, const ReSet *s, uint32_t c) {
    FeatherInterp i = re->interp;
    bool in = set_has(i, s, c);
    if (!in && (re->flags & F_RE_NOCASE)) {
        uint32_t l = lower(i, c), u = upper(i, c);
        in = (l != c && set_has(i, s, l)) || (u != c && set_has(i, s, u));
    }
    if (s->negate) {
        if (c == '\n' && (re->flags & F_RE_NLSTOP)) return false;
        return !in;
    }
    return in;
}

/* ------------------------------------------------------------ parser */

typedef struct Parser {
    FeatherInterp interp;
    const uint32_t *p;
    uint32_t n, k;
    int flags;
    int err;
    uint32_t ngroups;
    uint8_t *closed; /* closed[g]: group g's ')' has been seen */
    int depth;
    bool in_look;
    uint32_t info;
    ReSet *sets;
    uint32_t nsets, setcap;
} Parser;

static bool is_alpha(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static bool is_space(uint32_t c) { return c == ' ' || (c >= 9 && c <= 13); }

static int hexval(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}

static Node *fail(Parser *ps, int err) {
    if (!ps->err) ps->err = err;
    return NULL;
}

static Node *new_node(Parser *ps, int kind) {
    Node *nd = f_alloc(sizeof(Node));
    if (!nd) return fail(ps, E_ESPACE);
    memset(nd, 0, sizeof *nd);
    nd->kind = (uint8_t)kind;
    nd->g_lo = nd->g_hi = ps->ngroups + 1;
    return nd;
}

/* A growable list of nodes. */
typedef struct NodeList {
    Node **v;
    uint32_t n, cap;
} NodeList;

static bool list_push(Parser *ps, NodeList *l, Node *nd) {
    if (l->n == l->cap) {
        uint32_t cap = l->cap ? l->cap * 2 : 4;
        Node **v = f_alloc(cap * sizeof(Node *));
        if (!v) {
            fail(ps, E_ESPACE);
            return false;
        }
        if (l->n) memcpy(v, l->v, l->n * sizeof(Node *));
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = nd;
    return true;
}

/* In expanded mode, skip white space and #-comments. */
static void skip_ws(Parser *ps) {
    if (!(ps->flags & F_RE_EXPANDED)) return;
    while (ps->k < ps->n) {
        uint32_t c = ps->p[ps->k];
        if (is_space(c)) {
            ps->k++;
        } else if (c == '#') {
            while (ps->k < ps->n && ps->p[ps->k] != '\n') ps->k++;
        } else {
            break;
        }
    }
}

static int new_set(Parser *ps) {
    if (ps->nsets == ps->setcap) {
        uint32_t cap = ps->setcap ? ps->setcap * 2 : 8;
        ReSet *v = f_alloc(cap * sizeof(ReSet));
        if (!v) {
            fail(ps, E_ESPACE);
            return -1;
        }
        if (ps->nsets) memcpy(v, ps->sets, ps->nsets * sizeof(ReSet));
        ps->sets = v;
        ps->setcap = cap;
    }
    ReSet *s = &ps->sets[ps->nsets];
    memset(s, 0, sizeof *s);
    return (int)ps->nsets++;
}

static bool set_add(Parser *ps, int idx, uint32_t lo, uint32_t hi) {
    ReSet *s = &ps->sets[idx];
    if (s->nr == s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 4;
        uint32_t *r = f_alloc(cap * 2 * sizeof(uint32_t));
        if (!r) {
            fail(ps, E_ESPACE);
            return false;
        }
        if (s->nr) memcpy(r, s->r, s->nr * 2 * sizeof(uint32_t));
        s->r = r;
        s->cap = cap;
    }
    s->r[2 * s->nr] = lo;
    s->r[2 * s->nr + 1] = hi;
    s->nr++;
    return true;
}

static Node *set_node(Parser *ps, uint32_t classes, bool negate) {
    int idx = new_set(ps);
    if (idx < 0) return NULL;
    ps->sets[idx].classes = classes;
    ps->sets[idx].negate = negate;
    Node *nd = new_node(ps, N_SET);
    if (nd) nd->a = idx;
    return nd;
}

/* Read up to max digits of a base; returns the count read. */
static uint32_t read_digits(Parser *ps, int base, uint32_t max, uint32_t *value) {
    uint32_t count = 0, v = 0;
    while (count < max && ps->k < ps->n) {
        int d = hexval(ps->p[ps->k]);
        if (d < 0 || d >= base) break;
        v = v * (uint32_t)base + (uint32_t)d;
        ps->k++;
        count++;
    }
    *value = v;
    return count;
}

/* A character-entry escape after the backslash (ps->k at its letter).
 * Returns 1 with *c set, 0 when the letter is no character escape, -1 on
 * an error. */
static int char_escape(Parser *ps, uint32_t *c) {
    uint32_t e = ps->p[ps->k];
    uint32_t v;
    switch (e) {
    case 'a': *c = 7; break;
    case 'b': *c = 8; break;
    case 'B': *c = '\\'; break;
    case 'e':
        *c = 27;
        ps->info |= U_UNPORT | U_LOCALE;
        break;
    case 'f': *c = 12; break;
    case 'n': *c = 10; break;
    case 'r': *c = 13; break;
    case 't': *c = 9; break;
    case 'v': *c = 11; break;
    case 'c':
        ps->k++;
        if (ps->k >= ps->n) {
            fail(ps, E_EESCAPE);
            return -1;
        }
        ps->info |= U_UNPORT;
        *c = ps->p[ps->k] & 0x1f;
        break;
    case 'u':
    case 'U':
    case 'x': {
        ps->k++;
        uint32_t max = e == 'u' ? 4 : e == 'U' ? 8 : 8;
        uint32_t nd = read_digits(ps, 16, max, &v);
        if (e == 'x') {
            ps->info |= U_UNPORT;
            /* \x takes every hex digit that follows */
            while (ps->k < ps->n && hexval(ps->p[ps->k]) >= 0) {
                v = (v << 4) | (uint32_t)hexval(ps->p[ps->k]);
                ps->k++;
            }
        }
        if (nd == 0) {
            fail(ps, E_EESCAPE);
            return -1;
        }
        if (v > 0x10ffff) {
            fail(ps, E_EESCAPE);
            return -1;
        }
        *c = v;
        ps->info |= U_NONPOSIX;
        return 1;
    }
    case '0':
        ps->k++;
        read_digits(ps, 8, 2, &v);
        ps->info |= U_UNPORT;
        *c = v;
        ps->info |= U_NONPOSIX;
        return 1;
    default:
        return 0;
    }
    ps->k++;
    ps->info |= U_NONPOSIX;
    return 1;
}

/* Class shorthand letter: its classes and negation, or false. */
static bool class_escape(uint32_t e, uint32_t *classes, bool *neg) {
    switch (e) {
    case 'd': *classes = CL_DIGIT; *neg = false; return true;
    case 'D': *classes = CL_DIGIT; *neg = true; return true;
    case 's': *classes = CL_SPACE; *neg = false; return true;
    case 'S': *classes = CL_SPACE; *neg = true; return true;
    case 'w': *classes = CL_WORD; *neg = false; return true;
    case 'W': *classes = CL_WORD; *neg = true; return true;
    default: return false;
    }
}

/* Compare the pattern text p[from..to) with a C string. */
static bool text_is(const uint32_t *p, uint32_t from, uint32_t to, const char *s) {
    uint32_t k = 0;
    for (; from + k < to; k++) {
        if (!s[k] || p[from + k] != (uint32_t)(unsigned char)s[k]) return false;
    }
    return s[k] == 0;
}

/* A [. .] or [= =] element's character; ps->k just after the opening
 * "[." / "[=". */
static bool collating(Parser *ps, uint32_t delim, uint32_t *c) {
    uint32_t start = ps->k;
    while (ps->k + 1 < ps->n && !(ps->p[ps->k] == delim && ps->p[ps->k + 1] == ']')) ps->k++;
    if (ps->k + 1 >= ps->n) {
        fail(ps, E_EBRACK);
        return false;
    }
    uint32_t end = ps->k;
    ps->k += 2;
    if (end - start == 1) {
        *c = ps->p[start];
        return true;
    }
    if (delim == '.') {
        for (int j = 0; coll_names[j].name; j++) {
            if (text_is(ps->p, start, end, coll_names[j].name)) {
                *c = coll_names[j].c;
                return true;
            }
        }
    }
    fail(ps, E_ECOLLATE);
    return false;
}

/* One bracket element: a character (kind 0, *c), a class (kind 1,
 * *classes), or an error (-1). */
static int bracket_elem(Parser *ps, uint32_t *c, uint32_t *classes) {
    uint32_t ch = ps->p[ps->k];
    if (ch == '[' && ps->k + 1 < ps->n &&
        (ps->p[ps->k + 1] == ':' || ps->p[ps->k + 1] == '=' || ps->p[ps->k + 1] == '.')) {
        uint32_t delim = ps->p[ps->k + 1];
        ps->k += 2;
        if (delim == ':') {
            uint32_t start = ps->k;
            while (ps->k + 1 < ps->n && !(ps->p[ps->k] == ':' && ps->p[ps->k + 1] == ']')) ps->k++;
            if (ps->k + 1 >= ps->n) {
                fail(ps, E_EBRACK);
                return -1;
            }
            uint32_t end = ps->k;
            ps->k += 2;
            for (int j = 0; class_names[j].name; j++) {
                if (text_is(ps->p, start, end, class_names[j].name)) {
                    *classes = class_names[j].bit;
                    ps->info |= U_LOCALE;
                    return 1;
                }
            }
            fail(ps, E_ECTYPE);
            return -1;
        }
        if (delim == '=') ps->info |= U_LOCALE;
        if (!collating(ps, delim, c)) return -1;
        return delim == '=' ? 2 : 0;
    }
    if (ch == '\\') {
        ps->k++;
        ps->info |= U_BBS;
        if (ps->k >= ps->n) {
            fail(ps, E_EBRACK);
            return -1;
        }
        uint32_t e = ps->p[ps->k];
        bool neg;
        if (class_escape(e, classes, &neg)) {
            if (neg) {
                fail(ps, E_EESCAPE);
                return -1;
            }
            ps->k++;
            ps->info |= U_NONPOSIX | U_LOCALE;
            return 1;
        }
        int r = char_escape(ps, c);
        if (r < 0) return -1;
        if (r > 0) return 0;
        if (is_alpha(e) || is_digit(e)) {
            fail(ps, E_EESCAPE);
            return -1;
        }
        ps->k++;
        *c = e;
        return 0;
    }
    ps->k++;
    *c = ch;
    return 0;
}

static Node *parse_bracket(Parser *ps) {
    /* ps->k just after '[' */
    int idx = new_set(ps);
    if (idx < 0) return NULL;
    if (ps->k < ps->n && ps->p[ps->k] == '^') {
        ps->sets[idx].negate = true;
        ps->k++;
    }
    bool first = true;
    for (;;) {
        if (ps->k >= ps->n) return fail(ps, E_EBRACK);
        uint32_t ch = ps->p[ps->k];
        if (ch == ']' && !first) {
            ps->k++;
            break;
        }
        uint32_t lo = 0, classes = 0;
        int kind;
        if (ch == ']' || (ch == '-' && first)) {
            ps->k++;
            lo = ch;
            kind = 0;
        } else if (ch == '-') {
            /* a '-' inside is only a literal at the end */
            if (ps->k + 1 < ps->n && ps->p[ps->k + 1] == ']') {
                ps->k++;
                lo = '-';
                kind = 0;
            } else {
                return fail(ps, E_ERANGE);
            }
        } else {
            kind = bracket_elem(ps, &lo, &classes);
            if (kind < 0) return NULL;
        }
        first = false;
        if (kind == 1) {
            ps->sets[idx].classes |= classes;
            if (ps->k + 1 < ps->n && ps->p[ps->k] == '-' && ps->p[ps->k + 1] != ']')
                return fail(ps, E_ERANGE);
            continue;
        }
        uint32_t hi = lo;
        if (ps->k + 1 < ps->n && ps->p[ps->k] == '-' && ps->p[ps->k + 1] != ']') {
            if (kind == 2) return fail(ps, E_ERANGE);
            ps->k++;
            int k2 = bracket_elem(ps, &hi, &classes);
            if (k2 < 0) return NULL;
            if (k2 != 0) return fail(ps, E_ERANGE);
            if (hi < lo) return fail(ps, E_ERANGE);
            ps->info |= U_UNPORT;
        }
        if (!set_add(ps, idx, lo, hi)) return NULL;
    }
    Node *nd = new_node(ps, N_SET);
    if (nd) nd->a = idx;
    return nd;
}

static Node *parse_alt(Parser *ps);

/* An escape outside brackets; *constraint tells a constraint. */
static Node *parse_escape(Parser *ps, bool *constraint) {
    ps->k++; /* the backslash */
    if (ps->k >= ps->n) return fail(ps, E_EESCAPE);
    uint32_t e = ps->p[ps->k];
    uint32_t classes, c;
    bool neg;
    if (class_escape(e, &classes, &neg)) {
        ps->k++;
        ps->info |= U_NONPOSIX | U_LOCALE;
        return set_node(ps, classes, neg);
    }
    int akind = -1;
    switch (e) {
    case 'A': akind = A_BOS; break;
    case 'Z': akind = A_EOS; break;
    case 'm': akind = A_WBEGIN; break;
    case 'M': akind = A_WEND; break;
    case 'y': akind = A_WBOUND; break;
    case 'Y': akind = A_NWBOUND; break;
    default: break;
    }
    if (akind >= 0) {
        ps->k++;
        *constraint = true;
        ps->info |= U_NONPOSIX;
        if (akind >= A_WBEGIN) ps->info |= U_LOCALE;
        Node *nd = new_node(ps, N_ASSERT);
        if (nd) nd->a = akind;
        return nd;
    }
    if (e >= '1' && e <= '9') {
        uint32_t save = ps->k;
        uint32_t v;
        uint32_t nd = read_digits(ps, 10, 3, &v);
        if (nd == 1 || (v >= 1 && v <= ps->ngroups)) {
            if (ps->in_look || v > ps->ngroups || !ps->closed[v]) return fail(ps, E_ESUBREG);
            ps->info |= U_BACKREF | U_NONPOSIX;
            Node *b = new_node(ps, N_BACKREF);
            if (b) b->a = (int32_t)v;
            return b;
        }
        /* not a back reference: an octal escape */
        ps->k = save;
        uint32_t count = read_digits(ps, 8, 3, &v);
        if (count == 0) return fail(ps, E_EESCAPE);
        ps->info |= U_UNPORT | U_NONPOSIX;
        Node *cn = new_node(ps, N_CHAR);
        if (cn) cn->a = (int32_t)v;
        return cn;
    }
    int r = char_escape(ps, &c);
    if (r < 0) return NULL;
    if (r == 0) {
        if (is_alpha(e) || is_digit(e)) return fail(ps, E_EESCAPE);
        ps->k++;
        c = e;
    }
    Node *cn = new_node(ps, N_CHAR);
    if (cn) cn->a = (int32_t)c;
    return cn;
}

static Node *parse_atom(Parser *ps, bool *constraint) {
    uint32_t c = ps->p[ps->k];
    *constraint = false;
    switch (c) {
    case '(': {
        ps->k++;
        int kind = N_CAP;
        bool neg = false;
        if (ps->k < ps->n && ps->p[ps->k] == '?') {
            ps->k++;
            uint32_t d = ps->k < ps->n ? ps->p[ps->k] : 0;
            if (d == ':') kind = N_GROUP;
            else if (d == '=' || d == '!') {
                kind = N_LOOK;
                neg = d == '!';
            } else {
                return fail(ps, E_BADRPT);
            }
            ps->k++;
            ps->info |= U_NONPOSIX;
            if (kind == N_LOOK) ps->info |= U_LOOKAHEAD;
        }
        if (ps->depth >= RE_MAX_NEST) return fail(ps, E_ETOOBIG);
        bool saved_look = ps->in_look;
        if (kind == N_LOOK) ps->in_look = true;
        if (kind == N_CAP && ps->in_look) kind = N_GROUP;
        uint32_t g = 0;
        if (kind == N_CAP) g = ++ps->ngroups;
        uint32_t g_lo = ps->ngroups + (kind == N_CAP ? 0 : 1);
        ps->depth++;
        Node *inner = parse_alt(ps);
        ps->depth--;
        ps->in_look = saved_look;
        if (!inner) return NULL;
        if (ps->k >= ps->n || ps->p[ps->k] != ')') return fail(ps, E_EPAREN);
        ps->k++;
        Node *nd = new_node(ps, kind);
        if (!nd) return NULL;
        nd->kids = f_alloc(sizeof(Node *));
        if (!nd->kids) return fail(ps, E_ESPACE);
        nd->kids[0] = inner;
        nd->nkids = 1;
        nd->neg = neg;
        if (kind == N_CAP) {
            nd->a = (int32_t)g;
            ps->closed[g] = 1;
            nd->g_lo = g;
        } else {
            nd->g_lo = g_lo;
        }
        nd->g_hi = ps->ngroups + 1;
        if (kind == N_LOOK) *constraint = true;
        return nd;
    }
    case '.': {
        ps->k++;
        return new_node(ps, N_ANY);
    }
    case '[':
        ps->k++;
        return parse_bracket(ps);
    case '\\':
        return parse_escape(ps, constraint);
    case '^':
    case '$': {
        ps->k++;
        *constraint = true;
        Node *nd = new_node(ps, N_ASSERT);
        if (nd) nd->a = c == '^' ? A_BOL : A_EOL;
        return nd;
    }
    case '*':
    case '+':
    case '?':
        return fail(ps, E_BADRPT);
    case '{':
        if (ps->k + 1 < ps->n && is_digit(ps->p[ps->k + 1])) return fail(ps, E_BADRPT);
        /* fall through: a literal brace */
    default: {
        ps->k++;
        if (c == '{') ps->info |= U_BRACES | U_UNSPEC;
        Node *nd = new_node(ps, N_CHAR);
        if (nd) nd->a = (int32_t)c;
        return nd;
    }
    }
}

/* Is a quantifier next (after skipping expanded white space)? */
static bool quant_next(Parser *ps) {
    skip_ws(ps);
    if (ps->k >= ps->n) return false;
    uint32_t c = ps->p[ps->k];
    if (c == '*' || c == '+' || c == '?') return true;
    if (c != '{') return false;
    uint32_t save = ps->k;
    ps->k++;
    skip_ws(ps);
    bool digit = ps->k < ps->n && is_digit(ps->p[ps->k]);
    ps->k = save;
    return digit;
}

/* A bound's number, at most RE_DUPMAX+1 (too big). */
static int32_t bound_number(Parser *ps) {
    uint32_t v = 0;
    while (ps->k < ps->n && is_digit(ps->p[ps->k])) {
        if (v <= RE_DUPMAX) v = v * 10 + (ps->p[ps->k] - '0');
        ps->k++;
    }
    return (int32_t)(v > RE_DUPMAX ? RE_DUPMAX + 1 : v);
}

static Node *parse_quant(Parser *ps, Node *atom) {
    uint32_t c = ps->p[ps->k++];
    int32_t min, max;
    if (c == '*') { min = 0; max = RE_INF; }
    else if (c == '+') { min = 1; max = RE_INF; }
    else if (c == '?') { min = 0; max = 1; }
    else {
        ps->info |= U_BOUNDS;
        skip_ws(ps);
        min = bound_number(ps);
        max = min;
        skip_ws(ps);
        if (ps->k < ps->n && ps->p[ps->k] == ',') {
            ps->k++;
            skip_ws(ps);
            if (ps->k < ps->n && is_digit(ps->p[ps->k])) max = bound_number(ps);
            else max = RE_INF;
            skip_ws(ps);
        }
        if (ps->k >= ps->n) return fail(ps, E_EBRACE);
        if (ps->p[ps->k] != '}') return fail(ps, E_BADBR);
        ps->k++;
        if (min > RE_DUPMAX || max > RE_DUPMAX || (max != RE_INF && max < min))
            return fail(ps, E_BADBR);
    }
    bool greedy = true;
    if (ps->k < ps->n && ps->p[ps->k] == '?') {
        ps->k++;
        greedy = false;
        ps->info |= U_NONPOSIX;
    }
    Node *nd = new_node(ps, N_REP);
    if (!nd) return NULL;
    nd->kids = f_alloc(sizeof(Node *));
    if (!nd->kids) return fail(ps, E_ESPACE);
    nd->kids[0] = atom;
    nd->nkids = 1;
    nd->a = min;
    nd->b = max;
    nd->greedy = greedy;
    nd->g_lo = atom->g_lo;
    nd->g_hi = atom->g_hi;
    if (atom->kind == N_SET || atom->kind == N_CHAR || atom->kind == N_ANY ||
        atom->kind == N_BACKREF || atom->kind == N_EMPTY) {
        nd->g_lo = nd->g_hi = 0;
    }
    if (quant_next(ps)) return fail(ps, E_BADRPT);
    return nd;
}

static Node *parse_cat(Parser *ps) {
    NodeList l = {0, 0, 0};
    uint32_t g_lo = ps->ngroups + 1;
    for (;;) {
        skip_ws(ps);
        if (ps->k >= ps->n) break;
        uint32_t c = ps->p[ps->k];
        if (c == '|' || c == ')') break;
        bool constraint;
        Node *atom = parse_atom(ps, &constraint);
        if (!atom) return NULL;
        if (quant_next(ps)) {
            if (constraint) return fail(ps, E_BADRPT);
            atom = parse_quant(ps, atom);
            if (!atom) return NULL;
        }
        if (!list_push(ps, &l, atom)) return NULL;
    }
    if (l.n == 1) return l.v[0];
    if (l.n == 0) ps->info |= U_UNSPEC;
    Node *nd = new_node(ps, l.n ? N_CAT : N_EMPTY);
    if (!nd) return NULL;
    nd->kids = l.v;
    nd->nkids = l.n;
    nd->g_lo = g_lo;
    nd->g_hi = ps->ngroups + 1;
    return nd;
}

static Node *parse_alt(Parser *ps) {
    uint32_t g_lo = ps->ngroups + 1;
    Node *first = parse_cat(ps);
    if (!first) return NULL;
    skip_ws(ps);
    if (ps->k >= ps->n || ps->p[ps->k] != '|') return first;
    NodeList l = {0, 0, 0};
    if (!list_push(ps, &l, first)) return NULL;
    while (ps->k < ps->n && ps->p[ps->k] == '|') {
        ps->k++;
        Node *b = parse_cat(ps);
        if (!b) return NULL;
        if (!list_push(ps, &l, b)) return NULL;
        skip_ws(ps);
    }
    Node *nd = new_node(ps, N_ALT);
    if (!nd) return NULL;
    nd->kids = l.v;
    nd->nkids = l.n;
    nd->g_lo = g_lo;
    nd->g_hi = ps->ngroups + 1;
    return nd;
}

/* ------------------------------------------------------------ analysis */

/* Preference: 1 longest, -1 shortest, 0 none (Tcl's re_syntax rules). */
static int preference(const Node *nd, int depth) {
    if (depth > RE_MAX_NEST * 2) return 0;
    switch (nd->kind) {
    case N_REP:
        /* a fixed count has no preference of its own */
        if (nd->a == nd->b) return preference(nd->kids[0], depth + 1);
        return nd->greedy ? 1 : -1;
    case N_ALT: return nd->nkids > 1 ? 1 : 0;
    case N_CAT:
        for (uint32_t k = 0; k < nd->nkids; k++) {
            int p = preference(nd->kids[k], depth + 1);
            if (p) return p;
        }
        return 0;
    case N_CAP:
    case N_GROUP: return preference(nd->kids[0], depth + 1);
    default: return 0;
    }
}

/* Can the node match the empty string? */
static bool can_empty(const Node *nd, int depth) {
    if (depth > RE_MAX_NEST * 2) return true;
    switch (nd->kind) {
    case N_CHAR:
    case N_ANY:
    case N_SET: return false;
    case N_BACKREF: return true;
    case N_REP: return nd->a == 0 || can_empty(nd->kids[0], depth + 1);
    case N_CAT:
        for (uint32_t k = 0; k < nd->nkids; k++) {
            if (!can_empty(nd->kids[k], depth + 1)) return false;
        }
        return true;
    case N_ALT:
        for (uint32_t k = 0; k < nd->nkids; k++) {
            if (can_empty(nd->kids[k], depth + 1)) return true;
        }
        return false;
    case N_CAP:
    case N_GROUP: return can_empty(nd->kids[0], depth + 1);
    default: return true;
    }
}

/* ------------------------------------------------------------ code generation */

static uint32_t emit(FRegex *re, int op, int32_t x, int32_t y) {
    if (re->ninst == re->icap) {
        if (re->ninst >= RE_MAX_INST) {
            re->gen_failed = true;
            return re->ninst ? re->ninst - 1 : 0;
        }
        uint32_t cap = re->icap ? re->icap * 2 : 64;
        Inst *v = f_alloc(cap * sizeof(Inst));
        if (!v) {
            re->gen_failed = true;
            return re->ninst ? re->ninst - 1 : 0;
        }
        if (re->ninst) memcpy(v, re->prog, re->ninst * sizeof(Inst));
        re->prog = v;
        re->icap = cap;
    }
    Inst *in = &re->prog[re->ninst];
    in->op = (uint8_t)op;
    in->f = 0;
    in->x = x;
    in->y = y;
    return re->ninst++;
}

static void gen(FRegex *re, const Node *nd, int depth);

static void gen_iter(FRegex *re, const Node *kid, const Node *rep, int depth) {
    if (rep->g_hi > rep->g_lo) emit(re, I_CLEAR, (int32_t)rep->g_lo, (int32_t)rep->g_hi);
    gen(re, kid, depth + 1);
}

static void gen_rep(FRegex *re, const Node *nd, int depth) {
    const Node *kid = nd->kids[0];
    int32_t min = nd->a, max = nd->b;
    bool empty = can_empty(kid, 0);
    int32_t fixed = min;
    if (max == RE_INF && min > 0) fixed = min - 1;
    for (int32_t k = 0; k < fixed && !re->gen_failed; k++) gen_iter(re, kid, nd, depth);
    if (max == RE_INF) {
        uint32_t reg = re->nregs++;
        if (min == 0) {
            uint32_t split = emit(re, I_SPLIT, 0, 0);
            uint32_t body = re->ninst;
            if (empty) emit(re, I_MARK, (int32_t)reg, 0);
            gen_iter(re, kid, nd, depth);
            if (empty) emit(re, I_CHECK, (int32_t)reg, 0);
            emit(re, I_JMP, (int32_t)split, 0);
            uint32_t out = re->ninst;
            if (re->gen_failed) return;
            re->prog[split].x = (int32_t)(nd->greedy ? body : out);
            re->prog[split].y = (int32_t)(nd->greedy ? out : body);
        } else {
            uint32_t body = re->ninst;
            if (empty) emit(re, I_MARK, (int32_t)reg, 0);
            gen_iter(re, kid, nd, depth);
            uint32_t split = emit(re, I_SPLIT, 0, 0);
            uint32_t again = re->ninst;
            if (empty) emit(re, I_CHECK, (int32_t)reg, 0);
            emit(re, I_JMP, (int32_t)body, 0);
            uint32_t out = re->ninst;
            if (re->gen_failed) return;
            re->prog[split].x = (int32_t)(nd->greedy ? again : out);
            re->prog[split].y = (int32_t)(nd->greedy ? out : again);
        }
        return;
    }
    /* max - min optional iterations, each entered only after the last */
    uint32_t count = (uint32_t)(max - min);
    if (!count) return;
    uint32_t *splits = f_alloc(count * sizeof(uint32_t));
    if (!splits) {
        re->gen_failed = true;
        return;
    }
    /* an optional iteration that matches nothing is not taken (as Tcl:
     * (a*)? leaves the group unset against "b") */
    uint32_t reg = empty ? re->nregs++ : 0;
    for (uint32_t k = 0; k < count && !re->gen_failed; k++) {
        splits[k] = emit(re, I_SPLIT, 0, 0);
        if (empty) emit(re, I_MARK, (int32_t)reg, 0);
        gen_iter(re, kid, nd, depth);
        if (empty) emit(re, I_CHECK, (int32_t)reg, 0);
    }
    uint32_t out = re->ninst;
    if (re->gen_failed) return;
    for (uint32_t k = 0; k < count; k++) {
        uint32_t body = splits[k] + 1;
        re->prog[splits[k]].x = (int32_t)(nd->greedy ? body : out);
        re->prog[splits[k]].y = (int32_t)(nd->greedy ? out : body);
    }
}

static void gen_node(FRegex *re, const Node *nd, int depth);

/* Emit a node's code, remembering where its first copy lies. */
static void gen(FRegex *re, const Node *cnd, int depth) {
    if (re->gen_failed) return;
    Node *nd = (Node *)cnd;
    uint32_t start = re->ninst;
    gen_node(re, nd, depth);
    if (!nd->emitted) {
        nd->pc0 = start;
        nd->pc1 = re->ninst;
        nd->emitted = true;
    }
}

static void gen_node(FRegex *re, const Node *nd, int depth) {
    switch (nd->kind) {
    case N_EMPTY: break;
    case N_CHAR: {
        uint32_t c = (uint32_t)nd->a;
        if (re->flags & F_RE_NOCASE) c = lower(re->interp, c);
        emit(re, I_CHAR, (int32_t)c, 0);
        break;
    }
    case N_ANY: {
        uint32_t pc = emit(re, I_ANY, 0, 0);
        if (!re->gen_failed) re->prog[pc].f = (re->flags & F_RE_NLSTOP) ? 1 : 0;
        break;
    }
    case N_SET: emit(re, I_SET, nd->a, 0); break;
    case N_CAT:
        for (uint32_t k = 0; k < nd->nkids; k++) gen(re, nd->kids[k], depth + 1);
        break;
    case N_ALT: {
        if (re->nalts == re->altcap) {
            uint32_t cap = re->altcap ? re->altcap * 2 : 8;
            AltInfo *v = f_alloc(cap * sizeof(AltInfo));
            if (!v) {
                re->gen_failed = true;
                return;
            }
            if (re->nalts) memcpy(v, re->alts, re->nalts * sizeof(AltInfo));
            re->alts = v;
            re->altcap = cap;
        }
        uint32_t id = re->nalts++;
        AltInfo *ai = &re->alts[id];
        ai->n = nd->nkids;
        ai->reg = re->nregs++;
        ai->starts = f_alloc(nd->nkids * sizeof(uint32_t));
        uint32_t *jumps = f_alloc(nd->nkids * sizeof(uint32_t));
        if (!ai->starts || !jumps) {
            re->gen_failed = true;
            return;
        }
        emit(re, I_ALT, (int32_t)id, 0);
        for (uint32_t k = 0; k < nd->nkids; k++) {
            uint32_t start = re->ninst;
            re->alts[id].starts[k] = start;
            gen(re, nd->kids[k], depth + 1);
            emit(re, I_ALTEND, (int32_t)id, 0);
            jumps[k] = k + 1 < nd->nkids ? emit(re, I_JMP, 0, 0) : 0;
        }
        if (re->gen_failed) return;
        for (uint32_t k = 0; k + 1 < nd->nkids; k++) re->prog[jumps[k]].x = (int32_t)re->ninst;
        break;
    }
    case N_REP: gen_rep(re, nd, depth); break;
    case N_CAP:
        emit(re, I_SAVE, 2 * nd->a, 0);
        gen(re, nd->kids[0], depth + 1);
        emit(re, I_SAVE, 2 * nd->a + 1, 0);
        break;
    case N_GROUP: gen(re, nd->kids[0], depth + 1); break;
    case N_ASSERT: emit(re, I_ASSERT, nd->a, 0); break;
    case N_BACKREF: emit(re, I_BACKREF, nd->a, 0); break;
    case N_LOOK: {
        if (re->nlooks == re->lookcap) {
            uint32_t cap = re->lookcap ? re->lookcap * 2 : 4;
            uint32_t *v = f_alloc(cap * sizeof(uint32_t));
            if (!v) {
                re->gen_failed = true;
                return;
            }
            if (re->nlooks) memcpy(v, re->looks, re->nlooks * sizeof(uint32_t));
            re->looks = v;
            re->lookcap = cap;
        }
        uint32_t id = re->nlooks++;
        emit(re, I_LOOK, (int32_t)id, nd->neg ? 1 : 0);
        uint32_t jmp = emit(re, I_JMP, 0, 0);
        re->looks[id] = re->ninst;
        gen(re, nd->kids[0], depth + 1);
        emit(re, I_LOOKEND, 0, 0);
        if (!re->gen_failed) re->prog[jmp].x = (int32_t)re->ninst;
        break;
    }
    default: break;
    }
}

/* ------------------------------------------------------------ compile */

uint32_t *f_re_decode(const char *s, uint32_t n, uint32_t *count) {
    uint32_t *out = f_alloc(((size_t)n + 1) * sizeof(uint32_t));
    if (!out) {
        *count = 0;
        return NULL;
    }
    uint32_t k = 0, m = 0;
    while (k < n) {
        uint32_t cp;
        if ((unsigned char)s[k] < 0x80) {
            cp = (unsigned char)s[k];
            k++;
        } else {
            k += utf8_decode(s + k, n - k, &cp);
        }
        out[m++] = cp;
    }
    *count = m;
    return out;
}

static FRegex *compile_error(FeatherInterp i, int err) {
    StrBuf b;
    sb_init(&b, 64);
    sb_adds(&b, "REGEXP ");
    sb_adds(&b, err_names[err]);
    sb_addc(&b, ' ');
    sb_add_element(&b, err_text[err], (uint32_t)f_strlen(err_text[err]), false);
    /* The arena is full: like every memory-limit error (Tcl's REGEXP REG_ESPACE
     * otherwise). */
    f_set_error_code(i, err == E_ESPACE ? f_str(i, "TCL LIMIT MEMORY") : f_strn(i, b.data ? b.data : "", b.len));
    f_error(i, "couldn't compile regular expression pattern: %s", err_text[err]);
    return NULL;
}

/* First instructions: an anchor, or a first character. */
static void analyse_start(FRegex *re) {
    re->first = -1;
    re->anchored = false;
    uint32_t pc = 0;
    while (pc < re->ninst) {
        const Inst *in = &re->prog[pc];
        if (in->op == I_SAVE || in->op == I_CLEAR || in->op == I_MARK) {
            pc++;
            continue;
        }
        if (in->op == I_ASSERT && in->x == A_BOS) re->anchored = true;
        if (in->op == I_ASSERT && in->x == A_BOL && !(re->flags & F_RE_NLANCH)) re->anchored = true;
        if (in->op == I_CHAR) re->first = in->x;
        break;
    }
}

FRegex *f_re_compile(FeatherInterp i, const char *pat, uint32_t n, int flags) {
    uint32_t count;
    uint32_t *p = f_re_decode(pat, n, &count);
    if (!p) return compile_error(i, E_ESPACE);
    FRegex *re = f_alloc(sizeof(FRegex));
    if (!re) return compile_error(i, E_ESPACE);
    memset(re, 0, sizeof *re);
    re->interp = i;
    Parser ps;
    memset(&ps, 0, sizeof ps);
    ps.interp = i;
    ps.p = p;
    ps.n = count;
    ps.closed = f_alloc(count + 2);
    if (!ps.closed) return compile_error(i, E_ESPACE);
    memset(ps.closed, 0, count + 2);
    bool literal = false;
    uint32_t k = 0;
    if (count >= 4 && p[0] == '*' && p[1] == '*' && p[2] == '*') {
        if (p[3] == '=') {
            literal = true;
            k = 4;
            ps.info |= U_NONPOSIX;
        } else if (p[3] == ':') {
            k = 4;
            ps.info |= U_NONPOSIX;
        }
    }
    if (!literal && k + 2 < count && p[k] == '(' && p[k + 1] == '?' && is_alpha(p[k + 2])) {
        ps.info |= U_NONPOSIX;
        for (k += 2; k < count && is_alpha(p[k]); k++) {
            switch (p[k]) {
            case 'b': case 'e': break; /* read as ARE (see the header comment) */
            case 'c': flags &= ~F_RE_NOCASE; break;
            case 'i': flags |= F_RE_NOCASE; break;
            case 'm': case 'n': flags |= F_RE_NEWLINE; break;
            case 'p': flags = (flags | F_RE_NLSTOP) & ~F_RE_NLANCH; break;
            case 'q': literal = true; break;
            case 's': flags &= ~F_RE_NEWLINE; break;
            case 't': flags &= ~F_RE_EXPANDED; break;
            case 'w': flags = (flags | F_RE_NLANCH) & ~F_RE_NLSTOP; break;
            case 'x': flags |= F_RE_EXPANDED; break;
            default: return compile_error(i, E_BADOPT);
            }
        }
        if (k >= count || p[k] != ')') return compile_error(i, E_BADOPT);
        k++;
    }
    ps.flags = flags;
    ps.k = k;
    Node *root;
    if (literal) {
        root = new_node(&ps, N_CAT);
        if (root) {
            root->kids = f_alloc((count - k + 1) * sizeof(Node *));
            if (!root->kids) root = fail(&ps, E_ESPACE);
        }
        for (uint32_t j = k; root && j < count; j++) {
            Node *c = new_node(&ps, N_CHAR);
            if (!c) {
                root = NULL;
                break;
            }
            c->a = (int32_t)p[j];
            root->kids[root->nkids++] = c;
        }
    } else {
        root = parse_alt(&ps);
        if (root && ps.k < ps.n) root = fail(&ps, E_EPAREN); /* a stray ')' */
    }
    if (!root) return compile_error(i, ps.err ? ps.err : E_ESPACE);
    re->flags = flags;
    re->sets = ps.sets;
    re->nsets = ps.nsets;
    re->nsub = ps.ngroups;
    re->has_backref = (ps.info & U_BACKREF) != 0;
    int pref = preference(root, 0);
    re->shortest = pref < 0;
    re->info = ps.info;
    re->root = root;
    if (re->shortest) re->info |= U_SHORTEST;
    if (can_empty(root, 0)) re->info |= U_EMPTYMATCH;
    emit(re, I_SAVE, 0, 0);
    gen(re, root, 0);
    emit(re, I_SAVE, 1, 0);
    emit(re, I_MATCH, 0, 0);
    if (re->gen_failed) return compile_error(i, re->ninst >= RE_MAX_INST ? E_ETOOBIG : E_ESPACE);
    analyse_start(re);
    return re;
}

uint32_t f_re_nsub(const FRegex *re) { return re->nsub; }

FeatherObj f_re_about(FeatherInterp i, const FRegex *re) {
    FeatherObj items[2];
    items[0] = f_int(i, re->nsub);
    FeatherObj names[14];
    uint32_t n = 0;
    uint32_t info = re->info;
    /* Tcl notes REG_UUNSPEC for an empty branch and REG_UBRACES with it */
    for (int k = 0; k < 14; k++) {
        if (info & (1u << k)) names[n++] = f_str(i, about_names[k]);
    }
    items[1] = f_list_new(i, names, n);
    return f_list_new(i, items, 2);
}

/* ------------------------------------------------------------ matching */

typedef struct Bt {
    uint8_t kind;
    uint32_t a;
    int32_t b, c, d;
} Bt;

enum { BT_STATE, BT_CAP, BT_REG, BT_ALT };

enum { GOAL_MATCH, GOAL_ALTEND, GOAL_LOOKEND, GOAL_PC };
enum { MODE_MAX, MODE_MIN, MODE_LIST, MODE_EXISTS, MODE_EXACT };

typedef struct Exec {
    const FRegex *re;
    FeatherInterp interp;
    const uint32_t *text;
    uint32_t len;
    bool notbol;
    uint64_t steps, budget;
    bool aborted;
    bool oom;
    bool stopped;       /* the eval was stopped at a poll */
    /* explore() */
    uint32_t *es;
    uint32_t esp, ecap;
    struct Lazy *memo;  /* blocks of 64 positions x ninst bits */
    /* states visited by the explore() calls running inside others (the
     * ends of an alternation, lookaheads): one hash table keyed by call */
    struct Visit *vt;
    uint32_t vcap, vcount;
    struct Visit *vtmp;
    uint32_t vtmpcap;
    uint32_t next_call;
    uint32_t *active;   /* ids of the calls running, innermost last */
    uint32_t nactive;
    struct Lazy *lookc; /* per lookahead, results by position: 0 unknown, 1 no, 2 yes */
    uint32_t *ends;
    uint32_t nends, endcap;
    uint32_t *cand;     /* alternation candidates: end, branch pairs */
    uint32_t candcap;
    /* backtrack() */
    int32_t *caps;
    int32_t *regs;
    int32_t *best_caps; /* the best match so far (RE with back references) */
    int64_t best_end;
    Bt *bt;
    uint32_t bsp, bcap;
} Exec;

typedef struct Visit {
    uint32_t call, pc, pos;
} Visit;

static uint32_t visit_hash(uint32_t call, uint32_t pc, uint32_t pos) {
    uint32_t h = call * 2654435761u;
    h ^= pc * 2246822519u;
    h ^= pos * 3266489917u;
    h ^= h >> 15;
    return h * 668265263u;
}

static bool call_active(const Exec *ex, uint32_t call) {
    for (uint32_t k = ex->nactive; k-- > 0;) {
        if (ex->active[k] == call) return true;
    }
    return false;
}

static void vt_put(Visit *t, uint32_t cap, Visit v) {
    uint32_t h = visit_hash(v.call, v.pc, v.pos) & (cap - 1);
    while (t[h].call) h = (h + 1) & (cap - 1);
    t[h] = v;
}

/* Drop the entries of finished calls; grow when the live ones need it. */
static bool vt_rebuild(Exec *ex) {
    uint32_t live = 0;
    for (uint32_t k = 0; k < ex->vcap; k++) {
        if (ex->vt[k].call && call_active(ex, ex->vt[k].call)) live++;
    }
    if (live > ex->vtmpcap) {
        uint32_t cap = live * 2;
        Visit *v = f_alloc(cap * sizeof(Visit));
        if (!v) return false;
        ex->vtmp = v;
        ex->vtmpcap = cap;
    }
    uint32_t n = 0;
    for (uint32_t k = 0; k < ex->vcap; k++) {
        if (ex->vt[k].call && call_active(ex, ex->vt[k].call)) ex->vtmp[n++] = ex->vt[k];
    }
    uint32_t cap = ex->vcap ? ex->vcap : 256;
    while (live * 4 > cap) cap *= 2;
    if (cap != ex->vcap) {
        Visit *t = f_alloc(cap * sizeof(Visit));
        if (!t) return false;
        ex->vt = t;
        ex->vcap = cap;
    }
    memset(ex->vt, 0, ex->vcap * sizeof(Visit));
    for (uint32_t k = 0; k < n; k++) vt_put(ex->vt, ex->vcap, ex->vtmp[k]);
    ex->vcount = n;
    return true;
}

/* Mark (pc, pos) visited by call; 0 when it already was, -1 on no memory. */
static int visit_call(Exec *ex, uint32_t call, uint32_t pc, uint32_t pos) {
    if ((ex->vcount + 1) * 5 > ex->vcap * 3) {
        if (!vt_rebuild(ex)) {
            ex->oom = ex->aborted = true;
            return -1;
        }
    }
    uint32_t h = visit_hash(call, pc, pos) & (ex->vcap - 1);
    for (;;) {
        Visit *v = &ex->vt[h];
        if (!v->call) break;
        if (v->call == call && v->pc == pc && v->pos == pos) return 0;
        h = (h + 1) & (ex->vcap - 1);
    }
    ex->vt[h].call = call;
    ex->vt[h].pc = pc;
    ex->vt[h].pos = pos;
    ex->vcount++;
    return 1;
}

static bool epush(Exec *ex, uint32_t pc, uint32_t pos) {
    if (ex->esp + 2 > ex->ecap) {
        uint32_t cap = ex->ecap ? ex->ecap * 2 : 256;
        uint32_t *v = f_alloc(cap * sizeof(uint32_t));
        if (!v) {
            ex->oom = ex->aborted = true;
            return false;
        }
        if (ex->esp) memcpy(v, ex->es, ex->esp * sizeof(uint32_t));
        ex->es = v;
        ex->ecap = cap;
    }
    ex->es[ex->esp++] = pc;
    ex->es[ex->esp++] = pos;
    return true;
}

static bool bpush(Exec *ex, int kind, uint32_t a, int32_t b, int32_t c, int32_t d) {
    if (ex->bsp == ex->bcap) {
        uint32_t cap = ex->bcap ? ex->bcap * 2 : 128;
        Bt *v = f_alloc(cap * sizeof(Bt));
        if (!v) {
            ex->oom = ex->aborted = true;
            return false;
        }
        if (ex->bsp) memcpy(v, ex->bt, ex->bsp * sizeof(Bt));
        ex->bt = v;
        ex->bcap = cap;
    }
    Bt *e = &ex->bt[ex->bsp++];
    e->kind = (uint8_t)kind;
    e->a = a;
    e->b = b;
    e->c = c;
    e->d = d;
    return true;
}

static bool step(Exec *ex) {
    if (++ex->steps > ex->budget) {
        ex->aborted = true;
        return false;
    }
    /* One long match polls too: 1024 units (a host check) every 65536 steps. */
    if ((ex->steps & 0xFFFF) == 0 && f_poll_work(ex->interp, 1024) != TCL_OK) {
        ex->stopped = ex->aborted = true;
        return false;
    }
    return true;
}

/* A sparse array of zeroed chunks, each covering 2^shift positions, made
 * when first touched: a search near the start of a long text (regexp -all
 * calls the engine once per match) costs nothing for the rest of it. */
typedef struct Lazy {
    uint8_t **top;
    uint32_t cap;
    uint32_t shift;
    size_t leaf;
} Lazy;

static uint8_t *lazy_chunk(Exec *ex, Lazy *lz, uint32_t pos) {
    uint32_t t = pos >> lz->shift;
    if (t >= lz->cap) {
        uint32_t cap = lz->cap ? lz->cap * 2 : 4;
        while (cap <= t) cap *= 2;
        uint8_t **top = f_alloc(cap * sizeof(uint8_t *));
        if (!top) goto oom;
        memset(top, 0, cap * sizeof(uint8_t *));
        if (lz->cap) memcpy(top, lz->top, lz->cap * sizeof(uint8_t *));
        lz->top = top;
        lz->cap = cap;
    }
    if (!lz->top[t]) {
        uint8_t *m = f_alloc(lz->leaf);
        if (!m) goto oom;
        memset(m, 0, lz->leaf);
        lz->top[t] = m;
    }
    return lz->top[t];
oom:
    ex->oom = ex->aborted = true;
    return NULL;
}

/* Mark (pc, pos) visited; false when it already was (or on no memory). */
static bool visit(Exec *ex, uint32_t pc, uint32_t pos) {
    uint8_t *m = lazy_chunk(ex, ex->memo, pos);
    if (!m) return false;
    size_t bit = (size_t)pc * 64 + (pos & 63);
    if (m[bit >> 3] & (1u << (bit & 7))) return false;
    m[bit >> 3] |= (uint8_t)(1u << (bit & 7));
    return true;
}

static bool char_match(const Exec *ex, const Inst *in, uint32_t c) {
    if (c == (uint32_t)in->x) return true;
    return (ex->re->flags & F_RE_NOCASE) && c >= 'A' && lower(ex->interp, c) == (uint32_t)in->x;
}

static bool assert_ok(const Exec *ex, int kind, uint32_t pos) {
    const uint32_t *t = ex->text;
    uint32_t len = ex->len;
    bool nlanch = (ex->re->flags & F_RE_NLANCH) != 0;
    switch (kind) {
    case A_BOL:
        if (pos == 0) return !ex->notbol;
        return nlanch && t[pos - 1] == '\n';
    case A_EOL:
        if (pos == len) return true;
        return nlanch && t[pos] == '\n';
    case A_BOS: return pos == 0;
    case A_EOS: return pos == len;
    default: break;
    }
    bool before = pos > 0 && is_word(ex->interp, t[pos - 1]);
    bool after = pos < len && is_word(ex->interp, t[pos]);
    switch (kind) {
    case A_WBEGIN: return after && !before;
    case A_WEND: return before && !after;
    case A_WBOUND: return before != after;
    case A_NWBOUND: return before == after;
    default: return false;
    }
}

static int look_eval(Exec *ex, uint32_t id, uint32_t pos);

/* Every path from (pc, pos) to the goal instruction. MODE_MAX/MIN keep
 * the farthest/nearest end in *best (-1: none), MODE_LIST collects ends in
 * ex->ends, MODE_EXISTS returns 1 at the first. Returns -1 if aborted. */
static int explore(Exec *ex, uint32_t pc0, uint32_t pos0, int goal, uint32_t goal_id, int mode,
                   int64_t *best, bool memo) {
    const FRegex *re = ex->re;
    uint32_t base = ex->esp;
    int found = 0;
    uint32_t call = 0;
    if (!memo) {
        if (ex->nactive >= RE_MAX_ACTIVE) {
            ex->aborted = true;
            return -1;
        }
        call = ++ex->next_call;
        ex->active[ex->nactive++] = call;
    }
    if (!epush(ex, pc0, pos0)) goto aborted;
    while (ex->esp > base) {
        uint32_t pos = ex->es[--ex->esp];
        uint32_t pc = ex->es[--ex->esp];
        for (;;) {
            if (goal == GOAL_PC && pc == goal_id) goto reached;
            if (memo) {
                if (!visit(ex, pc, pos)) {
                    if (ex->aborted) goto aborted;
                    break;
                }
            } else {
                int v = visit_call(ex, call, pc, pos);
                if (v < 0) goto aborted;
                if (!v) break;
            }
            if (!step(ex)) goto aborted;
            const Inst *in = &re->prog[pc];
            bool ok = true;
            switch (in->op) {
            case I_CHAR:
                ok = pos < ex->len && char_match(ex, in, ex->text[pos]);
                pc++, pos++;
                break;
            case I_ANY:
                ok = pos < ex->len && !(in->f && ex->text[pos] == '\n');
                pc++, pos++;
                break;
            case I_SET:
                ok = pos < ex->len && set_match(re, &re->sets[in->x], ex->text[pos]);
                pc++, pos++;
                break;
            case I_SPLIT:
                if (!epush(ex, (uint32_t)in->y, pos)) goto aborted;
                pc = (uint32_t)in->x;
                break;
            case I_JMP: pc = (uint32_t)in->x; break;
            case I_SAVE:
            case I_MARK:
            case I_CHECK:
            case I_CLEAR: pc++; break;
            case I_ASSERT:
                ok = assert_ok(ex, in->x, pos);
                pc++;
                break;
            case I_BACKREF: ok = false; break; /* never explored (see f_re_exec) */
            case I_LOOK: {
                int r = look_eval(ex, (uint32_t)in->x, pos);
                if (r < 0) goto aborted;
                ok = (r == 1) != (in->y != 0);
                pc++;
                break;
            }
            case I_ALT: {
                const AltInfo *ai = &re->alts[in->x];
                for (uint32_t k = ai->n; k-- > 1;) {
                    if (!epush(ex, ai->starts[k], pos)) goto aborted;
                }
                pc = ai->starts[0];
                break;
            }
            case I_ALTEND:
                if (goal == GOAL_ALTEND && (uint32_t)in->x == goal_id) {
                    ok = false;
                    goto reached;
                }
                pc++;
                break;
            case I_LOOKEND:
                ok = false;
                if (goal == GOAL_LOOKEND) goto reached;
                break;
            case I_MATCH:
                ok = false;
                if (goal == GOAL_MATCH) goto reached;
                break;
            default: ok = false; break;
            }
            if (!ok) break;
            continue;
        reached:
            found = 1;
            switch (mode) {
            case MODE_MAX:
                if ((int64_t)pos > *best) *best = pos;
                if (pos == ex->len) goto done;
                break;
            case MODE_MIN:
                if (*best < 0 || (int64_t)pos < *best) *best = pos;
                if (pos == pos0) goto done;
                break;
            case MODE_LIST:
                if (ex->nends == ex->endcap) {
                    uint32_t cap = ex->endcap ? ex->endcap * 2 : 16;
                    uint32_t *v = f_alloc(cap * sizeof(uint32_t));
                    if (!v) {
                        ex->oom = ex->aborted = true;
                        goto aborted;
                    }
                    if (ex->nends) memcpy(v, ex->ends, ex->nends * sizeof(uint32_t));
                    ex->ends = v;
                    ex->endcap = cap;
                }
                ex->ends[ex->nends++] = pos;
                break;
            case MODE_EXACT:
                if ((int64_t)pos == *best) goto done;
                found = 0;
                break;
            default: goto done;
            }
            break;
        }
    }
done:
    ex->esp = base;
    if (call) ex->nactive--;
    return found;
aborted:
    ex->esp = base;
    if (call) ex->nactive--;
    return -1;
}

/* Does lookahead `id` match at pos? 1 yes, 0 no, -1 aborted. */
static int look_eval(Exec *ex, uint32_t id, uint32_t pos) {
    uint8_t *c = lazy_chunk(ex, &ex->lookc[id], pos);
    if (!c) return -1;
    uint32_t k = pos & ((1u << ex->lookc[id].shift) - 1);
    if (c[k]) return c[k] - 1;
    int r = explore(ex, ex->re->looks[id], pos, GOAL_LOOKEND, 0, MODE_EXISTS, NULL, false);
    if (r < 0) return -1;
    c[k] = (uint8_t)(r + 1);
    return r;
}

static bool backref_match(const Exec *ex, uint32_t g, uint32_t *pos) {
    int32_t s = ex->caps[2 * g], e = ex->caps[2 * g + 1];
    if (s < 0 || e < 0) return false;
    uint32_t n = (uint32_t)(e - s);
    if (*pos + n > ex->len) return false;
    bool nocase = (ex->re->flags & F_RE_NOCASE) != 0;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t a = ex->text[(uint32_t)s + k], b = ex->text[*pos + k];
        if (a == b) continue;
        if (!nocase || lower(ex->interp, a) != lower(ex->interp, b)) return false;
    }
    *pos += n;
    return true;
}

/* Priority backtracking from s; the match must end at want (or anywhere
 * when want < 0). 1 matched (captures in ex->caps), 0 not, -1 aborted. */
/* want: an end position, or one of these */
#define WANT_ANY (-1)
#define WANT_LONGEST (-2)
#define WANT_SHORTEST (-3)

static int backtrack(Exec *ex, uint32_t s, int64_t want) {
    const FRegex *re = ex->re;
    uint32_t nslots = 2 * (re->nsub + 1);
    ex->best_end = -1;
    for (uint32_t k = 0; k < nslots; k++) ex->caps[k] = -1;
    for (uint32_t k = 0; k < re->nregs; k++) ex->regs[k] = -1;
    ex->bsp = 0;
    if (!bpush(ex, BT_STATE, 0, (int32_t)s, 0, 0)) return -1;
    while (ex->bsp > 0) {
        Bt e = ex->bt[--ex->bsp];
        uint32_t pc, pos;
        switch (e.kind) {
        case BT_CAP: ex->caps[e.a] = e.b; continue;
        case BT_REG: ex->regs[e.a] = e.b; continue;
        case BT_ALT:
            if (!bpush(ex, BT_REG, (uint32_t)e.c, ex->regs[e.c], 0, 0)) return -1;
            ex->regs[e.c] = e.d;
            pc = e.a;
            pos = (uint32_t)e.b;
            break;
        default:
            pc = e.a;
            pos = (uint32_t)e.b;
            break;
        }
        for (;;) {
            if (!step(ex)) return -1;
            const Inst *in = &re->prog[pc];
            bool ok = true;
            switch (in->op) {
            case I_CHAR:
                ok = pos < ex->len && char_match(ex, in, ex->text[pos]);
                pc++, pos++;
                break;
            case I_ANY:
                ok = pos < ex->len && !(in->f && ex->text[pos] == '\n');
                pc++, pos++;
                break;
            case I_SET:
                ok = pos < ex->len && set_match(re, &re->sets[in->x], ex->text[pos]);
                pc++, pos++;
                break;
            case I_SPLIT:
                if (!bpush(ex, BT_STATE, (uint32_t)in->y, (int32_t)pos, 0, 0)) return -1;
                pc = (uint32_t)in->x;
                break;
            case I_JMP: pc = (uint32_t)in->x; break;
            case I_SAVE:
                if (!bpush(ex, BT_CAP, (uint32_t)in->x, ex->caps[in->x], 0, 0)) return -1;
                ex->caps[in->x] = (int32_t)pos;
                pc++;
                break;
            case I_MARK:
                if (!bpush(ex, BT_REG, (uint32_t)in->x, ex->regs[in->x], 0, 0)) return -1;
                ex->regs[in->x] = (int32_t)pos;
                pc++;
                break;
            case I_CHECK:
                ok = ex->regs[in->x] != (int32_t)pos;
                pc++;
                break;
            case I_CLEAR:
                for (int32_t g = in->x; g < in->y; g++) {
                    for (int32_t k = 2 * g; k <= 2 * g + 1; k++) {
                        if (ex->caps[k] != -1) {
                            if (!bpush(ex, BT_CAP, (uint32_t)k, ex->caps[k], 0, 0)) return -1;
                            ex->caps[k] = -1;
                        }
                    }
                }
                pc++;
                break;
            case I_ASSERT:
                ok = assert_ok(ex, in->x, pos);
                pc++;
                break;
            case I_BACKREF:
                ok = backref_match(ex, (uint32_t)in->x, &pos);
                pc++;
                break;
            case I_LOOK: {
                int r = look_eval(ex, (uint32_t)in->x, pos);
                if (r < 0) return -1;
                ok = (r == 1) != (in->y != 0);
                pc++;
                break;
            }
            case I_ALT: {
                const AltInfo *ai = &re->alts[in->x];
                if (re->has_backref) {
                    /* ordered alternation */
                    for (uint32_t k = ai->n; k-- > 1;) {
                        if (!bpush(ex, BT_STATE, ai->starts[k], (int32_t)pos, 0, 0)) return -1;
                    }
                    pc = ai->starts[0];
                    break;
                }
                /* longest branch first: collect (end, branch) candidates */
                uint32_t total = 0;
                uint32_t *cand = ex->cand;
                for (uint32_t b = 0; b < ai->n; b++) {
                    ex->nends = 0;
                    if (explore(ex, ai->starts[b], pos, GOAL_ALTEND, (uint32_t)in->x, MODE_LIST,
                                NULL, false) < 0)
                        return -1;
                    if (!ex->nends) continue;
                    if (total + ex->nends > ex->candcap) {
                        uint32_t cap = (total + ex->nends) * 2;
                        uint32_t *more = f_alloc(cap * 2 * sizeof(uint32_t));
                        if (!more) {
                            ex->oom = ex->aborted = true;
                            return -1;
                        }
                        if (total) memcpy(more, cand, total * 2 * sizeof(uint32_t));
                        cand = ex->cand = more;
                        ex->candcap = cap;
                    }
                    for (uint32_t k = 0; k < ex->nends; k++) {
                        uint32_t end = ex->ends[k];
                        bool dup = false;
                        for (uint32_t j = 0; j < total && !dup; j++) {
                            dup = cand[2 * j] == end && cand[2 * j + 1] == b;
                        }
                        if (dup) continue;
                        cand[2 * total] = end;
                        cand[2 * total + 1] = b;
                        total++;
                    }
                }
                /* sort: end descending, then branch ascending */
                for (uint32_t k = 1; k < total; k++) {
                    uint32_t ce = cand[2 * k], cb = cand[2 * k + 1];
                    uint32_t j = k;
                    while (j > 0 && (cand[2 * (j - 1)] < ce ||
                                     (cand[2 * (j - 1)] == ce && cand[2 * (j - 1) + 1] > cb))) {
                        cand[2 * j] = cand[2 * (j - 1)];
                        cand[2 * j + 1] = cand[2 * (j - 1) + 1];
                        j--;
                    }
                    cand[2 * j] = ce;
                    cand[2 * j + 1] = cb;
                }
                for (uint32_t k = total; k-- > 0;) {
                    if (!bpush(ex, BT_ALT, ai->starts[cand[2 * k + 1]], (int32_t)pos,
                               (int32_t)ai->reg, (int32_t)cand[2 * k]))
                        return -1;
                }
                ok = false;
                break;
            }
            case I_ALTEND:
                if (!re->has_backref) ok = ex->regs[re->alts[in->x].reg] == (int32_t)pos;
                pc++;
                break;
            case I_LOOKEND: ok = false; break;
            case I_MATCH:
                if (want >= 0) {
                    if ((int64_t)pos == want) return 1;
                } else if (want == WANT_ANY) {
                    return 1;
                } else {
                    /* keep the longest (shortest) end found first */
                    bool better = ex->best_end < 0 ||
                                  (want == WANT_LONGEST ? (int64_t)pos > ex->best_end
                                                        : (int64_t)pos < ex->best_end);
                    if (better) {
                        ex->best_end = pos;
                        for (uint32_t k = 0; k < nslots; k++) ex->best_caps[k] = ex->caps[k];
                        if (want == WANT_LONGEST ? pos == ex->len : pos == s) return 1;
                    }
                }
                ok = false;
                break;
            default: ok = false; break;
            }
            if (!ok) break;
        }
    }
    if (ex->best_end >= 0) {
        for (uint32_t k = 0; k < nslots; k++) ex->caps[k] = ex->best_caps[k];
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------ dissection */

/* Where the code [pc0, pc1) can end when run from pos, within limit: an
 * ascending arena array without duplicates. -1 if aborted. */
static int ends_of(Exec *ex, uint32_t pc0, uint32_t pc1, uint32_t pos, uint32_t limit,
                   uint32_t **out, uint32_t *count) {
    *count = 0;
    if (pc0 == pc1) {
        *out = f_alloc(sizeof(uint32_t));
        if (!*out) goto oom;
        (*out)[0] = pos;
        *count = 1;
        return 0;
    }
    ex->nends = 0;
    if (explore(ex, pc0, pos, GOAL_PC, pc1, MODE_LIST, NULL, false) < 0) return -1;
    /* sort and deduplicate: by insertion when few, else by a bitmap of
     * the range they span */
    uint32_t *v = f_alloc((ex->nends + 1) * sizeof(uint32_t));
    if (!v) goto oom;
    uint32_t n = 0, lo = UINT32_MAX, hi = 0;
    for (uint32_t k = 0; k < ex->nends; k++) {
        uint32_t e = ex->ends[k];
        if (e > limit) continue;
        if (e < lo) lo = e;
        if (e > hi) hi = e;
        v[n++] = e;
    }
    if (n > 32) {
        uint32_t span = hi - lo + 1;
        uint8_t *seen = f_alloc(span / 8 + 1);
        if (!seen) goto oom;
        memset(seen, 0, span / 8 + 1);
        for (uint32_t k = 0; k < n; k++) seen[(v[k] - lo) / 8] |= (uint8_t)(1u << ((v[k] - lo) % 8));
        n = 0;
        for (uint32_t k = 0; k < span; k++) {
            if (seen[k / 8] & (1u << (k % 8))) v[n++] = lo + k;
        }
    } else {
        uint32_t m = 0;
        for (uint32_t k = 0; k < n; k++) {
            uint32_t e = v[k], j = m;
            while (j > 0 && v[j - 1] > e) j--;
            if (j > 0 && v[j - 1] == e) continue;
            memmove(v + j + 1, v + j, (m - j) * sizeof(uint32_t));
            v[j] = e;
            m++;
        }
        n = m;
    }
    *out = v;
    *count = n;
    return 0;
oom:
    ex->oom = ex->aborted = true;
    return -1;
}

/* Can the code [pc0, pc1) match exactly text[b, e)? 1, 0, or -1. */
static int exact(Exec *ex, uint32_t pc0, uint32_t pc1, uint32_t b, uint32_t e) {
    if (pc0 == pc1) return b == e;
    int64_t target = e;
    return explore(ex, pc0, b, GOAL_PC, pc1, MODE_EXACT, &target, false);
}

static bool has_caps(const Node *nd) { return nd->kind == N_CAP || nd->g_hi > nd->g_lo; }

static int dissect(Exec *ex, const Node *nd, uint32_t b, uint32_t e, int depth);

/* A sequence of nodes over [b, e): split it as Tcl does, a leading run of
 * nodes without captures (of one preference) or one node with captures
 * against the rest, at the longest or shortest point the left part's
 * preference asks for, then go on with the rest. */
static int dissect_seq(Exec *ex, Node *const *kids, uint32_t n, uint32_t b, uint32_t e,
                       int depth) {
    uint32_t i = 0;
    while (i < n) {
        bool any = false;
        for (uint32_t k = i; k < n && !any; k++) any = has_caps(kids[k]);
        if (!any) return 1;
        uint32_t j = i;
        int pref = 0;
        if (!has_caps(kids[i])) {
            while (j < n && !has_caps(kids[j])) {
                int p = preference(kids[j], 0);
                if (p && pref && p != pref) break;
                if (p) pref = p;
                j++;
            }
        } else {
            pref = preference(kids[i], 0);
            j = i + 1;
        }
        if (j >= n) return has_caps(kids[i]) ? dissect(ex, kids[i], b, e, depth + 1) : 1;
        uint32_t *mids, nm;
        if (ends_of(ex, kids[i]->pc0, kids[j - 1]->pc1, b, e, &mids, &nm) < 0) return -1;
        int64_t mid = -1;
        for (uint32_t k = 0; k < nm; k++) {
            uint32_t cand = pref < 0 ? mids[k] : mids[nm - 1 - k];
            int r = exact(ex, kids[j]->pc0, kids[n - 1]->pc1, cand, e);
            if (r < 0) return -1;
            if (r) {
                mid = cand;
                break;
            }
        }
        if (mid < 0) return 0;
        if (has_caps(kids[i])) {
            int r = dissect(ex, kids[i], b, (uint32_t)mid, depth + 1);
            if (r <= 0) return r;
        }
        i = j;
        b = (uint32_t)mid;
    }
    return b == e;
}

/* A greedy x* (or x{0,n}) with captures: iterations each as long as
 * possible, none empty; the captures come from the last one. */
static int iter_dissect(Exec *ex, const Node *nd, uint32_t b, uint32_t e, int depth) {
    const Node *kid = nd->kids[0];
    uint32_t span = e - b;
    uint32_t max = (nd->b == RE_INF || (uint32_t)nd->b > span) ? span : (uint32_t)nd->b;
    bool unbounded = max == span;
    uint8_t *failed = f_alloc(span / 8 + 1);
    typedef struct Frame {
        uint32_t pos, k, *list, n, idx;
    } Frame;
    Frame *st = f_alloc((span + 1) * sizeof(Frame));
    if (!failed || !st) {
        ex->oom = ex->aborted = true;
        return -1;
    }
    memset(failed, 0, span / 8 + 1);
    uint32_t sp = 0;
    st[sp].pos = b;
    st[sp].k = 1;
    st[sp].idx = 0;
    if (ends_of(ex, kid->pc0, kid->pc1, b, e, &st[sp].list, &st[sp].n) < 0) return -1;
    sp++;
    while (sp > 0) {
        Frame *f = &st[sp - 1];
        if (f->idx >= f->n) {
            if (unbounded) failed[(f->pos - b) / 8] |= (uint8_t)(1u << ((f->pos - b) % 8));
            sp--;
            continue;
        }
        uint32_t c = f->list[f->n - 1 - f->idx++]; /* longest first */
        if (c == f->pos) continue;              /* no empty iterations */
        if (c == e) return dissect(ex, kid, f->pos, e, depth + 1);
        if (f->k >= max) continue;
        if (unbounded && (failed[(c - b) / 8] & (1u << ((c - b) % 8)))) continue;
        if (sp > span) continue;
        Frame *g = &st[sp];
        g->pos = c;
        g->k = f->k + 1;
        g->idx = 0;
        if (ends_of(ex, kid->pc0, kid->pc1, c, e, &g->list, &g->n) < 0) return -1;
        sp++;
    }
    return 0;
}

/* x{m,n} with captures, as Tcl reads it: x{m-1,n-1} without captures, at
 * its longest (greedy) or shortest, then the last x. */
static int rep_dissect(Exec *ex, const Node *nd, uint32_t b, uint32_t e, int depth) {
    const Node *kid = nd->kids[0];
    int32_t m = nd->a, n = nd->b;
    if (n == 0) return 1;
    if (b == e && m == 0) return 1;
    if (m == 0 && nd->greedy) return iter_dissect(ex, nd, b, e, depth);
    uint32_t lo = m > 0 ? (uint32_t)m - 1 : 0;
    int64_t hi = n == RE_INF ? -1 : n - 1;
    uint32_t span = e - b + 1, bytes = span / 8 + 1;
    uint8_t *cur = f_alloc(bytes), *next = f_alloc(bytes), *acc = f_alloc(bytes);
    uint32_t *queue = f_alloc(span * sizeof(uint32_t));
    if (!cur || !next || !acc || !queue) {
        ex->oom = ex->aborted = true;
        return -1;
    }
#define BIT(s, p) ((s)[((p) - b) / 8] & (1u << (((p) - b) % 8)))
#define SETBIT(s, p) ((s)[((p) - b) / 8] |= (uint8_t)(1u << (((p) - b) % 8)))
    memset(cur, 0, bytes);
    memset(acc, 0, bytes);
    SETBIT(cur, b);
    /* exactly k iterations, for k up to lo */
    for (uint32_t k = 0; k < lo; k++) {
        memset(next, 0, bytes);
        bool any = false;
        for (uint32_t p = b; p <= e; p++) {
            if (!BIT(cur, p)) continue;
            uint32_t *list, cnt;
            if (ends_of(ex, kid->pc0, kid->pc1, p, e, &list, &cnt) < 0) return -1;
            for (uint32_t j = 0; j < cnt; j++) {
                SETBIT(next, list[j]);
                any = true;
            }
        }
        uint8_t *t = cur;
        cur = next;
        next = t;
        if (!any) return 0;
    }
    /* then from lo to hi more: every position reachable */
    uint32_t qn = 0;
    for (uint32_t p = b; p <= e; p++) {
        if (BIT(cur, p)) {
            SETBIT(acc, p);
            queue[qn++] = p;
        }
    }
    if (hi < 0) {
        for (uint32_t q = 0; q < qn; q++) {
            uint32_t *list, cnt;
            if (ends_of(ex, kid->pc0, kid->pc1, queue[q], e, &list, &cnt) < 0) return -1;
            for (uint32_t j = 0; j < cnt; j++) {
                if (!BIT(acc, list[j])) {
                    SETBIT(acc, list[j]);
                    queue[qn++] = list[j];
                }
            }
        }
    } else {
        for (int64_t k = lo; k < hi; k++) {
            memset(next, 0, bytes);
            bool any = false;
            for (uint32_t p = b; p <= e; p++) {
                if (!BIT(cur, p)) continue;
                uint32_t *list, cnt;
                if (ends_of(ex, kid->pc0, kid->pc1, p, e, &list, &cnt) < 0) return -1;
                for (uint32_t j = 0; j < cnt; j++) {
                    SETBIT(next, list[j]);
                    SETBIT(acc, list[j]);
                    any = true;
                }
            }
            uint8_t *t = cur;
            cur = next;
            next = t;
            if (!any) break;
        }
    }
    /* a fixed count takes its preference from its operand */
    bool longest = preference(nd, 0) >= 0;
    for (uint32_t k = 0; k < span; k++) {
        uint32_t mid = longest ? e - k : b + k;
        if (!BIT(acc, mid)) continue;
        int r = exact(ex, kid->pc0, kid->pc1, mid, e);
        if (r < 0) return -1;
        if (r) return dissect(ex, kid, mid, e, depth + 1);
    }
#undef BIT
#undef SETBIT
    return 0;
}

/* Assign the captures inside nd for its match of text[b, e). 1 done,
 * 0 impossible, -1 aborted. */
static int dissect(Exec *ex, const Node *nd, uint32_t b, uint32_t e, int depth) {
    if (!has_caps(nd)) return 1;
    if (depth > RE_MAX_NEST * 4) {
        ex->aborted = true;
        return -1;
    }
    switch (nd->kind) {
    case N_CAP:
        ex->caps[2 * nd->a] = (int32_t)b;
        ex->caps[2 * nd->a + 1] = (int32_t)e;
        return dissect(ex, nd->kids[0], b, e, depth + 1);
    case N_GROUP: return dissect(ex, nd->kids[0], b, e, depth + 1);
    case N_ALT:
        for (uint32_t k = 0; k < nd->nkids; k++) {
            const Node *br = nd->kids[k];
            int r = exact(ex, br->pc0, br->pc1, b, e);
            if (r < 0) return -1;
            if (r) return dissect(ex, br, b, e, depth + 1);
        }
        return 0;
    case N_CAT: return dissect_seq(ex, nd->kids, nd->nkids, b, e, depth + 1);
    case N_REP: return rep_dissect(ex, nd, b, e, depth + 1);
    default: return 1;
    }
}

int f_re_exec(FeatherInterp i, const FRegex *re, const uint32_t *text, uint32_t len, int eflags,
              int32_t *match) {
    uint32_t nslots = 2 * (re->nsub + 1);
    for (uint32_t k = 0; k < nslots; k++) match[k] = -1;
    size_t mark = f_mark();
    Exec ex;
    memset(&ex, 0, sizeof ex);
    ex.re = re;
    ex.interp = i;
    ex.text = text;
    ex.len = len;
    ex.notbol = (eflags & F_RE_NOTBOL) != 0;
    /* linear patterns need about ninst * len steps; the budget is far above */
    ex.budget = 20000000ULL + 16ULL * re->ninst * ((uint64_t)len + 1);
    ex.caps = f_alloc(nslots * sizeof(int32_t));
    ex.best_caps = f_alloc(nslots * sizeof(int32_t));
    ex.active = f_alloc(RE_MAX_ACTIVE * sizeof(uint32_t));
    ex.regs = f_alloc((re->nregs + 1) * sizeof(int32_t));
    ex.lookc = f_alloc((re->nlooks + 1) * sizeof(Lazy));
    ex.memo = f_alloc(sizeof(Lazy));
    int result = 0;
    if (!ex.caps || !ex.best_caps || !ex.active || !ex.regs || !ex.lookc || !ex.memo) {
        ex.oom = true;
        result = -1;
        goto out;
    }
    memset(ex.lookc, 0, (re->nlooks + 1) * sizeof(Lazy));
    for (uint32_t k = 0; k < re->nlooks; k++) {
        ex.lookc[k].shift = 8;
        ex.lookc[k].leaf = 256;
    }
    memset(ex.memo, 0, sizeof(Lazy));
    ex.memo->shift = 6;
    ex.memo->leaf = ((size_t)re->ninst * 64 + 7) / 8;
    for (uint32_t s = 0; s <= len; s++) {
        if (re->anchored && s > 0) break;
        if (re->first >= 0 && !(re->flags & F_RE_NOCASE)) {
            while (s < len && text[s] != (uint32_t)re->first) s++;
            if (s >= len) break;
        }
        int r;
        if (!re->has_backref) {
            int64_t best = -1;
            r = explore(&ex, 0, s, GOAL_MATCH, 0, re->shortest ? MODE_MIN : MODE_MAX, &best, true);
            if (r < 0) {
                result = -1;
                break;
            }
            if (!r) continue;
            /* the captures: Tcl's dissection of the match */
            uint32_t nslots2 = 2 * (re->nsub + 1);
            for (uint32_t k = 0; k < nslots2; k++) ex.caps[k] = -1;
            ex.caps[0] = (int32_t)s;
            ex.caps[1] = (int32_t)best;
            r = dissect(&ex, re->root, s, (uint32_t)best, 0);
            if (r == 0) r = backtrack(&ex, s, best);
            if (r == 0) r = backtrack(&ex, s, WANT_ANY);
        } else {
            r = backtrack(&ex, s, re->shortest ? WANT_SHORTEST : WANT_LONGEST);
        }
        if (r < 0) {
            result = -1;
            break;
        }
        if (r > 0) {
            result = 1;
            for (uint32_t k = 0; k < nslots; k++) match[k] = ex.caps[k];
            for (uint32_t g = 0; g <= re->nsub; g++) {
                if (match[2 * g] < 0 || match[2 * g + 1] < 0) match[2 * g] = match[2 * g + 1] = -1;
            }
            break;
        }
    }
out:
    f_release(mark);
    if (result < 0 && !ex.stopped) {
        const char *why = ex.oom ? "out of memory" : "regular expression is too complex";
        StrBuf b;
        sb_init(&b, 64);
        sb_adds(&b, ex.oom ? "REGEXP REG_ESPACE " : "REGEXP REG_ETOOBIG ");
        sb_add_element(&b, why, (uint32_t)f_strlen(why), false);
        f_set_error_code(i, ex.oom ? f_str(i, "TCL LIMIT MEMORY") : f_strn(i, b.data ? b.data : "", b.len));
        f_error(i, "error while matching regular expression: %s", why);
    }
    return result;
}
