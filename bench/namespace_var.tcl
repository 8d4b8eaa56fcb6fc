# bench: a loop over namespace-qualified variables
# size: N=100000
# quick: N=100
namespace eval ::bench {
    variable counter 0
    variable last {}
}
# @timed
for {set i 0} {$i < $N} {incr i} {
    incr ::bench::counter
    set ::bench::last $i
}
list $::bench::counter $::bench::last
