#include "views/fit_prediction_layer.h"

#include "support/prepared_runs.h"
#include "views/fit_data_layer.h"
#include "views/fit_points.h"
#include "views/plot_style.h"

#include <qcustomplot.h>

#include <QtTest>

namespace tst_fit_prediction_layer {

using gdlab::FitDataLayer;
using gdlab::FitPoints;
using gdlab::FitPredictionLayer;
using gdlab::PlotStyle;
using gdlab::test::preparedRun;

class TestFitPredictionLayer : public QObject {
    Q_OBJECT

private slots:
    void identityCrossesTheView();
    void leastSquaresByActualValue();
    void clearEmptiesBoth();
    void styleMatchesTheDataMarkers();
};

void TestFitPredictionLayer::identityCrossesTheView()
{
    QCustomPlot plot;
    FitPredictionLayer layer(&plot, plot.layer("main"));
    layer.setIdentity(QCPRange(2, 5));
    const auto data = layer.identity()->data();
    QCOMPARE(data->size(), 2);
    QCOMPARE(data->at(0)->key, -1.0);
    QCOMPARE(data->at(0)->value, -1.0);
    QCOMPARE(data->at(1)->key, 8.0);
    QCOMPARE(data->at(1)->value, 8.0);
}

void TestFitPredictionLayer::leastSquaresByActualValue()
{
    QCustomPlot plot;
    FitPredictionLayer layer(&plot, plot.layer("main"));
    const auto run = preparedRun({ "x", "y" }, (Eigen::MatrixXd(3, 2) << 1, 30, 2, 10, 3, 20).finished());
    FitPoints points;
    points.reset(run.get());
    points.arrange(false, 0);
    const Eigen::VectorXd best = Eigen::Vector3d(31, 11, 21);
    layer.setLeastSquares(points, &best);
    const auto data = layer.leastSquares()->data();
    QCOMPARE(data->size(), 3);
    const double keys[] = { 10, 20, 30 };
    const double values[] = { 11, 21, 31 };
    for (int j = 0; j < 3; ++j) {
        QCOMPARE(data->at(j)->key, keys[j]);
        QCOMPARE(data->at(j)->value, values[j]);
    }
    layer.setLeastSquares(points, nullptr);
    QCOMPARE(data->size(), 0);
}

void TestFitPredictionLayer::clearEmptiesBoth()
{
    QCustomPlot plot;
    FitPredictionLayer layer(&plot, plot.layer("main"));
    layer.setIdentity(QCPRange(0, 1));
    layer.clear();
    QCOMPARE(layer.identity()->data()->size(), 0);
    QCOMPARE(layer.leastSquares()->data()->size(), 0);
}

void TestFitPredictionLayer::styleMatchesTheDataMarkers()
{
    QCustomPlot plot;
    QWidget widget;
    FitPredictionLayer layer(&plot, plot.layer("main"));
    for (bool presentation : { false, true }) {
        const PlotStyle style(widget, presentation);
        for (int count : { 5, FitDataLayer::manyPoints + 1 }) {
            layer.applyStyle(style, count);
            QCOMPARE(layer.leastSquares()->scatterStyle().size(), FitDataLayer::pointSize(style, count));
            QCOMPARE(layer.leastSquares()->antialiasedScatters(), count <= FitDataLayer::manyPoints);
        }
        QCOMPARE(layer.identity()->pen().style(), Qt::DashDotLine);
        QCOMPARE(layer.identity()->pen().widthF(), style.scaled(1.5));
    }
    QCOMPARE(layer.leastSquares()->lineStyle(), QCPGraph::lsNone);
}

} // namespace tst_fit_prediction_layer

QTEST_MAIN(tst_fit_prediction_layer::TestFitPredictionLayer)
#include "tst_fit_prediction_layer.moc"
