#pragma once

#include "shell/view_exporter.h"

#include <QObject>

#include <functional>
#include <memory>

class QDialog;

namespace gdlab {

class AnimationDialog;
class AnimationExporter;
class ExportDialog;
class MainActions;
class MainWindow;
class ViewFocusTracker;

/**
 * @brief The exports for slides behind the window's actions: File › Export view…, Export window…, Export
 * animation… and Edit › Copy view. It owns the exporters and knows which view the user last worked in.
 */
class ExportActions : public QObject {
    Q_OBJECT

public:
    ExportActions(MainWindow* window, MainActions* actions);
    ~ExportActions() override;

    const ViewExporter* views() const { return m_views.get(); }
    AnimationExporter* animations() const { return m_animations.get(); }
    ViewFocusTracker* focusTracker() const { return m_focus; }

    /** @brief Opens the export dialog (window-modal) on target; returns it (it deletes itself when closed). */
    ExportDialog* showExportDialog(ViewExporter::Target target);
    AnimationDialog* showAnimationDialog(ViewExporter::Target target);
    /** @brief Copies the view last clicked or focused to the clipboard; says so in the status line. */
    bool copyCurrentView();

private:
    /** The start of a file's name: the lesson's, or gdlab. */
    QString baseName() const;
    void remember(const QString& path);
    /** @brief Opens dialog (deleted on close); once accepted, remembers its folder and says what was written. */
    void openReportingExport(QDialog* dialog, const std::function<QString()>& path);

    MainWindow* m_window;
    std::unique_ptr<ViewExporter> m_views;
    std::unique_ptr<AnimationExporter> m_animations;
    ViewFocusTracker* m_focus = nullptr;
    QString m_directory; ///< where the last export went
};

} // namespace gdlab
