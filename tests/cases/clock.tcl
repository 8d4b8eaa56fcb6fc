# clock (through the host) and time.
# case: clock-seconds-integer
string is integer -strict [clock seconds]
# case: clock-milliseconds-order
expr {[clock milliseconds] >= [clock seconds] * 1000}
# case: clock-microseconds-order
set ms [clock milliseconds]
set us [clock microseconds]
expr {$us >= $ms * 1000}
# case: clock-clicks-integer
string is wide -strict [clock clicks]
# case: clock-unknown
clock foo
# case: clock-wrong-args
clock
# case: clock-seconds-extra
clock seconds x
# case: clock-clicks-bad-option
clock clicks -foo
# case: time-form
lrange [time {set x 1} 3] 1 end
# case: time-count-zero
time {set x 1} 0
# case: time-wrong-args
time
# case: time-error
time {error boom}
# case: time-bad-count
time {set x 1} abc
