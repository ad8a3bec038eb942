#pragma once

#include <QObject>
#include <QPointF>

class QCPItemLine;
class QCPItemText;
class QCustomPlot;

namespace gdlab {

class PlotStyle;

/**
 * @brief Where a point outside the plot's ranges went: an arrow just inside the edge, on the line from the view's
 * centre towards the point, and its coordinates beside it. A diverging run leaves the frame after a few steps;
 * without it the current θ simply vanishes.
 */
class OffFrameIndicator : public QObject {
    Q_OBJECT

public:
    explicit OffFrameIndicator(QCustomPlot* plot, QObject* parent = nullptr);

    /** @brief Points at target when it lies outside the axis ranges; hides itself otherwise (or when not finite). */
    void pointAt(const QPointF& target);
    /** @brief The same, with another label (say what is off the frame, not only where). */
    void pointAt(const QPointF& target, const QString& label);
    /**
     * @brief Points at the line y = intercept + slope·x when it misses the whole frame (wholly above or below it),
     * naming it "current fit off the frame: ŷ = …"; hides itself when any part of the line is in sight.
     */
    void pointAtLine(double intercept, double slope);
    void clear();
    void applyStyle(const PlotStyle& style);

    bool isShown() const;
    QCPItemLine* arrow() const { return m_arrow; }
    QCPItemText* label() const { return m_label; }

    /** @brief The label's text for a point at target: "current θ off the map: (a, b)". */
    static QString text(const QPointF& target);

private:
    QCustomPlot* m_plot;
    QCPItemLine* m_arrow;
    QCPItemText* m_label;
};

} // namespace gdlab
