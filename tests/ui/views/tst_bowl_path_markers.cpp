#include "support/bowl_scene.h"
#include "support/model_states.h"
#include "views/bowl_path_markers.h"
#include "views/bowl_surface_layer.h"

#include "problem.h"

#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/QCustom3DItem>

#include <QtTest>

#include <memory>

namespace tst_bowl_path_markers {

using gdlab::BowlPathMarkers;
using gdlab::test::bowlPoint;
using gdlab::test::describe;
using gdlab::test::nearBowlPoint;

class TestBowlPathMarkers : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void currentMarkerFollowsTheRow_data();
    void currentMarkerFollowsTheRow();
    void optimumAtTheLowestLoss();
    void everyRowBeforeTheCurrentWhileTheyFit();
    void longPathsKeepTheLimit();
    void hide();
    void scale();

private:
    /** Draws the scene's surface (for the axes) and the markers. */
    void draw();

    std::unique_ptr<gdlab::test::BowlScene> m_scene;
    std::unique_ptr<gdlab::BowlSurfaceLayer> m_surfaceLayer;
    std::unique_ptr<BowlPathMarkers> m_markers;
};

void TestBowlPathMarkers::init()
{
    m_scene = std::make_unique<gdlab::test::BowlScene>();
    if (Q3DSurface* graph = m_scene->host->graph()) {
        m_surfaceLayer = std::make_unique<gdlab::BowlSurfaceLayer>(graph, &m_scene->surface, &m_scene->model());
        m_markers = std::make_unique<BowlPathMarkers>(graph, &m_scene->surface, &m_scene->model());
    }
}

void TestBowlPathMarkers::cleanup()
{
    m_markers.reset();
    m_surfaceLayer.reset();
    m_scene.reset();
}

void TestBowlPathMarkers::draw()
{
    m_surfaceLayer->draw();
    m_markers->draw();
}

void TestBowlPathMarkers::currentMarkerFollowsTheRow_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<int>("row");
    QTest::addRow("start") << QStringLiteral("five_points") << 0;
    QTest::addRow("step 25") << QStringLiteral("five_points") << 25;
    QTest::addRow("the end") << QStringLiteral("five_points") << 1000;
    QTest::addRow("slice, step 15") << QStringLiteral("two_features_n100") << 15;
}

void TestBowlPathMarkers::currentMarkerFollowsTheRow()
{
    QFETCH(QString, lesson);
    QFETCH(int, row);
    REQUIRE_BOWL_GRAPH();
    QVERIFY(m_scene->load(qPrintable(lesson)));
    draw();
    m_scene->model().setCurrentRow(row);
    m_markers->updateCurrent();
    // On the surface: at its projection's loss (with two parameters, its own).
    const gdlab::test::State state = gdlab::test::stateAt(m_scene->model(), row);
    const QVector3D expected = gdlab::test::onSlice(m_scene->surface, *m_scene->model().run(), state.theta);
    if (m_scene->model().run()->problem->parameterCount() == 2)
        QVERIFY(nearBowlPoint(expected, bowlPoint(state.theta(0), state.loss, state.theta(1))));
    QVERIFY2(nearBowlPoint(m_markers->currentPosition(), expected),
        qPrintable(describe(m_markers->currentPosition(), expected)));
}

void TestBowlPathMarkers::optimumAtTheLowestLoss()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(m_scene->load("five_points"));
    draw();
    // θ* = (0.6, 0.8) and its mse 1.6 / 5.
    QVERIFY2(nearBowlPoint(m_markers->optimumPosition(), bowlPoint(0.6, 0.32, 0.8)),
        qPrintable(describe(m_markers->optimumPosition(), bowlPoint(0.6, 0.32, 0.8))));
}

void TestBowlPathMarkers::everyRowBeforeTheCurrentWhileTheyFit()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(m_scene->load("five_points"));
    draw();
    for (const int row : { 0, 1, 3, BowlPathMarkers::pathMarkerLimit }) {
        m_scene->model().setCurrentRow(row);
        m_markers->updateCurrent();
        QCOMPARE(m_markers->visiblePathMarkers(), row);
    }
}

void TestBowlPathMarkers::longPathsKeepTheLimit()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(m_scene->load("two_features_n50")); // 100,000 rows
    draw();
    m_scene->model().setCurrentRow(m_scene->model().lastRow());
    m_markers->updateCurrent();
    QVERIFY(m_markers->visiblePathMarkers() <= BowlPathMarkers::pathMarkerLimit);
    QVERIFY(m_markers->visiblePathMarkers() > BowlPathMarkers::pathMarkerLimit / 2);
}

void TestBowlPathMarkers::hide()
{
    REQUIRE_BOWL_GRAPH();
    QVERIFY(m_scene->load("five_points"));
    draw();
    m_scene->model().setCurrentRow(10);
    m_markers->updateCurrent();
    m_markers->hide();
    QCOMPARE(m_markers->visiblePathMarkers(), 0);
    const QList<QCustom3DItem*> items = m_scene->host->graph()->customItems();
    QVERIFY(std::none_of(items.begin(), items.end(), [](const QCustom3DItem* item) { return item->isVisible(); }));
}

void TestBowlPathMarkers::scale()
{
    REQUIRE_BOWL_GRAPH();
    const QList<QCustom3DItem*> items = m_scene->host->graph()->customItems();
    QCOMPARE(items.size(), BowlPathMarkers::pathMarkerLimit + 2);
    std::vector<float> normal;
    for (const QCustom3DItem* item : items)
        normal.push_back(item->scaling().x());
    m_markers->setScale(1.5);
    for (int k = 0; k < items.size(); ++k)
        QCOMPARE(items[k]->scaling().x(), normal[static_cast<std::size_t>(k)] * 1.5f);
    m_markers->setScale(1.0);
    QCOMPARE(items.front()->scaling().x(), normal.front());
}

} // namespace tst_bowl_path_markers

QTEST_MAIN(tst_bowl_path_markers::TestBowlPathMarkers)
#include "tst_bowl_path_markers.moc"
