#include "views/log_stepped_ticker.h"

#include <qcustomplot.h>

#include <cmath>
#include <initializer_list>
#include <vector>

namespace gdlab {

namespace {

class LogSteppedTicker : public QCPAxisTicker {
protected:
    QVector<double> createTickVector(double tickStep, const QCPRange& range) override;

private:
    static QVector<double> ticksWith(const std::vector<double>& mantissas, const QCPRange& range);
};

QVector<double> LogSteppedTicker::ticksWith(const std::vector<double>& mantissas, const QCPRange& range)
{
    QVector<double> ticks;
    if (!(range.lower > 0) || !(range.upper > range.lower))
        return ticks;
    for (int exponent = static_cast<int>(std::floor(std::log10(range.lower)));
         exponent <= static_cast<int>(std::ceil(std::log10(range.upper))); ++exponent)
        for (const double mantissa : mantissas) {
            const double tick = mantissa * std::pow(10.0, exponent);
            if (range.contains(tick))
                ticks << tick;
        }
    return ticks;
}

QVector<double> LogSteppedTicker::createTickVector(double, const QCPRange& range)
{
    // From the sparsest set to the densest: the densest that stays within one tick of the count wanted.
    const std::initializer_list<std::vector<double>> sets { { 1 }, { 1, 3 }, { 1, 2, 5 }, { 1, 1.5, 2, 3, 5, 7 } };
    QVector<double> chosen;
    for (const std::vector<double>& mantissas : sets) {
        const QVector<double> ticks = ticksWith(mantissas, range);
        if (!chosen.isEmpty() && ticks.size() > tickCount() + 1)
            break;
        chosen = ticks;
    }
    // Within a fraction of a decade (a log loss from 0.72 down to 0.58) even the densest set leaves one tick or
    // none; evenly stepped ticks are then about evenly spaced on the log axis too.
    if (chosen.size() < 3)
        return QCPAxisTicker::createTickVector(getTickStep(range), range);
    return chosen;
}

} // namespace

QSharedPointer<QCPAxisTicker> makeLogSteppedTicker()
{
    return QSharedPointer<LogSteppedTicker>::create();
}

} // namespace gdlab
