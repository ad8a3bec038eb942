#pragma once

#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>

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
    /**
     * @brief Gᵀ for G = XᵀX (symmetric), p × p column-major: column i holds G(i, j) for every j, so that
     * v_j = Σᵢ G(i, j)·δᵢ is built by columns, which vectorizes over j, from exactly the elements a dot product of
     * column j of G with δ reads (even were G's two halves to differ in their last bits).
     */
    const double* gramTransposed = nullptr;
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

/** @brief sums = Σᵢ δᵢ·(column i of a p × p column-major matrix), each sum in the order i = 0, 1, … from 0. */
[[gnu::always_inline]] inline void addColumns(int p, const double* columns, const double* delta, double* sums)
{
    for (int j = 0; j < p; ++j)
        sums[j] = 0;
    for (int i = 0; i < p; ++i) {
        const double* column = columns + i * p;
        const double d = delta[i];
        for (int j = 0; j < p; ++j)
            sums[j] += column[j] * d;
    }
}

/**
 * @brief addColumns() for a count known at compile time, two sums at a time: each lane of a pair does the scalar
 * multiply and add of its own sum, so every sum is bit for bit the scalar one, while the compiler, which would not
 * pack the fully unrolled scalar loop, gets half the instructions. The sums stay in registers.
 */
template <int P>
[[gnu::always_inline]] inline void addColumnPairs(const double* columns, const double* delta, double* sums)
{
    using Pair = double __attribute__((vector_size(2 * sizeof(double))));
    constexpr int pairs = P / 2;
    Pair pairSums[pairs > 0 ? pairs : 1] = {};
    double oddSum = 0;
    for (int i = 0; i < P; ++i) {
        const double* column = columns + i * P;
        const Pair d = { delta[i], delta[i] };
        for (int k = 0; k < pairs; ++k) {
            Pair values;
            std::memcpy(&values, column + 2 * k, sizeof values);
            pairSums[k] += values * d;
        }
        if constexpr (P % 2 != 0)
            oddSum += column[P - 1] * delta[i];
    }
    for (int k = 0; k < pairs; ++k) {
        sums[2 * k] = pairSums[k][0];
        sums[2 * k + 1] = pairSums[k][1];
    }
    if constexpr (P % 2 != 0)
        sums[P - 1] = oddSum;
}

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
    // v_j = Σᵢ G(i, j)·δᵢ summed in the order i = 0, 1, …, as a dot product of column j with δ would, but as p column
    // updates v += δᵢ·(column i of Gᵀ): every v_j sees the same products in the same order (0 + x is x), and the
    // inner loop runs over j, so it vectorizes without reordering a single sum.
    if constexpr (std::is_same_v<Count, DynamicCount>)
        addColumns(p, terms.gramTransposed, delta, gramDelta);
    else
        addColumnPairs<Count::value>(terms.gramTransposed, delta, gramDelta);
    double quadratic = 0;
    for (int j = 0; j < p; ++j)
        quadratic += delta[j] * gramDelta[j];
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
