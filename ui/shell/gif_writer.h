#pragma once

#include <QRect>
#include <QRgb>
#include <QSize>
#include <QString>
#include <QVector>

#include <cstdint>
#include <vector>

class QIODevice;
struct GifFileType;

namespace gdlab {

/**
 * @brief Writes an animated GIF (GIF89a, looping) frame by frame with giflib, to a device the caller owns (a
 * QSaveFile, so that a cancelled or failed export leaves no half file).
 *
 * Frames come as indices into one global palette (MedianCutPalette): the colours stay the same from frame to
 * frame, so nothing flickers. A frame stores only the rectangle in which it differs from the one before (the
 * frames are drawn over each other), which keeps a view where only the cursor moves small.
 */
class GifWriter {
public:
    /** @brief Starts the file: logical screen of size, the palette (1 to 256 colours), loop forever. */
    GifWriter(QIODevice* device, QSize size, const QVector<QRgb>& palette);
    ~GifWriter();
    GifWriter(const GifWriter&) = delete;
    GifWriter& operator=(const GifWriter&) = delete;

    /** @brief Whether the start was written; errorString() says why not. */
    bool isOpen() const { return m_gif != nullptr; }
    /**
     * @brief Adds a frame: width × height palette indices, row by row, shown for delay hundredths of a second.
     * @return false on a write error (errorString())
     */
    bool addFrame(const std::vector<std::uint8_t>& indices, int delayCentiseconds);
    /** @brief Ends the file; false on a write error. */
    bool close();
    QString errorString() const { return m_error; }
    int frameCount() const { return m_frames; }

    /** @brief The bounding rectangle of the pixels that differ (the whole frame for the first; 1×1 if none). */
    static QRect changedRect(
        const std::vector<std::uint8_t>& previous, const std::vector<std::uint8_t>& next, QSize size);

private:
    static int write(GifFileType* gif, const std::uint8_t* bytes, int length);
    bool fail(int code);
    bool writeStart(const QVector<QRgb>& palette);

    QIODevice* m_device;
    QSize m_size;
    GifFileType* m_gif = nullptr;
    std::vector<std::uint8_t> m_previous;
    QString m_error;
    int m_frames = 0;
};

} // namespace gdlab
