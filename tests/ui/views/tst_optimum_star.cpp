#include "views/optimum_star.h"

#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QtTest>

namespace tst_optimum_star {

using gdlab::OptimumStar;
using gdlab::PlotStyle;

class TestOptimumStar : public QObject {
    Q_OBJECT

private slots:
    void oneStarWhereAsked();
    void aBlueStarWithARim();
    void presentationEnlarges();
};

void TestOptimumStar::oneStarWhereAsked()
{
    QCustomPlot plot;
    OptimumStar star(&plot);
    star.show(QPointF(0.6, 0.8));
    star.show(QPointF(0.25, -1.5)); // moves, never adds
    QCOMPARE(star.curve()->data()->size(), 1);
    const QCPCurveData& point = *star.curve()->data()->constBegin();
    QCOMPARE(QPointF(point.key, point.value), QPointF(0.25, -1.5));
    QCOMPARE(star.curve()->lineStyle(), QCPCurve::lsNone);
    QCOMPARE(star.curve()->name(), QStringLiteral("least squares"));
    QVERIFY(plot.legend->hasItemWithPlottable(star.curve()));
    star.clear();
    QVERIFY(star.curve()->data()->isEmpty());
}

void TestOptimumStar::aBlueStarWithARim()
{
    QCustomPlot plot;
    OptimumStar star(&plot);
    star.applyStyle(PlotStyle(plot, false));
    const QCPScatterStyle style = star.curve()->scatterStyle();
    QCOMPARE(style.shape(), QCPScatterStyle::ssCustom);
    QCOMPARE(style.brush().color(), gdlab::ViewPalette::leastSquares());
    QCOMPARE(style.pen().color(), gdlab::ViewPalette::outline());
    // Five points: ten corners, closed.
    QCOMPARE(style.customPath().elementCount(), 11);
}

void TestOptimumStar::presentationEnlarges()
{
    QCustomPlot plot;
    OptimumStar star(&plot);
    star.applyStyle(PlotStyle(plot, false));
    const double size = star.curve()->scatterStyle().size();
    star.applyStyle(PlotStyle(plot, true));
    QCOMPARE(star.curve()->scatterStyle().size(), size * PlotStyle::presentationScale());
}

} // namespace tst_optimum_star

QTEST_MAIN(tst_optimum_star::TestOptimumStar)
#include "tst_optimum_star.moc"
