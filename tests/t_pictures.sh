#!/bin/sh
# t_pictures.sh: pictures in the real program. Makes its pictures at run
# time with ImageMagick (nothing big is committed):
#  - memory: a deck with an 8000x6000 (48 MP) JPEG shown in a 1920x1080
#    window: peak (VmHWM) under 150 MB while it decodes, held (VmRSS)
#    under 40 MB once it is shown; --export of it peaks under 150 MB too;
#  - a key during a decode: in present mode, Right to slide 2 starts the
#    decode of slide 3's 6000x4000 PNG on the decoder thread; a Left sent
#    100 ms after the Right is handled at once (the gap between the two
#    trace lines stays under 100 ms + 150 ms of slack, where a decode on
#    the main thread held keys back for the whole decode, 1.5 s), and
#    going on to slide 3 before its decode is done waits for it, says so
#    in the trace, and then shows the whole slide as --export draws it.
# Prints the figures measured.
set -u
cd "$(dirname "$0")/.."
NAME=t_pictures
XVFB_SCREEN=1920x1080x24
. tests/xsession.sh

d="$tmp/deck"
mkdir -p "$d"
convert -size 8000x6000 gradient:'#203060'-'#e0c080' -fill white \
	-draw "circle 4000,3000 4000,1000" -quality 90 "$d/big.jpg"
convert -size 6000x4000 gradient:'#304020'-'#c0e080' -fill white \
	-draw "circle 3000,2000 3000,1000" png24:"$d/big.png"
cat >"$d/photo.json" <<'JSON'
{ "settings": { "mode": "present", "transition": "none" },
  "slides": [ { "title": "A 48 MP photo", "image": "big.jpg", "caption": "8000x6000" },
              { "title": "After it" } ] }
JSON
cat >"$d/keys.json" <<'JSON'
{ "settings": { "mode": "present", "transition": "none" },
  "slides": [ { "title": "One" }, { "title": "Two" },
              { "title": "A big PNG", "image": "big.png", "caption": "6000x4000" },
              { "title": "Four" } ] }
JSON

kib() { awk -v k="$1" '$1 == k ":" { print $2 }' "/proc/$app/status"; }

# --- orientation: the phone photo (stored on its side, EXIF 6) exported
# upright: red at its top, blue at its bottom, the white mark top left
px() { convert "$tmp/o/slide-001.png" -format "%[fx:int(255*p{$1,$2}.r)] %[fx:int(255*p{$1,$2}.b)]" info:; }
"$V" --export "$tmp/o" --size 1920x1080 tests/data/pictures/deck.json >/dev/null 2>&1
read -r r b <<PX
$(px 1100 320)
PX
if [ "$r" -gt $((b + 60)) ]; then ok; else bad "phone photo: its top is not red ($r, $b): not upright"; fi
read -r r b <<PX
$(px 1100 900)
PX
if [ "$b" -gt $((r + 60)) ]; then ok; else bad "phone photo: its bottom is not blue ($r, $b)"; fi
read -r r b <<PX
$(px 820 340)
PX
if [ "$r" -gt 240 ] && [ "$b" -gt 240 ]; then ok; else bad "phone photo: no white mark at its top left ($r, $b)"; fi

# --- memory: the 48 MP photo on a 1920x1080 screen
start --windowed --size 1920x1080 "$d/photo.json" || bad "photo: no first frame"
sleep 1 # the next and previous slides are prepared meanwhile
hwm=$(kib VmHWM)
rss=$(kib VmRSS)
echo "figure: 8000x6000 JPEG at 1920x1080: peak ${hwm} KiB, held ${rss} KiB"
if [ "$hwm" -lt $((150 * 1024)) ]; then ok; else bad "peak $hwm KiB, over 150 MB"; fi
if [ "$rss" -lt $((40 * 1024)) ]; then ok; else bad "held $rss KiB, over 40 MB"; fi
if grep -q 'wait slide 1/2 picture big.jpg' "$tmp/trace"; then ok; else
	bad "the first slide did not say it waited for its picture"
fi
shot photo
"$V" --export "$tmp/x" --size 1920x1080 "$d/photo.json" >/dev/null 2>&1
if differ photo x/slide-001; then bad "the photo's slide on screen is not its export"; else ok; fi
kill "$app"
expect_exit 0 5 "photo: SIGTERM"
if command -v /usr/bin/time >/dev/null; then
	/usr/bin/time -f '%M %e' -o "$tmp/time" "$V" --export "$tmp/x" \
		--size 1920x1080 "$d/photo.json" >/dev/null 2>&1
	read -r peak secs <"$tmp/time"
	echo "figure: --export of it: peak $peak KiB, $secs s"
	if [ "$peak" -lt $((150 * 1024)) ]; then ok; else bad "--export peaked at $peak KiB"; fi
else
	bad "/usr/bin/time missing (make test installs it)"
fi

# --- a key during a decode
start --windowed --size 1920x1080 "$d/keys.json" || bad "keys: no first frame"
sleep 0.3
xdotool key --delay 100 Right Left
expect_trace 'slide 1/4 prev key' 3 "Left during the decode"
t2=$(awk '/slide 2\/4 next key/ { print $2; exit }' "$tmp/trace")
t1=$(awk '/slide 1\/4 prev key/ { print $2; exit }' "$tmp/trace")
gap=$((${t1:-99999} - ${t2:-0}))
echo "figure: Right then Left 100 ms later while a 6000x4000 PNG decodes: handled $gap ms apart"
if [ "$gap" -lt 250 ]; then ok; else bad "Left came $gap ms after Right; a decode held it"; fi
xdotool key Right Right
expect_trace 'slide 3/4 next key' 3 "Right Right"
expect_trace 'wait slide 3/4 picture big.png [0-9]+ ms' 5 "slide 3 waits for its picture"
sed -n 's/.*\(wait slide 3.*\)/figure: \1/p' "$tmp/trace"
sleep 0.3
shot png
"$V" --export "$tmp/x" --size 1920x1080 "$d/keys.json" >/dev/null 2>&1
if differ png x/slide-003; then bad "slide 3 on screen is not its export"; else ok; fi
if [ "$(mean x/slide-003)" != "$(mean x/slide-002)" ]; then ok; else bad "slide 3's export has no picture"; fi
kill "$app"
expect_exit 0 5 "keys: SIGTERM"
finish
