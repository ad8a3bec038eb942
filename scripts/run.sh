#!/usr/bin/env bash
# Installs what is missing, builds gdlab (Release) and opens it on the default lesson.
# Arguments are passed to gdlab, e.g. scripts/run.sh --lesson nist_norris
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/install_deps.sh"

gdlab_install_deps "${GDLAB_PACKAGES[@]}"
# shellcheck disable=SC2046 # the generator arguments are meant to split into words
cmake $(gdlab_generator_args "$root/build") -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release
cmake --build "$root/build" -j"$(nproc)" --target gdlab gdlab-run
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    # A machine without a screen cannot show the window; render it once instead so the build is still checked.
    shot="$root/build/gdlab-screenshot.png"
    echo "gdlab: no display found (DISPLAY is not set); rendering the window to $shot instead." >&2
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$root/build/app/gdlab" --screenshot "$shot" "$@"
fi
exec "$root/build/app/gdlab" "$@"
