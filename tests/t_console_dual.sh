#!/bin/sh
# t_console_dual.sh: the presenter console with two displays, on Xorg's
# dummy driver (DUMMY0 1920x1080, DUMMY1 1280x720 to its right): in present
# mode the console goes fullscreen on the first (a laptop's panel) and the
# slides on the second (the projector); S swaps them. Reads the screen:
# each output cropped from a root screenshot, the slides compared with
# --export, the console's words read by OCR.
set -u
cd "$(dirname "$0")/.."
NAME=t_console_dual
V=$(pwd)/build/vitrine
tmp=$(mktemp -d)
pids=""
app=""
passed=0
failed=0
cleanup() {
	[ -n "$app" ] && kill "$app" 2>/dev/null
	for p in $pids; do kill "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; [ -f "$tmp/trace" ] && sed 's/^/  | /' "$tmp/trace"; }
finish() { echo "$NAME: $passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }
. tests/xorg_dual.sh
. tests/trace_wait.sh

if [ "$(id -u)" != 0 ]; then
	echo "$NAME: skipped: Xorg's dummy driver needs root (CI runs as root)"
	finish
elif ! command -v Xorg >/dev/null || [ ! -e /usr/lib/xorg/modules/drivers/dummy_drv.so ]; then
	bad "xserver-xorg-core or xserver-xorg-video-dummy is not installed (make test installs them)"
	finish
elif ! command -v tesseract >/dev/null; then
	bad "tesseract is missing (make test installs tesseract-ocr)"
	finish
elif ! dual_xorg >"$tmp/log" 2>&1; then
	bad "Xorg with two dummy outputs did not start"
	finish
fi
unset SDL_VIDEODRIVER
export SDL_RENDER_DRIVER=software DBUS_SESSION_BUS_ADDRESS=disabled:

for z in 1920x1080 1280x720; do
	"$V" --export "$tmp/ex$z" --size "$z" slides/igf2007.json >/dev/null 2>&1
done

crop() { # crop NAME GEOMETRY: one output of a fresh root screenshot
	import -window root "PNG24:$tmp/root.png"
	convert "$tmp/root.png" -crop "$2" +repage "PNG24:$tmp/$1.png"
	rm -f "$tmp/$1.txt"
}
sees() { # sees NAME REGEX WHAT
	tesseract "$tmp/$1.png" - 2>/dev/null | tr '\n' ' ' >"$tmp/$1.txt"
	if grep -Eiq -- "$2" "$tmp/$1.txt"; then ok; else
		bad "$3: the console does not show /$2/ (OCR: $(cut -c1-200 "$tmp/$1.txt"))"
	fi
}
shows() { # shows NAME SIZE N WHAT: the crop NAME is slide N at SIZE
	ae=$(compare -metric AE "$tmp/$1.png" "$(printf '%s/ex%s/slide-%03d.png' "$tmp" "$2" "$3")" null: 2>&1)
	if [ "$ae" = 0 ]; then ok; else bad "$4: not slide $3 at $2 ($ae pixels differ)"; fi
}
P0=1920x1080+0+0
P1=1280x720+1920+0

"$V" --trace --mode present slides/igf2007.json >"$tmp/trace" 2>&1 &
app=$!
expect_trace 'console on display 0, slides on display 1' 5 "present mode, two displays"
expect_trace 'ready' 10 "first frame"
sleep 1
crop console "$P0"
crop slides "$P1"
sees console '1 ?/ ?16' "the console on the first display"
sees console 'Welcome to' "slide 1's notes on the console"
shows slides 1280x720 1 "the second display at the start"

console=$(xdotool search --name "vitrine console" | head -n 1)
xdotool key --window "$console" Right
expect_trace 'slide 2/16' 2 "Right"
sleep 0.8
crop slides "$P1"
shows slides 1280x720 2 "the second display after Right"

xdotool key --window "$console" s
expect_trace 'console on display 1, slides on display 0' 2 "S swaps"
sleep 1.5
crop slides "$P0"
crop console "$P1"
shows slides 1920x1080 2 "the first display after the swap"
sees console '2 ?/ ?16' "the console on the second display after the swap"

kill "$app"
wait "$app"
rc=$?
app=""
if [ "$rc" = 0 ]; then ok; else bad "SIGTERM: exit status $rc"; fi

# the projector plugged in during the talk: started with one display, the
# slides have it; when the second comes, within 2 s the slides go to it
# and the console opens on the first, the talk where it was
xrandr --output DUMMY1 --off && xrandr >/dev/null
"$V" --trace --mode present slides/igf2007.json >"$tmp/trace" 2>&1 &
app=$!
expect_trace 'ready 1920x1080' 10 "one display: the slides on it"
sleep 0.5
crop slides "$P0"
shows slides 1920x1080 1 "one display at the start"
xdotool key Right
expect_trace 'slide 2/16' 2 "Right with one display"
xrandr --output DUMMY1 --mode 1280x720 --right-of DUMMY0
expect_trace 'console on display 0, slides on display 1' 2 "the second display plugged in"
sleep 1.5
crop slides "$P1"
crop console "$P0"
shows slides 1280x720 2 "the plugged-in display"
sees console '2 ?/ ?16' "the console after the plug"

# the projector unplugged during the talk (its output turned off, which
# SDL 2.26 does not notice; vitrine's own RandR watch does): the slides'
# window waits and the console says so; plugged back, the slides return to
# it where the talk was
xrandr --output DUMMY1 --off
expect_trace 'console on display 0, slides on display -1' 2 "the second display unplugged"
sleep 1
crop console "$P0"
sees console 'no display for the slides' "the console after the unplug"
xrandr --output DUMMY1 --mode 1280x720 --right-of DUMMY0
expect_trace 'console on display 0, slides on display 1' 2 "the second display back"
sleep 1.5
crop slides "$P1"
shows slides 1280x720 2 "the display plugged back"
# the laptop's panel off: xrandr moves the projector to 0,0, where SDL
# still sees the panel; the console moves there at the projector's size
xrandr --output DUMMY0 --off
expect_trace 'console on display 0, slides on display -1' 2 "the first display off"
sleep 1.5
crop console 1280x720+0+0
sees console '2 ?/ ?16' "the console on the projector, moved to 0,0"
if xwininfo -name "vitrine console" | grep -q 'Width: 1280'; then ok; else
	bad "the console's window is not the projector's size: $(xwininfo -name 'vitrine console' | grep -E 'Width|Height' | tr '\n' ' ')"
fi
kill "$app"
wait "$app"
app=""
finish
