#include "shell/gif_writer.h"

#include <QCoreApplication>
#include <QIODevice>

#include <gif_lib.h>

#include <algorithm>

namespace gdlab {

GifWriter::GifWriter(QIODevice* device, QSize size, const QVector<QRgb>& palette)
    : m_device(device)
    , m_size(size)
{
    int error = 0;
    m_gif = EGifOpen(this, &GifWriter::write, &error);
    if (!m_gif) {
        fail(error);
        return;
    }
    if (!writeStart(palette)) {
        int ignored = 0;
        EGifCloseFile(m_gif, &ignored);
        m_gif = nullptr;
    }
}

GifWriter::~GifWriter()
{
    if (m_gif) {
        int ignored = 0;
        EGifCloseFile(m_gif, &ignored);
    }
}

int GifWriter::write(GifFileType* gif, const std::uint8_t* bytes, int length)
{
    auto* self = static_cast<GifWriter*>(gif->UserData);
    const qint64 written = self->m_device->write(reinterpret_cast<const char*>(bytes), length);
    return written == length ? length : 0;
}

bool GifWriter::fail(int code)
{
    if (m_error.isEmpty()) {
        const QString device = m_device->errorString();
        m_error = device.isEmpty() || device == QLatin1String("Unknown error")
            ? QCoreApplication::translate("GifWriter", "cannot write the GIF (%1)")
                  .arg(QString::fromUtf8(GifErrorString(code)))
            : device;
    }
    return false;
}

bool GifWriter::writeStart(const QVector<QRgb>& palette)
{
    // A GIF colour table has a power of two entries; the unused ones stay black.
    const int count = std::clamp(static_cast<int>(palette.size()), 1, 256);
    int tableSize = 2;
    while (tableSize < count)
        tableSize *= 2;
    ColorMapObject* map = GifMakeMapObject(tableSize, nullptr);
    if (!map)
        return fail(E_GIF_ERR_NOT_ENOUGH_MEM);
    for (int i = 0; i < tableSize; ++i) {
        const QRgb colour = i < count ? palette[i] : 0;
        map->Colors[i] = GifColorType { static_cast<GifByteType>(qRed(colour)),
            static_cast<GifByteType>(qGreen(colour)), static_cast<GifByteType>(qBlue(colour)) };
    }
    EGifSetGifVersion(m_gif, true);
    const int screen = EGifPutScreenDesc(m_gif, m_size.width(), m_size.height(), 8, 0, map);
    GifFreeMapObject(map);
    if (screen != GIF_OK)
        return fail(m_gif->Error);
    // The NETSCAPE2.0 block: loop forever, as a slide shows it.
    static const GifByteType application[] = { 'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0' };
    static const GifByteType loop[] = { 1, 0, 0 };
    if (EGifPutExtensionLeader(m_gif, APPLICATION_EXT_FUNC_CODE) != GIF_OK
        || EGifPutExtensionBlock(m_gif, sizeof application, application) != GIF_OK
        || EGifPutExtensionBlock(m_gif, sizeof loop, loop) != GIF_OK || EGifPutExtensionTrailer(m_gif) != GIF_OK)
        return fail(m_gif->Error);
    return true;
}

QRect GifWriter::changedRect(
    const std::vector<std::uint8_t>& previous, const std::vector<std::uint8_t>& next, QSize size)
{
    if (previous.size() != next.size())
        return QRect(QPoint(0, 0), size);
    int left = size.width();
    int right = -1;
    int top = size.height();
    int bottom = -1;
    for (int y = 0; y < size.height(); ++y) {
        const std::uint8_t* a = previous.data() + static_cast<std::ptrdiff_t>(y) * size.width();
        const std::uint8_t* b = next.data() + static_cast<std::ptrdiff_t>(y) * size.width();
        const auto first = std::mismatch(a, a + size.width(), b);
        if (first.first == a + size.width())
            continue;
        int last = size.width() - 1;
        while (a[last] == b[last])
            --last;
        left = std::min(left, static_cast<int>(first.first - a));
        right = std::max(right, last);
        top = std::min(top, y);
        bottom = y;
    }
    if (right < 0)
        return QRect(0, 0, 1, 1); // a GIF image needs a pixel: the same one again
    return QRect(QPoint(left, top), QPoint(right, bottom));
}

bool GifWriter::addFrame(const std::vector<std::uint8_t>& indices, int delayCentiseconds)
{
    if (!m_gif)
        return false;
    if (indices.size() != static_cast<std::size_t>(m_size.width()) * static_cast<std::size_t>(m_size.height())) {
        m_error = QCoreApplication::translate("GifWriter", "a frame of the wrong size");
        return false;
    }
    GraphicsControlBlock control {};
    control.DisposalMode = DISPOSE_DO_NOT; // the next frame is drawn over this one
    control.UserInputFlag = false;
    control.DelayTime = std::max(delayCentiseconds, 2); // viewers show anything shorter as 0.1 s
    control.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    const std::size_t length = EGifGCBToExtension(&control, extension);
    if (EGifPutExtension(m_gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(length), extension) != GIF_OK)
        return fail(m_gif->Error);
    const QRect changed = changedRect(m_previous, indices, m_size);
    if (EGifPutImageDesc(m_gif, changed.x(), changed.y(), changed.width(), changed.height(), false, nullptr) != GIF_OK)
        return fail(m_gif->Error);
    std::vector<GifPixelType> line(static_cast<std::size_t>(changed.width()));
    for (int y = changed.top(); y <= changed.bottom(); ++y) {
        const auto* row = indices.data() + static_cast<std::ptrdiff_t>(y) * m_size.width() + changed.x();
        std::copy(row, row + changed.width(), line.begin());
        if (EGifPutLine(m_gif, line.data(), changed.width()) != GIF_OK)
            return fail(m_gif->Error);
    }
    m_previous = indices;
    ++m_frames;
    return true;
}

bool GifWriter::close()
{
    if (!m_gif)
        return false;
    int error = 0;
    const int result = EGifCloseFile(m_gif, &error);
    m_gif = nullptr;
    return result == GIF_OK || fail(error);
}

} // namespace gdlab
