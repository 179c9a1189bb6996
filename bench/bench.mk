# bench.mk: `make bench`, vitrine's figures beside sent, feh and impressive
# (see bench/run.sh). Included by the top Makefile, after its variables.
#
#   make bench            the full run, ~20 min; prints the table
#   make bench QUICK=1    a smoke run, ~3 min (bench/run.sh -q)
#   make bench-inproc     build/bench/inproc, the in-process half only
#   bench/photo.sh        a 48 MP photo: first frame, advance, memory, export
#                         (run by make bench after run.sh)
#   bench/languages.sh    the bundled deck in seven languages beside English
#                         only: export, check, first frame, peak memory
#                         (run by make bench after photo.sh)
#
# build/bench/inproc links the core and the shell but the player (player.c,
# frame.c, reload.c, presenter.c), built
# here with -O2 whatever CFLAGS says; build/bench/xprobe is the X probe.

BENCH_OUT ?= build/bench/out
BENCH_SRC  = $(filter-out src/shell/player.c src/shell/frame.c src/shell/reload.c src/shell/presenter.c src/shell/presenter_input.c src/shell/presenter_draw.c src/shell/announce.c src/shell/wallclock.c src/shell/holding.c,\
	     $(CORE_SRC) $(SHELL_SRC))
BENCH_OBJ  = $(BENCH_SRC:src/%.c=build/bench/obj/%.o) build/bench/obj/inproc.o
BENCH_FLAGS = $(STD) $(WARN) -O2 -g -MMD -MP -DVITRINE_VERSION='"$(VERSION)"'

.PHONY: bench bench-deps bench-inproc

bench: bench-deps
	@$(MAKE) --no-print-directory build/vitrine build/bench/inproc \
		build/bench/xprobe
	@bench/run.sh -B $(if $(filter-out 0,$(QUICK)),-q) -o $(BENCH_OUT)
	@bench/photo.sh -o $(BENCH_OUT)/photo $(if $(filter-out 0,$(QUICK)),-r 1)
	@bench/languages.sh -o $(BENCH_OUT)/languages \
		$(if $(filter-out 0,$(QUICK)),-r 1)

# scripts/deps.sh bench: build deps, Xvfb, xdotool, ImageMagick, clang;
# bench/run.sh -d: the peers (sent, feh, impressive), mupdf-tools, X headers.
bench-deps:
	@scripts/deps.sh bench
	@bench/run.sh -d

bench-inproc: build/bench/inproc
	build/bench/inproc slides/igf2007.json

build/bench/inproc: $(BENCH_OBJ)
	$(CC) -O2 -g $(LDFLAGS) -o $@ $^ $(SDL_LIBS) $(CJSON_LIBS) $(QR_LIBS) $(TEXT_LIBS) -lm

build/bench/obj/inproc.o: bench/inproc.c | build/bench/obj
	$(CC) $(BENCH_FLAGS) $(SHELL_INC) $(SDL_CFLAGS) -c -o $@ $<

build/bench/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_FLAGS) $(call src_flags,$<) -c -o $@ $<

build/bench/xprobe: bench/xprobe.c | build/bench
	$(CC) -O2 -Wall -o $@ $< -lX11 -lXext -lXtst

build/bench build/bench/obj:
	mkdir -p $@

-include $(wildcard build/bench/obj/*.d build/bench/obj/*/*.d)
