# bench: recursive fib K, N times (the size is the number of fib K calls)
# size: N=1 K=25
# quick: N=1 K=10
proc fib {n} {
    if {$n < 2} {
        return $n
    }
    return [expr {[fib [expr {$n - 1}]] + [fib [expr {$n - 2}]]}]
}
# @timed
for {set r 0} {$r < $N} {incr r} {
    set f [fib $K]
}
set f
