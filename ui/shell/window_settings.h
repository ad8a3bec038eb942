#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

class QMainWindow;
class QSettings;

namespace gdlab {

/**
 * @brief The window as the user left it, in QSettings: its geometry (size, position, maximised) and the sizes of
 * its named splitters (the views beside the side column, the controls above the update panel). Restored when a
 * person opens the window, not for --screenshot or the exports, whose size the command line gives.
 */
class WindowSettings {
public:
    /** @brief Puts the window and its splitters back as save() left them; false when nothing was saved. */
    static bool restore(QMainWindow* window, QSettings& settings);
    static void save(const QMainWindow* window, QSettings& settings);

    /** @brief The state of each named splitter of window, by name (what save() keeps, and a session too). */
    static QMap<QString, QByteArray> splitterStates(const QMainWindow* window);
    /** @brief Gives each named splitter of window its state in states; a missing or unreadable one stays as it is. */
    static void restoreSplitters(QMainWindow* window, const QMap<QString, QByteArray>& states);

private:
    static QString splitterKey(const QString& name);
};

} // namespace gdlab
