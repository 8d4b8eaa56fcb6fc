/*
 * cache.c -- the per-eval cache of cache.h: a static region with a bump
 * allocator and one open-addressing table mapping tagged keys to entries.
 */
#include "cache.h"

/* The command epoch (feather.h): hosts add 1 when a lookup may change. */
static uint32_t command_epoch;

uint32_t *feather_epoch_ptr(void) { return &command_epoch; }

/* The region grows in chunks taken from the arena when first needed. A
 * chunk raises the arena floor (f_release never goes below it), so the
 * marks of commands still running cannot reclaim it; the whole region goes
 * when the arena is reset after the outermost eval. */
#define CHUNK_BYTES (64u * 1024u)
#define REGION_LIMIT (4u * 1024u * 1024u)
static unsigned char *chunk;     /* the current chunk */
static uint32_t chunk_used, chunk_size;
static uint32_t region_total;
static size_t floor_mark;        /* arena usage the core must not release below */

size_t cache_floor(void) { return floor_mark; }

/* Texts of cached scripts: [bracketed] scripts inside them are cached by
 * address, so the core must tell those addresses from arena ones. */
#define MAX_TEXTS 256
static const char *texts[MAX_TEXTS];
static uint32_t text_lens[MAX_TEXTS];
static uint32_t text_count;


static void *region_alloc(size_t n) {
    n = (n + 7u) & ~(size_t)7u;
    if (!chunk || n > chunk_size - chunk_used) {
        size_t size = n > CHUNK_BYTES ? n : CHUNK_BYTES;
        if (region_total + size > REGION_LIMIT) return NULL;
        unsigned char *c = feather_arena_alloc(size);
        if (!c) return NULL;
        chunk = c;
        chunk_used = 0;
        chunk_size = (uint32_t)size;
        region_total += (uint32_t)size;
        floor_mark = feather_arena_used();
    }
    void *p = chunk + chunk_used;
    chunk_used += (uint32_t)n;
    return p;
}

/* Cached text lies in chunks; a pointer is in the region when the table
 * knows a script at that address (see cache_script_bytes). */
static char *region_copy(const char *s, uint32_t n) {
    char *d = region_alloc((size_t)n + 1);
    if (!d) return NULL;
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

/* ------------------------------------------------------------ the table */

enum { TAG_SCRIPT_OBJ = 1, TAG_SCRIPT_PTR, TAG_TEXT, TAG_CMD, TAG_PARAMS, TAG_SEEN, TAG_KEPT, TAG_PINNED };

static uint32_t release_gen; /* counts scratch releases (cache_scratch_released) */
/* The marks of the last releases, by release_gen: a release to mark drops
 * only handles numbered above it (host.h, scratch). */
#define RELEASE_RING 32u
static uint32_t release_marks[RELEASE_RING];

/* Did every release since gen keep handle o (numbered at or below its mark)? */
static bool survived_releases(FeatherObj o, uint32_t gen) {
    if (release_gen - gen > RELEASE_RING) return false; /* not remembered: unknown */
    for (uint32_t g = gen + 1; g != release_gen + 1; g++) {
        if (o > release_marks[g % RELEASE_RING]) return false;
    }
    return true;
}

typedef struct Slot {
    uint64_t key;
    void *value;
    uint32_t gen; /* the slot is empty unless gen == table_gen */
} Slot;

#define SLOT_COUNT 4096u
static Slot *slots;               /* in the region, made on first use */
static uint32_t table_gen = 1;
uint32_t cache_generation = 1; /* cache.h: table_gen, readable without a call */
static uint32_t cmd_gen = 1;      /* command lookups of an older gen are stale */
static uint32_t epoch_seen;
static uint32_t slots_used;

static uint64_t make_key(unsigned tag, uint64_t v) { return ((uint64_t)tag << 56) ^ v; }

static uint32_t slot_of(uint64_t key) {
    uint64_t h = key * 0x9e3779b97f4a7c15ull;
    return (uint32_t)(h >> 40) & (SLOT_COUNT - 1);
}

/* The table exists once something is cached in this eval. */
static bool table_ready(void) {
    if (slots) return true;
    slots = region_alloc(SLOT_COUNT * sizeof(Slot));
    if (!slots) return false;
    memset(slots, 0, SLOT_COUNT * sizeof(Slot));
    return true;
}

static void *table_get(uint64_t key) {
    if (!slots) return NULL;
    for (uint32_t k = slot_of(key), probes = 0; probes < 16; k = (k + 1) & (SLOT_COUNT - 1), probes++) {
        Slot *s = &slots[k];
        if (s->gen != table_gen) return NULL;
        if (s->key == key) return s->value;
    }
    return NULL;
}

static void table_put(uint64_t key, void *value) {
    if (!table_ready() || slots_used >= SLOT_COUNT / 2) return; /* keep probes short */
    for (uint32_t k = slot_of(key), probes = 0; probes < 16; k = (k + 1) & (SLOT_COUNT - 1), probes++) {
        Slot *s = &slots[k];
        if (s->gen != table_gen) {
            s->gen = table_gen;
            s->key = key;
            s->value = value;
            slots_used++;
            return;
        }
        if (s->key == key) {
            s->value = value;
            return;
        }
    }
}

void cache_numbers_forget(void);

void cache_reset(void) {
    cache_numbers_forget();
    chunk = NULL;
    chunk_used = chunk_size = region_total = 0;
    floor_mark = 0;
    text_count = 0;
    slots = NULL;
    slots_used = 0;
    table_gen++;
    cache_generation = table_gen;
    cmd_gen++;
    epoch_seen = command_epoch;
}

/* ------------------------------------------------------------ literal text */

typedef struct Text {
    const char *s;
    uint32_t len;
} Text;

const char *cache_text(FeatherObj o, uint32_t *len) {
    Text *t = table_get(make_key(TAG_TEXT, o));
    if (!t) return NULL;
    *len = t->len;
    return t->s;
}

/* A pinned handle for literal text already in the region. */
static FeatherObj pin_literal(FeatherInterp i, const char *s, uint32_t n) {
    Text *t = region_alloc(sizeof *t);
    if (!t) return 0;
    FeatherObj o = feather_host_pin(i, feather_host_string_new(i, s, n));
    t->s = s;
    t->len = n;
    table_put(make_key(TAG_TEXT, o), t);
    return o;
}

FeatherObj cache_pin_text(FeatherInterp i, FeatherObj o) {
    uint32_t n;
    if (cache_text(o, &n)) return o;
    size_t mark = f_mark();
    const char *s = f_get(i, o, &n);
    char *copy = region_copy(s, n);
    f_release(mark);
    Text *t = copy ? region_alloc(sizeof *t) : NULL;
    if (!t) return o;
    if (text_count < MAX_TEXTS) {
        texts[text_count] = copy;
        text_lens[text_count++] = n;
    }
    FeatherObj pinned = feather_host_pin(i, o);
    t->s = copy;
    t->len = n;
    table_put(make_key(TAG_TEXT, pinned), t);
    return pinned;
}

/* ------------------------------------------------------------ scripts */


static uint32_t last_text; /* the text found last: asked again most often */

static bool cache_owns(const char *s) {
    if (last_text < text_count && s >= texts[last_text] && s < texts[last_text] + text_lens[last_text]) {
        return true;
    }
    for (uint32_t k = 0; k < text_count; k++) {
        if (s >= texts[k] && s < texts[k] + text_lens[k]) {
            last_text = k;
            return true;
        }
    }
    return false;
}

/* Parse all of text (already in the region) into a CachedScript. */
static CachedScript *build_script(FeatherInterp i, const char *text, uint32_t n) {
    CachedScript *cs = region_alloc(sizeof *cs);
    if (!cs) return NULL;
    memset(cs, 0, sizeof *cs);
    cs->text = text;
    cs->len = n;
    uint32_t cap = 8;
    cs->cmds = region_alloc(cap * sizeof(CachedCommand));
    if (!cs->cmds) return NULL;
    size_t mark = f_mark();
    Parser p;
    parser_init(&p, text, n, false);
    for (;;) {
        Command cmd;
        int st = parse_command(&p, &cmd);
        if (st != FEATHER_PARSE_OK) {
            cs->status = st;
            cs->error = p.error;
            cs->error_pos = p.error_pos;
            cs->error_cmd_start = cmd.start;
            break;
        }
        if (cs->ncmds == cap) {
            CachedCommand *more = region_alloc(cap * 2 * sizeof(CachedCommand));
            if (!more) goto full;
            memcpy(more, cs->cmds, cap * sizeof(CachedCommand));
            cs->cmds = more;
            cap *= 2;
        }
        CachedCommand *cc = &cs->cmds[cs->ncmds];
        cc->cmd = cmd;
        cc->site = NULL;
        cc->cmd.words = region_alloc(cmd.nwords * sizeof(Word));
        cc->cmd.parts = region_alloc((cmd.nparts ? cmd.nparts : 1) * sizeof(Part));
        cc->lit = region_alloc(cmd.nwords * sizeof(FeatherObj));
        if (!cc->cmd.words || !cc->cmd.parts || !cc->lit) goto full;
        memcpy(cc->cmd.words, cmd.words, cmd.nwords * sizeof(Word));
        memcpy(cc->cmd.parts, cmd.parts, cmd.nparts * sizeof(Part));
        for (uint32_t w = 0; w < cmd.nwords; w++) {
            Word *word = &cmd.words[w];
            Part *part = &cmd.parts[word->first];
            cc->lit[w] = 0;
            if (!word->expand && word->nparts == 1 && part->kind == PART_TEXT) {
                cc->lit[w] = pin_literal(i, text + part->start, part->len);
            }
        }
        cs->ncmds++;
    }
    f_release(mark);
    return cs;
full:
    f_release(mark);
    return NULL;
}

CachedScript *cache_script_obj(FeatherInterp i, FeatherObj o) {
    CachedScript *cs = table_get(make_key(TAG_SCRIPT_OBJ, o));
    if (cs && (cs->lasting || cs->release_gen == release_gen)) return cs;
    if (cs && survived_releases(o, cs->release_gen)) {
        cs->release_gen = release_gen; /* o is older than those releases' marks */
        return cs;
    }
    if (cs) {
        /* A handle the cache did not pin, and a release since may have
         * dropped it and made it again for another value: compare its text
         * (once per release, not per use). */
        size_t mark = f_mark();
        uint32_t n;
        const char *s = f_get(i, o, &n);
        bool same = n == cs->len && memcmp(s, cs->text, n) == 0;
        f_release(mark);
        if (same) {
            cs->release_gen = release_gen;
            return cs;
        }
    }
    uint64_t seen = make_key(TAG_SEEN, o);
    if (!table_get(seen)) {
        table_put(seen, (void *)&command_epoch); /* any non-NULL marker */
        return NULL;
    }
    if (text_count == MAX_TEXTS) return NULL;
    uint32_t n;
    const char *s = f_get(i, o, &n);
    const char *text = region_copy(s, n);
    if (!text) return NULL;
    texts[text_count] = text;
    text_lens[text_count++] = n;
    cs = build_script(i, text, n);
    if (!cs) return NULL;
    uint32_t known;
    /* Lasting: pinned by the cache, or numbered above every scratch handle
     * made so far, which only a handle the host pinned is (host.h). */
    cs->lasting = cache_text(o, &known) != NULL || table_get(make_key(TAG_PINNED, o)) != NULL ||
                  o > feather_host_scratch_mark(i);
    cs->release_gen = release_gen;
    table_put(make_key(TAG_SCRIPT_OBJ, o), cs);
    return cs;
}

CachedScript *cache_script_bytes(FeatherInterp i, const char *s, uint32_t n) {
    if (!cache_owns(s)) return NULL;
    uint64_t key = make_key(TAG_SCRIPT_PTR, (uint64_t)(uintptr_t)s << 20 ^ n);
    CachedScript *cs = table_get(key);
    if (cs) return cs->len == n ? cs : NULL;
    uint64_t seen = make_key(TAG_SEEN, (uint64_t)(uintptr_t)s << 20 ^ n ^ (1ull << 52));
    if (!table_get(seen)) {
        table_put(seen, (void *)&command_epoch);
        return NULL;
    }
    cs = build_script(i, s, n);
    if (cs) table_put(key, cs);
    return cs;
}

/* ------------------------------------------------------------ commands */

typedef struct CmdEntry {
    FeatherInterp interp;   /* lookups differ between interps */
    const char *name;
    uint32_t len;
    uint32_t gen;
    FeatherCmdInfo info;
} CmdEntry;

static uint64_t name_hash(FeatherInterp i, const char *s, uint32_t n) {
    uint64_t h = 1469598103934665603ull ^ ((uint64_t)i << 32);
    for (uint32_t k = 0; k < n; k++) h = (h ^ (unsigned char)s[k]) * 1099511628211ull;
    return h & 0x00ffffffffffffffull;
}

static CmdEntry *find_cmd(FeatherInterp i, const char *name, uint32_t n) {
    if (command_epoch != epoch_seen) {
        epoch_seen = command_epoch;
        cmd_gen++;
        return NULL;
    }
    CmdEntry *e = table_get(make_key(TAG_CMD, name_hash(i, name, n)));
    if (!e || e->gen != cmd_gen || e->interp != i || e->len != n || memcmp(e->name, name, n) != 0) return NULL;
    return e;
}

bool cache_cmd_get(FeatherInterp i, const char *name, uint32_t n, FeatherCmdInfo *out) {
    CmdEntry *e = find_cmd(i, name, n);
    if (!e) return false;
    *out = e->info;
    return true;
}

bool cache_cmd_get_at(FeatherInterp i, void **site, const char *name, uint32_t n, FeatherCmdInfo *out) {
    CmdEntry *e = *site;
    /* The site's name is e's (a cached text never changes); e is still
     * valid while no command changed (epoch, gen) and for the same interp. */
    if (!e || command_epoch != epoch_seen || e->gen != cmd_gen || e->interp != i) {
        e = find_cmd(i, name, n);
        *site = e;
        if (!e) return false;
    }
    *out = e->info;
    return true;
}

bool cache_cmd_put(FeatherInterp i, const char *name, uint32_t n, FeatherCmdInfo *info) {
    if (!info->cacheable || command_epoch != epoch_seen) return false;
    CmdEntry *e = region_alloc(sizeof *e);
    char *copy = e ? region_copy(name, n) : NULL;
    if (!copy) return false;
    e->interp = i;
    e->name = copy;
    e->len = n;
    e->gen = cmd_gen;
    e->info = *info;
    if (info->kind == FEATHER_CMD_PROC) {
        e->info.params = feather_host_pin(i, info->params);
        e->info.body = feather_host_pin(i, info->body);
        table_put(make_key(TAG_PINNED, e->info.body), e); /* its parse lasts (cache_script_obj) */
        e->info.ns = cache_pin_text(i, info->ns); /* read at every call */
        e->info.name = 0;
        *info = e->info;
    }
    table_put(make_key(TAG_CMD, name_hash(i, name, n)), e);
    return true;
}

/* ------------------------------------------------------------ proc arguments */

CachedParams *cache_params(FeatherInterp i, FeatherObj params) {
    uint64_t key = make_key(TAG_PARAMS, params);
    CachedParams *cp = table_get(key);
    if (cp) return cp;
    size_t mark = f_mark();
    FeatherObj *items;
    uint32_t n;
    if (f_list(i, params, &items, &n) != TCL_OK) goto fail;
    cp = region_alloc(sizeof *cp);
    CachedParam *p = region_alloc((n ? n : 1) * sizeof(CachedParam));
    if (!cp || !p) goto fail;
    cp->n = n;
    cp->p = p;
    cp->has_args = false;
    for (uint32_t k = 0; k < n; k++) {
        FeatherObj *spec;
        uint32_t ns;
        if (f_list(i, items[k], &spec, &ns) != TCL_OK || ns == 0 || ns > 2) goto fail;
        uint32_t len;
        const char *name = f_get(i, spec[0], &len);
        p[k].name = region_copy(name, len);
        if (!p[k].name) goto fail;
        p[k].len = len;
        p[k].def = ns == 2 ? feather_host_pin(i, spec[1]) : 0;
        if (k == n - 1 && f_streq(name, len, "args")) cp->has_args = true;
    }
    f_release(mark);
    cache_params_layout(cp, region_alloc);
    table_put(key, cp);
    return cp;
fail:
    f_release(mark);
    return NULL;
}

void cache_params_layout(CachedParams *cp, void *(*alloc)(size_t)) {
    uint32_t total = 0, bound = 0;
    cp->direct = false;
    for (uint32_t k = 0; k < cp->n; k++) {
        CachedParam *p = &cp->p[k];
        if (p->len == 0) continue;
        for (uint32_t c = 0; c + 1 < p->len; c++) {
            if (p->name[c] == ':' && p->name[c + 1] == ':') return;
        }
        total += p->len;
        bound++;
    }
    char *buf = alloc(total ? total : 1);
    uint32_t *spans = alloc((bound ? bound : 1) * 2 * sizeof(uint32_t));
    if (!buf || !spans) return;
    uint32_t at = 0, b = 0;
    for (uint32_t k = 0; k < cp->n; k++) {
        CachedParam *p = &cp->p[k];
        if (p->len == 0) continue;
        memcpy(buf + at, p->name, p->len);
        spans[2 * b] = at;
        spans[2 * b + 1] = p->len;
        at += p->len;
        b++;
    }
    cp->buf = buf;
    cp->spans = spans;
    cp->bound = bound;
    cp->direct = true;
}

/* ------------------------------------------------------------ derived data */

bool cache_stable(const char *s) { return cache_owns(s); }

void *cache_keep(size_t bytes) { return region_alloc(bytes); }

static uint64_t kept_key(const char *s, uint32_t n, int kind) {
    return make_key(TAG_KEPT, ((uint64_t)(uintptr_t)s << 24) ^ ((uint64_t)n << 4) ^ (uint64_t)kind);
}

typedef struct Kept {
    const char *s;
    uint32_t n;
    int kind;
    void *value;
} Kept;

void *cache_find(const char *s, uint32_t n, int kind) {
    Kept *k = table_get(kept_key(s, n, kind));
    return k && k->s == s && k->n == n && k->kind == kind ? k->value : NULL;
}

void cache_bind(const char *s, uint32_t n, int kind, void *value) {
    Kept *k = region_alloc(sizeof *k);
    if (!k) return;
    k->s = s;
    k->n = n;
    k->kind = kind;
    k->value = value;
    table_put(kept_key(s, n, kind), k);
}

/* ------------------------------------------------------------ integers */

/* Integers whose handle the core made or read with their number: asking
 * the host for their integer rep again would be a wasted crossing (a proc's
 * result read by its caller's expression). Handles are reused after a
 * scratch release, so a release forgets them all. */
#define NUM_SLOTS 1024u
typedef struct NumSlot {
    FeatherObj h;
    uint32_t gen;
    int64_t v;
} NumSlot;
static NumSlot nums[NUM_SLOTS];
static uint32_t num_gen = 1;

void cache_number_put(FeatherObj h, int64_t v) {
    NumSlot *s = &nums[(h * 2654435761u) >> 22 & (NUM_SLOTS - 1)];
    s->h = h;
    s->gen = num_gen;
    s->v = v;
}

bool cache_number_get(FeatherObj h, int64_t *v) {
    NumSlot *s = &nums[(h * 2654435761u) >> 22 & (NUM_SLOTS - 1)];
    if (s->gen != num_gen || s->h != h || h == 0) return false;
    *v = s->v;
    return true;
}

void cache_numbers_forget(void) { num_gen++; }

void cache_scratch_released(uint32_t mark) {
    num_gen++;
    release_gen++;
    release_marks[release_gen % RELEASE_RING] = mark;
}
