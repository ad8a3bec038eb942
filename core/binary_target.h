#pragma once

#include <Eigen/Core>

namespace gdlab {

class Dataset;

/** @brief Whether every value of column is 0 or 1: a target logistic regression can fit. */
bool isBinaryColumn(const Dataset& dataset, Eigen::Index column);

/**
 * @brief Throws InputError naming the first value of column that is neither 0 nor 1 (the target of logistic
 * regression holds classes, written 0, 1, 0.0 or 1.0): by file, line and column when the dataset came from a file
 * that still holds that value in that cell (the file is read again to find it), else by data row.
 */
void requireBinaryColumn(const Dataset& dataset, Eigen::Index column);

} // namespace gdlab
