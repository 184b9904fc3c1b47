# mitragraph — the two commands a new machine needs are `make demo` and `make test`.
SWIFT ?= swift
RELEASE := .build/release/mitragraph
OUT := output
STORE := $(OUT)/kratom.sqlite

.PHONY: all bootstrap build release demo test eval bench clean

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
	@scripts/eval-seeds

eval: build
	scripts/eval-seeds --verbose

## bench: ours vs the peers (spaCy, pyahocorasick, pyoxigraph, rdflib, networkx), one run.
## Not part of `make test`. BENCH_CORPUS_MB, BENCH_BIG_MB and BENCH_TRIPLES scale the inputs.
bench: bootstrap
	scripts/bench/run

clean:
	rm -rf .build $(OUT)/kratom.* $(OUT)/kgx $(OUT)/bench
