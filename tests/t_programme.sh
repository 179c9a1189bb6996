#!/bin/sh
# t_programme.sh: the live programme in a real window under Xvfb, with
# --now. A door sign between talks shows the next one counting down, and
# turns to "Now" when it starts (the slide is laid out again at that
# moment); a schedule exported anew over the old one shows within a
# second; a broken one keeps the last good schedule on screen. Read by
# OCR (tesseract) and against --export of the same moment.
set -u
cd "$(dirname "$0")/.."
NAME=t_programme
. tests/xsession.sh

if ! command -v tesseract >/dev/null; then
	bad "tesseract is missing (make test installs tesseract-ocr)"
	finish
	exit 1
fi

cp slides/examples/conference/schedule.json "$tmp/schedule.json"
cat >"$tmp/deck.json" <<'JSON'
{
  "settings": { "time_zone": "America/Sao_Paulo", "seconds": 600 },
  "slides": [ { "schedule": "schedule.json", "room": "Main Hall" } ]
}
JSON

reads() { # reads NAME REGEX WHAT: OCR of a screenshot, at twice its size
	convert "$tmp/$1.png" -resize 200% "$tmp/$1-2x.png"
	tesseract "$tmp/$1-2x.png" - 2>/dev/null | tr '\n' ' ' >"$tmp/$1.txt"
	if grep -Eq -- "$2" "$tmp/$1.txt"; then ok; else
		bad "$3: OCR does not read /$2/ (read: $(cut -c1-200 "$tmp/$1.txt"))"
	fi
}

# --- between talks: the next one, its last seconds; then it is on now
start --mode lobby --now 2007-11-13T11:14:54 "$tmp/deck.json" ||
	bad "no first frame"
shot before
reads before 'Next +at 11:15' "the door sign between talks"
reads before 'Capacity building across regions' "the next talk's title"
reads before 'in ?[0-9]+ ?s' "the last minute in seconds"
expect_trace 'tick .*11:15$|tick until 12:15' 10 "the talk starting"
sleep 0.5
shot after
reads after 'Now +until 12:15' "the door sign once the talk is on"
reads after 'Speaker D' "its speaker"

# --- a new export of the schedule: on screen within a second
sed -i 's/Capacity building across regions/Capacity building, revised/' \
	"$tmp/schedule.json"
expect_trace 'reload ok' 3 "a new schedule"
sleep 0.5
shot revised
reads revised 'Capacity building, revised' "the new schedule on screen"

# --- a broken one: the last good schedule stays, the error is logged
printf '{"schedule": {"conference": ' >"$tmp/schedule.json"
expect_trace 'reload failed' 3 "a broken schedule"
if grep -q 'schedule.json:1:29' "$tmp/trace"; then ok; else
	bad "the log does not name the schedule's line and column"
fi
sleep 0.5
shot kept
reads kept 'Capacity building, revised' "the last good schedule kept"
kill "$app"
expect_exit 0 3 "SIGTERM"

# --- --export --now shows the board as it stands at that moment
cp slides/examples/conference/schedule.json "$tmp/schedule.json"
"$V" --export "$tmp/ex" --now 2007-11-13T10:50 slides/examples/conference/deck.json >/dev/null 2>&1
cp "$tmp/ex/slide-001.png" "$tmp/board.png"
reads board 'Main Hall' "the exported board"
reads board 'until 11:00' "the board's talk on now"
reads board 'Writing a joint' "the board's next talk"
finish
