#pragma once

#include "views/view_description.h"

#include <QPaintDevice>
#include <QSize>

#include <memory>

class QCustomPlot;

namespace gdlab {

class TextRecordingEngine;

/**
 * @brief A paint device that draws nothing and remembers every text painted on it, with the rectangle the text
 * covers (transformed, clipped). A plot painted onto it tells exactly which texts it shows and where, whatever
 * put them there (tick labels, axis labels, the legend, items), so that --dump-views needs no knowledge of a
 * view's pieces.
 */
class TextRecorder : public QPaintDevice {
public:
    /** @brief A device of size pixels at dpi dots per inch (the screen's, so that fonts measure as shown). */
    TextRecorder(const QSize& size, int dpi);
    ~TextRecorder() override;
    TextRecorder(const TextRecorder&) = delete;
    TextRecorder& operator=(const TextRecorder&) = delete;

    QPaintEngine* paintEngine() const override;
    /** @brief The texts painted so far, in device pixels; pieces of one line (split by script) joined. */
    QList<ViewDescription::Text> texts() const;

    /** @brief The texts plot shows, in its own pixels: it is painted once onto a recorder. */
    static QList<ViewDescription::Text> plotTexts(QCustomPlot* plot);

protected:
    int metric(PaintDeviceMetric metric) const override;

private:
    std::unique_ptr<TextRecordingEngine> m_engine;
    QSize m_size;
    int m_dpi;
};

} // namespace gdlab
