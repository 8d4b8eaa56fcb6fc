# bench: the seed's M10 stress script, run as N separate top-level evals
# size: N=10000
# quick: N=10
# mode: evals
# @timed
set x [list a b c d e f g h i j]
lappend x [string repeat "x" 100]
proc tmp {} { return [expr {1 + 2}] }
tmp
rename tmp {}
# @check
list [llength $x] [string length [lindex $x end]] [llength [info procs tmp]]
