/*
 * host.h -- THE contract between the Feather core and its host.
 *
 * The core (this directory, compiled to wasm32) owns no value beyond one
 * top-level eval. Every value, variable, frame, command, namespace and trace
 * lives in the host (Python or JavaScript), and the core reaches them only
 * through the feather_host_* functions declared here. In the WASM build they
 * are imports from module "env"; in a native build a FeatherHostOps table
 * supplies them (see feather.h).
 *
 * Conventions (every function below follows them):
 *  - FeatherObj is a u32 handle to a host value; 0 is nil. A handle is valid
 *    until the outermost eval on the instance returns (nested evals do not
 *    end it), or until the core releases back to a scratch mark taken before
 *    the handle was made (feather_host_scratch_release; pinned handles are
 *    not released). The core never keeps one across evals; a host stores
 *    values, never handles. Values are immutable in meaning: an operation that
 *    "changes" a value returns a handle to the new value (the host may reuse
 *    storage when nothing else can observe it: copy-on-write).
 *  - FeatherInterp is a u32 interpreter id chosen by the host.
 *  - Strings passed from the core are (pointer, byte length) in linear
 *    memory, UTF-8, not NUL-terminated. A "key" argument with length -1 means
 *    "no array element" (a scalar reference); length >= 0 names an element.
 *  - Strings passed to the core are copied into a buffer the core provides:
 *    the function returns the full byte length, and copies only when it fits,
 *    so one crossing suffices for any string shorter than the buffer.
 *  - Names of variables and commands may be namespace-qualified ("::a::b",
 *    "a::b"); the host resolves them as Tcl does, relative to the namespace
 *    of the active frame.
 *  - No function traps on bad input: each reports a status the core turns
 *    into Tcl's error message.
 */
#ifndef FEATHER_HOST_H
#define FEATHER_HOST_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t FeatherObj;
typedef uint32_t FeatherInterp;

/* Completion codes, as Tcl's. */
enum {
    TCL_OK = 0,
    TCL_ERROR = 1,
    TCL_RETURN = 2,
    TCL_BREAK = 3,
    TCL_CONTINUE = 4
};

/* Status of a variable operation (feather_host_var_*). */
enum {
    FEATHER_VAR_OK = 0,
    FEATHER_VAR_NO_SUCH_VAR = 1,     /* "no such variable" */
    FEATHER_VAR_NO_SUCH_ELEMENT = 2, /* "no such element in array" */
    FEATHER_VAR_IS_ARRAY = 3,        /* "variable is array" */
    FEATHER_VAR_NOT_ARRAY = 4,       /* "variable isn't array" */
    FEATHER_VAR_NO_NAMESPACE = 5,    /* "parent namespace doesn't exist" */
    FEATHER_VAR_TRACE_ERROR = 6,     /* a trace failed; *out holds the message */
    FEATHER_VAR_NOT_INT = 7,         /* var_incr fast path: value has no int rep */
    FEATHER_VAR_NOT_LIST = 8,        /* var_lappend fast path: value has no list rep */
    FEATHER_VAR_EXISTS = 9,          /* var_link: local name already exists */
    FEATHER_VAR_SELF = 10            /* var_link: the target resolves to the local itself */
};

/* Kinds of command (feather_host_cmd_*). */
enum {
    FEATHER_CMD_NONE = 0,
    FEATHER_CMD_BUILTIN = 1, /* a C builtin; id indexes the core's table */
    FEATHER_CMD_PROC = 2,    /* a Tcl procedure: params, body, namespace */
    FEATHER_CMD_HOST = 3,    /* a command registered by the embedder */
    FEATHER_CMD_ENSEMBLE = 4 /* a namespace ensemble: params is its configuration
                              * (-map -parameters -prefixes -subcommands -unknown),
                              * body the fully qualified name of its namespace;
                              * the host deletes it with that namespace and never
                              * marks its lookup cacheable */
};

/* Attributes of a namespace (feather_host_ns_attr). */
enum {
    FEATHER_NS_EXPORT = 0,  /* export patterns, a list */
    FEATHER_NS_PATH = 1,    /* command path: fully qualified namespace names; a
                             * deleted namespace drops out of every path */
    FEATHER_NS_UNKNOWN = 2  /* unknown-command handler (a command prefix), or
                             * empty when none is set */
};

/* Which names feather_host_names lists. */
enum {
    FEATHER_NAMES_COMMANDS = 0, /* commands visible from the current namespace */
    FEATHER_NAMES_PROCS = 1,    /* procs visible from the current namespace */
    FEATHER_NAMES_VARS = 2,     /* variables visible in the active frame */
    FEATHER_NAMES_LOCALS = 3,   /* local (non-linked) variables of a proc frame */
    FEATHER_NAMES_GLOBALS = 4,  /* variables of the global namespace */
    FEATHER_NAMES_CHILDREN = 5, /* child namespaces of the current namespace */
    FEATHER_NAMES_ELEMENTS = 6  /* element keys of the array named by the ns
                                 * argument (resolved as a variable name, links
                                 * followed); an empty list when it is no array */
};

/* Result of feather_host_cmd_lookup. Filled by the host. */
typedef struct FeatherCmdInfo {
    int32_t kind;         /* FEATHER_CMD_* */
    int32_t id;           /* builtin index or host command id */
    FeatherObj params;    /* proc: its argument list */
    FeatherObj body;      /* proc: its body */
    FeatherObj ns;        /* proc: fully qualified namespace it lives in */
    FeatherObj name;      /* fully qualified name of the command found */
    int32_t cacheable;    /* 1 when the same name resolves to this command from
                           * every namespace (it is qualified, or no namespace
                           * but :: has a command of that simple name): the
                           * core may then reuse this answer until the command
                           * epoch changes (see feather_epoch_ptr in feather.h) */
    int32_t traced;       /* 1 when the command has execution traces (the host
                           * changes the command epoch when they are added or
                           * removed) */
} FeatherCmdInfo;

#ifdef FEATHER_WASM_BUILD
#define FEATHER_HOST(name) __attribute__((import_module("env"), import_name(#name)))
#else
#define FEATHER_HOST(name)
#endif

/* ---------------------------------------------------------------- string */

/* A new string value from UTF-8 bytes. */
FEATHER_HOST(feather_host_string_new)
FeatherObj feather_host_string_new(FeatherInterp i, const char *s, uint32_t len);

/* The string rep of o as UTF-8: returns its byte length and copies it into
 * buf when it fits in cap bytes. Lists are formatted as Tcl_Merge does,
 * doubles as Tcl 8.6 formats them (shortest round-trip digits; exponent
 * below 1e-4 and from 1e17, written "1e-5", "1e+17"; "Inf", "-Inf", "NaN";
 * integral values end in ".0"). */
FEATHER_HOST(feather_host_string_get)
uint32_t feather_host_string_get(FeatherInterp i, FeatherObj o, char *buf, uint32_t cap);

/* Concatenate the string reps of n values into one new string value. */
FEATHER_HOST(feather_host_string_concat)
FeatherObj feather_host_string_concat(FeatherInterp i, const FeatherObj *parts, uint32_t n);

/* ---------------------------------------------------------------- rune */

/* Unicode case mapping of one code point: mode 0 lower, 1 upper, 2 title.
 * Only called for code points >= 128; ASCII is handled by the core. */
FEATHER_HOST(feather_host_rune_case)
uint32_t feather_host_rune_case(FeatherInterp i, uint32_t codepoint, int32_t mode);

/* Unicode class of one code point >= 128: bit 0 alpha, 1 digit, 2 space,
 * 3 upper, 4 lower, 5 punct, 6 print, 7 control. */
FEATHER_HOST(feather_host_rune_class)
uint32_t feather_host_rune_class(FeatherInterp i, uint32_t codepoint);

/* ---------------------------------------------------------------- integer */

/* A new integer value. */
FEATHER_HOST(feather_host_integer_new)
FeatherObj feather_host_integer_new(FeatherInterp i, int64_t v);

/* Numeric rep of o without parsing strings: returns 1 and stores the value
 * when o holds a 64-bit integer, 2 and stores a double (through out, as the
 * bits of a double) when it holds a double, 0 otherwise (the core then
 * parses the string rep itself). */
FEATHER_HOST(feather_host_integer_get)
int32_t feather_host_integer_get(FeatherInterp i, FeatherObj o, int64_t *out);

/* integer_new for a value that fits 32 bits: the common case, and cheaper
 * for a JS host, which receives a 64-bit argument as a BigInt. */
FEATHER_HOST(feather_host_integer_new32)
FeatherObj feather_host_integer_new32(FeatherInterp i, int32_t v);

/* ---------------------------------------------------------------- double */

/* A new double value. */
FEATHER_HOST(feather_host_double_new)
FeatherObj feather_host_double_new(FeatherInterp i, double v);

/* Convert decimal text, already validated by the core as a Tcl real
 * (digits, point, exponent; no whitespace, no sign, no Inf/NaN), to the
 * nearest double. Returns 1 on success, 0 if the host cannot. */
FEATHER_HOST(feather_host_double_parse)
int32_t feather_host_double_parse(FeatherInterp i, const char *s, uint32_t len, double *out);

/* ---------------------------------------------------------------- list */

/* A new list of n elements. */
FEATHER_HOST(feather_host_list_new)
FeatherObj feather_host_list_new(FeatherInterp i, const FeatherObj *items, uint32_t n);

/* Number of elements of o if it has a list rep (a list, or a dict as a
 * flat key/value list), else -1: the core then parses the string rep and
 * installs the result with feather_host_list_from_spans. */
FEATHER_HOST(feather_host_list_length)
int32_t feather_host_list_length(FeatherInterp i, FeatherObj o);

/* Build a list of n string elements, element k being the bytes
 * buf[spans[2k] .. spans[2k]+spans[2k+1]). When target is not 0, the list
 * becomes target's list rep (target's string rep is unchanged: this is the
 * parsed form of that string) and target is returned; otherwise a new list
 * value is returned. */
FEATHER_HOST(feather_host_list_from_spans)
FeatherObj feather_host_list_from_spans(FeatherInterp i, FeatherObj target, const char *buf,
                                        const uint32_t *spans, uint32_t n);

/* Copy handles of elements [first, first+count) of list o into out (the
 * range is clamped to the list); returns how many were written. */
FEATHER_HOST(feather_host_list_items)
uint32_t feather_host_list_items(FeatherInterp i, FeatherObj o, uint32_t first, uint32_t count,
                                 FeatherObj *out);

/* A new list: elements [first, first+count) of list o (clamped). */
FEATHER_HOST(feather_host_list_range)
FeatherObj feather_host_list_range(FeatherInterp i, FeatherObj o, uint32_t first, uint32_t count);

/* A list equal to o with n elements appended (o must have a list rep). May
 * reuse o's storage when o's value is not shared; returns the result. */
FEATHER_HOST(feather_host_list_append)
FeatherObj feather_host_list_append(FeatherInterp i, FeatherObj o, const FeatherObj *items,
                                    uint32_t n);

/* A list equal to o with `remove` elements from `first` replaced by the n
 * items (lreplace, linsert, lset): first <= length, clamped. */
FEATHER_HOST(feather_host_list_splice)
FeatherObj feather_host_list_splice(FeatherInterp i, FeatherObj o, uint32_t first,
                                    uint32_t remove, const FeatherObj *items, uint32_t n);

/* ---------------------------------------------------------------- dict */

/* Number of entries if o has a dict rep, else -1 (the core then parses o
 * as a list and calls feather_host_dict_from_list). */
FEATHER_HOST(feather_host_dict_size)
int32_t feather_host_dict_size(FeatherInterp i, FeatherObj o);

/* Give o (a list with an even number of elements, keys compared by string)
 * a dict rep, later keys overriding earlier ones, and return o. */
FEATHER_HOST(feather_host_dict_from_list)
FeatherObj feather_host_dict_from_list(FeatherInterp i, FeatherObj o);

/* Value for key in dict o, or 0 when absent. */
FEATHER_HOST(feather_host_dict_get)
FeatherObj feather_host_dict_get(FeatherInterp i, FeatherObj o, FeatherObj key);

/* A dict equal to o with key set to value (value 0: key removed). */
FEATHER_HOST(feather_host_dict_put)
FeatherObj feather_host_dict_put(FeatherInterp i, FeatherObj o, FeatherObj key, FeatherObj value);

/* ---------------------------------------------------------------- var */

/* With flags bit 1, var_get's out points to this instead of a FeatherObj:
 * the value and, as feather_host_integer_get would give them, its numeric
 * rep (kind 1: integer in number; 2: the bits of a double; 0: none), so an
 * expression reads a variable's number in one crossing. */
typedef struct FeatherVarNumber {
    FeatherObj value;
    int32_t kind;
    int64_t number;
} FeatherVarNumber;

/* Read a variable (key_len -1: scalar; else array element). flags bit 0:
 * do not fire read traces (existence checks); bit 1: out is a
 * FeatherVarNumber; bit 2: read nothing, only fire the traces on the
 * "array" operation of the variable (when it is an array or undefined)
 * and return OK or TRACE_ERROR. Returns FEATHER_VAR_*; on OK *out is the value; on
 * TRACE_ERROR *out is the error message. */
FEATHER_HOST(feather_host_var_get)
int32_t feather_host_var_get(FeatherInterp i, const char *name, uint32_t name_len,
                             const char *key, int32_t key_len, int32_t flags, FeatherObj *out);

/* Write a variable, creating it (and the array) as needed; fires write
 * traces. On OK *out is the value now stored (a trace may change it). */
FEATHER_HOST(feather_host_var_set)
int32_t feather_host_var_set(FeatherInterp i, const char *name, uint32_t name_len,
                             const char *key, int32_t key_len, FeatherObj value, FeatherObj *out);

/* Unset a variable, a whole array (key_len -1) or one element; fires unset
 * traces. */
FEATHER_HOST(feather_host_var_unset)
int32_t feather_host_var_unset(FeatherInterp i, const char *name, uint32_t name_len,
                               const char *key, int32_t key_len, FeatherObj *out);

/* Fast path for incr: when the variable holds an integer rep, add delta (32
 * bits: the core takes the general path for a larger increment),
 * store it (firing traces) and return OK with the new value in *out; a
 * missing variable is created holding delta. Returns NOT_INT (nothing
 * changed) when the value has no integer rep or the sum overflows 64 bits:
 * the core then takes the general path. */
FEATHER_HOST(feather_host_var_incr)
int32_t feather_host_var_incr(FeatherInterp i, const char *name, uint32_t name_len,
                              const char *key, int32_t key_len, int32_t delta, FeatherObj *out);

/* Fast path for lappend: append n items to the variable's list, in place
 * when the stored list is not shared, creating the variable when missing.
 * Returns NOT_LIST (nothing changed) when the value has no list rep: the
 * core then parses it, installs the rep and calls again. */
FEATHER_HOST(feather_host_var_lappend)
int32_t feather_host_var_lappend(FeatherInterp i, const char *name, uint32_t name_len,
                                 const char *key, int32_t key_len, const FeatherObj *items,
                                 uint32_t n, FeatherObj *out);

/* append: concatenate the string reps of n values to the variable's string
 * (created empty when missing), in amortised O(appended) time. */
FEATHER_HOST(feather_host_var_append)
int32_t feather_host_var_append(FeatherInterp i, const char *name, uint32_t name_len,
                                const char *key, int32_t key_len, const FeatherObj *parts,
                                uint32_t n, FeatherObj *out);

/* Make local name `name` in the active frame refer to another variable:
 * level >= 0: variable `target` of the frame at that absolute level (upvar);
 * level == -1: the namespace variable `target`, qualified or relative to
 * the active namespace (global, variable, upvar to a qualified name).
 * Returns OK, EXISTS (the local already exists as a non-link variable),
 * or NO_NAMESPACE. */
FEATHER_HOST(feather_host_var_link)
int32_t feather_host_var_link(FeatherInterp i, const char *name, uint32_t name_len, int32_t level,
                              const char *target, uint32_t target_len);

/* Kind of variable: 0 none, 1 scalar, 2 array (defined, i.e. set or linked
 * to something set); does not fire traces. */
FEATHER_HOST(feather_host_var_kind)
int32_t feather_host_var_kind(FeatherInterp i, const char *name, uint32_t name_len);

/* ---------------------------------------------------------------- frame */

/* Push a call frame and make it the active frame. words[0..nwords) are
 * the words of the invoking command (for info level); ns is the frame's
 * namespace, fully qualified (ns_len -1: that of the active frame). A proc
 * frame (is_ns 0: proc, apply) has local variables; a namespace frame
 * (is_ns 1: namespace eval) resolves variables in its namespace as the
 * global frame does. Returns the new frame's level. */
FEATHER_HOST(feather_host_frame_push)
int32_t feather_host_frame_push(FeatherInterp i, const FeatherObj *words, uint32_t nwords,
                                const char *ns, int32_t ns_len, int32_t is_ns);

/* Pop the top frame; the frame below becomes active. */
FEATHER_HOST(feather_host_frame_pop)
void feather_host_frame_pop(FeatherInterp i);

/* Level of the active frame (0 = global) and, through top, of the top frame. */
FEATHER_HOST(feather_host_frame_level)
int32_t feather_host_frame_level(FeatherInterp i, int32_t *top);

/* Make the frame at an absolute level active (uplevel); returns the level
 * that was active, or -1 when there is no such level. */
FEATHER_HOST(feather_host_frame_activate)
int32_t feather_host_frame_activate(FeatherInterp i, int32_t level);

/* Words of the command that created the frame at `level` (info level N),
 * or 0 for level 0. */
FEATHER_HOST(feather_host_frame_words)
FeatherObj feather_host_frame_words(FeatherInterp i, int32_t level);

/* A proc frame with its arguments, in one crossing: as frame_push(words,
 * nwords, ns, ns_len, 0) followed, for each k < n, by var_set of the local
 * named buf[spans[2k] .. spans[2k]+spans[2k+1]) (a name without "::") to
 * values[k] in the new frame (later names win over equal earlier ones).
 * Returns the new frame's level. */
FEATHER_HOST(feather_host_frame_push_proc)
int32_t feather_host_frame_push_proc(FeatherInterp i, const FeatherObj *words, uint32_t nwords,
                                     const char *ns, int32_t ns_len, const char *buf,
                                     const uint32_t *spans, const FeatherObj *values, uint32_t n);

/* ---------------------------------------------------------------- proc / command */

/* Resolve a command name as Tcl does (qualified, active namespace, then
 * global) and describe it in *out. Returns out->kind. */
FEATHER_HOST(feather_host_cmd_lookup)
int32_t feather_host_cmd_lookup(FeatherInterp i, const char *name, uint32_t name_len,
                                FeatherCmdInfo *out);

/* Define a command: kind BUILTIN with id, or PROC with params and body
 * (stored persistently). A relative name is created in the active
 * namespace. Returns 0, or FEATHER_VAR_NO_NAMESPACE when the namespace of
 * a qualified name does not exist. */
FEATHER_HOST(feather_host_proc_define)
int32_t feather_host_proc_define(FeatherInterp i, const char *name, uint32_t name_len, int32_t kind,
                                 int32_t id, FeatherObj params, FeatherObj body);

/* Rename a command (new_len 0: delete it). Returns 0, 1 when the old
 * command does not exist, 2 when the new name already exists, 3 when the
 * new name's namespace does not exist. */
FEATHER_HOST(feather_host_cmd_rename)
int32_t feather_host_cmd_rename(FeatherInterp i, const char *old_name, uint32_t old_len,
                                const char *new_name, uint32_t new_len);

/* Call an embedder command. argv[0] is the command word. Returns a Tcl
 * code; *result is the result (or error message). */
FEATHER_HOST(feather_host_cmd_invoke)
int32_t feather_host_cmd_invoke(FeatherInterp i, int32_t id, const FeatherObj *argv, uint32_t argc,
                                FeatherObj *result);

/* A list of names (FEATHER_NAMES_*); ns names the namespace for command,
 * proc and children listings (ns_len -1: the active one), or the array for
 * FEATHER_NAMES_ELEMENTS (in insertion order). Names are returned as Tcl's
 * info commands/vars return them, unfiltered. */
FEATHER_HOST(feather_host_names)
FeatherObj feather_host_names(FeatherInterp i, int32_t which, const char *ns, int32_t ns_len);

/* ---------------------------------------------------------------- ns */

/* Fully qualified name of the active namespace ("::" for global). */
FEATHER_HOST(feather_host_ns_current)
FeatherObj feather_host_ns_current(FeatherInterp i);

/* Resolve a namespace name (relative to the active one) and, if create is
 * non-zero, create it with its parents. Returns its fully qualified name,
 * or 0 when it does not exist. */
FEATHER_HOST(feather_host_ns_resolve)
FeatherObj feather_host_ns_resolve(FeatherInterp i, const char *name, uint32_t name_len,
                                   int32_t create);

/* Delete a namespace (fully qualified), its children, variables and
 * commands. Returns 0, or 1 when it does not exist. */
FEATHER_HOST(feather_host_ns_delete)
int32_t feather_host_ns_delete(FeatherInterp i, const char *name, uint32_t name_len);

/* Read (value 0) or replace (value not 0) attribute `which` (FEATHER_NS_*) of
 * namespace ns (fully qualified; ns_len -1: the active one). Returns the
 * attribute's value (after a replace: the new one), or 0 when there is no
 * such namespace. A replace counts as a command change (the epoch moves). */
FEATHER_HOST(feather_host_ns_attr)
FeatherObj feather_host_ns_attr(FeatherInterp i, int32_t which, const char *ns, int32_t ns_len,
                                FeatherObj value);

/* Create command `name` (fully qualified) as an imported command referring
 * to command `target` (fully qualified), replacing a command of that name.
 * Looking `name` up then describes the command at the end of the chain of
 * imports (its kind, id, params, body and namespace) under name's own name;
 * deleting the original deletes every command imported from it, and a
 * command redefined under the original's name keeps its imports. Returns 0,
 * 1 when target does not exist, 3 when name's namespace does not exist. */
FEATHER_HOST(feather_host_cmd_import)
int32_t feather_host_cmd_import(FeatherInterp i, const char *name, uint32_t name_len,
                                const char *target, uint32_t target_len);

/* For an imported command, the fully qualified name of the command it
 * refers to (deep 0) or of the original at the end of the chain (deep 1);
 * for any other command its own fully qualified name; 0 when the command
 * does not exist. */
FEATHER_HOST(feather_host_cmd_origin)
FeatherObj feather_host_cmd_origin(FeatherInterp i, const char *name, uint32_t name_len,
                                   int32_t deep);

/* Replace the params stored with an existing command (an ensemble's
 * configuration) without redefining it. Returns 0, or 1 when there is no
 * such command. */
FEATHER_HOST(feather_host_cmd_update)
int32_t feather_host_cmd_update(FeatherInterp i, const char *name, uint32_t name_len,
                                FeatherObj params);

/* ---------------------------------------------------------------- trace */

/* Add a trace. kind 0 variable, 1 command, 2 execution; ops is the list of
 * operations (e.g. "write unset"); script is stored as a string. The host
 * fires variable and command traces itself, evaluating
 * "script name1 name2 op" through feather_script_eval. */
FEATHER_HOST(feather_host_trace_add)
int32_t feather_host_trace_add(FeatherInterp i, int32_t kind, const char *name, uint32_t name_len,
                               FeatherObj ops, FeatherObj script);

/* Remove the first trace matching (kind, name, ops, script); 0 if removed,
 * 1 if none matched. */
FEATHER_HOST(feather_host_trace_remove)
int32_t feather_host_trace_remove(FeatherInterp i, int32_t kind, const char *name,
                                  uint32_t name_len, FeatherObj ops, FeatherObj script);

/* The traces on a name as trace info returns them: a list of {ops script}. */
FEATHER_HOST(feather_host_trace_info)
FeatherObj feather_host_trace_info(FeatherInterp i, int32_t kind, const char *name,
                                   uint32_t name_len);

/* ---------------------------------------------------------------- scratch */

/* The number of scratch handles now, as a mark for feather_host_scratch_release.
 * Scratch handles are numbered 1, 2, ... in the order they are made, so a
 * release to mark drops only handles numbered above mark (pinned handles
 * are never dropped); the core's script cache relies on it (cache.c). */
FEATHER_HOST(feather_host_scratch_mark)
uint32_t feather_host_scratch_mark(FeatherInterp i);

/* Drop every scratch handle created since `mark`, except `keep` (0: none),
 * whose value gets a handle again; returns keep's handle afterwards (keep
 * itself when it is older than the mark, or pinned). The core calls it only
 * where no other handle newer than the mark is referenced any more, e.g.
 * between iterations of a loop. */
FEATHER_HOST(feather_host_scratch_release)
FeatherObj feather_host_scratch_release(FeatherInterp i, uint32_t mark, FeatherObj keep);

/* A handle to o's value that no release drops: it lives until the outermost
 * eval returns (the core caches such handles, e.g. for literal words). */
FEATHER_HOST(feather_host_pin)
FeatherObj feather_host_pin(FeatherInterp i, FeatherObj o);

/* ---------------------------------------------------------------- interp */

/* The result of an entry of feather.h (feather_interp_init, _script_eval,
 * _command_exec, _subst, _parse_status), handed to the host exactly once, as
 * the entry returns. Nested entries (a trace, a host command calling eval)
 * hand over their own result too: a host keeps the pending result of the
 * entry around them. Like every handle, result lives until the outermost
 * eval on the instance returns; a host that keeps it stores its value. */
FEATHER_HOST(feather_host_interp_set_result)
void feather_host_interp_set_result(FeatherInterp i, FeatherObj result);

/* Called every so many commands and loop iterations of a running eval:
 * 0 lets it go on; 1 stops it, *message being the error to raise (e.g. a
 * time or memory limit the embedder set), with errorCode TCL LIMIT; 2 and 3
 * stop it the same way with errorCode TCL LIMIT TIME and TCL LIMIT MEMORY.
 * A stopped eval unwinds to the outermost eval: catch and try do not catch
 * that error. *message is 0 on entry, except when the core, deeply nested,
 * asks only whether the host's native stack (the engine's, holding the WASM
 * frames) has room for another level: then it is FEATHER_POLL_STACK, and the
 * answer is 0 (room) or FEATHER_POLL_NO_STACK (the core raises its nesting
 * error, an ordinary Tcl error). */
#define FEATHER_POLL_STACK 1
#define FEATHER_POLL_NO_STACK 4
FEATHER_HOST(feather_host_interp_poll)
int32_t feather_host_interp_poll(FeatherInterp i, FeatherObj *message);

/* The interp's nesting limit (Tcl's interp recursionlimit, default 1000). */
FEATHER_HOST(feather_host_interp_limit)
int32_t feather_host_interp_limit(FeatherInterp i);

#endif /* FEATHER_HOST_H */
