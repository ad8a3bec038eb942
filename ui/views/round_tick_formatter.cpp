#include "views/round_tick_formatter.h"

#include "surface_frame.h"

#include <QtDataVisualization/QValue3DAxis>

#include <algorithm>
#include <cmath>

namespace gdlab {

namespace {

// Few enough labels to read on a small bowl from the back of a classroom.
constexpr int maxIntervals = 5;

} // namespace

RoundTickFormatter::RoundTickFormatter(QObject* parent)
    : QValue3DAxisFormatter(parent)
{
}

QString RoundTickFormatter::label(double value, double step)
{
    const double magnitude = std::max(std::abs(value), step);
    if (!(step > 0) || magnitude >= 1e6 || step < 1e-4)
        return QString::number(value, 'g', 3);
    const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
    return QString::number(value, 'f', decimals);
}

QValue3DAxisFormatter* RoundTickFormatter::createNewInstance() const
{
    return new RoundTickFormatter;
}

void RoundTickFormatter::recalculate()
{
    const double low = axis()->min();
    const double high = axis()->max();
    const std::vector<double> ticks = roundTicks(low, high, maxIntervals);
    gridPositions().clear();
    labelPositions().clear();
    labelStrings().clear();
    subGridPositions().clear();
    const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 0.0;
    for (const double tick : ticks) {
        const auto position = static_cast<float>((tick - low) / (high - low));
        gridPositions().append(position);
        labelPositions().append(position);
        labelStrings().append(label(tick, step));
    }
}

} // namespace gdlab
