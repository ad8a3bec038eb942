#pragma once

// Test support: what an edit of the data changes (the values, the lesson name, the title, the descent), kept as
// values so that a test can check that an undo gives all of it back bit for bit.

#include "dataset.h"
#include "history.h"
#include "run.h"

#include <Eigen/Core>

#include <string>

namespace gdlab::test {

struct DataSnapshot {
    Eigen::MatrixXd values;
    std::string lessonName;
    std::string title;
    Eigen::MatrixXd thetas; ///< every θ of the history, one column per row

    bool operator==(const DataSnapshot& other) const
    {
        // Eigen's == on matrices of different sizes asserts; the sizes are part of the comparison here.
        return values.rows() == other.values.rows() && values.cols() == other.values.cols() && values == other.values
            && lessonName == other.lessonName && title == other.title && thetas.rows() == other.thetas.rows()
            && thetas.cols() == other.thetas.cols() && thetas == other.thetas;
    }
    bool operator!=(const DataSnapshot& other) const { return !(*this == other); }
};

/** @brief The data, names and descent of a complete run (none: an empty snapshot). */
inline DataSnapshot snapshotOf(const Run* run)
{
    DataSnapshot snapshot;
    if (!run)
        return snapshot;
    snapshot.values = run->dataset->values();
    snapshot.lessonName = run->lessonName;
    snapshot.title = run->title;
    if (run->history)
        snapshot.thetas = run->history->thetas();
    return snapshot;
}

} // namespace gdlab::test
