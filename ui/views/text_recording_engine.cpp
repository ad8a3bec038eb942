#include "views/text_recording_engine.h"

#include <QPainterPath>
#include <QRegion>

#include <cmath>

namespace gdlab {

namespace {

/** Pieces of one line meet within this many pixels (the next script run starts where the last one ended). */
constexpr double joinTolerance = 0.75;

} // namespace

TextRecordingEngine::TextRecordingEngine()
    : QPaintEngine(QPaintEngine::AllFeatures)
{
}

bool TextRecordingEngine::begin(QPaintDevice* /*device*/)
{
    m_transform = QTransform();
    m_clipEnabled = false;
    m_lineOpen = false;
    return true;
}

bool TextRecordingEngine::end()
{
    return true;
}

void TextRecordingEngine::updateState(const QPaintEngineState& state)
{
    const DirtyFlags dirty = state.state();
    if (dirty & DirtyTransform)
        m_transform = state.transform();
    // QCustomPlot sets its clips (axis rects, the viewport) untransformed, in device pixels; a restore() sends them
    // again together with a transform they were not made in.
    if (dirty & DirtyClipRegion)
        clipTo(state.clipRegion().boundingRect(), state.clipOperation());
    if (dirty & DirtyClipPath)
        clipTo(state.clipPath().boundingRect(), state.clipOperation());
    if (dirty & DirtyClipEnabled)
        m_clipEnabled = state.isClipEnabled();
}

void TextRecordingEngine::clipTo(const QRectF& rect, Qt::ClipOperation operation)
{
    if (operation == Qt::NoClip) {
        m_clipEnabled = false;
        return;
    }
    m_clip = operation == Qt::IntersectClip && m_clipEnabled ? m_clip.intersected(rect) : rect;
    m_clipEnabled = true;
}

void TextRecordingEngine::drawPixmap(const QRectF& /*rect*/, const QPixmap& /*pixmap*/, const QRectF& /*source*/) { }

void TextRecordingEngine::drawPath(const QPainterPath& /*path*/) { }

void TextRecordingEngine::drawPolygon(const QPointF* /*points*/, int /*count*/, PolygonDrawMode /*mode*/) { }

void TextRecordingEngine::drawTextItem(const QPointF& position, const QTextItem& item)
{
    const QString text = item.text();
    const QRectF local(position.x(), position.y() - item.ascent(), item.width(), item.ascent() + item.descent());
    QRectF rect = m_transform.mapRect(local);
    if (m_clipEnabled)
        rect = rect.intersected(m_clip);
    const QPointF start = m_transform.map(position);
    const bool continues = m_lineOpen && std::abs(start.x() - m_lineEnd.x()) < joinTolerance
        && std::abs(start.y() - m_lineEnd.y()) < joinTolerance;
    m_lineEnd = m_transform.map(QPointF(position.x() + item.width(), position.y()));
    if (continues) {
        ViewDescription::Text& last = m_texts.last();
        last.text += text;
        last.rect = rect.isEmpty() ? last.rect : last.rect.united(rect);
        return;
    }
    m_lineOpen = !rect.isEmpty() && !text.trimmed().isEmpty();
    if (m_lineOpen)
        m_texts.append({ text, rect });
}

QPaintEngine::Type TextRecordingEngine::type() const
{
    return QPaintEngine::User;
}

} // namespace gdlab
