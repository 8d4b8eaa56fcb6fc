# Namespaces: namespace and variable.
# case: ns-eval-current
namespace eval a::b {namespace current}
# case: ns-eval-creates
namespace eval x {}; namespace exists x
# case: ns-parent
namespace eval a::b {}; namespace parent ::a::b
# case: ns-parent-global
namespace parent ::
# case: ns-parent-current
namespace eval a {namespace parent}
# case: ns-children
namespace eval p {namespace eval c1 {}; namespace eval c2 {}}; lsort [namespace children ::p]
# case: ns-children-pattern
namespace eval p {namespace eval c1 {}; namespace eval d2 {}}; namespace children ::p ::p::c*
# case: ns-qualifiers
namespace qualifiers ::a::b::c
# case: ns-qualifiers-none
namespace qualifiers c
# case: ns-tail
namespace tail ::a::b::c
# case: ns-tail-simple
namespace tail c
# case: ns-exists-no
namespace exists nope
# case: ns-delete
namespace eval d {proc f {} {}}; namespace delete d; list [namespace exists d] [info commands d::f]
# case: ns-delete-unknown
namespace delete zz
# case: ns-variable-proc
namespace eval a {variable v 5; proc get {} {variable v; return $v}}; a::get
# case: ns-variable-qualified-read
namespace eval a {variable v 7}; set a::v
# case: ns-variable-global-read
namespace eval a {variable v 7}; set ::a::v
# case: ns-variable-wrong-args
variable
# case: ns-proc-in-ns-calls-sibling
namespace eval m {proc a {} {b}; proc b {} {return fromb}}; m::a
# case: ns-global-fallback
proc helper {} {return global}; namespace eval m {proc a {} {helper}}; m::a
# case: ns-shadow
proc helper {} {return global}; namespace eval m {proc helper {} {return local}; proc a {} {helper}}; m::a
# case: ns-which-command
namespace eval m {proc f {} {}}; list [namespace which -command set] [namespace which -command m::f] [namespace which nope]
# case: ns-code
namespace eval foo {namespace code {set x 1}}
# case: ns-code-runs
namespace eval foo {variable v 5; proc get {} {variable v; return $v}}
set cmd [namespace eval foo {namespace code {get}}]
list [eval $cmd] [{*}$cmd]
# case: ns-inscope
namespace eval foo {variable v 5}; namespace inscope ::foo {set v}
# case: ns-inscope-args
namespace eval foo {}; namespace inscope ::foo {list a} b {c d}
# case: ns-inscope-unknown
namespace inscope nope {}
# case: ns-inscope-wrong-args
namespace inscope
# case: ns-upvar
namespace eval foo {variable v 5}
proc p {} {namespace upvar ::foo v local; set local}
p
# case: ns-upvar-write
namespace eval foo {variable v 5}
proc p {} {namespace upvar ::foo v local; set local 9}
p; set foo::v
# case: ns-upvar-wrong-args
namespace upvar ::foo v
# case: ns-origin
namespace eval foo {proc get {} {}}; list [namespace origin set] [namespace origin foo::get]
# case: ns-origin-unknown
namespace origin nope
# case: ns-code-wrong-args
namespace code
# case: ns-unknown-sub
namespace foo
# case: ns-wrong-args
namespace
# case: ns-eval-wrong-args
namespace eval
# case: ns-eval-error-info
catch {namespace eval zz {error boom}} m o; dict get $o -errorinfo
# case: ns-eval-concat
namespace eval q set x 5; set q::x
# case: ns-info-procs-qualified
namespace eval foo {proc bar {} {}}; info procs foo::*
# case: ns-info-commands-qualified
namespace eval foo {proc bar {} {}; proc baz {} {}}; lsort [info commands foo::b*]
# case: ns-info-vars-qualified
namespace eval foo {variable v 1}; info vars foo::*
# case: ns-proc-unknown-ns
proc nons::f {} {}
# case: ns-set-unknown-ns
set ::nope::x 1
# case: ns-current-in-proc
namespace eval w {proc f {} {namespace current}}; w::f
# case: ns-global-in-ns-proc
set g 1; namespace eval w {proc f {} {global g; incr g}}; w::f
# case: ns-info-level-in-ns-eval
namespace eval w {info level}
# case: ns-nested-relative
namespace eval a {namespace eval b {proc f {} {return abf}}}; namespace eval a {b::f}
# case: ns-rename-into-ns
namespace eval n {}; proc f {} {return f}; rename f n::g; n::g
# ---------------------------------------------------------------- export
# case: nsx-export-empty
namespace export
# case: nsx-export-list
namespace eval a {namespace export f g; namespace export}
# case: nsx-export-dedup
namespace eval a {namespace export f g; namespace export f h; namespace export}
# case: nsx-export-clear
namespace eval a {namespace export f; namespace export -clear g; namespace export}
# case: nsx-export-clear-only
namespace eval a {namespace export f; namespace export -clear; namespace export}
# case: nsx-export-clear-twice
namespace eval a {namespace export -clear f -clear g; namespace export}
# case: nsx-export-qualified-abs
namespace export ::a::f
# case: nsx-export-qualified-rel
namespace export a::f
# case: nsx-export-bad-keeps-earlier
namespace eval a {catch {namespace export f b::g h}; namespace export}
# case: nsx-export-dash-pattern
namespace eval a {namespace export -foo; namespace export}
# case: nsx-export-result-empty
namespace eval a {namespace export f}
# case: nsx-export-per-namespace
namespace eval a {namespace export f}; namespace eval b {namespace export g}; list [namespace eval a {namespace export}] [namespace eval b {namespace export}]
# case: nsx-export-global
namespace export x y; namespace export
# case: nsx-export-survives-proc
namespace eval a {namespace export f*; proc f1 {} {}}; namespace eval a {namespace export}
# ---------------------------------------------------------------- import
# case: nsx-import-none
namespace import
# case: nsx-import-force-nothing
namespace import -force
# case: nsx-import-basic
namespace eval a {proc f {} {return af}; namespace export f}; namespace import a::f; f
# case: nsx-import-glob
namespace eval a {proc f {} {return af}; proc g {} {return ag}; proc h {} {}; namespace export f g}; namespace import a::*; list [f] [g] [lsort [namespace import]] [info commands h]
# case: nsx-import-list
namespace eval a {proc f {} {}; proc g {} {}; namespace export *}; namespace import a::*; lsort [namespace import]
# case: nsx-import-unexported-skipped
namespace eval a {proc f {} {}; proc g {} {}; namespace export f}; namespace import a::g; list [namespace import] [info commands g]
# case: nsx-import-no-match
namespace eval a {proc f {} {}; namespace export f}; namespace import a::zz*; namespace import
# case: nsx-import-absolute
namespace eval a {proc f {} {return af}; namespace export f}; namespace eval b {namespace import ::a::f; f}
# case: nsx-import-relative-from-ns
namespace eval a {proc f {} {return af}; namespace export f}; namespace eval b {namespace import a::f; f}
# case: nsx-import-nested-relative
namespace eval b {namespace eval c {proc f {} {return bcf}; namespace export f}}; namespace eval b {namespace import c::f; f}
# case: nsx-import-unknown-ns
namespace import nope::*
# case: nsx-import-unknown-ns-code
catch {namespace import nope::*}; set errorCode
# case: nsx-import-no-namespace
namespace import foo
# case: nsx-import-no-namespace-code
catch {namespace import foo}; set errorCode
# case: nsx-import-into-itself-global
namespace import ::foo
# case: nsx-import-into-itself
namespace eval a {namespace import ::a::*}
# case: nsx-import-into-itself-code
catch {namespace eval a {namespace import ::a::*}}; set errorCode
# case: nsx-import-empty-pattern
namespace import {}
# case: nsx-import-exists
namespace eval a {proc f {} {return af}; namespace export f}; proc f {} {}; namespace import a::f
# case: nsx-import-exists-code
namespace eval a {proc f {} {return af}; namespace export f}; proc f {} {}; catch {namespace import a::f}; set errorCode
# case: nsx-import-exists-builtin
namespace eval a {proc set {} {return aset}; namespace export set}; namespace eval b {proc set {} {}; namespace import ::a::set}
# case: nsx-import-twice-ok
namespace eval a {proc f {} {return af}; namespace export f}; namespace import a::f; namespace import a::f; f
# case: nsx-import-force
namespace eval a {proc f {} {return af}; namespace export f}; proc f {} {return mine}; namespace import -force a::f; f
# case: nsx-import-force-from-other
namespace eval a {proc f {} {return af}; namespace export f}; namespace eval b {proc f {} {return bf}; namespace export f}; namespace import a::f; namespace import -force b::f; f
# case: nsx-import-other-exists
namespace eval a {proc f {} {return af}; namespace export f}; namespace eval b {proc f {} {return bf}; namespace export f}; namespace import a::f; namespace import b::f
# case: nsx-import-runs-in-origin-ns
namespace eval a {proc f {} {namespace current}; namespace export f}; namespace import a::f; f
# case: nsx-import-proc-args
namespace eval a {proc f {x {y 2}} {list $x $y}; namespace export f}; namespace import a::f; list [f 1] [f 1 3]
# case: nsx-import-wrong-args
namespace eval a {proc f {x} {}; namespace export f}; namespace import a::f; f
# case: nsx-import-errorinfo
namespace eval a {proc f {} {error boom}; namespace export f}; namespace import a::f; catch f; set errorInfo
# case: nsx-import-info-commands
namespace eval a {proc f {} {}; namespace export f}; namespace eval b {namespace import ::a::f; info commands f}
# case: nsx-import-info-commands-qualified
namespace eval a {proc f {} {}; proc g {} {}; namespace export *}; namespace eval b {namespace import ::a::*}; lsort [info commands ::b::*]
# case: nsx-import-info-procs
namespace eval a {proc f {} {}; namespace export f}; namespace eval b {namespace import ::a::f; proc own {} {}}; lsort [info procs ::b::*]
# case: nsx-import-info-body
namespace eval a {proc f {} {return body}; namespace export f}; namespace import a::f; info body f
# case: nsx-import-which
namespace eval a {proc f {} {}; namespace export f}; namespace eval b {namespace import ::a::f; namespace which f}
# case: nsx-import-multiple-patterns
namespace eval a {proc f {} {}; namespace export f}; namespace eval b {proc g {} {}; namespace export g}; namespace import a::f b::g; lsort [namespace import]
# case: nsx-import-force-multiple
namespace eval a {proc f {} {return af}; namespace export f}; namespace eval b {proc g {} {return bg}; namespace export g}; proc f {} {}; namespace import -force a::f b::g; list [f] [g]
# case: nsx-import-export-later
namespace eval a {proc f {} {}}; namespace import a::f; set r [namespace import]; namespace eval a {namespace export f}; namespace import a::f; list $r [namespace import]
# case: nsx-import-export-glob-pattern
namespace eval a {proc get1 {} {}; proc get2 {} {}; proc set1 {} {}; namespace export get*}; namespace import a::*; lsort [namespace import]
# case: nsx-import-export-clear-later
namespace eval a {proc f {} {}; namespace export f}; namespace import a::f; namespace eval a {namespace export -clear}; list [namespace import] [f]
# case: nsx-import-proc-overrides
namespace eval a {proc f {} {return af}; namespace export f}; namespace import a::f; proc f {} {return mine}; list [f] [namespace import]
# case: nsx-import-rename-import
namespace eval a {proc f {} {return af}; namespace export f}; namespace import a::f; rename f g; list [g] [namespace origin g] [namespace import]
# case: nsx-import-delete-import
namespace eval a {proc f {} {return af}; namespace export f}; namespace import a::f; rename f {}; list [info commands f] [a::f]
# case: nsx-import-variable-untouched
namespace eval a {variable v 1; proc f {} {variable v; return $v}; namespace export f}; namespace eval b {namespace import ::a::f; f}
# ---------------------------------------------------------------- origin deleted
# case: nsx-origin-delete
namespace eval a {proc f {} {return af}; namespace export f}; namespace import a::f; rename a::f {}; info commands f
# case: nsx-origin-delete-call
namespace eval a {proc f {} {return af}; namespace export f}; namespace import a::f; rename a::f {}; f
# case: nsx-origin-ns-delete
namespace eval a {proc f {} {return af}; namespace export f}; namespace eval b {namespace import ::a::f}; namespace delete a; info commands ::b::*
# case: nsx-origin-delete-chain
namespace eval a {proc f {} {}; namespace export f}; namespace eval b {namespace import ::a::f; namespace export f}; namespace import b::f; rename a::f {}; list [info commands ::b::f] [info commands ::f]
# case: nsx-origin-rename
namespace eval a {proc f {} {return af}; namespace export f}; namespace import a::f; rename a::f a::g; list [f] [namespace origin f]
# case: nsx-origin-rename-other-ns
namespace eval a {proc f {} {return af}; namespace export f}; namespace eval c {}; namespace import a::f; rename a::f c::h; list [f] [namespace origin f]
# case: nsx-origin-redefine-keeps-import
namespace eval a {proc f {} {return old}; namespace export f}; namespace import a::f; namespace eval a {proc f {} {return new}}; list [f] [namespace import]
# case: nsx-origin-delete-many-importers
namespace eval a {proc f {} {}; namespace export f}; foreach n {b c d} {namespace eval $n {namespace import ::a::f}}; rename a::f {}; list [info commands ::b::f] [info commands ::c::f] [info commands ::d::f]
# ---------------------------------------------------------------- origin
# case: nsx-origin-import
namespace eval a {proc f {} {}; namespace export f}; namespace import a::f; namespace origin f
# case: nsx-origin-chain
namespace eval a {proc f {} {return af}; namespace export f}; namespace eval b {namespace export f; namespace import ::a::f}; namespace import b::f; list [namespace origin f] [namespace which f] [namespace origin b::f] [namespace origin a::f] [f]
# case: nsx-origin-not-imported
namespace eval a {proc f {} {}}; namespace origin a::f
# case: nsx-origin-builtin
namespace origin set
# case: nsx-origin-builtin-from-ns
namespace eval a {namespace origin set}
# case: nsx-origin-unknown
namespace origin nope
# case: nsx-origin-unknown-code
catch {namespace origin nope}; set errorCode
# case: nsx-origin-wrong-args
namespace origin
# case: nsx-origin-too-many
namespace origin a b
# case: nsx-origin-relative-in-ns
namespace eval a {proc f {} {}; namespace export f}; namespace eval b {namespace import ::a::f; namespace origin f}
# ---------------------------------------------------------------- import loops
# case: nsx-import-of-import
namespace eval a {proc f {} {return af}; namespace export f}; namespace eval b {namespace import ::a::f; namespace export f}; namespace eval c {namespace import ::b::f; f}
# case: nsx-import-loop
namespace eval a {proc f {} {}; namespace export f}; namespace eval b {namespace import ::a::f; namespace export f}; namespace eval a {namespace import -force ::b::f}
# case: nsx-import-loop-code
namespace eval a {proc f {} {}; namespace export f}; namespace eval b {namespace import ::a::f; namespace export f}; catch {namespace eval a {namespace import -force ::b::f}}; set errorCode
# case: nsx-import-loop-keeps-origin
namespace eval a {proc f {} {return af}; namespace export f}; namespace eval b {namespace import ::a::f; namespace export f}; catch {namespace eval a {namespace import -force ::b::f}}; b::f
# case: nsx-import-reimport-same
namespace eval a {proc f {} {return af}; namespace export f}; namespace eval b {namespace import ::a::f; namespace export f}; namespace eval b {namespace import ::a::f}; b::f
# ---------------------------------------------------------------- forget
# case: nsx-forget-none
namespace forget
# case: nsx-forget-qualified
namespace eval a {proc f {} {}; proc g {} {}; namespace export *}; namespace import a::*; namespace forget a::f; lsort [namespace import]
# case: nsx-forget-simple
namespace eval a {proc f {} {}; proc g {} {}; namespace export *}; namespace import a::*; namespace forget f; lsort [namespace import]
# case: nsx-forget-glob
namespace eval a {proc f {} {}; proc g {} {}; namespace export *}; namespace import a::*; namespace forget *; lsort [namespace import]
# case: nsx-forget-qualified-glob
namespace eval a {proc f1 {} {}; proc f2 {} {}; proc g {} {}; namespace export *}; namespace import a::*; namespace forget a::f*; lsort [namespace import]
# case: nsx-forget-unknown-ns
namespace forget nope::f
# case: nsx-forget-not-imported
proc f {} {return f}; namespace forget f; f
# case: nsx-forget-nothing-imported
namespace eval a {namespace export f}; namespace forget a::f
# case: nsx-forget-other-ns-pattern
namespace eval a {proc f {} {}; namespace export f}; namespace eval b {proc f {} {}; namespace export f}; namespace import a::f; namespace forget b::f; namespace import
# case: nsx-forget-chain
namespace eval a {proc f {} {}; namespace export f}; namespace eval b {namespace import ::a::f; namespace export f}; namespace import b::f; namespace forget a::f; namespace import
# case: nsx-forget-then-call
namespace eval a {proc f {} {}; namespace export f}; namespace import a::f; namespace forget a::f; f
# case: nsx-forget-origin-kept
namespace eval a {proc f {} {return af}; namespace export f}; namespace import a::f; namespace forget a::f; a::f
# case: nsx-forget-in-ns
namespace eval a {proc f {} {}; namespace export f}; namespace eval b {namespace import ::a::f; namespace forget ::a::f; info commands f}
# case: nsx-forget-multiple
namespace eval a {proc f {} {}; proc g {} {}; proc h {} {}; namespace export *}; namespace import a::*; namespace forget a::f g; namespace import
# ---------------------------------------------------------------- stale lookups
# case: nsx-cache-import-force
namespace eval a {namespace export f; proc f {} {return a}}
namespace eval b {namespace export f; proc f {} {return b}}
namespace import a::f
set r {}
foreach k {1 2 3 4 5 6} {
    lappend r [catch {::f} m] $m
    if {$k == 2} {namespace import -force b::f}
    if {$k == 4} {namespace forget b::f}
}
set r
# case: nsx-cache-origin-delete
namespace eval a {namespace export f; proc f {} {return a}}
namespace import a::f
set r {}
foreach k {1 2 3 4} {
    lappend r [catch {::f} m] $m
    if {$k == 2} {rename ::a::f {}}
}
set r
# case: nsx-cache-origin-redefine
namespace eval a {namespace export f; proc f {} {return old}}
namespace import a::f
set r {}
foreach k {1 2} {
    lappend r [::f]
    namespace eval a {proc f {} {return new}}
}
set r
# case: nsx-cache-ensemble-configure
namespace ensemble create -command ::e -map {x {::list X}}
set r {}
foreach k {1 2} {
    lappend r [e x]
    namespace ensemble configure ::e -map {x {::list Y}}
}
set r
# case: nsx-cache-path-change
namespace eval p {proc f {} {return p}}
namespace eval q {proc f {} {return q}}
namespace eval x {
    set r {}
    foreach k {1 2 3} {
        lappend r [catch {f} m] $m
        if {$k == 1} {namespace path ::p}
        if {$k == 2} {namespace path ::q}
    }
    set r
}
# ---------------------------------------------------------------- which
# case: nsx-which-variable-global
set x 1; namespace which -variable x
# case: nsx-which-variable-missing
namespace which -variable nope
# case: nsx-which-variable-qualified
namespace eval a {variable v 1}; namespace which -variable a::v
# case: nsx-which-variable-in-ns
namespace eval a {variable v 1; namespace which -variable v}
# case: nsx-which-variable-global-fallback
set x 1; namespace eval a {namespace which -variable x}
# case: nsx-which-variable-ns-shadows
set x 1; namespace eval a {variable x 2; namespace which -variable x}
# case: nsx-which-variable-proc-local
proc p {} {set l 1; namespace which -variable l}; p
# case: nsx-which-variable-from-proc
proc p {} {namespace which -variable x}; set x 1; p
# case: nsx-which-variable-declared
namespace eval a {variable v}; namespace which -variable a::v
# case: nsx-which-variable-array
array set arr {a 1}; namespace which -variable arr
# case: nsx-which-variable-element
array set arr {a 1}; namespace which -variable arr(a)
# case: nsx-which-variable-absolute
namespace eval a {variable v 1}; namespace eval b {namespace which -variable ::a::v}
# case: nsx-which-variable-absolute-missing
namespace which -variable ::nope::v
# case: nsx-which-variable-unset
set x 1; unset x; namespace which -variable x
# case: nsx-which-option-as-name
list [namespace which -variable] [namespace which -command]
# case: nsx-which-bad-option
namespace which -foo x
# case: nsx-which-too-many
namespace which -command a b
# case: nsx-which-none
namespace which
# case: nsx-which-command-explicit
namespace eval a {proc f {} {}}; namespace which -command a::f
# case: nsx-which-command-in-ns
namespace eval a {proc f {} {}; namespace which -command f}
# ---------------------------------------------------------------- path
# case: nsx-path-empty
namespace path
# case: nsx-path-set
namespace eval a {}; namespace eval b {}; namespace path {a b}; namespace path
# case: nsx-path-relative
namespace eval a {}; namespace eval x {namespace eval a {}; namespace path {a ::a}; namespace path}
# case: nsx-path-unknown
namespace path {nope}
# case: nsx-path-wrong-args
namespace path a b
# case: nsx-path-lookup
namespace eval lib {proc helper {} {return lib}}; namespace eval app {namespace path ::lib; proc run {} {helper}}; app::run
# case: nsx-path-order
namespace eval l1 {proc h {} {return l1}}; namespace eval l2 {proc h {} {return l2}}; namespace eval app {namespace path {::l1 ::l2}; h}
# case: nsx-path-second
namespace eval l1 {}; namespace eval l2 {proc h {} {return l2}}; namespace eval app {namespace path {::l1 ::l2}; h}
# case: nsx-path-before-global
proc h {} {return global}; namespace eval lib {proc h {} {return lib}}; namespace eval app {namespace path ::lib; h}
# case: nsx-path-own-first
namespace eval lib {proc h {} {return lib}}; namespace eval app {proc h {} {return own}; namespace path ::lib; h}
# case: nsx-path-global-fallback
proc g {} {return global}; namespace eval lib {}; namespace eval app {namespace path ::lib; g}
# case: nsx-path-not-found
namespace eval lib {}; namespace eval app {namespace path ::lib; nosuch}
# case: nsx-path-reset
namespace eval lib {proc h {} {return lib}}; namespace eval app {namespace path ::lib; namespace path {}; list [namespace path] [catch h m] $m}
# case: nsx-path-deleted-ns
namespace eval lib {}; namespace eval app {namespace path ::lib}; namespace delete lib; namespace eval app {namespace path}
# case: nsx-path-per-namespace
namespace eval lib {proc h {} {return lib}}; namespace eval app {namespace path ::lib}; namespace eval other {catch h m; set m}
# case: nsx-path-qualified-relative
namespace eval lib {namespace eval sub {proc h {} {return libsub}}}; namespace eval app {namespace path ::lib; sub::h}
# case: nsx-path-which
namespace eval lib {proc h {} {}}; namespace eval app {namespace path ::lib; namespace which h}
# case: nsx-path-not-inherited-by-child
namespace eval lib {proc h {} {return lib}}; namespace eval app {namespace path ::lib; namespace eval child {catch h m; set m}}
# case: nsx-path-proc-body
namespace eval lib {proc h {} {return lib}}; namespace eval app {namespace path ::lib; proc run {} {h}}; namespace eval app {namespace path {}}; catch app::run m; set m
# case: nsx-path-bad-list
namespace path "\{"
# ---------------------------------------------------------------- unknown
# case: nsx-unknown-global-default
namespace unknown
# case: nsx-unknown-ns-default
namespace eval x {namespace unknown}
# case: nsx-unknown-set-query
namespace eval x {namespace unknown foo; namespace unknown}
# case: nsx-unknown-reset-global
namespace unknown foo; namespace unknown {}; namespace unknown
# case: nsx-unknown-reset-ns
namespace eval x {namespace unknown foo; namespace unknown {}; namespace unknown}
# case: nsx-unknown-wrong-args
namespace unknown a b
# case: nsx-unknown-handler-called
proc handler {args} {return [list handled $args]}; namespace eval x {namespace unknown ::handler; nosuch 1 2}
# case: nsx-unknown-handler-prefix
proc handler {args} {return [list handled $args]}; namespace eval x {namespace unknown {::handler pre}; nosuch 1 2}
# case: nsx-unknown-handler-in-proc
proc handler {args} {return [list handled $args]}; namespace eval x {namespace unknown ::handler; proc p {} {nosuch z}}; x::p
# case: nsx-unknown-handler-other-ns
proc handler {args} {return handled}; namespace eval x {namespace unknown ::handler}; namespace eval y {catch {nosuch} m; set m}
# case: nsx-unknown-global-handler
proc handler {args} {return [list global $args]}; namespace unknown ::handler; nosuch a
# case: nsx-unknown-global-handler-from-ns
proc handler {args} {return [list global $args]}; namespace unknown ::handler; namespace eval x {nosuch a}
# case: nsx-unknown-handler-missing
namespace eval x {namespace unknown ::nohandler; nosuch 1}
# case: nsx-unknown-global-proc
proc unknown {args} {return [list unk $args]}; nosuch 1 2
# case: nsx-unknown-global-proc-from-ns
proc unknown {args} {return [list unk $args]}; namespace eval x {nosuch 1 2}
# case: nsx-unknown-ns-proc-not-used
namespace eval x {proc unknown {args} {return local}; catch {nosuch} m; set m}
# case: nsx-unknown-bad-list
namespace unknown "\{"
# case: nsx-unknown-handler-error
proc handler {args} {error "no $args"}; namespace unknown ::handler; nosuch 1
# ---------------------------------------------------------------- ensemble create
# case: nse-create-default
namespace eval a {proc f {} {return F}; proc g {x} {return G$x}; namespace export f g; namespace ensemble create}; list [a f] [a g 1] [info commands a]
# case: nse-create-result
namespace eval a {namespace ensemble create}
# case: nse-create-result-command
namespace eval a {namespace ensemble create -command e2}
# case: nse-create-result-absolute
namespace eval a {namespace ensemble create -command ::e2}
# case: nse-create-makes-namespace
namespace eval a {namespace ensemble create -command ::x::y}; namespace exists ::x
# case: nse-unknown-sub
namespace eval a {proc f {} {}; proc g {} {}; namespace export f g; namespace ensemble create}; a h
# case: nse-unknown-sub-one
namespace eval a {proc f {} {}; namespace export f; namespace ensemble create}; a x
# case: nse-unknown-sub-three
namespace eval a {proc f {} {}; proc g {} {}; proc h {} {}; namespace export *; namespace ensemble create}; a x
# case: nse-unknown-sub-code
namespace eval a {proc f {} {}; namespace export f; namespace ensemble create}; catch {a x}; set errorCode
# case: nse-unknown-sub-errorinfo
namespace eval a {proc f {} {}; namespace export f; namespace ensemble create}; catch {a x}; set errorInfo
# case: nse-no-exports
namespace eval a {namespace ensemble create}; a x
# case: nse-prefix-unique
namespace eval a {proc foo {} {return F}; proc far {} {}; namespace export foo far; namespace ensemble create}; a fo
# case: nse-prefix-ambiguous
namespace eval a {proc foo {} {return F}; proc far {} {}; namespace export foo far; namespace ensemble create}; a f
# case: nse-prefix-exact-wins
namespace ensemble create -command ::e1 -map {abc {::list A} ab {::list B}}; e1 ab
# case: nse-prefix-empty-unique
namespace ensemble create -command ::e1 -map {abc {::list A}}; e1 {}
# case: nse-prefix-empty-ambiguous
namespace ensemble create -command ::e1 -map {abc {::list A} abd {::list B}}; e1 {}
# case: nse-prefixes-off
namespace ensemble create -command ::e1 -map {x {::list X}} -prefixes 0; e1 x1
# case: nse-prefixes-off-exact
namespace ensemble create -command ::e1 -map {xyz {::list X}} -prefixes 0; list [e1 xyz] [catch {e1 xy} m] $m
# case: nse-no-sub
namespace eval a {proc f {} {}; namespace export f; namespace ensemble create}; a
# case: nse-no-sub-code
namespace eval a {proc f {} {}; namespace export f; namespace ensemble create}; catch {a}; set errorCode
# case: nse-sub-wrong-args
namespace eval a {proc g {x} {}; namespace export g; namespace ensemble create}; a g
# case: nse-sub-wrong-args-map-builtin
namespace ensemble create -command ::e -map {x {::string length}}; e x
# case: nse-sub-wrong-args-map-builtin-many
namespace ensemble create -command ::e -map {x {::string length}}; e x q r
# case: nse-sub-wrong-args-map-prefix
namespace eval a {proc f {p y} {list $p $y}; namespace ensemble create -map {x {::a::f Q}}}; a x
# case: nse-sub-nested-error-not-rewritten
namespace eval a {proc g {} {string length}; namespace export g; namespace ensemble create}; a g
# case: nse-runs-in-namespace
namespace eval a {proc f {} {namespace current}; namespace export f; namespace ensemble create}; namespace eval b {::a f}
# case: nse-info-level
namespace eval a {proc f {args} {info level 0}; namespace export f; namespace ensemble create}; a f 1 2
# case: nse-errorinfo
namespace eval a {proc f {} {error boom}; namespace export f; namespace ensemble create}; catch {a f}; set errorInfo
# case: nse-exports-live
namespace eval a {proc f {} {return F}; namespace export f; namespace ensemble create}; proc a::g {} {return G}; namespace eval a {namespace export g}; list [a g] [catch {a h} m] $m
# case: nse-exports-deleted
namespace eval a {proc f {} {return F}; namespace export f; namespace ensemble create}; rename a::f {}; a f
# case: nse-exports-glob
namespace eval a {proc f {} {}; namespace export f*; namespace ensemble create}; proc a::fox {} {}; a x
# case: nse-exports-underscore
namespace eval a {proc _f {} {}; namespace export *; namespace ensemble create}; a x
# case: nse-exports-imported
namespace eval lib {proc h {} {return libh}; namespace export h}; namespace eval a {namespace import ::lib::h; namespace export h; namespace ensemble create}; a h
# case: nse-nested
namespace eval a {namespace eval b {proc f {} {return abf}; namespace export f; namespace ensemble create}; namespace export b; namespace ensemble create}; a b f
# case: nse-nested-wrong-args
namespace eval a {namespace eval b {proc f {} {}; namespace export f; namespace ensemble create}; namespace export b; namespace ensemble create}; a b
# ---------------------------------------------------------------- ensemble options
# case: nse-map
namespace ensemble create -command ::e1 -map {a {::list A} b {::list B}}; list [e1 a] [e1 b 1]
# case: nse-map-relative-qualified
namespace eval a {namespace ensemble create -command ::b -map {x {list X}}}; namespace ensemble configure b -map
# case: nse-map-relative-call
namespace eval a {namespace ensemble create -command ::b -map {x {list X}}}; b x 1
# case: nse-map-global-relative
namespace ensemble create -command ::e -map {x {list X}}; list [e x 1] [namespace ensemble configure e -map]
# case: nse-map-empty-impl
namespace ensemble create -command ::e1 -map {x {}}
# case: nse-map-odd
namespace ensemble create -map x
# case: nse-map-bad-list
namespace ensemble create -command ::e -map "\{"
# case: nse-map-empty-first-word
namespace eval a {namespace ensemble create -command ::e1 -map {x {{} a}}}; namespace ensemble configure e1 -map
# case: nse-map-missing-target
namespace ensemble create -command ::e -map {x ::nope}; e x 1
# case: nse-map-missing-target-errorinfo
namespace ensemble create -command ::e -map {x ::nope}; catch {e x 1}; set errorInfo
# case: nse-map-sorted-error
namespace ensemble create -command ::e -map {c ::list b ::list}; e x
# case: nse-map-duplicate-key
namespace ensemble create -command ::e -map {x {::list 1} y {::list 2} x {::list 3}}; list [e x] [namespace ensemble configure e -map]
# case: nse-map-ensemble-target
namespace eval a {namespace ensemble create -map {b ::list}}; namespace ensemble create -command ::q -map {x {::a b}}; q x 1 2
# case: nse-map-to-import
namespace eval a {proc f {} {return F}; namespace export f}; namespace eval b {namespace import ::a::f}; namespace ensemble create -command ::c -map {f ::b::f}; c f
# case: nse-subcommands
namespace eval a {namespace ensemble create -subcommands {x y}}; proc a::x {} {return ax}; proc a::y {} {}; a x
# case: nse-subcommands-missing
namespace eval a {namespace ensemble create -subcommands {x y}}; a x
# case: nse-subcommands-global-fallback
proc x {} {return globalx}; namespace eval a {namespace ensemble create -subcommands {x y}}; a x
# case: nse-subcommands-with-map
namespace ensemble create -command ::e -map {x {::list 1} y {::list 2} z {::list 3}} -subcommands {z x}; list [e z] [catch {e y} m] $m
# case: nse-subcommands-partial-map
namespace eval a {namespace ensemble create -subcommands {b c} -map {b ::list}}; list [a b 1] [catch {a c} m] $m
# case: nse-subcommands-dedup
namespace eval a {proc f {} {}; namespace export f; namespace ensemble create}; namespace ensemble configure a -subcommands {g f g}; a x
# case: nse-subcommands-bad-list
namespace ensemble create -command ::e -subcommands "\{"
# case: nse-prefixes-bad
namespace ensemble create -prefixes x
# case: nse-parameters
namespace eval a {proc f {p y} {list $p $y}; namespace ensemble create -map {x ::a::f} -parameters p}; a P x Y
# case: nse-parameters-builtin
namespace ensemble create -command ::e -map {x {::string length}} -parameters p; e P x
# case: nse-parameters-missing
namespace ensemble create -command ::e -parameters {p} -map {x {::list X}}; e P
# case: nse-parameters-missing-two
namespace ensemble create -command ::e -parameters {p q} -map {x {::list X}}; e P
# case: nse-parameters-none-given
namespace ensemble create -command ::e -parameters {p q} -map {x {::list X}}; e
# case: nse-parameters-wrong-args
namespace eval a {proc f {p y} {list $p $y}; namespace ensemble create -map {x ::a::f} -parameters p}; a P x
# case: nse-parameters-bad-list
namespace ensemble create -command ::e -parameters "\{"
# case: nse-unknown-handler-implements
namespace eval a {namespace ensemble create -unknown ::u}; proc u {ens sub args} {return [list ::list $ens $sub]}; a hello 1 2
# case: nse-unknown-handler-args
namespace eval a {namespace ensemble create -unknown {::u X}}; proc u {args} {return [list ::list $args]}; a hello 1 2
# case: nse-unknown-handler-defines
namespace eval a {namespace ensemble create -unknown ::u}; proc u {ens sub args} {namespace eval ::a [list proc $sub args {return [list got $args]}]; namespace eval ::a [list namespace export $sub]; return {}}; a hello 1 2
# case: nse-unknown-handler-empty
namespace eval a {namespace ensemble create -unknown {apply {{ens args} {return {}}}}}; a foo bar
# case: nse-unknown-handler-bad-list
namespace eval a {namespace ensemble create -unknown ::u}; proc u {ens sub args} {return "\{"}; a hello 1 2
# case: nse-unknown-handler-error
namespace eval a {namespace ensemble create -unknown ::u}; proc u {ens sub args} {error uerr}; a hello 1 2
# case: nse-unknown-handler-errorinfo
namespace eval a {namespace ensemble create -unknown ::u}; proc u {ens sub args} {error uerr}; catch {a hello 1 2}; set errorInfo
# case: nse-unknown-handler-break
namespace eval a {namespace ensemble create -unknown ::u}; proc u {ens sub args} {return -code break}; a hello 1 2
# case: nse-unknown-handler-continue
namespace eval a {namespace ensemble create -unknown ::u}; proc u {ens sub args} {return -code continue}; a hello 1 2
# case: nse-unknown-handler-parameters
namespace eval a {namespace ensemble create -unknown ::u -parameters p}; proc u {args} {return [list ::list $args]}; a P hello 1 2
# case: nse-unknown-handler-no-prefix
namespace eval a {namespace ensemble create -unknown ::u -prefixes 0 -map {abc ::list}}; proc u {args} {return [list ::list $args]}; a ab 1 2
# case: nse-unknown-handler-not-for-wrong-args
namespace eval a {namespace ensemble create -unknown ::u}; proc u {ens args} {return [list ::list $ens]}; a
# case: nse-create-bad-option
namespace ensemble create -foo bar
# case: nse-create-odd
namespace ensemble create -foo
# case: nse-create-missing-value
namespace ensemble create -map
# case: nse-create-ambiguous-option
namespace ensemble create -p 0
# case: nse-create-option-prefix
namespace eval a {namespace ensemble create -c ::q -m {x ::list}}; q x 1
# case: nse-create-replaces
proc q {} {}; namespace eval a {namespace ensemble create -command ::q}; namespace ensemble exists q
# case: nse-create-again
namespace eval a {namespace ensemble create -command ::a::q}; namespace ensemble create -command ::a::q -map {z ::list}; a::q z 5
# ---------------------------------------------------------------- ensemble configure / exists
# case: nse-configure-all
namespace eval a {namespace ensemble create}; namespace ensemble configure a
# case: nse-configure-all-set
namespace ensemble create -command ::e -map {x ::list} -subcommands {x} -prefixes 0 -unknown ::u -parameters {p}; namespace ensemble configure e
# case: nse-configure-one
namespace eval a {namespace ensemble create}; list [namespace ensemble configure a -map] [namespace ensemble configure a -namespace] [namespace ensemble configure a -prefixes]
# case: nse-configure-set
namespace eval a {namespace ensemble create}; namespace ensemble configure a -map {x {list 1}}; list [a x] [namespace ensemble configure a -map]
# case: nse-configure-set-result
namespace eval a {namespace ensemble create}; namespace ensemble configure a -prefixes 0
# case: nse-configure-set-several
namespace eval a {namespace ensemble create}; namespace ensemble configure a -unknown foo -prefixes 0; namespace ensemble configure a
# case: nse-configure-set-all
namespace eval a {namespace ensemble create}; namespace ensemble configure a -map {} -subcommands {} -unknown {} -parameters {} -prefixes 1
# case: nse-configure-map-from-other-ns
namespace eval b {}; namespace eval a {namespace ensemble create}; namespace eval b {namespace ensemble configure ::a -map {x {list 1}}}; namespace ensemble configure a -map
# case: nse-configure-replace-map
namespace ensemble create -command ::e1 -map {a {::list A} b {::list B}}; namespace ensemble configure e1 -map {c {::list C}}; list [e1 c] [catch {e1 a} m] $m
# case: nse-configure-prefixes-bool
namespace ensemble create -command ::e1 -prefixes no; set r [namespace ensemble configure e1 -prefixes]; namespace ensemble configure e1 -prefixes yes; lappend r [namespace ensemble configure e1 -prefixes]
# case: nse-configure-parameters
namespace ensemble create -command ::e1 -parameters {a b}; namespace ensemble configure e1 -parameters x -map {q ::list}; namespace ensemble configure e1
# case: nse-configure-parameters-bad
namespace ensemble create -command ::e1 -parameters {a b}; namespace ensemble configure e1 -parameters "\{"
# case: nse-configure-prefixes-bad
namespace eval a {namespace ensemble create}; namespace ensemble configure a -prefixes maybe
# case: nse-configure-map-odd
namespace ensemble create -command ::e -map {f {::list F}}; namespace ensemble configure e -map {f}
# case: nse-configure-namespace-readonly
namespace eval a {namespace ensemble create}; namespace ensemble configure a -namespace ::b
# case: nse-configure-command-option
namespace eval a {namespace ensemble create}; namespace ensemble configure a -command
# case: nse-configure-bad-option
namespace eval a {namespace ensemble create}; namespace ensemble configure a -foo
# case: nse-configure-ambiguous-option
namespace eval a {namespace ensemble create}; namespace ensemble configure a -p
# case: nse-configure-option-prefix
namespace eval a {namespace ensemble create -map {x ::list}}; namespace ensemble configure a -m
# case: nse-configure-odd
namespace eval a {namespace ensemble create}; namespace ensemble configure a -map {x y} -prefixes
# case: nse-configure-wrong-args
namespace ensemble configure
# case: nse-configure-unknown
namespace ensemble configure nope
# case: nse-configure-not-ensemble
namespace ensemble configure set
# case: nse-configure-renamed
namespace eval a {namespace ensemble create}; rename a b; namespace ensemble configure b
# case: nse-configure-namespace-of-command
namespace eval a {namespace ensemble create; namespace ensemble create -command e2}; list [namespace ensemble configure a -namespace] [namespace ensemble configure a::e2 -namespace]
# case: nse-configure-imported
namespace eval a {namespace ensemble create -command ::a::e -map {x ::list}; namespace export e}; namespace import a::e; namespace ensemble configure e -map {y ::list}; list [namespace ensemble configure ::a::e -map] [e y 1]
# case: nse-exists
namespace eval a {namespace ensemble create}; list [namespace ensemble exists a] [namespace ensemble exists ::a] [namespace ensemble exists nope] [namespace ensemble exists set]
# case: nse-exists-from-ns
namespace eval a {namespace ensemble create}; namespace eval b {namespace ensemble exists a}
# case: nse-exists-wrong-args
namespace ensemble exists
# case: nse-exists-renamed-away
namespace eval a {namespace ensemble create}; rename a {}; namespace ensemble exists a
# case: nse-exists-imported
namespace eval a {namespace ensemble create; namespace export *}; namespace import a::a; list [namespace ensemble exists a] [namespace origin a]
# case: nse-bad-subcommand
namespace ensemble foo
# case: nse-ambiguous-subcommand
namespace ensemble c
# case: nse-wrong-args
namespace ensemble
# case: nse-delete-with-namespace
namespace eval a {namespace ensemble create -command ::foo}; namespace delete a; info commands ::foo
# case: nse-delete-own-namespace
namespace eval a {namespace ensemble create}; namespace delete a; info commands ::a
# case: nse-rename
namespace eval a {proc f {} {return F}; namespace export f; namespace ensemble create}; rename a b; b f
# case: nse-info-commands
namespace eval a {namespace ensemble create -command ::a::e}; info commands ::a::*
# case: nse-which
namespace eval a {namespace ensemble create}; namespace which a
# ---------------------------------------------------------------- interplay (frames, traces, errors)
# case: nsy-p1
namespace eval a {namespace ensemble create -command x::y}; list [namespace which -command ::a::x::y] [namespace exists ::a::x]
# case: nsy-p2
namespace eval a {proc f {} {}; namespace export f}; namespace import a::f; trace add command ::a::f delete {lappend ::log}; set ::log {}; rename a::f {}; list $::log [info commands f]
# case: nsy-p3
namespace eval a {variable v 1}; namespace eval b {upvar #0 ::a::v w; namespace which -variable w}
# case: nsy-p4
namespace eval a {namespace ensemble create -map {x ::list} -unknown ::u -parameters p}; proc u {args} {return {}}; a P y
# case: nsy-p5
namespace eval a {proc f {} {}; namespace export f}; namespace import a::f; info procs f
# case: nsy-p6
namespace eval a {proc f {} {}; namespace export f}; namespace eval b {namespace import ::a::f}; namespace delete b; list [info commands ::a::f] [namespace exists b]
# case: nsy-p7
namespace eval a {namespace export f}; namespace eval a {proc f {} {return af}}; namespace eval b {namespace import ::a::*}; b::f
# case: nsy-p8
namespace eval a {proc f {} {return [info level 0]}; namespace export f}; namespace import a::f; f
# case: nsy-p9
namespace eval a {namespace ensemble create -map {x {::lindex {a b c}}}}; a x 1
# case: nsy-p10
proc unknown {args} {return [list U {*}$args]}; namespace eval x {namespace unknown {}}; namespace eval x {foo 1}
# case: nsy-p11
namespace eval x {namespace unknown ::h}; proc h {args} {return [list H {*}$args]}; namespace eval x {namespace eval y {foo 1}}
# case: nsy-p12
namespace ensemble create -command ::e -map {x {::list a}} -parameters {p q}; e 1 2 x 3
# case: nsy-p13
namespace eval a {proc f {} {}; namespace export f}; namespace eval a {namespace ensemble create}; a f extra
# case: nsy-p14
namespace eval a {proc f {} {return F}; namespace export f}; namespace eval a {namespace ensemble create}; namespace eval a {namespace export -clear}; a f
# case: nsy-p15
namespace eval a {namespace path ::}; namespace eval a {namespace path}
# case: nsy-p16
namespace eval a {namespace path {:: ::}}; namespace eval a {namespace path}
# case: nsy-p17
set r {}; foreach n {1 2 3} {namespace eval ns$n {namespace export f; proc f {} {namespace current}}}; foreach n {1 2 3} {namespace import -force ns$n::f; lappend r [f]}; set r
# case: nsy-p18
namespace eval a {proc f {} {return af}; namespace export f}; namespace eval b {namespace import ::a::f; rename f g; namespace export g}; namespace import b::g; list [g] [namespace origin g]
# case: nsy-p19
namespace eval a {namespace ensemble create -map {x ::list}}; namespace ensemble configure a -subcommands {x y}; a y
# case: nsy-p20
namespace eval a {namespace ensemble create -unknown ::u}; proc u {ens sub args} {return [list ::list $ens]}; a hello 1 2
# case: nsy-q1
namespace eval a {proc f {} {}; namespace export f}; namespace import a::f; namespace eval a {namespace import -force ::f}
# case: nsy-q2
namespace eval a {proc f {} {return af}; namespace export f}; namespace eval b {namespace import ::a::f; namespace export f}; namespace eval c {namespace import ::b::f; namespace export f}; namespace eval a {catch {namespace import -force ::c::f} m; set m}
# case: nsy-q3
namespace eval a {namespace ensemble create -command ::e -map {x {::string index}}}; catch {e x} m o; list $m [dict get $o -errorcode]
# case: nsy-q4
namespace ensemble create -command ::e -map {sub ::e2}; namespace ensemble create -command ::e2 -map {z ::list}; e sub
# case: nsy-q5
namespace ensemble create -command ::e -map {sub ::e2}; namespace ensemble create -command ::e2 -map {z ::list}; e sub q
# case: nsy-q6
namespace eval a {proc f {x} {}; namespace export f; namespace ensemble create}; catch {a f} m o; list $m [dict get $o -errorinfo]
# case: nsy-q7
namespace eval a {namespace export *; proc f {} {return F}; namespace ensemble create -command ::a::e}; a::e f
# case: nsy-q8
namespace eval a {namespace export *; proc f {} {return F}; namespace ensemble create -command ::a::e}; catch {a::e e} m; set m
# case: nsy-q9
proc tcl::foo {} {return tf}; namespace eval a {namespace path ::tcl; foo}
# case: nsy-q10
namespace eval a {namespace unknown {::apply {{args} {return [list APPLY $args]}}}; nosuch 1}
# case: nsy-q11
namespace eval a {proc unknown {args} {return ns-unknown}; namespace unknown unknown; nosuch 1}
# case: nsy-q12
namespace eval lib {proc h {} {return lib}}; namespace eval app {namespace path lib}
# case: nsy-q13
namespace eval a {namespace ensemble create -parameters {x}}; a 1 b
# case: nsy-q14
namespace eval a {namespace ensemble create -command ::e -map {x {::a::nope 1}}}; e x 2
# case: nsy-q15
namespace eval a {proc f args {return $args}; namespace export f}; namespace ensemble create -command ::e -map {g {::a::f 1 2}} -parameters p; e P g 3
# case: nsy-q16
namespace eval a {proc f {} {}; namespace export f}; namespace import a::f; namespace which -command f
# case: nsy-q17
namespace eval a {proc f {} {}; namespace export f}; namespace eval b {namespace import ::a::f}; namespace eval c {namespace path ::b; f; namespace which f}
# case: nsy-q18
namespace eval a {namespace ensemble create -subcommands {}  -map {}}; namespace ensemble configure a -subcommands {x}; namespace ensemble configure a -subcommands
# case: nsy-q19
namespace ensemble create -command ::e -map {x ::list}; namespace ensemble configure e -map {y ::list} -prefixes 0 -unknown {} -map {z ::list}; namespace ensemble configure e
# case: nsy-q20
namespace ensemble create -command ::e -map {x ::list}; catch {namespace ensemble configure e -map {a ::list} -prefixes bad}; namespace ensemble configure e -map
# case: nsy-r1
namespace eval a {proc f {} {uplevel 1 {set x 5}}; namespace export f; namespace ensemble create}; proc p {} {a f; set x}; p
# case: nsy-r2
namespace eval a {proc f {} {info level}; namespace export f; namespace ensemble create}; proc p {} {a f}; p
# case: nsy-r3
namespace eval a {proc f {} {tailcall list tc}; namespace export f; namespace ensemble create}; a f
# case: nsy-r4
namespace eval a {proc f {} {return -code break}; namespace export f; namespace ensemble create}; set r {}; foreach x {1 2} {lappend r $x; a f}; set r
# case: nsy-r5
namespace eval a {namespace ensemble create -unknown ::u}; proc u {args} {string length}; catch {a x} m; list $m $::errorInfo
# case: nsy-r6
namespace ensemble create -command ::e -map {x ::e2}; namespace ensemble create -command ::e2 -map {y {::string length}}; e x y
# case: nsy-r7
namespace eval a {proc f {} {return F}; namespace export f; namespace ensemble create}; namespace eval a {proc g {} {return [a f]}}; a::g
# case: nsy-r8
namespace eval a {proc f {} {return F}; namespace export f; namespace ensemble create}; set cmd a; $cmd f
# case: nsy-r9
namespace eval a {proc f {} {return F}; namespace export f; namespace ensemble create}; a::f
# case: nsy-r10
proc unknown {cmd args} {if {$cmd eq "auto"} {proc auto {} {return defined}; return [auto]}; error "no $cmd"}; list [auto] [auto]
# case: nsy-r11
namespace eval a {proc f {} {}; namespace export f}; namespace import a::f; rename f ::a::g
# case: nsy-r12
namespace eval a {proc f {a} {return $a}; namespace export f}; namespace eval b {namespace import ::a::f}; b::f
# case: nsy-r13
namespace eval a {proc f {} {error inner}; namespace export f}; namespace import a::f; catch f m o; dict get $o -errorinfo
# case: nsy-r14
namespace ensemble create -command ::e -map {x {::list a}} -parameters {p}; catch {e} m o; list $m [dict get $o -errorcode]
# case: nsy-r15
namespace eval a {namespace ensemble create}; catch {a nope} m o; dict get $o -errorcode
# case: nsy-r16
namespace ensemble create -command ::e -map {x ::list y ::list z ::list}; e q
# case: nsy-r17
namespace ensemble create -command ::e -map {x ::list} -prefixes off; e q
# case: nsy-r18
namespace eval a {namespace ensemble create -subcommands {x} -map {x {}}}
# case: nsy-r19
namespace eval a {namespace export f g; namespace export}; namespace eval a {namespace export -clear; namespace export}
# case: nsy-r20
namespace eval a {}; namespace import a::*
# case: nsy-recursion-through-ensemble
set c 0; proc r {n} {incr ::c; e r $n}; namespace ensemble create -command ::e -map {r ::r}; catch {r 1} m; list $c $m
# ---------------------------------------------------------------- relative namespace names
# case: nsz-exists-relative-only
namespace eval a {}; namespace eval b {namespace exists a}
# case: nsz-eval-creates-relative
namespace eval a {}; namespace eval b {namespace eval a {}}; list [namespace exists ::b::a] [namespace children ::b]
# case: nsz-eval-relative-existing
namespace eval b {namespace eval a {variable v 1}}; namespace eval b {namespace eval a {set v}}
# case: nsz-children-relative-only
namespace eval a {namespace eval k {}}; namespace eval b {namespace children a}
# case: nsz-parent-relative-only
namespace eval a {}; namespace eval b {namespace parent a}
# case: nsz-delete-relative-only
namespace eval a {}; namespace eval b {namespace delete a}
# case: nsz-inscope-relative-only
namespace eval a {variable v 1}; namespace eval b {namespace inscope a {set v}}
# case: nsz-upvar-relative-only
namespace eval a {variable v 1}; namespace eval b {namespace upvar a v w; set w}
# case: nsz-children-relative
namespace eval b {namespace eval a {namespace eval k {}}}; namespace eval b {namespace children a}
# case: nsz-delete-relative
namespace eval b {namespace eval a {}}; namespace eval b {namespace delete a}; namespace exists ::b::a
# case: nsz-apply-namespace
namespace eval a {}; namespace eval b {apply {{} {namespace current} a}}
# ---------------------------------------------------------------- ensemble tables kept within one eval
# case: nse-cache-export-change
namespace eval a {proc f {} {return F}; proc g {} {return G}; namespace export f; namespace ensemble create}
set r {}
foreach k {1 2 3 4} {
    lappend r [catch {a g} m] $m
    if {$k == 2} {namespace eval a {namespace export g}}
}
set r
# case: nse-cache-proc-defined
namespace eval a {proc f {} {return F}; namespace export *; namespace ensemble create}
set r {}
foreach k {1 2 3 4} {
    lappend r [catch {a g} m] $m
    if {$k == 2} {proc a::g {} {return G}}
}
set r
# case: nse-cache-proc-deleted
namespace eval a {proc f {} {return F}; proc g {} {return G}; namespace export *; namespace ensemble create}
set r {}
foreach k {1 2 3 4} {
    lappend r [catch {a g} m] $m
    if {$k == 2} {rename a::g {}}
}
set r
# case: nse-cache-configure-each-time
namespace ensemble create -command ::e -map {x {::list 0}}
set r {}
for {set k 1} {$k <= 3000} {incr k} {
    namespace ensemble configure ::e -map [list x [list ::list $k]]
    set v [e x]
    if {$v != $k} {lappend r $k $v}
}
list $r [e x]
# case: nse-cache-subcommands-change
namespace eval a {proc f {} {return F}; proc g {} {return G}; namespace export *; namespace ensemble create}
set r {}
foreach k {1 2 3 4} {
    lappend r [catch {a g} m] $m
    if {$k == 2} {namespace ensemble configure a -subcommands f}
}
set r
# case: nse-cache-recreated
set r {}
foreach k {1 2 3 4} {
    namespace ensemble create -command ::e -map [list x [list ::list $k]]
    lappend r [e x]
    lappend r [e x]
}
set r
# case: nse-cache-renamed
namespace ensemble create -command ::e -map {x {::list X}}
set r {}
foreach k {1 2 3} {
    lappend r [catch {e x} m] $m
    if {$k == 1} {rename e e2; namespace ensemble create -command ::e -map {x {::list Y}}}
    if {$k == 2} {lappend r [e2 x]}
}
set r
# case: nse-cache-relative-subcommand-defined
proc x {} {return global}
namespace eval a {namespace ensemble create -subcommands {x}}
set r {}
foreach k {1 2 3 4} {
    lappend r [a x]
    if {$k == 2} {proc a::x {} {return local}}
}
set r
# case: nse-cache-two-interp-names
namespace eval a {namespace ensemble create -command ::a::e -map {x {::list A}}}
namespace eval b {namespace ensemble create -command ::b::e -map {x {::list B}}}
set r {}
foreach k {1 2} {lappend r [a::e x] [b::e x] [namespace eval a {e x}] [namespace eval b {e x}]}
set r
# case: nsy-u1
proc handler {args} {error "no $args"}; namespace unknown ::handler; catch {nosuch 1}; set errorInfo
# case: nsy-u2
proc unknown {args} {error "no $args"}; catch {nosuch 1}; set errorInfo
# case: nsy-u3
namespace eval a {variable v 1}; namespace eval b {upvar 0 ::a::v w; namespace which -variable w}
# case: nsy-u4
namespace eval a {namespace eval b {namespace eval c {proc f {} {return abc}; namespace export f; namespace ensemble create}; namespace export c; namespace ensemble create}; namespace export b; namespace ensemble create}; list [a b c f] [catch {a b c} m] $m [catch {a b c f x} m] $m
# case: nsy-u5
namespace eval a {proc f {} {}; namespace export f}; namespace eval b {namespace import ::a::f}; namespace ensemble create -command ::e -map {g ::b::f}; catch {e g 1} m; set m
# case: nsy-u6
namespace eval a {namespace ensemble create -map {x ::list}}; namespace ensemble configure a -parameters {p}; a 1 x 2
# case: nsy-u7
namespace eval ::a {namespace export *; proc f {} {return F}}; namespace eval ::b {namespace import ::a::*; namespace export *}; namespace eval ::c {namespace import ::b::*}; list [c::f] [namespace origin c::f] [lsort [namespace eval c {namespace import}]]
# case: nsy-u8
namespace eval a {proc f {} {return F}; namespace export f}; namespace import a::f; namespace delete a; list [info commands f] [catch f m] $m
# case: ns-info-commands-relative-current-only
namespace eval a { proc p1 {} {}; proc p2 {} {} }
namespace eval b { proc q {} {} }
namespace eval b { list [info commands a::*] [info commands a::p1] [info commands ::a::p*] }
# case: ns-info-commands-relative-child
namespace eval a { proc p1 {} {} }
namespace eval b { namespace eval a { proc z {} {} } }
namespace eval b { list [info commands a::*] [info procs a::*] }
# case: ns-info-procs-vars-relative
namespace eval a { proc p1 {} {}; variable v 1 }
namespace eval b { list [info procs a::*] [info vars a::*] [info vars ::a::*] }
# case: ns-info-commands-relative-nested
namespace eval a::c { proc p1 {} {} }
namespace eval a { list [info commands c::*] [info commands nosuch::*] }
# case: ns-qualified-var-lookup-falls-back-to-global
namespace eval a {variable v 1}
namespace eval b {}
set r [namespace eval b {set a::v}]
namespace eval b {namespace eval a {}}
lappend r [namespace eval b {set a::v}] [namespace eval b {set a::v 5}] $::a::v [namespace eval b {info exists a::v}]
# case: ns-qualified-var-create-under-current-only
namespace eval a {}
namespace eval b {}
set r [list [catch {namespace eval b {set a::w 1}} m] $m]
namespace eval b {namespace eval a {}}
namespace eval b {set a::z 1}
lappend r [info vars ::a::*] [info vars ::b::a::*]
# case: ns-qualified-proc-create-under-current-only
namespace eval a {}
set r [list [catch {namespace eval b {proc a::x {} {}}} m] $m]
namespace eval b {namespace eval a {}; proc a::y {} {}}
lappend r [info commands ::a::*] [info commands ::b::a::*]
# case: ns-rename-creates-namespace
proc f {} {return f}
rename f x::y::g
namespace eval m {proc h {} {}; rename h z::k}
list [namespace exists x::y] [info commands ::x::y::*] [x::y::g] [info commands ::m::z::*] [namespace exists ::z]
# case: ns-rename-target-under-current
proc q {} {}
namespace eval a {}
namespace eval b {rename ::q a::q2}
list [info commands ::a::*] [info commands ::b::a::*]
# case: ns-children-relative-pattern
namespace eval a::b {}
namespace eval a::c {}
list [namespace children a b*] [lsort [namespace children a ::a::*]] [namespace children :: a*] [namespace eval a {namespace children ::a c*}]
# case: ns-variable-array-element
namespace eval n {}
list [catch {namespace eval n {variable a(1) 1}} m o] $m [dict get $o -errorcode] [catch {namespace eval n {variable x 1 a(1) 2}} m] $m [info exists n::x]
# case: ns-not-found-absolute-and-relative
proc ec {s} { catch $s m o; list $m [dict get $o -errorcode] }
list [ec {namespace parent ::nosuch}] [ec {namespace parent nosuch}] [ec {namespace children ::nosuch}] [ec {namespace eval n {namespace path ::m}}] [ec {namespace eval n {namespace path m}}] [ec {namespace inscope ::nosuch {}}] [ec {namespace upvar nosuch v w}]
# case: namespace-empty-name-is-global-only-from-global
namespace eval ::kid1 {}; namespace eval ::kid2::g {}
proc ec {s} {list [catch {uplevel 1 $s} m o] $m [dict get [dict merge {-errorcode -} $o] -errorcode]}
set r [list [lsort [lsearch -inline -all [namespace children {}] ::kid*]] [namespace children {} kid1] [namespace children :: {}] [namespace exists {}] [namespace parent {}] [namespace eval {} {namespace current}]]
foreach ns {::kid2 ::kid2::g} {
    foreach s {{namespace children {}} {namespace children {} *} {namespace exists {}} {namespace parent {}} {namespace eval {} {namespace current}} {namespace inscope {} {namespace current}}} {
        lappend r [namespace eval $ns [list ec $s]]
    }
}
set r
# case: qualified-var-after-namespace-recreated
namespace eval ::q { variable c 0 }
for {set i 0} {$i < 3} {incr i} { incr ::q::c }
set before $::q::c
namespace delete ::q
set gone [info exists ::q::c]
namespace eval ::q { variable c 100 }
incr ::q::c
list $before $gone $::q::c [catch {set ::nope::c} m] $m
# case: qualified-var-relative-and-absolute
namespace eval ::a::b { variable v 1 }
namespace eval ::a {
    set r [list $b::v $::a::b::v]
    incr b::v
    lappend r $::a::b::v
}
