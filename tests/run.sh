#!/bin/sh
# run.sh DIR: runs every test program in DIR and every tests/t_*.sh and
# tests/t_*.py script, each of which ends with "NAME: N passed, N failed";
# prints each one's output and a closing line with the sums. Exits 1 when
# anything failed or a runner crashed.
set -u
cd "$(dirname "$0")/.."
bindir=${1:-build/tests}

# No GPU, no D-Bus, no real display for unit tests (see README, Testing).
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-dummy}
export SDL_RENDER_DRIVER=software
export SDL_FRAMEBUFFER_ACCELERATION=0
export DBUS_SESSION_BUS_ADDRESS=disabled:
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# Debian's python3 has the packages scripts/deps.sh installed; a python3
# earlier on PATH (pyenv, a venv) may not.
py=/usr/bin/python3
[ -x "$py" ] || py=python3

passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for t in "$bindir"/test_* tests/t_*.sh tests/t_*.py; do
	[ -e "$t" ] || continue
	case "$t" in
	*.d) continue ;;
	*.py) cmd="$py $t" ;;
	*.sh) cmd="sh $t" ;;
	*) cmd="$t" ;;
	esac
	$cmd >"$log" 2>&1
	rc=$?
	line=$(grep -E '^[^ ]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [ -z "$line" ]; then
		cat "$log"
		echo "$t: crashed or printed no result (exit $rc)"
		failed=$((failed + 1))
		continue
	fi
	p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\1/')
	f=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\2/')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1 # a clean count but a bad exit (a sanitizer at exit, say)
	fi
	[ "$f" -ne 0 ] && cat "$log"
	echo "$line"
	passed=$((passed + p))
	failed=$((failed + f))
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
