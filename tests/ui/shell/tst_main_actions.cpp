#include "shell/main_actions.h"

#include "data/data_opener.h"
#include "data/recent_files.h"
#include "dataset.h"
#include "history.h"
#include "lesson.h"
#include "panels/control_panel.h"
#include "run.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "session/point_editor.h"
#include "session/race.h"
#include "session/session_controller.h"
#include "shell/main_window.h"
#include "shell/race_launcher.h"
#include "shell/second_view_tabs.h"
#include "shell/session_actions.h"
#include "views/loss_plot.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QShortcut>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <map>
#include <memory>

namespace tst_main_actions {

using gdlab::MainActions;

class TestMainActions : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void actionsHaveTheirShortcuts();
    void menusHoldTheActions();
    void noShortcutIsBoundTwiceInTheWindow();
    void redoFromEitherKey();
    void everyShortcutReachesItsActionAlone();
    void undoAndRedoFromTheKeyboardRestoreTheLesson();
    void sessionKeepsTheViews();
    void sessionKeepsTheRace();
};

namespace {

/** Swallows the Shortcut events the window's actions receive and notes who got one and whether it was ambiguous. */
class ShortcutRecorder : public QObject {
public:
    QStringList received;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::Shortcut)
            return false;
        auto* action = qobject_cast<QAction*>(watched);
        const bool ambiguous = static_cast<QShortcutEvent*>(event)->isAmbiguous();
        received << (action ? action->text() : QStringLiteral("?"))
                + (ambiguous ? QStringLiteral(" (ambiguous)") : QString());
        return true; // the action's handler (a file dialog, full screen, quitting) does not run
    }
};

} // namespace

void TestMainActions::actionsHaveTheirShortcuts()
{
    QMainWindow window;
    MainActions actions(&window);
    QCOMPARE(actions.open()->shortcut(), QKeySequence(QKeySequence::Open));
    QCOMPARE(actions.exportHistory()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    QCOMPARE(actions.pin()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_P));
    QCOMPARE(actions.sweep()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
    QCOMPARE(actions.presentation()->shortcut(), QKeySequence(Qt::Key_F11));
    QVERIFY(actions.presentation()->isCheckable());
    QCOMPARE(actions.copyView()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QCOMPARE(actions.saveSession()->shortcut(), QKeySequence(QKeySequence::Save));
    QCOMPARE(actions.saveSessionAs()->shortcut(), QKeySequence(QKeySequence::SaveAs));
    QCOMPARE(actions.openSession()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
}

void TestMainActions::menusHoldTheActions()
{
    QMainWindow window;
    MainActions actions(&window);
    QMenu recent;
    QUndoStack edits;
    auto* play = new QAction(QStringLiteral("Play"), &window);
    actions.buildMenus(&recent, &edits, { play });
    QStringList titles;
    for (QAction* menu : window.menuBar()->actions())
        titles << menu->text();
    QCOMPARE(titles,
        QStringList({ QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&Compare"),
            QStringLiteral("&View"), QStringLiteral("&Playback") }));
    QVERIFY(window.actions().contains(play)); // playback keys work wherever the focus is
    QCOMPARE(play->shortcutContext(), Qt::WindowShortcut);
    const QList<QAction*> file = window.menuBar()->actions().constFirst()->menu()->actions();
    for (QAction* exportAction : { actions.exportView(), actions.exportWindow(), actions.exportAnimation(),
             actions.openSession(), actions.saveSession(), actions.saveSessionAs() })
        QVERIFY2(file.contains(exportAction), qPrintable(exportAction->text()));
    QVERIFY(window.menuBar()->actions().at(1)->menu()->actions().contains(actions.copyView()));
}

// Every key sequence of every action in the real window, once: a sequence bound twice is an "ambiguous
// shortcut" that does nothing at all.
void TestMainActions::noShortcutIsBoundTwiceInTheWindow()
{
    gdlab::SessionController controller;
    QVERIFY(controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    gdlab::MainWindow window(&controller);
    std::map<QString, QString> owners;
    QStringList clashes;
    for (QAction* action : window.findChildren<QAction*>()) {
        for (const QKeySequence& sequence : action->shortcuts()) {
            const QString key = sequence.toString(QKeySequence::PortableText);
            const auto [it, inserted] = owners.emplace(key, action->text());
            if (!inserted && it->second != action->text())
                clashes << QStringLiteral("%1: %2 and %3").arg(key, it->second, action->text());
            else if (!inserted)
                clashes << QStringLiteral("%1 bound twice to %2").arg(key, action->text());
        }
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
    QVERIFY(owners.count(QStringLiteral("Ctrl+Y")) == 1);
    QVERIFY(owners.count(QStringLiteral("Ctrl+Shift+Z")) == 1);
    // Shortcuts that are not actions would escape the audit: the only one is presentation mode's Esc, which is
    // off outside presentation mode so that Esc stays free for dialogs and editors.
    for (const QShortcut* shortcut : window.findChildren<QShortcut*>()) {
        QCOMPARE(shortcut->key(), QKeySequence(Qt::Key_Escape));
        QVERIFY(!shortcut->isEnabled());
    }
}

// The audit through the keyboard: each key sequence of each action, pressed in the shown window, reaches that
// action and no other, unambiguously (Qt reports "Ambiguous shortcut overload" and does nothing otherwise,
// whichever way the clash came about: a standard key that means the same, a widget's own shortcut).
void TestMainActions::everyShortcutReachesItsActionAlone()
{
    gdlab::SessionController controller;
    QVERIFY(controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    gdlab::MainWindow window(&controller);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    controller.model()->setCurrentRow(10);
    ShortcutRecorder recorder;
    QList<QAction*> bound;
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->shortcuts().isEmpty())
            continue;
        action->setEnabled(true); // undo with nothing to undo, say: disabled, its key would not be tried
        action->installEventFilter(&recorder);
        bound << action;
    }
    QVERIFY(bound.size() >= 12);
    for (QAction* action : std::as_const(bound)) {
        for (const QKeySequence& sequence : action->shortcuts()) {
            recorder.received.clear();
            QTest::keySequence(&window, sequence);
            QVERIFY2(recorder.received == QStringList(action->text()),
                qPrintable(
                    QStringLiteral("%1 for %2 reached: %3")
                        .arg(sequence.toString(), action->text(), recorder.received.join(QStringLiteral(", ")))));
        }
    }
}

// Undo and redo from the keys a user presses, in the shown window: undoing a point edit gives back the data,
// the lesson in the chooser, its text and the window's title.
void TestMainActions::undoAndRedoFromTheKeyboardRestoreTheLesson()
{
    gdlab::SessionController controller;
    QVERIFY(controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    gdlab::MainWindow window(&controller);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const gdlab::Lesson* lesson = gdlab::findLesson("five_points");
    QVERIFY(lesson);
    QComboBox* lessons = window.controlPanel()->lessonCombo();
    QLabel* text = window.controlPanel()->lessonDescriptionLabel();
    const QString title = window.windowTitle();
    const auto showsTheLesson = [&] {
        return controller.model()->run()->dataset->rowCount() == 5
            && lessons->currentData().toString() == QStringLiteral("five_points")
            && lessons->currentText() == QString::fromStdString(lesson->title)
            && text->text() == QString::fromStdString(lesson->description) && window.windowTitle() == title;
    };
    QVERIFY(showsTheLesson());

    QVERIFY(window.pointEditor()->addPoint(2.5, 1.0));
    QVERIFY(!showsTheLesson());
    QVERIFY(lessons->currentText().contains(QStringLiteral("Custom data")));
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_Z));
    QVERIFY(showsTheLesson());
    QVERIFY(lessons->findData(QString()) < 0); // no "custom data" entry left behind
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    QCOMPARE(controller.model()->run()->dataset->rowCount(), Eigen::Index(6));
    QVERIFY(lessons->currentText().contains(QStringLiteral("Custom data")));
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_Z));
    QVERIFY(showsTheLesson());
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_Y));
    QCOMPARE(controller.model()->run()->dataset->rowCount(), Eigen::Index(6));
    QVERIFY(window.windowTitle() != title);
}

void TestMainActions::redoFromEitherKey()
{
    QMainWindow window;
    MainActions actions(&window);
    QMenu recent;
    QUndoStack edits;
    actions.buildMenus(&recent, &edits, {});
    QAction* redo = nullptr;
    for (QAction* action : window.findChildren<QAction*>())
        if (action->text().contains(QStringLiteral("Redo")))
            redo = action;
    QVERIFY(redo);
    QCOMPARE(redo->shortcuts(),
        QList<QKeySequence>({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y) }));
}

// What the views show beyond the run (loss axis, slice, hold mode, the second view's tab) goes into the session
// and comes back in another window; a bad session changes nothing there.
void TestMainActions::sessionKeepsTheViews()
{
    gdlab::SessionController controller;
    QVERIFY(controller.loadLesson(QStringLiteral("three_features_ints_n20")).isEmpty());
    gdlab::MainWindow window(&controller);
    window.lossPlot()->setLogarithmic(false);
    window.surfaceModel()->xParameter(); // the slice follows the run on screen first, as once the window has drawn
    window.surfaceModel()->setParameters(0, 2);
    window.surfaceModel()->setHoldMode(gdlab::ErrorSurfaceModel::HoldMode::CurrentIterate);
    window.secondViewTabs()->setCurrentIndex(1);
    // The layout: a splitter moved by hand comes back as it was.
    auto* splitter = window.findChild<QSplitter*>(QStringLiteral("viewsAndSide"));
    QVERIFY(splitter);
    splitter->setSizes({ 700, 300 });
    const QByteArray splitterState = splitter->saveState();
    // A pinned run goes into the session by its settings and is computed again there.
    QVERIFY(window.pinnedRuns()->pinCurrent());
    QVERIFY(controller.setLearningRate(controller.latestRun()->settings.learningRate / 2).isEmpty());
    controller.waitForComputation();
    controller.model()->setCurrentRow(7);
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("views.gdlab"));
    QString error;
    QVERIFY2(window.sessions()->save(path, &error), qPrintable(error));
    QCOMPARE(window.sessions()->currentPath(), path);

    gdlab::SessionController other;
    QVERIFY(other.loadLesson(QStringLiteral("five_points")).isEmpty());
    gdlab::MainWindow reopened(&other);
    QVERIFY2(reopened.sessions()->open(path).isEmpty(), qPrintable(reopened.sessions()->open(path)));
    QCOMPARE(window.surfaceModel()->yParameter(), 2);
    QCOMPARE(reopened.sessions()->viewsJson(), window.sessions()->viewsJson());
    QVERIFY(!reopened.lossPlot()->isLogarithmic());
    QCOMPARE(reopened.surfaceModel()->yParameter(), 2);
    QCOMPARE(reopened.findChild<QSplitter*>(QStringLiteral("viewsAndSide"))->saveState(), splitterState);
    QVERIFY(!reopened.isPresentationMode());
    QCOMPARE(other.model()->currentRow(), 7);
    // A session saved in presentation mode opens in it: the class sees what the teacher prepared.
    window.setPresentationMode(true);
    QVERIFY2(window.sessions()->save(path, &error), qPrintable(error));
    QVERIFY(reopened.sessions()->open(path).isEmpty());
    QVERIFY(reopened.isPresentationMode());
    reopened.setPresentationMode(false);
    QCOMPARE(other.latestRun()->lessonName, std::string("three_features_ints_n20"));
    QCOMPARE(reopened.pinnedRuns()->pinnedCount(), 1);
    const gdlab::PinnedRun& pin = reopened.pinnedRuns()->run(0);
    QVERIFY(pin.settings() == window.pinnedRuns()->run(0).settings());
    QCOMPARE(pin.rows, window.pinnedRuns()->run(0).rows);
    QCOMPARE(pin.history().theta(pin.history().size() - 1),
        window.pinnedRuns()->run(0).history().theta(pin.history().size() - 1));

    // No race was running: opening stops the one the other window ran.
    QVERIFY(reopened.raceLauncher()->start(QStringLiteral("gd,adam")).isEmpty());
    const QString reopenedAgain = reopened.sessions()->open(path);
    QVERIFY2(reopenedAgain.isEmpty(), qPrintable(reopenedAgain));
    QVERIFY(!reopened.raceLauncher()->race()->isActive());

    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"format\": \"gdlab-session\", \"version\": 7}");
    file.close();
    const QString refusal = reopened.sessions()->open(path);
    QVERIFY2(refusal.contains(QStringLiteral("newer gdlab")), qPrintable(refusal));
    QCOMPARE(other.model()->currentRow(), 7);
    QVERIFY(!reopened.sessions()->open(directory.filePath(QStringLiteral("gone.gdlab"))).isEmpty());
}

void TestMainActions::initTestCase()
{
    // Sessions opened go to the recent list in QSettings: keep it out of the user's own configuration.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("gdlab-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_main_actions"));
}

// The race running goes into the session by its text and runs again when the session opens, leaving the user's pins
// be; a race that cannot be read is refused with the field named.
void TestMainActions::sessionKeepsTheRace()
{
    gdlab::SessionController controller;
    QVERIFY(controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    gdlab::MainWindow window(&controller);
    QVERIFY(window.pinnedRuns()->pinCurrent());
    QVERIFY(window.raceLauncher()->start(QStringLiteral("gd,momentum:lr=0.005:momentum=0.8,adam:lr=0.1")).isEmpty());
    controller.waitForComputation();
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("race.gdlab"));
    QString error;
    QVERIFY2(window.sessions()->save(path, &error), qPrintable(error));

    gdlab::SessionController other;
    QVERIFY(other.loadLesson(QStringLiteral("the_ravine")).isEmpty());
    gdlab::MainWindow reopened(&other);
    QVERIFY2(reopened.sessions()->open(path).isEmpty(), qPrintable(reopened.sessions()->open(path)));
    const gdlab::Race* race = reopened.raceLauncher()->race();
    QVERIFY(race->isActive());
    QVERIFY(race->entries() == window.raceLauncher()->race()->entries());
    QCOMPARE(race->count(), 3);
    QCOMPARE(race->label(1), window.raceLauncher()->race()->label(1));
    QCOMPARE(reopened.pinnedRuns()->pinnedCount(), 1);
    QCOMPARE(reopened.pinnedRuns()->racedCount(), 2);

    // A session chosen from File › Open recent, or dropped, goes to the sessions, not to the CSV reader; the
    // recovery copy the autosave offers is opened without becoming the file Save writes to.
    gdlab::SessionController third;
    QVERIFY(third.loadLesson(QStringLiteral("five_points")).isEmpty());
    gdlab::MainWindow dropped(&third);
    dropped.dataOpener()->openFile(path);
    QVERIFY(dropped.raceLauncher()->race()->isActive());
    QCOMPARE(dropped.sessions()->currentPath(), path);
    QVERIFY(dropped.dataOpener()->recentFiles()->files().contains(path));
    gdlab::SessionController fourth;
    QVERIFY(fourth.loadLesson(QStringLiteral("five_points")).isEmpty());
    gdlab::MainWindow recovered(&fourth);
    QVERIFY(recovered.sessions()->openCopy(path).isEmpty());
    QVERIFY(recovered.sessions()->currentPath().isEmpty());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    QVERIFY(bytes.contains("\"race\": \"gd,momentum:lr=0.005:momentum=0.8,adam:lr=0.1\""));
    bytes.replace("adam:lr=0.1", "adam:rho=0.5");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    file.close();
    const QString refusal = reopened.sessions()->open(path);
    QVERIFY2(refusal.contains(QStringLiteral("race:")) && refusal.contains(QStringLiteral("rho")), qPrintable(refusal));
    QVERIFY(race->entries() == window.raceLauncher()->race()->entries());
}

} // namespace tst_main_actions

QTEST_MAIN(tst_main_actions::TestMainActions)
#include "tst_main_actions.moc"
