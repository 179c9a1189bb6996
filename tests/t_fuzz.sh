#!/bin/sh
# t_fuzz.sh: the fuzzer's smoke run in make test: builds the libFuzzer
# target for the deck loader (clang; installed by scripts/deps.sh bench)
# and runs it for FUZZ_SMOKE_SECONDS (120) from the seed corpus and what
# earlier runs kept. Passes when it built, ran, and found nothing; prints
# the executions and their speed. Then the picture target
# (tests/fuzz/fuzz_picture.c) for FUZZ_PICTURE_SECONDS (30).
set -u
cd "$(dirname "$0")/.."
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
log=build/fuzz/last.log
# finding LOG: what a run that stopped found: the broken contract or the
# sanitizer's report from its first line, the input's bytes in the end
finding() {
	grep -vE '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)[[:space:]]' "$1" |
		sed -n '/^fuzz_deck:\|^fuzz_picture:\|ERROR\|runtime error/,$p' | head -60
	a=$(ls -t build/fuzz/artifacts/* 2>/dev/null | head -n 1)
	[ -n "$a" ] && echo "$a: $(head -c 600 "$a" | od -An -c | tr -s ' ' | head -c 1500)"
}

start=$(date +%s)
if make --no-print-directory fuzz-build >build/fuzz-build.log 2>&1; then ok; else
	cat build/fuzz-build.log
	bad "the fuzz target did not build (clang and libclang-rt-14-dev: scripts/deps.sh bench)"
	echo "t_fuzz: $passed passed, $failed failed"
	exit 1
fi
rm -f "$log"
if make --no-print-directory fuzz-run FUZZ_TIME="${FUZZ_SMOKE_SECONDS:-120}" >/dev/null 2>&1; then ok; else
	finding "$log"
	bad "the fuzzer stopped on a finding: see $log and build/fuzz/artifacts/"
fi
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1)
if [ -n "$runs" ] && [ "$runs" -gt 0 ]; then ok; else bad "no executions counted"; fi
echo "figure: fuzz smoke: ${runs:-0} executions in $(($(date +%s) - start)) s with the build, ${speed:-0}/s; ${done_line#*DONE   }"
# the picture target: headers, area averaging, orientations
if make --no-print-directory fuzz-picture FUZZ_PICTURE_SECONDS="${FUZZ_PICTURE_SECONDS:-30}" >build/fuzz/picture.log 2>&1; then ok; else
	finding build/fuzz/picture.log
	bad "the picture fuzzer stopped on a finding: see build/fuzz/picture.log and build/fuzz/artifacts/"
fi
echo "figure: picture fuzz: $(sed -n 's/^stat::number_of_executed_units: *//p' build/fuzz/picture.log) executions"
echo "t_fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
