#pragma once

#include <algorithm>
#include <cmath>

namespace gdlab::kernel {

/** @brief A parameter count known at compile time, so that the loops below unroll for small models. */
template <int P> struct FixedCount {
    static constexpr int value = P;
    constexpr int operator()() const { return P; }
};

/** @brief A parameter count known at run time (models too large to specialise). */
struct DynamicCount {
    int value;
    int operator()() const { return value; }
};

/** @brief What a quadratic loss needs at every evaluation; pointers into arrays owned elsewhere. */
struct QuadraticTerms {
    const double* gram = nullptr; ///< G = XᵀX, p × p column-major (symmetric)
    const double* optimum = nullptr; ///< θ*
    const double* normalResidual = nullptr; ///< Gθ* − c
    double minimumSumOfSquares = 0; ///< SSE(θ*)
    double weight = 1; ///< w: loss = w·Σr²
    double rows = 1; ///< n, for the RMSE
};

/**
 * @brief Σr² of a state with the row count, so that the RMSE (a division and a square root) is taken only where it
 * is wanted: a run that keeps only its last state takes it once.
 */
struct SumOfSquares {
    double squares = 0; ///< Σ r², clamped at 0 (NaN or +∞ when the state is not finite)
    double rows = 1; ///< n ≥ 1

    double rmse() const { return std::sqrt(squares / rows); }
    /** @brief Whether rmse() is finite: exactly when Σr² is, since n ≥ 1 (no division, no root). */
    bool isFinite() const { return std::isfinite(squares); }
};

/**
 * @brief Loss and gradient at theta, writing the gradient and Σr²; delta and gramDelta are scratch of p values.
 *
 * The one arithmetic of every evaluation in the program (the solver's inner loop specialised for its parameter
 * count, and every on-demand evaluation): the sums run in the same order whatever Count is, so the results are
 * bit for bit the same. With δ = θ − θ* and v = Gδ: Σr² = δᵀv + SSE(θ*) and ∇L = 2w·(v + Gθ* − c).
 */
// Always inlined: it is the solver's inner loop, where a call would send θ and the gradient through memory.
template <class Count>
[[gnu::always_inline]] inline double evaluateQuadratic(Count count, const QuadraticTerms& terms, const double* theta,
    double* delta, double* gramDelta, double* gradient, SumOfSquares* sum)
{
    const int p = count();
    for (int i = 0; i < p; ++i)
        delta[i] = theta[i] - terms.optimum[i];
    // G is symmetric, so column j of G is row j: each v[j] is one contiguous dot product.
    double quadratic = 0;
    for (int j = 0; j < p; ++j) {
        const double* column = terms.gram + j * p;
        double dot = 0;
        for (int i = 0; i < p; ++i)
            dot += column[i] * delta[i];
        gramDelta[j] = dot;
        quadratic += delta[j] * dot;
    }
    const double squares = std::max(quadratic + terms.minimumSumOfSquares, 0.0);
    const double scale = 2.0 * terms.weight;
    for (int i = 0; i < p; ++i)
        gradient[i] = scale * (gramDelta[i] + terms.normalResidual[i]);
    *sum = SumOfSquares { squares, terms.rows };
    return terms.weight * squares;
}

/** @brief The same, writing the RMSE. */
template <class Count>
[[gnu::always_inline]] inline double evaluateQuadratic(Count count, const QuadraticTerms& terms, const double* theta,
    double* delta, double* gramDelta, double* gradient, double* rmse)
{
    SumOfSquares sum;
    const double loss = evaluateQuadratic(count, terms, theta, delta, gramDelta, gradient, &sum);
    *rmse = sum.rmse();
    return loss;
}

} // namespace gdlab::kernel
