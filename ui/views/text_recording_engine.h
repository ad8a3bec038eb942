#pragma once

#include "views/view_description.h"

#include <QPaintEngine>
#include <QTransform>

namespace gdlab {

/**
 * @brief The engine of a TextRecorder: ignores every shape and records each text item at its place, following
 * the painter's transform and clip (QCustomPlot clips items to their axis rect, and rotates the y axis label).
 */
class TextRecordingEngine : public QPaintEngine {
public:
    TextRecordingEngine();

    bool begin(QPaintDevice* device) override;
    bool end() override;
    void updateState(const QPaintEngineState& state) override;
    void drawPixmap(const QRectF& rect, const QPixmap& pixmap, const QRectF& source) override;
    void drawPath(const QPainterPath& path) override;
    void drawPolygon(const QPointF* points, int count, PolygonDrawMode mode) override;
    void drawTextItem(const QPointF& position, const QTextItem& item) override;
    Type type() const override;

    const QList<ViewDescription::Text>& texts() const { return m_texts; }

private:
    void clipTo(const QRectF& rect, Qt::ClipOperation operation);

    QList<ViewDescription::Text> m_texts;
    QTransform m_transform;
    QRectF m_clip;
    bool m_clipEnabled = false;
    /** Where the last item's baseline ended: the next piece of the same line starts there. */
    QPointF m_lineEnd;
    /** Whether the last item was recorded, so that the next piece of its line joins it. */
    bool m_lineOpen = false;
};

} // namespace gdlab
