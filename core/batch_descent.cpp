#include "batch_descent.h"

#include "descent_recorder.h"
#include "final_state_recorder.h"
#include "newton_system.h"
#include "optimizer_step.h"
#include "quadratic_loss.h"

#include <array>
#include <atomic>
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
// the next update's gradient), handed to the recorder (which keeps every state, or only the last).
template <class Count, class Recorder>
[[gnu::always_inline]] inline RunResult descentLoop(Count count, const kernel::QuadraticTerms& terms,
    const Eigen::VectorXd& start, const SolverSettings& settings, const NewtonSystem* newton, Recorder& recorder)
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

// The loop for the instructions of every x86-64 (pairs of sums in SSE2). Kept out of line, as is the one below:
// inlined into the dispatch with its siblings, it would exhaust the compiler's inlining budget and leave the loss,
// the step and the stopping rules as calls in the inner loop.
template <class Count, class Recorder>
[[gnu::noinline]] RunResult descend(Count count, const kernel::QuadraticTerms& terms, const Eigen::VectorXd& start,
    const SolverSettings& settings, const NewtonSystem* newton, Recorder& recorder)
{
    return descentLoop(count, terms, start, settings, newton, recorder);
}

#if defined(__x86_64__) && defined(__GNUC__)
// The same loop for a processor with AVX2, called only where the processor has it: sums four at a time, with the
// VEX forms of every operation. Neither FMA (not enabled here, and -ffp-contract=off on this file) nor any other
// reordering: every lane does the scalar operations of SSE2, so the results are the same bits (a test compares).
template <int P, class Recorder>
[[gnu::noinline, gnu::target("avx2")]] RunResult descendAvx2(const kernel::QuadraticTerms& terms,
    const Eigen::VectorXd& start, const SolverSettings& settings, const NewtonSystem* newton, Recorder& recorder)
{
    return descentLoop(kernel::FixedCount<P, 4> {}, terms, start, settings, newton, recorder);
}
constexpr bool avx2Compiled = true;
#else
template <int P, class Recorder>
RunResult descendAvx2(const kernel::QuadraticTerms& terms, const Eigen::VectorXd& start, const SolverSettings& settings,
    const NewtonSystem* newton, Recorder& recorder)
{
    return descend(kernel::FixedCount<P> {}, terms, start, settings, newton, recorder);
}
constexpr bool avx2Compiled = false;
#endif

std::atomic<bool> wideVectorsAllowed { true };

// The processor's AVX2 is worth a loop of its own from four parameters (k = 3) up, where whole vectors of four fit.
constexpr int firstWideCount = 4;
constexpr int lastFixedCount = 11;

template <int P, class Recorder>
RunResult descendFixed(int parameters, bool wide, const kernel::QuadraticTerms& terms, const Eigen::VectorXd& start,
    const SolverSettings& settings, const NewtonSystem* newton, Recorder& recorder)
{
    if (parameters != P) {
        if constexpr (P < lastFixedCount)
            return descendFixed<P + 1>(parameters, wide, terms, start, settings, newton, recorder);
        else
            return descend(kernel::DynamicCount { parameters }, terms, start, settings, newton, recorder);
    }
    if constexpr (P >= firstWideCount) {
        if (wide)
            return descendAvx2<P>(terms, start, settings, newton, recorder);
    }
    return descend(kernel::FixedCount<P> {}, terms, start, settings, newton, recorder);
}

} // namespace

bool BatchDescent::usesWideVectors()
{
#if defined(__x86_64__) && defined(__GNUC__)
    return avx2Compiled && wideVectorsAllowed.load(std::memory_order_relaxed) && __builtin_cpu_supports("avx2");
#else
    return false;
#endif
}

void BatchDescent::allowWideVectors(bool allowed)
{
    wideVectorsAllowed.store(allowed, std::memory_order_relaxed);
}

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
    return descendFixed<1>(
        static_cast<int>(start.size()), usesWideVectors(), terms, start, m_settings, newton, recorder);
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
