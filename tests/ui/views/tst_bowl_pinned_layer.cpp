#include "support/bowl_scene.h"
#include "support/model_states.h"
#include "views/bowl_pinned_layer.h"
#include "views/bowl_surface_layer.h"

#include "session/pinned_runs.h"

#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/QCustom3DItem>

#include <QLabel>
#include <QtTest>

#include <memory>

using gdlab::BowlPinnedLayer;
using gdlab::PinnedRuns;
using gdlab::test::bowlPoint;
using gdlab::test::describe;
using gdlab::test::nearBowlPoint;

class TestBowlPinnedLayer : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void noPinsNoMarkers();
    void wholePathsInTheirColours();
    void legendNamesTheRuns();
    void anotherLossSitsOnTheLiveBowl();
    void unpinAndClear();
    void runsThatGoAwayAreForgotten();
    void scale();

private:
    bool setUp(const char* lesson);
    void setLearningRate(double rate);

    std::unique_ptr<gdlab::test::BowlScene> m_scene;
    std::unique_ptr<PinnedRuns> m_pinned;
    std::unique_ptr<gdlab::BowlSurfaceLayer> m_surfaceLayer;
    std::unique_ptr<QWidget> m_legendParent;
    std::unique_ptr<BowlPinnedLayer> m_layer;
};

void TestBowlPinnedLayer::init()
{
    m_scene = std::make_unique<gdlab::test::BowlScene>();
    m_pinned = std::make_unique<PinnedRuns>(&m_scene->model());
    m_legendParent = std::make_unique<QWidget>();
    if (Q3DSurface* graph = m_scene->host->graph()) {
        m_surfaceLayer = std::make_unique<gdlab::BowlSurfaceLayer>(graph, &m_scene->surface, &m_scene->model());
        m_layer = std::make_unique<BowlPinnedLayer>(graph, &m_scene->surface, &m_scene->model(), m_legendParent.get());
    }
}

void TestBowlPinnedLayer::cleanup()
{
    m_layer.reset();
    m_legendParent.reset();
    m_surfaceLayer.reset();
    m_pinned.reset();
    m_scene.reset();
}

bool TestBowlPinnedLayer::setUp(const char* lesson)
{
    if (!m_scene->load(lesson))
        return false;
    m_surfaceLayer->draw(); // the axes the markers are spaced in
    m_layer->setPinnedRuns(m_pinned.get());
    return true;
}

void TestBowlPinnedLayer::setLearningRate(double rate)
{
    QVERIFY(m_scene->controller.setLearningRate(rate).isEmpty());
    m_scene->controller.waitForComputation();
    QCoreApplication::processEvents();
}

void TestBowlPinnedLayer::noPinsNoMarkers()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(setUp("five_points"));
    QCOMPARE(m_layer->markerCount(0), 0);
    QCOMPARE(m_layer->legendText(), QString());
    QCOMPARE(m_layer->legend()->parentWidget(), m_legendParent.get());
    QVERIFY(m_scene->host->graph()->customItems().isEmpty());
}

void TestBowlPinnedLayer::wholePathsInTheirColours()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(setUp("five_points"));
    QVERIFY(m_pinned->pinCurrent());
    const std::vector<gdlab::test::State> states = gdlab::test::statesOf(m_pinned->run(0));
    setLearningRate(0.05);
    QVERIFY(m_pinned->pinCurrent());
    for (int run = 0; run < 2; ++run) {
        QVERIFY(m_layer->markerCount(run) > 5);
        QVERIFY(m_layer->markerCount(run) <= BowlPinnedLayer::pinnedMarkerLimit);
    }
    QCOMPARE(m_layer->markerCount(2), 0);
    // From the start to the end, at the states' own losses.
    const int last = m_layer->markerCount(0) - 1;
    const QVector3D start = bowlPoint(states.front().theta(0), states.front().loss, states.front().theta(1));
    const QVector3D end = bowlPoint(states.back().theta(0), states.back().loss, states.back().theta(1));
    QVERIFY2(nearBowlPoint(m_layer->markerPosition(0, 0), start),
        qPrintable(describe(m_layer->markerPosition(0, 0), start)));
    QVERIFY2(nearBowlPoint(m_layer->markerPosition(0, last), end),
        qPrintable(describe(m_layer->markerPosition(0, last), end)));
    QCOMPARE(m_layer->markerPosition(0, last + 1), QVector3D());
    QCOMPARE(m_layer->markerPosition(5, 0), QVector3D());
}

void TestBowlPinnedLayer::legendNamesTheRuns()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(setUp("five_points"));
    QVERIFY(m_pinned->pinCurrent());
    setLearningRate(0.05);
    QVERIFY2(m_layer->legendText().contains(QStringLiteral("lr 0.01")), qPrintable(m_layer->legendText()));
    QVERIFY(m_layer->legendText().contains(QStringLiteral("lr 0.05"))); // the live run, as it differs
    QVERIFY(m_layer->legend()->toolTip().contains(QStringLiteral("the mse loss")));
    // The live run moves on: the labels follow.
    setLearningRate(0.02);
    QVERIFY2(m_layer->legendText().contains(QStringLiteral("lr 0.02")), qPrintable(m_layer->legendText()));
}

void TestBowlPinnedLayer::anotherLossSitsOnTheLiveBowl()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(setUp("five_points_rss")); // sse
    QVERIFY(m_pinned->pinCurrent());
    const gdlab::test::State start = gdlab::test::statesOf(m_pinned->run(0)).front();
    gdlab::SolverSettings settings = m_scene->model().run()->settings;
    settings.loss = gdlab::LossKind::Mse;
    settings.learningRate = 0.01;
    QVERIFY(m_scene->controller.setSettings(settings).isEmpty());
    m_scene->controller.waitForComputation();
    m_surfaceLayer->draw();
    m_layer->draw();
    QCOMPARE(m_pinned->count(), 1);
    // Heights are the live (mse) loss at the same θ: a fifth of the sse the run recorded for five points.
    const QVector3D expected = bowlPoint(start.theta(0), start.loss / 5, start.theta(1));
    QVERIFY2(nearBowlPoint(m_layer->markerPosition(0, 0), expected),
        qPrintable(describe(m_layer->markerPosition(0, 0), expected)));
    QVERIFY2(m_layer->legend()->toolTip().contains(QStringLiteral("each run's own values")),
        qPrintable(m_layer->legend()->toolTip()));
}

void TestBowlPinnedLayer::unpinAndClear()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(setUp("five_points"));
    QVERIFY(m_pinned->pinCurrent());
    setLearningRate(0.05);
    QVERIFY(m_pinned->pinCurrent());
    const QVector3D secondStart = m_layer->markerPosition(1, 0);
    m_pinned->unpin(0);
    QCOMPARE(m_layer->markerCount(1), 0);
    QCOMPARE(m_layer->markerPosition(0, 0), secondStart);
    const int items = static_cast<int>(m_scene->host->graph()->customItems().size());
    QCOMPARE(items, m_layer->markerCount(0));
    m_pinned->clear();
    QCOMPARE(m_layer->markerCount(0), 0);
    QVERIFY(m_scene->host->graph()->customItems().isEmpty());
    QCOMPARE(m_layer->legendText(), QString());
}

void TestBowlPinnedLayer::runsThatGoAwayAreForgotten()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(setUp("five_points"));
    QVERIFY(m_pinned->pinCurrent());
    QVERIFY(m_layer->markerCount(0) > 0);
    m_pinned.reset();
    QCOMPARE(m_layer->markerCount(0), 0);
    QCOMPARE(m_layer->legendText(), QString());
}

void TestBowlPinnedLayer::scale()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(setUp("five_points"));
    QVERIFY(m_pinned->pinCurrent());
    const QList<QCustom3DItem*> items = m_scene->host->graph()->customItems();
    QVERIFY(!items.isEmpty());
    const float normal = items.front()->scaling().x();
    m_layer->setScale(1.5);
    for (const QCustom3DItem* item : items)
        QCOMPARE(item->scaling().x(), normal * 1.5f);
    // Markers drawn later get the scale too.
    setLearningRate(0.05);
    QVERIFY(m_pinned->pinCurrent());
    QCOMPARE(m_scene->host->graph()->customItems().back()->scaling().x(), normal * 1.5f);
}

QTEST_MAIN(TestBowlPinnedLayer)
#include "tst_bowl_pinned_layer.moc"
