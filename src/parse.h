/*
 * parse.h -- Tcl's syntax: a script is split into commands, a command into
 * words, a word into parts (literal text, backslash sequences, variable and
 * command substitutions). Parsing only records positions in the source;
 * the evaluator performs the substitutions.
 */
#ifndef FEATHER_PARSE_H
#define FEATHER_PARSE_H

#include "core.h"

enum {
    PART_TEXT,   /* literal bytes */
    PART_BS,     /* a backslash sequence */
    PART_CMD,    /* [script]: start/len cover the script inside the brackets */
    PART_VAR,    /* $name or ${name}: start/len cover the name */
    PART_ARRAY   /* $name(index): start/len cover the name; the next `count`
                  * parts make up the index */
};

typedef struct Part {
    uint8_t kind;
    uint32_t start;
    uint32_t len;
    uint32_t count; /* PART_ARRAY: parts in the index */
} Part;

typedef struct Word {
    uint32_t first;  /* index of its first part */
    uint32_t nparts; /* parts directly in the word (an array index's parts
                      * are counted in its PART_ARRAY) */
    uint32_t total;  /* all parts including index parts */
    uint32_t start;  /* source span of the word */
    uint32_t len;
    bool expand;     /* {*} prefix */
} Word;

typedef struct Command {
    Word *words;
    uint32_t nwords;
    Part *parts;
    uint32_t nparts;
    uint32_t start; /* source span of the command, for errorInfo */
    uint32_t len;
    uint32_t line;  /* line of the command's first word, from 1 */
} Command;

typedef struct Parser {
    const char *s;
    uint32_t n;
    uint32_t pos;
    uint32_t line;     /* line at pos, from 1 */
    bool nested;       /* inside [ ]: a ']' ends the script */
    /* reusable storage for the command being parsed */
    Word *words;
    uint32_t wcap;
    Part *parts;
    uint32_t pcap;
    /* the error, when parse_command returns FEATHER_PARSE_ERROR/INCOMPLETE */
    const char *error;
    uint32_t error_pos;
} Parser;

void parser_init(Parser *p, const char *s, uint32_t n, bool nested);

/* Parse the next command at p->pos into *cmd. Returns FEATHER_PARSE_OK,
 * FEATHER_PARSE_DONE (end of script, or the closing ']' when nested, left
 * at p->pos), FEATHER_PARSE_INCOMPLETE or FEATHER_PARSE_ERROR with
 * p->error set. cmd's arrays are valid until the next call. */
int parse_command(Parser *p, Command *cmd);

/* Find the end of a [script] starting after '[' at pos: returns the
 * position of the matching ']' or an error as parse_command does. */
int parse_bracket_end(const char *s, uint32_t n, uint32_t pos, uint32_t *end, const char **error);

/* Parse one $variable reference at p->pos into p->parts (subst). */
int f_parse_var_at(Parser *p, uint32_t *np);

/* Parser.error when the scratch arena is full (the evaluator gives it errorCode
 * TCL LIMIT MEMORY). */
extern const char f_parse_oom[];

/* Is c a character of a variable name ($name)? */
bool parse_is_name_char(char c);

#endif /* FEATHER_PARSE_H */
