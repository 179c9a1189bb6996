#!/bin/sh
# t_clock.sh: the show's clock in a real window under Xvfb, with --now.
# The corner clock turns at the minute and only its box is drawn again; a
# countdown counts its last seconds and gives way to its "after" text;
# --export --now shows the time asked for. Read by OCR (tesseract) and by
# comparing screenshots.
set -u
cd "$(dirname "$0")/.."
NAME=t_clock
. tests/xsession.sh

if ! command -v tesseract >/dev/null; then
	bad "tesseract is missing (make test installs tesseract-ocr)"
	finish
	exit 1
fi

cat >"$tmp/deck.json" <<'EOF'
{
  "event": { "name": "Internet Governance Forum 2007",
             "date": "13 November 2007", "venue": "Rio de Janeiro" },
  "theme": { "band": "top" },
  "settings": { "time_zone": "America/Sao_Paulo", "clock": "top-right",
                "seconds": 600 },
  "slides": [
    { "title": "Key questions",
      "bullets": ["How do partnerships work in practice?",
                  "What makes them last?"] },
    { "layout": "clock", "title": "Rio de Janeiro" },
    { "title": "Partnerships in Practice", "text": "Starts in",
      "until": "2007-11-13T11:00", "after": "Now in Room 2" }
  ]
}
EOF

reads() { # reads NAME GEOMETRY REGEX WHAT: OCR of a crop of a screenshot
	convert "$tmp/$1.png" -crop "$2" +repage -resize 300% "$tmp/$1-crop.png"
	tesseract "$tmp/$1-crop.png" - 2>/dev/null | tr '\n' ' ' >"$tmp/$1.txt"
	if grep -Eq -- "$3" "$tmp/$1.txt"; then ok; else
		bad "$4: OCR does not read /$3/ (read: $(cut -c1-120 "$tmp/$1.txt"))"
	fi
}
CORNER=320x90+960+0
BELOW=1280x630+0+90

# --- the corner clock turns at the minute, and only it is drawn again
start --mode lobby --now 2007-11-13T10:55:57 "$tmp/deck.json" ||
	bad "no first frame"
shot before
reads before "$CORNER" '10:55' "the corner clock at the start"
expect_trace 'tick 10:56' 6 "the minute turning"
sleep 0.3
shot after
reads after "$CORNER" '10:56' "the corner clock after the minute"
convert "$tmp/before.png" -crop "$BELOW" +repage "PNG24:$tmp/b1.png"
convert "$tmp/after.png" -crop "$BELOW" +repage "PNG24:$tmp/b2.png"
if differ b1 b2; then bad "more than the clock changed at the minute"; else ok; fi
sleep 2
n=$(grep -c 'tick' "$tmp/trace")
if [ "$n" = 1 ]; then ok; else bad "$n clock redraws in 2.3 s after the minute, expected 1"; fi
kill "$app"
expect_exit 0 3 "SIGTERM"

# --- a countdown's last seconds, then its "after" text
start --mode present --now 2007-11-13T10:59:56 "$tmp/deck.json" ||
	bad "no first frame (countdown)"
xdotool key End
expect_trace 'slide 3/3' 2 "End"
expect_trace 'tick 10:59, 2 s' 4 "the countdown's seconds"
expect_trace 'tick 11:00$' 4 "the countdown reaching its moment"
sleep 0.5
shot over
reads over 1280x630+0+90 'Now in Room 2' "the countdown's after text"
kill "$app"
expect_exit 0 3 "SIGTERM (countdown)"

# --- time windows: a slide joins the cycle when its window opens, and
# leaves the screen when it closes
cat >"$tmp/windows.json" <<'EOF'
{
  "settings": { "time_zone": "America/Sao_Paulo", "seconds": 1,
                "transition": "none" },
  "slides": [
    { "title": "Welcome" },
    { "title": "Coffee in the foyer",
      "when": { "from": "10:56", "until": "10:58" } }
  ]
}
EOF
start --mode lobby --now 2007-11-13T10:55:57 "$tmp/windows.json" ||
	bad "no first frame (windows)"
sleep 2
if grep -q 'slide 2/2' "$tmp/trace"; then bad "slide 2 shown before its window opened"; else ok; fi
expect_trace 'slide 2/2 next timer' 5 "slide 2 once its window opened"
kill "$app"
expect_exit 0 3 "SIGTERM (windows)"
sed 's/"seconds": 1,/"seconds": 30,/' "$tmp/windows.json" >"$tmp/closing.json"
start --mode lobby --now 2007-11-13T10:57:57 "$tmp/closing.json" ||
	bad "no first frame (window closing)"
xdotool key ctrl+alt+Right
expect_trace 'slide 2/2 next key' 2 "staff Ctrl+Alt+Right to slide 2"
expect_trace 'slide 1/2 next timer' 5 "slide 2 leaving as its window closed"
sleep 2
if [ "$(grep -c 'slide 2/2' "$tmp/trace")" = 1 ]; then ok; else bad "slide 2 came back after its window closed"; fi
kill "$app"
expect_exit 0 3 "SIGTERM (window closing)"

# --- no slide due and no fallback: the holding slide (the event's name,
# "Back soon") until a window opens, then the slide
cat >"$tmp/holding.json" <<'EOF'
{
  "event": { "name": "Internet Governance Forum 2007" },
  "settings": { "time_zone": "America/Sao_Paulo", "seconds": 30,
                "transition": "none" },
  "slides": [
    { "title": "Coffee in the foyer",
      "when": { "from": "10:56", "until": "10:58" } }
  ]
}
EOF
start --mode lobby --now 2007-11-13T10:55:56 "$tmp/holding.json" ||
	bad "no first frame (holding)"
sleep 0.5
shot held
reads held 1280x720+0+0 'Back soon' "the holding slide while nothing is due"
reads held 1280x720+0+0 'Internet +Governance +Forum +2007' "the event's name on it"
if grep -q 'holding on' "$tmp/trace"; then ok; else bad "no 'holding on' in the trace"; fi
expect_trace 'holding off' 6 "the holding slide leaving as a window opens"
sleep 0.5
shot due
reads due 1280x720+0+0 'Coffee in the foyer' "the slide once its window opened"
kill "$app"
expect_exit 0 3 "SIGTERM (holding)"

# --- screens in step: two lobbies started 1.3 s apart show the same
# slide at the same moments (settings.sync "clock", the real clock)
cat >"$tmp/sync.json" <<'EOF'
{
  "settings": { "sync": "clock", "seconds": 1, "transition": "none" },
  "slides": [ { "title": "One" }, { "title": "Two" }, { "title": "Three" },
              { "title": "Four" }, { "title": "Five" } ]
}
EOF
t_a=$(date +%s%3N)
"$V" --trace --windowed --mode lobby "$tmp/sync.json" >"$tmp/sync-a" 2>&1 &
pa=$!
sleep 1.3
t_b=$(date +%s%3N)
"$V" --trace --windowed --mode lobby "$tmp/sync.json" >"$tmp/sync-b" 2>&1 &
pb=$!
sleep 5
kill "$pa" "$pb"
wait "$pa" "$pb"
# each change as "absolute-ms slide", then the slide each shows every
# 100 ms of the 4 s both ran, away from the changes (250 ms either side:
# the trace counts from each one's start, which the shell knows to tens of ms)
changes() { awk -v t0="$1" '/^trace [0-9]+ slide [0-9]+\/5/ { split($4, s, "/"); printf "%.0f %s\n", t0 + $2, s[1] }' "$2"; }
changes "$t_a" "$tmp/sync-a" >"$tmp/ca"
changes "$t_b" "$tmp/sync-b" >"$tmp/cb"
agree=$(awk -v from="$((t_b + 500))" -v to="$((t_b + 4500))" '
	FNR == 1 { f++ }
	{ t[f, ++n[f]] = $1; s[f, n[f]] = $2 }
	function at(k, x,   i, v) { v = 0; for (i = 1; i <= n[k]; i++) if (t[k, i] <= x) v = s[k, i]; return v }
	function near(x,   k, i) { for (k = 1; k <= 2; k++) for (i = 1; i <= n[k]; i++) if (t[k, i] > x - 250 && t[k, i] < x + 250) return 1; return 0 }
	END { same = 0; diff = 0
		for (x = from; x < to; x += 100) { if (near(x)) continue; if (at(1, x) == at(2, x) && at(1, x)) same++; else diff++ }
		print same, diff }' "$tmp/ca" "$tmp/cb")
same=${agree% *}
diff=${agree#* }
if [ "$same" -ge 10 ] && [ "$diff" = 0 ]; then ok; else
	bad "two synced lobbies disagree: $same samples agree, $diff differ"
	sed 's/^/  a | /' "$tmp/sync-a"
	sed 's/^/  b | /' "$tmp/sync-b"
	sed 's/^/  a | /' "$tmp/ca"
	sed 's/^/  b | /' "$tmp/cb"
fi
echo "figure: two synced lobbies started 1.3 s apart: $same samples of 100 ms agree, $diff differ"

# --- --export --now: the clock slide at the time asked for
"$V" --export "$tmp/x" --size 1280x720 --now 2007-11-13T10:55 "$tmp/deck.json" >/dev/null 2>&1
cp "$tmp/x/slide-002.png" "$tmp/clock.png"
reads clock 1280x630+0+90 '10:55' "the exported clock slide's time"
reads clock 1280x630+0+90 'Tuesday 13 November 2007' "the exported clock slide's date"
"$V" --export "$tmp/x" --size 1280x720 --now 2007-11-13T10:48:01 "$tmp/deck.json" >/dev/null 2>&1
cp "$tmp/x/slide-003.png" "$tmp/count.png"
reads count 1280x630+0+90 '12 min' "the exported countdown, 11:59 left"

# --- a bad --now and a bad time zone are refused with the fix
if "$V" --now 2007-11-13T25:00 --check "$tmp/deck.json" 2>"$tmp/err"; then
	bad "--now 25:00 accepted"
elif grep -q 'ISO 8601' "$tmp/err"; then ok; else bad "--now 25:00: $(cat "$tmp/err")"; fi
sed 's|America/Sao_Paulo|America/Sao_Paul|' "$tmp/deck.json" >"$tmp/zone.json"
"$V" --check "$tmp/zone.json" >"$tmp/out" 2>&1
if grep -q 'zone.json:5:.*settings.time_zone: "America/Sao_Paul": no such zone.*America/Sao_Paulo' "$tmp/out"; then ok; else
	bad "a misspelt zone: $(cat "$tmp/out")"
fi
finish
