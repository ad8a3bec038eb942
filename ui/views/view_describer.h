#pragma once

#include "views/view_description.h"

class QCustomPlot;
class QWidget;

namespace gdlab {

class BowlView;
class ContourPlot;
class ErrorSurfaceModel;
class IterationModel;
class LossPlot;

/**
 * @brief Describes a view as `--dump-views` writes it: its rectangle and every text it shows (any QCustomPlot and
 * label in it, whatever the view), its axis ranges, and the marks of the views that draw the current θ, the
 * optimum and the start. Any widget can be described; the marks are the known views' own.
 */
class ViewDescriber {
public:
    /** @brief The texts and pieces of window that every view has: rect, texts and the first plot's x and y ranges. */
    static ViewDescription describe(const QWidget& view, const QWidget& window);

    /** @brief The loss view: the marker at the current iteration. */
    static ViewDescription describeLoss(const LossPlot& view, const IterationModel& model, const QWidget& window);
    /** @brief The contour: current θ (pointed at when off the map), the optimum and the start, on the slice. */
    static ViewDescription describeContour(
        const ContourPlot& view, const IterationModel& model, const ErrorSurfaceModel& surface, const QWidget& window);
    /** @brief The bowl: its three axes (x θa, y θb, z loss) and the marks at (θa, θb, loss). */
    static ViewDescription describeBowl(
        const BowlView& view, const IterationModel& model, const ErrorSurfaceModel& surface, const QWidget& window);

    /** @brief Whether at lies within the ranges (each coordinate in its range, in order). */
    static bool inside(const QVector<double>& at, const QList<ViewDescription::Range>& ranges);

private:
    static void addTexts(ViewDescription& description, const QWidget& view, const QWidget& window);
};

} // namespace gdlab
