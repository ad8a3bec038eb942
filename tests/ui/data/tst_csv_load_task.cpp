// Reading a CSV on a worker: the GUI thread keeps running, progress only grows, a cancel always wins, a bad file
// is reported with its line and column, and the task can be dropped at any moment.
#include "data/csv_load_task.h"

#include "dataset.h"
#include "support/large_csv.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QtTest>

#include <memory>

namespace tst_csv_load_task {

using gdlab::CsvLoadTask;
using gdlab::Dataset;
using gdlab::test::writeLargeCsv;

namespace {

// Loads of a few MB run a debug build's parser for a while; generous, since the waits return as soon as they can.
constexpr int kLoadTimeout = 60000;

} // namespace

class TestCsvLoadTask : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void readsOnAWorker();
    void progressGrowsToHundred();
    void cancelStopsTheRead();
    void cancelAfterTheReadStillWins();
    void badFileNamesLineAndColumn_data();
    void badFileNamesLineAndColumn();
    void startTwiceReadsOnce();
    void destroyedWhileRunning();

private:
    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        const QString file = m_dir->filePath(name);
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(file));
        return file;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCsvLoadTask::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCsvLoadTask::cleanup()
{
    m_dir.reset();
}

void TestCsvLoadTask::readsOnAWorker()
{
    qint64 rows = 0;
    const QString file = m_dir->filePath(QStringLiteral("large.csv"));
    QVERIFY(writeLargeCsv(file, 8 << 20, &rows));
    CsvLoadTask task(file);
    QCOMPARE(task.path(), file);
    QVERIFY(!task.isRunning());

    // The GUI thread must keep running while the worker reads: a timer keeps ticking.
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(5);

    Dataset dataset;
    QThread* deliveredOn = nullptr;
    connect(&task, &CsvLoadTask::finished, this, [&](const Dataset& read) {
        deliveredOn = QThread::currentThread();
        dataset = read;
    });
    QSignalSpy finished(&task, &CsvLoadTask::finished);
    QSignalSpy failed(&task, &CsvLoadTask::failed);
    task.start();
    // start() returns at once; the result comes through the event loop.
    QVERIFY(task.isRunning());
    QCOMPARE(finished.count(), 0);
    QVERIFY(finished.wait(kLoadTimeout));
    ticker.stop();

    QCOMPARE(finished.count(), 1);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!task.isRunning());
    QVERIFY(ticks > 0);
    // Emitted on the thread the task lives in, never from the worker.
    QCOMPARE(deliveredOn, QThread::currentThread());
    QCOMPARE(dataset.rowCount(), Eigen::Index(rows));
    QCOMPARE(dataset.columnNames(), (std::vector<std::string> { "x", "z", "y" }));
    QCOMPARE(dataset.values()(1, 0), 1e-3);
    QCOMPARE(dataset.values()(rows - 1, 2), 2 * double(rows - 1) * 1e-3 + 1 + double((rows - 1) % 13) * 1e-2);
}

void TestCsvLoadTask::progressGrowsToHundred()
{
    const QString file = m_dir->filePath(QStringLiteral("large.csv"));
    QVERIFY(writeLargeCsv(file, 8 << 20));
    CsvLoadTask task(file);
    QSignalSpy progress(&task, &CsvLoadTask::progress);
    QSignalSpy finished(&task, &CsvLoadTask::finished);
    task.start();
    QVERIFY(finished.wait(kLoadTimeout));

    QVERIFY2(progress.count() >= 3, qPrintable(QString::number(progress.count())));
    QCOMPARE(progress.first().first().toInt(), 0);
    int previous = -1;
    bool sawIntermediate = false;
    for (const QList<QVariant>& arguments : std::as_const(progress)) {
        const int percent = arguments.first().toInt();
        QVERIFY2(percent > previous, "progress is emitted only when it grows");
        QVERIFY(percent >= 0 && percent <= 100);
        sawIntermediate = sawIntermediate || (percent > 0 && percent < 100);
        previous = percent;
    }
    QVERIFY(sawIntermediate);
    QCOMPARE(previous, 100);
    // About one progress per percent, not one per MiB read or per row.
    QVERIFY(progress.count() <= 102);
}

void TestCsvLoadTask::cancelStopsTheRead()
{
    const QString file = m_dir->filePath(QStringLiteral("huge.csv"));
    QVERIFY(writeLargeCsv(file, 50 << 20));
    CsvLoadTask task(file);
    QSignalSpy cancelled(&task, &CsvLoadTask::cancelled);
    QSignalSpy finished(&task, &CsvLoadTask::finished);
    QSignalSpy failed(&task, &CsvLoadTask::failed);
    QSignalSpy progress(&task, &CsvLoadTask::progress);
    connect(&task, &CsvLoadTask::progress, this, [&task](int percent) {
        if (percent > 0)
            task.cancel();
    });
    task.start();
    QVERIFY(cancelled.wait(kLoadTimeout));
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!task.isRunning());
    // Stopped early: the last progress is far from the end, and nothing else follows.
    QVERIFY(progress.last().first().toInt() < 100);
    QTest::qWait(100);
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(failed.count(), 0);
}

// The worker may have read the whole file before the user's click is handled; the data it posted must not
// arrive after the user said no.
void TestCsvLoadTask::cancelAfterTheReadStillWins()
{
    const QString file = writeFile(QStringLiteral("small.csv"), "x,y\n1,2\n2,4\n3,7\n");
    CsvLoadTask task(file);
    QSignalSpy cancelled(&task, &CsvLoadTask::cancelled);
    QSignalSpy finished(&task, &CsvLoadTask::finished);
    task.start();
    // No events are processed meanwhile: the worker's result waits in the queue.
    QTest::qSleep(300);
    task.cancel();
    QVERIFY(task.isRunning());
    QTRY_COMPARE(cancelled.count(), 1);
    QCOMPARE(finished.count(), 0);
    QVERIFY(!task.isRunning());
}

void TestCsvLoadTask::badFileNamesLineAndColumn_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line"); // 0: the reader names no line
    QTest::addColumn<int>("column"); // 0: the reader names no column
    QTest::addColumn<QString>("detail");
    QTest::addRow("non-numeric cell") << QByteArray("x,y\n1,2\n2,4\n3,abc\n") << 4 << 2
                                      << QStringLiteral("'abc' is not a number (column 'y')");
    QTest::addRow("ragged row") << QByteArray("x,y\n1,2\n3\n") << 3 << 2
                                << QStringLiteral("too few cells: expected 2, found 1");
    QTest::addRow("blank line inside") << QByteArray("x,y\n1,2\n\n3,4\n") << 3 << 0
                                       << QStringLiteral("empty line in the middle of the data");
    QTest::addRow("empty file") << QByteArray("") << 0 << 0 << QStringLiteral("empty file");
}

void TestCsvLoadTask::badFileNamesLineAndColumn()
{
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, detail);
    const QString file = writeFile(QStringLiteral("bad.csv"), content);
    CsvLoadTask task(file);
    QSignalSpy failed(&task, &CsvLoadTask::failed);
    QSignalSpy finished(&task, &CsvLoadTask::finished);
    task.start();
    QVERIFY(failed.wait(kLoadTimeout));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(finished.count(), 0);
    QVERIFY(!task.isRunning());

    const QList<QVariant> arguments = failed.first();
    const QString message = arguments.at(0).toString();
    QCOMPARE(arguments.at(1).toInt(), line);
    QCOMPARE(arguments.at(2).toInt(), column);
    const QString reported = arguments.at(3).toString();
    QVERIFY2(reported.contains(detail, Qt::CaseInsensitive), qPrintable(reported));
    // The message is the whole line gdlab-run prints: FILE:LINE:COLUMN: detail.
    QString location = file;
    if (line > 0)
        location += QStringLiteral(":%1").arg(line);
    if (column > 0)
        location += QStringLiteral(":%1").arg(column);
    QCOMPARE(message, location + QStringLiteral(": ") + reported);
}

void TestCsvLoadTask::startTwiceReadsOnce()
{
    const QString file = writeFile(QStringLiteral("small.csv"), "x,y\n1,2\n2,4\n3,7\n");
    CsvLoadTask task(file);
    QSignalSpy finished(&task, &CsvLoadTask::finished);
    task.start();
    task.start();
    QVERIFY(finished.wait(kLoadTimeout));
    QTest::qWait(100);
    QCOMPARE(finished.count(), 1);
    task.start(); // after the end, too
    QTest::qWait(100);
    QCOMPARE(finished.count(), 1);
}

void TestCsvLoadTask::destroyedWhileRunning()
{
    const QString file = m_dir->filePath(QStringLiteral("large.csv"));
    QVERIFY(writeLargeCsv(file, 20 << 20));
    auto task = std::make_unique<CsvLoadTask>(file);
    QSignalSpy progress(task.get(), &CsvLoadTask::progress);
    task->start();
    QVERIFY(task->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 2, kLoadTimeout);
    task.reset(); // cancels and joins; nothing it posted may arrive at a deleted object
    QTest::qWait(50);
}

} // namespace tst_csv_load_task

QTEST_MAIN(tst_csv_load_task::TestCsvLoadTask)
#include "tst_csv_load_task.moc"
