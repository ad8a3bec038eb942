#include "final_state_recorder.h"

#include "history.h"

namespace gdlab {

FinalStateRecorder::FinalStateRecorder(int parameters, double tolerance)
    : m_rules(tolerance)
    , m_theta(static_cast<std::size_t>(parameters), 0.0)
{
}

History FinalStateRecorder::history(bool keepsStepGradients, bool keepsAccuracy) const
{
    History history(static_cast<Eigen::Index>(m_theta.size()), keepsStepGradients, keepsAccuracy);
    if (m_iteration < 0)
        return history;
    history.startAt(m_iteration);
    if (keepsAccuracy)
        history.appendClassified(m_epoch, m_theta.data(), m_loss, m_keptAccuracy, m_state.gradientNorm());
    else
        history.append(m_epoch, m_theta.data(), m_loss, m_sum.rmse(), m_state.gradientNorm());
    return history;
}

} // namespace gdlab
