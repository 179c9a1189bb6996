#!/bin/sh
# t_display.sh: --display N beyond the displays present, under Xvfb (one
# display): present mode exits 1 naming how many there are; lobby and
# kiosk log a warning naming the count and show on display 0.
set -u
cd "$(dirname "$0")/.."
NAME=t_display
. tests/xsession.sh

"$V" --mode present --windowed --display 3 slides/igf2007.json >"$tmp/out" 2>&1
rc=$?
if [ "$rc" -eq 1 ]; then ok; else bad "present --display 3: exit status $rc, expected 1"; fi
if grep -q -- '^vitrine: --display 3: there is 1 display, counted from 0$' "$tmp/out"; then ok; else
	bad "present --display 3: no message naming the count"; sed 's/^/  | /' "$tmp/out"
fi

for mode in lobby kiosk; do
	start --mode "$mode" --display 2 slides/igf2007.json || bad "$mode --display 2: no first frame"
	if grep -q 'warn: --display 2: there is 1 display, counted from 0; showing on display 0' "$tmp/trace"; then ok; else
		bad "$mode --display 2: no warning naming the count"
	fi
	alive "$mode --display 2"
	kill "$app"
	expect_exit 0 5 "$mode --display 2: SIGTERM"
done

# a display that is there: no warning
start --mode lobby --display 0 slides/igf2007.json || bad "lobby --display 0: no first frame"
if grep -q -- '--display' "$tmp/trace"; then bad "--display 0: a warning"; else ok; fi
kill "$app"
expect_exit 0 5 "lobby --display 0: SIGTERM"

finish
