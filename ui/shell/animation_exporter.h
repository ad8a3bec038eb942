#pragma once

#include "shell/view_exporter.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <vector>

namespace gdlab {

class IterationModel;
class MedianCutPalette;

/** @brief What an animated GIF shows: which iterations, how many frames, how fast, how large. */
struct AnimationSettings {
    long long firstIteration = 0;
    long long lastIteration = 0;
    int frames = 30; ///< at most lastIteration − firstIteration + 1: each frame its own iteration
    double framesPerSecond = 10;
    int width = 0; ///< pixels; the height follows the view's shape. 0 = the view's width on screen
};

/**
 * @brief Writes a view or the window, stepping through the descent, as an animated GIF.
 *
 * It moves the cursor from frame to frame as the playback bar would (every view follows) and puts it back where
 * it was. The colours are chosen once for the whole animation (MedianCutPalette) from a few frames spread over
 * it, then every frame is drawn again and mapped to them, so memory stays two frames whatever their number.
 * Written with QSaveFile: a cancelled or failed export leaves the old file, if any, as it was.
 */
class AnimationExporter {
    Q_DECLARE_TR_FUNCTIONS(AnimationExporter)

public:
    /** @brief Told how far the export is (done of total steps); returning false cancels it. */
    using Progress = std::function<bool(int done, int total)>;

    static constexpr int maxFrames = 1000;
    static constexpr double maxFramesPerSecond = 50; // a GIF counts delays in hundredths of a second

    AnimationExporter(const ViewExporter* views, IterationModel* model);

    /** @brief The model rows the frames show, evenly spread from the first iteration's row to the last's. */
    std::vector<int> frameRows(const AnimationSettings& settings) const;
    /** @brief The steps write() reports through progress (the frames, and the few drawn first for the colours). */
    static int progressSteps(int frames);
    /**
     * @brief Writes the animation of target to path; false with a message (empty when cancelled).
     * @param progress may be empty
     */
    bool write(ViewExporter::Target target, const QString& path, const AnimationSettings& settings,
        const Progress& progress, QString* errorMessage);

private:
    /** How many frames, spread over the animation, choose its colours. */
    static constexpr int paletteSamples = 6;

    /** Moves the cursor to row and draws target there. */
    QImage frame(ViewExporter::Target target, int row, double scale) const;
    bool choosePalette(ViewExporter::Target target, const std::vector<int>& rows, double scale,
        const std::function<bool()>& goOn, MedianCutPalette* palette) const;
    bool writeFrames(ViewExporter::Target target, const QString& path, const std::vector<int>& rows,
        const AnimationSettings& settings, const Progress& progress, QString* errorMessage) const;

    const ViewExporter* m_views;
    IterationModel* m_model;
};

} // namespace gdlab
