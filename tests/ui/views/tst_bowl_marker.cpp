#include "support/bowl_scene.h"
#include "views/bowl_marker.h"

#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/QCustom3DItem>

#include <QColor>
#include <QtTest>

namespace tst_bowl_marker {

namespace BowlMarker = gdlab::BowlMarker;

class TestBowlMarker : public QObject {
    Q_OBJECT

private slots:
    void addedHiddenToTheGraph();
    void size();
    void pointsAreXLossZ();
};

void TestBowlMarker::addedHiddenToTheGraph()
{
    REQUIRE_BOWL_GRAPH();
    gdlab::BowlGraphHost host;
    Q3DSurface* graph = host.graph();
    const qsizetype before = graph->customItems().size();
    QCustom3DItem* item = BowlMarker::add(graph, QColor(0x11, 0x22, 0x33));
    QCOMPARE(graph->customItems().size(), before + 1);
    QVERIFY(graph->customItems().contains(item));
    QVERIFY(!item->isVisible());
    QVERIFY(!item->isShadowCasting());
    QVERIFY(item->meshFile().contains(QStringLiteral("sphere")));
    graph->removeCustomItem(item); // deletes it
    QCOMPARE(graph->customItems().size(), before);
}

void TestBowlMarker::size()
{
    REQUIRE_BOWL_GRAPH();
    gdlab::BowlGraphHost host;
    QCustom3DItem* item = BowlMarker::add(host.graph(), QColor(0x11, 0x22, 0x33));
    BowlMarker::setSize(item, 0.25f);
    QCOMPARE(item->scaling(), QVector3D(0.25f, 0.25f, 0.25f));
}

void TestBowlMarker::pointsAreXLossZ()
{
    QCOMPARE(BowlMarker::at(1.5, 20.0, -3.0), QVector3D(1.5f, 20.0f, -3.0f));
}

} // namespace tst_bowl_marker

QTEST_MAIN(tst_bowl_marker::TestBowlMarker)
#include "tst_bowl_marker.moc"
