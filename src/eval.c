/*
 * eval.c -- the evaluator: substitutes the words of each command, finds the
 * command (builtin, proc or embedder command), invokes it, and builds
 * errorInfo while an error unwinds.
 *
 * Scratch memory: each command's substitutions and work are released when
 * it completes normally, so a long loop does not grow the arena. An error
 * keeps its memory (errorInfo is being built in it) until the eval ends.
 */
#include "cache.h"
#include "core.h"
#include "parse.h"

/* ------------------------------------------------------------ errorInfo */

void f_add_error_info(FeatherInterp i, const char *s, uint32_t n) {
    InterpState *st = f_state(i);
    if (!st->error_active) {
        uint32_t len;
        const char *msg = f_get(i, f_result(i), &len);
        sb_init(&st->error_info, len + n + 64);
        sb_add(&st->error_info, msg, len);
        st->error_active = true;
    }
    sb_add(&st->error_info, s, n);
}

void f_error_reset(FeatherInterp i) {
    InterpState *st = f_state(i);
    st->error_active = false;
    st->error_logged = false;
    st->error_line = 0;
    st->error_script_len = 0;
    st->error_code = 0;
    st->errorstack = 0;
    st->error_info.data = NULL;
    st->error_info.len = st->error_info.cap = 0;
}

FeatherObj f_error_info(FeatherInterp i) {
    InterpState *st = f_state(i);
    if (!st->error_active) return f_result(i);
    return f_strn(i, st->error_info.data ? st->error_info.data : "", st->error_info.len);
}

/* Log the failing command as Tcl_LogCommandInfo does: its text, at most
 * 150 bytes (cut at a character boundary, then "..."). */
static void log_command(FeatherInterp i, const char *s, uint32_t n) {
    InterpState *st = f_state(i);
    const char *how = st->error_active ? "\n    invoked from within\n\"" : "\n    while executing\n\"";
    uint32_t len = n;
    bool cut = false;
    if (len > 150) {
        len = 150;
        while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80) len--;
        cut = true;
    }
    f_add_error_info(i, how, (uint32_t)f_strlen(how));
    f_add_error_info(i, s, len);
    if (cut) f_add_error_info(i, "...", 3);
    f_add_error_info(i, "\"", 1);
}

static uint32_t count_lines(const char *s, uint32_t from, uint32_t to) {
    uint32_t lines = 0;
    for (uint32_t k = from; k < to; k++) lines += s[k] == '\n';
    return lines;
}

/* ------------------------------------------------------------ substitution */

/* The value of a variable part: $name or $name(index). */
static int subst_var(FeatherInterp i, const char *s, Part *parts, uint32_t k, FeatherObj *out);

/* Append the string value of parts [first, first+count) to b, or when the
 * word is one part, give that part's value directly. */
static int subst_parts(FeatherInterp i, const char *s, Part *parts, uint32_t first, uint32_t nparts,
                       FeatherObj *out) {
    if (nparts == 1) {
        Part *p = &parts[first];
        switch (p->kind) {
        case PART_TEXT:
            *out = f_strn(i, s + p->start, p->len);
            return TCL_OK;
        case PART_VAR:
        case PART_ARRAY:
            return subst_var(i, s, parts, first, out);
        case PART_CMD: {
            int code = f_eval_bytes(i, s + p->start, p->len);
            if (code != TCL_OK) return code;
            *out = f_result(i);
            return TCL_OK;
        }
        default:
            break;
        }
    }
    StrBuf b;
    sb_init(&b, 64);
    uint32_t k = first;
    for (uint32_t done = 0; done < nparts; done++, k++) {
        Part *p = &parts[k];
        if (p->kind == PART_TEXT) {
            sb_add(&b, s + p->start, p->len);
        } else if (p->kind == PART_BS) {
            f_backslash(s + p->start, p->len, &b);
        } else {
            FeatherObj v;
            int code = subst_parts(i, s, parts, k, 1, &v);
            if (code != TCL_OK) return code;
            uint32_t len;
            const char *vs = f_get(i, v, &len);
            sb_add(&b, vs, len);
            if (p->kind == PART_ARRAY) k += p->count;
        }
    }
    *out = f_strn(i, b.data ? b.data : "", b.len);
    return TCL_OK;
}

static int subst_var(FeatherInterp i, const char *s, Part *parts, uint32_t k, FeatherObj *out) {
    Part *p = &parts[k];
    const char *name = s + p->start;
    FeatherObj v = 0;
    int st;
    if (p->kind == PART_VAR) {
        /* With its number: a command taking an integer ($x of incr) or a
         * word built around it ($i,) then needs no crossing to read it. */
        FeatherVarNumber vn;
        vn.value = 0;
        vn.kind = 0;
        st = feather_host_var_get(i, name, p->len, NULL, -1, 2, &vn.value);
        if (st != FEATHER_VAR_OK) return f_var_error(i, "read", name, p->len, st, vn.value);
        if (vn.kind == 1) cache_number_put(vn.value, vn.number);
        *out = vn.value;
        return TCL_OK;
    }
    FeatherObj index = 0;
    int code;
    /* The index's direct parts: count them (nested arrays skip theirs). */
    uint32_t direct = 0;
    for (uint32_t j = k + 1; j <= k + p->count; j++) {
        direct++;
        if (parts[j].kind == PART_ARRAY) j += parts[j].count;
    }
    code = direct ? subst_parts(i, s, parts, k + 1, direct, &index) : TCL_OK;
    if (code != TCL_OK) return code;
    uint32_t klen = 0;
    const char *key = direct ? f_get(i, index, &klen) : "";
    st = feather_host_var_get(i, name, p->len, key, (int32_t)klen, 0, &v);
    if (st != FEATHER_VAR_OK) {
        StrBuf full;
        sb_init(&full, p->len + klen + 2);
        sb_add(&full, name, p->len);
        sb_addc(&full, '(');
        sb_add(&full, key, klen);
        sb_addc(&full, ')');
        return f_var_error(i, "read", full.data, full.len, st, v);
    }
    *out = v;
    return TCL_OK;
}

/* ------------------------------------------------------------ commands */

static int eval_script(FeatherInterp i, InterpState *st, const char *s, uint32_t n);
int f_ensemble_invoke(FeatherInterp i, FeatherCmdInfo *info, int objc, FeatherObj *objv);
int f_unknown_handler(FeatherInterp i, FeatherObj **words, uint32_t *n);
static inline int eval_cached(FeatherInterp i, InterpState *st, CachedScript *cs);

static int nesting_error(FeatherInterp i) {
    f_set_error_code(i, f_str(i, "TCL LIMIT STACK"));
    return f_error(i, "too many nested evaluations (infinite loop?)");
}

/* Tcl counts nesting as its bytecode engine does: a proc, an embedder
 * command or a builtin that evaluates a script itself (eval, uplevel,
 * apply, namespace eval) is a level; builtins Tcl compiles inline (if,
 * foreach, catch, [brackets] ...) are not. */
int f_invoke(FeatherInterp i, int objc, FeatherObj *objv) {
    uint32_t n;
    const char *name = f_get(i, objv[0], &n);
    return f_invoke_named(i, objc, objv, name, n);
}

#define POLL_EVERY 1024

/* Every POLL_EVERY units: ask the host whether to stop. */
__attribute__((noinline)) static int poll_host(FeatherInterp i, InterpState *st) {
    st->poll_count = 0;
    FeatherObj message = 0;
    int32_t stop = feather_host_interp_poll(i, &message);
    if (!stop) return TCL_OK;
    st->aborting = true;
    st->abort_code = f_str(i, stop == 2   ? "TCL LIMIT TIME"
                              : stop == 3 ? "TCL LIMIT MEMORY"
                                          : "TCL LIMIT");
    st->abort_result = message ? message : f_str(i, "evaluation stopped by the host");
    f_set_error_code(i, st->abort_code);
    f_set_result(i, st->abort_result);
    return TCL_ERROR;
}

/* f_poll where the state is at hand (the evaluator's own calls). */
static inline int poll_state(FeatherInterp i, InterpState *st) {
    if (st->aborting) return TCL_ERROR;
    if (++st->poll_count < POLL_EVERY) return TCL_OK;
    return poll_host(i, st);
}

int f_poll(FeatherInterp i) { return poll_state(i, f_state(i)); }

int f_poll_work(FeatherInterp i, uint32_t units) {
    InterpState *st = f_state(i);
    if (units < POLL_EVERY - st->poll_count) {
        st->poll_count += units;
        return st->aborting ? TCL_ERROR : TCL_OK;
    }
    st->poll_count = POLL_EVERY - 1;
    return f_poll(i);
}

static inline __attribute__((always_inline)) int invoke_found(FeatherInterp i, FeatherCmdInfo *infop, int objc,
                                                              FeatherObj *objv, const char *name, uint32_t n,
                                                              bool pinned);

/* site: where a cached command remembers its lookup (cache_cmd_get_at), or NULL. */
static int invoke_named(FeatherInterp i, int objc, FeatherObj *objv, const char *name, uint32_t n, void **site) {
    InterpState *st = f_state(i);
    if (poll_state(i, st) != TCL_OK) return TCL_ERROR;
    FeatherCmdInfo info;
    bool pinned = site ? cache_cmd_get_at(i, site, name, n, &info) : cache_cmd_get(i, name, n, &info);
    if (!pinned) {
        memset(&info, 0, sizeof info);
        feather_host_cmd_lookup(i, name, n, &info);
        if (info.cacheable) pinned = cache_cmd_put(i, name, n, &info);
    }
    /* One test when no execution trace is active (cmd_trace.c). */
    if (__builtin_expect(info.traced | st->stepping, 0)) {
        return f_invoke_traced(i, &info, objc, objv, name, n, pinned);
    }
    return invoke_found(i, &info, objc, objv, name, n, pinned);
}

int f_invoke_named(FeatherInterp i, int objc, FeatherObj *objv, const char *name, uint32_t n) {
    return invoke_named(i, objc, objv, name, n, NULL);
}

int f_invoke_found(FeatherInterp i, FeatherCmdInfo *info, int objc, FeatherObj *objv, const char *name,
                   uint32_t n, bool pinned) {
    return invoke_found(i, info, objc, objv, name, n, pinned);
}

/* Invoke a command found (no execution trace fires here). */
static inline __attribute__((always_inline)) int invoke_found(FeatherInterp i, FeatherCmdInfo *infop, int objc,
                                                              FeatherObj *objv, const char *name, uint32_t n,
                                                              bool pinned) {
    InterpState *st = f_state(i);
    FeatherCmdInfo *info = infop;
    int kind = info->kind;
    bool counted = true;
    const BuiltinDef *builtin = kind == FEATHER_CMD_BUILTIN ? f_builtin_counting(info->id, &counted) : NULL;
    if (counted && st->depth >= st->limit) return nesting_error(i);
    st->depth += counted;
    int code;
    st->result = 0;
    switch (kind) {
    case FEATHER_CMD_BUILTIN:
        if (builtin) {
            code = builtin->fn(i, objc, objv);
        } else {
            code = f_error(i, "invalid builtin id %d", info->id);
        }
        break;
    case FEATHER_CMD_PROC:
        code = f_call_lambda(i, info, objc, objv, 0, pinned);
        break;
    case FEATHER_CMD_ENSEMBLE:
        code = f_ensemble_invoke(i, info, objc, objv);
        break;
    case FEATHER_CMD_HOST: {
        FeatherObj r = 0;
        code = feather_host_cmd_invoke(i, info->id, objv, (uint32_t)objc, &r);
        st->result = r;
        break;
    }
    default: {
        /* Not found: the namespace's unknown handler (namespace unknown). */
        FeatherCmdInfo uinfo;
        memset(&uinfo, 0, sizeof uinfo);
        FeatherObj *hw = NULL;
        uint32_t hn = 0, hl = 0;
        const char *h0 = f_unknown_handler(i, &hw, &hn) == TCL_OK && hn ? f_get(i, hw[0], &hl) : NULL;
        if (h0 && feather_host_cmd_lookup(i, h0, hl, &uinfo) != FEATHER_CMD_NONE) {
            FeatherObj *args = f_alloc(((size_t)objc + hn) * sizeof(FeatherObj));
            if (!args) {
                code = f_error(i, "out of memory");
                break;
            }
            memcpy(args, hw, hn * sizeof(FeatherObj));
            memcpy(args + hn, objv, (size_t)objc * sizeof(FeatherObj));
            st->depth -= counted;
            return f_invoke(i, objc + (int)hn, args);
        }
        f_set_error_code(i, f_format(i, "TCL LOOKUP COMMAND %o", f_list_new(i, objv, 1)));
        code = f_error(i, "invalid command name \"%S\"", name, n);
        break;
    }
    }
    st->depth -= counted;
    if (f_take_alloc_failure()) {
        st->oom = true;
        f_set_error_code(i, f_str(i, "TCL LIMIT MEMORY"));
        code = f_error(i, "out of memory: the scratch arena reached the memory limit");
    }
    return code;
}

/* Builtins whose bodies Tcl compiles inline: an error from their body is
 * not logged again with the command itself. */
static bool is_transparent(FeatherInterp i, FeatherObj name) {
    static const char *const names[] = {"if", "while", "for", "foreach", "catch", "switch",
                                        "try", "lmap", 0};
    uint32_t n;
    const char *s = f_get(i, name, &n);
    for (int k = 0; names[k]; k++) {
        if (f_streq(s, n, names[k])) return true;
    }
    return false;
}

/* Substitute the words of cmd into an argument vector (expanding {*}). */
static int subst_words(FeatherInterp i, const char *s, Command *cmd, const FeatherObj *lit,
                       FeatherObj **objvp, int *objcp) {
    uint32_t cap = cmd->nwords;
    FeatherObj *objv = f_alloc(cap * sizeof(FeatherObj));
    if (!objv) return f_error(i, "out of memory");
    uint32_t objc = 0;
    for (uint32_t w = 0; w < cmd->nwords; w++) {
        Word *word = &cmd->words[w];
        FeatherObj v;
        if (lit && lit[w]) {
            objv[objc++] = lit[w];
            continue;
        }
        int code = subst_parts(i, s, cmd->parts, word->first, word->nparts, &v);
        if (code != TCL_OK) return code;
        if (!word->expand) {
            objv[objc++] = v;
            continue;
        }
        FeatherObj *items;
        uint32_t n;
        if (f_list(i, v, &items, &n) != TCL_OK) return TCL_ERROR;
        if (objc + n + (cmd->nwords - w) > cap) {
            cap = objc + n + (cmd->nwords - w);
            FeatherObj *more = f_alloc(cap * sizeof(FeatherObj));
            if (!more) return f_error(i, "out of memory");
            memcpy(more, objv, objc * sizeof(FeatherObj));
            objv = more;
        }
        memcpy(objv + objc, items, n * sizeof(FeatherObj));
        objc += n;
    }
    *objvp = objv;
    *objcp = (int)objc;
    return TCL_OK;
}

/* Scripts nested inside scripts (bodies of if, foreach, catch, brackets)
 * are no Tcl level but are C recursion: this bound keeps the WASM stack
 * from overflowing whatever the script does. */
#define MAX_SCRIPT_NESTING 3000

/* The C stack: in WASM it is the shadow stack at the bottom of linear
 * memory (the linker places it first; it grows down towards address 0), so
 * a frame's address is the room left. Deep nesting whose frames are large
 * (expressions within expressions) must stop with Tcl's error while this
 * margin remains, before an overflow traps. Natively the floor comes from
 * the outermost entry (api.c). */
#define STACK_MARGIN (96u * 1024u)

static bool stack_low(void) {
#ifdef FEATHER_WASM_BUILD
    return (uintptr_t)__builtin_frame_address(0) < STACK_MARGIN;
#else
    return (uintptr_t)__builtin_frame_address(0) < f_native_stack_floor;
#endif
}

/* From this nesting on, every HOST_STACK_CHECK_EVERY levels also ask the host
 * whether the engine's native stack (which holds the WASM frames) has room
 * for more: Node.js's default stack is smaller than the bounds above need
 * (host.h, poll). */
#define HOST_STACK_CHECK_FROM 64
#define HOST_STACK_CHECK_EVERY 16

static bool too_deep(FeatherInterp i, InterpState *st) {
    if (st->script_depth >= MAX_SCRIPT_NESTING || stack_low()) return true;
    if (st->script_depth < HOST_STACK_CHECK_FROM || st->script_depth % HOST_STACK_CHECK_EVERY) return false;
    FeatherObj ask = FEATHER_POLL_STACK;
    return feather_host_interp_poll(i, &ask) == FEATHER_POLL_NO_STACK;
}

int f_eval_bytes(FeatherInterp i, const char *s, uint32_t n) {
    InterpState *st = f_state(i);
    if (poll_state(i, st) != TCL_OK) return TCL_ERROR; /* a unit; an empty loop body stops too */
    if (too_deep(i, st)) return nesting_error(i);
    st->script_depth++;
    CachedScript *cs = cache_script_bytes(i, s, n);
    int code = cs ? eval_cached(i, st, cs) : eval_script(i, st, s, n);
    st->script_depth--;
    return code;
}

/* A syntax error found where parsing stopped, with errorInfo as Tcl logs it. */
static int syntax_error(FeatherInterp i, InterpState *st, const char *s, uint32_t n, const char *error,
                        uint32_t error_pos, uint32_t cmd_start) {
    if (error == f_parse_oom) f_set_error_code(i, f_str(i, "TCL LIMIT MEMORY"));
    f_error(i, "%s", error ? error : "syntax error");
    st->error_line = count_lines(s, 0, error_pos) + 1;
    st->error_script_len = n;
    /* Tcl logs the text from the failing command's start. */
    log_command(i, s + cmd_start, n - cmd_start);
    return TCL_ERROR;
}

/* Substitute and invoke one parsed command of script s (lit: its literal
 * words' handles, site: its lookup's memory, or both NULL); log it in
 * errorInfo when it fails. */
static inline __attribute__((always_inline)) int run_command(FeatherInterp i, InterpState *st, const char *s, uint32_t n, Command *cmd,
                       const FeatherObj *lit, void **site) {
    size_t mark = f_mark();
    FeatherObj *objv;
    int objc = 0;
    int code = subst_words(i, s, cmd, lit, &objv, &objc);
    bool in_subst = code != TCL_OK;
    if (code == TCL_OK && objc > 0) {
        Word *w0 = &cmd->words[0];
        if (lit && lit[0]) {
            Part *p0 = &cmd->parts[w0->first];
            code = invoke_named(i, objc, objv, s + p0->start, p0->len, site);
        } else {
            code = f_invoke(i, objc, objv);
        }
    }
    if (code == TCL_OK) {
        if (!st->oom) f_release(mark);
        return TCL_OK;
    }
    if (code != TCL_ERROR) {
        f_release(mark);
        return code;
    }
    /* An error: log this command unless its body already did and Tcl
     * would have compiled it inline. */
    if (!st->errorstack && !st->error_logged && !in_subst && objc > 0) f_errorstack_invoked(i, objc, objv);
    uint32_t line = count_lines(s, 0, cmd->start) + 1;
    if (st->error_logged) {
        st->error_logged = false;
        st->error_line = (int)line;
        st->error_script_len = n;
    } else if (in_subst && st->error_active) {
        /* A command in brackets failed and logged itself: Tcl compiles
         * brackets inline, so the enclosing command is not logged. */
        st->error_script_len = n;
    } else if (st->error_active && st->error_script_len && objc > 0 && is_transparent(i, objv[0])) {
        /* Lines of a braced body count from this script's start. */
        for (uint32_t w = 1; w < cmd->nwords; w++) {
            Word *word = &cmd->words[w];
            if (s[word->start] == '{' && word->len == st->error_script_len + 2) {
                st->error_line += (int)count_lines(s, 0, word->start);
                break;
            }
        }
        st->error_script_len = n;
    } else {
        log_command(i, s + cmd->start, cmd->len);
        st->error_line = (int)line;
        st->error_script_len = n;
    }
    return code;
}

static int eval_script(FeatherInterp i, InterpState *st, const char *s, uint32_t n) {
    Parser p;
    parser_init(&p, s, n, false);
    st->result = 0;
    for (;;) {
        Command cmd;
        int ps = parse_command(&p, &cmd);
        if (ps == FEATHER_PARSE_DONE) return TCL_OK;
        if (ps != FEATHER_PARSE_OK) return syntax_error(i, st, s, n, p.error, p.error_pos, cmd.start);
        int code = run_command(i, st, s, n, &cmd, NULL, NULL);
        if (code != TCL_OK) return code;
    }
}

/* The same from a cached parse. */
static inline __attribute__((always_inline)) int eval_cached(FeatherInterp i, InterpState *st, CachedScript *cs) {
    st->result = 0;
    for (uint32_t k = 0; k < cs->ncmds; k++) {
        int code = run_command(i, st, cs->text, cs->len, &cs->cmds[k].cmd, cs->cmds[k].lit, &cs->cmds[k].site);
        if (code != TCL_OK) return code;
    }
    if (cs->status != FEATHER_PARSE_DONE) {
        return syntax_error(i, st, cs->text, cs->len, cs->error, cs->error_pos, cs->error_cmd_start);
    }
    return TCL_OK;
}

int f_eval_obj(FeatherInterp i, FeatherObj script) {
    size_t mark = f_mark();
    CachedScript *cs = cache_script_obj(i, script);
    int code;
    if (cs) {
        InterpState *st = f_state(i);
        if (poll_state(i, st) != TCL_OK) return TCL_ERROR;
        if (too_deep(i, st)) return nesting_error(i);
        st->script_depth++;
        code = eval_cached(i, st, cs);
        st->script_depth--;
    } else {
        uint32_t n;
        const char *s = f_get(i, script, &n);
        code = f_eval_bytes(i, s, n);
    }
    if (code != TCL_ERROR && !f_state(i)->oom) f_release(mark);
    return code;
}

/* ------------------------------------------------------------ procs */

/* The parsed argument list: cached when params is a pinned handle, else
 * parsed into the arena. NULL (with an error) when it is not a list. */
static CachedParams *get_params(FeatherInterp i, FeatherObj params, bool pinned) {
    if (pinned) {
        CachedParams *cp = cache_params(i, params);
        if (cp) return cp;
    }
    FeatherObj *items;
    uint32_t n;
    if (f_list(i, params, &items, &n) != TCL_OK) return NULL;
    CachedParams *cp = f_alloc(sizeof *cp);
    CachedParam *p = f_alloc((n ? n : 1) * sizeof(CachedParam));
    if (!cp || !p) {
        f_error(i, "out of memory");
        return NULL;
    }
    cp->n = n;
    cp->p = p;
    cp->has_args = false;
    for (uint32_t k = 0; k < n; k++) {
        FeatherObj *spec;
        uint32_t ns;
        if (f_list(i, items[k], &spec, &ns) != TCL_OK) return NULL;
        p[k].name = ns ? f_get(i, spec[0], &p[k].len) : "";
        if (!ns) p[k].len = 0;
        p[k].def = ns == 2 ? spec[1] : 0;
        if (k == n - 1 && f_streq(p[k].name, p[k].len, "args")) cp->has_args = true;
    }
    cache_params_layout(cp, f_alloc);
    return cp;
}

/* "wrong # args: should be \"name a ?b? ?arg ...?\"" */
static int proc_wrong_args(FeatherInterp i, CachedParams *cp, FeatherObj name, bool lambda) {
    StrBuf b;
    sb_init(&b, 64);
    if (lambda) {
        sb_adds(&b, "apply lambdaExpr");
    } else {
        uint32_t nn;
        const char *pn = f_get(i, name, &nn);
        sb_add(&b, pn, nn);
    }
    for (uint32_t k = 0; k < cp->n; k++) {
        CachedParam *p = &cp->p[k];
        if (p->len == 0) continue;
        sb_addc(&b, ' ');
        if (k == cp->n - 1 && cp->has_args) sb_adds(&b, "?arg ...?");
        else if (p->def) {
            sb_addc(&b, '?');
            sb_add(&b, p->name, p->len);
            sb_addc(&b, '?');
        } else sb_add(&b, p->name, p->len);
    }
    f_set_error_code(i, f_str(i, "TCL WRONGARGS"));
    return f_error(i, "wrong # args: should be \"%S\"", b.data, b.len);
}

/* A proc call, or (lambda != 0) an apply of that lambda term: the words
 * are then objv[1..] and errors name "apply lambdaExpr". pinned: the
 * handles of info are pinned (from a cached lookup), so their parse can be
 * cached too. */
static int call_lambda_once(FeatherInterp i, FeatherCmdInfo *info, int objc, FeatherObj *objv, FeatherObj lambda,
                            bool pinned) {
    InterpState *st = f_state(i);
    CachedParams *cp = get_params(i, info->params, pinned);
    if (!cp) return TCL_ERROR;
    int given = objc - 1;
    uint32_t fixed = cp->has_args ? cp->n - 1 : cp->n;
    if ((uint32_t)given > fixed && !cp->has_args) return proc_wrong_args(i, cp, objv[0], lambda != 0);
    for (uint32_t k = (uint32_t)(given > 0 ? given : 0); k < fixed; k++) {
        if (!cp->p[k].def) return proc_wrong_args(i, cp, objv[0], lambda != 0);
    }
    uint32_t nslen;
    const char *ns = f_get(i, info->ns, &nslen);
    /* An apply's frame holds all its words (info level 0), "apply" too. */
    FeatherObj *words = lambda ? objv - 1 : objv;
    uint32_t nwords = (uint32_t)objc + (lambda ? 1 : 0);
    int code = TCL_OK;
    if (cp->direct) {
        /* The frame and its arguments in one crossing. */
        FeatherObj small[8];
        FeatherObj *values = cp->bound <= 8 ? small : f_alloc(cp->bound * sizeof(FeatherObj));
        if (!values) return f_error(i, "out of memory");
        uint32_t b = 0;
        for (uint32_t k = 0; k < cp->n; k++) {
            CachedParam *p = &cp->p[k];
            if (p->len == 0) continue;
            if (k == cp->n - 1 && cp->has_args) {
                int rest = given - (int)k;
                values[b++] = f_list_new(i, rest > 0 ? objv + 1 + k : NULL, rest > 0 ? (uint32_t)rest : 0);
            } else {
                values[b++] = (int)k < given ? objv[1 + k] : p->def;
            }
        }
        feather_host_frame_push_proc(i, words, nwords, ns, (int32_t)nslen, cp->buf, cp->spans, values,
                                     cp->bound);
    } else {
        feather_host_frame_push(i, words, nwords, ns, (int32_t)nslen, 0);
    }
    for (uint32_t k = 0; k < cp->n && code == TCL_OK && !cp->direct; k++) {
        CachedParam *p = &cp->p[k];
        if (p->len == 0) continue;
        FeatherObj value;
        if (k == cp->n - 1 && cp->has_args) {
            int rest = given - (int)k;
            value = f_list_new(i, rest > 0 ? objv + 1 + k : NULL, rest > 0 ? (uint32_t)rest : 0);
        } else {
            value = (int)k < given ? objv[1 + k] : p->def;
        }
        FeatherObj dummy;
        int vs = feather_host_var_set(i, p->name, p->len, NULL, -1, value, &dummy);
        if (vs != FEATHER_VAR_OK) code = f_var_error(i, "set", p->name, p->len, vs, dummy);
    }
    if (code == TCL_OK) {
        code = f_eval_obj(i, info->body);
        bool returned = code == TCL_RETURN; /* return -code error adds no proc line */
        if (code == TCL_ERROR) {
            /* apply: objv[-1] is the word "apply" (see cmd_apply). */
            f_errorstack_add(i, "CALL", lambda ? f_list_new(i, objv - 1, (uint32_t)objc + 1)
                                               : f_list_new(i, objv, (uint32_t)objc));
        }
        if (code == TCL_RETURN) code = f_process_return(i);
        else if (code == TCL_BREAK || code == TCL_CONTINUE) {
            f_set_error_code(i, f_str(i, "TCL RESULT UNEXPECTED"));
            code = f_error(i, "invoked \"%s\" outside of a loop", code == TCL_BREAK ? "break" : "continue");
            f_add_error_info(i, "", 0);
        }
        if (code == TCL_ERROR && !returned) {
            uint32_t nn;
            const char *pn = f_get(i, lambda ? lambda : objv[0], &nn);
            FeatherObj msg = lambda ? f_format(i, "\n    (lambda term \"%S\" line %d)", pn, nn > 60 ? 60 : nn,
                                               st->error_line)
                                    : f_format(i, "\n    (procedure \"%S\" line %d)", pn, nn > 60 ? 60 : nn,
                                               st->error_line);
            uint32_t ml;
            const char *m = f_get(i, msg, &ml);
            f_add_error_info(i, m, ml);
        }
    }
    feather_host_frame_pop(i);
    return code;
}

/* Tail calls run here, one after another in the caller's place: each proc's
 * frame is gone before its replacement runs, so a chain of any length keeps
 * the nesting, the C stack, the arena and the scratch handles bounded. A
 * proc target runs in this loop; any other command is invoked once. Only
 * the last tail is logged in errorInfo, as Tcl does. */
#define TAILCALL_RELEASE_EVERY 64

static int run_tailcalls(FeatherInterp i, InterpState *st, int code) {
    size_t amark = f_mark();
    uint32_t smark = feather_host_scratch_mark(i);
    uint32_t count = 0;
    FeatherObj cur = 0; /* the tail now running as a proc */
    FeatherCmdInfo info;
    while (st->tailcall) {
        FeatherObj tail = st->tailcall, cmd = st->tailcall_cmd;
        st->tailcall = 0;
        st->tailcall_cmd = 0;
        if (code != TCL_OK) break;
        cur = 0;
        if (f_poll(i) != TCL_OK) return TCL_ERROR;
        if (!st->oom) f_release(amark);
        if (++count % TAILCALL_RELEASE_EVERY == 0 && !st->oom) {
            /* Nothing made by the previous tails is referenced but these two. */
            FeatherObj keep[2] = {tail, cmd};
            FeatherObj *kv;
            uint32_t kn;
            st->result = 0;
            FeatherObj kept = f_scratch_release(i, smark, f_list_new(i, keep, cmd ? 2 : 1));
            if (f_list(i, kept, &kv, &kn) != TCL_OK) return TCL_ERROR;
            tail = kv[0];
            cmd = kn > 1 ? kv[1] : 0;
        }
        FeatherObj *tv;
        uint32_t tc;
        code = f_list(i, tail, &tv, &tc);
        if (code != TCL_OK || tc == 0) break;
        FeatherObj word0 = tv[0];
        if (cmd) tv[0] = cmd;
        uint32_t n;
        const char *name = f_get(i, tv[0], &n);
        bool pinned = cache_cmd_get(i, name, n, &info);
        if (!pinned) {
            memset(&info, 0, sizeof info);
            feather_host_cmd_lookup(i, name, n, &info);
            if (info.cacheable) pinned = cache_cmd_put(i, name, n, &info);
        }
        tv[0] = word0; /* found from the proc's namespace; run as written */
        if (info.kind == FEATHER_CMD_PROC && !(info.traced | st->stepping)) {
            cur = tail;
            code = call_lambda_once(i, &info, (int)tc, tv, 0, pinned);
            continue;
        }
        code = info.traced | st->stepping ? f_invoke_traced(i, &info, (int)tc, tv, name, n, pinned)
                                          : f_invoke_found(i, &info, (int)tc, tv, name, n, pinned);
        if (code == TCL_ERROR) cur = tail;
    }
    if (code == TCL_ERROR && cur) {
        uint32_t tn;
        const char *ts = f_get(i, cur, &tn);
        log_command(i, ts, tn);
    }
    return code;
}

int f_call_lambda(FeatherInterp i, FeatherCmdInfo *info, int objc, FeatherObj *objv, FeatherObj lambda,
                  bool pinned) {
    InterpState *st = f_state(i);
    int code = call_lambda_once(i, info, objc, objv, lambda, pinned);
    return st->tailcall ? run_tailcalls(i, st, code) : code;
}

/* A TCL_RETURN reached a proc (or the top level): apply -level and -code. */
int f_process_return(FeatherInterp i) {
    InterpState *st = f_state(i);
    int level = st->return_level;
    if (level > 1) {
        st->return_level = level - 1;
        return TCL_RETURN;
    }
    int code = st->return_code;
    st->return_code = TCL_OK;
    st->return_level = 1;
    return code;
}

/* ------------------------------------------------------------ subst */

int f_subst(FeatherInterp i, FeatherObj value, int flags, FeatherObj *out) {
    uint32_t n;
    const char *s = f_get(i, value, &n);
    StrBuf b;
    sb_init(&b, n + 16);
    uint32_t k = 0;
    while (k < n) {
        char c = s[k];
        if (c == '\\' && !(flags & FEATHER_SUBST_NOBACKSLASHES)) {
            k += f_backslash(s + k, n - k, &b);
        } else if (c == '$' && !(flags & FEATHER_SUBST_NOVARIABLES)) {
            Parser p;
            parser_init(&p, s, n, false);
            p.pos = k;
            /* Parse one variable reference as a word would. */
            uint32_t np = 0;
            int ps = f_parse_var_at(&p, &np);
            if (ps != FEATHER_PARSE_OK) return f_error(i, "%s", p.error);
            FeatherObj v;
            int code = subst_parts(i, s, p.parts, 0, 1, &v);
            if (code != TCL_OK) return code;
            uint32_t len;
            const char *vs = f_get(i, v, &len);
            sb_add(&b, vs, len);
            k = p.pos;
        } else if (c == '[' && !(flags & FEATHER_SUBST_NOCOMMANDS)) {
            uint32_t close;
            const char *err;
            int ps = parse_bracket_end(s, n, k + 1, &close, &err);
            if (ps != FEATHER_PARSE_OK) return f_error(i, "%s", err);
            int code = f_eval_bytes(i, s + k + 1, close - k - 1);
            if (code == TCL_RETURN) {
                /* As in Tcl, whatever return gives is the substituted value. */
                InterpState *st = f_state(i);
                if (st->return_code == TCL_ERROR) f_error_reset(i);
                st->return_code = TCL_OK;
                st->return_level = 1;
                st->return_opts = 0;
                code = TCL_OK;
            }
            if (code == TCL_BREAK) break;
            if (code == TCL_CONTINUE) {
                k = close + 1;
                continue;
            }
            if (code != TCL_OK) return code;
            uint32_t len;
            const char *rs = f_get(i, f_result(i), &len);
            sb_add(&b, rs, len);
            k = close + 1;
        } else {
            sb_addc(&b, c);
            k++;
        }
    }
    *out = f_strn(i, b.data ? b.data : "", b.len);
    return TCL_OK;
}
