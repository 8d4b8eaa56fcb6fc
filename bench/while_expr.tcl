# bench: while loop whose condition and body use expr
# size: N=100000
# quick: N=100
# @timed
set i 0
set acc 1
while {$i < $N} {
    set acc [expr {($acc * 31 + $i) % 1000003}]
    incr i
}
set acc
