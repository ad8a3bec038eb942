#pragma once

// Test support: a run as the worker publishes it (first rows, more rows, then the outcome), played into an
// IterationModel by hand, so that view tests can check how they follow a run that streams in.

#include "run.h"
#include "session/iteration_model.h"

#include <memory>

namespace gdlab::test {

/** @brief complete as a worker first publishes it: the same history, no outcome yet. */
inline std::shared_ptr<const Run> streamingCopy(const std::shared_ptr<const Run>& complete)
{
    auto run = std::make_shared<Run>(*complete);
    run->outcome.reset();
    return run;
}

/** @brief Shows complete in model as a streaming run with its first rows only (runReset). */
inline void startStreaming(IterationModel& model, const std::shared_ptr<const Run>& complete, int rows)
{
    model.setRun(streamingCopy(complete), 0, rows);
}

} // namespace gdlab::test
