#include "views/fit_prediction_layer.h"

#include "views/cached_scatter_graph.h"
#include "views/clipped_line_graph.h"
#include "views/fit_data_layer.h"
#include "views/fit_points.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

namespace gdlab {

FitPredictionLayer::FitPredictionLayer(QCustomPlot* plot, QCPLayer* layer)
    : m_identity(addClippedLineGraph(plot))
    , m_leastSquares(addCachedScatterGraph(plot))
{
    m_identity->setLayer(layer);
    m_leastSquares->setLayer(layer);
    m_leastSquares->setLineStyle(QCPGraph::lsNone);
}

void FitPredictionLayer::setIdentity(const QCPRange& range)
{
    const double reach = range.size();
    m_identity->setData(
        { range.lower - reach, range.upper + reach }, { range.lower - reach, range.upper + reach }, true);
}

void FitPredictionLayer::setLeastSquares(const FitPoints& points, const Eigen::VectorXd* predictions)
{
    m_leastSquares->data()->clear();
    if (!predictions || predictions->size() != points.count())
        return;
    QVector<double> keys(points.count());
    QVector<double> values(points.count());
    for (int j = 0; j < points.count(); ++j) {
        const int row = points.sortedRows()[static_cast<std::size_t>(j)];
        keys[j] = points.keys()[row];
        values[j] = (*predictions)[row];
    }
    m_leastSquares->setData(keys, values, true);
}

void FitPredictionLayer::clear()
{
    m_identity->data()->clear();
    m_leastSquares->data()->clear();
}

void FitPredictionLayer::applyStyle(const PlotStyle& style, int count)
{
    QColor muted = ViewPalette::leastSquares();
    muted.setAlpha(150);
    m_leastSquares->setPen(QPen(muted));
    m_leastSquares->setScatterStyle(QCPScatterStyle(
        QCPScatterStyle::ssCircle, QPen(muted, style.scaled(1.2)), Qt::NoBrush, FitDataLayer::pointSize(style, count)));
    m_leastSquares->setAntialiasedScatters(count <= FitDataLayer::manyPoints);
    m_identity->setPen(QPen(style.textAlpha(170), style.scaled(1.5), Qt::DashDotLine));
}

} // namespace gdlab
