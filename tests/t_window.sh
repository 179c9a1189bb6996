#!/bin/sh
# t_window.sh: the real program in a real window under Xvfb, driven with
# xdotool as a presenter, event staff and an attendee would, checked by its
# --trace lines and by screenshots (ImageMagick import).
set -u
cd "$(dirname "$0")/.."
NAME=t_window
. tests/xsession.sh

# --- present: a presenter with a keyboard or clicker
start --mode present slides/igf2007.json || bad "present: no first frame"
shot p1
xdotool key Right
expect_trace 'slide 2/16 next key' 2 "Right"
sleep 0.6
shot p2
if differ p1 p2; then ok; else bad "Right: the screen did not change"; fi
# The fades draw only the tiles that change: once one ends, the screen is
# the slide itself, pixel for pixel (the export draws it the same way).
"$V" --export "$tmp/x" --size 1280x720 slides/igf2007.json >/dev/null 2>&1
cp "$tmp/x/slide-001.png" "$tmp/x1.png"
cp "$tmp/x/slide-002.png" "$tmp/x2.png"
if differ p2 x2; then bad "after the fade to slide 2 the screen is not the slide"; else ok; fi
if differ p1 x1; then bad "slide 1 on screen is not the slide"; else ok; fi
xdotool key Left
expect_trace 'slide 1/16 prev key' 2 "Left"
sleep 0.1
shot mid
if differ mid x1 && differ mid x2; then ok; else bad "100 ms into a fade the screen is not between the slides"; fi
sleep 0.6
shot back
if differ back x1; then bad "after the fade back to slide 1 the screen is not the slide"; else ok; fi
xdotool key 1 2 Return
expect_trace 'slide 12/16 enter key' 2 "1 2 Enter"
xdotool key End
expect_trace 'slide 16/16 last key' 2 "End"
xdotool key Home
expect_trace 'slide 1/16 first key' 2 "Home"
xdotool key Page_Down
expect_trace 'slide 2/16 next key' 2 "Page Down"
xdotool key b
expect_trace 'blank black' 2 "B"
sleep 0.2
shot black
if [ "$(mean black)" = 0 ]; then ok; else bad "B: the screen is not black"; fi
xdotool key b
expect_trace 'blank off' 2 "B again"
# While black, Right only brings the slide back (as PowerPoint does).
xdotool key b
sleep 0.3
if [ "$(grep -c 'blank black' "$tmp/trace")" -ge 2 ]; then ok; else bad "B a third time did not black the screen"; fi
xdotool key Right
sleep 0.5
if [ "$(grep -c 'blank off' "$tmp/trace")" -ge 2 ]; then ok; else bad "Right on a black screen did not unblank"; fi
if grep -q 'slide 3/16' "$tmp/trace"; then bad "Right on a black screen also advanced"; else ok; fi
"$V" --export "$tmp/x" --size 1280x720 slides/igf2007.json >/dev/null 2>&1
cp "$tmp/x/slide-002.png" "$tmp/x2b.png"
shot unblanked
if differ unblanked x2b; then bad "after Right on a black screen, slide 2 is not on screen"; else ok; fi
xdotool key F5
alive "F5"
xdotool key Escape
expect_exit 0 3 "present: Escape"

# --- lobby: cycles on its own; attendees cannot stop or leave it
start --mode lobby tests/data/e2e/lobby.json || bad "lobby: no first frame"
expect_trace 'slide 2/3 next timer' 3 "lobby advance"
expect_trace 'slide 3/3 next timer' 3 "lobby advance"
expect_trace 'slide 1/3 next timer' 3 "lobby loop"
t2=$(sed -nE 's/^trace ([0-9]+) slide 2\/3 next timer/\1/p' "$tmp/trace" | head -n 1)
t3=$(sed -nE 's/^trace ([0-9]+) slide 3\/3 next timer/\1/p' "$tmp/trace" | head -n 1)
gap=$((t3 - t2))
if [ "$gap" -ge 800 ] && [ "$gap" -le 1600 ]; then ok; else bad "lobby: slide 2 stayed $gap ms, the deck says 1000"; fi
shot l1
xdotool key Escape
alive "lobby: Escape"
xdotool key alt+F4
alive "lobby: Alt+F4"
xdotool key ctrl+q ctrl+w
alive "lobby: Ctrl+Q, Ctrl+W"
wid=$(xdotool search --name 'vitrine lobby test' | head -n 1)
python3 tests/tools/wm_close.py "$wid"
alive "lobby: the window manager's close request"
xdotool key Right
sleep 0.3
if grep -q 'next key' "$tmp/trace"; then bad "lobby: an attendee's Right moved it"; else ok; fi
xdotool key ctrl+alt+Right
expect_trace 'next key' 2 "lobby: staff Ctrl+Alt+Right"
xdotool keydown ctrl+alt+q
sleep 1
xdotool keyup q
sleep 0.3
xdotool keyup ctrl+alt
alive "lobby: staff chord released after 1 s"
xdotool keydown ctrl+alt+q
sleep 2.4
xdotool keyup ctrl+alt+q
expect_exit 10 3 "lobby: staff chord held 2 s"

# --- SIGTERM ends any mode cleanly
start --mode lobby tests/data/e2e/lobby.json || bad "SIGTERM: no first frame"
kill -TERM "$app"
expect_exit 0 2 "SIGTERM"

# --- a window: closing it leaves
start --windowed --mode lobby tests/data/e2e/lobby.json || bad "windowed: no first frame"
wid=$(xdotool search --name 'vitrine lobby test' | head -n 1)
python3 tests/tools/wm_close.py "$wid"
expect_exit 0 3 "windowed: close request"

# --- kiosk: a click is a tap; idle time brings it back to the start
start --mode kiosk tests/data/e2e/kiosk.json || bad "kiosk: no first frame"
sleep 0.3
shot k1
# --export --mode kiosk previews the screen as it is: controls and all
"$V" --export "$tmp/kx" --mode kiosk --size 1280x720 tests/data/e2e/kiosk.json >/dev/null 2>&1
cp "$tmp/kx/slide-001.png" "$tmp/kx1.png"
if differ k1 kx1; then bad "kiosk: the screen is not its --export --mode kiosk preview"; else ok; fi
xdotool mousemove 1100 300 click 1
expect_trace 'slide [0-9]/3 next click' 2 "kiosk: tap on the right"
n1=$(grep -c 'next click' "$tmp/trace")
if [ "$n1" -eq 1 ]; then ok; else bad "kiosk: one click made $n1 actions"; fi
xdotool mousemove 200 300 click 1
expect_trace 'prev click' 2 "kiosk: tap on the left"
xdotool mousemove 1100 300 mousedown 1 mousemove 800 300 mousemove 300 300 mouseup 1
expect_trace 'next swipe' 2 "kiosk: swipe left"
before=$(grep -c 'timer' "$tmp/trace")
sleep 2.5
after=$(grep -c 'timer' "$tmp/trace")
if [ "$before" = "$after" ]; then ok; else bad "kiosk: cycled while someone was using it"; fi
expect_trace 'slide 1/3 first idle' 5 "kiosk: back to slide 1 after the idle timeout"
expect_trace 'slide 2/3 next timer' 3 "kiosk: cycling again"
xdotool key Escape alt+F4
alive "kiosk: Escape, Alt+F4"
wid=$(xdotool search --name 'vitrine kiosk test' | head -n 1)
python3 tests/tools/wm_close.py "$wid"
alive "kiosk: close request"
kill -TERM "$app"
expect_exit 0 2 "kiosk: SIGTERM"

# --- a kiosk screen mounted on its side: the picture and taps turn
start --mode kiosk --rotate 90 tests/data/e2e/kiosk.json || bad "rotate: no first frame"
if grep -q 'ready 720x1280 kiosk' "$tmp/trace"; then ok; else bad "rotate 90: not laid out as 720x1280"; fi
sleep 0.5 # the window goes fullscreen just after the first frame
xdotool mousemove 640 690 click 1
expect_trace 'next click' 2 "rotate 90: a tap at the bottom (the slide's right)"
xdotool mousemove 640 30 click 1
expect_trace 'prev click' 2 "rotate 90: a tap at the top (the slide's left)"
kill -TERM "$app"
expect_exit 0 2 "rotate: SIGTERM"

finish
