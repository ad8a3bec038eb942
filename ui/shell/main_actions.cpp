#include "shell/main_actions.h"

#include "session/pinned_runs.h"

#include <QAction>
#include <QKeySequence>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>
#include <QUndoStack>

namespace gdlab {

MainActions::MainActions(QMainWindow* window)
    : QObject(window)
    , m_window(window)
{
    createFileActions();
    createExportActions();
    createCompareActions();
    m_presentation = new QAction(tr("&Presentation mode"), this);
    m_presentation->setCheckable(true);
    m_presentation->setShortcut(QKeySequence(Qt::Key_F11));
    m_presentation->setToolTip(tr("Full screen with large text and lines for the back row (F11)"));
}

void MainActions::createFileActions()
{
    QStyle* style = m_window->style();
    m_open = new QAction(style->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open CSV…"), this);
    m_open->setShortcut(QKeySequence::Open);
    m_open->setToolTip(tr("Open your own data as CSV (Ctrl+O)"));
    m_exportData = new QAction(tr("Export &data…"), this);
    m_exportData->setToolTip(tr("Save the data (with your edits) as CSV"));
    m_openSession = new QAction(tr("Open &session…"), this);
    m_openSession->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_openSession->setToolTip(tr("Reopen a saved .gdlab session: data, settings, cursor and views (Ctrl+Shift+O)"));
    m_saveSession = new QAction(tr("&Save session"), this);
    m_saveSession->setShortcut(QKeySequence::Save);
    m_saveSession->setToolTip(tr("Save the data, the settings, the cursor and the views as a .gdlab file (Ctrl+S)"));
    m_saveSessionAs = new QAction(tr("Save session &as…"), this);
    m_saveSessionAs->setShortcut(QKeySequence::SaveAs);
    m_openGuide = new QAction(tr("Open &guide…"), this);
    m_openGuide->setToolTip(tr("Open a guided lesson (a .json guide): narrated steps a class walks through"));
    m_guides = new QMenu(tr("&Guides"), m_window);
    m_exportHistory = new QAction(style->standardIcon(QStyle::SP_DialogSaveButton), tr("&Export history…"), this);
    m_exportHistory->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportHistory->setToolTip(tr("Save every iteration as CSV (Ctrl+E)"));
    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence::Quit);
}

void MainActions::createExportActions()
{
    m_exportView = new QAction(tr("Export &view…"), this);
    m_exportView->setToolTip(tr("Save the view you last clicked as PNG, SVG or PDF, for slides"));
    m_exportWindow = new QAction(tr("Export &window…"), this);
    m_exportWindow->setToolTip(tr("Save the whole window as PNG, SVG or PDF"));
    m_exportAnimation = new QAction(tr("Export &animation…"), this);
    m_exportAnimation->setToolTip(tr("Save a view or the window stepping through the descent as an animated GIF"));
    m_copyView = new QAction(tr("&Copy view"), this);
    m_copyView->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyView->setToolTip(tr("Copy the view you last clicked to the clipboard as an image (Ctrl+Shift+C)"));
}

void MainActions::createCompareActions()
{
    m_pin = new QAction(tr("&Pin this run"), this);
    m_pin->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pin->setToolTip(tr("Keep this run on the loss, contour and bowl views to compare it with the next (Ctrl+P)"));
    m_unpin = new QAction(tr("&Unpin the last run"), this);
    m_clearPins = new QAction(tr("Unpin &all runs"), this);
    m_race = new QAction(tr("&Race…"), this);
    m_race->setToolTip(tr("Up to four optimizers on the same data and start, stepping together"));
    m_sweep = new QAction(tr("Learning-rate &sweep…"), this);
    m_sweep->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_sweep->setToolTip(tr("Loss curves for several learning rates around the stability bound (Ctrl+L)"));
}

void MainActions::buildMenus(QMenu* recentFiles, QUndoStack* edits, const QList<QAction*>& playback)
{
    QMenuBar* bar = m_window->menuBar();
    QMenu* file = bar->addMenu(tr("&File"));
    file->addAction(m_open);
    recentFiles->setTitle(tr("Open &recent"));
    file->addMenu(recentFiles);
    file->addSeparator();
    file->addActions({ m_openSession, m_saveSession, m_saveSessionAs });
    file->addSeparator();
    file->addAction(m_openGuide);
    file->addMenu(m_guides);
    file->addSeparator();
    file->addAction(m_exportHistory);
    file->addAction(m_exportData);
    file->addSeparator();
    file->addActions({ m_exportView, m_exportWindow, m_exportAnimation });
    file->addSeparator();
    file->addAction(m_quit);

    QMenu* edit = bar->addMenu(tr("&Edit"));
    QAction* undo = edits->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    // QKeySequence::Redo is Ctrl+Shift+Z on Linux; Ctrl+Y is the other common one. Each bound once.
    QAction* redo = edits->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y) });
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(m_copyView);

    QMenu* compare = bar->addMenu(tr("&Compare"));
    compare->addActions({ m_pin, m_unpin, m_clearPins });
    compare->addSeparator();
    compare->addAction(m_sweep);
    compare->addAction(m_race);
    m_view = bar->addMenu(tr("&View"));
    m_view->addAction(m_presentation);
    QMenu* play = bar->addMenu(tr("&Playback"));
    for (QAction* action : playback) {
        // Playback keys work wherever the focus is in the window.
        action->setShortcutContext(Qt::WindowShortcut);
        m_window->addAction(action);
        play->addAction(action);
    }
    buildToolBar();
}

void MainActions::buildToolBar()
{
    QToolBar* toolBar = m_window->addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addActions({ m_open, m_exportHistory });
    toolBar->addSeparator();
    toolBar->addActions({ m_pin, m_clearPins, m_sweep });
    toolBar->addSeparator();
    toolBar->addAction(m_presentation);
}

void MainActions::followPins(const PinnedRuns* pins)
{
    const auto update = [this, pins] {
        // A race's runs are shown with the pins but are not the user's to unpin: stopping the race removes them.
        m_unpin->setEnabled(pins->pinnedCount() > 0);
        m_clearPins->setEnabled(pins->pinnedCount() > 0);
    };
    connect(pins, &PinnedRuns::changed, this, update);
    update();
}

} // namespace gdlab
