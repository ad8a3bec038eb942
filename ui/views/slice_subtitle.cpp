#include "views/slice_subtitle.h"

#include "views/plot_style.h"

#include <qcustomplot.h>

namespace gdlab {

SliceSubtitle::SliceSubtitle(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
{
}

QString SliceSubtitle::text() const
{
    return m_element ? m_element->text() : QString();
}

bool SliceSubtitle::setText(const QString& text)
{
    if (text == this->text())
        return false;
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
        m_plot->plotLayout()->addElement(0, 0, m_element);
    }
    m_element->setText(text);
    return true;
}

void SliceSubtitle::applyStyle(const PlotStyle& style)
{
    m_font = style.font();
    m_colour = style.text();
    if (m_element) {
        m_element->setFont(m_font);
        m_element->setTextColor(m_colour);
    }
}

} // namespace gdlab
