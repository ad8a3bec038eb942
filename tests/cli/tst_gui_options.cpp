// The gdlab window's flags: every flag parsed, every bad value refused with a message naming it.
#include "gui_options.h"

#include <QTest>

namespace tst_gui_options {

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
    void exportFlags();
    void guideFlags();
    void theme_data();
    void theme();
    void benchCases();
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
    QVERIFY(!result.options.benchOpen);
    QVERIFY(!result.options.noIntercept);
    QVERIFY(result.options.theme.isEmpty()); // the theme kept in the settings
}

void TestGuiOptions::everyFlag()
{
    const GuiOptionsResult result = parse({ "--lesson", "nist_norris", "--lr", "0.05", "--iterations", "300",
        "--method", "minibatch", "--loss", "half-mse", "--step", "12", "--screenshot", "/tmp/x.png", "--size",
        "1280x720", "--presentation", "--bench-ui", "--bench-open" });
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
    QVERIFY(options.benchOpen);

    const GuiOptionsResult data = parse({ "--data=/tmp/my data.csv" });
    QVERIFY(data.error.isEmpty());
    QCOMPARE(data.options.dataPath, QStringLiteral("/tmp/my data.csv"));
    QVERIFY(!data.options.noIntercept);
    QVERIFY(parse({ "--data", "/tmp/x.csv", "--no-intercept" }).options.noIntercept);

    const GuiOptionsResult race = parse({ "--optimizer", "nesterov", "--race", "gd,momentum:lr=0.05:momentum=0.8" });
    QVERIFY2(race.error.isEmpty(), qPrintable(race.error));
    QCOMPARE(*race.options.optimizer, gdlab::OptimizerKind::Nesterov);
    QCOMPARE(race.options.race, QStringLiteral("gd,momentum:lr=0.05:momentum=0.8"));

    const GuiOptionsResult session = parse({ "--session", "class.gdlab", "--save-session", "copy.gdlab" });
    QCOMPARE(session.options.sessionPath, QStringLiteral("class.gdlab"));
    QCOMPARE(session.options.saveSessionPath, QStringLiteral("copy.gdlab"));

    // The logistic model, by name or by its loss.
    QVERIFY(!parse({}).options.model);
    QCOMPARE(*parse({ "--model", "logistic" }).options.model, gdlab::ModelKind::Logistic);
    QCOMPARE(*parse({ "--loss", "logloss" }).options.model, gdlab::ModelKind::Logistic);
    QVERIFY(!parse({ "--loss", "logloss" }).options.loss);
    const GuiOptionsResult linear = parse({ "--model", "linear", "--loss", "sse" });
    QCOMPARE(*linear.options.model, gdlab::ModelKind::Linear);
    QCOMPARE(*linear.options.loss, gdlab::LossKind::Sse);
}

void TestGuiOptions::badValues_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::addRow("unknown lesson") << QStringList { "--lesson", "nope" } << "'nope' for --lesson";
    QTest::addRow("a benchmark case without --bench-ui") << QStringList { "--lesson", "n10k" } << "'n10k' for --lesson";
    QTest::addRow("unknown benchmark case")
        << QStringList { "--bench-ui", "--lesson", "five_points,nope" } << "'nope' for --lesson";
    QTest::addRow("guide step 0") << QStringList { "--guide", "five_points", "--guide-step", "0" }
                                  << "'0' for --guide-step: expected a step from 1";
    QTest::addRow("guide step without a guide")
        << QStringList { "--guide-step", "2" } << "--guide-step needs --guide NAME|FILE";
    QTest::addRow("guide and a lesson") << QStringList { "--guide", "five_points", "--lesson", "nist_norris" }
                                        << "--guide opens its own data and settings: --lesson cannot go with it";
    QTest::addRow("guide and a rate") << QStringList { "--lr", "0.1", "--guide", "five_points" }
                                      << "--lr cannot go with it";
    QTest::addRow("negative lr") << QStringList { "--lr", "-1" } << "'-1' for --lr";
    QTest::addRow("text lr") << QStringList { "--lr", "fast" } << "'fast' for --lr";
    QTest::addRow("nan lr") << QStringList { "--lr", "nan" } << "'nan' for --lr";
    QTest::addRow("iterations") << QStringList { "--iterations", "1.5" } << "'1.5' for --iterations";
    QTest::addRow("method") << QStringList { "--method", "adam" } << "'adam' for --method";
    QTest::addRow("loss") << QStringList { "--loss", "mae" } << "'mae' for --loss";
    QTest::addRow("model") << QStringList { "--model", "probit" } << "'probit' for --model";
    QTest::addRow("quadratic loss of logistic")
        << QStringList { "--model", "logistic", "--loss", "mse" } << "'mse' for --loss";
    QTest::addRow("logloss of linear") << QStringList { "--model", "linear", "--loss", "logloss" }
                                       << "'logloss' for --loss";
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
    QTest::addRow("session and data") << QStringList { "--session", "a.gdlab", "--data", "x.csv" } << "give one";
    // One message, for the first problem in the order --help lists the flags.
    QTest::addRow("first of two") << QStringList { "--size", "big", "--lr", "-1" } << "'-1' for --lr";
    QTest::addRow("data before window") << QStringList { "--step", "-1", "--lesson", "nope" } << "'nope' for --lesson";
    QTest::addRow("export view") << QStringList { "--export-view", "table", "--export", "x.png" }
                                 << "'table' for --export-view";
    QTest::addRow("export format") << QStringList { "--export", "x.jpg" } << "'x.jpg' for --export";
    QTest::addRow("animation format") << QStringList { "--export-animation", "x.png" }
                                      << "'x.png' for --export-animation";
    QTest::addRow("export scale") << QStringList { "--export", "x.png", "--export-scale", "4" }
                                  << "'4' for --export-scale";
    QTest::addRow("no frames") << QStringList { "--export-animation", "x.gif", "--frames", "0" } << "'0' for --frames";
    QTest::addRow("text frames") << QStringList { "--export-animation", "x.gif", "--frames", "ten" }
                                 << "'ten' for --frames";
    QTest::addRow("fast fps") << QStringList { "--export-animation", "x.gif", "--fps", "100" } << "'100' for --fps";
    QTest::addRow("view alone") << QStringList { "--export-view", "fit" } << "--export-view needs";
    QTest::addRow("frames alone") << QStringList { "--frames", "10" } << "--frames needs";
    QTest::addRow("theme") << QStringList { "--theme", "solarized" } << "'solarized' for --theme";
    QTest::addRow("theme's case") << QStringList { "--theme", "Dark" } << "'Dark' for --theme";
    QTest::addRow("scale alone") << QStringList { "--export-scale", "2" } << "--export-scale needs";
}

void TestGuiOptions::theme_data()
{
    QTest::addColumn<QString>("name");
    for (const char* name : { "system", "light", "dark", "high-contrast" })
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestGuiOptions::theme()
{
    QFETCH(QString, name);
    const GuiOptionsResult result = parse({ "--theme", name, "--lesson", "five_points" });
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.options.theme, name);
}

void TestGuiOptions::exportFlags()
{
    const GuiOptionsResult none = parse({});
    QVERIFY(none.options.exportPath.isEmpty());
    QVERIFY(none.options.animationPath.isEmpty());
    QCOMPARE(none.options.exportView, QStringLiteral("window"));
    const GuiOptionsResult still = parse({ "--export-view", "bowl", "--export", "/tmp/b.PDF" });
    QVERIFY2(still.error.isEmpty(), qPrintable(still.error));
    QCOMPARE(still.options.exportView, QStringLiteral("bowl"));
    QCOMPARE(still.options.exportPath, QStringLiteral("/tmp/b.PDF"));
    QCOMPARE(still.options.exportScale, 1);
    const GuiOptionsResult animated
        = parse({ "--lesson", "five_points", "--step", "200", "--export-animation", "/tmp/a.gif", "--frames", "12",
            "--fps", "2.5", "--export-view", "contour", "--export", "/tmp/c.png", "--export-scale", "3" });
    QVERIFY2(animated.error.isEmpty(), qPrintable(animated.error));
    QCOMPARE(animated.options.animationPath, QStringLiteral("/tmp/a.gif"));
    QCOMPARE(animated.options.animationFrames, 12);
    QCOMPARE(animated.options.animationFps, 2.5);
    QCOMPARE(animated.options.exportScale, 3);
    QCOMPARE(*animated.options.step, 200LL);
    for (const char* view : { "fit", "loss", "contour", "along", "bowl", "window" })
        QVERIFY(parse({ "--export-view", view, "--export", "x.svg" }).error.isEmpty());
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
    QVERIFY(help.exitText.contains(QStringLiteral("--export-animation")));
    const GuiOptionsResult version = parse({ "--version" });
    QVERIFY(version.exitText.startsWith(QStringLiteral("gdlab ")));
}

void TestGuiOptions::guideFlags()
{
    const GuiOptionsResult result = parse({ "--guide", "five_points", "--guide-step", "3", "--step", "7" });
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.options.guide, QStringLiteral("five_points"));
    QCOMPARE(result.options.guideStep, 3);
    QVERIFY(!result.options.listGuides);
    QCOMPARE(parse({ "--guide", "mine.json" }).options.guideStep, 1);
    QVERIFY(parse({ "--list-guides" }).options.listGuides);
}

// --bench-ui takes lessons and its synthetic cases as a list; the window itself opens the default lesson.
void TestGuiOptions::benchCases()
{
    const GuiOptionsResult result = parse({ "--bench-ui", "--lesson", "separable_hours,n10k,updates1e6,race4" });
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.options.benchCase, QStringLiteral("separable_hours,n10k,updates1e6,race4"));
    QVERIFY(result.options.lesson.isEmpty());
    QCOMPARE(parse({ "--lesson", "two_features_n50" }).options.benchCase, QString());
    const gdlab::GuiOptions one = parse({ "--bench-ui", "--lesson", "two_features_n50" }).options;
    QCOMPARE(one.lesson, QStringLiteral("two_features_n50"));
    QCOMPARE(one.benchCase, QStringLiteral("two_features_n50"));
}

} // namespace tst_gui_options

QTEST_GUILESS_MAIN(tst_gui_options::TestGuiOptions)
#include "tst_gui_options.moc"
