#pragma once

#include <QVector3D>

namespace gdlab {

/**
 * @brief Where the 3-D bowl is looked at from, as Q3DCamera has it: what a session saves so that a prepared view
 * of the bowl opens the same.
 */
struct BowlCamera {
    float xRotation = 0; ///< degrees around the vertical axis
    float yRotation = 0; ///< degrees above the floor
    float zoomLevel = 100; ///< percent
    QVector3D target; ///< the point looked at, in the graph's normalised coordinates (−1…1)

    bool operator==(const BowlCamera& other) const
    {
        return xRotation == other.xRotation && yRotation == other.yRotation && zoomLevel == other.zoomLevel
            && target == other.target;
    }
};

} // namespace gdlab
