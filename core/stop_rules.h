#pragma once

#include "quadratic_kernel.h"
#include "solver.h"

#include <Eigen/Core>

#include <cmath>
#include <limits>
#include <optional>
#include <type_traits>

namespace gdlab {

/** @brief What a state's numbers say before the stopping rules see it: finiteness and the gradient norm. */
struct StateCheck {
    bool finite = true; ///< θ, loss, RMSE, every gradient component and the gradient norm are finite
    double squares = 0; ///< Σ gᵢ², summed in order
    double scaledNorm = -1; ///< the overflow-safe norm, when Σ gᵢ² overflowed although every gᵢ is finite

    /** @brief |g|: computed only when asked for, since a run that keeps only its last state needs it once. */
    double gradientNorm() const { return scaledNorm >= 0 ? scaledNorm : std::sqrt(squares); }
};

/**
 * @brief The stopping rules every descent shares, whether it records each state (DescentRecorder) or only the
 * last one (FinalStateRecorder): one definition, so that both stop at the same iteration for the same reason.
 *
 * A state that is not finite ends the run as Diverged at the state before it (the start is kept even then). A kept
 * state stops the run when its loss exceeds 1e12·(initial loss + 1) (Diverged) or when its gradient norm is at most
 * the tolerance (Converged). Every member is always inlined: they run once per update in the solver's inner loop.
 */
class StopRules {
public:
    explicit StopRules(double tolerance)
        : m_tolerance(tolerance)
    {
    }

    /** @brief Whether a state is finite, and its gradient norm (p = count() values of theta and gradient). */
    template <class Count>
    [[gnu::always_inline]] static StateCheck inspect(
        Count count, const double* theta, double loss, const kernel::SumOfSquares& sum, const double* gradient)
    {
        const int p = count();
        StateCheck state;
        // Without a branch per component: x·0 is 0 for every finite x and NaN for ±∞ and NaN, so Σ θᵢ·0 is finite
        // exactly when every θᵢ is; and Σ gᵢ² is finite only when every gᵢ is. Only when it is not (a gᵢ that is not
        // finite, or squares that overflow) are the components looked at one by one.
        double thetaZeros = 0;
        for (int i = 0; i < p; ++i) {
            state.squares += gradient[i] * gradient[i];
            thetaZeros += theta[i] * 0.0;
        }
        bool finite = std::isfinite(loss) && sum.isFinite() && std::isfinite(thetaZeros);
        if (!std::isfinite(state.squares)) {
            for (int i = 0; i < p; ++i)
                finite = finite && std::isfinite(gradient[i]);
            // Squaring components beyond about 1e154 overflows although the gradient itself is finite; only then pay
            // for the scaled norm, so that ordinary runs keep their exact digits. √(Σ gᵢ²) is finite exactly when
            // Σ gᵢ² is.
            if (finite)
                state.scaledNorm = Eigen::Map<const Eigen::VectorXd>(gradient, p).stableNorm();
        }
        state.finite = finite && std::isfinite(state.scaledNorm >= 0 ? state.scaledNorm : state.squares);
        return state;
    }

    /**
     * @brief inspect() for a state whose gradient norm no rule reads (no tolerance) and which is wanted only if it
     * is the last: the same finite flag, but squares left NaN, to be taken from the kept state at the end. Σ gᵢ² and
     * Σ θᵢ·0 go in vectors, in any order: their total is at most 2¹⁰⁰⁰ only when every gᵢ and θᵢ is finite and
     * the ordered Σ gᵢ² of at most 11 terms cannot overflow; otherwise (or for a count not fixed) inspect() decides.
     */
    template <class Count>
    [[gnu::always_inline]] static StateCheck inspectWithoutNorm(
        Count count, const double* theta, double loss, const kernel::SumOfSquares& sum, const double* gradient)
    {
        if constexpr (std::is_same_v<Count, kernel::DynamicCount>) {
            return inspect(count, theta, loss, sum, gradient);
        } else {
            if (!(packedSquares(count, theta, gradient) <= 0x1p1000))
                return inspect(count, theta, loss, sum, gradient);
            StateCheck state;
            state.squares = std::numeric_limits<double>::quiet_NaN();
            state.finite = std::isfinite(loss) && sum.isFinite();
            return state;
        }
    }

    /** @brief Whether a rule reads the gradient norm of every state (a tolerance was given). */
    bool readsNorms() const { return m_tolerance > 0; }

    /** @brief The run's end at a state that is not kept (one that is not finite after the start), if it is one. */
    [[gnu::always_inline]] static std::optional<RunResult> beforeKeeping(long long iteration, const StateCheck& state)
    {
        if (!state.finite && iteration != 0)
            return RunResult { StopReason::Diverged, iteration - 1 };
        return std::nullopt;
    }

    /** @brief The run's end at a state just kept, or nothing to go on. */
    [[gnu::always_inline]] std::optional<RunResult> afterKeeping(
        long long iteration, const StateCheck& state, double loss)
    {
        if (iteration == 0) {
            if (!state.finite)
                return RunResult { StopReason::Diverged, 0 };
            m_divergenceLimit = 1e12 * (loss + 1.0);
        } else if (loss > m_divergenceLimit) {
            return RunResult { StopReason::Diverged, iteration };
        }
        if (m_tolerance > 0 && state.gradientNorm() <= m_tolerance)
            return RunResult { StopReason::Converged, iteration };
        return std::nullopt;
    }

private:
    // Σ (gᵢ² + θᵢ·0) over vectors of lanes, each lane its own sum, then the lanes: NaN or +∞ if any value is not
    // finite, and otherwise within rounding of Σ gᵢ².
    template <class Count>
    [[gnu::always_inline]] static double packedSquares(Count count, const double* theta, const double* gradient)
    {
        kernel::LaneVector<Count::lanes> wide = {};
        kernel::LaneVector<2> pair = {};
        double single = 0;
        kernel::forLaneGroups(
            count, [&](int i, auto* width) __attribute__((always_inline)) {
                using Lanes = std::remove_pointer_t<decltype(width)>;
                Lanes t, g;
                kernel::loadLanes(t, theta + i);
                kernel::loadLanes(g, gradient + i);
                const Lanes terms = g * g + t * 0.0;
                if constexpr (std::is_same_v<Lanes, double>)
                    single += terms;
                else if constexpr (sizeof(Lanes) == sizeof(wide))
                    wide += terms;
                else
                    pair += terms;
            });
        for (int lane = 0; lane < Count::lanes; ++lane)
            single += wide[lane];
        return single + pair[0] + pair[1];
    }

    double m_tolerance;
    double m_divergenceLimit = 0;
};

} // namespace gdlab
