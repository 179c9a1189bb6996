#!/bin/sh
# t_hostile.sh: hostile image references, seen from outside the program.
# Each case is a one-slide deck in one folder whose "image" is hostile: an
# absolute path, ".." anywhere, percent-encoded dots, backslashes, empty
# and over-long names, device names, symbolic links out of the folder, in a
# loop, to /dev/zero; a FIFO, a folder, a sparse 33 MiB file, a PNG whose
# header claims 100000x100000 pixels, a truncated PNG... `vitrine --check`
# and `vitrine --export` must refuse each with a message naming
# slides[0].image (the loader's, or a placeholder's at export), and under
# strace no file outside the deck's folder may be opened, nor any FIFO,
# device or over-sized file inside it. Then: terminal escapes in a deck
# come out of --check escaped, and format strings in deck text are text.
# Each reference is also tried as a logo's picture, under --check.
# KEEP=1 keeps the scratch folder (decks, traces, outputs) for a look.
set -u
cd "$(dirname "$0")/.."
V=build/vitrine
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

if ! command -v strace >/dev/null || ! strace -f -o /dev/null true 2>/dev/null; then
	echo "t_hostile: strace missing or not allowed here (make test installs it)"
	echo "t_hostile: 0 passed, 1 failed"
	exit 1
fi

d="$tmp/deck"
o="$tmp/outside"
mkdir -p "$d/sub" "$o/dir"
cp tests/data/good/pixel.png "$d/ok.png"
cp tests/data/good/pixel.png "$o/secret.png"
python3 - "$d" <<'PY'
import struct, sys, zlib
d = sys.argv[1]
def chunk(t, b):
    return struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b))
def png(w, h):
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 65536)) + chunk(b"IEND", b""))
open(d + "/bigdim.png", "wb").write(png(100000, 100000))
open(d + "/wide.png", "wb").write(png(16385, 2))
good = open(d + "/ok.png", "rb").read()
open(d + "/truncated.png", "wb").write(good[: len(good) // 2])
open(d + "/gif.png", "wb").write(b"GIF89a\x01\x00\x01\x00\x80\x00\x00")
open(d + "/text.png", "wb").write(b"not a picture\n")
open(d + "/empty.png", "wb").write(b"")
# a JPEG whose frame header claims 65535x65535 (SOF0 after SOI and a DQT)
open(d + "/bigdim.jpg", "wb").write(b"\xff\xd8\xff\xdb\x00\x43\x00" + bytes(64)
    + b"\xff\xc0\x00\x11\x08\xff\xff\xff\xff\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    + b"\xff\xd9")
PY
mkfifo "$d/fifo.png"
mkdir "$d/dir.png"
truncate -s 33M "$d/huge.png"
ln -s ../outside/secret.png "$d/link-out.png"
ln -s "$o/secret.png" "$d/link-abs.png"
ln -s loop-b.png "$d/loop-a.png"
ln -s loop-a.png "$d/loop-b.png"
ln -s /dev/zero "$d/zero.png"
ln -s /dev/urandom "$d/random.png"
ln -s /etc/passwd "$d/passwd.png"
ln -s /proc/self/environ "$d/environ.png"
ln -s ../outside "$d/outlink"
ln -s nothere.png "$d/dangling.png"
ln -s fifo.png "$d/to-fifo.png"
long=$(printf '%0300d' 0 | tr 0 n)
deep=$(printf '%02040d' 0 | sed 's/00/d\//g')

# NAME|JSON string of the image|EXPECT: loader (refused on loading) or
# export (loaded, then a placeholder with a message when drawn, and exit
# status 1)
cat >"$tmp/cases" <<EOF
absolute|/etc/passwd|loader
absolute-png|$o/secret.png|loader
double-slash|//etc/passwd|loader
dev-zero|/dev/zero|loader
proc|/proc/self/environ|loader
dotdot|../outside/secret.png|loader
dotdot-middle|sub/../../outside/secret.png|loader
dotdot-end|sub/..|loader
dotdot-only|..|loader
dot-dotdot|./../outside/secret.png|loader
dotdot-slashes|sub//..//..//outside/secret.png|loader
dotdot-inside|sub/../ok.png|loader
percent-dots|%2e%2e/outside/secret.png|loader
percent-slash|..%2foutside%2fsecret.png|loader
percent-overlong|..%c0%afoutside%c0%afsecret.png|loader
backslash|..\\\\outside\\\\secret.png|loader
backslash-unc|\\\\\\\\server\\\\share\\\\x.png|loader
drive|C:\\\\Windows\\\\win.ini|loader
empty||loader
blank|   |loader
long-name|$long.png|loader
long-path|${deep}x.png|loader
con|CON|loader
nul-device|NUL|loader
aux|aux.png|loader
file-url|file:///etc/passwd|loader
tilde|~root/.profile|loader
dollar|\$HOME/x.png|loader
nul-byte|ok.png\\u0000.txt|loader
trailing-slash|ok.png/|loader
newline|ok\\n.png|loader
escape|\\u001b[2J.png|loader
link-out|link-out.png|loader
link-abs|link-abs.png|loader
link-dir-out|outlink/secret.png|loader
link-loop|loop-a.png|loader
link-zero|zero.png|loader
link-random|random.png|loader
link-passwd|passwd.png|loader
link-environ|environ.png|loader
link-dangling|dangling.png|loader
link-fifo|to-fifo.png|loader
fifo|fifo.png|loader
directory|dir.png|loader
sparse-33mib|huge.png|loader
bigdim-png|bigdim.png|export
wide-png|wide.png|export
bigdim-jpeg|bigdim.jpg|export
truncated-png|truncated.png|export
gif|gif.png|export
text|text.png|export
empty-file|empty.png|export
EOF

# The opens a traced run may make outside the deck's folder, each for a
# reason: the dynamic loader's cache and preload list; shared libraries
# (SDL, SDL_image and SDL_ttf and what they load, under /lib and
# /usr/lib, also their failed probes of hwcaps folders); the program's own
# fonts (found beside the binary, ../assets/fonts); the system's time zone
# database (/etc/localtime and the deck's zone, for the clocks and windows);
# fontconfig's configuration, caches and the system's fonts, opened only
# when a text needs a script the bundled fonts lack (src/shell/fallback.h);
# and, for --export, the output folder it writes to. Nothing else: no
# /dev, /proc, other files of /etc, or /tmp.
fonts=$(realpath assets/fonts)
real_d=$(realpath "$d")
allowed() { # allowed PATH [OUTDIR]
	case "$1" in
	/etc/ld.so.cache | /etc/ld.so.preload) return 0 ;;
	/lib/* | /lib64/* | /usr/lib/* | /usr/lib64/*) return 0 ;;
	"$fonts"/*) return 0 ;;
	/usr/share/zoneinfo/*) return 0 ;;
	/etc/fonts/* | /usr/share/fontconfig/* | /var/cache/fontconfig/*) return 0 ;;
	/usr/share/fonts/* | /usr/local/share/fonts/*) return 0 ;;
	"${HOME:-/root}"/.cache/fontconfig/*) return 0 ;;
	"$real_d" | "$real_d"/*) return 0 ;;
	esac
	[ -n "${2:-}" ] && case "$1" in "$2" | "$2"/*) return 0 ;; esac
	return 1
}

# scan_trace TRACE [OUTDIR]: sets n_bad to the number of opens that are
# not allowed, or of a FIFO, device, folder or over-sized picture in the
# deck, or relative to a folder descriptor (printing each), and n_opens.
scan_trace() {
	n_bad=0
	if grep -Eq '^[0-9]+ +openat2?\([0-9]' "$1"; then
		echo "  an open relative to a folder descriptor:"
		grep -E '^[0-9]+ +openat2?\([0-9]' "$1" | head -3
		n_bad=1
	fi
	sed -n 's/^[0-9]* *\(open\|openat\|openat2\|creat\)(\(AT_FDCWD, \)\{0,1\}"\([^"]*\)".*/\3/p' "$1" >"$tmp/opened"
	n_opens=$(wc -l <"$tmp/opened")
	while IFS= read -r p; do
		case "$p" in /*) ;; *) p="$(pwd)/$p" ;; esac
		r=$(realpath -m -- "$p")
		if ! allowed "$r" "${2:-}"; then
			echo "  opened outside the deck's folder: $p -> $r"
			n_bad=$((n_bad + 1))
		fi
		case "$r" in
		"$real_d"/fifo.png | "$real_d"/dir.png | "$real_d"/huge.png | /dev/*)
			echo "  opened a FIFO, device, folder or huge file: $p"
			n_bad=$((n_bad + 1))
			;;
		esac
	done <"$tmp/opened"
}

# check_trace TRACE WHAT [OUTDIR]: no bad open, and some opens were seen.
check_trace() {
	scan_trace "$1" "${3:-}"
	if [ "$n_bad" -eq 0 ] && [ "$n_opens" -gt 0 ]; then ok; else bad "$2: $n_bad bad opens of $n_opens"; fi
}

# The checker itself catches what it must: four bad opens out of six.
cat >"$tmp/trace.self" <<EOF
1 openat(AT_FDCWD, "/etc/passwd", O_RDONLY) = 3
1 openat(AT_FDCWD, "$d/link-out.png", O_RDONLY) = 3
1 open("$d/sub/../../outside/secret.png", O_RDONLY) = 3
1 openat(AT_FDCWD, "$d/fifo.png", O_RDONLY|O_NONBLOCK) = 3
1 openat(AT_FDCWD, "$d/ok.png", O_RDONLY) = 3
1 openat(AT_FDCWD, "/usr/lib/x86_64-linux-gnu/libpng16.so.16", O_RDONLY|O_CLOEXEC) = 3
EOF
scan_trace "$tmp/trace.self" >/dev/null
if [ "$n_bad" -eq 4 ] && [ "$n_opens" -eq 6 ]; then ok; else bad "the trace checker found $n_bad of 4 bad opens in $n_opens"; fi

n=0
while IFS='|' read -r name ref expect; do
	n=$((n + 1))
	printf '{"slides": [{"title": "%s", "image": "%s", "caption": "c"}]}\n' \
		"$name" "$ref" >"$d/case-$name.json"
done <"$tmp/cases"
if [ "$n" -lt 30 ]; then bad "only $n cases"; else ok; fi

# --check on every case at once, traced.
timeout 60 strace -f -qq -e trace=open,openat,openat2,creat -o "$tmp/trace.check" \
	$V --check "$d"/case-*.json >"$tmp/check.out" 2>&1
rc=$?
if [ "$rc" -eq 1 ]; then ok; else bad "--check exited $rc, expected 1"; fi
check_trace "$tmp/trace.check" "--check"

while IFS='|' read -r name ref expect; do
	deck="$d/case-$name.json"
	# --check: one message about the image, naming the case's deck
	if grep -q "^$deck:[0-9:]* slides\[0\]\.image: " "$tmp/check.out" ||
		grep -q "^$deck:[0-9:]* ['\"\\\\]" "$tmp/check.out"; then
		ok
	else
		bad "$name: --check said nothing about slides[0].image"
		grep -F "$deck" "$tmp/check.out" | head -3
	fi
	# --export, traced: refused, or drawn with a placeholder and a message
	out="$tmp/out-$name"
	timeout 60 strace -f -qq -e trace=open,openat,openat2,creat -o "$tmp/trace.$name" \
		$V --export "$out" --size 640x360 "$deck" >"$tmp/export.out" 2>&1
	rc=$?
	if [ "$expect" = loader ]; then
		if [ "$rc" -eq 1 ] && grep -q "^$deck:" "$tmp/export.out"; then ok; else
			bad "$name: --export exited $rc, expected 1 with the loader's message"
			cat "$tmp/export.out"
		fi
	else
		if [ "$rc" -eq 1 ] && [ -f "$out/slide-001.png" ] &&
			[ "$(grep -c "^$deck:1:[0-9]*: slides\[0\]\.image: cannot load " "$tmp/export.out")" -eq 1 ]; then
			ok
		else
			bad "$name: --export exited $rc, expected 1, the slide with a placeholder and one message"
			cat "$tmp/export.out"
		fi
	fi
	check_trace "$tmp/trace.$name" "--export $name" "$(realpath -m "$out")"
done <"$tmp/cases"

# The same references as a logo's picture (beside a good logo): --check,
# traced, names each at slides[0].logos[1].image and opens nothing it may
# not (the loader reads a logo's header only once it passed every check).
while IFS='|' read -r name ref expect; do
	printf '{"slides": [{"title": "%s", "logos": [{"image": "ok.png"}, {"image": "%s", "name": "n"}]}]}\n' \
		"$name" "$ref" >"$d/logo-$name.json"
done <"$tmp/cases"
timeout 60 strace -f -qq -e trace=open,openat,openat2,creat -o "$tmp/trace.logos" \
	$V --check "$d"/logo-*.json >"$tmp/logos.out" 2>&1
rc=$?
if [ "$rc" -eq 1 ]; then ok; else bad "--check of the logos exited $rc, expected 1"; fi
check_trace "$tmp/trace.logos" "--check of the logos"
while IFS='|' read -r name ref expect; do
	deck="$d/logo-$name.json"
	if grep -q "^$deck:[0-9:]* slides\[0\]\.logos\[1\]\.image: " "$tmp/logos.out" ||
		grep -q "^$deck:[0-9:]* ['\"\\\\]" "$tmp/logos.out"; then
		ok
	else
		bad "logo $name: --check said nothing about slides[0].logos[1].image"
		grep -F "$deck" "$tmp/logos.out" | head -3
	fi
done <"$tmp/cases"

# Terminal escapes in deck text come out of --check escaped: "\e", never
# the raw byte, in an unknown key's name and in a line of --check output.
esc=$(printf '\033')
printf '{"slides": [{"title": "x", "t\\u001b[2J\\u001b]0;pwned\\u0007": 1}]}\n' >"$tmp/esc-key.json"
printf '{"slides": [{"title": "a\\u001b[31mred"}]}\n' >"$tmp/esc-title.json"
printf '{"slides": [{"title": "a\033[31mred"}]}\n' >"$tmp/esc-raw.json"
for f in esc-key esc-title esc-raw; do
	$V --check "$tmp/$f.json" >"$tmp/$f.out" 2>&1
	rc=$?
	if [ "$rc" -eq 1 ] && ! grep -q "$esc" "$tmp/$f.out" &&
		! grep -q "$(printf '\007')" "$tmp/$f.out"; then ok; else
		bad "$f: exit $rc or a raw control character in --check's output"
	fi
done
if grep -qF 'slides[0].t\e[2J\e]0;pwned\x07: unknown key' "$tmp/esc-key.out"; then ok; else
	bad "esc-key: no escaped key in: $(cat "$tmp/esc-key.out")"
fi
if grep -qF 'slides[0].title: control character U+001B in the text; remove it' "$tmp/esc-title.out"; then ok; else
	bad "esc-title: $(cat "$tmp/esc-title.out")"
fi
if grep -qF 'raw control character U+001B in a string; remove it' "$tmp/esc-raw.out"; then ok; else
	bad "esc-raw: $(cat "$tmp/esc-raw.out")"
fi

# Format strings are text: checked, drawn and quoted as they are.
printf '{"slides": [{"title": "%%n%%s%%s%%x%%p", "bullets": ["%%s%%s%%s%%s%%n", "%%99999999d %%1$s"]}]}\n' >"$d/format.json"
if $V --check "$d/format.json" >"$tmp/fmt.out" 2>&1 && grep -q ': ok, 1 slides' "$tmp/fmt.out"; then ok; else
	bad "format strings: $(cat "$tmp/fmt.out")"
fi
if $V --export "$tmp/fmt" --size 640x360 "$d/format.json" >/dev/null 2>&1 && [ -f "$tmp/fmt/slide-001.png" ]; then ok; else
	bad "format strings: not exported"
fi
printf '{"slides": [{"image": "%%n%%s%%s.png"}]}\n' >"$d/format-image.json"
$V --check "$d/format-image.json" >"$tmp/fmt.out" 2>&1
if grep -qF 'slides[0].image: "%n%s%s.png" not found' "$tmp/fmt.out"; then ok; else
	bad "format string image: $(cat "$tmp/fmt.out")"
fi

# The same hostile paths as a programme's schedule: refused by --check,
# naming slides[0].schedule or the file, with no open outside the deck's
# folder and none of a FIFO, device, folder or huge file.
ns=0
for name in absolute dev-zero proc dotdot dotdot-middle link-out link-abs \
	link-dir-out link-loop link-zero link-random link-passwd link-environ \
	link-dangling link-fifo fifo directory sparse-33mib backslash empty; do
	ref=$(grep "^$name|" "$tmp/cases" | cut -d'|' -f2)
	printf '{"slides": [{"schedule": "%s"}]}\n' "$ref" >"$d/sched-$name.json"
	ns=$((ns + 1))
done
timeout 60 strace -f -qq -e trace=open,openat,openat2,creat -o "$tmp/trace.sched" \
	$V --check "$d"/sched-*.json >"$tmp/sched.out" 2>&1
rc=$?
if [ "$rc" -eq 1 ]; then ok; else bad "--check of the schedules exited $rc, expected 1"; fi
check_trace "$tmp/trace.sched" "--check of hostile schedules"
for f in "$d"/sched-*.json; do
	if grep -q "^$f:[0-9:]* slides\[0\]\.schedule: " "$tmp/sched.out"; then ok; else
		bad "$(basename "$f"): --check said nothing about slides[0].schedule"
		grep -F "$f" "$tmp/sched.out" | head -3
	fi
done

echo "figure: hostile schedule references: $ns, each refused by --check under strace, no open outside the deck's folder"
echo "figure: hostile image references: $n, each refused by --check and --export under strace, no open outside the deck's folder"
echo "t_hostile: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
