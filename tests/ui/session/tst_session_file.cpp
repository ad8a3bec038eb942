// The .gdlab session file: what is written reads back to the same run (data, columns, every setting, ghosts,
// cursor), a controller opens it in one step, and every kind of bad file is refused with a message that says
// where, changing nothing.
#include "session/session_file.h"

#include "csv_reader.h"
#include "history.h"
#include "problem_accumulator.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace tst_session_file {

using gdlab::Dataset;
using gdlab::SavedSession;
using gdlab::SessionController;
using gdlab::SessionFile;
using gdlab::SolverSettings;

namespace {

std::optional<SavedSession> reread(const SessionController& controller)
{
    const QByteArray bytes
        = SessionFile::write(*controller.latestRun(), controller.model()->iteration(controller.model()->currentRow()),
            QJsonObject { { QStringLiteral("loss_axis"), QStringLiteral("linear") } });
    QString error;
    std::optional<SavedSession> session = SessionFile::read(bytes, QStringLiteral("class.gdlab"), &error);
    if (!session)
        qWarning("%s", qPrintable(error));
    return session;
}

/** The message reading bytes gives; empty when it reads. */
QString refusal(const QByteArray& bytes)
{
    QString error;
    return SessionFile::read(bytes, QStringLiteral("class.gdlab"), &error) ? QString() : error;
}

} // namespace

class TestSessionFile : public QObject {
    Q_OBJECT

private slots:
    void lessonRoundTrip();
    void everySettingRoundTrips();
    void userDataIsSavedInTheFile();
    void openingRestoresTheRunInOneStep();
    void aSampleIsSavedByItsFile();
    void badFilesAreRefused_data();
    void badFilesAreRefused();
    void missingCsvIsNamed();
};

void TestSessionFile::lessonRoundTrip()
{
    SessionController controller;
    QVERIFY(controller.loadLesson(QStringLiteral("exam_hours")).isEmpty());
    controller.setGhostIterations({ 5, 50 });
    controller.model()->setCurrentRow(42);
    const std::optional<SavedSession> session = reread(controller);
    QVERIFY(session);
    QCOMPARE(session->lesson, std::string("exam_hours"));
    QCOMPARE(session->title, controller.latestRun()->title);
    QVERIFY(session->settings == controller.latestRun()->settings);
    QVERIFY(session->spec == controller.latestRun()->problem->spec());
    QCOMPARE(session->ghostIterations, (std::vector<long long> { 5, 50 }));
    QCOMPARE(session->iteration, 42LL);
    QCOMPARE(session->dataset->values(), controller.latestRun()->dataset->values());
    QCOMPARE(session->views.value(QStringLiteral("loss_axis")).toString(), QStringLiteral("linear"));
    // An edited lesson is no longer the lesson: its rows go into the file.
    Dataset moved = *controller.latestRun()->dataset;
    Eigen::MatrixXd values = moved.values();
    values(0, 0) += 0.25;
    QVERIFY(controller.editDataset(Dataset(moved.columnNames(), values, moved.source()), QStringLiteral("edited"))
                .isEmpty());
    const std::optional<SavedSession> edited = reread(controller);
    QVERIFY(edited && edited->lesson.empty());
    QCOMPARE(edited->dataset->values(), controller.latestRun()->dataset->values());
    QCOMPARE(edited->dataset->values()(0, 0), values(0, 0));
}

void TestSessionFile::everySettingRoundTrips()
{
    SessionController controller;
    QVERIFY(controller.loadLesson(QStringLiteral("two_features_n100")).isEmpty());
    SolverSettings settings = controller.latestRun()->settings;
    settings.method = gdlab::DescentMethod::MiniBatch;
    settings.batchSize = 7;
    settings.shuffle = true;
    settings.seed = (std::uint64_t(1) << 60) + 3; // beyond a double's digits
    settings.learningRate = 0.1 / 3;
    settings.iterations = 123;
    settings.tolerance = 1e-9;
    settings.loss = gdlab::LossKind::HalfMse;
    settings.init = gdlab::InitKind::Values;
    settings.initValues = { 0.1, -1.0 / 3, 2e-300 };
    settings.optimizer.kind = gdlab::OptimizerKind::Adam;
    settings.optimizer.beta1 = 0.8;
    settings.optimizer.epsilon = 1e-6;
    QVERIFY(controller.setSettings(settings).isEmpty());
    gdlab::ProblemSpec spec = controller.latestRun()->problem->spec();
    spec.standardize = true;
    QVERIFY(controller.setProblemSpec(spec).isEmpty());
    controller.waitForComputation();
    const std::optional<SavedSession> session = reread(controller);
    QVERIFY(session);
    QVERIFY(session->settings == controller.latestRun()->settings);
    QCOMPARE(session->settings.seed, settings.seed);
    QVERIFY(session->spec == controller.latestRun()->problem->spec());

    // The optimizer's default ε stays a default; a random start stays random.
    settings.optimizer = {};
    settings.optimizer.kind = gdlab::OptimizerKind::AdaGrad;
    settings.init = gdlab::InitKind::Random;
    settings.initValues.clear();
    QVERIFY(controller.setSettings(settings).isEmpty());
    controller.waitForComputation();
    const std::optional<SavedSession> defaults = reread(controller);
    QVERIFY(defaults && !defaults->settings.optimizer.epsilon);
    QVERIFY(defaults->settings == controller.latestRun()->settings);
}

void TestSessionFile::userDataIsSavedInTheFile()
{
    SessionController controller;
    const Dataset data = gdlab::CsvReader::parse("hours,passed\n0.5,0\n1.25,0\n2,1\n3.3333333333333335,1\n", "h.csv");
    QVERIFY(controller.openDataset(data, gdlab::ProblemSpec {}, QStringLiteral("my class")).isEmpty());
    const std::optional<SavedSession> session = reread(controller);
    QVERIFY(session && session->lesson.empty());
    QCOMPARE(session->title, std::string("my class"));
    QCOMPARE(session->dataset->columnNames(), data.columnNames());
    QCOMPARE(session->dataset->values(), data.values()); // bit for bit
}

void TestSessionFile::openingRestoresTheRunInOneStep()
{
    SessionController original;
    QVERIFY(original.loadLesson(QStringLiteral("five_points")).isEmpty());
    QVERIFY(original.setLearningRate(0.05).isEmpty());
    original.waitForComputation();
    original.model()->setCurrentRow(17);
    const std::optional<SavedSession> session = reread(original);
    QVERIFY(session);

    SessionController restored;
    QVERIFY(restored.loadLesson(QStringLiteral("nist_norris")).isEmpty());
    QSignalSpy resets(restored.model(), &gdlab::IterationModel::runReset);
    QVERIFY(restored.openSession(*session).isEmpty());
    restored.waitForComputation();
    QCOMPARE(resets.count(), 1);
    const gdlab::Run& run = *restored.latestRun();
    QCOMPARE(run.lessonName, std::string("five_points"));
    QVERIFY(run.settings == original.latestRun()->settings);
    QCOMPARE(restored.model()->iteration(restored.model()->currentRow()), 17LL);
    QCOMPARE(run.history->size(), original.latestRun()->history->size());
    QCOMPARE(run.history->theta(run.history->size() - 1),
        original.latestRun()->history->theta(original.latestRun()->history->size() - 1));

    // A session whose settings cannot run (a start of the wrong size for these columns is dropped, but a logistic
    // model on a target of 1…5 is refused) leaves the screen as it was.
    SavedSession bad = *session;
    bad.settings.model = gdlab::ModelKind::Logistic;
    QVERIFY(!restored.openSession(bad).isEmpty());
    QCOMPARE(resets.count(), 1);
    QCOMPARE(restored.latestRun()->lessonName, std::string("five_points"));
}

void TestSessionFile::badFilesAreRefused_data()
{
    SessionController controller;
    QVERIFY(controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    const QByteArray good = SessionFile::write(*controller.latestRun(), 10, {});
    QVERIFY(refusal(good).isEmpty());
    const auto replaced = [&good](const char* from, const char* to) {
        QByteArray bytes = good;
        bytes.replace(from, to);
        if (bytes == good)
            qFatal("the session has no %s", from);
        return bytes;
    };

    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::addRow("truncated") << good.left(good.size() / 2) << "class.gdlab: line ";
    QTest::addRow("empty") << QByteArray() << "line 1, column 1";
    QTest::addRow("not json") << QByteArray("x,y\n1,2\n") << "line 1, column 2: illegal value";
    QTest::addRow("another format") << replaced("gdlab-session", "gdlab-history-settings") << "not a gdlab session";
    QTest::addRow("newer") << replaced("\"version\": 1", "\"version\": 2") << "newer gdlab (session version 2)";
    QTest::addRow("rate as text") << replaced("\"learning_rate\": 0.01", "\"learning_rate\": \"fast\"")
                                  << "settings.learning_rate: expected a number above 0, found \"fast\"";
    QTest::addRow("negative rate") << replaced("\"learning_rate\": 0.01", "\"learning_rate\": -1")
                                   << "settings.learning_rate";
    QTest::addRow("unknown method") << replaced("\"batch\"", "\"lbfgs\"") << "settings.method";
    QTest::addRow("unknown optimizer") << replaced("\"name\": \"gd\"", "\"name\": \"sgd2\"")
                                       << "settings.optimizer.name";
    QTest::addRow("momentum of 1") << replaced("\"momentum\": 0.9", "\"momentum\": 1") << "settings.optimizer.momentum";
    QTest::addRow("half an iteration") << replaced("\"iterations\": 1000", "\"iterations\": 10.5")
                                       << "settings.iterations: expected a whole number";
    QTest::addRow("logloss of linear") << replaced("\"loss\": \"mse\"", "\"loss\": \"logloss\"") << "settings.loss";
    QTest::addRow("unknown column") << replaced("\"target\": \"y\"", "\"target\": \"price\"") << "problem.target";
    QTest::addRow("unknown lesson") << replaced("\"lesson\": \"five_points\"", "\"lesson\": \"six_points\"")
                                    << "no lesson is called \"six_points\"";
    QTest::addRow("negative cursor") << replaced("\"iteration\": 10", "\"iteration\": -4") << "cursor.iteration";
    // Found by fuzz_session_file: numbers beyond a long long were cast before being checked.
    QTest::addRow("huge cursor") << replaced("\"iteration\": 10", "\"iteration\": 7e99") << "cursor.iteration";
    QTest::addRow("huge ghost") << replaced("\"ghost_iterations\": [", "\"ghost_iterations\": [7.77778e+99, ")
                                << "settings.ghost_iterations";
}

void TestSessionFile::badFilesAreRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const QString message = refusal(bytes);
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(message.startsWith(QStringLiteral("class.gdlab: ")), qPrintable(message));
}

// A session of a large file refers to the CSV by its path: gone, the message names it.
void TestSessionFile::missingCsvIsNamed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray csv("x,y\n");
    for (long long row = 0; row <= SessionFile::kMaxSavedRows; ++row)
        csv += QByteArray::number(row % 97) + ',' + QByteArray::number(row % 89) + '\n';
    file.write(csv);
    file.close();
    SessionController controller;
    const Dataset data = gdlab::CsvReader::readFile(path.toStdString());
    QVERIFY(controller.openDataset(data, gdlab::ProblemSpec {}, QStringLiteral("big")).isEmpty());
    const QByteArray bytes = SessionFile::write(*controller.latestRun(), 0, {});
    QVERIFY(!bytes.contains("\"values\""));
    QVERIFY(refusal(bytes).isEmpty()); // read again from the file
    QVERIFY(QFile::remove(path));
    const QString message = refusal(bytes);
    QVERIFY2(message.contains(path) && message.contains(QStringLiteral("not there any more")), qPrintable(message));
}

// A sample of a long file is not its data: the session names the file, read again the same way, whole for SGD.
void TestSessionFile::aSampleIsSavedByItsFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("long.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray csv("x,y\n");
    Eigen::MatrixXd rows(2000, 2);
    for (Eigen::Index row = 0; row < rows.rows(); ++row) {
        rows.row(row) << double(row % 97), double(row % 89);
        csv += QByteArray::number(row % 97) + ',' + QByteArray::number(row % 89) + '\n';
    }
    file.write(csv);
    file.close();
    Dataset sample({ "x", "y" }, rows.topRows(100), path.toStdString());
    auto fold = std::make_shared<gdlab::ProblemAccumulator>(sample, gdlab::ProblemSpec {});
    fold->add(rows);
    sample.setFold(fold);
    SessionController controller;
    QVERIFY(controller.openDataset(sample, gdlab::ProblemSpec {}, QStringLiteral("long")).isEmpty());
    const QByteArray bytes = SessionFile::write(*controller.latestRun(), 0, {});
    QVERIFY(!bytes.contains("\"values\""));
    QVERIFY(bytes.contains("\"rows\": 2000"));
    QString error;
    const auto read = SessionFile::read(bytes, QStringLiteral("s.gdlab"), &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->dataset->fullRowCount(), Eigen::Index(2000));
}

} // namespace tst_session_file

QTEST_MAIN(tst_session_file::TestSessionFile)
#include "tst_session_file.moc"
