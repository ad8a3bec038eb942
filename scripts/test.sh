#!/usr/bin/env bash
# Installs what is missing, builds gdlab and runs every test with ctest.
#   scripts/test.sh             Release build in build/
#   scripts/test.sh --sanitize  AddressSanitizer + UndefinedBehaviorSanitizer build in build-sanitize/
#   scripts/test.sh --long      also the long walks and soak tests (ctest label "long")
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/install_deps.sh"

build="$root/build"
cmake_args=(-DCMAKE_BUILD_TYPE=Release -DGDLAB_WERROR=ON)
keep_loaded=0
ctest_args=(-LE long)
for argument in "$@"; do
    case "$argument" in
    --sanitize)
        build="$root/build-sanitize"
        cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DGDLAB_SANITIZE=ON -DGDLAB_BENCHMARKS=OFF -DGDLAB_WERROR=ON)
        # verify_asan_link_order=0: the library preloaded below comes before the ASan runtime, which is harmless
        # since it defines nothing ASan intercepts.
        export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:verify_asan_link_order=0"
        export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
        export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
        keep_loaded=1
        ;;
    --long)
        ctest_args=()
        ;;
    *)
        echo "usage: scripts/test.sh [--sanitize] [--long]" >&2
        exit 2
        ;;
    esac
done

gdlab_install_deps "${GDLAB_PACKAGES[@]}"
# shellcheck disable=SC2046 # the generator arguments are meant to split into words
cmake $(gdlab_generator_args "$build") -S "$root" -B "$build" "${cmake_args[@]}"
cmake --build "$build" -j"$(nproc)"
if [ "$keep_loaded" = 1 ]; then
    # Mesa's GLX (through glvnd) dlcloses its driver at exit, before LeakSanitizer looks: memory that the driver's
    # globals still pointed to then looks leaked, from frames of an unloaded library that no suppression can name.
    # A dlclose that keeps every library loaded, preloaded only for this run, leaves that memory reachable, so the
    # suppressions in tests/lsan.supp can stay narrow and gdlab's own leaks still show.
    printf 'int dlclose(void* handle) { (void)handle; return 0; }\n' >"$build/keep_libraries_loaded.c"
    cc -shared -fPIC -O2 -o "$build/keep_libraries_loaded.so" "$build/keep_libraries_loaded.c"
    export LD_PRELOAD="$build/keep_libraries_loaded.so${LD_PRELOAD:+:$LD_PRELOAD}"
fi
cd "$build"
ctest --output-on-failure -j"$(nproc)" "${ctest_args[@]}"
