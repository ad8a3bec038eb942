#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

namespace gdlab {

class MainActions;
class MainWindow;

/**
 * @brief File › Open session…, Save session and Save session as…: the window's state as a .gdlab file
 * (SessionFile) and back. It adds to the file what the views show beyond the run: the loss axis, the surface's
 * slice, hold mode and follow option, the second view's tab, the bowl's camera, and the layout (presentation mode,
 * the splitters).
 */
class SessionActions : public QObject {
    Q_OBJECT

public:
    SessionActions(MainWindow* window, MainActions* actions);

    /** @brief Writes the session to path atomically (QSaveFile); false with a message naming the file. */
    bool save(const QString& path, QString* errorMessage);
    /** @brief Like save(), but the session's own file stays where it was (the autosave's recovery copy). */
    bool saveCopy(const QString& path, QString* errorMessage) const;
    /** @brief Opens the session in path; on any problem nothing on screen changes and the message says why. */
    QString open(const QString& path);
    /** @brief Like open(), but Save still asks where to write (the autosave's recovery copy is not the user's). */
    QString openCopy(const QString& path);
    /** @brief The file the session was last saved to or opened from (Save writes there); empty at first. */
    QString currentPath() const { return m_path; }

    /** @brief What the views show beyond the run, as the session's "views" object. */
    QJsonObject viewsJson() const;
    /** @brief Shows views as viewsJson() wrote them; unknown or out-of-range entries are left as they are. */
    void applyViews(const QJsonObject& views);

private:
    void saveInteractively(bool choosePath);
    void openInteractively();
    /** The window's layout: presentation mode and every named splitter's state. */
    QJsonObject layoutJson() const;
    void applyLayout(const QJsonObject& layout);
    /** Opens path and says how it went in the status bar. */
    void openAndReport(const QString& path);
    /** Puts path at the top of File › Open recent, and its folder as where the next dialog starts. */
    void remember(const QString& path) const;
    /** The folder dialogs start in: the current session's, or the last one a file was opened from or saved to. */
    QString startFolder() const;

    MainWindow* m_window;
    QString m_path;
};

} // namespace gdlab
