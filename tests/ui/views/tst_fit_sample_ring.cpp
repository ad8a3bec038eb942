// SGD and mini-batch: the fit view rings the rows the current update's gradient was taken over.
#include "views/fit_plot.h"
#include "views/fit_sample_ring.h"

#include "dataset.h"
#include "run.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "update_sample.h"

#include <qcustomplot.h>

#include <QtTest>

namespace tst_fit_sample_ring {

using gdlab::DescentMethod;
using gdlab::FitPlot;
using gdlab::IterationModel;
using gdlab::SessionController;
using gdlab::SolverSettings;

namespace {

bool load(SessionController& controller, const char* lesson)
{
    if (!controller.loadLesson(QString::fromLatin1(lesson)).isEmpty())
        return false;
    controller.waitForComputation();
    return true;
}

bool setMethod(SessionController& controller, DescentMethod method, long long batchSize, bool shuffle)
{
    SolverSettings settings = controller.model()->run()->settings;
    settings.method = method;
    settings.batchSize = batchSize;
    settings.shuffle = shuffle;
    if (!controller.setSettings(settings).isEmpty())
        return false;
    controller.waitForComputation();
    return true;
}

/** The ring's points as (key, value) pairs, and the data points of the same rows where the view draws them. */
void compareRingWithRows(const FitPlot& view, const std::vector<long long>& rows)
{
    const auto ring = view.sampleGraph()->data();
    QCOMPARE(ring->size(), int(rows.size()));
    for (int j = 0; j < ring->size(); ++j) {
        bool found = false;
        const auto points = view.dataGraph()->data();
        for (int i = 0; i < points->size() && !found; ++i)
            found = points->at(i)->key == ring->at(j)->key && points->at(i)->value == ring->at(j)->value;
        QVERIFY2(found, "every ring is around a data point");
    }
}

} // namespace

class TestFitSampleRing : public QObject {
    Q_OBJECT

private slots:
    void sgdRingsOneSampleInFileOrder();
    void miniBatchRingsTheBatch();
    void shuffledRingsTheReplayedRows();
    void predictedAgainstActualRingsThePredictions();
    void batchDescentRingsNothing();
};

void TestFitSampleRing::sgdRingsOneSampleInFileOrder()
{
    SessionController controller;
    QVERIFY(load(controller, "five_points"));
    QVERIFY(setMethod(controller, DescentMethod::Sgd, 1, false));
    FitPlot view(controller.model());
    IterationModel* model = controller.model();
    for (const int row : { 0, 1, 4, 7 }) {
        model->setCurrentRow(row);
        const auto sample = Eigen::Index(model->iteration(row) % 5);
        QCOMPARE(view.sampleRows(), (std::vector<long long> { sample }));
        const auto ring = view.sampleGraph()->data();
        QCOMPARE(ring->size(), 1);
        const auto& values = model->run()->dataset->values();
        QCOMPARE(ring->at(0)->key, values(sample, 0));
        QCOMPARE(ring->at(0)->value, values(sample, 1));
    }
    QVERIFY(view.plot()->legend->hasItemWithPlottable(view.sampleGraph()));
    QCOMPARE(view.sampleGraph()->name(), QStringLiteral("sample of this update"));
    // The last row has no update after it.
    model->setCurrentRow(model->lastRow());
    QVERIFY(view.sampleRows().empty());
    QCOMPARE(view.sampleGraph()->data()->size(), 0);
}

void TestFitSampleRing::miniBatchRingsTheBatch()
{
    SessionController controller;
    QVERIFY(load(controller, "five_points"));
    QVERIFY(setMethod(controller, DescentMethod::MiniBatch, 2, false));
    FitPlot view(controller.model());
    IterationModel* model = controller.model();
    const std::vector<std::vector<long long>> expected { { 0, 1 }, { 2, 3 }, { 4 }, { 0, 1 } };
    for (int row = 0; row < 4; ++row) {
        model->setCurrentRow(row);
        QCOMPARE(view.sampleRows(), expected[std::size_t(row)]);
        compareRingWithRows(view, expected[std::size_t(row)]);
    }
    QCOMPARE(view.sampleGraph()->name(), QStringLiteral("batch of this update"));
}

void TestFitSampleRing::shuffledRingsTheReplayedRows()
{
    SessionController controller;
    QVERIFY(load(controller, "two_features_n100"));
    QVERIFY(setMethod(controller, DescentMethod::MiniBatch, 8, true));
    FitPlot view(controller.model());
    IterationModel* model = controller.model();
    for (const int row : { 0, 12, 13, 30 }) {
        model->setCurrentRow(row);
        const auto rows = gdlab::sampleRows(model->run()->settings, 100, model->iteration(row));
        QCOMPARE(rows.size(), std::size_t(row == 12 ? 4 : 8)); // 100 = 12 × 8 + 4
        QCOMPARE(view.sampleRows(), rows);
        compareRingWithRows(view, rows);
    }
}

void TestFitSampleRing::predictedAgainstActualRingsThePredictions()
{
    SessionController controller;
    QVERIFY(load(controller, "three_features_ints_n20")); // SGD in file order
    FitPlot view(controller.model());
    QCOMPARE(view.fitMode(), FitPlot::PredictedVsActual);
    IterationModel* model = controller.model();
    model->setCurrentRow(3);
    const long long sample = model->iteration(3) % 20;
    QCOMPARE(view.sampleRows(), std::vector<long long> { sample });
    compareRingWithRows(view, { sample });
}

void TestFitSampleRing::batchDescentRingsNothing()
{
    SessionController controller;
    QVERIFY(load(controller, "five_points"));
    FitPlot view(controller.model());
    controller.model()->setCurrentRow(3);
    QVERIFY(view.sampleRows().empty());
    QVERIFY(!view.plot()->legend->hasItemWithPlottable(view.sampleGraph()));
}

} // namespace tst_fit_sample_ring

QTEST_MAIN(tst_fit_sample_ring::TestFitSampleRing)
#include "tst_fit_sample_ring.moc"
