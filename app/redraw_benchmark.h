#pragma once

#include <QString>

namespace gdlab {

class MainWindow;

/**
 * @brief Measures what a teacher feels: the time from a learning-rate change to the new trajectory drawn in
 * all four views, on a lesson-sized problem (n = 10,000 rows, 10,000 batch updates).
 */
class RedrawBenchmark {
public:
    /** @brief Loads the benchmark problem into the window's controller, measures, and returns a report. */
    static QString run(MainWindow* window, int repetitions = 40);
};

} // namespace gdlab
