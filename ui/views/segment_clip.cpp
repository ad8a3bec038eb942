#include "views/segment_clip.h"

#include <QPointF>
#include <QRectF>

#include <algorithm>
#include <array>
#include <utility>

namespace gdlab {

bool clipSegment(QPointF& a, QPointF& b, const QRectF& rect)
{
    const QPointF d = b - a;
    double enter = 0;
    double leave = 1;
    const std::array<std::pair<double, double>, 4> edges { { { -d.x(), a.x() - rect.left() },
        { d.x(), rect.right() - a.x() }, { -d.y(), a.y() - rect.top() }, { d.y(), rect.bottom() - a.y() } } };
    for (const auto& [p, q] : edges) {
        if (p == 0) {
            if (q < 0)
                return false; // parallel to this edge and outside it
            continue;
        }
        const double t = q / p;
        if (p < 0)
            enter = std::max(enter, t);
        else
            leave = std::min(leave, t);
        if (enter > leave)
            return false;
    }
    const QPointF start = a;
    a = start + d * enter;
    b = start + d * leave;
    return true;
}

} // namespace gdlab
