// A CSV file folded on the parsing threads (ProblemAccumulatorSink through CsvStreamReader): bit for bit the same
// statistics on one, two or three threads, and the statistics of the rows read whole.
#include "csv_reader.h"
#include "csv_stream_reader.h"
#include "dataset.h"
#include "problem_accumulator.h"
#include "problem_accumulator_sink.h"

#include <QTemporaryDir>
#include <QtTest>

#include <random>
#include <string>

namespace tst_problem_accumulator_sink {

using gdlab::CsvOptions;
using gdlab::CsvStreamReader;
using gdlab::Dataset;
using gdlab::ProblemAccumulator;
using gdlab::ProblemAccumulatorSink;

namespace {

std::string writeRandomCsv(const QTemporaryDir& dir, int rows)
{
    const std::string path = dir.filePath(QStringLiteral("random.csv")).toStdString();
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    std::mt19937_64 generator(17);
    std::normal_distribution<double> normal;
    file.write("a,b,c,y\n");
    for (int i = 0; i < rows; ++i) {
        const double a = 1000 + normal(generator);
        const double b = 0.001 * normal(generator);
        const double c = normal(generator);
        const double y = 3 + 2 * a - 500 * b + c + 0.1 * normal(generator);
        for (double value : { a, b, c })
            file.write(QByteArray::number(value, 'g', 17) + ",");
        file.write(QByteArray::number(y, 'g', 17) + "\n");
    }
    return path;
}

ProblemAccumulator foldFile(const std::string& path, unsigned threads, std::size_t blockBytes)
{
    CsvOptions options;
    options.threads = threads;
    options.blockBytes = blockBytes;
    ProblemAccumulatorSink sink;
    CsvStreamReader reader(path, options, 16384);
    const auto whole = reader.read([&](const Dataset& names) { sink.start(ProblemAccumulator(names, {})); }, sink);
    if (whole)
        qFatal("the file was read whole: it should be longer than the buffer");
    return sink.total();
}

template <typename Matrix> QString bits(const Matrix& m)
{
    QString out;
    for (Eigen::Index i = 0; i < m.size(); ++i)
        out += QString::number(static_cast<double>(m.data()[i]), 'g', 17) + " ";
    return out;
}

QString describe(const ProblemAccumulator& fold)
{
    QString out = QString::number(fold.rowCount()) + "\n";
    out += bits(fold.cross()) + "\n" + bits(fold.triangle()) + "\n";
    out += bits(fold.sums()) + "\n" + bits(fold.largest()) + "\n";
    for (Eigen::Index c = 0; c < fold.width(); ++c)
        out += fold.isConstant(c) ? "constant " : "varies ";
    return out;
}

} // namespace

class TestProblemAccumulatorSink : public QObject {
    Q_OBJECT

private slots:
    void sameOnAnyNumberOfThreads();
    void sameAsTheRowsReadWhole();
};

void TestProblemAccumulatorSink::sameOnAnyNumberOfThreads()
{
    QTemporaryDir dir;
    const std::string path = writeRandomCsv(dir, 3000);
    QVERIFY(!path.empty());
    for (std::size_t blockBytes : { std::size_t(0), std::size_t(1000), std::size_t(4000) }) {
        const ProblemAccumulator one = foldFile(path, 1, blockBytes);
        QVERIFY(describe(one).startsWith(QStringLiteral("3000\n")));
        for (unsigned threads : { 2u, 3u }) {
            const ProblemAccumulator more = foldFile(path, threads, blockBytes);
            QCOMPARE(describe(more), describe(one));
            // Long doubles do not print in full as doubles: compared as they are.
            QVERIFY(more.crossExtended() == one.crossExtended());
        }
    }
}

void TestProblemAccumulatorSink::sameAsTheRowsReadWhole()
{
    QTemporaryDir dir;
    const std::string path = writeRandomCsv(dir, 3000);
    QVERIFY(!path.empty());
    const Dataset data = gdlab::CsvReader::readFile(path);
    ProblemAccumulator expected(Dataset(data.columnNames(), Eigen::MatrixXd(0, data.columnCount()), path), {});
    expected.add(data.values());
    const ProblemAccumulator folded = foldFile(path, 2, 1000);
    QCOMPARE(folded.rowCount(), expected.rowCount());
    const Eigen::MatrixXd cross = folded.cross();
    QVERIFY((cross - expected.cross()).norm() <= 1e-14 * expected.cross().norm());
    QVERIFY((folded.sums() - expected.sums()).norm() <= 1e-14 * expected.sums().norm());
    QCOMPARE(folded.largest(), expected.largest());
    // R differs from a QR of all the rows in the signs of its rows only: RᵀR is ZᵀZ.
    const Eigen::MatrixXd gram = folded.triangle().transpose() * folded.triangle();
    QVERIFY((gram - expected.cross()).norm() <= 1e-13 * expected.cross().norm());
}

} // namespace tst_problem_accumulator_sink

QTEST_APPLESS_MAIN(tst_problem_accumulator_sink::TestProblemAccumulatorSink)
#include "tst_problem_accumulator_sink.moc"
