#pragma once

#include "dataset.h"
#include "problem.h"
#include "solver_settings.h"

#include <QJsonObject>

#include <memory>
#include <string>
#include <vector>

namespace gdlab {

/** @brief What a .gdlab file restores (SessionFile::read), complete and checked: open it in one step. */
struct SavedSession {
    std::shared_ptr<const Dataset> dataset; ///< the lesson's, the rows saved, or the CSV read again
    std::string lesson; ///< the built-in lesson the data is, unedited; empty for the user's own data
    std::string title;
    ProblemSpec spec; ///< resolved against dataset
    SolverSettings settings;
    std::vector<long long> ghostIterations;
    long long iteration = 0; ///< where the cursor was
    std::vector<SolverSettings> pins; ///< the runs the user pinned, by their settings (computed again on opening)
    /** The race that was running, as parseRace() reads it ("gd,momentum:lr=0.05"), checked; empty for none. */
    std::string race;
    /** Each view's options, as the window wrote them (SessionActions reads them back; unknown keys are ignored). */
    QJsonObject views;
    /** The guide that was open and its step ({"name"|"path", "step"}, GuideRunner::sessionJson); empty: none. */
    QJsonObject guide;
};

} // namespace gdlab
