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

## demo: build the graph from the bundled corpus into output/, draw and export it, and show what is in it.
demo: release
	@mkdir -p $(OUT)
	@$(RELEASE) build --store $(STORE) corpus
	@$(RELEASE) export --store $(STORE) --format dot --output $(OUT)/kratom.dot
	@$(RELEASE) render --store $(STORE) --format svg --output $(OUT)/kratom.svg
	@$(RELEASE) export --store $(STORE) --format graphml --output $(OUT)/kratom.graphml
	@$(RELEASE) export --store $(STORE) --format kgx --output $(OUT)/kgx
	@echo "wrote $(STORE), $(OUT)/kratom.dot, $(OUT)/kratom.svg, $(OUT)/kratom.graphml and $(OUT)/kgx/"
	@echo
	@echo "Next, try:"
	@echo "  open $(OUT)/kratom.svg                       # hover a node or edge for ids and evidence"
	@echo "  $(RELEASE) render --format png --layout sfdp --output $(OUT)/kratom-sfdp.png"
	@echo "  $(RELEASE) export --format turtle --output $(OUT)/kratom.ttl"
	@echo "  $(RELEASE) export --format csv --output $(OUT)/tables"
	@echo "  ../shared/eval/run ../shared/seeds ../shared/gold/seeds.jsonl --verbose"

# The Python readers the export round-trip tests check against (networkx, igraph, pyoxigraph),
# in a virtual environment made once; the Swift tests find it at .venv-test/bin/python.
VENV_TEST := .venv-test
$(VENV_TEST)/.stamp:
	python3 -m venv $(VENV_TEST)
	$(VENV_TEST)/bin/pip install -q networkx igraph pyoxigraph
	@touch $@

## test: the whole suite (unit and integration tests, then the extraction check on the seeds).
test: bootstrap $(VENV_TEST)/.stamp
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
	rm -rf .build $(OUT)/kratom.* $(OUT)/kgx $(VENV_TEST)
