#include "shell/main_actions.h"

#include "session/session_controller.h"
#include "shell/main_window.h"

#include <QAction>
#include <QMainWindow>
#include <QMenuBar>
#include <QUndoStack>
#include <QtTest>

#include <map>
#include <memory>

using gdlab::MainActions;

class TestMainActions : public QObject {
    Q_OBJECT

private slots:
    void actionsHaveTheirShortcuts();
    void menusHoldTheActions();
    void noShortcutIsBoundTwiceInTheWindow();
    void redoFromEitherKey();
};

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

QTEST_MAIN(TestMainActions)
#include "tst_main_actions.moc"
