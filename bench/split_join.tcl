# bench: split and join a string of N bytes (1 MB)
# size: N=1000000
# quick: N=1000
set s [string repeat "abcdefghi," [expr {$N / 10}]]
# @timed
set parts [split $s ,]
set joined [join $parts ";"]
list [llength $parts] [string length $joined] [string range $joined 0 20]
