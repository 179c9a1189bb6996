#!/bin/sh
# deps.sh: installs the Debian packages vitrine needs that are missing.
#   scripts/deps.sh build   what building and running the bundled deck need
#                           (its languages' scripts: the Noto fonts)
#   scripts/deps.sh test    that, plus what the tests need (Xvfb, xdotool...)
#   scripts/deps.sh bench   that, plus what the benchmark needs
# Checks each package with dpkg-query and runs apt-get only for the absent
# ones: as root directly, else through sudo; says what to do when it cannot.
set -eu

build="build-essential pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libcjson-dev libjpeg-dev libexif-dev libqrencode-dev tzdata libfribidi-dev libharfbuzz-dev libunibreak-dev libthai-dev libfontconfig-dev fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji"
test="$build time clang-format xvfb xauth xdotool x11-utils x11-xserver-utils imagemagick chromium fonts-dejavu-core python3 python3-jsonschema strace systemd groff-base man-db openbox cage xwayland xserver-xorg-core xserver-xorg-video-dummy debhelper dpkg-dev lintian fakeroot tesseract-ocr tesseract-ocr-eng zbar-tools"
bench="$test clang libclang-rt-14-dev"

case "${1:-build}" in
build) want=$build ;;
test) want=$test ;;
bench) want=$bench ;;
*) echo "usage: $0 build|test|bench" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

echo "vitrine: installing missing packages:$missing"
if ! command -v apt-get >/dev/null 2>&1; then
	echo "vitrine: no apt-get here; install these (or your system's equivalents) by hand:$missing" >&2
	exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "vitrine: not root and no sudo; as root run: apt-get install$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Update the package lists first, so that apt finds current versions.
$sudo apt-get update -qq || echo "vitrine: apt-get update failed; trying the install anyway" >&2
# shellcheck disable=SC2086
if ! $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
	--no-install-recommends $missing; then
	echo "vitrine: could not install:$missing (see apt-get's message above)" >&2
	exit 1
fi
