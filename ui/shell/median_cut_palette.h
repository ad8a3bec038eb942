#pragma once

#include <QHash>
#include <QRgb>
#include <QVector>

#include <cstdint>
#include <vector>

class QImage;

namespace gdlab {

/**
 * @brief Chooses up to 256 colours for a set of images by median cut, and maps each pixel to its nearest one.
 *
 * A GIF holds 256 colours; a window has thousands (the colour map's smooth shading, anti-aliased text). The
 * histogram is taken at 6 bits per channel, each bin keeping the mean of the true colours in it. Boxes are split
 * at the median of their longest side: first the most populous (the large areas: backgrounds, the map), then,
 * for the last quarter of the colours, those with the most population times volume, so that small but distant
 * colours (the path, the markers) get their own entries as well (the modified median cut of Leptonica's MMCQ).
 * Each colour is the mean of the pixels of its box, so a smooth colour map keeps steps of a few levels, too small
 * to show as bands.
 */
class MedianCutPalette {
public:
    static constexpr int maxColours = 256;

    MedianCutPalette();

    /** @brief Adds the image's pixels to the histogram (alpha ignored: exports are opaque). */
    void addImage(const QImage& image);
    /** @brief Builds the palette from the histogram so far (at least one colour). */
    void build(int colours = maxColours);
    const QVector<QRgb>& colours() const { return m_colours; }
    /** @brief The index of the nearest palette colour to rgb, cached per colour. */
    std::uint8_t indexOf(QRgb rgb);
    /** @brief The image as palette indices, row by row (width × height bytes). */
    std::vector<std::uint8_t> map(const QImage& image);

private:
    struct Box;
    static constexpr int bins = 1 << 18; // 6 bits per channel

    Box makeBox(std::vector<int> members) const;
    std::vector<Box> split(Box box) const;
    QRgb meanColour(const Box& box) const;
    std::uint8_t nearest(QRgb rgb) const;

    std::vector<std::uint32_t> m_count;
    std::vector<std::uint64_t> m_sum; // per bin: the sums of red, green and blue, three in a row
    QVector<QRgb> m_colours;
    QHash<QRgb, std::uint8_t> m_cache;
};

} // namespace gdlab
