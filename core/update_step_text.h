#pragma once

#include <string>

namespace gdlab {

/**
 * @brief One parameter's update θ_{k+1} = θ_k − lr·g with its numbers written out, each to
 * SignificantDigits::byHand digits with a real minus sign, so that a student can redo it by hand:
 *
 *     θ0:  0.75 − 0.01 × (−1.62) = 0.7662
 *
 * The terms stay apart, so a view can set each in its own cell or colour.
 */
struct UpdateStepText {
    std::string before; ///< θ_k
    std::string rate; ///< lr
    std::string gradient; ///< g, in parentheses: "(−1.62)"
    std::string after; ///< θ_{k+1}
};

/** @brief The terms of before − rate × (gradient) = after. */
UpdateStepText formatUpdateStep(double before, double rate, double gradient, double after);

/** @brief "θ0:  0.75 − 0.01 × (−1.62) = 0.7662": the whole update of the parameter called symbol on one line. */
std::string updateStepLine(const std::string& symbol, const UpdateStepText& step);

} // namespace gdlab
