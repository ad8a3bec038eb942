// The recent-files list: newest first, capped, kept in the settings, pruned of files that vanished, and offered
// as a menu that names each file once and asks to open it.
#include "data/recent_files.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace tst_recent_files {

using gdlab::RecentFiles;

class TestRecentFiles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void newestFirstAndCapped();
    void addingAgainMovesToTheTop();
    void vanishedFilesAreDropped();
    void removeForgetsAFile();
    void keptInTheSettings();
    void menuListsTheFiles();
    void menuTellsSameNamesApart();
    void menuChoosesAFile();
    void menuFollowsTheList();
    void startDirectory();

private:
    QString makeFile(const QString& name)
    {
        const QString file = m_dir->filePath(name);
        QFileInfo(file).dir().mkpath(QStringLiteral("."));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write("x,y\n1,2\n") != 8)
            qFatal("cannot write %s", qPrintable(file));
        return QFileInfo(file).absoluteFilePath();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RecentFiles> m_recent;
};

void TestRecentFiles::initTestCase()
{
    // The list goes to QSettings: keep it out of the user's own configuration.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("gdlab-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_recent_files"));
}

void TestRecentFiles::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_recent = std::make_unique<RecentFiles>();
}

void TestRecentFiles::cleanup()
{
    m_recent.reset();
    m_dir.reset();
    QSettings().clear();
}

void TestRecentFiles::newestFirstAndCapped()
{
    QVERIFY(m_recent->files().isEmpty());
    QStringList added;
    for (int i = 0; i < RecentFiles::maxFiles + 2; ++i) {
        const QString file = makeFile(QStringLiteral("data%1.csv").arg(i));
        QSignalSpy changed(m_recent.get(), &RecentFiles::changed);
        m_recent->add(file);
        QCOMPARE(changed.count(), 1);
        added.prepend(file);
        QCOMPARE(m_recent->files().first(), file);
    }
    QCOMPARE(m_recent->files(), added.mid(0, RecentFiles::maxFiles));

    QSignalSpy changed(m_recent.get(), &RecentFiles::changed);
    m_recent->clear();
    QVERIFY(m_recent->files().isEmpty());
    QCOMPARE(changed.count(), 1);
    m_recent->clear(); // nothing left to change
    QCOMPARE(changed.count(), 1);
}

void TestRecentFiles::addingAgainMovesToTheTop()
{
    const QString a = makeFile(QStringLiteral("a.csv"));
    const QString b = makeFile(QStringLiteral("b.csv"));
    const QString c = makeFile(QStringLiteral("c.csv"));
    for (const QString& file : { a, b, c })
        m_recent->add(file);
    QCOMPARE(m_recent->files(), (QStringList { c, b, a }));
    m_recent->add(a);
    QCOMPARE(m_recent->files(), (QStringList { a, c, b }));
    // A relative path names the same file as its absolute one: listed once.
    const QString relative = QDir::current().relativeFilePath(b);
    m_recent->add(relative);
    QCOMPARE(m_recent->files(), (QStringList { b, a, c }));
}

void TestRecentFiles::vanishedFilesAreDropped()
{
    const QString a = makeFile(QStringLiteral("a.csv"));
    const QString b = makeFile(QStringLiteral("b.csv"));
    m_recent->add(a);
    m_recent->add(b);
    QCOMPARE(m_recent->files().size(), 2);
    QVERIFY(QFile::remove(a));
    QSignalSpy changed(m_recent.get(), &RecentFiles::changed);
    QCOMPARE(m_recent->files(), QStringList { b });
    QCOMPARE(changed.count(), 1);
    QCOMPARE(QSettings().value(QStringLiteral("data/recentFiles")).toStringList(), QStringList { b });
    // A folder is not a file to open either, and a list edited by hand with duplicates reads as one entry each.
    QSettings().setValue(QStringLiteral("data/recentFiles"), QStringList { b, m_dir->path(), b });
    QCOMPARE(m_recent->files(), QStringList { b });
}

void TestRecentFiles::removeForgetsAFile()
{
    const QString a = makeFile(QStringLiteral("a.csv"));
    const QString b = makeFile(QStringLiteral("b.csv"));
    m_recent->add(a);
    m_recent->add(b);
    QVERIFY(QFile::remove(a));
    m_recent->remove(a);
    QCOMPARE(QSettings().value(QStringLiteral("data/recentFiles")).toStringList(), QStringList { b });
    QSignalSpy changed(m_recent.get(), &RecentFiles::changed);
    m_recent->remove(makeFile(QStringLiteral("never listed.csv")));
    QCOMPARE(changed.count(), 0);
}

void TestRecentFiles::keptInTheSettings()
{
    const QString a = makeFile(QStringLiteral("a.csv"));
    const QString b = makeFile(QStringLiteral("b.csv"));
    m_recent->add(a);
    m_recent->add(b);
    QCOMPARE(QSettings().value(QStringLiteral("data/recentFiles")).toStringList(), (QStringList { b, a }));
    // The next session's list is this one's.
    m_recent = std::make_unique<RecentFiles>();
    QCOMPARE(m_recent->files(), (QStringList { b, a }));
    m_recent->clear();
    QVERIFY(!QSettings().contains(QStringLiteral("data/recentFiles")));
}

void TestRecentFiles::menuListsTheFiles()
{
    QMenu* menu = m_recent->menu();
    QVERIFY(menu);
    QCOMPARE(menu, m_recent->menu());
    QCOMPARE(menu->actions().size(), 1);
    QVERIFY(!menu->actions().first()->isEnabled()); // "No recent files"

    const QString a = makeFile(QStringLiteral("first.csv"));
    const QString b = makeFile(QStringLiteral("R&D.csv"));
    m_recent->add(a);
    m_recent->add(b);
    const QList<QAction*> actions = menu->actions();
    QCOMPARE(actions.size(), 4); // two files, a separator, "Clear list"
    QCOMPARE(actions.at(0)->text(), QStringLiteral("&1 R&&D.csv")); // an ampersand in a name is no mnemonic
    QCOMPARE(actions.at(1)->text(), QStringLiteral("&2 first.csv"));
    QCOMPARE(actions.at(1)->data().toString(), a);
    QCOMPARE(actions.at(1)->toolTip(), QDir::toNativeSeparators(a));
    QVERIFY(actions.at(2)->isSeparator());
    QCOMPARE(actions.at(3)->text(), QStringLiteral("&Clear list"));
}

void TestRecentFiles::menuTellsSameNamesApart()
{
    const QString one = makeFile(QStringLiteral("one/data.csv"));
    const QString two = makeFile(QStringLiteral("two/data.csv"));
    const QString other = makeFile(QStringLiteral("other.csv"));
    for (const QString& file : { one, two, other })
        m_recent->add(file);
    const QList<QAction*> actions = m_recent->menu()->actions();
    QCOMPARE(actions.at(0)->text(), QStringLiteral("&1 other.csv"));
    QVERIFY2(actions.at(1)->text().endsWith(QDir::toNativeSeparators(QFileInfo(two).absolutePath()) + QLatin1Char(')')),
        qPrintable(actions.at(1)->text()));
    QVERIFY2(actions.at(2)->text().endsWith(QDir::toNativeSeparators(QFileInfo(one).absolutePath()) + QLatin1Char(')')),
        qPrintable(actions.at(2)->text()));
}

void TestRecentFiles::menuChoosesAFile()
{
    const QString a = makeFile(QStringLiteral("a.csv"));
    const QString b = makeFile(QStringLiteral("b.csv"));
    m_recent->add(a);
    m_recent->add(b);
    QSignalSpy chosen(m_recent.get(), &RecentFiles::fileChosen);
    m_recent->menu()->actions().at(1)->trigger();
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.first().first().toString(), a);
    // Choosing is not opening: the list changes only when the opener says the file loaded.
    QCOMPARE(m_recent->files(), (QStringList { b, a }));
}

void TestRecentFiles::menuFollowsTheList()
{
    QMenu* menu = m_recent->menu();
    const QString a = makeFile(QStringLiteral("a.csv"));
    const QString b = makeFile(QStringLiteral("b.csv"));
    m_recent->add(a);
    m_recent->add(b);
    QCOMPARE(menu->actions().size(), 4);
    // A file deleted meanwhile disappears from the menu when it is shown.
    QVERIFY(QFile::remove(b));
    emit menu->aboutToShow();
    QCOMPARE(menu->actions().size(), 3);
    QCOMPARE(menu->actions().first()->data().toString(), a);

    menu->actions().last()->trigger(); // Clear list
    QVERIFY(m_recent->files().isEmpty());
    QCOMPARE(menu->actions().size(), 1);
    QVERIFY(!menu->actions().first()->isEnabled());
}

void TestRecentFiles::startDirectory()
{
    QCOMPARE(m_recent->startDirectory(), QDir::homePath());
    const QString file = makeFile(QStringLiteral("sub/data.csv"));
    m_recent->rememberDirectory(file);
    QCOMPARE(m_recent->startDirectory(), QFileInfo(file).absolutePath());
    // A folder that is gone (a USB stick pulled out) is no place to start.
    QVERIFY(QDir(QFileInfo(file).absolutePath()).removeRecursively());
    QCOMPARE(m_recent->startDirectory(), QDir::homePath());
}

} // namespace tst_recent_files

QTEST_MAIN(tst_recent_files::TestRecentFiles)
#include "tst_recent_files.moc"
