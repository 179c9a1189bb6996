#!/bin/sh
# t_dist.sh: what a deployment relies on.
#   - make install into a DESTDIR puts every file in place, the installed
#     program finds its own fonts, make uninstall takes them all away again;
#   - systemd-analyze verify accepts the unit, which keeps its restart and
#     watchdog contract;
#   - the man page renders without a warning and names every option;
#   - under Xvfb, a supervisor loop like the unit's Restart=always brings the
#     show back after a crash (SIGSEGV), and stops for good when it ends with
#     0 (SIGTERM, within 2 s) or 10 (the staff chord); systemd's notify
#     messages arrive from the main process (once the player sends them);
#   - in a private network namespace (PrivateNetwork=yes) the show still
#     reaches X, and every system call it makes is one the unit's
#     SystemCallFilter= allows.
# A check whose tool is missing is skipped with a message, not failed.
# T_DIST_KEEP=1 keeps the temporary folder (logs, strace) for a look.
set -u
cd "$(dirname "$0")/.." || exit 1
V=$(pwd)/build/vitrine
tmp=$(mktemp -d)
passed=0
failed=0
skipped=0
xpid=""
svpid=""
npid=""
nspid=""

cleanup() {
	[ -n "$nspid" ] && kill "$nspid" 2>/dev/null
	[ -n "$svpid" ] && kill "$svpid" 2>/dev/null
	for p in $(awk '/^start/ { print $3 }' "$tmp/sv.log" 2>/dev/null); do
		kill -9 "$p" 2>/dev/null
	done
	[ -n "$npid" ] && kill "$npid" 2>/dev/null
	[ -n "$xpid" ] && kill "$xpid" 2>/dev/null
	[ -n "${T_DIST_KEEP:-}" ] && echo "kept $tmp" || rm -rf "$tmp"
}
trap cleanup EXIT
ulimit -c 0 # the SIGSEGV below leaves no core file

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
skip() { skipped=$((skipped + 1)); echo "SKIP: $*"; }
summary() { # the closing line, and the exit status
	s=""
	[ "$skipped" -gt 0 ] && s=", $skipped skipped"
	echo "t_dist: $passed passed, $failed failed$s"
	[ "$failed" -eq 0 ]
}
check() { # check WHAT CMD...: passes when CMD succeeds
	what=$1
	shift
	if "$@"; then ok; else bad "$what"; fi
}
# make without the calling make's flags (run.sh runs inside make check).
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -s "$@"; }

# --- make install / uninstall -------------------------------------------
d=$tmp/root
files="usr/bin/vitrine
usr/share/vitrine/fonts/NotoSans-Regular.ttf
usr/share/vitrine/fonts/NotoSans-Bold.ttf
usr/share/vitrine/fonts/NotoSerif-Regular.ttf
usr/share/vitrine/fonts/NotoSerif-Bold.ttf
usr/share/vitrine/fonts/OFL.txt
usr/share/vitrine/slides/igf2007.json
usr/share/vitrine/slides/deck.schema.json
usr/share/man/man1/vitrine.1
usr/lib/systemd/system/vitrine.service"

if mk install DESTDIR="$d" PREFIX=/usr >"$tmp/install.out" 2>&1; then
	ok
else
	bad "make install DESTDIR=... PREFIX=/usr failed"
	cat "$tmp/install.out"
fi
missing=""
for f in $files; do [ -f "$d/$f" ] || missing="$missing $f"; done
check "make install: missing:$missing" [ -z "$missing" ]
check "make install: the program is not executable" [ -x "$d/usr/bin/vitrine" ]
printf '%s\n' $files | sort >"$tmp/want"
(cd "$d" && find . -type f | sed 's|^\./||' | sort) >"$tmp/got"
extra=$(comm -13 "$tmp/want" "$tmp/got" | tr '\n' ' ')
check "make install: unexpected files: $extra" [ -z "$extra" ]
check "the installed unit runs /usr/bin/vitrine" \
	grep -q '^ExecStart=/usr/bin/vitrine ' "$d/usr/lib/systemd/system/vitrine.service"

# The installed program, run from elsewhere, finds the installed fonts.
out=$(cd / && env -u VITRINE_FONTS "$d/usr/bin/vitrine" --check \
	"$d/usr/share/vitrine/slides/igf2007.json" 2>&1)
case "$out" in
*": ok, "*" slides") ok ;;
*) bad "installed vitrine --check with VITRINE_FONTS unset: $out" ;;
esac

# Another PREFIX: the man page and the unit name its paths.
l=$tmp/local
mk install DESTDIR="$l" PREFIX=/usr/local >/dev/null 2>&1
u=$l/usr/local/lib/systemd/system/vitrine.service
check "PREFIX=/usr/local: ExecStart" grep -q '^ExecStart=/usr/local/bin/vitrine ' "$u"
check "PREFIX=/usr/local: the deck" \
	grep -q '^Environment=VITRINE_DECK=/usr/local/share/vitrine/slides/igf2007.json$' "$u"
check "PREFIX=/usr/local: the man page's FILES" \
	grep -q '^\.I /usr/local/share/vitrine/fonts/' "$l/usr/local/share/man/man1/vitrine.1"
mk uninstall DESTDIR="$l" PREFIX=/usr/local >/dev/null 2>&1
check "make uninstall PREFIX=/usr/local left files behind" \
	[ -z "$(find "$l" -type f)" ]

# --- the systemd unit ------------------------------------------------------
unit=dist/vitrine.service
for line in Type=notify NotifyAccess=main WatchdogSec=30 Restart=always \
	RestartSec=2 RestartPreventExitStatus=10 SuccessExitStatus=10 \
	PrivateNetwork=yes; do
	check "$unit: no $line" grep -qx "$line" "$unit"
done

if ! command -v systemd-analyze >/dev/null; then
	skip "systemd-analyze is not installed (Debian package systemd): the unit is not verified"
else
	# It must run here at all: a trivial unit verifies, with or without a
	# running systemd (it does in a container with no systemd as PID 1).
	mkdir -p "$tmp/units"
	printf '[Service]\nExecStart=/bin/true\n' >"$tmp/units/probe.service"
	if ! systemd-analyze verify --man=no "$tmp/units/probe.service" \
		>"$tmp/probe.out" 2>&1; then
		skip "systemd-analyze verify cannot run here ($(head -n 1 "$tmp/probe.out")): the unit is not verified"
	else
		# The installed unit, its ExecStart pointed at the installed
		# program, its man:vitrine(1) found in the installed man pages.
		sed "s|^ExecStart=/usr/bin/vitrine|ExecStart=$d/usr/bin/vitrine|" \
			"$d/usr/lib/systemd/system/vitrine.service" \
			>"$tmp/units/vitrine.service"
		if MANPATH="$d/usr/share/man" systemd-analyze verify \
			"$tmp/units/vitrine.service" >"$tmp/verify.out" 2>&1 &&
			[ ! -s "$tmp/verify.out" ]; then
			ok
		else
			bad "systemd-analyze verify $unit:"
			sed 's/^/  | /' "$tmp/verify.out"
		fi
	fi
fi

if mk uninstall DESTDIR="$d" PREFIX=/usr >"$tmp/uninstall.out" 2>&1; then
	ok
else
	bad "make uninstall failed"
	cat "$tmp/uninstall.out"
fi
left=$(find "$d" -type f)
check "make uninstall left: $left" [ -z "$left" ]
check "make uninstall left share/vitrine" [ ! -e "$d/usr/share/vitrine" ]

# --- the man page ----------------------------------------------------------
man=dist/vitrine.1
if command -v groff >/dev/null; then
	groff -man -ww -z "$man" >"$tmp/groff.out" 2>&1
	check "groff -man -ww: $(cat "$tmp/groff.out")" [ ! -s "$tmp/groff.out" ]
else
	skip "groff is not installed: the man page is not checked with it"
fi
if command -v mandoc >/dev/null; then
	mandoc -T lint "$man" >"$tmp/mandoc.out" 2>&1
	check "mandoc -T lint: $(cat "$tmp/mandoc.out")" [ ! -s "$tmp/mandoc.out" ]
fi
if command -v man >/dev/null; then
	MANWIDTH=80 man -l "$man" >"$tmp/man.out" 2>"$tmp/man.err"
	check "man -l $man: $(cat "$tmp/man.err")" [ ! -s "$tmp/man.err" ]
	for s in NAME SYNOPSIS DESCRIPTION OPTIONS MODES KEYS ENVIRONMENT \
		'EXIT STATUS' FILES 'SEE ALSO'; do
		check "man page: no $s section" grep -qx "$s" "$tmp/man.out"
	done
	# Every option the program's usage names, and the ones to come.
	opts=$("$V" --help | grep -o -- '--[a-z-]*' | sort -u)
	for o in $opts --rotate --log-level; do
		check "man page: $o is not described" \
			grep -qE -- "^ *(-[a-z], )?$o( |$)" "$tmp/man.out"
	done
	for v in VITRINE_FONTS VITRINE_RENDERER SDL_VIDEODRIVER; do
		check "man page: $v is not described" grep -q "^ *$v" "$tmp/man.out"
	done
else
	skip "man is not installed: the man page is not rendered"
fi

# --- under X: a supervisor, signals, the notify socket ---------------------
if ! command -v Xvfb >/dev/null; then
	skip "Xvfb is not installed: no supervisor test (make test installs it)"
	summary
	exit
fi
Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp 3>"$tmp/display" 2>/dev/null &
xpid=$!
for _ in $(seq 50); do [ -s "$tmp/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$tmp/display")"
export SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software
export SDL_FRAMEBUFFER_ACCELERATION=0 DBUS_SESSION_BUS_ADDRESS=disabled:
deck=tests/data/e2e/lobby.json

wait_for() { # wait_for SECONDS CMD...: until CMD succeeds, polling
	n=$(($1 * 20))
	shift
	while [ "$n" -gt 0 ]; do
		"$@" && return 0
		sleep 0.05
		n=$((n - 1))
	done
	return 1
}
count() { c=$(grep -c -- "$1" "$2" 2>/dev/null); echo "${c:-0}"; } # count PATTERN FILE
at_least() { [ "$(count "$1" "$2")" -ge "$3" ]; }      # at_least PATTERN FILE N
gone() { ! kill -0 "$1" 2>/dev/null; }
nth_pid() { awk -v n="$1" '$1 == "start" && $2 == n { print $3 }' "$tmp/sv.log"; }

# systemd's side of sd_notify: a datagram socket; each message is logged
# as "SENDER-PID MESSAGE" (the kernel's credentials, as NotifyAccess=main
# checks them).
listener='
import socket, struct, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
s.bind(sys.argv[1])
with open(sys.argv[2], "a", buffering=1) as f:
    while True:
        msg, anc, _, _ = s.recvmsg(4096, socket.CMSG_SPACE(12))
        pid = 0
        for level, kind, data in anc:
            if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
                pid = struct.unpack("iII", data[:12])[0]
        f.write("%d %s\n" % (pid, msg.decode("utf-8", "replace").replace("\n", " ")))
'
notify=""
if command -v python3 >/dev/null; then
	python3 -c "$listener" "$tmp/notify.sock" "$tmp/notify.log" &
	npid=$!
	wait_for 5 [ -S "$tmp/notify.sock" ] && notify=$tmp/notify.sock
fi
: >"$tmp/notify.log"

# The unit's restart policy as a shell loop: start again 0.5 s after any
# end but status 0 or 10 (RestartPreventExitStatus=10). Like systemd, it
# sets WATCHDOG_PID to the main process's own pid (sh's, kept by exec).
supervise() {
	n=0
	while :; do
		n=$((n + 1))
		NOTIFY_SOCKET=$notify WATCHDOG_USEC=1000000 \
			sh -c 'WATCHDOG_PID=$$ exec "$@"' sh \
			"$V" --trace "$@" >>"$tmp/sv.trace" 2>>"$tmp/sv.err" &
		echo "start $n $!" >>"$tmp/sv.log"
		wait $!
		s=$?
		echo "exit $n $s" >>"$tmp/sv.log"
		case $s in 0 | 10) exit "$s" ;; esac
		sleep 0.5
	done
}

: >"$tmp/sv.log"
: >"$tmp/sv.trace"
supervise --mode lobby --windowed "$deck" 2>/dev/null & # "Segmentation fault"
svpid=$!
if wait_for 10 at_least ' ready ' "$tmp/sv.trace" 1; then
	ok
else
	bad "supervised vitrine: no first frame in 10 s"
	cat "$tmp/sv.err"
fi
pid1=$(nth_pid 1)
check "supervised vitrine: slide 2 after its second" \
	wait_for 3 at_least 'slide 2/3 next timer' "$tmp/sv.trace" 1
# The notify checks wait for the player to send its messages.
[ -n "$notify" ] &&
	wait_for 3 grep -q "^$pid1 WATCHDOG=1" "$tmp/notify.log"

# A crash: the supervisor starts a new process, which shows again.
kill -SEGV "$pid1"
check "SIGSEGV: no exit status 139 (128 + SIGSEGV)" \
	wait_for 3 grep -qx "exit 1 139" "$tmp/sv.log"
check "SIGSEGV: the show did not come back (a second ready)" \
	wait_for 10 at_least ' ready ' "$tmp/sv.trace" 2
pid2=$(nth_pid 2)
check "SIGSEGV: the new process has a new pid ($pid1, $pid2)" \
	test -n "$pid2" -a "$pid2" != "$pid1"
check "after the restart: the new process runs" kill -0 "$pid2"
check "after the restart: the slides cycle again" \
	wait_for 3 at_least 'slide 2/3 next timer' "$tmp/sv.trace" 2

# SIGTERM: status 0 within 2 s, and the supervisor lets it be.
kill -TERM "$pid2"
check "SIGTERM: still running 2 s later" wait_for 2 gone "$pid2"
wait "$svpid"
rc=$?
svpid=""
check "SIGTERM: exit status $(tail -n 1 "$tmp/sv.log"), expected 0" \
	grep -qx "exit 2 0" "$tmp/sv.log"
check "SIGTERM: the supervisor ended with $rc, expected 0" [ "$rc" -eq 0 ]
check "SIGTERM: the supervisor started it again" \
	[ "$(count '^start' "$tmp/sv.log")" -eq 2 ]

# What systemd would have heard, once the player sends it.
if [ -z "$notify" ]; then
	skip "python3 is missing: no notify socket to listen on"
else
	f0=$failed
	check "notify: no READY=1 from the first process ($pid1)" \
		grep -q "^$pid1 READY=1" "$tmp/notify.log"
	check "notify: no WATCHDOG=1 within WATCHDOG_USEC from $pid1" \
		grep -q "^$pid1 WATCHDOG=1" "$tmp/notify.log"
	check "notify: no READY=1 from the restarted process ($pid2)" \
		grep -q "^$pid2 READY=1" "$tmp/notify.log"
	check "notify: no STOPPING=1 from $pid2 on SIGTERM" \
		grep -q "^$pid2 STOPPING=1" "$tmp/notify.log"
	others=$(awk -v a="$pid1" -v b="$pid2" '$1 != a && $1 != b' "$tmp/notify.log")
	check "notify: messages not from the main process: $others" [ -z "$others" ]
	[ "$failed" -eq "$f0" ] || sed 's/^/  notify | /' "$tmp/notify.log"
fi

# The staff chord: status 10, and the supervisor does not start it again.
if command -v xdotool >/dev/null; then
	: >"$tmp/sv.log"
	: >"$tmp/sv.trace"
	supervise --mode lobby --windowed "$deck" &
	svpid=$!
	if wait_for 10 at_least ' ready ' "$tmp/sv.trace" 1; then
		xdotool keydown ctrl+alt+q
		sleep 2.4
		xdotool keyup ctrl+alt+q
		if wait_for 4 grep -q '^exit 1 ' "$tmp/sv.log"; then
			wait "$svpid"
			rc=$?
			svpid=""
			check "staff chord: the supervisor ended with $rc, expected 10" [ "$rc" -eq 10 ]
			check "staff chord: started $(count '^start' "$tmp/sv.log") times, expected once" \
				[ "$(count '^start' "$tmp/sv.log")" -eq 1 ]
		else
			bad "staff chord: the show did not end ($(cat "$tmp/sv.log"))"
		fi
	else
		bad "staff chord: no first frame"
	fi
else
	skip "xdotool is not installed: the staff chord (status 10) is not checked"
fi

# --- PrivateNetwork=yes and SystemCallFilter= ---------------------------------
# In a new network namespace the host's abstract X socket is out of reach;
# the show must get there through the file /tmp/.X11-unix/X*. strace lists
# the system calls it makes, which the unit's filter must all allow.
if ! unshare --net true 2>/dev/null; then
	skip "cannot make a network namespace here (unshare --net): PrivateNetwork=yes is not checked"
elif ! command -v strace >/dev/null || ! command -v systemd-analyze >/dev/null; then
	skip "strace or systemd-analyze is missing: PrivateNetwork=yes and SystemCallFilter= are not checked"
else
	unshare --net strace -f -qq -o "$tmp/strace" \
		"$V" --trace --mode lobby --windowed "$deck" >"$tmp/ns.trace" 2>"$tmp/ns.err" &
	nspid=$!
	if wait_for 15 at_least 'slide 2/3 next timer' "$tmp/ns.trace" 1; then
		ok
	else
		bad "in a private network namespace: the show did not run"
		sed 's/^/  | /' "$tmp/ns.err"
	fi
	kill -TERM "$(awk 'NR == 1 { print $1 }' "$tmp/strace")" 2>/dev/null
	wait_for 3 gone "$(awk 'NR == 1 { print $1 }' "$tmp/strace")"
	kill -TERM "$nspid" 2>/dev/null
	wait "$nspid"
	nspid=""
	# The unit: SystemCallFilter=@system-service, then ~@privileged @resources.
	expand() { # expand @GROUP...: its system calls, groups expanded, one a line
		systemd-analyze syscall-filter --no-pager 2>/dev/null | awk -v want="$*" '
		function add(x,   i, n, a) {
			if (x in seen) return
			seen[x] = 1
			if (x !~ /^@/) { print x; return }
			n = split(m[x], a, " ")
			for (i = 1; i <= n; i++) add(a[i])
		}
		/^@/ { g = $1; next }
		/^ +#/ { next }
		/^ +[@a-z0-9_]/ { m[g] = m[g] " " $1 }
		END { n = split(want, w, " "); for (i = 1; i <= n; i++) add(w[i]) }'
	}
	expand @system-service | sort -u >"$tmp/allow"
	expand @privileged @resources | sort -u >"$tmp/deny"
	sed -nE 's/^[0-9]+ +([a-z0-9_]+)\(.*/\1/p' "$tmp/strace" | sort -u >"$tmp/used"
	denied=$(comm -23 "$tmp/used" "$tmp/allow" | tr '\n' ' ')
	denied="$denied$(comm -12 "$tmp/used" "$tmp/deny" | tr '\n' ' ')"
	check "strace saw no system calls" [ -s "$tmp/used" ]
	check "SystemCallFilter= would deny: $denied" [ -z "$denied" ]
fi

summary
