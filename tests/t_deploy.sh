#!/bin/sh
# t_deploy.sh: the show on screen in every deployment path the README names,
# judged by the screen's pixels, never by the trace. In each set-up the
# lobby deck tests/data/e2e/deploy.json must show its first slide within
# 2 s, then a slide change, then the same show at a new size after a resize;
# "shows" means the screen's pixels equal vitrine --export of that slide at
# that size (tolerance: 0.5 % of the pixels).
#
# The set-ups:
#   xvfb      X with no window manager (a bare X kiosk); resized by xdotool
#   openbox   X with a window manager that fullscreens; resized by RandR
#   cage-wl   the cage kiosk compositor, SDL's Wayland driver
#   cage-x11  cage through Xwayland (SDL's X11 driver), as the README says
#   dual      Xorg's dummy driver with two outputs, --display 1; the second
#             output's mode changed by RandR, then unplugged and plugged in
#
# cage runs on wlroots' X11 backend inside an Xvfb, so that its output is a
# window whose pixels are what cage sends to its screen. (wlroots' headless
# backend with grim is not used: there even a bare SDL program that draws
# once and waits is black in grim; see README, "Under the cage kiosk
# compositor".) Keys typed on cage's keyboard (its X11 window) must reach
# vitrine: the staff's pause and exit chord. cage refuses root: as root it
# runs as nobody.
set -u
cd "$(dirname "$0")/.."
NAME=t_deploy
V=$(pwd)/build/vitrine
DECK=tests/data/e2e/deploy.json
tmp=$(mktemp -d)
chmod 755 "$tmp"
passed=0
failed=0
skipped=0
pids=""

cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	sleep 0.2
	for p in $pids; do kill -9 "$p" 2>/dev/null; done
	[ -n "${KEEP:-}" ] && echo "kept $tmp" && return
	rm -rf "$tmp"
}
trap cleanup EXIT

ok() { passed=$((passed + 1)); }
bad() {
	failed=$((failed + 1))
	echo "FAIL: $*"
	[ -f "$tmp/log" ] && sed 's/^/  | /' "$tmp/log" | tail -n 15
}
skip() { skipped=$((skipped + 1)); echo "$NAME: skipped $*"; }

for tool in Xvfb xdotool import compare xrandr; do
	command -v "$tool" >/dev/null || { echo "$NAME: $tool missing (make test installs it)"; echo "$NAME: 0 passed, 1 failed"; exit 1; }
done

export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
export DBUS_SESSION_BUS_ADDRESS=disabled:
unset SDL_VIDEODRIVER

# The slides as they must look, at each size the set-ups use.
for size in 1280x720 1024x600 1024x768 800x600; do
	"$V" --export "$tmp/x-$size" --size "$size" "$DECK" >/dev/null 2>&1 ||
		bad "export at $size"
done

xvfb() { # xvfb WxH [ARGS]: a fresh Xvfb; sets DISPLAY, adds it to pids
	: >"$tmp/display"
	Xvfb -displayfd 3 -screen 0 "$1x24" -nolisten tcp ${2:-} 3>"$tmp/display" 2>/dev/null &
	pids="$pids $!"
	for _ in $(seq 50); do [ -s "$tmp/display" ] && break; sleep 0.1; done
	DISPLAY=":$(cat "$tmp/display")"
	export DISPLAY
	xdotool getdisplaygeometry >/dev/null 2>&1
}

grab() { # grab WIN GEOM OUT: a screenshot of window WIN (root) cut to GEOM
	import -window "$1" -crop "$2" +repage "PNG24:$3" 2>/dev/null
}

matches() { # matches SHOT EXPECTED: the two differ in at most 0.5 % of pixels
	n=$(compare -metric AE -fuzz 1% "$1" "$2" null: 2>&1 | cut -d' ' -f1)
	total=$(identify -format '%[fx:w*h]' "$2")
	case "$n" in '' | *[!0-9.e+]*) return 1 ;; esac
	awk -v n="$n" -v t="$total" 'BEGIN { exit !(n <= t * 0.005) }'
}

# on_screen WIN GEOM SIZE SLIDES SECONDS: within SECONDS, the region shows
# one of SLIDES (numbers) as exported at SIZE; sets $seen to it.
on_screen() {
	end=$(($(date +%s%N) / 1000000 + $5 * 1000))
	while :; do
		grab "$1" "$2" "$tmp/shot.png"
		for s in $4; do
			if matches "$tmp/shot.png" "$tmp/x-$3/slide-00$s.png"; then
				seen=$s
				return 0
			fi
		done
		[ $(($(date +%s%N) / 1000000)) -ge "$end" ] && break
		sleep 0.1
	done
	cp "$tmp/shot.png" "$tmp/last-failed.png"
	seen=""
	return 1
}

# check_start SETUP WIN GEOM SIZE: slide 1 within 2 s of vitrine's start
# (each slide stays 3 s), then a change to another slide
check_start() {
	if on_screen "$2" "$3" "$4" 1 2; then ok; else bad "$1: slide 1 not on screen within 2 s of start"; fi
	if on_screen "$2" "$3" "$4" "2 3" 8; then ok; else bad "$1: no change to another slide showed"; fi
}

# resized_window SETUP X ARGS...: vitrine ARGS in a 1280x720 window at x X
# of the root window, then that window resized to 1024x600 (no window
# manager: nothing else sizes it)
resized_window() {
	setup=$1 x=$2
	shift 2
	"$V" --mode lobby "$@" "$DECK" >"$tmp/log" 2>&1 &
	app=$!
	pids="$pids $app"
	check_start "$setup" root "1280x720+$x+0" 1280x720
	wid=$(xdotool search --name 'vitrine deployment test' | head -n 1)
	xdotool windowsize "$wid" 1024 600
	if on_screen root "1024x600+$x+0" 1024x600 "1 2 3" 3; then ok; else bad "$setup: no whole slide on screen at 1024x600 after a resize"; fi
	kill "$app"
	wait "$app" 2>/dev/null
}

# --- xvfb: no window manager; the window itself is resized
xvfb 1280x720
resized_window xvfb 0

# --- openbox: a window manager fullscreens the window; the screen's
# resolution changes (RandR) and the manager resizes the window to it
if command -v openbox >/dev/null; then
	xvfb 1280x720
	openbox >/dev/null 2>&1 &
	pids="$pids $!"
	sleep 0.5
	"$V" --mode lobby "$DECK" >"$tmp/log" 2>&1 &
	app=$!
	pids="$pids $app"
	check_start openbox root 1280x720+0+0 1280x720
	xrandr --fb 1024x600 >/dev/null 2>&1
	if on_screen root 1024x600+0+0 1024x600 "1 2 3" 3; then ok; else bad "openbox: no whole slide on screen at 1024x600 after the screen shrank"; fi
	kill "$app"
	wait "$app" 2>/dev/null
else
	skip "openbox: openbox is not installed (make test installs it)"
fi

# --- cage, the Wayland kiosk compositor, on wlroots' X11 backend: its
# output is the X server's only window, 1024x768 at first
cage_run() { # cage_run DRIVER: vitrine under cage, SDL_VIDEODRIVER=DRIVER
	c="$tmp/cage-$1"
	mkdir -p "$c/bin" "$c/assets" "$c/run"
	cp "$V" "$c/bin/"
	cp -r assets/fonts "$c/assets/"
	cp "$DECK" "$c/deck.json"
	chmod -R a+rX "$c"
	as=""
	if [ "$(id -u)" = 0 ]; then
		chown nobody "$c/run"
		as="runuser -u nobody --"
	fi
	chmod 700 "$c/run"
	$as env XDG_RUNTIME_DIR="$c/run" WLR_BACKENDS=x11 \
		WLR_X11_OUTPUTS=1 WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman \
		cage -d -- env SDL_VIDEODRIVER="$1" "$c/bin/vitrine" \
		--mode lobby "$c/deck.json" >"$tmp/log" 2>&1 &
	cage=$!
	pids="$pids $cage"
	# the clock starts when vitrine does, not when cage and Xwayland do
	for _ in $(seq 100); do
		out=$(xwininfo -root -children 2>/dev/null |
			awk '/^ +0x/ { print $1; exit }')
		[ -n "$out" ] && pgrep -f "$c/bin/vitrine" >/dev/null && break
		sleep 0.05
	done
}

cage_check() { # cage_check SETUP DRIVER
	xvfb 1280x800 -ac
	cage_run "$2"
	if [ -z "$out" ]; then
		bad "$1: cage's output did not appear"
		return
	fi
	check_start "$1" "$out" 1024x768+0+0 1024x768
	xdotool windowsize "$out" 800 600
	if on_screen "$out" 800x600+0+0 800x600 "1 2 3" 3; then ok; else bad "$1: no whole slide on screen at 800x600 after cage's output shrank"; fi
	cage_keys "$1"
	kill "$cage" 2>/dev/null
	wait "$cage" 2>/dev/null
	# cage's children (Xwayland, vitrine) end with it; make sure
	sleep 0.3
}

# cage_keys SETUP: keys typed on cage's keyboard reach vitrine: staff's
# Ctrl+Alt+P pauses the lobby (the slide outlives its 3 s), and holding
# Ctrl+Alt+Q for 2 s ends vitrine, and with it cage.
cage_keys() {
	xdotool mousemove --window "$out" 400 300
	xdotool key --clearmodifiers ctrl+alt+p
	sleep 0.5
	grab "$out" 800x600+0+0 "$tmp/paused1.png"
	sleep 4
	grab "$out" 800x600+0+0 "$tmp/paused2.png"
	if matches "$tmp/paused1.png" "$tmp/paused2.png"; then ok; else bad "$1: Ctrl+Alt+P did not pause the lobby (keys do not reach vitrine)"; fi
	xdotool keydown ctrl+alt+q
	sleep 2.5
	xdotool keyup q keyup alt keyup ctrl
	for _ in $(seq 40); do kill -0 "$cage" 2>/dev/null || break; sleep 0.1; done
	if kill -0 "$cage" 2>/dev/null; then bad "$1: holding Ctrl+Alt+Q did not end vitrine"; else ok; fi
}

if ! command -v cage >/dev/null || ! command -v Xwayland >/dev/null; then
	skip "cage-wl, cage-x11: cage or xwayland is not installed (make test installs them)"
else
	cage_check cage-wl wayland
	cage_check cage-x11 x11
fi

# --- dual: two outputs on Xorg's dummy driver (Xvfb gives SDL only one
# display); the slides on the second with --display 1, its window resized
. tests/xorg_dual.sh

if [ "$(id -u)" != 0 ]; then
	skip "dual: Xorg's dummy driver needs root (CI runs as root)"
elif ! command -v Xorg >/dev/null || [ ! -e /usr/lib/xorg/modules/drivers/dummy_drv.so ]; then
	skip "dual: xserver-xorg-core or xserver-xorg-video-dummy is not installed (make test installs them)"
elif ! dual_xorg >"$tmp/log" 2>&1; then
	bad "dual: Xorg with two dummy outputs did not start"
else
	resized_window dual 1920 --display 1
fi

echo "$NAME: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
