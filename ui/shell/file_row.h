#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace gdlab {

/**
 * @brief The "file" row of the export dialogs: the path to write, wide enough to check its folder and name, and a
 * Browse… button beside it (the dialog connects it to its own file chooser).
 */
class FileRow : public QWidget {
    Q_OBJECT

public:
    explicit FileRow(const QString& path, QWidget* parent = nullptr);

    QLineEdit* edit() const { return m_edit; }
    QPushButton* browseButton() const { return m_browse; }

private:
    QLineEdit* m_edit;
    QPushButton* m_browse;
};

} // namespace gdlab
