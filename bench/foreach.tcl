# bench: foreach over an N-item list (the list is built untimed)
# size: N=100000
# quick: N=100
set l {}
for {set i 0} {$i < $N} {incr i} {
    lappend l $i
}
# @timed
set sum 0
foreach x $l {
    incr sum $x
}
set sum
