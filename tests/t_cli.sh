#!/bin/sh
# t_cli.sh: the command line as a user meets it: --check on good, broken
# and odd inputs (exit 0 or 1, never anything else; one line per error),
# --export, --help, --version and bad options.
set -u
cd "$(dirname "$0")/.."
V=build/vitrine
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

# expect STATUS PATTERN CMD...: exit status and a line matching PATTERN
expect() {
	want=$1 pattern=$2
	shift 2
	"$@" >"$tmp/out" 2>&1
	got=$?
	if [ "$got" -ne "$want" ]; then
		bad "$* exited $got, expected $want"; cat "$tmp/out"
	elif ! grep -Eq -- "$pattern" "$tmp/out"; then
		bad "$*: no line matching /$pattern/"; cat "$tmp/out"
	else
		ok
	fi
}

expect 0 '^slides/igf2007.json: ok, [0-9]+ slides' $V --check slides/igf2007.json
printf '{"slides": [{"title": "A"},]}' >"$tmp/comma.json"
expect 1 "^$tmp/comma.json:1:2[78]: " $V --check "$tmp/comma.json"
expect 1 "^$tmp/comma.json:1:2[78]: .*" $V --check slides/igf2007.json "$tmp/comma.json"
printf '{"slides": [{"titel": "A"}]}' >"$tmp/typo.json"
expect 1 'slides\[0\]\.titel: unknown key; did you mean "title"\?' $V --check "$tmp/typo.json"
expect 1 "^$tmp/missing.json: " $V --check "$tmp/missing.json"
expect 1 "^$tmp: .*directory" $V --check "$tmp"
: >"$tmp/empty.json"
expect 1 "^$tmp/empty.json: empty file" $V --check "$tmp/empty.json"
mkfifo "$tmp/fifo.json"
expect 1 "^$tmp/fifo.json: " timeout 10 $V --check "$tmp/fifo.json"
expect 1 '' $V --check /dev/zero
expect 1 '' $V --check /dev/null

# a missing picture names the real folder, not "."
printf '{"slides": [{"image": "nothere.png"}]}' >"$tmp/nopic.json"
real=$(cd "$tmp" && pwd -P)
expect 1 "^nopic.json:1:23: slides\[0\]\.image: \"nothere.png\" not found in the deck's folder \(the current folder, $real\)\$" \
	sh -c 'cd "$1" && "$2" --check nopic.json' sh "$tmp" "$(pwd)/$V"
mkdir "$tmp/sub"
expect 1 "not found in the deck's folder \($real\)\$" \
	sh -c 'cd "$1/sub" && "$2" --check ../nopic.json' sh "$tmp" "$(pwd)/$V"

# a thousand slides
{
	printf '{"slides": ['
	i=1
	while [ $i -lt 1000 ]; do printf '{"title": "Slide %d"},' $i; i=$((i + 1)); done
	printf '{"title": "Slide 1000"}]}'
} >"$tmp/big.json"
expect 0 ': ok, 1000 slides' $V --check "$tmp/big.json"

# low contrast is a warning, not an error
printf '{"theme": {"background": "#777777", "text": "#888888"}, "slides": [{"title": "Grey"}]}' >"$tmp/grey.json"
expect 0 'warning: .*grey.json:1: theme\.text: .*contrast is 1\.[0-9]:1' $V --check "$tmp/grey.json"
# said once for the theme, however many slides show it, and once at a
# slide's own background
printf '{"theme": {"background": "#777777",\n "text": "#888888"}, "slides": [{"title": "A"}, {"title": "B"}, {"title": "C"},\n {"title": "D", "background": "#999999"}, {"title": "E", "background": "#000000"}]}' >"$tmp/greys.json"
$V --check "$tmp/greys.json" >"$tmp/out" 2>&1
if [ "$(grep -c contrast "$tmp/out")" -eq 2 ] &&
	grep -q 'greys.json:2: theme\.text: text/background contrast is 1\.[0-9]:1' "$tmp/out" &&
	grep -q 'greys.json:3: slides\[3\]\.background: text/background contrast is 1\.[0-9]:1' "$tmp/out"; then ok; else
	bad "contrast: not one warning at theme.text and one at slides[3].background"; cat "$tmp/out"
fi

# text that cannot fit at the floor is a warning naming the slide
words=$(i=0; while [ $i -lt 400 ]; do printf 'word '; i=$((i + 1)); done)
printf '{"slides": [{"id": "long", "title": "Too much", "text": "%s"}]}' "$words" >"$tmp/long.json"
expect 0 'warning: .*slides\[0\] \(id "long"\): text does not fit' $V --check "$tmp/long.json"
# ... and names what is left out
expect 0 'and is cut from "word word word.*" on; shorten it or split the slide' $V --check "$tmp/long.json"
# a word wider than any line is broken inside, and the warning names it
w=Donaudampfschifffahrtsgesellschaftskapitaenswitwenrentenversicherung
printf '{"slides": [{"layout": "statement", "title": "Long", "statement": "A %s"}]}' "$w" >"$tmp/word.json"
expect 0 'slides\[0\]: "Donaudampfschifffahrtsgesellschaftskapit.*" is wider than its box at .* broken inside the word' $V --check "$tmp/word.json"

# no display at all: one line saying so, and how to preview instead
expect 1 '^vitrine: no display to show on .*--export DIR' \
	env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER $V slides/igf2007.json

expect 0 '^usage: vitrine' $V --help
expect 0 '^vitrine [0-9]+\.[0-9]+' $V --version
expect 1 'unknown option' $V --frobnicate slides/igf2007.json
expect 1 '--mode takes lobby, present or kiosk' $V --mode party slides/igf2007.json
expect 1 '--size takes WxH' $V --size 12 slides/igf2007.json
expect 1 'no deck given' $V
expect 1 '--check needs a deck' $V --check

expect 0 "^wrote $tmp/png/slide-001.png" $V --export "$tmp/png" --size 800x480 slides/igf2007.json
n=$(ls "$tmp/png" | wc -l)
m=$($V --check slides/igf2007.json | sed -nE 's/.*ok, ([0-9]+) slides.*/\1/p')
if [ "$n" -eq "$m" ]; then ok; else bad "exported $n files for $m slides"; fi
expect 1 "comma.json:1:2[78]" $V --export "$tmp/png2" "$tmp/comma.json"

# a shorter deck exported into the same folder leaves no stale slides, says
# which went, and removes nothing that is not a slide picture it names
printf '{"slides": [{"title": "A"}, {"title": "B"}, {"title": "C"}]}' >"$tmp/three.json"
touch "$tmp/png/slide-016.png.bak" "$tmp/png/notes.png" "$tmp/png/slide-000.png"
expect 0 '^removed 13 old slide files: slide-004\.png slide-005\.png .* and 8 more$' \
	$V --export "$tmp/png" --size 320x180 "$tmp/three.json"
left=$(ls "$tmp/png" | tr '\n' ' ')
want="notes.png slide-000.png slide-001.png slide-002.png slide-003.png slide-016.png.bak "
if [ "$left" = "$want" ]; then ok; else bad "after the 3-slide export the folder holds: $left"; fi
expect 0 '^wrote .*slide-003\.png$' $V --export "$tmp/png" --size 320x180 "$tmp/three.json"
if grep -q '^removed' "$tmp/out"; then bad "a second export removed files again"; else ok; fi

# options and decks in any order
expect 0 '^slides/igf2007.json: ok, [0-9]+ slides' $V --rotate 90 --check slides/igf2007.json
expect 0 '^slides/igf2007.json: ok, [0-9]+ slides' $V slides/igf2007.json --check
expect 1 "comma.json:1:2[78]" $V slides/igf2007.json --check "$tmp/comma.json"
expect 0 "^wrote $tmp/any/slide-001.png" $V slides/igf2007.json --export "$tmp/any" --size 320x180
expect 0 "^wrote $tmp/eq/slide-001.png" $V --size=320x180 slides/igf2007.json --export="$tmp/eq"
expect 1 '^vitrine: --html writes index.html beside exported slides; give --export DIR too' \
	$V --html slides/igf2007.json
expect 1 '^vitrine: --html .*--export' $V --check --html slides/igf2007.json
expect 1 '^vitrine: --check and --export do not go together' $V --check slides/igf2007.json --export "$tmp/no"
expect 1 '^vitrine: more than one deck given: b.json' $V a.json b.json
expect 1 '^vitrine: missing value after: --export' $V slides/igf2007.json --export
expect 1 '^vitrine: --windowed takes no value' $V --windowed=yes slides/igf2007.json
expect 1 '^vitrine: --display takes a display number' $V --display two slides/igf2007.json
expect 1 '^vitrine: --rotate takes 90, 180 or 270' $V slides/igf2007.json --rotate 45
expect 1 '^vitrine: --console takes a display number or off: two' $V --console two slides/igf2007.json
expect 1 '^vitrine: --talk-minutes takes whole minutes, 1 to 1440: 0' $V --talk-minutes 0 slides/igf2007.json
expect 1 '^vitrine: --log-level takes error' $V --log-level loud slides/igf2007.json
expect 1 '^vitrine: --error-marker takes on or off' $V --error-marker maybe slides/igf2007.json
expect 1 '^vitrine: unknown option: -x' $V -x slides/igf2007.json
expect 0 '^usage: vitrine' $V slides/igf2007.json -h
# --help's lines fit a terminal of 80 columns
if $V --help | awk 'length($0) > 79 { exit 1 }'; then ok; else bad "--help has lines over 79 columns"; fi

# Previews in the mode the screen runs: --check lays slides out in every
# mode (nine bullets fit a plain 800x480 screen, not above the kiosk's
# controls), and --export --mode kiosk draws the controls.
printf '{"slides": [{"title": "Many", "bullets": [%s]}]}' \
	"$(for i in 1 2 3 4 5 6 7 8 9; do printf '%s"Partnership point number %d with words"' "$([ $i = 1 ] || echo ,)" $i; done)" >"$tmp/nine.json"
expect 0 'text does not fit at the smallest legible size at 800x480 \(kiosk\) and is cut' $V --check "$tmp/nine.json"
$V --export "$tmp/kp" --mode present --size 800x480 tests/data/e2e/kiosk.json >/dev/null 2>&1
$V --export "$tmp/kk" --mode kiosk --size 800x480 tests/data/e2e/kiosk.json >/dev/null 2>&1
corner() { convert "$1" -crop 90x90+0+390 +repage -format '%[fx:standard_deviation]' info:; }
if [ "$(corner "$tmp/kp/slide-001.png")" = 0 ] && [ "$(corner "$tmp/kk/slide-001.png")" != 0 ]; then ok; else
	bad "--export --mode kiosk did not draw the back button where present mode has none"
fi

# SDL_image and its ten libraries load only when a picture needs them.
if readelf -d $V | grep -q 'NEEDED.*SDL2_image'; then
	bad "the program links SDL_image at start"
else
	ok
fi
if command -v strace >/dev/null; then
	strace -f -e trace=open,openat -o "$tmp/nopic" $V --check slides/igf2007.json >/dev/null 2>&1
	strace -f -e trace=open,openat -o "$tmp/pic" $V --export "$tmp/png3" --size 320x180 tests/data/good/layouts.json >/dev/null 2>&1
	if grep -q SDL2_image "$tmp/nopic"; then bad "a deck with no picture opened SDL_image"; else ok; fi
	if grep -q 'SDL2_image.*= [0-9]' "$tmp/pic"; then ok; else bad "a deck with a picture did not open SDL_image"; fi
	[ -s "$tmp/png3/slide-007.png" ] && ok || bad "the picture slide was not exported"
else
	echo "t_cli: skipped the SDL_image-on-demand checks: strace is missing (make test installs it)"
fi

# --help, the man page's SYNOPSIS and OPTIONS, and the README's Usage name
# the same options.
help_opts=$($V --help 2>&1 | grep -oE -- '--[a-z]+(-[a-z]+)*' | sort -u)
man_opts=$(sed -n '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/p; /^\.SH OPTIONS/,/^\.SH MODES/p' dist/vitrine.1 |
	grep -oE -- '\\-\\-[a-z]+(\\-[a-z]+)*' | tr -d '\\' | sort -u)
readme_opts=$(sed -n '/^## Usage/,/^## /p' README.md | grep -oE -- '--[a-z]+(-[a-z]+)*' | sort -u)
if [ -n "$help_opts" ] && [ "$help_opts" = "$man_opts" ]; then ok; else
	bad "--help and the man page list different options:" $(printf "%s\n%s\n" "$help_opts" "$man_opts" | sort | uniq -u)
fi
if [ -n "$help_opts" ] && [ "$help_opts" = "$readme_opts" ]; then ok; else
	bad "--help and the README's Usage list different options:" $(printf "%s\n%s\n" "$help_opts" "$readme_opts" | sort | uniq -u)
fi

# The README's Code map names every module of src/core and src/shell, in
# the right folder, and nothing that is not there.
map_modules() { # map_modules FOLDER: the modules the map lists for it
	awk -v want="\`src/$1/\`:" '
		/^## Code map/ { inmap = 1; next }
		inmap && /^## / { inmap = 0 }
		inmap && index($0, "`src/") == 1 { folder = $1 }
		inmap && folder == want && /^\| `/ {
			split($0, cell, "|")
			n = split(cell[2], names, ",")
			for (i = 1; i <= n; i++) {
				gsub(/[ `]/, "", names[i])
				print names[i]
			}
		}' README.md | sort -u
}
for folder in core shell; do
	listed=$(map_modules "$folder")
	present=$(ls src/$folder/*.c | sed 's|.*/||; s|\.c$||' | sort -u)
	if [ -n "$present" ] && [ "$listed" = "$present" ]; then ok; else
		bad "README's Code map and src/$folder differ:" $(printf "%s\n%s\n" "$listed" "$present" | sort | uniq -u)
	fi
done

echo "t_cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
