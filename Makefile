# vitrine: an offline kiosk presentation app. GNU make.
#
#   make run      install what is missing, build, show the bundled deck
#   make test     install what is missing, build, run every test
#   make          build build/vitrine
#   make format / check-format / clean / install

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
SDL_CFLAGS   = $(shell $(PKG_CONFIG) --cflags sdl2 SDL2_ttf SDL2_image)
SDL_LIBS     = $(shell $(PKG_CONFIG) --libs sdl2 SDL2_ttf SDL2_image)
# The program opens SDL_image when a picture needs it (src/picture.h).
APP_LIBS     = $(shell $(PKG_CONFIG) --libs sdl2 SDL2_ttf)

# The SDL layer; every other file in src/ is the pure core, built without
# SDL's include path so that an SDL include there fails to compile.
SDL_MODS  = render picture screenfade overlay input watch app player main
SDL_SRC   = $(SDL_MODS:%=src/%.c)
CORE_SRC  = $(filter-out $(SDL_SRC),$(wildcard src/*.c))
CORE_OBJ  = $(CORE_SRC:src/%.c=build/obj/%.o)
APP_OBJ   = $(SDL_SRC:src/%.c=build/obj/%.o)
ASAN_CORE = $(CORE_SRC:src/%.c=build/asan/%.o)
ASAN_SDL  = $(filter-out build/asan/main.o,$(SDL_SRC:src/%.c=build/asan/%.o))

# Tests named here draw through SDL; the others link the core only.
SDL_TESTS  = render screenfade overlay input app soak robust
TEST_SRC   = $(wildcard tests/test_*.c)
TEST_BIN   = $(TEST_SRC:tests/%.c=build/tests/%)

ALL_CFLAGS = $(STD) $(WARN) $(CFLAGS) -MMD -MP \
	     -DVITRINE_VERSION='"$(VERSION)"'

.PHONY: all run test check unit deps deps-test format check-format clean \
	install

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
check: build/vitrine $(TEST_BIN) check-format
	@tests/run.sh build/tests

build/vitrine: $(CORE_OBJ) $(APP_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(APP_LIBS) $(CJSON_LIBS) -lm

build/obj/%.o: src/%.c | build/obj
	$(CC) $(ALL_CFLAGS) $(if $(filter $(SDL_SRC),$<),$(SDL_CFLAGS)) \
		$(if $(filter src/deck.c,$<),$(CJSON_CFLAGS)) -c -o $@ $<

build/asan/%.o: src/%.c | build/asan
	$(CC) $(ALL_CFLAGS) -O1 $(SANITIZE) \
		$(if $(filter $(SDL_SRC),$<),$(SDL_CFLAGS)) \
		$(if $(filter src/deck.c,$<),$(CJSON_CFLAGS)) -c -o $@ $<

build/tests/test_%: tests/test_%.c $(ASAN_CORE) $(ASAN_SDL) | build/tests
	$(CC) $(ALL_CFLAGS) -O1 $(SANITIZE) -Isrc $(CJSON_CFLAGS) \
		$(if $(filter $*,$(SDL_TESTS)),$(SDL_CFLAGS)) -o $@ $< \
		$(ASAN_CORE) \
		$(if $(filter $*,$(SDL_TESTS)),$(ASAN_SDL) $(SDL_LIBS)) \
		$(CJSON_LIBS) -lm

build/obj build/asan build/tests:
	mkdir -p $@

# Keep object files between runs (make would delete them as intermediates).
.SECONDARY:

FORMAT_FILES = $(wildcard src/*.[ch] tests/*.[ch])

format:
	clang-format -i $(FORMAT_FILES)

check-format:
	@if command -v clang-format >/dev/null; then \
		clang-format --dry-run -Werror $(FORMAT_FILES) && \
		echo "check-format: ok"; \
	else \
		echo "check-format: clang-format not installed, skipped"; \
	fi

clean:
	rm -rf build

-include $(wildcard build/*/*.d)

# make install / uninstall (PREFIX, DESTDIR): binary, fonts, deck, man page,
# systemd unit.
-include dist/install.mk

# make fuzz / soak: the long reliability runs.
-include tests/fuzz/fuzz.mk

# make bench: performance figures beside the programs people use instead.
-include bench/bench.mk
