#include "surface_colour_scale.h"

#include "error_surface.h"

#include <algorithm>
#include <cmath>

namespace gdlab {

SurfaceColourScale SurfaceColourScale::of(const SurfaceGrid& grid)
{
    SurfaceColourScale scale;
    if (!(grid.maxValue > grid.minValue)) {
        // A flat grid (all zero, or not finite) has no colours or contours to show.
        scale.min = grid.minValue;
        scale.max = grid.minValue + 1;
        return scale;
    }
    scale.logarithmic = grid.maxValue > 0 && grid.minValue <= grid.maxValue * 1e-2;
    scale.max = grid.maxValue;
    scale.min = scale.logarithmic ? std::max(grid.minValue, grid.maxValue * logFloor) : grid.minValue;
    return scale;
}

double SurfaceColourScale::fraction(double loss) const
{
    double fraction = 0;
    if (logarithmic)
        fraction = std::log(std::max(loss, min) / min) / std::log(max / min);
    else if (max > min)
        fraction = (loss - min) / (max - min);
    return std::isfinite(fraction) ? std::clamp(fraction, 0.0, 1.0) : 0.0;
}

} // namespace gdlab
