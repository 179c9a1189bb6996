#!/usr/bin/env bash
# run.sh - `make bench`: vitrine's speed and weight beside the programs people
# use instead (sent, feh, impressive), each run on its own fresh Xvfb with the
# same 10 text slides, plus in-process figures (bench/inproc.c). Prints one
# table of medians, the ratio of each program to vitrine, the issue's targets
# and the machine.
#
#   bench/run.sh [options]        install what is missing, build, measure, print
#   bench/run.sh -d               only install what the bench needs
#   bench/run.sh -R [-o DIR]      measure nothing: print the tables again from DIR
#
# Options (defaults in brackets):
#   -q          quick smoke run (~3 min): 1 start-up run, 1 CPU run of 5 s idle
#               and 8 s cycling, 1 run at 3840x2160 (vitrine only), short
#               in-process batches
#   -n RUNS     start-up + key-latency runs per program at 1920x1080 [5]
#   -u RUNS     start-up runs at 3840x2160 (first frame, peak memory) [2]
#   -r RUNS     CPU runs (idle and cycling) per program [3]
#   -i SECS     idle CPU window [20]     -t SECS  cycling CPU window [20]
#   -w SECS     warm-up after the first frame before a CPU window [5]
#   -p NAMES    only these programs, comma-separated (vitrine, vitrine-none,
#               vitrine-igf, vitrine-scripts, vitrine-bar, vitrine-clock,
#               vitrine-programme, vitrine-960, vitrine-console, sent, feh,
#               impressive) [all]
#   -I          skip the in-process figures    -X  skip the X figures
#   -o DIR      output folder [build/bench/out]
#   -B          do not run make (bench/bench.mk has just built everything)
#
# Output folder: summary.md (what is printed), raw.csv (every sample),
# inproc.md, NAME/*.log (each run's output; vitrine's has its --trace lines),
# NAME/first.png and NAME/last.png (the screen after the first frame and after
# the last advance of run 1: look at them, they prove the slides were shown).
#
# Method (as in the shared harness this is adapted from, see below):
# * Display: a new `Xvfb -screen 0 WxHx24 -br` for every run, no window
#   manager, software rendering only (no GPU).
# * First frame: clock starts just before the program is spawned; xprobe polls
#   the root window (MIT-SHM grabs, ~5 ms apart): content = first time the
#   screen is not one colour, settled = last change before 1 s without change
#   (the headline). vitrine's own `trace MS ready` line (its clock starts in
#   main) is logged beside it as a cross-check.
# * Advance: hash the screen, inject the key with XTest, poll until the hash
#   changes (first change), then until quiet for 300 ms (settled: the end of
#   the transition); the number of different screens seen on the way gives
#   the frames a second a transition really gets on screen. 9 advances a
#   run, so all 10 slides are shown.
# * Idle and cycling CPU: a new instance, first frame, warm-up, then CPU
#   seconds over the window: utime+stime(+cutime+cstime) from /proc/PID/stat
#   summed over the program's process tree, and Xvfb's own; wakeups/s =
#   voluntary context switches of every thread of the tree (/proc/*/task/*/
#   status). Cycling = the program's own auto-advance every 2 s (vitrine
#   lobby with settings.seconds 2 and a 400 ms fade, or none; feh
#   --slideshow-delay 2; impressive -a 2 -w) or, for sent, Right every 2 s.
#   No screen polling during CPU windows. CPU ticks are 10 ms: 0.00 = < 0.01 s.
# * Peak memory: VmHWM of the program's main process after every slide was
#   shown, at 1920x1080 and 3840x2160.
# * Programs take turns run by run so load drifts hit them all; figures are
#   medians (advances: over all runs x 9); ratios are ratios of medians.
#
# Adapted from the shared performance harness (shared/bench/peers.sh,
# xprobe.c, make-decks.sh and peers.suite: the method, the probe and the
# process handling are theirs); copied here so nothing depends on ../shared.
set -u
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
HERE=$ROOT/bench
RUNS=5 RUNS4K=2 CPU_RUNS=3 IDLE_S=20 CYCLE_S=20 WARM_S=5 ADV=9 INTERVAL=2
QUICK="" ONLY="" NO_INPROC="" NO_X="" RESUM="" DEPS_ONLY="" NO_MAKE=""
OUT=$ROOT/build/bench/out
SETTLE_FIRST=1000 SETTLE_ADV=300 TIMEOUT_FIRST=30000 TIMEOUT_ADV=5000 GAP_S=0.3

usage() { sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-2}"; }
while getopts "qn:u:r:i:t:w:p:IXo:BRdh" o; do
  case $o in
    q) QUICK=1 RUNS=1 RUNS4K=1 CPU_RUNS=1 IDLE_S=5 CYCLE_S=8 WARM_S=1 ;;
    n) RUNS=$OPTARG ;; u) RUNS4K=$OPTARG ;; r) CPU_RUNS=$OPTARG ;;
    i) IDLE_S=$OPTARG ;; t) CYCLE_S=$OPTARG ;; w) WARM_S=$OPTARG ;;
    p) ONLY=",$OPTARG," ;; I) NO_INPROC=1 ;; X) NO_X=1 ;;
    o) OUT=$OPTARG ;; B) NO_MAKE=1 ;; R) RESUM=1 ;; d) DEPS_ONLY=1 ;;
    h) usage 0 ;; *) usage ;;
  esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage

# ---- what the harness and the peers need, beyond `scripts/deps.sh bench`
# (the same pattern: dpkg-query per package, apt-get only for what is missing)
BENCH_PKGS="sent feh impressive mupdf-tools libx11-dev libxext-dev libxtst-dev"
install_deps() {
  local p status missing="" sudo=""
  for p in $BENCH_PKGS; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in *" installed") ;; *) missing="$missing $p" ;; esac
  done
  [ -z "$missing" ] && return 0
  echo "bench: installing missing packages:$missing"
  command -v apt-get >/dev/null 2>&1 ||
    { echo "bench: no apt-get here; install these by hand:$missing" >&2; return 1; }
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 ||
      { echo "bench: not root and no sudo; as root run: apt-get install$missing" >&2; return 1; }
    sudo=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq || echo "bench: apt-get update failed; trying the install anyway" >&2
  # shellcheck disable=SC2086
  $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing ||
    { echo "bench: could not install:$missing (see apt-get's message above)" >&2; return 1; }
}
if [ -n "$DEPS_ONLY" ]; then install_deps; exit; fi

mkdir -p "$OUT" || exit 2
OUT=$(cd "$OUT" && pwd)
V=$ROOT/build/vitrine
INPROC=$ROOT/build/bench/inproc
XP=$ROOT/build/bench/xprobe
TCK=$(getconf CLK_TCK)
START_S=$SECONDS

if [ -z "$RESUM" ]; then
  scripts/deps.sh bench || exit 1
  install_deps || exit 1
  if [ -z "$NO_MAKE" ]; then
    # bench.mk holds the rules; use it even before the top Makefile includes it
    mk=(make --no-print-directory)
    grep -Eq '^-?include +bench/bench.mk' Makefile || mk+=(-f Makefile -f bench/bench.mk)
    "${mk[@]}" build/vitrine build/bench/inproc build/bench/xprobe || exit 1
  fi
  for b in "$V" "$INPROC" "$XP"; do
    [ -x "$b" ] || { echo "bench: $b is missing (make bench builds it)" >&2; exit 1; }
  done
fi

# ---- programs: NAME, static command, auto-advance command, key, flags
NAMES=() CMDS=() CYCS=() KEYS=() FLAGS=()
DECKS=$OUT/decks
q() { printf '%q' "$1"; }
peer() { # NAME STATIC [AUTO [KEY [FLAGS]]]
  [ -z "$ONLY" ] || [[ $ONLY == *",$1,"* ]] || return 0
  NAMES+=("$1"); CMDS+=("$2"); CYCS+=("${3:-}"); KEYS+=("${4:-Right}"); FLAGS+=("${5:-}")
}
define_peers() {
  # vitrine first: the ratios are to it. Present mode for start-up and keys,
  # lobby for cycling; its idle figure is the same with either deck.
  peer vitrine "$(q "$V") --trace --mode present $(q "$DECKS/vitrine-fade.json")" \
               "$(q "$V") --trace --mode lobby $(q "$DECKS/vitrine-fade.json")"
  peer vitrine-none "$(q "$V") --trace --mode present $(q "$DECKS/vitrine-none.json")" \
                    "$(q "$V") --trace --mode lobby $(q "$DECKS/vitrine-none.json")" Right noidle
  # the bundled deck (cards, bullets: a richer deck), for first frame, keys and memory
  local n
  n=$(grep -c '"id"' slides/igf2007.json)
  peer vitrine-igf "$(q "$V") --trace --mode present $(q "$ROOT/slides/igf2007.json")" "" Right "nocpu adv=$((n - 1))"
  # the same in 13 scripts and emoji (tests/data/scripts/udhr.json): the
  # fallback fonts (Arabic, CJK, Devanagari, colour emoji...) opened as
  # slides need them
  n=$(grep -c '"title"' tests/data/scripts/udhr.json)
  peer vitrine-scripts "$(q "$V") --trace --mode present $(q "$ROOT/tests/data/scripts/udhr.json")" "" Right "nocpu adv=$((n - 2))"
  # a lobby slide with the progress bar growing: its "idle" figure is the
  # bar's cost (no advances, no cycling)
  peer vitrine-bar "$(q "$V") --trace --mode lobby $(q "$DECKS/vitrine-bar.json")" "" Right "adv=0 nocycle"
  # the presenter console beside the slides (a rehearsal on one display:
  # slides 960x540 and the console side by side), and the same slides
  # without it: key-to-screen with and without a console, the console's
  # idle cost (its clock)
  # a clock in the corner of a static slide: its idle figure is the clock's
  peer vitrine-clock "$(q "$V") --trace --mode present $(q "$DECKS/vitrine-clock.json")" "" Right "nocycle"
  # the programme's board (the sample conference at 10:50 on its day): its
  # idle figure is the "in 25 min" counting down, one box set a minute
  peer vitrine-programme "$(q "$V") --trace --mode present --now 2007-11-13T10:50 $(q "$ROOT/slides/examples/conference/deck.json")" "" Right "nocycle adv=3"
  peer vitrine-960 "$(q "$V") --trace --mode present --windowed --size 960x540 --console off $(q "$DECKS/vitrine-fade.json")" "" Right "nocycle"
  peer vitrine-console "$(q "$V") --trace --mode present --windowed --size 960x540 --console 0 --talk-minutes 20 $(q "$DECKS/vitrine-fade.json")" "" Right "nocycle"
  command -v sent >/dev/null &&
  peer sent "sent $(q "$DECKS/deck.sent")"
  command -v feh >/dev/null &&
  peer feh "feh --fullscreen --hide-pointer $(q "$DECKS")/png/s*.png" \
           "feh --fullscreen --hide-pointer --slideshow-delay 2 $(q "$DECKS")/png/s*.png"
  # Debian's python3 explicitly (a python3 earlier on PATH may lack pygame)
  [ -x /usr/bin/impressive ] &&
  peer impressive "/usr/bin/python3 /usr/bin/impressive $(q "$DECKS/deck.pdf")" \
                  "/usr/bin/python3 /usr/bin/impressive -a 2 -w $(q "$DECKS/deck.pdf")"
  true
}

# ---- process helpers (everything is ended by PID, never by name)
XPID="" APID="" DRIVER=""
ps_table() { cat /proc/[0-9]*/stat 2>/dev/null; }
tree_pids() { # ROOT and all its descendants
  ps_table | awk -v r="$1" '{ n = split($0, a, ")"); split(a[n], f, " "); par[$1] = f[2] }
    END { want[r] = 1; print r; do { c = 0; for (p in par) if (!(p in want) && (par[p] in want)) { want[p] = 1; print p; c++ } } while (c) }'
}
tree_stat() { # ROOT -> "CPU_TICKS VOLUNTARY_SWITCHES" summed over the tree, all threads
  local p
  for p in $(tree_pids "$1"); do
    cat "/proc/$p/stat" /proc/"$p"/task/*/status 2>/dev/null
  done | awk '/^[0-9]+ \(/ { n = split($0, a, ")"); split(a[n], f, " "); t += f[12] + f[13] + f[14] + f[15]; next }
              $1 == "voluntary_ctxt_switches:" { v += $2 } END { print t + 0, v + 0 }'
}
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null; }
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
starttime() { awk '{ n = split($0, a, ")"); split(a[n], f, " "); print f[20] }' "/proc/$1/stat" 2>/dev/null; }
kill_tree() { # PID: TERM the tree (and its process group), then KILL what is left
  local root=$1 pids i st=()
  alive "$root" || return 0
  pids=$(tree_pids "$root")
  for i in $pids; do st+=("$i:$(starttime "$i")"); done
  kill -TERM -- "-$root" 2>/dev/null
  # shellcheck disable=SC2086
  kill -TERM $pids 2>/dev/null
  for i in $(seq 30); do alive "$root" || break; sleep 0.1; done
  # KILL leftovers, only if still the same process (same pid and start time)
  for i in "${st[@]}"; do [ "$(starttime "${i%%:*}")" = "${i#*:}" ] && kill -KILL "${i%%:*}" 2>/dev/null; done
  return 0
}
start_x() { # GEOM
  local f=$OUT/.display.$$ i
  : > "$f"
  Xvfb -displayfd 3 -screen 0 "${1}x24" -nolisten tcp -br -noreset 3>"$f" >>"$OUT/xvfb.log" 2>&1 &
  XPID=$!; disown
  for i in $(seq 100); do [ -s "$f" ] && break; alive "$XPID" || break; sleep 0.1; done
  [ -s "$f" ] || { echo "bench: Xvfb did not start (see $OUT/xvfb.log)" >&2; rm -f "$f"; return 1; }
  DISPLAY=":$(tr -dc 0-9 < "$f")"; export DISPLAY; rm -f "$f"
}
stop_x() { [ -n "$XPID" ] && kill_tree "$XPID"; XPID=""; }
start_app() { # CMDSTRING LOG -> APID, T0 (us since epoch)
  local -a argv
  eval "argv=($1)"
  T0=${EPOCHREALTIME/./}
  setsid "${argv[@]}" </dev/null >"$2" 2>&1 &
  APID=$!; disown
}
stop_app() {
  local i
  if alive "$APID"; then
    "$XP" key Escape 2>/dev/null
    for i in $(seq 20); do alive "$APID" || break; sleep 0.1; done
  fi
  kill_tree "$APID"; APID=""
}
stop_driver() { [ -n "$DRIVER" ] && kill "$DRIVER" 2>/dev/null; DRIVER=""; }
cleanup() { stop_driver; [ -n "$APID" ] && kill_tree "$APID"; stop_x; rm -f "$OUT/.display.$$"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

shot() { # FILE (without extension)
  "$XP" shot "$1.ppm" || return
  if command -v convert >/dev/null && convert "$1.ppm" "$1.png" 2>/dev/null; then rm -f "$1.ppm"; fi
}
raw() { echo "$1,$2,$3,$4" >> "$OUT/raw.csv"; }
has_flag() { [[ " ${FLAGS[$1]} " == *" $2 "* ]]; }
trace_ready() { awk '$1 == "trace" && $3 == "ready" { print $2; exit }' "$1" 2>/dev/null; }
trace_slides() { awk '$1 == "trace" && $3 == "slide" { c++ } END { print c + 0 }' "$1" 2>/dev/null; }
secs() { awk -v a="$1" -v b="$2" -v t="$TCK" 'BEGIN { printf "%.2f", (b - a) / t }'; }

# ---- measurements
measure_startup() { # index run geom prefix(""|"4k_")
  local i=$1 r=$2 geom=$3 pf=$4 name=${NAMES[$1]} log fr map content settled pms hash win a first asettled nas=0 ready shown
  log=$OUT/$name/${pf}startup-$r.log
  start_x "$geom" || return 1
  start_app "${CMDS[$i]}" "$log"
  fr=$("$XP" frame "$T0" "$TIMEOUT_FIRST" "$SETTLE_FIRST" "$APID")
  read -r map content settled _ pms hash win <<< "$fr"
  raw "$name" "$r" "${pf}first_map_ms" "$map"; raw "$name" "$r" "${pf}first_content_ms" "$content"
  raw "$name" "$r" "${pf}first_settled_ms" "$settled"; raw "$name" "$r" "${pf}first_hash" "$hash"
  raw "$name" "$r" "${pf}window" "${win:-NA}"
  [ -z "$pf" ] && raw "$name" "$r" frame_poll_ms "$pms"
  ready=$(trace_ready "$log"); [ -n "$ready" ] && raw "$name" "$r" "${pf}trace_ready_ms" "$ready"
  [ "$r" = 1 ] && [ -z "$pf" ] && shot "$OUT/$name/first"
  "$XP" focus
  local n=$ADV f
  for f in ${FLAGS[$i]}; do case $f in adv=*) n=${f#adv=} ;; esac; done
  alive "$APID" || n=0
  for _ in $(seq "$n"); do
    a=$("$XP" advance "${KEYS[$i]}" "$TIMEOUT_ADV" "$SETTLE_ADV")
    read -r first asettled _ pms nchg <<< "$a"
    if [ -z "$pf" ]; then
      raw "$name" "$r" adv_first_ms "$first"; raw "$name" "$r" adv_settled_ms "$asettled"; raw "$name" "$r" adv_poll_ms "$pms"
      raw "$name" "$r" adv_screens "${nchg:-NA}"
      # frames a second of a transition that lasts: screens seen after the first, over its length
      [ "$first" != NA ] && awk -v a="$first" -v b="$asettled" 'BEGIN { exit !(b - a >= 100) }' &&
        raw "$name" "$r" adv_fps "$(awk -v a="$first" -v b="$asettled" -v n="$nchg" 'BEGIN { printf "%.1f", (n - 1) * 1000 / (b - a) }')"
    fi
    if [ "$first" = NA ]; then
      nas=$((nas + 1))
      [ "$nas" -ge 3 ] && { echo "  run $r: 3 key presses in a row changed nothing; skipping the rest" >&2; break; }
    else nas=0; fi
    sleep "$GAP_S"
  done
  [ "$r" = 1 ] && [ -z "$pf" ] && shot "$OUT/$name/last"
  if alive "$APID"; then
    raw "$name" "$r" "${pf}hwm_kb" "$(status_kb "$APID" VmHWM)"
  else
    echo "  run $r: $name exited early (see $log)" >&2; raw "$name" "$r" died 1
  fi
  shown=""
  if [ -n "$ready" ]; then
    shown=", trace: ready $ready ms, $(trace_slides "$log") slide changes"
  fi
  printf '  %s run %s: content %s ms, settled %s ms, window %s%s\n' "${geom}" "$r" \
    "$content" "$settled" "${win:-NA}" "$shown"
  stop_app; stop_x
}
measure_cpu() { # index run mode(idle|cycle)
  local i=$1 r=$2 mode=$3 name=${NAMES[$1]} cmd secs how s0 s1 x0 x1 t0 t1 log n0 n1 c v
  cmd=${CMDS[$i]} secs=$IDLE_S how=static
  if [ "$mode" = cycle ]; then
    secs=$CYCLE_S
    if [ -n "${CYCS[$i]}" ]; then cmd=${CYCS[$i]} how=auto; else how=keys; fi
  fi
  log=$OUT/$name/$mode-$r.log
  start_x 1920x1080 || return 1
  start_app "$cmd" "$log"
  "$XP" frame "$T0" "$TIMEOUT_FIRST" 200 "$APID" >/dev/null
  sleep "$WARM_S"
  [ "$how" = keys ] && "$XP" focus
  alive "$APID" || secs=0
  n0=$(trace_slides "$log")
  read -r s0 v0 <<< "$(tree_stat "$APID")"; read -r x0 _ <<< "$(tree_stat "$XPID")"; t0=$EPOCHREALTIME
  if [ "$how" = keys ]; then
    [ "$secs" = 0 ] || ( for _ in $(seq "$(awk -v s="$secs" -v n="$INTERVAL" 'BEGIN { print int(s / n) }')"); do
        sleep "$INTERVAL"; "$XP" key "${KEYS[$i]}"; done ) &
    DRIVER=$!
  fi
  sleep "$secs"
  read -r s1 v1 <<< "$(tree_stat "$APID")"; read -r x1 _ <<< "$(tree_stat "$XPID")"; t1=$EPOCHREALTIME
  n1=$(trace_slides "$log")
  wait "$DRIVER" 2>/dev/null; DRIVER=""
  if ! alive "$APID"; then
    echo "  $mode run $r: $name exited early (see $log)" >&2; raw "$name" "$r" died 1
    stop_app; stop_x; return 1
  fi
  c=$(secs "$s0" "$s1")
  v=$(awk -v a="$v0" -v b="$v1" -v t0="$t0" -v t1="$t1" 'BEGIN { printf "%.2f", (b - a) / (t1 - t0) }')
  raw "$name" "$r" "${mode}_app_cpu_s" "$c"
  raw "$name" "$r" "${mode}_x_cpu_s" "$(secs "$x0" "$x1")"
  raw "$name" "$r" "${mode}_wakeups" "$v"
  raw "$name" "$r" "${mode}_window_s" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')"
  raw "$name" "$r" "${mode}_how" "$how"
  [ "$n0" -gt 0 ] && raw "$name" "$r" "${mode}_advances" $((n1 - n0))
  printf '  %s run %s (%s): app %s s, Xvfb %s s CPU in %s s, %s wakeups/s%s\n' "$mode" "$r" "$how" \
    "$c" "$(secs "$x0" "$x1")" "$secs" "$v" "$([ "$n0" -gt 0 ] && echo ", $((n1 - n0)) advances")"
  stop_app; stop_x
}

machine() {
  local cpu sdl ttf
  cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
  sdl=$(pkg-config --modversion sdl2 2>/dev/null); ttf=$(pkg-config --modversion SDL2_ttf 2>/dev/null)
  printf '%s, %s cores, Linux %s, Debian %s, SDL %s, SDL_ttf %s, %s, Xvfb %s' "${cpu:-unknown CPU}" "$(nproc)" \
    "$(uname -r)" "$(cat /etc/debian_version 2>/dev/null || echo '?')" "${sdl:-?}" "${ttf:-?}" \
    "$(${CC:-cc} --version 2>/dev/null | head -1)" "$(dpkg-query -W -f='${Version}' xvfb 2>/dev/null)"
}
peer_versions() {
  local p out=""
  for p in sent feh impressive; do
    out="$out${out:+, }$p $(dpkg-query -W -f='${Version}' "$p" 2>/dev/null || echo '?')"
  done
  echo "$out"
}

# ---- run
if [ -z "$RESUM" ]; then
  rm -rf "$OUT/decks"
  "$HERE/make-decks.sh" "$HERE/deck.txt" "$DECKS" >/dev/null || exit 1
  "$V" --check "$DECKS/vitrine-fade.json" "$DECKS/vitrine-none.json" >/dev/null || exit 1
  define_peers
  echo "name,run,metric,value" > "$OUT/raw.csv"
  {
    echo "mode=${QUICK:+quick}${QUICK:-full}"
    echo "machine=$(machine)"
    echo "peers=$(peer_versions)"
    echo "source=$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git status --porcelain src 2>/dev/null | grep -q . && echo ' + uncommitted changes in src/')"
    echo "runs=$RUNS"; echo "runs4k=$RUNS4K"; echo "cpu_runs=$CPU_RUNS"
    echo "idle_s=$IDLE_S"; echo "cycle_s=$CYCLE_S"; echo "warm_s=$WARM_S"
    echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "programs=${NAMES[*]}"
  } > "$OUT/info.txt"
  echo "bench: $(machine)"
  [ -n "$QUICK" ] && echo "bench: quick mode (smoke figures; the full run takes ~20 min)"
  if [ -z "$NO_INPROC" ]; then
    echo "== in-process figures (build/bench/inproc)"
    "$INPROC" ${QUICK:+-q} -r "$OUT/raw.csv" -t "$OUT" slides/igf2007.json "$DECKS/vitrine-fade.json" \
      > "$OUT/inproc.md" || { echo "bench: inproc failed" >&2; exit 1; }
    echo "  done ($((SECONDS - START_S)) s)"
  fi
  if [ -z "$NO_X" ]; then
    for i in "${!NAMES[@]}"; do mkdir -p "$OUT/${NAMES[$i]}"; echo "  ${NAMES[$i]}: ${CMDS[$i]}${CYCS[$i]:+  |  auto: ${CYCS[$i]}}"; done
    # programs take turns run by run, so that the machine's changing load spreads over all of them
    for r in $(seq "$RUNS"); do
      for i in "${!NAMES[@]}"; do echo "== ${NAMES[$i]} start-up run $r"; measure_startup "$i" "$r" 1920x1080 ""; done
    done
    for r in $(seq "$RUNS4K"); do
      for i in "${!NAMES[@]}"; do
        [ -n "$QUICK" ] && [ "${NAMES[$i]}" != vitrine ] && continue
        has_flag "$i" noidle && continue   # same binary, same memory as vitrine
        echo "== ${NAMES[$i]} 3840x2160 run $r"; measure_startup "$i" "$r" 3840x2160 4k_
      done
    done
    for r in $(seq "$CPU_RUNS"); do
      for i in "${!NAMES[@]}"; do
        has_flag "$i" nocpu && continue
        echo "== ${NAMES[$i]} CPU run $r"
        has_flag "$i" noidle || measure_cpu "$i" "$r" idle
        has_flag "$i" nocycle || measure_cpu "$i" "$r" cycle
      done
    done
  fi
  echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/info.txt"
  echo "wall_s=$((SECONDS - START_S))" >> "$OUT/info.txt"
fi

# ---- summary
[ -s "$OUT/raw.csv" ] || { echo "bench: no $OUT/raw.csv" >&2; exit 2; }
info() { sed -n "s/^$1=//p" "$OUT/info.txt" 2>/dev/null | tail -1; }
read -r -a NAMES <<< "$(info programs)"
awk -F, -v names="${NAMES[*]}" -v idle_s="$(info idle_s)" -v cycle_s="$(info cycle_s)" '
function med(key,   k, n, i, j, t, a) {
  n = split(vals[key], a, " "); k = 0
  for (i = 1; i <= n; i++) if (a[i] ~ /^-?[0-9.]+$/) b[++k] = a[i] + 0
  if (!k) return "NA"
  for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }
  return (k % 2) ? b[(k + 1) / 2] : (b[k / 2] + b[k / 2 + 1]) / 2
}
function fmt(v, f) { return v == "NA" ? "–" : sprintf(f, v) }
function range(key, f,   n, i, a, lo, hi) {
  n = split(vals[key], a, " "); lo = ""; hi = ""
  for (i = 1; i <= n; i++) if (a[i] ~ /^-?[0-9.]+$/) { if (lo == "" || a[i] + 0 < lo) lo = a[i] + 0; if (hi == "" || a[i] + 0 > hi) hi = a[i] + 0 }
  return (lo == "" || lo == hi) ? "" : sprintf(" (" f "-" f ")", lo, hi)
}
NR > 1 { vals[$1 SUBSEP $3] = vals[$1 SUBSEP $3] " " $4; if ($3 == "cycle_how") how[$1] = $4 }
END {
  np = split(names, P, " ")
  # rows: metric, label, printf format, scale
  nr = 0
  R[++nr] = "first_settled_ms|first frame, settled (harness), ms|%.0f|1|r"
  R[++nr] = "first_content_ms|first frame, first content, ms|%.0f|1|r"
  R[++nr] = "trace_ready_ms|first frame, vitrine'"'"'s own trace ready (clock from main), ms|%.0f|1|r"
  R[++nr] = "adv_first_ms|advance: key to first changed pixel, ms|%.1f|1|r"
  R[++nr] = "adv_settled_ms|advance: key to settled (end of transition), ms|%.1f|1|r"
  R[++nr] = "adv_screens|advance: different screens seen (frames drawn, as far as 5 ms polls tell)|%.0f|1|r"
  R[++nr] = "adv_fps|transition frames per second seen (transitions over 100 ms)|%.0f|1|r"
  R[++nr] = "idle_app_cpu_s|idle CPU, app, s per " idle_s " s|%.2f|1|"
  R[++nr] = "idle_x_cpu_s|idle CPU, Xvfb, s per " idle_s " s|%.2f|1|"
  R[++nr] = "idle_wakeups|idle wakeups/s (voluntary switches, all threads)|%.2f|1|"
  R[++nr] = "cycle_app_cpu_s|cycling CPU every 2 s, app, s per " cycle_s " s|%.2f|1|"
  R[++nr] = "cycle_x_cpu_s|cycling CPU every 2 s, Xvfb, s per " cycle_s " s|%.2f|1|"
  R[++nr] = "cycle_advances|advances in the cycling window (from --trace)|%.0f|1|"
  R[++nr] = "cycle_wakeups|cycling wakeups/s|%.0f|1|"
  R[++nr] = "hwm_kb|peak memory VmHWM at 1920x1080, MiB|%.1f|1024|r"
  R[++nr] = "4k_hwm_kb|peak memory VmHWM at 3840x2160, MiB|%.1f|1024|r"
  R[++nr] = "4k_first_settled_ms|first frame at 3840x2160, settled, ms|%.0f|1|r"
  printf "| figure (median) |"; for (p = 1; p <= np; p++) printf " %s |", P[p]; printf "\n|---|"
  for (p = 1; p <= np; p++) printf "---|"; printf "\n"
  for (k = 1; k <= nr; k++) {
    split(R[k], f, "|"); line = "| " f[2] " |"; any = 0
    for (p = 1; p <= np; p++) {
      m = med(P[p] SUBSEP f[1]); if (m != "NA") { any = 1; m = m / f[4] }
      cell = fmt(m, f[3])
      if (f[5] == "r" && m != "NA") cell = cell range(P[p] SUBSEP f[1], f[3] == "%.1f" && f[4] == 1 ? "%.0f" : f[3])
      if (f[1] ~ /^cycle_(app|x)/ && m != "NA" && how[P[p]] != "") cell = cell (f[1] ~ /app/ ? " (" how[P[p]] ")" : "")
      if (f[4] != 1 && m != "NA") cell = fmt(m, f[3])
      line = line " " cell " |"
    }
    if (any) print line
  }
  # ratios to the first program
  print ""; printf "Ratio of each median to %s'"'"'s (CPU: app + Xvfb; 0/0 = 1.0, x/0 = inf):\n\n", P[1]
  printf "| figure |"; for (p = 2; p <= np; p++) printf " %s |", P[p]; printf "\n|---|"
  for (p = 2; p <= np; p++) printf "---|"; printf "\n"
  split("first_settled_ms adv_first_ms adv_settled_ms idle idle_wakeups cycle hwm_kb 4k_hwm_kb", Q, " ")
  split("first frame settled|advance first change|advance settled|idle CPU|idle wakeups/s|cycling CPU|peak memory 1920x1080|peak memory 3840x2160", L, "|")
  for (k = 1; k <= 8; k++) {
    line = "| " L[k] " |"; any = 0
    for (p = 2; p <= np; p++) {
      if (Q[k] == "idle" || Q[k] == "cycle") {
        a1 = med(P[1] SUBSEP Q[k] "_app_cpu_s"); a2 = med(P[1] SUBSEP Q[k] "_x_cpu_s")
        b1 = med(P[p] SUBSEP Q[k] "_app_cpu_s"); b2 = med(P[p] SUBSEP Q[k] "_x_cpu_s")
        x = (b1 == "NA" || b2 == "NA") ? "NA" : b1 + b2; y = (a1 == "NA" || a2 == "NA") ? "NA" : a1 + a2
      } else { x = med(P[p] SUBSEP Q[k]); y = med(P[1] SUBSEP Q[k]) }
      if (x == "NA" || y == "NA") c = "–"
      else { any = 1; c = (y == 0) ? (x == 0 ? "1.0" : "inf") : sprintf("%.2g", x / y) }
      line = line " " c " |"
    }
    if (any) print line
  }
}' "$OUT/raw.csv" > "$OUT/table.md"

# targets from the issue, checked against this run's figures
m() { awk -F, -v n="$1" -v k="$2" 'NR > 1 && $1 == n && $3 == k && $4 ~ /^-?[0-9.]+$/ { print $4 }' "$OUT/raw.csv" |
  sort -g | awk '{ a[NR] = $1 } END { if (!NR) print "NA"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
check() { # LABEL TARGET VALUE AWK-CONDITION(v, t)
  local ok
  if [ "$3" = NA ] || [ "$2" = NA ]; then ok="not measured"
  elif awk -v v="$3" -v t="$2" "BEGIN { exit !($4) }"; then ok=met; else ok=MISSED; fi
  printf '| %s | %s | %s |\n' "$1" "$3" "$ok"
}
add() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "NA" || b == "NA") print "NA"; else printf "%.2f", a + b }'; }
{
  echo "| target (from the issue) | vitrine | |"
  echo "|---|---|---|"
  check "first frame settled < 50 ms (sent: 69)" 50 "$(m vitrine first_settled_ms)" 'v < t'
  check "idle CPU 0.00 s (app)" 0 "$(m vitrine idle_app_cpu_s)" 'v <= t'
  check "idle wakeups <= 1/s" 1 "$(m vitrine idle_wakeups)" 'v <= t'
  check "cycling, transition none, app+Xvfb <= sent's ($(add "$(m sent cycle_app_cpu_s)" "$(m sent cycle_x_cpu_s)") s)" \
    "$(add "$(m sent cycle_app_cpu_s)" "$(m sent cycle_x_cpu_s)")" "$(add "$(m vitrine-none cycle_app_cpu_s)" "$(m vitrine-none cycle_x_cpu_s)")" 'v <= t'
  check "cycling, 400 ms fade, app < feh's app ($(m feh cycle_app_cpu_s) s; 0.21 in the shared results)" \
    "$(m feh cycle_app_cpu_s)" "$(m vitrine cycle_app_cpu_s)" 'v < t'
  check "advance, first change <= 16.7 ms" 16.7 "$(m vitrine adv_first_ms)" 'v <= t'
  check "peak memory 1920x1080 close to sent's ($(awk -v k="$(m sent hwm_kb)" 'BEGIN { if (k == "NA") print k; else printf "%.1f", k / 1024 }') MiB): <= the SDL baseline, 23 MiB" \
    23 "$(awk -v k="$(m vitrine hwm_kb)" 'BEGIN { if (k == "NA") print k; else printf "%.1f", k / 1024 }')" 'v <= t'
  check "1,000-slide deck load < 20 ms" 20 "$(awk -v u="$(m inproc deck_1000_us)" 'BEGIN { if (u == "NA") print u; else printf "%.1f", u / 1000 }')" 'v < t'
} > "$OUT/targets.md"

{
  echo "# vitrine bench ($(info mode) mode), $(date -u +%Y-%m-%d)"
  echo
  echo "Machine: $(info machine)."
  echo "vitrine: $(info source), built -O2."
  echo "Peers: $(info peers). Screen: Xvfb 1920x1080x24 (and 3840x2160), no window manager, no GPU."
  echo "Runs: $(info runs) start-up runs x 9 advances at 1920x1080, $(info runs4k) at 3840x2160, $(info cpu_runs) CPU runs (idle $(info idle_s) s, cycling $(info cycle_s) s, after $(info warm_s) s of warm-up). Load average $(info load_start) at start, $(info load_end) at end; took $(info wall_s) s."
  echo
  if grep -q ',first_settled_ms,' "$OUT/raw.csv"; then
    echo "Same 10 text slides everywhere: vitrine reads JSON (vitrine-fade.json: a 400 ms"
    echo "crossfade; vitrine-none.json: transition none), sent its text format, feh 1920x1080"
    echo "PNGs, impressive a PDF of those PNGs. Start-up and keys: vitrine --mode present;"
    echo "cycling: --mode lobby, settings.seconds 2 (a slide every 2 s + the transition)."
    echo "vitrine-igf: the bundled deck (slides/igf2007.json: bullets, cards; a 400 ms fade),"
    echo "present mode, every slide shown; start-up, keys and memory only."
    echo "vitrine-scripts: the same for tests/data/scripts/udhr.json (article 1 of the UDHR"
    echo "in 13 scripts and emoji, drawn with the system's Noto fonts)."
    echo "Ranges over runs in brackets."
    echo
    cat "$OUT/table.md"
    echo
  fi
  [ -s "$OUT/inproc.md" ] && { cat "$OUT/inproc.md"; echo; }
  cat "$OUT/targets.md"
} > "$OUT/summary.md"
echo; cat "$OUT/summary.md"
echo; echo "bench: raw samples in $OUT/raw.csv; screenshots and logs in $OUT/*/"
