# trendplot — the two set-up commands are `make demo` and `make test`.
SWIFT ?= swift
OUT ?= out

.PHONY: deps build demo test gallery bench clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build --product trendplot

## Renders the bundled dataset's charts (PNG, SVG, PDF) into $(OUT)/ and prints their paths.
demo: build
	$$($(SWIFT) build --show-bin-path)/trendplot demo -o $(OUT)

## Renders every chart kind from the bundled data (PNG, SVG, PDF) into $(OUT)/gallery/ and prints their paths.
gallery: build
	$$($(SWIFT) build --show-bin-path)/trendplot demo --gallery -o $(OUT)/gallery

## Runs every test (unit, golden, end-to-end on the bundled reports).
test: deps
	$(SWIFT) test

## Benchmarks trendplot against matplotlib and plain C cairo (../shared/bench); QUICK=1 for a smoke run.
bench: deps
	@mkdir -p bench-out
	@bench/run.sh

clean:
	rm -rf .build $(OUT)
