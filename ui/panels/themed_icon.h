#pragma once

#include <QIcon>
#include <QStyle>

class QWidget;

namespace gdlab {

/**
 * @brief The style's standard icons in the widget's text colour: Fusion draws its media icons dark grey whatever
 * the palette, which vanishes on the dark and high-contrast themes' buttons.
 */
namespace ThemedIcon {
/** @brief kind at size pixels, tinted with widget's button text colour (and its disabled colour when disabled). */
QIcon standard(const QWidget& widget, QStyle::StandardPixmap kind, int size);
} // namespace ThemedIcon

} // namespace gdlab
