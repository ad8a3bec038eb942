// The picture of the window that --dump-views writes, read as JSON the way other programs read it, on every
// lesson at a projector's size and a laptop's: no text over another, the optimum near the bowl's centre, the
// current θ on the map or pointed at, and views that stay where they are while the descent is stepped.
#include "lesson.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "shell/main_window.h"
#include "shell/session_actions.h"
#include "shell/view_dump.h"
#include "views/bowl_view.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace tst_view_dump {

using namespace gdlab;

namespace {

const QSize laptop(1024, 700);
const QSize projector(1600, 1000);

QRectF rectOf(const QJsonValue& value)
{
    const QJsonArray a = value.toArray();
    return a.size() == 4 ? QRectF(a[0].toDouble(), a[1].toDouble(), a[2].toDouble(), a[3].toDouble()) : QRectF();
}

/** Texts of one view that cover each other by more than a sliver (antialiased edges may touch). */
QStringList overlaps(const QJsonObject& view)
{
    const QJsonArray texts = view.value(QStringLiteral("texts")).toArray();
    QStringList found;
    for (qsizetype i = 0; i < texts.size(); ++i)
        for (qsizetype j = i + 1; j < texts.size(); ++j) {
            const QRectF a = rectOf(texts[i].toObject().value(QStringLiteral("rect")));
            const QRectF b = rectOf(texts[j].toObject().value(QStringLiteral("rect")));
            const QRectF common = a.intersected(b);
            if (common.width() > 1.5 && common.height() > 1.5)
                found << QStringLiteral("'%1' and '%2'")
                             .arg(texts[i].toObject().value(QStringLiteral("text")).toString(),
                                 texts[j].toObject().value(QStringLiteral("text")).toString());
        }
    return found;
}

double fractionAlong(const QJsonObject& view, const char* range, double value)
{
    const QJsonArray r = view.value(QLatin1String(range)).toArray();
    return (value - r[0].toDouble()) / (r[1].toDouble() - r[0].toDouble());
}

} // namespace

class TestViewDump : public QObject {
    Q_OBJECT

private slots:
    void cleanup();
    void writesTheIssuesFormat();
    void textsDoNotOverlap_data();
    void textsDoNotOverlap();
    void optimumNearTheBowlsCentre_data();
    void optimumNearTheBowlsCentre();
    void currentThetaShownOrPointedAt_data();
    void currentThetaShownOrPointedAt();
    void layoutStaysWhileStepping_data();
    void layoutStaysWhileStepping();
    void presentationModeAndBack();
    void sessionKeepsTheBowlsCamera();

private:
    void open(const QString& lesson, const QSize& size, double learningRate = 0);
    QJsonObject dumpAt(int row);
    static void addLessons(bool withSizes);

    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<MainWindow> m_window;
};

void TestViewDump::cleanup()
{
    m_window.reset();
    m_controller.reset();
}

void TestViewDump::open(const QString& lesson, const QSize& size, double learningRate)
{
    m_controller = std::make_unique<SessionController>();
    QVERIFY(m_controller->loadLesson(lesson).isEmpty());
    if (learningRate > 0)
        QVERIFY(m_controller->setLearningRate(learningRate).isEmpty());
    m_controller->waitForComputation();
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->resize(size);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

QJsonObject TestViewDump::dumpAt(int row)
{
    m_controller->model()->setCurrentRow(row);
    QCoreApplication::processEvents();
    return ViewDump::toJson(*m_window);
}

void TestViewDump::addLessons(bool withSizes)
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<QSize>("size");
    for (const Lesson& lesson : lessonCatalog()) {
        const QString name = QString::fromStdString(lesson.name);
        QTest::addRow("%s 1600x1000", lesson.name.c_str()) << name << projector;
        if (withSizes)
            QTest::addRow("%s 1024x700", lesson.name.c_str()) << name << laptop;
    }
}

// The file the flag writes: through ViewDump::write, read back as any program would.
void TestViewDump::writesTheIssuesFormat()
{
    open(QStringLiteral("five_points"), laptop);
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("views.json"));
    QString error;
    QVERIFY2(ViewDump::write(*m_window, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject dump = QJsonDocument::fromJson(file.readAll()).object();
    const QSize window(dump.value(QStringLiteral("window")).toObject().value(QStringLiteral("width")).toInt(),
        dump.value(QStringLiteral("window")).toObject().value(QStringLiteral("height")).toInt());
    QCOMPARE(window, m_window->size());
    QCOMPARE(dump.value(QStringLiteral("presentation")).toBool(true), false);
    QCOMPARE(dump.value(QStringLiteral("controls_visible")).toBool(false), true);
    const QJsonObject views = dump.value(QStringLiteral("views")).toObject();
    QCOMPARE(views.keys(), QStringList({ "bowl", "contour", "fit", "loss" }));
    for (const QString& name : views.keys()) {
        const QJsonObject view = views.value(name).toObject();
        const QRectF rect = rectOf(view.value(QStringLiteral("rect")));
        QVERIFY2(rect.width() > 100 && rect.height() > 100, qPrintable(name));
        QVERIFY2(QRectF(QPointF(0, 0), window).contains(rect), qPrintable(name));
        QVERIFY2(view.value(QStringLiteral("x_range")).toArray().size() == 2, qPrintable(name));
        QVERIFY2(!view.value(QStringLiteral("texts")).toArray().isEmpty(), qPrintable(name));
    }
    QVERIFY(views.value(QStringLiteral("bowl")).toObject().contains(QStringLiteral("z_range")));
    const QJsonObject contour = views.value(QStringLiteral("contour")).toObject();
    const QJsonObject current
        = contour.value(QStringLiteral("marks")).toObject().value(QStringLiteral("current")).toObject();
    // five_points starts at (0.75, 0.48) on the (θ0, θ1) map.
    QCOMPARE(current.value(QStringLiteral("at")).toArray()[0].toDouble(), 0.75);
    QCOMPARE(current.value(QStringLiteral("inside")).toBool(), true);
    QCOMPARE(current.value(QStringLiteral("indicated")).toBool(), false);
    QVERIFY(!ViewDump::write(*m_window, directory.filePath(QStringLiteral("missing/views.json")), &error));
    QVERIFY(error.contains(QStringLiteral("views.json")));
}

void TestViewDump::textsDoNotOverlap_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("presentation");
    for (const Lesson& lesson : lessonCatalog()) {
        const QString name = QString::fromStdString(lesson.name);
        for (const QSize& size : { projector, laptop })
            for (bool presentation : { false, true })
                QTest::addRow(
                    "%s %dx%d%s", lesson.name.c_str(), size.width(), size.height(), presentation ? " presentation" : "")
                    << name << size << presentation;
    }
}

void TestViewDump::textsDoNotOverlap()
{
    QFETCH(QString, lesson);
    QFETCH(QSize, size);
    QFETCH(bool, presentation);
    open(lesson, size);
    if (presentation) {
        m_window->setPresentationMode(true);
        QCoreApplication::processEvents();
    }
    const int last = m_controller->model()->lastRow();
    for (int row : { 0, std::min(10, last), last }) {
        const QJsonObject views = dumpAt(row).value(QStringLiteral("views")).toObject();
        for (const QString& name : views.keys()) {
            const QStringList found = overlaps(views.value(name).toObject());
            QVERIFY2(found.isEmpty(),
                qPrintable(QStringLiteral("%1 at row %2: %3").arg(name).arg(row).arg(found.join(", "))));
        }
    }
}

void TestViewDump::optimumNearTheBowlsCentre_data()
{
    addLessons(false);
}

void TestViewDump::optimumNearTheBowlsCentre()
{
    QFETCH(QString, lesson);
    QFETCH(QSize, size);
    open(lesson, size);
    const QJsonObject bowl
        = dumpAt(0).value(QStringLiteral("views")).toObject().value(QStringLiteral("bowl")).toObject();
    if (!bowl.contains(QStringLiteral("z_range")))
        QSKIP("no OpenGL here: the bowl is a sentence");
    const QJsonObject marks = bowl.value(QStringLiteral("marks")).toObject();
    if (!m_controller->model()->run()->optimum()) {
        // Separable data (logistic): no optimum, so no marker for it.
        QVERIFY(!marks.contains(QStringLiteral("optimum")));
        return;
    }
    const QJsonObject optimum = marks.value(QStringLiteral("optimum")).toObject();
    const QJsonArray at = optimum.value(QStringLiteral("at")).toArray();
    QVERIFY(optimum.value(QStringLiteral("inside")).toBool());
    const double across = fractionAlong(bowl, "x_range", at[0].toDouble());
    const double deep = fractionAlong(bowl, "y_range", at[1].toDouble());
    QVERIFY2(std::abs(across - 0.5) < 0.2 && std::abs(deep - 0.5) < 0.2,
        qPrintable(QStringLiteral("optimum at %1, %2 of the bowl's width and depth").arg(across).arg(deep)));
}

void TestViewDump::currentThetaShownOrPointedAt_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<double>("learningRate");
    for (const Lesson& lesson : lessonCatalog())
        QTest::addRow("%s", lesson.name.c_str()) << QString::fromStdString(lesson.name) << 0.0;
    // Diverging runs: the current θ leaves any sensible frame within a few steps.
    QTest::addRow("five_points lr 0.09") << QStringLiteral("five_points") << 0.09;
    QTest::addRow("five_points lr 1") << QStringLiteral("five_points") << 1.0;
}

void TestViewDump::currentThetaShownOrPointedAt()
{
    QFETCH(QString, lesson);
    QFETCH(double, learningRate);
    open(lesson, laptop, learningRate);
    const int last = m_controller->model()->lastRow();
    for (int row : { 0, 1, std::min(10, last), last / 2, last }) {
        const QJsonObject views = dumpAt(row).value(QStringLiteral("views")).toObject();
        const QJsonObject current = views.value(QStringLiteral("contour"))
                                        .toObject()
                                        .value(QStringLiteral("marks"))
                                        .toObject()
                                        .value(QStringLiteral("current"))
                                        .toObject();
        QVERIFY2(
            current.value(QStringLiteral("inside")).toBool() || current.value(QStringLiteral("indicated")).toBool(),
            qPrintable(QStringLiteral("row %1: %2").arg(row).arg(QString::fromUtf8(QJsonDocument(current).toJson()))));
    }
}

void TestViewDump::layoutStaysWhileStepping_data()
{
    addLessons(true);
}

void TestViewDump::layoutStaysWhileStepping()
{
    QFETCH(QString, lesson);
    QFETCH(QSize, size);
    open(lesson, size);
    const int last = m_controller->model()->lastRow();
    const QJsonObject first = dumpAt(0);
    for (int row : { std::min(3, last), std::min(10, last), std::min(108, last), last }) {
        const QJsonObject dump = dumpAt(row);
        const QJsonObject views = dump.value(QStringLiteral("views")).toObject();
        QStringList moved;
        if (dump.value(QStringLiteral("window")) != first.value(QStringLiteral("window")))
            moved << QStringLiteral("the window");
        const QJsonObject before = first.value(QStringLiteral("views")).toObject();
        for (const QString& name : views.keys())
            if (views.value(name).toObject().value(QStringLiteral("rect"))
                != before.value(name).toObject().value(QStringLiteral("rect")))
                moved << name;
        QVERIFY2(moved.isEmpty(), qPrintable(QStringLiteral("row %1: %2 moved").arg(row).arg(moved.join(", "))));
    }
}

namespace {

double heightOf(const QJsonObject& view, const QString& text)
{
    for (const QJsonValue& item : view.value(QStringLiteral("texts")).toArray())
        if (item.toObject().value(QStringLiteral("text")).toString() == text)
            return rectOf(item.toObject().value(QStringLiteral("rect"))).height();
    return 0;
}

double areaOf(const QJsonObject& view)
{
    const QRectF rect = rectOf(view.value(QStringLiteral("rect")));
    return rect.width() * rect.height();
}

} // namespace

// F11 for the back row: the views take the screen, the controls go, every text grows by one factor (the bowl's
// too); Esc leaves, and the window is exactly as it was.
void TestViewDump::presentationModeAndBack()
{
    open(QStringLiteral("five_points"), QSize(1280, 720));
    const QJsonObject before = dumpAt(10);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QTRY_VERIFY(m_window->isFullScreen());
    QTest::qWait(200);
    const QJsonObject shown = dumpAt(10);
    QCOMPARE(shown.value(QStringLiteral("presentation")).toBool(false), true);
    QCOMPARE(shown.value(QStringLiteral("controls_visible")).toBool(true), false);
    const QJsonObject normalViews = before.value(QStringLiteral("views")).toObject();
    const QJsonObject largeViews = shown.value(QStringLiteral("views")).toObject();
    for (const QString& name : normalViews.keys())
        QVERIFY2(areaOf(largeViews.value(name).toObject()) > 1.2 * areaOf(normalViews.value(name).toObject()),
            qPrintable(name));
    const QList<std::pair<QString, QString>> samples { { "loss", "iteration" }, { "contour", "θ0 (intercept)" },
        { "fit", "x" }, { "contour", "least squares" } };
    for (const auto& [view, text] : samples) {
        const double ratio
            = heightOf(largeViews.value(view).toObject(), text) / heightOf(normalViews.value(view).toObject(), text);
        QVERIFY2(ratio > 1.35 && ratio < 1.65, qPrintable(QStringLiteral("%1 '%2': %3").arg(view, text).arg(ratio)));
    }
    const QJsonObject bowl = largeViews.value(QStringLiteral("bowl")).toObject();
    if (bowl.contains(QStringLiteral("axis_font_size")))
        QCOMPARE(bowl.value(QStringLiteral("axis_font_size")).toDouble(),
            1.5
                * normalViews.value(QStringLiteral("bowl"))
                      .toObject()
                      .value(QStringLiteral("axis_font_size"))
                      .toDouble());
    // Larger, the fit view's legend would cover the points: it sits below the plot.
    const QJsonObject fit = largeViews.value(QStringLiteral("fit")).toObject();
    double lowestTick = 0;
    for (const QJsonValue& item : fit.value(QStringLiteral("texts")).toArray())
        if (item.toObject().value(QStringLiteral("text")).toString() == QLatin1String("x"))
            lowestTick = rectOf(item.toObject().value(QStringLiteral("rect"))).bottom();
    QVERIFY(lowestTick > 0);
    for (const QJsonValue& item : fit.value(QStringLiteral("texts")).toArray())
        if (item.toObject().value(QStringLiteral("text")).toString() == QLatin1String("least squares"))
            QVERIFY(rectOf(item.toObject().value(QStringLiteral("rect"))).top() >= lowestTick);

    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QVERIFY(!m_window->isPresentationMode());
    QTRY_COMPARE(m_window->size(), QSize(1280, 720));
    QTest::qWait(300);
    const QJsonObject after = dumpAt(10);
    QCOMPARE(after.value(QStringLiteral("controls_visible")).toBool(false), true);
    QCOMPARE(after.value(QStringLiteral("window")), before.value(QStringLiteral("window")));
    const QJsonObject restored = after.value(QStringLiteral("views")).toObject();
    for (const QString& name : normalViews.keys()) {
        QCOMPARE(restored.value(name).toObject().value(QStringLiteral("rect")),
            normalViews.value(name).toObject().value(QStringLiteral("rect")));
        // Nothing left behind: the same texts in the same places (no legend row, no blank band).
        QCOMPARE(restored.value(name).toObject().value(QStringLiteral("texts")),
            normalViews.value(name).toObject().value(QStringLiteral("texts")));
    }
}

// A bowl turned to show its ravine goes into the dump and the session, and a session opened in another window turns
// that window's bowl the same way.
void TestViewDump::sessionKeepsTheBowlsCamera()
{
    open(QStringLiteral("the_ravine"), laptop);
    const BowlCamera turned { 120.0f, 60.0f, 150.0f, QVector3D(0.25f, -0.5f, 0.0f) };
    m_window->bowlView()->setCamera(turned);
    QCOMPARE(*m_window->bowlView()->camera(), turned);
    const QJsonArray dumped = dumpAt(0)
                                  .value(QStringLiteral("views"))
                                  .toObject()
                                  .value(QStringLiteral("bowl"))
                                  .toObject()
                                  .value(QStringLiteral("camera"))
                                  .toArray();
    QCOMPARE(dumped.size(), 6);
    QCOMPARE(dumped[0].toDouble(), 120.0);
    QCOMPARE(dumped[2].toDouble(), 150.0);
    QCOMPARE(dumped[4].toDouble(), -0.5);

    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("camera.gdlab"));
    QString error;
    QVERIFY2(m_window->sessions()->save(path, &error), qPrintable(error));
    SessionController other;
    QVERIFY(other.loadLesson(QStringLiteral("five_points")).isEmpty());
    MainWindow reopened(&other);
    QVERIFY(!(*reopened.bowlView()->camera() == turned));
    QVERIFY2(reopened.sessions()->open(path).isEmpty(), qPrintable(reopened.sessions()->open(path)));
    QCOMPARE(*reopened.bowlView()->camera(), turned);
}

} // namespace tst_view_dump

QTEST_MAIN(tst_view_dump::TestViewDump)
#include "tst_view_dump.moc"
