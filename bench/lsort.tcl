# bench: lsort -integer of N pseudo-random integers (the list is built untimed)
# size: N=100000
# quick: N=100
set l {}
set x 12345
for {set i 0} {$i < $N} {incr i} {
    set x [expr {($x * 1103515245 + 12345) % 2147483648}]
    lappend l $x
}
# @timed
set sorted [lsort -integer $l]
list [llength $sorted] [lindex $sorted 0] [lindex $sorted [expr {$N / 2}]] [lindex $sorted end]
