#include "support/bowl_scene.h"
#include "views/bowl_marker.h"

#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/QCustom3DItem>

#include <QColor>
#include <QFile>
#include <QtTest>

#include <cmath>
#include <utility>

namespace tst_bowl_marker {

namespace BowlMarker = gdlab::BowlMarker;

class TestBowlMarker : public QObject {
    Q_OBJECT

private slots:
    void addedHiddenToTheGraph();
    void size();
    void pointsAreXLossZ();
    void dotsAreLighterSpheres();
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

namespace {

// The unit-sphere vertices and the triangles of an OBJ mesh in the resources; no vertex off the sphere counts.
std::pair<int, int> sphereCounts(const QString& mesh)
{
    QFile file(mesh);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return { -1, -1 };
    int onSphere = 0;
    int triangles = 0;
    while (!file.atEnd()) {
        const QList<QByteArray> parts = file.readLine().simplified().split(' ');
        if (parts.size() == 4 && parts[0] == "v") {
            const double x = parts[1].toDouble(), y = parts[2].toDouble(), z = parts[3].toDouble();
            onSphere += std::abs(std::sqrt(x * x + y * y + z * z) - 1.0) < 1e-5 ? 1 : -1000;
        }
        triangles += parts.size() == 4 && parts[0] == "f" ? 1 : 0;
    }
    return { onSphere, triangles };
}

} // namespace

void TestBowlMarker::dotsAreLighterSpheres()
{
    REQUIRE_BOWL_GRAPH();
    gdlab::BowlGraphHost host;
    QCustom3DItem* sphere = BowlMarker::add(host.graph(), Qt::red);
    QCustom3DItem* dot = BowlMarker::addDot(host.graph(), Qt::red);
    QVERIFY(dot->meshFile() != sphere->meshFile());
    const auto [sphereVertices, sphereTriangles] = sphereCounts(sphere->meshFile());
    const auto [dotVertices, dotTriangles] = sphereCounts(dot->meshFile());
    QCOMPARE(sphereTriangles, 320);
    QCOMPARE(dotTriangles, 80);
    QCOMPARE(sphereVertices, 162);
    QCOMPARE(dotVertices, 42);
    // Recoloured, a dot stays a dot.
    QCOMPARE(BowlMarker::recoloured(host.graph(), dot, Qt::blue)->meshFile(),
        QStringLiteral(":/gdlab/meshes/sphere_dot.obj"));
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
