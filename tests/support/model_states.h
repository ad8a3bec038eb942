#pragma once

// Test support: the rows an IterationModel shows, unpacked into values (see recorded_run.h), so that view tests
// can compare what a plot draws with the states it should draw.

#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "support/recorded_run.h"

#include <vector>

namespace gdlab::test {

/** @brief Every row the model shows now (a streaming run's published rows only). */
inline std::vector<State> statesOf(const IterationModel& model)
{
    if (!model.run())
        return {};
    std::vector<State> states = statesOf(model.history(), *model.run()->problem, model.run()->settings.loss);
    states.resize(static_cast<std::size_t>(model.lastRow() + 1));
    return states;
}

/** @brief The state at one row of the model. */
inline State stateAt(const IterationModel& model, int row)
{
    State state;
    state.iteration = model.iteration(row);
    state.epoch = model.epoch(row);
    state.theta = model.theta(row);
    state.loss = model.loss(row);
    state.rmse = model.rmse(row);
    state.gradientNorm = model.gradientNorm(row);
    state.gradient = model.gradient(row);
    state.stepGradient = model.stepGradient(row);
    return state;
}

/** @brief The states of a pinned run, as far as it had got when it was pinned. */
inline std::vector<State> statesOf(const PinnedRun& pinned)
{
    std::vector<State> states = statesOf(*pinned.run);
    states.resize(static_cast<std::size_t>(pinned.rows));
    return states;
}

} // namespace gdlab::test
