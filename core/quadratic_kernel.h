#pragma once

#include "lane_vector.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>

namespace gdlab::kernel {

/**
 * @brief A parameter count known at compile time, so that the loops below unroll for small models. Lanes is how many
 * independent sums of the O(k²) products go in one vector: 2 (SSE2, every x86-64) unless the caller runs on a wider
 * unit (4 where AVX2 is there, see BatchDescent). It changes the instructions, never a result.
 */
template <int P, int Lanes = 2> struct FixedCount {
    static constexpr int value = P;
    static constexpr int lanes = Lanes;
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
 * @brief Calls op(i, tag) over groups of elements that cover [0, p) once each: vectors of Count::lanes from 0, then a
 * pair, then a single, tag being a null LaneVector pointer of the group's width (a double pointer for one element).
 * For a DynamicCount, one element at a time. op does the same scalar operations whatever the width.
 */
template <class Count, class Op> [[gnu::always_inline]] inline void forLaneGroups(Count count, const Op& op)
{
    if constexpr (std::is_same_v<Count, DynamicCount>) {
        for (int i = 0; i < count(); ++i)
            op(i, static_cast<double*>(nullptr));
    } else {
        constexpr int P = Count::value;
        constexpr int L = Count::lanes;
        for (int k = 0; k < P / L; ++k)
            op(k * L, static_cast<LaneVector<L>*>(nullptr));
        if constexpr (L > 2 && P % L >= 2)
            op(P / L * L, static_cast<LaneVector<2>*>(nullptr));
        if constexpr (P % 2 != 0)
            op(P - 1, static_cast<double*>(nullptr));
    }
}

/**
 * @brief The P elements at from, read in the groups forLaneGroups() writes them in (vectors of L, a pair, a single)
 * and taken apart in registers: a load of one element out of a vector just stored waits for the store to reach the
 * cache on some processors (it cost Newton's step a sixth of its time).
 */
template <int P, int L> [[gnu::always_inline]] inline void loadElements(const double* from, double (&to)[P])
{
    forLaneGroups(
        FixedCount<P, L> {}, [&](int i, auto* width) __attribute__((always_inline)) {
            std::remove_pointer_t<decltype(width)> group;
            loadLanes(group, from + i);
            if constexpr (sizeof group == sizeof(double)) {
                to[i] = group;
            } else {
                for (int lane = 0; lane < static_cast<int>(sizeof group / sizeof(double)); ++lane)
                    to[i + lane] = group[lane];
            }
        });
}

/** @brief vectors[k] += column[first + k·L, first + (k+1)·L)·d, lane by lane (the scalar operations and bits). */
template <int L, int Sums>
[[gnu::always_inline]] inline void addLanes(LaneVector<L> (&vectors)[Sums], int first, const double* column, double d)
{
    for (int k = 0; k < Sums; ++k) {
        LaneVector<L> values;
        loadLanes(values, column + first + k * L);
        vectors[k] += values * d; // d goes to every lane (a broadcast, not a round trip through memory)
    }
}

/**
 * @brief addColumns() for a count known at compile time, L sums at a time (then a pair and a single for what is
 * left): each lane does the scalar multiply and add of its own sum, so every sum is bit for bit the scalar one, while
 * the compiler, which would not pack the fully unrolled scalar loop, gets a fraction of the instructions. The sums
 * stay in registers.
 */
template <int P, int L = 2>
[[gnu::always_inline]] inline void addColumnVectors(const double* columns, const double* delta, double* sums)
{
    constexpr int wide = P / L;
    constexpr bool pair = L > 2 && P % L >= 2;
    constexpr int single = P - wide * L - (pair ? 2 : 0); // 0 or 1
    LaneVector<L> wideSums[wide > 0 ? wide : 1] = {};
    LaneVector<2> pairSum[1] = {};
    double singleSum = 0;
    double d[P];
    loadElements<P, L>(delta, d);
    for (int i = 0; i < P; ++i) {
        const double* column = columns + i * P;
        if constexpr (wide > 0)
            addLanes<L>(wideSums, 0, column, d[i]);
        if constexpr (pair)
            addLanes<2>(pairSum, wide * L, column, d[i]);
        if constexpr (single != 0)
            singleSum += column[P - 1] * d[i];
    }
    for (int k = 0; k < wide; ++k)
        storeLanes(sums + k * L, wideSums[k]);
    if constexpr (pair)
        storeLanes(sums + wide * L, pairSum[0]);
    if constexpr (single != 0)
        sums[P - 1] = singleSum;
}

/** @brief addColumns() for either kind of count: vectors of Count::lanes for a fixed one. */
template <class Count>
[[gnu::always_inline]] inline void addColumnsOf(Count count, const double* columns, const double* delta, double* sums)
{
    if constexpr (std::is_same_v<Count, DynamicCount>)
        addColumns(count(), columns, delta, sums);
    else
        addColumnVectors<Count::value, Count::lanes>(columns, delta, sums);
}

/** @brief Rows a p × p matrix is stored with for addPaddedColumns(): p rounded up to a whole number of fours. */
constexpr int paddedRows(int p)
{
    return (p + 3) / 4 * 4;
}

/**
 * @brief sums = Σᵢ δᵢ·(column i) from a p × p matrix stored with paddedRows(p) rows per column (zero below p), each
 * sum in two halves: one over the even i and one over the odd i, each in ascending order from 0, added at the end;
 * then, where factors is given, sums[j] times factors[j]. Half as long a chain of dependent additions as
 * addColumns(), for products that wait on one another (Newton's two after the gradient's); not a dot product's
 * order, so whatever must agree with these sums calls this.
 */
[[gnu::always_inline]] inline void addPaddedColumns(
    int p, const double* columns, const double* delta, const double* factors, double* sums)
{
    const int rows = paddedRows(p);
    for (int j = 0; j < p; ++j) {
        double even = 0;
        double odd = 0;
        for (int i = 0; i < p; i += 2)
            even += columns[i * rows + j] * delta[i];
        for (int i = 1; i < p; i += 2)
            odd += columns[i * rows + j] * delta[i];
        sums[j] = factors ? (even + odd) * factors[j] : even + odd;
    }
}

/**
 * @brief addPaddedColumns() for a count known at compile time, bit for bit: whole vectors of L lanes down to the
 * padding, so that 11 sums take three vectors of four (the last lane adding zeros) rather than two, a pair and a
 * single, a quarter fewer multiplies and adds and registers enough for both halves. Only the first P sums are written,
 * in forLaneGroups()'s groups.
 */
template <int P, int L = 2>
[[gnu::always_inline]] inline void addPaddedColumnVectors(
    const double* columns, const double* delta, const double* factors, double* sums)
{
    constexpr int rows = paddedRows(P);
    constexpr int groups = (P + L - 1) / L;
    static_assert(groups * L <= rows, "the vectors stay within a column's padding");
    LaneVector<L> even[groups] = {};
    LaneVector<L> odd[groups] = {};
    double d[P];
    loadElements<P, L>(delta, d);
    for (int i = 0; i < P; ++i)
        addLanes<L>(i % 2 == 0 ? even : odd, 0, columns + i * rows, d[i]);
    for (int k = 0; k < P / L; ++k) {
        LaneVector<L> sum = even[k] + odd[k];
        if (factors) {
            LaneVector<L> factor;
            loadLanes(factor, factors + k * L);
            sum = sum * factor;
        }
        storeLanes(sums + k * L, sum);
    }
    if constexpr (P % L != 0) {
        constexpr int first = P / L * L;
        const LaneVector<L> last = even[groups - 1] + odd[groups - 1];
        if constexpr (L > 2 && P % L >= 2) {
            LaneVector<2> pair = { last[0], last[1] };
            if (factors)
                pair = pair * LaneVector<2> { factors[first], factors[first + 1] };
            storeLanes(sums + first, pair);
        }
        if constexpr (P % 2 != 0)
            sums[P - 1] = factors ? last[P % L - 1] * factors[P - 1] : last[P % L - 1];
    }
}

/** @brief addPaddedColumns() for either kind of count: vectors of Count::lanes for a fixed one. */
template <class Count>
[[gnu::always_inline]] inline void addPaddedColumnsOf(
    Count count, const double* columns, const double* delta, const double* factors, double* sums)
{
    if constexpr (std::is_same_v<Count, DynamicCount>)
        addPaddedColumns(count(), columns, delta, factors, sums);
    else
        addPaddedColumnVectors<Count::value, Count::lanes>(columns, delta, factors, sums);
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
    forLaneGroups(
        count, [&](int i, auto* width) __attribute__((always_inline)) {
            std::remove_pointer_t<decltype(width)> t, optimum;
            loadLanes(t, theta + i);
            loadLanes(optimum, terms.optimum + i);
            storeLanes(delta + i, t - optimum);
        });
    // v_j = Σᵢ G(i, j)·δᵢ summed in the order i = 0, 1, …, as a dot product of column j with δ would, but as p column
    // updates v += δᵢ·(column i of Gᵀ): every v_j sees the same products in the same order (0 + x is x), and the
    // inner loop runs over j, so it vectorizes without reordering a single sum.
    addColumnsOf(count, terms.gramTransposed, delta, gramDelta);
    double quadratic = 0;
    for (int j = 0; j < p; ++j)
        quadratic += delta[j] * gramDelta[j];
    const double squares = std::max(quadratic + terms.minimumSumOfSquares, 0.0);
    const double scale = 2.0 * terms.weight;
    forLaneGroups(
        count, [&](int i, auto* width) __attribute__((always_inline)) {
            std::remove_pointer_t<decltype(width)> v, residual;
            loadLanes(v, gramDelta + i);
            loadLanes(residual, terms.normalResidual + i);
            storeLanes(gradient + i, scale * (v + residual));
        });
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
