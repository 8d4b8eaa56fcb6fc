# bench: append loop of N items
# size: N=100000
# quick: N=100
# @timed
set s ""
for {set i 0} {$i < $N} {incr i} {
    append s $i,
}
list [string length $s] [string range $s end-11 end]
