#include "views/view_picture.h"

#include "views/bowl_graph_host.h"

#include <QtDataVisualization/Q3DSurface>

#include <qcustomplot.h>

#include <QPaintDevice>
#include <QRegion>
#include <QWidget>

namespace gdlab {

namespace {

/** What a vector picture holds as images (the widgets around the plots, the bowl): twice the pixels, as a 2× still. */
constexpr double vectorImageScale = 2.0;

template <typename T> QList<T*> shownIn(QWidget* root)
{
    QList<T*> shown;
    if (auto* self = qobject_cast<T*>(root))
        shown.append(self);
    for (T* child : root->findChildren<T*>())
        if (child->isVisibleTo(root))
            shown.append(child);
    return shown;
}

QRect rectIn(QWidget* root, QWidget* widget)
{
    return QRect(widget == root ? QPoint() : widget->mapTo(root, QPoint()), widget->size());
}

QList<QWidget*> omitted(QWidget* root)
{
    QList<QWidget*> omit;
    for (QWidget* child : root->findChildren<QWidget*>())
        if (child->property(ViewPicture::omitProperty).toBool() && child->isVisibleTo(root))
            omit.append(child);
    return omit;
}

/** The bowl's container, when the host shows the graph (not its sentence). */
QWidget* shownGraph(BowlGraphHost* host, QWidget* root)
{
    QWidget* container = host->graphContainer();
    return host->graph() && container && !host->isShowingMessage() && container->isVisibleTo(root) ? container
                                                                                                   : nullptr;
}

} // namespace

QImage ViewPicture::toImage(QWidget* root, double scale)
{
    const QSize pixels = (QSizeF(root->size()) * scale).toSize();
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    if (!draw(root, &image, scale, false))
        return {};
    image.setDevicePixelRatio(1);
    return image;
}

bool ViewPicture::paint(QWidget* root, QPaintDevice* device)
{
    return draw(root, device, vectorImageScale, true);
}

bool ViewPicture::draw(QWidget* root, QPaintDevice* device, double scale, bool vector)
{
    const QList<QCustomPlot*> plots = shownIn<QCustomPlot>(root);
    QList<BowlGraphHost*> bowls;
    for (BowlGraphHost* host : shownIn<BowlGraphHost>(root))
        if (shownGraph(host, root))
            bowls.append(host);
    // The widgets' pass leaves out what is drawn again below and what is not for slides.
    QRegion region(root->rect());
    for (QCustomPlot* plot : plots)
        region -= rectIn(root, plot);
    for (BowlGraphHost* host : bowls)
        region -= rectIn(root, host->graphContainer());
    for (QWidget* widget : omitted(root))
        region -= rectIn(root, widget);

    QCPPainter painter;
    if (!painter.begin(device))
        return false;
    painter.fillRect(root->rect(), root->palette().color(QPalette::Window));
    if (!vector) {
        root->render(&painter, QPoint(), region, QWidget::DrawWindowBackground | QWidget::DrawChildren);
    } else if (!region.isEmpty()) {
        // Widgets rendered straight onto the PDF engine lose their clipping (a scroll area's text runs over its
        // frame, style pixmaps cover labels), so they go in as an image at 2×; the plots stay vectors.
        QImage widgets((QSizeF(root->size()) * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        widgets.setDevicePixelRatio(scale);
        widgets.fill(Qt::transparent);
        root->render(&widgets, QPoint(), region, QWidget::DrawWindowBackground | QWidget::DrawChildren);
        painter.drawImage(QRectF(root->rect()), widgets);
    }
    for (QCustomPlot* plot : plots) {
        // The plot's layout and the texts laid out around it are brought up to date first (a frame of an animation
        // moves the cursor just before); the screen is repainted later, as usual.
        plot->replot(QCustomPlot::rpQueuedRefresh);
        painter.save();
        painter.translate(rectIn(root, plot).topLeft());
        if (vector)
            painter.setMode(QCPPainter::pmVectorized);
        else if (scale > 1)
            painter.setMode(QCPPainter::pmNonCosmetic); // hairlines one screen pixel wide, not one image pixel
        plot->toPainter(&painter, plot->width(), plot->height());
        painter.restore();
    }
    for (BowlGraphHost* host : bowls) {
        const QRect rect = rectIn(root, host->graphContainer());
        const QImage bowl = host->graph()->renderToImage(0, (QSizeF(rect.size()) * scale).toSize());
        if (!bowl.isNull())
            painter.drawImage(QRectF(rect), bowl);
    }
    return painter.end();
}

} // namespace gdlab
