#pragma once

namespace gdlab {

/**
 * @brief Thins a path in the plane to the points that move at least a step from the last point kept, so that
 * a 100,000-step descent is drawn with a few hundred points and looks the same.
 *
 * A point is dropped only when it is closer than the step in x and in y alike: a step is a fraction of the
 * view on each axis, and the axes of an error surface have unrelated units.
 */
class PathThinning {
public:
    /** @param stepX, stepY the smallest move, per axis, that keeps a point (0 keeps every point) */
    PathThinning(double stepX, double stepY);

    /** @brief Whether the path's next point (x, y) is kept; the first point always is. A kept point becomes the
     * one the next points are measured from. */
    bool keep(double x, double y);
    /** @brief Continues a path whose last kept point was (x, y), as if it had just been kept. */
    void resumeFrom(double x, double y);

private:
    double m_stepX;
    double m_stepY;
    double m_lastX = 0;
    double m_lastY = 0;
    bool m_haveLast = false;
};

} // namespace gdlab
