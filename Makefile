# feedwatch — two commands do all the set-up on a fresh Debian machine:
#   make run    install missing system packages, build release, run on feeds.json
#   make test   same set-up, then the whole test suite

SWIFT      ?= swift
PREFIX     ?= /usr/local
CONFIG     ?= feeds.json
APT_PACKAGES := libcurl4-openssl-dev libxml2-dev libsqlite3-dev libssl-dev libpsl-dev pkg-config tzdata
# Real servers the tests start on loopback: an SMTP server (aiosmtpd, run by the system's Python);
# and python3-jsonschema, which checks the shipped configurations against schema/feeds.schema.json.
TEST_PACKAGES := python3 python3-aiosmtpd python3-jsonschema
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build deps test-deps install-packages install install-files uninstall clean check fuzz

deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(APT_PACKAGES)"

test-deps: deps
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(TEST_PACKAGES)"

# noninteractive: tzdata would otherwise stop a fresh machine's install to ask for a time zone.
install-packages:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing || \
	  { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; }; \
	fi

build: deps
	$(SWIFT) build -c release

run: build
	.build/release/feedwatch run --config $(CONFIG)

check: build
	.build/release/feedwatch check --config $(CONFIG)

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) build --product generate-manual
	$(SWIFT) test --skip-build

FUZZ_SECONDS ?= 60
# Every libFuzzer target for FUZZ_SECONDS each; non-zero on a crash, leak or timeout.
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

# `make install`: the binary, its model, the man page (argument-parser's generate-manual),
# bash/zsh/fish completions, the unit, the JSON Schema and a default config (kept if present).
BIN        ?= .build/release
MANDIR     ?= $(PREFIX)/share/man
SHAREDIR   ?= $(PREFIX)/share/feedwatch
UNITDIR    ?= /etc/systemd/system
CONFDIR    ?= /etc/feedwatch
INSTALLED  := $(PREFIX)/bin/feedwatch $(SHAREDIR)/ner-model.bin $(SHAREDIR)/gazetteer.bin $(SHAREDIR)/feeds.schema.json \
              $(MANDIR)/man1/feedwatch.1 $(PREFIX)/share/bash-completion/completions/feedwatch \
              $(PREFIX)/share/zsh/site-functions/_feedwatch $(PREFIX)/share/fish/vendor_completions.d/feedwatch.fish \
              $(UNITDIR)/feedwatch.service

install: build
	$(SWIFT) build -c release --product generate-manual
	@$(MAKE) --no-print-directory install-files BIN=.build/release
	@echo "installed; now: systemctl daemon-reload && systemctl enable --now feedwatch"

# What `install` copies, from an existing build in $(BIN) (tests run it on the debug build).
install-files:
	install -D -m 0755 $(BIN)/feedwatch $(DESTDIR)$(PREFIX)/bin/feedwatch
	install -D -m 0644 Sources/Extract/Resources/ner-model.bin $(DESTDIR)$(SHAREDIR)/ner-model.bin
	install -D -m 0644 Sources/Extract/Resources/gazetteer.bin $(DESTDIR)$(SHAREDIR)/gazetteer.bin
	install -D -m 0644 schema/feeds.schema.json $(DESTDIR)$(SHAREDIR)/feeds.schema.json
	install -D -m 0644 systemd/feedwatch.service $(DESTDIR)$(UNITDIR)/feedwatch.service
	@mkdir -p $(BIN)/man
	$(BIN)/generate-manual $(BIN)/feedwatch --output-directory $(BIN)/man --section 1 --authors "the feedwatch authors"
	install -D -m 0644 $(BIN)/man/feedwatch.1 $(DESTDIR)$(MANDIR)/man1/feedwatch.1
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	$(BIN)/feedwatch --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/feedwatch
	$(BIN)/feedwatch --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_feedwatch
	$(BIN)/feedwatch --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/feedwatch.fish
	@if [ ! -e $(DESTDIR)$(CONFDIR)/feeds.json ]; then \
	  install -D -m 0644 dist/feeds.json $(DESTDIR)$(CONFDIR)/feeds.json; \
	  sed -i 's#/usr/local/share/feedwatch/#$(SHAREDIR)/#' $(DESTDIR)$(CONFDIR)/feeds.json; \
	else echo "kept $(DESTDIR)$(CONFDIR)/feeds.json"; fi

# Removes what `install` put in place; the state (/var/lib/feedwatch) stays, and so does a
# feeds.json that was edited since.
uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))
	-rmdir $(DESTDIR)$(SHAREDIR) 2>/dev/null
	@conf=$(DESTDIR)$(CONFDIR)/feeds.json; \
	if [ -e $$conf ] && sed 's#/usr/local/share/feedwatch/#$(SHAREDIR)/#' dist/feeds.json | cmp -s - $$conf; then \
	  rm -f $$conf; rmdir $(DESTDIR)$(CONFDIR) 2>/dev/null || true; \
	elif [ -e $$conf ]; then echo "kept $$conf: it was edited"; fi
	@echo "uninstalled; the state in /var/lib/feedwatch is kept"

clean:
	rm -rf .build .build-fuzz
