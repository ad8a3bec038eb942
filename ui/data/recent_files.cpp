#include "data/recent_files.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace gdlab {

namespace {

const QString kRecentFilesKey = QStringLiteral("data/recentFiles");
const QString kLastDirectoryKey = QStringLiteral("data/lastDirectory");
/** Actions past the ninth get no mnemonic: there is no tenth digit key. */
constexpr int kMnemonicCount = 9;

} // namespace

RecentFiles::RecentFiles(QObject* parent)
    : QObject(parent)
{
}

RecentFiles::~RecentFiles() = default;

QStringList RecentFiles::files()
{
    const QStringList stored = QSettings().value(kRecentFilesKey).toStringList();
    QStringList existing;
    for (const QString& path : stored) {
        if (QFileInfo(path).isFile() && !existing.contains(path))
            existing << path;
    }
    while (existing.size() > maxFiles)
        existing.removeLast();
    if (existing != stored)
        write(existing);
    return existing;
}

void RecentFiles::add(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > maxFiles)
        list.removeLast();
    write(list);
}

void RecentFiles::remove(const QString& path)
{
    // The stored list, not files(): the file is typically gone, and reading would prune it silently.
    QStringList list = QSettings().value(kRecentFilesKey).toStringList();
    if (list.removeAll(QFileInfo(path).absoluteFilePath()) > 0)
        write(list);
}

void RecentFiles::clear()
{
    write({});
}

QMenu* RecentFiles::menu()
{
    if (!m_menu) {
        m_menu = std::make_unique<QMenu>(tr("Open &Recent"));
        m_menu->setObjectName(QStringLiteral("recentFilesMenu"));
        // Files can vanish while the program runs; the list is checked again whenever it is looked at.
        connect(m_menu.get(), &QMenu::aboutToShow, this, &RecentFiles::rebuildMenu);
        rebuildMenu();
    }
    return m_menu.get();
}

QString RecentFiles::startDirectory() const
{
    const QString directory = QSettings().value(kLastDirectoryKey).toString();
    return QFileInfo(directory).isDir() ? directory : QDir::homePath();
}

void RecentFiles::rememberDirectory(const QString& filePath)
{
    QSettings().setValue(kLastDirectoryKey, QFileInfo(filePath).absolutePath());
}

void RecentFiles::write(const QStringList& list)
{
    QSettings settings;
    if (settings.value(kRecentFilesKey).toStringList() == list)
        return;
    if (list.isEmpty())
        settings.remove(kRecentFilesKey);
    else
        settings.setValue(kRecentFilesKey, list);
    rebuildMenu();
    emit changed();
}

void RecentFiles::rebuildMenu()
{
    if (!m_menu)
        return;
    // Read (and prune) the list first: pruning writes the settings, which rebuilds the menu itself.
    const QStringList list = files();
    // Later, not now: this may run inside the triggered() of one of these actions ("Clear list").
    for (QAction* action : m_menu->actions()) {
        m_menu->removeAction(action);
        action->deleteLater();
    }
    if (list.isEmpty()) {
        m_menu->addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    addFileActions(list);
    m_menu->addSeparator();
    connect(m_menu->addAction(tr("&Clear list")), &QAction::triggered, this, &RecentFiles::clear);
}

void RecentFiles::addFileActions(const QStringList& list)
{
    QStringList names;
    for (const QString& path : list)
        names << QFileInfo(path).fileName();
    for (int i = 0; i < list.size(); ++i) {
        const QString& path = list[i];
        // Two files of the same name are told apart by their folder.
        QString label = names[i];
        if (names.count(names[i]) > 1)
            label += QStringLiteral("  (%1)").arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
        label.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction* action
            = m_menu->addAction(i < kMnemonicCount ? QStringLiteral("&%1 %2").arg(i + 1).arg(label) : label);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setData(path);
        connect(action, &QAction::triggered, this, [this, path] { emit fileChosen(path); });
    }
}

} // namespace gdlab
