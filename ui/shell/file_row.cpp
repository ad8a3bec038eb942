#include "shell/file_row.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace gdlab {

FileRow::FileRow(const QString& path, QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(path, this))
    , m_browse(new QPushButton(tr("Browse…"), this))
{
    // Room for a folder and a name: the path is what the user checks before exporting.
    m_edit->setMinimumWidth(m_edit->fontMetrics().averageCharWidth() * 48);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_browse);
}

} // namespace gdlab
