#pragma once

#include "shell/view_exporter.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace gdlab {

/**
 * @brief File › Export view… and Export window…: which view, the file (its extension chooses PNG, SVG or PDF)
 * and, for PNG, the resolution (1× as on screen, 2× or 3× for a projector or print).
 *
 * Export writes the file and closes the dialog; a failure is said in the dialog, which stays open.
 */
class ExportDialog : public QDialog {
    Q_OBJECT

public:
    ExportDialog(const ViewExporter* views, ViewExporter::Target target, const QString& directory,
        const QString& baseName, QWidget* parent = nullptr);

    ViewExporter::Target target() const;
    void setTarget(ViewExporter::Target target);
    QString path() const;
    void setPath(const QString& path);
    /** @brief 1, 2 or 3. */
    int scale() const;
    void setScale(int scale);
    /** @brief What the file will be ("PNG image, 1208 × 760 pixels"), or why it cannot be written. */
    QString summary() const;

    /** @brief Writes the file; stays open with the reason when it cannot. */
    void accept() override;

private:
    void browse();
    void onTargetChanged();
    void updateSummary();

    const ViewExporter* m_views;
    QString m_baseName;
    bool m_nameTyped = false; ///< once the user typed a name, another view no longer renames the file
    QComboBox* m_target = nullptr;
    QLineEdit* m_path = nullptr;
    QComboBox* m_scale = nullptr;
    QLabel* m_summary = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace gdlab
