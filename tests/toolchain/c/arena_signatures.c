/* M1: every function arena.h declares has exactly the seed's signature.
 * Compiled with -Werror: an incompatible pointer type fails the build. */
#include "arena.h"

void *(*const check_feather_arena_alloc)(size_t) = feather_arena_alloc;
void (*const check_feather_arena_reset)(void) = feather_arena_reset;
void (*const check_feather_arena_release)(size_t) = feather_arena_release;
size_t (*const check_feather_arena_used)(void) = feather_arena_used;
size_t (*const check_feather_arena_capacity)(void) = feather_arena_capacity;
size_t (*const check_feather_arena_high_water)(void) = feather_arena_high_water;
