# Core language: parsing, substitution, variables, procs, control flow,
# errors. Each case runs in a fresh interpreter.
# case: core-set-get
set x hello
set y $x
# case: core-braces-literal
set x {a $b [c]}
# case: core-quotes-subst
set a 1; set x "a=$a [set a]"
# case: core-backslashes
list "\x41\u00e9\101\t|\n|" \{ \$ \\
# case: core-backslash-newline
set x [list a \
  b]
# case: core-comment
# a comment \
  continued
set x ok
# case: core-semicolons
set a 1; set b 2 ; set c 3;
# case: core-nested-brackets
set x [string length [list a [list b c]]]
# case: core-var-braced-name
set {a b} 5; set x ${a b}
# case: core-array-subst
set a(k) v; set i k; set x $a($i)
# case: core-expand
list {*}{a b} c {*}{}
# case: core-unknown-command
nosuchcmd a b
# case: core-missing-brace
set x {abc
# case: core-missing-quote
set x "abc
# case: core-missing-bracket
set x [set y
# case: core-extra-after-brace
set x {a}b
# case: core-extra-after-quote
set x "a"b
# case: core-dollar-alone
set x a$
# case: core-proc-basic
proc add {a b} {expr {$a + $b}}
add 2 3
# case: core-proc-defaults
proc f {a {b 2} args} {list $a $b $args}
list [f 1] [f 1 3] [f 1 3 4 5]
# case: core-proc-wrong-args
proc f {a {b 2} args} {}
f
# case: core-proc-too-many
proc g {a} {}
g 1 2
# case: core-proc-return
proc f {} {return early; set x late}
f
# case: core-recursion
proc fact {n} {if {$n <= 1} {return 1}; expr {$n * [fact [expr {$n - 1}]]}}
fact 10
# case: core-infinite-recursion
proc r {} {r}
r
# case: core-while-break
set i 0; while 1 {incr i; if {$i > 5} break}; set i
# case: core-for-continue
set s {}; for {set i 0} {$i < 6} {incr i} {if {$i % 2} continue; lappend s $i}; set s
# case: core-foreach-multi
set r {}; foreach {a b} {1 2 3 4 5} c {x y} {lappend r $a-$b-$c}; set r
# case: core-catch-codes
list [catch {error x}] [catch {return y}] [catch break] [catch continue] [catch {set a 1}]
# case: core-catch-vars
catch {error msg} r o; list $r [dict get $o -code]
# case: core-error-info
proc h {} {error inner}
catch {h} m o
dict get $o -errorinfo
# case: core-error-info-nested
proc h {} {
  set a 1
  if 1 {
     error x
  }
}
catch h m o
list [dict get $o -errorinfo] [dict get $o -errorline]
# case: core-errorcode
catch {error msg info {MY CODE}} m o; list $::errorCode [dict get $o -errorcode]
# case: core-return-options
catch {return -code error -errorcode {X Y} oops} m o; list $m $o
# case: core-upvar
proc inc {name} {upvar 1 $name v; incr v}
set n 5; inc n; set n
# case: core-global
set g 1; proc f {} {global g; incr g}; f; set g
# case: core-uplevel
proc f {} {uplevel 1 {set z 9}}; f; set z
# case: core-info-level
proc f {a} {info level 0}; f 1
# case: core-info-exists
set a 1; list [info exists a] [info exists nope]
# case: core-incr-string
set x " 12 "; incr x 3
# case: core-incr-bad
set x abc; incr x
# case: core-incr-wide-increments
set r {}
foreach d {1 -1 2147483647 -2147483648 2147483648 -2147483649 9223372036854775807 -9223372036854775808} {
  set x 5; lappend r [catch {incr x $d} m] $m
  set y 9223372036854775800; lappend r [catch {incr y $d} m] $m
}
array set a {k 1}; incr a(k) 4000000000; lappend r $a(k)
# case: core-canonical-integer-strings
set r {}
foreach v {5 -12 0 010 0x10 +5 { 5} -0 007 9223372036854775807 9223372036854775808} {
  set x $v; lappend r [catch {expr {$x + 1}} m] $m [catch {incr x} m] $m $v,
}
set r
# case: core-proc-arguments-bound
proc p {a {b 5} args} {list $a $b $args [lsort [info locals]]}
proc q {x y z} {list [p $x] [p $x $y] [p $x $y $z 1 2] [info level 0]}
q 1 2 3
# case: core-append
set s ab; append s cd ef; set s
# case: core-unset
set a 1; unset a; info exists a
# case: core-unset-missing
unset nope
# case: core-rename
proc f {} {return f}; rename f g; g
# case: core-rename-delete
proc f {} {}; rename f {}; info procs f
# case: core-redefine-in-loop
proc a {} {return A}; proc b {} {return b1}; set r {}
foreach k {1 2 3 4 5 6 7 8 9} {lappend r [a] [b]; if {$k == 4} {proc a {} {return B}}; if {$k == 5} {rename b c; proc b {} {return b2}}; if {$k == 7} {rename a {}; proc a {} {return C}}}
set r
# case: core-eval-new-scripts-in-long-loop
set r {}
for {set i 0} {$i < 200} {incr i} {set s [list lappend r $i]; eval $s; eval $s}
list [llength $r] [lrange $r 0 3] [lrange $r end-3 end]
# case: core-uplevel-new-scripts-in-long-loop
proc p {} {upvar 1 acc acc; foreach k {1 2 3 4 5 6 7 8} {set s "append acc $k,"; uplevel 1 $s; uplevel 1 $s}}
set acc {}; for {set i 0} {$i < 30} {incr i} {p}
list [string length $acc] [string range $acc end-15 end]
# case: core-command-shadowed-in-loop
namespace eval ns {proc f {} {return ns}}; proc f {} {return global}; set r {}
foreach k {1 2 3 4 5 6 7} {lappend r [namespace eval ns {f}] [f]; if {$k == 4} {proc ns::f {} {return ns2}}; if {$k == 5} {rename ns::f {}}}
set r
# case: core-subst
set a 1; subst {$a [set a] \t}
# case: core-eval-concat
eval set x {{a b}}
# case: core-puts
puts hello; puts -nonewline "a b"; puts stdout c
# case: core-read-array-as-scalar
set a(1) x; set a
# case: core-no-such-element
set a(1) x; set a(2)
# case: core-if-elseif
set x 5; if {$x < 3} {set r a} elseif {$x < 6} {set r b} else {set r c}
# case: core-if-no-script
if 1
# case: core-string-rep-of-list
set l [list a {b c} {}]; string length $l
# case: core-incr-past-64-bits
set x 9223372036854775807; incr x
# case: core-incr-big-increment
set y 5; incr y 99999999999999999999
# case: core-incr-big-value
set w 99999999999999999999; incr w -1
# case: core-incr-below-min
set n -9223372036854775808; incr n -1
# case: core-incr-new-var-big
incr newvar 99999999999999999999
# case: core-incr-bad-with-big
set b abc; incr b 99999999999999999999
# case: core-incr-array-element
set a(1) 5; incr a(1) 3; incr a(2); list $a(1) $a(2)
# case: core-index-end-plus-minus
list [lindex {a b c} end+-1] [lindex {a b c d} 0x1+1] [string index abcdef 0x2+-1] [lrange {a b c d e} 1+1 end-+1]
# case: core-index-wrap-and-octal
list [lindex {a b c} 0o1] [string range abcdef " 1" "end-1 "] [catch {lindex {a b} 08} m] $m
# case: core-index-bad-errorcode
list [catch {lindex {a b} 1+x} m] $m $errorCode
# case: core-glob-bracket-dash
list [string match {[a-]} a] [string match {[a-]} -] [string match {[a-]} b] [string match {x[a-]y} x-y] [lsearch -glob -all {a - b} {[a-]}]
# case: core-glob-backslash
list [string match {a\\} {a\\}] [string match {a\\} a] [string match \\ \\] [string match {\*} *] [string match {\*} x] [switch -glob -- {a\b} {a\\b} {set r bs} default {set r none}]
# case: core-glob-unclosed-bracket
list [string match {[ab} a] [string match {a[} a] [lsearch -glob {x [} {*\[}]
# case: core-glob-switch-nocase-unicode
list [switch -glob -nocase -- ÄBC {äb*} {set r yes} default {set r no}] [switch -glob -nocase -- ab {[A-Z]b} {set r range} default {set r no}]
# case: core-glob-info-and-array-names
proc a-1 {} {}; proc b2 {} {}; array set arr {a- 1 b 2 a\\ 3}
list [lsort [info procs {[a-]*}]] [lsort [array names arr {a[-\\]}]]
# case: core-errorcode-lookup-index
list [catch {lsort -foo {a}} m] $errorCode [catch {subst -foo x} m] $errorCode [catch {try {} foo x {}} m] $errorCode
# case: core-errorcode-lookup-subcommand
list [catch {array foo} m] $errorCode [catch {dict foo} m] $errorCode [catch {string foo} m] $errorCode
# case: core-errorcode-value-integer
set x 1; set d {k v}
list [catch {incr x abc} m] $errorCode [catch {info level x} m] $errorCode [catch {time {} x} m] $errorCode [catch {dict incr d k} m] $errorCode
# case: core-index-regexp-start
list [regexp -inline -start end-+1 . abcd] [regexp -inline -start " 2" . abcd] [regsub -start 0x1+1 . abcd X] [catch {regexp -start 1x . a} m] $m $errorCode [catch {regexp -start 4294967297 . abcd} m] $m
# case: core-incr-big-value-default
set x 99999999999999999999999; list [incr x] [incr x -1] $x
# case: core-incr-big-negative-value
set x -9223372036854775808; incr x -1
# case: core-info-exists-array
set a(1) 1
array set e {}
proc p {} {upvar a b; info exists b}
list [info exists a] [info exists a(1)] [info exists a(2)] [info exists e] [p]
# case: core-info-default-array-target
proc p {a {b 2}} {}
set v(1) 1
list [catch {info default p b v} m] $m
# case: core-info-prefix-usage
list [catch {info a} m] $m [catch {info d p} m] $m [catch {info bo} m] $m
# case: core-info-script-coroutine
list [info script] [info script x] [catch {info script a b} m] $m [info coroutine] [catch {info coroutine x} m] $m
# case: core-info-errorcodes
proc ec {s} { catch $s m o; list $m [dict get $o -errorcode] }
proc p {a} {}
list [ec {info args nosuch}] [ec {info body list}] [ec {info default p z v}] [ec {info level 5}] [ec {info level -1}] [ec {info foo}]
# case: core-incr-element-of-scalar
set a 1
list [catch {incr a(1)} m o] $m [dict get $o -errorcode] [catch {incr a(1) 2} m] $m
# case: core-incr-array-and-namespace
array set a {}
list [catch {incr a} m o] $m [dict get $o -errorcode] [catch {incr ::nosuchns::x} m o] $m [dict get $o -errorcode]
# case: core-var-errorcodes
proc ec {s} { catch $s m o; list $m [dict get $o -errorcode] }
array set a {}
set b 1
list [ec {set a}] [ec {set a 1}] [ec {set b(1)}] [ec {set b(1) 2}] [ec {set ::nons::x 1}] [ec {unset b(1)}] [ec {append b(1) x}] [ec {lappend a x}]
# case: core-trace-command-unknown
proc cb args {}
proc ec {s} { set c [catch $s m o]; list $c $m [dict get $o -errorcode] }
list [ec {trace info command nosuch}] [ec {trace remove command nosuch rename cb}] [ec {trace add command nosuch rename cb}]
# case: core-if-checks-words-after-chosen-branch
set r {}
foreach s {{if 1 {set a 1} elseif {bad expr} {set b 2}} {if 1 {set a 1} elseif x} {if 1 {set a 1} elseif x then} {if 1 {set a 1} elseif x then y z} {if 1 {set a 1} foo} {if 1 {set a 1} else {} x} {if 1 then} {if 0 {} elseif 1 {set c 3} else} {if 1 {set e 5} {set f 6}} {if 0 {set e 5} x {set f 6}} {if 1 {set g 1} else}} {
    lappend r [catch $s m o] $m [dict get $o -errorcode]
}
lappend r [info exists g]
# case: core-proc-formal-parameters
set r {}
foreach a {{{}} {{a b c}} {a(1)} {a::b} {x {y(z) 1}} {::a} {a)} {a(}} {
    lappend r [catch {proc p $a {}} m o] $m [dict get $o -errorcode]
}
set r
# case: core-rename-errorcodes
proc p {} {}
proc q {} {}
list [catch {rename nosuch x} m o] $m [dict get $o -errorcode] [catch {rename p q} m o] $m [dict get $o -errorcode]
# case: core-upvar-local-name-checks
proc ec {s} { catch {uplevel 1 $s} m o; list $m [dict get $o -errorcode] }
proc p1 {} {ec {upvar 0 x x}}
proc p2 {} {ec {upvar x y(1)}}
proc p3 {} {ec {global x(1)}}
proc p4 {} {set y 1; ec {upvar x y}}
proc p5 {} {upvar 1 w w; set w 5}
list [p1] [p2] [p3] [p4] [p5] $w
# case: core-array-set-element-errorcode
list [catch {array set a(1) {x 1}} m o] $m [dict get $o -errorcode]
# case: core-trace-operations-exact
proc cb args {}
set r {}
foreach s {{trace add variable x wr cb} {trace add command cb ren cb} {trace add variable x {write re} cb} {trace remove variable x w cb} {trace add variable x {} cb}} {
    lappend r [catch $s m o] $m
}
set r
# case: core-trace-unset-locals-at-return
proc cb {args} {lappend ::log $args [info level]}
proc p {} {set y 1; array set a {1 x}; trace add variable y unset cb; trace add variable a unset cb; return ok}
list [p] $log
# case: core-trace-unset-locals-links-and-errors
proc cb {args} {lappend ::log $args; set ::q [catch {error inner}]}
set g 1
trace add variable g unset cb
proc p {} {upvar g y; global g; set z 1; trace add variable z unset cb; error outer}
list [catch p m o] $m [dict get $o -errorinfo] $log [info exists g]
# case: core-trace-unset-locals-recursive-and-tailcall
proc cb {args} {lappend ::log $args}
proc p {n} {set y $n; trace add variable y unset cb; if {$n > 0} {p [expr {$n-1}]}; return $n}
proc t {} {set y 1; trace add variable y unset cb; tailcall set ::z 5}
list [p 2] [t] $log
# case: core-upvar-cycle-refused
proc ec {s} {list [catch {uplevel 1 $s} m o] $m [dict get [dict merge {-errorcode -} $o] -errorcode]}
proc p {} {upvar 0 a b; upvar 0 b a}
proc p1 {} {upvar 0 a b; upvar 0 a b; set b 3; set a}
proc p2 {} {upvar 0 ::g1 b; upvar 0 b ::g1}
list [ec {upvar 0 a b; upvar 0 b a}] [ec {upvar 0 x y; upvar 0 y z; upvar 0 z x}] [ec p] [ec p1] [ec p2]
# case: core-upvar-cycle-namespace-upvar
proc ec {s} {list [catch {uplevel 1 $s} m o] $m [dict get [dict merge {-errorcode -} $o] -errorcode]}
namespace eval ns1 {}
list [ec {namespace upvar :: d e; namespace upvar :: e d}] [ec {namespace upvar ns1 v w; upvar 0 w ::ns1::v}]
# case: core-upvar-global-missing-namespace-names-target
proc ec {s} {list [catch {uplevel 1 $s} m o] $m [dict get [dict merge {-errorcode -} $o] -errorcode]}
namespace eval ex {variable v 1}
set r {}
foreach s {{upvar 0 ::nons::v lv} {global ::nons::v} {upvar 0 nons::v lv} {upvar 0 v nons::lv} {upvar 0 ::nons::v ::nons2::lv} {upvar 0 ::ex::v nons::lv} {upvar 0 ::nons::a(x::y) lv} {upvar #0 ::nons::v lv} {upvar 0 ::nons:: lv}} { lappend r [ec $s] }
proc p4 {} {upvar 0 ::nons::v lv}
proc p5 {} {global ::nons::v}
proc p5b {} {global nons::v}
proc p6 {} {upvar ::nons::v lv}
proc p7 {} {upvar 1 nons::v lv}
proc p8 {} {upvar 1 v nons::lv}
proc p9 {} {global ::nons::x::v}
foreach s {p4 p5 p5b p6 p7 p8 p9} { lappend r [ec $s] }
set r
# case: core-proc-repeated-parameter-first-wins
proc dup {a a} {return $a}
proc dup3 {a b a} {list $a $b}
proc dupd {a {a 5}} {return $a}
list [dup 1 2] [dup3 1 2 3] [dupd 1] [dupd 1 2] [info args dup]
