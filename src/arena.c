/* The scratch arena: a bump allocator reset after each top-level eval.
 *
 * Offsets are computed in 64 bits so that no size near SIZE_MAX can wrap
 * around on wasm32. The WASM build bumps through linear memory above
 * __heap_base; the native build (!FEATHER_WASM_BUILD) chains malloc'd blocks.
 * Both keep the same contract (arena.h). */

#include "arena.h"

#include <stdbool.h>
#include <stdint.h>

#define ARENA_ALIGN 8u

#ifdef FEATHER_WASM_BUILD
/* WASM: the arena is all of linear memory above __heap_base (the linker
 * places the stack first, then static data, then the heap). */

#define WASM_PAGE_SIZE 65536u

extern unsigned char __heap_base;

static uintptr_t arena_base(void) {
    return ((uintptr_t)&__heap_base + (ARENA_ALIGN - 1)) & ~(uintptr_t)(ARENA_ALIGN - 1);
}

static uint64_t arena_end(void) {
    return (uint64_t)__builtin_wasm_memory_size(0) * WASM_PAGE_SIZE;
}

/* Make memory reach at least `end` bytes; false when it cannot grow. */
static bool arena_reach(uint64_t end) {
    uint64_t have = arena_end();
    if (end <= have) {
        return true;
    }
    uint64_t pages = (end - have + WASM_PAGE_SIZE - 1) / WASM_PAGE_SIZE;
    if (pages > (uint64_t)SIZE_MAX) {
        return false;
    }
    return __builtin_wasm_memory_grow(0, (size_t)pages) != (size_t)-1;
}

static size_t arena_used_bytes = 0;
static size_t arena_high_water_bytes = 0;

void *feather_arena_alloc(size_t size) {
    uint64_t rounded = ((uint64_t)size + (ARENA_ALIGN - 1)) & ~(uint64_t)(ARENA_ALIGN - 1);
    uint64_t start = (uint64_t)arena_base() + arena_used_bytes;
    if (!arena_reach(start + rounded)) {
        return NULL;
    }
    arena_used_bytes += (size_t)rounded;
    if (arena_used_bytes > arena_high_water_bytes) {
        arena_high_water_bytes = arena_used_bytes;
    }
    return (void *)(uintptr_t)start;
}

void feather_arena_reset(void) {
    arena_used_bytes = 0;
}

void feather_arena_release(size_t mark) {
    if (mark <= arena_used_bytes) {
        arena_used_bytes = mark;
    }
}

size_t feather_arena_used(void) {
    return arena_used_bytes;
}

size_t feather_arena_capacity(void) {
    return (size_t)(arena_end() - arena_base());
}

size_t feather_arena_high_water(void) {
    return arena_high_water_bytes;
}

#else
/* NATIVE: the arena is a chain of blocks from the C library's malloc. Usage
 * is a logical offset: a block starts where the previous one ends, and an
 * allocation that does not fit in the current block moves to the next one
 * (skipping the rest of the current block), so a mark (feather_arena_used)
 * names one place in one block and release returns to it. Blocks beyond the
 * usage are kept for reuse until the reset, which frees every block but the
 * first: what the arena grew. FEATHER_ARENA_NATIVE_MAX bounds the total as the
 * module's maximum memory bounds the WASM arena: beyond it, NULL. */

#ifndef FEATHER_ARENA_NATIVE_FIRST
#define FEATHER_ARENA_NATIVE_FIRST ((size_t)2 << 20)
#endif
#ifndef FEATHER_ARENA_NATIVE_BLOCK_MAX
#define FEATHER_ARENA_NATIVE_BLOCK_MAX ((size_t)32 << 20)
#endif
#ifndef FEATHER_ARENA_NATIVE_MAX
#define FEATHER_ARENA_NATIVE_MAX ((size_t)256 << 20)
#endif

void *malloc(size_t size);
void free(void *ptr);

typedef struct ArenaBlock {
    struct ArenaBlock *prev, *next;
    size_t start; /* logical offset of the block's first byte */
    size_t size;  /* data bytes after the header */
} ArenaBlock;

static ArenaBlock *arena_first, *arena_cur;
static size_t arena_total; /* data bytes of every block held */
static size_t arena_used_bytes = 0;
static size_t arena_high_water_bytes = 0;

static unsigned char *block_data(ArenaBlock *b) {
    return (unsigned char *)b + sizeof(ArenaBlock);
}

static ArenaBlock *block_new(ArenaBlock *prev, size_t size) {
    if (size > FEATHER_ARENA_NATIVE_MAX - arena_total) {
        return NULL;
    }
    ArenaBlock *b = malloc(sizeof(ArenaBlock) + size);
    if (!b) {
        return NULL;
    }
    b->prev = prev;
    b->next = NULL;
    b->start = prev ? prev->start + prev->size : 0;
    b->size = size;
    if (prev) {
        prev->next = b;
    }
    arena_total += size;
    return b;
}

/* Free every block after b: none holds a live allocation. */
static void blocks_free_after(ArenaBlock *b) {
    ArenaBlock *n = b->next;
    b->next = NULL;
    while (n) {
        ArenaBlock *next = n->next;
        arena_total -= n->size;
        free(n);
        n = next;
    }
}

void *feather_arena_alloc(size_t size) {
    if (size > FEATHER_ARENA_NATIVE_MAX) {
        return NULL;
    }
    size_t rounded = (size + (ARENA_ALIGN - 1)) & ~(size_t)(ARENA_ALIGN - 1);
    if (!arena_first) {
        arena_first = arena_cur = block_new(NULL, FEATHER_ARENA_NATIVE_FIRST);
        if (!arena_first) {
            return NULL;
        }
    }
    ArenaBlock *b = arena_cur;
    size_t off = arena_used_bytes - b->start;
    if (rounded > b->size - off) {
        ArenaBlock *next = b->next;
        if (!next || next->size < rounded) {
            blocks_free_after(b);
            size_t grow = b->size < FEATHER_ARENA_NATIVE_BLOCK_MAX / 2
                              ? b->size * 2
                              : FEATHER_ARENA_NATIVE_BLOCK_MAX;
            next = block_new(b, rounded > grow ? rounded : grow);
            if (!next && rounded < grow) {
                next = block_new(b, rounded);
            }
            if (!next) {
                return NULL;
            }
        }
        b = arena_cur = next;
        off = 0;
    }
    arena_used_bytes = b->start + off + rounded;
    if (arena_used_bytes > arena_high_water_bytes) {
        arena_high_water_bytes = arena_used_bytes;
    }
    return block_data(b) + off;
}

void feather_arena_reset(void) {
    arena_used_bytes = 0;
    if (arena_first) {
        blocks_free_after(arena_first);
        arena_cur = arena_first;
    }
}

void feather_arena_release(size_t mark) {
    if (mark > arena_used_bytes || !arena_cur) {
        return;
    }
    while (arena_cur->prev && mark < arena_cur->start) {
        arena_cur = arena_cur->prev;
    }
    arena_used_bytes = mark;
}

size_t feather_arena_used(void) {
    return arena_used_bytes;
}

size_t feather_arena_capacity(void) {
    return arena_total;
}

size_t feather_arena_high_water(void) {
    return arena_high_water_bytes;
}

#endif

#ifdef FEATHER_WASM_BUILD
void *alloc(unsigned int size) {
    return feather_arena_alloc(size);
}

void free(void *ptr) {
    (void)ptr;
}
#endif
