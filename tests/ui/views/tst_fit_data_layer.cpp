#include "views/fit_data_layer.h"

#include "support/prepared_runs.h"
#include "views/fit_points.h"
#include "views/plot_style.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>

namespace tst_fit_data_layer {

using gdlab::FitDataLayer;
using gdlab::FitPoints;
using gdlab::PlotStyle;
using gdlab::test::preparedRun;

namespace {

/** Four points with unsorted x: (3, 10), (1, 20), (4, 30), (2, 40). */
std::shared_ptr<const gdlab::Run> fourPoints()
{
    return preparedRun({ "x", "y" }, (Eigen::MatrixXd(4, 2) << 3, 10, 1, 20, 4, 30, 2, 40).finished());
}

struct Fixture {
    Fixture()
        : run(fourPoints())
    {
        plot.addLayer(QStringLiteral("under"), plot.layer("grid"), QCustomPlot::limAbove);
        plot.addLayer(QStringLiteral("over"), plot.layer("main"), QCustomPlot::limAbove);
        layer = std::make_unique<FitDataLayer>(&plot, plot.layer("under"), plot.layer("over"));
        points.reset(run.get());
    }

    QCustomPlot plot;
    std::shared_ptr<const gdlab::Run> run;
    FitPoints points;
    std::unique_ptr<FitDataLayer> layer;
};

} // namespace

class TestFitDataLayer : public QObject {
    Q_OBJECT

private slots:
    void layersAsGiven();
    void pointsAgainstAFeature();
    void predictionsEndTheResiduals();
    void pointsByActualValueAreThePredictions();
    void previewMovesOnePoint();
    void selectionRing();
    void styleFollowsScaleAndDensity();
};

void TestFitDataLayer::layersAsGiven()
{
    Fixture f;
    QCOMPARE(f.layer->residuals()->layer(), f.plot.layer("under"));
    QCOMPARE(f.layer->points()->layer(), f.plot.layer("over"));
    QCOMPARE(f.layer->selection()->layer(), f.plot.layer("over"));
    QCOMPARE(f.layer->points()->lineStyle(), QCPGraph::lsNone);
}

void TestFitDataLayer::pointsAgainstAFeature()
{
    Fixture f;
    f.points.arrange(true, 0);
    f.layer->setPoints(f.points);
    const auto data = f.layer->points()->data();
    QCOMPARE(data->size(), 4);
    const double keys[] = { 1, 2, 3, 4 };
    const double values[] = { 20, 40, 10, 30 };
    for (int j = 0; j < 4; ++j) {
        QCOMPARE(data->at(j)->key, keys[j]);
        QCOMPARE(data->at(j)->value, values[j]);
    }
    // Residuals in data order; their ends on the fit are gaps until there are predictions.
    const auto residuals = f.layer->residuals()->data();
    QCOMPARE(residuals->size(), 12);
    QCOMPARE(residuals->at(3)->key, 1.0);
    QCOMPARE(residuals->at(3)->value, 20.0);
    QCOMPARE(residuals->at(4)->key, 1.0);
    QVERIFY(std::isnan(residuals->at(4)->value));
    QVERIFY(std::isnan(residuals->at(5)->key));
}

void TestFitDataLayer::predictionsEndTheResiduals()
{
    Fixture f;
    f.points.arrange(true, 0);
    f.layer->setPoints(f.points);
    const Eigen::VectorXd predictions = Eigen::Vector4d(11, 21, 31, 41);
    f.layer->setPredictions(f.points, &predictions);
    const auto residuals = f.layer->residuals()->data();
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(residuals->at(3 * i + 1)->value, predictions[i]);
        QCOMPARE(residuals->at(3 * i)->value, f.points.fixedValues()[i]);
    }
    // The points against a feature stay where the data is.
    QCOMPARE(f.layer->points()->data()->at(0)->value, 20.0);
    f.layer->setPredictions(f.points, nullptr);
    QVERIFY(std::isnan(residuals->at(1)->value));
}

void TestFitDataLayer::pointsByActualValueAreThePredictions()
{
    Fixture f;
    f.points.arrange(false, 0);
    f.layer->setPoints(f.points);
    const auto data = f.layer->points()->data();
    QVERIFY(std::isnan(data->at(0)->value));
    const Eigen::VectorXd predictions = Eigen::Vector4d(11, 21, 31, 41);
    f.layer->setPredictions(f.points, &predictions);
    // Sorted by actual y (10, 20, 30, 40): rows 0, 1, 2, 3.
    for (int j = 0; j < 4; ++j) {
        QCOMPARE(data->at(j)->key, 10.0 * (j + 1));
        QCOMPARE(data->at(j)->value, predictions[j]);
    }
    const Eigen::VectorXd wrongSize = Eigen::Vector3d(1, 2, 3);
    f.layer->setPredictions(f.points, &wrongSize);
    QVERIFY(std::isnan(data->at(0)->value));
}

void TestFitDataLayer::previewMovesOnePoint()
{
    Fixture f;
    f.points.arrange(true, 0);
    f.layer->setPoints(f.points);
    f.layer->preview(f.points, 2, 4.5, 33, 35);
    const auto data = f.layer->points()->data();
    QCOMPARE(data->size(), 4);
    QCOMPARE(data->at(3)->key, 4.5);
    QCOMPARE(data->at(3)->value, 33.0);
    const auto residuals = f.layer->residuals()->data();
    QCOMPARE(residuals->at(6)->key, 4.5);
    QCOMPARE(residuals->at(6)->value, 33.0);
    QCOMPARE(residuals->at(7)->value, 35.0);
    QCOMPARE(residuals->at(0)->key, 3.0); // the others stay
    QCOMPARE(f.layer->selection()->data()->at(0)->key, 4.5);
    // The cached points are untouched: drawing them again undoes the preview.
    f.layer->setPoints(f.points);
    QCOMPARE(f.layer->points()->data()->at(3)->value, 30.0);
}

void TestFitDataLayer::selectionRing()
{
    Fixture f;
    f.points.arrange(true, 0);
    f.layer->setSelected(f.points, 3);
    QCOMPARE(f.layer->selection()->data()->size(), 1);
    QCOMPARE(f.layer->selection()->data()->at(0)->key, 2.0);
    QCOMPARE(f.layer->selection()->data()->at(0)->value, 40.0);
    f.layer->setSelected(f.points, -1);
    QCOMPARE(f.layer->selection()->data()->size(), 0);
    f.layer->setSelected(f.points, 4);
    QCOMPARE(f.layer->selection()->data()->size(), 0);
    f.points.arrange(false, 0);
    f.layer->setSelected(f.points, 1);
    QCOMPARE(f.layer->selection()->data()->size(), 0); // by actual value a point is no data row to edit
}

void TestFitDataLayer::styleFollowsScaleAndDensity()
{
    Fixture f;
    QWidget widget;
    const PlotStyle normal(widget, false);
    const PlotStyle large(widget, true);
    f.layer->applyStyle(normal, Qt::darkGray, 4, 1.0);
    const double size = f.layer->points()->scatterStyle().size();
    const double residualWidth = f.layer->residuals()->pen().widthF();
    QVERIFY(f.layer->points()->antialiasedScatters());
    QCOMPARE(f.layer->points()->pen().color(), QColor(Qt::darkGray));
    f.layer->applyStyle(large, Qt::darkGray, 4, 1.0);
    QCOMPARE(f.layer->points()->scatterStyle().size(), size * PlotStyle::presentationScale());
    QCOMPARE(f.layer->residuals()->pen().widthF(), residualWidth * PlotStyle::presentationScale());
    QVERIFY(f.layer->selection()->scatterStyle().size() > f.layer->points()->scatterStyle().size());
    // Thousands of points: small pixmap discs without antialiasing.
    f.layer->applyStyle(normal, Qt::darkGray, FitDataLayer::manyPoints + 1, 1.0);
    QVERIFY(!f.layer->points()->antialiasedScatters());
    QVERIFY(!f.layer->residuals()->antialiased());
    QCOMPARE(f.layer->points()->scatterStyle().shape(), QCPScatterStyle::ssPixmap);
    QVERIFY(FitDataLayer::pointSize(normal, FitDataLayer::manyPoints + 1) < size);
}

} // namespace tst_fit_data_layer

QTEST_MAIN(tst_fit_data_layer::TestFitDataLayer)
#include "tst_fit_data_layer.moc"
