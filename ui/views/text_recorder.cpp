#include "views/text_recorder.h"

#include "views/text_recording_engine.h"

#include <qcustomplot.h>

namespace gdlab {

TextRecorder::TextRecorder(const QSize& size, int dpi)
    : m_engine(std::make_unique<TextRecordingEngine>())
    , m_size(size)
    , m_dpi(dpi)
{
}

TextRecorder::~TextRecorder() = default;

QPaintEngine* TextRecorder::paintEngine() const
{
    return m_engine.get();
}

QList<ViewDescription::Text> TextRecorder::texts() const
{
    return m_engine->texts();
}

int TextRecorder::metric(PaintDeviceMetric metric) const
{
    switch (metric) {
    case PdmWidth:
        return m_size.width();
    case PdmHeight:
        return m_size.height();
    case PdmWidthMM:
        return qRound(m_size.width() * 25.4 / m_dpi);
    case PdmHeightMM:
        return qRound(m_size.height() * 25.4 / m_dpi);
    case PdmNumColors:
        return 0x7fffffff;
    case PdmDepth:
        return 32;
    case PdmDpiX:
    case PdmDpiY:
    case PdmPhysicalDpiX:
    case PdmPhysicalDpiY:
        return m_dpi;
    case PdmDevicePixelRatio:
        return 1;
    case PdmDevicePixelRatioScaled:
        return int(devicePixelRatioFScale());
    default:
        return QPaintDevice::metric(metric);
    }
}

QList<ViewDescription::Text> TextRecorder::plotTexts(QCustomPlot* plot)
{
    TextRecorder recorder(plot->size(), plot->logicalDpiY());
    {
        // Without caching, tick labels are drawn as text rather than as cached pixmaps.
        QCPPainter painter(&recorder);
        plot->toPainter(&painter, plot->width(), plot->height());
    }
    return recorder.texts();
}

} // namespace gdlab
