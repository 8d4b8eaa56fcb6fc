# expr: Tcl 8.6 expressions. Each case runs in a fresh interpreter.
#
# Known differences from tclsh 8.6 (no case below exercises them):
#  - rand() without srand() starts from a different seed (the core has no
#    clock); srand(N) sequences are identical.
#  - Integers beyond 64 bits are exact (as Tcl's bignums), but are kept as
#    decimal strings outside expr, and *, ** or << refuse results above 2^18
#    bits ("exponent too large" / "integer value too large to represent")
#    where Tcl would compute them.
#  - Math functions are correctly rounded; glibc (tclsh's libm) is not, in
#    rare cases (from about 1 random input in 1000 for exp and atan to 1 in
#    300 for tan), so the last digit can differ there.
#  - A function call always runs the built-in tcl::mathfunc function of that
#    name; Tcl would run a proc that redefines it.
#  - errorInfo: an error in a script substituted into an unbraced
#    expression (expr $e) is logged for that script only; Tcl, compiling
#    such an expression at run time, logs "expr $e" too.
#  - Tcl prints some large powers of two with one digit too few (its
#    shortest-digits bug: double(2**64) is 1.844674407370955e+19); the host
#    formats doubles, and prints 1.8446744073709552e+19.
#
# ---------------------------------------------------------------- arithmetic
# case: expr-add
expr {1 + 2}
# case: expr-sub
expr {10 - 4 - 3}
# case: expr-mul
expr {6 * 7}
# case: expr-div-int
list [expr {7 / 2}] [expr {-7 / 2}] [expr {7 / -2}] [expr {-7 / -2}]
# case: expr-div-double
list [expr {7 / 2.0}] [expr {7.0 / 2}] [expr {1.0 / 3}] [expr {2.0 / 3}]
# case: expr-mod
list [expr {7 % 3}] [expr {-7 % 3}] [expr {7 % -3}] [expr {-7 % -3}] [expr {6 % 3}]
# case: expr-mod-min-by-minus-one
list [expr {-9223372036854775808 % -1}] [expr {-9223372036854775808 / -1}]
# case: expr-divzero
expr {1 / 0}
# case: expr-divzero-errorcode
catch {expr {1 / 0}} msg
list $msg $::errorCode
# case: expr-modzero
expr {5 % 0}
# case: expr-div-double-zero
list [expr {1 / 0.0}] [expr {-1.0 / 0}] [expr {1e308 * 10}]
# case: expr-zero-by-zero-double
expr {0 / 0.0}
# case: expr-mod-double
expr {1.5 % 2}
# case: expr-mod-double-errorcode
catch {expr {7 % 2.5}} msg
list $msg $::errorCode
# case: expr-expon
list [expr {2 ** 10}] [expr {2 ** 0}] [expr {(-2) ** 3}] [expr {(-3) ** 41}] [expr {0 ** 0}]
# case: expr-expon-right-assoc
list [expr {2 ** 3 ** 2}] [expr {-2 ** 2}] [expr {2 ** -2 ** 2}]
# case: expr-expon-negative
list [expr {2 ** -1}] [expr {1 ** -5}] [expr {(-1) ** -5}] [expr {(-1) ** -4}] [expr {10 ** -2}]
# case: expr-expon-zero-negative
expr {0 ** -1}
# case: expr-expon-double
list [expr {2.0 ** 0.5}] [expr {10.0 ** -2}] [expr {2 ** 0.5}] [expr {4 ** 0.5}]
# case: expr-expon-double-zero-negative
expr {0.0 ** -1}
# case: expr-expon-domain
expr {(-8) ** (1.0 / 3)}
# case: expr-expon-too-large
expr {2 ** (2 ** 70)}
# case: expr-expon-big-exponent-trivial
list [expr {1 ** (2 ** 70)}] [expr {(-1) ** (2 ** 70 + 1)}] [expr {2 ** -(2 ** 70)}] [expr {0 ** (2 ** 70)}]
# case: expr-unary
list [expr {-5}] [expr {+5}] [expr {- -5}] [expr {+ - + 5}] [expr {-(3 - 5)}] [expr {-0.0}]
# case: expr-unary-plus-canonical
list [expr {+"0x10"}] [expr {-"0x10"}] [expr {+" 7 "}] [expr {+1e2}]
# case: expr-precedence
list [expr {1 + 2 * 3}] [expr {(1 + 2) * 3}] [expr {2 * 3 ** 2}] [expr {1 + 2 << 1}] [expr {1 << 2 + 1}]
# case: expr-precedence-bits
list [expr {1 | 2 ^ 3 & 4}] [expr {1 & 3 == 3}] [expr {1 < 2 == 1}] [expr {6 & 3 | 8}]
# case: expr-precedence-logic
list [expr {1 || 0 && 0}] [expr {(1 || 0) && 0}] [expr {1 == 1 && 2 == 2}] [expr {!0 + 1}]
# case: expr-left-assoc
list [expr {100 / 10 / 5}] [expr {2 - 3 - 4}] [expr {1 < 2 < 3}] [expr {3 > 2 > 1}]
# case: expr-overflow-to-bignum
list [expr {9223372036854775807 + 1}] [expr {-9223372036854775807 - 2}] [expr {9223372036854775807 * 2}] [expr {-(-9223372036854775807 - 1)}]
# case: expr-bignum-arith
list [expr {2 ** 100}] [expr {123456789012345678901234567890 * 987654321098765432109876543210}] [expr {-123456789012345678901234567890 / 7}] [expr {-123456789012345678901234567890 % 7}]
# case: expr-bignum-literals
list [expr {18446744073709551616}] [expr {0xFFFFFFFFFFFFFFFF}] [expr {18446744073709551616 - 1}] [expr {2 ** 64 == 18446744073709551616}]
# case: expr-bignum-demotes
expr {(2 ** 64 - 2 ** 64) + 5}
# case: expr-bignum-compare
list [expr {2 ** 64 > 1e19}] [expr {2 ** 64 < 1e20}] [expr {2 ** 64 == 2.0 ** 64}] [expr {-(2 ** 70) < -1e21}]
# case: expr-bignum-bits
list [expr {(2 ** 64) >> 3}] [expr {-(2 ** 64) >> 3}] [expr {(2 ** 64 + 255) & 0xFF}] [expr {-(2 ** 64) | 1}] [expr {(2 ** 70) ^ (2 ** 69)}] [expr {~(2 ** 64)}]
# case: expr-bignum-from-variable
set x 123456789012345678901234567890
list [expr {$x % 97}] [expr {$x / 10 ** 20}] [expr {$x * -1}]
# case: expr-factorial-30
set f 1
for {set i 1} {$i <= 30} {incr i} { set f [expr {$f * $i}] }
set f
# case: expr-int-double-compare-exact
list [expr {9007199254740993 > 9007199254740992.0}] [expr {9007199254740993 == 9007199254740992.0}] [expr {20000000000000003 < 20000000000000004.0}]
# ---------------------------------------------------------------- bits and shifts
# case: expr-bitops
list [expr {6 & 3}] [expr {6 | 3}] [expr {6 ^ 3}] [expr {-6 & 3}] [expr {~5}] [expr {~-1}]
# case: expr-shift
list [expr {1 << 4}] [expr {255 >> 4}] [expr {-255 >> 4}] [expr {-8 >> 100}] [expr {5 << 62}] [expr {1 << 63}] [expr {-1 << 64}]
# case: expr-shift-negative
expr {1 << -1}
# case: expr-shift-right-negative
expr {8 >> -2}
# case: expr-shift-huge
list [expr {1 >> (2 ** 40)}] [expr {-1 >> (2 ** 40)}] [expr {0 << (2 ** 40)}]
# case: expr-shift-too-large
expr {1 << (2 ** 40)}
# case: expr-bitop-double
expr {1.0 & 3}
# case: expr-bitnot-double
expr {~1.5}
# case: expr-bitop-string
expr {"a" | 3}
# ---------------------------------------------------------------- number formats
# case: expr-radix
list [expr {0x10}] [expr {0X1f}] [expr {0o17}] [expr {0b101}] [expr {0B11}] [expr {010}]
# case: expr-radix-sum
expr {0x10 + 0o10 + 0b10 + 010}
# case: expr-doubles
list [expr {1.5}] [expr {1e3}] [expr {.5}] [expr {3.}] [expr {1.50}] [expr {1e100}] [expr {1.5e-7}] [expr {100.0}]
# case: expr-double-results
list [expr {0.1 + 0.2}] [expr {1.0 / 3 * 3}] [expr {123456789.0 * 1000}] [expr {1e16 + 1}] [expr {1e17}]
# case: expr-inf
list [expr {Inf}] [expr {-Inf}] [expr {Inf + 1}] [expr {-Inf < 0}] [expr {Inf == Inf}] [expr {1e308 * -10}]
# case: expr-nan-literal
expr {NaN}
# case: expr-inf-minus-inf
expr {Inf - Inf}
# case: expr-nan-compare
list [expr {NaN == NaN}] [expr {NaN != NaN}] [expr {NaN < 1}] [expr {NaN > 1}]
# case: expr-bad-octal-literal
expr {08}
# case: expr-bad-octal-literal-errorcode
catch {expr {09 + 1}} msg
list $msg $::errorCode
# case: expr-bad-binary-literal
expr {0b12}
# case: expr-bad-explicit-octal
expr {0o9}
# case: expr-bad-hex-literal
expr {0x}
# case: expr-number-then-letters
expr {3x}
# case: expr-word-operators-glued
list [expr {1eq1}] [expr {"a"eq"a"}] [expr {{a}ne{b}}] [expr {2in{1 2}}]
# case: expr-infin-bareword
expr {Infin}
# ---------------------------------------------------------------- comparisons and strings
# case: expr-compare-numbers
list [expr {1 < 2}] [expr {2 <= 2}] [expr {3 > 4}] [expr {4 >= 5}] [expr {1 == 1.0}] [expr {1 != 2}]
# case: expr-compare-mixed
list [expr {10 < "9"}] [expr {"10" < "9"}] [expr {"a" < 1}] [expr {"1e2" == 100}] [expr {"0x10" == 16}] [expr {1 == " 1"}]
# case: expr-compare-strings
list [expr {"abc" < "abd"}] [expr {"abc" > "ab"}] [expr {"B" < "a"}] [expr {"abc" == "abc "}] [expr {"abc" == "ABC"}] [expr {{} < 1}]
# case: expr-eq-ne
list [expr {"a" eq "a"}] [expr {"a" ne "a"}] [expr {"10" eq "10.0"}] [expr {1 eq 1.0}] [expr {"" eq ""}]
# case: expr-eq-literal-text
list [expr {0x10 eq "0x10"}] [expr {(0x10 + 0) eq "16"}] [expr {1e3 eq "1000.0"}] [expr {(1e3 + 0) eq "1000.0"}] [expr {(1 + 0.5) eq "1.5"}]
# case: expr-in-ni
list [expr {"b" in {a b c}}] [expr {"d" in {a b c}}] [expr {"d" ni {a b c}}] [expr {"b c" in {a {b c} d}}] [expr {1 in {}}]
# case: expr-in-variable
set l {1 2 3}
list [expr {2 in $l}] [expr {4 ni $l}] [expr {"2" in [list 1 2]}]
# case: expr-in-bad-list
expr {"a" in "\{"}
# case: expr-string-result
list [expr {"abc"}] [expr {{a b}}] [expr {1 ? "yes" : "no"}]
# case: expr-string-operand-arith
expr {"abc" + 1}
# case: expr-string-operand-errorcode
catch {expr {1 - "abc"}} msg
list $msg $::errorCode
# case: expr-empty-operand
expr {"" + 1}
# case: expr-octal-string-operand
expr {"08" * 2}
# case: expr-unary-minus-string
expr {-"abc"}
# case: expr-not-empty
expr {!""}
# case: expr-canonical-result
list [expr {"0x10"}] [expr {" 12 "}] [expr {"1e2"}] [expr {{010}}] [expr {1 ? "0x10" : 2}]
# case: expr-operand-kept
list [expr {"0x10" ** 1}] [expr {0x10 ** 1}] [expr {abs("0x10")}]
# case: expr-ternary-convert-quirk
set a 0; set x 0x10; set y " 7 "
list [expr {$a < 1 ? $x : $y + 0}] [expr {$a ? 2 : $x}] [expr {$a < 1 ? 1 + 0 : $y}] [expr {$a < 1 ? $y : $y + 0}]
# ---------------------------------------------------------------- booleans and logic
# case: expr-boolean-literals
list [expr {true}] [expr {TRUE}] [expr {yes && 1}] [expr {on || 0}] [expr {!off}] [expr {!"fAlSe"}] [expr {t && f}]
# case: expr-boolean-prefix
list [expr {!tru}] [expr {!n}] [expr {!y}] [expr {!of}]
# case: expr-boolean-ambiguous-o
expr {o}
# case: expr-not
list [expr {!0}] [expr {!1}] [expr {!2}] [expr {!0.0}] [expr {!0.5}] [expr {!!5}] [expr {!"yes"}]
# case: expr-not-string
expr {!"abc"}
# case: expr-not-nan
expr {!NaN}
# case: expr-and-or
list [expr {1 && 1}] [expr {1 && 0}] [expr {0 || 0}] [expr {0 || 2}] [expr {2.5 && "yes"}] [expr {"0x0" || 0}]
# case: expr-and-nonboolean
expr {"abc" && 1}
# case: expr-or-empty
expr {0 || ""}
# case: expr-and-bad-octal
expr {"08" && 1}
# case: expr-nan-condition
expr {NaN ? 1 : 2}
# case: expr-lazy-and
set x 0
expr {0 && [incr x]}
set x
# case: expr-lazy-or
set x 0
expr {1 || [incr x]}
set x
# case: expr-lazy-ternary
set x 0; set y 0
list [expr {1 ? 2 : [incr x]}] [expr {0 ? [incr y] : 3}] $x $y
# case: expr-lazy-unset-variable
list [expr {0 && $nosuch}] [expr {1 || [nosuchcmd]}] [expr {0 ? $nosuch : 2}] [expr {true ? 1 : $nosuch}]
# case: expr-eager-right
set x 0
list [expr {1 && [incr x]}] [expr {0 || [incr x]}] $x
# case: expr-evaluation-order
set x 0
list [expr {[incr x] + [incr x] * [incr x]}] $x
# case: expr-ternary
list [expr {1 ? "a" : "b"}] [expr {0 ? "a" : "b"}] [expr {5 > 3 ? "big" : "small"}] [expr {(1 ? 2 : 3) + 1}]
# case: expr-ternary-nested
list [expr {1 ? 2 ? 3 : 4 : 5}] [expr {0 ? 2 ? 3 : 4 : 5}] [expr {1 ? 0 ? 3 : 4 : 5}] [expr {0 ? 2 : 0 ? 4 : 5}]
# case: expr-ternary-bad-condition
expr {"abc" ? 1 : 2}
# case: expr-not-before-test
set x abc
expr {!$x && 1}
# case: expr-not-alone
set x abc
expr {!$x}
# ---------------------------------------------------------------- substitution
# case: expr-variable
set x 5
expr {$x * 2}
# case: expr-variable-string-forms
set x " 5 "; set y 0x1F; set z 1e2
list [expr {$x}] [expr {$y}] [expr {$y + 0}] [expr {$z}] [expr {$x + 1}]
# case: expr-variable-octal
set x 010; set y 08
list [expr {$x + 1}] [catch {expr {$y + 1}} msg] $msg
# case: expr-array-element
set a(x) 5; set i x
list [expr {$a($i) + 1}] [expr {$a(x) * 2}]
# case: expr-array-element-computed-index
set a(1,2) 7; set j 2
expr {$a(1,$j) * 3}
# case: expr-array-index-script
set a(3) three
expr {$a([expr {1 + 2}]) eq "three"}
# case: expr-braced-variable
set {a b} 3
expr {${a b} + 1}
# case: expr-qualified-variable
set ::g 4
proc p {} { expr {$::g * 2} }
p
# case: expr-namespace-variable
namespace eval ns { variable v 9 }
expr {$ns::v + 1}
# case: expr-proc-locals
proc f {a b} { expr {$a * $a + $b} }
f 3 4
# case: expr-missing-variable
expr {$nosuch + 1}
# case: expr-missing-array-element
set a(x) 1
expr {$a(y)}
# case: expr-command-substitution
expr {[string length "abc"] * 2}
# case: expr-command-error
expr {[error boom] + 1}
# case: expr-unknown-command
expr {[nosuchcmd]}
# case: expr-quoted-substitution
set x 3
list [expr {"x is $x"}] [expr {"[set x]" + 1}] [expr {"$x" == 3}] [expr {"$x$x"}]
# case: expr-quoted-backslashes
list [expr {"a\tb" eq "a\tb"}] [expr {{a\tb} eq "a\\tb"}] [expr {"\x41" eq "A"}] [expr {"\u00e9" eq "é"}]
# case: expr-quoted-dollar
expr {"$" eq "\$"}
# case: expr-braced-backslash-newline
expr {{a\
   b} eq "a b"}
# case: expr-whitespace-newlines
expr {1 +
  2 \
  * 3}
# case: expr-multiple-args
list [expr 1 + 2] [expr {1} + {2}] [expr " 1 " " + 2 "] [expr {2} {*} {3}]
# case: expr-unbraced-substitution
set x 5
expr $x + 1
# case: expr-double-substitution
set e {$x * 2}
set x 21
expr $e
# case: expr-in-if-while-for
set s 0
for {set i 0} {$i < 10} {incr i} { if {$i % 2} { set s [expr {$s + $i}] } }
set n 0
while {$n < 5} { incr n }
list $s $n
# case: expr-if-conditions
list [if {"yes"} {set r 1} else {set r 0}] [if {1.5} {set r 1}] [if {0x0} {set r 1} else {set r 0}] [if {"0"} {set r 1} else {set r 0}]
# case: expr-if-nonboolean
if {"abc"} {set r 1}
# case: expr-if-nan
if {NaN} {set r 1}
# case: expr-if-not-variable
set x abc
if {!$x} {set r 1}
# case: expr-if-nan-variable
set x NaN
if {$x} {set r 1}
# case: expr-while-empty
while {""} {}
# case: expr-break-in-expr
set r {}
foreach i {1 2 3} { lappend r [expr {$i == 2 ? [break] : $i}] }
set r
# ---------------------------------------------------------------- functions
# case: expr-abs
list [expr {abs(-5)}] [expr {abs(5)}] [expr {abs(-5.5)}] [expr {abs("-0")}] [expr {abs(" -3 ")}] [expr {abs(-0.0)}] [expr {abs(-9223372036854775808)}]
# case: expr-trig
list [expr {sin(1)}] [expr {cos(1)}] [expr {tan(1)}] [expr {sin(0.5)}] [expr {cos(3.141592653589793)}] [expr {sin(100)}]
# case: expr-trig-reduction
list [expr {sin(3.141592653589793)}] [expr {cos(1.5707963267948966)}] [expr {sin(1e22)}] [expr {cos(1e300)}]
# case: expr-inverse-trig
list [expr {asin(0.5)}] [expr {acos(0.5)}] [expr {atan(1)}] [expr {asin(1)}] [expr {acos(-1)}] [expr {atan(-1e300)}]
# case: expr-atan2
list [expr {atan2(1, 1)}] [expr {atan2(-1, -1)}] [expr {atan2(1, 0)}] [expr {atan2(0, 0)}] [expr {atan2(0.0, -1)}] [expr {atan2(-0.0, -1)}]
# case: expr-asin-domain
expr {asin(2)}
# case: expr-acos-domain
expr {acos(1.5)}
# case: expr-hyperbolic
list [expr {sinh(1)}] [expr {cosh(1)}] [expr {tanh(1)}] [expr {sinh(0.5)}] [expr {cosh(2)}] [expr {tanh(0.5)}] [expr {tanh(20)}]
# case: expr-hyperbolic-overflow
list [expr {sinh(1000)}] [expr {sinh(-1000)}] [expr {cosh(1000)}] [expr {tanh(-Inf)}]
# case: expr-exp-log
list [expr {exp(1)}] [expr {exp(0)}] [expr {exp(2)}] [expr {exp(-1)}] [expr {log(10)}] [expr {log(2)}] [expr {log(1)}] [expr {log(100)}]
# case: expr-exp-extremes
list [expr {exp(1000)}] [expr {exp(709.78)}] [expr {exp(-710)}] [expr {exp(-746)}]
# case: expr-exp-subnormal
list [expr {exp(-740)}] [expr {exp(-745.1)}] [expr {pow(2, -1074)}] [expr {pow(2, -1070.5)}] [expr {pow(0.5, 1060.25)}]
# case: expr-log-zero
expr {log(0)}
# case: expr-log-negative
expr {log(-1)}
# case: expr-log10
list [expr {log10(1000)}] [expr {log10(2)}] [expr {log10(0.001)}] [expr {log10(12345)}] [expr {log10(100)}]
# case: expr-sqrt
list [expr {sqrt(2)}] [expr {sqrt(16)}] [expr {sqrt(0)}] [expr {sqrt(1e-320)}] [expr {sqrt(2 ** 200)}]
# case: expr-sqrt-negative
expr {sqrt(-1)}
# case: expr-sqrt-negative-operand
expr {sqrt(-4) + 0}
# case: expr-pow
list [expr {pow(2, 0.5)}] [expr {pow(2, 10)}] [expr {pow(2, -1)}] [expr {pow(-2, 3)}] [expr {pow(10, 308)}] [expr {pow(10, 309)}] [expr {pow(0, -1)}]
# case: expr-pow-domain
expr {pow(-2, 0.5)}
# case: expr-fmod
list [expr {fmod(7, 3)}] [expr {fmod(-7, 3)}] [expr {fmod(5.5, -2)}] [expr {fmod(10.5, 0.5)}] [expr {fmod(-0.0, 1)}] [expr {fmod(1e300, 7)}]
# case: expr-fmod-zero
expr {fmod(1, 0)}
# case: expr-hypot
list [expr {hypot(3, 4)}] [expr {hypot(5, 12)}] [expr {hypot(1e308, 1e308)}] [expr {hypot(1e-320, 1e-320)}]
# case: expr-floor-ceil
list [expr {floor(1.7)}] [expr {floor(-1.7)}] [expr {ceil(1.2)}] [expr {ceil(-1.2)}] [expr {ceil(-0.5)}] [expr {floor(5)}] [expr {ceil(5)}]
# case: expr-round
list [expr {round(2.5)}] [expr {round(-2.5)}] [expr {round(2.4)}] [expr {round(-2.6)}] [expr {round(0.5)}] [expr {round(-0.4)}] [expr {round(5)}] [expr {round(0.49999999999999994)}]
# case: expr-round-big
list [expr {round(1e20)}] [expr {round(-1.5e25)}]
# case: expr-round-inf
expr {round(Inf)}
# case: expr-int-wide-entier
list [expr {int(3.9)}] [expr {int(-3.9)}] [expr {int("0x10")}] [expr {wide(-5)}] [expr {entier(3.7)}] [expr {entier(-3.7)}] [expr {entier(" 5 ")}]
# case: expr-int-wraps
list [expr {int(1e19)}] [expr {int(-1e19)}] [expr {wide(2 ** 63)}] [expr {int(2 ** 64 + 5)}] [expr {int(1e30)}]
# case: expr-entier-big
list [expr {entier(1e20)}] [expr {entier(2 ** 64)}] [expr {entier(-1.5e25)}]
# case: expr-int-inf
expr {int(Inf)}
# case: expr-int-nan
expr {int(NaN)}
# case: expr-double
list [expr {double(1)}] [expr {double("1e3")}] [expr {double(0x10)}] [expr {double(5)}] [expr {double(2 ** 70 + 1)}]
# case: expr-double-string
expr {double("abc")}
# case: expr-bool
list [expr {bool(0)}] [expr {bool(2)}] [expr {bool("on")}] [expr {bool(0.0)}] [expr {bool("yes")}]
# case: expr-bool-bad
expr {bool("abc")}
# case: expr-isqrt
list [expr {isqrt(0)}] [expr {isqrt(17)}] [expr {isqrt(100)}] [expr {isqrt(1.5)}] [expr {isqrt(1e20)}] [expr {isqrt(2 ** 100)}] [expr {isqrt(10 ** 30)}]
# case: expr-isqrt-negative
expr {isqrt(-1)}
# case: expr-max-min
list [expr {max(1, 2, 3)}] [expr {max(1.5, 2)}] [expr {max(3)}] [expr {min(-1, -2)}] [expr {min(2, 2.0)}] [expr {max(" 3", 1)}] [expr {min(2 ** 64, 1e30)}]
# case: expr-max-bad-argument
expr {max(1, "a")}
# case: expr-min-no-arguments
expr {min()}
# case: expr-srand-rand
list [expr {srand(1)}] [expr {rand()}] [expr {rand()}] [expr {srand(42)}] [expr {rand()}]
# case: expr-srand-big
expr {srand(2 ** 70)}
# case: expr-srand-double
expr {srand(1.5)}
# case: expr-rand-range
expr {srand(7)}
set ok 1
for {set i 0} {$i < 100} {incr i} { set r [expr {rand()}]; if {$r <= 0 || $r >= 1} { set ok 0 } }
set ok
# case: expr-function-nested
list [expr {abs(abs(-3))}] [expr {max(abs(-3), min(2, 4))}] [expr {int(sqrt(16)) + 1}] [expr {double(int(7.9))}]
# case: expr-function-space-before-paren
list [expr {sin (0)}] [expr {abs
(-2)}]
# case: expr-function-nonnumeric
expr {sin("abc")}
# case: expr-function-number-arg
expr {abs("abc")}
# case: expr-function-long-string-arg
expr {sin("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")}
# case: expr-function-octal-arg
expr {sin("09a")}
# case: expr-function-nan-arg
expr {sin(NaN)}
# case: expr-function-too-many
expr {sin(1, 2)}
# case: expr-function-too-few
expr {atan2(1)}
# case: expr-function-no-args
expr {abs()}
# case: expr-function-rand-args
expr {rand(1)}
# case: expr-function-unknown
expr {nosuch(1)}
# case: expr-function-user-defined
namespace eval ::tcl::mathfunc {}
proc ::tcl::mathfunc::twice {x} { expr {$x * 2} }
proc ::tcl::mathfunc::spaced {} { return " 12 " }
list [expr {twice(21)}] [expr {spaced()}] [expr {twice(twice(1.5))}]
# case: expr-function-user-defined-error
namespace eval ::tcl::mathfunc {}
proc ::tcl::mathfunc::bad {} { error "bad function" }
expr {1 + bad()}
# ---------------------------------------------------------------- syntax errors
# case: expr-syntax-missing-operand
expr {1 +}
# case: expr-syntax-missing-operand-errorcode
catch {expr {1 +}} msg
list $msg $::errorCode
# case: expr-syntax-unary-alone
expr {+}
# case: expr-syntax-empty
expr {}
# case: expr-syntax-blank
expr {   }
# case: expr-syntax-no-args
expr
# case: expr-syntax-empty-parens
expr {()}
# case: expr-syntax-open-paren
expr {(1}
# case: expr-syntax-close-paren
expr {1)}
# case: expr-syntax-missing-operator
expr {1 2}
# case: expr-syntax-missing-operator-leaf
expr {1 true}
# case: expr-syntax-bareword
expr {abc}
# case: expr-syntax-bareword-errorcode
catch {expr {abc + 1}} msg
list $msg $::errorCode
# case: expr-syntax-bareword-long
expr {abcdefghijklmnopqrstuvwxyz0123456789 + 1}
# case: expr-syntax-bareword-after-operand
expr {1 + abc}
# case: expr-syntax-bareword-in
expr {a in {a b}}
# case: expr-syntax-dollar
expr {$}
# case: expr-syntax-dollar-after
expr {1 + $}
# case: expr-syntax-invalid-char
expr {1 # 2}
# case: expr-syntax-invalid-utf8-char
expr {1 é 2}
# case: expr-syntax-incomplete-eq
expr {1 = 2}
# case: expr-syntax-question-no-colon
expr {1 ? 2}
# case: expr-syntax-colon-alone
expr {1 : 2}
# case: expr-syntax-nested-ternary-no-colon
expr {1 ? 2 ? 3 : 4}
# case: expr-syntax-ternary-empty-branch
expr {1 ? 2 :}
# case: expr-syntax-comma
expr {1,2}
# case: expr-syntax-comma-in-parens
expr {(1, 2)}
# case: expr-syntax-function-missing-argument
expr {sin(1,)}
# case: expr-syntax-function-leading-comma
expr {sin(,1)}
# case: expr-syntax-function-unclosed
expr {sin(1}
# case: expr-syntax-long-expression-end
expr {1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 +}
# case: expr-syntax-long-open-paren
expr {(1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15 + 16 + 17 + 18 + 19}
# case: expr-syntax-long-middle
expr {1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + * 13 + 14 + 15 + 16 + 17 + 18 + 19}
# case: expr-syntax-missing-close-brace
expr "1 + \{abc"
# case: expr-syntax-missing-quote
expr {1 + "abc}
# case: expr-syntax-missing-bracket
expr {1 + [set x}
# case: expr-syntax-missing-var-brace
expr "\$\{abc"
# case: expr-syntax-missing-paren-in-var
expr {$a(b}
# case: expr-syntax-extra-after-brace-in-script
expr {1 + [list {a}b]}
# case: expr-syntax-quoted-then-bareword
expr {"a"b}
# case: expr-syntax-errors-before-evaluation
set x 0
catch {expr {[incr x] +}}
set x
# case: expr-syntax-errorinfo
catch {expr {1 +}}
set ::errorInfo
# case: expr-errorinfo-nested-script
catch {expr {1 + [error boom]}}
set ::errorInfo
# case: expr-errorinfo-constant
catch {expr {1 / 0}}
set ::errorInfo
# case: expr-errorinfo-runtime
set y 0
catch {expr {1 / $y}}
set ::errorInfo
# case: expr-wrong-args-message
catch {expr} msg
list $msg $::errorCode
# case: expr-unclosed-quote-in-bracket
expr {[M "}
