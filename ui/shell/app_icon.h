#pragma once

#include <QIcon>

namespace gdlab {

/**
 * @brief The program's icon (resources/gdlab.svg: a bowl with its level sets and the descent zigzagging to the
 * optimum), drawn with Qt SVG at the sizes window managers and task bars ask for, so it does not depend on an
 * icon engine plugin being installed.
 */
class AppIcon {
public:
    /** @brief Where the icon is among the resources. */
    static constexpr const char* resourcePath = ":/gdlab/gdlab.svg";

    /** @brief The icon at 16 to 256 pixels; null if the resource cannot be read. */
    static QIcon icon();
};

} // namespace gdlab
