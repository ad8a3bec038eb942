#pragma once

#include "views/view_description.h"

#include <QJsonObject>
#include <QString>

namespace gdlab {

class MainWindow;

/**
 * @brief The machine-readable picture of the window that `gdlab --dump-views FILE.json` writes: the window's size,
 * whether presentation mode is on and the controls are shown, and per view (fit, loss, contour, bowl) what
 * ViewDescriber says it shows.
 *
 * Tests read it to check what a person would see: no text over another, the optimum near the bowl's centre, the
 * current θ in the frame or pointed at, a layout that stays put while stepping.
 */
class ViewDump {
public:
    /** @brief The views by their names in the dump, described now. */
    static QMap<QString, ViewDescription> describe(const MainWindow& window);
    /** @brief The whole dump as JSON. */
    static QJsonObject toJson(const MainWindow& window);
    static QJsonObject toJson(const ViewDescription& view);
    /** @brief Writes toJson(window) to path atomically; false with a message on failure. */
    static bool write(const MainWindow& window, const QString& path, QString* errorMessage);
};

} // namespace gdlab
