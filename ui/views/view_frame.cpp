#include "views/view_frame.h"

#include "views/plot_style.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace gdlab {

ViewFrame::ViewFrame(const QString& title, QWidget* view, QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_view(view)
    , m_veil(new QWidget(this))
{
    // A veil of the window's colour over the view, drawn above it and passing the mouse through.
    m_veil->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_veil->setAttribute(Qt::WA_StyledBackground);
    m_veil->setStyleSheet(QStringLiteral("background: rgba(255, 255, 255, 170);"));
    m_veil->hide();
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_view, 1);
    applyFont();
}

QString ViewFrame::title() const
{
    return m_title->text();
}

void ViewFrame::setPresentationMode(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    applyFont();
}

void ViewFrame::setDimmed(bool on)
{
    if (on == m_dimmed)
        return;
    m_dimmed = on;
    m_veil->setGeometry(m_view->geometry());
    m_veil->setVisible(on);
    m_veil->raise();
    m_title->setEnabled(!on);
}

void ViewFrame::resizeEvent(QResizeEvent* event)
{
    QFrame::resizeEvent(event);
    m_veil->setGeometry(m_view->geometry());
}

void ViewFrame::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFont();
}

void ViewFrame::applyFont()
{
    // The title follows the frame's font (the window's, enlarged in presentation mode); the label's own font
    // does not send the frame a FontChange.
    QFont font = PlotStyle(*this, m_presentation).font(titleScale);
    font.setBold(true);
    m_title->setFont(font);
}

} // namespace gdlab
