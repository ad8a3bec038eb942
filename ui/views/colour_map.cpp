#include "views/colour_map.h"

#include <algorithm>
#include <cmath>

namespace gdlab {

QVector<QPair<double, QColor>> ColourMap::stops()
{
    // viridis (van der Walt & Smith) at eleven evenly spaced points: perceptually uniform, readable in grey and
    // by colour-blind viewers, dark at the minimum so the light path and contours stand out where it matters.
    static const QVector<QPair<double, QColor>> stops = {
        { 0.0, QColor(0x44, 0x01, 0x54) },
        { 0.1, QColor(0x48, 0x25, 0x76) },
        { 0.2, QColor(0x41, 0x44, 0x87) },
        { 0.3, QColor(0x35, 0x60, 0x8D) },
        { 0.4, QColor(0x2A, 0x78, 0x8E) },
        { 0.5, QColor(0x21, 0x90, 0x8C) },
        { 0.6, QColor(0x22, 0xA8, 0x84) },
        { 0.7, QColor(0x43, 0xBF, 0x71) },
        { 0.8, QColor(0x7A, 0xD1, 0x51) },
        { 0.9, QColor(0xBB, 0xDF, 0x27) },
        { 1.0, QColor(0xFD, 0xE7, 0x25) },
    };
    return stops;
}

QColor ColourMap::at(double fraction)
{
    const QVector<QPair<double, QColor>> map = stops();
    fraction = std::isfinite(fraction) ? std::clamp(fraction, 0.0, 1.0) : 0.0;
    for (int k = 1; k < map.size(); ++k) {
        if (fraction <= map[k].first) {
            const double t = (fraction - map[k - 1].first) / (map[k].first - map[k - 1].first);
            const QColor& a = map[k - 1].second;
            const QColor& b = map[k].second;
            return QColor::fromRgbF(static_cast<float>(a.redF() + t * (b.redF() - a.redF())),
                static_cast<float>(a.greenF() + t * (b.greenF() - a.greenF())),
                static_cast<float>(a.blueF() + t * (b.blueF() - a.blueF())));
        }
    }
    return map.back().second;
}

} // namespace gdlab
