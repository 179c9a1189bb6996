#!/bin/bash
# photo.sh [-o DIR] [-r RUNS]: vitrine with a 48 MP phone photo (an
# 8000x6000 JPEG made here with ImageMagick) under Xvfb at 1920x1080, in
# present mode, measured from outside with bench/xprobe (build it with
# make bench, or make build/bench/xprobe):
#   first frame   from the start to the photo on screen (the photo is the
#                 first slide: decoded before the first frame);
#   advance       Right from a text slide to the photo (decoded ahead on
#                 the decoder thread meanwhile) and Left back, first change
#                 on screen;
#   memory        VmHWM (peak) and VmRSS (held) once both were shown;
#   export        --export of the deck at 1920x1080: wall time and peak.
# Medians over RUNS (default 3). Called by make bench after bench/run.sh.
set -u
cd "$(dirname "$0")/.."
OUT=build/bench/photo
RUNS=3
while getopts o:r: f; do
	case $f in
	o) OUT=$OPTARG ;;
	r) RUNS=$OPTARG ;;
	*) sed -n '2,/^set -u/p' "$0"; exit 2 ;;
	esac
done
V=$PWD/build/vitrine
XP=$PWD/build/bench/xprobe
[ -x "$V" ] && [ -x "$XP" ] || { echo "photo: build build/vitrine and build/bench/xprobe first (make bench)"; exit 1; }
mkdir -p "$OUT"
if [ ! -f "$OUT/photo.jpg" ]; then
	convert -size 8000x6000 gradient:'#203060'-'#e0c080' -fill white \
		-draw "circle 4000,3000 4000,1000" -attenuate 0.3 +noise Gaussian \
		-quality 90 "$OUT/photo.jpg"
fi
cat >"$OUT/first.json" <<'JSON'
{ "settings": { "mode": "present", "transition": "none" },
  "slides": [ { "title": "A 48 MP photo", "image": "photo.jpg", "caption": "8000x6000" },
              { "title": "Text" } ] }
JSON
cat >"$OUT/second.json" <<'JSON'
{ "settings": { "mode": "present", "transition": "none" },
  "slides": [ { "title": "Text" },
              { "title": "A 48 MP photo", "image": "photo.jpg", "caption": "8000x6000" } ] }
JSON
export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0 DBUS_SESSION_BUS_ADDRESS=disabled:
unset SDL_VIDEODRIVER
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR ? v[int((NR + 1) / 2)] : "NA") }'; }
kib() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }

start_x() {
	Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$OUT/display" 2>/dev/null &
	XPID=$!
	for _ in $(seq 50); do [ -s "$OUT/display" ] && break; sleep 0.1; done
	export DISPLAY=":$(cat "$OUT/display")"
}
run() { # DECK -> figures appended to $OUT/raw
	local t0 fr a b
	t0=${EPOCHREALTIME/./}
	"$V" --windowed --size 1920x1080 --trace "$OUT/$1" >"$OUT/$1.log" 2>&1 &
	APID=$!
	fr=$("$XP" frame "$t0" 20000 300 "$APID")
	"$XP" focus
	sleep 1
	a=$("$XP" advance Right 5000 200)
	sleep 1
	b=$("$XP" advance Left 5000 200)
	echo "$1 $(echo "$fr" | cut -d' ' -f2) $(echo "$a" | cut -d' ' -f1) $(echo "$b" | cut -d' ' -f1) $(kib "$APID" VmHWM) $(kib "$APID" VmRSS)" >>"$OUT/raw"
	kill "$APID"; wait "$APID" 2>/dev/null
}
: >"$OUT/raw"
start_x
for _ in $(seq "$RUNS"); do run first.json; run second.json; done
kill "$XPID"
for _ in $(seq "$RUNS"); do
	/usr/bin/time -f '%e %M' -o "$OUT/time" "$V" --export "$OUT/x" --size 1920x1080 "$OUT/first.json" >/dev/null 2>&1
	cat "$OUT/time" >>"$OUT/export"
done
col() { awk -v d="$1" -v c="$2" '$1 == d { print $c }' "$OUT/raw" | median; }
echo "== a 48 MP photo ($(stat -c %s "$OUT/photo.jpg") bytes, 8000x6000 JPEG) at 1920x1080, medians of $RUNS runs"
echo "first frame with the photo:       $(col first.json 2) ms"
echo "peak / held memory after it:      $(col first.json 5) / $(col first.json 6) KiB"
echo "advance text -> photo (prepared): $(col second.json 3) ms; back: $(col second.json 4) ms"
echo "peak / held memory after both:    $(col second.json 5) / $(col second.json 6) KiB"
echo "--export of it:                   $(cut -d' ' -f1 "$OUT/export" | median) s, peak $(cut -d' ' -f2 "$OUT/export" | median) KiB"
