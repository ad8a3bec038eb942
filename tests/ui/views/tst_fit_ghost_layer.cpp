#include "views/fit_ghost_layer.h"

#include "views/plot_style.h"

#include <qcustomplot.h>

#include <QtTest>

namespace tst_fit_ghost_layer {

using gdlab::FitGhostLayer;
using gdlab::FitLines;
using gdlab::PlotStyle;

namespace {

std::vector<FitGhostLayer::Ghost> twoGhosts()
{
    return { { FitLines::Line { 1.0, 0.5 }, QStringLiteral("after 10 steps") },
        { FitLines::Line { 2.0, -1.0 }, QStringLiteral("after 100 steps") } };
}

} // namespace

class TestFitGhostLayer : public QObject {
    Q_OBJECT

private slots:
    void linesAndLabels();
    void replacingRemovesTheOldOnes();
    void styleIsMutedAndScaled();
};

void TestFitGhostLayer::linesAndLabels()
{
    QCustomPlot plot;
    plot.addLayer(QStringLiteral("ghosts"));
    FitGhostLayer layer(&plot, plot.layer("ghosts"), QStringLiteral("earlier fits"));
    QVERIFY(layer.isEmpty());
    layer.setGhosts(twoGhosts(), -2, 8, 6);
    QCOMPARE(layer.graphs().size(), std::size_t(2));
    QCOMPARE(layer.labels().size(), std::size_t(2));
    QCPGraph* second = layer.graphs()[1];
    QCOMPARE(second->name(), QStringLiteral("earlier fits"));
    QCOMPARE(second->layer(), plot.layer("ghosts"));
    QCOMPARE(second->data()->at(0)->key, -2.0);
    QCOMPARE(second->data()->at(0)->value, 4.0);
    QCOMPARE(second->data()->at(1)->value, -6.0);
    QCPItemText* label = layer.labels()[0];
    QCOMPARE(label->text(), QStringLiteral("after 10 steps"));
    QCOMPARE(label->layer(), plot.layer("ghosts"));
    QCOMPARE(label->position->key(), 6.0);
    QCOMPARE(label->position->value(), 4.0);
    QCOMPARE(label->positionAlignment(), Qt::AlignRight | Qt::AlignBottom);
}

void TestFitGhostLayer::replacingRemovesTheOldOnes()
{
    QCustomPlot plot;
    const int graphs = plot.graphCount();
    FitGhostLayer layer(&plot, plot.layer("main"), QStringLiteral("earlier fits"));
    layer.setGhosts(twoGhosts(), 0, 1, 1);
    QCOMPARE(plot.graphCount(), graphs + 2);
    layer.setGhosts({ twoGhosts().front() }, 0, 1, 1);
    QCOMPARE(plot.graphCount(), graphs + 1);
    QCOMPARE(plot.itemCount(), 1);
    layer.clear();
    QVERIFY(layer.isEmpty());
    QCOMPARE(plot.graphCount(), graphs);
    QCOMPARE(plot.itemCount(), 0);
}

void TestFitGhostLayer::styleIsMutedAndScaled()
{
    QCustomPlot plot;
    QWidget widget;
    FitGhostLayer layer(&plot, plot.layer("main"), QStringLiteral("earlier fits"));
    layer.setGhosts(twoGhosts(), 0, 1, 1);
    const PlotStyle normal(widget, false);
    layer.applyStyle(normal);
    const double width = layer.graphs()[0]->pen().widthF();
    const double points = layer.labels()[0]->font().pointSizeF();
    QVERIFY(width < 2.0);
    QCOMPARE(points, normal.font(0.85).pointSizeF());
    QVERIFY(layer.labels()[0]->brush().color().alpha() < 255); // the grid shows through
    layer.applyStyle(PlotStyle(widget, true));
    QCOMPARE(layer.graphs()[1]->pen().widthF(), width * PlotStyle::presentationScale());
    QVERIFY(layer.labels()[1]->font().pointSizeF() > points);
}

} // namespace tst_fit_ghost_layer

QTEST_MAIN(tst_fit_ghost_layer::TestFitGhostLayer)
#include "tst_fit_ghost_layer.moc"
