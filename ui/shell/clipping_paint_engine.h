#pragma once

#include <QBrush>
#include <QFont>
#include <QPaintEngine>
#include <QPainter>
#include <QPen>
#include <QTransform>

#include <optional>

namespace gdlab {

/**
 * @brief A paint engine that clips what it is given to the painter's clip rectangle itself and hands the rest to
 * a painter on another device.
 *
 * Qt 6.4's SVG generator ignores clipping (clip paths came with SVG 1.1 output in Qt 6.5), so a plot's lines ran
 * past its axes into the neighbouring views. QCustomPlot clips only to rectangles (each layerable to its axis
 * rect), so here the clip is a rectangle (the bounding rectangle of any other shape): lines and outlines are cut
 * where they cross it (Liang–Barsky) and stay strokes, fills are intersected with it, images cropped to it, a text
 * is kept when it reaches into it. What lies wholly inside goes through untouched.
 */
class ClippingPaintEngine : public QPaintEngine {
public:
    explicit ClippingPaintEngine(QPaintDevice* target);

    bool begin(QPaintDevice* device) override;
    bool end() override;
    void updateState(const QPaintEngineState& state) override;
    void drawPath(const QPainterPath& path) override;
    void drawPolygon(const QPointF* points, int pointCount, PolygonDrawMode mode) override;
    void drawPixmap(const QRectF& rect, const QPixmap& pixmap, const QRectF& source) override;
    void drawImage(const QRectF& rect, const QImage& image, const QRectF& source,
        Qt::ImageConversionFlags flags = Qt::AutoColor) override;
    void drawTextItem(const QPointF& point, const QTextItem& textItem) override;
    void drawTiledPixmap(const QRectF& rect, const QPixmap& pixmap, const QPointF& offset) override;
    Type type() const override { return QPaintEngine::User; }

private:
    /** The clip in the drawing's coordinates; empty: draw everything (no clip, or a rotated one left to the target). */
    std::optional<QRectF> logicalClip() const;
    /** Gives the target painter the state the drawing was made with. */
    void applyState();
    /** The part of source that lands in clipped, when source is drawn into rect. */
    static QRectF croppedSource(const QRectF& rect, const QRectF& clipped, const QRectF& source);
    void drawClippedPolyline(const QPolygonF& polyline, const QRectF& clip);
    void updateClip(const QPaintEngineState& state);

    QPaintDevice* m_device;
    QPainter m_target;
    QPen m_pen;
    QBrush m_brush;
    QPointF m_brushOrigin;
    QFont m_font;
    QBrush m_background;
    Qt::BGMode m_backgroundMode = Qt::TransparentMode;
    QTransform m_transform;
    QPainter::RenderHints m_hints;
    qreal m_opacity = 1;
    bool m_clipEnabled = false;
    std::optional<QRectF> m_clip; ///< in device coordinates
};

} // namespace gdlab
