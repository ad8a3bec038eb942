#pragma once

// Test support: a Run with its history unpacked into one value per state, so that tests can compare states
// with plain indexing (states[10].theta) whatever the columnar layout of History. Reads History's own
// accessors only; the full-data gradient of each state is recomputed exactly as Run::evaluateRow() does.

#include "history.h"
#include "run.h"

#include <Eigen/Core>

#include <vector>

namespace gdlab::test {

/** @brief One row of a History as a value. */
struct State {
    long long iteration = 0;
    long long epoch = 0;
    Eigen::VectorXd theta;
    double loss = 0;
    double rmse = 0;
    double gradientNorm = 0;
    Eigen::VectorXd gradient; ///< full-data gradient at theta
    Eigen::VectorXd stepGradient; ///< the gradient the update into this state used; empty for row 0
};

inline std::vector<State> statesOf(const History& history, const Problem& problem, LossKind lossKind)
{
    std::vector<State> states;
    LossFunction loss(problem, lossKind);
    states.reserve(history.size());
    for (std::size_t row = 0; row < history.size(); ++row) {
        State state;
        state.iteration = history.iteration(row);
        state.epoch = history.epoch(row);
        state.theta = history.theta(row);
        state.loss = history.loss(row);
        state.rmse = history.rmse(row);
        state.gradientNorm = history.gradientNorm(row);
        state.gradient = loss.evaluate(state.theta).gradient;
        if (row > 0)
            state.stepGradient = history.keepsStepGradients() ? Eigen::VectorXd(history.stepGradient(row))
                                                              : Eigen::VectorXd(states.back().gradient);
        states.push_back(std::move(state));
    }
    return states;
}

inline std::vector<State> statesOf(const Run& run)
{
    return run.history ? statesOf(*run.history, *run.problem, run.settings.loss) : std::vector<State> {};
}

/** @brief A finished run with its states unpacked and its outcome as a value. */
struct RecordedRun : Run {
    std::vector<State> states;
    RunResult result;
};

inline RecordedRun record(Run run)
{
    RecordedRun recorded;
    recorded.states = statesOf(run);
    recorded.result = run.outcome.value_or(RunResult {});
    static_cast<Run&>(recorded) = std::move(run);
    return recorded;
}

/** @brief gdlab::runDescent() with the states unpacked. */
inline RecordedRun recordDescent(
    const Dataset& dataset, const ProblemSpec& spec, const SolverSettings& settings, bool useOptimalRate = false)
{
    return record(runDescent(dataset, spec, settings, useOptimalRate));
}

} // namespace gdlab::test
