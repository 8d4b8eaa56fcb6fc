# Control flow and errors: if while for foreach lmap break continue return
# error catch eval uplevel subst try throw switch apply tailcall.
# case: control-try-ok-handler
try {set x 1} on ok {r} {list ok $r}
# case: control-try-error-handler
try {error boom} on error {m o} {list err $m [lindex $o 1]}
# case: control-try-trap
try {throw {A B} msg} trap {A} {m o} {list trapped $m}
# case: control-try-trap-order
try {throw {A B} msg} trap {A C} {m} {list no} trap {A B} {m} {list yes $m}
# case: control-try-finally-runs
catch {try {error x} finally {set fin 1}} m; list $m $fin
# case: control-try-finally-error-wins
try {error x} finally {error z}
# case: control-try-finally-keeps-result
try {set a 5} finally {set b 6}
# case: control-try-no-match
try {error x} on break {} {set r b}
# case: control-try-wrong-args
try
# case: control-try-on-wrong-args
try {} on
# case: control-try-bad-code
try {} on foo {} {}
# case: control-try-trap-wrong-args
try {} trap
# case: control-try-finally-wrong-args
try {} finally
# case: control-try-bad-handler
try {} foo
# case: control-try-fallthrough
try {error x} on break - on error {m} {set r "got $m"}
# case: control-try-handler-error
try {error x} on error {m} {error "y from $m"}
# case: control-try-return-in-proc
proc p {} {try {return 5} finally {set a 1}}; p
# case: control-try-trap-empty-pattern
try {error x} trap {} {m} {set m}
# case: control-try-continue-in-loop
set r {}; foreach i {1 2 3} {try {if {$i == 2} continue; lappend r $i} on continue {} {lappend r c}}; set r
# case: control-throw
throw {MY ERR} "the message"
# case: control-throw-caught
catch {throw {MY ERR} msg} m o; list $m $::errorCode
# case: control-throw-wrong-args
throw
# case: control-throw-empty-type
throw {} x
# case: control-switch-exact
switch b {a {set r 1} b {set r 2} default {set r 3}}
# case: control-switch-default
switch z {a {set r 1} default {set r d}}
# case: control-switch-glob
switch -glob abc {a* {set r g} default {set r d}}
# case: control-switch-fallthrough
switch b a - b {set r ab} default {set r d}
# case: control-switch-dashdash
switch -exact -- -x {-x {set r dash}}
# case: control-switch-no-match
switch z {a {set r 1}}
# case: control-switch-wrong-args
switch
# case: control-switch-one-arg
switch x
# case: control-switch-odd
switch x {a}
# case: control-switch-no-body
switch x {a -}
# case: control-switch-bad-option
switch -foo x {a b}
# case: control-switch-nocase
switch -nocase ABC {abc {set r yes}}
# case: control-switch-separate-words
switch c a {set r 1} c {set r 3}
# case: control-switch-default-not-last
switch default default {set r 1} a {set r 2}
# case: control-switch-error-in-arm
switch a {a {error inside}}
# case: control-apply-basic
apply {{a b} {expr {$a + $b}}} 1 2
# case: control-apply-ns
apply {{} {namespace current} ::tcl}
# case: control-apply-wrong-args
apply
# case: control-apply-bad-lambda
apply {a b c d}
# case: control-apply-too-few
apply {{a b} {}} 1
# case: control-apply-defaults-args
apply {{a {b 2} args} {list $a $b $args}} 1
# case: control-tailcall
proc t {} {tailcall set x 5}; t
# case: control-tailcall-outside
tailcall foo
# case: control-tailcall-frame
proc inner {} {info level}
proc outer {} {tailcall inner}
outer
# case: control-return-level-2
proc a {} {b; return notreached}
proc b {} {return -level 2 fromb}
a
# case: control-return-code-break-in-loop
proc brk {} {return -code break}
set n 0; while 1 {incr n; if {$n > 3} {brk}}; set n
# case: control-return-bad-code
return -code foo
# case: control-return-bad-level
return -level -1
# case: control-return-options-dict
catch {return -level 2 -code break x} m o; list $m $o
# case: control-catch-break
catch break m o; list $m $o
# case: control-catch-wrong-args
catch
# case: control-error-wrong-args
error
# case: control-error-info-arg
catch {error msg myinfo} m o; list $m $::errorInfo [dict get $o -errorinfo]
# case: control-break-args
break 1
# case: control-while-wrong-args
while
# case: control-for-wrong-args
for
# case: control-foreach-wrong-args
foreach
# case: control-foreach-empty-varlist
foreach {} {a} {}
# case: control-foreach-break
set r {}; foreach x {1 2 3 4} {if {$x == 3} break; lappend r $x}; set r
# case: control-lmap
lmap x {1 2 3} {string repeat a $x}
# case: control-lmap-continue
lmap x {1 2 3 4} {if {$x % 2} continue; set x}
# case: control-eval-error-info
catch {eval {error w}} m o; lindex $o end-2
# case: control-uplevel-error-info
catch {uplevel #0 {error w}} m o; lindex $o end-2
# case: control-uplevel-bad-level
uplevel 5 {set x 1}
# case: control-uplevel-wrong-args
uplevel
# case: control-subst-flags
set a 1; subst -nocommands {$a [set a] \n}
# case: control-subst-novariables
set a 1; subst -novariables {$a [set a]}
# case: control-subst-nobackslashes
subst -nobackslashes {a\tb}
# case: control-subst-bad-option
subst -foo x
# case: control-subst-wrong-args
subst
# case: control-subst-break
subst {a [break] b}
# case: control-subst-continue
subst {a [continue] b}
# case: control-if-no-expr
if
# case: control-if-then-no-script
if 1 then
# case: control-if-else-no-script
if 0 {} else
# case: control-if-elseif-no-expr
if 0 {} elseif
# case: control-if-implicit-else
if 0 {} {set r implicit}
# case: control-if-empty-result
if 0 {set r 1}
# case: control-nested-errorinfo
proc lvl3 {} {error deep}
proc lvl2 {} {lvl3}
proc lvl1 {} {lvl2}
catch lvl1 m o; lindex $o end-2
# case: control-apply-ns-relative-is-global
namespace eval a { namespace eval b {} }
namespace eval b {}
namespace eval a { apply {{} {namespace current} b} }
# case: control-apply-ns-relative-missing
namespace eval a { namespace eval b {} }
namespace eval a { list [catch {apply {{} {namespace current} b}} m] $m [namespace exists ::b] }
# case: control-apply-ns-missing-errorcode
list [catch {apply {{} {namespace current} nosuch}} m o] $m [dict get $o -errorcode] [namespace exists nosuch]
# case: control-apply-ns-qualified-forms
namespace eval a {}
list [apply {{} {namespace current} {}}] [apply {{} {namespace current} ::}] [apply {{} {namespace current} a::}] [apply {{} {namespace current} ::a::}] [apply {{} {namespace current} a}]
# case: control-uplevel-bad-level-top
list [catch {uplevel x y} m] $m [catch {uplevel 1 {set a}} m] $m [catch {uplevel -1 y} m] $m
# case: control-uplevel-level-only
proc p {} { list [catch {uplevel 1} m] $m [catch {uplevel #0} m] $m [catch {uplevel #x} m] $m }
list [p] [catch {uplevel 1} m] $m [catch {uplevel #0} m] $m
# case: control-uplevel-level-forms
proc p {} { uplevel +1 {set a 1}; uplevel 0x1 {set b 2}; uplevel { 1} {set c 3} }
p; list $a $b $c [catch {uplevel 4294967297 x} m] $m
# case: control-upvar-level-forms
proc inproc {args} { list [catch $args m] $m }
set r {}
foreach a {{x y z} {#x y z} {#0 y} {1 y} {#0 y z} {1 y z} {2 y z} {-1 y z} {0x1 y z} {+1 y z} {1 y z w} {#-1 y z}} {
    lappend r $a [catch [list upvar {*}$a] m] $m [inproc upvar {*}$a]
}
set r
# case: control-errorcode-levels-and-returns
proc ec {script} { catch {uplevel 1 $script} m o; list $m [dict get $o -errorcode] }
list [ec {uplevel #x y}] [ec {uplevel 5 y}] [ec {upvar #x y z}] [ec {upvar 2 y z}] [ec {return -level x}] [ec {return -code x}] [ec {tailcall}] [ec {throw {} x}]
# case: control-errorcode-integers
proc ec {script} { catch {uplevel 1 $script} m o; list $m [dict get $o -errorcode] }
set d {k x}
list [ec {time {} x}] [ec {set x 1.5; incr x}] [ec {set y 1; incr y abc}] [ec {dict incr d k}] [ec {lsort -integer {3 x 1}}] [ec {lsearch -exact -integer {1 2} x}] [ec {format %d 3.9}] [ec {format %x inf}]
# case: control-switch-option-words
proc sw {s} { set c [catch $s m o]; list $c $m [expr {$c == 1 ? [dict get $o -errorcode] : ""}] }
set r {}
foreach s {{switch -indexvar a b c} {switch -indexvar a b} {switch -glob -indexvar x a} {switch -regexp -regexp a {a {set r 1}}} {switch -exact -glob a {a {set r 1}}} {switch -exact -- -glob {-glob {set r 1}}} {switch -glob a b c} {switch -foo a b} {switch -foo a} {switch -nocase x} {switch -matchvar} {switch -regexp -indexvar x} {switch -glob --} {switch -glob -- a} {switch -nocase -nocase a {a {set r 1}}}} {
    lappend r [sw $s]
}
set r
# case: control-switch-errorcodes
proc sw {s} { set c [catch $s m o]; list $c $m [expr {$c == 1 ? [dict get $o -errorcode] : ""}] }
list [sw {switch a {a - b -}}] [sw {switch a b}] [sw {switch -matchvar m a {a {}}}] [sw {switch -bad a {a {}}}]
# case: control-try-clause-checks
proc tr {s} { set c [catch $s m o]; list $c $m [expr {$c == 1 ? [dict get $o -errorcode] : ""}] }
set r {}
foreach s {{try {set x 1} on error {} -} {try {set x 1} on error {} - finally {}} {try {set x 1} trap {} {} -} {try {error x} finally {} {}} {try {error x} finally a b c} {try {error x} on error {} {} finally} {try {set x 1} trap {} x} {try {error x} on error x} {try {error x} bogus} {try {set x 1} on error {} - on ok {} {set r fall}}} {
    lappend r [tr $s]
}
set r
# case: control-return-error-options
proc opts {s} { set c [catch $s m o]; list $c $m [dict get $o -code] [dict get $o -level] [dict get $o -errorcode] [expr {[dict exists $o -errorinfo] ? [dict get $o -errorinfo] : "-"}] }
list [opts {return -code error -errorinfo foo -errorcode {A B} msg}] [opts {return -code error msg}] [opts {return -errorinfo foo -code error msg}] [opts {return -options {-code error -errorcode X} y}]
# case: control-return-options-not-dict
list [catch {return -options {-code} y} m o] $m [dict get $o -errorcode] [catch {return -options x y} m] $m
# case: control-return-error-from-proc-errorinfo
proc p {} {return -code error msg}
proc q {} {return -code error -errorinfo foo msg}
proc r {} {return -code error -errorinfo {} msg}
proc s {} {return -level 2 -code error msg}
proc t {} {s}
set res {}
foreach c {p q r t} { catch $c m o; lappend res [dict get $o -errorinfo] }
set res
# case: control-return-error-errorinfo-nested
proc p {} {return -code error -errorinfo foo msg}
proc q {} {
    p
}
catch q m o; dict get $o -errorinfo
# case: control-tailcall-no-command
proc f {} {tailcall}; list [f] [info level]
# case: control-tailcall-resolves-in-proc-namespace
namespace eval n {proc f {} {tailcall g}; proc g {} {namespace current}}
proc g {} {return global}
namespace eval m {proc f {} {tailcall g}}
list [n::f] [m::f]
# case: control-tailcall-import-and-ensemble
namespace eval a {proc p {} {return a::p}; namespace export p}
namespace eval n {namespace import ::a::p; proc f {} {tailcall p}; proc h {} {tailcall string length abcd}}
list [n::f] [n::h]
# case: control-tailcall-error-errorinfo
proc f {} {tailcall nosuch}
proc g {} {tailcall error boom}
catch f m o; set r [list $m [dict get $o -errorinfo]]
catch g m o; lappend r $m [dict get $o -errorinfo]
# case: control-subst-return-value
proc p {} {set r [subst {a[return x]b}]; return "after $r"}
list [subst {a[return x]b}] [subst {a[return -code error x]b}] [subst {a[return -level 2 x]b}] [subst {a[return -code break x]b}] [subst {a[return -level 0 -code break x]b}] [p]
# case: control-apply-info-level-words
proc p {} {info level -1}
list [apply {{} {info level 0}}] [apply {{x args} {info level 0}} 1 2 3] [apply {{} {p}}] [apply {{} {info level}}]
# case: control-apply-formal-parameters
set r {}
foreach l {{{{}} {}} {{{a b c}} {}} {a(1) {}} {a::b {}} {{a a} {}}} {
    lappend r [catch {apply $l 1 2} m o] $m [dict get $o -errorcode]
}
set r
# case: control-apply-errorcodes
proc ec {s} { catch $s m o; list $m [dict get $o -errorcode] }
list [ec {apply {}}] [ec {apply "a \{"}] [ec {apply {{} {break}}}] [ec {apply {{} {continue}}}] [ec {proc p {} {break}; p}]
# case: control-empty-varlist-errorcodes
proc ec {s} { catch $s m o; list $m [dict get $o -errorcode] }
list [ec {foreach {} {1} {}}] [ec {lmap {} {1} {}}] [ec {foreach x {1} {} {2} {}}]
# case: control-return-any-word-pairs-are-options
set r {}
foreach s {{return a b} {return a b c} {return -code error a b c} {return a b c d e} {return -code error -errorcode X m} {return -errorinfo foo -code error m}} {
    lappend r [catch $s m o] $m [dict remove $o -errorline]
}
proc p {} {return x y z}
lappend r [p]
# case: control-tailcall-deep-self
proc loop {n} {if {$n == 0} {return done}; tailcall loop [expr {$n-1}]}
list [loop 100000] [info level]
# case: control-tailcall-deep-mutual
proc even {n} {if {$n == 0} {return even}; tailcall odd [expr {$n-1}]}
proc odd {n} {if {$n == 0} {return odd}; tailcall even [expr {$n-1}]}
list [even 100001] [odd 50000]
# case: control-tailcall-deep-accumulate
proc sum {n acc} {if {$n == 0} {return $acc}; tailcall sum [expr {$n-1}] [expr {$acc+$n}]}
sum 100000 0
# case: control-tailcall-chain-info-level
proc a {} {tailcall b 1}
proc b {x} {tailcall c $x 2}
proc c {x y} {list [info level] [info level 0] $x $y}
namespace eval n {proc f {} {tailcall g 3}; proc g {x} {list [info level 0] [namespace current]}}
list [a] [n::f]
# case: control-tailcall-to-builtin
proc p {n} {if {$n > 0} {tailcall p [expr {$n-1}]}; tailcall string repeat ab 3}
proc q {} {tailcall set ::tq 7}
list [p 1000] [q] $::tq
# case: control-tailcall-chain-errors
proc a {} {tailcall b}
proc b {} {tailcall error boom}
proc c {} {tailcall d 1}
proc d {x} {expr {1/0}}
proc e {} {tailcall f 1 2}
proc f {x} {return $x}
proc g {n} {if {$n == 0} {tailcall nosuch 1}; tailcall g [expr {$n-1}]}
set r {}
foreach cmd {a c e {g 500}} {
    catch $cmd m o
    lappend r $m [dict get $o -errorinfo] [dict get $o -errorcode]
}
set r
# case: control-tailcall-chain-return-codes
proc h {} {tailcall return -code break}
proc k {n} {if {$n == 0} {return -code error -errorcode {MY CODE} bad}; tailcall k [expr {$n-1}]}
proc m {n} {if {$n == 0} {tailcall return -level 0 ok}; tailcall m [expr {$n-1}]}
list [catch h r1] [catch {k 300} r2 o2] $r2 [dict get $o2 -errorcode] [m 300]
# case: control-tailcall-deep-in-loop
proc loop {n} {if {$n == 0} {return done}; tailcall loop [expr {$n-1}]}
set r {}
for {set i 0} {$i < 3} {incr i} {lappend r [loop 20000]}
set r
# case: control-tailcall-chain-traced
proc loop {n} {if {$n == 0} {return done}; tailcall loop [expr {$n-1}]}
set ::log {}
trace add execution loop enter {apply {{c o} {lappend ::log $c}}}
namespace eval n {proc f {} {tailcall string length}}
list [loop 3] $::log [catch n::f m] $m
# case: control-return-level0-extra-options-kept
proc p {} {return -level 0 x y z}
proc q {} {return -level 0 x y z; return w}
proc r {} {return -foo bar z}
set res {}
catch p m o; lappend res $m $o
catch q m o; lappend res $m $o
catch r m o; lappend res $m $o
catch {r; set a 1} m o; lappend res $m $o
catch {return -level 0 x y z} m o; lappend res $m $o
catch {set b 2} m o; lappend res $m $o
catch {catch {return -level 0 x y z} mm oo; set b 2} m o; lappend res $m $o
catch {if 1 {return -level 0 x y z}} m o; lappend res $m $o
catch {eval {return -level 0 x y z}} m o; lappend res $m $o
catch {return -level 0 x y z; break} m o; lappend res $m $o
catch {return -level 0 x y z; return -code 5 q} m o; lappend res $m $o
catch {return -level 0 x y z; return -a b q} m o; lappend res $m $o
catch {return -level 0 x y z; string length abc} m o; lappend res $m $o
catch {return -level 0 -code break x y z} m o; lappend res $m $o
set res
# case: control-return-level0-extra-options-errors
set res {}
catch {return -level 0 -code error -errorcode E x y z} m o; lappend res $m $o
catch {return -level 0 x y z; error foo} m o; lappend res $m $o
catch {return -level 0 x y z; expr {1/0}} m o; lappend res $m [dict get $o -code] [dict get $o -errorcode]
proc p {} {return -code error -foo bar -errorcode E msg}
proc p2 {} {return -code error -errorinfo II -foo bar msg}
catch p m o; lappend res $m $o
catch p2 m o; lappend res $m $o
set res
