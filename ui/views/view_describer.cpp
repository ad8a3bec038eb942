#include "views/view_describer.h"

#include "problem.h"
#include "run.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "views/bowl_view.h"
#include "views/contour_plot.h"
#include "views/loss_plot.h"
#include "views/off_frame_indicator.h"
#include "views/text_recorder.h"

#include <qcustomplot.h>

#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/Q3DTheme>
#include <QtDataVisualization/QValue3DAxis>

#include <QFontMetricsF>
#include <QLabel>
#include <QTextDocumentFragment>

#include <cmath>

namespace gdlab {

namespace {

QRectF inWindow(const QWidget& widget, const QRectF& rect, const QWidget& window)
{
    return rect.translated(widget.mapTo(&window, QPoint(0, 0)));
}

/** The rectangle a label's text covers: its words laid out in its contents, not the whole (stretched) label. */
QRectF labelTextRect(const QLabel& label)
{
    const QRect contents
        = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), -label.margin());
    int flags = int(label.alignment());
    if (label.wordWrap())
        flags |= Qt::TextWordWrap;
    const QString text = label.textFormat() == Qt::RichText || Qt::mightBeRichText(label.text())
        ? QTextDocumentFragment::fromHtml(label.text()).toPlainText()
        : label.text();
    return QFontMetricsF(label.font()).boundingRect(contents, flags, text).intersected(contents);
}

ViewDescription::Range rangeOf(const QCPAxis* axis)
{
    return { axis->range().lower, axis->range().upper };
}

ViewDescription::Mark mark(const QVector<double>& at, const QList<ViewDescription::Range>& ranges)
{
    return { at, ViewDescriber::inside(at, ranges), false };
}

} // namespace

ViewDescription ViewDescriber::describe(const QWidget& view, const QWidget& window)
{
    ViewDescription description;
    description.rect = inWindow(view, QRectF(view.rect()), window);
    const auto plots = view.findChildren<QCustomPlot*>();
    for (const QCustomPlot* plot : plots) {
        if (plot->isVisible()) {
            description.xRange = rangeOf(plot->xAxis);
            description.yRange = rangeOf(plot->yAxis);
            break;
        }
    }
    addTexts(description, view, window);
    return description;
}

void ViewDescriber::addTexts(ViewDescription& description, const QWidget& view, const QWidget& window)
{
    for (QCustomPlot* plot : view.findChildren<QCustomPlot*>()) {
        if (!plot->isVisible())
            continue;
        for (ViewDescription::Text text : TextRecorder::plotTexts(plot)) {
            text.rect = inWindow(*plot, text.rect, window);
            description.texts.append(text);
        }
    }
    for (const QLabel* label : view.findChildren<QLabel*>()) {
        if (!label->isVisible() || label->text().trimmed().isEmpty())
            continue;
        const QRectF rect = labelTextRect(*label);
        if (!rect.isEmpty())
            description.texts.append({ label->text(), inWindow(*label, rect, window) });
    }
}

bool ViewDescriber::inside(const QVector<double>& at, const QList<ViewDescription::Range>& ranges)
{
    if (at.size() != ranges.size())
        return false;
    for (qsizetype i = 0; i < at.size(); ++i)
        if (!(ranges[i].first <= at[i] && at[i] <= ranges[i].second))
            return false;
    return true;
}

ViewDescription ViewDescriber::describeLoss(const LossPlot& view, const IterationModel& model, const QWidget& window)
{
    ViewDescription description = describe(view, window);
    if (model.isEmpty() || !description.xRange || !description.yRange)
        return description;
    const double loss = view.plottedLoss(model.loss(model.currentRow()));
    description.marks.insert(QStringLiteral("current"),
        mark({ view.markerIteration(), loss }, { *description.xRange, *description.yRange }));
    return description;
}

ViewDescription ViewDescriber::describeContour(
    const ContourPlot& view, const IterationModel& model, const ErrorSurfaceModel& surface, const QWidget& window)
{
    ViewDescription description = describe(view, window);
    if (model.isEmpty() || !model.run() || view.isShowingMessage() || !surface.isValid())
        return description;
    const QList<ViewDescription::Range> ranges { *description.xRange, *description.yRange };
    const auto on = [&surface](const Eigen::Ref<const Eigen::VectorXd>& theta) {
        const QPointF point = surface.slicePoint(theta);
        return QVector<double> { point.x(), point.y() };
    };
    ViewDescription::Mark current = mark(on(model.theta(model.currentRow())), ranges);
    current.indicated = view.offFrameIndicator()->isShown();
    description.marks.insert(QStringLiteral("current"), current);
    if (const Eigen::VectorXd* optimum = model.run()->optimum())
        description.marks.insert(QStringLiteral("optimum"), mark(on(*optimum), ranges));
    description.marks.insert(QStringLiteral("start"), mark(on(model.theta(0)), ranges));
    return description;
}

ViewDescription ViewDescriber::describeBowl(
    const BowlView& view, const IterationModel& model, const ErrorSurfaceModel& surface, const QWidget& window)
{
    ViewDescription description = describe(view, window);
    const Q3DSurface* graph = view.graph();
    if (!graph)
        return description;
    const auto range = [](const QValue3DAxis* axis) { return ViewDescription::Range(axis->min(), axis->max()); };
    // The graph's y axis is the loss, its z axis the second parameter.
    description.xRange = range(graph->axisX());
    description.yRange = range(graph->axisZ());
    description.zRange = range(graph->axisY());
    description.axisFontPointSize = graph->activeTheme()->font().pointSizeF();
    if (const std::optional<BowlCamera> camera = view.camera())
        description.camera = QVector<double> { camera->xRotation, camera->yRotation, camera->zoomLevel,
            camera->target.x(), camera->target.y(), camera->target.z() };
    if (model.isEmpty() || !model.run() || view.isShowingMessage() || !surface.isValid())
        return description;
    const QList<ViewDescription::Range> ranges { *description.xRange, *description.yRange, *description.zRange };
    const auto on = [&surface](const Eigen::Ref<const Eigen::VectorXd>& theta) {
        const QPointF point = surface.slicePoint(theta);
        return QVector<double> { point.x(), point.y(), surface.sliceLoss(theta) };
    };
    description.marks.insert(QStringLiteral("current"), mark(on(model.theta(model.currentRow())), ranges));
    if (model.run()->optimum()) {
        const QVector3D optimum = view.optimumMarkerPosition();
        description.marks.insert(QStringLiteral("optimum"), mark({ optimum.x(), optimum.z(), optimum.y() }, ranges));
    }
    description.marks.insert(QStringLiteral("start"), mark(on(model.theta(0)), ranges));
    return description;
}

} // namespace gdlab
