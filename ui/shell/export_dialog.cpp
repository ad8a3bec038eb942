#include "shell/export_dialog.h"

#include "shell/file_row.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QWidget>

namespace gdlab {

ExportDialog::ExportDialog(const ViewExporter* views, ViewExporter::Target target, const QString& directory,
    const QString& baseName, QWidget* parent)
    : QDialog(parent)
    , m_views(views)
    , m_baseName(baseName)
{
    setWindowTitle(target == ViewExporter::Window ? tr("Export window") : tr("Export view"));
    m_target = new QComboBox;
    for (int i = 0; i <= ViewExporter::Window; ++i)
        m_target->addItem(ViewExporter::targetTitle(static_cast<ViewExporter::Target>(i)), i);
    auto* fileRow = new FileRow(
        QDir(directory).filePath(QStringLiteral("%1-%2.png").arg(baseName, ViewExporter::targetName(target))));
    m_path = fileRow->edit();
    m_scale = new QComboBox;
    m_scale->addItem(tr("1× (as on screen)"), 1);
    m_scale->addItem(tr("2× (projector, slides)"), 2);
    m_scale->addItem(tr("3× (print)"), 3);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));

    auto* form = new QFormLayout(this);
    form->addRow(tr("View:"), m_target);
    form->addRow(tr("File:"), fileRow);
    form->addRow(tr("Resolution:"), m_scale);
    form->addRow(m_summary);
    form->addRow(m_buttons);
    setTarget(target);

    connect(m_target, &QComboBox::currentIndexChanged, this, &ExportDialog::onTargetChanged);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateSummary);
    connect(m_path, &QLineEdit::textEdited, this, [this] { m_nameTyped = true; });
    connect(m_scale, &QComboBox::currentIndexChanged, this, &ExportDialog::updateSummary);
    connect(fileRow->browseButton(), &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    updateSummary();
}

ViewExporter::Target ExportDialog::target() const
{
    return static_cast<ViewExporter::Target>(m_target->currentData().toInt());
}

void ExportDialog::setTarget(ViewExporter::Target target)
{
    m_target->setCurrentIndex(m_target->findData(static_cast<int>(target)));
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setPath(const QString& path)
{
    m_nameTyped = true;
    m_path->setText(path);
}

int ExportDialog::scale() const
{
    return m_scale->currentData().toInt();
}

void ExportDialog::setScale(int scale)
{
    m_scale->setCurrentIndex(std::max(0, m_scale->findData(scale)));
}

QString ExportDialog::summary() const
{
    return m_summary->text();
}

void ExportDialog::onTargetChanged()
{
    if (!m_nameTyped) {
        const QFileInfo file(path());
        const QString suffix = file.suffix().isEmpty() ? QStringLiteral("png") : file.suffix();
        const QString name = QStringLiteral("%1-%2.%3").arg(m_baseName, ViewExporter::targetName(target()), suffix);
        const QSignalBlocker blocker(m_path);
        m_path->setText(file.dir().filePath(name));
    }
    updateSummary();
}

void ExportDialog::updateSummary()
{
    const std::optional<ViewExporter::Format> format = ViewExporter::formatOf(path());
    m_scale->setEnabled(format == ViewExporter::Format::Png);
    const QString unavailable = m_views->unavailableReason(target());
    const QSize size = m_views->widget(target())->size();
    QString text;
    if (!unavailable.isEmpty())
        text = unavailable;
    else if (!format)
        text = tr("Give the file a name ending in .png, .svg or .pdf: the ending chooses the format.");
    else if (*format == ViewExporter::Format::Png)
        text = tr("PNG image, %1 × %2 pixels.").arg(size.width() * scale()).arg(size.height() * scale());
    else if (*format == ViewExporter::Format::Svg)
        text = tr("SVG drawing, %1 × %2: lines and text stay sharp at any size.").arg(size.width()).arg(size.height());
    else
        text = tr("PDF page, %1 × %2: lines and text stay sharp at any size.").arg(size.width()).arg(size.height());
    m_summary->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(unavailable.isEmpty() && format);
}

void ExportDialog::browse()
{
    static const QStringList filters { tr("PNG image (*.png)"), tr("SVG drawing (*.svg)"), tr("PDF document (*.pdf)") };
    const std::optional<ViewExporter::Format> format = ViewExporter::formatOf(path());
    QString filter = filters.value(format ? static_cast<int>(*format) : 0);
    QString chosen
        = QFileDialog::getSaveFileName(this, windowTitle(), path(), filters.join(QStringLiteral(";;")), &filter);
    if (chosen.isEmpty())
        return;
    // A name without a known ending takes the one of the chosen type.
    if (!ViewExporter::formatOf(chosen))
        chosen += QLatin1Char('.') + filter.section(QStringLiteral("*."), 1).chopped(1);
    setPath(chosen);
}

void ExportDialog::accept()
{
    QString error;
    if (!m_views->save(target(), path(), scale(), &error)) {
        m_summary->setText(error);
        return;
    }
    QDialog::accept();
}

} // namespace gdlab
