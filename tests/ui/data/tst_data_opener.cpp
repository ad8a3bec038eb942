#include "data/data_opener.h"
#include "dataset.h"

#include "csv_reader.h"
#include "data/column_chooser_dialog.h"
#include "data/csv_load_task.h"
#include "data/recent_files.h"
#include "run.h"
#include "sampled_csv_reader.h"
#include "session/core_text.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "support/large_csv.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <QtTest>

#include <cstring>
#include <memory>

namespace tst_data_opener {

using gdlab::CsvLoadTask;
using gdlab::DataOpener;
using gdlab::Dataset;
using gdlab::IterationModel;
using gdlab::ProblemSpec;
using gdlab::RecentFiles;
using gdlab::Run;
using gdlab::SessionController;
using gdlab::test::writeLargeCsv;

namespace {

// Loads of a few MB run a debug build's parser for a while; generous, since QTRY returns as soon as it can.
constexpr int kLoadTimeout = 60000;

// What a user sees of a session (the run the model shows); equal snapshots mean "the data on screen is
// unchanged".
struct Snapshot {
    QString title;
    QString lessonName;
    std::vector<std::string> columnNames;
    Eigen::MatrixXd values;
    ProblemSpec spec;
    int rows = 0;
    Eigen::VectorXd lastTheta;

    static Snapshot of(const SessionController& controller)
    {
        const IterationModel& model = *controller.model();
        Snapshot snapshot;
        if (const Run* run = model.run()) {
            snapshot.title = QString::fromStdString(run->title);
            snapshot.lessonName = QString::fromStdString(run->lessonName);
            snapshot.columnNames = run->dataset->columnNames();
            snapshot.values = run->dataset->values();
            snapshot.spec = run->problem->spec();
        }
        snapshot.rows = model.rowCount();
        if (snapshot.rows > 0)
            snapshot.lastTheta = model.theta(snapshot.rows - 1);
        return snapshot;
    }

    bool operator==(const Snapshot& other) const
    {
        return title == other.title && lessonName == other.lessonName && columnNames == other.columnNames
            && values.rows() == other.values.rows() && values.cols() == other.values.cols() && values == other.values
            && spec == other.spec && rows == other.rows && lastTheta.size() == other.lastTheta.size()
            && lastTheta == other.lastTheta;
    }
};

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QMimeData* urlsMime(const QList<QUrl>& urls)
{
    auto* mime = new QMimeData;
    mime->setUrls(urls);
    return mime;
}

} // namespace

class TestDataOpener : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void goodFileLoads();
    void standardizeIsKeptFromTheRun();
    void badFileShowsWhereAndKeepsData_data();
    void badFileShowsWhereAndKeepsData();
    void missingFile();
    void directoryIsRefused();
    void secondBadFileReplacesTheMessage();
    void columnChooserForMoreThanTwoColumns();
    void rejectingTheChooserKeepsData();
    void progressForALargeFile();
    void cancelALargeLoad();
    void newerOpenCancelsTheOlder();
    void destroyWhileLoading();
    void loadedFilesBecomeRecent();
    void vanishedRecentFileIsDroppedWhenItFails();
    void recentFilesMenuOpensAFile();
    void dropOfAFileUrlLoadsIt();
    void dropRefusesWhatItCannotOpen();
    void exportRoundTrip();
    void exportToAnUnwritablePath();
    void exportWithNothingLoaded();
    void longFileOpensAsASample();
    void sgdReadsEveryRowAgain();
    void cancellingTheRowsKeepsTheSample();

private:
    QString path(const QString& name) const { return m_dir->filePath(name); }
    QString writeCsv(const QString& name, const QByteArray& bytes)
    {
        const QString file = path(name);
        if (!writeFile(file, bytes))
            qFatal("cannot write %s", qPrintable(file));
        return file;
    }
    /** Opens path and waits for the end of the load; returns loadingFinished's ok, or -1 on timeout. */
    int openAndWait(const QString& file);
    /** Writes a file of about 1 MiB and opens it with a limit that samples it; its rows in *rows. */
    void openSampled(qint64* rows);
    /** The run on screen (the lesson's until a file loads). */
    const Run& shown() const { return *m_controller->model()->run(); }
    QString shownTitle() const { return QString::fromStdString(shown().title); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QWidget> m_window;
    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<DataOpener> m_opener;
};

void TestDataOpener::initTestCase()
{
    // Recent files go to QSettings: keep them out of the user's own configuration.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("gdlab-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_data_opener"));
}

void TestDataOpener::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_window = std::make_unique<QWidget>();
    m_window->resize(800, 600);
    m_window->show();
    m_controller = std::make_unique<SessionController>();
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    m_opener = std::make_unique<DataOpener>(m_controller.get(), m_controller->model(), m_window.get());
}

void TestDataOpener::cleanup()
{
    m_opener.reset();
    m_controller.reset();
    m_window.reset();
    m_dir.reset();
    QSettings().clear();
}

int TestDataOpener::openAndWait(const QString& file)
{
    QSignalSpy finished(m_opener.get(), &DataOpener::loadingFinished);
    m_opener->openFile(file);
    if (!finished.wait(kLoadTimeout) && finished.isEmpty())
        return -1;
    m_controller->waitForComputation();
    return finished.first().first().toBool() ? 1 : 0;
}

void TestDataOpener::goodFileLoads()
{
    const QString file = writeCsv(QStringLiteral("good.csv"), "x,y\n1,3\n2,5.5\n3,7\n4,9.25\n");
    QSignalSpy started(m_opener.get(), &DataOpener::loadingStarted);
    QCOMPARE(openAndWait(file), 1);
    QCOMPARE(started.count(), 1);
    QVERIFY(!m_opener->isLoading());
    QVERIFY(!m_opener->activeMessageBox());
    QVERIFY(m_opener->lastErrorText().isEmpty());

    const Run& run = shown();
    QCOMPARE(shownTitle(), QStringLiteral("good.csv"));
    QVERIFY(run.lessonName.empty());
    QCOMPARE(run.cause, gdlab::RunCause::NewData);
    QCOMPARE(run.dataset->columnNames(), (std::vector<std::string> { "x", "y" }));
    Eigen::MatrixXd expected(4, 2);
    expected << 1, 3, 2, 5.5, 3, 7, 4, 9.25;
    QVERIFY(run.dataset->values() == expected);
    QCOMPARE(run.problem->spec().target, Eigen::Index(1));
    QCOMPARE(run.problem->spec().features, std::vector<Eigen::Index> { 0 });
    QCOMPARE(m_controller->model()->rowCount(), int(run.settings.iterations) + 1);
    QVERIFY(run.outcome);
    QCOMPARE(run.outcome->reason, gdlab::StopReason::MaxIterations);
}

void TestDataOpener::standardizeIsKeptFromTheRun()
{
    ProblemSpec spec = shown().problem->spec();
    spec.standardize = true;
    QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    m_controller->waitForComputation();
    QCOMPARE(openAndWait(writeCsv(QStringLiteral("scaled.csv"), "x,y\n1,3\n2,5.5\n3,7\n")), 1);
    QCOMPARE(shownTitle(), QStringLiteral("scaled.csv"));
    QVERIFY(shown().problem->isStandardized());

    // And off again: the next file follows the run on screen, not the first choice.
    spec = shown().problem->spec();
    spec.standardize = false;
    QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    m_controller->waitForComputation();
    QCOMPARE(openAndWait(writeCsv(QStringLiteral("plain.csv"), "x,y\n1,3\n2,5.5\n3,7\n")), 1);
    QVERIFY(!shown().problem->isStandardized());
}

void TestDataOpener::badFileShowsWhereAndKeepsData_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("standardize");
    QTest::addColumn<int>("line"); // 0: the message names no line
    QTest::addColumn<int>("column"); // 0: the message names no column
    QTest::addColumn<QString>("detail");

    QTest::addRow("non-numeric cell") << QByteArray("x,y\n1,2\n2,4\n3,abc\n") << false << 4 << 2
                                      << QStringLiteral("'abc' is not a number (column 'y')");
    QTest::addRow("empty cell") << QByteArray("x,y\n1,2\n,4\n") << false << 3 << 1 << QStringLiteral("Empty cell");
    QTest::addRow("NaN") << QByteArray("x,y\n1,2\n2,NaN\n") << false << 3 << 2 << QStringLiteral("NaN");
    QTest::addRow("infinity") << QByteArray("x,y\n1,2\ninf,3\n") << false << 3 << 1 << QStringLiteral("infinity");
    QTest::addRow("ragged, too few") << QByteArray("x,y\n1,2\n3\n") << false << 3 << 2
                                     << QStringLiteral("too few cells: expected 2, found 1");
    QTest::addRow("ragged, too many") << QByteArray("x,y\n1,2\n3,4,5\n") << false << 3 << 3
                                      << QStringLiteral("too many cells: expected 2, found 3");
    QTest::addRow("no numeric column") << QByteArray("name,city\nann,oslo\nbob,rome\n") << false << 2 << 0
                                       << QStringLiteral("No numeric column");
    QTest::addRow("one numeric column") << QByteArray("x,name\n1,ann\n2,bob\n3,cy\n") << false << 0 << 0
                                        << QStringLiteral("Only one numeric column ('x')");
    QTest::addRow("header only") << QByteArray("x,y\n") << false << 1 << 0 << QStringLiteral("only a header");
    QTest::addRow("empty file") << QByteArray("") << false << 0 << 0 << QStringLiteral("Empty file");
    QTest::addRow("blank line inside") << QByteArray("x,y\n1,2\n\n3,4\n") << false << 3 << 0
                                       << QStringLiteral("Empty line in the middle of the data");
    QTest::addRow("single data row") << QByteArray("x,y\n1,2\n") << false << 0 << 0
                                     << QStringLiteral("1 data row but 2 parameters to fit");
    QTest::addRow("constant column, standardized")
        << QByteArray("x,y\n1,2\n1,3\n1,5\n") << true << 0 << 0 << QStringLiteral("column 'x' is constant");
    QTest::addRow("non-UTF-8") << QByteArray("x,y\n1,2\ncaf\xe9,3\n") << false << 3 << 1
                               << QStringLiteral("not UTF-8 text");
    QTest::addRow("UTF-16") << QByteArray("\xff\xfex\0,\0y\0\n\0", 10) << false << 0 << 0
                            << QStringLiteral("UTF-16 text");
    QTest::addRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18) << false << 3 << 1
                            << QStringLiteral("binary file, not text");
    QTest::addRow("unterminated quote") << QByteArray("x,y\n1,\"2\n3,4\n") << false << 2 << 2
                                        << QStringLiteral("unterminated quote");
}

void TestDataOpener::badFileShowsWhereAndKeepsData()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, standardize);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, detail);

    if (standardize) {
        ProblemSpec spec = shown().problem->spec();
        spec.standardize = true;
        QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
        m_controller->waitForComputation();
    }
    const QString file = writeCsv(QStringLiteral("bad data.csv"), content);
    const Snapshot before = Snapshot::of(*m_controller);

    QCOMPARE(openAndWait(file), 0);
    QVERIFY(Snapshot::of(*m_controller) == before);

    QMessageBox* box = m_opener->activeMessageBox();
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QCOMPARE(box->icon(), QMessageBox::Warning);
    QCOMPARE(box->text(), QStringLiteral("Could not open bad data.csv"));
    const QString explanation = box->informativeText();
    QString location;
    if (line > 0 && column > 0)
        location = QStringLiteral("Line %1, column %2: ").arg(line).arg(column);
    else if (line > 0)
        location = QStringLiteral("Line %1: ").arg(line);
    QVERIFY2(explanation.startsWith(location), qPrintable(explanation));
    if (line == 0)
        QVERIFY2(!explanation.startsWith(QStringLiteral("Line")), qPrintable(explanation));
    QVERIFY2(explanation.contains(detail, Qt::CaseInsensitive), qPrintable(explanation));
    QVERIFY2(explanation.endsWith(QStringLiteral("The data on screen is unchanged.")), qPrintable(explanation));
    // The full path and location in one line, as gdlab-run prints it, for a teacher who reports the problem.
    QString where = QDir::toNativeSeparators(file);
    if (line > 0)
        where += QStringLiteral(":%1").arg(line);
    if (column > 0)
        where += QStringLiteral(":%1").arg(column);
    QVERIFY2(box->detailedText().startsWith(where + QStringLiteral(": ")), qPrintable(box->detailedText()));
    QVERIFY2(box->detailedText().contains(detail, Qt::CaseInsensitive), qPrintable(box->detailedText()));
    QCOMPARE(m_opener->lastErrorText(), box->text() + QLatin1Char('\n') + explanation);
    QVERIFY(m_opener->recentFiles()->files().isEmpty());
}

void TestDataOpener::missingFile()
{
    const Snapshot before = Snapshot::of(*m_controller);
    QCOMPARE(openAndWait(path(QStringLiteral("nowhere.csv"))), 0);
    QVERIFY(Snapshot::of(*m_controller) == before);
    QVERIFY(m_opener->activeMessageBox());
    QCOMPARE(m_opener->activeMessageBox()->text(), QStringLiteral("Could not open nowhere.csv"));
    QVERIFY2(m_opener->activeMessageBox()->informativeText().startsWith(
                 QStringLiteral("Cannot open file: No such file or directory")),
        qPrintable(m_opener->lastErrorText()));
}

void TestDataOpener::directoryIsRefused()
{
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("folder.csv")));
    const Snapshot before = Snapshot::of(*m_controller);
    QCOMPARE(openAndWait(path(QStringLiteral("folder.csv"))), 0);
    QVERIFY(Snapshot::of(*m_controller) == before);
    QVERIFY2(
        m_opener->lastErrorText().contains(QStringLiteral("it is a directory")), qPrintable(m_opener->lastErrorText()));
}

void TestDataOpener::secondBadFileReplacesTheMessage()
{
    QCOMPARE(openAndWait(writeCsv(QStringLiteral("a.csv"), "x,y\n1,2\n3,q\n")), 0);
    QPointer<QMessageBox> first = m_opener->activeMessageBox();
    QVERIFY(first);
    QCOMPARE(openAndWait(writeCsv(QStringLiteral("b.csv"), "x,y\n1,2\n3\n")), 0);
    QVERIFY(m_opener->activeMessageBox());
    QVERIFY(m_opener->activeMessageBox() != first.data());
    QTRY_VERIFY(!first || !first->isVisible());
    QCOMPARE(m_opener->activeMessageBox()->text(), QStringLiteral("Could not open b.csv"));
}

void TestDataOpener::columnChooserForMoreThanTwoColumns()
{
    const QString file = writeCsv(
        QStringLiteral("three.csv"), "name,a,b,c,y\np,1,2,0.5,10\nq,2,1,0.25,11\nr,3,5,1,17\ns,4,3,2,18\nt,5,8,0,26\n");
    QSignalSpy finished(m_opener.get(), &DataOpener::loadingFinished);
    m_opener->openFile(file);
    QTRY_VERIFY_WITH_TIMEOUT(m_opener->activeColumnChooser(), kLoadTimeout);
    QVERIFY(finished.isEmpty());
    QVERIFY(m_opener->isLoading());
    gdlab::ColumnChooserDialog* chooser = m_opener->activeColumnChooser();
    QVERIFY(chooser->isVisible());
    QVERIFY(chooser->summaryLabel()->text().contains(QStringLiteral("Text columns skipped")));
    QCOMPARE(shown().lessonName, std::string("five_points")); // nothing changed yet

    chooser->setTargetColumn(3);
    chooser->setFeatureChecked(2, false);
    chooser->buttonBox()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    m_controller->waitForComputation();
    QCOMPARE(shown().dataset->columnNames(), (std::vector<std::string> { "a", "b", "c", "y" }));
    QCOMPARE(shown().problem->spec().target, Eigen::Index(3));
    QCOMPARE(shown().problem->spec().features, (std::vector<Eigen::Index> { 0, 1 }));
    QCOMPARE(shownTitle(), QStringLiteral("three.csv"));
    QTRY_VERIFY(!m_opener->activeColumnChooser());
}

void TestDataOpener::rejectingTheChooserKeepsData()
{
    const QString file = writeCsv(QStringLiteral("three.csv"), "a,b,y\n1,2,3\n2,1,4\n3,5,9\n4,4,9\n");
    const Snapshot before = Snapshot::of(*m_controller);
    QSignalSpy finished(m_opener.get(), &DataOpener::loadingFinished);
    m_opener->openFile(file);
    QTRY_VERIFY_WITH_TIMEOUT(m_opener->activeColumnChooser(), kLoadTimeout);
    m_opener->activeColumnChooser()->reject();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!m_opener->isLoading());
    QVERIFY(Snapshot::of(*m_controller) == before);
    QVERIFY(!m_opener->activeMessageBox()); // the user said no; that is not an error
}

void TestDataOpener::progressForALargeFile()
{
    qint64 rows = 0;
    const QString file = path(QStringLiteral("large.csv"));
    QVERIFY(writeLargeCsv(file, 8 << 20, &rows));
    m_opener->setAskForColumns(false);

    // The GUI thread must keep running while the worker reads: a timer keeps ticking.
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(5);

    QSignalSpy finished(m_opener.get(), &DataOpener::loadingFinished);
    m_opener->openFile(file);
    QVERIFY(m_opener->activeTask());
    QVERIFY(m_opener->progressDialog());
    QCOMPARE(m_opener->progressDialog()->minimumDuration(), 300);
    QVERIFY(!m_opener->progressDialog()->isModal());
    QSignalSpy progress(m_opener->activeTask(), &CsvLoadTask::progress);
    QVERIFY(finished.wait(kLoadTimeout));
    ticker.stop();
    QCOMPARE(finished.first().first().toBool(), true);

    QVERIFY2(progress.count() >= 3, qPrintable(QString::number(progress.count())));
    int previous = -1;
    bool sawIntermediate = false;
    for (const QList<QVariant>& arguments : std::as_const(progress)) {
        const int percent = arguments.first().toInt();
        QVERIFY(percent >= previous);
        QVERIFY(percent >= 0 && percent <= 100);
        sawIntermediate = sawIntermediate || (percent > 0 && percent < 100);
        previous = percent;
    }
    QVERIFY(sawIntermediate);
    QCOMPARE(previous, 100);
    QVERIFY(ticks > 0);
    QCOMPARE(shown().dataset->rowCount(), Eigen::Index(rows));
    QCOMPARE(shown().dataset->columnCount(), Eigen::Index(3));
}

void TestDataOpener::cancelALargeLoad()
{
    const QString file = path(QStringLiteral("huge.csv"));
    QVERIFY(writeLargeCsv(file, 50 << 20));
    m_opener->setAskForColumns(false);
    const Snapshot before = Snapshot::of(*m_controller);

    QSignalSpy finished(m_opener.get(), &DataOpener::loadingFinished);
    m_opener->openFile(file);
    CsvLoadTask* task = m_opener->activeTask();
    QVERIFY(task);
    QSignalSpy cancelled(task, &CsvLoadTask::cancelled);
    QSignalSpy loaded(task, &CsvLoadTask::finished);
    // Cancel as the user would, with the progress dialog's button, at the first progress from the worker.
    QProgressDialog* dialog = m_opener->progressDialog();
    QVERIFY(dialog);
    auto* cancelButton = dialog->findChild<QPushButton*>();
    QVERIFY(cancelButton);
    connect(task, &CsvLoadTask::progress, cancelButton, [cancelButton](int percent) {
        if (percent > 0)
            cancelButton->click();
    });
    QVERIFY(finished.wait(kLoadTimeout));
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(loaded.count(), 0);
    QVERIFY(!m_opener->isLoading());
    QVERIFY(!m_opener->activeMessageBox());
    QVERIFY(Snapshot::of(*m_controller) == before);
    QVERIFY(m_opener->recentFiles()->files().isEmpty());
}

void TestDataOpener::newerOpenCancelsTheOlder()
{
    const QString large = path(QStringLiteral("large.csv"));
    QVERIFY(writeLargeCsv(large, 20 << 20));
    const QString good = writeCsv(QStringLiteral("good.csv"), "x,y\n1,2\n2,4.5\n3,6\n");
    QSignalSpy finished(m_opener.get(), &DataOpener::loadingFinished);
    m_opener->openFile(large);
    m_opener->openFile(good);
    QCOMPARE(finished.count(), 1); // the first, given up
    QCOMPARE(finished.first().first().toBool(), false);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kLoadTimeout);
    QCOMPARE(finished.last().first().toBool(), true);
    m_controller->waitForComputation();
    QCOMPARE(shownTitle(), QStringLiteral("good.csv"));
    // Nothing from the abandoned read arrives later.
    QTest::qWait(200);
    QCOMPARE(finished.count(), 2);
    QCOMPARE(shownTitle(), QStringLiteral("good.csv"));
}

void TestDataOpener::destroyWhileLoading()
{
    const QString file = path(QStringLiteral("large.csv"));
    QVERIFY(writeLargeCsv(file, 20 << 20));
    const Snapshot before = Snapshot::of(*m_controller);
    m_opener->openFile(file);
    QTest::qWait(20);
    m_opener.reset();
    QTest::qWait(50);
    QVERIFY(Snapshot::of(*m_controller) == before);
}

// The list itself is RecentFiles's (tst_recent_files); here: what the opener puts on it.
void TestDataOpener::loadedFilesBecomeRecent()
{
    RecentFiles* recent = m_opener->recentFiles();
    QVERIFY(recent->files().isEmpty());
    const QString a = writeCsv(QStringLiteral("a.csv"), "x,y\n1,2\n2,4.5\n3,6\n");
    const QString b = writeCsv(QStringLiteral("b.csv"), "x,y\n1,2\n2,4.5\n3,7\n");
    QSignalSpy changed(recent, &RecentFiles::changed);
    QCOMPARE(openAndWait(a), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(openAndWait(b), 1);
    QCOMPARE(recent->files(), (QStringList { QFileInfo(b).absoluteFilePath(), QFileInfo(a).absoluteFilePath() }));
    // Opening a listed file again moves it to the top.
    QCOMPARE(openAndWait(a), 1);
    QCOMPARE(recent->files().first(), QFileInfo(a).absoluteFilePath());
    QCOMPARE(recent->files().size(), 2);
    // A file that fails to load is not listed.
    QCOMPARE(openAndWait(writeCsv(QStringLiteral("bad.csv"), "x,y\n1,q\n")), 0);
    QCOMPARE(recent->files().size(), 2);
    // The file dialogs start where the last file came from.
    QCOMPARE(recent->startDirectory(), QFileInfo(a).absolutePath());
}

void TestDataOpener::vanishedRecentFileIsDroppedWhenItFails()
{
    const QString a = writeCsv(QStringLiteral("a.csv"), "x,y\n1,2\n2,4.5\n3,6\n");
    QCOMPARE(openAndWait(a), 1);
    QVERIFY(QFile::remove(a));
    // Listed in the settings (as a menu built before the file vanished would offer it), then opened: the failed
    // open drops it.
    QSettings().setValue(QStringLiteral("data/recentFiles"), QStringList { QFileInfo(a).absoluteFilePath() });
    QCOMPARE(openAndWait(a), 0);
    QVERIFY(QSettings().value(QStringLiteral("data/recentFiles")).toStringList().isEmpty());
}

void TestDataOpener::recentFilesMenuOpensAFile()
{
    QMenu* menu = m_opener->recentFilesMenu();
    QVERIFY(menu);
    QCOMPARE(menu->actions().size(), 1);
    QVERIFY(!menu->actions().first()->isEnabled()); // "No recent files"

    const QString a = writeCsv(QStringLiteral("first.csv"), "x,y\n1,2\n2,4.5\n3,6\n");
    const QString b = writeCsv(QStringLiteral("second.csv"), "u,v\n1,2\n2,4\n3,7\n");
    QCOMPARE(openAndWait(a), 1);
    QCOMPARE(openAndWait(b), 1);
    QList<QAction*> actions = menu->actions();
    QCOMPARE(actions.size(), 4); // two files, a separator, "Clear list"
    QCOMPARE(actions.at(0)->text(), QStringLiteral("&1 second.csv"));
    QCOMPARE(actions.at(1)->text(), QStringLiteral("&2 first.csv"));
    QCOMPARE(actions.at(1)->data().toString(), QFileInfo(a).absoluteFilePath());
    QVERIFY(actions.at(2)->isSeparator());

    QSignalSpy finished(m_opener.get(), &DataOpener::loadingFinished);
    actions.at(1)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kLoadTimeout);
    QCOMPARE(finished.first().first().toBool(), true);
    m_controller->waitForComputation();
    QCOMPARE(shownTitle(), QStringLiteral("first.csv"));
    QCOMPARE(menu->actions().at(0)->text(), QStringLiteral("&1 first.csv"));
}

void TestDataOpener::dropOfAFileUrlLoadsIt()
{
    const QString file = writeCsv(QStringLiteral("dropped.csv"), "x,y\n1,2\n2,4.5\n3,6\n");
    const std::unique_ptr<QMimeData> mime(urlsMime({ QUrl::fromLocalFile(file) }));
    QVERIFY(m_opener->canAccept(mime.get()));
    QSignalSpy finished(m_opener.get(), &DataOpener::loadingFinished);
    QVERIFY(m_opener->drop(mime.get()));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kLoadTimeout);
    QCOMPARE(finished.first().first().toBool(), true);
    m_controller->waitForComputation();
    QCOMPARE(shownTitle(), QStringLiteral("dropped.csv"));
}

void TestDataOpener::dropRefusesWhatItCannotOpen()
{
    const QString a = writeCsv(QStringLiteral("a.csv"), "x,y\n1,2\n2,4\n");
    const QString b = writeCsv(QStringLiteral("b.csv"), "x,y\n1,2\n2,4\n");
    QVERIFY(!m_opener->canAccept(nullptr));
    const std::unique_ptr<QMimeData> text(new QMimeData);
    text->setText(QStringLiteral("1,2\n3,4"));
    QVERIFY(!m_opener->canAccept(text.get()));
    const std::unique_ptr<QMimeData> two(urlsMime({ QUrl::fromLocalFile(a), QUrl::fromLocalFile(b) }));
    QVERIFY(!m_opener->canAccept(two.get()));
    const std::unique_ptr<QMimeData> folder(urlsMime({ QUrl::fromLocalFile(m_dir->path()) }));
    QVERIFY(!m_opener->canAccept(folder.get()));
    const std::unique_ptr<QMimeData> remote(urlsMime({ QUrl(QStringLiteral("https://example.org/data.csv")) }));
    QVERIFY(!m_opener->canAccept(remote.get()));
    QSignalSpy started(m_opener.get(), &DataOpener::loadingStarted);
    QVERIFY(!m_opener->drop(two.get()));
    QCOMPARE(started.count(), 0);
}

void TestDataOpener::exportRoundTrip()
{
    // Values that only survive with 17 significant digits, and a name that needs quoting.
    const QString file = writeCsv(QStringLiteral("source.csv"),
        "\"height, cm\",y\n0.1,0.30000000000000004\n0.3333333333333333,-2.5e-300\n1e22,7\n");
    QCOMPARE(openAndWait(file), 1);
    const Dataset original = *shown().dataset;
    const Snapshot before = Snapshot::of(*m_controller);

    const QString exported = path(QStringLiteral("exported.csv"));
    QString error;
    QVERIFY2(m_opener->exportData(exported, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QVERIFY(Snapshot::of(*m_controller) == before);

    const Dataset back = gdlab::CsvReader::readFile(QFile::encodeName(exported).toStdString());
    QCOMPARE(back.columnNames(), original.columnNames());
    QCOMPARE(back.rowCount(), original.rowCount());
    QVERIFY(std::memcmp(back.values().data(), original.values().data(),
                sizeof(double) * static_cast<std::size_t>(original.values().size()))
        == 0);

    // The lesson's data exports as well, and the export reopens through the opener.
    QVERIFY(m_controller->loadLesson(QStringLiteral("two_features_n50")).isEmpty());
    m_controller->waitForComputation();
    const Dataset lesson = *shown().dataset;
    QVERIFY(m_opener->exportData(exported, &error));
    m_opener->setAskForColumns(false);
    QCOMPARE(openAndWait(exported), 1);
    QVERIFY(shown().dataset->values() == lesson.values());
    QCOMPARE(shown().dataset->columnNames(), lesson.columnNames());
    QCOMPARE(m_opener->recentFiles()->files().first(), QFileInfo(exported).absoluteFilePath());
}

void TestDataOpener::exportToAnUnwritablePath()
{
    const QString regular = writeCsv(QStringLiteral("plain.csv"), "x,y\n1,2\n");
    const Snapshot before = Snapshot::of(*m_controller);
    const QString target = regular + QStringLiteral("/out.csv");
    QString error;
    QVERIFY(!m_opener->exportData(target, &error));
    QVERIFY2(
        error.startsWith(QStringLiteral("Cannot write %1: ").arg(QDir::toNativeSeparators(target))), qPrintable(error));
    QVERIFY(Snapshot::of(*m_controller) == before);
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(m_opener->recentFiles()->files().isEmpty());
}

void TestDataOpener::exportWithNothingLoaded()
{
    SessionController empty;
    DataOpener opener(&empty, empty.model(), m_window.get());
    QString error;
    QVERIFY(!opener.exportData(path(QStringLiteral("nothing.csv")), &error));
    QCOMPARE(error, QStringLiteral("There is no data to export."));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("nothing.csv"))));

    // A refusal before anything is loaded does not claim that data on screen is unchanged: there is none.
    QSignalSpy finished(&opener, &DataOpener::loadingFinished);
    opener.openFile(writeCsv(QStringLiteral("bad.csv"), "x,y\n1,q\n"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kLoadTimeout);
    QVERIFY(opener.activeMessageBox());
    QVERIFY2(!opener.lastErrorText().contains(QStringLiteral("unchanged")), qPrintable(opener.lastErrorText()));
}

void TestDataOpener::openSampled(qint64* rows)
{
    const QString file = path(QStringLiteral("long.csv"));
    QVERIFY(writeLargeCsv(file, 1 << 20, rows));
    gdlab::SampledCsvReader::Limits limits;
    limits.sampleAboveBytes = 256 << 10;
    limits.uniformRows = 500;
    limits.tailRows = 10;
    m_opener->setSampleLimits(limits);
    m_opener->setAskForColumns(false);
    QCOMPARE(openAndWait(file), 1);
}

void TestDataOpener::longFileOpensAsASample()
{
    qint64 rows = 0;
    openSampled(&rows);
    const Dataset& data = *shown().dataset;
    QVERIFY(data.isSample());
    QCOMPARE(data.fullRowCount(), Eigen::Index(rows));
    QVERIFY2(
        data.rowCount() >= 500 && data.rowCount() <= 500 + 2 * 10 * 3, qPrintable(QString::number(data.rowCount())));
    QCOMPARE(shown().problem->sampleCount(), Eigen::Index(rows));
    // Every number is of all the rows: the closed form and the last state of the descent as with every row read.
    const Run whole = gdlab::runDescent(
        gdlab::CsvReader::readFile(path(QStringLiteral("long.csv")).toStdString()), ProblemSpec {}, shown().settings);
    QVERIFY((shown().leastSquares.theta - whole.leastSquares.theta).norm() <= 1e-9 * whole.leastSquares.theta.norm());
    const int last = m_controller->model()->lastRow();
    QCOMPARE(m_controller->model()->rowCount(), int(whole.history->size()));
    QVERIFY(std::abs(m_controller->model()->loss(last) - whole.history->loss(whole.history->size() - 1))
        <= 1e-9 * whole.history->loss(whole.history->size() - 1));
    QCOMPARE(gdlab::CoreText::sampleNote(data),
        QStringLiteral("showing %1 of %2 rows")
            .arg(QLocale(QLocale::English).toString(qlonglong(data.rowCount())),
                QLocale(QLocale::English).toString(rows)));
    // The rows on screen are not the data: exporting them is refused, and says why.
    QString error;
    QVERIFY(!m_opener->exportData(path(QStringLiteral("out.csv")), &error));
    QVERIFY2(error.contains(QStringLiteral("only a sample")), qPrintable(error));
    QVERIFY(!QFile::exists(path(QStringLiteral("out.csv"))));
}

void TestDataOpener::sgdReadsEveryRowAgain()
{
    qint64 rows = 0;
    openSampled(&rows);
    const ProblemSpec spec = shown().problem->spec();
    gdlab::SolverSettings sgd = shown().settings;
    sgd.method = gdlab::DescentMethod::Sgd;
    // Refused by the controller (no rows), done by the opener reading them.
    QVERIFY(!m_controller->setSettings(sgd).isEmpty());
    QVERIFY(shown().dataset->isSample());
    QSignalSpy finished(m_opener.get(), &DataOpener::loadingFinished);
    m_opener->reloadRows(sgd);
    QVERIFY(m_opener->isReloadingRows());
    QVERIFY(m_opener->progressDialog());
    QVERIFY2(m_opener->progressDialog()->labelText().contains(QStringLiteral("every row")),
        qPrintable(m_opener->progressDialog()->labelText()));
    QVERIFY(finished.wait(kLoadTimeout));
    QCOMPARE(finished.first().first().toBool(), true);
    m_controller->waitForComputation();
    QVERIFY(!m_opener->isReloadingRows());
    QVERIFY(!shown().dataset->isSample());
    QCOMPARE(shown().dataset->rowCount(), Eigen::Index(rows));
    QVERIFY(shown().problem->keepsRows());
    QVERIFY(shown().problem->spec() == spec);
    QCOMPARE(shown().settings.method, gdlab::DescentMethod::Sgd);
    QVERIFY(!m_opener->activeMessageBox());
}

void TestDataOpener::cancellingTheRowsKeepsTheSample()
{
    qint64 rows = 0;
    openSampled(&rows);
    const Snapshot before = Snapshot::of(*m_controller);
    gdlab::SolverSettings miniBatch = shown().settings;
    miniBatch.method = gdlab::DescentMethod::MiniBatch;
    QSignalSpy finished(m_opener.get(), &DataOpener::loadingFinished);
    m_opener->reloadRows(miniBatch);
    m_opener->cancelLoading();
    QVERIFY(finished.wait(kLoadTimeout));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(Snapshot::of(*m_controller) == before);
    QVERIFY(shown().dataset->isSample());
    QCOMPARE(shown().settings.method, gdlab::DescentMethod::Batch);
}

} // namespace tst_data_opener

QTEST_MAIN(tst_data_opener::TestDataOpener)
#include "tst_data_opener.moc"
