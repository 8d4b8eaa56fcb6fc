# bench: dict incr and dict set in a loop over 1000 keys
# size: N=100000
# quick: N=100
# @timed
set d [dict create]
for {set i 0} {$i < $N} {incr i} {
    set k k[expr {$i % 1000}]
    dict incr d $k $i
    dict set d last $i
}
set total 0
foreach {k v} $d {
    incr total $v
}
list [dict size $d] $total [dict get $d k7] [dict get $d last]
