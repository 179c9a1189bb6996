#!/bin/sh
# t_readme.sh: runs the README's shell blocks marked ```sh doctest, in
# order, in a copy of what they need (build/vitrine, docs/, slides/) in a
# temporary folder, as a newcomer would type them. Each block must exit 0.
set -u
cd "$(dirname "$0")/.."
NAME=t_readme
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

mkdir -p "$tmp/build"
cp build/vitrine "$tmp/build/"
cp -r docs slides assets "$tmp/"
mkdir -p "$tmp/blocks"
awk -v dir="$tmp/blocks" '
	/^```sh doctest$/ { n++; file = sprintf("%s/%03d.sh", dir, n); inblock = 1; next }
	inblock && /^```$/ { inblock = 0; close(file); next }
	inblock { print > file }
' README.md
count=$(ls "$tmp/blocks" | wc -l)
if [ "$count" -ge 4 ]; then passed=$((passed + 1)); else
	failed=$((failed + 1))
	echo "FAIL: only $count doctest blocks in README.md"
fi
for b in "$tmp"/blocks/*.sh; do
	[ -e "$b" ] || continue
	if (cd "$tmp" && VITRINE_FONTS="$tmp/assets/fonts" sh -e "$b") >"$tmp/out" 2>&1; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: README block $(basename "$b" .sh) exited non-zero:"
		sed 's/^/  | /' "$b"
		sed 's/^/  > /' "$tmp/out"
	fi
done
# What the blocks promise: a checked deck and one picture per slide.
[ -s "$tmp/mydeck/preview/slide-003.png" ] && passed=$((passed + 1)) || {
	failed=$((failed + 1))
	echo "FAIL: the guide's export did not write slide-003.png"
}

echo "$NAME: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
