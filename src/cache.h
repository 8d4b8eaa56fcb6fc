/*
 * cache.h -- what the core remembers for the length of one top-level eval,
 * to avoid host crossings on repeated work: parsed scripts with their
 * literal words, the text of those words, command lookups and parsed proc
 * arguments.
 *
 * The cache lives in arena chunks that raise the arena's floor, so marks
 * and releases never reclaim it; it is emptied when a top-level eval
 * begins (the arena was reset after the previous one).
 * Every handle it holds is pinned (feather_host_pin), so host scratch
 * releases never drop one. When the region is full, nothing more is cached
 * and evaluation goes on uncached.
 */
#ifndef FEATHER_CACHE_H
#define FEATHER_CACHE_H

#include "core.h"
#include "parse.h"

/* Empty the cache (a top-level eval begins). */
void cache_reset(void);

/* Arena usage below which f_release must not go: the cache's memory. */
size_t cache_floor(void);

/* The text of a pinned literal handle, or NULL when the cache does not
 * know it (then ask the host). */
const char *cache_text(FeatherObj o, uint32_t *len);

/* Pin o and remember its text, so that reading it again costs no crossing
 * (a loop's condition, read every iteration); returns the pinned handle. */
FeatherObj cache_pin_text(FeatherInterp i, FeatherObj o);

/* ------------------------------------------------------------ scripts */

typedef struct CachedCommand {
    Command cmd;       /* words and parts, in the cache region */
    FeatherObj *lit;   /* per word: a pinned handle when the word is literal */
    void *site;        /* the command lookup last made here (cache_cmd_get_at) */
} CachedCommand;

typedef struct CachedScript {
    const char *text;  /* the script, in the cache region */
    uint32_t len;
    uint32_t ncmds;
    CachedCommand *cmds;
    /* Parsing stopped here: FEATHER_PARSE_DONE, or an error to raise
     * after the commands before it have run (Tcl parses as it goes). */
    int status;
    const char *error;
    uint32_t error_pos;
    uint32_t error_cmd_start;
    /* Found by its handle (cache_script_obj): lasting when the cache pinned
     * that handle; else, after a scratch release (release_gen changed), the
     * handle may hold another value and its text is compared again. */
    bool lasting;
    uint32_t release_gen;
} CachedScript;

/* The parsed form of the script held in handle o, once o has been seen
 * before in this eval (a script evaluated once is not worth caching).
 * NULL when not cached. */
CachedScript *cache_script_obj(FeatherInterp i, FeatherObj o);

/* The same for a script given as bytes that lie inside the cache region
 * (a [bracketed] script within a cached script); NULL otherwise. */
CachedScript *cache_script_bytes(FeatherInterp i, const char *s, uint32_t n);

/* ------------------------------------------------------------ commands */

/* A cached lookup of a command name, or false. */
bool cache_cmd_get(FeatherInterp i, const char *name, uint32_t n, FeatherCmdInfo *out);
/* cache_cmd_get for the literal name of a cached command, whose site
 * remembers the entry found: the next lookup there neither hashes nor
 * compares the name. */
bool cache_cmd_get_at(FeatherInterp i, void **site, const char *name, uint32_t n, FeatherCmdInfo *out);
/* Remember a lookup the host marked cacheable (pins a proc's handles,
 * updating *info); true when remembered. */
bool cache_cmd_put(FeatherInterp i, const char *name, uint32_t n, FeatherCmdInfo *info);

/* ------------------------------------------------------------ proc arguments */

typedef struct CachedParam {
    const char *name;
    uint32_t len;
    FeatherObj def;    /* pinned default value, or 0 */
} CachedParam;

typedef struct CachedParams {
    uint32_t n;
    bool has_args;     /* the last parameter is "args" */
    CachedParam *p;
    /* For feather_host_frame_push_proc: the non-empty names back to back in
     * buf, (offset, length) pairs in spans; bound is how many. direct is
     * false when a name is qualified (set through var_set instead). */
    bool direct;
    uint32_t bound;
    char *buf;
    uint32_t *spans;
} CachedParams;

/* Fill the direct, bound, buf and spans of cp (its p[] made), taking
 * memory from alloc. */
void cache_params_layout(CachedParams *cp, void *(*alloc)(size_t));

/* The parsed argument list of a proc (params is a pinned handle from a
 * cached lookup), or NULL when it cannot be cached or is invalid. */
CachedParams *cache_params(FeatherInterp i, FeatherObj params);

/* ------------------------------------------------------------ derived data */

/* Other parts of the core may keep what they derive from a cached text
 * (e.g. a compiled expression): texts that lie in the cache are stable for
 * the eval, so their address is a key. */
enum { CACHE_KIND_EXPR = 1 };

/* Changes whenever the cache is emptied: what a caller derived from a
 * stable text under one generation stays valid while it is unchanged. */
extern uint32_t cache_generation;
/* Does s lie in a text the cache holds (stable until the eval ends)? */
bool cache_stable(const char *s);
/* Memory that lasts until the eval ends, or NULL when the cache is full. */
void *cache_keep(size_t bytes);
/* What was bound to (s, n, kind), or NULL. */
void *cache_find(const char *s, uint32_t n, int kind);
void cache_bind(const char *s, uint32_t n, int kind, void *value);

/* ------------------------------------------------------------ integers */

/* Remember / recall the integer a handle holds (see f_integer_get). */
void cache_number_put(FeatherObj h, int64_t v);
bool cache_number_get(FeatherObj h, int64_t *v);
/* Forget them all: handle numbers are about to be reused. */
void cache_numbers_forget(void);
/* A scratch release to mark (f_scratch_release): forget the numbers; the
 * parses found by handles the cache did not pin are checked again when
 * their handle is numbered above the mark. */
void cache_scratch_released(uint32_t mark);

#endif /* FEATHER_CACHE_H */
