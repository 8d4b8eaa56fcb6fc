/*
 * regex.h -- a regular expression engine for Tcl's ARE syntax (re_syntax):
 * what regexp, regsub, lsearch -regexp and switch -regexp need.
 *
 * Syntax: literals, `.`, bracket expressions (ranges, negation, [:class:],
 * [.coll.], [=equiv=]), escapes (\n \t \uXXXX \xHH \0oo \cX ...), class
 * shorthands (\d \s \w \D \S \W), constraints (^ $ \A \Z \m \M \y \Y),
 * groups ( ), (?: ), alternation, quantifiers * + ? {m} {m,} {m,n} and
 * their non-greedy forms, back references \N, lookahead (?= ) (?! ), the
 * embedded options (?bceimnpqstwx) and the ***= / ***: prefixes.
 *
 * Matching is by characters (the caller decodes UTF-8 with f_re_decode).
 * Semantics follow Tcl's: the match starts as early as possible; among
 * matches starting there the whole RE takes the longest, or the shortest
 * when its first quantifier is non-greedy; then, with that end fixed,
 * subexpressions are assigned by priority backtracking in which an
 * alternation takes its longest branch that still lets the match end
 * there. Where this differs from Tcl's dissection see regex.c.
 *
 * Everything lives in the scratch arena. f_re_exec releases its own
 * scratch memory before returning.
 */
#ifndef FEATHER_REGEX_H
#define FEATHER_REGEX_H

#include "core.h"

/* Compile flags (as Tcl's TCL_REG_*). */
enum {
    F_RE_NOCASE = 1,   /* -nocase */
    F_RE_EXPANDED = 2, /* -expanded: white space and #-comments ignored */
    F_RE_NLSTOP = 4,   /* -linestop: . and [^...] do not match a newline */
    F_RE_NLANCH = 8,   /* -lineanchor: ^ and $ also match at line ends */
    F_RE_NEWLINE = 12  /* -line: both */
};

/* Execution flags. */
enum {
    F_RE_NOTBOL = 1 /* the text does not begin a line: ^ fails at its start */
};

typedef struct FRegex FRegex;

/* Compile a pattern (UTF-8). On error returns NULL, leaving Tcl's message
 * ("couldn't compile regular expression pattern: ...") as the interp
 * result and errorCode REGEXP ... set. */
FRegex *f_re_compile(FeatherInterp i, const char *pat, uint32_t n, int flags);

/* Number of capturing subexpressions. */
uint32_t f_re_nsub(const FRegex *re);

/* Decode UTF-8 into code points (arena); *count receives their number. */
uint32_t *f_re_decode(const char *s, uint32_t n, uint32_t *count);

/* Search text[0..len) for the first match. match must hold
 * 2 * (nsub + 1) entries: start and end (exclusive) character offsets of
 * the match and of each subexpression, -1 for one that did not take part.
 * Returns 1 on a match, 0 on none, -1 on an error (the match was too
 * complex for the step budget: the message is left in the interp). */
int f_re_exec(FeatherInterp i, const FRegex *re, const uint32_t *text, uint32_t len, int eflags,
              int32_t *match);

/* regexp -about: the list {nsub {REG_U... flags}}. */
FeatherObj f_re_about(FeatherInterp i, const FRegex *re);

#endif /* FEATHER_REGEX_H */
