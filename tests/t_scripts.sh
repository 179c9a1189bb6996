#!/bin/sh
# t_scripts.sh [--update]: text in every script the bundled fonts lack,
# drawn through the system's Noto fonts (fonts-noto-core, -cjk,
# -color-emoji), exported on the software renderer:
#  - tests/data/scripts/udhr.json (article 1 of the UDHR in 13 scripts,
#    emoji, a mixed Arabic and Latin slide) exports with no "no font
#    draws" warning, and its slides' pixels match
#    tests/golden/scripts-udhr-1280x720.txt (fonts packages of another
#    version change them: look at build/scripts/ and run this with
#    --update); so do those of tests/data/scripts/rtl.json (an Arabic
#    event band, bullets and cards, right to left);
#  - the Arabic and Hebrew paragraphs are right-aligned (their ink ends at
#    the safe area's right edge), the English one left-aligned;
#  - tesseract (eng) reads "IGF 2007" left to right in the mixed title;
#  - --check names each character no font draws (slide, JSON path, code
#    point) and the deck still loads.
set -u
cd "$(dirname "$0")/.."
V=build/vitrine
out=build/scripts
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
update=false
[ "${1:-}" = --update ] && update=true
export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software \
	SDL_FRAMEBUFFER_ACCELERATION=0 DBUS_SESSION_BUS_ADDRESS=disabled:

rm -rf "$out"
mkdir -p "$out"
deck=tests/data/scripts/udhr.json
if ! $V --export "$out/udhr" --size 1280x720 "$deck" >"$out/udhr.log" 2>&1; then
	bad "--export failed: $(cat "$out/udhr.log")"
fi
if grep -q "no font draws" "$out/udhr.log"; then
	bad "a character has no font: $(grep 'no font draws' "$out/udhr.log")"
else
	ok
fi

# tests/data/scripts/rtl.json: a right-to-left deck (an Arabic event band,
# bullets, cards), checked by its pixels only.
if ! $V --export "$out/rtl" --size 1280x720 tests/data/scripts/rtl.json >"$out/rtl.log" 2>&1 ||
	grep -q "no font draws" "$out/rtl.log"; then
	bad "--export of rtl.json: $(cat "$out/rtl.log")"
fi

# Golden pixels.
for name in udhr rtl; do
	list=$out/scripts-$name-1280x720.txt
	golden=tests/golden/scripts-$name-1280x720.txt
	(cd "$out/$name" && identify -format '%f %#\n' slide-*.png) >"$list"
	if $update; then
		cp "$list" "$golden"
		ok
	elif cmp -s "$list" "$golden"; then
		ok
	else
		bad "these exports differ from $golden (look at them in $out/$name/; if the change is meant, run sh tests/t_scripts.sh --update):" \
			"$(diff "$golden" "$list" | sed -n 's/^> \([^ ]*\) .*/\1/p' | tr '\n' ' ')"
	fi
done

# The right and left ends of a slide's body text (below its heading, in
# the middle band of the screen), from ImageMagick's trim box.
ends() { # ends SLIDE -> "LEFT RIGHT"
	convert "$out/udhr/slide-$1.png" -crop 1280x300+0+150 +repage \
		-fuzz 20% -trim -format '%X %W %w' info: |
		awk '{ x = $1 + 0; print x, x + $3 }'
}
# The safe area: 5 % in from each side of 1280.
for s in 002 003; do
	set -- $(ends $s)
	if [ "$2" -ge 1205 ] && [ "$2" -le 1216 ] && [ "$1" -gt 100 ]; then ok; else
		bad "slide $s (right to left): body ink from x=$1 to x=$2, want its right end at 1216"
	fi
done
set -- $(ends 001)
if [ "$1" -ge 64 ] && [ "$1" -le 72 ]; then ok; else
	bad "slide 001 (English): body ink from x=$1, want it at 64"
fi

# The mixed title reads "IGF 2007" left to right (tesseract has English).
if command -v tesseract >/dev/null; then
	convert "$out/udhr/slide-014.png" -crop 1280x150+0+0 +repage \
		-negate -scale 200% "$out/mixed.png"
	txt=$(tesseract "$out/mixed.png" - -l eng 2>/dev/null | tr '\n' ' ')
	case "$txt" in
	*"IGF 2007"*) ok ;;
	*) bad "tesseract read \"$txt\" in the mixed title, not IGF 2007" ;;
	esac
else
	bad "tesseract is missing (make deps-test installs it)"
fi

# --check names what no font draws and still loads the deck.
$V --check tests/data/scripts/missing.json >"$out/check.out" 2>&1
rc=$?
want='tests/data/scripts/missing.json:3:1: slides[0].title: no font draws U+0378'
if [ $rc -eq 0 ] && grep -qF "$want" "$out/check.out" &&
	grep -qF 'slides[0].bullets[1]: no font draws U+E000' "$out/check.out" &&
	grep -q 'ok, 1 slides' "$out/check.out"; then ok; else
	bad "--check (status $rc) said: $(cat "$out/check.out")"
fi
$V --check "$deck" >"$out/check-udhr.out" 2>&1
if grep -q "no font draws" "$out/check-udhr.out"; then
	bad "--check $deck: $(grep 'no font draws' "$out/check-udhr.out")"
else
	ok
fi

echo "t_scripts: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
