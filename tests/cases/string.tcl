# The string command: every subcommand and option of Tcl 8.6's string
# ensemble, edge cases and error messages. Each case runs in a fresh
# interpreter. Non-BMP characters (\U1F600) appear only where tclsh 8.6
# (which stores them as U+FFFD or surrogate pairs) agrees with Feather.
# case: string-ensemble-no-args
string
# case: string-ensemble-unknown
string foo bar
# case: string-ensemble-ambiguous
string t abc
# case: string-ensemble-prefix
string len abcdef
# case: string-ensemble-prefix-wrong-args
string len
# case: string-ensemble-qualified-wrong-args
::string length
# case: string-ensemble-empty-subcommand
string "" abc
# case: string-bytelength-ascii
string bytelength hello
# case: string-bytelength-empty
string bytelength ""
# case: string-bytelength-latin1
string bytelength \u00e9t\u00e9
# case: string-bytelength-cjk
string bytelength \u4e2d\u6587
# case: string-bytelength-nul
string bytelength a\0b
# case: string-bytelength-wrong-args
string bytelength a b
# case: string-cat-none
string cat
# case: string-cat-one
string cat abc
# case: string-cat-many
string cat a b {c d} "" e
# case: string-cat-list-values
string cat [list a b] [list c]
# case: string-cat-unicode
string cat \u00e9 \u4e2d
# case: string-compare-equal
string compare abc abc
# case: string-compare-less
string compare abc abd
# case: string-compare-greater
string compare b a
# case: string-compare-prefix
string compare a ab
# case: string-compare-longer
string compare ab a
# case: string-compare-empty
string compare "" ""
# case: string-compare-empty-left
string compare "" a
# case: string-compare-case
string compare A a
# case: string-compare-nocase
string compare -nocase ABC abc
# case: string-compare-nocase-less
string compare -nocase ABC abd
# case: string-compare-nocase-prefix
string compare -no ABC abd
# case: string-compare-length
string compare -length 2 abc abd
# case: string-compare-length-3
string compare -length 3 abc abd
# case: string-compare-length-0
string compare -length 0 abc abd
# case: string-compare-length-negative
string compare -length -1 abc abd
# case: string-compare-length-longer
string compare -length 10 ab abc
# case: string-compare-length-nocase
string compare -nocase -length 2 ABC abd
# case: string-compare-length-prefix-option
string compare -l 2 abc abd
# case: string-compare-length-bad
string compare -length x a b
# case: string-compare-length-missing
string compare -length a b
# case: string-compare-bad-option
string compare -foo a b
# case: string-compare-dash-option
string compare - a b
# case: string-compare-wrong-args
string compare a
# case: string-compare-too-many
string compare -nocase -length 1 -foo a b
# case: string-compare-unicode
string compare \u00e9 \u00e8
# case: string-compare-unicode-nocase
string compare -nocase \u00c9T\u00c9 \u00e9t\u00e9
# case: string-compare-length-unicode
string compare -length 1 \u00e9a \u00e9b
# case: string-compare-numbers-as-strings
string compare 10 9
# case: string-compare-nul
string compare a\0b a\0c
# case: string-equal-yes
string equal abc abc
# case: string-equal-no
string equal abc abd
# case: string-equal-nocase
string equal -nocase HeLLo hello
# case: string-equal-length
string equal -length 2 abc abd
# case: string-equal-length-short
string equal -length 2 ab abc
# case: string-equal-length-beyond
string equal -length 3 ab abc
# case: string-equal-length-negative
string equal -length -1 abc abd
# case: string-equal-empty
string equal "" ""
# case: string-equal-bad-option
string equal -foo a b
# case: string-equal-wrong-args
string equal a
# case: string-equal-number-forms
string equal 1 1.0
# case: string-equal-unicode-nocase
string equal -nocase \u0391\u0392 \u03b1\u03b2
# case: string-first-basic
string first b abcb
# case: string-first-missing
string first x abc
# case: string-first-substring
string first bc abcbc
# case: string-first-start
string first b abcb 2
# case: string-first-start-negative
string first b abcb -10
# case: string-first-start-end
string first b abcb end
# case: string-first-start-end-minus
string first bc abcbc end-1
# case: string-first-start-beyond
string first bc abcbc 4
# case: string-first-empty-needle
string first "" abc
# case: string-first-empty-both
string first "" ""
# case: string-first-longer-needle
string first abcd abc
# case: string-first-bad-index
string first a abc x
# case: string-first-wrong-args
string first a
# case: string-first-unicode
string first \u00e9 a\u00e9b\u00e9
# case: string-first-unicode-start
string first \u00e9 a\u00e9b\u00e9 2
# case: string-first-after-non-bmp
string first b a\U1F600b
# case: string-last-basic
string last b abcb
# case: string-last-missing
string last x abc
# case: string-last-substring
string last bc abcbc
# case: string-last-limit
string last b abcb 2
# case: string-last-limit-end-minus
string last b abcb end-1
# case: string-last-limit-large
string last b abcb 100
# case: string-last-limit-partial
string last bc abcbc 3
# case: string-last-limit-whole
string last bc abcbc 4
# case: string-last-limit-negative
string last bc abcbc -1
# case: string-last-empty-needle
string last "" abc
# case: string-last-bad-index
string last a abc foo
# case: string-last-wrong-args
string last a b c d
# case: string-last-unicode
string last \u00e9 a\u00e9b\u00e9c
# case: string-index-first
string index abc 0
# case: string-index-end
string index abc end
# case: string-index-end-minus
string index abc end-1
# case: string-index-end-plus
string index abc end+1
# case: string-index-negative
string index abc -1
# case: string-index-beyond
string index abc 3
# case: string-index-arith
string index abcdef 1+2
# case: string-index-arith-minus
string index abcdef 4-2
# case: string-index-empty
string index "" 0
# case: string-index-bad
string index abc x
# case: string-index-bad-end
string index abc end-x
# case: string-index-wrong-args
string index abc
# case: string-index-unicode
string index \u00e9\u4e2d\u00fc 1
# case: string-index-non-bmp-neighbour
string index a\U1F600b 2
# case: string-index-hex
string index abcdef 0x2
# case: string-length-ascii
string length hello
# case: string-length-empty
string length ""
# case: string-length-unicode
string length \u00e9t\u00e9
# case: string-length-cjk
string length \u4e2d\u6587\u5b57
# case: string-length-non-bmp
string length \U1F600
# case: string-length-non-bmp-mixed
string length a\U1F600b
# case: string-length-list
string length [list a {b c}]
# case: string-length-nul
string length a\0b
# case: string-length-wrong-args
string length
# case: string-length-too-many
string length a b
# case: string-is-alnum-yes
string is alnum abc123
# case: string-is-alnum-no
string is alnum abc-1
# case: string-is-alnum-failindex
list [string is alnum -failindex i abc-1] $i
# case: string-is-alpha-yes
string is alpha abcXYZ
# case: string-is-alpha-no
string is alpha abc1
# case: string-is-alpha-failindex
list [string is alpha -failindex i abc1] $i
# case: string-is-ascii-yes
string is ascii abc~
# case: string-is-ascii-no
string is ascii ab\u00e9
# case: string-is-ascii-failindex
list [string is ascii -failindex i ab\u00e9] $i
# case: string-is-control-yes
string is control \x01\x1f
# case: string-is-control-no
string is control \x01a
# case: string-is-control-failindex
list [string is control -failindex i \x01a] $i
# case: string-is-digit-yes
string is digit 0123
# case: string-is-digit-no
string is digit 12a
# case: string-is-digit-failindex
list [string is digit -failindex i 12a] $i
# case: string-is-graph-yes
string is graph a!b
# case: string-is-graph-no
string is graph {a b}
# case: string-is-graph-failindex
list [string is graph -failindex i {a b}] $i
# case: string-is-lower-yes
string is lower abc
# case: string-is-lower-no
string is lower abC
# case: string-is-lower-failindex
list [string is lower -failindex i abC] $i
# case: string-is-print-yes
string is print {a b}
# case: string-is-print-no
string is print a\tb
# case: string-is-print-failindex
list [string is print -failindex i a\tb] $i
# case: string-is-punct-yes
string is punct !?.,
# case: string-is-punct-no
string is punct a!
# case: string-is-punct-failindex
list [string is punct -failindex i a!] $i
# case: string-is-space-yes
string is space  \t\n
# case: string-is-space-no
string is space  x
# case: string-is-space-failindex
list [string is space -failindex i  x] $i
# case: string-is-upper-yes
string is upper ABC
# case: string-is-upper-no
string is upper ABc
# case: string-is-upper-failindex
list [string is upper -failindex i ABc] $i
# case: string-is-wordchar-yes
string is wordchar a_b1
# case: string-is-wordchar-no
string is wordchar a-b
# case: string-is-wordchar-failindex
list [string is wordchar -failindex i a-b] $i
# case: string-is-xdigit-yes
string is xdigit 0aF9
# case: string-is-xdigit-no
string is xdigit abz
# case: string-is-xdigit-failindex
list [string is xdigit -failindex i abz] $i
# case: string-is-alpha-unicode
string is alpha \u00e9\u4e2d\u03b1
# case: string-is-upper-unicode
string is upper \u00c9\u0391
# case: string-is-lower-unicode
string is lower \u00e9\u03b1
# case: string-is-digit-unicode
string is digit \u0661\u0662
# case: string-is-space-unicode
string is space \u00a0\u3000
# case: string-is-punct-symbols
list [string is punct +] [string is punct \$] [string is punct ~] [string is punct _]
# case: string-is-alpha-non-bmp
string is alpha \U1F600
# case: string-is-empty
string is alpha ""
# case: string-is-empty-strict
string is alpha -strict ""
# case: string-is-empty-strict-failindex
list [string is digit -strict -failindex i ""] $i
# case: string-is-failindex-unset-on-success
set i untouched; string is alpha -failindex i abc; set i
# case: string-is-failindex-unicode
list [string is alpha -failindex i \u00e9\u00e91\u00e9] $i
# case: string-is-failindex-ascii-after-unicode
list [string is ascii -failindex i xy\u00e9z] $i
# case: string-is-boolean-words
list [string is boolean yes] [string is boolean no] [string is boolean TRUE] [string is boolean off]
# case: string-is-boolean-prefix
list [string is boolean tr] [string is boolean of] [string is boolean o]
# case: string-is-boolean-numbers
list [string is boolean 0] [string is boolean 1] [string is boolean 2] [string is boolean 0x1]
# case: string-is-boolean-bad
list [string is boolean maybe] [string is boolean { true}]
# case: string-is-boolean-empty
list [string is boolean ""] [string is boolean -strict ""]
# case: string-is-boolean-failindex
list [string is boolean -failindex i maybe] $i
# case: string-is-true
list [string is true yes] [string is true 1] [string is true no] [string is true maybe]
# case: string-is-false
list [string is false off] [string is false 0] [string is false on] [string is false 0.0]
# case: string-is-integer-basic
list [string is integer 42] [string is integer -17] [string is integer +5]
# case: string-is-integer-radix
list [string is integer 0x1F] [string is integer 0o17] [string is integer 0b101] [string is integer 017]
# case: string-is-integer-bad-octal
string is integer 08
# case: string-is-integer-space
string is integer " 12 "
# case: string-is-integer-range
list [string is integer 2147483648] [string is integer 4294967295] [string is integer 4294967296] [string is integer -4294967295]
# case: string-is-integer-failindex
list [string is integer -failindex i 12x3] $i
# case: string-is-integer-failindex-space
list [string is integer -failindex i "  12x"] $i
# case: string-is-integer-failindex-none
list [string is integer -failindex i " x"] $i
# case: string-is-integer-failindex-toobig
list [string is integer -failindex i 99999999999] $i
# case: string-is-integer-failindex-hex
list [string is integer -failindex i 0x1g] $i
# case: string-is-integer-failindex-prefix
list [string is integer -failindex i 0x] $i
# case: string-is-integer-failindex-bin
list [string is integer -failindex i 0b102] $i
# case: string-is-integer-float
list [string is integer -failindex i 1.5] $i
# case: string-is-integer-sign-only
list [string is integer -failindex i -] $i
# case: string-is-wideinteger
list [string is wideinteger 9223372036854775807] [string is wideinteger 9223372036854775808] [string is wideinteger 18446744073709551616]
# case: string-is-wideinteger-failindex
list [string is wideinteger -failindex i 18446744073709551616] $i
# case: string-is-entier
list [string is entier 99999999999999999999999] [string is entier 1.5] [string is entier { 12 }]
# case: string-is-entier-failindex
list [string is entier -failindex i 12x] $i
# case: string-is-double-forms
list [string is double 1.5] [string is double .5] [string is double 5.] [string is double 1e10] [string is double -1.5E-3]
# case: string-is-double-ints
list [string is double 42] [string is double 0x10] [string is double 0b11]
# case: string-is-double-special
list [string is double inf] [string is double -Infinity] [string is double NaN]
# case: string-is-double-bad
list [string is double .] [string is double 1e] [string is double abc] [string is double 08]
# case: string-is-double-octal-like
string is double 08.5
# case: string-is-double-overflow
string is double 1e400
# case: string-is-double-failindex
list [string is double -failindex i 1.5x] $i
# case: string-is-double-failindex-exp
list [string is double -failindex i 1e] $i
# case: string-is-double-failindex-inf
list [string is double -failindex i Infx] $i
# case: string-is-double-failindex-space
list [string is double -failindex i "1.5 x"] $i
# case: string-is-double-space
string is double -strict " 1 "
# case: string-is-list-yes
string is list {a b {c d}}
# case: string-is-list-empty-strict
string is list -strict ""
# case: string-is-list-no
string is list "a \{"
# case: string-is-list-failindex
list [string is list -failindex i "a b \{c"] $i
# case: string-is-list-failindex-junk
list [string is list -failindex i "\{a\}b c"] $i
# case: string-is-list-failindex-leading
list [string is list -failindex i "  \{a\}b c"] $i
# case: string-is-list-failindex-quote
list [string is list -failindex i {a "b c}] $i
# case: string-is-wrong-args
string is
# case: string-is-wrong-args-class
string is alpha
# case: string-is-bad-class
string is foo x
# case: string-is-ambiguous-class
string is al x
# case: string-is-class-prefix
string is int 12
# case: string-is-bad-option
string is alpha -foo x
# case: string-is-option-prefix
string is alpha -s abc
# case: string-is-failindex-missing
string is integer -failindex x
# case: string-is-failindex-missing-prefix
string is int -strict -failindex x
# case: string-is-failindex-as-string
string is integer -failindex
# case: string-is-too-many
string is alpha -strict -strict -strict -strict x
# case: string-map-basic
string map {a b b c} abab
# case: string-map-order
string map {ab x a y} abab
# case: string-map-order-reverse
string map {a y ab x} abab
# case: string-map-empty-key
string map {"" x a y} abab
# case: string-map-only-empty-key
string map {"" x} ab
# case: string-map-empty-string
string map {a b} ""
# case: string-map-empty-map
string map {} abab
# case: string-map-longer-key
string map {abc x} ab
# case: string-map-unbalanced
string map {a} abab
# case: string-map-bad-list
string map "\{" abab
# case: string-map-nocase
string map -nocase {AB x} abAB
# case: string-map-nocase-prefix
string map -n {A b} a
# case: string-map-bad-option
string map -foo {a b} a
# case: string-map-wrong-args
string map {a b}
# case: string-map-no-rescan
string map {a aa} aaa
# case: string-map-delete
string map {- {}} 1-2-3
# case: string-map-unicode
string map {\u00e9 e \u00e8 e} \u00e9t\u00e8
# case: string-map-unicode-nocase
string map -nocase {\u00c9 x} \u00e9\u00c9
# case: string-map-non-bmp
string map [list \U1F600 x] a\U1F600b
# case: string-map-multichar-values
string map {1 one 2 two} 1+2=3
# case: string-map-dict
string map [dict create a 1 b 2] abc
# case: string-match-star
string match a* abc
# case: string-match-star-middle
string match a*c abbbc
# case: string-match-question
string match a?c abc
# case: string-match-question-empty
string match ? ""
# case: string-match-set
string match {[abc]x} bx
# case: string-match-range
string match {[a-c]} b
# case: string-match-range-reversed
string match {[z-a]} c
# case: string-match-range-open
string match {[a-]} -
# case: string-match-set-unclosed
string match {\[a} {[a}
# case: string-match-bracket-unclosed
string match {[a} a
# case: string-match-bracket-empty
string match {[]} ]
# case: string-match-escape
string match {\*} *
# case: string-match-escape-no-match
string match {\*} a
# case: string-match-trailing-backslash
string match a\\ a\\
# case: string-match-stars
string match ** ""
# case: string-match-star-bracket
string match {*[} a
# case: string-match-nocase
string match -nocase ABC abc
# case: string-match-nocase-set
string match -nocase {[A-C]x} bX
# case: string-match-nocase-unicode
string match -nocase \u00c9* \u00e9t\u00e9
# case: string-match-unicode-question
string match a?b a\u00e9b
# case: string-match-non-bmp
string match a?b a\U1F600b
# case: string-match-empty-pattern
string match "" ""
# case: string-match-no
string match abc abd
# case: string-match-bad-option
string match -foo a b
# case: string-match-wrong-args
string match a
# case: string-match-backtrack
string match *a*b*c* xxaxxbxxcxx
# case: string-range-basic
string range abcdef 1 3
# case: string-range-end
string range abcdef 2 end
# case: string-range-end-minus
string range abcdef 1 end-1
# case: string-range-clamp
string range abcdef -5 100
# case: string-range-empty
string range abc 2 1
# case: string-range-negative
string range abc -5 -1
# case: string-range-unicode
string range \u00e9t\u00e9s 1 2
# case: string-range-non-bmp
string range a\U1F600bc 2 end
# case: string-range-bad-index
string range abc x 1
# case: string-range-wrong-args
string range abc 1
# case: string-range-arith
string range abcdef 1+1 end-1
# case: string-repeat-basic
string repeat ab 3
# case: string-repeat-zero
string repeat ab 0
# case: string-repeat-negative
string repeat ab -1
# case: string-repeat-one
string repeat abc 1
# case: string-repeat-empty
string repeat "" 5
# case: string-repeat-bad-count
string repeat ab x
# case: string-repeat-huge-count
string repeat a 1000000000000
# case: string-repeat-too-long
string repeat abcdefghijk 1000000000
# case: string-repeat-wraps
string repeat a 4294967295
# case: string-repeat-wrong-args
string repeat ab
# case: string-repeat-large
string length [string repeat abc 500000]
# case: string-repeat-unicode
string repeat \u00e9- 3
# case: string-repeat-non-bmp-length
string length [string repeat \U1F600 3]
# case: string-replace-basic
string replace abcdef 1 2
# case: string-replace-with
string replace abcdef 1 2 XY
# case: string-replace-reversed
string replace abcdef 4 2 XY
# case: string-replace-before
string replace abcdef -1 0 XY
# case: string-replace-after
string replace abcdef 10 12 XY
# case: string-replace-end
string replace abcdef end end+5 XY
# case: string-replace-all
string replace abc 0 end
# case: string-replace-empty-string
string replace "" 0 0 x
# case: string-replace-empty-string-neg
string replace "" -1 0 x
# case: string-replace-before-start
string replace abc 0 -1 x
# case: string-replace-unicode
string replace \u00e9t\u00e9 1 1 T
# case: string-replace-wrong-args
string replace abc 1
# case: string-replace-bad-index
string replace abc 1 y
# case: string-reverse-basic
string reverse abc
# case: string-reverse-empty
string reverse ""
# case: string-reverse-unicode
string reverse a\u00e9\u4e2db
# case: string-reverse-non-bmp-twice
set s a\U1F600b; string equal [string reverse [string reverse $s]] $s
# case: string-reverse-wrong-args
string reverse
# case: string-tolower-basic
string tolower HeLLo
# case: string-toupper-basic
string toupper hello
# case: string-totitle-basic
string totitle "hELLO wORLD"
# case: string-toupper-range
string toupper hello 1 2
# case: string-toupper-first-only
string toupper hello 1
# case: string-toupper-reversed
string toupper hello 3 1
# case: string-toupper-clamp
string toupper hello -5 end
# case: string-tolower-end
string tolower HELLO end
# case: string-totitle-range
string totitle hELLO 2 end
# case: string-tolower-unicode
string tolower "\u00c9T\u00c9 \u0391\u0392"
# case: string-toupper-unicode
string toupper \u00e9t\u00e9
# case: string-totitle-unicode
string totitle "\u00e9lan D\u00c9J\u00c0"
# case: string-toupper-sharp-s
string toupper stra\u00dfe
# case: string-totitle-digraph
string totitle \u01c6a
# case: string-tolower-digraph
string tolower \u01c5
# case: string-toupper-non-bmp-neighbour
string index [string toupper a\U1F600b] end
# case: string-toupper-bad-index
string toupper abc x
# case: string-toupper-wrong-args
string toupper
# case: string-tolower-too-many
string tolower abc 1 2 3
# case: string-totitle-empty
string totitle ""
# case: string-trim-default
string trim "  abc  "
# case: string-trim-chars
string trim xxabcxx x
# case: string-trim-multi-chars
string trim abcba ab
# case: string-trim-empty-chars
string trim abc ""
# case: string-trim-everything
string trim abc abc
# case: string-trimleft-default
string trimleft "  abc  "
# case: string-trimright-default
string trimright "  abc  "
# case: string-trimleft-chars
string trimleft aabbcc ab
# case: string-trimright-chars
string trimright aabbcc bc
# case: string-trim-newlines
string trim "\n\t abc \r\n"
# case: string-trim-unicode-spaces
string trim "\u00a0\u3000abc\u200b\u2060"
# case: string-trim-more-unicode-spaces
string trim "\u0085\u180ex\u202f\u205f\ufeff"
# case: string-trim-nul
string trim "\0abc\0"
# case: string-trim-unicode-chars
string trim \u00e9a\u00e9 \u00e9
# case: string-trim-wrong-args
string trim
# case: string-trimleft-too-many
string trimleft a b c
# case: string-wordend-basic
string wordend "abc def" 0
# case: string-wordend-space
string wordend "abc def" 3
# case: string-wordend-second
string wordend "abc def" 5
# case: string-wordend-negative
string wordend "abc def" -1
# case: string-wordend-beyond
string wordend "abc def" 100
# case: string-wordend-underscore
string wordend "foo_bar baz" 0
# case: string-wordend-punct
string wordend a.b 1
# case: string-wordend-empty
string wordend "" 0
# case: string-wordend-end
string wordend "abc def" end
# case: string-wordend-unicode
string wordend "\u00e9t\u00e9 x" 0
# case: string-wordstart-basic
string wordstart "abc def" 5
# case: string-wordstart-space
string wordstart "abc def" 3
# case: string-wordstart-beyond
string wordstart "abc def" 100
# case: string-wordstart-negative
string wordstart "abc def" -1
# case: string-wordstart-underscore
string wordstart "foo_bar baz" 6
# case: string-wordstart-empty
string wordstart "" 0
# case: string-wordstart-first-word
string wordstart abc 2
# case: string-wordstart-unicode
string wordstart "x \u00e9t\u00e9" 4
# case: string-wordend-bad-index
string wordend abc x
# case: string-wordstart-wrong-args
string wordstart abc
# case: string-index-form-end-prefix
string index abcdef e
# case: string-index-form-end-minus-plus
string index abcdef end-+1
# case: string-index-form-arith-negative
string index abcdef 1--1
# case: string-index-form-bad-octal
string index abcdef 08
# case: string-index-form-end-bad-octal
string index abcdef end-09
# case: string-index-form-space
string index abcdef " 2 "
# case: string-index-form-range-arith
string range abcdef 0+1 end-1+0
# case: string-index-form-wraps
string range abcdef 4294967295+1 end
# case: string-index-form-too-big
string index abcdef 4294967296
# case: string-index-form-list-not-allowed
string index abcdef "1 2"
# case: string-combined-errors-caught
list [catch {string index} m] $m
# case: string-combined-in-proc
proc f {s} {string toupper [string trim $s]}; f {  hi  }
# case: string-combined-loop
set r {}; foreach w {Alpha beta GAMMA} {lappend r [string tolower $w]}; set r
