/* The scratch arena: a bump allocator reset after each top-level eval.
 *
 * Offsets are computed in 64 bits so that no size near SIZE_MAX can wrap
 * around on wasm32. Only the platform section below differs between builds;
 * the allocator itself is shared. */

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
/* NATIVE STUB: a fixed static buffer that never grows. The native build
 * normally allocates through FeatherHostOps; this keeps the file linkable. */

#ifndef FEATHER_ARENA_NATIVE_SIZE
#define FEATHER_ARENA_NATIVE_SIZE (1u << 20)
#endif

static _Alignas(ARENA_ALIGN) unsigned char arena_buffer[FEATHER_ARENA_NATIVE_SIZE];

static uintptr_t arena_base(void) {
    return (uintptr_t)arena_buffer;
}

static uint64_t arena_end(void) {
    return (uint64_t)arena_base() + sizeof arena_buffer;
}

static bool arena_reach(uint64_t end) {
    return end <= arena_end();
}

#endif

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

#ifdef FEATHER_WASM_BUILD
void *alloc(unsigned int size) {
    return feather_arena_alloc(size);
}

void free(void *ptr) {
    (void)ptr;
}
#endif
