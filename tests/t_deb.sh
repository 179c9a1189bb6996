#!/bin/sh
# t_deb.sh: the Debian package (debian/, make deb).
#   - make deb builds it from a copy of the working files (committed or not);
#   - lintian reports no error (E:) on it;
#   - dpkg -i installs it: the user "vitrine" exists, the installed program
#     checks and exports the bundled deck with the installed fonts, the unit
#     is installed but not enabled, the man page and README are in place;
#   - dpkg --purge takes every file away again.
# It installs and purges a package, so it runs only as root (CI runs as
# root on a throwaway machine), and not where vitrine is installed already.
# T_DEB_KEEP=1 keeps the temporary folder (build log, lintian) for a look.
set -u
cd "$(dirname "$0")/.." || exit 1
tmp=$(mktemp -d)
passed=0
failed=0
installed=""

cleanup() {
	# A run that failed half way leaves no package behind.
	[ -n "$installed" ] && dpkg --purge vitrine >/dev/null 2>&1
	[ -n "${T_DEB_KEEP:-}" ] && echo "kept $tmp" || rm -rf "$tmp"
}
trap cleanup EXIT

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
summary() { # the closing line, and the exit status
	echo "t_deb: $passed passed, $failed failed$1"
	[ "$failed" -eq 0 ]
}
skip_all() { # one line for why, then the closing line
	echo "SKIP: t_deb: $*"
	summary ", 1 skipped"
	exit 0
}
check() { # check WHAT CMD...: passes when CMD succeeds
	what=$1
	shift
	if "$@"; then ok; else bad "$what"; fi
}

for c in dpkg-buildpackage dh lintian fakeroot; do
	command -v "$c" >/dev/null ||
		skip_all "$c is not installed (make test installs debhelper, dpkg-dev, lintian, fakeroot): the package is not built"
done
[ "$(id -u)" -eq 0 ] ||
	skip_all "not root: the package is not built and installed (dpkg -i needs root; CI runs as root)"
case "$(dpkg-query -W -f='${Status}' vitrine 2>/dev/null)" in
*" installed" | *" config-files")
	skip_all "a vitrine package is installed here already: not replaced nor purged" ;;
esac
[ -e /usr/bin/vitrine ] &&
	skip_all "/usr/bin/vitrine exists (make install PREFIX=/usr?): the package would overwrite it and purge would remove it"

# --- build, from the working files ----------------------------------------
src=$tmp/vitrine
mkdir "$src"
git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$src"
# No debug symbols package: it is not tested and takes time.
if (cd "$src" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
	DEB_BUILD_OPTIONS="noddebs" make --no-print-directory deb) \
	>"$tmp/build.log" 2>&1; then
	ok
else
	bad "make deb failed:"
	tail -n 30 "$tmp/build.log" | sed 's/^/  | /'
	summary ""
	exit 1
fi
deb=$(sed -n 's/^make deb: //p' "$tmp/build.log" | tail -n 1)
check "make deb: it named no .deb that exists ($deb)" [ -f "$deb" ]
case "$deb" in
"$tmp"/vitrine_*.deb) ok ;;
*) bad "make deb: the package is not in the parent folder: $deb" ;;
esac
echo "package: $(basename "$deb"), $(wc -c <"$deb") bytes"
ls -l "$deb" | sed 's/^/  /'
echo "Depends: $(dpkg-deb -f "$deb" Depends)"
echo "Recommends: $(dpkg-deb -f "$deb" Recommends)"

# --- lintian ---------------------------------------------------------------
lintian "$deb" >"$tmp/lintian.out" 2>&1
if grep -q '^E:' "$tmp/lintian.out"; then
	bad "lintian reports errors:"
	grep '^E:' "$tmp/lintian.out" | sed 's/^/  | /'
else
	ok
fi
echo "lintian: $(grep -c '^E:' "$tmp/lintian.out") errors, $(grep -c '^W:' "$tmp/lintian.out") warnings"
grep '^W:' "$tmp/lintian.out" | sed 's/^/  /'

# --- install -----------------------------------------------------------------
if dpkg -i "$deb" >"$tmp/install.log" 2>&1; then
	installed=1
	ok
else
	bad "dpkg -i failed:"
	sed 's/^/  | /' "$tmp/install.log"
	installed=1 # whatever got unpacked goes again
	summary ""
	exit 1
fi
dpkg -L vitrine >"$tmp/files"

check "no system user vitrine after install" getent passwd vitrine >/dev/null
check "no group vitrine after install" getent group vitrine >/dev/null
home=$(getent passwd vitrine | cut -d: -f6)
check "the user vitrine has a home folder ($home); want none" [ ! -e "$home" ]

# The installed program, run from elsewhere, with the installed files.
out=$(cd / && env -u VITRINE_FONTS /usr/bin/vitrine --check \
	/usr/share/vitrine/slides/igf2007.json 2>&1)
rc=$?
case "$rc $out" in
"0 "*": ok, "*" slides"*) ok ;;
*) bad "vitrine --check on the installed deck (exit $rc): $out" ;;
esac
n=$(echo "$out" | sed -n 's/.*: ok, \([0-9]*\) slides.*/\1/p' | head -n 1)

mkdir "$tmp/export"
(cd / && env -u VITRINE_FONTS /usr/bin/vitrine --export "$tmp/export" \
	--size 800x480 /usr/share/vitrine/slides/igf2007.json) \
	>"$tmp/export.out" 2>&1
rc=$?
check "vitrine --export exited $rc: $(head -n 3 "$tmp/export.out")" [ "$rc" -eq 0 ]
pngs=$(find "$tmp/export" -name 'slide-*.png' | wc -l)
check "vitrine --export wrote $pngs pictures for ${n:-?} slides" \
	[ "$pngs" -gt 0 -a "$pngs" = "${n:-x}" ]
first=$(find "$tmp/export" -name 'slide-*.png' | sort | head -n 1)
check "the exported $first is not a PNG" \
	[ "$(head -c 4 "$first" 2>/dev/null | od -An -c | tr -d ' ')" = '211PNG' ]
check "the package has no fonts under /usr/share/vitrine/fonts" \
	grep -q '^/usr/share/vitrine/fonts/NotoSans-Regular\.ttf$' "$tmp/files"

unit=$(grep '/systemd/system/vitrine\.service$' "$tmp/files")
check "the unit is not installed" test -n "$unit" -a -f "$unit"
check "the unit runs /usr/bin/vitrine" grep -q '^ExecStart=/usr/bin/vitrine ' "$unit"
wants=$(ls /etc/systemd/system/*.wants/vitrine.service 2>/dev/null)
check "the unit is enabled: $wants" [ -z "$wants" ]
if command -v systemctl >/dev/null; then
	state=$(systemctl is-enabled vitrine.service 2>&1)
	check "systemctl is-enabled vitrine.service says $state" [ "$state" != enabled ]
fi
check "no man page" [ -f /usr/share/man/man1/vitrine.1.gz ]
check "no README in /usr/share/doc/vitrine" [ -f /usr/share/doc/vitrine/README.md.gz ]
check "no copyright file" grep -q '^License: OFL-1.1' /usr/share/doc/vitrine/copyright
check "no deck schema" [ -f /usr/share/vitrine/slides/deck.schema.json ]

# --- purge -------------------------------------------------------------------
if dpkg --purge vitrine >"$tmp/purge.log" 2>&1; then
	installed=""
	ok
else
	bad "dpkg --purge failed:"
	sed 's/^/  | /' "$tmp/purge.log"
fi
left=""
while read -r f; do
	[ -f "$f" ] && left="$left $f"
done <"$tmp/files"
check "dpkg --purge left:$left" [ -z "$left" ]
check "dpkg --purge left /usr/share/vitrine" [ ! -e /usr/share/vitrine ]
status=$(dpkg-query -W -f='${Status}' vitrine 2>/dev/null)
case "$status" in
"" | *not-installed) ok ;;
*) bad "dpkg still knows vitrine after purge: $status" ;;
esac
# The user stays, as Debian leaves system users (see debian/postrm).

summary ""
