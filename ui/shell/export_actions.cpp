#include "shell/export_actions.h"

#include "run.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "shell/animation_dialog.h"
#include "shell/animation_exporter.h"
#include "shell/export_dialog.h"
#include "shell/main_actions.h"
#include "shell/main_window.h"
#include "shell/view_focus_tracker.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStatusBar>

namespace gdlab {

ExportActions::ExportActions(MainWindow* window, MainActions* actions)
    : QObject(window)
    , m_window(window)
    , m_views(std::make_unique<ViewExporter>(window))
    , m_animations(std::make_unique<AnimationExporter>(m_views.get(), window->controller()->model()))
    , m_focus(new ViewFocusTracker(m_views.get(), window->bowlView(), this))
{
    m_directory = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (m_directory.isEmpty() || !QFileInfo(m_directory).isDir())
        m_directory = QDir::homePath();
    connect(actions->exportView(), &QAction::triggered, this, [this] { showExportDialog(m_focus->current()); });
    connect(actions->exportWindow(), &QAction::triggered, this, [this] { showExportDialog(ViewExporter::Window); });
    connect(actions->exportAnimation(), &QAction::triggered, this, [this] { showAnimationDialog(m_focus->current()); });
    connect(actions->copyView(), &QAction::triggered, this, &ExportActions::copyCurrentView);
}

ExportActions::~ExportActions() = default;

QString ExportActions::baseName() const
{
    const Run* run = m_window->controller()->model()->run();
    const QString lesson = run ? QString::fromStdString(run->lessonName) : QString();
    return lesson.isEmpty() ? QStringLiteral("gdlab") : lesson;
}

void ExportActions::remember(const QString& path)
{
    if (!path.isEmpty())
        m_directory = QFileInfo(path).absolutePath();
}

void ExportActions::openReportingExport(QDialog* dialog, const std::function<QString()>& path)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, path] {
        remember(path());
        m_window->statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path())), 6000);
    });
    dialog->open();
}

ExportDialog* ExportActions::showExportDialog(ViewExporter::Target target)
{
    auto* dialog = new ExportDialog(m_views.get(), target, m_directory, baseName(), m_window);
    openReportingExport(dialog, [dialog] { return dialog->path(); });
    return dialog;
}

AnimationDialog* ExportActions::showAnimationDialog(ViewExporter::Target target)
{
    const IterationModel* model = m_window->controller()->model();
    const long long last = model->isEmpty() ? 0 : model->iteration(model->lastRow());
    const QString path
        = QDir(m_directory).filePath(QStringLiteral("%1-%2.gif").arg(baseName(), ViewExporter::targetName(target)));
    auto* dialog = new AnimationDialog(m_views.get(), m_animations.get(), target, last, path, m_window);
    openReportingExport(dialog, [dialog] { return dialog->path(); });
    return dialog;
}

bool ExportActions::copyCurrentView()
{
    QString error;
    const ViewExporter::Target target = m_focus->current();
    if (!m_views->copyToClipboard(target, &error)) {
        m_window->statusBar()->showMessage(error, 8000);
        return false;
    }
    m_window->statusBar()->showMessage(target == ViewExporter::Window
            ? tr("Copied the whole window to the clipboard")
            : tr("Copied the %1 view to the clipboard").arg(ViewExporter::targetTitle(target)),
        6000);
    return true;
}

} // namespace gdlab
