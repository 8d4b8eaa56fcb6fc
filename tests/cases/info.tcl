# Introspection: info errorstack, -errorstack, info functions, info frame.
# case: errorstack-nested-procs
proc a {x} {b [expr {$x+1}]}
proc b {y} {c $y}
proc c {z} {error "bad $z"}
catch {a 1} m o
dict get $o -errorstack
# case: errorstack-info-after-catch
proc a {x} {b [expr {$x+1}]}
proc b {y} {c $y}
proc c {z} {error "bad $z"}
catch {a 1}
info errorstack
# case: errorstack-apply
catch {apply {{q} {error boom}} 5} m o
dict get $o -errorstack
# case: errorstack-top-error
catch {error top} m o
dict get $o -errorstack
# case: errorstack-options-keys
catch {error top} m o
dict keys $o
# case: errorstack-ok-has-none
catch {set x 1} m o
set o
# case: errorstack-return-errorstack-ok
catch {return -errorstack {a b} foo} m o
set o
# case: errorstack-return-explicit
proc f {} {return -code error -errorstack {x y} zz}
catch f m o
dict get $o -errorstack
# case: errorstack-return-code-error
proc x {} {return -code error zz}
catch x m o
dict get $o -errorstack
# case: errorstack-try
proc a {x} {b [expr {$x+1}]}
proc b {y} {c $y}
proc c {z} {error "bad $z"}
try {a 3} on error {m o} {dict get $o -errorstack}
# case: errorstack-info-keeps-last
proc c {z} {error "bad $z"}
catch {c 1}
catch {set x 1}
info errorstack
# case: errorstack-info-wrong-args
info errorstack x y
# case: errorstack-info-bad-interp
info errorstack nosuchinterp
# case: errorstack-info-empty-interp
catch {error q}
info errorstack {}
# case: errorstack-caught-inside-proc
proc c {z} {error "bad $z"}
proc g {} {c 1}
proc h {} {catch g; error again}
catch h m o
dict get $o -errorstack
# case: errorstack-uplevel
proc i {} {uplevel 1 {error up}}
catch i m o
dict get $o -errorstack
# case: errorstack-eval-top
catch {eval {error ev}} m o
dict get $o -errorstack
# case: errorstack-unknown-command
proc k {} {nosuchcmd 1 2}
catch k m o
dict get $o -errorstack
# case: errorstack-throw
proc l {} {throw {A B} msg}
catch l m o
dict get $o -errorstack
# case: errorstack-error-with-info
proc n {} {error msg info code}
catch n m o
dict get $o -errorstack
# case: errorstack-error-with-code
proc x {} {error msg {} CODE}
catch x m o
dict get $o -errorstack
# case: errorstack-wrong-args-builtin
proc x {} {lindex}
catch x m o
dict get $o -errorstack
# case: errorstack-llength-args
proc x {} {llength {a b} c}
catch x m o
dict get $o -errorstack
# case: errorstack-error-in-bracket
proc x {} {list [error inner]}
catch x m o
dict get $o -errorstack
# case: errorstack-caught-in-outer-proc
proc x {} {error e1}
proc t {} {catch x m o; dict get $o -errorstack}
t
# case: errorstack-caught-in-outer-proc-args
proc x {a} {error e1}
proc t {b} {catch {x $b} m o; dict get $o -errorstack}
t 42
# case: errorstack-throw-top
catch {throw {P Q} hello} m o
dict get $o -errorstack
# case: errorstack-deep-recursion
proc r {n} {if {$n == 0} {error bottom}; r [expr {$n-1}]}
catch {r 3} m o
dict get $o -errorstack
# case: errorstack-in-loop
proc x {i} {error "e$i"}
foreach i {1 2} {catch {x $i} m o}
dict get $o -errorstack
# case: errorstack-info-in-loop
proc x {i} {error "e$i"}
foreach i {1 2 3} {catch {x $i}}
info errorstack
# case: functions-sorted
lsort [info functions]
# case: functions-pattern
lsort [info functions s*]
# case: functions-pattern-exact
info functions abs
# case: functions-pattern-none
info functions zzz*
# case: functions-count
llength [info functions]
# case: functions-wrong-args
info functions a b
# case: functions-user-defined
proc tcl::mathfunc::foo {} {return 1}
lsort [info functions f*]
# case: functions-user-defined-in-expr
proc tcl::mathfunc::twice {x} {expr {2*$x}}
list [expr {twice(4)}] [expr {[lsearch -exact [info functions] twice] >= 0}]
# case: functions-pattern-question
lsort [info functions ?os*]
# case: frame-depth-top
info frame
# case: frame-depth-proc
proc p {} {info frame}
p
# case: frame-depth-nested
proc p {} {info frame}
proc pp {} {p}
pp
# case: frame-depth-eval-in-proc
proc pe {} {eval {info frame}}
pe
# case: frame-depth-if-in-proc
proc pi {} {if 1 {info frame}}
pi
# case: frame-depth-catch-in-proc
proc pc {} {catch {info frame} r; set r}
pc
# case: frame-depth-uplevel
proc pu {} {uplevel 1 {info frame}}
pu
# case: frame-depth-apply
proc pa {} {apply {{} {info frame}}}
pa
# case: frame-depth-namespace-eval
proc pn {} {namespace eval zz {info frame}}
pn
# case: frame-depth-top-eval
list [eval {info frame}] [if 1 {info frame}] [uplevel 0 {info frame}] [subst {[info frame]}] [eval {eval {info frame}}]
# case: frame-depth-foreach-in-proc
proc pf {} {foreach x 1 {set r [info frame]}; set r}
pf
# case: frame-depth-while-in-proc
proc pw {} {set i 0; while {$i < 1} {incr i; set r [info frame]}; set r}
pw
# case: frame-bad-level
info frame 9
# case: frame-bad-level-negative
info frame -5
# case: frame-not-integer
info frame x
# case: frame-wrong-args
info frame 1 2
# case: frame-proc-key
proc u {} {dict get [info frame 0] proc}
u
# case: frame-proc-key-namespace
namespace eval zz {proc t {} {dict get [info frame 0] proc}}
zz::t
# case: frame-type-proc
proc u {} {dict get [info frame 0] type}
u
# case: frame-type-top
dict get [info frame 0] type
# case: frame-level-key
proc r {} {dict get [info frame -1] level}
r
# case: frame-caller-cmd
proc w {} {dict get [info frame -1] cmd}
w
# case: frame-keys
proc q {a} {lsort [dict keys [info frame 0]]}
q 1
# case: frame-zero-cmd
dict get [info frame 0] cmd
# case: locals-many-unset-reset
proc p {a b c d e f g h i} {
    set r [list [lsort [info locals]] $a $i]
    unset b e
    set j 10; set k 11
    lappend r [lsort [info locals]] [info exists b] [info exists k] $k
    set b again
    lappend r [lsort [info locals]] $b [llength [info locals]]
}
p 1 2 3 4 5 6 7 8 9
# case: locals-few-unset-reset
proc p {x y} {
    unset x
    set r [list [lsort [info locals]] [info exists x]]
    set x 3; set z 4
    lappend r [lsort [info locals]] $x $y $z
}
p 1 2
# case: locals-args-and-defaults
proc p {a {b 2} args} { list [lsort [info locals]] $a $b $args }
list [p 1] [p 1 5 6 7]
# case: info-level-words-nested
proc inner {x y} { list [info level 0] [info level 1] [info level] }
proc outer {a} { inner [expr {$a + 1}] "two words" }
outer 4
# case: local-unset-trace-fires-at-return-once-any-trace
proc tr {args} {lappend ::log $args}
proc plain {} { set v 1; return ok }
proc traced {} { set v 1; set w 2; trace add variable v unset tr; return ok }
set ::log {}
list [plain] [traced] [plain] [traced] $::log
