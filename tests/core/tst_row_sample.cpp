// The display sample of a long file: its size, that a seed names it, that the extremes of every column are in it.
#include "row_sample.h"

#include <QtTest>

#include <random>

namespace tst_row_sample {

using gdlab::RowSample;

namespace {

Eigen::MatrixXd randomRows(Eigen::Index rows, Eigen::Index columns, std::uint64_t seed)
{
    std::mt19937_64 generator(seed);
    std::normal_distribution<double> normal;
    Eigen::MatrixXd values(rows, columns);
    for (Eigen::Index i = 0; i < values.size(); ++i)
        values.data()[i] = normal(generator);
    return values;
}

// The rows in blocks of blockRows, as a stream reader hands them on.
RowSample sampleOf(const Eigen::MatrixXd& rows, Eigen::Index blockRows, std::uint64_t seed)
{
    RowSample sample(rows.cols(), 300, 5, seed);
    for (Eigen::Index first = 0; first < rows.rows(); first += blockRows)
        sample.add(rows.middleRows(first, std::min(blockRows, rows.rows() - first)));
    return sample;
}

} // namespace

class TestRowSample : public QObject {
    Q_OBJECT

private slots:
    void keepsEveryRowOfAShortStream()
    {
        const Eigen::MatrixXd rows = randomRows(200, 3, 1);
        const RowSample sample = sampleOf(rows, 64, 7);
        QCOMPARE(sample.seen(), Eigen::Index(200));
        QVERIFY(sample.rows() == rows);
    }

    void isAFewRowsOfALongStream()
    {
        const Eigen::MatrixXd rows = randomRows(20'000, 3, 2);
        const RowSample sample = sampleOf(rows, 1000, 7);
        QCOMPARE(sample.seen(), Eigen::Index(20'000));
        const Eigen::MatrixXd kept = sample.rows();
        // The uniform part and at most 2 · 5 tail rows per column (some may be in the reservoir too).
        QVERIFY2(kept.rows() > 300 && kept.rows() <= 300 + 2 * 5 * 3, qPrintable(QString::number(kept.rows())));
        // Each kept row is the stream's row at its position, in file order.
        const std::vector<Eigen::Index> positions = sample.positions();
        QCOMPARE(Eigen::Index(positions.size()), kept.rows());
        for (std::size_t i = 0; i < positions.size(); ++i) {
            QVERIFY(i == 0 || positions[i - 1] < positions[i]);
            QVERIFY(kept.row(Eigen::Index(i)) == rows.row(positions[i]));
        }
    }

    void aSeedNamesTheSampleWhateverTheBlocks()
    {
        const Eigen::MatrixXd rows = randomRows(20'000, 2, 3);
        QVERIFY(sampleOf(rows, 1000, 11).positions() == sampleOf(rows, 37, 11).positions());
        QVERIFY(sampleOf(rows, 1000, 11).positions() != sampleOf(rows, 1000, 12).positions());
    }

    void keepsTheExtremesOfEveryColumn()
    {
        const Eigen::MatrixXd rows = randomRows(50'000, 4, 4);
        const Eigen::MatrixXd kept = sampleOf(rows, 4096, 5).rows();
        for (Eigen::Index c = 0; c < rows.cols(); ++c) {
            QCOMPARE(kept.col(c).minCoeff(), rows.col(c).minCoeff());
            QCOMPARE(kept.col(c).maxCoeff(), rows.col(c).maxCoeff());
            // The five lowest of the column are all there.
            Eigen::VectorXd sorted = rows.col(c);
            std::sort(sorted.data(), sorted.data() + sorted.size());
            for (int i = 0; i < 5; ++i)
                QVERIFY((kept.col(c).array() == sorted[i]).any());
        }
    }

    void isUniformBetweenTheTails()
    {
        // The rows are their positions: a uniform reservoir has about as many from each half of the stream.
        Eigen::MatrixXd rows(100'000, 1);
        for (Eigen::Index i = 0; i < rows.rows(); ++i)
            rows(i, 0) = double(i);
        RowSample sample(1, 2000, 0, 9);
        sample.add(rows);
        const Eigen::MatrixXd kept = sample.rows();
        QCOMPARE(kept.rows(), Eigen::Index(2000));
        const auto firstHalf = (kept.col(0).array() < 50'000.0).count();
        QVERIFY2(firstHalf > 900 && firstHalf < 1100, qPrintable(QString::number(firstHalf)));
    }
};

} // namespace tst_row_sample

QTEST_APPLESS_MAIN(tst_row_sample::TestRowSample)
#include "tst_row_sample.moc"
