#pragma once

#include <QPoint>
#include <QPointF>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPCurve;
class QCPGraph;
class QCPItemLine;
class QCPTextElement;
class QLabel;
class QMouseEvent;
class QStackedLayout;

namespace gdlab {

class ErrorSurfaceModel;
class IterationModel;
class PinnedRuns;
class SessionController;

/**
 * @brief The error surface as a colour map with contour lines, the descent path on it, the least-squares
 * optimum (★) and the negative gradient at the current point. A click sets the starting point.
 *
 * A new surface or history redraws everything; moving the current row only moves the end of the path, the
 * point and the arrow, so stepping and playback stay cheap. Pinned runs (compare runs) are drawn as whole paths
 * in their own colours under the live one. The legend sits in a row below the map, never over the star, the
 * start or the current point.
 */
class ContourPlot : public QWidget {
    Q_OBJECT

public:
    /** @brief The gradient arrow is drawn this long, as a fraction of the view (its direction is exact). */
    static constexpr double arrowViewFraction = 0.12;

    explicit ContourPlot(SessionController* controller, ErrorSurfaceModel* surface, QWidget* parent = nullptr);

    QCustomPlot* plot() const { return m_plot; }
    /** @brief Larger fonts, lines and markers for the back row of a classroom. */
    void setPresentationMode(bool on);
    bool isPresentationMode() const { return m_presentation; }
    /** @brief Draws these pinned runs' whole paths (null: none); the runs must outlive this view or be reset. */
    void setPinnedRuns(PinnedRuns* runs);

    // Read access for tests and for exporting.
    QCPColorMap* colorMap() const { return m_map; }
    QCPColorScale* colorScale() const { return m_scale; }
    QCPCurve* pathCurve() const { return m_path; }
    QCPCurve* currentPointCurve() const { return m_currentPoint; }
    QCPCurve* optimumMarker() const { return m_optimum; }
    QCPItemLine* gradientArrow() const { return m_arrow; }
    const std::vector<QCPCurve*>& contourCurves() const { return m_contours; }
    /** @brief One curve per pinned run, in the runs' order. */
    const std::vector<QCPCurve*>& pinnedCurves() const { return m_pinnedCurves; }
    /** @brief The slice sentence shown above the map ("" with two parameters). */
    QString subtitle() const;
    /** @brief Whether the view shows a message instead of the map (no surface: e.g. one parameter only). */
    bool isShowingMessage() const;
    QString messageText() const;
    /** @brief The pixel in plot() coordinates where a point of the slice is drawn. */
    QPoint pixelFor(const QPointF& slicePoint) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuildSurface();
    void rebuildPathIndex();
    void extendPathIndex(int firstRow);
    void updateCurrent();
    void applyStyle();
    void rebuildPinned();
    void updatePinnedLabels();
    void applyPinnedStyle();
    /** Wraps the legend row into as many columns as the width takes (before each replot). */
    void wrapLegend();
    void setSubtitle(const QString& text);
    void onMousePress(QMouseEvent* event);
    void onMouseRelease(QMouseEvent* event);
    void startAt(const QPointF& slicePoint);

    SessionController* m_controller;
    ErrorSurfaceModel* m_surface;
    IterationModel* m_model;

    QStackedLayout* m_stack = nullptr;
    QLabel* m_message = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPColorMap* m_map = nullptr;
    QCPColorScale* m_scale = nullptr;
    std::vector<QCPCurve*> m_contours;
    QCPCurve* m_path = nullptr;
    QCPCurve* m_currentPoint = nullptr;
    QCPCurve* m_optimum = nullptr;
    QCPItemLine* m_arrow = nullptr;
    QCPGraph* m_arrowLegend = nullptr; // an empty graph, so the legend can say what the arrow means
    QCPTextElement* m_subtitle = nullptr;
    PinnedRuns* m_pinned = nullptr;
    std::vector<QCPCurve*> m_pinnedCurves;

    /** Rows of the history the path draws (the others move less than half a pixel), ascending. */
    std::vector<int> m_pathRows;
    bool m_pathStale = true;
    bool m_presentation = false;
    QPoint m_pressPosition;
    bool m_pressed = false;
};

} // namespace gdlab
