#include "shell/main_window.h"

#include "compare/sweep_dialog.h"
#include "data/data_opener.h"
#include "history_csv.h"
#include "panels/control_panel.h"
#include "panels/fit_view_options.h"
#include "panels/playback_bar.h"
#include "panels/surface_slice_controls.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "session/point_editor.h"
#include "session/session_controller.h"
#include "views/bowl_view.h"
#include "views/contour_plot.h"
#include "views/fit_plot.h"
#include "views/history_table.h"
#include "views/loss_plot.h"
#include "views/status_summary.h"
#include "views/update_panel.h"
#include "views/view_frame.h"

#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QImage>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QPixmap>
#include <QSaveFile>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QWindow>

#include <utility>

namespace gdlab {

MainWindow::MainWindow(SessionController* controller, QWidget* parent)
    : QMainWindow(parent)
    , m_controller(controller)
    , m_surface(new ErrorSurfaceModel(controller->model(), this))
    , m_dataOpener(new DataOpener(controller, controller->model(), this, this))
    , m_pinnedRuns(new PinnedRuns(controller->model(), this))
    , m_normalFont(QApplication::font())
{
    setObjectName(QStringLiteral("gdlabMainWindow"));
    setAcceptDrops(true);
    createLayout();
    createActions();
    updateWindowTitle();
    connect(m_controller, &SessionController::problemChanged, this, &MainWindow::updateWindowTitle);
    // A refused command is shown once, by the code that sent it (the opener for a file, the window for a routed
    // command); this broadcast is for the rest.
    connect(m_controller, &SessionController::errorOccurred, this, [this](const QString& message) {
        if (!m_routingCommand && !m_dataOpener->isApplyingDataset())
            showError(message);
    });
}

MainWindow::~MainWindow() = default;

void MainWindow::createLayout()
{
    m_fitPlot = new FitPlot(m_controller->model());
    m_lossPlot = new LossPlot(m_controller->model());
    m_contourPlot = new ContourPlot(m_controller->model(), m_surface);
    connect(m_contourPlot, &ContourPlot::startPointChosen, m_controller, &SessionController::setStartPoint);
    m_bowlView = new BowlView(m_controller->model(), m_surface);
    // The fit view asks for point edits; the editor makes them undoable, or says why not at the point and below.
    m_pointEditor = new PointEditor(m_controller, this);
    connect(m_fitPlot, &FitPlot::pointAddRequested, m_pointEditor, &PointEditor::addPoint);
    connect(m_fitPlot, &FitPlot::pointMoveRequested, m_pointEditor, &PointEditor::movePoint);
    connect(m_fitPlot, &FitPlot::pointRemoveRequested, m_pointEditor, &PointEditor::removePoint);
    connect(m_pointEditor, &PointEditor::refused, m_fitPlot, &FitPlot::showRefusal);
    connect(m_pointEditor, &PointEditor::refused, this,
        [this](const QString& message) { statusBar()->showMessage(message, 6000); });
    m_lossPlot->setPinnedRuns(m_pinnedRuns);
    m_contourPlot->setPinnedRuns(m_pinnedRuns);
    m_bowlView->setPinnedRuns(m_pinnedRuns);
    // The fit and the contour view carry their own choices (feature, slice) right above the plot.
    const auto withOptions = [](QWidget* options, QWidget* view) {
        auto* box = new QWidget;
        auto* column = new QVBoxLayout(box);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(2);
        column->addWidget(options);
        column->addWidget(view, 1);
        return box;
    };
    auto* fitOptions = new FitViewOptions(m_controller->model(), m_fitPlot);
    connect(fitOptions, &FitViewOptions::fitModeChosen, m_fitPlot, &FitPlot::setFitMode);
    connect(fitOptions, &FitViewOptions::featureChosen, m_fitPlot, &FitPlot::setFeature);
    connect(fitOptions, &FitViewOptions::showLeastSquaresChosen, m_fitPlot, &FitPlot::setShowLeastSquares);
    connect(fitOptions, &FitViewOptions::editingChosen, m_fitPlot, &FitPlot::setEditable);
    QWidget* fit = withOptions(fitOptions, m_fitPlot);
    auto* slice = new SurfaceSliceControls(m_surface, m_controller->model());
    connect(slice, &SurfaceSliceControls::sliceChosen, m_surface, &ErrorSurfaceModel::setParameters);
    connect(slice, &SurfaceSliceControls::holdModeChosen, m_surface, &ErrorSurfaceModel::setHoldMode);
    QWidget* contour = withOptions(slice, m_contourPlot);
    m_frames = { new ViewFrame(tr("Fit"), fit), new ViewFrame(tr("Error surface (contour)"), contour),
        new ViewFrame(tr("Loss"), m_lossPlot), new ViewFrame(tr("Bowl (3D)"), m_bowlView) };

    auto* views = new QWidget;
    auto* grid = new QGridLayout(views);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    for (int i = 0; i < m_frames.size(); ++i)
        grid->addWidget(m_frames[i], i / 2, i % 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);

    m_controlPanel = new ControlPanel(m_controller->model());
    m_historyTable = new HistoryTable(m_controller->model());
    m_sidePanel = new QTabWidget;
    m_sidePanel->addTab(m_controlPanel, tr("Controls"));
    m_sidePanel->addTab(m_historyTable, tr("History"));
    m_sidePanel->setMinimumWidth(290);
    // The update with numbers stays in sight under the controls, as a student checks each step by hand.
    m_updatePanel = new UpdatePanel(m_controller->model());
    auto* side = new QSplitter(Qt::Vertical);
    side->addWidget(m_sidePanel);
    side->addWidget(new ViewFrame(tr("The update, with numbers"), m_updatePanel));
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 1);
    side->setChildrenCollapsible(false);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(views);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setChildrenCollapsible(false);

    m_playbackBar = new PlaybackBar(m_controller->model());
    connectControls();
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 4, 6, 2);
    layout->setSpacing(4);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_playbackBar);
    setCentralWidget(central);

    m_statusSummary = new StatusSummary(m_controller->model());
    statusBar()->addWidget(m_statusSummary, 1);
    statusBar()->setSizeGripEnabled(false);
}

void MainWindow::connectControls()
{
    connect(m_playbackBar, &PlaybackBar::rowRequested, m_controller->model(), &IterationModel::setCurrentRow);
    connect(m_historyTable, &HistoryTable::rowRequested, m_controller->model(), &IterationModel::setCurrentRow);
    // A refused edit makes no run, so no runReset brings the panel back to the run's values: it is told to.
    const auto route = [this](const auto& command) {
        const bool outer = std::exchange(m_routingCommand, true);
        const QString refusal = command();
        m_routingCommand = outer;
        if (refusal.isEmpty())
            return;
        showError(refusal);
        m_controlPanel->refresh();
    };
    connect(m_controlPanel, &ControlPanel::lessonChosen, this,
        [this, route](const QString& name) { route([&] { return m_controller->loadLesson(name); }); });
    connect(m_controlPanel, &ControlPanel::settingsEdited, this,
        [this, route](const SolverSettings& settings) { route([&] { return m_controller->setSettings(settings); }); });
    connect(m_controlPanel, &ControlPanel::problemSpecEdited, this,
        [this, route](const ProblemSpec& spec) { route([&] { return m_controller->setProblemSpec(spec); }); });
}

void MainWindow::createActions()
{
    auto* openAction = new QAction(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open CSV…"), this);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setToolTip(tr("Open your own data as CSV (Ctrl+O)"));
    connect(openAction, &QAction::triggered, m_dataOpener, &DataOpener::openWithDialog);

    auto* exportDataAction = new QAction(tr("Export &data…"), this);
    exportDataAction->setToolTip(tr("Save the data (with your edits) as CSV"));
    connect(exportDataAction, &QAction::triggered, m_dataOpener, &DataOpener::exportDataWithDialog);

    auto* exportAction = new QAction(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("&Export history…"), this);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setToolTip(tr("Save every iteration as CSV (Ctrl+E)"));
    connect(exportAction, &QAction::triggered, this, &MainWindow::exportHistoryInteractively);

    m_presentationAction = new QAction(tr("&Presentation mode"), this);
    m_presentationAction->setCheckable(true);
    m_presentationAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_presentationAction->setToolTip(tr("Full screen with large text and lines for the back row (F11)"));
    connect(m_presentationAction, &QAction::toggled, this, &MainWindow::setPresentationMode);

    QUndoStack* edits = m_pointEditor->undoStack();
    QAction* undoAction = edits->createUndoAction(this, tr("&Undo"));
    undoAction->setShortcut(QKeySequence::Undo);
    QAction* redoAction = edits->createRedoAction(this, tr("&Redo"));
    redoAction->setShortcuts({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo });

    auto* pinAction = new QAction(tr("&Pin this run"), this);
    pinAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    pinAction->setToolTip(tr("Keep this run on the loss, contour and bowl views to compare it with the next (Ctrl+P)"));
    connect(pinAction, &QAction::triggered, m_pinnedRuns, &PinnedRuns::pinCurrent);
    m_unpinAction = new QAction(tr("&Unpin the last run"), this);
    connect(
        m_unpinAction, &QAction::triggered, m_pinnedRuns, [this] { m_pinnedRuns->unpin(m_pinnedRuns->count() - 1); });
    m_clearPinsAction = new QAction(tr("Unpin &all runs"), this);
    connect(m_clearPinsAction, &QAction::triggered, m_pinnedRuns, &PinnedRuns::clear);
    connect(m_pinnedRuns, &PinnedRuns::changed, this, &MainWindow::updatePinActions);
    updatePinActions();
    auto* sweepAction = new QAction(tr("Learning-rate &sweep…"), this);
    sweepAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    sweepAction->setToolTip(tr("Loss curves for several learning rates around the stability bound (Ctrl+L)"));
    connect(sweepAction, &QAction::triggered, this, &MainWindow::showSweep);

    auto* quitAction = new QAction(tr("&Quit"), this);
    quitAction->setShortcut(QKeySequence::Quit);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(openAction);
    QMenu* recent = m_dataOpener->recentFilesMenu();
    recent->setTitle(tr("Open &recent"));
    fileMenu->addMenu(recent);
    fileMenu->addSeparator();
    fileMenu->addAction(exportAction);
    fileMenu->addAction(exportDataAction);
    fileMenu->addSeparator();
    fileMenu->addAction(quitAction);
    QMenu* editMenu = menuBar()->addMenu(tr("&Edit"));
    editMenu->addAction(undoAction);
    editMenu->addAction(redoAction);
    QMenu* compareMenu = menuBar()->addMenu(tr("&Compare"));
    compareMenu->addAction(pinAction);
    compareMenu->addAction(m_unpinAction);
    compareMenu->addAction(m_clearPinsAction);
    compareMenu->addSeparator();
    compareMenu->addAction(sweepAction);
    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_presentationAction);
    QMenu* playMenu = menuBar()->addMenu(tr("&Playback"));
    for (QAction* action : m_playbackBar->actions()) {
        // Playback keys work wherever the focus is in the window.
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
        playMenu->addAction(action);
    }

    QToolBar* toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(openAction);
    toolBar->addAction(exportAction);
    toolBar->addSeparator();
    toolBar->addAction(pinAction);
    toolBar->addAction(m_clearPinsAction);
    toolBar->addAction(sweepAction);
    toolBar->addSeparator();
    toolBar->addAction(m_presentationAction);
}

void MainWindow::setPresentationMode(bool on)
{
    if (on == m_presentationMode)
        return;
    m_presentationMode = on;
    const QSignalBlocker blocker(m_presentationAction);
    m_presentationAction->setChecked(on);
    QFont font = m_normalFont;
    if (on)
        font.setPointSizeF(m_normalFont.pointSizeF() * 1.35);
    setFont(font);
    for (ViewFrame* frame : std::as_const(m_frames))
        frame->setPresentationMode(on);
    m_fitPlot->setPresentationMode(on);
    m_lossPlot->setPresentationMode(on);
    m_contourPlot->setPresentationMode(on);
    m_bowlView->setPresentationMode(on);
    m_updatePanel->setPresentationMode(on);
    if (m_sweepDialog)
        m_sweepDialog->setPresentationMode(on);
    if (on)
        showFullScreen();
    else
        showNormal();
}

SweepDialog* MainWindow::sweepDialog()
{
    if (!m_sweepDialog) {
        m_sweepDialog = new SweepDialog(m_controller->model(), this);
        m_sweepDialog->setPresentationMode(m_presentationMode);
    }
    return m_sweepDialog;
}

void MainWindow::showSweep()
{
    SweepDialog* dialog = sweepDialog();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::updatePinActions()
{
    m_unpinAction->setEnabled(!m_pinnedRuns->isEmpty());
    m_clearPinsAction->setEnabled(!m_pinnedRuns->isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (m_dataOpener->canAccept(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    if (m_dataOpener->drop(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::exportHistoryInteractively()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export history"),
        QStringLiteral("%1-history.csv")
            .arg(m_controller->lessonName().isEmpty() ? QStringLiteral("gdlab") : m_controller->lessonName()),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportHistory(path, &error))
        showError(error);
}

bool MainWindow::exportHistory(const QString& path, QString* errorMessage) const
{
    const auto& problem = m_controller->problem();
    if (!problem) {
        *errorMessage = tr("There is no history to export yet.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *errorMessage = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    writeHistoryCsv(m_controller->model()->history(), problem->parameterSymbols(),
        [&file](std::string_view chunk) { file.write(chunk.data(), static_cast<qint64>(chunk.size())); });
    if (!file.commit()) {
        *errorMessage = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool MainWindow::saveScreenshot(const QString& path, QString* errorMessage)
{
    // On X11 the screen's own pixels include the OpenGL bowl, which QWidget::grab() cannot see.
    QPixmap pixmap;
    if (QGuiApplication::platformName() == QLatin1String("xcb") && windowHandle() && windowHandle()->screen())
        pixmap = windowHandle()->screen()->grabWindow(winId());
    if (pixmap.isNull())
        pixmap = grab();
    const QImage image = pixmap.toImage();
    QSaveFile file(path);
    if (image.isNull() || !file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        *errorMessage = tr("Cannot write the screenshot %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void MainWindow::showError(const QString& message)
{
    statusBar()->showMessage(message, 10000);
    if (!isVisible())
        return;
    // Window-modal but not blocking: playback, tests and screenshots go on while the message is up.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("gdlab"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::updateWindowTitle()
{
    const QString title = m_controller->title();
    setWindowTitle(title.isEmpty() ? tr("gdlab") : tr("%1 — gdlab").arg(title));
}

} // namespace gdlab
