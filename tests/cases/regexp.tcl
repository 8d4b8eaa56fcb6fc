# Conformance cases for regexp and regsub: options, results and errors,
# Tcl's ARE syntax, and Tcl's rules for which match and which submatches.
# Each case runs in a fresh interpreter; tclsh 8.6 recorded the answers.
# case: regexp-match
regexp abc xabcx
# case: regexp-no-match
regexp abd xabcx
# case: regexp-wrong-args-none
regexp
# case: regexp-wrong-args-one
regexp a
# case: regexp-wrong-args-option-only
regexp -indices a
# case: regexp-wrong-args-start-missing
regexp -start
# case: regexp-bad-option
regexp -foo a b
# case: regexp-ambiguous-option-is-bad
regexp -a a a
# case: regexp-option-prefix-rejected
regexp -indic a a
# case: regexp-nocase-prefix-compiled
regexp -no A a
# case: regexp-double-dash
regexp -- -a -a
# case: regexp-dash-pattern-needs-double-dash
regexp -a- x
# case: regexp-empty-pattern
regexp {} abc
# case: regexp-empty-both
regexp {} {}
# case: regexp-match-var
regexp {b+} abbbc m
set m
# case: regexp-sub-vars
regexp {(\w+)@(\w+)\.com} {mail foo@bar.com now} all user host
list $all $user $host
# case: regexp-sub-var-unmatched
regexp {(a)|(b)} b all x y
list $all $x $y
# case: regexp-more-vars-than-groups
regexp a aaa x y z
list $x $y $z
# case: regexp-vars-not-set-on-fail
set m old
regexp x abc m
set m
# case: regexp-var-error
set a 1
regexp a a a(x)
# case: regexp-result-1
regexp {^\d+$} 12345
# case: regexp-inline
regexp -inline {(\d+)-(\d+)} {tel 123-456}
# case: regexp-inline-no-match
regexp -inline x abc
# case: regexp-inline-with-vars
regexp -inline a b c
# case: regexp-inline-unmatched-group
regexp -inline {(a)(x)?} a
# case: regexp-indices-var
regexp -indices {b} abc m
set m
# case: regexp-indices-empty-match
regexp -indices {x*} abc m
set m
# case: regexp-indices-inline
regexp -inline -indices {(a)(x)?} a
# case: regexp-indices-groups
regexp -indices {(\d+)\.(\d+)} {v 10.25} all a b
list $all $a $b
# case: regexp-indices-extra-vars
regexp -indices (a)(b)? a x y z
list $x $y $z
# case: regexp-all-count
regexp -all a banana
# case: regexp-all-none
regexp -all x banana
# case: regexp-all-inline
regexp -all -inline {\d+} {a1 b22 c333}
# case: regexp-all-inline-groups
regexp -all -inline {(\w)(\d)} {a1 b2 c3}
# case: regexp-all-inline-optional-group
regexp -all -inline (a)(b)? aab
# case: regexp-all-indices
regexp -all -inline -indices a aaa
# case: regexp-all-var-last
regexp -all {(\d)} {1 2 3} m d
list $m $d
# case: regexp-all-indices-var
regexp -indices -all a aaa x
set x
# case: regexp-all-empty-matches
regexp -all -inline {a*} baaac
# case: regexp-all-empty-count
regexp -all {a*} baaac
# case: regexp-all-empty-string
regexp -all {a*} {}
# case: regexp-all-empty-pattern
regexp -all -inline {} abc
# case: regexp-all-empty-pattern-empty
regexp -all -inline {} {}
# case: regexp-all-x-star
regexp -all -inline {x*} ab
# case: regexp-all-indices-empty
regexp -all -inline -indices {a*} baaac
# case: regexp-all-unicode
regexp -all -inline -indices \u00e9 h\u00e9\u00e9
# case: regexp-all-chars
regexp -all {.} h\u00e9llo
# case: regexp-start
regexp -start 2 -inline {.} abc
# case: regexp-start-indices
regexp -start 1 -indices -inline {.} abc
# case: regexp-start-past-end
regexp -start 5 -inline {.*} abc
# case: regexp-start-negative
regexp -start -5 -inline {.} abc
# case: regexp-start-end
regexp -start end -inline {.} abc
# case: regexp-start-end-minus
regexp -start end-1 -inline {.} abc
# case: regexp-start-bad
regexp -start x a a
# case: regexp-start-caret
regexp -start 1 {^b} abc
# case: regexp-start-caret-after-newline
regexp -start 2 {^b} "a\nb"
# case: regexp-start-line-caret
regexp -start 1 -line {^b} "a\nb"
# case: regexp-start-A
regexp -start 1 {\Ab} abc
# case: regexp-start-word
regexp -start 1 {\mb} abc
# case: regexp-start-dollar
regexp -start 4 -inline {$} abc
# case: regexp-start-all
regexp -start 3 -all -inline {x*} abc
# case: regexp-start-all-count
regexp -start 2 -all a aaaa
# case: regexp-start-line-end
regexp -line -start 3 -indices -inline {^} "a\nb"
# case: regexp-nocase
regexp -nocase -inline {hello} {Say HeLLo}
# case: regexp-nocase-class
regexp -nocase -inline {[a-c]+} xABCx
# case: regexp-nocase-upper-class
regexp -nocase -inline {[[:upper:]]+} abcDEF
# case: regexp-nocase-unicode
regexp -nocase -inline \u00c9T\u00c9 \u00e9t\u00e9
# case: regexp-nocase-backref
regexp -nocase -inline {(a)\1} aA
# case: regexp-case-sensitive
regexp {[[:upper:]]+} abc
# case: regexp-line
regexp -line {^b$} "a\nb\nc"
# case: regexp-no-line
regexp {^b$} "a\nb\nc"
# case: regexp-lineanchor
regexp -lineanchor {^b$} "a\nb\nc"
# case: regexp-linestop-dot
regexp -linestop -inline {a.*} "ab\nc"
# case: regexp-dot-newline
regexp -inline {a.*} "ab\nc"
# case: regexp-negated-newline
regexp -inline {a[^x]*} "ab\nc"
# case: regexp-line-negated
regexp -line -inline {a[^x]*} "ab\nc"
# case: regexp-linestop-D
regexp -inline -linestop {a\D} "a\n"
# case: regexp-line-all-caret
regexp -inline -all -line -indices {^} "a\nb"
# case: regexp-line-all-dollar
regexp -inline -all -line -indices {$} "a\nb"
# case: regexp-all-dollar
regexp -inline -all -indices {$} "a\nb"
# case: regexp-all-caret
regexp -inline -all {^} "a\nb"
# case: regexp-line-lines
regexp -all -inline -line {^\w+$} "one\ntwo words\nthree"
# case: regexp-dollar-before-newline
regexp -inline -indices {$} "a\n"
# case: regexp-a-dollar-newline
regexp {a$} "a\n"
# case: regexp-Z
regexp {a\Z} "a\n"
# case: regexp-expanded
regexp -expanded -inline { a \  b } {a b}
# case: regexp-expanded-comment
regexp -expanded -inline "a # comment\nb" ab
# case: regexp-expanded-bracket-space
regexp -expanded -inline {a[ ]b} {a b}
# case: regexp-expanded-hash-escaped
regexp -expanded -inline {a\#b} a#b
# case: regexp-expanded-bound-space
regexp -expanded -inline {a {2}} aa
# case: regexp-expanded-hash-cut
regexp -expanded -inline {a#b} a#b
# case: regexp-about
regexp -about {(a)(b)}
# case: regexp-about-plain
regexp -about {a}
# case: regexp-about-backref
regexp -about {(a)\1}
# case: regexp-about-lookahead
regexp -about {a(?=b)}
# case: regexp-about-bounds
regexp -about {a{1,2}}
# case: regexp-about-class
regexp -about {\d}
# case: regexp-about-empty-match
regexp -about {a*}
# case: regexp-about-shortest
regexp -about {a*?}
# case: regexp-about-noncapturing
regexp -about {(a)(?:b)(c)}
# case: regexp-about-empty
regexp -about {}
# case: regexp-about-empty-branch
regexp -about {a|}
# case: regexp-about-brace
regexp -about {a{,}}
# case: regexp-about-error
regexp -about {(}
# case: regexp-err-open-paren
regexp ( a
# case: regexp-err-close-paren
regexp ) a
# case: regexp-err-stray-close
regexp a) a
# case: regexp-err-bracket
regexp {[a} a
# case: regexp-err-bracket-class
regexp {[[:alpha:]} a
# case: regexp-err-bracket-empty
regexp {[]} a
# case: regexp-err-bracket-negated-empty
regexp {[^]} a
# case: regexp-err-brace-open
regexp "a{1" a
# case: regexp-err-brace-open-range
regexp "a{1,2" a
# case: regexp-err-repetition-order
regexp {a{2,1}} a
# case: regexp-err-repetition-big
regexp {a{256}} a
# case: regexp-err-repetition-junk
regexp {a{1x}} a
# case: regexp-err-repetition-three
regexp {a{1,2,3}} a
# case: regexp-err-trailing-backslash
regexp "\\" a
# case: regexp-err-range
regexp {[z-a]} a
# case: regexp-err-range-dash
regexp {[a-c-e]} d
# case: regexp-err-range-class
regexp {[[:alpha:]-z]} a
# case: regexp-err-backref
regexp {\1} a
# case: regexp-err-backref-number
regexp {(a)\2} a
# case: regexp-err-backref-open
regexp {(a\1)} aa
# case: regexp-err-backref-lookahead
regexp {(a)(?=\1)} aa
# case: regexp-err-backref-8
regexp {\8} 8
# case: regexp-err-class
regexp {[[:foo:]]} a
# case: regexp-err-class-word
regexp {[[:word:]]} a
# case: regexp-err-collating
regexp {[[.foo.]]} a
# case: regexp-err-equiv
regexp {[[=ab=]]} a
# case: regexp-err-quantifier-start
regexp {*a} a
# case: regexp-err-quantifier-double
regexp {a**} a
# case: regexp-err-quantifier-plus-star
regexp {a+*} a
# case: regexp-err-quantifier-lazy-twice
regexp {a*??} a
# case: regexp-err-plus-alone
regexp + a
# case: regexp-err-question-alone
regexp ? a
# case: regexp-err-brace-quantifier-alone
regexp {{1}} a
# case: regexp-err-caret-star
regexp {^*} a
# case: regexp-err-dollar-star
regexp {$*} a
# case: regexp-err-constraint-star
regexp {\y*} a
# case: regexp-err-lookahead-star
regexp {(?=a)*} a
# case: regexp-err-lookbehind
regexp {(?<=a)b} ab
# case: regexp-err-embedded-option
regexp {(?z)a} a
# case: regexp-err-option-in-middle
regexp {a(?i)b} ab
# case: regexp-err-escape
regexp {\q} a
# case: regexp-err-escape-k
regexp {\k} a
# case: regexp-err-escape-bracket-D
regexp {[\D]} a
# case: regexp-err-escape-bracket-q
regexp {[\q]} a
# case: regexp-err-literal-after-option
regexp {(?i)***=A} a
# case: regexp-err-message-catch
list [catch {regexp {(} x} msg] $msg
# case: regexp-dot
regexp -inline {a.c} xabcx
# case: regexp-star
regexp -inline {ab*} xabbbc
# case: regexp-plus
regexp -inline {ab+} xac
# case: regexp-question
regexp -inline {colou?r} {the color}
# case: regexp-bound-exact
regexp -inline {a{3}} aaaaa
# case: regexp-bound-min
regexp -inline {a{2,}} aaaaa
# case: regexp-bound-range
regexp -inline {a{2,3}} aaaaa
# case: regexp-bound-zero
regexp -inline {a{0}} aaa
# case: regexp-bound-zero-zero
regexp -inline {a{0,0}b} ab
# case: regexp-bound-zero-group
regexp -inline -indices {(a){0}b} ab
# case: regexp-bound-255
regexp {a{255}} a
# case: regexp-brace-literal
regexp "a\{x" a{x
# case: regexp-brace-comma-literal
regexp -inline {a{,3}} a{,3}
# case: regexp-lazy-star
regexp -inline {a.*?b} aXbYb
# case: regexp-lazy-plus
regexp -inline {a+?} aaa
# case: regexp-lazy-question
regexp -inline {ab??} ab
# case: regexp-lazy-bound
regexp -inline {a{2,}?} aaaa
# case: regexp-lazy-bound-range
regexp -inline {a{2,3}?} aaaa
# case: regexp-lazy-bound-exact
regexp -inline {a{2}?} aaa
# case: regexp-alternation
regexp -inline {cat|dog} {hotdog}
# case: regexp-alternation-longest
regexp -inline {a|ab} ab
# case: regexp-alternation-three
regexp -inline {x|yy|zzz} {azzz}
# case: regexp-alternation-empty
regexp {(|a)} a
# case: regexp-alternation-double-bar
regexp {a||b} c
# case: regexp-alternation-bar-only
regexp {|} a
# case: regexp-empty-group
regexp -inline -indices {()} a
# case: regexp-noncapturing
regexp -inline {(?:ab)+(c)} ababc
# case: regexp-nested-groups
regexp -inline {((a)(b(c)))} abc
# case: regexp-group-order
regexp -inline {(a)|(b)} b
# case: regexp-group-order-indices
regexp -inline -indices {(a)|(b)} b
# case: regexp-bracket-range
regexp -inline {[0-9]+} {abc 2024 x}
# case: regexp-bracket-negated
regexp -inline {[^a-z ]+} {abc DEF}
# case: regexp-bracket-bracket-first
regexp -inline {[]a]+} {x]a]}
# case: regexp-bracket-negated-bracket
regexp -inline {[^]a]+} {]xyz}
# case: regexp-bracket-dash-last
regexp -inline {[a-]+} a-a
# case: regexp-bracket-dash-first
regexp -inline {[-a]+} a-a
# case: regexp-bracket-escaped-dash
regexp -inline {[a\-z]} -
# case: regexp-bracket-escaped-bracket
regexp -inline {[\]]} \]
# case: regexp-bracket-backslash
regexp -inline {[\\]} \\
# case: regexp-bracket-escape-n
regexp {[\n]} "\n"
# case: regexp-bracket-escape-x
regexp -inline {[\x41]} A
# case: regexp-bracket-w-dot
regexp -inline {[\w.]+} {a.b c}
# case: regexp-bracket-d
regexp -inline {[\d]+} {x123}
# case: regexp-bracket-point
regexp -inline {[\.]} a.b
# case: regexp-class-alpha
regexp -inline {[[:alpha:]]+} {12ab3}
# case: regexp-class-alpha-unicode
regexp -inline {[[:alpha:]]+} \u00e9a1
# case: regexp-class-digit
regexp -inline {[[:digit:]]+} {ab123}
# case: regexp-class-alnum
regexp -inline {[[:alnum:]]+} {--ab12--}
# case: regexp-class-space
regexp -inline {[[:space:]]+} "a \t\nb"
# case: regexp-class-blank
regexp -inline {[[:blank:]]+} "a \t\nb"
# case: regexp-class-punct
regexp -inline {[[:punct:]]+} {a$+<=!.,b}
# case: regexp-class-graph
regexp -inline {[[:graph:]]+} { ab c}
# case: regexp-class-print
regexp -inline {[[:print:]]+} "\tab c\n"
# case: regexp-class-cntrl
regexp -inline {[[:cntrl:]]+} "a\t\x01b"
# case: regexp-class-xdigit
regexp -inline {[[:xdigit:]]+} xyzaF09g
# case: regexp-class-upper
regexp -inline {[[:upper:]]+} abcDEF
# case: regexp-class-lower
regexp -inline {[[:lower:]]+} ABCdef
# case: regexp-class-ascii
regexp -inline {[[:ascii:]]+} ab\u00e9
# case: regexp-class-combined
regexp -inline {[[:digit:][:upper:]]+} {abC4D5e}
# case: regexp-collating-name
regexp -inline {[[.hyphen.]]} a-b
# case: regexp-collating-char
regexp -inline {[[.-.]]} a-b
# case: regexp-collating-space
regexp -inline {[[.space.]]} {a b}
# case: regexp-collating-range
regexp -inline {[[.a.]-c]+} abcd
# case: regexp-equivalence
regexp -inline {[[=a=]]} bab
# case: regexp-escape-d
regexp -inline {\d+} {abc 42}
# case: regexp-escape-D
regexp -inline {\D+} {42abc7}
# case: regexp-escape-w
regexp -inline {\w+} {  h\u00e9llo_1 }
# case: regexp-escape-W
regexp -inline {\W+} {ab, cd}
# case: regexp-escape-s
regexp -inline {a\s+b} "a \t b"
# case: regexp-escape-S
regexp -inline {\S+} {  xy  }
# case: regexp-escape-d-unicode
regexp -inline {\d+} a\u0661\u06623
# case: regexp-escape-w-connector
regexp -inline {\w+} a\u203fb
# case: regexp-escape-x
regexp -inline {\x41} A
# case: regexp-escape-x-greedy
regexp {\x4142} AB
# case: regexp-escape-x-stops
regexp -inline {\x41g} Ag
# case: regexp-escape-u
regexp -inline {\u0041} A
# case: regexp-escape-u-short
regexp -inline {\u41} A
# case: regexp-escape-octal
regexp -inline {\101} A
# case: regexp-escape-octal-zero
regexp {\012} "\n"
# case: regexp-escape-nul
regexp {a\0b} "a\0b"
# case: regexp-escape-octal-not-backref
regexp {\10} "\x08"
# case: regexp-escape-backref-10
regexp -inline {(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10} abcdefghijj
# case: regexp-escape-cA
regexp {\cA} "\x01"
# case: regexp-escape-e
regexp {\e} "\x1b"
# case: regexp-escape-t-n
regexp {a\tb\nc} "a\tb\nc"
# case: regexp-escape-B
regexp -inline {\B} \\
# case: regexp-escape-b-backspace
regexp {a\b} "a\b"
# case: regexp-escape-punct
regexp -inline {a\.b\-c\*} a.b-c*
# case: regexp-word-begin-end
regexp -inline {\mfoo\M} {a foo b}
# case: regexp-word-boundary
regexp -inline {\yfoo\y} {afoo foo}
# case: regexp-not-word-boundary
regexp -inline -indices {o\Y} foo
# case: regexp-all-y
regexp -inline -indices -all {\y} {ab cd}
# case: regexp-all-m
regexp -inline -indices -all {\m} {ab cd}
# case: regexp-all-M
regexp -inline -indices -all {\M} {ab cd}
# case: regexp-all-Y
regexp -inline -indices -all {\Y} {ab cd}
# case: regexp-anchors
list [regexp {^abc$} abc] [regexp {^abc$} xabc] [regexp {^$} {}]
# case: regexp-A-Z
list [regexp {\Aab\Z} ab] [regexp {\Ab} ab]
# case: regexp-lookahead
regexp -inline {a(?=b)} ab
# case: regexp-lookahead-empty
regexp -inline -indices {(?=a)} ba
# case: regexp-lookahead-parens-not-captured
regexp -inline {(?=(a))a} a
# case: regexp-negative-lookahead
regexp -inline {a(?!b)} abac
# case: regexp-negative-lookahead-dot
regexp -inline {(?!a).} ab
# case: regexp-negative-lookahead-loop
regexp -inline {^(?:(?!ab).)*} xxaby
# case: regexp-lookahead-password
regexp {^(?=.*\d)(?=.*[a-z]).{6,}$} abc123
# case: regexp-backref
regexp -inline {(\w+) \1} {hello hello world}
# case: regexp-backref-unset
regexp -inline {(a)(b)?\2} a
# case: regexp-backref-other-branch
regexp -inline {(a)|b\1} b
# case: regexp-backref-star
regexp -inline {(a*)\1} aaaa
# case: regexp-backref-noncapturing
regexp {(a)(?:\1)} aa
# case: regexp-backref-html
regexp -inline {<(\w+)>.*</\1>} {x <b>bold</b> y}
# case: regexp-option-i
regexp -inline {(?i)ABC} abc
# case: regexp-option-i-group
regexp -inline {(?i)a(?:B)c} ABC
# case: regexp-option-c
regexp -inline {(?c)a} A
# case: regexp-option-c-beats-nocase
regexp -nocase -inline {(?c)a} A
# case: regexp-option-n
regexp -inline {(?n)a.b} "a\nb"
# case: regexp-option-s
regexp -inline {(?s)a.b} "a\nb"
# case: regexp-option-p
regexp -inline {(?p)a.b} "a\nb"
# case: regexp-option-w
regexp -inline {(?w)^b} "a\nb"
# case: regexp-option-q
regexp -inline {(?q)a.b} a.b
# case: regexp-option-t
regexp -inline {(?t)a b} {a b}
# case: regexp-option-xi
regexp -inline {(?xi) A   B} ab
# case: regexp-option-x
regexp -inline {(?x) a b # c} ab
# case: regexp-option-e
regexp -inline {(?e)a+} aaa
# case: regexp-literal-prefix
regexp -inline {***=a.b} xa.b
# case: regexp-literal-prefix-no-match
regexp -inline {***=a.b} xaxb
# case: regexp-literal-prefix-parens
regexp -inline {***=(?i)A} (?i)A
# case: regexp-are-prefix
regexp -inline {***:(?i)A} a
# case: regexp-hash-literal
regexp -inline {a#b} a#b
# case: regexp-longest-alternation
regexp -inline {(a|ab)(b*)} abb
# case: regexp-longest-alternation-2
regexp -inline {(a|ab)(c|bcd)} abcd
# case: regexp-longest-alternation-3
regexp -inline {(a|ab)(c|bcd)(d*)} abcd
# case: regexp-longest-alternation-first
regexp -inline {(ab|a)(bc|c)?} abc
# case: regexp-longest-alternation-optional
regexp -inline {(a|ab)(bc|c)?} abc
# case: regexp-longest-alternation-three
regexp -inline {(a|ab|abc)(c?)} abc
# case: regexp-longest-inner
regexp -inline {x(a|ab)(b*)y} xabby
# case: regexp-longest-prefix
regexp -inline {x*(a|ab)y} xaby
# case: regexp-alternation-reversed
regexp -inline {(ab|a)(bcd|c)} abcd
# case: regexp-shortest-overall
regexp -inline {a*?b+} aabbb
# case: regexp-shortest-groups
regexp -inline {(a+?)(a*)} aaa
# case: regexp-shortest-overall-2
regexp -inline {(a+?)(a+)} aaaa
# case: regexp-shortest-digits
regexp -inline {(.*?)(\d+)} abc123
# case: regexp-shortest-empty
regexp -inline {(.*?)(b*)} abbb
# case: regexp-shortest-two-lazy
regexp -inline {(a*?)(a*?)b} aab
# case: regexp-greedy-then-lazy
regexp -inline {(a*)(a+?)} aaa
# case: regexp-greedy-split
regexp -inline {(.*)(\d+)} abc123
# case: regexp-greedy-groups
regexp -inline {(a+)(a+)} aaaa
# case: regexp-lazy-then-anchor
regexp -inline {(\d+)(.*?)$} 123abc
# case: regexp-lazy-group-star
regexp -inline {(a|b)+?c} abc
# case: regexp-empty-first-group
regexp -inline {(a*)(b|abc)} abc
# case: regexp-star-group-last
regexp -inline -indices {(a|b)*} abab
# case: regexp-star-group-last-long
regexp -inline -indices {(a|ab)*} abab
# case: regexp-star-group-whole
regexp -inline -indices {(a+)*} aaa
# case: regexp-plus-group-last
regexp -inline -indices {(a+)+} aaa
# case: regexp-plus-group-empty-last
regexp -inline -indices {(a*)+} aa
# case: regexp-star-group-empty-subject
regexp -inline -indices {(a*)*} b
# case: regexp-plus-group-empty-subject
regexp -inline -indices {(a*)+} b
# case: regexp-star-char-group-unset
regexp -inline -indices {(a)*} b
# case: regexp-optional-group-unset
regexp -inline -indices {(a*)?} b
# case: regexp-bounded-group-last
regexp -inline -indices {(a{1,2})+} aaaa
# case: regexp-bounded-range-last
regexp -inline -indices {(a+){1,3}} aaa
# case: regexp-fixed-count-last
regexp -inline -indices {(a+){2}} aaa
# case: regexp-lazy-bounded-group
regexp -inline -indices {(a+){2,3}?$} aaaa
# case: regexp-greedy-iterations
regexp -inline -indices {(.*b)+} abbab
# case: regexp-lazy-iterations
regexp -inline -indices {(.{1,2})+?$} aaaaa
# case: regexp-iteration-clears
regexp -inline {(?:(a)|b)+} ab
# case: regexp-iteration-clears-2
regexp -inline -indices {(?:(a)|(b))*} ab
# case: regexp-iteration-clears-fixed
regexp -inline {(?:(a)|b){2}} ab
# case: regexp-iteration-nested
regexp -inline -indices {((a)|(b))*} ab
# case: regexp-iteration-inner
regexp -inline -indices {((a+)b)*} aabab
# case: regexp-leftmost
regexp -inline -indices {b+|a+} xaabbb
# case: regexp-first-position-wins
regexp -inline {x*} abc
# case: regexp-ip
regexp -inline {(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})} 192.168.1.254
# case: regexp-key-value
regexp -inline {([a-z]+)\s*=\s*(\S+)} {  key = value  }
# case: regexp-email
regexp -inline {^(\w+)@(\w+)\.com$} foo@bar.com
# case: regexp-three-groups
regexp -inline {(a*)(b*)(c*)} aabbcc
# case: regexp-date
regexp {^(\d{4})-(\d{2})-(\d{2})$} 2024-02-29 -> y m d
list $y $m $d
# case: regexp-words
regexp -all -inline {\w+} {The quick, brown fox!}
# case: regexp-split-fields
set r {}
foreach {- k v} [regexp -all -inline {(\w+)=(\w+)} {a=1 b=2 c=3}] { lappend r $k $v }
set r
# case: regexp-in-if
if {[regexp {^[0-9]+$} 123]} { set r num } else { set r other }
# case: regexp-in-proc
proc isnum s { regexp {^-?\d+$} $s }
list [isnum 42] [isnum -7] [isnum x1]
# case: regexp-loop-count
set n 0
foreach w {apple banana cherry avocado} { if {[regexp {^a} $w]} { incr n } }
set n
# case: regexp-cjk
regexp -inline {\u4e2d+} x\u4e2d\u4e2dy
# case: regexp-unicode-indices
regexp -indices {\u00e9+} h\u00e9\u00e9llo m
set m
# case: regexp-catastrophic-linear
regexp {(a+)+b} [string repeat a 200]
# case: regexp-nested-star-linear
regexp {^(\w+\s?)*$} "[string repeat {word } 200]!"
# case: regexp-long-subject
regexp -all {o} [string repeat {foo } 1000]
# case: regexp-via-lsearch
lsearch -regexp -inline {apple banana cherry} {^b.*a$}
# case: regexp-via-lsearch-all
lsearch -all -regexp {a1 b2 c3 a4} {^a}
# case: regexp-via-lsearch-nocase
lsearch -nocase -regexp {Apple Banana} {^b}
# case: regsub-basic
regsub o foo 0
# case: regsub-all
regsub -all o foo 0
# case: regsub-no-match
regsub x abc y
# case: regsub-wrong-args
regsub a b
# case: regsub-wrong-args-many
regsub a b c d e
# case: regsub-bad-option
regsub -foo a b c
# case: regsub-option-prefix-rejected
regsub -al a b c
# case: regsub-double-dash
regsub -- -a x-ay b
# case: regsub-var
regsub b abc y v
# case: regsub-var-value
regsub b abc y v
set v
# case: regsub-var-no-match
regsub x abc y v
list [regsub x abc y v] $v
# case: regsub-var-count-all
regsub -all a banana o v
list [regsub -all a banana o w] $w
# case: regsub-ampersand
regsub -all a.c abcadc <&>
# case: regsub-ampersand-twice
regsub a(b)c xabcx &&
# case: regsub-backref
regsub a(b)c xabcx {[\1]}
# case: regsub-backref-zero
regsub a(b)c xabcx {\0\0}
# case: regsub-escaped-backslash
regsub a(b)c xabcx {\\&}
# case: regsub-escaped-ampersand
regsub a(b)c xabcx {\&}
# case: regsub-unknown-escape-kept
regsub a(b)c xabcx {\x}
# case: regsub-trailing-backslash
regsub a(b)c xabcx \\
# case: regsub-missing-group
regsub a(b)c xabcx {\2}
# case: regsub-group-9
regsub a(b)c xabcx {<\9>}
# case: regsub-optional-group
regsub -all {(a)(b)?} ac {[\1\2]}
# case: regsub-swap
regsub {(\w+) (\w+)} {hello world} {\2 \1}
# case: regsub-swap-all
regsub -all {(\w+)=(\w+)} {a=1 b=2} {\2=\1}
# case: regsub-nocase
regsub -all -nocase A aAbA x
# case: regsub-nocase-unicode
regsub -all -nocase \u00c9 h\u00e9\u00e9 e
# case: regsub-unicode
regsub -all \u00e9 h\u00e9\u00e9 e
# case: regsub-overlapping
regsub -all aa aaa b
# case: regsub-empty-pattern-all
regsub -all {} abc X
# case: regsub-empty-pattern-all-empty
regsub -all {} {} X
# case: regsub-empty-pattern
regsub {} abc X
# case: regsub-empty-matches
regsub -all {x*} abc -
# case: regsub-empty-matches-dash
regsub -all -- {x*} abc -
# case: regsub-caret-all
regsub -all {^} abc -
# case: regsub-dollar-all
regsub -all {$} abc -
# case: regsub-alternation-empty
regsub -all {a|} abc -
# case: regsub-star-mixed
regsub -all {b*} abba -
# case: regsub-line-caret
regsub -line -all {^} "a\nb\nc" >
# case: regsub-line-dollar
regsub -all -line {$} "a\nb" <
# case: regsub-line-caret-star
regsub -all -line {^b*} "a\nbb" -
# case: regsub-word-boundary
regsub -all {\y} {ab cd} |
# case: regsub-word-begin
regsub -all {\m} {ab cd} |
# case: regsub-lookahead
regsub -all {(?=b)} abab |
# case: regsub-start
regsub -start 2 a abab X
# case: regsub-start-all
regsub -start 2 -all a ababa X
# case: regsub-start-past-end
regsub -start 10 a abab X
# case: regsub-start-negative
regsub -start -3 a abab X
# case: regsub-start-end
regsub -start end a abab X
# case: regsub-start-caret
regsub -start 1 ^b abab X
# case: regsub-start-A
regsub -line -start 1 {\A} abc >
# case: regsub-start-dollar
regsub -line -start 1 {$} abc >
# case: regsub-start-bad
regsub -start x a b c
# case: regsub-expanded-literal-path
regsub -all -expanded {a b} {ab a b} X
# case: regsub-expanded-regex-path
regsub -all -expanded {a b} {ab a b} {X&}
# case: regsub-expanded
regsub -expanded {a  b # comment} xaby Z
# case: regsub-linestop
regsub -linestop {a.*} "ab\ncd" X
# case: regsub-lineanchor
regsub -lineanchor {^c} "ab\ncd" X
# case: regsub-compile-error
regsub {(} abc x
# case: regsub-special-chars-in-spec
regsub -all {o} foo {[$x]}
# case: regsub-dollar-sign-spec
regsub {(\d+)} {cost 42} {$\1.00}
# case: regsub-strip-spaces
regsub -all {\s+} {  a   b  c } { }
# case: regsub-trim
regsub {^\s+|\s+$} {  hi  } {}
# case: regsub-trim-all
regsub -all {^\s+|\s+$} {  hi  } {}
# case: regsub-html-escape
regsub -all {[<>&]} {a<b>&c} {[\0]}
# case: regsub-case-upper-words
regsub -all {\m(\w)} {hello big world} {<\1>}
# case: regsub-count-only
regsub -all {\d} a1b22c333 {} v
# case: regsub-long
string length [regsub -all {o} [string repeat {foo } 1000] 0]
# case: regsub-in-proc
proc clean s { regsub -all {[^a-z]} $s {} }
clean {a1-b2_c3!}
# case: regsub-var-error
set a 1
regsub a a b a(x)
# case: regexp-via-switch
switch -regexp -- abc123 {^[a-z]+$} {set r letters} {^[a-z]+\d+$} {set r mixed} default {set r none}
# case: regexp-via-switch-matchvar
switch -regexp -matchvar m -- foo=bar {(\w+)=(\w+)} {set m}
# case: regexp-via-switch-indexvar
switch -regexp -indexvar m -- foo=bar {(\w+)=(\w+)} {set m}
# case: regexp-via-switch-nocase
switch -regexp -nocase -- ABC {^abc$} {set r yes} default {set r no}
