#ifndef FEATHER_ARENA_H
#define FEATHER_ARENA_H

#include <stddef.h>

/**
 * Arena-based memory allocation for feather.
 *
 * In WASM builds, all allocations come from a single bump arena that starts
 * at __heap_base (above the stack and static data). The arena is reset after
 * each top-level eval, reclaiming all memory.
 *
 * Invariants:
 *   - every pointer returned is 8-byte aligned;
 *   - base <= base + used <= base + capacity;
 *   - an allocation that does not fit grows linear memory; when memory cannot
 *     grow (its maximum is reached) the allocation returns NULL and changes
 *     nothing. The arena never traps and never overwrites.
 *
 * WARNING: feather_arena_reset() invalidates ALL pointers from previous
 * allocations. Only call at top-level eval boundaries (eval depth 0).
 *
 * Native builds (no FEATHER_WASM_BUILD) reserve address space for the arena
 * and open it as it grows, as linear memory grows; the reset gives back what
 * the arena grew.
 */

/* Allocate `size` bytes from the current arena. Returns an 8-byte aligned
 * pointer, or NULL when the arena cannot hold `size` more bytes.
 * Lifetime: the memory is valid until the next feather_arena_reset (the end
 * of the outermost eval) or a feather_arena_release to a mark taken before
 * it, whichever comes first; nothing frees it one by one. A host copying a
 * script in with it may use the pointer for that eval only. */
void *feather_arena_alloc(size_t size);

/* Reset the arena, reclaiming all allocated memory: every pointer it gave
 * is dead afterwards. Only the host calls it, when the outermost eval on
 * the instance has returned (eval depth 0), never from inside an eval. */
void feather_arena_reset(void);

/* Give back everything allocated since usage was `mark` (a value returned
 * by feather_arena_used()). Used by the core around work whose scratch
 * memory dies with it, e.g. one command of a long loop; a mark above the
 * current usage is ignored. Lifetime: pointers allocated after the mark are
 * dead afterwards; the caller must hold none of them. Never below the floor
 * of the per-eval cache (cache.h), whose memory lives for the whole eval. */
void feather_arena_release(size_t mark);

/* Get current arena usage in bytes (for diagnostics). */
size_t feather_arena_used(void);

/* Get total arena capacity in bytes: the room that exists now between the
 * arena base and the end of memory. Grows when linear memory grows. */
size_t feather_arena_capacity(void);

/* Get the largest usage seen since the module started (not cleared by
 * feather_arena_reset), for diagnostics. */
size_t feather_arena_high_water(void);

#ifndef FEATHER_WASM_BUILD
/* Native only: hold the arena's blocks to max bytes (a host's memory limit, as a WASM
 * host lowers the maximum of linear memory); 0: the build's default maximum. */
void feather_arena_native_limit(size_t max);
#endif

#endif /* FEATHER_ARENA_H */
