/*
 * cmd_proc.c -- procedures and command names: proc rename.
 */
#include "core.h"

/* Check a proc's (or lambda's) argument list as Tcl does. */
int f_check_params(FeatherInterp i, FeatherObj list) {
    FeatherObj *params;
    uint32_t np;
    if (f_list(i, list, &params, &np) != TCL_OK) return TCL_ERROR;
    for (uint32_t k = 0; k < np; k++) {
        FeatherObj *spec;
        uint32_t ns;
        if (f_list(i, params[k], &spec, &ns) != TCL_OK) return TCL_ERROR;
        f_set_error_code(i, f_str(i, "TCL OPERATION PROC FORMALARGUMENTFORMAT"));
        if (ns > 2) return f_error(i, "too many fields in argument specifier \"%o\"", params[k]);
        uint32_t len = 0;
        const char *an = ns > 0 ? f_get(i, spec[0], &len) : "";
        if (len == 0) return f_error(i, "argument with no name");
        bool open = false;
        for (uint32_t c = 0; c < len; c++) {
            if (c + 1 < len && an[c] == ':' && an[c + 1] == ':') {
                return f_error(i, "formal parameter \"%S\" is not a simple name", an, len);
            }
            open |= an[c] == '(';
        }
        if (open && an[len - 1] == ')') return f_error(i, "formal parameter \"%S\" is an array element", an, len);
        f_set_error_code(i, 0);
    }
    return TCL_OK;
}

static int cmd_proc(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 4) return f_wrong_args(i, 1, objv, "name args body");
    if (f_check_params(i, objv[2]) != TCL_OK) return TCL_ERROR;
    uint32_t n;
    const char *name = f_get(i, objv[1], &n);
    int st = feather_host_proc_define(i, name, n, FEATHER_CMD_PROC, 0, objv[2], objv[3]);
    if (st != 0) return f_error(i, "can't create procedure \"%S\": unknown namespace", name, n);
    return f_ok_empty(i);
}

static int cmd_rename(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 3) return f_wrong_args(i, 1, objv, "oldName newName");
    uint32_t on, nn;
    const char *old_name = f_get(i, objv[1], &on);
    const char *new_name = f_get(i, objv[2], &nn);
    int st = feather_host_cmd_rename(i, old_name, on, new_name, nn);
    switch (st) {
    case 0: return f_ok_empty(i);
    case 1: {
        FeatherObj code[4] = {f_str(i, "TCL"), f_str(i, "LOOKUP"), f_str(i, "COMMAND"), objv[1]};
        f_set_error_code(i, f_list_new(i, code, 4));
        return f_error(i, "can't %s \"%S\": command doesn't exist", nn ? "rename" : "delete", old_name, on);
    }
    case 2:
        f_set_error_code(i, f_str(i, "TCL OPERATION RENAME TARGET_EXISTS"));
        return f_error(i, "can't rename to \"%S\": command already exists", new_name, nn);
    default: return f_error(i, "can't rename to \"%S\": bad command name", new_name, nn);
    }
}

const BuiltinDef f_cmds_proc[] = {
    {"proc", cmd_proc},
    {"rename", cmd_rename},
    {0, 0},
};
