# kamdesk — developer and CI entry points.  `make` (or `make help`) lists them.
#
# Variables (override on the command line, e.g. `make build BUILD_DIR=/tmp/kd`):
#   BUILD_DIR  where the binary and the smoke-test screenshot go; never inside
#              the repository. Default: $(TMPDIR)/kamdesk-build, or
#              /tmp/kamdesk-build when TMPDIR is unset.
#   ARGS       arguments for `make run`, e.g. ARGS="--data /tmp/ws" or ARGS=demo.
#   GO         the go command (default: go, found on PATH or in /usr/local/go/bin).
#   FUZZTIME   how long `make fuzz` runs each fuzz test (default 30s; 1m, 500x...).
#   FUZZFLAGS  more flags for `make fuzz`, e.g. FUZZFLAGS=-parallel=1 on a shared machine.
#   VULNDB     where `make vulncheck` keeps the vulnerability database it builds
#              (default: ~/.cache/kamdesk/vulndb-VERSION; see .ci/vulncheck).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
# The steps of `make test` must run in order and stop at the first failure.
.NOTPARALLEL:
.SUFFIXES:

# Go lives in /usr/local/go on a fresh Debian install from go.dev; a go that is
# already on PATH wins.
export PATH := $(PATH):/usr/local/go/bin
# Fyne (GLFW/OpenGL) and the race detector both need cgo.
export CGO_ENABLED := 1

GO ?= go
BUILD_DIR ?= $(or $(TMPDIR),/tmp)/kamdesk-build
BINARY := $(BUILD_DIR)/kamdesk
CLI_BINARY := $(BUILD_DIR)/kamdesk-cli
ARGS ?=
FUZZTIME ?= 30s
FUZZFLAGS ?=
# The fuzz tests, as package:FuzzName. `go test` (and so `make test`) runs
# their seeds: the f.Add calls and the files in the package's
# testdata/fuzz/FuzzName/. `make fuzz` runs each for $(FUZZTIME); an input
# that fails is saved there and becomes a seed: look at it, fix, commit it.
FUZZ_TARGETS := \
	./dossier:FuzzParseDate \
	./dossier:FuzzOneLine \
	./proposal:FuzzParseDecimal \
	./proposal:FuzzParseSectionFile \
	./proposal:FuzzProposalRoundTrip \
	./proposal:FuzzAssemble \
	./proposal:FuzzSafeMarkdown \
	./proposal:FuzzRenderHTML \
	./proposal:FuzzCleanLogo \
	./app/contacts:FuzzRead \
	./app/contacts:FuzzReadCSV \
	./app/cli:FuzzPricingCSV \
	./app/cli:FuzzTerminalSafe \
	./app/cli:FuzzIndentJSON \
	./app/cli:FuzzUnescapeHTML \
	./app/i18n:FuzzFill \
	./app/i18n:FuzzScanCatalogue \
	./app/store:FuzzDecodeSummary \
	./app/store:FuzzParsePending
SCREENSHOT_DIR := assets/screenshots
# Extra options for .ci/install-deps; `test`, `smoke` and `screenshots` add --test.
DEPS_FLAGS :=

.PHONY: help run build test bench bench-compare bench-all fuzz screenshots clean vulncheck \
	deps fmt fmt-check vet staticcheck layering race smoke

help: ## list the targets
	@echo "kamdesk — make targets:"
	@echo "  run          install missing build deps, build, start the desktop app"
	@echo "               (default workspace; pass flags with ARGS=\"--data DIR\")"
	@echo "  build        build the binaries into \$$(BUILD_DIR): kamdesk ($(BINARY)) and"
	@echo "               kamdesk-cli, the command line without the desktop (faster to start)"
	@echo "  test         everything CI checks, failing fast: deps (--test), gofmt,"
	@echo "               go vet, staticcheck, layering, go test -race, build, GUI smoke test"
	@echo "  bench        the speed figures of the desktop on generated workspaces (BENCH_SIZE=huge|large)"
	@echo "  bench-compare  whole-process export time against goldmark alone, pandoc, cmark-gfm"
	@echo "  bench-all    every benchmark (go test -bench . -benchmem ./...)"
	@echo "  fuzz         run each fuzz test for \$$(FUZZTIME) ($(FUZZTIME)); a failing input is"
	@echo "               saved under the package's testdata/fuzz/ (make test runs the seeds)"
	@echo "  screenshots  run the GUI smoke test, save the window to $(SCREENSHOT_DIR)/ (and at 1024x700 and 1920x1080 to $(BUILD_DIR)/screenshots/), and four pages of an exported PDF; LANG=ru|bg|hu|nb|fil: the desk in that language, into $(BUILD_DIR)/screenshots/LANG"
	@echo "  vulncheck    govulncheck against a local copy of the Go vulnerability database"
	@echo "               (built once from the module golang.org/x/vulndb; not part of test)"
	@echo "  clean        remove \$$(BUILD_DIR) and Fyne golden failures (testdata/failed/)"
	@echo "  help         this list (the default)"
	@echo "single CI steps: deps fmt-check vet staticcheck layering race smoke;"
	@echo "fmt rewrites files with gofmt -w"

# ---------------------------------------------------------------- dependencies

deps: ## install missing system packages (apt) / say what to install
	@.ci/install-deps $(DEPS_FLAGS)

test smoke screenshots: DEPS_FLAGS := --test

# ---------------------------------------------------------------------- build

# kamdesk-cli links no C: built without cgo it is a static binary that
# starts without the dynamic loader and libc (a few ms at every command).
# Both are built without the symbol table and DWARF (-s -w: a panic's
# trace still names functions and lines, from the runtime's own table):
# kamdesk-cli is 19 MB instead of 26 MB and starts 2-4 ms sooner
# (`--version`, 2026-12-02, perf stat -r 20: 24.8 ms instead of 29.2 ms).
RELEASE_LDFLAGS := -s -w
build: deps
	@mkdir -p "$(BUILD_DIR)"
	$(GO) build -ldflags="$(RELEASE_LDFLAGS)" -o "$(BINARY)" .
	CGO_ENABLED=0 $(GO) build -ldflags="$(RELEASE_LDFLAGS)" -o "$(CLI_BINARY)" ./app/cli/kamdesk-cli
	@echo "built $(BINARY) and $(CLI_BINARY) (the command line alone)"

run: deps build
	"$(BINARY)" $(ARGS)

# ------------------------------------------------------------------------ test

test: deps fmt-check vet staticcheck layering race build smoke
	@echo "== make test: all checks passed"

# gofmt of the same toolchain as $(GO) (formatting can change between releases).
GOFMT = $(shell $(GO) env GOROOT)/bin/gofmt
GO_SOURCES = find . -path ./.git -prune -o -name testdata -prune -o -type f -name '*.go' -print

fmt-check:
	@echo "== gofmt"
	@files=$$($(GO_SOURCES)); bad=; \
	if [[ -n "$$files" ]]; then bad=$$("$(GOFMT)" -l $$files); fi; \
	if [[ -n "$$bad" ]]; then \
		echo "gofmt: these files are not formatted (run 'make fmt'):" >&2; \
		sed 's/^/    /' <<<"$$bad" >&2; \
		exit 1; \
	fi

fmt:
	@files=$$($(GO_SOURCES)); if [[ -n "$$files" ]]; then "$(GOFMT)" -l -w $$files; fi

vet:
	@echo "== go vet ./..."
	@$(GO) vet ./...

# The Go tools (staticcheck, govulncheck) that .ci/install-tools pins and
# installs into GOBIN, or the first directory of GOPATH + /bin.
TOOLS_BIN = $(or $(shell $(GO) env GOBIN),$(firstword $(subst :, ,$(shell $(GO) env GOPATH)))/bin)

# .ci/install-tools installs the pinned staticcheck when it is missing or of
# another version (silent otherwise); .ci/run installs it beforehand.
staticcheck:
	@echo "== staticcheck ./..."
	@.ci/install-tools --quiet staticcheck
	@"$(TOOLS_BIN)/staticcheck" ./...

# The domain (dossier/) and the proposal engine (proposal/) must stay free of
# the GUI toolkit and of the storage engine: no fyne.io, no dgraph-io.
layering:
	@echo "== layering: dossier/, proposal/ and app/contacts must not depend on fyne.io or dgraph-io"
	@[[ -d dossier ]] || { echo "layering: dossier/ is missing" >&2; exit 1; }
	@pkgs="./dossier/... ./app/contacts"; \
	if [[ -e proposal ]]; then pkgs="$$pkgs ./proposal/..."; fi; \
	errf=$$(mktemp); trap 'rm -f "$$errf"' EXIT; \
	edges=$$($(GO) list -deps -f '{{.ImportPath}}{{range .Imports}} {{.}}{{end}}' $$pkgs 2>"$$errf") || { \
		cat "$$errf" >&2; echo "layering: go list failed" >&2; exit 1; }; \
	if grep -q 'matched no packages' "$$errf"; then \
		cat "$$errf" >&2; echo "layering: a layered directory contains no Go packages" >&2; exit 1; fi; \
	cat "$$errf" >&2; \
	bad=$$(awk '$$1 !~ /fyne\.io|dgraph-io/ { for (i = 2; i <= NF; i++) if ($$i ~ /fyne\.io|dgraph-io/) print "    " $$1 " imports " $$i }' <<<"$$edges"); \
	if [[ -n "$$bad" ]]; then \
		echo "layering: FAIL: $$pkgs must not depend on fyne.io/... or github.com/dgraph-io/..." >&2; \
		echo "$$bad" >&2; \
		exit 1; \
	fi
	@echo "== layering: the command line (kamdesk-cli too), export, store and i18n (all but i18n/fynelang) must not depend on fyne.io"
	@fyne=$$($(GO) list -deps -test ./app/cli ./app/cli/kamdesk-cli ./app/export ./app/store/... ./app/i18n ./app/i18n/quiet | grep '^fyne\.io/' || true); \
	if [[ -n "$$fyne" ]]; then \
		echo "layering: FAIL: they depend on:" >&2; echo "$$fyne" >&2; exit 1; \
	fi

race:
	@echo "== go test -race -count=1 -timeout 40m ./..."
	@# The UI tests take minutes under the race detector on two cores; go
	@# test's default 10-minute limit is too tight for a busy CI machine.
	@# KAMDESK_REQUIRE_STRACE: the durability test must run, not skip.
	@# KAMDESK_REQUIRE_MOUNT: so must the tests that mount a read-only view
	@# or a small tmpfs (CI machines run as root and may mount).
	@KAMDESK_REQUIRE_STRACE=1 KAMDESK_REQUIRE_MOUNT=1 $(GO) test -race -count=1 -timeout 40m ./...

smoke: build
	@echo "== GUI smoke test"
	@.ci/gui-smoke "$(BINARY)"

# ----------------------------------------------------------------- other tools

# Not part of test: the first run builds the database (minutes), and a fix
# may need a newer Go than the machine has.
vulncheck:
	@.ci/install-tools --quiet govulncheck
	@GOVULNCHECK="$(TOOLS_BIN)/govulncheck" .ci/vulncheck

# The figures of issue 10 on generated workspaces (5,000 accounts, 100,000
# people, 2,000 proposals; BENCH_SIZE=large for 500/20,000/200): what the UI
# goroutine spends opening each list, creating a proposal, the proposals
# list's data with cached readiness, what the screens read, search as you
# type (p95 a keystroke) and typing in a 20,000-character note. Medians of
# BENCH_COUNT runs; the machine is shared, so compare ratios.
BENCH_SIZE ?= huge
BENCH_COUNT ?= 3
bench:
	@echo "== make bench: issue-10 figures at size $(BENCH_SIZE) (BENCH_SIZE=large|huge), $(BENCH_COUNT) runs each"
	KAMDESK_BENCH_SIZE=$(BENCH_SIZE) $(GO) test -run '^$$' -bench 'ScreensOnUIGoroutine|Start' -benchtime 3x -count $(BENCH_COUNT) -timeout 60m ./app
	KAMDESK_BENCH_SIZE=$(BENCH_SIZE) $(GO) test -run '^$$' -bench 'Open$$|CreateProposalLean|ProposalsList|ScreenReads' -benchtime 3x -count $(BENCH_COUNT) -timeout 60m ./app/store
	$(GO) test -run '^$$' -bench 'Typing|IndexBuild' -benchtime 2x -count $(BENCH_COUNT) -timeout 30m ./app/search
	$(GO) test -run '^$$' -bench 'TextAreaTyping20k' -count $(BENCH_COUNT) ./app/ui
	@echo "== issue-14 figures: the list commands at 1k/10k/100k people (growth ratios), export against goldmark alone"
	KAMDESK_BENCH_SIZE=$(BENCH_SIZE) $(GO) test -run '^$$' -bench 'ListCommands' -benchtime 3x -timeout 60m ./app/cli
	$(GO) test -run '^$$' -bench 'ExportVsGoldmark' -benchtime 30x -count $(BENCH_COUNT) ./proposal

# Whole-process export time against goldmark alone, pandoc and cmark-gfm
# (when installed: apt install pandoc cmark-gfm). Not run by CI.
bench-compare:
	GO=$(GO) .ci/bench-compare

# Every benchmark of every package.
bench-all:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# go test fuzzes one test of one package at a time.
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t#*:}; \
		echo "== fuzz $$name in $$pkg for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime "$(FUZZTIME)" $(FUZZFLAGS) "$$pkg" || exit 1; \
	done
	@echo "== make fuzz: no failing input found"

# One real-window screenshot per main screen, for the README: NAME=PLACE.
SCREENS := accounts=accounts dossier=account/northbridge people=people \
	team=team agenda=agenda proposals=proposals library=library \
	builder=proposal/prop-northbridge-modular-controls \
	preview=proposal/prop-northbridge-modular-controls:audiences \
	readiness=proposal/prop-castellan-calm-rollout:readiness

# Each screen also at a 13-inch laptop's 1024x700 and a large monitor's
# 1920x1080, into $(BUILD_DIR)/screenshots, each failing when the window
# had to grow beyond the screen (what is inside it is checked by the
# tests: TestEveryScreenFitsTheWindow).
SCREEN_SIZES := 1024x700 1920x1080
SIZED_DIR := $(BUILD_DIR)/screenshots

# make screenshots LANG=ru (or bg, hu, nb, fil): the same screens with the
# desk in that language, at 1280x800 too, into $(BUILD_DIR)/screenshots/ru;
# the README's English ones are left alone. What is inside each screen is
# checked in every language by TestEveryScreenFitsInEveryLanguage.
SHOT_LANG := $(filter ru bg hu nb fil,$(LANG))
ifneq ($(SHOT_LANG),)
SCREENSHOT_DIR := $(BUILD_DIR)/screenshots/$(SHOT_LANG)
SIZED_DIR := $(SCREENSHOT_DIR)
SCREEN_SIZES := 1280x800
export KAMDESK_LANG := $(SHOT_LANG)
endif

screenshots: build
	@mkdir -p "$(SCREENSHOT_DIR)" "$(SIZED_DIR)"
	@for s in $(SCREENS); do \
		echo "== screenshot $${s%%=*} ($${s#*=})"; \
		.ci/gui-smoke --crop --open "$${s#*=}" "$(BINARY)" "$(SCREENSHOT_DIR)/$${s%%=*}.png" || exit 1; \
		for z in $(SCREEN_SIZES); do \
			.ci/gui-smoke --crop --size "$$z" --open "$${s#*=}" "$(BINARY)" "$(SIZED_DIR)/$${s%%=*}-$$z.png" || exit 1; \
		done; \
	done
	@echo "== the first four pages of the sample's sent proposal, finance variant, as a PDF"
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
		"$(BINARY)" --data "$$tmp/ws" demo >/dev/null && \
		"$(BINARY)" --data "$$tmp/ws" proposal export prop-northbridge-modular-controls --audience finance --format pdf -o "$$tmp/p.pdf" >/dev/null && \
		pdftoppm -r 40 -png -f 1 -l 4 "$$tmp/p.pdf" "$$tmp/page" && \
		montage "$$tmp"/page-*.png -tile 4x1 -geometry +8+8 -background '#d0d0d0' "$(SCREENSHOT_DIR)/proposal-pdf.png"

clean:
	rm -rf "$(BUILD_DIR)"
	find . -path ./.git -prune -o -type d -path '*/testdata/failed' -prune -exec rm -rf {} +
