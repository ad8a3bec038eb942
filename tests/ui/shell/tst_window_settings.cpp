// The window as the user left it: geometry and the named splitters' sizes, saved into QSettings and put back in
// another window; nothing saved leaves the window as it is.
#include "shell/window_settings.h"

#include "session/session_controller.h"
#include "shell/main_window.h"

#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QtTest>

namespace tst_window_settings {

using gdlab::WindowSettings;

class TestWindowSettings : public QObject {
    Q_OBJECT

private slots:
    void splittersAndSizeComeBack();
};

void TestWindowSettings::splittersAndSizeComeBack()
{
    QTemporaryDir folder;
    QSettings settings(folder.filePath(QStringLiteral("gdlab.ini")), QSettings::IniFormat);
    gdlab::SessionController controller;
    QVERIFY(controller.loadLesson(QStringLiteral("five_points")).isEmpty());

    gdlab::MainWindow fresh(&controller);
    QVERIFY(!WindowSettings::restore(&fresh, settings));

    gdlab::MainWindow window(&controller);
    window.resize(1100, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* side = window.findChild<QSplitter*>(QStringLiteral("sideColumn"));
    auto* columns = window.findChild<QSplitter*>(QStringLiteral("viewsAndSide"));
    QVERIFY(side && columns);
    side->setSizes({ 200, 400 });
    columns->setSizes({ 600, 480 });
    const QList<int> sideSizes = side->sizes();
    WindowSettings::save(&window, settings);

    gdlab::MainWindow reopened(&controller);
    QVERIFY(WindowSettings::restore(&reopened, settings));
    reopened.show();
    QVERIFY(QTest::qWaitForWindowExposed(&reopened));
    QCOMPARE(reopened.size(), window.size());
    QCOMPARE(reopened.findChild<QSplitter*>(QStringLiteral("sideColumn"))->sizes(), sideSizes);
    QCOMPARE(reopened.findChild<QSplitter*>(QStringLiteral("viewsAndSide"))->sizes(), columns->sizes());
}

} // namespace tst_window_settings

QTEST_MAIN(tst_window_settings::TestWindowSettings)
#include "tst_window_settings.moc"
