#include "views/label_placement.h"

#include <limits>

namespace gdlab {

double LabelPlacement::cover(const QRectF& rect, const std::vector<QRectF>& taken, const QRectF& bounds)
{
    const QRectF inside = rect.intersected(bounds);
    double area = rect.width() * rect.height() - inside.width() * inside.height();
    for (const QRectF& other : taken) {
        const QRectF overlap = rect.intersected(other);
        area += overlap.width() * overlap.height();
    }
    return area;
}

int LabelPlacement::choose(
    const std::vector<QRectF>& candidates, const std::vector<QRectF>& taken, const QRectF& bounds)
{
    int best = -1;
    double least = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const double area = cover(candidates[i], taken, bounds);
        if (area <= 0)
            return static_cast<int>(i);
        if (area < least) {
            least = area;
            best = static_cast<int>(i);
        }
    }
    return best;
}

QRectF LabelPlacement::around(double x, double y, double size)
{
    return QRectF(x - size / 2, y - size / 2, size, size);
}

} // namespace gdlab
