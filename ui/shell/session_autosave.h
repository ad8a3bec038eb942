#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class QWidget;

namespace gdlab {

class SessionActions;
class SessionController;

/**
 * @brief Crash and power-cut safety: a moment after every change (a new run, the cursor moved) the session is
 * saved to a recovery file of this process (recovery-PID.gdlab in a folder); a normal exit removes it. A recovery
 * file whose process is gone is what an abnormal exit left: the next start offers to restore it.
 */
class SessionAutosave : public QObject {
    Q_OBJECT

public:
    /** @brief Saves through sessions into folder, delayMs after the last change. */
    SessionAutosave(SessionActions* sessions, SessionController* controller, const QString& folder, int delayMs = 1500);
    /** @brief Removes the recovery file: the session ended normally. */
    ~SessionAutosave() override;

    /** @brief The recovery file of this process. */
    QString path() const { return m_path; }
    /** @brief Saves now if a change is waiting (a test, or the window about to close). */
    void flush();

    /** @brief The newest recovery file in folder whose process is no longer running; empty when there is none. */
    static QString findAbandoned(const QString& folder);
    /**
     * @brief If folder holds an abandoned recovery file, asks the user (over parent) whether to restore it, opens it
     * through sessions if so, and removes it either way.
     */
    static void offerAbandoned(SessionActions* sessions, QWidget* parent, const QString& folder);
    /** @brief Where the window keeps its recovery files: the user's application data folder. */
    static QString defaultFolder();

private:
    void save();

    SessionActions* m_sessions;
    QString m_path;
    QTimer m_timer;
};

} // namespace gdlab
