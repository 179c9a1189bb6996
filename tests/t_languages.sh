#!/bin/sh
# t_languages.sh: the bundled deck in its seven languages, in a real window
# under Xvfb (1280x720). A kiosk: a tap on the language button puts the
# slide on screen in Portuguese, pixel for pixel as --export --lang pt
# --mode kiosk draws it, and stays on the same slide; the next tap the next
# language. Present mode: L does the same. --export --lang all names the
# files slide-001.png (English) and slide-001.pt.png ... (the others).
set -u
cd "$(dirname "$0")/.."
NAME=t_languages
. tests/xsession.sh
D=slides/igf2007.json

# The kiosk's controls at 1280x720 (controls.c): a target of 60 px (1/12 of
# the height), the band at the bottom of the 5% safe area, the language
# button three targets wide a quarter target left of the forward arrow.
t=60
bx=$((64 + 1152 - t - t / 4 - 3 * t / 2))
by=$((36 + 648 - t / 2))

"$V" --export "$tmp/en" --mode kiosk --size 1280x720 "$D" >/dev/null 2>&1
"$V" --export "$tmp/pt" --mode kiosk --size 1280x720 --lang pt "$D" >/dev/null 2>&1
"$V" --export "$tmp/es" --mode kiosk --size 1280x720 --lang es "$D" >/dev/null 2>&1
cp "$tmp/en/slide-002.png" "$tmp/en2.png"
cp "$tmp/pt/slide-002.png" "$tmp/pt2.png"
cp "$tmp/es/slide-002.png" "$tmp/es2.png"

# --- kiosk: the language button
start --mode kiosk "$D" || bad "kiosk: no first frame"
sleep 0.5
xdotool mousemove 1100 300 click 1
expect_trace 'slide 2/16 next click' 2 "kiosk: tap on the right"
sleep 0.8
shot k2
if differ k2 en2; then bad "kiosk: slide 2 in English is not its --export preview"; else ok; fi
xdotool mousemove "$bx" "$by" click 1
expect_trace 'language pt' 2 "kiosk: tap on the language button"
sleep 0.5
shot k2pt
if differ k2pt pt2; then bad "kiosk: after the tap the screen is not slide 2 of --export --lang pt"; else ok; fi
if differ k2pt en2; then ok; else bad "kiosk: the tap did not change the screen"; fi
n=$(grep -c '^trace [0-9]* slide ' "$tmp/trace")
if [ "$n" = 1 ]; then ok; else bad "kiosk: $n slide changes, expected the one tap on the right"; fi
xdotool mousemove "$bx" "$by" click 1
expect_trace 'language es' 2 "kiosk: a second tap"
sleep 0.5
shot k2es
if differ k2es es2; then bad "kiosk: after a second tap the screen is not slide 2 in Spanish"; else ok; fi
kill -TERM "$app"
expect_exit 0 3 "kiosk: SIGTERM"

# --- present: L
"$V" --export "$tmp/ppt" --mode present --size 1280x720 --lang pt "$D" >/dev/null 2>&1
cp "$tmp/ppt/slide-003.png" "$tmp/ppt3.png"
start --mode present "$D" || bad "present: no first frame"
sleep 0.3
xdotool key Right Right
expect_trace 'slide 3/16 next key' 2 "present: Right Right"
xdotool key l
expect_trace 'language pt' 2 "present: L"
sleep 0.6
shot p3pt
if differ p3pt ppt3; then bad "present: after L the screen is not slide 3 in Portuguese"; else ok; fi
xdotool key Escape
expect_exit 0 3 "present: Escape"

# --- --lang: an unknown tag is named with the deck's
out=$("$V" --export "$tmp/no" --lang de "$D" 2>&1)
case $out in
*"--lang de: the deck offers en, pt, es, fr, ar, zh-Hans, ru"*) ok ;;
*) bad "--lang de: $out" ;;
esac

# --- --export --lang all: the file names
"$V" --export "$tmp/all" --size 320x180 --lang all "$D" >/dev/null 2>&1
want=""
for l in "" .pt .es .fr .ar .zh-Hans .ru; do
	for i in $(seq -w 1 16); do want="$want slide-0$i$l.png"; done
done
got=$(cd "$tmp/all" && ls slide-*.png | sort | tr '\n' ' ')
want=$(echo $want | tr ' ' '\n' | sort | tr '\n' ' ')
if [ "$got" = "$want" ]; then ok; else bad "--lang all wrote: $got"; fi
if cmp -s "$tmp/all/slide-002.png" "$tmp/all/slide-002.pt.png"; then
	bad "--lang all: slide 2 is the same in English and Portuguese"
else
	ok
fi

finish
