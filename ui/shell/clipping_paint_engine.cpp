#include "shell/clipping_paint_engine.h"

#include "views/segment_clip.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainterPath>
#include <QPixmap>
#include <QTextItem>

namespace gdlab {

ClippingPaintEngine::ClippingPaintEngine(QPaintDevice* target)
    : QPaintEngine(QPaintEngine::AllFeatures)
    , m_device(target)
{
}

bool ClippingPaintEngine::begin(QPaintDevice*)
{
    m_clipEnabled = false;
    m_clip.reset();
    return m_target.begin(m_device);
}

bool ClippingPaintEngine::end()
{
    return m_target.end();
}

void ClippingPaintEngine::updateState(const QPaintEngineState& state)
{
    const DirtyFlags flags = state.state();
    // The transform first: a restored clip comes with the transform it was set under.
    if (flags & DirtyTransform)
        m_transform = state.transform();
    if (flags & DirtyPen)
        m_pen = state.pen();
    if (flags & DirtyBrush)
        m_brush = state.brush();
    if (flags & DirtyBrushOrigin)
        m_brushOrigin = state.brushOrigin();
    if (flags & DirtyFont)
        m_font = state.font();
    if (flags & DirtyBackground)
        m_background = state.backgroundBrush();
    if (flags & DirtyBackgroundMode)
        m_backgroundMode = state.backgroundMode();
    if (flags & DirtyHints)
        m_hints = state.renderHints();
    if (flags & DirtyOpacity)
        m_opacity = state.opacity();
    if (flags & DirtyClipEnabled)
        m_clipEnabled = state.isClipEnabled();
    if (flags & (DirtyClipPath | DirtyClipRegion))
        updateClip(state);
}

void ClippingPaintEngine::updateClip(const QPaintEngineState& state)
{
    const QRectF area = state.state() & DirtyClipPath ? m_transform.map(state.clipPath()).boundingRect()
                                                      : QRectF(m_transform.map(state.clipRegion()).boundingRect());
    switch (state.clipOperation()) {
    case Qt::NoClip:
        m_clip.reset();
        m_clipEnabled = false;
        break;
    case Qt::ReplaceClip:
        m_clip = area;
        m_clipEnabled = true;
        break;
    case Qt::IntersectClip:
        m_clip = m_clip ? m_clip->intersected(area) : area;
        m_clipEnabled = true;
        break;
    }
}

std::optional<QRectF> ClippingPaintEngine::logicalClip() const
{
    if (!m_clipEnabled || !m_clip || m_transform.isRotating() || !m_transform.isInvertible())
        return std::nullopt;
    return m_transform.inverted().mapRect(*m_clip);
}

void ClippingPaintEngine::applyState()
{
    m_target.setTransform(m_transform);
    m_target.setPen(m_pen);
    m_target.setBrush(m_brush);
    m_target.setBrushOrigin(m_brushOrigin);
    m_target.setFont(m_font);
    m_target.setBackground(m_background);
    m_target.setBackgroundMode(m_backgroundMode);
    m_target.setRenderHints(m_hints);
    m_target.setOpacity(m_opacity);
}

void ClippingPaintEngine::drawPath(const QPainterPath& path)
{
    const std::optional<QRectF> clip = logicalClip();
    const qreal reach = m_pen.style() == Qt::NoPen ? 0 : m_pen.widthF() / 2 + 1;
    const QRectF bounds = path.controlPointRect().adjusted(-reach, -reach, reach, reach);
    applyState();
    if (!clip || clip->contains(bounds)) {
        m_target.drawPath(path);
        return;
    }
    if (!clip->intersects(bounds))
        return;
    if (m_brush.style() != Qt::NoBrush) {
        QPainterPath area;
        area.addRect(*clip);
        m_target.setPen(Qt::NoPen);
        m_target.drawPath(path.intersected(area));
        m_target.setPen(m_pen);
    }
    if (m_pen.style() != Qt::NoPen) {
        m_target.setBrush(Qt::NoBrush);
        for (const QPolygonF& outline : path.toSubpathPolygons())
            drawClippedPolyline(outline, *clip);
    }
}

void ClippingPaintEngine::drawPolygon(const QPointF* points, int pointCount, PolygonDrawMode mode)
{
    const QPolygonF polygon(QList<QPointF>(points, points + pointCount));
    if (mode != PolylineMode) {
        QPainterPath path;
        path.addPolygon(polygon);
        path.closeSubpath();
        path.setFillRule(mode == OddEvenMode ? Qt::OddEvenFill : Qt::WindingFill);
        drawPath(path);
        return;
    }
    const std::optional<QRectF> clip = logicalClip();
    const qreal reach = m_pen.widthF() / 2 + 1;
    const QRectF bounds = polygon.boundingRect().adjusted(-reach, -reach, reach, reach);
    applyState();
    if (!clip || clip->contains(bounds))
        m_target.drawPolyline(polygon);
    else if (clip->intersects(bounds))
        drawClippedPolyline(polygon, *clip);
}

void ClippingPaintEngine::drawClippedPolyline(const QPolygonF& polyline, const QRectF& clip)
{
    // A piece cut by the clip ends flat there, as a clipped stroke does; square or round caps would reach past it.
    QPen cut = m_pen;
    cut.setCapStyle(Qt::FlatCap);
    QPolygonF run;
    bool runIsCut = false;
    const auto flush = [&] {
        if (run.size() > 1) {
            m_target.setPen(runIsCut ? cut : m_pen);
            m_target.drawPolyline(run);
        }
        run.clear();
        runIsCut = false;
    };
    for (qsizetype i = 0; i + 1 < polyline.size(); ++i) {
        QPointF a = polyline[i];
        QPointF b = polyline[i + 1];
        if (!clipSegment(a, b, clip)) {
            flush();
            continue;
        }
        if (run.isEmpty() || run.last() != a) {
            flush();
            run << a;
            runIsCut = a != polyline[i];
        }
        run << b;
        if (b != polyline[i + 1]) {
            runIsCut = true;
            flush(); // left the clip here: the next piece starts anew
        }
    }
    flush();
    m_target.setPen(m_pen);
}

QRectF ClippingPaintEngine::croppedSource(const QRectF& rect, const QRectF& clipped, const QRectF& source)
{
    const double sx = source.width() / rect.width();
    const double sy = source.height() / rect.height();
    return QRectF(source.x() + (clipped.x() - rect.x()) * sx, source.y() + (clipped.y() - rect.y()) * sy,
        clipped.width() * sx, clipped.height() * sy);
}

void ClippingPaintEngine::drawPixmap(const QRectF& rect, const QPixmap& pixmap, const QRectF& source)
{
    const std::optional<QRectF> clip = logicalClip();
    applyState();
    if (!clip || clip->contains(rect)) {
        m_target.drawPixmap(rect, pixmap, source);
    } else if (clip->intersects(rect)) {
        const QRectF inside = clip->intersected(rect);
        m_target.drawPixmap(inside, pixmap, croppedSource(rect, inside, source));
    }
}

void ClippingPaintEngine::drawImage(
    const QRectF& rect, const QImage& image, const QRectF& source, Qt::ImageConversionFlags flags)
{
    const std::optional<QRectF> clip = logicalClip();
    applyState();
    if (!clip || clip->contains(rect)) {
        m_target.drawImage(rect, image, source, flags);
    } else if (clip->intersects(rect)) {
        const QRectF inside = clip->intersected(rect);
        m_target.drawImage(inside, image, croppedSource(rect, inside, source), flags);
    }
}

void ClippingPaintEngine::drawTextItem(const QPointF& point, const QTextItem& textItem)
{
    const std::optional<QRectF> clip = logicalClip();
    const QRectF bounds = QFontMetricsF(textItem.font()).boundingRect(textItem.text()).translated(point);
    if (clip && !clip->intersects(bounds))
        return;
    applyState();
    m_target.drawTextItem(point, textItem);
}

void ClippingPaintEngine::drawTiledPixmap(const QRectF& rect, const QPixmap& pixmap, const QPointF& offset)
{
    const std::optional<QRectF> clip = logicalClip();
    if (clip && !clip->intersects(rect))
        return;
    applyState();
    m_target.drawTiledPixmap(clip ? clip->intersected(rect) : rect, pixmap, offset);
}

} // namespace gdlab
