#pragma once

#include "optimizer_settings.h"
#include "solver_settings.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gdlab {

class History;

/** @brief One configuration of a race: an optimizer with its parameters, and a learning rate if given. */
struct RaceEntry {
    OptimizerSettings optimizer;
    std::optional<double> learningRate; ///< empty = the live run's rate

    /** @brief The base settings with this entry's optimizer (and rate): the same data, start and iterations. */
    SolverSettings applyTo(const SolverSettings& base) const;
    /** @brief "momentum: lr 0.05, momentum 0.8" (only what was given beside the name). */
    std::string label() const;

    bool operator==(const RaceEntry& other) const
    {
        return optimizer == other.optimizer && learningRate == other.learningRate;
    }
};

/** @brief A race runs at most this many configurations side by side. */
constexpr int kMaxRaceEntries = 4;

/**
 * @brief Parses "gd,momentum,adam" or "gd,momentum:lr=0.05:momentum=0.8" (keys lr, momentum, beta1, beta2,
 * rho, eps). Throws InputError naming the entry and the key or value for an unknown optimizer, a key the
 * optimizer does not use, a value out of range, or more than kMaxRaceEntries entries.
 */
std::vector<RaceEntry> parseRace(std::string_view text);

/**
 * @brief The text parseRace() reads back into the same entries ("gd,momentum:lr=0.05:momentum=0.8"): every number
 * to all its digits, a parameter only where it differs from the optimizer's default (ε where it was given). A
 * session keeps its race this way.
 */
std::string raceText(const std::vector<RaceEntry>& entries);

/** @brief Where a race run got to: the first iteration at the tolerance, or where it diverged. */
struct RaceFinish {
    std::optional<long long> reached; ///< first iteration with |∇| ≤ tolerance
    std::optional<long long> diverged; ///< the last finite iteration of a diverged run
};

/** @brief Scans history for the first row with gradient norm ≤ tolerance; diverged tells where it stopped. */
RaceFinish raceFinish(const History& history, double tolerance, std::optional<long long> diverged);

} // namespace gdlab
