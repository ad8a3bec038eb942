#include "csv_reader.h"
#include "input_error.h"

#include <QtTest>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

namespace tst_csv_reader {

using gdlab::CsvOptions;
using gdlab::CsvReader;
using gdlab::Dataset;
using gdlab::InputError;

namespace {

const std::string kSource = "test.csv";

// hasHeader is passed through the test tables as an int: -1 detect, 0 no, 1 yes.
CsvOptions makeOptions(char delimiter, int hasHeader)
{
    CsvOptions options;
    options.delimiter = delimiter;
    if (hasHeader >= 0)
        options.hasHeader = hasHeader == 1;
    return options;
}

Dataset parse(const QByteArray& text, const CsvOptions& options = {})
{
    return CsvReader::parse(
        std::string_view(text.constData(), static_cast<std::size_t>(text.size())), kSource, options);
}

QStringList toStringList(const std::vector<std::string>& names)
{
    QStringList list;
    for (const std::string& name : names)
        list << QString::fromStdString(name);
    return list;
}

QList<double> rowMajor(const Dataset& data)
{
    QList<double> values;
    for (Eigen::Index r = 0; r < data.rowCount(); ++r) {
        for (Eigen::Index c = 0; c < data.columnCount(); ++c)
            values << data.values()(r, c);
    }
    return values;
}

// The ways to cut a text into blocks and threads that the split must not show through: every row boundary a
// block boundary, a few bytes per block, and a block size not aligned with anything.
struct Split {
    unsigned threads;
    std::size_t blockBytes;
};
const Split kSplits[] = { { 2, 1 }, { 2, 3 }, { 3, 7 }, { 2, 64 }, { 4, 1000 } };

// Empty when parsing text with every split gives exactly what one thread gives: the same dataset bit for bit, or
// the same error with the same line and column. Otherwise what differs.
QString splitDisagreement(const std::string_view text, CsvOptions options)
{
    const auto outcome = [&](const CsvOptions& with) -> std::pair<std::optional<Dataset>, QString> {
        try {
            return { CsvReader::parse(text, kSource, with), QString() };
        } catch (const InputError& error) {
            return { std::nullopt,
                QStringLiteral("%1 (line %2, column %3)").arg(error.what()).arg(error.line()).arg(error.column()) };
        }
    };
    options.threads = 1;
    options.blockBytes = 0;
    const auto [expected, expectedError] = outcome(options);
    for (const Split& split : kSplits) {
        options.threads = split.threads;
        options.blockBytes = split.blockBytes;
        const auto [actual, actualError] = outcome(options);
        const QString where
            = QStringLiteral("threads %1, blocks of %2 bytes: ").arg(split.threads).arg(split.blockBytes);
        if (actualError != expectedError)
            return where + actualError + " instead of " + expectedError;
        if (!expected)
            continue;
        if (actual->columnNames() != expected->columnNames() || actual->skippedColumns() != expected->skippedColumns()
            || actual->values().rows() != expected->values().rows()
            || actual->values().cols() != expected->values().cols()
            || std::memcmp(actual->values().data(), expected->values().data(),
                   sizeof(double) * static_cast<std::size_t>(expected->values().size()))
                != 0)
            return where + "a different dataset";
    }
    return {};
}

#define VERIFY_SPLITS_AGREE(text, options)                                                                             \
    do {                                                                                                               \
        const QString problem = splitDisagreement(text, options);                                                      \
        QVERIFY2(problem.isEmpty(), qPrintable(problem));                                                              \
    } while (false)

std::string_view view(const QByteArray& text)
{
    return std::string_view(text.constData(), static_cast<std::size_t>(text.size()));
}

QString dataFile(const char* name)
{
    return QStringLiteral(GDLAB_TEST_DATA_DIR "/csv/") + QLatin1String(name);
}

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT

private slots:
    void parsesValidText_data();
    void parsesValidText();
    void numbersAreExact_data();
    void numbersAreExact();
    void seventeenDigitsRoundTrip();
    void millionsOfNumbersMatchStrtod();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void longCellIsTruncatedInMessage();
    void readFile_data();
    void readFile();
    void readFileErrors_data();
    void readFileErrors();
    void reportsProgress();
    void cancels();
    void parsesLargeGeneratedText();
    void splitErrors_data();
    void splitErrors();
    void splitDatasets_data();
    void splitDatasets();
    void largeTextIsTheSameOnTwoThreads();
    void reportsProgressOnTwoThreads();
    void cancelsOnTwoThreads();
};

void TestCsvReader::parsesValidText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("delimiter");
    QTest::addColumn<int>("hasHeader");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("skipped");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QList<double>>("values");

    const QStringList xy { "x", "y" };
    const QList<double> v1234 { 1, 2, 3, 4 };

    // Delimiter detection.
    QTest::addRow("comma") << QByteArray("x,y\n1,2\n3,4\n") << 0 << -1 << xy << QStringList() << 2 << v1234;
    QTest::addRow("semicolon") << QByteArray("x;y\n1;2\n3;4\n") << 0 << -1 << xy << QStringList() << 2 << v1234;
    QTest::addRow("tab") << QByteArray("x\ty\n1\t2\n3\t4\n") << 0 << -1 << xy << QStringList() << 2 << v1234;
    QTest::addRow("single column") << QByteArray("x\n1\n2\n") << 0 << -1 << QStringList { "x" } << QStringList() << 2
                                   << QList<double> { 1, 2 };
    QTest::addRow("most frequent wins") << QByteArray("a\tb\tc,d\n1\t2\t3\n") << 0 << -1
                                        << QStringList { "a", "b", "c,d" } << QStringList() << 1
                                        << QList<double> { 1, 2, 3 };
    QTest::addRow("delimiter in quotes not counted")
        << QByteArray("\"a;b;c\",d\n1,2\n") << 0 << -1 << QStringList { "a;b;c", "d" } << QStringList() << 1
        << QList<double> { 1, 2 };
    QTest::addRow("explicit delimiter") << QByteArray("x;y,z\n1;2\n") << int(';') << -1 << QStringList { "x", "y,z" }
                                        << QStringList() << 1 << QList<double> { 1, 2 };

    // Header detection and naming.
    QTest::addRow("no header") << QByteArray("1,2\n3,4\n") << 0 << -1 << QStringList { "column 1", "column 2" }
                               << QStringList() << 2 << v1234;
    QTest::addRow("numeric header forced") << QByteArray("1,2\n3,4\n") << 0 << 1 << QStringList { "1", "2" }
                                           << QStringList() << 1 << QList<double> { 3, 4 };
    QTest::addRow("header forced off, text column") << QByteArray("a,1\nb,2\n") << 0 << 0 << QStringList { "column 2" }
                                                    << QStringList { "column 1" } << 2 << QList<double> { 1, 2 };
    QTest::addRow("one text cell makes a header") << QByteArray("1,y\n3,4\n") << 0 << -1 << QStringList { "1", "y" }
                                                  << QStringList() << 1 << QList<double> { 3, 4 };
    QTest::addRow("empty header cell named by position")
        << QByteArray(",y\n1,2\n") << 0 << -1 << QStringList { "column 1", "y" } << QStringList() << 1
        << QList<double> { 1, 2 };

    // Line ends, BOM, blank lines.
    QTest::addRow("CRLF") << QByteArray("x,y\r\n1,2\r\n3,4\r\n") << 0 << -1 << xy << QStringList() << 2 << v1234;
    QTest::addRow("lone CR") << QByteArray("x,y\r1,2\r3,4\r") << 0 << -1 << xy << QStringList() << 2 << v1234;
    QTest::addRow("mixed line ends") << QByteArray("x,y\r\n1,2\n3,4\r") << 0 << -1 << xy << QStringList() << 2 << v1234;
    QTest::addRow("no final newline") << QByteArray("x,y\n1,2\n3,4") << 0 << -1 << xy << QStringList() << 2 << v1234;
    QTest::addRow("BOM") << QByteArray("\xEF\xBB\xBFx,y\n1,2\n3,4\n") << 0 << -1 << xy << QStringList() << 2 << v1234;
    QTest::addRow("trailing blank lines")
        << QByteArray("x,y\n1,2\n3,4\n\n  \r\n\n") << 0 << -1 << xy << QStringList() << 2 << v1234;
    QTest::addRow("leading blank lines") << QByteArray("\n\r\nx,y\n1,2\n3,4\n") << 0 << -1 << xy << QStringList() << 2
                                         << v1234;

    // Quotes, spaces.
    QTest::addRow("quoted numbers") << QByteArray("\"x\",\"y\"\n\"1\",\" 2 \"\n3,\"4\"\n") << 0 << -1 << xy
                                    << QStringList() << 2 << v1234;
    QTest::addRow("escaped quotes in text")
        << QByteArray("name,x\n\"say \"\"hi\"\", ok\",1\n\"\",2\n") << 0 << -1 << QStringList { "x" }
        << QStringList { "name" } << 2 << QList<double> { 1, 2 };
    QTest::addRow("newline inside quotes")
        << QByteArray("\"first\nname\",x\n\"a\r\nb\",1\nc,2\n") << 0 << -1 << QStringList { "x" }
        << QStringList { "first\nname" } << 2 << QList<double> { 1, 2 };
    QTest::addRow("spaces trimmed") << QByteArray("  x , y  \n  1 ,  2\n3   ,4   \n") << 0 << -1 << xy << QStringList()
                                    << 2 << v1234;
    QTest::addRow("tabs trimmed in comma file")
        << QByteArray("x,y\n\t1\t,2\n3,4\n") << 0 << -1 << xy << QStringList() << 2 << v1234;

    // Numbers.
    QTest::addRow("decimal comma") << QByteArray("x;y\n1,5;-2,25\n3;4.5\n") << 0 << -1 << xy << QStringList() << 2
                                   << QList<double> { 1.5, -2.25, 3, 4.5 };
    QTest::addRow("decimal comma, no header")
        << QByteArray("1,5;2,5\n3,5;4,5\n") << 0 << -1 << QStringList { "column 1", "column 2" } << QStringList() << 2
        << QList<double> { 1.5, 2.5, 3.5, 4.5 };
    QTest::addRow("signs and exponents") << QByteArray("x,y\n+1,-2\n1e3,2.5E-1\n.5,5.\n") << 0 << -1 << xy
                                         << QStringList() << 3 << QList<double> { 1, -2, 1000, 0.25, 0.5, 5 };
    QTest::addRow("tiny and huge") << QByteArray("x\n1e-320\n1.7976931348623157e308\n-0\n") << 0 << -1
                                   << QStringList { "x" } << QStringList() << 3
                                   << QList<double> { 1e-320, 1.7976931348623157e308, -0.0 };

    // Text columns.
    QTest::addRow("text columns skipped")
        << QByteArray("id,name,x,city,y\n1,ann,2,paris,3\n4,bob,5,rome,6\n") << 0 << -1
        << QStringList { "id", "x", "y" } << QStringList { "name", "city" } << 2 << QList<double> { 1, 2, 3, 4, 5, 6 };
    QTest::addRow("text column may hold numbers later")
        << QByteArray("name,x\nann,1\n42,2\n") << 0 << -1 << QStringList { "x" } << QStringList { "name" } << 2
        << QList<double> { 1, 2 };
    QTest::addRow("single data row") << QByteArray("x,y\n1,2\n") << 0 << -1 << xy << QStringList() << 1
                                     << QList<double> { 1, 2 };
    QTest::addRow("utf-8 names") << QByteArray("température,y\n1,2\n") << 0 << -1
                                 << QStringList { QStringLiteral("température"), "y" } << QStringList() << 1
                                 << QList<double> { 1, 2 };
}

void TestCsvReader::parsesValidText()
{
    QFETCH(QByteArray, text);
    QFETCH(int, delimiter);
    QFETCH(int, hasHeader);
    QFETCH(QStringList, names);
    QFETCH(QStringList, skipped);
    QFETCH(int, rows);
    QFETCH(QList<double>, values);

    const Dataset data = parse(text, makeOptions(static_cast<char>(delimiter), hasHeader));
    QCOMPARE(toStringList(data.columnNames()), names);
    QCOMPARE(toStringList(data.skippedColumns()), skipped);
    QCOMPARE(data.rowCount(), Eigen::Index(rows));
    QCOMPARE(data.columnCount(), Eigen::Index(names.size()));
    QCOMPARE(data.source(), kSource);
    const QList<double> actual = rowMajor(data);
    QCOMPARE(actual.size(), values.size());
    for (int i = 0; i < values.size(); ++i) {
        // Exact: the reader must give the double nearest to the text, bit for bit (including -0).
        QVERIFY2(std::memcmp(&actual[i], &values[i], sizeof(double)) == 0,
            qPrintable(
                QStringLiteral("value %1: %2 != %3").arg(i).arg(actual[i], 0, 'g', 17).arg(values[i], 0, 'g', 17)));
    }
    VERIFY_SPLITS_AGREE(view(text), makeOptions(static_cast<char>(delimiter), hasHeader));
}

void TestCsvReader::numbersAreExact_data()
{
    QTest::addColumn<QByteArray>("cell");
    QTest::addColumn<double>("expected");

    QTest::addRow("0.1") << QByteArray("0.1") << 0.1;
    QTest::addRow("0.3") << QByteArray("0.3") << 0.3;
    QTest::addRow("1/3, 17 digits") << QByteArray("0.33333333333333331") << 1.0 / 3.0;
    QTest::addRow("pi") << QByteArray("3.141592653589793") << 3.141592653589793;
    QTest::addRow("halfway case") << QByteArray("9007199254740993") << 9007199254740992.0;
    QTest::addRow("smallest subnormal") << QByteArray("4.9406564584124654e-324") << 4.9406564584124654e-324;
    QTest::addRow("max") << QByteArray("1.7976931348623157e+308") << 1.7976931348623157e308;
    QTest::addRow("plus sign") << QByteArray("+2.5") << 2.5;
    QTest::addRow("many digits") << QByteArray("0.1000000000000000055511151231257827021181583404541015625") << 0.1;
}

void TestCsvReader::numbersAreExact()
{
    QFETCH(QByteArray, cell);
    QFETCH(double, expected);
    const Dataset data = parse("x\n" + cell + "\n");
    const double actual = data.values()(0, 0);
    QVERIFY2(std::memcmp(&actual, &expected, sizeof(double)) == 0, qPrintable(QString::number(actual, 'g', 17)));
}

void TestCsvReader::seventeenDigitsRoundTrip()
{
    // Random bit patterns cover every exponent; each must come back bit for bit from 17 significant digits.
    std::mt19937_64 random(12345);
    std::vector<double> expected;
    std::string text = "x\n";
    while (expected.size() < 20000) {
        const std::uint64_t bits = random();
        double value;
        std::memcpy(&value, &bits, sizeof value);
        if (!std::isfinite(value))
            continue;
        expected.push_back(value);
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.17g\n", value);
        text += buffer;
    }
    const Dataset data = CsvReader::parse(text, kSource);
    QCOMPARE(data.rowCount(), Eigen::Index(expected.size()));
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const double actual = data.values()(static_cast<Eigen::Index>(i), 0);
        if (std::memcmp(&actual, &expected[i], sizeof(double)) != 0)
            QFAIL(qPrintable(QStringLiteral("row %1: %2").arg(i).arg(expected[i], 0, 'g', 17)));
    }
}

void TestCsvReader::millionsOfNumbersMatchStrtod()
{
    // The reader's number parsing (std::from_chars) against glibc's strtod, both exactly rounded, bit for bit:
    // random bit patterns (subnormals included) with 17, 16 and 9 significant digits, and the hardest inputs,
    // midpoints between neighbouring doubles (exact in a long double) printed to 19 digits, just below or above.
    std::mt19937_64 random(2026);
    std::string text = "a,b,c,d\n";
    std::vector<std::string> cells;
    char buffer[64];
    const auto add = [&](int length) {
        cells.emplace_back(buffer, static_cast<std::size_t>(length));
        text.append(buffer, static_cast<std::size_t>(length));
        text += cells.size() % 4 == 0 ? '\n' : ',';
    };
    while (cells.size() < 2'000'000) {
        double value;
        const std::uint64_t bits = random();
        std::memcpy(&value, &bits, sizeof value);
        if (!std::isfinite(value))
            continue;
        add(std::snprintf(buffer, sizeof buffer, "%.17g", value));
        add(std::snprintf(buffer, sizeof buffer, "%.16g", value));
        const double above = std::nextafter(value, HUGE_VAL);
        add(std::snprintf(buffer, sizeof buffer, "%.18Le", (static_cast<long double>(value) + above) / 2));
        add(std::snprintf(buffer, sizeof buffer, "%.9g", value));
    }
    CsvOptions options;
    options.threads = 2;
    const Dataset data = CsvReader::parse(text, kSource, options);
    QCOMPARE(data.rowCount() * 4, Eigen::Index(cells.size()));
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const double actual = data.values()(static_cast<Eigen::Index>(i / 4), static_cast<Eigen::Index>(i % 4));
        const double expected = std::strtod(cells[i].c_str(), nullptr);
        if (std::memcmp(&actual, &expected, sizeof actual) != 0)
            QFAIL(qPrintable(QString::fromStdString(cells[i])));
    }
}

void TestCsvReader::rejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("hasHeader");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("detail");

    QTest::addRow("not a number") << QByteArray("x,y\n1,2\n3,abc\n") << -1 << 3 << 2
                                  << "'abc' is not a number (column 'y')";
    QTest::addRow("not a number, no header")
        << QByteArray("1,2\n3,4\nx,5\n") << 0 << 3 << 1 << "'x' is not a number (column 'column 1')";
    QTest::addRow("thousands separator") << QByteArray("x,y\n1,2\n3,\"1,000\"\n") << -1 << 3 << 2
                                         << "'1,000' is not a number";
    QTest::addRow("decimal comma outside ';' files")
        << QByteArray("x\ty\n1\t2\n3\t4,5\n") << -1 << 3 << 2 << "'4,5' is not a number";
    QTest::addRow("double sign") << QByteArray("x\n1\n+-2\n") << -1 << 3 << 1 << "'+-2' is not a number";
    QTest::addRow("trailing garbage") << QByteArray("x,y\n1,2\n3,4kg\n") << -1 << 3 << 2 << "'4kg' is not a number";
    QTest::addRow("empty cell") << QByteArray("x,y,z\n1,2,3\n4,,6\n") << -1 << 3 << 2 << "empty cell (column 'y')";
    QTest::addRow("blank cell") << QByteArray("x,y,z\n1,2,3\n4,5,   \n") << -1 << 3 << 3 << "empty cell (column 'z')";
    QTest::addRow("empty quoted cell") << QByteArray("x,y\n1,2\n\"\",4\n") << -1 << 3 << 1 << "empty cell";
    QTest::addRow("empty cell in first row") << QByteArray("x,y\n,2\n3,4\n") << -1 << 2 << 1 << "empty cell";
    QTest::addRow("nan") << QByteArray("x,y\n1,2\n3,nan\n") << -1 << 3 << 2 << "'nan': NaN/infinity not allowed";
    QTest::addRow("NaN") << QByteArray("x,y\n1,2\nNaN,2\n") << -1 << 3 << 1 << "NaN/infinity not allowed";
    QTest::addRow("inf") << QByteArray("x,y\n1,2\n3,inf\n") << -1 << 3 << 2 << "NaN/infinity not allowed";
    QTest::addRow("-inf") << QByteArray("x,y\n1,2\n3,-inf\n") << -1 << 3 << 2 << "NaN/infinity not allowed";
    QTest::addRow("Infinity") << QByteArray("x,y\n1,2\n3,Infinity\n") << -1 << 3 << 2 << "NaN/infinity not allowed";
    QTest::addRow("nan in first data row") << QByteArray("x,y\nnan,2\n") << -1 << 2 << 1 << "NaN/infinity not allowed";
    QTest::addRow("nan in first row, no header") << QByteArray("1,nan\n") << -1 << 1 << 2 << "NaN/infinity not allowed";
    QTest::addRow("1e400") << QByteArray("x,y\n1,2\n3,1e400\n") << -1 << 3 << 2
                           << "'1e400' is out of the range of a double (column 'y')";
    QTest::addRow("-1e400") << QByteArray("x\n1\n-1e400\n") << -1 << 3 << 1 << "out of the range of a double";
    QTest::addRow("1e-400") << QByteArray("x\n1\n1e-400\n") << -1 << 3 << 1 << "out of the range of a double";
    QTest::addRow("too few cells") << QByteArray("x,y,z\n1,2,3\n4,5\n") << -1 << 3 << 3
                                   << "too few cells: expected 3, found 2";
    QTest::addRow("too many cells") << QByteArray("x,y\n1,2\n3,4,5,6\n") << -1 << 3 << 3
                                    << "too many cells: expected 2, found 4";
    QTest::addRow("too many cells, first row")
        << QByteArray("x,y\n1,2,3\n") << -1 << 2 << 3 << "too many cells: expected 2, found 3";
    QTest::addRow("too few cells, text column")
        << QByteArray("name,x,y\nann,1,2\nbob\n") << -1 << 3 << 2 << "too few cells: expected 3, found 1";
    QTest::addRow("no numeric column") << QByteArray("name,city\nann,paris\n") << -1 << 2 << 0 << "no numeric column";
    QTest::addRow("header only") << QByteArray("x,y\n") << -1 << 1 << 0 << "no data rows";
    QTest::addRow("header only, blank lines") << QByteArray("x,y\r\n\r\n\r\n") << -1 << 1 << 0 << "no data rows";
    QTest::addRow("header forced, one row") << QByteArray("1,2\n") << 1 << 1 << 0 << "no data rows";
    QTest::addRow("empty file") << QByteArray("") << -1 << 0 << 0 << "empty file";
    QTest::addRow("only newlines") << QByteArray("\n\n\r\n") << -1 << 0 << 0 << "empty file";
    QTest::addRow("only a BOM") << QByteArray("\xEF\xBB\xBF") << -1 << 0 << 0 << "empty file";
    QTest::addRow("NUL byte") << QByteArray("x,y\n1,2\n3,\0"
                                            "4\n",
        13) << -1 << 3 << 2 << "binary file";
    QTest::addRow("zip archive") << QByteArray("PK\x03\x04\x14\0\0\0", 8) << -1 << 1 << 1 << "ZIP archive";
    QTest::addRow("utf-16 without BOM") << QByteArray("x\0,\0y\0", 6) << -1 << 1 << 1 << "UTF-16";
    QTest::addRow("utf-16 with BOM") << QByteArray("\xFF\xFEx\0,\0y\0", 8) << -1 << 0 << 0
                                     << "UTF-16 text, not UTF-8 (convert it to UTF-8)";
    QTest::addRow("latin-1") << QByteArray("name,x,y\nann,1,2\ncaf\xE9,3,4\n") << -1 << 3 << 1
                             << "not UTF-8 text (convert it to UTF-8)";
    QTest::addRow("latin-1 in third field") << QByteArray("a;b;c\n1;2;3\n4;5;\xB0"
                                                          "6\n")
                                            << -1 << 3 << 3 << "not UTF-8 text";
    QTest::addRow("latin-1 in header") << QByteArray("x,\xB5m\n1,2\n") << -1 << 1 << 2 << "not UTF-8 text";
    QTest::addRow("overlong utf-8") << QByteArray("x,y\n1,2\n\xC0\xAF,3\n") << -1 << 3 << 1 << "not UTF-8 text";
    QTest::addRow("utf-8 surrogate") << QByteArray("x,y\n1,\xED\xA0\x80\n") << -1 << 2 << 2 << "not UTF-8 text";
    QTest::addRow("truncated utf-8 at end") << QByteArray("x,y\n1,2\xE2\x82") << -1 << 2 << 2 << "not UTF-8 text";
    QTest::addRow("after a multi-line quote")
        << QByteArray("name,x\n\"a\nb\",1\nc,2\nd,zz\n") << -1 << 5 << 2 << "'zz' is not a number";
    QTest::addRow("unterminated quote") << QByteArray("x,y\n1,2\n3,\"4\n5,6\n") << -1 << 3 << 2 << "unterminated quote";
    QTest::addRow("unterminated quote in header") << QByteArray("x,\"y\n1,2\n") << -1 << 1 << 2 << "unterminated quote";
    QTest::addRow("text after closing quote")
        << QByteArray("x,y\n1,2\n3,\"4\"5\n") << -1 << 3 << 2 << "unexpected text after a closing quote: '5'";
    QTest::addRow("empty line in the middle") << QByteArray("x,y\n1,2\n\n3,4\n") << -1 << 3 << 0 << "empty line";
    QTest::addRow("blank line in the middle")
        << QByteArray("x,y\r\n1,2\r\n  \r\n3,4\r\n") << -1 << 3 << 0 << "empty line";
    QTest::addRow("empty line after header") << QByteArray("x,y\n\n1,2\n") << -1 << 2 << 0 << "empty line";
    QTest::addRow("empty line, single column") << QByteArray("x\n1\n\n2\n") << -1 << 3 << 0 << "empty line";
    QTest::addRow("control character quoted")
        << QByteArray("x,y\n1,2\n3,4\x01\n") << -1 << 3 << 2 << "'4\\x01' is not a number";
}

void TestCsvReader::rejectsBadInput()
{
    QFETCH(QByteArray, text);
    QFETCH(int, hasHeader);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, detail);

    try {
        parse(text, makeOptions(0, hasHeader));
        QFAIL("no InputError thrown");
    } catch (const InputError& error) {
        const QString actual = QString::fromStdString(error.detail());
        QVERIFY2(actual.contains(detail), qPrintable(actual));
        QCOMPARE(error.source(), kSource);
        QCOMPARE(error.line(), long(line));
        QCOMPARE(error.column(), long(column));
        QVERIFY(QString::fromUtf8(error.what()).startsWith(QString::fromStdString(kSource)));
    }
    VERIFY_SPLITS_AGREE(view(text), makeOptions(0, hasHeader));
}

void TestCsvReader::longCellIsTruncatedInMessage()
{
    const QByteArray cell(500, 'a');
    try {
        parse("x\n1\n" + cell + "\n");
        QFAIL("no InputError thrown");
    } catch (const InputError& error) {
        const std::string& detail = error.detail();
        QVERIFY2(detail.size() < 120, detail.c_str());
        QVERIFY2(detail.find("...'") != std::string::npos, detail.c_str());
    }
}

void TestCsvReader::readFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QList<double>>("values");

    QTest::addRow("BOM, CRLF, text column")
        << dataFile("good.csv") << QStringList { "x", "y" } << QList<double> { 1, 2, 3, 4.5 };
}

void TestCsvReader::readFile()
{
    QFETCH(QString, path);
    QFETCH(QStringList, names);
    QFETCH(QList<double>, values);

    const Dataset data = CsvReader::readFile(path.toStdString());
    QCOMPARE(toStringList(data.columnNames()), names);
    QCOMPARE(rowMajor(data), values);
    QCOMPARE(QString::fromStdString(data.source()), path);
}

void TestCsvReader::readFileErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("detail");

    QTest::addRow("missing") << dataFile("no_such_file.csv") << 0 << 0 << "cannot open file: No such file or directory";
    QTest::addRow("directory") << QStringLiteral(GDLAB_TEST_DATA_DIR "/csv") << 0 << 0
                               << "cannot open file: it is a directory";
    QTest::addRow("latin-1") << dataFile("latin1.csv") << 3 << 1 << "not UTF-8 text (convert it to UTF-8)";
    QTest::addRow("binary") << dataFile("binary.csv") << 3 << 1 << "binary file";
    QTest::addRow("utf-16") << dataFile("utf16.csv") << 0 << 0 << "UTF-16 text";
}

void TestCsvReader::readFileErrors()
{
    QFETCH(QString, path);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, detail);

    try {
        CsvReader::readFile(path.toStdString());
        QFAIL("no InputError thrown");
    } catch (const InputError& error) {
        const QString actual = QString::fromStdString(error.detail());
        QVERIFY2(actual.contains(detail), qPrintable(actual));
        QCOMPARE(QString::fromStdString(error.source()), path);
        QCOMPARE(error.line(), long(line));
        QCOMPARE(error.column(), long(column));
    }
}

namespace {
std::string generatedText(int rows)
{
    std::string text = "y,x1,x2\n";
    for (int i = 0; i < rows; ++i)
        text += std::to_string(i) + "," + std::to_string(i * 0.5) + ",-" + std::to_string(i % 7) + ".25\n";
    return text;
}
} // namespace

void TestCsvReader::reportsProgress()
{
    const std::string text = generatedText(200000);
    std::size_t calls = 0;
    std::size_t last = 0;
    bool monotonic = true;
    CsvOptions options;
    options.progress = [&](std::size_t done, std::size_t total) {
        ++calls;
        monotonic = monotonic && done >= last && done <= total && total == text.size();
        last = done;
        return true;
    };
    const Dataset data = CsvReader::parse(text, kSource, options);
    QCOMPARE(data.rowCount(), Eigen::Index(200000));
    QVERIFY(monotonic);
    QVERIFY2(calls >= text.size() / (1 << 20), qPrintable(QString::number(calls)));
    QCOMPARE(last, text.size());
}

void TestCsvReader::cancels()
{
    const std::string text = generatedText(200000);
    CsvOptions options;
    options.progress = [](std::size_t done, std::size_t) { return done < (std::size_t(1) << 20); };
    QVERIFY_THROWS_EXCEPTION(gdlab::OperationCancelled, CsvReader::parse(text, kSource, options));
}

void TestCsvReader::parsesLargeGeneratedText()
{
    const int rows = 200000;
    const std::string text = generatedText(rows);
    const Dataset data = CsvReader::parse(text, kSource);
    QCOMPARE(data.rowCount(), Eigen::Index(rows));
    QCOMPARE(data.columnCount(), Eigen::Index(3));
    for (int i : { 0, 1, 12345, 99999, rows - 1 }) {
        QCOMPARE(data.values()(i, 0), double(i));
        QCOMPARE(data.values()(i, 1), i * 0.5);
        QCOMPARE(data.values()(i, 2), -((i % 7) + 0.25));
    }
}

namespace {

// "x,y" and rows "i,i.5", with some rows replaced: 2000 rows make 20 kB, many blocks of the sizes tested.
QByteArray numberedRows(int rows, const std::map<int, QByteArray>& replaced = {}, const QByteArray& tail = {})
{
    QByteArray text = "x,y\n";
    for (int i = 0; i < rows; ++i) {
        const auto found = replaced.find(i);
        text += found != replaced.end() ? found->second : QByteArray::number(i) + "," + QByteArray::number(i) + ".5";
        text += '\n';
    }
    return text + tail;
}

} // namespace

void TestCsvReader::splitErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("detail");

    // Row i is on line i + 2.
    QTest::addRow("bad cell in the second half")
        << numberedRows(2000, { { 1500, "1500,abc" } }) << 1502 << 2 << "'abc' is not a number (column 'y')";
    QTest::addRow("bad cell in the last row")
        << numberedRows(2000, { { 1999, "zz,1" } }) << 2001 << 1 << "'zz' is not a number (column 'x')";
    QTest::addRow("first of two bad cells, in different halves")
        << numberedRows(2000, { { 700, "700,7e" }, { 1800, "x,1" } }) << 702 << 2 << "'7e' is not a number";
    QTest::addRow("quoted field never closed in the last row") << numberedRows(
        2000, {}, "5,\"6\n") << 2002 << 2 << "unterminated quote: the quoted field that starts here never closes";
    QTest::addRow("file ends in the middle of a row")
        << numberedRows(2000, {}, "7") << 2002 << 2 << "too few cells: expected 2, found 1";
    QTest::addRow("file ends after a delimiter") << numberedRows(2000, {}, "7,") << 2002 << 2 << "empty cell";
    QTest::addRow("too many cells late") << numberedRows(2000, { { 1990, "1,2,3" } }) << 1992 << 3
                                         << "too many cells: expected 2, found 3";
    QTest::addRow("blank line in the second half")
        << numberedRows(2000, { { 1200, "" } }) << 1202 << 0 << "empty line in the middle of the data";
    QTest::addRow("text after a closing quote late")
        << numberedRows(2000, { { 1600, "1600,\"2\"x" } }) << 1602 << 2 << "unexpected text after a closing quote";
    // Encoding problems anywhere come before any other error, NUL bytes before invalid UTF-8.
    QTest::addRow("invalid UTF-8 late, bad cell early")
        << numberedRows(2000, { { 10, "10,abc" }, { 1900, "1900,\xE9" } }) << 1902 << 2 << "not UTF-8 text";
    QTest::addRow("NUL late, invalid UTF-8 early")
        << numberedRows(2000, { { 10, "10,\xE9" }, { 1900, QByteArray("1900,\0", 6) } }) << 1902 << 2 << "binary file";
    // Multi-line quoted cells on the way: lines stay physical, whichever block a row starts in.
    QTest::addRow("after multi-line quoted cells") << QByteArray("name,x\n") + QByteArray("\"a\nb\",1\n").repeated(900)
            + "c,zz\n" << 1802 << 2 << "'zz' is not a number";
}

void TestCsvReader::splitErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, detail);

    for (const Split& split : kSplits) {
        CsvOptions options;
        options.threads = split.threads;
        options.blockBytes = split.blockBytes;
        try {
            CsvReader::parse(view(text), kSource, options);
            QFAIL("no InputError thrown");
        } catch (const InputError& error) {
            const QString actual = QString::fromStdString(error.detail());
            QVERIFY2(actual.contains(detail), qPrintable(actual));
            QCOMPARE(error.line(), long(line));
            QCOMPARE(error.column(), long(column));
        }
    }
    VERIFY_SPLITS_AGREE(view(text), CsvOptions {});
}

void TestCsvReader::splitDatasets_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("rows");

    QTest::addRow("plain") << numberedRows(2000) << 2000;
    QTest::addRow("CRLF") << numberedRows(2000).replace("\n", "\r\n") << 2000;
    QTest::addRow("lone CR") << numberedRows(2000).replace("\n", "\r") << 2000;
    QTest::addRow("no final newline") << numberedRows(1999, {}, "9,9") << 2000;
    QTest::addRow("trailing blank lines") << numberedRows(2000, {}, "\n  \r\n\n") << 2000;
    QTest::addRow("rows longer than a block")
        << QByteArray("name,x\n") + (QByteArray(3000, 'a') + ",1\n").repeated(20) << 20;
    QTest::addRow("quoted newlines across block boundaries")
        << QByteArray("name,x\n") + QByteArray("\"a\nb\r\nc\rd\",1\n").repeated(900) << 900;
    QTest::addRow("quoted delimiters and quotes")
        << QByteArray("name,x\n") + QByteArray("\"a,\"\"b\"\"\n\",2\n").repeated(900) << 900;
    QTest::addRow("decimal commas") << QByteArray("x;y\n") + QByteArray("1,5;-2,25\n").repeated(2000) << 2000;
}

void TestCsvReader::splitDatasets()
{
    QFETCH(QByteArray, text);
    QFETCH(int, rows);
    QCOMPARE(parse(text).rowCount(), Eigen::Index(rows));
    VERIFY_SPLITS_AGREE(view(text), CsvOptions {});
}

void TestCsvReader::largeTextIsTheSameOnTwoThreads()
{
    // Above a megabyte the reader chooses two threads by itself; 17-digit numbers of every magnitude.
    std::mt19937_64 random(42);
    std::string text = "a,b,c,d,e,f\n";
    char cell[32];
    while (text.size() < (std::size_t(3) << 20)) {
        for (int column = 0; column < 6; ++column) {
            const std::uint64_t bits = random();
            double value;
            std::memcpy(&value, &bits, sizeof value);
            if (!std::isfinite(value))
                value = 0.5;
            text.append(cell, static_cast<std::size_t>(std::snprintf(cell, sizeof cell, "%.17g", value)));
            text += column == 5 ? '\n' : ',';
        }
    }
    CsvOptions one;
    one.threads = 1;
    const Dataset single = CsvReader::parse(text, kSource, one);
    for (const unsigned threads : { 0u, 2u, 3u }) {
        CsvOptions options;
        options.threads = threads;
        const Dataset parallel = CsvReader::parse(text, kSource, options);
        QCOMPARE(parallel.rowCount(), single.rowCount());
        QVERIFY(std::memcmp(parallel.values().data(), single.values().data(),
                    sizeof(double) * static_cast<std::size_t>(single.values().size()))
            == 0);
    }
}

void TestCsvReader::reportsProgressOnTwoThreads()
{
    const std::string text = generatedText(200000);
    std::size_t calls = 0;
    std::size_t last = 0;
    bool monotonic = true;
    const auto caller = std::this_thread::get_id();
    bool onCaller = true;
    CsvOptions options;
    options.threads = 2;
    options.blockBytes = 100000;
    options.progress = [&](std::size_t done, std::size_t total) {
        ++calls;
        monotonic = monotonic && done >= last && done <= total && total == text.size();
        onCaller = onCaller && std::this_thread::get_id() == caller;
        last = done;
        return true;
    };
    const Dataset data = CsvReader::parse(text, kSource, options);
    QCOMPARE(data.rowCount(), Eigen::Index(200000));
    QVERIFY(monotonic);
    QVERIFY(onCaller);
    QVERIFY2(calls >= text.size() / (1 << 20), qPrintable(QString::number(calls)));
    QCOMPARE(last, text.size());
}

void TestCsvReader::cancelsOnTwoThreads()
{
    const std::string text = generatedText(200000);
    CsvOptions options;
    options.threads = 2;
    options.blockBytes = 100000;
    options.progress = [](std::size_t done, std::size_t) { return done < (std::size_t(1) << 20); };
    QVERIFY_THROWS_EXCEPTION(gdlab::OperationCancelled, CsvReader::parse(text, kSource, options));
}

} // namespace tst_csv_reader

QTEST_APPLESS_MAIN(tst_csv_reader::TestCsvReader)
#include "tst_csv_reader.moc"
