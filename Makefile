# riskd — build, run and test. `make run` and `make test` are the whole quick start (README.md).
SHELL := /bin/bash
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
PYTHON ?= python3
PREFIX ?= /usr/local
DESTDIR ?=
CONFIGURATION ?= debug
BIN := .build/$(CONFIGURATION)

# Per-user paths for `make run`: the same ones riskctl looks at after --socket, $RISKD_SOCKET and /run/riskd.
RUNTIME_DIR := $(or $(XDG_RUNTIME_DIR),/run/user/$(shell id -u))
STATE_DIR := $(or $(XDG_STATE_HOME),$(HOME)/.local/state)
RUN_SOCKET := $(RUNTIME_DIR)/riskd/riskd.sock
RUN_DATABASE := $(STATE_DIR)/riskd/riskd.sqlite

APT_PACKAGES := libsqlite3-dev libsystemd-dev sqlite3 mandoc man-db systemd
PIP_PACKAGES := varlink pytest

.PHONY: all deps build release run test test-swift test-e2e lint-man bench clean

all: build

## deps: install the system and Python packages the build and the tests need, when they are missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@for p in $(PIP_PACKAGES); do $(PYTHON) -c "import $$p" 2>/dev/null || \
		$(PYTHON) -m pip install -q $$p 2>/dev/null || $(PYTHON) -m pip install -q --break-system-packages $$p; done
	@test -x "$(SWIFT)" || { echo "Swift 6.3 is needed (expected at /opt/swift/usr/bin/swift or on PATH)"; exit 1; }

## build: debug binaries in .build/debug (riskd, riskctl).
build: deps
	$(SWIFT) build --product riskd
	$(SWIFT) build --product riskctl

## release: optimised binaries in .build/release.
release: deps
	$(SWIFT) build -c release --product riskd
	$(SWIFT) build -c release --product riskctl

## run: build, then start riskd in the foreground on per-user paths (Ctrl-C stops it).
run: build
	@mkdir -p "$(dir $(RUN_SOCKET))" "$(dir $(RUN_DATABASE))"
	@echo "riskd: socket $(RUN_SOCKET), database $(RUN_DATABASE)"
	@echo "In another terminal: $(BIN)/riskctl --socket $(RUN_SOCKET) whoami"
	$(BIN)/riskd --socket "$(RUN_SOCKET)" --database "$(RUN_DATABASE)"

## test: everything CI checks — Swift suites, end-to-end and interop tests, manual pages.
test: build lint-man test-swift test-e2e

test-swift:
	$(SWIFT) test

test-e2e:
	RISKD=$(CURDIR)/$(BIN)/riskd RISKCTL=$(CURDIR)/$(BIN)/riskctl $(PYTHON) -m pytest -q -p no:cacheprovider Tests/e2e

lint-man:
	@for page in man/*.[0-9]; do mandoc -Tlint -Werror "$$page" || exit 1; done
	@echo "man pages: mandoc -Tlint clean"

## bench: performance against ../shared/bench (not built yet: see README.md, "Status").
bench:
	@echo "make bench: the benchmark harness is not written yet (risk.Get vs echo, risk.Add vs sqlite3)."
	@echo "See ../shared/bench/README.md for the limits it will compare riskd with."

clean:
	rm -rf .build
