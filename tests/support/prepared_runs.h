#pragma once

// Test support: Runs prepared (not descended) from a lesson's file or from values given in the test, for the
// pieces that read a run's data and problem only.

#include "csv_reader.h"
#include "dataset.h"
#include "run.h"

#include <Eigen/Core>

#include <memory>
#include <string>

namespace gdlab::test {

/** @brief The run of values (named columns, the last one the target) with spec, history empty. */
inline std::shared_ptr<const Run> preparedRun(
    std::vector<std::string> columns, Eigen::MatrixXd values, const ProblemSpec& spec = ProblemSpec())
{
    auto dataset = std::make_shared<const Dataset>(std::move(columns), std::move(values), "test");
    return std::make_shared<const Run>(prepareRun(std::move(dataset), spec, SolverSettings()));
}

/** @brief The run of a lesson file (e.g. "five_points.csv") with spec, history empty. */
inline std::shared_ptr<const Run> preparedLessonRun(const char* fileName, const ProblemSpec& spec = ProblemSpec())
{
    auto dataset = std::make_shared<const Dataset>(CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/" + fileName));
    return std::make_shared<const Run>(prepareRun(std::move(dataset), spec, SolverSettings()));
}

} // namespace gdlab::test
