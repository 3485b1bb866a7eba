# riskd — build, run and test. `make run` and `make test` are the whole quick start (README.md).
SHELL := /bin/bash
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
PYTHON ?= python3
PREFIX ?= /usr/local
DESTDIR ?=
CONFIGURATION ?= debug
BIN := .build/$(CONFIGURATION)

# `make install`: release binaries unless CONFIGURATION is given (`make install CONFIGURATION=debug`).
# INSTALL_BIN=DIR installs riskd and riskctl from DIR as they are, without building them.
INSTALL_CONFIGURATION := $(if $(filter command line environment,$(origin CONFIGURATION)),$(CONFIGURATION),release)
INSTALL_BIN ?= .build/$(INSTALL_CONFIGURATION)
# The installed programs are stripped of their symbol tables (-s); `INSTALL_STRIP=` keeps them.
INSTALL_STRIP ?= -s
BINDIR := $(PREFIX)/bin
UNITDIR := $(PREFIX)/lib/systemd/system
SYSUSERSDIR := $(PREFIX)/lib/sysusers.d
CATALOGDIR := $(PREFIX)/lib/systemd/catalog
MANDIR := $(PREFIX)/share/man
BASH_COMPLETIONDIR := $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETIONDIR := $(PREFIX)/share/zsh/vendor-completions
FISH_COMPLETIONDIR := $(PREFIX)/share/fish/vendor_completions.d
# The examples and the board-pack template (packaging/share-files).
SHAREDIR := $(PREFIX)/share/riskd
SHARE_FILES := $(shell sed -n 's/^\([^\#][^ ]*\) \(.*\)$$/\1:\2/p' packaging/share-files)
# The sshd drop-in for board accounts (riskctl(1), RISKCTL-SHELL), installed off.
SSHD_DROPIN_DIR := $(PREFIX)/share/riskd/sshd
# riskd reads /etc/riskd/riskd.toml whatever the prefix.
CONFIGDIR := /etc/riskd

# The per-user socket of `riskd --user` (`make run`), the one riskctl looks at after --socket, $RISKD_SOCKET and
# /run/riskd.
RUNTIME_DIR := $(or $(XDG_RUNTIME_DIR),/run/user/$(shell id -u))
RUN_SOCKET := $(RUNTIME_DIR)/riskd/riskd.sock

# Release builds link the Swift runtime in, with the toolchain's lld. The toolchain's static Foundation
# (libFoundationEssentials.a, its temporary-file code) calls mktemp, and GNU ld prints glibc's link-time warning
# about it in every static link, whatever the program does; riskd never calls mktemp. lld links the same objects
# without that warning.
# -z now (full RELRO): every dynamic symbol bound at start, so the GOT can be read-only (lintian's hardening check).
# --no-export-dynamic undoes the toolchain's -export-dynamic (static-stdlib-args.lnk), which put every public symbol of
# every module in the dynamic symbol table and so kept it past --gc-sections: 30 000 symbols in riskd, nothing that
# looks them up (the Swift runtime finds types through its own sections). 3.4 MB off riskd, 2.3 MB off riskctl.
# -z pack-relative-relocs (DT_RELR, glibc 2.36 as in Debian 12): the position-independent programs' relative
# relocations packed into bitmaps, 2.6 MB off riskd and 1.5 MB off riskctl.
STATIC_FLAGS := --static-swift-stdlib -Xswiftc -use-ld=lld -Xlinker -z -Xlinker now -Xlinker --no-export-dynamic -Xlinker -z -Xlinker pack-relative-relocs

# dpkg-dev, binutils and lintian build and check the package (`make deb`); systemd-container boots the machine of
# the system tests (Tests/system); chromium and poppler-utils render the board pack in its tests; postfix is the
# real MTA the mail tests deliver through, preseeded "Local only" (loopback, no relay) so that nothing leaves the
# machine. openssh-server is the real sshd the tests of riskctl --host start themselves, on a free loopback port
# (never the system's ssh.service).
APT_PACKAGES := libsqlite3-dev libsystemd-dev sqlite3 mandoc man-db systemd strace dpkg-dev binutils lintian \
	systemd-container chromium poppler-utils fonts-dejavu-core postfix openssh-server
PIP_PACKAGES := varlink pytest

.PHONY: all deps build release deb run test test-swift test-e2e test-system soak fuzz fuzz-build lint format lint-man bench bench-tools size clean \
	install install-build uninstall install-check

all: build

## deps: install the system and Python packages the build and the tests need, when they are missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		printf '%s\n' "postfix postfix/main_mailer_type select Local only" \
			"postfix postfix/mailname string $$(hostname -f 2>/dev/null || hostname)" | $$SUDO debconf-set-selections; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@for p in $(PIP_PACKAGES); do $(PYTHON) -c "import $$p" 2>/dev/null || \
		$(PYTHON) -m pip install -q $$p 2>/dev/null || $(PYTHON) -m pip install -q --break-system-packages $$p; done
	@test -x "$(SWIFT)" || { echo "Swift 6.3 is needed (expected at /opt/swift/usr/bin/swift or on PATH)"; exit 1; }

## build: debug binaries in .build/debug (riskd, riskctl).
build: deps
	$(SWIFT) build --product riskd
	$(SWIFT) build --product riskctl

## release: optimised binaries in .build/release, with the Swift runtime linked in (what `make install` and
## `make bench` use: they run on a server without the Swift toolchain).
release: deps
	$(SWIFT) build -c release $(STATIC_FLAGS) --product riskd
	$(SWIFT) build -c release $(STATIC_FLAGS) --product riskctl

## deb: out/riskd_VERSION_ARCH.deb from the release binaries, with dpkg-deb (packaging/deb/build-deb.sh); see
## docs/install.md, "From the Debian package". VERSION is riskd's own unless DEB_VERSION is given.
DEB_OUT := out
DEB_VERSION ?= $(shell sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/RiskProtocol/RiskdProtocol.swift)
deb: release
	bash packaging/deb/build-deb.sh .build/release $(DEB_OUT) $(DEB_VERSION)

## run: build, then start riskd in the foreground on per-user paths (Ctrl-C stops it).
run: build
	@echo "In another terminal: $(BIN)/riskctl whoami   (riskctl finds $(RUN_SOCKET) by itself)"
	$(BIN)/riskd --user

## test: everything CI checks — Swift suites, end-to-end and interop tests, manual pages.
test: build lint lint-man test-swift test-e2e test-system

test-swift:
	$(SWIFT) test

test-e2e:
	RISKD=$(CURDIR)/$(BIN)/riskd RISKCTL=$(CURDIR)/$(BIN)/riskctl $(PYTHON) -m pytest -q -p no:cacheprovider Tests/e2e

## test-system: the package installed, upgraded, removed and purged in a container that boots systemd as PID 1, and
## riskd.service tested there (Tests/system; skipped, saying why, where no container can boot). The "previous
## version" of the upgrade test is this build packaged again with a lower version (Tests/system/conftest.py).
test-system: deb
	bash packaging/deb/build-deb.sh .build/release $(DEB_OUT)/previous "$(DEB_VERSION)~previous" >/dev/null
	RISKD_DEB=$$(ls $(CURDIR)/$(DEB_OUT)/riskd_$(DEB_VERSION)_*.deb) \
	RISKD_DEB_PREVIOUS=$$(ls $(CURDIR)/$(DEB_OUT)/previous/riskd_$(DEB_VERSION)~previous_*.deb) \
		$(PYTHON) -m pytest -q -rs -p no:cacheprovider Tests/system

## soak: the soak test for longer than `make test` runs it (SOAK_SECONDS, default 300), with its figures printed.
SOAK_SECONDS ?= 300
soak: build
	SOAK_SECONDS=$(SOAK_SECONDS) RISKD=$(CURDIR)/$(BIN)/riskd RISKCTL=$(CURDIR)/$(BIN)/riskctl \
		$(PYTHON) -m pytest -q -s -p no:cacheprovider Tests/e2e/test_soak.py

## fuzz: libFuzzer over the frame decoder and the call dispatcher with an in-memory database, for SECONDS (default 60):
## `make fuzz SECONDS=600`. The target is riskd-fuzz (Sources/riskd-fuzz, harness in Sources/RiskFuzzing), built with
## -sanitize=fuzzer (and address, see FUZZ_SANITIZERS) and -DFUZZING in its own scratch path, .build-fuzz, so .build
## is never invalidated. libFuzzer runs on a copy of Tests/fuzz/corpus with the Varlink dictionary; inputs that add
## coverage (up to FUZZ_KEEP_BYTES) are merged back into Tests/fuzz/corpus (commit them); every crash is kept in
## Tests/fuzz/crashes
## (commit it with its fix). `make test` replays both directories without the sanitizer build (RiskFuzzingTests).
## Not part of `make test`. Generate the seed inputs again with `python3 Tests/fuzz/make_seeds.py`.
SECONDS ?= 60
# Merged inputs larger than this are not kept, so that the committed corpus stays small (well under 1 MB).
FUZZ_KEEP_BYTES ?= 1024
FUZZ_SANITIZERS ?= fuzzer,address
FUZZ_SCRATCH := .build-fuzz
FUZZ_BIN := ASAN_OPTIONS=detect_leaks=0 $(FUZZ_SCRATCH)/release/riskd-fuzz
# No leak detection (-detect_leaks=0 for each input, ASAN_OPTIONS for the check at exit): LeakSanitizer cannot see the
# side table of a Swift weak reference (its pointer is stored encoded in the object's reference count), so every
# `[weak self]` reads as a leak.
FUZZ_OPTIONS := -dict=Tests/fuzz/varlink.dict -max_len=8192 -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 \
	-print_final_stats=1

# Linked with the toolchain's lld, as release builds are: the system's gold fails on the sanitized host plugin
# (VarlinkGenerator), with an internal error in its DWARF reader.
fuzz-build: deps
	$(SWIFT) build -c release --scratch-path $(FUZZ_SCRATCH) --product riskd-fuzz \
		-Xswiftc -sanitize=$(FUZZ_SANITIZERS) -Xswiftc -DFUZZING -Xswiftc -use-ld=lld

fuzz: fuzz-build
	@mkdir -p Tests/fuzz/corpus Tests/fuzz/crashes
	@work=$$(mktemp -d) && cp Tests/fuzz/corpus/* "$$work/" && \
	$(FUZZ_BIN) $(FUZZ_OPTIONS) -max_total_time=$(SECONDS) -artifact_prefix=Tests/fuzz/crashes/ "$$work"; \
	status=$$?; \
	ls Tests/fuzz/corpus > "$$work.before"; \
	$(FUZZ_BIN) $(FUZZ_OPTIONS) -artifact_prefix=Tests/fuzz/crashes/ -merge=1 Tests/fuzz/corpus "$$work" 2>&1 | \
		grep -E "MERGE-OUTER: [0-9]+ new files"; \
	for f in Tests/fuzz/corpus/*; do grep -qxF "$${f##*/}" "$$work.before" || \
		[ "$$(stat -c %s "$$f")" -le $(FUZZ_KEEP_BYTES) ] || rm "$$f"; done; \
	rm -rf "$$work" "$$work.before"; \
	if [ $$status -ne 0 ]; then echo "make fuzz: libFuzzer stopped ($$status); the input is in Tests/fuzz/crashes"; fi; \
	exit $$status

## lint: `swift format lint` with the repository's .swift-format (4 spaces, 120 columns); `make format` fixes.
SWIFT_FORMAT_PATHS := Package.swift Sources Tests Plugins
lint:
	$(SWIFT) format lint --strict --parallel --recursive $(SWIFT_FORMAT_PATHS)
	@echo "swift format: clean"

format:
	$(SWIFT) format format --in-place --parallel --recursive $(SWIFT_FORMAT_PATHS)

lint-man:
	@for page in man/*.[0-9]; do mandoc -Tlint -Werror "$$page" || exit 1; done
	@echo "man pages: mandoc -Tlint clean"

## install: binaries, systemd units (riskd.service and .socket, riskd-mail.service and .timer), sysusers file,
## journal catalog, manuals, shell completions, the examples and the board-pack template (PREFIX/share/riskd) and
## the configuration (kept when one exists, and naming the examples' place under PREFIX) under DESTDIR and PREFIX:
## `make install PREFIX=/usr`. See docs/install.md.
install: $(if $(filter command line environment,$(origin INSTALL_BIN)),,install-build)
	@test -x "$(INSTALL_BIN)/riskd" -a -x "$(INSTALL_BIN)/riskctl" || \
		{ echo "make install: no riskd and riskctl in $(INSTALL_BIN)"; exit 1; }
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(UNITDIR)" "$(DESTDIR)$(SYSUSERSDIR)" "$(DESTDIR)$(SSHD_DROPIN_DIR)" \
		"$(DESTDIR)$(BASH_COMPLETIONDIR)" "$(DESTDIR)$(ZSH_COMPLETIONDIR)" "$(DESTDIR)$(FISH_COMPLETIONDIR)"
	install -m 0755 $(INSTALL_STRIP) "$(INSTALL_BIN)/riskd" "$(INSTALL_BIN)/riskctl" "$(DESTDIR)$(BINDIR)/"
	ln -sf riskctl "$(DESTDIR)$(BINDIR)/riskctl-shell"
	sed 's|/usr/bin/riskctl-shell|$(BINDIR)/riskctl-shell|; s|/usr/share/riskd/sshd|$(SSHD_DROPIN_DIR)|' \
		packaging/sshd/riskd-board.conf > "$(DESTDIR)$(SSHD_DROPIN_DIR)/riskd-board.conf"
	chmod 0644 "$(DESTDIR)$(SSHD_DROPIN_DIR)/riskd-board.conf"
	sed 's|^ExecStart=/usr/bin/riskd|ExecStart=$(BINDIR)/riskd|' systemd/riskd.service \
		> "$(DESTDIR)$(UNITDIR)/riskd.service"
	sed 's|^ExecStart=/usr/bin/riskctl|ExecStart=$(BINDIR)/riskctl|' systemd/riskd-mail.service \
		> "$(DESTDIR)$(UNITDIR)/riskd-mail.service"
	chmod 0644 "$(DESTDIR)$(UNITDIR)/riskd.service" "$(DESTDIR)$(UNITDIR)/riskd-mail.service"
	install -m 0644 systemd/riskd.socket systemd/riskd-mail.timer "$(DESTDIR)$(UNITDIR)/"
	install -m 0644 systemd/riskd.sysusers "$(DESTDIR)$(SYSUSERSDIR)/riskd.conf"
	@if [ -f systemd/riskd.catalog ]; then \
		echo "install systemd/riskd.catalog"; \
		install -D -m 0644 systemd/riskd.catalog "$(DESTDIR)$(CATALOGDIR)/riskd.catalog"; \
	fi
	@for page in man/*.[0-9]; do \
		section=$${page##*.}; \
		install -D -m 0644 "$$page" "$(DESTDIR)$(MANDIR)/man$$section/$${page#man/}" || exit 1; \
	done; echo "install man/*: $(DESTDIR)$(MANDIR)"
	ln -sf riskctl.1 "$(DESTDIR)$(MANDIR)/man1/riskctl-shell.1"
	"$(INSTALL_BIN)/riskctl" --generate-completion-script bash > "$(DESTDIR)$(BASH_COMPLETIONDIR)/riskctl"
	"$(INSTALL_BIN)/riskctl" --generate-completion-script zsh > "$(DESTDIR)$(ZSH_COMPLETIONDIR)/_riskctl"
	"$(INSTALL_BIN)/riskctl" --generate-completion-script fish > "$(DESTDIR)$(FISH_COMPLETIONDIR)/riskctl.fish"
	chmod 0644 "$(DESTDIR)$(BASH_COMPLETIONDIR)/riskctl" "$(DESTDIR)$(ZSH_COMPLETIONDIR)/_riskctl" \
		"$(DESTDIR)$(FISH_COMPLETIONDIR)/riskctl.fish"
	@for entry in $(SHARE_FILES); do \
		source=$${entry%%:*}; directory="$(DESTDIR)$(SHAREDIR)/$${entry#*:}"; \
		install -D -m 0644 "$$source" "$$directory/$${source##*/}" || exit 1; \
	done; echo "install packaging/share-files: $(DESTDIR)$(SHAREDIR)"
	@if [ -e "$(DESTDIR)$(CONFIGDIR)/riskd.toml" ]; then \
		echo "keeping $(DESTDIR)$(CONFIGDIR)/riskd.toml (config/riskd.toml has every key at its default)"; \
	else \
		install -d "$(DESTDIR)$(CONFIGDIR)" && \
		sed 's|/usr/share/riskd/|$(SHAREDIR)/|g' config/riskd.toml > "$(DESTDIR)$(CONFIGDIR)/riskd.toml" && \
		chmod 0644 "$(DESTDIR)$(CONFIGDIR)/riskd.toml" && \
		echo "install config/riskd.toml: $(DESTDIR)$(CONFIGDIR)/riskd.toml"; \
	fi

# The Swift runtime is linked in, so the installed programs do not need the toolchain.
install-build: deps
	$(SWIFT) build -c $(INSTALL_CONFIGURATION) $(STATIC_FLAGS) --product riskd
	$(SWIFT) build -c $(INSTALL_CONFIGURATION) $(STATIC_FLAGS) --product riskctl

## install-check: `make install` into a temporary DESTDIR with the debug binaries, then checks the tree, the units
## (systemd-analyze verify and security) and `make uninstall`. Part of `make test` (Tests/e2e/test_systemd.py).
install-check: build
	RISKD=$(CURDIR)/$(BIN)/riskd RISKCTL=$(CURDIR)/$(BIN)/riskctl $(PYTHON) -m pytest -q -p no:cacheprovider \
		Tests/e2e/test_systemd.py -k "make_install or manual"

## uninstall: removes what `make install` put there, except the configuration and the state in /var/lib/riskd.
uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/riskd" "$(DESTDIR)$(BINDIR)/riskctl" "$(DESTDIR)$(BINDIR)/riskctl-shell" \
		"$(DESTDIR)$(SSHD_DROPIN_DIR)/riskd-board.conf" "$(DESTDIR)$(MANDIR)/man1/riskctl-shell.1" \
		"$(DESTDIR)$(UNITDIR)/riskd.service" "$(DESTDIR)$(UNITDIR)/riskd.socket" \
		"$(DESTDIR)$(UNITDIR)/riskd-mail.service" "$(DESTDIR)$(UNITDIR)/riskd-mail.timer" \
		"$(DESTDIR)$(SYSUSERSDIR)/riskd.conf" "$(DESTDIR)$(CATALOGDIR)/riskd.catalog" \
		"$(DESTDIR)$(BASH_COMPLETIONDIR)/riskctl" "$(DESTDIR)$(ZSH_COMPLETIONDIR)/_riskctl" \
		"$(DESTDIR)$(FISH_COMPLETIONDIR)/riskctl.fish"
	@for page in man/*.[0-9]; do rm -f "$(DESTDIR)$(MANDIR)/man$${page##*.}/$${page#man/}"; done
	@for entry in $(SHARE_FILES); do source=$${entry%%:*}; \
		rm -f "$(DESTDIR)$(SHAREDIR)/$${entry#*:}/$${source##*/}"; done
	@rmdir "$(DESTDIR)$(SHAREDIR)/examples" "$(DESTDIR)$(SSHD_DROPIN_DIR)" "$(DESTDIR)$(SHAREDIR)" 2>/dev/null || true
	@echo "kept $(DESTDIR)$(CONFIGDIR)/riskd.toml and /var/lib/riskd: remove them by hand to forget everything"

## bench: riskd against the limits of this machine in one run (release build; a few minutes). Not part of test.
bench: deps bench-tools
	SWIFT=$(SWIFT) STATIC_FLAGS="$(STATIC_FLAGS)" BENCH_TOOLS=$(CURDIR)/.build/bench bash bench/run.sh $(BENCH_SECONDS)

## size: riskd's and riskctl's stripped sizes, riskd by module, and which dependency brings ICU's data in (probe
## programs linked from the release objects); docs/size.md. Not part of test.
size: release
	SWIFT=$(SWIFT) LINK_FLAGS="$(filter-out --static-swift-stdlib,$(STATIC_FLAGS))" bash bench/size.sh

## bench-tools: the echo server and the load client of bench/, in .build/bench.
bench-tools: .build/bench/echo_server .build/bench/load_client

.build/bench/%: bench/%.c
	@mkdir -p .build/bench
	$(CC) -O2 -Wall -pthread -o $@ $<

clean:
	rm -rf .build $(FUZZ_SCRATCH) $(DEB_OUT)
