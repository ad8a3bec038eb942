#pragma once

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

private:
    static QString splitterKey(const QString& name);
};

} // namespace gdlab
