#include "views/clipped_line_graph.h"

#include <qcustomplot.h>

#include <cmath>
#include <limits>

namespace gdlab {

namespace {

/** Clips the segment a–b to rect (Liang–Barsky); false when no part of it is inside. */
bool clipSegment(const QRectF& rect, QPointF& a, QPointF& b)
{
    const double dx = b.x() - a.x();
    const double dy = b.y() - a.y();
    double enter = 0;
    double leave = 1;
    const double p[4] = { -dx, dx, -dy, dy };
    const double q[4] = { a.x() - rect.left(), rect.right() - a.x(), a.y() - rect.top(), rect.bottom() - a.y() };
    for (int side = 0; side < 4; ++side) {
        if (p[side] == 0) {
            if (q[side] < 0)
                return false; // parallel to this side and outside it
            continue;
        }
        const double t = q[side] / p[side];
        if (p[side] < 0)
            enter = std::max(enter, t);
        else
            leave = std::min(leave, t);
        if (enter > leave)
            return false;
    }
    const QPointF start = a;
    if (leave < 1)
        b = QPointF(start.x() + leave * dx, start.y() + leave * dy);
    if (enter > 0)
        a = QPointF(start.x() + enter * dx, start.y() + enter * dy);
    return true;
}

bool isPoint(const QPointF& point)
{
    return std::isfinite(point.x()) && std::isfinite(point.y());
}

class ClippedLineGraph : public QCPGraph {
public:
    using QCPGraph::QCPGraph;

protected:
    void drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const override
    {
        // A margin beyond the pen's width, so that no cap or join of the visible part is cut.
        const double margin = 4 * std::max(1.0, painter->pen().widthF()) + 2;
        const QRectF rect = QRectF(mKeyAxis->axisRect()->rect()).adjusted(-margin, -margin, margin, margin);
        QVector<QPointF> clipped;
        clipped.reserve(lines.size());
        const QPointF gap(std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN());
        for (int i = 0; i + 1 < lines.size(); ++i) {
            QPointF a = lines[i];
            QPointF b = lines[i + 1];
            if (!isPoint(a) || !isPoint(b) || !clipSegment(rect, a, b))
                continue;
            if (clipped.isEmpty() || clipped.constLast() != a) {
                if (!clipped.isEmpty())
                    clipped.append(gap);
                clipped.append(a);
            }
            clipped.append(b);
        }
        QCPGraph::drawLinePlot(painter, clipped);
    }
};

} // namespace

QCPGraph* addClippedLineGraph(QCustomPlot* plot)
{
    // The plot owns the graph from its construction on, as with QCustomPlot::addGraph(), whose naming it keeps.
    auto* graph = new ClippedLineGraph(plot->xAxis, plot->yAxis);
    graph->setName(QStringLiteral("Graph %1").arg(plot->graphCount()));
    return graph;
}

} // namespace gdlab
