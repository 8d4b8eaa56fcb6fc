/*
 * cmd_control.c -- control flow and errors: if while for foreach break
 * continue return error catch eval uplevel subst.
 *
 * Loops release the scratch memory of each iteration (f_eval_obj does it
 * for bodies, the loops for their conditions), so a loop of any length runs
 * in bounded arena memory.
 */
#include "cache.h"
#include "core.h"

int f_parse_level(FeatherInterp i, FeatherObj o, int32_t *level);
int f_bad_level(FeatherInterp i, FeatherObj name);
int f_check_params(FeatherInterp i, FeatherObj list);

/* Evaluate a loop condition, releasing its scratch memory. */
static int loop_test(FeatherInterp i, FeatherObj test, bool *out) {
    if (f_state(i)->aborting) return TCL_ERROR;
    size_t mark = f_mark();
    int code = f_expr_bool(i, test, out);
    if (code == TCL_OK) f_release(mark);
    return code;
}

/* if's syntax errors carry Tcl's errorCode. */
static int if_wrong_args(FeatherInterp i, int code) {
    f_set_error_code(i, f_str(i, "TCL WRONGARGS"));
    return code;
}

static int cmd_if(FeatherInterp i, int objc, FeatherObj *objv) {
    int k = 1;
    FeatherObj chosen = 0; /* as in Tcl, the rest of the words are checked before it runs */
    for (;;) {
        if (k >= objc) {
            return if_wrong_args(i, f_error(i, "wrong # args: no expression after \"%o\" argument", objv[k - 1]));
        }
        bool cond = false;
        if (!chosen && f_expr_bool(i, objv[k], &cond) != TCL_OK) return TCL_ERROR;
        k++;
        if (k < objc && f_obj_eq(i, objv[k], "then")) k++;
        if (k >= objc) return if_wrong_args(i, f_error(i, "wrong # args: no script following \"%o\" argument", objv[k - 1]));
        if (cond) chosen = objv[k];
        k++;
        if (k >= objc) return chosen ? f_eval_obj(i, chosen) : f_ok_empty(i);
        if (f_obj_eq(i, objv[k], "elseif")) {
            k++;
            continue;
        }
        if (f_obj_eq(i, objv[k], "else")) {
            k++;
            if (k >= objc) return if_wrong_args(i, f_error(i, "wrong # args: no script following \"else\" argument"));
        }
        if (k != objc - 1) {
            return if_wrong_args(i, f_error(i, "wrong # args: extra words after \"else\" clause in \"if\" command"));
        }
        return f_eval_obj(i, chosen ? chosen : objv[k]);
    }
}

/* Loops give back the host handles their iterations made, every so many
 * iterations (a release is a host crossing): nothing made by an iteration
 * is referenced once it is over, except what a loop keeps on purpose. */
#define RELEASE_EVERY 64

typedef struct LoopScratch {
    uint32_t mark;
    uint32_t count;
} LoopScratch;

static void loop_begin(FeatherInterp i, LoopScratch *ls) {
    ls->mark = feather_host_scratch_mark(i);
    ls->count = 0;
}

/* After an iteration: maybe release, keeping `keep` (0: nothing). */
static FeatherObj loop_next(FeatherInterp i, LoopScratch *ls, FeatherObj keep) {
    if (++ls->count % RELEASE_EVERY != 0) return keep;
    if (f_poll(i) != TCL_OK) return keep; /* the next command fails at once */
    f_state(i)->result = 0;
    return f_scratch_release(i, ls->mark, keep);
}

/* The code of a loop body: break and continue end here. */
static int body_code(int code, bool *stop) {
    *stop = false;
    if (code == TCL_BREAK) {
        *stop = true;
        return TCL_OK;
    }
    if (code == TCL_CONTINUE || code == TCL_OK) return TCL_OK;
    *stop = true;
    return code;
}

static int cmd_while(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 3) return f_wrong_args(i, 1, objv, "test command");
    LoopScratch ls;
    loop_begin(i, &ls);
    FeatherObj test = cache_pin_text(i, objv[1]);
    for (;;loop_next(i, &ls, 0)) {
        bool cond, stop;
        if (loop_test(i, test, &cond) != TCL_OK) return TCL_ERROR;
        if (!cond) break;
        int code = body_code(f_eval_obj(i, objv[2]), &stop);
        if (stop) {
            if (code != TCL_OK) return code;
            break;
        }
    }
    return f_ok_empty(i);
}

static int cmd_for(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 5) return f_wrong_args(i, 1, objv, "start test next command");
    int code = f_eval_obj(i, objv[1]);
    if (code != TCL_OK) return code;
    LoopScratch ls;
    loop_begin(i, &ls);
    FeatherObj test = cache_pin_text(i, objv[2]);
    for (;;loop_next(i, &ls, 0)) {
        bool cond, stop;
        if (loop_test(i, test, &cond) != TCL_OK) return TCL_ERROR;
        if (!cond) break;
        code = body_code(f_eval_obj(i, objv[4]), &stop);
        if (stop) {
            if (code != TCL_OK) return code;
            break;
        }
        code = f_eval_obj(i, objv[3]);
        if (code == TCL_BREAK) break;
        if (code != TCL_OK && code != TCL_CONTINUE) return code;
    }
    return f_ok_empty(i);
}

/* foreach and lmap share their iteration; lmap collects body results. */
static int do_foreach(FeatherInterp i, int objc, FeatherObj *objv, bool collect) {
    if (objc < 4 || objc % 2 != 0) return f_wrong_args(i, 1, objv, "varList list ?varList list ...? command");
    int groups = (objc - 2) / 2;
    FeatherObj **vars = f_alloc((size_t)groups * sizeof(FeatherObj *));
    uint32_t *nvars = f_alloc((size_t)groups * sizeof(uint32_t));
    FeatherObj *lists = f_alloc((size_t)groups * sizeof(FeatherObj));
    uint32_t *lens = f_alloc((size_t)groups * sizeof(uint32_t));
    if (!vars || !nvars || !lists || !lens) return f_oom(i);
    uint32_t iterations = 0;
    for (int g = 0; g < groups; g++) {
        if (f_list(i, objv[1 + 2 * g], &vars[g], &nvars[g]) != TCL_OK) return TCL_ERROR;
        if (nvars[g] == 0) {
            f_set_error_code(i, f_str(i, collect ? "TCL OPERATION LMAP NEEDVARS" : "TCL OPERATION FOREACH NEEDVARS"));
            return f_error(i, "%s varlist is empty", collect ? "lmap" : "foreach");
        }
        lists[g] = objv[2 + 2 * g];
        if (f_list_length(i, lists[g], &lens[g]) != TCL_OK) return TCL_ERROR;
        uint32_t need = (lens[g] + nvars[g] - 1) / nvars[g];
        if (need > iterations) iterations = need;
    }
    FeatherObj body = objv[objc - 1];
    FeatherObj acc = collect ? f_list_new(i, NULL, 0) : 0;
    FeatherObj item;
    LoopScratch ls;
    loop_begin(i, &ls);
    for (uint32_t it = 0; it < iterations; it++, acc = loop_next(i, &ls, acc)) {
        size_t mark = f_mark();
        for (int g = 0; g < groups; g++) {
            for (uint32_t v = 0; v < nvars[g]; v++) {
                uint32_t idx = it * nvars[g] + v;
                if (idx < lens[g]) feather_host_list_items(i, lists[g], idx, 1, &item);
                else item = f_empty(i);
                if (f_var_set(i, vars[g][v], item, NULL) != TCL_OK) {
                    f_add_error_info(i, "\n    (setting foreach loop variable \"", 37);
                    uint32_t n;
                    const char *s = f_get(i, vars[g][v], &n);
                    f_add_error_info(i, s, n);
                    f_add_error_info(i, "\")", 2);
                    return TCL_ERROR;
                }
            }
        }
        bool stop;
        int code = f_eval_obj(i, body);
        if (collect && code == TCL_OK) {
            FeatherObj r = f_result(i);
            acc = feather_host_list_append(i, acc, &r, 1);
        }
        code = body_code(code, &stop);
        if (stop) {
            if (code != TCL_OK) {
                if (code == TCL_ERROR) {
                    FeatherObj msg = f_format(i, "\n    (\"%s\" body line %d)", collect ? "lmap" : "foreach",
                                              f_state(i)->error_line);
                    uint32_t n;
                    const char *s = f_get(i, msg, &n);
                    f_add_error_info(i, s, n);
                }
                return code;
            }
            break;
        }
        f_release(mark);
    }
    return collect ? f_ok(i, acc) : f_ok_empty(i);
}

static int cmd_foreach(FeatherInterp i, int objc, FeatherObj *objv) { return do_foreach(i, objc, objv, false); }

static int cmd_lmap(FeatherInterp i, int objc, FeatherObj *objv) { return do_foreach(i, objc, objv, true); }

static int cmd_break(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 1) return f_wrong_args(i, 1, objv, "");
    f_set_result(i, f_empty(i));
    return TCL_BREAK;
}

static int cmd_continue(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 1) return f_wrong_args(i, 1, objv, "");
    f_set_result(i, f_empty(i));
    return TCL_CONTINUE;
}

/* A completion code word: ok error return break continue or an integer. */
static int get_code(FeatherInterp i, FeatherObj o, int *code) {
    static const char *const names[] = {"ok", "error", "return", "break", "continue", 0};
    uint32_t n;
    const char *s = f_get(i, o, &n);
    for (int k = 0; names[k]; k++) {
        if (f_streq(s, n, names[k])) {
            *code = k;
            return TCL_OK;
        }
    }
    int64_t v;
    if (f_parse_int(s, n, &v) == 1) {
        *code = (int)v;
        return TCL_OK;
    }
    f_set_error_code(i, f_str(i, "TCL RESULT ILLEGAL_CODE"));
    return f_error(i, "bad completion code \"%S\": must be ok, error, return, break, continue, or an integer", s, n);
}

static int cmd_return(FeatherInterp i, int objc, FeatherObj *objv) {
    InterpState *st = f_state(i);
    int code = TCL_OK;
    int64_t level = 1;
    FeatherObj info = 0, ecode = 0, estack = 0;
    FeatherObj *extra = f_alloc(((size_t)objc + 2) * sizeof(FeatherObj));
    uint32_t nextra = 0;
    int k = 1;
    for (; k + 1 < objc; k += 2) {
        uint32_t n;
        const char *opt = f_get(i, objv[k], &n); /* any word pairs up: Tcl keeps them as options */
        if (f_streq(opt, n, "-code")) {
            if (get_code(i, objv[k + 1], &code) != TCL_OK) return TCL_ERROR;
        } else if (f_streq(opt, n, "-level")) {
            if (f_get_int(i, objv[k + 1], &level) != TCL_OK || level < 0) {
                f_set_error_code(i, f_str(i, "TCL RESULT ILLEGAL_LEVEL"));
                return f_error(i, "bad -level value: expected non-negative integer but got \"%o\"", objv[k + 1]);
            }
        } else if (f_streq(opt, n, "-errorinfo")) {
            info = objv[k + 1];
            if (extra) { extra[nextra++] = objv[k]; extra[nextra++] = objv[k + 1]; }
        } else if (f_streq(opt, n, "-errorstack")) {
            estack = objv[k + 1];
            if (extra) { extra[nextra++] = objv[k]; extra[nextra++] = objv[k + 1]; }
        } else if (f_streq(opt, n, "-errorcode")) {
            ecode = objv[k + 1];
            if (extra) { extra[nextra++] = objv[k]; extra[nextra++] = objv[k + 1]; }
        } else if (f_streq(opt, n, "-options")) {
            FeatherObj *opts;
            uint32_t no;
            if (f_list(i, objv[k + 1], &opts, &no) != TCL_OK || no % 2) {
                f_set_error_code(i, f_str(i, "TCL RESULT ILLEGAL_OPTIONS"));
                return f_error(i, "expected dict but got \"%o\"", objv[k + 1]);
            }
            FeatherObj *more = f_alloc(((size_t)objc + 2 + no) * sizeof(FeatherObj));
            if (more && extra) memcpy(more, extra, nextra * sizeof(FeatherObj));
            extra = more;
            for (uint32_t o = 0; o + 1 < no; o += 2) {
                if (f_obj_eq(i, opts[o], "-code")) {
                    if (get_code(i, opts[o + 1], &code) != TCL_OK) return TCL_ERROR;
                    continue;
                } else if (f_obj_eq(i, opts[o], "-level")) {
                    if (f_get_int(i, opts[o + 1], &level) != TCL_OK) return TCL_ERROR;
                    continue;
                } else if (f_obj_eq(i, opts[o], "-errorinfo")) {
                    info = opts[o + 1];
                } else if (f_obj_eq(i, opts[o], "-errorcode")) {
                    ecode = opts[o + 1];
                }
                if (extra) { extra[nextra++] = opts[o]; extra[nextra++] = opts[o + 1]; }
            }
        } else if (extra) {
            extra[nextra++] = objv[k];
            extra[nextra++] = objv[k + 1];
        }
    }
    if (k < objc - 1) return f_wrong_args(i, 1, objv, "?-option value ...? ?result?");
    f_set_result(i, k < objc ? objv[k] : f_empty(i));
    if (code == TCL_ERROR) {
        f_error_reset(i);
        uint32_t n = 0;
        const char *s = info ? f_get(i, info, &n) : "";
        if (n) {
            st->error_active = true;
            sb_init(&st->error_info, n + 64);
            sb_add(&st->error_info, s, n);
            /* Returned from a proc, the error is logged where the call was. */
            st->error_logged = level == 0;
        }
        st->error_code = ecode;
        st->errorstack = estack;
        /* -errorstack is then the error's own, not an extra option. */
        uint32_t kept = 0;
        for (uint32_t e = 0; extra && e < nextra; e += 2) {
            if (f_obj_eq(i, extra[e], "-errorstack")) continue;
            extra[kept++] = extra[e];
            extra[kept++] = extra[e + 1];
        }
        nextra = kept;
    }
    /* A plain "return value" leaves the last options, as Tcl's does. */
    if (objc > 2) st->return_opts = nextra ? f_list_new(i, extra, nextra) : 0;
    if (level == 0 && code == TCL_ERROR && !info && !estack) {
        /* Tcl compiles it: "returnImm result options". */
        FeatherObj entry[3] = {f_str(i, "returnImm"), f_result(i), st->return_opts ? st->return_opts : f_empty(i)};
        f_errorstack_add(i, "INNER", f_list_new(i, entry, 3));
    }
    if (level == 0) return code;
    st->return_code = code;
    st->return_level = (int)level;
    return TCL_RETURN;
}

static int cmd_error(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 2 || objc > 4) return f_wrong_args(i, 1, objv, "message ?errorInfo? ?errorCode?");
    InterpState *st = f_state(i);
    f_error_reset(i);
    st->return_opts = 0; /* a new error ends a return's options */
    f_set_result(i, objv[1]);
    if (objc >= 3) {
        uint32_t n;
        const char *s = f_get(i, objv[2], &n);
        if (n > 0) {
            st->error_active = true;
            sb_init(&st->error_info, n + 64);
            sb_add(&st->error_info, s, n);
            st->error_logged = true;
        }
    }
    if (objc == 4) st->error_code = objv[3];
    if (!st->error_logged) {
        /* Tcl compiles it: "returnImm message options". */
        FeatherObj opts[4];
        uint32_t no = 0;
        if (objc >= 3) {
            opts[no++] = f_str(i, "-errorinfo");
            opts[no++] = objv[2];
        }
        if (objc == 4) {
            opts[no++] = f_str(i, "-errorcode");
            opts[no++] = objv[3];
        }
        FeatherObj entry[3] = {f_str(i, "returnImm"), objv[1], f_list_new(i, opts, no)};
        f_errorstack_add(i, "INNER", f_list_new(i, entry, 3));
    }
    return TCL_ERROR;
}

void f_errorstack_add(FeatherInterp i, const char *tag, FeatherObj value) {
    InterpState *st = f_state(i);
    bool inner = tag[0] == 'I';
    if (inner == (st->errorstack != 0)) return; /* INNER starts it; the others extend it */
    FeatherObj pair[2] = {f_str(i, tag), value};
    if (inner) {
        st->errorstack = f_list_new(i, pair, 2);
        return;
    }
    st->errorstack = feather_host_list_append(i, st->errorstack, pair, 2);
}

void f_errorstack_invoked(FeatherInterp i, int objc, FeatherObj *objv) {
    FeatherObj *words = f_alloc(((size_t)objc + 1) * sizeof(FeatherObj));
    if (!words) return;
    words[0] = f_str(i, "invokeStk1");
    memcpy(words + 1, objv, (size_t)objc * sizeof(FeatherObj));
    f_errorstack_add(i, "INNER", f_list_new(i, words, (uint32_t)objc + 1));
}

/* Frames above a catch that its error stack lists: deeper ones are left
 * out, so that a catch costs no more than this however deep it runs. */
#define ERRORSTACK_FRAMES 32

/* The error stack as catch and try see it: what the unwinding built, then
 * a CALL entry for each proc frame the error did not leave. */
static FeatherObj errorstack_complete(FeatherInterp i) {
    InterpState *st = f_state(i);
    FeatherObj saved = st->errorstack;
    if (!saved) return f_list_new(i, NULL, 0);
    st->errorstack = f_list_new(i, NULL, 0); /* a copy to extend: saved stays as it is */
    FeatherObj *items;
    uint32_t n;
    if (f_list(i, saved, &items, &n) == TCL_OK) st->errorstack = f_list_new(i, items, n);
    int32_t top;
    int32_t level = feather_host_frame_level(i, &top);
    for (int32_t left = ERRORSTACK_FRAMES; level > 0 && left > 0; level--, left--) {
        FeatherObj words = feather_host_frame_words(i, level);
        if (words) f_errorstack_add(i, "CALL", words);
    }
    FeatherObj done = st->errorstack;
    st->errorstack = saved;
    return done;
}

/* The options dictionary of a completed script, as catch and try see it. */
FeatherObj f_return_options(FeatherInterp i, int code) {
    InterpState *st = f_state(i);
    FeatherObj items[24];
    uint32_t n = 0;
    int level = 0;
    /* A return's other options stay until a catch or another error ends
     * them (as Tcl's: "return -level 0 x y z" completes with "x y"). */
    bool has_info = false, has_code = false;
    if (st->return_opts) {
        FeatherObj *extra;
        uint32_t ne;
        if (f_list(i, st->return_opts, &extra, &ne) == TCL_OK) {
            for (uint32_t k = 0; k + 1 < ne && n < 8; k += 2) {
                items[n++] = extra[k];
                items[n++] = extra[k + 1];
                if (code != TCL_ERROR || !f_obj_eq(i, extra[k], "-errorinfo")) continue;
                has_info = true;
                items[n - 1] = f_error_info(i); /* with what the error logged since */
            }
            for (uint32_t k = 0; k + 1 < n; k += 2) has_code |= f_obj_eq(i, items[k], "-errorcode");
        }
    }
    if (code == TCL_RETURN) {
        level = st->return_level;
        code = st->return_code;
    }
    items[n++] = f_str(i, "-code");
    items[n++] = f_int(i, code);
    items[n++] = f_str(i, "-level");
    items[n++] = f_int(i, level);
    if (code == TCL_ERROR && level > 0) {
        /* return -code error: -errorcode defaults to NONE, after -level as in Tcl. */
        bool given = false;
        for (uint32_t k = 0; k + 4 < n; k += 2) given |= f_obj_eq(i, items[k], "-errorcode");
        if (!given) {
            items[n++] = f_str(i, "-errorcode");
            items[n++] = f_str(i, "NONE");
        }
    }
    if (code == TCL_ERROR && level == 0) {
        items[n++] = f_str(i, "-errorstack");
        items[n++] = errorstack_complete(i);
        if (!has_code) {
            items[n++] = f_str(i, "-errorcode");
            items[n++] = st->error_code ? st->error_code : f_str(i, "NONE");
        }
        if (!has_info) {
            items[n++] = f_str(i, "-errorinfo");
            items[n++] = f_error_info(i);
        }
        items[n++] = f_str(i, "-errorline");
        items[n++] = f_int(i, st->error_line ? st->error_line : 1);
    }
    return f_list_new(i, items, n);
}

static int cmd_catch(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 2 || objc > 4) return f_wrong_args(i, 1, objv, "script ?resultVarName? ?optionVarName?");
    InterpState *st = f_state(i);
    int code = f_eval_obj(i, objv[1]);
    if (st->aborting) return TCL_ERROR;
    FeatherObj result = f_result(i);
    FeatherObj opts = 0;
    if (objc == 4) opts = f_return_options(i, code);
    if (code == TCL_ERROR) {
        if (st->errorstack) st->last_errorstack = feather_host_pin(i, errorstack_complete(i));
        /* Tcl publishes errorInfo and errorCode when an error is caught. */
        FeatherObj dummy;
        feather_host_var_set(i, "::errorInfo", 11, NULL, -1, f_error_info(i), &dummy);
        feather_host_var_set(i, "::errorCode", 11, NULL, -1, st->error_code ? st->error_code : f_str(i, "NONE"), &dummy);
        f_error_reset(i);
    }
    st->return_opts = 0; /* a catch ends a return's options, whatever its code */
    if (code == TCL_RETURN) {
        st->return_code = TCL_OK;
        st->return_level = 1;
    }
    if (objc >= 3 && f_var_set(i, objv[2], result, NULL) != TCL_OK) return TCL_ERROR;
    if (objc == 4 && f_var_set(i, objv[3], opts, NULL) != TCL_OK) return TCL_ERROR;
    return f_ok_int(i, code);
}

/* Concatenate words as concat does (trimmed, joined by spaces). */
FeatherObj f_concat(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc == 1) return objv[0];
    StrBuf b;
    sb_init(&b, 64);
    for (int k = 0; k < objc; k++) {
        uint32_t n;
        const char *s = f_get(i, objv[k], &n);
        uint32_t a = 0;
        while (a < n && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n' || s[a] == '\r' || s[a] == '\v' || s[a] == '\f')) a++;
        while (n > a && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r' ||
                         s[n - 1] == '\v' || s[n - 1] == '\f') && !(n >= 2 && s[n - 2] == '\\')) n--;
        if (a == n) continue;
        if (b.len) sb_addc(&b, ' ');
        sb_add(&b, s + a, n - a);
    }
    return f_strn(i, b.data ? b.data : "", b.len);
}

static void body_error_info(FeatherInterp i, const char *what) {
    FeatherObj msg = f_format(i, "\n    (\"%s\" body line %d)", what, f_state(i)->error_line);
    uint32_t n;
    const char *s = f_get(i, msg, &n);
    f_add_error_info(i, s, n);
}

static int cmd_eval(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 2) return f_wrong_args(i, 1, objv, "arg ?arg ...?");
    int code = f_eval_obj(i, f_concat(i, objc - 1, objv + 1));
    if (code == TCL_ERROR) body_error_info(i, "eval");
    return code;
}

static int cmd_uplevel(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 2) return f_wrong_args(i, 1, objv, "?level? command ?arg ...?");
    int32_t top;
    int32_t level = feather_host_frame_level(i, &top) - 1;
    int k = 1;
    if (f_parse_level(i, objv[1], &level)) k = 2;
    else {
        uint32_t n;
        const char *s = f_get(i, objv[1], &n);
        if (n > 0 && s[0] == '#') return f_bad_level(i, f_strn(i, s, n));
    }
    if (level < 0 || level > top) return f_bad_level(i, k == 1 ? f_str(i, "1") : objv[1]);
    if (k >= objc) return f_wrong_args(i, 1, objv, "?level? command ?arg ...?");
    FeatherObj script = f_concat(i, objc - k, objv + k);
    int32_t was = feather_host_frame_activate(i, level);
    int code = f_eval_obj(i, script);
    feather_host_frame_activate(i, was);
    if (code == TCL_ERROR) {
        f_errorstack_add(i, "UP", f_int(i, was - level));
        body_error_info(i, "uplevel");
    }
    return code;
}

static int cmd_subst(FeatherInterp i, int objc, FeatherObj *objv) {
    static const char *const opts[] = {"-nobackslashes", "-nocommands", "-novariables", 0};
    static const int bits[] = {FEATHER_SUBST_NOBACKSLASHES, FEATHER_SUBST_NOCOMMANDS, FEATHER_SUBST_NOVARIABLES};
    if (objc < 2) return f_wrong_args(i, 1, objv, "?-nobackslashes? ?-nocommands? ?-novariables? string");
    int flags = 0;
    for (int k = 1; k < objc - 1; k++) {
        int idx;
        if (f_get_enum(i, objv[k], opts, "option", &idx) != TCL_OK) return TCL_ERROR;
        flags |= bits[idx];
    }
    FeatherObj out;
    if (f_subst(i, objv[objc - 1], flags, &out) != TCL_OK) return TCL_ERROR;
    return f_ok(i, out);
}


/* ------------------------------------------------------------ try / throw */

static int cmd_throw(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 3) return f_wrong_args(i, 1, objv, "type message");
    uint32_t n;
    if (f_list_length(i, objv[1], &n) != TCL_OK) return TCL_ERROR;
    if (n == 0) {
        f_set_error_code(i, f_str(i, "TCL OPERATION THROW BADEXCEPTION"));
        return f_error(i, "type must be non-empty list");
    }
    f_error_reset(i);
    f_set_result(i, objv[2]);
    f_state(i)->error_code = objv[1];
    FeatherObj opts[2] = {f_str(i, "-errorcode"), objv[1]};
    FeatherObj entry[3] = {f_str(i, "returnImm"), objv[2], f_list_new(i, opts, 2)};
    f_errorstack_add(i, "INNER", f_list_new(i, entry, 3));
    return TCL_ERROR;
}

/* Does errorCode `code` begin with the words of `pattern`? */
static bool trap_matches(FeatherInterp i, FeatherObj pattern, FeatherObj code) {
    FeatherObj *pw, *cw;
    uint32_t pn, cn;
    if (f_list(i, pattern, &pw, &pn) != TCL_OK || f_list(i, code, &cw, &cn) != TCL_OK) return false;
    if (pn > cn) return false;
    for (uint32_t k = 0; k < pn; k++) {
        uint32_t a, b;
        const char *x = f_get(i, pw[k], &a);
        const char *y = f_get(i, cw[k], &b);
        if (a != b || memcmp(x, y, a) != 0) return false;
    }
    return true;
}

static int cmd_try(FeatherInterp i, int objc, FeatherObj *objv) {
    static const char *const kinds[] = {"finally", "on", "trap", 0};
    if (objc < 2) return f_wrong_args(i, 1, objv, "body ?handler ...? ?finally script?");
    /* Check the handler clauses before running anything. */
    int finally_at = -1;
    for (int k = 2; k < objc;) {
        int kind;
        if (f_get_enum(i, objv[k], kinds, "handler type", &kind) != TCL_OK) return TCL_ERROR;
        if (kind == 0) {
            if (k + 2 < objc) {
                f_set_error_code(i, f_str(i, "TCL OPERATION TRY FINALLY NONTERMINAL"));
                return f_error(i, "finally clause must be last");
            }
            if (k + 2 != objc) {
                f_set_error_code(i, f_str(i, "TCL OPERATION TRY FINALLY ARGUMENT"));
                return f_error(i, "wrong # args to finally clause: must be \"... finally script\"");
            }
            finally_at = k + 1;
            break;
        }
        if (k + 4 > objc) {
            f_set_error_code(i, f_str(i, kind == 1 ? "TCL OPERATION TRY ON ARGUMENT" : "TCL OPERATION TRY TRAP ARGUMENT"));
            return f_error(i, kind == 1 ? "wrong # args to on clause: must be \"... on code variableList script\""
                                        : "wrong # args to trap clause: must be \"... trap pattern variableList script\"");
        }
        if (f_obj_eq(i, objv[k + 3], "-") && (k + 4 == objc || f_obj_eq(i, objv[k + 4], "finally"))) {
            f_set_error_code(i, f_str(i, "TCL OPERATION TRY BADFALLTHROUGH"));
            return f_error(i, "last non-finally clause must not have a body of \"-\"");
        }
        if (kind == 1) {
            int code;
            if (get_code(i, objv[k + 1], &code) != TCL_OK) return TCL_ERROR;
        }
        k += 4;
    }
    InterpState *st = f_state(i);
    int code = f_eval_obj(i, objv[1]);
    if (st->aborting) return TCL_ERROR;
    FeatherObj result = f_result(i);
    /* Find the first matching handler. */
    for (int k = 2; k < objc && k != finally_at - 1; k += 4) {
        bool is_on = f_obj_eq(i, objv[k], "on");
        bool match;
        if (is_on) {
            int want;
            get_code(i, objv[k + 1], &want);
            match = want == code;
        } else {
            match = code == TCL_ERROR &&
                    trap_matches(i, objv[k + 1], st->error_code ? st->error_code : f_str(i, "NONE"));
        }
        if (!match) continue;
        FeatherObj opts = f_return_options(i, code);
        if (code == TCL_ERROR && st->errorstack) st->last_errorstack = feather_host_pin(i, errorstack_complete(i));
        if (code == TCL_ERROR) f_error_reset(i);
        if (code == TCL_RETURN) {
            st->return_code = TCL_OK;
            st->return_level = 1;
            st->return_opts = 0;
        }
        FeatherObj *vars;
        uint32_t nv;
        if (f_list(i, objv[k + 2], &vars, &nv) != TCL_OK) return TCL_ERROR;
        if (nv > 0 && f_var_set(i, vars[0], result, NULL) != TCL_OK) return TCL_ERROR;
        if (nv > 1 && f_var_set(i, vars[1], opts, NULL) != TCL_OK) return TCL_ERROR;
        /* A "-" body falls through to the next handler's body. */
        int b = k + 3;
        while (b < objc && f_obj_eq(i, objv[b], "-")) b += 4;
        if (b >= objc || (finally_at > 0 && b >= finally_at - 1)) return f_error(i, "last non-finally clause must not have a body of \"-\"");
        code = f_eval_obj(i, objv[b]);
        if (code == TCL_ERROR) {
            FeatherObj msg = f_format(i, "\n    (\"try ... %s\" handler line %d)", is_on ? "on" : "trap", st->error_line);
            uint32_t ml;
            const char *m = f_get(i, msg, &ml);
            f_add_error_info(i, m, ml);
        }
        result = f_result(i);
        break;
    }
    if (finally_at > 0) {
        InterpState saved = *st;
        int fcode = f_eval_obj(i, objv[finally_at]);
        if (fcode != TCL_OK) return fcode;
        bool oom = st->oom;
        *st = saved;
        st->oom = oom;
    }
    f_set_result(i, result);
    return code;
}

/* ------------------------------------------------------------ switch */

static int cmd_switch(FeatherInterp i, int objc, FeatherObj *objv) {
    static const char *const options[] = {"-exact", "-glob", "-indexvar", "-matchvar", "-nocase", "-regexp", "--", 0};
    enum { EXACT, GLOB, INDEXVAR, MATCHVAR, NOCASE, REGEXP, DASHES };
    int mode = EXACT, k = 1;
    bool nocase = false;
    FeatherObj indexvar = 0, matchvar = 0;
    bool mode_found = false;
    /* As in Tcl, options are read only while two words follow. */
    for (; k < objc - 2; k++) {
        uint32_t n;
        const char *s = f_get(i, objv[k], &n);
        if (n == 0 || s[0] != '-') break;
        int opt;
        if (f_get_enum(i, objv[k], options, "option", &opt) != TCL_OK) return TCL_ERROR;
        if (opt == DASHES) { k++; break; }
        if (opt == NOCASE) nocase = true;
        else if (opt == INDEXVAR || opt == MATCHVAR) {
            if (++k >= objc - 2) {
                f_set_error_code(i, f_str(i, "TCL OPERATION SWITCH NOVAR"));
                return f_error(i, "missing variable name argument to %s option", opt == INDEXVAR ? "-indexvar" : "-matchvar");
            }
            if (opt == INDEXVAR) indexvar = objv[k]; else matchvar = objv[k];
        } else if (mode_found) {
            f_set_error_code(i, f_str(i, "TCL OPERATION SWITCH DOUBLEOPT"));
            return f_error(i, "bad option \"%o\": %s option already found", objv[k], options[mode]);
        } else {
            mode = opt;
            mode_found = true;
        }
    }
    if (objc - k < 2) return f_wrong_args(i, 1, objv, "?-option ...? string ?pattern body ...? ?default body?");
    if ((indexvar || matchvar) && mode != REGEXP) {
        f_set_error_code(i, f_str(i, "TCL OPERATION SWITCH MODERESTRICTION"));
        return f_error(i, "%s option requires -regexp option", indexvar ? "-indexvar" : "-matchvar");
    }
    FeatherObj str = objv[k++];
    FeatherObj *pairs = objv + k;
    uint32_t np = (uint32_t)(objc - k);
    if (np == 1) {
        if (f_list(i, objv[k], &pairs, &np) != TCL_OK) return TCL_ERROR;
        if (np == 0) return f_wrong_args(i, 1, objv, "?-option ...? string {?pattern body ...? ?default body?}");
    }
    if (np % 2 != 0) {
        f_set_error_code(i, f_str(i, "TCL OPERATION SWITCH BADARM"));
        return f_error(i, "extra switch pattern with no body");
    }
    if (f_obj_eq(i, pairs[np - 1], "-")) {
        f_set_error_code(i, f_str(i, "TCL OPERATION SWITCH BADARM FALLTHROUGH"));
        return f_error(i, "no body specified for pattern \"%o\"", pairs[np - 2]);
    }
    uint32_t sn;
    const char *s = f_get(i, str, &sn);
    for (uint32_t p = 0; p < np; p += 2) {
        uint32_t pn;
        const char *pat = f_get(i, pairs[p], &pn);
        bool match = false;
        FeatherObj captured = 0;
        if (p == np - 2 && f_streq(pat, pn, "default")) match = true;
        else if (mode == GLOB) match = f_match(i, pat, pn, s, sn, nocase);
        else if (mode == REGEXP) {
            /* Through the regexp command: -inline gives the groups. */
            FeatherObj words[6];
            int nw = 0;
            words[nw++] = f_str(i, "::regexp");
            if (nocase) words[nw++] = f_str(i, "-nocase");
            words[nw++] = f_str(i, "-inline");
            if (indexvar && !matchvar) words[nw++] = f_str(i, "-indices");
            words[nw++] = f_str(i, "--");
            words[nw++] = pairs[p];
            FeatherObj argv[8];
            memcpy(argv, words, (size_t)nw * sizeof(FeatherObj));
            argv[nw++] = str;
            if (f_invoke(i, nw, argv) != TCL_OK) return TCL_ERROR;
            captured = f_result(i);
            uint32_t cn;
            if (f_list_length(i, captured, &cn) != TCL_OK) return TCL_ERROR;
            match = cn > 0;
        } else if (nocase) {
            match = pn == sn;
            for (uint32_t c = 0; match && c < sn; c++) {
                char a = pat[c], b = s[c];
                if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
                if (b >= 'A' && b <= 'Z') b = (char)(b + 32);
                match = a == b;
            }
        } else match = pn == sn && memcmp(pat, s, sn) == 0;
        if (!match) continue;
        if (mode == REGEXP && captured) {
            if (matchvar && f_var_set(i, matchvar, captured, NULL) != TCL_OK) return TCL_ERROR;
            if (indexvar) {
                FeatherObj argv[7];
                int nw = 0;
                argv[nw++] = f_str(i, "::regexp");
                if (nocase) argv[nw++] = f_str(i, "-nocase");
                argv[nw++] = f_str(i, "-inline");
                argv[nw++] = f_str(i, "-indices");
                argv[nw++] = f_str(i, "--");
                argv[nw++] = pairs[p];
                argv[nw++] = str;
                if (f_invoke(i, nw, argv) != TCL_OK) return TCL_ERROR;
                if (f_var_set(i, indexvar, f_result(i), NULL) != TCL_OK) return TCL_ERROR;
            }
        } else if (p == np - 2 && mode == REGEXP && (matchvar || indexvar)) {
            FeatherObj empty = f_list_new(i, NULL, 0);
            if (matchvar && f_var_set(i, matchvar, empty, NULL) != TCL_OK) return TCL_ERROR;
            if (indexvar && f_var_set(i, indexvar, empty, NULL) != TCL_OK) return TCL_ERROR;
        }
        uint32_t b = p + 1;
        while (b < np && f_obj_eq(i, pairs[b], "-")) b += 2;
        if (b >= np) return f_error(i, "no body specified for pattern \"%o\"", pairs[p]);
        int code = f_eval_obj(i, pairs[b]);
        if (code == TCL_ERROR) {
            FeatherObj msg = f_format(i, "\n    (\"%o\" arm line %d)", pairs[p], f_state(i)->error_line);
            uint32_t ml;
            const char *m = f_get(i, msg, &ml);
            f_add_error_info(i, m, ml);
        }
        return code;
    }
    return f_ok_empty(i);
}

/* ------------------------------------------------------------ apply / tailcall / time */

static int cmd_apply(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc < 2) return f_wrong_args(i, 1, objv, "lambdaExpr ?arg ...?");
    FeatherObj *parts;
    uint32_t n;
    if (f_list(i, objv[1], &parts, &n) != TCL_OK || n < 2 || n > 3) {
        f_set_error_code(i, f_str(i, "TCL VALUE LAMBDA"));
        return f_error(i, "can't interpret \"%o\" as a lambda expression", objv[1]);
    }
    if (f_check_params(i, parts[0]) != TCL_OK) return TCL_ERROR;
    FeatherCmdInfo info;
    memset(&info, 0, sizeof info);
    info.kind = FEATHER_CMD_PROC;
    info.params = parts[0];
    info.body = parts[1];
    if (n == 3) {
        uint32_t nl;
        const char *ns = f_get(i, parts[2], &nl);
        /* Tcl reads a relative name from the global namespace; it must exist. */
        FeatherObj q = nl >= 2 && ns[0] == ':' && ns[1] == ':' ? parts[2] : f_format(i, "::%S", ns, nl);
        ns = f_get(i, q, &nl);
        info.ns = feather_host_ns_resolve(i, ns, nl, 0);
        if (!info.ns) {
            f_set_error_code(i, f_format(i, "TCL LOOKUP NAMESPACE %S", ns, nl));
            return f_error(i, "namespace \"%S\" not found", ns, nl);
        }
    } else {
        info.ns = f_str(i, "::");
    }
    return f_call_lambda(i, &info, objc - 1, objv + 1, objv[1], false);
}

static int cmd_tailcall(FeatherInterp i, int objc, FeatherObj *objv) {
    int32_t top;
    if (feather_host_frame_level(i, &top) == 0) {
        f_set_error_code(i, f_str(i, "TCL TAILCALL ILLEGAL"));
        return f_error(i, "tailcall can only be called from a proc, lambda or method");
    }
    InterpState *st = f_state(i);
    /* The command is found from here (the proc's namespace), as Tcl does. */
    FeatherCmdInfo found;
    memset(&found, 0, sizeof found);
    uint32_t cn;
    const char *cname = objc > 1 ? f_get(i, objv[1], &cn) : "";
    st->tailcall_cmd = 0;
    if (objc > 1 && feather_host_cmd_lookup(i, cname, cn, &found) != FEATHER_CMD_NONE && found.name) {
        st->tailcall_cmd = found.name;
    }
    st->tailcall = f_list_new(i, objv + 1, (uint32_t)(objc - 1));
    st->return_code = TCL_OK;
    st->return_level = 1;
    st->return_opts = 0;
    f_set_result(i, f_empty(i));
    return TCL_RETURN;
}

/* Microseconds from the host's clock command. */
static int now_us(FeatherInterp i, int64_t *out) {
    FeatherObj argv[2] = {f_str(i, "::clock"), f_str(i, "microseconds")};
    if (f_invoke(i, 2, argv) != TCL_OK) return TCL_ERROR;
    return f_get_int(i, f_result(i), out);
}

static int cmd_time(FeatherInterp i, int objc, FeatherObj *objv) {
    if (objc != 2 && objc != 3) return f_wrong_args(i, 1, objv, "command ?count?");
    int64_t count = 1;
    if (objc == 3 && f_get_int(i, objv[2], &count) != TCL_OK) return TCL_ERROR;
    int64_t start, end;
    if (now_us(i, &start) != TCL_OK) return TCL_ERROR;
    for (int64_t k = 0; k < count; k++) {
        int code = f_eval_obj(i, objv[1]);
        if (code != TCL_OK) return code;
    }
    if (now_us(i, &end) != TCL_OK) return TCL_ERROR;
    if (count <= 0) return f_ok(i, f_str(i, "0 microseconds per iteration"));
    int64_t per = (end - start) / count;
    return f_ok(i, f_format(i, "%D microseconds per iteration", per));
}

const BuiltinDef f_cmds_control[] = {
    {"if", cmd_if},         {"while", cmd_while},       {"for", cmd_for},
    {"foreach", cmd_foreach}, {"lmap", cmd_lmap},       {"break", cmd_break},
    {"continue", cmd_continue}, {"return", cmd_return}, {"error", cmd_error},
    {"catch", cmd_catch},   {"eval", cmd_eval},         {"uplevel", cmd_uplevel},
    {"subst", cmd_subst},   {"throw", cmd_throw},       {"try", cmd_try},
    {"switch", cmd_switch}, {"apply", cmd_apply},       {"tailcall", cmd_tailcall},
    {"time", cmd_time},     {0, 0},
};
