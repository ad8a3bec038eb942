// Renders the real gdlab window for every lesson (under Xvfb, with OpenGL) and checks the picture is a real
// window, not a blank one; also that the program keeps working without OpenGL and refuses bad input cleanly.
#include "lesson.h"

#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace tst_screenshot {

class TestScreenshot : public QObject {
    Q_OBJECT

private slots:
    void everyLesson_data();
    void everyLesson();
    void withoutOpenGl();
    void benchOpenPrintsTheFirstScreen();
    void dumpViewsAfterTheScreenshot();
    void badDataExitsCleanly();
    void helpAndBadFlagsWithoutADisplay();
    void exportsFromTheCommandLine();
    void badExportsExitCleanly();
    void savedSessionReopensTheSameScreen();
    void guidesFromTheCommandLine();

private:
    static int run(const QStringList& arguments, const QProcessEnvironment& environment, QString* errors = nullptr);
};

int TestScreenshot::run(const QStringList& arguments, const QProcessEnvironment& environment, QString* errors)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(GDLAB_GUI_PATH), arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        return -1;
    }
    if (errors)
        *errors = QString::fromLocal8Bit(process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
}

namespace {
// A blank or black window has a handful of colours; the four views and the controls have thousands.
int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    return colours.size();
}

// As over ssh or in a script: no display of any kind.
QProcessEnvironment withoutDisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    return environment;
}
} // namespace

void TestScreenshot::everyLesson_data()
{
    QTest::addColumn<QString>("lesson");
    for (const gdlab::Lesson& lesson : gdlab::lessonCatalog())
        QTest::addRow("%s", lesson.name.c_str()) << QString::fromStdString(lesson.name);
}

void TestScreenshot::everyLesson()
{
    QFETCH(QString, lesson);
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        QSKIP("needs an X server (run under xvfb-run)");
    QTemporaryDir directory;
    const QString path = directory.filePath(lesson + QStringLiteral(".png"));
    QString errors;
    const int exitCode = run({ "--lesson", lesson, "--size", "1280x720", "--step", "10", "--screenshot", path },
        QProcessEnvironment::systemEnvironment(), &errors);
    QVERIFY2(exitCode == 0, qPrintable(errors));
    const QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1280, 720));
    QVERIFY2(distinctColours(image) > 500, qPrintable(QString::number(distinctColours(image))));
    // The bowl sits in the lower middle; with OpenGL it is drawn there, so that region is not one flat colour.
    const QImage bowl = image.copy(QRect(image.width() / 2 - 50, image.height() * 3 / 5, 200, 120));
    QVERIFY(distinctColours(bowl) > 20);
}

void TestScreenshot::benchOpenPrintsTheFirstScreen()
{
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        QSKIP("needs an X server (run under xvfb-run)");
    QProcess process;
    process.start(QStringLiteral(GDLAB_GUI_PATH), { "--lesson", "the_ravine", "--size", "800x600", "--bench-open" });
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    const QString output = QString::fromLocal8Bit(process.readAllStandardOutput());
    const QRegularExpression line(
        QStringLiteral("^bench open the_ravine first_screen_ms=(\\d+) peak_rss_mb=([\\d.]+)$"),
        QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(output);
    QVERIFY2(match.hasMatch(), qPrintable(output));
    // From the process's start: at least the time to build a window, and less than the wait above.
    QVERIFY(match.captured(1).toInt() > 10 && match.captured(1).toInt() < 60000);
    QVERIFY(match.captured(2).toDouble() > 10);
    QVERIFY2(!output.contains(QStringLiteral("no frame")), qPrintable(output)); // the bowl drew the run
}

void TestScreenshot::withoutOpenGl()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("offscreen.png"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QString errors;
    const int exitCode = run({ "--size", "1280x720", "--screenshot", path }, environment, &errors);
    QVERIFY2(exitCode == 0, qPrintable(errors));
    QVERIFY(distinctColours(QImage(path)) > 500);
}

// --dump-views runs after the other flags: the lesson opened at the asked step, the screenshot written too.
void TestScreenshot::dumpViewsAfterTheScreenshot()
{
    QTemporaryDir directory;
    const QString json = directory.filePath(QStringLiteral("views.json"));
    const QString png = directory.filePath(QStringLiteral("shot.png"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QString errors;
    const int exitCode = run({ "--lesson", "five_points", "--lr", "1", "--step", "30", "--size", "1280x720",
                                 "--screenshot", png, "--dump-views", json },
        environment, &errors);
    QVERIFY2(exitCode == 0, qPrintable(errors));
    QVERIFY(!QImage(png).isNull());
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject dump = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(dump.value(QStringLiteral("presentation")).toBool(true), false);
    const QJsonObject contour
        = dump.value(QStringLiteral("views")).toObject().value(QStringLiteral("contour")).toObject();
    // lr 1 diverges: after 30 steps θ is far off the map, and the arrow at the edge points at it.
    const QJsonObject current
        = contour.value(QStringLiteral("marks")).toObject().value(QStringLiteral("current")).toObject();
    QCOMPARE(current.value(QStringLiteral("inside")).toBool(true), false);
    QCOMPARE(current.value(QStringLiteral("indicated")).toBool(false), true);
    bool named = false;
    for (const QJsonValue& text : contour.value(QStringLiteral("texts")).toArray())
        named
            = named || text.toObject().value(QStringLiteral("text")).toString().contains(QStringLiteral("off the map"));
    QVERIFY(named);
    QCOMPARE(
        run({ "--dump-views", directory.filePath(QStringLiteral("missing/views.json")) }, environment, &errors), 2);
    QVERIFY2(errors.contains(QStringLiteral("views.json")), qPrintable(errors));
}

// gdlab … --save-session, then gdlab --session: the same views (--dump-views) as the flags gave; a broken session
// exits with a message that names the file.
void TestScreenshot::savedSessionReopensTheSameScreen()
{
    QTemporaryDir directory;
    const QString session = directory.filePath(QStringLiteral("class.gdlab"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QString errors;
    const QStringList flags { "--lesson", "exam_hours", "--lr", "0.3", "--step", "25", "--size", "1280x720" };
    QCOMPARE(run(flags + QStringList { "--save-session", session }, environment, &errors), 0);
    const auto dump = [&](const QStringList& arguments, const QString& name) {
        const QString path = directory.filePath(name);
        if (run(arguments + QStringList { "--dump-views", path }, environment, &errors) != 0)
            return QJsonObject { { QStringLiteral("error"), errors } };
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        return QJsonDocument::fromJson(file.readAll()).object();
    };
    const QJsonObject direct = dump(flags, QStringLiteral("direct.json"));
    const QJsonObject reopened = dump({ "--session", session, "--size", "1280x720" }, QStringLiteral("reopened.json"));
    QVERIFY(direct.contains(QStringLiteral("views")));
    QCOMPARE(reopened, direct);

    QFile broken(session);
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    broken.write("{\"format\": \"gdlab-session\", \"version\": 1, \"data\": ");
    broken.close();
    QCOMPARE(run({ "--session", session, "--screenshot", directory.filePath("x.png") }, environment, &errors), 2);
    QVERIFY2(errors.contains(QStringLiteral("class.gdlab: line 1")), qPrintable(errors));
}

void TestScreenshot::badDataExitsCleanly()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("bad.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("x,y\n1,2\n3,abc\n");
    file.close();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QString errors;
    QCOMPARE(run({ "--data", path, "--screenshot", directory.filePath("x.png") }, environment, &errors), 2);
    QVERIFY2(errors.contains(QStringLiteral("bad.csv:3:2")), qPrintable(errors));
    QCOMPARE(run({ "--lr", "-1" }, environment, &errors), 2);
    QVERIFY2(errors.contains(QStringLiteral("'-1'")), qPrintable(errors));
}

// Over ssh or in a script there may be no display: --help, --version and a bad flag still answer, and never
// with Qt's "could not connect to display" abort.
void TestScreenshot::helpAndBadFlagsWithoutADisplay()
{
    const QProcessEnvironment environment = withoutDisplay();
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(GDLAB_GUI_PATH), { QStringLiteral("--help") });
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QString help = QString::fromLocal8Bit(process.readAllStandardOutput());
    QVERIFY2(help.startsWith(QStringLiteral("Usage: gdlab [options]")), qPrintable(help));
    QVERIFY(help.contains(QStringLiteral("--screenshot")));
    QString errors;
    QCOMPARE(run({ "--version" }, environment, &errors), 0);
    QCOMPARE(run({ "--iterations", "many" }, environment, &errors), 2);
    QVERIFY2(
        errors.startsWith(QStringLiteral("gdlab: ")) && errors.contains(QStringLiteral("'many'")), qPrintable(errors));
    QVERIFY2(!errors.contains(QStringLiteral("display")), qPrintable(errors));
}

// --list-guides and a bad guide answer without a display; --guide-step K opens step K, which a session then keeps.
void TestScreenshot::guidesFromTheCommandLine()
{
    const QProcessEnvironment bare = withoutDisplay();
    QProcess process;
    process.setProcessEnvironment(bare);
    process.start(QStringLiteral(GDLAB_GUI_PATH), { QStringLiteral("--list-guides") });
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.first(), QStringLiteral("five_points\tFive points: one line, step by step"));
    QString errors;
    QCOMPARE(run({ "--guide", "nope" }, bare, &errors), 2);
    QVERIFY2(errors.contains(QStringLiteral("gdlab: nope: no built-in guide is called that")), qPrintable(errors));
    QCOMPARE(run({ "--guide", "five_points", "--guide-step", "9" }, bare, &errors), 2);
    QVERIFY2(errors.contains(QStringLiteral("five_points has 8 steps")), qPrintable(errors));

    QTemporaryDir directory;
    const QString broken = directory.filePath(QStringLiteral("broken.json"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"gdlab-guide\", \"version\": 1, \"lesson\": \"five_points\",\n \"title\": 3}");
    file.close();
    QCOMPARE(run({ "--guide", broken }, bare, &errors), 2);
    QVERIFY2(errors.contains(QStringLiteral("broken.json: line 2, column 11: \"title\": expected text")),
        qPrintable(errors));

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const QString session = directory.filePath(QStringLiteral("guided.gdlab"));
    const QString png = directory.filePath(QStringLiteral("step5.png"));
    QCOMPARE(run({ "--guide", "five_points", "--guide-step", "5", "--size", "1024x700", "--screenshot", png,
                     "--save-session", session },
                 environment, &errors),
        0);
    QVERIFY(QImage(png).size() == QSize(1024, 700));
    QFile saved(session);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(saved.readAll()).object();
    QCOMPARE(root.value("guide").toObject().value("name").toString(), QStringLiteral("five_points"));
    QCOMPARE(root.value("guide").toObject().value("step").toInt(), 5);
    QCOMPARE(root.value("cursor").toObject().value("iteration").toInt(), 10);
}

// --export and --export-animation run after the other flags, on the offscreen platform too (no bowl there).
void TestScreenshot::exportsFromTheCommandLine()
{
    QTemporaryDir directory;
    const QString svg = directory.filePath(QStringLiteral("loss.svg"));
    const QString gif = directory.filePath(QStringLiteral("fit.gif"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QString errors;
    const int exitCode = run({ "--lesson", "five_points", "--size", "1024x640", "--step", "20", "--export-view", "fit",
                                 "--export", svg, "--export-animation", gif, "--frames", "4", "--fps", "5" },
        environment, &errors);
    QVERIFY2(exitCode == 0, qPrintable(errors));
    QFile drawing(svg);
    QVERIFY(drawing.open(QIODevice::ReadOnly));
    QVERIFY(drawing.readAll().contains("<svg"));
    // From iteration 0 to --step: four frames, as a viewer reads them.
    QImageReader reader(gif);
    QCOMPARE(reader.format(), QByteArray("gif"));
    QCOMPARE(reader.imageCount(), 4);
    QVERIFY(!reader.read().isNull());
}

void TestScreenshot::badExportsExitCleanly()
{
    QTemporaryDir directory;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QString errors;
    // Without OpenGL there is no bowl to draw: said, not a blank picture.
    QCOMPARE(run({ "--export-view", "bowl", "--export", directory.filePath(QStringLiteral("bowl.png")) }, environment,
                 &errors),
        2);
    QVERIFY2(errors.contains(QStringLiteral("gdlab: The bowl cannot be exported")), qPrintable(errors));
    QVERIFY(!QFile::exists(directory.filePath(QStringLiteral("bowl.png"))));
    QCOMPARE(run({ "--export", directory.filePath(QStringLiteral("missing/x.pdf")) }, environment, &errors), 2);
    QVERIFY2(errors.contains(QStringLiteral("x.pdf")), qPrintable(errors));
    // A bad value is refused before any window, without a display.
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    environment.remove(QStringLiteral("DISPLAY"));
    QCOMPARE(run({ "--export-view", "table", "--export", "x.png" }, environment, &errors), 2);
    QVERIFY2(errors.contains(QStringLiteral("'table' for --export-view")), qPrintable(errors));
    QCOMPARE(errors.count(QLatin1Char('\n')), 1);
    QCOMPARE(run({ "--export-animation", "x.gif", "--frames", "0" }, environment, &errors), 2);
    QVERIFY2(errors.contains(QStringLiteral("'0' for --frames")), qPrintable(errors));
}

} // namespace tst_screenshot

QTEST_GUILESS_MAIN(tst_screenshot::TestScreenshot)
#include "tst_screenshot.moc"
