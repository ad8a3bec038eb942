#include "views/view_frame.h"

#include <QLabel>
#include <QVBoxLayout>

namespace gdlab {

ViewFrame::ViewFrame(const QString& title, QWidget* view, QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_view(view)
{
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_view, 1);
    setPresentationMode(false);
}

QString ViewFrame::title() const
{
    return m_title->text();
}

void ViewFrame::setPresentationMode(bool on)
{
    QFont font = m_title->font();
    font.setBold(true);
    font.setPointSizeF(on ? 16 : 10.5);
    m_title->setFont(font);
}

} // namespace gdlab
