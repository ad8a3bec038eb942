#include "shell/view_dump.h"

#include "session/session_controller.h"
#include "shell/main_window.h"
#include "views/bowl_view.h"
#include "views/contour_plot.h"
#include "views/fit_plot.h"
#include "views/loss_plot.h"
#include "views/view_describer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace gdlab {

namespace {

QJsonArray array(const QRectF& rect)
{
    return { rect.x(), rect.y(), rect.width(), rect.height() };
}

QJsonArray array(const ViewDescription::Range& range)
{
    return { range.first, range.second };
}

QJsonObject markJson(const ViewDescription::Mark& mark)
{
    QJsonArray at;
    for (double value : mark.at)
        at.append(value);
    return { { QStringLiteral("at"), at }, { QStringLiteral("inside"), mark.inside },
        { QStringLiteral("indicated"), mark.indicated } };
}

} // namespace

QMap<QString, ViewDescription> ViewDump::describe(const MainWindow& window)
{
    const IterationModel& model = *window.controller()->model();
    const ErrorSurfaceModel& surface = *window.surfaceModel();
    // A view added to the window is described here too; describe() alone gives its rect, ranges and texts.
    return {
        { QStringLiteral("fit"), ViewDescriber::describe(*window.fitPlot(), window) },
        { QStringLiteral("loss"), ViewDescriber::describeLoss(*window.lossPlot(), model, window) },
        { QStringLiteral("contour"), ViewDescriber::describeContour(*window.contourPlot(), model, surface, window) },
        { QStringLiteral("bowl"), ViewDescriber::describeBowl(*window.bowlView(), model, surface, window) },
    };
}

QJsonObject ViewDump::toJson(const ViewDescription& view)
{
    QJsonObject json { { QStringLiteral("rect"), array(view.rect) } };
    if (view.xRange)
        json.insert(QStringLiteral("x_range"), array(*view.xRange));
    if (view.yRange)
        json.insert(QStringLiteral("y_range"), array(*view.yRange));
    if (view.zRange)
        json.insert(QStringLiteral("z_range"), array(*view.zRange));
    if (view.axisFontPointSize)
        json.insert(QStringLiteral("axis_font_size"), *view.axisFontPointSize);
    if (view.camera) {
        QJsonArray camera;
        for (double value : *view.camera)
            camera.append(value);
        json.insert(QStringLiteral("camera"), camera);
    }
    QJsonObject marks;
    for (auto it = view.marks.cbegin(); it != view.marks.cend(); ++it)
        marks.insert(it.key(), markJson(it.value()));
    json.insert(QStringLiteral("marks"), marks);
    QJsonArray texts;
    for (const ViewDescription::Text& text : view.texts)
        texts.append(
            QJsonObject { { QStringLiteral("text"), text.text }, { QStringLiteral("rect"), array(text.rect) } });
    json.insert(QStringLiteral("texts"), texts);
    return json;
}

QJsonObject ViewDump::toJson(const MainWindow& window)
{
    QJsonObject views;
    const QMap<QString, ViewDescription> described = describe(window);
    for (auto it = described.cbegin(); it != described.cend(); ++it)
        views.insert(it.key(), toJson(it.value()));
    return {
        { QStringLiteral("window"),
            QJsonObject {
                { QStringLiteral("width"), window.width() }, { QStringLiteral("height"), window.height() } } },
        { QStringLiteral("presentation"), window.isPresentationMode() },
        { QStringLiteral("controls_visible"), window.areControlsVisible() },
        { QStringLiteral("views"), views },
    };
}

bool ViewDump::write(const MainWindow& window, const QString& path, QString* errorMessage)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(toJson(window)).toJson()) < 0 || !file.commit()) {
        *errorMessage = QCoreApplication::translate("ViewDump", "Cannot write the view dump %1: %2")
                            .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace gdlab
