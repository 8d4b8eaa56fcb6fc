/* The scratch arena: a bump allocator reset after each top-level eval.
 *
 * Offsets are computed in 64 bits so that no size near SIZE_MAX can wrap
 * around on wasm32. Only the platform section below differs between builds;
 * the allocator itself is shared. */

#ifndef FEATHER_WASM_BUILD
#define _DEFAULT_SOURCE /* mmap's MAP_ANONYMOUS and MAP_NORESERVE under -std=c11 */
#endif

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

#else
/* NATIVE: as in WASM, one contiguous region. Address space for the arena's
 * maximum is reserved once (no access, no memory), and made accessible in
 * 64 KiB steps as the arena grows. The reset gives back what the arena grew
 * beyond its first FEATHER_ARENA_NATIVE_FIRST bytes (the pages return to the
 * system). feather_arena_native_limit() lowers the maximum, as a host lowers
 * the maximum of linear memory. */

#include <sys/mman.h>

#ifndef FEATHER_ARENA_NATIVE_FIRST
#define FEATHER_ARENA_NATIVE_FIRST ((uint64_t)2 << 20)
#endif
#ifndef FEATHER_ARENA_NATIVE_MAX
#define FEATHER_ARENA_NATIVE_MAX ((uint64_t)256 << 20)
#endif
#define NATIVE_STEP 65536u

static unsigned char *native_base; /* the reserved region, or NULL */
static uint64_t native_open;       /* accessible bytes from native_base */
static uint64_t native_max = FEATHER_ARENA_NATIVE_MAX;

static uintptr_t arena_base(void) {
    if (!native_base) {
        void *p = mmap(NULL, (size_t)FEATHER_ARENA_NATIVE_MAX, PROT_NONE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p != MAP_FAILED) {
            native_base = p;
        }
    }
    return (uintptr_t)native_base;
}

static uint64_t arena_end(void) {
    return (uint64_t)arena_base() + native_open;
}

/* Make the region accessible up to `end`; false beyond the maximum. */
static bool arena_reach(uint64_t end) {
    uint64_t base = (uint64_t)arena_base();
    if (!base || end < base) {
        return false;
    }
    uint64_t need = end - base;
    if (need <= native_open) {
        return true;
    }
    if (need > native_max) {
        return false;
    }
    uint64_t open = (need + NATIVE_STEP - 1) / NATIVE_STEP * NATIVE_STEP;
    if (open < FEATHER_ARENA_NATIVE_FIRST) {
        open = FEATHER_ARENA_NATIVE_FIRST;
    }
    if (open > native_max) {
        open = native_max;
    }
    if (mprotect(native_base + native_open, (size_t)(open - native_open),
                 PROT_READ | PROT_WRITE) != 0) {
        return false;
    }
    native_open = open;
    return true;
}

/* Give back what the arena grew beyond its first bytes (at a reset). */
static void arena_shrink(void) {
    if (native_open > FEATHER_ARENA_NATIVE_FIRST) {
        unsigned char *from = native_base + FEATHER_ARENA_NATIVE_FIRST;
        size_t n = (size_t)(native_open - FEATHER_ARENA_NATIVE_FIRST);
        /* Fresh reserved pages over the old ones: their memory is freed. */
        mmap(from, n, PROT_NONE, MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        native_open = FEATHER_ARENA_NATIVE_FIRST;
    }
}

void feather_arena_native_limit(size_t max) {
    native_max = max && max < FEATHER_ARENA_NATIVE_MAX ? max : FEATHER_ARENA_NATIVE_MAX;
}

#endif

static size_t arena_used_bytes = 0;
static size_t arena_high_water_bytes = 0;

void *feather_arena_alloc(size_t size) {
#ifndef FEATHER_WASM_BUILD
    if (size > FEATHER_ARENA_NATIVE_MAX) {
        return NULL; /* a 64-bit size_t near SIZE_MAX would wrap when rounded */
    }
#endif
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
#ifndef FEATHER_WASM_BUILD
    arena_shrink();
#endif
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
