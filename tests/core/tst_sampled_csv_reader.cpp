// A long file read for the window (SampledCsvReader): a sample to draw and the fold of every row, whose numbers are
// those of all the rows in memory and of gdlab-run's streaming path, for any choice of columns.
#include "csv_reader.h"
#include "dataset.h"
#include "input_error.h"
#include "problem_accumulator.h"
#include "run.h"
#include "sampled_csv_reader.h"
#include "solver.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <random>
#include <string>

Q_DECLARE_METATYPE(gdlab::ProblemSpec)

namespace tst_sampled_csv_reader {

using gdlab::CsvOptions;
using gdlab::Dataset;
using gdlab::ProblemSpec;
using gdlab::Run;
using gdlab::SampledCsvReader;
using gdlab::SolverSettings;

namespace {

constexpr int fileRows = 3000;

// 4 columns of 17-digit numbers, y = 1 + 2a − b + 0.5c + noise: about 250 KB.
std::string writeFile(const QTemporaryDir& dir, int rows = fileRows, int badRow = -1)
{
    const std::string path = dir.filePath(QStringLiteral("long.csv")).toStdString();
    std::FILE* file = std::fopen(path.c_str(), "w");
    std::mt19937_64 generator(17);
    std::normal_distribution<double> normal;
    std::fprintf(file, "a,b,c,y\n");
    for (int i = 0; i < rows; ++i) {
        const double a = 3.0 + normal(generator);
        const double b = 10.0 * normal(generator);
        const double c = -5.0 + 0.1 * normal(generator);
        const double y = 1.0 + 2.0 * a - b + 0.5 * c + normal(generator);
        if (i == badRow)
            std::fprintf(file, "%.17g,oops,%.17g,%.17g\n", a, c, y);
        else
            std::fprintf(file, "%.17g,%.17g,%.17g,%.17g\n", a, b, c, y);
    }
    std::fclose(file);
    return path;
}

SampledCsvReader::Limits smallLimits()
{
    SampledCsvReader::Limits limits;
    limits.sampleAboveBytes = 32 << 10; // blocks of 32 KiB: the file is cut in about eight
    limits.uniformRows = 200;
    limits.tailRows = 5;
    return limits;
}

bool close(double actual, double expected, double tolerance = 1e-10)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

bool close(const Eigen::VectorXd& actual, const Eigen::VectorXd& expected, double tolerance = 1e-10)
{
    return actual.size() == expected.size() && (actual - expected).norm() <= tolerance * std::max(1.0, expected.norm());
}

} // namespace

class TestSampledCsvReader : public QObject {
    Q_OBJECT

private slots:
    void samplesAFileAboveTheLimit()
    {
        QTemporaryDir dir;
        const std::string path = writeFile(dir);
        QVERIFY(SampledCsvReader::samples(path, smallLimits()));
        const Dataset data = SampledCsvReader::read(path, {}, smallLimits());
        QVERIFY(data.isSample());
        QCOMPARE(data.fullRowCount(), Eigen::Index(fileRows));
        QVERIFY(data.rowCount() > 200 && data.rowCount() <= 200 + 2 * 5 * 4);
        QCOMPARE(data.columnNames(), (std::vector<std::string> { "a", "b", "c", "y" }));
        QCOMPARE(data.source(), path);
        // The sample is rows of the file, its extremes among them.
        const Dataset whole = gdlab::CsvReader::readFile(path);
        for (Eigen::Index c = 0; c < 4; ++c) {
            QCOMPARE(data.values().col(c).maxCoeff(), whole.values().col(c).maxCoeff());
            QCOMPARE(data.values().col(c).minCoeff(), whole.values().col(c).minCoeff());
        }
        // The same file and seed, the same sample.
        QVERIFY(SampledCsvReader::read(path, {}, smallLimits()).values() == data.values());
    }

    void readsAShortFileWhole()
    {
        QTemporaryDir dir;
        const std::string path = writeFile(dir);
        SampledCsvReader::Limits limits = smallLimits();
        limits.sampleAboveBytes = 1 << 20;
        const Dataset whole = SampledCsvReader::read(path, {}, limits);
        QVERIFY(!whole.isSample());
        QCOMPARE(whole.rowCount(), Eigen::Index(fileRows));
        limits.sampleAboveBytes = 0; // never
        QVERIFY(!SampledCsvReader::read(path, {}, limits).isSample());
    }

    void numbersAreThoseOfAllTheRows_data()
    {
        QTest::addColumn<ProblemSpec>("spec");
        QTest::newRow("default") << ProblemSpec {};
        QTest::newRow("two features, target b") << ProblemSpec { 1, { 0, 3 }, true, false };
        QTest::newRow("no intercept") << ProblemSpec { 3, { 2, 0 }, false, false };
        QTest::newRow("standardized") << ProblemSpec { 3, { 0, 1, 2 }, true, true };
        QTest::newRow("standardized, no intercept") << ProblemSpec { 3, { 1 }, false, true };
    }

    void numbersAreThoseOfAllTheRows()
    {
        QFETCH(ProblemSpec, spec);
        QTemporaryDir dir;
        const std::string path = writeFile(dir);
        auto sample = std::make_shared<const Dataset>(SampledCsvReader::read(path, {}, smallLimits()));
        auto whole = std::make_shared<const Dataset>(gdlab::CsvReader::readFile(path));
        SolverSettings settings;
        settings.learningRate = 0.001;
        settings.iterations = 50;
        Run folded = gdlab::prepareRun(sample, spec, settings);
        Run rows = gdlab::prepareRun(whole, spec, settings);
        QVERIFY(!folded.problem->keepsRows());
        QCOMPARE(folded.problem->sampleCount(), Eigen::Index(fileRows));
        QCOMPARE(folded.problem->parameterNames(), rows.problem->parameterNames());
        QVERIFY(close(folded.leastSquares.theta, rows.leastSquares.theta, 1e-9));
        QVERIFY(close(folded.leastSquares.sumOfSquares, rows.leastSquares.sumOfSquares, 1e-9));
        QVERIFY(close(folded.stability.optimalRate, rows.stability.optimalRate, 1e-9));
        Eigen::VectorXd theta = Eigen::VectorXd::LinSpaced(rows.problem->parameterCount(), -1.0, 2.0);
        QVERIFY(close(folded.evaluate(theta).loss, rows.evaluate(theta).loss, 1e-9));
        QVERIFY(close(folded.evaluate(theta).gradient, rows.evaluate(theta).gradient, 1e-9));
        gdlab::descend(folded);
        gdlab::descend(rows);
        const auto last = folded.history->size() - 1;
        QCOMPARE(folded.history->size(), rows.history->size());
        QVERIFY(close(folded.history->loss(last), rows.history->loss(last), 1e-9));

        // gdlab-run's streaming path folds the chosen columns directly: the same numbers again.
        gdlab::ProblemAccumulator direct(Dataset(whole->columnNames(), Eigen::MatrixXd(0, 4), path), spec);
        direct.add(whole->values());
        const Run cli = gdlab::prepareFoldedRun(std::make_shared<const gdlab::Problem>(direct), settings);
        QVERIFY(close(folded.leastSquares.theta, cli.leastSquares.theta, 1e-12));
        QVERIFY(close(folded.stability.divergenceBound, cli.stability.divergenceBound, 1e-12));
    }

    void refusesWhatNeedsTheRows()
    {
        QTemporaryDir dir;
        auto sample = std::make_shared<const Dataset>(SampledCsvReader::read(writeFile(dir), {}, smallLimits()));
        SolverSettings sgd;
        sgd.method = gdlab::DescentMethod::Sgd;
        QVERIFY_THROWS_EXCEPTION(gdlab::InputError, gdlab::prepareRun(sample, {}, sgd));
        const Run batch = gdlab::prepareRun(sample, {}, SolverSettings {});
        SolverSettings miniBatch;
        miniBatch.method = gdlab::DescentMethod::MiniBatch;
        QVERIFY_THROWS_EXCEPTION(gdlab::InputError, gdlab::withSettings(batch, miniBatch));
        QVERIFY(gdlab::Solver::needsRows(sgd) && gdlab::Solver::needsRows(miniBatch));
        QVERIFY(!gdlab::Solver::needsRows(SolverSettings {}));
    }

    void reportsProgressOverTheWholeFileAndCancels()
    {
        QTemporaryDir dir;
        const std::string path = writeFile(dir);
        const std::size_t size = QFileInfo(QString::fromStdString(path)).size();
        std::size_t last = 0;
        bool backwards = false;
        CsvOptions options;
        options.progress = [&](std::size_t done, std::size_t total) {
            backwards = backwards || done < last || total != size;
            last = done;
            return true;
        };
        SampledCsvReader::read(path, options, smallLimits());
        QVERIFY(!backwards);
        QCOMPARE(last, size);
        options.progress = [](std::size_t done, std::size_t) { return done < 100'000; };
        QVERIFY_THROWS_EXCEPTION(gdlab::OperationCancelled, SampledCsvReader::read(path, options, smallLimits()));
    }

    void refusesABadCellAsCsvReaderDoes()
    {
        QTemporaryDir dir;
        const std::string path = writeFile(dir, fileRows, 2500);
        int sampledLine = -1;
        int wholeLine = -2;
        try {
            SampledCsvReader::read(path, {}, smallLimits());
        } catch (const gdlab::InputError& error) {
            sampledLine = int(error.line());
        }
        try {
            gdlab::CsvReader::readFile(path);
        } catch (const gdlab::InputError& error) {
            wholeLine = int(error.line());
        }
        QCOMPARE(sampledLine, wholeLine);
        QCOMPARE(wholeLine, 2502);
    }
};

} // namespace tst_sampled_csv_reader

QTEST_APPLESS_MAIN(tst_sampled_csv_reader::TestSampledCsvReader)
#include "tst_sampled_csv_reader.moc"
