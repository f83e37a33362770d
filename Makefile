# A thin wrapper around CMake presets, in the manner of neovim's Makefile.
#
#   make            install missing Debian packages, build into build/
#                   (the program is build/mot)
#   make demo       build, write the telecom demo to build/demo-telecom and
#                   run the main job on it
#   make test       build with AddressSanitizer + UBSan (build/asan), run
#                   every test with ctest, then short fuzzer runs
#   make fuzz       build the libFuzzer targets (build/fuzz), run each briefly
#   make bench      the benchmark script (bench/run.sh)
#   make po         extract the report messages into po/mot.pot and merge
#                   them into the translations (po/zh_CN.po)
#   make clean      remove build/
#
# CI=true (set by CI) turns warnings into errors.

CMAKE ?= cmake
CTEST ?= ctest
WERROR := $(if $(CI),ON,OFF)
FUZZ_SECONDS ?= 20

.PHONY: all deps build demo test unit fuzz bench po clean

all: build

deps:
	@sh scripts/deps.sh

build/build.ninja: | deps
	$(CMAKE) --preset dev -DMOT_WERROR=$(WERROR)

build: deps build/build.ninja
	$(CMAKE) --build build

demo: build
	rm -rf build/demo-telecom
	build/mot demo --scenario telecom --out build/demo-telecom
	build/mot analyze build/demo-telecom

build/asan/build.ninja: | deps
	$(CMAKE) --preset asan -DMOT_WERROR=$(WERROR)

unit: deps build/asan/build.ninja
	$(CMAKE) --build build/asan
	$(CTEST) --preset asan

build/fuzz/build.ninja: | deps
	$(CMAKE) --preset fuzz -DMOT_WERROR=$(WERROR)

fuzz: deps build/fuzz/build.ninja
	$(CMAKE) --build build/fuzz
	sh fuzz/run.sh build/fuzz $(FUZZ_SECONDS)

test: unit fuzz

bench: build
	sh bench/run.sh

po: deps
	sh po/update.sh

clean:
	rm -rf build
