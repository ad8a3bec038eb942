#pragma once

#include "views/current_point_layer.h"

#include <QPoint>
#include <QPointF>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPCurve;
class QCPItemLine;
class QLabel;
class QStackedLayout;

namespace gdlab {

class ContourLegend;
class ContourLinesLayer;
class DescentPathLayer;
class ErrorSurfaceModel;
class IterationModel;
class OffFrameIndicator;
class OptimumStar;
class PinnedPathsLayer;
class PinnedRuns;
class SliceSubtitle;
class StartPointGesture;
class SurfaceMapLayer;

/**
 * @brief The error surface as a colour map with contour lines, the descent path on it, the least-squares
 * optimum (★) and the negative gradient at the current point. A click asks for the descent to start there.
 *
 * A new run redraws everything once, the surface included; rows a worker appends extend the path; moving the
 * current row only moves the end of the path, the point and the arrow, so stepping and playback stay cheap. A
 * surface that changes for other reasons (a worker's rows widen its range, another slice) is redrawn when it
 * arrives, unless it is the one drawn already. Pinned runs (compare runs) are drawn as whole paths in their own
 * colours over the live one. The legend sits in a row below the map, never over the star, the start or the
 * current point.
 */
class ContourPlot : public QWidget {
    Q_OBJECT

public:
    /** @brief The gradient arrow is drawn this long, as a fraction of the view (its direction is exact). */
    static constexpr double arrowViewFraction = CurrentPointLayer::arrowViewFraction;

    ContourPlot(const IterationModel* model, const ErrorSurfaceModel* surface, QWidget* parent = nullptr);

    /** @brief Adds the layers the view's pieces draw on to plot: "surface", "contours", "path", "pinned" under
     * "main" (the markers), "arrow" over it. */
    static void addLayers(QCustomPlot* plot);

    QCustomPlot* plot() const { return m_plot; }
    /** @brief Larger fonts, lines and markers for the back row of a classroom. */
    void setPresentationMode(bool on);
    bool isPresentationMode() const { return m_presentation; }
    /** @brief Draws these pinned runs' whole paths (null: none). */
    void setPinnedRuns(const PinnedRuns* runs);
    /** @brief How many times the view redrew everything (once per new run or new surface). */
    int refreshCount() const { return m_refreshCount; }

    // Read access for tests and for exporting.
    QCPColorMap* colorMap() const;
    QCPColorScale* colorScale() const;
    QCPCurve* pathCurve() const;
    QCPCurve* currentPointCurve() const;
    QCPCurve* optimumMarker() const;
    QCPItemLine* gradientArrow() const;
    /** @brief The arrow at the edge that points at the current θ once it has left the view. */
    OffFrameIndicator* offFrameIndicator() const;
    const std::vector<QCPCurve*>& contourCurves() const;
    /** @brief One curve per pinned run, in the runs' order. */
    const std::vector<QCPCurve*>& pinnedCurves() const;
    /** @brief The slice sentence shown above the map ("" with two parameters). */
    QString subtitle() const;
    /** @brief Whether the view shows a message instead of the map (no surface: e.g. one parameter only). */
    bool isShowingMessage() const;
    QString messageText() const;
    /** @brief The pixel in plot() coordinates where a point of the slice is drawn. */
    QPoint pixelFor(const QPointF& slicePoint) const;

signals:
    /** @brief The user clicked the map: descend from this θ (the clicked slice point, the rest as started). */
    void startPointChosen(std::vector<double> theta);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void drawSurface();
    void onSurfaceChanged();
    void onRowsAppended(int first);
    void updateCurrent();
    void rebuildPinned();
    void updatePinnedLabels();
    void applyStyle();
    void replot();
    void onClicked(const QPointF& slicePoint);

    const IterationModel* m_model;
    const ErrorSurfaceModel* m_surface;
    const PinnedRuns* m_pinned = nullptr;

    QStackedLayout* m_stack = nullptr;
    QLabel* m_message = nullptr;
    QCustomPlot* m_plot = nullptr;
    // The pieces, children of this view; their plottables and items belong to m_plot.
    SurfaceMapLayer* m_map = nullptr;
    DescentPathLayer* m_path = nullptr;
    CurrentPointLayer* m_current = nullptr;
    OptimumStar* m_optimum = nullptr;
    ContourLegend* m_legend = nullptr;
    ContourLinesLayer* m_contours = nullptr;
    PinnedPathsLayer* m_pinnedPaths = nullptr;
    SliceSubtitle* m_subtitle = nullptr;
    StartPointGesture* m_gesture = nullptr;

    bool m_presentation = false;
    int m_refreshCount = 0;
};

} // namespace gdlab
