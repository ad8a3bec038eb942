#include "shell/median_cut_palette.h"

#include <QImage>

#include <algorithm>
#include <array>
#include <limits>

namespace gdlab {

struct MedianCutPalette::Box {
    std::vector<int> members; // occupied bins
    std::uint64_t population = 0;
    std::array<int, 3> low { 0, 0, 0 };
    std::array<int, 3> high { 0, 0, 0 };

    std::uint64_t volume() const
    {
        return std::uint64_t(high[0] - low[0] + 1) * std::uint64_t(high[1] - low[1] + 1)
            * std::uint64_t(high[2] - low[2] + 1);
    }
    bool splittable() const { return members.size() > 1; }
};

namespace {

constexpr int binBits = 6;
constexpr int binMask = (1 << binBits) - 1;

int channelOf(int bin, int channel)
{
    return (bin >> (binBits * (2 - channel))) & binMask;
}

int binOf(QRgb rgb)
{
    constexpr int drop = 8 - binBits;
    return ((qRed(rgb) >> drop) << (2 * binBits)) | ((qGreen(rgb) >> drop) << binBits) | (qBlue(rgb) >> drop);
}

} // namespace

MedianCutPalette::MedianCutPalette()
    : m_count(bins, 0)
    , m_sum(3 * bins, 0)
{
}

void MedianCutPalette::addImage(const QImage& image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            const QRgb pixel = line[x];
            const int bin = binOf(pixel);
            ++m_count[bin];
            m_sum[3 * bin] += qRed(pixel);
            m_sum[3 * bin + 1] += qGreen(pixel);
            m_sum[3 * bin + 2] += qBlue(pixel);
        }
    }
}

MedianCutPalette::Box MedianCutPalette::makeBox(std::vector<int> members) const
{
    Box box;
    box.low = { binMask, binMask, binMask };
    box.high = { 0, 0, 0 };
    for (int bin : members) {
        box.population += m_count[bin];
        for (int channel = 0; channel < 3; ++channel) {
            box.low[channel] = std::min(box.low[channel], channelOf(bin, channel));
            box.high[channel] = std::max(box.high[channel], channelOf(bin, channel));
        }
    }
    box.members = std::move(members);
    return box;
}

std::vector<MedianCutPalette::Box> MedianCutPalette::split(Box box) const
{
    int channel = 0;
    for (int c = 1; c < 3; ++c)
        if (box.high[c] - box.low[c] > box.high[channel] - box.low[channel])
            channel = c;
    std::sort(box.members.begin(), box.members.end(),
        [channel](int a, int b) { return channelOf(a, channel) < channelOf(b, channel); });
    // The cut goes where half of the pixels are on each side, but always leaves a bin on each side.
    std::uint64_t below = 0;
    std::size_t cut = 1;
    for (; cut < box.members.size() - 1; ++cut) {
        below += m_count[box.members[cut - 1]];
        if (2 * below >= box.population)
            break;
    }
    std::vector<int> lower(box.members.begin(), box.members.begin() + static_cast<std::ptrdiff_t>(cut));
    std::vector<int> upper(box.members.begin() + static_cast<std::ptrdiff_t>(cut), box.members.end());
    return { makeBox(std::move(lower)), makeBox(std::move(upper)) };
}

QRgb MedianCutPalette::meanColour(const Box& box) const
{
    std::array<std::uint64_t, 3> sum { 0, 0, 0 };
    for (int bin : box.members)
        for (int channel = 0; channel < 3; ++channel)
            sum[channel] += m_sum[3 * bin + channel];
    const std::uint64_t n = std::max<std::uint64_t>(box.population, 1);
    const auto mean = [&](int channel) { return static_cast<int>((sum[channel] + n / 2) / n); };
    return qRgb(mean(0), mean(1), mean(2));
}

void MedianCutPalette::build(int colours)
{
    colours = std::clamp(colours, 1, maxColours);
    std::vector<int> occupied;
    for (int bin = 0; bin < bins; ++bin)
        if (m_count[bin] > 0)
            occupied.push_back(bin);
    m_colours.clear();
    m_cache.clear();
    if (occupied.empty()) {
        m_colours.append(qRgb(0, 0, 0));
        return;
    }
    std::vector<Box> boxes { makeBox(std::move(occupied)) };
    const int byPopulation = colours * 3 / 4;
    while (static_cast<int>(boxes.size()) < colours) {
        const bool volumeToo = static_cast<int>(boxes.size()) >= byPopulation;
        const auto weight = [volumeToo](const Box& box) -> std::uint64_t {
            if (!box.splittable())
                return 0;
            return volumeToo ? box.population * box.volume() : box.population;
        };
        const auto chosen = std::max_element(
            boxes.begin(), boxes.end(), [&](const Box& a, const Box& b) { return weight(a) < weight(b); });
        if (weight(*chosen) == 0)
            break; // every box is a single bin: there are no more colours to tell apart
        std::vector<Box> halves = split(std::move(*chosen));
        *chosen = std::move(halves[0]);
        boxes.push_back(std::move(halves[1]));
    }
    for (const Box& box : boxes)
        m_colours.append(meanColour(box));
}

std::uint8_t MedianCutPalette::nearest(QRgb rgb) const
{
    // Weighted as the eye weighs the channels (green most), which keeps greys and the colour map's hues apart.
    int best = 0;
    int bestDistance = std::numeric_limits<int>::max();
    for (int i = 0; i < m_colours.size(); ++i) {
        const int dr = qRed(rgb) - qRed(m_colours[i]);
        const int dg = qGreen(rgb) - qGreen(m_colours[i]);
        const int db = qBlue(rgb) - qBlue(m_colours[i]);
        const int distance = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
        if (distance < bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    return static_cast<std::uint8_t>(best);
}

std::uint8_t MedianCutPalette::indexOf(QRgb rgb)
{
    rgb |= 0xff000000u;
    const auto found = m_cache.constFind(rgb);
    if (found != m_cache.constEnd())
        return *found;
    const std::uint8_t index = nearest(rgb);
    m_cache.insert(rgb, index);
    return index;
}

std::vector<std::uint8_t> MedianCutPalette::map(const QImage& image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    std::vector<std::uint8_t> indices(static_cast<std::size_t>(rgb.width()) * static_cast<std::size_t>(rgb.height()));
    std::size_t at = 0;
    QRgb last = 0;
    std::uint8_t lastIndex = indexOf(last);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            // Runs of one colour (backgrounds) skip the cache.
            if (line[x] != last) {
                last = line[x];
                lastIndex = indexOf(last);
            }
            indices[at++] = lastIndex;
        }
    }
    return indices;
}

} // namespace gdlab
