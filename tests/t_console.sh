#!/bin/sh
# t_console.sh: the presenter console in a real window under Xvfb, as a
# presenter rehearses with it (--mode present --windowed --console 0: the
# slides' window and the console's side by side on one display). Reads the
# screen, never the trace, for what is shown: the console's words by OCR
# (tesseract), the slides' window against --export of the same slide.
# Keys go to the console's window: the presenter's clicker and keyboard
# work whichever window has focus.
set -u
cd "$(dirname "$0")/.."
NAME=t_console
XVFB_SCREEN=2400x900x24
. tests/xsession.sh

if ! command -v tesseract >/dev/null; then
	echo "t_console: tesseract is missing (make test installs tesseract-ocr)"
	echo "t_console: 0 passed, 1 failed"
	exit 1
fi

"$V" --export "$tmp/ex" --size 1280x720 slides/igf2007.json >/dev/null 2>&1

win() { xdotool search --name "$1" 2>/dev/null | head -n 1; }
grab() { # grab NAME WINDOW: a screenshot of one window
	import -window "$2" "PNG24:$tmp/$1.png"
}
ocr() { # ocr NAME: the words on $tmp/NAME.png, one line of text (read once);
	# read at twice the size: the console's small grey lines (a reload's
	# error) are misread now and then at 1:1
	[ -f "$tmp/$1.txt" ] || {
		convert "$tmp/$1.png" -resize 200% "$tmp/$1-2x.png" &&
			tesseract "$tmp/$1-2x.png" - 2>/dev/null | tr '\n' ' ' | tr -s ' ' >"$tmp/$1.txt"
	}
	cat "$tmp/$1.txt"
}
sees() { # sees NAME WORDS WHAT: the console shows WORDS (a regex)
	if ocr "$1" | grep -Eiq -- "$2"; then ok; else
		bad "$3: the console does not show /$2/ (OCR: $(ocr "$1" | cut -c1-300))"
	fi
}
slides_show() { # slides_show N WHAT: the slides' window shows slide N
	# (within 3 s: a loaded machine may still be fading)
	f=$(printf '%s/ex/slide-%03d.png' "$tmp" "$1")
	for _ in 1 2 3 4 5 6; do
		grab slides "$slides"
		ae=$(compare -metric AE "$tmp/slides.png" "$f" null: 2>&1)
		[ "$ae" = 0 ] && break
		sleep 0.5
	done
	if [ "$ae" = 0 ]; then ok; else bad "$2: the slides' window is not slide $1 ($ae pixels differ)"; fi
}
key() { xdotool key --window "$console" "$@"; sleep 0.6; }

start --mode present --windowed --console 0 --talk-minutes 20 slides/igf2007.json ||
	bad "no first frame"
sleep 0.5
console=$(win "vitrine console")
slides=$(win "Moving Beyond the Talk")
if [ -n "$console" ] && [ -n "$slides" ]; then ok; else
	bad "no console window ($console) or slides' window ($slides)"
	finish
fi

# slide 1: the count, the timer waiting for slide 2, slide 1's notes
grab c1 "$console"
sees c1 '1 ?/ ?16' "at the start"
sees c1 'starts on slide 2' "at the start"
sees c1 'Welcome to' "slide 1's notes"
sees c1 'Next' "the next slide's label"
slides_show 1 "at the start"

# a key on the console's window moves the slides and starts the timer
key Right
expect_trace 'slide 2/16 next key' 2 "Right on the console"
grab c2 "$console"
sees c2 '2 ?/ ?16' "after Right"
sees c2 'left' "the timer runs with a talk length"
sees c2 'capacity' "slide 2's notes"
slides_show 2 "after Right"

# black screen: the console says so, the slides' window is black
key b
grab c3 "$console"
sees c3 'BLACK SCREEN' "after B"
grab slides "$slides"
mean=$(convert "$tmp/slides.png" -format '%[fx:mean]' info:)
if [ "$mean" = 0 ]; then ok; else bad "after B: the slides' window is not black ($mean)"; fi
key b

# the timer pauses on T
key t
grab c4 "$console"
sees c4 'paused' "after T"
key t

# the overview: Tab, three to the right, Enter shows slide 5
key Tab
grab c5 "$console"
sees c5 '16' "the overview's numbers"
slides_show 2 "the overview open (the slides stay)"
key Right Right Right Return
expect_trace 'slide 5/16 goto key' 2 "Enter in the overview"
slides_show 5 "after Enter in the overview"

# a click on the next slide's preview advances
tesseract "$tmp/c2.png" - tsv 2>/dev/null >"$tmp/tsv"
set -- $(awk -F '\t' '$12 == "Next" { print $7, $8, $10; exit }' "$tmp/tsv")
if [ $# -eq 3 ]; then
	eval "$(xdotool getwindowgeometry --shell "$console")"
	xdotool mousemove "$((X + $1 + 20))" "$((Y + $2 + $3 + 40))" click 1
	expect_trace 'slide 6/16 goto key' 2 "a click on the next slide's preview"
	sleep 0.6 # the fade
	slides_show 6 "after the click"
else
	bad "no \"Next\" label found to click under"
fi

kill "$app"
expect_exit 0 5 "SIGTERM"

# a staff console in the lobby: when the slide changes, the deck's state,
# and a change to the deck that did not load, in words
cp slides/igf2007.json "$tmp/deck.json"
start --mode lobby --windowed --console 0 "$tmp/deck.json" ||
	bad "lobby: no first frame"
sleep 1
console=$(win "vitrine console")
if [ -n "$console" ]; then
	grab l1 "$console"
	sees l1 'next slide in [0-9]+:[0-9]{2}' "the lobby's staff console"
	sees l1 'loaded, 16 slides' "the lobby's staff console"
	sed -i 's/"layout": "bullets"/"layout": "bulets"/' "$tmp/deck.json"
	expect_trace 'reload failed' 5 "a broken deck in the lobby"
	sleep 0.5
	grab l2 "$console"
	sees l2 'did not load' "the staff console after a broken change"
	sees l2 'unknown layout' "the staff console names the error"
	# a staff announcement: the console says it is on every screen
	printf '{"text": "Lunch is served in the foyer"}' >"$tmp/announcement.json"
	expect_trace 'announcement on' 3 "an announcement in the lobby"
	sleep 0.5
	grab l3 "$console"
	sees l3 'Announcement on every screen' "the staff console during an announcement"
	sees l3 'Lunch is served' "the announcement's words on the console"
else
	bad "lobby --console 0: no console window"
fi
kill "$app"
expect_exit 0 5 "lobby: SIGTERM"
finish
