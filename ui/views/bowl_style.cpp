#include "views/bowl_style.h"

#include <QtDataVisualization/Q3DTheme>

#include <QWidget>

namespace gdlab {

BowlStyle::BowlStyle(const QWidget& widget, bool presentation)
    : m_plot(widget, presentation)
    , m_font(widget.font())
    , m_window(widget.palette().color(QPalette::Window))
    , m_text(widget.palette().color(QPalette::Text))
    , m_base(widget.palette().color(QPalette::Base))
    , m_mid(widget.palette().color(QPalette::Mid))
{
}

QFont BowlStyle::labelFont() const
{
    QFont font = m_font;
    font.setPointSizeF(labelPointSize * m_plot.scale());
    // The labels are textures scaled down with the scene: light strokes on a dark background thin out to grey, so
    // a dark theme draws them bold.
    font.setBold(m_plot.isDark());
    return font;
}

void BowlStyle::apply(Q3DTheme* theme) const
{
    // The bowl sits in the window like the other views' frames, so its background is the window's.
    theme->setBackgroundColor(m_window);
    theme->setWindowColor(m_window);
    theme->setLabelTextColor(m_text);
    theme->setLabelBackgroundColor(m_base);
    theme->setGridLineColor(m_mid);
    theme->setFont(labelFont());
    // Framed labels turn into small tilted boxes on a bowl a few hundred pixels wide; bare text reads better.
    theme->setLabelBackgroundEnabled(false);
    theme->setLabelBorderEnabled(false);
}

} // namespace gdlab
