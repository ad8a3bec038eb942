#pragma once

#include "problem.h"
#include "solver_settings.h"

#include <string>
#include <vector>

namespace gdlab {

/**
 * @brief A built-in lesson: a data set and the settings its tutorial used, so it opens exactly as the
 * tutorial set it up.
 */
struct Lesson {
    std::string name; ///< for --lesson, e.g. "five_points"
    std::string title; ///< shown in the lesson chooser
    std::string description; ///< one or two sentences on what the lesson shows
    std::string fileName; ///< CSV file name in resources/lessons
    ProblemSpec problem;
    SolverSettings solver;
    bool useOptimalRate = false; ///< replace solver.learningRate by the optimal fixed rate 2/(λmin+λmax)
    std::vector<long long> ghostIterations; ///< iterations whose lines the fit view shows muted
    /** @brief The race the lesson opens in the window ("momentum,gd": see parseRace), or empty for none. Its first
     * entry is the lesson's own optimizer. */
    std::string race;
};

/** @brief Every built-in lesson; the first is the default. */
const std::vector<Lesson>& lessonCatalog();
/** @brief The lesson of that name, or nullptr. */
const Lesson* findLesson(const std::string& name);

} // namespace gdlab
