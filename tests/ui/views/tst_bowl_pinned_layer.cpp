#include "support/bowl_scene.h"
#include "support/model_states.h"
#include "views/bowl_pinned_layer.h"
#include "views/bowl_surface_layer.h"

#include "race_entry.h"
#include "session/pinned_runs.h"
#include "session/race.h"
#include "views/series_marker.h"

#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/QCustom3DItem>

#include <QLabel>
#include <QtTest>

#include <memory>
#include <set>

namespace tst_bowl_pinned_layer {

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
    void cursorMarkersInTheirShapesStepWithTheCursor();
    void legendShowsEachRunsShape();

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
    QCOMPARE(items, m_layer->markerCount(0) + 1); // its path, and where it is at the cursor
    QVERIFY(m_layer->cursorMarker(0));
    QVERIFY(!m_layer->cursorMarker(1));
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
    const float cursor = m_layer->cursorMarker(0)->scaling().x();
    QVERIFY(cursor > normal);
    std::vector<float> before;
    for (const QCustom3DItem* item : items)
        before.push_back(item->scaling().x());
    m_layer->setScale(1.5);
    for (int k = 0; k < items.size(); ++k)
        QCOMPARE(items[k]->scaling().x(), before[std::size_t(k)] * 1.5f);
    // Markers drawn later get the scale too.
    setLearningRate(0.05);
    QVERIFY(m_pinned->pinCurrent());
    QCOMPARE(m_scene->host->graph()->customItems().front()->scaling().x(), normal * 1.5f);
    QCOMPARE(m_layer->cursorMarker(1)->scaling().x(), cursor * 1.5f);
}

// Compare › Race on the bowl: each raced run has a marker where it is at the cursor, in its colour and its own
// shape, and it moves with the one cursor.
void TestBowlPinnedLayer::cursorMarkersInTheirShapesStepWithTheCursor()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(setUp("five_points"));
    gdlab::Race race(&m_scene->model(), m_pinned.get());
    race.setEntries(gdlab::parseRace("gd,momentum,nesterov,adam"));
    QCOMPARE(m_pinned->count(), 3);
    std::set<QString> meshes { gdlab::SeriesMarker::mesh(-1) };
    for (const long long iteration : { 0LL, 10LL, 1000LL }) {
        m_scene->model().setCurrentRow(m_scene->model().rowForIteration(iteration));
        m_layer->showIteration();
        for (int k = 0; k < m_pinned->count(); ++k) {
            const QCustom3DItem* marker = m_layer->cursorMarker(k);
            QVERIFY(marker && marker->isVisible());
            const std::vector<gdlab::test::State> states = gdlab::test::statesOf(m_pinned->run(k));
            const gdlab::test::State& state = states[std::min<std::size_t>(std::size_t(iteration), states.size() - 1)];
            const QVector3D expected = bowlPoint(state.theta(0), state.loss, state.theta(1));
            QVERIFY2(nearBowlPoint(marker->position(), expected), qPrintable(describe(marker->position(), expected)));
            meshes.insert(marker->meshFile());
            QCOMPARE(marker->meshFile(), gdlab::SeriesMarker::mesh(m_pinned->run(k).seriesIndex));
        }
        if (iteration == 10)
            QVERIFY(m_layer->cursorMarker(0)->position() != m_layer->cursorMarker(1)->position());
    }
    QCOMPARE(meshes.size(), std::size_t(4)); // three shapes and the live run's sphere
    // Every shape the series use is a mesh that exists.
    for (int series = -1; series < PinnedRuns::maxRuns; ++series)
        QVERIFY2(QFile::exists(gdlab::SeriesMarker::mesh(series)), qPrintable(gdlab::SeriesMarker::mesh(series)));
}

void TestBowlPinnedLayer::legendShowsEachRunsShape()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(setUp("five_points"));
    gdlab::Race race(&m_scene->model(), m_pinned.get());
    race.setEntries(gdlab::parseRace("gd,momentum,adam"));
    // Spaces as the text shows them (the legend keeps each entry's symbol and label together).
    const QString legend = m_layer->legendText().replace(QChar(0xA0), QLatin1Char(' '));
    QVERIFY2(legend.contains(gdlab::SeriesMarker::symbol(-1)), qPrintable(legend));
    for (int k = 0; k < m_pinned->count(); ++k) {
        const QString entry
            = gdlab::SeriesMarker::symbol(m_pinned->run(k).seriesIndex) + QLatin1Char(' ') + m_pinned->displayLabel(k);
        QVERIFY2(legend.contains(entry), qPrintable(legend));
    }
}

} // namespace tst_bowl_pinned_layer

QTEST_MAIN(tst_bowl_pinned_layer::TestBowlPinnedLayer)
#include "tst_bowl_pinned_layer.moc"
