#include "optimizer_step.h"

#include "input_error.h"

namespace gdlab {

OptimizerStep::OptimizerStep(
    const OptimizerSettings& settings, double learningRate, int parameters, const NewtonSystem* newton)
    : m_kind(settings.kind)
    , m_parameters(parameters)
    , m_learningRate(learningRate)
    , m_momentum(settings.momentum)
    , m_beta1(settings.beta1)
    , m_beta2(settings.beta2)
    , m_rho(settings.rho)
    , m_epsilon(settings.effectiveEpsilon())
    , m_newton(newton)
    , m_state(static_cast<std::size_t>(5 * parameters), 0.0)
{
    if (m_kind == OptimizerKind::Newton && (!newton || newton->parameterCount() != parameters))
        throw InputError("newton needs the Hessian of the whole data set (--method batch)");
}

} // namespace gdlab
