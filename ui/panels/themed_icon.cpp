#include "panels/themed_icon.h"

#include <QPainter>
#include <QPixmap>
#include <QWidget>

namespace gdlab {

namespace {

/** The icon's shape (its alpha) filled with colour. */
QPixmap tinted(const QPixmap& shape, const QColor& colour)
{
    QPixmap result = shape;
    QPainter painter(&result);
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(result.rect(), colour);
    return result;
}

} // namespace

QIcon ThemedIcon::standard(const QWidget& widget, QStyle::StandardPixmap kind, int size)
{
    const QPixmap shape = widget.style()->standardIcon(kind, nullptr, &widget).pixmap(QSize(size, size), 2.0);
    const QPalette& palette = widget.palette();
    QIcon icon;
    icon.addPixmap(tinted(shape, palette.color(QPalette::Active, QPalette::ButtonText)), QIcon::Normal);
    icon.addPixmap(tinted(shape, palette.color(QPalette::Disabled, QPalette::ButtonText)), QIcon::Disabled);
    return icon;
}

} // namespace gdlab
