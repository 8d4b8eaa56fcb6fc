# bench: N calls of a proc taking 5 arguments
# size: N=100000
# quick: N=100
proc p5 {a b c d e} {
    return $e
}
# @timed
set sum 0
for {set i 0} {$i < $N} {incr i} {
    incr sum [p5 a b c d $i]
}
set sum
