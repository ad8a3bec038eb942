#include "views/fit_curve.h"

#include "logistic_loss.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gdlab {

double FitCurve::at(const FitLines::Line& line, bool sigmoid, double x)
{
    const double z = line.at(x);
    return sigmoid ? LogisticLoss::sigmoid(z) : z;
}

void FitCurve::sample(
    const FitLines::Line& line, bool sigmoid, double x0, double x1, QVector<double>& keys, QVector<double>& values)
{
    keys = { x0 };
    if (sigmoid && line.slope != 0 && std::isfinite(line.slope) && std::isfinite(line.intercept)) {
        // The part of [x0, x1] where σ bends, |z| ≤ zFlat, in steps of zStep.
        const double za = std::max(std::min(line.at(x0), line.at(x1)), -zFlat);
        const double zb = std::min(std::max(line.at(x0), line.at(x1)), zFlat);
        const double steps = std::ceil((zb - za) / zStep);
        for (double i = 0; i <= steps; ++i) {
            const double x = ((za + i * (zb - za) / std::max(steps, 1.0)) - line.intercept) / line.slope;
            if (x > x0 && x < x1)
                keys.push_back(x);
        }
        std::sort(keys.begin() + 1, keys.end());
    }
    keys.push_back(x1);
    values.resize(keys.size());
    for (int i = 0; i < keys.size(); ++i)
        values[i] = at(line, sigmoid, keys[i]);
}

double FitCurve::graphAt(const QCPGraph* graph, double x)
{
    const auto data = graph->data();
    if (data->isEmpty() || !(x >= data->constBegin()->key) || !(x <= (data->constEnd() - 1)->key))
        return std::numeric_limits<double>::quiet_NaN();
    auto after = data->findBegin(x, false);
    if (after == data->constEnd())
        return (data->constEnd() - 1)->value;
    if (after->key <= x || after == data->constBegin())
        return after->value;
    const auto before = after - 1;
    return before->value + (after->value - before->value) * (x - before->key) / (after->key - before->key);
}

double FitCurve::decisionPoint(const FitLines::Line& line)
{
    if (line.slope == 0 || !std::isfinite(line.slope))
        return std::numeric_limits<double>::quiet_NaN();
    return -line.intercept / line.slope;
}

} // namespace gdlab
