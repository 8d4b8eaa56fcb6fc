/*
 * cmd_trace.c -- trace add/remove/info for variables and commands. The host
 * stores the traces (scripts as strings) and fires them.
 */
#include "core.h"

static const char *const var_ops[] = {"array", "read", "unset", "write", 0};
/* The order Tcl reports them in. */
static const char *const var_order[] = {"array", "read", "write", "unset", 0};
static const char *const cmd_ops[] = {"delete", "rename", 0};

/* Validate an operation list and return it in canonical order. */
static int get_ops(FeatherInterp i, FeatherObj list, bool command, FeatherObj *out) {
    FeatherObj *items;
    uint32_t n;
    if (f_list(i, list, &items, &n) != TCL_OK) return TCL_ERROR;
    const char *const *table = command ? cmd_ops : var_ops;
    if (n == 0) {
        return f_error(i, "bad operation list \"\": must be one or more of %s",
                       command ? "delete or rename" : "array, read, unset, or write");
    }
    bool seen[4] = {false, false, false, false};
    for (uint32_t k = 0; k < n; k++) {
        int idx;
        if (f_get_enum(i, items[k], table, "operation", &idx) != TCL_OK) return TCL_ERROR;
        uint32_t on;
        const char *op = f_get(i, items[k], &on);
        if (!f_streq(op, on, table[idx])) {
            /* Tcl takes no abbreviations here. */
            FeatherObj code[5] = {f_str(i, "TCL"), f_str(i, "LOOKUP"), f_str(i, "INDEX"), f_str(i, "operation"), items[k]};
            f_set_error_code(i, f_list_new(i, code, 5));
            return f_error(i, "bad operation \"%S\": must be %s", op, on,
                           command ? "delete or rename" : "array, read, unset, or write");
        }
        seen[idx] = true;
    }
    FeatherObj ordered[4];
    uint32_t m = 0;
    if (command) {
        for (int k = 0; k < 2; k++) if (seen[k]) ordered[m++] = f_str(i, cmd_ops[k]);
    } else {
        for (int k = 0; var_order[k]; k++) {
            for (int t = 0; var_ops[t]; t++) {
                if (seen[t] && f_streq(var_order[k], (uint32_t)f_strlen(var_order[k]), var_ops[t])) {
                    ordered[m++] = f_str(i, var_order[k]);
                }
            }
        }
    }
    *out = f_list_new(i, ordered, m);
    return TCL_OK;
}

/* Is there a command so named? If not, Tcl's error is left in the result. */
static bool command_exists(FeatherInterp i, FeatherObj name) {
    FeatherCmdInfo info;
    memset(&info, 0, sizeof info);
    uint32_t n;
    const char *s = f_get(i, name, &n);
    if (feather_host_cmd_lookup(i, s, n, &info) != FEATHER_CMD_NONE) return true;
    FeatherObj code[4] = {f_str(i, "TCL"), f_str(i, "LOOKUP"), f_str(i, "COMMAND"), name};
    f_set_error_code(i, f_list_new(i, code, 4));
    f_error(i, "unknown command \"%S\"", s, n);
    return false;
}

static int cmd_trace(FeatherInterp i, int objc, FeatherObj *objv) {
    static const char *const options[] = {"add", "info", "remove", "variable", "vdelete", "vinfo", 0};
    static const char *const types[] = {"execution", "command", "variable", 0};
    if (objc < 2) return f_wrong_args(i, 1, objv, "option ?arg ...?");
    int opt;
    if (f_get_enum(i, objv[1], options, "option", &opt) != TCL_OK) return TCL_ERROR;
    if (opt > 2) return f_error(i, "trace %o is not supported by Feather; use trace add/remove/info", objv[1]);
    if (objc < 3) return f_wrong_args(i, 2, objv, "type ?arg ...?");
    int type;
    if (f_get_enum(i, objv[2], types, "option", &type) != TCL_OK) return TCL_ERROR;
    int kind = type == 2 ? 0 : type == 1 ? 1 : 2;
    if (kind == 2) return f_error(i, "execution traces are not supported by Feather yet");
    if (opt == 1) {
        if (objc != 4) return f_wrong_args(i, 3, objv, "name");
        uint32_t n;
        const char *name = f_get(i, objv[3], &n);
        if (kind == 1 && !command_exists(i, objv[3])) return TCL_ERROR;
        return f_ok(i, feather_host_trace_info(i, kind, name, n));
    }
    if (objc != 6) return f_wrong_args(i, 3, objv, "name opList command");
    FeatherObj ops;
    if (get_ops(i, objv[4], kind == 1, &ops) != TCL_OK) return TCL_ERROR;
    uint32_t n;
    const char *name = f_get(i, objv[3], &n);
    if (opt == 0) {
        if (kind == 1 && !command_exists(i, objv[3])) return TCL_ERROR;
        feather_host_trace_add(i, kind, name, n, ops, objv[5]);
    } else {
        if (kind == 1 && !command_exists(i, objv[3])) return TCL_ERROR;
        feather_host_trace_remove(i, kind, name, n, ops, objv[5]);
    }
    return f_ok_empty(i);
}

const BuiltinDef f_cmds_trace[] = {
    {"trace", cmd_trace},
    {0, 0},
};
