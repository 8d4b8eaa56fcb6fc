# bench: build a markup string of N elements, then escape it with string map
# size: N=100000
# quick: N=100
# @timed
set s ""
for {set i 0} {$i < $N} {incr i} {
    append s "<item id=\"$i\">a & b</item>"
}
set escaped [string map {< &lt; > &gt; & &amp; \" &quot;} $s]
list [string length $s] [string length $escaped] [string range $escaped end-30 end]
