#!/bin/sh
# t_window.sh: the real program in a real window under Xvfb, driven with
# xdotool as a presenter, event staff and an attendee would, checked by its
# --trace lines and by screenshots (ImageMagick import).
set -u
cd "$(dirname "$0")/.."
V=$(pwd)/build/vitrine
tmp=$(mktemp -d)
passed=0
failed=0
app=""
xpid=""

cleanup() {
	[ -n "$app" ] && kill "$app" 2>/dev/null
	[ -n "$xpid" ] && kill "$xpid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; [ -f "$tmp/trace" ] && sed 's/^/  | /' "$tmp/trace"; }

if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null; then
	echo "t_window: Xvfb or xdotool missing (make test installs them)"
	echo "t_window: 0 passed, 1 failed"
	exit 1
fi

# A fresh X server on a free display number.
Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp 3>"$tmp/display" 2>/dev/null &
xpid=$!
for _ in $(seq 50); do [ -s "$tmp/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$tmp/display")"
unset SDL_VIDEODRIVER
export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
export DBUS_SESSION_BUS_ADDRESS=disabled:
xdotool getdisplaygeometry >/dev/null 2>&1 || { echo "t_window: no X server"; echo "t_window: 0 passed, 1 failed"; exit 1; }

start() { # start ARGS...: runs vitrine with --trace, waits for its first frame
	: >"$tmp/trace"
	"$V" --trace "$@" >"$tmp/trace" 2>&1 &
	app=$!
	wait_for "ready" 10
}

wait_for() { # wait_for PATTERN SECONDS: a trace line matching PATTERN
	n=$(($2 * 20))
	while [ "$n" -gt 0 ]; do
		grep -Eq -- "$1" "$tmp/trace" && return 0
		sleep 0.05
		n=$((n - 1))
	done
	return 1
}

expect_trace() { # expect_trace PATTERN SECONDS WHAT
	if wait_for "$1" "$2"; then ok; else bad "$3: no trace line /$1/ in $2 s"; fi
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

# --- present: a presenter with a keyboard or clicker
start --mode present slides/igf2007.json || bad "present: no first frame"
shot p1
xdotool key Right
expect_trace 'slide 2/16 next key' 2 "Right"
sleep 0.6
shot p2
if differ p1 p2; then ok; else bad "Right: the screen did not change"; fi
xdotool key Left
expect_trace 'slide 1/16 prev key' 2 "Left"
xdotool key 1 2 Return
expect_trace 'slide 12/16 enter key' 2 "1 2 Enter"
xdotool key End
expect_trace 'slide 16/16 last key' 2 "End"
xdotool key Home
expect_trace 'slide 1/16 first key' 2 "Home"
xdotool key Page_Down
expect_trace 'slide 2/16 next key' 2 "Page Down"
xdotool key b
expect_trace 'blank black' 2 "B"
sleep 0.2
shot black
if [ "$(mean black)" = 0 ]; then ok; else bad "B: the screen is not black"; fi
xdotool key b
expect_trace 'blank off' 2 "B again"
xdotool key F5
alive "F5"
xdotool key Escape
expect_exit 0 3 "present: Escape"

# --- lobby: cycles on its own; attendees cannot stop or leave it
start --mode lobby tests/data/e2e/lobby.json || bad "lobby: no first frame"
expect_trace 'slide 2/3 next timer' 3 "lobby advance"
expect_trace 'slide 3/3 next timer' 3 "lobby advance"
expect_trace 'slide 1/3 next timer' 3 "lobby loop"
t2=$(sed -nE 's/^trace ([0-9]+) slide 2\/3 next timer/\1/p' "$tmp/trace" | head -n 1)
t3=$(sed -nE 's/^trace ([0-9]+) slide 3\/3 next timer/\1/p' "$tmp/trace" | head -n 1)
gap=$((t3 - t2))
if [ "$gap" -ge 800 ] && [ "$gap" -le 1600 ]; then ok; else bad "lobby: slide 2 stayed $gap ms, the deck says 1000"; fi
shot l1
xdotool key Escape
alive "lobby: Escape"
xdotool key alt+F4
alive "lobby: Alt+F4"
xdotool key ctrl+q ctrl+w
alive "lobby: Ctrl+Q, Ctrl+W"
wid=$(xdotool search --name 'vitrine lobby test' | head -n 1)
python3 tests/tools/wm_close.py "$wid"
alive "lobby: the window manager's close request"
xdotool key Right
sleep 0.3
if grep -q 'next key' "$tmp/trace"; then bad "lobby: an attendee's Right moved it"; else ok; fi
xdotool key ctrl+alt+Right
expect_trace 'next key' 2 "lobby: staff Ctrl+Alt+Right"
xdotool keydown ctrl+alt+q
sleep 1
xdotool keyup q
sleep 0.3
xdotool keyup ctrl+alt
alive "lobby: staff chord released after 1 s"
xdotool keydown ctrl+alt+q
sleep 2.4
xdotool keyup ctrl+alt+q
expect_exit 10 3 "lobby: staff chord held 2 s"

# --- SIGTERM ends any mode cleanly
start --mode lobby tests/data/e2e/lobby.json || bad "SIGTERM: no first frame"
kill -TERM "$app"
expect_exit 0 2 "SIGTERM"

# --- a window: closing it leaves
start --windowed --mode lobby tests/data/e2e/lobby.json || bad "windowed: no first frame"
wid=$(xdotool search --name 'vitrine lobby test' | head -n 1)
python3 tests/tools/wm_close.py "$wid"
expect_exit 0 3 "windowed: close request"

# --- kiosk: a click is a tap; idle time brings it back to the start
start --mode kiosk tests/data/e2e/kiosk.json || bad "kiosk: no first frame"
sleep 0.3
shot k1
xdotool mousemove 1100 300 click 1
expect_trace 'slide [0-9]/3 next click' 2 "kiosk: tap on the right"
n1=$(grep -c 'next click' "$tmp/trace")
if [ "$n1" -eq 1 ]; then ok; else bad "kiosk: one click made $n1 actions"; fi
xdotool mousemove 200 300 click 1
expect_trace 'prev click' 2 "kiosk: tap on the left"
xdotool mousemove 1100 300 mousedown 1 mousemove 800 300 mousemove 300 300 mouseup 1
expect_trace 'next swipe' 2 "kiosk: swipe left"
before=$(grep -c 'timer' "$tmp/trace")
sleep 2.5
after=$(grep -c 'timer' "$tmp/trace")
if [ "$before" = "$after" ]; then ok; else bad "kiosk: cycled while someone was using it"; fi
expect_trace 'slide 1/3 first idle' 5 "kiosk: back to slide 1 after the idle timeout"
expect_trace 'slide 2/3 next timer' 3 "kiosk: cycling again"
xdotool key Escape alt+F4
alive "kiosk: Escape, Alt+F4"
wid=$(xdotool search --name 'vitrine kiosk test' | head -n 1)
python3 tests/tools/wm_close.py "$wid"
alive "kiosk: close request"
kill -TERM "$app"
expect_exit 0 2 "kiosk: SIGTERM"

echo "t_window: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
