# mitragraph — the two commands a new machine needs are `make demo` and `make test`.
SWIFT ?= swift
RELEASE := .build/release/mitragraph
OUT := output
STORE := $(OUT)/kratom.sqlite

.PHONY: all bootstrap build release demo test eval bench clean common-words ontology-check

all: build

bootstrap:
	@scripts/bootstrap

build: bootstrap
	$(SWIFT) build

release: bootstrap
	$(SWIFT) build -c release

## demo: build the graph from the bundled corpus into output/ and show what is in it.
demo: release
	@mkdir -p $(OUT)
	$(RELEASE) build --store $(STORE) corpus
	$(RELEASE) export --store $(STORE) --format kgx --output $(OUT)/kgx
	@echo
	@echo "Next, try:"
	@echo "  $(RELEASE) export --store $(STORE) --format kgx --output $(OUT)/kgx"
	@echo "  ../shared/eval/run ../shared/seeds ../shared/gold/seeds.jsonl --verbose"

## test: the whole suite (unit and integration tests, then the extraction check on the seeds).
test: bootstrap
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@scripts/eval-seeds --floors

eval: build
	scripts/eval-seeds --verbose

## ontology-check: check the shipped ontology (unknown classes, shared labels, common words).
ontology-check: build
	$(SWIFT) run mitragraph ontology check

## common-words: regenerate ontology/common-words.ttl from wordfreq, in a virtual environment.
common-words:
	python3 -m venv .venv-wordfreq
	.venv-wordfreq/bin/pip install -q wordfreq==3.1.1
	.venv-wordfreq/bin/python scripts/common-words 5000 ontology/common-words.ttl

clean:
	rm -rf .build $(OUT)/kratom.* $(OUT)/kgx
