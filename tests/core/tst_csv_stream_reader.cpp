// CsvStreamReader against CsvReader: for every input, at every buffer size and on one or two threads, the same
// rows bit for bit or the same error with its file, line and column.
#include "csv_block_sink.h"
#include "csv_reader.h"
#include "csv_stream_reader.h"
#include "dataset.h"
#include "input_error.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include <string>
#include <vector>

namespace tst_csv_stream_reader {

using gdlab::CsvOptions;
using gdlab::CsvReader;
using gdlab::CsvStreamReader;
using gdlab::Dataset;
using gdlab::InputError;

namespace {

QString describe(const Dataset& data)
{
    QString out = QString::number(data.rowCount()) + " rows;";
    for (const std::string& name : data.columnNames())
        out += QString::fromStdString(name) + ";";
    for (const std::string& name : data.skippedColumns())
        out += "skipped " + QString::fromStdString(name) + ";";
    for (Eigen::Index i = 0; i < data.values().rows(); ++i)
        for (Eigen::Index j = 0; j < data.values().cols(); ++j)
            out += QString::number(data.values()(i, j), 'g', 17) + ",";
    return out;
}

QString describe(const InputError& error)
{
    return QStringLiteral("%1 @%2:%3").arg(QString::fromUtf8(error.what())).arg(error.line()).arg(error.column());
}

QString wholeRead(const std::string& path)
{
    try {
        return describe(CsvReader::readFile(path));
    } catch (const InputError& error) {
        return describe(error);
    }
}

// The blocks put back together, so that they compare with the whole read.
QString streamedRead(const std::string& path, std::size_t bufferBytes, unsigned threads, int* blocks = nullptr)
{
    CsvOptions options;
    options.threads = threads;
    options.blockBytes = threads > 1 ? 7 : 0;
    Dataset columns;
    Eigen::MatrixXd rows;
    int count = 0;
    try {
        CsvStreamReader reader(path, options, bufferBytes);
        const auto whole = reader.read(
            [&](const Dataset& names) {
                columns = names;
                rows.resize(0, names.columnCount());
            },
            [&](const Eigen::MatrixXd& block) {
                rows.conservativeResize(rows.rows() + block.rows(), rows.cols());
                rows.bottomRows(block.rows()) = block;
                ++count;
            });
        if (blocks)
            *blocks = count;
        if (whole)
            return describe(*whole);
        return describe(Dataset(columns.columnNames(), rows, columns.source(), columns.skippedColumns()));
    } catch (const InputError& error) {
        return describe(error);
    }
}

// Keeps each block's rows as taken (on the parsing threads) and appends them at commit, in the order given: any
// block taken but not committed, committed twice or out of order shows in the rows.
class RowsSink final : public gdlab::CsvBlockSink {
public:
    void setColumns(Eigen::Index columns) { m_rows.resize(0, columns); }
    void begin(std::size_t blocks) override { m_taken.assign(blocks, Eigen::MatrixXd()); }
    void take(std::size_t index, const Rows& rows) override { m_taken.at(index) = rows; }
    void commit(const std::vector<std::size_t>& blocks) override
    {
        for (std::size_t index : blocks) {
            const Eigen::MatrixXd& block = m_taken.at(index);
            m_rows.conservativeResize(m_rows.rows() + block.rows(), m_rows.cols());
            m_rows.bottomRows(block.rows()) = block;
        }
    }
    const Eigen::MatrixXd& rows() const { return m_rows; }

private:
    std::vector<Eigen::MatrixXd> m_taken;
    Eigen::MatrixXd m_rows;
};

// The same through a sink: blocks of blockBytes (0: the scheduler's own size for a sink).
QString sinkRead(const std::string& path, std::size_t bufferBytes, unsigned threads, std::size_t blockBytes)
{
    CsvOptions options;
    options.threads = threads;
    options.blockBytes = blockBytes;
    Dataset columns;
    RowsSink sink;
    try {
        CsvStreamReader reader(path, options, bufferBytes);
        const auto whole = reader.read(
            [&](const Dataset& names) {
                columns = names;
                sink.setColumns(names.columnCount());
            },
            sink);
        if (whole)
            return describe(*whole);
        return describe(Dataset(columns.columnNames(), sink.rows(), columns.source(), columns.skippedColumns()));
    } catch (const InputError& error) {
        return describe(error);
    }
}

QByteArray manyRows(int rows, int badRow = -1, const QByteArray& bad = {})
{
    QByteArray text = "x,name,y\n";
    for (int i = 0; i < rows; ++i) {
        if (i == badRow) {
            text += bad;
            continue;
        }
        text += QByteArray::number(i * 0.1, 'g', 17) + ",n" + QByteArray::number(i) + ",";
        text += QByteArray::number(i * 0.3 + 1, 'g', 17) + "\n";
    }
    return text;
}

} // namespace

class TestCsvStreamReader : public QObject {
    Q_OBJECT

private slots:
    void sameAsWholeRead_data();
    void sameAsWholeRead();
    void longFileComesInBlocks();
    void fileChangedWhileRead_data();
    void fileChangedWhileRead();
};

void TestCsvStreamReader::sameAsWholeRead_data()
{
    QTest::addColumn<QByteArray>("text");
    const QDir corpus(QStringLiteral(GDLAB_TEST_DATA_DIR "/../fuzz/csv_corpus"));
    for (const QString& name : corpus.entryList(QDir::Files)) {
        QFile file(corpus.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QTest::addRow("corpus %s", qPrintable(name)) << file.readAll();
    }
    QTest::addRow("good") << manyRows(40);
    QTest::addRow("crlf, no last line end") << manyRows(30).replace("\n", "\r\n").chopped(2);
    QTest::addRow("lone cr") << manyRows(30).replace("\n", "\r");
    QTest::addRow("bad cell in the last row") << manyRows(40, 39, "3.5,a,oops\n");
    QTest::addRow("bad cell in the second half") << manyRows(40, 27, "3.5,a,1e999\n");
    QTest::addRow("too few cells late") << manyRows(40, 33, "3.5,a\n");
    QTest::addRow("too many cells late") << manyRows(40, 12, "3.5,a,1,2\n");
    QTest::addRow("blank line in the middle") << manyRows(40, 20, "\n");
    QTest::addRow("blank lines at the end") << manyRows(40) + "\n  \n\t\n";
    QTest::addRow("spaces in a blank line at the end") << manyRows(40) + "   ";
    QTest::addRow("nul after a bad cell") << manyRows(40, 5, "x,a,1\n") + QByteArray("1,a\0,2\n", 7);
    QTest::addRow("invalid utf-8 after a bad cell") << manyRows(40, 5, "x,a,1\n") + "1,\xff,2\n";
    QTest::addRow("nul after invalid utf-8") << manyRows(40, 5, "1,\xe9,1\n") + QByteArray("1,a\0,2\n", 7);
    QTest::addRow("invalid utf-8 late") << manyRows(40, 31, "1,\xe9t\xe9,1\n");
    // Found by fuzz_csv_reader: a block that starts with a byte then a NUL must not be taken for UTF-16 text when
    // the file itself starts as text.
    QTest::addRow("nul late, after a digit") << manyRows(30) + QByteArray("4\0\0\0\0\0\0\0,5\n", 12);
    // Found by fuzz_csv_reader: after a bad cell the rest of the file is scanned in pieces; a NUL inside a quoted
    // field that began in an earlier piece is in that field, not in field 1.
    QTest::addRow("nul in a quoted field after a bad cell") << manyRows(40, 3, "0.3,n3,0.75$4\n")
            + "5,\"opened\nstill quoted, here\nand here " + QByteArray("\0\0", 2) + "\n";
    // Found by fuzz_csv_reader: a quoted field open at a block's cut, with bad text after its closing quote beyond
    // the cut, is that bad text, not an unterminated quote.
    QTest::addRow("text after a closing quote past the cut") << manyRows(30) + "1,\"a\nb\"rrrrrrrrrrrrrrrrrrr,2\n";
    // Found by fuzz_csv_reader: a first row whose quoted field goes over a line end must be read whole before the
    // columns are decided (here 'y' is text, as the whole row says, not the number its first line ends with).
    QTest::addRow("first row with a quoted line end")
        << QByteArray("label,x,y\n\"a long label\nover two lines\",5,6 and then some text\n\"b\",3,4\n") + manyRows(30);
    QTest::addRow("zip archive") << QByteArray("PK\x03\x04,1\n", 8) + manyRows(30) + QByteArray("7\0,8\n", 6);
    QTest::addRow("quoted line ends across blocks")
        << manyRows(20) + "1,\"a\nb\nc\nd\ne\nf\ng\nh\",2\n" + manyRows(20).mid(9);
    QTest::addRow("unterminated quote late") << manyRows(30) + "1,\"abc\n2,3\n";
    QTest::addRow("row longer than a buffer") << manyRows(5, 3, "1," + QByteArray(300, 'w') + ",2\n");
    QTest::addRow("number longer than a buffer") << manyRows(5, 3, "1,a,2." + QByteArray(200, '5') + "\n");
}

void TestCsvStreamReader::sameAsWholeRead()
{
    QFETCH(QByteArray, text);
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("data.csv")).toStdString();
    QFile file(QString::fromStdString(path));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();
    const QString expected = wholeRead(path);
    for (std::size_t buffer : { 16, 23, 41, 100, 1 << 20 })
        for (unsigned threads : { 1u, 2u })
            QCOMPARE(streamedRead(path, buffer, threads), expected);
    for (std::size_t buffer : { 16, 23, 41, 100, 1 << 20 })
        for (unsigned threads : { 1u, 2u })
            for (std::size_t blockBytes : { 0, 7 })
                QCOMPARE(sinkRead(path, buffer, threads, blockBytes), expected);
}

void TestCsvStreamReader::longFileComesInBlocks()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("long.csv")).toStdString();
    QFile file(QString::fromStdString(path));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(manyRows(2000));
    file.close();
    int blocks = 0;
    QCOMPARE(streamedRead(path, 4096, 2, &blocks), wholeRead(path));
    QVERIFY2(blocks > 10, qPrintable(QString::number(blocks)));
    QCOMPARE(streamedRead(path, 1 << 20, 2, &blocks), wholeRead(path));
    QCOMPARE(blocks, 0); // read whole
    for (unsigned threads : { 1u, 2u })
        for (std::size_t blockBytes : { 0, 100, 1000 })
            QCOMPARE(sinkRead(path, 4096, threads, blockBytes), wholeRead(path));
}

void TestCsvStreamReader::fileChangedWhileRead_data()
{
    QTest::addColumn<int>("newSize"); // in bytes; -1: twice as long (rows appended)
    QTest::newRow("cut in the middle of a row") << 20011;
    QTest::newRow("cut to its header") << 9;
    QTest::newRow("emptied") << 0;
    QTest::newRow("grown") << -1;
}

// A file that another program cuts short or appends to while it is read (a log still being written, a copy still
// running) must not crash the reader or make it return rows that were never in the file: it reads what it finds,
// as far as it is a file, or refuses it naming the file, with a line and a column.
void TestCsvStreamReader::fileChangedWhileRead()
{
    QFETCH(int, newSize);
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("changing.csv")).toStdString();
    const QByteArray text = manyRows(2000);
    QFile file(QString::fromStdString(path));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();
    Eigen::Index rows = 0;
    bool changed = false;
    try {
        gdlab::CsvStreamReader reader(path, {}, 4096);
        const std::optional<gdlab::Dataset> whole = reader.read([](const gdlab::Dataset&) {},
            [&](const Eigen::MatrixXd& block) {
                // Every row read is one of the file's: x = 0.1 i and y = 0.3 i + 1 for some i.
                for (Eigen::Index r = 0; r < block.rows(); ++r) {
                    const double i = std::round(block(r, 0) / 0.1);
                    QVERIFY(std::abs(block(r, 1) - (0.3 * i + 1)) <= 1e-9 * (0.3 * i + 1));
                }
                rows += block.rows();
                if (changed)
                    return;
                changed = true;
                QFile again(QString::fromStdString(path));
                if (newSize < 0) {
                    QVERIFY(again.open(QIODevice::Append));
                    again.write(text.mid(text.indexOf('\n') + 1));
                } else {
                    QVERIFY(again.resize(newSize));
                }
            });
        QVERIFY(!whole);
        QVERIFY2(rows > 0 && rows <= (newSize < 0 ? 4000 : 2000), qPrintable(QString::number(rows)));
    } catch (const gdlab::InputError& error) {
        QCOMPARE(error.source(), path);
        QVERIFY(error.line() >= 1);
    }
}

} // namespace tst_csv_stream_reader

QTEST_APPLESS_MAIN(tst_csv_stream_reader::TestCsvStreamReader)
#include "tst_csv_stream_reader.moc"
