# The dict ensemble: every subcommand of Tcl 8.6, nested keys, string reps,
# loops with break/continue/return/error, the variable forms, and the error
# messages. Each case runs in a fresh interpreter.
# case: dict-no-args
dict
# case: dict-unknown-subcommand
dict foo
# case: dict-getdef-is-not-86
dict getdef {a 1} a
# case: dict-ambiguous-prefix
dict s {a 1}
# case: dict-prefix-get
dict g {a 1 b 2} b
# case: dict-prefix-wrong-args-full-name
dict g
# case: dict-prefix-ex
dict ex {a 1} a
# case: dict-create-empty
dict create
# case: dict-create-basic
dict create a 1 b 2 c 3
# case: dict-create-odd
dict create a
# case: dict-create-three
dict create a 1 b
# case: dict-create-duplicate-keys
dict create a 1 b 2 a 3
# case: dict-create-quoting
dict create {a b} {c d} "" x \{ \}
# case: dict-create-hash-key
dict create #a 1 #b 2
# case: dict-create-unicode
dict create \u00e9t\u00e9 summer \u4e2d middle
# case: dict-create-nested
dict create a [dict create b 1 c 2] d 3
# case: dict-create-empty-values
dict create a {} b ""
# case: dict-get-whole
dict get {a 1 b 2}
# case: dict-get-whole-normalizes
dict get {  a   1    b {2}  }
# case: dict-get-whole-duplicates
dict get {a 1 b 2 a 3}
# case: dict-get-whole-empty
dict get {}
# case: dict-get-key
dict get {a 1 b 2} b
# case: dict-get-missing
dict get {a 1 b 2} c
# case: dict-get-missing-errorcode
catch {dict get {a 1} zz} msg opts
dict get $opts -errorcode
# case: dict-get-wrong-args
dict get
# case: dict-get-nested
dict get {a {b {c deep}}} a b c
# case: dict-get-nested-partial
dict get {a {b {c deep}}} a b
# case: dict-get-nested-missing
dict get {a {b {c deep}}} a x c
# case: dict-get-nested-missing-last
dict get {a {b {c deep}}} a b x
# case: dict-get-nested-not-dict
dict get {a {b 1 c}} a b
# case: dict-get-nested-scalar
dict get {a 1} a b
# case: dict-get-odd
dict get {a 1 b} a
# case: dict-get-odd-errorcode
catch {dict get {a 1 b} a}
set errorCode
# case: dict-get-unmatched-brace
dict get "a \{b"
# case: dict-get-unmatched-brace-errorcode
catch {dict get "a \{b"}
set errorCode
# case: dict-get-brace-junk
dict get {a {b}c}
# case: dict-get-quote-junk
dict get {a "b"c}
# case: dict-get-unmatched-quote
dict get {a "b}
# case: dict-get-empty-key
dict get {{} empty a 1} {}
# case: dict-get-space-key
dict get {{a b} 1} {a b}
# case: dict-get-list-value
set l [list a 1 b 2]
dict get $l b
# case: dict-get-integer-keys
dict get {1 one 2 two} 2
# case: dict-get-key-by-string
dict get {01 x 1 y} 1
# case: dict-get-unicode-key
dict get [dict create \u00e9 acute] \u00e9
# case: dict-exists-yes
dict exists {a 1 b 2} a
# case: dict-exists-no
dict exists {a 1 b 2} c
# case: dict-exists-nested
dict exists {a {b {c 1}}} a b c
# case: dict-exists-nested-missing
dict exists {a {b {c 1}}} a x c
# case: dict-exists-nested-not-dict
dict exists {a {b 1 c}} a b c
# case: dict-exists-invalid-dict
dict exists {a} a
# case: dict-exists-bad-list
dict exists "a \{" a
# case: dict-exists-wrong-args
dict exists {a 1}
# case: dict-exists-no-args
dict exists
# case: dict-exists-empty-key
dict exists {{} 1} {}
# case: dict-size-basic
dict size {a 1 b 2 c 3}
# case: dict-size-empty
dict size {}
# case: dict-size-duplicates
dict size {a 1 a 2 a 3}
# case: dict-size-odd
dict size {a 1 b}
# case: dict-size-wrong-args
dict size
# case: dict-size-too-many
dict size {} {}
# case: dict-size-whitespace
dict size "\n a \t 1 \n"
# case: dict-keys-all
dict keys {a 1 b 2 c 3}
# case: dict-keys-duplicates
dict keys {a 1 b 2 a 3}
# case: dict-keys-pattern
dict keys {apple 1 banana 2 avocado 3} a*
# case: dict-keys-trivial-pattern
dict keys {apple 1 banana 2} banana
# case: dict-keys-trivial-missing
dict keys {apple 1 banana 2} cherry
# case: dict-keys-bracket-pattern
dict keys {a1 x b2 y a3 z} {[ab][13]}
# case: dict-keys-question
dict keys {ab 1 abc 2 a 3} a?
# case: dict-keys-escaped-star
dict keys {a* 1 ab 2} {a\*}
# case: dict-keys-empty
dict keys {}
# case: dict-keys-wrong-args
dict keys
# case: dict-keys-too-many
dict keys {a 1} a b
# case: dict-keys-invalid
dict keys {a 1 b}
# case: dict-keys-quoting
dict keys {{a b} 1 c 2}
# case: dict-values-all
dict values {a 1 b 2 c 3}
# case: dict-values-duplicates
dict values {a 1 b 2 a 3}
# case: dict-values-pattern
dict values {a x1 b y2 c x3} x*
# case: dict-values-trivial
dict values {a x b y c x} x
# case: dict-values-wrong-args
dict values
# case: dict-values-quoting
dict values {a {1 2} b {}}
# case: dict-values-empty
dict values {}
# case: dict-set-new-var
dict set d a 1
# case: dict-set-existing
set d {a 1 b 2}
dict set d b 3
# case: dict-set-add
set d {a 1}
dict set d b 2
set d
# case: dict-set-nested-create
dict set d a b c 1
# case: dict-set-nested-existing
set d {a {b 1 c 2} x y}
dict set d a c 3
# case: dict-set-nested-add
set d {a {b 1}}
dict set d a z 9
# case: dict-set-nested-not-dict
set d {a 1}
dict set d a b 2
# case: dict-set-nested-deep-not-dict
set x {a {b 1}}
dict set x a b c 2
# case: dict-set-invalid-var
set d {a 1 b}
dict set d a 2
# case: dict-set-wrong-args
dict set
# case: dict-set-wrong-args-two
dict set d a
# case: dict-set-array-var
set arr(1) x
dict set arr k v
# case: dict-set-array-element
set arr(x) {}
dict set arr(x) k v
set arr(x)
# case: dict-set-element-of-new-array
dict set arr(y) k v
array get arr
# case: dict-set-result-is-value
set d {}
set r [dict set d a 1]
list $r $d
# case: dict-set-normalizes
set d {a   1   b   2}
dict set d a 1
# case: dict-set-duplicates
set d {a 1 a 2}
dict set d b 3
# case: dict-set-keeps-order
set d {z 1 y 2 x 3}
dict set d y 20
# case: dict-set-empty-key
dict set d {} empty
# case: dict-set-namespace-var
namespace eval ns {variable d {a 1}}
dict set ns::d b 2
set ns::d
# case: dict-set-in-proc
proc p {} { set d {}; dict set d x 1; dict set d y 2; return $d }
p
# case: dict-set-upvar
proc p {name} { upvar 1 $name v; dict set v k [llength $v] }
set d {a 1}
p d
set d
# case: dict-set-loop
set d {}
foreach k {a b c a b} { dict set d $k [llength $d] }
set d
# case: dict-set-shares-nothing
set d1 {a {b 1}}
set d2 $d1
dict set d2 a b 2
list $d1 $d2
# case: dict-set-read-trace
set d {a 1}
trace add variable d read {apply {args {puts read}}}
dict set d b 2
# case: dict-set-write-trace
trace add variable d write {apply {{n1 n2 op} {upvar 1 $n1 v; puts "write $v"}}}
dict set d a 1
# case: dict-unset-basic
set d {a 1 b 2 c 3}
dict unset d b
# case: dict-unset-missing-key
set d {a 1}
dict unset d zz
# case: dict-unset-normalizes
set d {a   1}
dict unset d zz
# case: dict-unset-new-var
dict unset d a
# case: dict-unset-new-var-exists
dict unset d a
info exists d
# case: dict-unset-nested
set d {a {b 1 c 2}}
dict unset d a b
# case: dict-unset-nested-missing-last
set d {a {b 1}}
dict unset d a zz
# case: dict-unset-nested-missing-path
set d {a {b 1}}
dict unset d x b
# case: dict-unset-new-var-nested
dict unset z a b
# case: dict-unset-wrong-args
dict unset d
# case: dict-unset-invalid
set d {a}
dict unset d a
# case: dict-unset-array
set arr(1) 1
dict unset arr k
# case: dict-unset-all
set d {a 1}
dict unset d a
# case: dict-incr-new-key
set d {a 1}
dict incr d b
# case: dict-incr-existing
set d {a 1}
dict incr d a
# case: dict-incr-amount
set d {a 1}
dict incr d a 10
# case: dict-incr-negative
set d {a 1}
dict incr d a -5
# case: dict-incr-new-var
dict incr d a 3
# case: dict-incr-new-key-amount-kept-as-is
set d {}
dict incr d a 0x10
# case: dict-incr-existing-hex
set d {a 0x10}
dict incr d a
# case: dict-incr-not-integer
set d {a x}
dict incr d a
# case: dict-incr-double
set d {a 1.5}
dict incr d a
# case: dict-incr-bad-amount
set d {a 1}
dict incr d a x
# case: dict-incr-bad-amount-new-key
set d {}
dict incr d a x
# case: dict-incr-bad-amount-errorinfo
set d {a 1}
catch {dict incr d a x}
set errorInfo
# case: dict-incr-wrong-args
dict incr d
# case: dict-incr-too-many
dict incr d a 1 2
# case: dict-incr-invalid-dict
set d {a 1 b}
dict incr d a
# case: dict-incr-array
set arr(1) 1
dict incr arr k
# case: dict-incr-loop
set d {}
foreach w {a b a c a b} { dict incr d $w }
set d
# case: dict-incr-result-stored
set d {a 1}
dict incr d a
set d
# case: dict-incr-spaces-in-value
set d {a { 5 }}
dict incr d a
# case: dict-append-new-key
set d {a 1}
dict append d b x y
# case: dict-append-existing
set d {a hello}
dict append d a " " world
# case: dict-append-no-values
set d {a 1}
dict append d b
# case: dict-append-no-values-existing
set d {a 1}
dict append d a
# case: dict-append-new-var
dict append d k v
# case: dict-append-wrong-args
dict append d
# case: dict-append-invalid
set d {a}
dict append d a x
# case: dict-append-list-value
set d [dict create a [list x y]]
dict append d a { z}
dict get $d a
# case: dict-append-array
set arr(1) 1
dict append arr k v
# case: dict-lappend-new-key
set d {a 1}
dict lappend d b x y
# case: dict-lappend-existing
set d {a {x y}}
dict lappend d a z {w v}
# case: dict-lappend-no-values
set d {}
dict lappend d a
# case: dict-lappend-no-values-existing
set d {a {x y}}
dict lappend d a
# case: dict-lappend-bad-list
set d [list a "x \{"]
dict lappend d a b
# case: dict-lappend-bad-list-no-values
set d [list a "x \{"]
dict lappend d a
# case: dict-lappend-wrong-args
dict lappend d
# case: dict-lappend-new-var
dict lappend d k a b
# case: dict-lappend-array
set arr(1) 1
dict lappend arr k v
# case: dict-lappend-loop
set d {}
foreach {k v} {a 1 b 2 a 3 a 4} { dict lappend d $k $v }
set d
# case: dict-remove-basic
dict remove {a 1 b 2 c 3} b
# case: dict-remove-several
dict remove {a 1 b 2 c 3} a c
# case: dict-remove-missing
dict remove {a 1 b 2} z
# case: dict-remove-none
dict remove {a 1 b 2}
# case: dict-remove-none-normalizes
dict remove {a   1   b   2}
# case: dict-remove-missing-normalizes
dict remove {a   1} z
# case: dict-remove-empty
dict remove {}
# case: dict-remove-all
dict remove {a 1 b 2} a b
# case: dict-remove-duplicates
dict remove {a 1 b 2 a 3} b
# case: dict-remove-wrong-args
dict remove
# case: dict-remove-invalid
dict remove {a 1 b} a
# case: dict-remove-value-unchanged
set d {a 1 b 2}
dict remove $d a
set d
# case: dict-replace-basic
dict replace {a 1 b 2} b 3
# case: dict-replace-add
dict replace {a 1} b 2 c 3
# case: dict-replace-none
dict replace {a   1}
# case: dict-replace-duplicates
dict replace {a 1 a 2}
# case: dict-replace-same-key-twice
dict replace {a 1} b 2 b 3
# case: dict-replace-odd
dict replace {a 1} b
# case: dict-replace-wrong-args
dict replace
# case: dict-replace-invalid
dict replace {a} b 1
# case: dict-replace-empty
dict replace {} k v
# case: dict-merge-none
dict merge
# case: dict-merge-one
dict merge {a 1 b 2}
# case: dict-merge-one-keeps-string
dict merge {a 1 a 2}
# case: dict-merge-two
dict merge {a 1 b 2} {b 3 c 4}
# case: dict-merge-three
dict merge {a 1} {b 2} {a 3 c 4}
# case: dict-merge-empty-second
dict merge {a 1 a 2} {}
# case: dict-merge-empty-first
dict merge {} {a 1}
# case: dict-merge-invalid-first
dict merge {a} {b 2}
# case: dict-merge-invalid-second
dict merge {a 1} {b}
# case: dict-merge-order
dict merge {c 1 b 2} {a 3 c 4}
# case: dict-merge-nested-not-recursive
dict merge {a {x 1}} {a {y 2}}
# case: dict-info-empty
dict info {}
# case: dict-info-small
dict info {a 1 b 2}
# case: dict-info-seven
dict info {x 1 y 2 z 3 apple 4 banana 5 c 6 dd 7}
# case: dict-info-rebuilt
set d {}
for {set i 0} {$i < 30} {incr i} { dict set d k$i $i }
dict info $d
# case: dict-info-invalid
dict info {a}
# case: dict-info-wrong-args
dict info
# case: dict-info-first-line
set d {}
foreach k {a b c d e f g h i j k l m n} { dict set d $k 1 }
lindex [split [dict info $d] \n] 0
# case: dict-filter-key-glob
dict filter {apple 1 banana 2 avocado 3} key a*
# case: dict-filter-key-trivial
dict filter {apple 1 banana 2} key banana
# case: dict-filter-key-trivial-missing
dict filter {apple 1 banana 2} key cherry
# case: dict-filter-key-several
dict filter {a 1 b 2 c 3} key c a
# case: dict-filter-key-none
dict filter {a 1 b 2} key
# case: dict-filter-key-duplicates
dict filter {a 1 b 2 a 3} key a
# case: dict-filter-value-glob
dict filter {a x1 b y2 c x3} value x*
# case: dict-filter-value-several
dict filter {a 1 b 2 c 3} value 3 1
# case: dict-filter-value-none
dict filter {a 1} value
# case: dict-filter-value-exact
dict filter {a 1 b 10 c 1} value 1
# case: dict-filter-script-basic
dict filter {a 1 b 2 c 3} script {k v} {string match {[ac]} $k}
# case: dict-filter-script-value
dict filter {a 1 b 22 c 333} script {k v} {string length [string range $v 1 end]}
# case: dict-filter-script-break
dict filter {a 1 b 2 c 3} script {k v} {if {$k eq "b"} break; string is true 1}
# case: dict-filter-script-continue
dict filter {a 1 b 2 c 3} script {k v} {if {$k eq "b"} continue; string is true 1}
# case: dict-filter-script-bad-bool
dict filter {a 1} script {k v} {return -level 0 maybe}
# case: dict-filter-script-error
dict filter {a 1} script {k v} {error oops}
# case: dict-filter-script-errorinfo
catch {dict filter {a 1} script {k v} {
    set x 1
    error oops
}}
set errorInfo
# case: dict-filter-script-vars-left
dict filter {a 1 b 2} script {k v} {string is true 0}
list $k $v
# case: dict-filter-script-wrong-args
dict filter {a 1} script {k v}
# case: dict-filter-script-var-count
dict filter {a 1} script {k} {string is true 1}
# case: dict-filter-script-var-count-three
dict filter {a 1} script {k v w} {string is true 1}
# case: dict-filter-script-return
proc p {} { dict filter {a 1 b 2} script {k v} {return found-$k}; return none }
p
# case: dict-filter-bad-type
dict filter {a 1} foo
# case: dict-filter-type-prefix
dict filter {a 1 b 2} v 2
# case: dict-filter-wrong-args
dict filter {a 1}
# case: dict-filter-invalid
dict filter {a} key *
# case: dict-filter-script-empty
dict filter {} script {k v} {error never}
# case: dict-filter-script-array-var
set arr(1) 1
dict filter {a 1} script {arr v} {string is true 1}
# case: dict-for-basic
dict for {k v} {a 1 b 2 c 3} { puts "$k=$v" }
# case: dict-for-result-empty
dict for {k v} {a 1} { set x $v }
# case: dict-for-empty-dict
dict for {k v} {} { puts never }
# case: dict-for-duplicates
dict for {k v} {a 1 b 2 a 3} { puts "$k=$v" }
# case: dict-for-break
dict for {k v} {a 1 b 2 c 3} { if {$k eq "b"} break; puts $k }
# case: dict-for-continue
dict for {k v} {a 1 b 2 c 3} { if {$k eq "b"} continue; puts $k }
# case: dict-for-vars-after
dict for {k v} {a 1 b 2} {}
list $k $v
# case: dict-for-error
dict for {k v} {a 1} { error boom }
# case: dict-for-errorinfo
catch {dict for {k v} {a 1 b 2} {
    set x 1
    error boom
}}
set errorInfo
# case: dict-for-return-in-proc
proc p {} { dict for {k v} {a 1 b 2} { if {$v == 2} { return $k } }; return none }
p
# case: dict-for-wrong-args
dict for {k v} {a 1}
# case: dict-for-var-count
dict for {k} {a 1} {}
# case: dict-for-var-count-three
dict for {k v w} {a 1} {}
# case: dict-for-bad-varlist
dict for "k \{" {a 1} {}
# case: dict-for-invalid-dict
dict for {k v} {a 1 b} {}
# case: dict-for-snapshot
set d {a 1 b 2}
dict for {k v} $d { dict set d c 3; puts $k }
set d
# case: dict-for-nested
dict for {k v} {a {x 1 y 2} b {z 3}} { dict for {k2 v2} $v { puts "$k.$k2=$v2" } }
# case: dict-for-array-element-vars
dict for {a(k) a(v)} {x 1 y 2} {}
list $a(k) $a(v)
# case: dict-for-var-is-array
set arr(1) 1
dict for {arr v} {a 1} {}
# case: dict-for-in-proc-locals
proc p {} { set out {}; dict for {k v} {a 1 b 2} { lappend out $v $k }; return $out }
p
# case: dict-for-unicode
dict for {k v} [dict create \u00e9 1 \u4e2d 2] { puts "$k $v" }
# case: dict-for-quoting
dict for {k v} {{a b} {c d} {} x} { puts "<$k> <$v>" }
# case: dict-map-basic
dict map {k v} {a 1 b 2 c 3} { string repeat $v 2 }
# case: dict-map-empty
dict map {k v} {} { set v }
# case: dict-map-change-key
dict map {k v} {a 1 b 2} { set k x$k; set v }
# case: dict-map-same-new-key
dict map {k v} {a 1 b 2} { set k c; set v }
# case: dict-map-continue
dict map {k v} {a 1 b 2 c 3} { if {$k eq "b"} continue; set v }
# case: dict-map-break
dict map {k v} {a 1 b 2 c 3} { if {$k eq "b"} break; set v }
# case: dict-map-break-first
dict map {k v} {a 1 b 2} { break }
# case: dict-map-unset-key-var
dict map {k v} {a 1 b 2} { unset k; set v }
# case: dict-map-error
dict map {k v} {a 1} { error bad }
# case: dict-map-errorinfo
catch {dict map {k v} {a 1} {
    error bad
}}
set errorInfo
# case: dict-map-wrong-args
dict map {k v} {a 1}
# case: dict-map-var-count
dict map {k} {a 1} {}
# case: dict-map-invalid
dict map {k v} {a} {}
# case: dict-map-duplicates
dict map {k v} {a 1 b 2 a 3} { set v }
# case: dict-map-nested-list-values
dict map {k v} {a {1 2} b {3 4}} { lreverse $v }
# case: dict-map-return-in-proc
proc p {} { dict map {k v} {a 1} { return early }; return late }
p
# case: dict-update-basic
set d {a 1 b 2}
dict update d a x b y { set x 10; set y 20 }
set d
# case: dict-update-result
set d {a 1}
dict update d a x { string toupper $x-done }
# case: dict-update-missing-key-unsets-var
set d {a 1}
set y old
dict update d b y { info exists y }
# case: dict-update-add-key
set d {a 1}
dict update d b y { set y new }
set d
# case: dict-update-remove-key
set d {a 1 b 2}
dict update d a x { unset x }
set d
# case: dict-update-var-unset-dict
set d {a 1}
dict update d a x { unset d; set x 5 }
info exists d
# case: dict-update-dict-replaced
set d {a 1}
dict update d a x { set d {q 9}; set x 5 }
set d
# case: dict-update-no-var
dict update nope a x {}
# case: dict-update-wrong-args
dict update d a x
# case: dict-update-wrong-args-odd
dict update d a x b {}
# case: dict-update-invalid
set d {a 1 b}
dict update d a x {}
# case: dict-update-error
set d {a 1}
dict update d a x { set x 2; error failed }
# case: dict-update-error-writes-back
set d {a 1}
catch { dict update d a x { set x 2; error failed } }
set d
# case: dict-update-errorinfo
set d {a 1}
catch {dict update d a x {
    error failed
}}
set errorInfo
# case: dict-update-break
set d {a 1}
foreach i {1 2} { dict update d a x { incr x; break } }
set d
# case: dict-update-normalizes
set d {a   1   b   2}
dict update d a x {}
set d
# case: dict-update-array-var
set arr(1) 1
dict update arr a x {}
# case: dict-update-var-is-array
set d {a 1}
set x(1) 1
dict update d a x {}
# case: dict-update-in-proc
proc p {} { set d {n 1}; dict update d n n { incr n 41 }; return $d }
p
# case: dict-update-invalid-after
set d {a 1}
dict update d a x { set d {bad} }
# case: dict-with-basic
set d {a 1 b 2}
dict with d { set a 10 }
set d
# case: dict-with-result
set d {a 1 b 2}
dict with d { string cat $a $b }
# case: dict-with-vars-set
set d {alpha 1 beta 2}
dict with d {}
list $alpha $beta
# case: dict-with-unset-removes
set d {a 1 b 2}
dict with d { unset a }
set d
# case: dict-with-new-var-not-added
set d {a 1}
dict with d { set c 3 }
set d
# case: dict-with-nested
set d {outer {x 1 y 2} other 0}
dict with d outer { set x 100 }
set d
# case: dict-with-nested-missing
set d {outer {x 1}}
dict with d nope {}
# case: dict-with-nested-not-dict
set d {outer 1}
dict with d outer {}
# case: dict-with-no-var
dict with nope {}
# case: dict-with-wrong-args
dict with d
# case: dict-with-invalid
set d {a}
dict with d {}
# case: dict-with-error
set d {a 1}
dict with d { set a 2; error oops }
# case: dict-with-error-writes-back
set d {a 1}
catch { dict with d { set a 2; error oops } }
set d
# case: dict-with-errorinfo
set d {a 1}
catch {dict with d {
    error oops
}}
set errorInfo
# case: dict-with-unset-dict
set d {a 1}
dict with d { unset d }
info exists d
# case: dict-with-path-removed
set d {o {x 1}}
dict with d o { set d {o2 1}; set x 5 }
set d
# case: dict-with-empty
set d {}
dict with d { set r ok }
# case: dict-with-empty-keeps-string
set d {  }
dict with d {}
string length $d
# case: dict-with-in-proc
proc p {} { set cfg {host localhost port 80}; dict with cfg { incr port } ; return $cfg }
p
# case: dict-with-key-element-syntax
set d {arr(x) 1}
dict with d {}
set arr(x)
# case: dict-with-array-var
set arr(1) 1
dict with arr {}
# case: dict-string-rep-kept-after-read
set d "a  1"
dict get $d a
set d
# case: dict-string-rep-duplicates-kept
set d {a 1 a 2}
dict size $d
list $d [llength $d]
# case: dict-canonical-hash-first-key
dict create #x 1 y #z
# case: dict-canonical-braces
dict create a "b c" d "\{" e "\}" f {$x} g {[cmd]}
# case: dict-canonical-backslash
dict create a "x\\" b "\n"
# case: dict-as-list
llength [dict create a 1 b 2 c 3]
# case: dict-lindex
lindex [dict create a 1 b 2] 3
# case: dict-from-list-command
dict get [list a [list b c]] a
# case: dict-lappend-on-dict-value
set d [dict create a 1]
lappend d b 2
dict get $d b
# case: dict-nested-set-get
set d {}
dict set d user name alice
dict set d user age 30
dict set d user langs {tcl c}
list [dict get $d user name] [dict get $d user langs] [dict size [dict get $d user]]
# case: dict-deep-nesting
set d {}
dict set d a b c d e f 1
list $d [dict get $d a b c d e f] [dict exists $d a b c d e f] [dict exists $d a b c d e g]
# case: dict-large
set d {}
for {set i 0} {$i < 1000} {incr i} { dict set d key$i $i }
list [dict size $d] [dict get $d key500] [lindex [dict keys $d] end]
# case: dict-large-for
set d {}
for {set i 0} {$i < 200} {incr i} { dict set d $i [string repeat x [expr {$i % 5}]] }
set n 0
dict for {k v} $d { incr n [string length $v] }
set n
# case: dict-large-map-filter
set d {}
for {set i 0} {$i < 100} {incr i} { dict set d $i $i }
set m [dict map {k v} $d { string cat $v$v }]
set f [dict filter $m script {k v} { string match *1 $v }]
list [dict size $m] $f
# case: dict-word-count
set text "the quick brown fox jumps over the lazy dog the end"
set counts {}
foreach w $text { dict incr counts $w }
set counts
# case: dict-sort-keys
set d {b 2 c 3 a 1}
lsort [dict keys $d]
# case: dict-empty-string-value
dict get {a {}} a
# case: dict-numeric-string-keys-distinct
dict size {1 a 1.0 b 01 c 0x1 d}
# case: dict-keys-with-spaces-roundtrip
set d [dict create "a b" 1 "c d" 2]
dict get $d "c d"
# case: dict-get-multiple-errors-first
dict get {a {b 1}} x y
# case: dict-set-value-with-braces
set d {}
dict set d k "\{unbalanced"
dict get $d k
# case: dict-unicode-supplementary
set d [dict create \U0001F600 smile]
list [dict get $d \U0001F600] [dict size $d]
# case: dict-keys-unicode-glob
dict keys [dict create \u00e9a 1 \u00e9b 2 xa 3] \u00e9?
# case: dict-list-with-comment-like-key
dict get {# x} #
# case: dict-incr-wide
set d {a 9223372036854775806}
dict incr d a
# case: dict-exists-empty-dict
dict exists {} a
# case: dict-merge-result-is-dict
dict size [dict merge {a 1} {a 2 b 3}]
# case: dict-ensemble-qualified
::dict get {a 1} a
# case: dict-ensemble-in-namespace
namespace eval ns { dict create a 1 }
# case: dict-info-shape
set d {x 1 y 2 z 3}
set s [dict info $d]
list [llength [split $s \n]] [lindex [split $s \n] 0] [lindex [split $s \n] end]
# case: dict-with-nested-two-levels
set d {a {b {c 1 e 2}}}
dict with d a b { set c 10 }
set d
# case: dict-update-multiple-same-var
set d {a 1 b 2}
dict update d a x b x { set x 9 }
set d
# case: dict-for-modify-loop-var
dict for {k v} {a 1 b 2} { set k changed; puts $k }
# case: dict-map-result-order
dict map {k v} {z 1 y 2 x 3} { set v }
# case: dict-filter-script-modify-vars
dict filter {a 1 b 2} script {k v} { set k zz; string is true 1 }
# case: dict-set-through-global
proc p {} { global g; dict set g k v }
p
set g
# case: dict-append-to-element-var
set a(d) {x 1}
dict append a(d) x 2
set a(d)
# case: dict-unset-element-var
set a(d) {x 1 y 2}
dict unset a(d) x
# case: dict-incr-element-var
dict incr a(d) n 5
# case: dict-get-after-set-integer
set d {}
dict set d n [expr {2 + 3}]
dict incr d n
# case: dict-replace-nested-value
dict replace {a {b 1}} a {c 2}
# case: dict-remove-nested-untouched
dict remove {a {b 1} c 2} c
# case: dict-keys-pattern-all-star
dict keys {a 1 b 2} *
# case: dict-values-pattern-class
dict values {a 1 b x c 2} {[0-9]}
# case: dict-filter-key-pattern-brackets
dict filter {k1 a k2 b kx c} key {k[0-9]}
# case: dict-merge-one-keeps-spacing
dict merge {a  1}
# case: dict-update-keeps-other-keys
set d {a 1 b 2 c 3}
dict update d b x { set x 20 }
set d
# case: dict-with-returns-body-result-after-writeback
set d {a 1}
list [dict with d { set a 5; string cat done }] $d
# case: dict-update-element-var
set d {a 1}
set a(x) 0
dict update d a a(x) {}
set a(x)
# case: dict-update-element-var-writeback
set d {a 1}
dict update d a a(x) { set a(x) 5 }
set d
# case: dict-with-qualified-key
namespace eval ns {}
set d {ns::v 1}
dict with d {}
set ns::v
# case: dict-for-unset-key-var
dict for {k v} {a 1} { unset k }
info exists k
# case: dict-with-body-sets-dict
set d {a 1}
dict with d { dict set d a 2 }
set d
# case: dict-with-body-replaces-dict
set d {a 1}
dict with d { set d {}; set a 5 }
set d
# case: dict-with-path-unset-dict
set d {a {b 1}}
dict with d a { unset d }
info exists d
# case: dict-with-path-leaf-invalid-after
set d {a {b 1}}
dict with d a { set d {a bad}; set b 2 }
# case: dict-with-path-leaf-odd-after
set d {a {b 1}}
dict with d a { set d {a {b 1 c}}; set b 2 }
# case: dict-update-return-in-proc
proc p {} { set d {a 1}; dict update d a x { return hi }; return no }
p
# case: dict-with-return-in-proc
proc p {} { set d {a 1}; dict with d { set a 7; return $d } }
p
# case: dict-filter-script-other-code
dict filter {a 1 b 2} script {k v} { return -code 5 }
# case: dict-for-other-code
dict for {k v} {a 1 b 2} { return -code 5 }
# case: dict-map-empty-result-values
dict map {k v} {a 1 b 2} { string cat }
# case: dict-get-nested-empty-keys
dict get {{} {{} x}} {} {}
# case: dict-keys-empty-pattern
dict keys {{} 1 b 2} {}
# case: dict-values-empty-pattern
dict values {a {} b 2} {}
# case: dict-filter-key-empty-pattern
dict filter {{} 1 b 2} key {}
# case: dict-incr-empty-key
dict incr d {}
# case: dict-unset-repeated-key-path
set d {a 1}
dict unset d a a
# case: dict-unset-path-through-scalar
set d {a {b 1}}
dict unset d a b c
# case: dict-unset-deep
set d {a {b {c 1 d 2}}}
dict unset d a b c
# case: dict-info-thousand
for {set i 0} {$i < 1000} {incr i} { dict set d $i $i }
dict info $d
# case: dict-set-list-var-becomes-dict
set l {x y}
dict set l x z
set l
# case: dict-incr-beyond-64-bits
set d {a 9223372036854775807 b 99999999999999999999 c -9223372036854775808}
dict incr d a
dict incr d b -99999999999999999999
dict incr d c -1
dict incr d e 99999999999999999999
set d
# case: dict-incr-big-errors
proc ec {s} { catch {uplevel 1 $s} m o; list $m [dict get $o -errorcode] }
set d {a 99999999999999999999 b x c 1}
list [ec {dict incr d a x}] [ec {dict incr d b 99999999999999999999}] [ec {dict incr d c 1.5}] [ec {dict incr d z y}] $d
# case: foreach-over-dict-after-updates
set d [dict create]
for {set i 0} {$i < 20} {incr i} {
    dict incr d k[expr {$i % 5}] $i
    dict set d last $i
}
set out {}
foreach {k v} $d { lappend out $k=$v }
list $out [llength $d] [lindex $d 0] [lindex $d end]
# case: foreach-over-old-dict-version
set d1 [dict create a 1 b 2]
set d2 $d1
dict set d2 c 3
set out {}
foreach {k v} $d1 { lappend out $k $v }
foreach {k v} $d2 { lappend out $k $v }
list $out $d1 $d2
