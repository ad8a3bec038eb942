#include "csv_reader.h"
#include "csv_writer.h"
#include "dataset.h"

#include <QtTest>

#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <locale>
#include <random>
#include <string>

namespace tst_csv_writer {

using gdlab::CsvOptions;
using gdlab::CsvReader;
using gdlab::Dataset;

namespace {

std::uint64_t bits(double value)
{
    std::uint64_t result;
    std::memcpy(&result, &value, sizeof result);
    return result;
}

// Bit-for-bit, so that -0.0 against 0.0 or a last-digit difference fails.
void verifyIdentical(const Dataset& actual, const Dataset& expected)
{
    QCOMPARE(actual.columnNames(), expected.columnNames());
    QCOMPARE(actual.rowCount(), expected.rowCount());
    QCOMPARE(actual.columnCount(), expected.columnCount());
    for (Eigen::Index r = 0; r < expected.rowCount(); ++r) {
        for (Eigen::Index c = 0; c < expected.columnCount(); ++c) {
            if (bits(actual.values()(r, c)) != bits(expected.values()(r, c)))
                QFAIL(qPrintable(QStringLiteral("row %1, column %2: %3 read back as %4")
                                     .arg(r)
                                     .arg(c)
                                     .arg(expected.values()(r, c), 0, 'g', 17)
                                     .arg(actual.values()(r, c), 0, 'g', 17)));
        }
    }
}

Dataset roundTrip(const Dataset& dataset, const CsvOptions& options = {})
{
    const std::string text = gdlab::writeCsv(dataset);
    return CsvReader::parse(text, "roundtrip.csv", options);
}

} // namespace

class TestCsvWriter : public QObject {
    Q_OBJECT

private slots:
    void exactText();
    void awkwardValuesRoundTrip();
    void randomValuesRoundTrip();
    void namesRoundTrip_data();
    void namesRoundTrip();
    void numericNamesNeedExplicitHeader();
    void chunkedOutputMatchesWholeString();
    void independentOfLocale();
};

void TestCsvWriter::exactText()
{
    Eigen::MatrixXd values(2, 2);
    values << 1, 0.1, -2.5, 3e-300;
    const Dataset dataset({ "x", "y" }, values);
    QCOMPARE(QString::fromStdString(gdlab::writeCsv(dataset)),
        QStringLiteral("x,y\n1,0.10000000000000001\n-2.5,3.0000000000000002e-300\n"));
}

void TestCsvWriter::awkwardValuesRoundTrip()
{
    const double specials[] = { 0.0, -0.0, 1.0, -1.0, 0.1, 1.0 / 3.0, 2.0 / 3.0, 1e-310 /* subnormal */,
        std::numeric_limits<double>::min(), std::numeric_limits<double>::denorm_min(),
        std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
        std::numeric_limits<double>::epsilon(), 1.0 + std::numeric_limits<double>::epsilon(), 123456789012345678.0,
        9007199254740993.0, -1e22, 5e-324, 0.30000000000000004 };
    constexpr Eigen::Index count = sizeof specials / sizeof specials[0];
    Eigen::MatrixXd values(count, 2);
    for (Eigen::Index i = 0; i < count; ++i) {
        values(i, 0) = specials[i];
        values(i, 1) = -specials[count - 1 - i];
    }
    const Dataset dataset({ "a", "b" }, values);
    verifyIdentical(roundTrip(dataset), dataset);
}

void TestCsvWriter::randomValuesRoundTrip()
{
    // Random bit patterns cover every exponent and mantissa; the non-finite ones are not data and are skipped.
    std::mt19937_64 random(20240607);
    Eigen::MatrixXd values(2000, 5);
    for (Eigen::Index r = 0; r < values.rows(); ++r) {
        for (Eigen::Index c = 0; c < values.cols(); ++c) {
            double value;
            do {
                const std::uint64_t pattern = random();
                std::memcpy(&value, &pattern, sizeof value);
            } while (!std::isfinite(value));
            values(r, c) = value;
        }
    }
    const Dataset dataset({ "v1", "v2", "v3", "v4", "v5" }, values);
    verifyIdentical(roundTrip(dataset), dataset);
}

void TestCsvWriter::namesRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expectedHeaderCell");
    QTest::addRow("plain") << QStringLiteral("height") << QStringLiteral("height");
    QTest::addRow("inner space") << QStringLiteral("body mass") << QStringLiteral("body mass");
    QTest::addRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::addRow("semicolon") << QStringLiteral("a;b") << QStringLiteral("\"a;b\"");
    QTest::addRow("tab") << QStringLiteral("a\tb") << QStringLiteral("\"a\tb\"");
    QTest::addRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::addRow("leading quote") << QStringLiteral("\"x") << QStringLiteral("\"\"\"x\"");
    QTest::addRow("newline") << QStringLiteral("two\nlines") << QStringLiteral("\"two\nlines\"");
    QTest::addRow("utf-8") << QStringLiteral("Größe θ₁") << QStringLiteral("Größe θ₁");
}

void TestCsvWriter::namesRoundTrip()
{
    QFETCH(QString, name);
    QFETCH(QString, expectedHeaderCell);
    Eigen::MatrixXd values(2, 3);
    values << 1, 2, 3, 4, 5, 6;
    // The awkward name in every position: first, middle and last cells are delimited differently.
    for (int position = 0; position < 3; ++position) {
        std::vector<std::string> names = { "p", "q", "r" };
        names[static_cast<std::size_t>(position)] = name.toStdString();
        const Dataset dataset(names, values);
        const QString text = QString::fromStdString(gdlab::writeCsv(dataset));
        QVERIFY2(text.contains(expectedHeaderCell), qPrintable(text));
        verifyIdentical(roundTrip(dataset), dataset);
    }
}

void TestCsvWriter::numericNamesNeedExplicitHeader()
{
    // Documented limit: a header of numbers only is data to the detector, so the caller says there is a header.
    Eigen::MatrixXd values(2, 2);
    values << 1, 2, 3, 4;
    const Dataset dataset({ "2020", "2021" }, values);
    CsvOptions options;
    options.hasHeader = true;
    verifyIdentical(roundTrip(dataset, options), dataset);
}

void TestCsvWriter::chunkedOutputMatchesWholeString()
{
    // Enough rows for several 1 MiB chunks; every chunk must end on a row boundary and nothing may be lost.
    Eigen::MatrixXd values(60000, 3);
    for (Eigen::Index r = 0; r < values.rows(); ++r)
        values.row(r) << double(r) / 7.0, std::sqrt(double(r)), -double(r) * 1e-5;
    const Dataset dataset({ "x1", "x2", "y" }, values);
    std::string joined;
    int chunks = 0;
    gdlab::writeCsv(dataset, [&](std::string_view chunk) {
        ++chunks;
        QVERIFY(!chunk.empty());
        QCOMPARE(chunk.back(), '\n');
        joined.append(chunk);
    });
    QVERIFY2(chunks > 1, "expected the export to come in several chunks");
    QCOMPARE(joined, gdlab::writeCsv(dataset));
    verifyIdentical(CsvReader::parse(joined, "chunks.csv"), dataset);
}

void TestCsvWriter::independentOfLocale()
{
    // A German user's global locale writes "0,5" through iostreams (and printf, when installed); the writer
    // must not care. The C++ locale is set with a facet, so the test runs even where de_DE is not installed.
    struct CommaDecimal : std::numpunct<char> {
        char do_decimal_point() const override { return ','; }
        char do_thousands_sep() const override { return '.'; }
        std::string do_grouping() const override { return "\3"; }
    };
    const std::locale previousGlobal = std::locale::global(std::locale(std::locale::classic(), new CommaDecimal));
    const std::string previousC = std::setlocale(LC_ALL, nullptr);
    std::setlocale(LC_ALL, "de_DE.UTF-8"); // best effort
    Eigen::MatrixXd values(1, 3);
    values << 0.5, -1.25, 12345.5;
    const std::string text = gdlab::writeCsv(Dataset({ "a", "b", "c" }, values));
    std::setlocale(LC_ALL, previousC.c_str());
    std::locale::global(previousGlobal);
    QCOMPARE(QString::fromStdString(text), QStringLiteral("a,b,c\n0.5,-1.25,12345.5\n"));
}

} // namespace tst_csv_writer

QTEST_GUILESS_MAIN(tst_csv_writer::TestCsvWriter)
#include "tst_csv_writer.moc"
