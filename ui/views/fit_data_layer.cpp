#include "views/fit_data_layer.h"

#include "views/cached_scatter_graph.h"
#include "views/fit_points.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <cmath>
#include <limits>

namespace gdlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/**
 * A disc drawn once into a pixmap: blitting it is several times faster than drawing thousands of ellipses,
 * which keeps a 10,000-point replot within a frame.
 */
QCPScatterStyle discPixmapStyle(const QColor& colour, double diameter, qreal devicePixelRatio)
{
    const int side = static_cast<int>(std::ceil(diameter)) + 2;
    QPixmap pixmap(QSize(side, side) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(1, 1, diameter, diameter));
    painter.end();
    return QCPScatterStyle(pixmap);
}

} // namespace

FitDataLayer::FitDataLayer(QCustomPlot* plot, QCPLayer* residualLayer, QCPLayer* pointLayer)
    : m_points(addCachedScatterGraph(plot))
    , m_residuals(new QCPCurve(plot->xAxis, plot->yAxis))
    , m_selection(plot->addGraph())
{
    m_residuals->setLayer(residualLayer);
    m_residuals->setLineStyle(QCPCurve::lsLine);
    m_residuals->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssNone));
    m_points->setLayer(pointLayer);
    m_points->setLineStyle(QCPGraph::lsNone);
    // The ring is drawn after the points, on top of the one it marks.
    m_selection->setLayer(pointLayer);
    m_selection->setLineStyle(QCPGraph::lsNone);
}

void FitDataLayer::setPoints(const FitPoints& points)
{
    const int rows = points.count();
    const QVector<double>& keys = points.keys();
    // The graph keeps its keys sorted; setPredictions() then rewrites only the values.
    QVector<double> sortedKeys(rows);
    QVector<double> values(rows);
    for (int j = 0; j < rows; ++j) {
        const int row = points.sortedRows()[static_cast<std::size_t>(j)];
        sortedKeys[j] = keys[row];
        values[j] = points.isByFeature() ? points.fixedValues()[row] : kNaN;
    }
    m_points->setData(sortedKeys, values, true);

    QVector<double> t(3 * rows);
    QVector<double> segmentKeys(3 * rows);
    QVector<double> segmentValues(3 * rows);
    for (int i = 0; i < rows; ++i) {
        for (int k = 0; k < 3; ++k)
            t[3 * i + k] = 3 * i + k;
        segmentKeys[3 * i] = keys[i];
        segmentKeys[3 * i + 1] = keys[i];
        segmentKeys[3 * i + 2] = kNaN;
        segmentValues[3 * i] = points.fixedValues()[i];
        segmentValues[3 * i + 1] = kNaN;
        segmentValues[3 * i + 2] = kNaN;
    }
    m_residuals->setData(t, segmentKeys, segmentValues, true);
}

void FitDataLayer::setPredictions(const FitPoints& points, const Eigen::VectorXd* predictions)
{
    const int rows = points.count();
    const bool known = predictions && predictions->size() == rows;
    auto residuals = m_residuals->data();
    if (residuals->size() == 3 * rows) {
        auto it = residuals->begin();
        for (int i = 0; i < rows; ++i) {
            // Partial residuals move with θ: their fixed ends are rewritten too, still without allocating.
            if (points.isPartial())
                (it + 3 * i)->value = points.fixedValues()[i];
            (it + 3 * i + 1)->value = known ? (*predictions)[i] : kNaN;
        }
    }
    if (points.isByFeature()) {
        if (points.isPartial())
            rewriteValues(points.fixedValues(), points);
        return;
    }
    auto drawn = m_points->data();
    if (drawn->size() != rows)
        return;
    auto it = drawn->begin();
    for (int j = 0; j < rows; ++j)
        (it + j)->value = known ? (*predictions)[points.sortedRows()[static_cast<std::size_t>(j)]] : kNaN;
}

void FitDataLayer::rewriteValues(const QVector<double>& values, const FitPoints& points)
{
    auto drawn = m_points->data();
    if (drawn->size() != points.count() || values.size() != points.count())
        return;
    auto it = drawn->begin();
    for (int j = 0; j < points.count(); ++j)
        (it + j)->value = values[points.sortedRows()[static_cast<std::size_t>(j)]];
}

void FitDataLayer::preview(const FitPoints& points, int row, double x, double y, double lineY)
{
    if (row < 0 || row >= points.count())
        return;
    QVector<double> keys = points.keys();
    QVector<double> values = points.fixedValues();
    keys[row] = x;
    values[row] = y;
    m_points->setData(keys, values);
    // The dragged point's residual follows it to the current line; the others stay.
    auto residuals = m_residuals->data();
    if (residuals->size() == 3 * points.count()) {
        auto it = residuals->begin() + 3 * row;
        it->key = x;
        it->value = y;
        (it + 1)->key = x;
        (it + 1)->value = lineY;
    }
    m_selection->setData({ x }, { y }, true);
}

void FitDataLayer::setSelected(const FitPoints& points, int row)
{
    if (row >= 0 && row < points.count() && points.isByFeature())
        m_selection->setData({ points.keys()[row] }, { points.fixedValues()[row] }, true);
    else
        m_selection->data()->clear();
}

double FitDataLayer::pointSize(const PlotStyle& style, int count)
{
    return style.scaled(count > manyPoints ? 3.5 : 8.0);
}

void FitDataLayer::applyStyle(const PlotStyle& style, const QColor& pointColour, int count, qreal devicePixelRatio)
{
    const bool many = count > manyPoints;
    const double size = pointSize(style, count);
    m_points->setPen(QPen(pointColour));
    m_points->setScatterStyle(many ? discPixmapStyle(pointColour, size, devicePixelRatio)
                                   : QCPScatterStyle(QCPScatterStyle::ssDisc, pointColour, size));
    m_residuals->setPen(QPen(ViewPalette::residual(), style.scaled(many ? 1.0 : 2.2)));
    // Antialiasing thousands of markers costs more than a frame; at that density it is not seen.
    m_points->setAntialiasedScatters(!many);
    // Residuals are vertical segments, which antialiasing only softens at their sides; Qt's raster engine strokes each
    // antialiased one through its path filler, 10-12 ms of a Fit view's replot for a hundred of them.
    m_residuals->setAntialiased(false);
    // A ring in the current colour around the selected point: it reads as "this one" without hiding it.
    const QPen ringPen(ViewPalette::current(), style.scaled(2.5));
    m_selection->setPen(ringPen);
    m_selection->setScatterStyle(QCPScatterStyle(
        QCPScatterStyle::ssCircle, ringPen, Qt::NoBrush, std::max(size, style.scaled(8.0)) + style.scaled(8.0)));
}

} // namespace gdlab
