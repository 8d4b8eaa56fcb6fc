# bench: counting for loop with incr
# size: N=100000
# quick: N=100
# @timed
for {set i 0} {$i < $N} {incr i} {}
set i
