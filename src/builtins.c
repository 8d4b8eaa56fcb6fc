/*
 * builtins.c -- the list of builtin families. A builtin's id (what the host
 * stores for a BUILTIN command) is its position across these tables.
 */
#include "core.h"

extern const BuiltinDef f_cmds_var[];
extern const BuiltinDef f_cmds_control[];
extern const BuiltinDef f_cmds_proc[];
extern const BuiltinDef f_cmds_info[];
extern const BuiltinDef f_cmds_namespace[];
extern const BuiltinDef f_cmds_trace[];
extern const BuiltinDef f_cmds_list[];
extern const BuiltinDef f_cmds_string[];
extern const BuiltinDef f_cmds_dict[];
extern const BuiltinDef f_cmds_array[];
extern const BuiltinDef f_cmds_format[];
extern const BuiltinDef f_cmds_regexp[];
extern const BuiltinDef f_cmds_mathfunc[];

int f_cmd_expr(FeatherInterp i, int objc, FeatherObj *objv);
static const BuiltinDef f_cmds_expr[] = {{"expr", f_cmd_expr}, {0, 0}};

static const BuiltinDef *const families[] = {
    f_cmds_var,  f_cmds_control, f_cmds_proc,   f_cmds_info,  f_cmds_namespace,
    f_cmds_trace, f_cmds_expr,   f_cmds_list, f_cmds_string,    f_cmds_dict,
    f_cmds_array, f_cmds_format, f_cmds_regexp, f_cmds_mathfunc,
};

#define FAMILY_COUNT (int)(sizeof families / sizeof families[0])

/* Flattened on first use: the table is code, not a value, so it may outlive
 * an eval. */
#define MAX_BUILTINS 256
static const BuiltinDef *flat[MAX_BUILTINS];
static int flat_count = -1;

static bool flat_counted[MAX_BUILTINS];

/* Builtins that evaluate a script as a new level, as Tcl counts them: every
 * other builtin is compiled inline by Tcl and adds no level. */
static const char *const counted_names[] = {"eval", "uplevel", "apply", "namespace", "time", 0};

static void flatten(void) {
    flat_count = 0;
    for (int f = 0; f < FAMILY_COUNT; f++) {
        for (const BuiltinDef *d = families[f]; d->name && flat_count < MAX_BUILTINS; d++) {
            bool counted = false;
            for (int k = 0; counted_names[k]; k++) {
                counted |= f_streq(d->name, (uint32_t)f_strlen(d->name), counted_names[k]);
            }
            flat_counted[flat_count] = counted;
            flat[flat_count++] = d;
        }
    }
}

const BuiltinDef *f_builtin_counting(int id, bool *counted) {
    if (flat_count < 0) flatten();
    bool in = id >= 0 && id < flat_count;
    *counted = in && flat_counted[id];
    return in ? flat[id] : NULL;
}

const BuiltinDef *f_builtin(int id) {
    if (flat_count < 0) flatten();
    return (id >= 0 && id < flat_count) ? flat[id] : NULL;
}

int f_builtin_total(void) {
    if (flat_count < 0) flatten();
    return flat_count;
}
