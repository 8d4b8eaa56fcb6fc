/*
 * parse.c -- Tcl's twelve rules of syntax, as positions in the source.
 */
#include "parse.h"

/* Brackets and array indices nest by recursion: bound it so that hostile
 * input gets an error instead of exhausting the stack. */
#define PARSE_MAX_NESTING 1000
static int nesting;

static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

bool parse_is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static uint32_t hex_val(char c) {
    if (c <= '9') return (uint32_t)(c - '0');
    return (uint32_t)((c | 0x20) - 'a' + 10);
}

/* Length of the backslash sequence at s (s[0] == '\\') and its value
 * appended to b when b is not NULL. Backslash-newline swallows the white
 * space after it and stands for one space. */
uint32_t f_backslash(const char *s, uint32_t n, StrBuf *b) {
    if (n < 2) {
        if (b) sb_addc(b, '\\');
        return 1;
    }
    char c = s[1];
    uint32_t k = 2, v = 0;
    switch (c) {
    case 'a': v = 7; break;
    case 'b': v = 8; break;
    case 'f': v = 12; break;
    case 'n': v = 10; break;
    case 'r': v = 13; break;
    case 't': v = 9; break;
    case 'v': v = 11; break;
    case '\n':
        while (k < n && is_ws(s[k])) k++;
        v = ' ';
        break;
    case 'x': {
        uint32_t d = 0;
        while (k < n && d < 2 && is_hex(s[k])) { v = v * 16 + hex_val(s[k++]); d++; }
        if (!d) { v = 'x'; k = 2; }
        break;
    }
    case 'u':
    case 'U': {
        uint32_t max = c == 'u' ? 4 : 8, d = 0;
        while (k < n && d < max && is_hex(s[k])) {
            uint32_t nv = v * 16 + hex_val(s[k]);
            if (nv > 0x10ffff) break;
            v = nv;
            k++;
            d++;
        }
        if (!d) { v = (uint32_t)c; k = 2; }
        break;
    }
    default:
        if (c >= '0' && c <= '7') {
            uint32_t d = 0;
            k = 1;
            while (k < n && d < 3 && s[k] >= '0' && s[k] <= '7') {
                v = v * 8 + (uint32_t)(s[k++] - '0');
                d++;
            }
            v &= 0xff;
        } else {
            /* Any other character stands for itself (a whole UTF-8 char). */
            uint32_t cp;
            uint32_t used = utf8_decode(s + 1, n - 1, &cp);
            if (b) sb_add(b, s + 1, used);
            return 1 + used;
        }
    }
    if (b) sb_add_utf8(b, v);
    return k;
}

void parser_init(Parser *p, const char *s, uint32_t n, bool nested) {
    memset(p, 0, sizeof *p);
    p->s = s;
    p->n = n;
    p->nested = nested;
    p->line = 1;
}

static int fail(Parser *p, int status, const char *msg, uint32_t pos) {
    p->error = msg;
    p->error_pos = pos;
    return status;
}

const char f_parse_oom[] = "out of memory";

static bool add_part(Parser *p, uint32_t *np, uint8_t kind, uint32_t start, uint32_t len) {
    if (*np == p->pcap) {
        uint32_t cap = p->pcap ? p->pcap * 2 : 32;
        Part *more = f_alloc(cap * sizeof(Part));
        if (!more) return fail(p, false, f_parse_oom, start);
        if (*np) memcpy(more, p->parts, *np * sizeof(Part));
        p->parts = more;
        p->pcap = cap;
    }
    Part *t = &p->parts[(*np)++];
    t->kind = kind;
    t->start = start;
    t->len = len;
    t->count = 0;
    return true;
}

/* Is the character at pos the end of a word outside quotes/braces? */
static bool at_word_end(Parser *p, uint32_t pos) {
    if (pos >= p->n) return true;
    char c = p->s[pos];
    if (is_ws(c) || c == '\n' || c == ';') return true;
    if (c == ']' && p->nested) return true;
    if (c == '\\' && pos + 1 < p->n && p->s[pos + 1] == '\n') return true;
    return false;
}

enum { MODE_BARE, MODE_QUOTE, MODE_INDEX };

static int parse_parts(Parser *p, uint32_t *np, int mode);
static int bracket_end(const char *s, uint32_t n, uint32_t pos, uint32_t *end, const char **error);

/* $name, ${name} or $name(index) at p->pos (p->s[p->pos] == '$'). */
static int parse_var(Parser *p, uint32_t *np) {
    const char *s = p->s;
    uint32_t k = p->pos + 1;
    if (k < p->n && s[k] == '{') {
        uint32_t j = k + 1;
        while (j < p->n && s[j] != '}') j++;
        if (j >= p->n) return fail(p, FEATHER_PARSE_INCOMPLETE, "missing close-brace for variable name", p->pos);
        if (!add_part(p, np, PART_VAR, k + 1, j - k - 1)) return FEATHER_PARSE_ERROR;
        p->pos = j + 1;
        return FEATHER_PARSE_OK;
    }
    uint32_t j = k;
    while (j < p->n) {
        if (parse_is_name_char(s[j])) j++;
        else if (s[j] == ':' && j + 1 < p->n && s[j + 1] == ':') {
            while (j < p->n && s[j] == ':') j++;
        } else break;
    }
    if (j < p->n && s[j] == '(') {
        uint32_t at = *np;
        if (!add_part(p, np, PART_ARRAY, k, j - k)) return FEATHER_PARSE_ERROR;
        p->pos = j + 1;
        uint32_t before = *np;
        if (nesting >= PARSE_MAX_NESTING) {
            return fail(p, FEATHER_PARSE_ERROR, "too many nested compilations (infinite loop?)", p->pos);
        }
        nesting++;
        int st = parse_parts(p, np, MODE_INDEX);
        nesting--;
        if (st != FEATHER_PARSE_OK) return st;
        p->parts[at].count = *np - before;
        return FEATHER_PARSE_OK;
    }
    if (j == k) { /* a lone '$' is literal */
        if (!add_part(p, np, PART_TEXT, p->pos, 1)) return FEATHER_PARSE_ERROR;
        p->pos = k;
        return FEATHER_PARSE_OK;
    }
    if (!add_part(p, np, PART_VAR, k, j - k)) return FEATHER_PARSE_ERROR;
    p->pos = j;
    return FEATHER_PARSE_OK;
}

/* Parts of a bare word, a quoted word (after the quote) or an array index
 * (after the paren), up to their end. */
static int parse_parts(Parser *p, uint32_t *np, int mode) {
    const char *s = p->s;
    uint32_t text = p->pos; /* start of the pending literal run */
    for (;;) {
        uint32_t k = p->pos;
        bool end = false;
        if (k >= p->n) {
            if (mode == MODE_QUOTE) return fail(p, FEATHER_PARSE_INCOMPLETE, "missing \"", k);
            if (mode == MODE_INDEX) return fail(p, FEATHER_PARSE_INCOMPLETE, "missing )", k);
            end = true;
        } else if (mode == MODE_BARE) {
            end = at_word_end(p, k);
        } else if (mode == MODE_QUOTE) {
            end = s[k] == '"';
        } else {
            end = s[k] == ')';
        }
        char c = end ? 0 : s[k];
        if (end || c == '$' || c == '[' || c == '\\') {
            if (k > text && !add_part(p, np, PART_TEXT, text, k - text)) return FEATHER_PARSE_ERROR;
        }
        if (end) {
            if (mode != MODE_BARE) p->pos++; /* the closing quote or paren */
            return FEATHER_PARSE_OK;
        }
        if (c == '$') {
            int st = parse_var(p, np);
            if (st != FEATHER_PARSE_OK) return st;
            text = p->pos;
        } else if (c == '[') {
            uint32_t close;
            const char *err;
            int st = parse_bracket_end(s, p->n, k + 1, &close, &err);
            if (st != FEATHER_PARSE_OK) return fail(p, st, err, k);
            if (!add_part(p, np, PART_CMD, k + 1, close - k - 1)) return FEATHER_PARSE_ERROR;
            p->pos = close + 1;
            text = p->pos;
        } else if (c == '\\') {
            uint32_t len = f_backslash(s + k, p->n - k, NULL);
            if (!add_part(p, np, PART_BS, k, len)) return FEATHER_PARSE_ERROR;
            p->pos = k + len;
            text = p->pos;
        } else {
            p->pos++;
        }
    }
}

/* A braced word at p->pos ('{'): literal text, but backslash-newline
 * sequences become spaces. */
static int parse_braced(Parser *p, uint32_t *np) {
    const char *s = p->s;
    uint32_t open = p->pos;
    uint32_t k = open + 1, text = k;
    int depth = 1;
    while (k < p->n) {
        char c = s[k];
        if (c == '\\') {
            if (k + 1 < p->n && s[k + 1] == '\n') {
                if (k > text && !add_part(p, np, PART_TEXT, text, k - text)) return FEATHER_PARSE_ERROR;
                uint32_t len = f_backslash(s + k, p->n - k, NULL);
                if (!add_part(p, np, PART_BS, k, len)) return FEATHER_PARSE_ERROR;
                k += len;
                text = k;
                continue;
            }
            k += (k + 1 < p->n) ? 2 : 1;
            continue;
        }
        if (c == '{') depth++;
        else if (c == '}' && --depth == 0) break;
        k++;
    }
    if (k >= p->n) return fail(p, FEATHER_PARSE_INCOMPLETE, "missing close-brace", open);
    if (k > text && !add_part(p, np, PART_TEXT, text, k - text)) return FEATHER_PARSE_ERROR;
    if (*np == 0 && !add_part(p, np, PART_TEXT, k, 0)) return FEATHER_PARSE_ERROR;
    p->pos = k + 1;
    if (!at_word_end(p, p->pos)) return fail(p, FEATHER_PARSE_ERROR, "extra characters after close-brace", p->pos);
    return FEATHER_PARSE_OK;
}

/* Skip spaces and backslash-newlines between words. */
static void skip_space(Parser *p) {
    while (p->pos < p->n) {
        char c = p->s[p->pos];
        if (is_ws(c)) p->pos++;
        else if (c == '\\' && p->pos + 1 < p->n && p->s[p->pos + 1] == '\n') {
            p->pos += f_backslash(p->s + p->pos, p->n - p->pos, NULL);
        } else break;
    }
}

int parse_command(Parser *p, Command *cmd) {
    const char *s = p->s;
    /* Skip white space, empty commands and comments. */
    for (;;) {
        skip_space(p);
        if (p->pos >= p->n) return FEATHER_PARSE_DONE;
        char c = s[p->pos];
        if (c == '\n' || c == ';') { p->pos++; continue; }
        if (c == ']' && p->nested) return FEATHER_PARSE_DONE;
        if (c == '#') {
            while (p->pos < p->n && s[p->pos] != '\n') {
                if (s[p->pos] == '\\' && p->pos + 1 < p->n) p->pos += 2;
                else p->pos++;
            }
            continue;
        }
        break;
    }
    uint32_t nw = 0, np = 0;
    cmd->start = p->pos;
    uint32_t end = p->pos; /* end of the last word: the command's text */
    for (;;) {
        skip_space(p);
        if (p->pos >= p->n) break;
        char c = s[p->pos];
        if (c == '\n' || c == ';') { p->pos++; break; }
        if (c == ']' && p->nested) break;
        if (nw == p->wcap) {
            uint32_t cap = p->wcap ? p->wcap * 2 : 16;
            Word *more = f_alloc(cap * sizeof(Word));
            if (!more) return fail(p, FEATHER_PARSE_ERROR, f_parse_oom, p->pos);
            if (nw) memcpy(more, p->words, nw * sizeof(Word));
            p->words = more;
            p->wcap = cap;
        }
        Word *w = &p->words[nw++];
        w->start = p->pos;
        w->expand = false;
        w->first = np;
        if (c == '{' && p->pos + 3 < p->n && s[p->pos + 1] == '*' && s[p->pos + 2] == '}' &&
            !at_word_end(p, p->pos + 3)) {
            w->expand = true;
            p->pos += 3;
            c = s[p->pos];
        }
        int st;
        if (c == '{') {
            st = parse_braced(p, &np);
        } else if (c == '"') {
            p->pos++;
            st = parse_parts(p, &np, MODE_QUOTE);
            if (st == FEATHER_PARSE_OK && !at_word_end(p, p->pos))
                st = fail(p, FEATHER_PARSE_ERROR, "extra characters after close-quote", p->pos);
            if (st == FEATHER_PARSE_OK && np == w->first && !add_part(p, &np, PART_TEXT, p->pos, 0))
                st = FEATHER_PARSE_ERROR;
        } else {
            st = parse_parts(p, &np, MODE_BARE);
        }
        if (st != FEATHER_PARSE_OK) return st;
        w->total = np - w->first;
        /* Count the word's direct parts (an array's index parts are nested). */
        uint32_t direct = 0;
        for (uint32_t k = w->first; k < np; k++) {
            direct++;
            if (p->parts[k].kind == PART_ARRAY) k += p->parts[k].count;
        }
        w->nparts = direct;
        w->len = p->pos - w->start;
        end = p->pos;
    }
    cmd->len = end - cmd->start;
    cmd->words = p->words;
    cmd->nwords = nw;
    cmd->parts = p->parts;
    cmd->nparts = np;
    cmd->line = 0;
    return nw ? FEATHER_PARSE_OK : parse_command(p, cmd);
}

int parse_bracket_end(const char *s, uint32_t n, uint32_t pos, uint32_t *end, const char **error) {
    if (nesting >= PARSE_MAX_NESTING) {
        *error = "too many nested compilations (infinite loop?)";
        return FEATHER_PARSE_ERROR;
    }
    nesting++;
    int st = bracket_end(s, n, pos, end, error);
    nesting--;
    return st;
}

static int bracket_end(const char *s, uint32_t n, uint32_t pos, uint32_t *end, const char **error) {
    Parser sub;
    parser_init(&sub, s, n, true);
    sub.pos = pos;
    size_t mark = f_mark();
    for (;;) {
        Command c;
        int st = parse_command(&sub, &c);
        if (st == FEATHER_PARSE_DONE) break;
        if (st != FEATHER_PARSE_OK) {
            *error = sub.error;
            f_release(mark);
            return st;
        }
    }
    f_release(mark);
    if (sub.pos >= n) {
        *error = "missing close-bracket";
        return FEATHER_PARSE_INCOMPLETE;
    }
    *end = sub.pos;
    return FEATHER_PARSE_OK;
}

int f_parse_var_at(Parser *p, uint32_t *np) { return parse_var(p, np); }
