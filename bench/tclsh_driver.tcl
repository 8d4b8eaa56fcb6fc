# The tclsh side of bench/run.py: runs one workload and prints its time.
#
# stdin: a header line "MODE SETUP_LEN TIMED_LEN CHECK_LEN", a line of variables
# ("N 100000 K 25"), then the setup, timed and check scripts back to back (lengths
# in characters). The timed part is measured inside Tcl with [clock microseconds],
# so process start-up is excluded. In mode "evals" the timed script is evaluated
# N times, each a separate top-level evaluation.
#
# stdout: "FEATHER-BENCH ok MICROSECONDS\n" followed by the result (the check
# script's when there is one, else the timed script's), or
# "FEATHER-BENCH error 0\n" followed by the error message.

proc reply {status micros payload} {
    fconfigure stdout -encoding utf-8 -translation lf
    puts -nonewline "FEATHER-BENCH $status $micros\n$payload"
    flush stdout
}

proc main {} {
    fconfigure stdin -encoding utf-8 -translation lf
    lassign [gets stdin] mode setupLen timedLen checkLen
    set vars [gets stdin]
    set body [read stdin]
    set setup [string range $body 0 [expr {$setupLen - 1}]]
    set timed [string range $body $setupLen [expr {$setupLen + $timedLen - 1}]]
    set check [string range $body [expr {$setupLen + $timedLen}] end]
    set phase setup
    if {[catch {
        foreach {name value} $vars {
            uplevel #0 [list set $name $value]
        }
        uplevel #0 $setup
        set phase timed
        if {$mode eq "evals"} {
            set n [dict get $vars N]
            set t0 [clock microseconds]
            for {set i 0} {$i < $n} {incr i} {
                set result [uplevel #0 $timed]
            }
            set t1 [clock microseconds]
        } else {
            set t0 [clock microseconds]
            set result [uplevel #0 $timed]
            set t1 [clock microseconds]
        }
        set phase check
        if {$check ne ""} {
            set result [uplevel #0 $check]
        }
    } message]} {
        reply error 0 "$phase: $message"
        return
    }
    reply ok [expr {$t1 - $t0}] $result
}

main
