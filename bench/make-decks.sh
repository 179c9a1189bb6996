#!/usr/bin/env bash
# make-decks.sh [DECK_TXT] OUTDIR
# Builds the same text deck in every program's input format:
#   OUTDIR/deck.sent          sent's plain-text format (paragraph = slide)
#   OUTDIR/png/s01.png..      1920x1080 PNGs (feh), black text on white
#   OUTDIR/deck.pdf           one page per PNG (impressive)
#   OUTDIR/vitrine-fade.json  vitrine's format: {"slides": [{"title", "text"}]},
#                             settings.seconds 2, a 400 ms fade
#   OUTDIR/vitrine-none.json  the same with transition "none"
#   OUTDIR/vitrine-bar.json   the same, 60 s a slide, with the lobby's
#                             progress bar
# Needs: ImageMagick (convert), DejaVu fonts, and mutool (mupdf-tools) or
# python3-pil for the PDF.
#
# Adapted from the shared performance harness (shared/bench/make-decks.sh,
# written for peers.sh); the JSON part now writes vitrine's deck format.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ge 2 ]; then src=$1; out=$2; else src=$here/deck.txt; out=${1:?usage: make-decks.sh [DECK_TXT] OUTDIR}; fi
CONVERT=${CONVERT:-convert}; [ -x /usr/bin/convert ] && CONVERT=/usr/bin/convert
mkdir -p "$out/png"
rm -f "$out"/png/s*.png

# sent: paragraphs separated by blank lines; escape lines starting with @ # or backslash
sed -e 's/^\([@#\\]\)/\\\1/' "$src" > "$out/deck.sent"

# split into slides (one file per paragraph)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
awk -v d="$tmp" 'BEGIN{RS="";FS="\n"} {f=sprintf("%s/%02d.txt",d,NR); printf "%s\n",$0 > f; close(f)}' "$src"
n=0
for f in "$tmp"/*.txt; do
  n=$((n+1)); id=$(printf %02d "$n")
  "$CONVERT" -size 1920x1080 xc:white -font DejaVu-Sans -fill black -gravity center \
     -pointsize 96 -interline-spacing 24 -annotate +0+0 "@$f" "PNG24:$out/png/s$id.png" 2>/dev/null ||
  "$CONVERT" -size 1920x1080 xc:white -font DejaVu-Sans -fill black -gravity center \
     -pointsize 96 -interline-spacing 24 -annotate +0+0 "$(cat "$f")" "PNG24:$out/png/s$id.png"
done

# PDF (ImageMagick's PDF coder is often disabled by policy, so use mutool or PIL)
rm -f "$out/deck.pdf"
if command -v mutool >/dev/null && mutool convert -O compress -o "$out/deck.pdf" "$out"/png/s*.png 2>/dev/null; then :
elif /usr/bin/python3 -c 'import PIL' 2>/dev/null; then
  /usr/bin/python3 - "$out" <<'PY'
import sys, glob
from PIL import Image
d = sys.argv[1]
ims = [Image.open(p).convert("RGB") for p in sorted(glob.glob(d + "/png/s*.png"))]
ims[0].save(d + "/deck.pdf", save_all=True, append_images=ims[1:], resolution=144)
PY
else echo "make-decks: no mutool or python3-pil: deck.pdf not made" >&2; fi

# vitrine: first line = title, the other lines = text (one line each)
for tr in fade none; do
  awk -v tr="$tr" 'BEGIN{RS="";FS="\n"
    printf "{\n  \"title\": \"bench deck\",\n  \"settings\": { \"seconds\": 2, \"transition\": \"%s\", \"transition_ms\": 400 },\n  \"slides\": [", tr}
    function esc(s){gsub(/\\/,"\\\\",s); gsub(/"/,"\\\"",s); return s}
    {printf "%s\n    { \"title\": \"%s\", \"text\": \"", (NR>1?",":""), esc($1)
     for(i=2;i<=NF;i++) printf "%s%s", (i>2?"\\n":""), esc($i); printf "\" }"}
    END{print "\n  ]\n}"}' "$src" > "$out/vitrine-$tr.json"
done
# the lobby's progress bar on a slide that stays a minute
sed 's/"seconds": 2,/"seconds": 60, "progress_bar": true,/' \
  "$out/vitrine-fade.json" > "$out/vitrine-bar.json"
# a clock in the corner of every slide (static in present mode: the idle
# figure is the clock's cost: one wake-up and one box drawn a minute)
sed 's/"seconds": 2,/"seconds": 2, "clock": "top-right",/' \
  "$out/vitrine-fade.json" > "$out/vitrine-clock.json"
echo "made $n slides in $out"
