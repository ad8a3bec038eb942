#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QMenu;

namespace gdlab {

/**
 * @brief The CSV files opened or exported lately, newest first, and the folder the file dialogs start in.
 *
 * Kept in QSettings (the application's organization and name), so the list outlives the session, at most
 * maxFiles of them. Files that no longer exist are dropped whenever the list is read: a teacher's USB stick
 * comes and goes, and a menu entry that can only fail is worse than none. menu() offers the list as an
 * "Open Recent" menu that keeps itself up to date; choosing a file emits fileChosen() and opens nothing itself.
 */
class RecentFiles : public QObject {
    Q_OBJECT

public:
    static constexpr int maxFiles = 8;

    explicit RecentFiles(QObject* parent = nullptr);
    ~RecentFiles() override;

    /** @brief The list, newest first, with files that vanished removed (also from the settings). */
    QStringList files();
    /** @brief Puts path (made absolute) at the top, once; the oldest beyond maxFiles goes. */
    void add(const QString& path);
    /** @brief Forgets path, e.g. a listed file that failed to open because it was deleted. */
    void remove(const QString& path);
    void clear();

    /** @brief The list as a menu (one action per file, then "Clear list"), owned by this object. */
    QMenu* menu();

    /** @brief The folder of the last file opened or exported, or the home folder when it is gone. */
    QString startDirectory() const;
    void rememberDirectory(const QString& filePath);

signals:
    void changed();
    /** @brief A file was picked from menu(). */
    void fileChosen(const QString& path);

private:
    void write(const QStringList& files);
    void rebuildMenu();
    void addFileActions(const QStringList& files);

    std::unique_ptr<QMenu> m_menu;
};

} // namespace gdlab
