#include "shell/session_autosave.h"

#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "shell/session_actions.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStandardPaths>

#include <cerrno>
#include <csignal>
#include <sys/types.h>

namespace gdlab {

namespace {

/** Whether a process with this id is running (signal 0 checks without sending anything). */
bool isRunning(qint64 pid)
{
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

} // namespace

SessionAutosave::SessionAutosave(
    SessionActions* sessions, SessionController* controller, const QString& folder, int delayMs)
    : QObject(sessions)
    , m_sessions(sessions)
    , m_path(QDir(folder).filePath(QStringLiteral("recovery-%1.gdlab").arg(QCoreApplication::applicationPid())))
{
    QDir().mkpath(folder);
    m_timer.setSingleShot(true);
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, &SessionAutosave::save);
    const IterationModel* model = controller->model();
    connect(model, &IterationModel::runReset, &m_timer, qOverload<>(&QTimer::start));
    connect(model, &IterationModel::currentRowChanged, &m_timer, qOverload<>(&QTimer::start));
}

SessionAutosave::~SessionAutosave()
{
    QFile::remove(m_path);
}

void SessionAutosave::flush()
{
    if (m_timer.isActive()) {
        m_timer.stop();
        save();
    }
}

void SessionAutosave::save()
{
    // Best effort: a full disk must not interrupt the lesson; the next change tries again.
    QString ignored;
    m_sessions->saveCopy(m_path, &ignored);
}

QString SessionAutosave::findAbandoned(const QString& folder)
{
    static const QRegularExpression name(QStringLiteral("^recovery-(\\d+)\\.gdlab$"));
    QFileInfo newest;
    const QFileInfoList files = QDir(folder).entryInfoList({ QStringLiteral("recovery-*.gdlab") }, QDir::Files);
    for (const QFileInfo& file : files) {
        const QRegularExpressionMatch match = name.match(file.fileName());
        if (!match.hasMatch() || isRunning(match.captured(1).toLongLong()))
            continue;
        if (!newest.exists() || file.lastModified() > newest.lastModified())
            newest = file;
    }
    return newest.exists() ? newest.absoluteFilePath() : QString();
}

void SessionAutosave::offerAbandoned(SessionActions* sessions, QWidget* parent, const QString& folder)
{
    const QString abandoned = findAbandoned(folder);
    if (abandoned.isEmpty())
        return;
    const QString saved = QFileInfo(abandoned).lastModified().toString(QStringLiteral("d MMM, HH:mm"));
    const auto answer = QMessageBox::question(parent, tr("Restore the last session?"),
        tr("gdlab did not close normally last time. Restore the session it was showing (saved %1)?").arg(saved),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        const QString error = sessions->openCopy(abandoned);
        if (!error.isEmpty())
            QMessageBox::warning(parent, tr("Restore the last session"), error);
    }
    QFile::remove(abandoned);
}

QString SessionAutosave::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

} // namespace gdlab
