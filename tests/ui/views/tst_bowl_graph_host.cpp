#include "support/bowl_scene.h"
#include "views/bowl_graph_host.h"

#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/QValue3DAxis>

#include <QLabel>
#include <QtTest>

namespace tst_bowl_graph_host {

using gdlab::BowlGraphHost;

class TestBowlGraphHost : public QObject {
    Q_OBJECT

private slots:
    void switchedOffSaysSo();
    void graphWithThreeAxes();
    void messageInPlaceOfTheGraph();
    void widgetsGoBelowTheGraph();
    void textFollowsTheHostsFont();
};

void TestBowlGraphHost::switchedOffSaysSo()
{
    qputenv("GDLAB_NO_OPENGL", "1");
    QVERIFY(!BowlGraphHost::openGLAvailable());
    BowlGraphHost host;
    qunsetenv("GDLAB_NO_OPENGL");
    QVERIFY(!host.graph());
    QVERIFY(host.isShowingMessage());
    QVERIFY2(host.messageText().contains(QStringLiteral("GDLAB_NO_OPENGL")), qPrintable(host.messageText()));
    QVERIFY(host.messageText().contains(QStringLiteral("Every other view works")));
    // Without a graph there is nothing else to show, and nothing to put below it.
    host.showGraph();
    QVERIFY(host.isShowingMessage());
    QLabel label;
    host.addBelowGraph(&label);
    QVERIFY(label.parent() == nullptr);
}

void TestBowlGraphHost::graphWithThreeAxes()
{
    REQUIRE_BOWL_GRAPH();
    BowlGraphHost host;
    QVERIFY(host.graph());
    QVERIFY(!host.isShowingMessage());
    QCOMPARE(host.graph()->shadowQuality(), QAbstract3DGraph::ShadowQualityNone);
    QCOMPARE(host.graph()->selectionMode(), QAbstract3DGraph::SelectionNone);
    for (const QValue3DAxis* axis : { host.graph()->axisX(), host.graph()->axisY(), host.graph()->axisZ() }) {
        QVERIFY(axis);
        QVERIFY(axis->isTitleVisible());
        QCOMPARE(axis->labelAutoRotation(), 90.0f); // facing the camera: no title seen from its back, mirrored
    }
    // Round ticks wherever the range starts: not 0.0572, 0.288, … as equal segments from the ends would be.
    QValue3DAxis* axis = host.graph()->axisX();
    axis->setRange(0.0572f, 0.98f);
    QCOMPARE(axis->labels(), QStringList({ "0.2", "0.4", "0.6", "0.8" }));
    axis->setRange(-3.0f, 5.0f);
    QCOMPARE(axis->labels(), QStringList({ "-2", "0", "2", "4" }));
    host.graph()->axisY()->setRange(7.65e-30f, 3.3e5f);
    QCOMPARE(host.graph()->axisY()->labels(), QStringList({ "0", "100000", "200000", "300000" }));
}

void TestBowlGraphHost::messageInPlaceOfTheGraph()
{
    REQUIRE_BOWL_GRAPH();
    BowlGraphHost host;
    host.showMessage(QStringLiteral("No surface here."));
    QVERIFY(host.isShowingMessage());
    QCOMPARE(host.messageText(), QStringLiteral("No surface here."));
    host.showGraph();
    QVERIFY(!host.isShowingMessage());
}

void TestBowlGraphHost::widgetsGoBelowTheGraph()
{
    REQUIRE_BOWL_GRAPH();
    BowlGraphHost host;
    auto* legend = new QLabel(QStringLiteral("legend"));
    host.addBelowGraph(legend);
    host.resize(600, 400);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    QVERIFY(legend->isVisible());
    // Under the graph's container, and above the line of help (the last label).
    const QList<QLabel*> labels = host.findChildren<QLabel*>();
    QLabel* hint = nullptr;
    for (QLabel* label : labels)
        if (label->text().contains(QStringLiteral("right mouse button")))
            hint = label;
    QVERIFY(hint);
    QVERIFY(legend->geometry().bottom() <= hint->geometry().top());
    QVERIFY(legend->geometry().top() > host.height() / 2);
}

void TestBowlGraphHost::textFollowsTheHostsFont()
{
    BowlGraphHost host;
    QFont font = host.font();
    font.setPointSizeF(font.pointSizeF() * 2);
    host.setFont(font);
    QCOMPARE(host.messageFont().pointSizeF(), font.pointSizeF());
}

} // namespace tst_bowl_graph_host

QTEST_MAIN(tst_bowl_graph_host::TestBowlGraphHost)
#include "tst_bowl_graph_host.moc"
