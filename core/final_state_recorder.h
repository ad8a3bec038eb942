#pragma once

#include "solver.h"
#include "stop_rules.h"

#include <optional>
#include <vector>

namespace gdlab {

class History;

/**
 * @brief The bookkeeping of a descent that wants only its last state (gdlab-run without --history): the same
 * stopping rules as DescentRecorder, so the run ends at the same iteration for the same reason, but each state
 * only overwrites the one before (a few stores), with no append, no chunk and no allocation; the RMSE and the
 * gradient norm, a division and two square roots, are taken once, for the last state.
 *
 * record() is a template on the parameter count and defined here, so that the batch solver's specialised inner
 * loop inlines it.
 */
class FinalStateRecorder {
public:
    FinalStateRecorder(int parameters, double tolerance);

    /** @brief As DescentRecorder::record(), keeping the state instead of appending it. */
    template <class Count>
    [[gnu::always_inline]] std::optional<RunResult> record(Count count, long long iteration, long long epoch,
        const double* theta, double loss, const kernel::SumOfSquares& sum, const double* gradient,
        const double* /*stepGradient*/)
    {
        // Without a tolerance, no rule reads a state's gradient norm: it is taken once, for the last state kept.
        const StateCheck state = m_rules.readsNorms()
            ? StopRules::inspect(count, theta, loss, sum, gradient)
            : StopRules::inspectWithoutNorm(count, theta, loss, sum, gradient);
        if (auto stop = StopRules::beforeKeeping(iteration, state))
            return stop;
        // Loops, not std::copy: that becomes a call to memmove, 5% of an update at k = 10.
        double* kept = m_theta.data();
        double* keptGradient = m_gradient.data();
        for (int i = 0; i < count(); ++i) {
            kept[i] = theta[i];
            keptGradient[i] = gradient[i];
        }
        m_loss = loss;
        m_sum = sum; // the RMSE is taken once, at the end
        m_epoch = epoch;
        m_iteration = iteration;
        return m_rules.afterKeeping(iteration, state, loss);
    }

    /** @brief As DescentRecorder::recordClassified(): a state with an accuracy instead of an RMSE (logistic). */
    template <class Count>
    std::optional<RunResult> recordClassified(Count count, long long iteration, long long epoch, const double* theta,
        double loss, double accuracy, const double* gradient, const double* stepGradient)
    {
        auto stop = record(count, iteration, epoch, theta, loss, kernel::SumOfSquares {}, gradient, stepGradient);
        if (m_iteration == iteration) // kept (a state that is not finite is not)
            m_keptAccuracy = accuracy;
        return stop;
    }

    /**
     * @brief The last state kept as a one-row history (its first iteration is that state's); empty when nothing
     * was recorded. keepsStepGradients and keepsAccuracy shape it like the descent's own history (its step gradient
     * is zeros; with accuracy, the state is the one recordClassified() kept).
     */
    History history(bool keepsStepGradients, bool keepsAccuracy = false) const;

private:
    StopRules m_rules;
    std::vector<double> m_theta;
    std::vector<double> m_gradient; ///< of the state kept: its norm is taken once, at the end
    double m_loss = 0;
    kernel::SumOfSquares m_sum;
    long long m_epoch = 0;
    long long m_iteration = -1; ///< -1 until the start is recorded
    double m_keptAccuracy = 0; ///< of the state kept, when recordClassified() kept it
};

} // namespace gdlab
