#include "batch_descent.h"

#include "descent_recorder.h"
#include "final_state_recorder.h"
#include "newton_system.h"
#include "optimizer_step.h"
#include "quadratic_loss.h"

#include <array>
#include <optional>
#include <vector>

namespace gdlab {

namespace {

/** Scratch arrays of p values: on the stack for a fixed count, on the heap (once) otherwise. */
template <class Count> struct Scratch {
    explicit Scratch(Count) { }
    std::array<double, Count::value> theta {};
    std::array<double, Count::value> gradient {};
    std::array<double, Count::value> delta {};
    std::array<double, Count::value> gramDelta {};
};

template <> struct Scratch<kernel::DynamicCount> {
    explicit Scratch(kernel::DynamicCount count)
        : theta(static_cast<std::size_t>(count.value))
        , gradient(theta.size())
        , delta(theta.size())
        , gramDelta(theta.size())
    {
    }
    std::vector<double> theta;
    std::vector<double> gradient;
    std::vector<double> delta;
    std::vector<double> gramDelta;
};

// The inner loop, specialised for the parameter count so that the O(k²) products unroll: every update is the
// optimizer's step from the full-data gradient ∇L(θ) and one evaluation of the loss at the new θ (which gives
// the next update's gradient), handed to the recorder (which keeps every state, or only the last). Kept out of
// line: inlined into the dispatch with its twenty siblings, it would exhaust the compiler's inlining budget and
// leave the loss, the step and the stopping rules as calls in the inner loop.
template <class Count, class Recorder>
[[gnu::noinline]] RunResult descend(Count count, const kernel::QuadraticTerms& terms, const Eigen::VectorXd& start,
    const SolverSettings& settings, const NewtonSystem* newton, Recorder& recorder)
{
    const int p = count();
    Scratch<Count> s(count);
    std::copy(start.data(), start.data() + p, s.theta.begin());
    kernel::SumOfSquares sum;
    double loss = kernel::evaluateQuadratic(
        count, terms, s.theta.data(), s.delta.data(), s.gramDelta.data(), s.gradient.data(), &sum);
    if (auto stop = recorder.record(count, 0, 0, s.theta.data(), loss, sum, s.gradient.data(), nullptr))
        return *stop;
    OptimizerStep step(settings.optimizer, settings.learningRate, p, newton);
    for (long long iteration = 1; iteration <= settings.iterations; ++iteration) {
        step.apply(count, s.theta.data(), s.gradient.data());
        loss = kernel::evaluateQuadratic(
            count, terms, s.theta.data(), s.delta.data(), s.gramDelta.data(), s.gradient.data(), &sum);
        // Batch descent: one update is one pass over the data, so the epoch is the iteration.
        if (auto stop
            = recorder.record(count, iteration, iteration, s.theta.data(), loss, sum, s.gradient.data(), nullptr))
            return *stop;
    }
    return RunResult { StopReason::MaxIterations, settings.iterations };
}

} // namespace

BatchDescent::BatchDescent(const Problem& problem, const SolverSettings& settings)
    : m_problem(problem)
    , m_settings(settings)
{
}

template <class Recorder> RunResult BatchDescent::dispatch(const Eigen::VectorXd& start, Recorder& recorder) const
{
    const QuadraticLoss loss(m_problem, m_settings.loss);
    const kernel::QuadraticTerms& terms = loss.terms();
    std::optional<NewtonSystem> newtonSystem;
    if (m_settings.optimizer.kind == OptimizerKind::Newton)
        newtonSystem.emplace(m_problem, m_settings.loss);
    const NewtonSystem* newton = newtonSystem ? &*newtonSystem : nullptr;
    switch (start.size()) {
    case 1:
        return descend(kernel::FixedCount<1> {}, terms, start, m_settings, newton, recorder);
    case 2:
        return descend(kernel::FixedCount<2> {}, terms, start, m_settings, newton, recorder);
    case 3:
        return descend(kernel::FixedCount<3> {}, terms, start, m_settings, newton, recorder);
    case 4:
        return descend(kernel::FixedCount<4> {}, terms, start, m_settings, newton, recorder);
    case 5:
        return descend(kernel::FixedCount<5> {}, terms, start, m_settings, newton, recorder);
    case 6:
        return descend(kernel::FixedCount<6> {}, terms, start, m_settings, newton, recorder);
    case 7:
        return descend(kernel::FixedCount<7> {}, terms, start, m_settings, newton, recorder);
    case 8:
        return descend(kernel::FixedCount<8> {}, terms, start, m_settings, newton, recorder);
    case 9:
        return descend(kernel::FixedCount<9> {}, terms, start, m_settings, newton, recorder);
    case 10:
        return descend(kernel::FixedCount<10> {}, terms, start, m_settings, newton, recorder);
    case 11:
        return descend(kernel::FixedCount<11> {}, terms, start, m_settings, newton, recorder);
    default:
        return descend(
            kernel::DynamicCount { static_cast<int>(start.size()) }, terms, start, m_settings, newton, recorder);
    }
}

RunResult BatchDescent::run(const Eigen::VectorXd& start, DescentRecorder& recorder) const
{
    return dispatch(start, recorder);
}

RunResult BatchDescent::run(const Eigen::VectorXd& start, FinalStateRecorder& recorder) const
{
    return dispatch(start, recorder);
}

} // namespace gdlab
