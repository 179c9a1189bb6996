#!/bin/sh
# languages.sh - `make bench`: what the bundled deck's seven languages cost
# beside the same deck in English only (made from it: each translation
# object replaced by its "en" text). For each: --export of the 16 slides
# (wall time and peak memory, /usr/bin/time), --check, and under a fresh
# Xvfb at 1920x1080 the first frame (vitrine's own "trace MS ready" line,
# its clock from main) and peak memory (VmHWM) once it is up; then the
# seven-language deck's peak memory after RUNS presses of L in present mode
# (a switch allocates no deck). The two decks take turns run by run, so
# load drifts hit both. Medians of -r RUNS [5]. Writes DIR/languages.md
# (-o DIR [build/bench/out/languages]).
set -u
cd "$(dirname "$0")/.." || exit 2
RUNS=5
OUT=build/bench/out/languages
while getopts "r:o:" o; do
	case $o in
	r) RUNS=$OPTARG ;;
	o) OUT=$OPTARG ;;
	*) exit 2 ;;
	esac
done
V=$PWD/build/vitrine
mkdir -p "$OUT"
export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0 DBUS_SESSION_BUS_ADDRESS=disabled:
python3 - slides/igf2007.json "$OUT/igf-en.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
def en(x):
    if isinstance(x, dict) and "en" in x and set(x) <= set(d["languages"]):
        return en(x["en"])
    if isinstance(x, dict):
        return {k: en(v) for k, v in x.items() if k != "languages"}
    if isinstance(x, list):
        return [en(v) for v in x]
    return x
d2 = en(d)
d2["settings"].pop("language_cycle", None)
json.dump(d2, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
cp slides/igf2007.json "$OUT/igf-7.json"

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }

# export DECK: "seconds kib" of one --export at 1920x1080
export_run() {
	rm -rf "$OUT/x"
	SDL_VIDEODRIVER=dummy /usr/bin/time -f '%e %M' -o "$OUT/time" \
		"$V" --export "$OUT/x" "$1" >/dev/null 2>&1
	cat "$OUT/time"
}
check_run() {
	SDL_VIDEODRIVER=dummy /usr/bin/time -f '%e %M' -o "$OUT/time" \
		"$V" --check "$1" >/dev/null 2>&1
	cat "$OUT/time"
}

# A fresh Xvfb for the window runs.
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$OUT/display" 2>/dev/null &
xpid=$!
trap 'kill $xpid 2>/dev/null' EXIT
for _ in $(seq 50); do [ -s "$OUT/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$OUT/display")"
unset SDL_VIDEODRIVER

# window DECK: "ready_ms hwm_kib" of one start in present mode
window_run() {
	: >"$OUT/trace"
	"$V" --trace --mode present "$1" >"$OUT/trace" 2>&1 &
	pid=$!
	for _ in $(seq 200); do grep -q ' ready ' "$OUT/trace" && break; sleep 0.05; done
	sleep 0.5
	ready=$(sed -n 's/^trace \([0-9]*\) ready.*/\1/p' "$OUT/trace")
	hwm=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$pid/status")
	kill -TERM "$pid"
	wait "$pid" 2>/dev/null
	echo "$ready $hwm"
}

# switch: ms from L to the trace's "language" line, over RUNS presses
switch_run() {
	: >"$OUT/trace"
	"$V" --trace --mode present "$OUT/igf-7.json" >"$OUT/trace" 2>&1 &
	pid=$!
	for _ in $(seq 200); do grep -q ' ready ' "$OUT/trace" && break; sleep 0.05; done
	sleep 0.5
	for k in $(seq "$RUNS"); do
		xdotool key l
		sleep 0.4
	done
	hwm=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$pid/status")
	kill -TERM "$pid"
	wait "$pid" 2>/dev/null
	echo "$hwm" >"$OUT/switch_hwm"
}

for deck in en 7; do
	: >"$OUT/$deck.export"
	: >"$OUT/$deck.check"
	: >"$OUT/$deck.window"
done
for r in $(seq "$RUNS"); do
	for deck in en 7; do
		export_run "$OUT/igf-$deck.json" >>"$OUT/$deck.export"
		check_run "$OUT/igf-$deck.json" >>"$OUT/$deck.check"
		window_run "$OUT/igf-$deck.json" >>"$OUT/$deck.window"
	done
done
switch_run

col() { awk -v c="$1" '{ print $c }' "$2" | median; }
{
	echo "# The bundled deck: English only and in seven languages"
	echo
	echo "Medians of $RUNS runs; $(nproc) cores; 1920x1080; software rendering."
	echo
	echo "| figure | English only | seven languages |"
	echo "|---|---|---|"
	echo "| deck file, bytes | $(wc -c <"$OUT/igf-en.json") | $(wc -c <"$OUT/igf-7.json") |"
	echo "| --export of 16 slides, s | $(col 1 "$OUT/en.export") | $(col 1 "$OUT/7.export") |"
	echo "| --export peak memory, MiB | $(col 2 "$OUT/en.export" | awk '{ printf "%.1f", $1 / 1024 }') | $(col 2 "$OUT/7.export" | awk '{ printf "%.1f", $1 / 1024 }') |"
	echo "| --check, s | $(col 1 "$OUT/en.check") | $(col 1 "$OUT/7.check") |"
	echo "| --check peak memory, MiB | $(col 2 "$OUT/en.check" | awk '{ printf "%.1f", $1 / 1024 }') | $(col 2 "$OUT/7.check" | awk '{ printf "%.1f", $1 / 1024 }') |"
	echo "| first frame (trace ready, clock from main), ms | $(col 1 "$OUT/en.window") | $(col 1 "$OUT/7.window") |"
	echo "| peak memory (VmHWM) after the first frame, MiB | $(col 2 "$OUT/en.window" | awk '{ printf "%.1f", $1 / 1024 }') | $(col 2 "$OUT/7.window" | awk '{ printf "%.1f", $1 / 1024 }') |"
	echo "| peak memory after $RUNS language switches (L), MiB | | $(awk '{ printf "%.1f", $1 / 1024 }' "$OUT/switch_hwm") |"
	echo
	echo "Language switches (L) in the trace: $(grep -c ' language ' "$OUT/trace")"
} >"$OUT/languages.md"
cat "$OUT/languages.md"
