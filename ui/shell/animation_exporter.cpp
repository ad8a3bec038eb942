#include "shell/animation_exporter.h"

#include "session/iteration_model.h"
#include "shell/gif_writer.h"
#include "shell/median_cut_palette.h"

#include <QEvent>
#include <QSaveFile>
#include <QWidget>

#include <algorithm>
#include <cmath>
#include <memory>

namespace gdlab {

AnimationExporter::AnimationExporter(const ViewExporter* views, IterationModel* model)
    : m_views(views)
    , m_model(model)
{
}

std::vector<int> AnimationExporter::frameRows(const AnimationSettings& settings) const
{
    if (m_model->isEmpty())
        return {};
    int first = m_model->rowForIteration(std::max(0LL, settings.firstIteration));
    int last = m_model->rowForIteration(std::max(0LL, settings.lastIteration));
    if (last < first)
        std::swap(first, last);
    const long long span = last - first;
    const long long count = std::clamp<long long>(settings.frames, 1, span + 1);
    std::vector<int> rows;
    rows.reserve(static_cast<std::size_t>(count));
    for (long long i = 0; i < count; ++i)
        rows.push_back(count == 1 ? first : first + static_cast<int>((2 * i * span + count - 1) / (2 * (count - 1))));
    return rows;
}

int AnimationExporter::progressSteps(int frames)
{
    return std::min(frames, paletteSamples) + frames;
}

bool AnimationExporter::write(ViewExporter::Target target, const QString& path, const AnimationSettings& settings,
    const Progress& progress, QString* errorMessage)
{
    *errorMessage = m_views->unavailableReason(target);
    if (!errorMessage->isEmpty())
        return false;
    const std::vector<int> rows = frameRows(settings);
    if (rows.empty()) {
        *errorMessage = tr("There is no descent to animate yet.");
        return false;
    }
    const int restore = m_model->currentRow();
    const bool written = writeFrames(target, path, rows, settings, progress, errorMessage);
    m_model->setCurrentRow(restore);
    return written;
}

QImage AnimationExporter::frame(ViewExporter::Target target, int row, double scale) const
{
    m_model->setCurrentRow(row);
    // Texts that changed with the step ask their layouts for room with posted events, which a frame drawn at once
    // would not see: they are handled first (only those, not the user's input).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    return m_views->image(target, scale);
}

bool AnimationExporter::choosePalette(ViewExporter::Target target, const std::vector<int>& rows, double scale,
    const std::function<bool()>& goOn, MedianCutPalette* palette) const
{
    const int frames = static_cast<int>(rows.size());
    const int samples = std::min(frames, paletteSamples);
    for (int i = 0; i < samples; ++i) {
        const int sample = samples == 1 ? 0 : i * (frames - 1) / (samples - 1);
        palette->addImage(frame(target, rows[static_cast<std::size_t>(sample)], scale));
        if (!goOn())
            return false;
    }
    palette->build();
    return true;
}

bool AnimationExporter::writeFrames(ViewExporter::Target target, const QString& path, const std::vector<int>& rows,
    const AnimationSettings& settings, const Progress& progress, QString* errorMessage) const
{
    const QWidget* view = m_views->widget(target);
    const double scale = settings.width > 0 ? double(settings.width) / std::max(1, view->width()) : 1.0;
    const int frames = static_cast<int>(rows.size());
    const int total = progressSteps(frames);
    int done = 0;
    const std::function<bool()> goOn = [&] { return !progress || progress(++done, total); };
    MedianCutPalette palette;
    if (!choosePalette(target, rows, scale, goOn, &palette))
        return false;

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *errorMessage = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QSize size;
    std::unique_ptr<GifWriter> gif;
    const double fps = std::clamp(settings.framesPerSecond, 0.1, maxFramesPerSecond);
    for (int i = 0; i < frames; ++i) {
        QImage image = frame(target, rows[static_cast<std::size_t>(i)], scale);
        if (!gif) {
            size = image.size();
            gif = std::make_unique<GifWriter>(&file, size, palette.colours());
        } else if (image.size() != size) {
            image = image.scaled(size); // the window was resized during the export
        }
        // Each delay rounded from the clock's time, so that 3 fps keeps 3 fps (33, 34, 33 hundredths).
        const int delay = static_cast<int>(std::lround(100.0 * (i + 1) / fps) - std::lround(100.0 * i / fps));
        if (!gif->isOpen() || !gif->addFrame(palette.map(image), delay)) {
            *errorMessage = tr("Cannot write %1: %2").arg(path, gif->errorString());
            return false;
        }
        if (!goOn())
            return false;
    }
    if (!gif->close() || !file.commit()) {
        const QString why = gif->errorString().isEmpty() ? file.errorString() : gif->errorString();
        *errorMessage = tr("Cannot write %1: %2").arg(path, why);
        return false;
    }
    return true;
}

} // namespace gdlab
