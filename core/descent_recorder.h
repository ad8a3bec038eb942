#pragma once

#include "history.h"
#include "solver.h"
#include "stop_rules.h"

#include <cstddef>
#include <optional>

namespace gdlab {

/**
 * @brief The bookkeeping of a descent that keeps its states: it appends each state to the history, hands full
 * chunks to the callback (which may cancel the run), and applies the stopping rules (StopRules), so that batch,
 * SGD and mini-batch stop for the same reasons. A state that is not finite is never recorded.
 *
 * record() is a template on the parameter count and defined here, so that the batch solver's specialised
 * inner loop inlines it.
 */
class DescentRecorder {
public:
    DescentRecorder(History& history, const ChunkCallback& onChunk, std::size_t chunkRows, double tolerance);

    /**
     * @brief Records a state at iteration; returns why the run stops there, or nothing to go on. gradient is
     * the full-data gradient at theta; stepGradient the one the update into this state used (may be null); sum gives
     * the RMSE.
     */
    template <class Count>
    [[gnu::always_inline]] std::optional<RunResult> record(Count count, long long iteration, long long epoch,
        const double* theta, double loss, const kernel::SumOfSquares& sum, const double* gradient,
        const double* stepGradient)
    {
        const StateCheck state = StopRules::inspect(count, theta, loss, sum, gradient);
        if (auto stop = StopRules::beforeKeeping(iteration, state))
            return stop;
        // The start is recorded even when it is not finite, so that a history always has a row to show.
        m_history.append(epoch, theta, loss, sum.rmse(), state.gradientNorm(), stepGradient);
        if (++m_rowsSinceChunk >= m_chunkRows && !handChunk())
            return RunResult { StopReason::Cancelled, iteration };
        return m_rules.afterKeeping(iteration, state, loss);
    }

    /** @brief record() for a model with an accuracy instead of an RMSE (logistic): the same rules, the same stops. */
    template <class Count>
    [[gnu::always_inline]] std::optional<RunResult> recordClassified(Count count, long long iteration, long long epoch,
        const double* theta, double loss, double accuracy, const double* gradient, const double* stepGradient)
    {
        const StateCheck state = StopRules::inspect(count, theta, loss, kernel::SumOfSquares {}, gradient);
        if (auto stop = StopRules::beforeKeeping(iteration, state))
            return stop;
        m_history.appendClassified(epoch, theta, loss, accuracy, state.gradientNorm(), stepGradient);
        if (++m_rowsSinceChunk >= m_chunkRows && !handChunk())
            return RunResult { StopReason::Cancelled, iteration };
        return m_rules.afterKeeping(iteration, state, loss);
    }

private:
    /** Gives the chunk to the callback; false when it cancels. */
    bool handChunk();

    History& m_history;
    const ChunkCallback& m_onChunk;
    std::size_t m_chunkRows;
    StopRules m_rules;
    std::size_t m_rowsSinceChunk = 0;
};

} // namespace gdlab
