#pragma once

#include <QColor>
#include <QPen>

namespace gdlab {

/** @brief A pen as wide in pixels whatever the zoom: lines on the surfaces keep their width when zoomed in. */
inline QPen cosmeticPen(const QColor& colour, double width)
{
    QPen pen(colour, width);
    pen.setCosmetic(true);
    return pen;
}

} // namespace gdlab
