#include "views/slice_subtitle.h"

#include "views/plot_style.h"

#include <qcustomplot.h>

#include <QtTest>

using gdlab::SliceSubtitle;

class TestSliceSubtitle : public QObject {
    Q_OBJECT

private slots:
    void aRowOnlyWhileThereIsSomethingToSay();
    void saysWhetherTheTextChanged();
    void styledWhenItAppears();
};

void TestSliceSubtitle::aRowOnlyWhileThereIsSomethingToSay()
{
    QCustomPlot plot;
    SliceSubtitle subtitle(&plot);
    QCOMPARE(plot.plotLayout()->rowCount(), 1);
    QVERIFY(subtitle.setText(QStringLiteral("θ0 (intercept) = 1, held at its least-squares value")));
    QCOMPARE(plot.plotLayout()->rowCount(), 2);
    auto* element = qobject_cast<QCPTextElement*>(plot.plotLayout()->element(0, 0));
    QVERIFY(element);
    QCOMPARE(element->text(), subtitle.text());
    QCOMPARE(plot.plotLayout()->element(1, 0), plot.axisRect());
    QVERIFY(subtitle.setText({}));
    QCOMPARE(plot.plotLayout()->rowCount(), 1);
    QCOMPARE(plot.plotLayout()->element(0, 0), plot.axisRect());
    QCOMPARE(subtitle.text(), QString());
}

void TestSliceSubtitle::saysWhetherTheTextChanged()
{
    QCustomPlot plot;
    SliceSubtitle subtitle(&plot);
    QVERIFY(!subtitle.setText({}));
    QVERIFY(subtitle.setText(QStringLiteral("at iteration 20")));
    QVERIFY(!subtitle.setText(QStringLiteral("at iteration 20")));
    QVERIFY(subtitle.setText(QStringLiteral("at iteration 21")));
    QCOMPARE(plot.plotLayout()->rowCount(), 2); // one row, whatever the text
}

void TestSliceSubtitle::styledWhenItAppears()
{
    QCustomPlot plot;
    SliceSubtitle subtitle(&plot);
    const gdlab::PlotStyle style(plot, true);
    subtitle.applyStyle(style);
    subtitle.setText(QStringLiteral("held"));
    auto* element = qobject_cast<QCPTextElement*>(plot.plotLayout()->element(0, 0));
    QCOMPARE(element->font().pointSizeF(), style.font().pointSizeF());
    QCOMPARE(element->textColor(), style.text());
}

QTEST_MAIN(TestSliceSubtitle)
#include "tst_slice_subtitle.moc"
