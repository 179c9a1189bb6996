#!/bin/sh
# t_reload.sh: unattended operation in a real window under Xvfb: the deck is
# rewritten while the show runs (broken, half-written, deleted, fixed, saved
# by rename, SIGHUP); the last good deck stays on screen and a fixed one
# appears within a second on the same slide. Also: a broken deck at start
# shows a holding slide in a lobby and fails in present mode; a resized
# window lays the slide out again.
set -u
cd "$(dirname "$0")/.."
NAME=t_reload
. tests/xsession.sh

d="$tmp/deck"
mkdir -p "$d"
deck() { # deck WORD: a good three-slide deck whose second slide says WORD
	cat <<JSON
{ "title": "vitrine reload test", "settings": { "seconds": 600, "transition": "none" },
  "slides": [ { "id": "one", "title": "One" },
              { "id": "two", "title": "Two", "text": "$1" },
              { "id": "three", "title": "Three" } ] }
JSON
}
ms() { date +%s%3N; }
count_lines() { grep -Ec -- "$1" "$tmp/trace"; }
wait_count() { # wait_count PATTERN N: up to 2 s for N lines matching
	for _ in $(seq 40); do
		[ "$(count_lines "$1")" -ge "$2" ] && return 0
		sleep 0.05
	done
	return 1
}

deck "Apples" >"$d/show.json"
start --mode lobby --windowed --size 800x600 --error-marker off "$d/show.json" || bad "no first frame"
xdotool key ctrl+alt+Right
expect_trace 'slide 2/3 next key' 2 "staff step to slide 2"
sleep 0.4
shot good

# broken JSON: logged once, the last good deck stays
printf '{ "slides": [ { "title": "One" }, ' >"$d/show.json"
expect_trace 'reload failed' 2 "half-written deck"
sleep 0.5
shot broken
if differ good broken; then bad "the half-written deck changed the screen"; else ok; fi
printf '{ "slides": [ { "title": "One" }, ' >"$d/show.json"
printf '{ "slides": [ { "title": "One" }, ' >"$d/show.json"
sleep 0.8
n=$(grep -c 'reload failed; still showing' "$tmp/trace")
if [ "$n" -eq 1 ]; then ok; else bad "the same error was logged $n times"; fi
printf '{ "slides": [ { "titel": "One" } ] }' >"$d/show.json"
sleep 0.8
n=$(count_lines '^trace .* reload failed')
if [ "$n" -eq 2 ]; then ok; else bad "a new error: $n reload failures traced, expected 2"; fi
if grep -q 'slides\[0\]\.titel: unknown key; did you mean "title"' "$tmp/trace"; then ok; else bad "the new error was not logged with its place"; fi

# a deleted deck: still the last good one
rm "$d/show.json"
expect_trace 'cannot open: No such file' 2 "deleted deck"
sleep 0.3
shot deleted
if differ good deleted; then bad "deleting the deck changed the screen"; else ok; fi

# fixed: on screen within a second, on the same slide
t0=$(ms)
deck "Bananas" >"$d/show.json"
if wait_for 'reload ok slide 2/3' 2; then
	took=$(($(ms) - t0))
	echo "reload: new deck on screen $took ms after the write"
	if [ "$took" -le 1000 ]; then ok; else bad "the fixed deck took $took ms"; fi
else
	bad "the fixed deck was not loaded"
fi
sleep 0.3
shot fixed
if differ good fixed; then ok; else bad "the fixed deck's new text is not on screen"; fi

# an editor's save: write a temporary file, rename it over the deck
deck "Cherries" >"$d/.show.json.tmp"
mv "$d/.show.json.tmp" "$d/show.json"
if wait_count 'reload ok slide 2/3' 2; then ok; else bad "save by rename: no reload"; fi

# SIGHUP reloads at once
kill -HUP "$app"
if wait_count 'reload ok slide 2/3' 3; then ok; else bad "SIGHUP: no reload"; fi

# a deck with fewer slides: the index is clamped, ids matched first
cat >"$d/show.json" <<JSON
{ "title": "vitrine reload test", "settings": { "seconds": 600, "transition": "none" },
  "slides": [ { "id": "two", "title": "Two, now first" } ] }
JSON
expect_trace 'reload ok slide 1/1' 2 "fewer slides, same id"

# the window is resized: laid out again
wid=$(xdotool search --name 'vitrine reload test' | head -n 1)
xdotool windowsize "$wid" 640 400
expect_trace 'resize 640x400' 2 "window resize"
sleep 0.3
shot small
w=$(convert "$tmp/small.png" -trim -format '%w' info:)
if [ "$w" -le 640 ]; then ok; else bad "after the resize the slide is $w px wide"; fi

kill -TERM "$app"
expect_exit 0 2 "SIGTERM after reloads"

# a broken deck at start: a lobby shows a holding slide and waits for a fix
printf '{ "event": { "name": "Holding Test Forum" }, "slides": [] }' >"$d/show.json"
start --mode lobby --windowed --size 800x600 "$d/show.json" || bad "holding: no first frame"
if grep -q 'showing a holding slide' "$tmp/trace"; then ok; else bad "no holding slide"; fi
sleep 0.3
wid=$(xdotool search --name 'Holding Test Forum' | head -n 1)
import -window "$wid" "PNG24:$tmp/holding.png"
if [ "$(convert "$tmp/holding.png" -format '%[fx:mean>0.01]' info:)" = 1 ]; then ok; else bad "the holding slide is blank"; fi
# the staff marker (on by default in a lobby): an amber square top right
px=$(convert "$tmp/holding.png" -format '%[fx:int(255*p{773,22}.r)],%[fx:int(255*p{773,22}.g)],%[fx:int(255*p{773,22}.b)]' info:)
if [ "$px" = "255,160,0" ]; then ok; else bad "no failed-reload marker (pixel $px)"; fi
deck "Dates" >"$d/show.json"
expect_trace 'reload ok slide 1/3' 2 "holding: fixed deck comes up"
kill -TERM "$app"
expect_exit 0 2 "holding: SIGTERM"

# present mode: a broken deck is an error
printf '{' >"$d/show.json"
"$V" --mode present --windowed "$d/show.json" >"$tmp/trace" 2>&1
rc=$?
if [ "$rc" -eq 1 ]; then ok; else bad "present with a broken deck exited $rc"; fi

finish
