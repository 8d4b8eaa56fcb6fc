# Conformance cases for format and scan: every conversion, flag, width,
# precision, size modifier and XPG3 position, with Tcl 8.6's errors. Each
# case runs in a fresh interpreter; tclsh 8.6 recorded the answers.
# case: format-literal
format abc
# case: format-empty
format {}
# case: format-percent
format 100%%
# case: format-percent-only
format %%
# case: format-wrong-args
format
# case: format-not-enough-args
format %s
# case: format-not-enough-args-second
format {%s %s} a
# case: format-extra-args-ignored
format %s a b c
# case: format-ended-in-field
format %
# case: format-ended-after-width
format %5 1
# case: format-ended-after-flags
format %- 1
# case: format-bad-field
format %y 1
# case: format-bad-field-unicode
format %\u00e9 1
# case: format-bad-field-percent-width
format %5% 1
# case: format-bad-field-a
format %a 1.0
# case: format-bad-field-A
format %A 1.0
# case: format-bad-field-p
format %p 1
# case: format-bad-field-L
format %Lf 1
# case: format-bad-field-q
format %qd 1
# case: format-bad-field-j
format %jd 1
# case: format-bad-field-z
format %zd 1
# case: format-bad-field-t
format %td 1
# case: format-bad-field-hh
format %hhd 1
# case: format-bad-field-I64
format %I64d 1
# case: format-bad-field-n
format %n 1
# case: format-mixed-text
format {a=%d b=%s c=%5.2f} 1 two 3.14159
# case: format-unicode-text
format \u00e9%s\u4e2d x
# case: format-d-basic
format %d 42
# case: format-d-negative
format %d -42
# case: format-d-zero
format %d 0
# case: format-i-same-as-d
format %i -7
# case: format-d-hex-input
format %d 0x1F
# case: format-d-octal-input
format %d 0o17
# case: format-d-legacy-octal-input
format %d 017
# case: format-d-binary-input
format %d 0b101
# case: format-d-spaces-input
format %d { 12 }
# case: format-d-plus-input
format %d +5
# case: format-d-not-int
format %d abc
# case: format-d-double
format %d 1.5
# case: format-d-double-integral
format %d 2.0
# case: format-d-exponent
format %d 1e3
# case: format-d-empty
format %d {}
# case: format-d-underscore
format %d 1_000
# case: format-d-hex-only-prefix
format %d 0x
# case: format-d-width
format {[%5d]} 42
# case: format-d-width-left
format {[%-5d]} 42
# case: format-d-zero-pad
format %05d 42
# case: format-d-zero-pad-negative
format %05d -42
# case: format-d-zero-and-minus
format {[%-05d]} 3
# case: format-d-plus
format %+d 5
# case: format-d-plus-negative
format %+d -5
# case: format-d-space
format {[% d]} 5
# case: format-d-plus-space
format {[%+ d]} 5
# case: format-d-hash-ignored
format %#d 5
# case: format-d-precision
format %.3d 7
# case: format-d-precision-negative
format %.3d -7
# case: format-d-precision-zero-of-zero
format %.0d 0
# case: format-d-precision-beats-zero
format {[%08.3d]} -5
# case: format-d-precision-left
format {[%-8.3d]} -5
# case: format-d-width-smaller
format %2d 12345
# case: format-d-max
format %d 9223372036854775807
# case: format-d-min
format %d -9223372036854775808
# case: format-d-wraps-2-63
format %d 9223372036854775808
# case: format-d-wraps-big
format %d 18446744073709551621
# case: format-d-wraps-negative-big
format %d -9223372036854775809
# case: format-d-all-ones
format %d 0xffffffffffffffff
# case: format-d-list-arg
format %d [list 5]
# case: format-hd-wraps
format %hd 70000
# case: format-hd-negative
format %hd 32768
# case: format-hd-big
format %hd 99999999999999999999
# case: format-hu
format %hu -1
# case: format-hx
format %hx -1
# case: format-ho
format %ho -1
# case: format-hb
format %hb -1
# case: format-ld
format %ld 9223372036854775807
# case: format-ld-wraps
format %ld 9223372036854775808
# case: format-lx
format %lx -1
# case: format-lf
format %lf 1.5
# case: format-lc
format %lc 65
# case: format-ls
format %ls abc
# case: format-hs
format %hs abc
# case: format-lld-big
format %lld 18446744073709551621
# case: format-lld-big-negative
format %lld -123456789012345678901234567890
# case: format-lld-small
format %lld 42
# case: format-llx-negative
format %llx -1
# case: format-llx-big
format %llx 0x123456789abcdef0123
# case: format-llX-big
format %llX 0x123456789abcdef0123
# case: format-llo-negative
format %llo -8
# case: format-llb
format %llb 5
# case: format-llx-hash-negative
format %#llx -255
# case: format-llo-hash-precision
format %#.3llo 8
# case: format-llb-hash-zero
format %#llb 0
# case: format-lld-plus
format %+lld 5
# case: format-llx-space
format {[% llx]} 255
# case: format-lld-zero-pad-big
format %030lld -123456789012345678901234567890
# case: format-lld-precision
format %.5lld 42
# case: format-llu-invalid
format %llu 1
# case: format-lld-not-int
format %lld 1.5
# case: format-lld-hex-input
format %lld 0x10000000000000000
# case: format-u
format %u 42
# case: format-u-negative
format %u -1
# case: format-u-plus-ignored
format %+u 5
# case: format-u-wraps-2-64
format %u 0x10000000000000000
# case: format-o
format %o 8
# case: format-o-negative
format %o -1
# case: format-o-hash
format %#o 8
# case: format-o-hash-zero
format %#o 0
# case: format-o-hash-negative
format %#o -1
# case: format-o-precision
format %.5o 8
# case: format-o-hash-precision
format %#.5o 8
# case: format-x
format %x 255
# case: format-X
format %X 255
# case: format-x-negative
format %x -1
# case: format-x-negative-hex-input
format %x -0x10
# case: format-x-hash
format %#x 255
# case: format-X-hash
format %#X 255
# case: format-x-hash-zero
format %#x 0
# case: format-x-hash-zero-pad
format %#08x 255
# case: format-x-zero-pad
format %08x 255
# case: format-x-zero-pad-left
format {[%-08x]} 255
# case: format-x-plus-ignored
format %+x 5
# case: format-x-space-ignored
format {[% x]} 5
# case: format-x-double
format %x 1.0
# case: format-x-2-32
format %x 4294967296
# case: format-x-min
format %x 0x8000000000000000
# case: format-b
format %b 10
# case: format-b-hash
format %#b 5
# case: format-b-negative
format %b -1
# case: format-b-width
format %08b 5
# case: format-x-precision-zero-of-zero
format %.0x 0
# case: format-o-hash-precision-zero
format %#.0o 0
# case: format-c
format %c 65
# case: format-c-zero-padded
format %03c 65
# case: format-c-width
format {[%5c]} 65
# case: format-c-width-left
format {[%-3c]} 65
# case: format-c-latin1
format %c 233
# case: format-c-bmp
format %c 0x4e2d
# case: format-c-2byte
format %c 0x80
# case: format-c-ffff
format %c 0xffff
# case: format-c-beyond-bmp
format %c 0x1F600
# case: format-c-negative
format %c -1
# case: format-c-too-large
format %c 0x110000
# case: format-c-2-32
format %c 4294967296
# case: format-c-wraps-uint
format %c -4294967231
# case: format-c-bignum
format %c 99999999999999999999
# case: format-c-not-int
format %c 1.0
# case: format-c-empty
format %c {}
# case: format-c-list
format %c%c%c 72 105 33
# case: format-s
format %s hello
# case: format-s-width
format {[%8s]} hello
# case: format-s-width-left
format {[%-8s]} hello
# case: format-s-zero-pad
format %08s abc
# case: format-s-zero-pad-left
format {[%-05s]} ab
# case: format-s-precision
format %.2s abcdef
# case: format-s-precision-zero
format {[%.0s]} abc
# case: format-s-precision-width
format {[%5.3s]} abcdef
# case: format-s-precision-width-left
format {[%-5.3s]} abcdef
# case: format-s-precision-unicode
format %.2s \u00e9\u00e8\u00ea
# case: format-s-width-unicode
format {[%5s]} \u00e9
# case: format-s-plus-ignored
format %+s abc
# case: format-s-empty-width
format {[%3s]} {}
# case: format-s-list
format %s [list a {b c}]
# case: format-s-precision-list
format %.3s [list a b c]
# case: format-s-double
format %s 1.0
# case: format-s-width-star
format {[%*s]} 6 ab
# case: format-s-width-star-negative
format {[%*s]} -6 ab
# case: format-s-precision-star
format %.*s 2 abcdef
# case: format-s-precision-star-negative
format {[%.*s]} -2 abcdef
# case: format-s-star-both
format {[%*.*s]} 6 2 abcdef
# case: format-star-not-int
format %*d 1.5 3
# case: format-star-precision-not-int
format %.*d x 3
# case: format-star-too-large
format %*d 4294967296 3
# case: format-star-wraps
format {[%*d]} 4294967295 3
# case: format-star-missing-arg
format %*d 5
# case: format-star-precision-missing-arg
format %.*f 2
# case: format-digits-after-star
format {[%*5d]} 3 4
# case: format-width-overflow
format %2147483648d 1
# case: format-precision-overflow
format %.2147483648f 1
# case: format-xpg-basic
format {%2$s %1$s} world hello
# case: format-xpg-repeat
format {%1$s-%1$s} ab
# case: format-xpg-width-star
format {[%1$*d]} 5 3
# case: format-xpg-width-star-second
format {[%2$*d]} 5 3 4
# case: format-xpg-precision-star
format {%1$.*f} 2 3.14159
# case: format-xpg-flags
format {[%1$-5s]} a
# case: format-xpg-zero
format {%0$s} a
# case: format-xpg-out-of-range
format {%3$s} a
# case: format-xpg-second-missing
format {%1$s %2$s} a
# case: format-xpg-mixed-after
format {%1$s %s} a b
# case: format-xpg-mixed-before
format {%s %1$s} a
# case: format-xpg-star-xpg
format {%1$*2$d} 5 3
# case: format-xpg-flag-before-dollar
format {%-1$s} a
# case: format-xpg-ended
format {%1$} a
# case: format-xpg-unused-args
format {%1$s} a b c
# case: format-xpg-all-args
format {%3$s%2$s%1$s} a b c
# case: format-f-basic
format %f 3.14159
# case: format-f-integer-arg
format %f 5
# case: format-f-hex-arg
format %f 0x10
# case: format-f-octal-arg
format %f 010
# case: format-f-point-forms
list [format %f .5] [format %f 5.]
# case: format-f-spaces-arg
format %f { 1.5 }
# case: format-f-not-number
format %f abc
# case: format-f-empty
format %f {}
# case: format-f-bad-exponent
format %f 1e
# case: format-f-hex-float-rejected
format %e 0x1p3
# case: format-f-precision
format %.2f 3.14159
# case: format-f-precision-zero
format %.0f 3.7
# case: format-f-precision-empty
format %.f 1.5
# case: format-f-round-half-even-0
format %.0f 0.5
# case: format-f-round-half-even-1
format %.0f 1.5
# case: format-f-round-half-even-2
format %.0f 2.5
# case: format-f-round-999
format %.0f 999.5
# case: format-f-round-1000
format %.0f 1000.5
# case: format-f-2675
format %.2f 2.675
# case: format-f-1005
format %.2f 1.005
# case: format-f-exact-tenth
format %.20f 0.1
# case: format-f-exact-third
format %.30f [expr {1/3.0}]
# case: format-f-huge
format %f 1e300
# case: format-f-max
format %.0f 1.7976931348623157e308
# case: format-f-1e20
format %f 1e20
# case: format-f-big-integer-arg
format %f 12345678901234567890
# case: format-f-bigger-integer-arg
format %f 123456789012345678901234567890
# case: format-f-small
format %f 0.000001
# case: format-f-smaller
format %f 0.0000001
# case: format-f-5e-7
format %f 5e-7
# case: format-f-denormal
format %f 1e-320
# case: format-f-negative-zero
format %f -0.0
# case: format-f-negative-rounds-to-zero
format %.3f -0.0004
# case: format-f-half-ulp
format %.3f -0.0005
# case: format-f-0015
format %.3f 0.0015
# case: format-f-carry
format %5.1f 9.96
# case: format-f-carry-9999
format %.3f 9.9996
# case: format-f-width
format {[%10.3f]} 3.14159
# case: format-f-width-left
format {[%-10.3f]} 3.14159
# case: format-f-zero-pad
format %08.3f 3.14159
# case: format-f-zero-pad-negative
format %010.3f -3.14159
# case: format-f-space
format {[% 08.3f]} 3.14159
# case: format-f-plus
format %+08.3f 3.14159
# case: format-f-plus-left
format {[%-+8.3f]} 3.14159
# case: format-f-plus-space
format {%+ f} 1
# case: format-f-hash
format %#.0f 1
# case: format-f-hash-precision
format %#.3f 1
# case: format-f-long-precision
format %.50f 1e-10
# case: format-f-inf
format %f Inf
# case: format-f-neg-inf-left
format {[%-8f]} -Inf
# case: format-f-inf-zero-pad
format {[%05f]} Inf
# case: format-f-inf-plus
format %+f inf
# case: format-f-nan
format %f NaN
# case: format-f-expr-inf
format %.2f [expr {1e308*10}]
# case: format-e-basic
format %e 12345.678
# case: format-e-zero
format %e 0
# case: format-e-negative-zero
format %e -0.0
# case: format-e-precision
format %.3e 123456
# case: format-e-precision-zero
format %.0e 12345
# case: format-e-hash
format %#.0e 12345
# case: format-e-hash-zero
format %#.0e 0
# case: format-e-plus
format %+.3e -1
# case: format-e-E
format %E 0.000123
# case: format-e-exact
format %.30e 1e300
# case: format-e-exponent-3-digits
format %e 1.7976931348623157e308
# case: format-e-denormal
format %e 1e-320
# case: format-e-min-denormal
format %.20e 4.9e-324
# case: format-e-carry
format %.3e 9.9996
# case: format-e-carry-exponent
format %e 9.9999999e99
# case: format-e-width-left
format {[%-10.3e]} 3.14159
# case: format-e-width-small
format {[%5.1e]} 0.000123
# case: format-e-inf
format %e -Inf
# case: format-E-inf
format %E Inf
# case: format-e-integer-arg
format %e 123456789012345678901234567890
# case: format-g-basic
format %g 3.14159
# case: format-g-integer
format %g 100000
# case: format-g-exponent-switch
format %g 1000000
# case: format-g-small
format %g 0.0001
# case: format-g-smaller
format %g 0.00001234
# case: format-g-1e-5
format %g 1e-5
# case: format-g-zero
format %g 0
# case: format-g-negative-zero
format %g -0.0
# case: format-g-hash
format %#g 1
# case: format-g-hash-zero
format %#g 0
# case: format-g-precision
format %.3g 0.0001234
# case: format-g-precision-zero
format %.0g 0
# case: format-g-hash-precision-zero
format %#.0g 0
# case: format-g-precision-one
list [format %.1g 0.05] [format %.1g 0.15] [format %.1g 0.25]
# case: format-g-17
format %.17g 0.1
# case: format-g-15-16
list [format %.15g 0.1] [format %.16g 0.1]
# case: format-g-big
format %g 1e100
# case: format-g-123456789
format %g 123456789
# case: format-g-precision-10
format %.10g 123456789
# case: format-g-hash-100
format %#.3g 100
# case: format-g-hash-exponent
format %#.3g 1e-5
# case: format-g-carry-to-exponent
format %g 999999.5
# case: format-g-99999
format %g 99999.95
# case: format-g-round-to-10
format %.3g 9.9996
# case: format-g-G
format %G 1e-10
# case: format-G-big
format %G 1e100
# case: format-g-1e16
format %g 1e16
# case: format-g-denormal
format %g 4.9e-324
# case: format-g-hash-precision-10
format %#.10g 1.5
# case: format-g-inf
format %g Inf
# case: format-g-nan
format %g NaN
# case: format-g-width
format {[%10g]} 0.5
# case: format-f-list
format {%.2f %.2f} 1 2
# case: format-many
format {%s|%5d|%-5s|%x|%c|%.1f} a 42 b 255 65 2.25
# case: format-in-loop
set r {}
foreach v {1 22 333} { append r [format {%03d;} $v] }
set r
# case: format-catch-message
list [catch {format %d x} msg] $msg
# case: scan-wrong-args-none
scan
# case: scan-wrong-args-one
scan a
# case: scan-d
scan 42 %d
# case: scan-d-negative
scan -42 %d
# case: scan-d-plus
scan +5 %d
# case: scan-d-leading-space
scan {  12} %d
# case: scan-d-whitespace-kinds
scan " \t\n5" %d
# case: scan-d-stops
scan 12abc %d%s
# case: scan-d-decimal-only
scan 0x10 %d%s
# case: scan-d-leading-zero-decimal
scan 010 %d
# case: scan-d-negative-leading-zero
scan -010 %d
# case: scan-d-point
scan 1.5 %d%s
# case: scan-d-two
scan {12 34} {%d %d}
# case: scan-d-adjacent
scan {12 34} %d%d
# case: scan-d-width
scan 123456 %3d%d
# case: scan-d-width-larger
scan 12 %5d
# case: scan-d-width-sign-only
scan -5 %1d
# case: scan-d-width-sign-only-var
list [scan -5 %1d x] [info exists x]
# case: scan-d-not-number
scan abc %d
# case: scan-d-not-number-var
scan abc %d x
# case: scan-d-sign-only
scan - %d
# case: scan-d-sign-only-var
scan - %d x
# case: scan-d-empty
scan {} %d
# case: scan-d-empty-var
scan {} %d x
# case: scan-d-overflow-clamps
scan 99999999999999999999 %d
# case: scan-d-overflow-negative
scan -99999999999999999999 %d
# case: scan-d-wraps-64
scan 18446744073709551615 %d
# case: scan-d-wraps-negative
scan -9223372036854775809 %d
# case: scan-d-min
scan -9223372036854775808 %d
# case: scan-ld-overflow
scan 99999999999999999999 %ld
# case: scan-Ld
scan 1 %Ld
# case: scan-hd-ignored
scan 4294967296 %hd
# case: scan-lld-big
scan 99999999999999999999 %lld
# case: scan-lld-bigger-min
scan 9223372036854775808 %lld
# case: scan-llx-big
scan 0xffffffffffffffffff %llx
# case: scan-llx-negative
scan -5 %llx
# case: scan-u
scan 10 %u
# case: scan-u-negative
scan -1 %u
# case: scan-u-max
scan 18446744073709551615 %u
# case: scan-lu-negative
scan -10 %lu
# case: scan-llu-invalid
scan 1 %llu
# case: scan-i-decimal
scan 42 %i
# case: scan-i-hex
scan 0x1f %i
# case: scan-i-octal
scan 017 %i
# case: scan-i-binary-prefix-not
scan 0b101 %i%s
# case: scan-i-octal-stops-at-9
scan 09 %i%s
# case: scan-i-0d-not
scan 0d10 %i%s
# case: scan-i-0o-not
scan 0o17 %i%s
# case: scan-o
scan 17 %o
# case: scan-o-leading-zero
scan 0777 %o
# case: scan-o-bad-digit
scan 8 %o
# case: scan-o-stops-at-8
scan 08 %o%s
# case: scan-o-0x-stops
scan 0x12 %o%s
# case: scan-x
scan ff %x
# case: scan-X
scan FF %X
# case: scan-x-prefix
scan 0x1f %x
# case: scan-x-prefix-only
scan 0x %x
# case: scan-x-bad-after-prefix
scan 0xg %x%s
# case: scan-x-negative
scan -0x10 %x
# case: scan-x-0b-is-hex
scan 0b11 %X
# case: scan-x-width
scan 123 %2x%d
# case: scan-b
scan 101 %b
# case: scan-b-prefix
scan 0b101 %b
# case: scan-b-prefix-only
scan 0b %b%s
# case: scan-b-bad
scan 2 %b
# case: scan-f
scan 3.14 %f
# case: scan-f-integer
scan 100 %f
# case: scan-f-leading-zero
scan 017 %f
# case: scan-f-exponent
scan 1e5 %e
# case: scan-f-g
scan 2.5 %g
# case: scan-f-E-G
scan {1.5 2.5} {%E %G}
# case: scan-f-leading-point
scan .5 %f
# case: scan-f-plus-point
scan +.5 %f
# case: scan-f-trailing-point
scan 1.e5 %f
# case: scan-f-point-only
scan . %f
# case: scan-f-sign-only
scan - %f
# case: scan-f-sign-letter
scan -x %f%s
# case: scan-f-partial-exponent
scan 1e %f%s
# case: scan-f-partial-exponent-sign
scan 1e+ %f%s
# case: scan-f-negative-exponent
scan -.5e-3x %f%s
# case: scan-f-hex-not
scan 0x10 %f%s
# case: scan-f-width
scan 12 %1f%f
# case: scan-f-inf
scan Inf %f
# case: scan-f-inf-lower
scan inf %f
# case: scan-f-infinity
scan infinity %g
# case: scan-f-infin-partial
scan infin %f%s
# case: scan-f-in-partial
scan in %f
# case: scan-f-in-partial-var
scan in %f x
# case: scan-f-neg-inf
scan -inf %f
# case: scan-f-nan
scan nan %f
# case: scan-f-nan-payload
scan NaN(123) %f%s
# case: scan-f-overflow
scan 1e400 %f
# case: scan-f-underflow
scan 1e-400 %f
# case: scan-f-large
scan 1e17 %f
# case: scan-f-tenth
scan 0.1 %f
# case: scan-s
scan {abc def} %s%s
# case: scan-s-width
scan abcdef %3s%s
# case: scan-s-skip-space
scan {ab cd} {%*s %s}
# case: scan-s-unicode-width
scan \u4e2d\u6587abc %2s%s
# case: scan-s-only-space
scan { } %s
# case: scan-s-empty
scan {} %s
# case: scan-c
scan a %c
# case: scan-c-unicode
scan \u00e9 %c
# case: scan-c-cjk
scan \u4e2d\u6587 %c%c
# case: scan-c-no-skip
scan { a} %c
# case: scan-c-past-end
scan abc %c%c%c%c
# case: scan-c-suppressed
scan abc %c%*c%c
# case: scan-c-width-error
scan abc %1c
# case: scan-c-size-error
scan 1 %lc
# case: scan-s-size-error
scan 1 %ls
# case: scan-n-size-error
scan 1 %ln
# case: scan-set
scan abc {%[a-b]%s}
# case: scan-set-negated
scan abc {%[^c]%s}
# case: scan-set-bracket-first
scan {]abc} {%[]a]%s}
# case: scan-set-dash-last
scan -a- {%[a-]}
# case: scan-set-dash-first
scan a-z {%[-a]%s}
# case: scan-set-no-match
scan abc {%[b]}
# case: scan-set-width
scan abc {%2[a-z]}
# case: scan-set-reversed-range
scan abc {%[c-a]}
# case: scan-set-negated-bracket
scan {b^} {%[]^b]}
# case: scan-set-unicode
scan \u4e2dx {%[^x]}
# case: scan-set-suppressed-n
scan abc {%*[a-z]%n}
# case: scan-set-unmatched
scan 1 {%[a}
# case: scan-set-unmatched-empty
scan 1 {%[}
# case: scan-set-unmatched-negated
scan 1 {%[^}
# case: scan-set-unmatched-bracket
scan 1 {%[]}
# case: scan-set-unmatched-negated-bracket
scan 1 {%[^]}
# case: scan-set-size-error
scan 1 {%l[a]}
# case: scan-n
scan 12 %d%n
# case: scan-n-alone
scan abc %n
# case: scan-n-after-suppressed
scan abc %*s%n
# case: scan-n-bytes
scan \u00e9b %c%n
# case: scan-literal
scan a%b a%%%c
# case: scan-literal-match
scan ab a%c
# case: scan-literal-space
scan {a b} {a %c}
# case: scan-literal-mismatch
scan x y%d
# case: scan-literal-empty
scan {} y%d
# case: scan-percent-after
scan 5% %d%%
# case: scan-percent-missing
scan 5 %d%%
# case: scan-no-conversions
scan abc abc
# case: scan-empty-format
scan 1 {}
# case: scan-space-then-end
scan 12 {%d %d}
# case: scan-trailing-space
scan {12 } {%d %d}
# case: scan-space-only-input
scan {  } { %d}
# case: scan-unicode-space
scan \u00a0\u00a05 %d
# case: scan-unicode-literal
scan a\u00e9b a%cb
# case: scan-suppress-only
scan 5 %*d
# case: scan-bad-conversion
scan 1 %y
# case: scan-format-ends-percent
scan a %
# case: scan-format-ends-width
scan a %5
# case: scan-format-ends-size
scan a %l
# case: scan-format-ends-xpg
scan a {%1$}
# case: scan-format-ends-star
scan a %*
# case: scan-vars
scan {12 3.5 foo} {%d %f %s} a b c
list $a $b $c
# case: scan-vars-count
scan {1 2 3} {%d %d %d} a b c
# case: scan-vars-partial
list [scan {1 x} {%d %d} a b] $a [info exists b]
# case: scan-vars-result
scan 12 %d x
set x
# case: scan-vars-array
scan {1 2} {%d %d} a(x) a(y)
list $a(x) $a(y)
# case: scan-vars-not-array
set a 1
scan 1 %d a(x)
# case: scan-vars-too-few
scan {1 2} {%d %d} a
# case: scan-vars-too-many
scan 1 %d a b
# case: scan-vars-suppressed-too-many
scan 5 %*d x
# case: scan-vars-extra-no-conv
scan a b c d
# case: scan-xpg
scan {1 2} {%2$d %1$d}
# case: scan-xpg-vars
scan {1 2} {%2$d %1$d} x y
list $x $y
# case: scan-xpg-gap
scan {1 2} {%3$d %1$d}
# case: scan-xpg-gap-vars
scan {1 2} {%3$d %1$d} a b
# case: scan-xpg-mixed
scan {1 2} {%2$d %d}
# case: scan-xpg-mixed-after
scan {1 2} {%d %2$d}
# case: scan-xpg-twice
scan 1 {%1$d %1$d}
# case: scan-xpg-zero
scan 1 {%0$d}
# case: scan-xpg-string
scan a {%2$s %1$s} x y
# case: scan-mixed-kinds
scan {ab 12 ff 1.5e2 z} {%s %d %x %f %c}
# case: scan-in-proc
proc p {s} { scan $s {%d-%d} a b; expr {$a + $b} }
p 3-4
# case: scan-list-of-empty
scan abc %d%d
# case: scan-list-partial
scan {12 abc} %d%d
# case: format-lld-expr-bignum
format %lld [expr {2**100}]
# case: format-d-expr-bignum-wraps
format %d [expr {2**64+5}]
# case: format-llx-expr-negative-bignum
format %llx [expr {-2**70}]
# case: format-f-expr-bignum
format %f [expr {2**70}]
# case: format-e-expr-bignum
format %e [expr {10**30}]
# case: format-c-expr-bignum
format %c [expr {2**40}]
# case: format-star-expr-bignum
format %*d [expr {2**40}] 1
# case: format-s-expr-bignum
format %s [expr {2**100}]
# case: format-u-expr-max
format %u [expr {2**64-1}]
# case: format-f-expr-seventh
format %.3f [expr {1/7.}]
# case: format-f-expr-negative-half
format %5.1f [expr {-1.25}]
# case: scan-lld-into-expr
expr {[scan 99999999999999999999 %lld] + 1}
# case: format-errorcode-int-and-width
proc ec {s} { catch $s m o; list $m [dict get $o -errorcode] }
list [ec {format %d x}] [ec {format %*d x 1}] [ec {format %c x}] [ec {format {%1$*2$s} a b}] [ec {format %x 1.5}]
