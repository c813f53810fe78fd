# feedwatch — two commands do all the set-up on a fresh Debian machine:
#   make run    install missing system packages, build release, run on feeds.json
#   make test   same set-up, then the whole test suite

SWIFT      ?= swift
PREFIX     ?= /usr/local
CONFIG     ?= feeds.json
APT_PACKAGES := libcurl4-openssl-dev libxml2-dev libsqlite3-dev libssl-dev libpsl-dev pkg-config tzdata
# Real servers the tests start on loopback: an SMTP server (aiosmtpd, run by the system's Python).
TEST_PACKAGES := python3 python3-aiosmtpd
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build deps test-deps install-packages install clean check fuzz

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
	$(SWIFT) test --skip-build

FUZZ_SECONDS ?= 60
# Every libFuzzer target for FUZZ_SECONDS each; non-zero on a crash, leak or timeout.
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

install: build
	install -D -m 0755 .build/release/feedwatch $(DESTDIR)$(PREFIX)/bin/feedwatch
	install -D -m 0644 systemd/feedwatch.service $(DESTDIR)/etc/systemd/system/feedwatch.service
	install -D -m 0644 Sources/Extract/Resources/ner-model.bin $(DESTDIR)$(PREFIX)/share/feedwatch/ner-model.bin
	install -D -m 0644 Sources/Extract/Resources/gazetteer.bin $(DESTDIR)$(PREFIX)/share/feedwatch/gazetteer.bin
	@if [ ! -e $(DESTDIR)/etc/feedwatch/feeds.json ]; then \
	  install -d $(DESTDIR)/etc/feedwatch; \
	  sed 's#"path": "alerts.jsonl"#"path": "/var/lib/feedwatch/alerts.jsonl"#' feeds.json > $(DESTDIR)/etc/feedwatch/feeds.json; \
	  install -D -m 0644 examples/diplomacy.xml $(DESTDIR)/etc/feedwatch/examples/diplomacy.xml; \
	fi
	@echo "installed; now: systemctl daemon-reload && systemctl enable --now feedwatch"

clean:
	rm -rf .build .build-fuzz
