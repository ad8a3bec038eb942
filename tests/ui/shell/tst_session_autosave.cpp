// The recovery file: saved a moment after each change, removed on a normal exit, and found after an abnormal one
// (its process gone) but not while its process still runs.
#include "shell/session_autosave.h"

#include "run.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "session/session_file.h"
#include "shell/main_window.h"
#include "shell/session_actions.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace tst_session_autosave {

using gdlab::SessionAutosave;

namespace {

std::optional<gdlab::SavedSession> readBack(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QString error;
    return gdlab::SessionFile::read(file.readAll(), path, &error);
}

} // namespace

class TestSessionAutosave : public QObject {
    Q_OBJECT

private slots:
    void savesAfterEachChangeAndCleansUp();
    void findsOnlyWhatADeadProcessLeft();
};

void TestSessionAutosave::savesAfterEachChangeAndCleansUp()
{
    QTemporaryDir folder;
    gdlab::SessionController controller;
    QVERIFY(controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    gdlab::MainWindow window(&controller);
    QString path;
    {
        SessionAutosave autosave(window.sessions(), &controller, folder.path(), 10);
        path = autosave.path();
        QVERIFY(path.endsWith(QStringLiteral("recovery-%1.gdlab").arg(QCoreApplication::applicationPid())));
        QVERIFY(!QFile::exists(path)); // nothing changed yet
        QVERIFY(controller.setLearningRate(0.05).isEmpty());
        QTRY_VERIFY(QFile::exists(path));
        QTRY_COMPARE(readBack(path)->settings.learningRate, 0.05);
        controller.model()->setCurrentRow(33);
        QTRY_COMPARE(readBack(path)->iteration, 33LL);
        // The recovery copy is not the session's own file: Save still asks where.
        QVERIFY(window.sessions()->currentPath().isEmpty());
        controller.model()->setCurrentRow(34);
        autosave.flush();
        QCOMPARE(readBack(path)->iteration, 34LL);
    }
    QVERIFY(!QFile::exists(path)); // a normal exit leaves nothing to recover
}

void TestSessionAutosave::findsOnlyWhatADeadProcessLeft()
{
    QTemporaryDir folder;
    QCOMPARE(SessionAutosave::findAbandoned(folder.path()), QString());
    const auto touch = [&folder](const QString& name) {
        QFile file(folder.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write("{}");
    };
    touch(QStringLiteral("recovery-%1.gdlab").arg(QCoreApplication::applicationPid())); // this process: alive
    touch(QStringLiteral("notes.gdlab"));
    QCOMPARE(SessionAutosave::findAbandoned(folder.path()), QString());
    touch(QStringLiteral("recovery-999999999.gdlab")); // no such process
    QCOMPARE(
        SessionAutosave::findAbandoned(folder.path()), folder.filePath(QStringLiteral("recovery-999999999.gdlab")));
}

} // namespace tst_session_autosave

QTEST_MAIN(tst_session_autosave::TestSessionAutosave)
#include "tst_session_autosave.moc"
