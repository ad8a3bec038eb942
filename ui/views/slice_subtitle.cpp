#include "views/slice_subtitle.h"

#include "views/plot_style.h"

#include <qcustomplot.h>

#include <QFontMetrics>
#include <QHelpEvent>
#include <QToolTip>

namespace gdlab {

namespace {

/** Room left and right of the sentence, in pixels. */
constexpr int kSideMargin = 6;

} // namespace

SliceSubtitle::SliceSubtitle(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
{
    // After each layout, before drawing: the sentence fits the width its cell has now (the colour scale's
    // column takes part of the plot's width).
    connect(m_plot, &QCustomPlot::afterLayout, this, &SliceSubtitle::fitToWidth);
    m_plot->installEventFilter(this);
}

QString SliceSubtitle::text() const
{
    return m_text;
}

QString SliceSubtitle::shownText() const
{
    return m_element ? m_element->text() : QString();
}

bool SliceSubtitle::setText(const QString& text)
{
    if (text == m_text)
        return false;
    m_text = text;
    if (text.isEmpty()) {
        m_plot->plotLayout()->remove(m_element);
        m_plot->plotLayout()->simplify();
        m_element = nullptr;
        return true;
    }
    if (!m_element) {
        m_plot->plotLayout()->insertRow(0);
        m_element = new QCPTextElement(m_plot, text);
        m_element->setFont(m_font);
        m_element->setTextColor(m_colour);
        // The sentence never sets the plot's minimum width (with ten features it would be wider than a
        // screen): it is elided to the width there is, and whole in its tooltip.
        m_element->setMinimumSize(1, 0);
        m_plot->plotLayout()->addElement(0, 0, m_element);
    }
    fitToWidth();
    return true;
}

void SliceSubtitle::fitToWidth()
{
    if (!m_element)
        return;
    // The sentence's own cell of the plot layout, which the colour scale's column makes narrower than the plot
    // (the plot's width until the first layout has placed it).
    const int cell = m_element->outerRect().width() > 0 ? m_element->outerRect().width() : m_plot->width();
    const int width = std::max(1, cell - 2 * kSideMargin);
    const QString shown = QFontMetrics(m_font).elidedText(m_text, Qt::ElideRight, width);
    if (shown != m_element->text())
        m_element->setText(shown);
}

bool SliceSubtitle::isElided() const
{
    return m_element && m_element->text() != m_text;
}

bool SliceSubtitle::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_plot && event->type() == QEvent::ToolTip && isElided()) {
        auto* help = static_cast<QHelpEvent*>(event);
        if (m_element->outerRect().contains(help->pos())) {
            QToolTip::showText(help->globalPos(), m_text, m_plot);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void SliceSubtitle::applyStyle(const PlotStyle& style)
{
    m_font = style.font();
    m_colour = style.text();
    if (m_element) {
        m_element->setFont(m_font);
        m_element->setTextColor(m_colour);
        fitToWidth();
    }
}

} // namespace gdlab
