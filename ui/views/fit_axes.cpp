#include "views/fit_axes.h"

#include "run.h"

#include "session/iteration_model.h"
#include "views/fit_points.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace gdlab {

FitAxes::FitAxes(QCustomPlot* plot)
    : m_plot(plot)
{
}

QCPRange FitAxes::kept(const QCPRange& old, double low, double high)
{
    const double room = margin * std::max(high - low, old.size());
    QCPRange range = old;
    if (low < old.lower)
        range.lower = low - room;
    if (high > old.upper)
        range.upper = high + room;
    return range;
}

QCPRange FitAxes::padded(double low, double high)
{
    if (!std::isfinite(low) || !std::isfinite(high))
        return QCPRange(0, 1);
    const double span = high - low;
    if (!(span > 0)) {
        // A single value (or a constant column): give it some room instead of an empty range.
        const double pad = std::max(std::abs(low) * 0.1, 1.0);
        return QCPRange(low - pad, high + pad);
    }
    return QCPRange(low - margin * span, high + margin * span);
}

void FitAxes::setLabels(const FitPoints& points, const QString& target, const QStringList& features,
    const QStringList& symbols, bool hasIntercept)
{
    QString x;
    QString y;
    if (points.isEmpty()) {
        // Nothing to name.
    } else if (!points.isByFeature()) {
        x = tr("actual %1").arg(target);
        y = points.isLogistic() ? tr("P(%1 = 1)").arg(target) : tr("predicted %1").arg(target);
    } else if (points.isClassMap()) {
        x = features.value(0);
        y = features.value(1);
    } else if (points.isSigmoid()) {
        x = features.isEmpty() ? tr("row") : features.value(points.feature());
        y = tr("P(%1 = 1)").arg(target);
    } else {
        x = features.isEmpty() ? tr("row") : features.value(points.feature());
        y = points.isPartial() ? partialLabel(target, features, symbols, points.feature(), hasIntercept) : target;
    }
    m_plot->xAxis->setLabel(x);
    m_plot->yAxis->setLabel(y);
}

QString FitAxes::partialLabel(
    const QString& target, const QStringList& features, const QStringList& symbols, int feature, bool hasIntercept)
{
    const int offset = hasIntercept ? 1 : 0;
    if (features.size() > 3)
        return tr("%1 − Σ θⱼxⱼ (j ≠ %2)").arg(target, symbols.value(offset + feature).mid(1));
    QString label = target;
    for (int j = 0; j < features.size(); ++j)
        if (j != feature)
            label += QStringLiteral(" − %1·%2").arg(symbols.value(offset + j), features[j]);
    return label;
}

void FitAxes::clear()
{
    m_plot->xAxis->setRange(0, 1);
    m_plot->yAxis->setRange(0, 1);
}

void FitAxes::fitFeature(FitPoints& points, bool keep)
{
    fitFeature(points, keep, points.targetExtent());
}

void FitAxes::fitFeature(FitPoints& points, bool keep, std::pair<double, double> values)
{
    const auto [keyLow, keyHigh] = points.keyExtent();
    const auto [low, high] = values;
    const QCPRange x = keep ? kept(m_plot->xAxis->range(), keyLow, keyHigh) : padded(keyLow, keyHigh);
    const QCPRange y = keep ? kept(m_plot->yAxis->range(), low, high) : padded(low, high);
    m_plot->xAxis->setRange(x);
    m_plot->yAxis->setRange(y);
    // A kept view can be wider than the data the lines were sized for; they must still reach its edges.
    points.widenLineSpan(x.lower, x.upper);
}

void FitAxes::fitFeature(FitPoints& points, bool keep, const IterationModel& model)
{
    std::vector<Eigen::VectorXd> thetas { model.run()->leastSquares.theta };
    if (!model.isEmpty())
        thetas.push_back(model.theta(0));
    fitFeature(points, keep, points.valueExtent(thetas));
}

QCPRange FitAxes::fitActual(const FitPoints& points, const IterationModel& model)
{
    const Eigen::VectorXd* optimum = model.run()->optimum();
    auto shown = optimum ? points.predictions(*optimum) : std::nullopt;
    const auto start = model.isEmpty() ? std::nullopt : points.predictions(model.theta(0));
    if (shown && start) {
        shown->conservativeResize(shown->size() + start->size());
        shown->tail(start->size()) = *start;
    }
    return fitActual(points, shown ? &*shown : nullptr);
}

QCPRange FitAxes::fitActual(const FitPoints& points, const Eigen::VectorXd* best)
{
    auto [low, high] = points.targetExtent();
    // The least-squares predictions are included because they are where the descent is heading.
    if (best && best->size() > 0 && best->allFinite()) {
        low = std::min(low, best->minCoeff());
        high = std::max(high, best->maxCoeff());
    }
    const QCPRange range = padded(low, high);
    m_plot->xAxis->setRange(range);
    m_plot->yAxis->setRange(range);
    return range;
}

} // namespace gdlab
