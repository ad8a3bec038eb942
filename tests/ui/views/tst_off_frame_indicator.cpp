#include "views/off_frame_indicator.h"

#include "views/contour_plot.h"
#include "views/plot_style.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>
#include <limits>
#include <memory>

namespace tst_off_frame_indicator {

using gdlab::OffFrameIndicator;

class TestOffFrameIndicator : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void hiddenWhileInside();
    void pointsAtTheEdgeTowardsThePoint_data();
    void pointsAtTheEdgeTowardsThePoint();
    void labelSaysWhere();
    void notFiniteIsNotPointedAt();

private:
    std::unique_ptr<QCustomPlot> m_plot;
    std::unique_ptr<OffFrameIndicator> m_indicator;
};

void TestOffFrameIndicator::init()
{
    m_plot = std::make_unique<QCustomPlot>();
    gdlab::ContourPlot::addLayers(m_plot.get());
    m_plot->xAxis->setRange(-2, 6); // centre 2, span 8
    m_plot->yAxis->setRange(0, 1); // centre 0.5, span 1
    m_indicator = std::make_unique<OffFrameIndicator>(m_plot.get());
    m_indicator->applyStyle(gdlab::PlotStyle(*m_plot, false));
}

void TestOffFrameIndicator::cleanup()
{
    m_indicator.reset();
    m_plot.reset();
}

void TestOffFrameIndicator::hiddenWhileInside()
{
    m_indicator->pointAt({ 0.0, 0.25 });
    QVERIFY(!m_indicator->isShown());
    QVERIFY(!m_indicator->label()->visible());
    m_indicator->pointAt({ 6.0, 1.0 }); // on the corner is still inside
    QVERIFY(!m_indicator->isShown());
    m_indicator->pointAt({ 60.0, 0.5 });
    QVERIFY(m_indicator->isShown());
    m_indicator->pointAt({ 1.0, 0.5 }); // back in: gone
    QVERIFY(!m_indicator->isShown());
}

void TestOffFrameIndicator::pointsAtTheEdgeTowardsThePoint_data()
{
    QTest::addColumn<QPointF>("target");
    QTest::addColumn<QPointF>("head"); // where the arrow's head must be: 0.46 of the view from the centre
    QTest::addRow("far right") << QPointF(1e6, 0.5) << QPointF(2 + 0.46 * 8, 0.5);
    QTest::addRow("below") << QPointF(2.0, -40.0) << QPointF(2, 0.5 - 0.46);
    // Diagonal in view units (as far right in spans as it is up): the head goes to the corner's direction.
    QTest::addRow("up and left") << QPointF(2 - 8 * 3, 0.5 + 3) << QPointF(2 - 0.46 * 8, 0.5 + 0.46);
}

void TestOffFrameIndicator::pointsAtTheEdgeTowardsThePoint()
{
    QFETCH(QPointF, target);
    QFETCH(QPointF, head);
    m_indicator->pointAt(target);
    QVERIFY(m_indicator->isShown());
    const QPointF end = m_indicator->arrow()->end->coords();
    const QPointF start = m_indicator->arrow()->start->coords();
    QVERIFY2(std::abs(end.x() - head.x()) < 1e-9 && std::abs(end.y() - head.y()) < 1e-9,
        qPrintable(QStringLiteral("(%1, %2)").arg(end.x()).arg(end.y())));
    // The arrow points from inside towards the target: the head is nearer to it than the tail.
    QVERIFY(std::hypot((target.x() - end.x()) / 8, target.y() - end.y())
        < std::hypot((target.x() - start.x()) / 8, target.y() - start.y()));
    // Both ends inside the view: nothing is clipped.
    for (const QPointF& p : { start, end }) {
        QVERIFY(m_plot->xAxis->range().contains(p.x()));
        QVERIFY(m_plot->yAxis->range().contains(p.y()));
    }
}

void TestOffFrameIndicator::labelSaysWhere()
{
    m_indicator->pointAt({ -12345.6, 0.5 });
    QVERIFY(m_indicator->label()->visible());
    QCOMPARE(m_indicator->label()->text(), QStringLiteral("current θ off the map:\n(-1.23e+04, 0.5)"));
    // The label hangs inwards from the tail: to the right of a point on the left edge.
    QVERIFY(m_indicator->label()->positionAlignment() & Qt::AlignLeft);
}

void TestOffFrameIndicator::notFiniteIsNotPointedAt()
{
    m_indicator->pointAt({ std::numeric_limits<double>::infinity(), 0.5 });
    QVERIFY(!m_indicator->isShown());
    m_indicator->pointAt({ std::numeric_limits<double>::quiet_NaN(), 0.5 });
    QVERIFY(!m_indicator->isShown());
}

} // namespace tst_off_frame_indicator

QTEST_MAIN(tst_off_frame_indicator::TestOffFrameIndicator)
#include "tst_off_frame_indicator.moc"
