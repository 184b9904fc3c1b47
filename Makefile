# mitragraph — the two commands a new machine needs are `make demo` and `make test`.
SWIFT ?= swift
RELEASE := .build/release/mitragraph
OUT := output
STORE := $(OUT)/kratom.sqlite

.PHONY: all bootstrap build release demo test eval bench bench-query clean common-words ontology-check tagger-model tagger-eval fuzz \
        man completions

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
	@echo "  xdg-open $(OUT)/kratom.svg                   # or any browser; hover for ids and evidence"
	@echo "  $(RELEASE) query --store $(STORE) 'contested with evidence limit 2'"
	@echo "  $(RELEASE) query --store $(STORE) 'kratom treats ?c order by support desc limit 5'"
	@echo "  $(RELEASE) evidence --store $(STORE) kratom 'has adverse effect' dependence"
	@echo "  $(RELEASE) repl --store $(STORE)                # statements end at ; or an empty line; help"
	@echo "  $(RELEASE) render --format png --layout sfdp --output $(OUT)/kratom-sfdp.png"
	@echo "  $(RELEASE) export --format turtle --output $(OUT)/kratom.ttl"
	@echo "  $(RELEASE) export --format csv --output $(OUT)/tables"
	@echo "  ../shared/eval/run ../shared/seeds ../shared/gold/seeds.jsonl --verbose"

## man: the manual page, output/man/mitragraph.1, from the argument parser's generate-manual
## plugin (offline: the plugin comes with the swift-argument-parser checkout). Read it with
## `man -l output/man/mitragraph.1`; install it by copying it to ~/.local/share/man/man1/.
man: build
	$(SWIFT) package plugin generate-manual --configuration debug
	@mkdir -p $(OUT)/man
	cp .build/plugins/GenerateManual/outputs/mitragraph/mitragraph.1 $(OUT)/man/mitragraph.1
	@echo "wrote $(OUT)/man/mitragraph.1 (man -l $(OUT)/man/mitragraph.1)"

## completions: shell completion scripts for bash, zsh and fish in output/completions/.
completions: build
	@mkdir -p $(OUT)/completions
	.build/debug/mitragraph --generate-completion-script bash > $(OUT)/completions/mitragraph.bash
	.build/debug/mitragraph --generate-completion-script zsh > $(OUT)/completions/_mitragraph
	.build/debug/mitragraph --generate-completion-script fish > $(OUT)/completions/mitragraph.fish
	@echo "wrote $(OUT)/completions/: mitragraph.bash, _mitragraph (zsh), mitragraph.fish"

# The Python readers the export round-trip tests check against (networkx, igraph, pyoxigraph)
# and Oxigraph's SPARQL server (`oxigraph`, for the push and --endpoint tests), in a virtual
# environment made once; the Swift tests find them in .venv-test/bin. The stamp names the
# package list, so adding a package reinstalls into an existing environment.
VENV_TEST := .venv-test
VENV_PACKAGES := networkx igraph pyoxigraph oxigraph
VENV_STAMP := $(VENV_TEST)/.stamp-$(shell echo $(VENV_PACKAGES) | cksum | cut -d' ' -f1)
$(VENV_STAMP):
	python3 -m venv $(VENV_TEST)
	$(VENV_TEST)/bin/pip install -q $(VENV_PACKAGES)
	@touch $@

## test: the whole suite (unit and integration tests, then the extraction checks on the seeds and the dev set).
test: bootstrap $(VENV_STAMP)
	$(SWIFT) build --build-tests
	scripts/run-tests
	@scripts/eval-seeds --floors
	@scripts/eval-dev --floors

eval: build
	scripts/eval-seeds --verbose
	scripts/eval-dev --verbose

## ontology-check: check the shipped ontology (unknown classes, shared labels, common words).
ontology-check: build
	$(SWIFT) run mitragraph ontology check

## common-words: regenerate ontology/common-words.ttl from wordfreq, in a virtual environment.
common-words:
	python3 -m venv .venv-wordfreq
	.venv-wordfreq/bin/pip install -q wordfreq==3.1.1
	.venv-wordfreq/bin/python scripts/common-words 5000 ontology/common-words.ttl

## tagger-model: train the part-of-speech tagger on UD English EWT (../shared/ud/en_ewt, CC BY-SA
## 4.0) and our own models/tagger-supplement.txt, and write the shipped models,
## models/pos-tagger-en-ewt.bin (UPOS) and models/penn-tagger-en-ewt.bin (Penn tags, EWT only).
## Deterministic: the same data gives the same bytes.
UD_EWT ?= ../shared/ud/en_ewt
TAGGER_TOOL := .build/release/mitragraph-tagger
tagger-model:
	$(SWIFT) build -c release --product mitragraph-tagger
	$(TAGGER_TOOL) train $(UD_EWT)/en_ewt-ud-train.conllu models/pos-tagger-en-ewt.bin --supplement models/tagger-supplement.txt
	$(TAGGER_TOOL) train $(UD_EWT)/en_ewt-ud-train.conllu models/penn-tagger-en-ewt.bin --penn

## tagger-eval: the shipped taggers' UPOS and Penn accuracy on the EWT dev and test splits,
## the lemmatizer's accuracy, and UPOS tagging speed (one thread, CPU time, release build).
tagger-eval:
	$(SWIFT) build -c release --product mitragraph-tagger
	$(TAGGER_TOOL) evaluate models/pos-tagger-en-ewt.bin $(UD_EWT)/en_ewt-ud-dev.conllu $(UD_EWT)/en_ewt-ud-test.conllu \
	  --penn models/penn-tagger-en-ewt.bin

clean:
	rm -rf .build $(OUT)/kratom.* $(OUT)/kgx $(OUT)/bench $(OUT)/bench-query $(OUT)/man $(OUT)/completions $(VENV_TEST)

## fuzz: the query-language fuzzer, FUZZ_COUNT seeded statements (default 1M, seed FUZZ_SEED=11) through
## lexer, parser, planner and SQLite's compiler; fails on a crash or an error that is not a query error.
## Not part of `make test`; figures in docs/reliability.md.
FUZZ_COUNT ?= 1000000
FUZZ_SEED ?= 11
fuzz: bootstrap
	$(SWIFT) build -c release --product mitragraph-fuzz-query
	.build/release/mitragraph-fuzz-query $(FUZZ_COUNT) $(FUZZ_SEED)

## bench-query: query latencies at 1M edges: a store of random edges, then each query of
## Tests/MitraQueryTests/Benchmark/queries.mgq (one a line; a ';' ends each for the shell)
## timed inside one shell session.
BENCH_QUERY = Tests/MitraQueryTests/Benchmark
bench-query: release
	rm -rf output/bench-query && mkdir -p output/bench-query/corpus
	echo "Kratom contains mitragynine." > output/bench-query/corpus/a.txt
	.build/release/mitragraph build --quiet --store output/bench-query/kg.sqlite output/bench-query/corpus
	python3 -c "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(open(sys.argv[2]).read())" \
	  output/bench-query/kg.sqlite $(BENCH_QUERY)/generate-1m.sql
	(echo .format tsv; echo .timer on; sed 's/$$/;/' $(BENCH_QUERY)/queries.mgq) \
	  | .build/release/mitragraph repl --store output/bench-query/kg.sqlite | grep '^Run Time' \
	  | sed 's/^Run Time: //' | paste - $(BENCH_QUERY)/queries.mgq

## bench: ours vs the peers (spaCy, pyahocorasick, pyoxigraph, rdflib, networkx), one run.
## Not part of `make test`. BENCH_CORPUS_MB, BENCH_BIG_MB and BENCH_TRIPLES scale the inputs.
bench: bootstrap
	scripts/bench/run
