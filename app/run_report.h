#pragma once

#include <string>

namespace gdlab {

struct Run;
class Dataset;

/** @brief The short human summary printed on stdout. */
std::string summaryText(const Run& run, const Dataset& dataset);

/** @brief The one-line JSON object of --json; non-finite numbers become null, never a bare NaN. */
std::string jsonText(const Run& run);

} // namespace gdlab
