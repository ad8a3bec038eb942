#pragma once

// Test support: a reproducible linear data set for the core tests and the benchmarks.

#include "dataset.h"

#include <Eigen/Core>

#include <random>
#include <string>
#include <vector>

namespace gdlab::test {

/**
 * @brief Columns x₁ … x_k and y = 1 + Σ j·x_j + noise·N(0, 1); the features are N(0, 1) plus shift (a shift makes them
 * nearly parallel to the intercept, so it raises κ). The same seed gives the same values.
 */
inline Dataset syntheticDataset(
    Eigen::Index rows, Eigen::Index features, double noise = 0.1, double shift = 0.0, unsigned seed = 7)
{
    std::mt19937_64 generator(seed);
    std::normal_distribution<double> normal;
    Eigen::MatrixXd values(rows, features + 1);
    std::vector<std::string> names;
    for (Eigen::Index j = 0; j < features; ++j)
        names.push_back("x" + std::to_string(j + 1));
    names.push_back("y");
    for (Eigen::Index i = 0; i < rows; ++i) {
        double y = 1.0;
        for (Eigen::Index j = 0; j < features; ++j) {
            values(i, j) = shift + normal(generator);
            y += static_cast<double>(j + 1) * values(i, j);
        }
        values(i, features) = y + noise * normal(generator);
    }
    return Dataset(names, values, "synthetic");
}

} // namespace gdlab::test
