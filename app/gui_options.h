#pragma once

#include "loss.h"
#include "model_kind.h"
#include "solver_settings.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace gdlab {

/**
 * @brief --bench-ui's cases besides the lessons: 10,000 synthetic rows, 10⁶ updates on five_points, and a race of four
 * optimizers on five_points (to set beside five_points alone).
 */
inline const QString benchTenThousandRows = QStringLiteral("n10k");
inline const QString benchMillionUpdates = QStringLiteral("updates1e6");
inline const QString benchRaceOfFour = QStringLiteral("race4");

/** @brief The command line of the gdlab window, parsed. */
struct GuiOptions {
    QString lesson; ///< empty = the default lesson (unless data is given)
    QString dataPath;
    QString sessionPath; ///< --session: a saved .gdlab session to open
    QString saveSessionPath; ///< --save-session: after the other flags, save the session here (then exit)
    bool noIntercept = false; ///< fit through the origin (the lesson's or the file's features, no θ0)
    std::optional<double> learningRate;
    std::optional<long long> iterations;
    std::optional<DescentMethod> method;
    std::optional<LossKind> loss;
    /** --model, or logistic for --loss logloss (the logistic model's only loss) */
    std::optional<ModelKind> model;
    std::optional<OptimizerKind> optimizer;
    QString race; ///< "gd,momentum:lr=0.05,adam": open the race of these configurations (checked by parseRace)
    std::optional<long long> step; ///< open at this iteration
    QString screenshotPath; ///< render the window after layout into this PNG and exit
    QString dumpViewsPath; ///< describe every view (rect, ranges, marks, texts) into this JSON file and exit
    /** What --export and --export-animation draw: fit, loss, contour, along, bowl or window (the default). */
    QString exportView;
    QString exportPath; ///< a view or the window into this .png, .svg or .pdf, then exit
    int exportScale = 1; ///< pixels per screen pixel of an exported PNG: 1, 2 or 3
    QString animationPath; ///< a view or the window from iteration 0 to --step (or the end) into this GIF, then exit
    int animationFrames = 30;
    double animationFps = 10;
    QSize size; ///< window size; invalid = the default
    bool presentation = false;
    QString guide; ///< --guide: a built-in guide's name or a guide file, opened at guideStep
    int guideStep = 1; ///< --guide-step: from 1, as the guide bar counts
    bool listGuides = false; ///< --list-guides: print the built-in guides' names and titles, exit
    QString theme; ///< --theme: system, light, dark or high-contrast; empty = the one kept in the settings
    bool benchUi = false; ///< measure a learning-rate change to all views redrawn, print, exit
    /** @brief With --bench-ui: --lesson's list of lessons and synthetic cases (lesson keeps a single lesson). */
    QString benchCase;
    bool benchOpen = false; ///< measure the process's start to the first full screen and the peak memory, print, exit
};

/** @brief The outcome of parsing: options, or a message (help/version text goes to exitText with code 0). */
struct GuiOptionsResult {
    GuiOptions options;
    QString error; ///< non-empty: print it and exit with 2
    QString exitText; ///< non-empty: print it (--help, --version) and exit with 0
};

/** @brief Parses the arguments including the program name (as QCoreApplication::arguments() gives them). */
GuiOptionsResult parseGuiOptions(const QStringList& arguments);

} // namespace gdlab
