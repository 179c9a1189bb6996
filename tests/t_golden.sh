#!/bin/sh
# t_golden.sh [--update]: the bundled deck's exports, pixel for pixel, at the
# six screen sizes --check uses, as the lobby and present modes draw them
# and as the kiosk does (with its controls); the layouts example deck's
# (tests/golden/layouts-SIZE.txt); and the picture deck
# (tests/data/pictures: a phone photo with EXIF orientation 6, a small GIF
# logo, a cover picture and a background_image under their scrims, a WebP)
# at 1920x1080, 1080x1920 and 800x480. Each slide's pixels are hashed
# (ImageMagick's signature of the decoded pixels, not of the PNG bytes) and
# compared with tests/golden/SIZE[-kiosk].txt. A change to the layout, the
# deck or the fonts changes them: look at the exports named (kept in
# build/golden/), and when the change is meant, run `make golden` and
# commit the new lists with it.
set -u
cd "$(dirname "$0")/.."
V=build/vitrine
out=build/golden
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

update=false
[ "${1:-}" = --update ] && update=true
if ! command -v identify >/dev/null; then
	echo "t_golden: identify (imagemagick) is missing; make deps-test installs it"
	echo "t_golden: 0 passed, 1 failed"
	exit 1
fi

rm -rf "$out"
mkdir -p "$out"
# The bundled deck in both modes; the layouts example deck (split, logos,
# QR codes, contacts: slides/examples/layouts.json) in the lobby's.
for run in "slides/igf2007.json lobby" "slides/igf2007.json kiosk" \
	"slides/examples/layouts.json lobby"; do
	deck=${run% *}
	mode=${run#* }
	prefix=
	[ "$deck" = slides/igf2007.json ] || prefix=layouts-
	for size in 1920x1080 1280x720 3840x2160 1024x768 800x480 1080x1920; do
		name=$prefix$size
		[ "$mode" = kiosk ] && name=$size-kiosk
		if ! $V --export "$out/$name" --size "$size" --mode "$mode" \
			"$deck" >"$out/$name.log" 2>&1; then
			bad "--export at $size ($mode) failed: $(cat "$out/$name.log")"
			continue
		fi
		(cd "$out/$name" && identify -format '%f %#\n' slide-*.png) >"$out/$name.txt"
		if $update; then
			cp "$out/$name.txt" "tests/golden/$name.txt"
			ok
		elif [ ! -f "tests/golden/$name.txt" ]; then
			bad "tests/golden/$name.txt is missing; run make golden"
		elif cmp -s "$out/$name.txt" "tests/golden/$name.txt"; then
			ok
		else
			bad "$name ($mode): these exports differ from tests/golden/$name.txt (look at them in $out/$name/; if the change is meant, run make golden):" \
				"$(diff "tests/golden/$name.txt" "$out/$name.txt" | sed -n 's/^> \([^ ]*\) .*/\1/p' | tr '\n' ' ')"
		fi
	done
done
# compare NAME: build/golden/NAME.txt against tests/golden/NAME.txt
compare_list() {
	if $update; then
		cp "$out/$1.txt" "tests/golden/$1.txt"
		ok
	elif cmp -s "$out/$1.txt" "tests/golden/$1.txt"; then
		ok
	else
		bad "$1: these exports differ from tests/golden/$1.txt (look at them in $out/$1/; if the change is meant, run make golden):" \
			"$(diff "tests/golden/$1.txt" "$out/$1.txt" 2>&1 | sed -n 's/^> \([^ ]*\) .*/\1/p' | tr '\n' ' ')"
	fi
}
for size in 1920x1080 1080x1920 800x480; do
	name=pictures-$size
	if ! $V --export "$out/$name" --size "$size" tests/data/pictures/deck.json \
		>"$out/$name.log" 2>&1; then
		bad "--export of the picture deck at $size failed: $(cat "$out/$name.log")"
		continue
	fi
	(cd "$out/$name" && identify -format '%f %#\n' slide-*.png) >"$out/$name.txt"
	compare_list "$name"
done
echo "t_golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
