#include "shell/main_window.h"

#include "compare/sweep_dialog.h"
#include "data/data_opener.h"
#include "history_csv.h"
#include "panels/control_panel.h"
#include "panels/fit_view_options.h"
#include "panels/loss_view_options.h"
#include "panels/parameter_loss_options.h"
#include "panels/playback_bar.h"
#include "panels/surface_slice_controls.h"
#include "session/error_surface_model.h"
#include "session/history_settings_json.h"
#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "session/point_editor.h"
#include "session/session_controller.h"
#include "shell/app_icon.h"
#include "shell/edit_focus_guard.h"
#include "shell/export_actions.h"
#include "shell/guide_bar.h"
#include "shell/guide_runner.h"
#include "shell/intent_router.h"
#include "shell/main_actions.h"
#include "shell/presentation_layout.h"
#include "shell/presentation_size_menu.h"
#include "shell/race_launcher.h"
#include "shell/second_view_tabs.h"
#include "shell/session_actions.h"
#include "shell/theme_manager.h"
#include "views/bowl_view.h"
#include "views/contour_plot.h"
#include "views/fit_plot.h"
#include "views/history_table.h"
#include "views/loss_plot.h"
#include "views/parameter_loss_plot.h"
#include "views/plot_style.h"
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
#include <QHBoxLayout>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QPixmap>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QWindow>

#include <algorithm>
#include <utility>

namespace gdlab {

MainWindow::MainWindow(SessionController* controller, QWidget* parent)
    : QMainWindow(parent)
    , m_controller(controller)
    , m_surface(new ErrorSurfaceModel(controller->model(), this))
    , m_dataOpener(new DataOpener(controller, controller->model(), this, this))
    , m_pinnedRuns(new PinnedRuns(controller->model(), this))
    , m_raceLauncher(new RaceLauncher(controller, m_pinnedRuns, this))
    , m_pointEditor(new PointEditor(controller, this))
    , m_router(new IntentRouter(controller, m_surface, m_pointEditor, this))
    , m_normalFont(font())
{
    setObjectName(QStringLiteral("gdlabMainWindow"));
    setWindowIcon(AppIcon::icon());
    setAcceptDrops(true);
    createLayout();
    createActions();
    // Enter, Esc or a click elsewhere ends a text edit, so the playback keys step the descent again.
    new EditFocusGuard(this);
    updateWindowTitle();
    connect(m_controller->model(), &IterationModel::runReset, this, &MainWindow::updateWindowTitle);
    connect(m_router, &IntentRouter::refused, this, &MainWindow::showError);
    connect(m_router, &IntentRouter::rowsNeeded, m_dataOpener, &DataOpener::reloadRows);
    // Commands the user sent report their own refusals (the router, the opener, the point editor); what is left
    // here is a run on the worker that failed.
    connect(m_controller, &SessionController::errorOccurred, this, &MainWindow::showError);
    connect(m_pointEditor, &PointEditor::refused, this,
        [this](const QString& message) { statusBar()->showMessage(message, 6000); });
}

MainWindow::~MainWindow()
{
    // The pinned runs end first, while everything that follows them is whole: their end redraws the views that show
    // them, and the bowl's live path then takes back its share of the dots, reading the surface model, which QObject
    // would otherwise delete before them (a child made earlier).
    delete m_pinnedRuns;
}

void MainWindow::createViews()
{
    const IterationModel* model = m_controller->model();
    m_fitPlot = new FitPlot(model);
    m_lossPlot = new LossPlot(model);
    m_contourPlot = new ContourPlot(model, m_surface);
    m_bowlView = new BowlView(model, m_surface);
    m_parameterLossPlot = new ParameterLossPlot(model, m_surface);
    m_lossPlot->setPinnedRuns(m_pinnedRuns);
    m_contourPlot->setPinnedRuns(m_pinnedRuns);
    m_bowlView->setPinnedRuns(m_pinnedRuns);
    m_router->routeContour(m_contourPlot);
}

QWidget* MainWindow::createViewGrid()
{
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
    m_router->routeFitView(m_fitPlot, fitOptions);
    auto* slice = new SurfaceSliceControls(m_surface, m_controller->model());
    m_router->routeSliceControls(slice);
    auto* lossOptions = new LossViewOptions(m_lossPlot);
    m_router->routeLossView(m_lossPlot, lossOptions);
    auto* alongOptions = new ParameterLossOptions(m_controller->model(), m_surface, m_parameterLossPlot);
    m_router->routeParameterLoss(m_parameterLossPlot, alongOptions);
    m_secondView = new SecondViewTabs(
        m_controller->model(), withOptions(slice, m_contourPlot), withOptions(alongOptions, m_parameterLossPlot));
    m_secondView->setContourCorner(slice->followCheck());
    m_frames = { new ViewFrame(tr("Fit"), withOptions(fitOptions, m_fitPlot)),
        new ViewFrame(tr("Error surface"), m_secondView),
        new ViewFrame(tr("Loss"), withOptions(lossOptions, m_lossPlot)), new ViewFrame(tr("Bowl (3D)"), m_bowlView) };
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
    return views;
}

QWidget* MainWindow::createSidePanel()
{
    m_controlPanel = new ControlPanel(m_controller->model());
    m_router->routeControlPanel(m_controlPanel);
    m_historyTable = new HistoryTable(m_controller->model());
    m_sidePanel = new QTabWidget;
    m_sidePanel->addTab(m_controlPanel, tr("Controls"));
    m_sidePanel->addTab(m_historyTable, tr("History"));
    m_sidePanel->setMinimumWidth(290);
    // The update with numbers stays in sight under the controls, as a student checks each step by hand.
    m_updatePanel = new UpdatePanel(m_controller->model());
    // Its lines are as wide as their numbers: they scroll rather than widen the column (and the window) as the
    // numbers grow while stepping.
    auto* updateScroll = new QScrollArea;
    updateScroll->setWidget(m_updatePanel);
    updateScroll->setWidgetResizable(true);
    updateScroll->setFrameShape(QFrame::NoFrame);
    auto* side = new QSplitter(Qt::Vertical);
    side->setObjectName(QStringLiteral("sideColumn")); // WindowSettings keeps its sizes by this name
    side->addWidget(m_sidePanel);
    side->addWidget(new ViewFrame(tr("The update, with numbers"), updateScroll));
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 2);
    side->setChildrenCollapsible(false);
    // Three fifths for the controls (they scroll), two for the update: at 1024x700 it then shows a two-parameter
    // step whole, which is what a class reads line by line.
    side->setSizes({ 3, 2 });
    m_sideColumn = side;
    return side;
}

void MainWindow::createLayout()
{
    createViews();
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("viewsAndSide"));
    splitter->addWidget(createViewGrid());
    splitter->addWidget(createSidePanel());
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setChildrenCollapsible(false);
    // The side column's width is set once, from the font, never from its content: the views keep their place
    // whatever the iteration shown (a drag then lands where it was aimed), and the window never grows by itself.
    splitter->setSizes({ 1, sideColumnWidth() });

    m_playbackBar = new PlaybackBar(m_controller->model());
    m_router->routeCursor(m_playbackBar, m_historyTable);
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 4, 6, 2);
    layout->setSpacing(4);
    layout->addWidget(splitter, 1);
    // A guide's bar sits between the views and the playback bar: captions under the views they talk about.
    m_guideBar = new GuideBar;
    layout->addWidget(m_guideBar);
    // While presenting, the playback bar is the one strip of controls left, with a button for the rest.
    auto* strip = new QHBoxLayout;
    strip->setContentsMargins(0, 0, 0, 0);
    strip->addWidget(m_playbackBar, 1);
    m_strip = strip;
    layout->addLayout(strip);
    setCentralWidget(central);

    m_statusSummary = new StatusSummary(m_controller->model());
    statusBar()->addWidget(m_statusSummary, 1);
    statusBar()->setSizeGripEnabled(false);
}

int MainWindow::sideColumnWidth() const
{
    return std::max(m_sidePanel->minimumSizeHint().width(), fontMetrics().averageCharWidth() * kSideColumnCharacters);
}

void MainWindow::createActions()
{
    m_actions = new MainActions(this);
    connect(m_actions->open(), &QAction::triggered, m_dataOpener, &DataOpener::openWithDialog);
    connect(m_actions->exportData(), &QAction::triggered, m_dataOpener, &DataOpener::exportDataWithDialog);
    connect(m_actions->exportHistory(), &QAction::triggered, this, &MainWindow::exportHistoryInteractively);
    connect(m_actions->quit(), &QAction::triggered, this, &QWidget::close);
    m_presentationLayout = new PresentationLayout(this, m_actions->presentation(), m_sideColumn);
    m_strip->addWidget(m_presentationLayout->controlsButton());
    connect(m_actions->presentation(), &QAction::toggled, this, &MainWindow::setPresentationMode);
    connect(m_actions->pin(), &QAction::triggered, m_pinnedRuns, &PinnedRuns::pinCurrent);
    connect(m_actions->unpin(), &QAction::triggered, m_pinnedRuns,
        [this] { m_pinnedRuns->unpin(m_pinnedRuns->count() - 1); });
    connect(m_actions->clearPins(), &QAction::triggered, m_pinnedRuns, &PinnedRuns::clear);
    connect(m_actions->sweep(), &QAction::triggered, this, &MainWindow::showSweep);
    connect(m_actions->race(), &QAction::triggered, m_raceLauncher, &RaceLauncher::showDialog);
    m_actions->followPins(m_pinnedRuns);
    m_exports = new ExportActions(this, m_actions);
    m_sessions = new SessionActions(this, m_actions);
    m_guides = new GuideRunner(this, m_guideBar, m_actions);
    m_actions->buildMenus(m_dataOpener->recentFilesMenu(), m_pointEditor->undoStack(), m_playbackBar->actions());
    m_themes = new ThemeManager(this);
    m_actions->viewMenu()->addMenu(m_themes->menu());
    m_presentationSizes = new PresentationSizeMenu(this);
    m_actions->viewMenu()->addMenu(m_presentationSizes->menu());
}

void MainWindow::setPresentationMode(bool on)
{
    if (on == m_presentationMode)
        return;
    m_presentationMode = on;
    const QSignalBlocker blocker(m_actions->presentation());
    m_actions->presentation()->setChecked(on);
    applyPresentationFont();
    for (ViewFrame* frame : std::as_const(m_frames))
        frame->setPresentationMode(on);
    m_fitPlot->setPresentationMode(on);
    m_lossPlot->setPresentationMode(on);
    m_contourPlot->setPresentationMode(on);
    m_parameterLossPlot->setPresentationMode(on);
    m_bowlView->setPresentationMode(on);
    m_updatePanel->setPresentationMode(on);
    if (m_sweepDialog)
        m_sweepDialog->setPresentationMode(on);
    if (on)
        m_presentationLayout->enter();
    else
        m_presentationLayout->leave();
}

void MainWindow::setPresentationScale(double scale)
{
    PlotStyle::setPresentationScale(scale);
    if (!m_presentationMode)
        return;
    // The views restyle on the font change the window's new font sends them, reading the new scale; the sweep is a
    // window of its own, which a font change does not reach.
    applyPresentationFont();
    if (m_sweepDialog) {
        m_sweepDialog->setPresentationMode(false);
        m_sweepDialog->setPresentationMode(true);
    }
}

void MainWindow::applyPresentationFont()
{
    // The controls, the playback bar and the status line grow with the window's font; the views and their
    // frames draw with PlotStyle, which grows by the same one scale from the base font.
    QFont font = m_normalFont;
    if (m_presentationMode)
        font.setPointSizeF(m_normalFont.pointSizeF() * PlotStyle::presentationScale());
    setFont(font);
}

bool MainWindow::areControlsVisible() const
{
    return m_sideColumn->isVisibleTo(this);
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
    const Run* run = m_controller->model()->run();
    const QString lesson = run ? QString::fromStdString(run->lessonName) : QString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export history"),
        QStringLiteral("%1-history.csv").arg(lesson.isEmpty() ? QStringLiteral("gdlab") : lesson),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportHistory(path, &error))
        showError(error);
}

bool MainWindow::exportHistory(const QString& path, QString* errorMessage) const
{
    const IterationModel* model = m_controller->model();
    if (!model->run() || model->isEmpty()) {
        *errorMessage = tr("There is no history to export yet.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *errorMessage = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    // The rows the model shows: a run still streaming in from the worker is exported as far as it got.
    HistoryCsvWriter writer(
        model->run()->problem->parameterSymbols(),
        [&file](std::string_view chunk) { file.write(chunk.data(), static_cast<qint64>(chunk.size())); },
        model->run()->isLogistic());
    writer.writeRows(model->history(), 0, static_cast<std::size_t>(model->rowCount()));
    writer.flush();
    if (!file.commit()) {
        *errorMessage = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return exportHistorySettings(historySettingsPath(path), errorMessage);
}

QString MainWindow::historySettingsPath(const QString& historyPath)
{
    const QFileInfo csv(historyPath);
    const QString suffix = csv.suffix();
    return suffix.isEmpty() ? historyPath + QStringLiteral(".json")
                            : historyPath.left(historyPath.size() - suffix.size()) + QStringLiteral("json");
}

bool MainWindow::exportHistorySettings(const QString& path, QString* errorMessage) const
{
    const IterationModel* model = m_controller->model();
    // The edits on the stack are the data's own until undone: the data is then the user's, saved in the file.
    const bool edited = m_pointEditor->undoStack()->index() > 0;
    const QJsonObject settings = HistorySettingsJson::describe(*model->run(), model->rowCount(), edited);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(settings).toJson()) < 0 || !file.commit()) {
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
    const Run* run = m_controller->model()->run();
    const QString title = run ? QString::fromStdString(run->title) : QString();
    setWindowTitle(title.isEmpty() ? tr("gdlab") : tr("%1 — gdlab").arg(title));
}

} // namespace gdlab
