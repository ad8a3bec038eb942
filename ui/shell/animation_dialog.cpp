#include "shell/animation_dialog.h"

#include "shell/file_row.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>
#include <QWidget>

#include <limits>

namespace gdlab {

namespace {

QSpinBox* spinBox(int minimum, int maximum, int value, const QString& suffix = {})
{
    auto* box = new QSpinBox;
    box->setRange(minimum, maximum);
    box->setValue(value);
    box->setSuffix(suffix);
    return box;
}

} // namespace

AnimationDialog::AnimationDialog(const ViewExporter* views, AnimationExporter* animations, ViewExporter::Target target,
    long long lastIteration, const QString& path, QWidget* parent)
    : QDialog(parent)
    , m_views(views)
    , m_animations(animations)
{
    setWindowTitle(tr("Export animation"));
    m_target = new QComboBox;
    for (int i = 0; i <= ViewExporter::Window; ++i)
        m_target->addItem(ViewExporter::targetTitle(static_cast<ViewExporter::Target>(i)), i);
    const int maxIteration = static_cast<int>(std::min<long long>(lastIteration, std::numeric_limits<int>::max()));
    m_first = spinBox(0, maxIteration, 0);
    m_last = spinBox(0, maxIteration, maxIteration);
    m_frames = spinBox(1, AnimationExporter::maxFrames, 30);
    m_fps = new QDoubleSpinBox;
    m_fps->setRange(0.5, AnimationExporter::maxFramesPerSecond);
    m_fps->setDecimals(1);
    m_fps->setValue(10);
    m_width = spinBox(64, 4096, 640, tr(" px"));
    auto* fileRow = new FileRow(path);
    m_path = fileRow->edit();
    auto* range = new QHBoxLayout;
    range->addWidget(m_first, 1);
    range->addWidget(new QLabel(tr("to")));
    range->addWidget(m_last, 1);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));

    auto* form = new QFormLayout(this);
    form->addRow(tr("View:"), m_target);
    form->addRow(tr("Iterations:"), range);
    form->addRow(tr("Frames:"), m_frames);
    form->addRow(tr("Frames per second:"), m_fps);
    form->addRow(tr("Width:"), m_width);
    form->addRow(tr("File:"), fileRow);
    form->addRow(m_summary);
    form->addRow(m_buttons);
    setTarget(target);

    connect(m_target, &QComboBox::currentIndexChanged, this,
        [this] { m_width->setValue(m_views->widget(this->target())->width()); });
    for (QSpinBox* box : { m_first, m_last, m_frames, m_width })
        connect(box, &QSpinBox::valueChanged, this, &AnimationDialog::updateSummary);
    connect(m_fps, &QDoubleSpinBox::valueChanged, this, &AnimationDialog::updateSummary);
    connect(m_path, &QLineEdit::textChanged, this, &AnimationDialog::updateSummary);
    connect(fileRow->browseButton(), &QPushButton::clicked, this, &AnimationDialog::browse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AnimationDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AnimationDialog::reject);
    updateSummary();
}

ViewExporter::Target AnimationDialog::target() const
{
    return static_cast<ViewExporter::Target>(m_target->currentData().toInt());
}

void AnimationDialog::setTarget(ViewExporter::Target target)
{
    m_target->setCurrentIndex(m_target->findData(static_cast<int>(target)));
    m_width->setValue(m_views->widget(target)->width());
}

AnimationSettings AnimationDialog::settings() const
{
    AnimationSettings settings;
    settings.firstIteration = m_first->value();
    settings.lastIteration = m_last->value();
    settings.frames = m_frames->value();
    settings.framesPerSecond = m_fps->value();
    settings.width = m_width->value();
    return settings;
}

void AnimationDialog::setSettings(const AnimationSettings& settings)
{
    m_first->setValue(static_cast<int>(settings.firstIteration));
    m_last->setValue(static_cast<int>(settings.lastIteration));
    m_frames->setValue(settings.frames);
    m_fps->setValue(settings.framesPerSecond);
    if (settings.width > 0)
        m_width->setValue(settings.width);
}

QString AnimationDialog::path() const
{
    return m_path->text().trimmed();
}

void AnimationDialog::setPath(const QString& path)
{
    m_path->setText(path);
}

QString AnimationDialog::summary() const
{
    return m_summary->text();
}

void AnimationDialog::updateSummary()
{
    const QString unavailable = m_views->unavailableReason(target());
    const bool gif = QFileInfo(path()).suffix().compare(QLatin1String("gif"), Qt::CaseInsensitive) == 0;
    const AnimationSettings chosen = settings();
    const int frames = static_cast<int>(m_animations->frameRows(chosen).size());
    const QSize view = m_views->widget(target())->size();
    const int height = qRound(double(view.height()) * chosen.width / std::max(1, view.width()));
    QString text = unavailable;
    if (text.isEmpty() && !gif)
        text = tr("Give the file a name ending in .gif.");
    else if (text.isEmpty())
        text = tr("%1 frames of %2 × %3 pixels, %4 s at %5 frames per second.")
                   .arg(frames)
                   .arg(chosen.width)
                   .arg(height)
                   .arg(frames / chosen.framesPerSecond, 0, 'f', 1)
                   .arg(chosen.framesPerSecond);
    m_summary->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(unavailable.isEmpty() && gif && frames > 0);
}

void AnimationDialog::browse()
{
    QString chosen = QFileDialog::getSaveFileName(this, windowTitle(), path(), tr("GIF animation (*.gif)"));
    if (chosen.isEmpty())
        return;
    if (QFileInfo(chosen).suffix().compare(QLatin1String("gif"), Qt::CaseInsensitive) != 0)
        chosen += QStringLiteral(".gif");
    setPath(chosen);
}

void AnimationDialog::accept()
{
    const AnimationSettings chosen = settings();
    QProgressDialog progress(tr("Drawing the frames…"), tr("Cancel"), 0, 1, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    QString error;
    const bool written = m_animations->write(
        target(), path(), chosen,
        [&progress](int done, int total) {
            progress.setMaximum(total);
            progress.setValue(done);
            return !progress.wasCanceled();
        },
        &error);
    progress.reset();
    if (!written) {
        m_summary->setText(error.isEmpty() ? tr("Cancelled: nothing was written.") : error);
        return;
    }
    QDialog::accept();
}

} // namespace gdlab
