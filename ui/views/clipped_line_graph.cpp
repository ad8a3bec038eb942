#include "views/clipped_line_graph.h"

#include "views/segment_clip.h"

#include <qcustomplot.h>

#include <cmath>
#include <limits>

namespace gdlab {

namespace {

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
            if (!isPoint(a) || !isPoint(b) || !clipSegment(a, b, rect))
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
