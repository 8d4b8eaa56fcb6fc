# Traces: trace add/remove/info on variables (read write unset array),
# commands (rename delete) and execution (enter leave enterstep leavestep),
# their callbacks' arguments, order and errors.
# case: exec-enter-basic
proc tr {args} {puts "TR $args"}
proc foo {a} {return [expr {$a * 2}]}
trace add execution foo enter tr
foo 4
# case: exec-leave-basic
proc tr {args} {puts "TR $args"}
proc foo {a} {return [expr {$a * 2}]}
trace add execution foo leave tr
foo 4
# case: exec-enter-leave-result-kept
proc tr {args} {puts "TR $args"}
proc foo {} {return 7}
trace add execution foo {enter leave} tr
list [foo] [foo]
# case: exec-info-single
proc foo {} {}
trace add execution foo enter {puts hi}
trace info execution foo
# case: exec-info-ops-canonical
proc foo {} {}
trace add execution foo {leavestep enter leave enterstep} x
trace info execution foo
# case: exec-info-duplicate-ops
proc foo {} {}
trace add execution foo {enter leave enter} x
trace info execution foo
# case: exec-info-newest-first
proc foo {} {}
trace add execution foo enter a
trace add execution foo leave b
trace add execution foo enterstep c
trace info execution foo
# case: exec-info-none
proc foo {} {}
trace info execution foo
# case: exec-info-builtin
trace add execution set enter x
trace info execution set
# case: exec-remove
proc foo {} {}
trace add execution foo {enter leave} x
trace add execution foo leave y
trace remove execution foo {leave enter} x
trace info execution foo
# case: exec-remove-ops-must-match
proc foo {} {}
trace add execution foo {enter leave} x
trace remove execution foo enter x
trace info execution foo
# case: exec-remove-nomatch
proc foo {} {}
trace add execution foo enter x
trace remove execution foo enter y
trace info execution foo
# case: exec-remove-stops-firing
proc tr {args} {puts "TR $args"}
proc foo {} {}
trace add execution foo enter tr
foo
trace remove execution foo enter tr
foo
puts done
# case: exec-remove-one-of-two-same
proc foo {} {}
trace add execution foo enter x
trace add execution foo enter x
trace remove execution foo enter x
trace info execution foo
# case: exec-bad-op
proc foo {} {}
trace add execution foo bogus x
# case: exec-bad-op-prefix
proc foo {} {}
trace add execution foo ent x
# case: exec-bad-op-ambiguous
proc foo {} {}
trace add execution foo le x
# case: exec-bad-op-enters
proc foo {} {}
trace add execution foo enters x
# case: exec-empty-ops
proc foo {} {}
trace add execution foo {} x
# case: exec-unknown-command
trace add execution nosuch enter x
# case: exec-remove-unknown-command
trace remove execution nosuch enter x
# case: exec-info-unknown-command
trace info execution nosuch
# case: exec-wrong-args-add
trace add execution foo enter
# case: exec-wrong-args-info
trace info execution
# case: exec-wrong-args-info-extra
proc foo {} {}
trace info execution foo bar
# case: exec-bad-ops-list
proc foo {} {}
trace add execution foo "\{" x
# case: exec-order-two-traces
proc tr {t args} {puts "$t $args"}
proc foo {} {return 1}
trace add execution foo {enter leave} {tr A}
trace add execution foo {enter leave} {tr B}
foo
# case: exec-order-three-traces
proc tr {t args} {puts "$t $args"}
proc foo {} {return 1}
trace add execution foo {enter leave} {tr A}
trace add execution foo {enter leave} {tr B}
trace add execution foo {enter leave} {tr C}
set r [foo]
# case: exec-leave-sees-previous-callback-result
proc tr {t args} {puts "$t $args"; return "from$t"}
proc foo {} {return orig}
trace add execution foo leave {tr A}
trace add execution foo leave {tr B}
list [foo]
# case: exec-words-substituted
proc tr {args} {puts "TR $args"}
proc foo {args} {}
trace add execution foo enter tr
set x "a b"
foo $x [list c d] {e f} "g"
# case: exec-words-expanded
proc tr {args} {puts "TR $args"}
proc foo {args} {}
trace add execution foo enter tr
foo {*}{1 2 3}
# case: exec-words-empty-arg
proc tr {args} {puts "TR $args"}
proc foo {args} {}
trace add execution foo {enter leave} tr
foo {} x
# case: exec-trace-on-builtin-set
proc tr {args} {puts "TR $args"}
trace add execution set {enter leave} tr
set a 5
trace remove execution set {enter leave} tr
set a
# case: exec-trace-on-builtin-error
proc tr {args} {puts "TR $args"}
trace add execution llength {enter leave} tr
catch {llength a b} m
trace remove execution llength {enter leave} tr
set m
# case: exec-leave-error-code
proc tr {args} {puts "TR $args"}
proc err {} {error oops}
trace add execution err {enter leave} tr
catch err m
set m
# case: exec-leave-break-code
proc tr {args} {puts "TR $args"}
proc q {} {return -code break}
trace add execution q leave tr
catch q
# case: exec-leave-continue-code
proc tr {args} {puts "TR $args"}
proc q {} {return -code continue}
trace add execution q leave tr
foreach i {1 2} {q}
# case: exec-leave-return-code
proc tr {args} {puts "TR $args"}
proc q {} {return -code return 5}
proc w {} {q; return no}
trace add execution q leave tr
w
# case: exec-leave-custom-code
proc tr {args} {puts "TR $args"}
proc q {} {return -code 7 x}
trace add execution q leave tr
catch q r
list $r
# case: exec-enter-error
proc bar {x} {puts ran; return $x}
trace add execution bar enter {error enterfail;#}
list [catch {bar 1} m] $m
# case: exec-enter-error-errorinfo
proc bar {x} {return $x}
trace add execution bar enter {error enterfail;#}
catch {bar 1}
set ::errorInfo
# case: exec-enter-error-in-proc-errorinfo
proc p {} {bar 1}
proc bar {x} {return $x}
trace add execution bar enter {error enterfail;#}
catch p
set ::errorInfo
# case: exec-leave-error
proc bar {x} {puts ran; return $x}
trace add execution bar leave {error leavefail;#}
list [catch {bar 1} m] $m
# case: exec-leave-error-errorinfo
proc p {} {bar 1}
proc bar {x} {return $x}
trace add execution bar leave {error lf;#}
catch p
list $::errorInfo $::errorCode
# case: exec-leave-error-stops-others
proc tr {t args} {puts "$t $args"}
proc bar {} {return 1}
trace add execution bar leave {tr A}
trace add execution bar leave {error stop;#}
trace add execution bar leave {tr C}
list [catch bar m] $m
# case: exec-enter-error-stops-others
proc tr {t args} {puts "$t $args"}
proc bar {} {puts body}
trace add execution bar enter {tr A}
trace add execution bar enter {error stop;#}
trace add execution bar enter {tr C}
list [catch bar m] $m
# case: exec-enter-break-code
proc foo {} {return 1}
trace add execution foo enter {return -code break;#}
list [catch foo m] $m
# case: exec-leave-continue-from-trace
proc foo {} {return 1}
trace add execution foo leave {return -code continue;#}
list [catch foo m] $m
# case: exec-enter-deletes-command
proc foo {} {return 1}
trace add execution foo enter {rename foo {};#}
list [catch foo m] $m
# case: exec-enter-redefines-command
proc foo {} {return old}
trace add execution foo enter {proc foo {} {return new};#}
list [foo] [foo]
# case: exec-survives-rename
proc tr {args} {puts "TR $args"}
proc foo {} {return 1}
trace add execution foo enter tr
rename foo bar
bar
trace info execution bar
# case: exec-rename-old-name-gone
proc foo {} {return 1}
trace add execution foo enter x
rename foo bar
list [catch {trace info execution foo} m] $m
# case: exec-removed-on-delete
proc foo {} {return 1}
trace add execution foo enter x
rename foo {}
proc foo {} {return 2}
trace info execution foo
# case: exec-removed-on-redefine
proc foo {} {return 1}
trace add execution foo enter x
proc foo {} {return 2}
trace info execution foo
# case: exec-namespace-proc
proc tr {args} {puts "TR $args"}
namespace eval ns {proc foo {x} {return $x}}
trace add execution ns::foo {enter leave} tr
ns::foo 3
namespace eval ns {foo 4}
# case: exec-qualified-info
namespace eval ns {proc foo {} {}}
trace add execution ::ns::foo enter x
trace info execution ns::foo
# case: exec-callback-level
proc tr {args} {puts "level [info level]"}
proc foo {} {return 1}
proc caller {} {foo}
trace add execution foo {enter leave} tr
caller
# case: exec-callback-sees-caller-vars
proc tr {args} {upvar 1 v v; puts "v=$v"}
proc foo {} {return 1}
proc caller {} {set v local; foo}
trace add execution foo enter tr
caller
# case: exec-callback-global
proc foo {} {return 1}
trace add execution foo enter {lappend ::log}
foo; foo
set ::log
# case: exec-callback-recursion-guard
proc tr {args} {puts "TR $args"; foo}
proc foo {} {return 1}
trace add execution foo enter tr
foo
# case: exec-callback-other-trace-fires
proc tr {t args} {puts "$t $args"}
proc foo {} {return 1}
proc h {} {foo}
trace add execution foo {enter leave} {tr A}
trace add execution foo enter {h;#}
foo
# case: exec-step-basic
proc tr {args} {puts "TR $args"}
proc foo {a} {set x [expr {$a+1}]; return $x}
trace add execution foo {enterstep leavestep} tr
foo 1
# case: exec-step-nested-proc
proc tr {args} {puts "TR $args"}
proc bar {y} {incr y}
proc foo {} {bar 1}
trace add execution foo enterstep tr
foo
# case: exec-step-and-enter
proc tr {args} {puts "TR $args"}
proc foo {a {b 2}} {set x [expr {$a+$b}]; return $x}
trace add execution foo {enter leave enterstep leavestep} tr
foo 5 6
# case: exec-step-only-enterstep
proc tr {args} {puts "TR $args"}
proc foo {} {set a 1; set b 2}
trace add execution foo enterstep tr
foo
# case: exec-step-only-leavestep
proc tr {args} {puts "TR $args"}
proc foo {} {set a 1; set b 2}
trace add execution foo leavestep tr
foo
# case: exec-step-not-for-callbacks
proc tr {args} {puts "TR $args"; set z 1}
proc foo {} {list 1}
trace add execution foo enterstep tr
foo
# case: exec-step-two-levels
proc tr {t args} {puts "$t $args"}
proc k {} {list 1}
proc m {} {k}
trace add execution k {enterstep leavestep} {tr K}
trace add execution m {enterstep} {tr M}
m
# case: exec-step-error
proc foo {} {set a 1; set b 2}
trace add execution foo enterstep {error es;#}
list [catch foo m] $m $::errorInfo
# case: exec-step-leave-error
proc foo {} {set a 1; set b 2}
trace add execution foo leavestep {error ls;#}
list [catch foo m] $m $::errorInfo
# case: exec-step-error-inside
proc tr {args} {puts "TR $args"}
proc foo {} {set a 1; error bad; set b 2}
trace add execution foo {enterstep leavestep} tr
catch foo m
set m
# case: exec-step-loop
proc tr {args} {puts "TR $args"}
proc foo {} {foreach i {1 2} {set x $i}}
trace add execution foo enterstep tr
foo
# case: exec-step-removed-after
proc tr {args} {puts "TR $args"}
proc foo {} {set a 1}
trace add execution foo enterstep tr
foo
trace remove execution foo enterstep tr
foo
puts end
# case: exec-step-return-code
proc tr {args} {puts "TR $args"}
proc foo {} {return 11}
trace add execution foo leavestep tr
foo
# case: exec-step-brackets
proc tr {args} {puts "TR $args"}
proc foo {} {set a [llength [list x y]]}
trace add execution foo enterstep tr
foo
# case: exec-apply-in-traced
proc tr {args} {puts "TR $args"}
proc foo {} {apply {{x} {return $x}} 3}
trace add execution foo {enter leave} tr
foo
# case: exec-trace-uplevel
proc tr {args} {puts "TR $args"}
proc foo {} {uplevel 1 {set q 1}}
trace add execution foo leave tr
foo
set q
# case: exec-trace-with-catch-inside
proc tr {args} {puts "TR $args"}
proc foo {} {catch {error x}; return ok}
trace add execution foo {enter leave} tr
foo
# case: exec-leave-after-error-keeps-errorinfo
proc foo {} {error deep}
trace add execution foo leave {set ::seen 1;#}
catch foo m
list $m $::seen [string range $::errorInfo 0 3]
# case: exec-leave-after-error-catching-callback
proc foo {} {error deep}
trace add execution foo leave {catch {error inner};#}
list [catch foo m] $m $::errorInfo
# case: exec-trace-info-after-remove-all
proc foo {} {}
trace add execution foo enter x
trace remove execution foo enter x
trace info execution foo
# case: exec-leave-trace-unsets-result-var
proc foo {} {return 5}
trace add execution foo leave {set ::r done;#}
set x [foo]
list $x $::r
# case: exec-trace-on-proc-called-many
proc foo {i} {return $i}
trace add execution foo leave {apply {{c code r op} {lappend ::log $r}}}
for {set i 0} {$i < 5} {incr i} {foo $i}
set ::log
# case: exec-enter-callback-args-quoted
proc tr {cmd op} {puts [list [llength $cmd] $op]}
proc foo {args} {}
trace add execution foo enter tr
foo "a b" \{ "c\"d"
# case: exec-trace-add-wrong-type
trace add foo bar enter x
# case: exec-trace-bad-option
trace bogus execution foo
# case: exec-trace-wrong-args
trace
# case: exec-trace-add-no-type
trace add
# case: cmd-trace-rename
proc tr {args} {puts "TR $args"}
proc foo {} {}
trace add command foo rename tr
rename foo bar
# case: cmd-trace-delete
proc tr {args} {puts "TR $args"}
proc foo {} {}
trace add command foo delete tr
rename foo {}
# case: cmd-trace-info
proc foo {} {}
trace add command foo {delete rename} x
trace add command foo delete y
trace info command foo
# case: cmd-trace-bad-op
proc foo {} {}
trace add command foo d x
# case: cmd-trace-unknown
trace add command nosuch delete x
# case: cmd-trace-info-unknown
trace info command nosuch
# case: cmd-trace-remove-unknown
trace remove command nosuch delete x
# case: cmd-trace-empty-ops
proc foo {} {}
trace add command foo {} x
# case: var-trace-bad-op-prefix
trace add variable v w x
# case: var-trace-bad-op
trace add variable v bogus x
# case: var-trace-empty-ops
trace add variable v {} x
# case: var-trace-info-none
trace info variable nosuchv
# case: var-trace-remove-none
trace remove variable nosuchv write x
# case: var-trace-info-order
trace add variable v {unset write read array} x
trace add variable v write y
trace info variable v
# case: var-write-unsets
proc t {n1 n2 op} {unset ::d1}
trace add variable ::d1 write t
list [set ::d1 5] [info exists ::d1]
# case: var-read-unsets
proc tr {n1 n2 op} {unset ::d2}
set ::d2 1
trace add variable ::d2 read tr
list [catch {set ::d2} m] $m
# case: var-read-unsets-local
proc p {} {set v 1; trace add variable v read {unset v;#}; catch {set v} m; set m}
p
# case: var-write-unset-element
proc t {n1 n2 op} {unset ::arr($n2)}
trace add variable ::arr write t
list [set ::arr(k) 5] [array names ::arr]
# case: var-read-element-unsets
array set a {x 1}
trace add variable a(x) read {unset a(x);#}
list [catch {set a(x)} m] $m
# case: var-unset-trace-args
proc tr {args} {puts "TR $args"}
set v 1
trace add variable v unset tr
unset v
# case: var-unset-array-element-traces
proc tr {args} {puts "TR $args"}
array set a {x 1 y 2}
trace add variable a unset tr
unset a(x)
unset a
# case: var-write-element-args
proc tr {args} {puts "TR $args"}
trace add variable a write tr
set a(k) v
array set a {m n}
# case: array-trace-exists
proc tr {args} {puts "TR $args"}
trace add variable a array tr
list [array exists a]
# case: array-trace-size
proc tr {args} {puts "TR $args"}
trace add variable a array tr
array set a {x 1 y 2}
array size a
# case: array-trace-names-get
proc tr {args} {puts "TR $args"}
trace add variable a array tr
array set a {x 1}
list [array names a] [array get a]
# case: array-trace-set-empty
proc tr {args} {puts "TR $args"}
trace add variable a array tr
array set a {}
array exists a
# case: array-trace-unset
proc tr {args} {puts "TR $args"}
array set a {x 1 y 2}
trace add variable a array tr
array unset a x
array names a
# case: array-trace-unset-all-removes
proc tr {args} {puts "TR $args"}
array set a {x 1}
trace add variable a array tr
array unset a
trace info variable a
# case: array-trace-statistics
array set a {x 1}
trace add variable a array {lappend ::ops}
catch {array statistics a}
set ::ops
# case: array-trace-scalar-no-fire
proc tr {args} {puts "TR $args"}
set b 1
trace add variable b array tr
list [array exists b] [array names b] [catch {array set b {q 1}} m] $m
# case: array-trace-error
trace add variable d array {error boom;#}
list [catch {array set d {a 1}} m] $m
# case: array-trace-error-each
trace add variable d array {error boom;#}
set r {}
foreach c {{array names d} {array exists d} {array get d} {array size d} {array unset d}} {
    lappend r [catch $c m] $m
}
set r
# case: array-trace-error-before-list-check
trace add variable d array {error boom;#}
list [catch {array set d {a}} m] $m
# case: array-trace-wrong-args-first
trace add variable d array {error boom;#}
list [catch {array names d a b c} m] $m
# case: array-trace-element-name-no-fire
trace add variable d array {error boom;#}
list [catch {array set d(x) {a 1}} m] $m
# case: array-trace-upvar-name
proc tr {args} {puts "TR $args"}
proc p {} {upvar #0 g loc; trace add variable loc array tr; array set loc {a 1}; array names loc}
p
# case: array-trace-qualified
proc tr {args} {puts "TR $args"}
trace add variable ::ns array tr
namespace eval zz {array set ::ns {a b}}
# case: array-trace-with-read
proc tr {args} {puts "TR $args"}
trace add variable f {array read} tr
array set f {a 1}
array get f
# case: array-trace-info-survives-set
trace add variable e array x
set e(1) 2
trace info variable e
# case: array-trace-unset-var-removes
trace add variable e array x
set e(1) 2
unset e
trace info variable e
# case: array-trace-undefined-fires
proc tr {args} {puts "TR $args"}
trace add variable u array tr
list [array size u] [array names u]
# case: array-trace-remove
proc tr {args} {puts "TR $args"}
trace add variable a array tr
trace remove variable a array tr
array set a {x 1}
array size a
# case: exec-trace-added-mid-loop
proc tr {args} {puts "TR $args"}
proc foo {i} {return $i}
foreach i {1 2 3} {foo $i; if {$i == 1} {trace add execution foo enter tr}}
# case: exec-trace-removed-mid-loop
proc tr {args} {puts "TR $args"}
proc foo {i} {return $i}
trace add execution foo enter tr
foreach i {1 2 3} {foo $i; if {$i == 2} {trace remove execution foo enter tr}}
# case: exec-callback-removes-itself
proc tr {args} {puts "TR $args"; trace remove execution foo {enter leave} tr}
proc foo {} {return 1}
trace add execution foo {enter leave} tr
foo
foo
trace info execution foo
# case: exec-callback-adds-another
proc tr {t args} {puts "$t $args"}
proc foo {} {return 1}
trace add execution foo enter {trace add execution foo leave {tr B};#}
foo
trace info execution foo
# case: exec-trace-renamed-builtin
proc tr {args} {puts "TR $args"}
rename llength ll
trace add execution ll {enter leave} tr
ll {a b c}
# case: exec-trace-in-namespace-eval
proc tr {args} {puts "TR $args"}
proc ::foo {} {return [namespace current]}
trace add execution foo leave tr
namespace eval ns {foo}
# case: exec-leave-error-result-is-message
proc tr {args} {puts "TR $args"}
proc foo {} {error "bad thing"}
trace add execution foo leave tr
catch foo
# case: exec-step-counts
proc foo {n} {for {set i 0} {$i < $n} {incr i} {}}
trace add execution foo enterstep {incr ::steps;#}
set ::steps 0
foo 3
set ::steps
# case: exec-trace-on-trace-command
proc tr {args} {puts "TR $args"}
proc foo {} {}
trace add execution trace enter tr
trace info execution foo
# case: exec-two-step-traces-same-command
proc tr {t args} {puts "$t $args"}
proc foo {} {list 1}
trace add execution foo enterstep {tr A}
trace add execution foo enterstep {tr B}
foo
# case: exec-enter-and-step-error-code
proc foo {} {list 1}
trace add execution foo enterstep {return -code error stepfail;#}
list [catch foo m] $m
# case: var-trace-unset-self-in-write-then-read
proc t {n1 n2 op} {unset ::d1}
trace add variable ::d1 write t
set ::d1 5
list [info exists ::d1] [trace info variable ::d1]
# case: var-write-trace-resets-value
proc t {n1 n2 op} {set ::v [string toupper $::v]}
trace add variable ::v write t
list [set ::v abc] $::v
# case: var-read-trace-sets-value
proc t {n1 n2 op} {set ::v fresh}
set ::v stale
trace add variable ::v read t
set ::v
# case: exec-step-recursion-once
proc foo {n} {if {$n > 0} {foo [expr {$n-1}]}}
trace add execution foo enterstep {apply {args {incr ::c}}}
set ::c 0
foo 3
set r $::c
set ::c 0
foo 10
list $r $::c
# case: exec-step-recursion-leavestep
proc foo {n} {if {$n > 0} {foo [expr {$n-1}]}}
trace add execution foo leavestep {apply {args {incr ::c}}}
set ::c 0
foo 4
set ::c
# case: exec-infinite-recursion-traced
proc foo {n} {foo [expr {$n+1}]}
trace add execution foo {enter leave enterstep leavestep} {set ::x;#}
set ::x 0
list [catch {foo 0} m] $m
# case: var-elem-read-trace
proc tr {args} {puts "TR $args"}
array set a {x 1 y 2}
trace add variable a(x) read tr
list $a(x) $a(y)
# case: var-whole-array-read-trace
proc tr {args} {puts "TR $args"}
array set a {x 1 y 2}
trace add variable a read tr
list $a(x) $a(y)
# case: var-whole-array-write-trace-each
proc tr {args} {puts "TR $args"}
trace add variable a write tr
array set a {x 1 y 2}
set a(z) 3
# case: var-elem-and-whole-order
proc tr {t args} {puts "$t $args"}
array set a {x 1}
trace add variable a read {tr whole}
trace add variable a(x) read {tr elem}
set a(x)
# case: var-multiple-traces-order
proc tr {t args} {puts "$t $args"}
trace add variable v write {tr A}
trace add variable v write {tr B}
trace add variable v write {tr C}
set v 1
# case: var-incr-traces
proc tr {args} {puts "TR $args"}
set v 1
trace add variable v {read write} tr
incr v
# case: var-append-traces
proc tr {args} {puts "TR $args"}
set v a
trace add variable v {read write} tr
append v b
# case: var-lappend-traces
proc tr {args} {puts "TR $args"}
set v a
trace add variable v {read write} tr
lappend v b
# case: var-trace-from-proc-global
proc tr {args} {puts "TR $args"}
trace add variable ::g write tr
proc p {} {global g; set g 1}
p
# case: var-trace-upvar-name
proc tr {args} {puts "TR $args"}
trace add variable v write tr
proc p {} {upvar 1 v loc; set loc 2}
p
# case: var-trace-namespace-var
proc tr {args} {puts "TR $args"}
namespace eval ns {variable x 1}
trace add variable ns::x {read write} tr
set ns::x 5
namespace eval ns {set x}
# case: var-write-trace-error-message
trace add variable v write {error nope;#}
list [catch {set v 1} m] $m [info exists v] $v
# case: var-read-trace-error-message
set v 1
trace add variable v read {error nope;#}
list [catch {set v} m] $m
# case: var-elem-write-trace-error-message
trace add variable a write {error nope;#}
list [catch {set a(k) 1} m] $m
# case: var-unset-trace-error-ignored
set v 1
trace add variable v unset {error nope;#}
list [catch {unset v} m] $m [info exists v]
# case: var-unset-nocomplain-trace
proc tr {args} {puts "TR $args"}
set v 1
trace add variable v unset tr
unset -nocomplain v
unset -nocomplain v
# case: var-proc-local-unset-on-return
proc tr {args} {puts "TR $args"}
proc p {} {set loc 1; trace add variable loc unset tr; return done}
p
# case: var-array-unset-element-traces
proc tr {args} {puts "TR $args"}
array set a {x 1 y 2}
trace add variable a(x) unset tr
trace add variable a unset tr
unset a
# case: var-trace-write-readonly-pattern
proc ro {n1 n2 op} {upvar 1 $n1 v; set v fixed}
set c fixed
trace add variable c write ro
set c other
set c
# case: var-trace-info-element
trace add variable a(x) write t1
trace add variable a write t2
list [trace info variable a(x)] [trace info variable a]
# case: var-trace-remove-element
trace add variable a(x) write t1
trace remove variable a(x) write t1
trace info variable a(x)
# case: var-trace-read-in-expr
proc tr {args} {puts "TR $args"}
set v 3
trace add variable v read tr
expr {$v * 2}
# case: var-trace-dict-set
proc tr {args} {puts "TR $args"}
set d {a 1}
trace add variable d {read write} tr
dict set d b 2
# case: var-trace-unset-during-array-get
array set a {x 1 y 2}
trace add variable a(x) read {unset a(x);#}
lsort [array get a]
# case: var-trace-array-op-args-element-defined
proc tr {args} {puts "TR $args"}
array set a {x 1}
trace add variable a {array write} tr
array set a {y 2}
# case: var-trace-write-op-name-qualified
proc tr {args} {puts "TR $args"}
trace add variable ::q write tr
set ::q 1
set q 2
# case: var-trace-append-lappend-traced-and-plain
proc tr {args} {lappend ::log [lrange $args 1 end]}
set ::log {}
set s a; set l {x}
append s b; lappend l y
trace add variable s write tr
trace add variable l {read write} tr
append s c; lappend l z
list $s $l $::log
# case: trace-append-fires-per-value
set log {}
proc tr {args} {global log s; lappend log $s; if {$s eq "xc"} {set s Q}}
set s x
trace add variable s write tr
append s c d
proc bad {args} {error boom}
set u a
trace add variable u write bad
list $log $s [catch {append u 1 2} m] $m $u [catch {append zz} m] $m [info exists zz]
