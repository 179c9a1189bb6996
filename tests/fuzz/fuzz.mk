# fuzz.mk: the long reliability runs, included by the Makefile.
#
#   make fuzz         libFuzzer on the deck loader for FUZZ_SECONDS (1800)
#   make fuzz-smoke   the same for FUZZ_SMOKE_SECONDS (120); make test runs
#                     it through tests/t_fuzz.sh
#   make fuzz FUZZ_LAYOUT=1
#                     also lays out every deck that loads and checks the
#                     layout's promises (about 5 times fewer runs a second)
#   make soak         test_soak at full length (about 50 min): 100,000
#                     slide changes through the real player,
#                     1,000 reloads, 10,000 input events per mode
#
# The fuzzer is clang's libFuzzer with ASan and UBSan (gcc has none):
# scripts/deps.sh bench installs clang and libclang-rt-14-dev. It links
# Debian's libcjson, which is not instrumented, so coverage is our code's
# (json_scan.c's strict scanner runs first; cJSON only builds the tree of
# what passed it). The seeds are every deck in tests/data and the bundled
# deck; what the fuzzer adds stays in build/fuzz/corpus between runs. A
# crash stops the run and is written to build/fuzz/artifacts/: make it a
# fixture in tests/data/hostile (NAME.json + NAME.err) and fix the cause.
# The whole log of the last run is build/fuzz/last.log.

FUZZ_CC            ?= clang
FUZZ_SECONDS       ?= 1800
FUZZ_SMOKE_SECONDS ?= 120
FUZZ_MAX_LEN       ?= 16384
FUZZ_LAYOUT        ?= 0
FUZZ_ARGS          ?=
FUZZ_DIR           = build/fuzz
FUZZ_BIN           = $(FUZZ_DIR)/fuzz_deck$(if $(filter 1,$(FUZZ_LAYOUT)),_layout)
FUZZ_FLAGS         = -g -O1 -fno-omit-frame-pointer \
		     -fsanitize=fuzzer,address,undefined \
		     -fno-sanitize-recover=undefined
FUZZ_SEEDS         = $(wildcard tests/data/good/*.json tests/data/bad/*.json \
		     tests/data/hostile/*.json tests/data/e2e/*.json \
		     tests/data/announce/*.json tests/data/schedule/*.json) \
		     slides/igf2007.json

SOAK_CHANGES ?= 100000
SOAK_RELOADS ?= 1000
SOAK_EVENTS  ?= 10000

.PHONY: fuzz fuzz-smoke fuzz-deps fuzz-build fuzz-run soak fuzz-picture

# make fuzz-picture: libFuzzer on the picture headers, the area averaging
# and the orientations (tests/fuzz/fuzz_picture.c) for FUZZ_PICTURE_SECONDS,
# seeded with the pictures in tests/data; t_fuzz runs it for 30 s.
FUZZ_PICTURE_SECONDS ?= 300
$(FUZZ_DIR)/fuzz_picture: tests/fuzz/fuzz_picture.c $(CORE_SRC) \
		$(wildcard src/core/*.h)
	@mkdir -p $(FUZZ_DIR)
	$(FUZZ_CC) $(STD) $(WARN) $(FUZZ_FLAGS) $(CORE_INC) \
		-o $@ tests/fuzz/fuzz_picture.c src/core/picture_policy.c \
		src/core/shrink.c src/core/orientation.c src/core/util.c -lm

fuzz-picture: fuzz-deps
	@$(MAKE) --no-print-directory $(FUZZ_DIR)/fuzz_picture
	@mkdir -p $(FUZZ_DIR)/picture-corpus $(FUZZ_DIR)/picture-seeds \
		$(FUZZ_DIR)/artifacts
	@cp tests/data/pictures/*.* tests/data/good/*.png \
		$(FUZZ_DIR)/picture-seeds/
	$(FUZZ_DIR)/fuzz_picture -max_len=65536 -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix=$(FUZZ_DIR)/artifacts/ \
		-max_total_time=$(FUZZ_PICTURE_SECONDS) \
		$(FUZZ_DIR)/picture-corpus $(FUZZ_DIR)/picture-seeds

fuzz-deps:
	@scripts/deps.sh bench

fuzz-build: fuzz-deps
	@$(MAKE) --no-print-directory $(FUZZ_BIN)

$(FUZZ_DIR)/fuzz_deck $(FUZZ_DIR)/fuzz_deck_layout: tests/fuzz/fuzz_deck.c \
		$(CORE_SRC) $(wildcard src/core/*.h)
	@mkdir -p $(FUZZ_DIR)
	$(FUZZ_CC) $(STD) $(WARN) $(FUZZ_FLAGS) $(CORE_INC) $(CJSON_CFLAGS) $(TEXT_CFLAGS) \
		-DFUZZ_LAYOUT=$(if $(findstring _layout,$@),1,0) \
		-o $@ tests/fuzz/fuzz_deck.c $(CORE_SRC) $(CJSON_LIBS) $(QR_LIBS) $(TEXT_LIBS) -lm

# Seeds are copied flat (libFuzzer takes folders); names keep their origin.
$(FUZZ_DIR)/seeds/.stamp: $(FUZZ_SEEDS)
	@rm -rf $(FUZZ_DIR)/seeds
	@mkdir -p $(FUZZ_DIR)/seeds
	@for f in $(FUZZ_SEEDS); do \
		cp "$$f" "$(FUZZ_DIR)/seeds/$$(echo "$$f" | tr / _)"; \
	done
	@touch $@

# FUZZ_TIME seconds of $(FUZZ_BIN). Progress lines (pulse, DONE) and any
# error show as it runs; the final stat:: lines give executions and speed.
fuzz-run: $(FUZZ_DIR)/seeds/.stamp
	@mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/artifacts
	@{ $(FUZZ_BIN) -dict=tests/fuzz/deck.dict -max_len=$(FUZZ_MAX_LEN) \
		-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix=$(FUZZ_DIR)/artifacts/ $(FUZZ_ARGS) \
		-max_total_time=$(FUZZ_TIME) $(FUZZ_DIR)/corpus \
		$(FUZZ_DIR)/seeds; echo $$? >$(FUZZ_DIR)/rc; } 2>&1 | \
		tee $(FUZZ_DIR)/last.log | \
		grep --line-buffered -vE '^#[0-9]+[[:space:]]+(NEW|REDUCE)[[:space:]]'; \
	rc=$$(cat $(FUZZ_DIR)/rc); \
	if [ "$$rc" -ne 0 ]; then \
		echo "fuzz: exit status $$rc; see $(FUZZ_DIR)/last.log and $(FUZZ_DIR)/artifacts/"; \
		exit 1; \
	fi

fuzz: fuzz-build
	@$(MAKE) --no-print-directory fuzz-run FUZZ_TIME=$(FUZZ_SECONDS)

fuzz-smoke: fuzz-build
	@$(MAKE) --no-print-directory fuzz-run FUZZ_TIME=$(FUZZ_SMOKE_SECONDS)

soak: deps-test
	@$(MAKE) --no-print-directory build/tests/test_soak
	SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software \
	SDL_FRAMEBUFFER_ACCELERATION=0 DBUS_SESSION_BUS_ADDRESS=disabled: \
	SOAK_CHANGES=$(SOAK_CHANGES) SOAK_RELOADS=$(SOAK_RELOADS) \
	SOAK_EVENTS=$(SOAK_EVENTS) build/tests/test_soak
