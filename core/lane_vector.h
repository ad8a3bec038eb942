#pragma once

#include <cmath>
#include <cstring>

namespace gdlab::kernel {

/**
 * @brief L doubles in one vector register (GCC's vector extension), or a plain double for L = 1. Each lane does the
 * scalar operation on its own element (IEEE multiply, add, divide, square root), so a result is bit for bit the
 * scalar one; vectors only do several at once. Explicit specialisations: GCC ignores vector_size on an alias whose
 * size depends on a template parameter.
 */
template <int L> struct LaneType;
template <> struct LaneType<1> {
    using type = double;
};
template <> struct LaneType<2> {
    typedef double type __attribute__((vector_size(2 * sizeof(double))));
};
template <> struct LaneType<4> {
    typedef double type __attribute__((vector_size(4 * sizeof(double))));
};
template <int L> using LaneVector = typename LaneType<L>::type;

// Vectors go by reference, never by value: a 32-byte vector passed by value has an ABI of its own without AVX.
template <class V> [[gnu::always_inline]] inline void loadLanes(V& to, const double* from)
{
    std::memcpy(&to, from, sizeof to);
}

template <class V> [[gnu::always_inline]] inline void storeLanes(double* to, const V& from)
{
    std::memcpy(to, &from, sizeof from);
}

/** @brief √ of every lane: a loop over the lanes that the compiler turns into one packed root (-fno-math-errno). */
template <class V> [[gnu::always_inline]] inline void sqrtLanes(V& values)
{
    if constexpr (sizeof(V) == sizeof(double)) {
        values = std::sqrt(values);
    } else {
        for (int lane = 0; lane < static_cast<int>(sizeof(V) / sizeof(double)); ++lane)
            values[lane] = std::sqrt(values[lane]);
    }
}

} // namespace gdlab::kernel
