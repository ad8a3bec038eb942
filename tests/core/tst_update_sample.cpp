// Which rows an update used: every batch of an epoch tiles the data once, and the solver's own step gradients
// are the gradients over exactly those rows.
#include "csv_reader.h"
#include "loss_function.h"
#include "run.h"
#include "sample_walk.h"
#include "support/test_metatypes.h"
#include "update_sample.h"

#include <QtTest>

#include <numeric>

namespace tst_update_sample {

using gdlab::DescentMethod;
using gdlab::sampleRows;
using gdlab::SolverSettings;
using gdlab::UpdateSample;
using gdlab::updateSample;

class TestUpdateSample : public QObject {
    Q_OBJECT

private slots:
    void batchUsesEveryRow();
    void sgdVisitsTheRowsInOrder();
    void miniBatchesTileAnEpoch_data();
    void miniBatchesTileAnEpoch();
    void shuffledKnowsOnlyTheCount();
    void noRows();
    void solverUsedTheseRows_data();
    void solverUsedTheseRows();
    void sampleRowsAreTheOnesTheSolverUsed_data();
    void sampleRowsAreTheOnesTheSolverUsed();
    void sampleRowsBeyondTheReplayLimitAreUnknown();
    void defaultBatchSizeIsBelowTheRows();
    void walkSkipsAsItAdvances_data();
    void walkSkipsAsItAdvances();
};

void TestUpdateSample::batchUsesEveryRow()
{
    SolverSettings settings;
    settings.method = DescentMethod::Batch;
    settings.shuffle = true; // batch descent ignores the order
    for (const long long iteration : { 0LL, 1LL, 999LL }) {
        const UpdateSample sample = updateSample(settings, 5, iteration);
        QCOMPARE(sample.first, 0LL);
        QCOMPARE(sample.count, 5LL);
        QCOMPARE(sample.total, 5LL);
        QVERIFY(!sample.shuffled);
    }
}

void TestUpdateSample::sgdVisitsTheRowsInOrder()
{
    SolverSettings settings;
    settings.method = DescentMethod::Sgd;
    for (long long iteration = 0; iteration < 60; ++iteration) {
        const UpdateSample sample = updateSample(settings, 20, iteration);
        QCOMPARE(sample.first, iteration % 20);
        QCOMPARE(sample.count, 1LL);
    }
}

void TestUpdateSample::miniBatchesTileAnEpoch_data()
{
    QTest::addColumn<long long>("rows");
    QTest::addColumn<long long>("batchSize");
    QTest::addRow("100 by 32") << 100LL << 32LL;
    QTest::addRow("100 by 25") << 100LL << 25LL;
    QTest::addRow("5 by 1") << 5LL << 1LL;
    QTest::addRow("5 by 7 (larger than the data)") << 5LL << 7LL;
    QTest::addRow("7 by 0 (taken as 1)") << 7LL << 0LL;
}

void TestUpdateSample::miniBatchesTileAnEpoch()
{
    QFETCH(long long, rows);
    QFETCH(long long, batchSize);
    SolverSettings settings;
    settings.method = DescentMethod::MiniBatch;
    settings.batchSize = batchSize;
    // Two epochs: each row once per epoch, batches in order, the same cut in both.
    std::vector<int> visits(std::size_t(rows), 0);
    long long next = 0;
    long long iteration = 0;
    for (int epoch = 0; epoch < 2; ++epoch) {
        do {
            const UpdateSample sample = updateSample(settings, rows, iteration++);
            QCOMPARE(sample.first, next);
            QVERIFY(sample.count >= 1 && sample.first + sample.count <= rows);
            for (long long row = sample.first; row < sample.first + sample.count; ++row)
                ++visits[std::size_t(row)];
            next = (sample.first + sample.count) % rows;
        } while (next != 0);
    }
    for (const int count : visits)
        QCOMPARE(count, 2);
}

void TestUpdateSample::shuffledKnowsOnlyTheCount()
{
    SolverSettings settings;
    settings.shuffle = true;
    settings.method = DescentMethod::Sgd;
    QVERIFY(updateSample(settings, 20, 3).shuffled);
    QCOMPARE(updateSample(settings, 20, 3).count, 1LL);
    settings.method = DescentMethod::MiniBatch;
    settings.batchSize = 32;
    QVERIFY(updateSample(settings, 100, 3).shuffled);
    QCOMPARE(updateSample(settings, 100, 3).count, 4LL);
}

void TestUpdateSample::noRows()
{
    for (const DescentMethod method : { DescentMethod::Batch, DescentMethod::Sgd, DescentMethod::MiniBatch }) {
        SolverSettings settings;
        settings.method = method;
        const UpdateSample sample = updateSample(settings, 0, 4);
        QCOMPARE(sample.count, 0LL);
        QCOMPARE(sample.total, 0LL);
    }
}

void TestUpdateSample::solverUsedTheseRows_data()
{
    QTest::addColumn<DescentMethod>("method");
    QTest::addColumn<long long>("batchSize");
    QTest::addRow("batch") << DescentMethod::Batch << 32LL;
    QTest::addRow("sgd") << DescentMethod::Sgd << 1LL;
    QTest::addRow("mini-batch of 32") << DescentMethod::MiniBatch << 32LL;
    QTest::addRow("mini-batch of 7") << DescentMethod::MiniBatch << 7LL;
}

// The gradient the solver stored for each update is the loss's gradient over the rows updateSample() names.
void TestUpdateSample::solverUsedTheseRows()
{
    QFETCH(DescentMethod, method);
    QFETCH(long long, batchSize);
    const gdlab::Dataset data = gdlab::CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/two_features_n100.csv");
    SolverSettings settings;
    settings.method = method;
    settings.batchSize = batchSize;
    settings.learningRate = 1e-3;
    settings.iterations = 40;
    const gdlab::Run run = gdlab::runDescent(data, {}, settings);
    const gdlab::LossFunction loss(*run.problem, settings.loss);
    std::vector<Eigen::Index> order(std::size_t(run.problem->sampleCount()));
    std::iota(order.begin(), order.end(), Eigen::Index(0));
    for (std::size_t row = 0; row + 1 < run.history->size(); ++row) {
        const UpdateSample sample = updateSample(settings, run.problem->sampleCount(), run.history->iteration(row));
        const Eigen::VectorXd expected = loss.batchGradient(
            run.history->theta(row), order, Eigen::Index(sample.first), Eigen::Index(sample.count));
        const Eigen::VectorXd used = run.stepGradient(row + 1);
        QVERIFY2((used - expected).norm() <= 1e-9 * std::max(1.0, expected.norm()),
            qPrintable(QStringLiteral("row %1: %2 vs %3").arg(row).arg(used.norm()).arg(expected.norm())));
    }
}

void TestUpdateSample::sampleRowsAreTheOnesTheSolverUsed_data()
{
    QTest::addColumn<DescentMethod>("method");
    QTest::addColumn<bool>("shuffle");
    QTest::addColumn<long long>("batchSize");
    QTest::addRow("sgd in file order") << DescentMethod::Sgd << false << 1LL;
    QTest::addRow("sgd shuffled") << DescentMethod::Sgd << true << 1LL;
    QTest::addRow("mini-batch of 7 in file order") << DescentMethod::MiniBatch << false << 7LL;
    QTest::addRow("mini-batch of 7 shuffled") << DescentMethod::MiniBatch << true << 7LL;
    QTest::addRow("mini-batch of 30 shuffled (a short last batch)") << DescentMethod::MiniBatch << true << 30LL;
}

// Over several epochs (the shuffled order changes every epoch), each stored step gradient is the gradient over
// exactly the rows sampleRows() names.
void TestUpdateSample::sampleRowsAreTheOnesTheSolverUsed()
{
    QFETCH(DescentMethod, method);
    QFETCH(bool, shuffle);
    QFETCH(long long, batchSize);
    const gdlab::Dataset data = gdlab::CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/two_features_n100.csv");
    SolverSettings settings;
    settings.method = method;
    settings.shuffle = shuffle;
    settings.seed = 7;
    settings.batchSize = batchSize;
    settings.learningRate = 1e-3;
    settings.iterations = method == DescentMethod::Sgd ? 250 : 40;
    const gdlab::Run run = gdlab::runDescent(data, {}, settings);
    const gdlab::LossFunction loss(*run.problem, settings.loss);
    std::vector<bool> differsFromFileOrder;
    for (std::size_t row = 0; row + 1 < run.history->size(); ++row) {
        const long long iteration = run.history->iteration(row);
        const std::vector<long long> rows = sampleRows(settings, run.problem->sampleCount(), iteration);
        QCOMPARE(rows.size(), std::size_t(updateSample(settings, run.problem->sampleCount(), iteration).count));
        const std::vector<Eigen::Index> order(rows.begin(), rows.end());
        const Eigen::VectorXd expected
            = loss.batchGradient(run.history->theta(row), order, 0, Eigen::Index(order.size()));
        const Eigen::VectorXd used = run.stepGradient(row + 1);
        QVERIFY2((used - expected).norm() <= 1e-9 * std::max(1.0, expected.norm()),
            qPrintable(QStringLiteral("iteration %1").arg(iteration)));
        differsFromFileOrder.push_back(rows.front() != updateSample(settings, 100, iteration).first);
    }
    // Shuffled runs really were shuffled: the replay is not the file order by accident.
    const bool anyDiffers
        = std::find(differsFromFileOrder.begin(), differsFromFileOrder.end(), true) != differsFromFileOrder.end();
    QCOMPARE(anyDiffers, shuffle);
}

void TestUpdateSample::sampleRowsBeyondTheReplayLimitAreUnknown()
{
    SolverSettings settings;
    settings.method = DescentMethod::Sgd;
    settings.shuffle = true;
    QCOMPARE(sampleRows(settings, 100, 250, 1000).size(), std::size_t(1)); // epoch 2: 300 moves
    QVERIFY(sampleRows(settings, 100, 2500, 1000).empty()); // epoch 25: 2600 moves
    settings.shuffle = false;
    QCOMPARE(sampleRows(settings, 100, 2500, 1000), std::vector<long long> { 0 });
}

void TestUpdateSample::defaultBatchSizeIsBelowTheRows()
{
    for (long long rows = 3; rows < 500; ++rows) {
        const long long size = gdlab::defaultBatchSize(rows);
        QVERIFY2(size >= 2 && size < rows && size <= 32, qPrintable(QString::number(rows)));
    }
    QCOMPARE(gdlab::defaultBatchSize(5), 2LL);
    QCOMPARE(gdlab::defaultBatchSize(1000), 32LL);
    QCOMPARE(gdlab::defaultBatchSize(2), 1LL);
}

void TestUpdateSample::walkSkipsAsItAdvances_data()
{
    QTest::addColumn<DescentMethod>("method");
    QTest::addColumn<long long>("batchSize");
    QTest::addColumn<bool>("shuffle");
    QTest::newRow("sgd") << DescentMethod::Sgd << 1LL << false;
    QTest::newRow("sgd shuffled") << DescentMethod::Sgd << 1LL << true;
    QTest::newRow("mini-batch of 3, shuffled") << DescentMethod::MiniBatch << 3LL << true;
    QTest::newRow("mini-batch of 7 (all rows)") << DescentMethod::MiniBatch << 7LL << true;
    QTest::newRow("mini-batch larger than the data") << DescentMethod::MiniBatch << 50LL << false;
}

// A walk moved on by skip() is where as many advance() calls take it (order, rows, epoch): what lets a step's
// gradient be recomputed at any iteration. Its rows are the ones sampleRows() gives.
void TestUpdateSample::walkSkipsAsItAdvances()
{
    QFETCH(DescentMethod, method);
    QFETCH(long long, batchSize);
    QFETCH(bool, shuffle);
    SolverSettings settings;
    settings.method = method;
    settings.batchSize = batchSize;
    settings.shuffle = shuffle;
    settings.seed = 11;
    constexpr Eigen::Index rows = 7;
    gdlab::SampleWalk walked(settings, rows);
    for (long long iteration = 0; iteration < 40; ++iteration) {
        for (const long long from : { 0LL, iteration / 2, iteration }) {
            gdlab::SampleWalk skipped(settings, rows);
            skipped.skip(from);
            skipped.skip(iteration - from);
            QCOMPARE(skipped.order(), walked.order());
            QCOMPARE(skipped.first(), walked.first());
            QCOMPARE(skipped.count(), walked.count());
            QCOMPARE(skipped.epoch(), walked.epoch());
        }
        const auto first = walked.order().begin() + walked.first();
        QCOMPARE(sampleRows(settings, rows, iteration), std::vector<long long>(first, first + walked.count()));
        walked.advance();
    }
    QCOMPARE(walked.epoch(), 40 / walked.updatesPerEpoch());
}

} // namespace tst_update_sample

QTEST_APPLESS_MAIN(tst_update_sample::TestUpdateSample)
#include "tst_update_sample.moc"
