#!/bin/sh
# t_announce.sh: staff announcements in a real window under Xvfb. Writing
# announcement.json beside the deck puts its text on the screen within a
# second (read by OCR), the show holding where it was; a broken file is
# logged and ignored; removing the file, or its until passing, brings the
# show back on the same slide, which then runs on.
set -u
cd "$(dirname "$0")/.."
NAME=t_announce
. tests/xsession.sh

if ! command -v tesseract >/dev/null; then
	bad "tesseract is missing (make test installs tesseract-ocr)"
	finish
	exit 1
fi

mkdir -p "$tmp/show"
cat >"$tmp/show/deck.json" <<'EOF'
{
  "event": { "name": "Internet Governance Forum 2007" },
  "settings": { "seconds": 3, "transition": "none",
                "time_zone": "America/Sao_Paulo" },
  "slides": [
    { "title": "Welcome" },
    { "title": "Key questions", "bullets": ["What works?", "What lasts?"] },
    { "title": "Partners", "text": "ISOC, infoDev, UK Government, Panos" }
  ]
}
EOF
A="$tmp/show/announcement.json"

reads() { # reads NAME REGEX WHAT: OCR of a screenshot
	tesseract "$tmp/$1.png" - 2>/dev/null | tr '\n' ' ' >"$tmp/$1.txt"
	if grep -Eiq -- "$2" "$tmp/$1.txt"; then ok; else
		bad "$3: OCR does not read /$2/ (read: $(cut -c1-160 "$tmp/$1.txt"))"
	fi
}

for mode in lobby present; do
	start --mode "$mode" --now 2007-11-13T10:00 "$tmp/show/deck.json" ||
		bad "$mode: no first frame"
	[ "$mode" = present ] && xdotool key Right
	expect_trace 'slide 2/3' 4 "$mode: on slide 2"
	printf '{"title": "Attention", "text": "The session moves to Room 2"}\n' >"$A.new"
	mv "$A.new" "$A"
	expect_trace 'announcement on' 1 "$mode: the announcement within a second"
	sleep 0.3
	shot on
	reads on 'moves to Room 2' "$mode: the announcement on screen"
	# held: no slide changes under it (a lobby's 3 s pass), keys do nothing
	xdotool key Right
	sleep 3.5
	if grep -q 'slide 3/3' "$tmp/trace"; then bad "$mode: the show moved under the announcement"; else ok; fi
	# a broken file: logged, ignored, the announcement stays
	printf '{"text": "half' >"$A"
	sleep 1
	if grep -q 'announcement.json:1:.*ignored' "$tmp/trace"; then ok; else bad "$mode: a broken announcement was not logged with its place"; fi
	if grep -q 'announcement off' "$tmp/trace"; then bad "$mode: a broken file took the announcement down"; else ok; fi
	rm -f "$A"
	expect_trace 'announcement off' 2 "$mode: removing the file"
	sleep 0.4
	shot off
	reads off 'Key questions' "$mode: back on slide 2"
	if [ "$mode" = lobby ]; then
		expect_trace 'slide 3/3 next timer' 5 "lobby: the show runs on after it"
	else
		xdotool key Right
		expect_trace 'slide 3/3 next key' 2 "present: keys work again"
	fi
	kill "$app"
	expect_exit 0 3 "$mode: SIGTERM"
done

# until: an announcement that ends by itself
printf '{"text": "Doors open at 10:01", "until": "2007-11-13T10:00:03", "background": "#8b0000"}\n' >"$A"
start --mode lobby --now 2007-11-13T10:00 "$tmp/show/deck.json" || bad "until: no first frame"
expect_trace 'announcement on' 1 "until: on at start"
shot red
if [ "$(convert "$tmp/red.png" -format '%[fx:int(255*p{5,5}.r)]' info:)" = 139 ]; then ok; else bad "until: not its background"; fi
expect_trace 'announcement off' 5 "until: off once it passed"
kill "$app"
expect_exit 0 3 "until: SIGTERM"
rm -f "$A"

# --- the file's errors name the place and the fix
for bad_json in '{"txt": "x"}|did you mean "text"' '{"text": ""}|empty' \
	'{"text": "x", "until": "soon"}|not a date-time' '[1]|an object such as' \
	'{"text": "x", "background": "red"}|colour'; do
	json=${bad_json%%|*}
	want=${bad_json#*|}
	printf '%s\n' "$json" >"$A"
	start --mode lobby "$tmp/show/deck.json" || bad "errors: no first frame"
	sleep 0.3
	if grep -q "announcement.json:1:[0-9]*: .*$want" "$tmp/trace"; then ok; else
		bad "the error for $json does not say /$want/"
	fi
	if grep -q 'announcement on' "$tmp/trace"; then bad "$json was shown"; else ok; fi
	kill "$app"
	expect_exit 0 3 "errors: SIGTERM"
done
finish
