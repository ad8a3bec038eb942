#include "views/start_point_gesture.h"

#include <qcustomplot.h>

#include <QtTest>

namespace tst_start_point_gesture {

using gdlab::StartPointGesture;

class TestStartPointGesture : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void clickReportsTheCoordinates();
    void notAClick_data();
    void notAClick();
    void disabledReportsNothing();

private:
    std::unique_ptr<QCustomPlot> m_plot;
};

void TestStartPointGesture::init()
{
    m_plot = std::make_unique<QCustomPlot>();
    m_plot->resize(400, 300);
    m_plot->xAxis->setRange(-1, 1);
    m_plot->yAxis->setRange(0, 10);
    m_plot->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_plot.get()));
    m_plot->replot(); // lays out the axis rect, so pixels and coordinates correspond
}

void TestStartPointGesture::cleanup()
{
    m_plot.reset();
}

void TestStartPointGesture::clickReportsTheCoordinates()
{
    StartPointGesture gesture(m_plot.get());
    QSignalSpy clicked(&gesture, &StartPointGesture::clicked);
    const QPoint pixel(int(m_plot->xAxis->coordToPixel(0.5)), int(m_plot->yAxis->coordToPixel(2.0)));
    QTest::mouseClick(m_plot.get(), Qt::LeftButton, {}, pixel);
    QCOMPARE(clicked.count(), 1);
    const QPointF point = clicked.front().front().toPointF();
    QCOMPARE(point, QPointF(m_plot->xAxis->pixelToCoord(pixel.x()), m_plot->yAxis->pixelToCoord(pixel.y())));
    QVERIFY(std::abs(point.x() - 0.5) < 0.01 && std::abs(point.y() - 2.0) < 0.05);
}

void TestStartPointGesture::notAClick_data()
{
    QTest::addColumn<Qt::MouseButton>("button");
    QTest::addColumn<QPoint>("move");
    QTest::addColumn<bool>("onTheAxisRect");
    QTest::addRow("a drag") << Qt::LeftButton << QPoint(30, 20) << true;
    QTest::addRow("just past the tolerance") << Qt::LeftButton << QPoint(StartPointGesture::clickTolerance, 1) << true;
    QTest::addRow("the right button") << Qt::RightButton << QPoint() << true;
    QTest::addRow("outside the axis rect") << Qt::LeftButton << QPoint() << false;
}

void TestStartPointGesture::notAClick()
{
    QFETCH(Qt::MouseButton, button);
    QFETCH(QPoint, move);
    QFETCH(bool, onTheAxisRect);
    StartPointGesture gesture(m_plot.get());
    QSignalSpy clicked(&gesture, &StartPointGesture::clicked);
    const QPoint from = onTheAxisRect ? m_plot->axisRect()->center() : QPoint(2, 2);
    QTest::mousePress(m_plot.get(), button, {}, from);
    QTest::mouseMove(m_plot.get(), from + move);
    QTest::mouseRelease(m_plot.get(), button, {}, from + move);
    QCOMPARE(clicked.count(), 0);
}

void TestStartPointGesture::disabledReportsNothing()
{
    StartPointGesture gesture(m_plot.get());
    QSignalSpy clicked(&gesture, &StartPointGesture::clicked);
    gesture.setEnabled(false);
    QTest::mouseClick(m_plot.get(), Qt::LeftButton, {}, m_plot->axisRect()->center());
    QCOMPARE(clicked.count(), 0);
    gesture.setEnabled(true);
    QTest::mouseClick(m_plot.get(), Qt::LeftButton, {}, m_plot->axisRect()->center());
    QCOMPARE(clicked.count(), 1);
}

} // namespace tst_start_point_gesture

QTEST_MAIN(tst_start_point_gesture::TestStartPointGesture)
#include "tst_start_point_gesture.moc"
