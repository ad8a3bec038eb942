#pragma once

#include "fit_lines.h"

#include <QVector>

class QCPGraph;

namespace gdlab {

/**
 * @brief How the fit view draws a fit: the straight line ŷ = intercept + slope·x of the linear model, or the
 * probability curve p = σ(intercept + slope·x) of the logistic one, whose line is the log-odds z.
 *
 * The curve is sampled evenly in z, every zStep, where it bends, and only at the ends where σ is flat (|z| > zFlat):
 * its chords then stray less than 2e-4 from σ whatever the zoom, the export resolution or the steepness, so it is
 * smooth at any size, and a step redraws at most a few hundred points.
 */
class FitCurve {
public:
    /** @brief Between samples, z changes by this much: a chord strays at most zStep²/8 · max|σ''| ≈ 1.2e-4. */
    static constexpr double zStep = 0.1;
    /** @brief Beyond |z| = zFlat, σ is within 1e-8 of 0 or 1: no more samples there. */
    static constexpr double zFlat = 18.0;

    /** @brief The fit of line at x: the line itself, or σ of it. */
    static double at(const FitLines::Line& line, bool sigmoid, double x);
    /** @brief The points that draw the fit from x0 to x1 (ascending keys, x0 and x1 included). */
    static void sample(
        const FitLines::Line& line, bool sigmoid, double x0, double x1, QVector<double>& keys, QVector<double>& values);
    /** @brief A graph with ascending keys read at x by linear interpolation; NaN outside its keys or when empty. */
    static double graphAt(const QCPGraph* graph, double x);
    /** @brief Where σ(line) = 0.5, that is z = 0: x = −intercept/slope; NaN for a flat line. */
    static double decisionPoint(const FitLines::Line& line);
};

} // namespace gdlab
