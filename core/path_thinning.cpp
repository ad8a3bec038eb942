#include "path_thinning.h"

#include <cmath>

namespace gdlab {

PathThinning::PathThinning(double stepX, double stepY)
    : m_stepX(stepX)
    , m_stepY(stepY)
{
}

bool PathThinning::keep(double x, double y)
{
    if (m_haveLast && std::abs(x - m_lastX) < m_stepX && std::abs(y - m_lastY) < m_stepY)
        return false;
    resumeFrom(x, y);
    return true;
}

void PathThinning::resumeFrom(double x, double y)
{
    m_lastX = x;
    m_lastY = y;
    m_haveLast = true;
}

} // namespace gdlab
