#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace gdlab {

/** @brief One narrated step of a guide (GuideReader reads it, GuideRunner applies it). */
struct GuideStep {
    QString caption; ///< what the teacher reads out; {placeholders} are filled from the model (GuideText)
    /** Only the settings that change, in the session's vocabulary (RunJson::settings); applied over the run shown. */
    QJsonObject settings;
    std::optional<long long> cursor; ///< put the cursor on this iteration
    std::optional<long long> playTo; ///< play from where the cursor is to this iteration
    int playSpeed = 0; ///< steps per second of that play; 0 = as fast as possible
    bool pin = false; ///< pin the run on screen before this step's settings change it
    QString emphasise; ///< "fit", "loss", "contour" or "bowl": the other views dim; empty = none
    QString question; ///< asked before the answer is shown; empty = none
    QString answer;
};

/** @brief A guide: a title, the lesson or CSV it runs on, and its steps. */
struct Guide {
    QString name; ///< the built-in guide's name; empty for a file
    QString path; ///< the file it was read from; empty for a built-in guide
    QString title;
    QString lesson; ///< the lesson it starts from, or empty when it names a CSV
    QString dataPath; ///< the CSV (absolute), when it names one
    std::vector<GuideStep> steps;
};

} // namespace gdlab
