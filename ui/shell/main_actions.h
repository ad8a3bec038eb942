#pragma once

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;
class QUndoStack;

namespace gdlab {

class PinnedRuns;

/**
 * @brief The window's actions with their shortcuts, and the menus and toolbar that show them.
 *
 * It only makes and arranges actions; what they do is connected by the window (triggered signals) so that
 * this class knows none of the parts. Every shortcut is one key sequence, used once (a test checks that no
 * two actions share one).
 */
class MainActions : public QObject {
    Q_OBJECT

public:
    explicit MainActions(QMainWindow* window);

    QAction* open() const { return m_open; }
    /** @brief File › Open session…, Save session, Save session as…: the .gdlab files (SessionActions). */
    QAction* openSession() const { return m_openSession; }
    QAction* saveSession() const { return m_saveSession; }
    QAction* saveSessionAs() const { return m_saveSessionAs; }
    /** @brief File › Open guide…: a guide (JSON) from a file; File › Guides lists the built-in ones (GuideRunner). */
    QAction* openGuide() const { return m_openGuide; }
    QMenu* guidesMenu() const { return m_guides; }
    QAction* exportHistory() const { return m_exportHistory; }
    QAction* exportData() const { return m_exportData; }
    /** @brief File › Export view…: the view last clicked, as PNG, SVG or PDF. */
    QAction* exportView() const { return m_exportView; }
    QAction* exportWindow() const { return m_exportWindow; }
    /** @brief File › Export animation…: a view or the window over iterations, as an animated GIF. */
    QAction* exportAnimation() const { return m_exportAnimation; }
    /** @brief Edit › Copy view (Ctrl+Shift+C): the view last clicked, as an image on the clipboard. */
    QAction* copyView() const { return m_copyView; }
    QAction* quit() const { return m_quit; }
    QAction* pin() const { return m_pin; }
    QAction* unpin() const { return m_unpin; }
    QAction* clearPins() const { return m_clearPins; }
    QAction* sweep() const { return m_sweep; }
    QAction* race() const { return m_race; }
    QAction* presentation() const { return m_presentation; }
    /** @brief The View menu, once buildMenus() has made it (the window adds the theme menu to it). */
    QMenu* viewMenu() const { return m_view; }

    /** @brief Builds the menus and the toolbar: the recent-files menu, undo and redo, the playback actions. */
    void buildMenus(QMenu* recentFiles, QUndoStack* edits, const QList<QAction*>& playback);
    /** @brief Enables the unpin actions while there is something pinned. */
    void followPins(const PinnedRuns* pins);

private:
    void createFileActions();
    void createExportActions();
    void createCompareActions();
    void buildToolBar();

    QMainWindow* m_window;
    QAction* m_open = nullptr;
    QAction* m_openSession = nullptr;
    QAction* m_saveSession = nullptr;
    QAction* m_saveSessionAs = nullptr;
    QAction* m_openGuide = nullptr;
    QMenu* m_guides = nullptr;
    QAction* m_exportHistory = nullptr;
    QAction* m_exportData = nullptr;
    QAction* m_exportView = nullptr;
    QAction* m_exportWindow = nullptr;
    QAction* m_exportAnimation = nullptr;
    QAction* m_copyView = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_pin = nullptr;
    QAction* m_unpin = nullptr;
    QAction* m_clearPins = nullptr;
    QAction* m_sweep = nullptr;
    QAction* m_race = nullptr;
    QAction* m_presentation = nullptr;
    QMenu* m_view = nullptr;
};

} // namespace gdlab
