# bench: lappend loop of N items
# size: N=100000
# quick: N=100
# @timed
set l {}
for {set i 0} {$i < $N} {incr i} {
    lappend l $i
}
list [llength $l] [lindex $l end]
