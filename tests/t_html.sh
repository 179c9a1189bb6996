#!/bin/sh
# t_html.sh: --export --html writes index.html, a contact sheet a person can
# send around: it links every exported slide picture, names every slide's id
# and notes, escapes hostile deck text, and opens from the folder in a real
# headless browser (Debian's chromium) to a page that shows the slides.
# Needs chromium and ImageMagick for the browser part; skips that part with
# one line when chromium is missing.
set -u
cd "$(dirname "$0")/.."
V=build/vitrine
DECK=slides/igf2007.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { # check DESCRIPTION CMD...: CMD succeeds
	what=$1
	shift
	if "$@"; then ok; else bad "$what"; fi
}

out=$tmp/out
sheet=$out/index.html
if $V --export "$out" --size 1280x720 --html $DECK >"$tmp/log" 2>&1 &&
	grep -q "^wrote $sheet\$" "$tmp/log"; then ok; else
	bad "--export --html did not write $sheet"; cat "$tmp/log"
fi
[ -s "$sheet" ] || { echo "t_html: $passed passed, $((failed + 1)) failed"; exit 1; }

# every slide picture exists and is linked, with its size
n=$(grep -c '"id":' $DECK)
check "the deck should have 16 slides, has $n" [ "$n" -eq 16 ]
i=1
while [ $i -le "$n" ]; do
	f=$(printf 'slide-%03d.png' $i)
	[ -s "$out/$f" ] || bad "$f was not exported"
	grep -q "<img src=\"$f\" width=\"1280\" height=\"720\" alt=\"[^\"]" "$sheet" ||
		bad "index.html does not show $f with its size and alt text"
	i=$((i + 1))
done
[ "$(grep -o '<img src="slide-[0-9]*\.png"' "$sheet" | sort -u | wc -l)" -eq "$n" ] && ok ||
	bad "index.html shows a different number of pictures than $n"

# every slide's id, and the start of every slide's notes
for id in $(sed -nE 's/^ *"id": "([^"]*)".*/\1/p' $DECK); do
	grep -q "<code>$id</code>" "$sheet" || bad "index.html lacks the id $id"
done
ok
sed -nE 's/^ *"notes": "([^"\\&<>]{30}).*/\1/p' $DECK >"$tmp/notes"
k=$(wc -l <"$tmp/notes")
while IFS= read -r words; do
	grep -qF "$words" "$sheet" || bad "index.html lacks the notes \"$words\""
done <"$tmp/notes"
check "too few notes to compare ($k)" [ "$k" -ge 12 ]

# static and offline: no script, nothing fetched from the network
check "index.html has a script" sh -c "! grep -qi '<script' '$sheet'"
check "index.html loads something from the network" \
	sh -c "! grep -Eqi '(src|href)=\"[a-z]+:|url\\(|@import' '$sheet'"

# a hostile deck's text is escaped
cat >"$tmp/evil.json" <<'JSON'
{"title": "</title><script>alert(1)</script>",
 "slides": [
  {"id": "x\"><script>alert(2)</script>", "title": "<script>alert('t')</script>",
   "notes": "- <script>alert(3)</script>\n\nTom & Jerry's <b>\"show\"</b>"},
  {"layout": "statement", "title": "' onerror='alert(4)", "statement": "<img src=x onerror=alert(5)>"}
 ]}
JSON
if $V --export "$tmp/evil" --size 320x180 --html "$tmp/evil.json" >"$tmp/log" 2>&1; then ok; else
	bad "--export --html of a hostile deck failed"; cat "$tmp/log"
fi
evil=$tmp/evil/index.html
check "a hostile deck's <script> reached index.html raw" sh -c "[ -s '$evil' ] && ! grep -qi '<script' '$evil'"
check "a hostile deck's <img> reached index.html raw" sh -c "! grep -q '<img src=x' '$evil'"
check "the hostile title is not shown escaped" \
	grep -q "alt=\"&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;\"" "$evil"
check "the hostile notes are not shown escaped" \
	grep -q "Tom &amp; Jerry&#39;s &lt;b&gt;&quot;show&quot;&lt;/b&gt;" "$evil"
check "the statement alt text can end its attribute" \
	sh -c "! grep -q \"alt=\\\"' onerror\" '$evil'"

# the page in a real browser
browser=
for b in chromium chromium-browser; do
	command -v $b >/dev/null && { browser=$b; break; }
done
if [ -z "$browser" ]; then
	echo "t_html: skipped the browser checks: chromium is not installed (apt-get install chromium)"
	echo "t_html: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
fi
shot=$tmp/sheet.png
profile=$(mktemp -d)
timeout 120 $browser --headless --no-sandbox --disable-gpu --disable-quic \
	--no-first-run --disable-background-networking --disable-component-update \
	--disable-sync --user-data-dir="$profile" --screenshot="$shot" \
	--window-size=1280,2000 "file://$(cd "$out" && pwd)/index.html" >"$tmp/browser.log" 2>&1
rm -rf "$profile"
if [ -s "$shot" ] && [ "$(identify -format '%wx%h' "$shot" 2>/dev/null)" = 1280x2000 ]; then ok; else
	bad "$browser wrote no 1280x2000 screenshot"; tail -n 5 "$tmp/browser.log"
fi
# navy_pixels GEOMETRY: how many pixels of the screenshot's region are
# near the deck's theme background #10243e
navy_pixels() {
	convert "$shot" -crop "$1" +repage -fuzz 4% -fill black \
		+opaque '#10243e' -fill white -opaque '#10243e' -colorspace Gray \
		-format '%[fx:mean] %w %h' info: |
		awk '{ printf "%d\n", $1 * $2 * $3 + 0.5 }'
}
if [ -s "$shot" ]; then
	mean=$(convert "$shot" -colorspace Gray -format '%[fx:mean]' info:)
	check "the screenshot is blank (mean $mean)" \
		awk -v m="$mean" 'BEGIN { exit !(m > 0.02 && m < 0.98) }'
	# The slide pictures' navy (the deck's theme background, #10243e)
	# fills much of the left column: at least three thumbnails' worth.
	navy=$(navy_pixels 760x1800+0+200)
	check "the screenshot shows too little of the slides' navy ($navy px)" \
		[ "${navy:-0}" -gt 300000 ]
	# and its top, the page header, is not navy: the count is the slides'
	top=$(navy_pixels 1280x100+0+0)
	check "the page header is the slides' navy ($top px)" [ "${top:-1}" -lt 1000 ]
	[ -n "${T_HTML_KEEP:-}" ] && cp "$shot" "$T_HTML_KEEP"
fi

echo "t_html: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
