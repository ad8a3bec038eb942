#pragma once

#include "shell/animation_exporter.h"
#include "shell/view_exporter.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace gdlab {

/**
 * @brief File › Export animation…: a view or the window as an animated GIF over a range of iterations, with the
 * number of frames, the frame rate and the width; Export draws the frames under a progress dialog that can
 * cancel, and closes once the file is written.
 */
class AnimationDialog : public QDialog {
    Q_OBJECT

public:
    AnimationDialog(const ViewExporter* views, AnimationExporter* animations, ViewExporter::Target target,
        long long lastIteration, const QString& path, QWidget* parent = nullptr);

    ViewExporter::Target target() const;
    void setTarget(ViewExporter::Target target);
    AnimationSettings settings() const;
    void setSettings(const AnimationSettings& settings);
    QString path() const;
    void setPath(const QString& path);
    QString summary() const;

    /** @brief Writes the GIF under a progress dialog; stays open with the reason when it cannot. */
    void accept() override;

private:
    void browse();
    void updateSummary();

    const ViewExporter* m_views;
    AnimationExporter* m_animations;
    QComboBox* m_target = nullptr;
    QSpinBox* m_first = nullptr;
    QSpinBox* m_last = nullptr;
    QSpinBox* m_frames = nullptr;
    QDoubleSpinBox* m_fps = nullptr;
    QSpinBox* m_width = nullptr;
    QLineEdit* m_path = nullptr;
    QLabel* m_summary = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace gdlab
