#pragma once

#include <Eigen/Core>

namespace gdlab {

/**
 * @brief Where the descent is after some number of updates: a plain value, copied across threads.
 *
 * Loss, RMSE and gradient are always evaluated on the whole data set at theta, whatever the method.
 */
struct IterationState {
    long long iteration = 0; ///< number of updates made (0 = the starting point)
    long long epoch = 0; ///< full passes over the data completed
    Eigen::VectorXd theta; ///< parameters, in the space the descent runs in (scaled when standardized)
    double loss = 0;
    double rmse = 0; ///< sqrt(mean r²)
    Eigen::VectorXd gradient; ///< full-data gradient of the loss at theta
    double gradientNorm = 0; ///< Euclidean norm of gradient
    /**
     * @brief The gradient the update into this state used (a batch's or a sample's for SGD), so that one
     * step can be checked by hand: theta = previous theta − lr · stepGradient. Empty for iteration 0.
     */
    Eigen::VectorXd stepGradient;
};

} // namespace gdlab
