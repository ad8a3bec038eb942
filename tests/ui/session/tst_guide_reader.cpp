// The guide format: a valid guide reads whole; every kind of mistake a teacher can make is refused with the file, the
// line and column of the bad value, the step and the key; a guide for a newer gdlab says so; captions fill their
// numbers from the model; and the five built-in guides read.
#include "session/guide_catalog.h"
#include "session/guide_reader.h"
#include "session/guide_text.h"
#include "session/iteration_model.h"
#include "session/json_locator.h"
#include "session/session_controller.h"
#include "session/session_file.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

namespace tst_guide_reader {

using gdlab::Guide;
using gdlab::GuideReader;

class TestGuideReader : public QObject {
    Q_OBJECT

private slots:
    void readsAWholeGuide();
    void dataBesideTheGuide();
    void errorsSayWhere_data();
    void errorsSayWhere();
    void newerVersion();
    void settingsOverlay();
    void locatorFindsValues();
    void captionsFillFromTheModel();
    void builtInGuidesRead();
    void sessionFileKeepsTheGuide();
};

namespace {

const char* const kValid = R"({
  "format": "gdlab-guide", "version": 1, "title": "A test", "lesson": "five_points",
  "steps": [
    {"caption": "Start at {theta0}", "cursor": 0, "emphasise": "fit"},
    {"caption": "Faster", "settings": {"learning_rate": 0.05, "optimizer": {"name": "momentum"}},
     "play": {"to": 100, "speed": 20}, "pin": true,
     "question": "Why?", "answer": "Because."}
  ]
})";

/** The message reading text gives; empty when it reads. */
QString refusal(const QByteArray& text, const QString& fileName = QStringLiteral("class.json"))
{
    QString error;
    const std::optional<Guide> guide = GuideReader::read(text, fileName, &error);
    return guide ? QString() : error;
}

/** kValid with one piece of text replaced. */
QByteArray validWith(const char* from, const char* to)
{
    return QByteArray(kValid).replace(from, to);
}

} // namespace

void TestGuideReader::readsAWholeGuide()
{
    QString error;
    const std::optional<Guide> guide = GuideReader::read(kValid, QStringLiteral("class.json"), &error);
    QVERIFY2(guide, qPrintable(error));
    QCOMPARE(guide->title, QStringLiteral("A test"));
    QCOMPARE(guide->lesson, QStringLiteral("five_points"));
    QCOMPARE(guide->steps.size(), std::size_t(2));
    QCOMPARE(*guide->steps[0].cursor, 0LL);
    QCOMPARE(guide->steps[0].emphasise, QStringLiteral("fit"));
    QVERIFY(!guide->steps[0].playTo);
    const gdlab::GuideStep& second = guide->steps[1];
    QCOMPARE(*second.playTo, 100LL);
    QCOMPARE(second.playSpeed, 20);
    QVERIFY(second.pin);
    QCOMPARE(second.settings.value("learning_rate").toDouble(), 0.05);
    QCOMPARE(second.question, QStringLiteral("Why?"));
    QCOMPARE(second.answer, QStringLiteral("Because."));
}

void TestGuideReader::dataBesideTheGuide()
{
    QTemporaryDir folder;
    QFile csv(folder.filePath("points.csv"));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("x,y\n1,2\n2,4\n3,7\n");
    csv.close();
    const QByteArray text = validWith(R"("lesson": "five_points")", R"("data": "points.csv")");
    QString error;
    const std::optional<Guide> guide = GuideReader::read(text, folder.filePath("guide.json"), &error);
    QVERIFY2(guide, qPrintable(error));
    QCOMPARE(guide->dataPath, folder.filePath("points.csv"));
    QVERIFY(guide->lesson.isEmpty());
    // The same guide elsewhere finds no CSV beside it.
    QVERIFY(refusal(text, QStringLiteral("/nonexistent/guide.json")).contains("no file points.csv beside the guide"));
}

void TestGuideReader::errorsSayWhere_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    // Columns count characters from 1, at the bad value (an unknown key: at its value).
    QTest::newRow("syntax") << validWith(R"("cursor": 0,)", R"("cursor": 0,,)")
                            << "class.json: line 4, column 50: unterminated object";
    QTest::newRow("cut short") << QByteArray(kValid).left(120) << "class.json: line 4, column ";
    QTest::newRow("not a guide") << validWith("gdlab-guide", "gdlab-session") << "not a gdlab guide";
    QTest::newRow("unknown step key") << validWith(R"("emphasise": "fit")", R"("emphasize": "fit")")
                                      << "class.json: line 4, column 64: step 1: unknown key \"emphasize\"";
    QTest::newRow("unknown top key") << validWith(R"("title")", R"("titel")")
                                     << "line 2, column 51: unknown key \"titel\"";
    QTest::newRow("wrong type") << validWith(R"("cursor": 0)", R"("cursor": "zero")")
                                << "line 4, column 48: step 1: \"cursor\": expected an iteration, found text";
    QTest::newRow("unknown lesson") << validWith(R"("five_points")", R"("six_points")")
                                    << "line 2, column 71: \"lesson\": no lesson is called \"six_points\"";
    QTest::newRow("missing CSV") << validWith(R"("lesson": "five_points")", R"("data": "gone.csv")")
                                 << "\"data\": there is no file gone.csv beside the guide";
    QTest::newRow("bad view") << validWith(R"("emphasise": "fit")", R"("emphasise": "table")")
                              << "line 4, column 64: step 1: \"emphasise\": expected fit, loss, contour or bowl";
    QTest::newRow("cursor beyond the run")
        << validWith(R"("cursor": 0)", R"("cursor": 5000)")
        << "line 4, column 48: step 1: \"cursor\": iteration 5000 is beyond the run, which has 1000 iterations";
    QTest::newRow("play beyond the run, after more iterations")
        << validWith(R"("learning_rate": 0.05,)", R"("learning_rate": 0.05, "iterations": 50,)")
        << "line 6, column 21: step 2: \"play.to\": iteration 100 is beyond the run, which has 50 iterations";
    QTest::newRow("bad setting")
        << validWith(R"("learning_rate": 0.05)", R"("learning_rate": -1)")
        << "line 5, column 57: step 2: settings.learning_rate: expected a number above 0, found -1";
    QTest::newRow("bad optimizer") << validWith(R"("name": "momentum")", R"("name": "lbfgs")")
                                   << "line 5, column 85: step 2: settings.optimizer.name: expected gd, momentum";
    QTest::newRow("unknown setting") << validWith(R"("learning_rate")", R"("learning_rte")")
                                     << "line 5, column 56: step 2: settings: unknown key \"learning_rte\"";
    QTest::newRow("unknown placeholder") << validWith("{theta0}", "{theta}")
                                         << "line 4, column 17: step 1: \"caption\": no number is called {theta}";
    QTest::newRow("question without answer")
        << validWith(R"(, "answer": "Because.")", "") << "step 2: a \"question\" needs its \"answer\"";
    QTest::newRow("cursor and play") << validWith(R"("pin": true)", R"("pin": true, "cursor": 3)")
                                     << "step 2: a step gives a \"cursor\" or a \"play\", not both";
    QTest::newRow("no steps") << QByteArray(R"({"format": "gdlab-guide", "version": 1, "title": "t",
 "lesson": "five_points", "steps": []})")
                              << "line 2, column 36: \"steps\": expected a list of at least one step";
}

void TestGuideReader::errorsSayWhere()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const QString message = refusal(text);
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(message.startsWith("class.json: "), qPrintable(message));
}

void TestGuideReader::newerVersion()
{
    const QString message = refusal(validWith(R"("version": 1)", R"("version": 2)"));
    QVERIFY2(
        message.contains("written for a newer gdlab (guide version 2); this one reads version 1"), qPrintable(message));
    QVERIFY(refusal(validWith(R"("version": 1)", R"("version": 0)")).contains("\"version\": expected 1"));
}

void TestGuideReader::settingsOverlay()
{
    const QJsonObject full { { "learning_rate", 0.01 }, { "loss", "mse" },
        { "optimizer", QJsonObject { { "name", "gd" }, { "momentum", 0.9 } } } };
    const QJsonObject whole = GuideReader::overlay(
        full, QJsonObject { { "learning_rate", 0.1 }, { "optimizer", QJsonObject { { "name", "momentum" } } } });
    QCOMPARE(whole.value("learning_rate").toDouble(), 0.1);
    QCOMPARE(whole.value("loss").toString(), QStringLiteral("mse"));
    QCOMPARE(whole.value("optimizer").toObject().value("name").toString(), QStringLiteral("momentum"));
    QCOMPARE(whole.value("optimizer").toObject().value("momentum").toDouble(), 0.9);
}

void TestGuideReader::locatorFindsValues()
{
    const QByteArray json = R"({"a": [1, {"b\"c": "x"}, [2, 3]], "d": {"e": true}})";
    QCOMPARE(gdlab::JsonLocator::offsetOf(json, { "a", "1", "b\"c" }), int(json.indexOf("\"x\"")));
    QCOMPARE(gdlab::JsonLocator::offsetOf(json, { "a", "2", "1" }), int(json.indexOf("3]")));
    QCOMPARE(gdlab::JsonLocator::offsetOf(json, { "d", "e" }), int(json.indexOf("true")));
    QCOMPARE(gdlab::JsonLocator::offsetOf(json, { "d", "f" }), -1);
    QCOMPARE(gdlab::JsonLocator::offsetOf(json, { "a", "7" }), -1);
    QCOMPARE(gdlab::JsonLocator::lineAndColumn("ab\nθd", 5), QStringLiteral("line 2, column 2"));
}

void TestGuideReader::captionsFillFromTheModel()
{
    gdlab::SessionController controller;
    QVERIFY(controller.loadLesson("five_points").isEmpty());
    controller.waitForComputation();
    gdlab::IterationModel* model = controller.model();
    model->setCurrentRow(model->rowForIteration(10));
    // The tutorial's numbers after 10 updates: θ = (0.8094368934859253, 0.7232754423544987); least squares (0.6, 0.8).
    QCOMPARE(gdlab::GuideText::fill("θ = ({theta0}, {theta1}) at {iteration}, lr {lr}", *model),
        QStringLiteral("θ = (0.809437, 0.723275) at 10, lr 0.01"));
    QCOMPARE(gdlab::GuideText::fill("{opt0}, {opt1}; {theta7} {unknown} {0, 1}", *model),
        QStringLiteral("0.6, 0.8; – {unknown} {0, 1}"));
    model->setCurrentRow(0);
    // At the start (0.75, 0.48) the gradient is (−1.62, −6.14), as the update panel writes it.
    QCOMPARE(gdlab::GuideText::fill("{g0} {g1}", *model), QStringLiteral("−1.62 −6.14"));
    QCOMPARE(gdlab::GuideText::unknownPlaceholder("{loss} {rmse} {grad} {optloss} {bound} {g12} {x1}"),
        QStringLiteral("{x1}"));
}

void TestGuideReader::builtInGuidesRead()
{
    QCOMPARE(gdlab::GuideCatalog::names().size(), 5);
    for (const QString& name : gdlab::GuideCatalog::names()) {
        QString error;
        const std::optional<Guide> guide = gdlab::GuideCatalog::load(name, &error);
        QVERIFY2(guide, qPrintable(error));
        QCOMPARE(guide->name, name);
        QVERIFY2(guide->steps.size() >= 5 && guide->steps.size() <= 10, qPrintable(name));
    }
    // Every guide compiled in is in the catalog.
    QCOMPARE(QDir(":/guides").entryList().size(), gdlab::GuideCatalog::names().size());
    QString error;
    QVERIFY(!gdlab::GuideCatalog::load("no_such_guide", &error));
    QVERIFY2(error.contains("no built-in guide is called that"), qPrintable(error));
}

void TestGuideReader::sessionFileKeepsTheGuide()
{
    gdlab::SessionController controller;
    QVERIFY(controller.loadLesson("five_points").isEmpty());
    const QJsonObject guide { { "name", "five_points" }, { "step", 5 } };
    const QByteArray bytes = gdlab::SessionFile::write(*controller.latestRun(), 10, {}, {}, {}, guide);
    QString error;
    std::optional<gdlab::SavedSession> session = gdlab::SessionFile::read(bytes, "class.gdlab", &error);
    QVERIFY2(session, qPrintable(error));
    QCOMPARE(session->guide, guide);
    // Without a guide open the file has none, and reads as before.
    const QByteArray plain = gdlab::SessionFile::write(*controller.latestRun(), 10, {});
    QVERIFY(!plain.contains("\"guide\""));
    session = gdlab::SessionFile::read(plain, "class.gdlab", &error);
    QVERIFY2(session && session->guide.isEmpty(), qPrintable(error));
    // A bad guide entry is refused like any other bad field.
    for (const QJsonObject& bad : { QJsonObject { { "name", "five_points" }, { "step", 0 } },
             QJsonObject { { "name", 3 }, { "step", 1 } }, QJsonObject { { "step", 2 } } }) {
        const QByteArray text = gdlab::SessionFile::write(*controller.latestRun(), 10, {}, {}, {}, bad);
        QVERIFY(!gdlab::SessionFile::read(text, "class.gdlab", &error));
        QVERIFY2(error.startsWith("class.gdlab: guide"), qPrintable(error));
    }
}

} // namespace tst_guide_reader

QTEST_MAIN(tst_guide_reader::TestGuideReader)
#include "tst_guide_reader.moc"
