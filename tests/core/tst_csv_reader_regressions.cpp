// Inputs from fuzzing CsvReader (tests/fuzz/fuzz_csv_reader.cpp), minimized, and the hand-made nasty cases the
// fuzzer was seeded around. Each must end in an InputError or a valid dataset, never a crash or another
// exception; the outcome is pinned so that a change in behaviour shows up here.
#include "csv_reader.h"
#include "dataset.h"
#include "input_error.h"

#include <QtTest>

#include <string>
#include <string_view>

namespace tst_csv_reader_regressions {

using gdlab::CsvOptions;
using gdlab::CsvReader;
using gdlab::Dataset;
using gdlab::InputError;

namespace {

const std::string kSource = "regression.csv";

// hasHeader travels through the tables as an int: -1 detect, 0 no, 1 yes.
CsvOptions makeOptions(char delimiter, int hasHeader)
{
    CsvOptions options;
    options.delimiter = delimiter;
    if (hasHeader >= 0)
        options.hasHeader = hasHeader == 1;
    return options;
}

// Rows for inputs that must be rejected: rows is -1, error is part of the expected message and line, unless -1,
// the line it names.
void addError(const char* name, const QByteArray& text, int delimiter, int hasHeader, const char* error, int line = -1)
{
    QTest::addRow("%s", name) << text << delimiter << hasHeader << -1 << 0 << QByteArray(error) << line;
}

void addDataset(const char* name, const QByteArray& text, int delimiter, int hasHeader, int rows, int columns)
{
    QTest::addRow("%s", name) << text << delimiter << hasHeader << rows << columns << QByteArray() << -1;
}

// A dataset or an error, as text that compares exactly: every value bit for bit, every message with its place.
QString outcome(std::string_view text, const CsvOptions& options)
{
    try {
        const Dataset data = CsvReader::parse(text, kSource, options);
        QString out;
        for (const std::string& name : data.columnNames())
            out += QString::fromStdString(name) + ";";
        for (Eigen::Index i = 0; i < data.values().size(); ++i)
            out += QString::number(data.values().data()[i], 'g', 17) + ",";
        return out;
    } catch (const InputError& error) {
        return QStringLiteral("%1 @%2:%3").arg(QString::fromUtf8(error.what())).arg(error.line()).arg(error.column());
    }
}

} // namespace

class TestCsvReaderRegressions : public QObject {
    Q_OBJECT

private slots:
    void neverCrashes_data();
    void neverCrashes();
};

void TestCsvReaderRegressions::neverCrashes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("delimiter");
    QTest::addColumn<int>("hasHeader");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::addColumn<QByteArray>("error");
    QTest::addColumn<int>("line");

    // Quotes that never close, or close too early.
    addError("lone quote", QByteArray("\""), 0, -1, "unterminated quote");
    addError("quote then CR", QByteArray("\"\r"), 0, -1, "unterminated quote");
    addError("three quotes", QByteArray("\"\"\""), 0, -1, "unterminated quote");
    addError("text after closing quote", QByteArray("\"a\"b,c\n1,2\n"), 0, -1, "unexpected text after a closing quote");
    addError("newline inside quoted number", QByteArray("x\n\"1\n\"\n"), 0, -1, "no numeric column");
    addError("quoted empty numeric", QByteArray("x,y\n\"\",1\n"), 0, -1, "empty cell");
    addDataset("quoted multi-line header", QByteArray("\"a\r\nb\",c\n1,2\n3,4\n"), 0, -1, 2, 2);
    addDataset("spaces around quotes", QByteArray("x,y\n  \"1\"  ,2\n"), 0, -1, 1, 2);

    // Encodings and byte-order marks.
    addError("BOM only", QByteArray("\xEF\xBB\xBF"), 0, -1, "empty file");
    addError("truncated BOM", QByteArray("\xEF\xBB"), 0, -1, "not UTF-8 text");
    addError("UTF-16 BOM only", QByteArray("\xFF\xFE"), 0, -1, "UTF-16 text");
    addError("NUL after quote", QByteArray("\"\0", 2), 0, -1, "NUL bytes");
    addError("invalid UTF-8 in quoted field", QByteArray("\"\xC3(\",x\n1,2\n"), 0, -1, "invalid byte 0xc3");
    addError("overlong UTF-8", QByteArray("x\xC0\xAF,y\n1,2\n"), 0, -1, "invalid byte 0xc0");
    addError("UTF-8 surrogate", QByteArray("x\xED\xA0\x80,y\n1,2\n"), 0, -1, "invalid byte 0xed");

    // Files with no data in them.
    addError("CRs only", QByteArray("\r\r\r"), 0, -1, "empty file");
    addError("tab only, tab delimiter", QByteArray("\t"), '\t', -1, "empty file");
    addError("delimiter only", QByteArray(","), 0, -1, "no data rows");
    addError("header forced on, single row", QByteArray("1,2"), 0, 1, "no data rows");
    addError("text row, header forced off", QByteArray("a,b\n"), 0, 0, "no numeric column");
    addError("blank line between header and data", QByteArray("x\n\n1\n"), 0, -1, "empty line in the middle");
    addDataset("CR then CRLF at the end", QByteArray("x\r\n1\r\r\n"), 0, -1, 1, 1);

    // Row shapes.
    addError("short first data row", QByteArray("a,b,c\n1\n"), 0, -1, "too few cells: expected 3, found 1");
    addError("tab-only line in a TSV", QByteArray("x\ty\n1\t2\n\t\n"), '\t', -1, "empty cell");
    addError("300 empty columns", QByteArray(300, ',') + "\n1" + QByteArray(300, ',') + "\n", 0, -1, "empty cell");

    // Numbers at the edges of what from_chars takes.
    addError("lone plus", QByteArray("x\n+\n"), 0, -1, "no numeric column");
    addError("plus minus", QByteArray("x\n+-1\n"), 0, -1, "no numeric column");
    addError("hex", QByteArray("x\n0x10\n"), 0, -1, "no numeric column");
    addError("huge exponent", QByteArray("x\n1e999999999999999999\n"), 0, -1, "out of the range of a double");
    addError("underflow", QByteArray("x\n1e-400\n"), 0, -1, "out of the range of a double");
    addError("nan", QByteArray("x\nnan\n"), 0, -1, "NaN/infinity not allowed");
    addError("minus infinity in a later row", QByteArray("x\n1\n-infinity\n"), 0, -1, "NaN/infinity not allowed");
    addDataset("smallest denormal", QByteArray("x\n4.9e-324\n"), 0, -1, 1, 1);

    // Decimal commas. A cell longer than the parser's stack buffer used to be "not a number", which silently
    // turned a first-row value into a skipped text column.
    addDataset("semicolon and comma in first line", QByteArray("a,b;c\n1,5;2\n"), 0, -1, 1, 2);
    addDataset("explicit semicolon, header off", QByteArray("1,5;2,5\n"), ';', 0, 1, 2);
    addDataset("long decimal comma", QByteArray("x;y\n1,") + QByteArray(200, '0') + ";2\n", 0, -1, 1, 2);
    addDataset("long decimal point", QByteArray("x;y\n1.") + QByteArray(200, '0') + ";2\n", 0, -1, 1, 2);
    addError("long decimal comma in a later row", QByteArray("x;y\n1;2\n1,") + QByteArray(200, '0') + "x;2\n", 0, -1,
        "is not a number");

    // Found by the fuzzer (its corpus after 20 minutes), minimized.
    addError(
        "quoted field over lone CRs, then a bad byte", QByteArray("\r\"\r\r\rnam\xAB"), ',', 1, "invalid byte 0xab", 5);
    addError(
        "escaped quotes before a bad byte", QByteArray("\"\"m\"\n\"\xDF\"\",o\"\""), 0, -1, "invalid byte 0xdf", 2);
    addError("byte-order marks inside the data",
        QByteArray("5\xEF\xBB\xBF\xEF\xBB\xBF\ne2;\xEF\xBB\xBFx-m\xEF\xBB\xBF+2ea\n;\"\"\n"), 0, -1,
        "no numeric column", 2);
    addError("quoted delimiter and escaped quotes in a TSV header", QByteArray("olu,\"xsay \"\"\"\"\",\nk,"), '\t', -1,
        "no numeric column", 2);
    addError("tab then open quote", QByteArray("\t\""), 0, -1, "unterminated quote", 1);
    addError(
        "second row short of a tab-trimmed cell", QByteArray(",\n\t;"), 0, -1, "too few cells: expected 2, found 1", 2);
    addError(
        "trailing delimiter on the last row", QByteArray("2\n3,"), 0, -1, "too many cells: expected 1, found 2", 2);
    addError("blank line before a control character", QByteArray("x\n\n\x0F"), 0, -1, "empty line in the middle", 2);
    addError("lone plus in a later row", QByteArray("6\n+"), 0, -1, "'+' is not a number", 2);
    addError("UTF-8 surrogate alone", QByteArray("\xED\xBB\xBE"), ',', -1, "invalid byte 0xed", 1);
    addDataset("decimal commas without digits after", QByteArray("x);y\n1,;1,"), 0, -1, 1, 2);
    addDataset("decimal commas without digits before", QByteArray(",55;,1\t;1,"), ';', -1, 1, 3);
    addDataset("multi-line quoted text cell with control characters",
        QByteArray("\"name\",\"x\"\n\"say$y\n1,2\n\x11,2\n  b\",6\n"), 0, -1, 1, 1);
    addDataset("quotes opening mid-cell over mixed line ends",
        QByteArray("\n1,*\"\r\n7,\n1,*\r\n7,4\n1,*\"\r\n3,4\r\n"), ',', 0, 6, 1);
    addDataset("text column with empty cells over mixed line ends",
        QByteArray("\r\n@K2,2\n@K2,2\r\n=2,2\r3,4\r\n,4\r\n"), ',', 0, 5, 1);
    addDataset("padded quoted number", QByteArray("\"6            \",6 \n"), 0, 0, 1, 2);
}

void TestCsvReaderRegressions::neverCrashes()
{
    QFETCH(QByteArray, text);
    QFETCH(int, delimiter);
    QFETCH(int, hasHeader);
    QFETCH(int, rows);
    QFETCH(int, columns);
    QFETCH(QByteArray, error);
    QFETCH(int, line);

    const std::string_view view(text.constData(), static_cast<std::size_t>(text.size()));
    const CsvOptions options = makeOptions(static_cast<char>(delimiter), hasHeader);
    // Whatever the outcome, cutting the data into blocks of one byte (every row boundary a block boundary) on
    // two threads must not change it.
    CsvOptions split = options;
    split.threads = 2;
    split.blockBytes = 1;
    QCOMPARE(outcome(view, split), outcome(view, options));
    try {
        const Dataset data = CsvReader::parse(view, kSource, options);
        QVERIFY2(rows >= 0,
            qPrintable(
                QStringLiteral("expected an error containing '%1', got a dataset").arg(QString::fromUtf8(error))));
        QCOMPARE(data.rowCount(), Eigen::Index(rows));
        QCOMPARE(data.columnCount(), Eigen::Index(columns));
        QCOMPARE(Eigen::Index(data.columnNames().size()), data.columnCount());
        QVERIFY(data.values().allFinite());
    } catch (const InputError& e) {
        QVERIFY2(rows < 0, qPrintable(QStringLiteral("unexpected InputError: ") + QString::fromUtf8(e.what())));
        QCOMPARE(e.source(), kSource);
        QVERIFY2(e.detail().find(error.toStdString()) != std::string::npos, e.what());
        if (line >= 0)
            QCOMPARE(e.line(), long(line));
    }
}

} // namespace tst_csv_reader_regressions

QTEST_APPLESS_MAIN(tst_csv_reader_regressions::TestCsvReaderRegressions)
#include "tst_csv_reader_regressions.moc"
