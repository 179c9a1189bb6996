# trace_wait.sh: sourced by the tests that read vitrine's --trace lines in
# $tmp/trace; they define ok and bad.

wait_for() { # wait_for PATTERN SECONDS: a trace line matching PATTERN
	n=$(($2 * 20))
	while [ "$n" -gt 0 ]; do
		grep -Eq -- "$1" "$tmp/trace" && return 0
		sleep 0.05
		n=$((n - 1))
	done
	return 1
}

expect_trace() { # expect_trace PATTERN SECONDS WHAT
	if wait_for "$1" "$2"; then ok; else bad "$3: no trace line /$1/ in $2 s"; fi
}
