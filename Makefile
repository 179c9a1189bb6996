# vitrine: an offline kiosk presentation app. GNU make.
#
#   make run      install what is missing, build, show the bundled deck
#   make test     install what is missing, build, run every test
#   make          build build/vitrine
#   make format / check-format / clean / install
#   make deb      a Debian package (debian/), written to the parent folder

VERSION    = 0.1.0
PKG_CONFIG ?= pkg-config
PREFIX     ?= /usr/local
DESTDIR    ?=
CFLAGS     ?= -O2 -g
WERROR     ?= -Werror
WARN       = -Wall -Wextra -Wpedantic -Wshadow -Wmissing-prototypes $(WERROR)
STD        = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
SANITIZE   = -fsanitize=address,undefined -fno-omit-frame-pointer \
	     -fno-sanitize-recover=undefined
DECK       ?= slides/igf2007.json

# Flags are looked up when a recipe runs, after scripts/deps.sh installed them.
CJSON_CFLAGS = $(shell $(PKG_CONFIG) --cflags libcjson)
CJSON_LIBS   = $(shell $(PKG_CONFIG) --libs libcjson)
# The core encodes QR codes with libqrencode (src/core/qr.c).
QR_LIBS      = $(shell $(PKG_CONFIG) --libs libqrencode)
# The core splits text into bidi and script runs (FriBidi, HarfBuzz's
# Unicode data; src/core/textrun.c) and finds line breaks (libunibreak;
# libthai between Thai words).
TEXT_PKGS    = fribidi harfbuzz libunibreak libthai
TEXT_CFLAGS  = $(shell $(PKG_CONFIG) --cflags $(TEXT_PKGS))
TEXT_LIBS    = $(shell $(PKG_CONFIG) --libs $(TEXT_PKGS))
# The shell finds fonts for the scripts the bundled faces lack through
# fontconfig, when a text needs one (src/shell/fallback.c).
FC_CFLAGS    = $(shell $(PKG_CONFIG) --cflags fontconfig)
FC_LIBS      = $(shell $(PKG_CONFIG) --libs fontconfig)
SDL_CFLAGS   = $(shell $(PKG_CONFIG) --cflags sdl2 SDL2_ttf SDL2_image)
SDL_LIBS     = $(shell $(PKG_CONFIG) --libs sdl2 SDL2_ttf SDL2_image) \
	       $(PIC_LIBS) $(FC_LIBS)
# The program opens SDL_image when a picture needs it (src/shell/picture.h).
# JPEGs are decoded with libjpeg (scaled, row by row; src/shell/jpeg.h) and
# their EXIF orientation read with libexif: both small, both linked.
PIC_CFLAGS   = $(shell $(PKG_CONFIG) --cflags libjpeg libexif)
PIC_LIBS     = $(shell $(PKG_CONFIG) --libs libjpeg libexif)
APP_LIBS     = $(shell $(PKG_CONFIG) --libs sdl2 SDL2_ttf) $(PIC_LIBS) \
	       $(FC_LIBS)

# The layout is the architecture (README, Code map): src/core/ is the pure
# core, built without SDL's include path (and checked by check-core for any
# SDL include); src/shell/ is the SDL layer; src/main.c is on top.
CORE_SRC  = $(wildcard src/core/*.c)
SHELL_SRC = $(wildcard src/shell/*.c)
CORE_OBJ  = $(CORE_SRC:src/%.c=build/obj/%.o)
APP_OBJ   = $(SHELL_SRC:src/%.c=build/obj/%.o) build/obj/main.o
ASAN_CORE = $(CORE_SRC:src/%.c=build/asan/%.o)
ASAN_SDL  = $(SHELL_SRC:src/%.c=build/asan/%.o)
CORE_INC  = -Isrc/core
SHELL_INC = -Isrc/core -Isrc/shell

# Tests named here draw through SDL; the others link the core only and see
# only its headers.
SDL_TESTS  = render screenfade overlay input app soak robust text
TEST_SRC   = $(wildcard tests/test_*.c)
TEST_BIN   = $(TEST_SRC:tests/%.c=build/tests/%)

ALL_CFLAGS = $(STD) $(WARN) $(CFLAGS) -MMD -MP \
	     -DVITRINE_VERSION='"$(VERSION)"'

.PHONY: all run test check unit deps deps-test format check-format \
	check-core clean install deb golden

all: build/vitrine

deps:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

run: deps
	@$(MAKE) --no-print-directory all
	./build/vitrine --windowed --mode present $(DECK)

test: deps-test
	@$(MAKE) --no-print-directory check

# Runs every test binary and script; the last line sums them up.
check: build/vitrine $(TEST_BIN) check-format check-core
	@tests/run.sh build/tests

build/vitrine: $(CORE_OBJ) $(APP_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(APP_LIBS) $(CJSON_LIBS) $(QR_LIBS) $(TEXT_LIBS) -lm

# Flags by folder: the core sees only its own headers (and cJSON, for
# deck.c, and the text libraries); the shell and main.c see SDL.
src_flags = $(if $(filter src/core/%,$1),$(CORE_INC) $(CJSON_CFLAGS) \
	    $(TEXT_CFLAGS),$(SHELL_INC) $(SDL_CFLAGS) $(PIC_CFLAGS) $(FC_CFLAGS) \
	    $(TEXT_CFLAGS))

build/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(call src_flags,$<) -c -o $@ $<

build/asan/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -O1 $(SANITIZE) $(call src_flags,$<) -c -o $@ $<

build/tests/test_%: tests/test_%.c $(ASAN_CORE) $(ASAN_SDL) | build/tests
	$(CC) $(ALL_CFLAGS) -O1 $(SANITIZE) $(CJSON_CFLAGS) \
		$(if $(filter $*,$(SDL_TESTS)),$(SHELL_INC) $(SDL_CFLAGS),\
		$(CORE_INC)) -o $@ $< $(ASAN_CORE) \
		$(if $(filter $*,$(SDL_TESTS)),$(ASAN_SDL) $(SDL_LIBS)) \
		$(CJSON_LIBS) $(QR_LIBS) $(TEXT_LIBS) -lm

build/tests:
	mkdir -p $@

# Keep object files between runs (make would delete them as intermediates).
.SECONDARY:

FORMAT_FILES = $(wildcard src/*.c src/*/*.[ch] tests/*.[ch])

format:
	clang-format -i $(FORMAT_FILES)

check-format:
	@if command -v clang-format >/dev/null; then \
		clang-format --dry-run -Werror $(FORMAT_FILES) && \
		echo "check-format: ok"; \
	else \
		echo "check-format: clang-format not installed, skipped"; \
	fi

# The core must not see SDL, in any spelling: <SDL.h>, "SDL_ttf.h",
# <SDL2/SDL.h> (which compiles even without SDL's include path).
check-core:
	@if grep -EinH '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]*/)?sdl' \
		src/core/*.[ch]; then \
		echo "check-core: the core (src/core/) includes SDL; move that code to src/shell/"; \
		exit 1; \
	fi
	@echo "check-core: ok, src/core/ includes no SDL header"

clean:
	rm -rf build

-include $(wildcard build/*/*.d build/*/*/*.d)

# make install / uninstall (PREFIX, DESTDIR): binary, fonts, deck, man page,
# systemd unit.
-include dist/install.mk

# make deb: the Debian package, by dpkg-buildpackage from debian/ (which runs
# make clean first). dpkg writes its files to the parent folder; the build
# dependencies are debian/control's (scripts/deps.sh test installs them).
deb:
	dpkg-buildpackage -us -uc -b
	@echo "make deb: $$(cd .. && pwd)/vitrine_$$(dpkg-parsechangelog -S Version)_$$(dpkg-architecture -qDEB_HOST_ARCH).deb"

# make fuzz / soak: the long reliability runs.
-include tests/fuzz/fuzz.mk

# make bench: performance figures beside the programs people use instead.
-include bench/bench.mk

# Refreshes the bundled deck's golden exports (tests/golden/) after a change
# to how slides look; look at build/golden/ before committing them.
golden: build/vitrine
	@sh tests/t_golden.sh --update
