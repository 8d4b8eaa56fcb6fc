# bench: regsub -all over N lines of text (the text is built untimed)
# size: N=20000
# quick: N=20
set text ""
for {set i 0} {$i < $N} {incr i} {
    append text "line $i: the quick brown fox jumps over the lazy dog\n"
}
# @timed
set a [regsub -all {[0-9]+} $text {<&>} numbered]
set b [regsub -all {(quick|lazy) (\w+)} $numbered {\2-\1} swapped]
list $a $b [string length $swapped] [string range $swapped 0 50]
