# The tclsh side of bench/run.py: runs one workload and prints its time.
#
# stdin: a header line "MODE SETUP_LEN TIMED_LEN CHECK_LEN RUNS", a line of
# variables ("N 100000 K 25"), then the setup, timed and check scripts back to
# back (lengths in characters). The timed part is measured inside Tcl with
# [clock microseconds], so process start-up is excluded. In mode "evals" the
# timed script is evaluated N times, each a separate top-level evaluation.
# RUNS is 1, or 2: the workload first runs once in another interpreter of this
# process (a warm-up, as the Feather hosts do), then the measured run.
# Each run has a fresh interpreter.
#
# stdout: "FEATHER-BENCH ok MICROSECONDS...\n" (one time per run, the measured
# run last) followed by the result (the check script's when there is one, else
# the timed script's), or "FEATHER-BENCH error 0\n" followed by the error message.

proc reply {status micros payload} {
    fconfigure stdout -encoding utf-8 -translation lf
    puts -nonewline "FEATHER-BENCH $status $micros\n$payload"
    flush stdout
}

# One run in a fresh interpreter: {micros result}, or an error "PHASE: message".
proc run_once {mode vars setup timed check} {
    set w [interp create]
    try {
        set phase setup
        try {
            foreach {name value} $vars {
                $w eval [list set $name $value]
            }
            $w eval $setup
            set phase timed
            if {$mode eq "evals"} {
                set n [dict get $vars N]
                set t0 [clock microseconds]
                for {set i 0} {$i < $n} {incr i} {
                    set result [$w eval $timed]
                }
                set t1 [clock microseconds]
            } else {
                set t0 [clock microseconds]
                set result [$w eval $timed]
                set t1 [clock microseconds]
            }
            set phase check
            if {$check ne ""} {
                set result [$w eval $check]
            }
        } on error message {
            error "$phase: $message"
        }
        return [list [expr {$t1 - $t0}] $result]
    } finally {
        interp delete $w
    }
}

proc main {} {
    fconfigure stdin -encoding utf-8 -translation lf
    lassign [gets stdin] mode setupLen timedLen checkLen runs
    set vars [gets stdin]
    set body [read stdin]
    set setup [string range $body 0 [expr {$setupLen - 1}]]
    set timed [string range $body $setupLen [expr {$setupLen + $timedLen - 1}]]
    set check [string range $body [expr {$setupLen + $timedLen}] end]
    if {$runs eq ""} {
        set runs 1
    }
    set times {}
    if {[catch {
        for {set r 0} {$r < $runs} {incr r} {
            lassign [run_once $mode $vars $setup $timed $check] micros result
            lappend times $micros
        }
    } message]} {
        reply error 0 $message
        return
    }
    reply ok $times $result
}

main
