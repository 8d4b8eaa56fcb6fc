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
