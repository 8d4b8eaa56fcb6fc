# The list commands: list llength lindex lappend lrange linsert lreplace
# lrepeat lreverse lassign lset lsearch lsort concat join split, every
# option, edge cases and error messages. Each case runs in a fresh
# interpreter.
# case: list-list-empty
list
# case: list-list-basic
list a b c
# case: list-list-quoting
list a {b c} "" \{ \} \$x {[y]} {a\\b}
# case: list-list-hash-first
list #a b #c
# case: list-list-nested
list [list a b] [list c [list d e]]
# case: list-list-semicolon
list {a;b} {"q"}
# case: list-list-unicode
list \u00e9 {\u4e2d \u6587}
# case: list-list-newline
list "a\nb" "c\td"
# case: list-list-trailing-backslash
list "a\\"
# case: list-llength-basic
llength {a b c}
# case: list-llength-empty
llength ""
# case: list-llength-spaces
llength "  a   b  "
# case: list-llength-nested
llength {a {b c} {d {e f}}}
# case: list-llength-quotes
llength {"a b" c}
# case: list-llength-bad-brace
llength "a \{b"
# case: list-llength-bad-quote
llength {a "b}
# case: list-llength-brace-junk
llength {{a}b}
# case: list-llength-quote-junk
llength {"a"b c}
# case: list-llength-wrong-args
llength
# case: list-llength-too-many
llength a b
# case: list-llength-escapes
llength {a\ b c}
# case: list-lindex-basic
lindex {a b c} 1
# case: list-lindex-end
lindex {a b c} end
# case: list-lindex-end-minus
lindex {a b c} end-1
# case: list-lindex-end-plus
lindex {a b c} end+1
# case: list-lindex-out-of-range
lindex {a b c} 5
# case: list-lindex-negative
lindex {a b c} -1
# case: list-lindex-arith
lindex {a b c d} 1+1
# case: list-lindex-arith-minus
lindex {a b c d} 3-2
# case: list-lindex-no-index
lindex {a  b   c}
# case: list-lindex-empty-index-list
lindex {a b} {}
# case: list-lindex-nested
lindex {a {b {c d}}} 1 1 0
# case: list-lindex-nested-list-arg
lindex {a {b {c d}}} {1 1 1}
# case: list-lindex-nested-end
lindex {a {b c}} end end
# case: list-lindex-nested-out
lindex {a {b c}} 1 5
# case: list-lindex-out-then-bad
lindex {a b} 5 bad
# case: list-lindex-bad-index
lindex {a b} foo
# case: list-lindex-bad-in-list
lindex {a {b c}} {1 foo}
# case: list-lindex-bad-list
lindex "\{a" 0
# case: list-lindex-bad-sublist
lindex [list a "\{b"] 1 0
# case: list-lindex-wrong-args
lindex
# case: list-lindex-index-not-list
lindex {a b} "\{"
# case: list-lindex-index-list-of-end
lindex {{a b} {c d}} {end end-1}
# case: list-lindex-hex
lindex {a b c} 0x2
# case: list-lindex-space-index
lindex {a b} " 1"
# case: list-lindex-empty-list
lindex {} 0
# case: list-lindex-empty-list-end
lindex {} end
# case: list-lindex-escaped-element
lindex {a\ b c} 0
# case: list-lindex-quoted-element
lindex {"a b" c} 0
# case: list-lindex-too-big
lindex {a b} 99999999999999999999
# case: list-lindex-unicode
lindex {\u00e9 \u4e2d} end
# case: list-lindex-int-object
set i 1; lindex {a b c} $i
# case: list-lappend-new
lappend x a b; set x
# case: list-lappend-existing
set x {a b}; lappend x c {d e}
# case: list-lappend-none-new
lappend x
# case: list-lappend-none-existing
set x "a  b"; lappend x
# case: list-lappend-none-bad
set x "\{"; lappend x
# case: list-lappend-bad-list
set x "\{"; lappend x a
# case: list-lappend-string-value
set x "a   b"; lappend x c
# case: list-lappend-array-element
lappend a(k) x; lappend a(k) y; set a(k)
# case: list-lappend-result
set x {}; list [lappend x 1] [lappend x 2]
# case: list-lappend-wrong-args
lappend
# case: list-lappend-loop
set l {}; foreach i {1 2 3 4 5} {lappend l $i $i}; list [llength $l] $l
# case: list-lappend-in-proc
proc f {} {lappend v a; lappend v b; return $v}; f
# case: list-lappend-upvar
proc f {n} {upvar $n v; lappend v z}; set q {a}; f q; set q
# case: list-lappend-empty-element
lappend x "" {}; set x
# case: list-lappend-quoting
lappend x {a b} "c\"" \{; set x
# case: list-lappend-after-set
set x 1; lappend x 2; set x 3; lappend x 4
# case: list-lappend-large
set l {}; for {set i 0} {$i < 2000} {incr i} {lappend l $i}; list [llength $l] [lindex $l end]
# case: list-lrange-basic
lrange {a b c d e} 1 3
# case: list-lrange-end
lrange {a b c d e} 2 end
# case: list-lrange-end-minus
lrange {a b c d e} end-2 end-1
# case: list-lrange-clamp
lrange {a b c} -5 10
# case: list-lrange-empty
lrange {a b c} 2 1
# case: list-lrange-normalizes
lrange "a   b  c" 0 end
# case: list-lrange-single
lrange {a {b c} d} 1 1
# case: list-lrange-bad-index
lrange {a b} 0 foo
# case: list-lrange-bad-list
lrange "\{" 0 0
# case: list-lrange-wrong-args
lrange {a b} 0
# case: list-lrange-empty-list
lrange {} 0 end
# case: list-lrange-beyond
lrange {a b c} 5 10
# case: list-linsert-start
linsert {a b c} 0 x
# case: list-linsert-middle
linsert {a b c} 1 x y
# case: list-linsert-end
linsert {a b c} end x
# case: list-linsert-end-minus
linsert {a b c} end-1 x
# case: list-linsert-beyond
linsert {a b} 10 x
# case: list-linsert-negative
linsert {a b} -5 x
# case: list-linsert-nothing
linsert "a   b" 1
# case: list-linsert-empty
linsert {} 0 a b
# case: list-linsert-bad-index
linsert {a b} foo x
# case: list-linsert-bad-list
linsert "\{" 0 x
# case: list-linsert-wrong-args
linsert {a b}
# case: list-linsert-list-element
linsert {a b} 1 {x y}
# case: list-lreplace-basic
lreplace {a b c d} 1 2 x
# case: list-lreplace-delete
lreplace {a b c d} 1 2
# case: list-lreplace-insert
lreplace {a b c} 1 0 x
# case: list-lreplace-end
lreplace {a b c} end end x y
# case: list-lreplace-beyond
lreplace {a b c} 5 6 x
# case: list-lreplace-beyond-delete
lreplace {a b c} 5 6
# case: list-lreplace-negative
lreplace {a b c} -1 -1 x
# case: list-lreplace-empty-list
lreplace {} 0 0 x
# case: list-lreplace-end-plus
lreplace {a b c} end+1 end+1 x
# case: list-lreplace-all
lreplace {a b c} 0 end
# case: list-lreplace-clamp-last
lreplace {a b c} 1 100 x
# case: list-lreplace-normalizes
lreplace "a   b" 5 5
# case: list-lreplace-bad-index
lreplace {a b} x 1
# case: list-lreplace-wrong-args
lreplace {a b} 1
# case: list-lrepeat-basic
lrepeat 3 a
# case: list-lrepeat-multi
lrepeat 2 a {b c}
# case: list-lrepeat-zero
lrepeat 0 a
# case: list-lrepeat-no-values
lrepeat 3
# case: list-lrepeat-negative
lrepeat -1 a
# case: list-lrepeat-wraps
lrepeat 4294967295 a
# case: list-lrepeat-bad-count
lrepeat x a
# case: list-lrepeat-huge
lrepeat 1000000000 a b c
# case: list-lrepeat-large
set l [lrepeat 100000 a b]; list [llength $l] [lindex $l end] [lindex $l 99999]
# case: list-lrepeat-wrong-args
lrepeat
# case: list-lrepeat-too-large-count
lrepeat 99999999999 a
# case: list-lreverse-basic
lreverse {a b c}
# case: list-lreverse-nested
lreverse {a {b c} d}
# case: list-lreverse-empty
lreverse {}
# case: list-lreverse-spaces
lreverse "  "
# case: list-lreverse-one
lreverse {{a b}}
# case: list-lreverse-bad-list
lreverse "\{"
# case: list-lreverse-wrong-args
lreverse
# case: list-lassign-basic
list [lassign {a b c} x y] $x $y
# case: list-lassign-more-vars
list [lassign {a b} x y z] $x $y $z
# case: list-lassign-no-vars
lassign {a b c}
# case: list-lassign-empty
list [lassign {} x] $x
# case: list-lassign-rest
lassign {a b c d e} x
# case: list-lassign-bad-list
lassign "\{" x
# case: list-lassign-wrong-args
lassign
# case: list-lassign-array
lassign {1 2} a(x) a(y); list $a(x) $a(y)
# case: list-lset-basic
set x {a b c}; lset x 1 B
# case: list-lset-var-updated
set x {a b c}; lset x end Z; set x
# case: list-lset-append
set x {a b}; lset x 2 c
# case: list-lset-append-end-plus
set x {a b}; lset x end+1 c
# case: list-lset-out-of-range
set x {a b}; lset x 3 c
# case: list-lset-negative
set x {a b}; lset x -1 c
# case: list-lset-nested
set x {a {b c}}; lset x 1 1 Z
# case: list-lset-nested-append
set x {a {b c}}; lset x 1 2 d
# case: list-lset-nested-list-arg
set x {a {b c}}; lset x {1 0} Z
# case: list-lset-nested-new-sublist
set x {a {b c}}; lset x 2 0 d
# case: list-lset-deep-scalar
set x {a b}; lset x 1 0 0 c
# case: list-lset-empty-index
set x {a b}; lset x {} c
# case: list-lset-no-index
set x {a b}; lset x c
# case: list-lset-empty-list
set x {}; lset x 0 c
# case: list-lset-missing-var
lset nosuch 0 c
# case: list-lset-bad-list
set x "a \{"; lset x 0 c
# case: list-lset-bad-index
set x {a b}; lset x foo c
# case: list-lset-bad-nested-index
set x {a {b c}}; lset x 1 foo c
# case: list-lset-wrong-args
lset x
# case: list-lset-quoting
set x {a b}; lset x 0 "x y"
# case: list-lset-normalizes
set x "a   b    c"; lset x 1 B
# case: list-lset-nested-out-of-range
set x {a {b c}}; lset x 1 3 Z
# case: list-lset-index-list-bad
set x {a b}; lset x "\{" c
# case: list-lset-array-element
set a(k) {1 2 3}; lset a(k) 1 X; set a(k)
# case: list-lsearch-glob-default
lsearch {apple banana cherry} b*
# case: list-lsearch-glob-none
lsearch {apple banana} z*
# case: list-lsearch-exact
lsearch -exact {a* b a} a
# case: list-lsearch-exact-star
lsearch -exact {a b a*} a*
# case: list-lsearch-glob-explicit
lsearch -glob {xa ya za} y?
# case: list-lsearch-empty-list
lsearch {} a
# case: list-lsearch-all
lsearch -all {a b a c a} a
# case: list-lsearch-all-none
lsearch -all {a b} z
# case: list-lsearch-inline
lsearch -inline {apple banana} b*
# case: list-lsearch-inline-none
lsearch -inline {apple banana} z*
# case: list-lsearch-all-inline
lsearch -all -inline {a1 b1 a2 b2} a*
# case: list-lsearch-not
lsearch -not {a a b a} a
# case: list-lsearch-not-all-inline
lsearch -all -not -inline {a b a c} a
# case: list-lsearch-start
lsearch -start 2 {a b a b} a
# case: list-lsearch-start-end
lsearch -start end {a b a} a
# case: list-lsearch-start-negative
lsearch -start -1 {a b} a
# case: list-lsearch-start-beyond
lsearch -start 10 {a b} a
# case: list-lsearch-start-beyond-inline
lsearch -start 10 -inline {a b} a
# case: list-lsearch-start-beyond-all
lsearch -start 10 -all {a b} a
# case: list-lsearch-start-bad
lsearch -start foo {a b} a
# case: list-lsearch-start-missing
lsearch -start {a b} a
# case: list-lsearch-nocase-glob
lsearch -nocase {ABC abd} ab?
# case: list-lsearch-nocase-exact
lsearch -exact -nocase {ABC abd} abc
# case: list-lsearch-nocase-unicode
lsearch -exact -nocase {X \u00c9T\u00c9} \u00e9t\u00e9
# case: list-lsearch-integer-exact
lsearch -exact -integer {1 02 3} 2
# case: list-lsearch-integer-hex
lsearch -exact -integer {10 0x10 16} 16
# case: list-lsearch-integer-bad-elem
lsearch -exact -integer {1 x 3} 3
# case: list-lsearch-integer-bad-pattern
lsearch -exact -integer {1 2} x
# case: list-lsearch-integer-glob-ignored
lsearch -integer {10 20} 2*
# case: list-lsearch-real-exact
lsearch -exact -real {1 2.0 3} 2
# case: list-lsearch-real-bad
lsearch -exact -real {1 x} 2
# case: list-lsearch-dictionary-exact
lsearch -exact -dictionary {b a01 a1} a1
# case: list-lsearch-dictionary-case
lsearch -exact -dictionary {A1 a1} a1
# case: list-lsearch-ascii
lsearch -exact -ascii {10 1.0 1} 1
# case: list-lsearch-sorted
lsearch -sorted {a b c d e} d
# case: list-lsearch-sorted-missing
lsearch -sorted {a b d e} c
# case: list-lsearch-sorted-first-of-equals
lsearch -sorted {a b b b c} b
# case: list-lsearch-sorted-integer
lsearch -sorted -integer {1 5 10 50} 10
# case: list-lsearch-sorted-integer-bad
lsearch -sorted -integer {1 x 3} 3
# case: list-lsearch-sorted-real
lsearch -sorted -real {1 2.5 3} 2.5
# case: list-lsearch-sorted-decreasing
lsearch -sorted -decreasing {e d c b a} b
# case: list-lsearch-sorted-dictionary
lsearch -sorted -dictionary {a1 a2 a10 a20} a10
# case: list-lsearch-sorted-nocase
lsearch -sorted -nocase {A B C} b
# case: list-lsearch-sorted-all
lsearch -sorted -all {a a b b c} b
# case: list-lsearch-sorted-not
lsearch -sorted -not {a a b} a
# case: list-lsearch-sorted-inline
lsearch -sorted -inline {a b c} b
# case: list-lsearch-sorted-start
lsearch -sorted -start 2 {a b b b c} b
# case: list-lsearch-bisect
lsearch -bisect {a c e} d
# case: list-lsearch-sorted-increasing
lsearch -sorted -increasing -integer {1 3 5 7} 5
# case: list-lsearch-regexp
lsearch -regexp {abc bcd cde} {^b}
# case: list-lsearch-regexp-all-nocase
lsearch -all -inline -regexp -nocase {Abc xbc ABD} {^ab}
# case: list-lsearch-regexp-bad
lsearch -regexp {a b} (
# case: list-lsearch-bisect-before
lsearch -bisect {a c e} 0
# case: list-lsearch-bisect-equal-last
lsearch -bisect {a b b b c} b
# case: list-lsearch-bisect-integer
lsearch -bisect -integer {1 5 10} 7
# case: list-lsearch-bisect-decreasing
lsearch -bisect -decreasing {e c a} d
# case: list-lsearch-bisect-all
lsearch -bisect -all {a b} a
# case: list-lsearch-bisect-not
lsearch -bisect -not {a b} a
# case: list-lsearch-bisect-inline
lsearch -bisect -inline {a c e} d
# case: list-lsearch-index
lsearch -index 1 {{a x} {b y} {c z}} y
# case: list-lsearch-index-end
lsearch -index end {{a b} {c d}} d
# case: list-lsearch-index-end-minus
lsearch -index end-1 -inline {{a b} {c d}} c
# case: list-lsearch-index-nested
lsearch -index {0 1} {{{a b}} {{c d}}} d
# case: list-lsearch-index-empty
lsearch -index {} {{a b} c} c
# case: list-lsearch-index-missing-elem
lsearch -index 1 {{a b} {c}} d
# case: list-lsearch-index-missing-elem-end
lsearch -index end-5 {{a b}} a
# case: list-lsearch-index-negative
lsearch -index -1 {{a b}} a
# case: list-lsearch-index-end-plus
lsearch -index end+1 {{a b}} a
# case: list-lsearch-index-bad
lsearch -index foo {a b} a
# case: list-lsearch-index-missing
lsearch -index {a b} a
# case: list-lsearch-index-bad-sublist
lsearch -index 0 [list a "\{b"] z
# case: list-lsearch-index-arith
lsearch -index 1+1 {{a b c}} c
# case: list-lsearch-index-integer
lsearch -exact -integer -index 1 {{a 10} {b 20}} 20
# case: list-lsearch-index-sorted
lsearch -sorted -index 0 {{a 1} {b 2} {c 3}} b
# case: list-lsearch-subindices
lsearch -index end -subindices {{a b} {c d}} d
# case: list-lsearch-subindices-all
lsearch -all -index end -subindices {{a b} {c d} {e f}} d
# case: list-lsearch-subindices-all-multi
lsearch -all -index 0 -subindices {{a b} {c d} {a f}} a
# case: list-lsearch-subindices-nested
lsearch -index {0 end} -subindices {{{a b}} {{c d}}} d
# case: list-lsearch-subindices-none
lsearch -index end -subindices {{a b} {c d}} zz
# case: list-lsearch-subindices-inline
lsearch -inline -subindices -index 1 {{a b} {c b}} b
# case: list-lsearch-subindices-all-inline
lsearch -all -inline -subindices -index 1 {{a b} {c b}} b
# case: list-lsearch-subindices-without-index
lsearch -subindices {a b} a
# case: list-lsearch-index-start
lsearch -start 1 -index 0 {{a 1} {a 2}} a
# case: list-lsearch-wrong-args
lsearch a
# case: list-lsearch-no-args
lsearch
# case: list-lsearch-bad-option
lsearch -foo {a b} a
# case: list-lsearch-ambiguous-option
lsearch -i {a} a
# case: list-lsearch-list-as-option
lsearch -exact {a b} b c
# case: list-lsearch-bad-list
lsearch "\{" a
# case: list-lsearch-option-prefix
lsearch -ex {a* a} a
# case: list-lsearch-last-mode-wins
lsearch -exact -glob {a* ab} a*
# case: list-lsearch-glob-brackets
lsearch {a b c1 c2} {c[0-9]}
# case: list-lsearch-unicode-glob
lsearch {x \u00e9t\u00e9} ?t?
# case: list-lsearch-large
set l {}; for {set i 0} {$i < 3000} {incr i} {lappend l item$i}; list [lsearch $l item2999] [lsearch -exact $l item1500] [lsearch -sorted -dictionary $l item10]
# case: list-lsort-basic
lsort {c a b}
# case: list-lsort-ascii-explicit
lsort -dictionary -ascii {b10 b9 B1}
# case: list-lsort-ascii-case
lsort {b B a A}
# case: list-lsort-empty
lsort {}
# case: list-lsort-one
lsort {a}
# case: list-lsort-decreasing
lsort -decreasing {a c b}
# case: list-lsort-increasing
lsort -decreasing -increasing {a c b}
# case: list-lsort-integer
lsort -integer {10 9 100 -1 0x10}
# case: list-lsort-integer-bad
lsort -integer {3 x 1}
# case: list-lsort-integer-float
lsort -integer {0x10 9 1e3}
# case: list-lsort-integer-too-big
lsort -integer {99999999999999999999 1}
# case: list-lsort-integer-wrap
lsort -integer {18446744073709551615 1}
# case: list-lsort-integer-decreasing
lsort -decreasing -integer {1 10 2}
# case: list-lsort-real
lsort -real {1.5 1e1 -2 0x10 .5}
# case: list-lsort-real-bad
lsort -real {3 x 1}
# case: list-lsort-real-nan
lsort -real {NaN 1}
# case: list-lsort-dictionary
lsort -dictionary {a10 a9 A9 a09 b B x1y2 x1y10}
# case: list-lsort-dictionary-case
lsort -dictionary {b A a B}
# case: list-lsort-dictionary-zeros
lsort -dictionary {a001 a01 a1 a0001}
# case: list-lsort-dictionary-unicode
lsort -dictionary {\u00e9b \u00c9a b a}
# case: list-lsort-nocase
lsort -nocase {B a C}
# case: list-lsort-nocase-stable
lsort -nocase {b A a B}
# case: list-lsort-stable
lsort -index 1 {{a 1} {b 0} {c 1} {d 0}}
# case: list-lsort-unique
lsort -unique {a b a c b}
# case: list-lsort-unique-indices
lsort -unique -indices {a b a c b}
# case: list-lsort-unique-nocase
lsort -unique -nocase {a A b B}
# case: list-lsort-unique-decreasing
lsort -unique -decreasing {a b a}
# case: list-lsort-unique-integer
lsort -unique -integer {1 01 0x1 2}
# case: list-lsort-indices
lsort -indices {c a b}
# case: list-lsort-indices-decreasing
lsort -indices -decreasing {c a b}
# case: list-lsort-index
lsort -index 1 {{a 2} {b 1} {c 3}}
# case: list-lsort-index-end
lsort -index end {{a 2} {b 1}}
# case: list-lsort-index-nested
lsort -index {1 0} {{a {z 1}} {b {y 2}}}
# case: list-lsort-index-integer
lsort -integer -index 1 {{a 10} {b 9}}
# case: list-lsort-index-missing
lsort -index 1 {{a 2} {b}}
# case: list-lsort-index-negative
lsort -index -1 {{a 2} {b 1}}
# case: list-lsort-index-end-plus
lsort -index end+1 {{a 2}}
# case: list-lsort-index-bad
lsort -index foo {{a 2}}
# case: list-lsort-index-bad-list
lsort -index "\{" {{a 2}}
# case: list-lsort-index-last-wins
lsort -index 0 -index 1 {{a b} {c a}}
# case: list-lsort-index-as-list
lsort -index
# case: list-lsort-index-missing-value
lsort -index {a b}
# case: list-lsort-stride
lsort -stride 2 {c 1 a 2 b 3}
# case: list-lsort-stride-index
lsort -stride 2 -index 1 {a 2 b 1 c 0}
# case: list-lsort-stride-index-end
lsort -stride 2 -index end {a 2 b 1 c 0}
# case: list-lsort-stride-indices
lsort -stride 2 -indices {b 2 a 1}
# case: list-lsort-stride-unique
lsort -stride 2 -unique {a 1 a 2 b 3}
# case: list-lsort-stride-nested-index
lsort -stride 2 -index {0 0} {{a b} 2 {c d} 1}
# case: list-lsort-stride-three
lsort -stride 3 -unique -index 1 {a 1 x b 1 y c 0 z}
# case: list-lsort-stride-bad-multiple
lsort -stride 3 {a 2 b 1 c}
# case: list-lsort-stride-one
lsort -stride 1 {a b}
# case: list-lsort-stride-bad-index
lsort -stride 2 -index 2 {a 2 b 1}
# case: list-lsort-stride-negative-index
lsort -stride 2 -index -1 {a 2 b 1}
# case: list-lsort-stride-bad
lsort -stride x {a b}
# case: list-lsort-stride-empty
lsort -stride 2 {}
# case: list-lsort-stride-missing
lsort -stride {a b}
# case: list-lsort-command
lsort -command {string compare} {c a b}
# case: list-lsort-command-proc
proc cmp {a b} {string compare $b $a}; lsort -command cmp {a c b}
# case: list-lsort-command-calls
proc cmp {a b} {puts "$a $b"; string compare $a $b}; lsort -command cmp {d c b a e}
# case: list-lsort-command-error
lsort -command {error boom} {c a b}
# case: list-lsort-command-non-integer
lsort -command {list x} {b a}
# case: list-lsort-command-unknown
lsort -command nosuchcmd {a b}
# case: list-lsort-command-missing
lsort -command {a b}
# case: list-lsort-command-bad-list
lsort -command "\{" {b a}
# case: list-lsort-command-index
lsort -index 1 -command {string compare} {{a z} {b y}}
# case: list-lsort-command-decreasing
lsort -decreasing -command {string compare} {a c b}
# case: list-lsort-command-unique
lsort -unique -command {string compare} {b a b}
# case: list-lsort-command-one-element
lsort -command nosuchcmd {a}
# case: list-lsort-bad-option
lsort -foo {a b}
# case: list-lsort-ambiguous-option
lsort -in {a b}
# case: list-lsort-wrong-args
lsort
# case: list-lsort-bad-list
lsort "\{"
# case: list-lsort-option-as-list
lsort -integer
# case: list-lsort-large
set l {}; for {set i 0} {$i < 3000} {incr i} {lappend l [expr {($i * 7919) % 3001}]}; set s [lsort -integer $l]; list [lindex $s 0] [lindex $s end] [llength $s]
# case: list-lsort-quoting-preserved
lsort {{b c} a {}}
# case: list-lsort-unicode
lsort {\u00e9 z a \u4e2d}
# case: list-lsort-nul
lsort [list b a\0 a]
# case: list-lsort-nul-order
lsort [list a\0 a\x01 a\u0080 a a\x7f]
# case: list-concat-basic
concat a b {c d}
# case: list-concat-none
concat
# case: list-concat-trim
concat " a " "  b"
# case: list-concat-empty-args
concat a "" "   " b
# case: list-concat-lists
concat {a b} {c {d e}}
# case: list-concat-backslash-space
concat "a\\ " b
# case: list-concat-trailing-backslash
concat " a\\" b
# case: list-concat-newlines
concat "\na\n" "\tb\t"
# case: list-concat-braces
concat "\{a b\} " "  " " c"
# case: list-concat-unbalanced
concat "\{a" b
# case: list-join-basic
join {a b c}
# case: list-join-sep
join {a b c} ,
# case: list-join-multichar-sep
join {a b c} ", "
# case: list-join-empty-sep
join {a b c} ""
# case: list-join-nested
join {a {b c} d} -
# case: list-join-empty
join {}
# case: list-join-one
join {{a b}}
# case: list-join-bad-list
join "\{a" ,
# case: list-join-wrong-args
join
# case: list-join-too-many
join a b c
# case: list-join-unicode
join {\u00e9 \u4e2d} \u2014
# case: list-join-empty-elements
join {{} a {}} :
# case: list-split-default
split "a b  c"
# case: list-split-whitespace
split "a\tb\nc\rd"
# case: list-split-chars
split a,b,,c, ,
# case: list-split-multi-chars
split "a,b;c" ",;"
# case: list-split-empty-chars
split abc {}
# case: list-split-empty-string
split "" ,
# case: list-split-empty-both
split "" ""
# case: list-split-no-sep-found
split abc ,
# case: list-split-unicode-sep
split a\u00e9b\u00e9c \u00e9
# case: list-split-unicode-chars
split \u00e9\u4e2db {}
# case: list-split-non-bmp-count
llength [split a\U1F600b ""]
# case: list-split-non-bmp-sep
split a\U1F600b \U1F600
# case: list-split-quoting
split "a{b c}d" {}
# case: list-split-braces
split "\{a \}b" " "
# case: list-split-only-seps
split ,,, ,
# case: list-split-wrong-args
split
# case: list-split-too-many
split a b c
# case: list-split-join-roundtrip
join [split "a:b:c" :] :
# case: list-split-large
llength [split [string repeat "ab " 10000]]
# case: list-index-form-end-prefix-e
lindex {a b c d e f g h} "e"
# case: list-index-form-end-prefix-en
lindex {a b c d e f g h} "en"
# case: list-index-form-end-minus-negative
lindex {a b c d e f g h} "end--1"
# case: list-index-form-end-minus-plus
lindex {a b c d e f g h} "end-+1"
# case: list-index-form-end-plus-minus
lindex {a b c d e f g h} "end+-1"
# case: list-index-form-arith-minus-negative
lindex {a b c d e f g h} "1--1"
# case: list-index-form-arith-signed
lindex {a b c d e f g h} "+1+1"
# case: list-index-form-arith-radix
lindex {a b c d e f g h} "0x2+0b1"
# case: list-index-form-arith-octal
lindex {a b c d e f g h} "07+1"
# case: list-index-form-end-hex
lindex {a b c d e f g h} "end-0x1"
# case: list-index-form-leading-tab
lindex {a b c d e f g h} "\t1"
# case: list-index-form-space-after-op-list
lindex {a b c d e f g h} "1+ 1"
# case: list-index-form-end-space-list
lindex {a b c d e f g h} "end- 1"
# case: list-index-form-bad-octal
lindex {a b c d e f g h} "08"
# case: list-index-form-end-bad-octal
lindex {a b c d e f g h} "end-08"
# case: list-index-form-arith-bad-octal
lindex {a b c d e f g h} "1+08"
# case: list-index-form-float
lindex {a b c d e f g h} "1e1"
# case: list-index-form-double-arith
lindex {a b c d e f g h} "1+2+3"
# case: list-index-form-wraps-negative
lindex {a b c d e f g h} "2147483648"
# case: list-index-form-wraps-zero
lindex {a b c d e f g h} "4294967295+1"
# case: list-index-form-too-big
lindex {a b c d e f g h} "4294967296"
# case: list-index-form-end-too-big
lindex {a b c d e f g h} "end-4294967296"
# case: list-index-form-end-junk
lindex {a b c d e f g h} "endx"
# case: list-index-form-end-plus-nothing
lindex {a b c d e f g h} "end+"
# case: list-index-form-lrange
lrange {a b c d e} e-1 end
# case: list-index-form-linsert-prefix
linsert {a b c} en x
# case: list-index-form-lset-arith
set x {a b c}; lset x 0+1 B
# case: list-combo-nested-build
set m {}; foreach r {1 2} {set row {}; foreach c {a b} {lappend row $r$c}; lappend m $row}; list $m [lindex $m 1 0]
# case: list-combo-sort-search
set l [lsort {pear apple fig}]; list $l [lsearch -sorted $l fig]
# case: list-combo-reverse-join
join [lreverse [split abc {}]] {}
