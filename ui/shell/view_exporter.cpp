#include "shell/view_exporter.h"

#include "shell/clipping_paint_device.h"
#include "shell/main_window.h"
#include "views/bowl_view.h"
#include "views/contour_plot.h"
#include "views/fit_plot.h"
#include "views/loss_plot.h"
#include "views/parameter_loss_plot.h"
#include "views/view_picture.h"

#include <QClipboard>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QStackedWidget>
#include <QSvgGenerator>

namespace gdlab {

namespace {

// Vector pictures measure in the widget's pixels at its logical resolution, so that text set in points takes the
// same room as on screen; a PDF page is then as large in points as the widget is in pixels at 72 dpi.
bool writeSvg(QWidget* widget, const QString& title, QSaveFile* file)
{
    QSvgGenerator svg;
    svg.setOutputDevice(file);
    svg.setSize(widget->size());
    svg.setViewBox(QRect(QPoint(), widget->size()));
    svg.setResolution(widget->logicalDpiX());
    svg.setTitle(title);
    svg.setDescription(QStringLiteral("gdlab"));
    // Qt 6.4 writes no clip paths: the plots' clipping to their axes is done before the generator sees it.
    ClippingPaintDevice clipped(&svg);
    return ViewPicture::paint(widget, &clipped);
}

bool writePdf(QWidget* widget, const QString& title, QSaveFile* file)
{
    QPdfWriter pdf(file);
    const int dpi = widget->logicalDpiX();
    pdf.setResolution(dpi);
    const QSizeF points = QSizeF(widget->size()) * (72.0 / dpi);
    pdf.setPageSize(QPageSize(points, QPageSize::Point, title, QPageSize::ExactMatch));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Point);
    pdf.setTitle(title);
    pdf.setCreator(QStringLiteral("gdlab"));
    return ViewPicture::paint(widget, &pdf);
}

// A view on a tab that is not shown (the contour map or the loss along one parameter) was laid out, if ever, at
// another size: it takes the size of the page that is shown, so that its picture looks as it would on screen.
void layOutHiddenPage(QWidget* view)
{
    for (QWidget* page = view; page->parentWidget(); page = page->parentWidget()) {
        auto* stack = qobject_cast<QStackedWidget*>(page->parentWidget());
        if (!stack || !stack->currentWidget() || stack->currentWidget() == page)
            continue;
        page->resize(stack->currentWidget()->size());
        if (page->layout())
            page->layout()->activate();
    }
}

} // namespace

ViewExporter::ViewExporter(MainWindow* window)
    : m_window(window)
{
}

QStringList ViewExporter::targetNames()
{
    return { QStringLiteral("fit"), QStringLiteral("loss"), QStringLiteral("contour"), QStringLiteral("along"),
        QStringLiteral("bowl"), QStringLiteral("window") };
}

QString ViewExporter::targetName(Target target)
{
    return targetNames().value(target);
}

std::optional<ViewExporter::Target> ViewExporter::parseTarget(const QString& name)
{
    const int index = targetNames().indexOf(name);
    if (index < 0)
        return std::nullopt;
    return static_cast<Target>(index);
}

QString ViewExporter::targetTitle(Target target)
{
    switch (target) {
    case Fit:
        return tr("Fit");
    case Loss:
        return tr("Loss");
    case Contour:
        return tr("Error surface (contour)");
    case AlongParameter:
        return tr("Loss along one parameter");
    case Bowl:
        return tr("Bowl (3D)");
    case Window:
        break;
    }
    return tr("Whole window");
}

std::optional<ViewExporter::Format> ViewExporter::formatOf(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return Format::Png;
    if (suffix == QLatin1String("svg"))
        return Format::Svg;
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

QWidget* ViewExporter::widget(Target target) const
{
    QWidget* view = m_window;
    switch (target) {
    case Fit:
        view = m_window->fitPlot();
        break;
    case Loss:
        view = m_window->lossPlot();
        break;
    case Contour:
        view = m_window->contourPlot();
        break;
    case AlongParameter:
        view = m_window->parameterLossPlot();
        break;
    case Bowl:
        view = m_window->bowlView();
        break;
    case Window:
        break;
    }
    layOutHiddenPage(view);
    return view;
}

QString ViewExporter::unavailableReason(Target target) const
{
    const BowlView* bowl = m_window->bowlView();
    if (target == Bowl && !bowl->hasGraph())
        return tr("The bowl cannot be exported: %1").arg(bowl->messageText());
    return {};
}

QImage ViewExporter::image(Target target, double scale) const
{
    if (!unavailableReason(target).isEmpty())
        return {};
    return ViewPicture::toImage(widget(target), scale);
}

bool ViewExporter::save(Target target, const QString& path, double scale, QString* errorMessage) const
{
    const std::optional<Format> format = formatOf(path);
    if (!format) {
        *errorMessage = tr("Cannot export to %1: the name must end in .png, .svg or .pdf").arg(path);
        return false;
    }
    *errorMessage = unavailableReason(target);
    if (!errorMessage->isEmpty())
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *errorMessage = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    const QString title = tr("%1 — gdlab").arg(targetTitle(target));
    bool drawn = false;
    if (*format == Format::Png) {
        const QImage picture = image(target, scale);
        drawn = !picture.isNull() && picture.save(&file, "PNG");
    } else {
        drawn
            = *format == Format::Svg ? writeSvg(widget(target), title, &file) : writePdf(widget(target), title, &file);
    }
    if (!drawn || !file.commit()) {
        *errorMessage = tr("Cannot write %1: %2").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

bool ViewExporter::copyToClipboard(Target target, QString* errorMessage) const
{
    *errorMessage = unavailableReason(target);
    if (!errorMessage->isEmpty())
        return false;
    const QImage picture = image(target, widget(target)->devicePixelRatioF());
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (picture.isNull() || !clipboard) {
        *errorMessage = tr("Cannot copy the %1 view.").arg(targetTitle(target));
        return false;
    }
    clipboard->setImage(picture);
    return true;
}

} // namespace gdlab
