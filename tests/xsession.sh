# xsession.sh: sourced by the tests that run vitrine in a real window. Starts
# a fresh Xvfb on a free display, and gives helpers to start the app with
# --trace, wait for trace lines, check exit statuses, take screenshots and
# count results. The sourcing script sets NAME first and ends with
# "finish".
V=$(pwd)/build/vitrine
tmp=$(mktemp -d)
passed=0
failed=0
app=""
xpid=""

cleanup() {
	[ -n "$app" ] && kill "$app" 2>/dev/null
	[ -n "$xpid" ] && kill "$xpid" 2>/dev/null
	# KEEP=DIR keeps the screenshots and the trace for a look afterwards
	[ -n "${KEEP:-}" ] && mkdir -p "$KEEP" && cp -r "$tmp"/. "$KEEP"/
	rm -rf "$tmp"
}
trap cleanup EXIT

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; [ -f "$tmp/trace" ] && sed 's/^/  | /' "$tmp/trace"; }

if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null; then
	echo "$NAME: Xvfb or xdotool missing (make test installs them)"
	echo "$NAME: 0 passed, 1 failed"
	exit 1
fi

# A fresh X server on a free display number.
Xvfb -displayfd 3 -screen 0 "${XVFB_SCREEN:-1280x720x24}" -nolisten tcp 3>"$tmp/display" 2>/dev/null &
xpid=$!
for _ in $(seq 50); do [ -s "$tmp/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$tmp/display")"
unset SDL_VIDEODRIVER
export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
export DBUS_SESSION_BUS_ADDRESS=disabled:
xdotool getdisplaygeometry >/dev/null 2>&1 || { echo "$NAME: no X server"; echo "$NAME: 0 passed, 1 failed"; exit 1; }

. tests/trace_wait.sh

start() { # start ARGS...: runs vitrine with --trace, waits for its first frame
	: >"$tmp/trace"
	"$V" --trace "$@" >"$tmp/trace" 2>&1 &
	app=$!
	wait_for "ready" 10
}

running() { # the app has not exited (a zombie counts as exited)
	[ -n "$app" ] && ps -o stat= -p "$app" 2>/dev/null | grep -qv '^Z'
}

expect_exit() { # expect_exit STATUS SECONDS WHAT: the app ends so, in time
	n=$(($2 * 20))
	while [ "$n" -gt 0 ] && running; do sleep 0.05; n=$((n - 1)); done
	if running; then
		kill -9 "$app"
		s="none in $2 s"
	else
		s=0
	fi
	wait "$app"
	rc=$?
	[ "$s" = 0 ] && s=$rc
	app=""
	if [ "$s" = "$1" ]; then ok; else bad "$3: exit status $s, expected $1"; fi
}

shot() { import -window root "PNG24:$tmp/$1.png"; }
mean() { convert "$tmp/$1.png" -format '%[fx:mean]' info:; }
differ() { [ "$(compare -metric AE "$tmp/$1.png" "$tmp/$2.png" null: 2>&1 | cut -d' ' -f1)" != 0 ]; }

alive() { # alive WHAT: the app is still running
	sleep 0.5
	if running; then ok; else bad "$1: the app left"; fi
}

finish() {
	echo "$NAME: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
