// The gdlab window's flags: every flag parsed, every bad value refused with a message naming it.
#include "gui_options.h"

#include <QTest>

using gdlab::GuiOptionsResult;
using gdlab::parseGuiOptions;

class TestGuiOptions : public QObject {
    Q_OBJECT

private slots:
    void defaults();
    void everyFlag();
    void badValues_data();
    void badValues();
    void helpAndVersion();
};

namespace {
GuiOptionsResult parse(QStringList arguments)
{
    arguments.prepend(QStringLiteral("gdlab"));
    return parseGuiOptions(arguments);
}
} // namespace

void TestGuiOptions::defaults()
{
    const GuiOptionsResult result = parse({});
    QVERIFY(result.error.isEmpty());
    QVERIFY(result.exitText.isEmpty());
    QVERIFY(result.options.lesson.isEmpty());
    QVERIFY(result.options.dataPath.isEmpty());
    QVERIFY(!result.options.learningRate);
    QVERIFY(!result.options.step);
    QVERIFY(!result.options.size.isValid());
    QVERIFY(!result.options.benchUi);
    QVERIFY(!result.options.noIntercept);
}

void TestGuiOptions::everyFlag()
{
    const GuiOptionsResult result = parse({ "--lesson", "nist_norris", "--lr", "0.05", "--iterations", "300",
        "--method", "minibatch", "--loss", "half-mse", "--step", "12", "--screenshot", "/tmp/x.png", "--size",
        "1280x720", "--presentation", "--bench-ui" });
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    const gdlab::GuiOptions& options = result.options;
    QCOMPARE(options.lesson, QStringLiteral("nist_norris"));
    QCOMPARE(*options.learningRate, 0.05);
    QCOMPARE(*options.iterations, 300LL);
    QCOMPARE(*options.method, gdlab::DescentMethod::MiniBatch);
    QCOMPARE(*options.loss, gdlab::LossKind::HalfMse);
    QCOMPARE(*options.step, 12LL);
    QCOMPARE(options.screenshotPath, QStringLiteral("/tmp/x.png"));
    QCOMPARE(options.size, QSize(1280, 720));
    QVERIFY(options.presentation);
    QVERIFY(options.benchUi);

    const GuiOptionsResult data = parse({ "--data=/tmp/my data.csv" });
    QVERIFY(data.error.isEmpty());
    QCOMPARE(data.options.dataPath, QStringLiteral("/tmp/my data.csv"));
    QVERIFY(!data.options.noIntercept);
    QVERIFY(parse({ "--data", "/tmp/x.csv", "--no-intercept" }).options.noIntercept);

    const GuiOptionsResult race = parse({ "--optimizer", "nesterov", "--race", "gd,momentum:lr=0.05:momentum=0.8" });
    QVERIFY2(race.error.isEmpty(), qPrintable(race.error));
    QCOMPARE(*race.options.optimizer, gdlab::OptimizerKind::Nesterov);
    QCOMPARE(race.options.race, QStringLiteral("gd,momentum:lr=0.05:momentum=0.8"));
}

void TestGuiOptions::badValues_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::addRow("unknown lesson") << QStringList { "--lesson", "nope" } << "'nope' for --lesson";
    QTest::addRow("negative lr") << QStringList { "--lr", "-1" } << "'-1' for --lr";
    QTest::addRow("text lr") << QStringList { "--lr", "fast" } << "'fast' for --lr";
    QTest::addRow("nan lr") << QStringList { "--lr", "nan" } << "'nan' for --lr";
    QTest::addRow("iterations") << QStringList { "--iterations", "1.5" } << "'1.5' for --iterations";
    QTest::addRow("method") << QStringList { "--method", "adam" } << "'adam' for --method";
    QTest::addRow("loss") << QStringList { "--loss", "mae" } << "'mae' for --loss";
    QTest::addRow("step") << QStringList { "--step", "-3" } << "'-3' for --step";
    QTest::addRow("size") << QStringList { "--size", "big" } << "'big' for --size";
    QTest::addRow("tiny size") << QStringList { "--size", "10x10" } << "'10x10' for --size";
    QTest::addRow("optimizer") << QStringList { "--optimizer", "sgd" } << "'sgd' for --optimizer";
    QTest::addRow("race optimizer") << QStringList { "--race", "gd,lbfgs" } << "lbfgs";
    QTest::addRow("race key") << QStringList { "--race", "adam:momentum=0.5" } << "momentum";
    QTest::addRow("race of five") << QStringList { "--race", "gd,gd,gd,gd,gd" } << "at most 4";
    QTest::addRow("unknown flag") << QStringList { "--colour" } << "colour";
    QTest::addRow("missing value") << QStringList { "--lr" } << "lr";
    QTest::addRow("positional") << QStringList { "data.csv" } << "'data.csv'";
    QTest::addRow("lesson and data") << QStringList { "--lesson", "five_points", "--data", "x.csv" } << "give one";
    // One message, for the first problem in the order --help lists the flags.
    QTest::addRow("first of two") << QStringList { "--size", "big", "--lr", "-1" } << "'-1' for --lr";
    QTest::addRow("data before window") << QStringList { "--step", "-1", "--lesson", "nope" } << "'nope' for --lesson";
}

void TestGuiOptions::badValues()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const GuiOptionsResult result = parse(arguments);
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
}

void TestGuiOptions::helpAndVersion()
{
    const GuiOptionsResult help = parse({ "--help" });
    QVERIFY(help.error.isEmpty());
    QVERIFY(help.exitText.contains(QStringLiteral("--screenshot")));
    QVERIFY(help.exitText.contains(QStringLiteral("five_points")));
    const GuiOptionsResult version = parse({ "--version" });
    QVERIFY(version.exitText.startsWith(QStringLiteral("gdlab ")));
}

QTEST_GUILESS_MAIN(TestGuiOptions)
#include "tst_gui_options.moc"
