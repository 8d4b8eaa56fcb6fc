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
