#include "views/cached_scatter_graph.h"

#include <qcustomplot.h>

#include <cmath>

namespace gdlab {

namespace {

class CachedScatterGraph : public QCPGraph {
public:
    using QCPGraph::QCPGraph;

protected:
    void drawScatterPlot(
        QCPPainter* painter, const QVector<QPointF>& scatters, const QCPScatterStyle& style) const override
    {
        const bool vector
            = painter->modes().testFlag(QCPPainter::pmVectorized) || painter->modes().testFlag(QCPPainter::pmNoCaching);
        if (vector || !antialiasedScatters() || style.shape() == QCPScatterStyle::ssPixmap
            || style.shape() == QCPScatterStyle::ssCustom) {
            QCPGraph::drawScatterPlot(painter, scatters, style);
            return;
        }
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        const QPixmap& stamp = stampFor(style, ratio);
        const double half = m_side / 2.0;
        for (const QPointF& point : scatters) {
            if (std::isfinite(point.x()) && std::isfinite(point.y()))
                painter->drawPixmap(QPointF(std::round(point.x() - half), std::round(point.y() - half)), stamp);
        }
    }

private:
    /** The marker drawn once, antialiased, centred in a square of m_side logical pixels. */
    const QPixmap& stampFor(const QCPScatterStyle& style, qreal ratio) const
    {
        const bool same = !m_stamp.isNull() && m_ratio == ratio && m_graphPen == mPen && m_shape == style.shape()
            && m_size == style.size() && m_pen == style.pen() && m_brush == style.brush()
            && m_penDefined == style.isPenDefined();
        if (same)
            return m_stamp;
        m_ratio = ratio;
        m_graphPen = mPen;
        m_shape = style.shape();
        m_size = style.size();
        m_pen = style.pen();
        m_brush = style.brush();
        m_penDefined = style.isPenDefined();
        // Room for the shape and its outline; an odd side puts the centre on a pixel's centre.
        const double outline = style.isPenDefined() ? style.pen().widthF() : mPen.widthF();
        m_side = 2 * static_cast<int>(std::ceil((style.size() + outline) / 2.0)) + 3;
        QPixmap pixmap(QSize(m_side, m_side) * ratio);
        pixmap.setDevicePixelRatio(ratio);
        pixmap.fill(Qt::transparent);
        QCPPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        style.applyTo(&painter, mPen);
        style.drawShape(&painter, m_side / 2.0, m_side / 2.0);
        painter.end();
        m_stamp = pixmap;
        return m_stamp;
    }

    mutable QPixmap m_stamp;
    mutable int m_side = 0;
    mutable qreal m_ratio = 0;
    mutable QPen m_graphPen;
    mutable QCPScatterStyle::ScatterShape m_shape = QCPScatterStyle::ssNone;
    mutable double m_size = 0;
    mutable QPen m_pen;
    mutable QBrush m_brush;
    mutable bool m_penDefined = false;
};

} // namespace

QCPGraph* addCachedScatterGraph(QCustomPlot* plot)
{
    // The plot owns the graph from its construction on, as with QCustomPlot::addGraph(), whose naming it keeps.
    auto* graph = new CachedScatterGraph(plot->xAxis, plot->yAxis);
    graph->setName(QStringLiteral("Graph %1").arg(plot->graphCount()));
    return graph;
}

} // namespace gdlab
