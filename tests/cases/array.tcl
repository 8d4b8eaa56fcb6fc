# The array ensemble: exists get names set size unset statistics, the search
# subcommands' argument checks, element order as Tcl's hash table gives it,
# and arrays reached through upvar, global and namespace variables. Each
# case runs in a fresh interpreter.
# case: array-no-args
array
# case: array-unknown-subcommand
array foo
# case: array-ambiguous-subcommand
array s a
# case: array-prefix-exists
set a(1) x
array ex a
# case: array-prefix-names
set a(1) x
array na a
# case: array-prefix-wrong-args-full-name
array g
# case: array-exists-yes
set a(1) x
array exists a
# case: array-exists-no
array exists nope
# case: array-exists-scalar
set s 1
array exists s
# case: array-exists-empty-array
array set e {}
array exists e
# case: array-exists-after-unset-element
set a(x) 1
unset a(x)
array exists a
# case: array-exists-after-unset
set a(x) 1
unset a
array exists a
# case: array-exists-wrong-args
array exists
# case: array-exists-too-many
array exists a b
# case: array-exists-element-name
set a(x) 1
array exists a(x)
# case: array-set-basic
array set a {x 1 y 2}
list $a(x) $a(y)
# case: array-set-result
array set a {x 1}
# case: array-set-odd
array set a {x 1 y}
# case: array-set-odd-errorcode
catch {array set a {x}}
set errorCode
# case: array-set-bad-list
array set a "x \{"
# case: array-set-scalar
set s 1
array set s {a 1}
# case: array-set-scalar-empty
set s 1
array set s {}
# case: array-set-empty-new
array set e {}
list [array exists e] [array size e] [array names e]
# case: array-set-empty-existing
set a(x) 1
array set a {}
array get a
# case: array-set-merges
set a(x) 1
array set a {y 2 x 3}
list $a(x) $a(y) [array size a]
# case: array-set-duplicates
array set a {k 1 k 2}
list $a(k) [array size a]
# case: array-set-wrong-args
array set a
# case: array-set-too-many
array set a {} {}
# case: array-set-element-name
array set a(x) {k v}
# case: array-set-element-name-empty
array set a(x) {}
# case: array-set-missing-namespace
array set ::nons::a {k v}
# case: array-set-missing-namespace-empty
array set ::nons::a {}
# case: array-set-from-dict
array set a [dict create p 1 q 2]
list $a(p) $a(q)
# case: array-set-keys-with-spaces
array set a {{x y} 1 {} 2}
list $a(x\ y) $a()
# case: array-set-unicode
array set a [list \u00e9 1 \u4e2d 2]
list $a(\u00e9) $a(\u4e2d)
# case: array-set-write-trace
trace add variable a write {apply {{n1 n2 op} {puts "$n1 $n2 $op"}}}
array set a {x 1 y 2}
# case: array-get-basic
array set a {x 1}
array get a
# case: array-get-order
array set a {x 1 y 2 z 3 apple 4 banana 5 c 6 dd 7}
array get a
# case: array-get-pattern
array set a {ab 1 ac 2 b 3}
lsort [array get a a*]
# case: array-get-trivial-pattern
array set a {ab 1 ac 2 b 3}
array get a ac
# case: array-get-trivial-missing
array set a {ab 1}
array get a zz
# case: array-get-nonexistent
array get nope
# case: array-get-scalar
set s 1
array get s
# case: array-get-wrong-args
array get
# case: array-get-too-many
array get a b c
# case: array-get-quoting
array set a {{x y} {1 2}}
array get a
# case: array-get-empty-array
array set e {}
array get e
# case: array-names-all
array set a {x 1 y 2 z 3}
array names a
# case: array-names-order-seven
array set a {x 1 y 2 z 3 apple 4 banana 5 c 6 dd 7}
array names a
# case: array-names-order-after-rebuild
for {set i 0} {$i < 30} {incr i} { set big(k$i) $i }
array names big
# case: array-names-order-sixty
for {set i 0} {$i < 60} {incr i} { set big($i) $i }
array names big
# case: array-names-order-insertion-independent
set a(b) 1; set a(a) 2; set a(c) 3
set r [array names a]
unset a
set a(c) 1; set a(a) 2; set a(b) 3
list $r [array names a]
# case: array-names-glob
array set a {apple 1 avocado 2 banana 3}
lsort [array names a a*]
# case: array-names-glob-mode
array set a {apple 1 avocado 2 banana 3}
lsort [array names a -glob *an*]
# case: array-names-exact
array set a {x 1 y 2}
array names a -exact x
# case: array-names-exact-missing
array set a {x 1}
array names a -exact y
# case: array-names-exact-star
array set a {* 1 x 2}
array names a -exact *
# case: array-names-exact-spaces
array set a {{x y} 1 z 2}
array names a -exact {x y}
# case: array-names-trivial-glob-spaces
array set a {{x y} 1 z 2}
array names a {x y}
# case: array-names-glob-spaces
array set a {{x y} 1 z 2}
array names a {x *}
# case: array-names-bad-mode
array set a {x 1}
array names a -foo x
# case: array-names-bad-mode-nonexistent
array names nope -foo x
# case: array-names-mode-as-pattern
array set a {-exact 1 x 2}
array names a -exact
# case: array-names-nonexistent
array names nope
# case: array-names-scalar
set s 1
array names s
# case: array-names-wrong-args
array names
# case: array-names-too-many
array names a -exact x y
# case: array-names-empty-key
set a() 1
set a(x) 2
lsort [array names a]
# case: array-names-unicode
array set a [list \u00e9t\u00e9 1]
array names a
# case: array-size-basic
array set a {x 1 y 2 z 3}
array size a
# case: array-size-nonexistent
array size nope
# case: array-size-scalar
set s 1
array size s
# case: array-size-empty
array set e {}
array size e
# case: array-size-after-unset
array set a {x 1 y 2}
unset a(x)
array size a
# case: array-size-wrong-args
array size
# case: array-unset-all
array set a {x 1 y 2}
array unset a
array exists a
# case: array-unset-pattern
array set a {x 1 xy 2 y 3}
array unset a x*
array names a
# case: array-unset-trivial-pattern
array set a {x 1 xy 2}
array unset a x
array names a
# case: array-unset-trivial-missing
array set a {x 1}
array unset a zz
array names a
# case: array-unset-pattern-keeps-array
array set a {x 1}
array unset a *
list [array exists a] [array size a]
# case: array-unset-nonexistent
array unset nope
# case: array-unset-scalar
set s 1
array unset s
set s
# case: array-unset-scalar-pattern
set s 1
array unset s *
set s
# case: array-unset-wrong-args
array unset
# case: array-unset-too-many
array unset a b c
# case: array-unset-trace
array set a {x 1 y 2}
trace add variable a unset {apply {{n1 n2 op} {puts "unset $n1 $n2"}}}
array unset a x
# case: array-statistics-basic
array set a {x 1 y 2 z 3 apple 4 banana 5 c 6 dd 7}
array statistics a
# case: array-statistics-big
for {set i 0} {$i < 30} {incr i} { set big(k$i) $i }
array statistics big
# case: array-statistics-empty
array set e {}
array statistics e
# case: array-statistics-not-array
array statistics nope
# case: array-statistics-scalar
set s 1
array statistics s
# case: array-statistics-wrong-args
array statistics
# case: array-startsearch-wrong-args
array startsearch
# case: array-startsearch-not-array
array startsearch nope
# case: array-anymore-wrong-args
array anymore a
# case: array-anymore-not-array
array anymore nope s-1-nope
# case: array-anymore-illegal-id
set a(1) 1
array anymore a x
# case: array-anymore-unknown-search
set a(1) 1
array anymore a s-1-a
# case: array-anymore-other-variable
set a(1) 1
array anymore a s-1-b
# case: array-anymore-no-number
set a(1) 1
array anymore a s-x-a
# case: array-anymore-negative-number
set a(1) 1
array anymore a s--3-a
# case: array-nextelement-wrong-args
array nextelement a
# case: array-nextelement-unknown-search
set a(1) 1
array nextelement a s-2-a
# case: array-donesearch-wrong-args
array donesearch a b c
# case: array-donesearch-illegal-id
set a(1) 1
array donesearch a s-1
# case: array-upvar
proc fill {name} { upvar 1 $name arr; array set arr {p 1 q 2} }
fill data
lsort [array names data]
# case: array-upvar-size
proc count {name} { upvar 1 $name arr; array size arr }
array set data {a 1 b 2 c 3}
count data
# case: array-global
array set g {x 1}
proc p {} { global g; array get g }
p
# case: array-namespace-variable
namespace eval ns { variable cfg; array set cfg {k v} }
array get ns::cfg
# case: array-in-proc-local
proc p {} { array set loc {a 1 b 2}; list [array size loc] [lsort [array names loc]] }
p
# case: array-element-syntax-mixed
set a(x) 1
array set a {y 2}
list $a(x) $a(y) [array exists a]
# case: array-foreach-get
array set a {one 1 two 2 three 3}
set sum 0
foreach {k v} [array get a] { incr sum $v }
set sum
# case: array-names-sorted-numeric
for {set i 10} {$i > 0} {incr i -1} { set a($i) x }
lsort -integer [array names a]
# case: array-get-after-element-unset
array set a {x 1 y 2 z 3}
unset a(y)
array get a
# case: array-set-then-scalar-read
array set a {x 1}
set a
# case: array-dict-roundtrip
array set a [dict create k1 v1 k2 v2]
dict get [array get a] k2
# case: array-names-regexp
array set a {x 1 xy 2 y 3}
lsort [array names a -regexp ^x]
# case: array-names-regexp-bad-pattern
array set a {x 1}
array names a -regexp (
# case: array-names-order-thirteen
array set a {a 1 b 2 c 3 d 4 e 5 f 6 g 7 h 8 i 9 j 10 k 11 l 12 m 13}
array names a
# case: array-statistics-thirteen
array set a {a 1 b 2 c 3 d 4 e 5 f 6 g 7 h 8 i 9 j 10 k 11 l 12 m 13}
array statistics a
# case: array-names-order-two-hundred
for {set i 0} {$i < 200} {incr i} {set a(key$i) $i}
array names a
# case: array-statistics-thousand
for {set i 0} {$i < 1000} {incr i} {set a($i) $i}
array statistics a
# case: array-unset-star-then-get
array set a {x 1 y 2}
array unset a *
array get a
# case: array-upvar-global-alias
upvar #0 g h
array set h {k v}
array get g
# case: array-upvar-element
proc p {} { upvar 1 arr(x) e; set e 5 }
p
array get arr
# case: array-set-global-qualified-in-proc
proc p {} { array set ::gg {a 1} }
p
array get gg
# case: array-name-with-space
array set "a b" {k v}
array names "a b"
# case: array-get-pattern-star-key
array set a {k* v kk w}
array get a k*
# case: array-unset-pattern-matches-star-key
array set a {k* v kk w x y}
array unset a k*
array names a
# case: array-empty-key-get
array set a {{} v}
array get a {}
# case: array-empty-key-unset
array set a {{} v}
array unset a {}
array size a
# case: array-exists-qualified
array set a {1 2}
array exists ::a
# case: array-exists-namespace
namespace eval n { array set a {1 2} }
array exists n::a
# case: array-size-element-name
set a(1) 1
array size a(1)
# case: array-get-after-unset-all-elements
array set a {x 1}
unset a(x)
list [array get a] [array names a] [array exists a]
