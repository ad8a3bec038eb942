#include "main_window.h"

#include "bowl_view.h"
#include "contour_plot.h"
#include "control_panel.h"
#include "csv_reader.h"
#include "error_surface_model.h"
#include "fit_plot.h"
#include "history_csv.h"
#include "history_table.h"
#include "input_error.h"
#include "iteration_model.h"
#include "loss_plot.h"
#include "playback_bar.h"
#include "session_controller.h"
#include "status_summary.h"
#include "view_frame.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QImage>
#include <QPixmap>
#include <QScreen>
#include <QWindow>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace gdlab {

MainWindow::MainWindow(SessionController* controller, QWidget* parent)
    : QMainWindow(parent)
    , m_controller(controller)
    , m_surface(new ErrorSurfaceModel(controller, this))
    , m_normalFont(QApplication::font())
{
    setObjectName(QStringLiteral("gdlabMainWindow"));
    createLayout();
    createActions();
    updateWindowTitle();
    connect(m_controller, &SessionController::problemChanged, this, &MainWindow::updateWindowTitle);
    connect(m_controller, &SessionController::errorOccurred, this, &MainWindow::showError);
}

MainWindow::~MainWindow() = default;

void MainWindow::createLayout()
{
    m_fitPlot = new FitPlot(m_controller);
    m_lossPlot = new LossPlot(m_controller);
    m_contourPlot = new ContourPlot(m_controller, m_surface);
    m_bowlView = new BowlView(m_controller, m_surface);
    m_frames = { new ViewFrame(tr("Fit"), m_fitPlot), new ViewFrame(tr("Error surface (contour)"), m_contourPlot),
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

    m_controlPanel = new ControlPanel(m_controller);
    m_historyTable = new HistoryTable(m_controller->model());
    m_sidePanel = new QTabWidget;
    m_sidePanel->addTab(m_controlPanel, tr("Controls"));
    m_sidePanel->addTab(m_historyTable, tr("History"));
    m_sidePanel->setMinimumWidth(290);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(views);
    splitter->addWidget(m_sidePanel);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setChildrenCollapsible(false);

    m_playbackBar = new PlaybackBar(m_controller->model());
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 4, 6, 2);
    layout->setSpacing(4);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_playbackBar);
    setCentralWidget(central);

    m_statusSummary = new StatusSummary(m_controller);
    statusBar()->addWidget(m_statusSummary, 1);
    statusBar()->setSizeGripEnabled(false);
}

void MainWindow::createActions()
{
    auto* openAction = new QAction(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open CSV…"), this);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setToolTip(tr("Open your own data as CSV (Ctrl+O)"));
    connect(openAction, &QAction::triggered, this, &MainWindow::openCsvFile);

    auto* exportAction = new QAction(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("&Export history…"), this);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setToolTip(tr("Save every iteration as CSV (Ctrl+E)"));
    connect(exportAction, &QAction::triggered, this, &MainWindow::exportHistoryInteractively);

    m_presentationAction = new QAction(tr("&Presentation mode"), this);
    m_presentationAction->setCheckable(true);
    m_presentationAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_presentationAction->setToolTip(tr("Full screen with large text and lines for the back row (F11)"));
    connect(m_presentationAction, &QAction::toggled, this, &MainWindow::setPresentationMode);

    auto* quitAction = new QAction(tr("&Quit"), this);
    quitAction->setShortcut(QKeySequence::Quit);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(openAction);
    fileMenu->addAction(exportAction);
    fileMenu->addSeparator();
    fileMenu->addAction(quitAction);
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
    if (on)
        showFullScreen();
    else
        showNormal();
}

void MainWindow::openCsvFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open CSV data"), QString(), tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    try {
        const Dataset dataset = CsvReader::readFile(path.toStdString());
        m_controller->setDataset(dataset, ProblemSpec {}, QFileInfo(path).fileName());
    } catch (const InputError& error) {
        showError(QString::fromStdString(error.what()));
    }
}

void MainWindow::exportHistoryInteractively()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export history"),
        QStringLiteral("%1-history.csv").arg(m_controller->lessonName().isEmpty() ? QStringLiteral("gdlab")
                                                                                   : m_controller->lessonName()),
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
    writeHistoryCsv(m_controller->model()->states(), problem->parameterSymbols(),
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
