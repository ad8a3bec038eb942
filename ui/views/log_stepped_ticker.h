#pragma once

#include <QSharedPointer>

class QCPAxisTicker;

namespace gdlab {

/**
 * @brief A ticker for a logarithmic axis spanning about a decade or less (a loss from 60 down to 1.6), where
 * powers of ten give one tick or none: ticks at 1, 2 and 5 × 10ⁿ, or at 1 and 3 × 10ⁿ, or 1, 1.5, 2, 3, 5 and
 * 7 × 10ⁿ, whichever comes closest to the ticker's tick count without exceeding it by more than one. Such
 * ticks are about evenly spaced on a log axis; evenly stepped ones (10, 20, … 60) crowd at its top. Over a
 * fraction of a decade, where even the densest set gives fewer than three, the ticks are evenly stepped.
 */
QSharedPointer<QCPAxisTicker> makeLogSteppedTicker();

} // namespace gdlab
