#include "final_state_recorder.h"

#include "history.h"

namespace gdlab {

FinalStateRecorder::FinalStateRecorder(int parameters, double tolerance)
    : m_rules(tolerance)
    , m_theta(static_cast<std::size_t>(parameters), 0.0)
    , m_gradient(m_theta.size(), 0.0)
{
}

History FinalStateRecorder::history(bool keepsStepGradients, bool keepsAccuracy) const
{
    History history(static_cast<Eigen::Index>(m_theta.size()), keepsStepGradients, keepsAccuracy);
    if (m_iteration < 0)
        return history;
    history.startAt(m_iteration);
    // The kept state's check as record() would have made it (the same sums in the same order).
    const StateCheck state = StopRules::inspect(
        kernel::DynamicCount { static_cast<int>(m_theta.size()) }, m_theta.data(), m_loss, m_sum, m_gradient.data());
    if (keepsAccuracy)
        history.appendClassified(m_epoch, m_theta.data(), m_loss, m_keptAccuracy, state.gradientNorm());
    else
        history.append(m_epoch, m_theta.data(), m_loss, m_sum.rmse(), state.gradientNorm());
    return history;
}

} // namespace gdlab
