#!/bin/sh
# t_qr.sh: QR codes read back by a real reader. The layouts example deck
# (slides/examples/layouts.json) is exported at 800x480 and 3840x2160 (the
# smallest and largest of --check's sizes) and in portrait at 1080x1920;
# zbarimg (zbar-tools) must read from each slide with a "qr" exactly the
# deck's text, and nothing from a slide without one. Then --check refuses
# a code too long to scan from 2 m, naming file:line:col and the limit.
set -u
cd "$(dirname "$0")/.."
V=build/vitrine
DECK=slides/examples/layouts.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

if ! command -v zbarimg >/dev/null; then
	echo "t_qr: zbarimg (zbar-tools) is missing; make deps-test installs it"
	echo "t_qr: 0 passed, 1 failed"
	exit 1
fi

# One line a slide: its number (from 1) and its "qr", or "-".
python3 - "$DECK" >"$tmp/want" <<'PY'
import json, sys
for i, s in enumerate(json.load(open(sys.argv[1]))["slides"], 1):
    print(i, s.get("qr", "-"))
PY
grep -q 'https://' "$tmp/want" || bad "the example deck has no QR code to read"

for size in 800x480 3840x2160 1080x1920; do
	if ! $V --export "$tmp/$size" --size "$size" "$DECK" >/dev/null 2>&1; then
		bad "--export at $size failed"
		continue
	fi
	while read -r n want; do
		png=$(printf '%s/%s/slide-%03d.png' "$tmp" "$size" "$n")
		got=$(zbarimg -q --raw "$png" 2>/dev/null)
		if [ "$want" = - ]; then
			[ -z "$got" ] && ok || bad "$size slide $n: read \"$got\" from a slide without a code"
		elif [ "$got" = "$want" ]; then
			ok
		else
			bad "$size slide $n: zbarimg read \"$got\", the deck says \"$want\""
		fi
	done <"$tmp/want"
done

long=$(printf 'https://example.org/%0100d' 0)
printf '{\n  "slides": [\n    { "text": "Scan", "qr": "%s" }\n  ]\n}\n' "$long" >"$tmp/long.json"
out=$($V --check "$tmp/long.json" 2>&1)
rc=$?
case "$out" in
"$tmp/long.json:3:29: slides[0].qr: 120 bytes is too long for a QR code"*"at most 106"*) [ $rc -eq 1 ] && ok || bad "--check exited $rc for a code too long" ;;
*) bad "--check on a code too long said: $out" ;;
esac

echo "t_qr: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
