#!/usr/bin/env bash
# Installs the Debian 12 packages gdlab needs to build, test and run, and only those that are missing.
# Sourced by scripts/run.sh and scripts/test.sh; works as root or, through sudo, as a normal user.
set -euo pipefail

GDLAB_PACKAGES=(
    cmake g++ make ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins libqt6opengl6-dev
    qt6-datavisualization-dev qt6-declarative-dev qt6-svg-dev libgif-dev
    libqcustomplot-dev libeigen3-dev libxkbcommon-dev libbenchmark-dev
    xvfb xauth libgl1-mesa-dri fonts-dejavu-core clang-format poppler-utils time
)

# The generator for a new build folder: Ninja schedules the many small test targets with far less overhead than
# make. A folder configured earlier keeps the generator it has (CMake refuses to switch).
gdlab_generator_args() {
    if [ -f "$1/CMakeCache.txt" ]; then
        return 0
    fi
    echo "-G Ninja"
}

gdlab_install_deps() {
    local missing=() package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "gdlab: these packages are missing and there is no sudo to install them: ${missing[*]}" >&2
            exit 1
        fi
        sudo=(sudo)
    fi
    echo "gdlab: installing ${missing[*]}"
    # A new machine's package lists may be empty, so always update first.
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
