// Runs the real gdlab-run binary and checks its command-line contract (README, "gdlab-run").
#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include "support/large_csv.h"

#include <cmath>

namespace tst_gdlab_run {

namespace {

struct CliResult {
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QByteArray out;
    QByteArray err;
};

CliResult runCli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(GDLAB_CLI_PATH), arguments);
    CliResult result;
    if (!process.waitForStarted(10000) || !process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        result.err = "gdlab-run did not start or finish: " + process.errorString().toUtf8();
        return result;
    }
    result.exitCode = process.exitCode();
    result.exitStatus = process.exitStatus();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString lessonPath(const char* fileName)
{
    return QStringLiteral(GDLAB_LESSON_DIR "/") + QString::fromLatin1(fileName);
}

bool closeRelative(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::abs(expected);
}

QByteArray describe(const CliResult& result)
{
    return "exit " + QByteArray::number(result.exitCode) + "\nstdout: " + result.out.left(2000)
        + "\nstderr: " + result.err.left(2000);
}

QList<QByteArray> csvLines(const QByteArray& text)
{
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

QString logisticPath(const char* fileName)
{
    return QStringLiteral(GDLAB_TEST_DATA_DIR "/logistic/") + QString::fromLatin1(fileName);
}

QJsonObject jsonOf(const CliResult& result)
{
    return QJsonDocument::fromJson(result.out).object();
}

QStringList fivePointsArguments()
{
    return { lessonPath("five_points.csv"), "--init", "0.75,0.48", "--iterations", "10" };
}

} // namespace

class TestGdlabRun : public QObject {
    Q_OBJECT

private slots:
    void historyFile();
    void longFileIsFolded();
    void longIllConditionedFileIsReadTwice();
    void historyToStdout();
    void json();
    void jsonStandardizedNorris();
    void jsonStandardErrors_data();
    void jsonStandardErrors();
    void divergedRun();
    void sameResultWithoutHistory_data();
    void sameResultWithoutHistory();
    void noInterceptHeader();
    void defaultSummary();
    void columnSelection_data();
    void columnSelection();
    void help();
    void optimizerSummary_data();
    void optimizerSummary();
    void newtonStandardizedNorris();
    void badInput_data();
    void badInput();
    void unwritableHistory();
    void existingHistoryKeptOnError();
    void linearJsonHasOptimum();
    void logisticJson_data();
    void logisticJson();
    void logisticHistory();
    void logisticSummary();
    void logisticSeparable_data();
    void logisticSeparable();
    void logisticEveryMethodAndOptimizer_data();
    void logisticEveryMethodAndOptimizer();
    void logisticBadInput_data();
    void logisticBadInput();
};

void TestGdlabRun::historyFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString history = dir.filePath("history.csv");
    const CliResult result = runCli(fivePointsArguments() << "--history" << history);
    QVERIFY2(result.exitStatus == QProcess::NormalExit && result.exitCode == 0, describe(result).constData());
    QVERIFY(result.err.isEmpty());
    QVERIFY(!result.out.isEmpty()); // the human summary

    QFile file(history);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csvLines(file.readAll());
    QCOMPARE(lines.size(), 12); // header + rows 0..10
    QCOMPARE(lines[0], QByteArray("iteration,epoch,loss,rmse,grad_norm,theta0,theta1"));
    for (int row = 0; row <= 10; ++row) {
        const QList<QByteArray> cells = lines[row + 1].split(',');
        QCOMPARE(cells.size(), 7);
        QCOMPARE(cells[0].toInt(), row);
        QCOMPARE(cells[1].toInt(), row);
        for (const QByteArray& cell : cells) {
            bool ok = false;
            const double value = cell.toDouble(&ok);
            QVERIFY2(ok && std::isfinite(value), cell.constData());
        }
    }
    const QList<QByteArray> first = lines[2].split(',');
    QVERIFY(closeRelative(first[5].toDouble(), 0.7662, 1e-15));
    QVERIFY(closeRelative(first[6].toDouble(), 0.5414, 1e-15));
    const QList<QByteArray> last = lines[11].split(',');
    // 17 significant digits round-trip: the published doubles come back to the last bit or so.
    QVERIFY2(closeRelative(last[5].toDouble(), 0.8094368934859253, 1e-15), last[5].constData());
    QVERIFY2(closeRelative(last[6].toDouble(), 0.7232754423544987, 1e-15), last[6].constData());
    // Row 0 is the start.
    const QList<QByteArray> start = lines[1].split(',');
    QCOMPARE(start[5].toDouble(), 0.75);
    QCOMPARE(start[6].toDouble(), 0.48);
}

void TestGdlabRun::historyToStdout()
{
    const CliResult result = runCli(fivePointsArguments() << "--history"
                                                          << "-");
    QVERIFY2(result.exitCode == 0, describe(result).constData());
    const QList<QByteArray> lines = csvLines(result.out);
    // Only the CSV on stdout (the summary goes elsewhere, so a pipe gets clean data).
    QCOMPARE(lines.size(), 12);
    QCOMPARE(lines[0], QByteArray("iteration,epoch,loss,rmse,grad_norm,theta0,theta1"));
    const QList<QByteArray> last = lines[11].split(',');
    QCOMPARE(last[0], QByteArray("10"));
    QVERIFY(closeRelative(last[5].toDouble(), 0.8094368934859253, 1e-15));
    QVERIFY(closeRelative(last[6].toDouble(), 0.7232754423544987, 1e-15));

    // --json and --history - would both write to stdout: refused.
    const CliResult both = runCli(fivePointsArguments() << "--history"
                                                        << "-"
                                                        << "--json");
    QCOMPARE(both.exitCode, 2);
    QVERIFY(both.out.isEmpty());
}

// A file longer than the reader's 16 MiB buffer is folded block by block for batch descent. A mini-batch run
// with one batch of every row makes the same updates from the rows in memory: the two agree to rounding. A bad
// cell in the last block is named by its line and column.
void TestGdlabRun::longFileIsFolded()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("long.csv"));
    qint64 rows = 0;
    QVERIFY(gdlab::test::writeLargeCsv(path, 17 << 20, &rows));
    const QStringList common { path, "--json", "--iterations", "20", "--lr", "1e-6" };
    const CliResult folded = runCli(common);
    const CliResult kept = runCli(QStringList(common) << "--method"
                                                      << "minibatch"
                                                      << "--batch-size" << QString::number(rows));
    QVERIFY2(folded.exitCode == 0, describe(folded).constData());
    QVERIFY2(kept.exitCode == 0, describe(kept).constData());
    const QJsonObject a = QJsonDocument::fromJson(folded.out).object();
    const QJsonObject b = QJsonDocument::fromJson(kept.out).object();
    for (const char* key : { "theta", "std_errors" }) {
        const QJsonArray x = a[QLatin1String(key)].toArray();
        const QJsonArray y = b[QLatin1String(key)].toArray();
        QCOMPARE(x.size(), 3);
        QCOMPARE(x.size(), y.size());
        for (qsizetype i = 0; i < x.size(); ++i)
            QVERIFY2(closeRelative(x[i].toDouble(), y[i].toDouble(), 1e-9), key);
    }
    // z's coefficient is about 0, so its digits are measured against its standard error.
    const QJsonArray x = a["least_squares"].toArray();
    const QJsonArray y = b["least_squares"].toArray();
    const QJsonArray errors = b["std_errors"].toArray();
    QCOMPARE(x.size(), 3);
    for (qsizetype i = 0; i < x.size(); ++i)
        QVERIFY(std::abs(x[i].toDouble() - y[i].toDouble()) <= 1e-6 * errors[i].toDouble());
    for (const char* key : { "loss", "rmse", "r2", "residual_sd", "lr_bound" })
        QVERIFY2(closeRelative(a[QLatin1String(key)].toDouble(), b[QLatin1String(key)].toDouble(), 1e-9), key);

    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write("1.5,2,x7\n");
    file.close();
    const CliResult bad = runCli(common);
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains(":" + QByteArray::number(rows + 2) + ":3: 'x7' is not a number"), bad.err.constData());
}

// NIST's Filip over and over, past the size read whole: the fold's R cannot be refined (κ²·u ≫ 1), so gdlab-run
// reads the file a second time and solves the normal equations in double-double. Repeating the rows leaves the
// least-squares solution as it is: that of Filip's doubles, computed in exact rational arithmetic (Python's
// fractions), which R alone misses in the eighth digit.
void TestGdlabRun::longIllConditionedFileIsReadTwice()
{
    QFile filip(QStringLiteral(GDLAB_TEST_DATA_DIR "/nist/Filip.csv"));
    QVERIFY(filip.open(QIODevice::ReadOnly));
    const QByteArray header = filip.readLine();
    const QByteArray rows = filip.readAll();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("filip_repeated.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(header);
    for (qint64 written = 0; written < (17 << 20); written += rows.size())
        file.write(rows);
    file.close();
    const CliResult result = runCli({ path, "--json", "--iterations", "1" });
    QVERIFY2(result.exitCode == 0, describe(result).constData());
    const double exact[] = { -1467.4895817746055, -2772.1795310819298, -2316.3710310583997, -1127.9739164792065,
        -354.47822602567703, -75.124200114350629, -10.875317800157841, -1.0622149628436808, -0.067019113999074037,
        -0.0024678107286618292, -4.029625161812716e-05 };
    const QJsonArray theta = jsonOf(result)["least_squares"].toArray();
    QCOMPARE(theta.size(), 11);
    for (qsizetype i = 0; i < theta.size(); ++i)
        QVERIFY2(closeRelative(theta[i].toDouble(), exact[i], 1e-10), qPrintable(QString::number(i)));
}

void TestGdlabRun::json()
{
    const CliResult result = runCli(fivePointsArguments() << "--json");
    QVERIFY2(result.exitCode == 0, describe(result).constData());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(document.isObject());
    const QJsonObject object = document.object();
    for (const char* key : { "status", "iterations", "theta", "loss", "rmse", "least_squares", "r2", "lr_bound",
             "std_errors", "residual_sd" })
        QVERIFY2(object.contains(QLatin1String(key)), key);
    QCOMPARE(object["status"].toString(), QStringLiteral("max iterations"));
    QCOMPARE(object["iterations"].toInt(), 10);
    const QJsonArray theta = object["theta"].toArray();
    QCOMPARE(theta.size(), 2);
    QVERIFY(closeRelative(theta[0].toDouble(), 0.8094368934859253, 1e-15));
    QVERIFY(closeRelative(theta[1].toDouble(), 0.7232754423544987, 1e-15));
    const QJsonArray leastSquares = object["least_squares"].toArray();
    QCOMPARE(leastSquares.size(), 2);
    QVERIFY(closeRelative(leastSquares[0].toDouble(), 0.6, 1e-13));
    QVERIFY(closeRelative(leastSquares[1].toDouble(), 0.8, 1e-13));
    QVERIFY(closeRelative(object["r2"].toDouble(), 0.8, 1e-13));
    // 2/λmax of (2/5)·[[5, 15], [15, 55]].
    QVERIFY(closeRelative(object["lr_bound"].toDouble(), 2.0 / (0.4 * (30.0 + std::sqrt(850.0))), 1e-13));
    // By hand: σ² = 1.6/3 and (XᵀX)⁻¹ has diagonal (55, 5)/50.
    const QJsonArray standardErrors = object["std_errors"].toArray();
    QCOMPARE(standardErrors.size(), 2);
    QVERIFY(closeRelative(standardErrors[0].toDouble(), std::sqrt(1.6 / 3.0 * 55.0 / 50.0), 1e-12));
    QVERIFY(closeRelative(standardErrors[1].toDouble(), std::sqrt(1.6 / 3.0 * 5.0 / 50.0), 1e-12));
    QVERIFY(closeRelative(object["residual_sd"].toDouble(), std::sqrt(1.6 / 3.0), 1e-13));
    QVERIFY(object["loss"].toDouble() > 0.32); // above the minimum mse (1.6/5)
    QVERIFY(closeRelative(object["rmse"].toDouble(), std::sqrt(object["loss"].toDouble()), 1e-13)); // mse
}

void TestGdlabRun::jsonStandardizedNorris()
{
    // θ in the JSON is in original units, even though the descent runs in z-scored space.
    const CliResult result
        = runCli({ lessonPath("nist_norris.csv"), "--standardize", "--lr", "0.5", "--iterations", "200", "--json" });
    QVERIFY2(result.exitCode == 0, describe(result).constData());
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    const QJsonArray theta = object["theta"].toArray();
    QCOMPARE(theta.size(), 2);
    QVERIFY2(closeRelative(theta[0].toDouble(), -0.262323073774029, 1e-9), result.out.constData());
    QVERIFY2(closeRelative(theta[1].toDouble(), 1.00211681802045, 1e-9), result.out.constData());
    QVERIFY(closeRelative(object["r2"].toDouble(), 0.999993745883712, 1e-10));
}

void TestGdlabRun::jsonStandardErrors_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QList<double>>("standardErrors");
    QTest::addColumn<double>("residualSd");

    // NIST StRD certified values (tests/data/nist/README.md); with --standardize the descent runs in z-scored
    // space, but every number of the JSON is in the data's own units.
    const QList<double> longley { 890420.383607373, 84.9149257747669, 0.334910077722432E-01, 0.488399681651699,
        0.214274163161675, 0.226073200069370, 455.478499142212 };
    QTest::addRow("Longley") << QStringList { "Longley.csv" } << longley << 304.854073561965;
    QTest::addRow("Longley, standardized")
        << QStringList { "Longley.csv", "--standardize" } << longley << 304.854073561965;
    QTest::addRow("NoInt1, no intercept") << QStringList { "NoInt1.csv", "--no-intercept" }
                                          << QList<double> { 0.165289256198347E-01 } << 3.56753034006338;
    QTest::addRow("Wampler4") << QStringList { "Wampler4.csv" }
                              << QList<double> { 215232.624678170, 236355.173469681, 77934.3524331583, 10147.5507550350,
                                     564.566512170752, 11.2324854679312 }
                              << 236014.502379268;
}

void TestGdlabRun::jsonStandardErrors()
{
    QFETCH(QStringList, options);
    QFETCH(QList<double>, standardErrors);
    QFETCH(double, residualSd);
    options[0] = QStringLiteral(GDLAB_TEST_DATA_DIR "/nist/") + options[0];
    const CliResult result = runCli(options << "--iterations"
                                            << "1"
                                            << "--json");
    QVERIFY2(result.exitCode == 0, describe(result).constData());
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    const QJsonArray actual = object["std_errors"].toArray();
    QCOMPARE(actual.size(), standardErrors.size());
    // Eight correct digits at least, as the README's LRE table shows.
    for (int i = 0; i < actual.size(); ++i)
        QVERIFY2(closeRelative(actual[i].toDouble(), standardErrors[i], 1e-8), result.out.constData());
    QVERIFY2(closeRelative(object["residual_sd"].toDouble(), residualSd, 1e-8), result.out.constData());
}

void TestGdlabRun::divergedRun()
{
    for (const QString& lr : { QStringLiteral("1"), QStringLiteral("1e300") }) {
        QTemporaryDir dir;
        const QString history = dir.filePath("history.csv");
        const CliResult result = runCli(
            { lessonPath("five_points.csv"), "--lr", lr, "--iterations", "5000", "--json", "--history", history });
        QVERIFY2(result.exitStatus == QProcess::NormalExit && result.exitCode == 0, describe(result).constData());
        const QByteArray lower = result.out.toLower();
        QVERIFY2(!lower.contains("nan") && !lower.contains("inf"), result.out.constData());
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(result.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, result.out.constData());
        QCOMPARE(object["status"].toString(), QStringLiteral("diverged"));
        QVERIFY(object["iterations"].toInt() < 5000);
        QVERIFY(object["theta"].toArray().size() == 2);
        for (const QJsonValue& value : object["theta"].toArray())
            QVERIFY(value.isDouble());
        // The history holds the finite states only.
        QFile file(history);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll().toLower();
        QVERIFY(!text.contains("nan") && !text.contains("inf"));
        QCOMPARE(csvLines(text).size(), object["iterations"].toInt() + 2);
    }
}

void TestGdlabRun::noInterceptHeader()
{
    const CliResult result = runCli({ lessonPath("three_features_ints_n20.csv"), "--no-intercept", "--iterations", "3",
        "--lr", "0.0001", "--history", "-" });
    QVERIFY2(result.exitCode == 0, describe(result).constData());
    const QList<QByteArray> lines = csvLines(result.out);
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines[0], QByteArray("iteration,epoch,loss,rmse,grad_norm,theta1,theta2,theta3"));

    const CliResult single
        = runCli({ lessonPath("five_points.csv"), "--no-intercept", "--iterations", "1", "--history", "-" });
    QCOMPARE(csvLines(single.out).value(0), QByteArray("iteration,epoch,loss,rmse,grad_norm,theta1"));
}

void TestGdlabRun::defaultSummary()
{
    const CliResult result = runCli({ lessonPath("five_points.csv") });
    QVERIFY2(result.exitCode == 0, describe(result).constData());
    QVERIFY(result.err.isEmpty());
    QVERIFY(result.out.contains("max iterations"));
    QVERIFY(result.out.contains("1000"));
    QVERIFY(!result.out.toLower().contains("nan"));
}

void TestGdlabRun::columnSelection_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QList<double>>("leastSquares");
    // y = 1 + 2a + 3b exactly, and a = (y − 1 − 3b)/2.
    QTest::addRow("defaults: last column, all others") << QStringList {} << QList<double> { 1, 2, 3 };
    QTest::addRow("features reordered") << QStringList { "--features", "b,a" } << QList<double> { 1, 3, 2 };
    QTest::addRow("features by position") << QStringList { "--features", "2,1" } << QList<double> { 1, 3, 2 };
    QTest::addRow("one feature") << QStringList { "--features=a" } << QList<double> {};
    QTest::addRow("target by name") << QStringList { "--target", "a" } << QList<double> { -0.5, -1.5, 0.5 };
    QTest::addRow("target by position") << QStringList { "--target=1" } << QList<double> { -0.5, -1.5, 0.5 };
}

void TestGdlabRun::columnSelection()
{
    QFETCH(QStringList, options);
    QFETCH(QList<double>, leastSquares);
    QTemporaryDir dir;
    const QString dataPath = dir.filePath("abc.csv");
    {
        QFile file(dataPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("a,b,y\n0,1,4\n1,0,3\n2,3,14\n-1,2,5\n0.5,-1,-1\n");
    }
    const CliResult result = runCli(QStringList { dataPath, "--iterations", "1", "--json" } + options);
    QVERIFY2(result.exitCode == 0, describe(result).constData());
    const QJsonArray fitted = QJsonDocument::fromJson(result.out).object()["least_squares"].toArray();
    if (leastSquares.isEmpty()) {
        QCOMPARE(fitted.size(), 2); // intercept and a
        return;
    }
    QCOMPARE(fitted.size(), leastSquares.size());
    for (int i = 0; i < fitted.size(); ++i)
        QVERIFY2(std::abs(fitted[i].toDouble() - leastSquares[i]) <= 1e-12, result.out.constData());
}

void TestGdlabRun::help()
{
    for (const char* flag : { "--help", "-h" }) {
        const CliResult result = runCli({ QString::fromLatin1(flag) });
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("usage: gdlab-run"));
        QVERIFY(result.out.contains("--history"));
        QVERIFY(result.err.isEmpty());
    }
}

// Without --history the run keeps only its last state (a leaner loop); the report must not change by a digit.
void TestGdlabRun::sameResultWithoutHistory_data()
{
    QTest::addColumn<QStringList>("options");
    const QStringList optimizers { "gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "newton" };
    for (const QString& optimizer : optimizers)
        for (const QString& lr : { QStringLiteral("0.01"), QStringLiteral("0.3"), QStringLiteral("1e200") }) {
            QTest::addRow("%s lr %s", qPrintable(optimizer), qPrintable(lr))
                << QStringList { "--optimizer", optimizer, "--lr", lr, "--iterations", "3000" };
            if (optimizer != "newton")
                QTest::addRow("%s lr %s sgd", qPrintable(optimizer), qPrintable(lr)) << QStringList { "--optimizer",
                    optimizer, "--lr", lr, "--iterations", "300", "--method", "sgd", "--shuffle" };
        }
    QTest::addRow("converged") << QStringList { "--lr", "0.05", "--tolerance", "1e-6", "--iterations", "100000" };
}

void TestGdlabRun::sameResultWithoutHistory()
{
    QFETCH(QStringList, options);
    for (const QStringList& format : { QStringList { "--json" }, QStringList {} }) {
        const QStringList arguments = QStringList { lessonPath("five_points.csv") } + options + format;
        const CliResult lean = runCli(arguments);
        QTemporaryDir dir;
        const CliResult recorded = runCli(arguments + QStringList { "--history", dir.filePath("history.csv") });
        QVERIFY2(lean.exitCode == 0 && recorded.exitCode == 0, describe(lean).constData());
        QCOMPARE(lean.out, recorded.out);
    }
}

void TestGdlabRun::optimizerSummary_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("expected"); // each must be in the summary
    // λmax of (2/5)·[[5, 15], [15, 55]] is 0.4·(30 + √850) = 23.66: gd's bound 2/λmax = 0.084524.
    QTest::addRow("gd") << QStringList {} << QStringList { "batch gradient descent on mse", "diverges above 0.084524" };
    QTest::addRow("momentum") << QStringList { "--optimizer", "momentum", "--momentum", "0.5" }
                              << QStringList { "with momentum (momentum 0.5)", "diverges above 0.126786" }; // 3/λmax
    QTest::addRow("nesterov") << QStringList { "--optimizer",
        "nesterov" } << QStringList { "with nesterov (momentum 0.9)", "diverges above 0.05735" }; // 3.8/2.8/λmax
    QTest::addRow("adagrad") << QStringList { "--optimizer=adagrad", "--lr", "0.5" }
                             << QStringList { "with adagrad (eps 1e-10)", "no fixed bound" };
    QTest::addRow("rmsprop") << QStringList { "--optimizer", "rmsprop", "--rho", "0.9", "--eps", "1e-6" }
                             << QStringList { "with rmsprop (rho 0.9, eps 1e-06)", "no fixed bound" };
    QTest::addRow("adam") << QStringList { "--optimizer", "adam", "--beta1", "0.8" }
                          << QStringList { "with adam (beta1 0.8, beta2 0.999, eps 1e-08)", "no fixed bound" };
    QTest::addRow("newton") << QStringList { "--optimizer", "newton", "--lr", "1" }
                            << QStringList { "with newton on mse", "diverges above 2" };
}

void TestGdlabRun::optimizerSummary()
{
    QFETCH(QStringList, options);
    QFETCH(QStringList, expected);
    const CliResult result = runCli(fivePointsArguments() + options);
    QVERIFY2(result.exitCode == 0, describe(result).constData());
    for (const QString& part : expected)
        QVERIFY2(result.out.contains(part.toUtf8()), describe(result).constData());
}

// Newton runs in the z-scored space like every optimizer; with lr 1 one update is the least-squares line.
void TestGdlabRun::newtonStandardizedNorris()
{
    const CliResult result = runCli({ lessonPath("nist_norris.csv"), "--standardize", "--optimizer", "newton", "--lr",
        "1", "--iterations", "1", "--json" });
    QVERIFY2(result.exitCode == 0, describe(result).constData());
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    const QJsonArray theta = object["theta"].toArray();
    QCOMPARE(theta.size(), 2);
    QVERIFY2(closeRelative(theta[0].toDouble(), -0.262323073774029, 1e-9), result.out.constData());
    QVERIFY2(closeRelative(theta[1].toDouble(), 1.00211681802045, 1e-9), result.out.constData());
    QCOMPARE(object["lr_bound"].toDouble(), 2.0);
}

void TestGdlabRun::badInput_data()
{
    QTest::addColumn<QByteArray>("csv"); // written to data.csv when not empty
    QTest::addColumn<QStringList>("arguments"); // "DATA" stands for the data file
    QTest::addColumn<QStringList>("expected"); // each must be in the message; "DATA" is the data file

    const QStringList data { "DATA" };
    QTest::addRow("non-numeric cell") << QByteArray("x,y\n1,2\n3,abc\n") << data << QStringList { "DATA:3:2:", "abc" };
    QTest::addRow("too few cells") << QByteArray("x,y\n1,2\n3\n4,5\n") << data << QStringList { "DATA:3:" };
    QTest::addRow("too many cells") << QByteArray("x,y\n1,2\n3,4,5\n") << data << QStringList { "DATA:3:" };
    QTest::addRow("NaN cell") << QByteArray("x,y\n1,2\nnan,3\n") << data << QStringList { "DATA:3:1:" };
    QTest::addRow("empty cell") << QByteArray("x,y\n1,2\n3,\n4,5\n") << data << QStringList { "DATA:3:2:" };
    QTest::addRow("header only") << QByteArray("x,y\n") << data << QStringList { "DATA" };
    QTest::addRow("single row") << QByteArray("x,y\n1,2\n") << data << QStringList { "DATA", "parameters" };
    QTest::addRow("constant column, standardized")
        << QByteArray("x,y\n1,2\n1,3\n1,4\n") << QStringList { "DATA", "--standardize" }
        << QStringList { "DATA", "'x'", "constant" };
    QTest::addRow("missing file") << QByteArray() << QStringList { "MISSING" } << QStringList { "MISSING" };
    QTest::addRow("unknown flag") << QByteArray("x,y\n1,2\n2,3\n3,5\n") << QStringList { "DATA", "--bogus" }
                                  << QStringList { "--bogus" };
    QTest::addRow("bad --lr") << QByteArray("x,y\n1,2\n2,3\n3,5\n") << QStringList { "DATA", "--lr", "fast" }
                              << QStringList { "--lr", "'fast'" };
    QTest::addRow("--lr -1") << QByteArray("x,y\n1,2\n2,3\n3,5\n") << QStringList { "DATA", "--lr", "-1" }
                             << QStringList { "--lr", "'-1'" };
    QTest::addRow("--lr=0") << QByteArray("x,y\n1,2\n2,3\n3,5\n") << QStringList { "DATA", "--lr=0" }
                            << QStringList { "--lr", "'0'" };
    QTest::addRow("--lr nan") << QByteArray("x,y\n1,2\n2,3\n3,5\n") << QStringList { "DATA", "--lr", "nan" }
                              << QStringList { "--lr", "'nan'" };
    QTest::addRow("--iterations abc") << QByteArray("x,y\n1,2\n2,3\n3,5\n")
                                      << QStringList { "DATA", "--iterations", "abc" }
                                      << QStringList { "--iterations", "'abc'" };
    QTest::addRow("--iterations -5") << QByteArray("x,y\n1,2\n2,3\n3,5\n")
                                     << QStringList { "DATA", "--iterations", "-5" }
                                     << QStringList { "--iterations", "'-5'" };
    QTest::addRow("--lr without value") << QByteArray("x,y\n1,2\n2,3\n3,5\n") << QStringList { "DATA", "--lr" }
                                        << QStringList { "--lr" };
    QTest::addRow("unknown --target") << QByteArray("x,y\n1,2\n2,3\n3,5\n") << QStringList { "DATA", "--target", "z" }
                                      << QStringList { "DATA", "'z'" };
    QTest::addRow("unknown --features") << QByteArray("x,y\n1,2\n2,3\n3,5\n")
                                        << QStringList { "DATA", "--features", "x,w" } << QStringList { "DATA", "'w'" };
    QTest::addRow("--target among --features")
        << QByteArray("x,y\n1,2\n2,3\n3,5\n") << QStringList { "DATA", "--target", "y", "--features", "x,y" }
        << QStringList { "DATA", "'y'" };
    QTest::addRow("bad --loss") << QByteArray("x,y\n1,2\n2,3\n3,5\n") << QStringList { "DATA", "--loss", "l1" }
                                << QStringList { "--loss", "'l1'" };
    QTest::addRow("bad --method") << QByteArray("x,y\n1,2\n2,3\n3,5\n") << QStringList { "DATA", "--method", "adam" }
                                  << QStringList { "--method", "'adam'" };
    QTest::addRow("--batch-size 0") << QByteArray("x,y\n1,2\n2,3\n3,5\n")
                                    << QStringList { "DATA", "--method", "minibatch", "--batch-size", "0" }
                                    << QStringList { "--batch-size", "'0'" };
    QTest::addRow("--init wrong size") << QByteArray("x,y\n1,2\n2,3\n3,5\n")
                                       << QStringList { "DATA", "--init", "1,2,3" } << QStringList { "3 values" };
    QTest::addRow("--init not a number") << QByteArray("x,y\n1,2\n2,3\n3,5\n")
                                         << QStringList { "DATA", "--init", "1,x" } << QStringList { "--init", "'x'" };
    const QByteArray line("x,y\n1,2\n2,3\n3,5\n");
    QTest::addRow("bad --optimizer") << line << QStringList { "DATA", "--optimizer", "lbfgs" }
                                     << QStringList { "--optimizer", "'lbfgs'" };
    QTest::addRow("--momentum 1") << line << QStringList { "DATA", "--optimizer", "momentum", "--momentum", "1" }
                                  << QStringList { "--momentum", "'1'" };
    QTest::addRow("--momentum -0.5") << line << QStringList { "DATA", "--optimizer", "nesterov", "--momentum=-0.5" }
                                     << QStringList { "--momentum", "'-0.5'" };
    QTest::addRow("--beta1 1") << line << QStringList { "DATA", "--optimizer", "adam", "--beta1", "1" }
                               << QStringList { "--beta1", "'1'" };
    QTest::addRow("--beta2 2") << line << QStringList { "DATA", "--optimizer", "adam", "--beta2", "2" }
                               << QStringList { "--beta2", "'2'" };
    QTest::addRow("--rho 1") << line << QStringList { "DATA", "--optimizer", "rmsprop", "--rho", "1" }
                             << QStringList { "--rho", "'1'" };
    QTest::addRow("--eps 0") << line << QStringList { "DATA", "--optimizer", "adagrad", "--eps", "0" }
                             << QStringList { "--eps", "'0'" };
    QTest::addRow("--eps abc") << line << QStringList { "DATA", "--optimizer", "adam", "--eps", "abc" }
                               << QStringList { "--eps", "'abc'" };
    QTest::addRow("--eps for gd") << line << QStringList { "DATA", "--eps", "1e-6" }
                                  << QStringList { "--eps", "1e-6", "gd" };
    QTest::addRow("--momentum for adam") << line << QStringList { "DATA", "--momentum", "0.5", "--optimizer", "adam" }
                                         << QStringList { "--momentum", "0.5", "adam" };
    QTest::addRow("--rho for newton") << line << QStringList { "DATA", "--optimizer", "newton", "--rho", "0.9" }
                                      << QStringList { "--rho", "0.9", "newton" };
    QTest::addRow("newton with sgd") << line << QStringList { "DATA", "--optimizer", "newton", "--method", "sgd" }
                                     << QStringList { "newton" };
    QTest::addRow("newton with minibatch")
        << line << QStringList { "DATA", "--optimizer", "newton", "--method", "minibatch" } << QStringList { "newton" };
    QTest::addRow("no data file") << QByteArray() << QStringList { "--lr", "0.1" } << QStringList { "no data file" };
    QTest::addRow("two data files") << QByteArray("x,y\n1,2\n2,3\n3,5\n") << QStringList { "DATA", "DATA" }
                                    << QStringList { "DATA" };
}

void TestGdlabRun::badInput()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dataPath = dir.filePath("data.csv");
    const QString missingPath = dir.filePath("missing.csv");
    if (!csv.isEmpty()) {
        QFile file(dataPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(csv);
    }
    for (QString& argument : arguments)
        argument.replace("DATA", dataPath).replace("MISSING", missingPath);

    const CliResult result = runCli(arguments);
    QVERIFY2(result.exitStatus == QProcess::NormalExit, describe(result).constData());
    QVERIFY2(result.exitCode == 2, describe(result).constData());
    QVERIFY2(result.out.isEmpty(), describe(result).constData());
    const QString message = QString::fromUtf8(result.err);
    // One line, prefixed with the program's name.
    QVERIFY2(message.endsWith('\n') && message.count('\n') == 1, qPrintable(message));
    QVERIFY2(message.startsWith("gdlab-run: "), qPrintable(message));
    for (QString part : expected) {
        part.replace("DATA", dataPath).replace("MISSING", missingPath);
        QVERIFY2(message.contains(part), qPrintable(QStringLiteral("'%1' not in: %2").arg(part, message)));
    }
}

void TestGdlabRun::unwritableHistory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A path below a regular file cannot be created, whoever runs the test (root included).
    const QString blocker = dir.filePath("blocker");
    {
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a directory\n");
    }
    const QString history = blocker + "/history.csv";
    const CliResult result = runCli(fivePointsArguments() << "--history" << history);
    QVERIFY2(result.exitStatus == QProcess::NormalExit && result.exitCode == 2, describe(result).constData());
    const QString message = QString::fromUtf8(result.err);
    QVERIFY2(message.startsWith("gdlab-run: ") && message.count('\n') == 1, qPrintable(message));
    QVERIFY2(message.contains(history), qPrintable(message));
    QVERIFY(!QFile::exists(history));
    QVERIFY(result.out.isEmpty()); // no summary pretending all went well
    // Nothing else appeared next to the blocker either.
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList { "blocker" });

    // A directory as the history path.
    const CliResult onDirectory = runCli(fivePointsArguments() << "--history" << dir.path());
    QCOMPARE(onDirectory.exitCode, 2);
    QVERIFY(QFileInfo(dir.path()).isDir());
}

void TestGdlabRun::existingHistoryKeptOnError()
{
    // Bad arguments never touch an existing history file.
    QTemporaryDir dir;
    const QString history = dir.filePath("history.csv");
    {
        QFile file(history);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("previous\n");
    }
    const CliResult result = runCli({ lessonPath("five_points.csv"), "--lr", "-1", "--history", history });
    QCOMPARE(result.exitCode, 2);
    QFile file(history);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("previous\n"));
}

// Every key of a linear run stays, and "optimum" (the reference optimum of either model) is the least-squares θ.
void TestGdlabRun::linearJsonHasOptimum()
{
    const CliResult result = runCli(fivePointsArguments() << "--json");
    QVERIFY2(result.exitCode == 0, describe(result).constData());
    const QJsonObject object = jsonOf(result);
    QCOMPARE(object.keys().size(), 11);
    QCOMPARE(object["optimum"].toArray(), object["least_squares"].toArray());
}

void TestGdlabRun::logisticJson_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addRow("raw") << QStringList { "--lr", "0.5", "--iterations", "20000" };
    QTest::addRow("standardized") << QStringList { "--standardize", "--lr", "4", "--iterations", "2000" };
    QTest::addRow("--loss logloss, newton")
        << QStringList { "--loss", "logloss", "--optimizer", "newton", "--lr", "1", "--iterations", "12" };
}

// The exam data's published fit, −4.0777 and 1.5046 (Wikipedia, "Logistic regression"), as the optimum and, after
// enough updates, as θ, in original units whatever the scaling; lr_bound is 2/L with L = λmax(XᵀX)/(4n).
void TestGdlabRun::logisticJson()
{
    QFETCH(QStringList, options);
    const CliResult result
        = runCli(QStringList { logisticPath("exam_hours.csv"), "--model", "logistic", "--json" } + options);
    QVERIFY2(result.exitCode == 0 && result.err.isEmpty(), describe(result).constData());
    const QJsonObject object = jsonOf(result);
    QCOMPARE(object.keys(),
        QStringList({ "accuracy", "iterations", "loss", "lr_bound", "optimum", "separable", "status", "theta" }));
    QCOMPARE(object["status"].toString(), QStringLiteral("max iterations"));
    QCOMPARE(object["separable"].toBool(true), false);
    QCOMPARE(object["accuracy"].toDouble(), 0.8);
    const QJsonArray optimum = object["optimum"].toArray();
    const QJsonArray theta = object["theta"].toArray();
    QCOMPARE(optimum.size(), 2);
    QVERIFY2(std::abs(optimum[0].toDouble() + 4.0777) < 5e-5 && std::abs(optimum[1].toDouble() - 1.5046) < 5e-5,
        result.out.constData());
    for (int i = 0; i < 2; ++i)
        QVERIFY2(closeRelative(theta[i].toDouble(), optimum[i].toDouble(), 1e-9), result.out.constData());
    QVERIFY(closeRelative(object["loss"].toDouble(), 0.40149392321723, 1e-12));
    if (options.contains("--standardize")) {
        QVERIFY(closeRelative(object["lr_bound"].toDouble(), 8.0, 1e-12)); // z-scored: XᵀX/n = I, L = 1/4
    } else if (!options.contains("newton")) {
        // XᵀX = [[20, 55.75], [55.75, 198.5625]]: λmax = (218.5625 + √(178.5625² + 4·55.75²))/2.
        const double lambdaMax = (218.5625 + std::sqrt(178.5625 * 178.5625 + 4 * 55.75 * 55.75)) / 2;
        QVERIFY(closeRelative(object["lr_bound"].toDouble(), 2.0 / (lambdaMax / 80.0), 1e-12));
    } else {
        QCOMPARE(object["lr_bound"].toDouble(), 2.0);
    }
}

void TestGdlabRun::logisticHistory()
{
    QTemporaryDir dir;
    const QString history = dir.filePath("history.csv");
    const CliResult result = runCli({ logisticPath("exam_hours.csv"), "--model", "logistic", "--iterations", "10",
        "--lr", "0.5", "--history", history });
    QVERIFY2(result.exitCode == 0, describe(result).constData());
    QFile file(history);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csvLines(file.readAll());
    QCOMPARE(lines.size(), 12);
    QCOMPARE(lines[0], QByteArray("iteration,epoch,loss,accuracy,grad_norm,theta0,theta1"));
    // Row 0: θ = 0, every p = 1/2: the loss is ln 2 and every row is called a pass, right for half the students.
    const QList<QByteArray> start = lines[1].split(',');
    QVERIFY(closeRelative(start[2].toDouble(), std::log(2.0), 1e-15));
    QCOMPARE(start[3], QByteArray("0.5"));
    for (const QByteArray& line : lines.mid(1)) {
        const QList<QByteArray> cells = line.split(',');
        QCOMPARE(cells.size(), 7);
        const double accuracy = cells[3].toDouble();
        QVERIFY(accuracy >= 0 && accuracy <= 1);
        QCOMPARE(std::round(accuracy * 20), accuracy * 20); // a share of 20 rows
    }
    // The lean path (no --history) prints the same summary.
    const CliResult lean
        = runCli({ logisticPath("exam_hours.csv"), "--model", "logistic", "--iterations", "10", "--lr", "0.5" });
    QCOMPARE(lean.out, result.out);
}

void TestGdlabRun::logisticSummary()
{
    const CliResult result = runCli(
        { logisticPath("beetles.csv"), "--model", "logistic", "--standardize", "--lr", "4", "--iterations", "3000" });
    QVERIFY2(result.exitCode == 0, describe(result).constData());
    for (const char* part : { "481 rows, target killed, features dose (with intercept), standardized",
             "batch gradient descent on logloss (logistic regression), lr 4: max iterations, 3000 updates",
             "accuracy 0.82744283", "optimum θ = (-60.717455, 34.270326)", "Newton's method",
             "every step lowers the loss below 2/L = 8" })
        QVERIFY2(result.out.contains(part), describe(result).constData());
    QVERIFY(!result.out.contains("RMSE") && !result.out.contains("least squares"));
}

void TestGdlabRun::logisticSeparable_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("words");
    QTest::addRow("separable") << QByteArray("x,y\n1,0\n2,0\n3,0\n4,1\n5,1\n6,1\n")
                               << "(some θ classifies every row right)";
    QTest::addRow("quasi-separable") << QByteArray("x,y\n1,0\n2,0\n3,0\n3,1\n4,1\n5,1\n")
                                     << "but for 2 rows on the dividing boundary (quasi-separation)";
}

// No finite optimum: "optimum": null and "separable": true, the summary says why in words, never a crash or a NaN.
void TestGdlabRun::logisticSeparable()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, words);
    QTemporaryDir dir;
    const QString path = dir.filePath("data.csv");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
    file.close();
    const QStringList arguments { path, "--model", "logistic", "--lr", "1", "--iterations", "5000" };
    const CliResult json = runCli(arguments + QStringList { "--json" });
    QVERIFY2(json.exitCode == 0, describe(json).constData());
    QVERIFY2(json.out.contains("\"optimum\": null, \"separable\": true"), json.out.constData());
    const QJsonObject object = jsonOf(json);
    QCOMPARE(object["status"].toString(), QStringLiteral("max iterations"));
    QVERIFY(object["loss"].isDouble() && object["theta"].toArray()[1].toDouble() > 2.0);
    const CliResult summary = runCli(arguments);
    QVERIFY2(summary.exitCode == 0, describe(summary).constData());
    QVERIFY2(summary.out.contains("no finite optimum: the data is linearly separable"), summary.out.constData());
    QVERIFY2(summary.out.contains(words.toUtf8()), summary.out.constData());
    QVERIFY(!summary.out.contains("optimum θ"));
}

void TestGdlabRun::logisticEveryMethodAndOptimizer_data()
{
    QTest::addColumn<QStringList>("options");
    for (const char* optimizer : { "gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "newton" })
        for (const char* method : { "batch", "sgd", "minibatch" })
            if (QByteArray(optimizer) != "newton" || QByteArray(method) == "batch")
                QTest::addRow("%s %s", optimizer, method) << QStringList { "--optimizer", optimizer, "--method", method,
                    "--lr", QByteArray(optimizer) == "newton" ? "1" : "0.1", "--iterations", "200", "--shuffle",
                    "--batch-size", "4", "--standardize" };
}

void TestGdlabRun::logisticEveryMethodAndOptimizer()
{
    QFETCH(QStringList, options);
    const QStringList arguments = QStringList { logisticPath("exam_hours.csv"), "--model", "logistic", "--json" };
    const CliResult result = runCli(arguments + options);
    QVERIFY2(result.exitCode == 0, describe(result).constData());
    const QJsonObject object = jsonOf(result);
    QVERIFY(object["loss"].toDouble() < std::log(2.0)); // below the start's
    QVERIFY(object["accuracy"].toDouble() >= 0.7);
    // The lean path and the recording one agree to the last digit.
    QTemporaryDir dir;
    const CliResult recorded = runCli(arguments + options + QStringList { "--history", dir.filePath("h.csv") });
    QCOMPARE(recorded.out, result.out);
}

void TestGdlabRun::logisticBadInput_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected");
    const QByteArray classes("x,y\n1,0\n2,1\n3,0\n4,1\n");
    const QStringList logistic { "DATA", "--model", "logistic" };
    QTest::addRow("a 2") << QByteArray("x,y\n1,0\n2,1\n3,2\n4,1\n") << logistic
                         << QStringList { "DATA:4:2: '2' is not 0 or 1 (column 'y')" };
    QTest::addRow("a -1") << QByteArray("x,y\n1,0\n2,-1\n3,0\n4,1\n") << logistic
                          << QStringList { "DATA:3:2: '-1' is not 0 or 1 (column 'y')" };
    QTest::addRow("an empty cell") << QByteArray("x,y\n1,0\n2,\n3,0\n4,1\n") << logistic
                                   << QStringList { "DATA:3:2: empty cell (column 'y')" };
    QTest::addRow("a 2 with sgd") << QByteArray("x,y\n1,0\n2,1\n3,2\n4,1\n")
                                  << (logistic + QStringList { "--method", "sgd" }) << QStringList { "DATA:4:2: '2'" };
    QTest::addRow("mse with logistic") << classes << (logistic + QStringList { "--loss", "mse" })
                                       << QStringList { "--loss", "'mse'", "logloss" };
    QTest::addRow("logloss with linear") << classes << QStringList { "DATA", "--loss", "logloss" }
                                         << QStringList { "--loss logloss", "--model logistic" };
    QTest::addRow("logloss with --model linear")
        << classes << QStringList { "DATA", "--model", "linear", "--loss=logloss" } << QStringList { "--loss logloss" };
    QTest::addRow("bad --model") << classes << QStringList { "DATA", "--model", "probit" }
                                 << QStringList { "--model", "'probit'", "linear or logistic" };
    QTest::addRow("bad --loss") << classes << QStringList { "DATA", "--loss", "hinge" }
                                << QStringList { "--loss", "'hinge'", "logloss" };
    QTest::addRow("newton with sgd") << classes
                                     << (logistic + QStringList { "--optimizer", "newton", "--method", "sgd" })
                                     << QStringList { "newton" };
}

void TestGdlabRun::logisticBadInput()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    const QString dataPath = dir.filePath("data.csv");
    QFile file(dataPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
    file.close();
    for (QString& argument : arguments)
        argument.replace("DATA", dataPath);
    const CliResult result = runCli(arguments);
    QVERIFY2(result.exitStatus == QProcess::NormalExit && result.exitCode == 2, describe(result).constData());
    QVERIFY(result.out.isEmpty());
    const QString message = QString::fromUtf8(result.err);
    QVERIFY2(message.startsWith("gdlab-run: ") && message.count('\n') == 1, qPrintable(message));
    for (QString part : expected) {
        part.replace("DATA", dataPath);
        QVERIFY2(message.contains(part), qPrintable(QStringLiteral("'%1' not in: %2").arg(part, message)));
    }
}

} // namespace tst_gdlab_run

QTEST_GUILESS_MAIN(tst_gdlab_run::TestGdlabRun)
#include "tst_gdlab_run.moc"
