#include "views/slice_subtitle.h"

#include "views/plot_style.h"

#include <qcustomplot.h>

#include <QtTest>

namespace tst_slice_subtitle {

using gdlab::SliceSubtitle;

class TestSliceSubtitle : public QObject {
    Q_OBJECT

private slots:
    void aRowOnlyWhileThereIsSomethingToSay();
    void saysWhetherTheTextChanged();
    void styledWhenItAppears();
    void aLongSentenceIsElidedAndSetsNoMinimumWidth();
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

// Ten features: the sentence lists nine held values; it must not make the plot (and the window) wider than a
// screen. It is elided to the plot's width and whole in its tooltip.
void TestSliceSubtitle::aLongSentenceIsElidedAndSetsNoMinimumWidth()
{
    QCustomPlot plot;
    plot.resize(400, 300);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    const int minimumBefore = static_cast<QWidget&>(plot).minimumSizeHint().width();
    SliceSubtitle subtitle(&plot);
    QStringList held;
    for (int i = 2; i < 11; ++i)
        held << QStringLiteral("θ%1 = %2").arg(i).arg(1.2345678 * i);
    const QString sentence = held.join(QStringLiteral(", ")) + QStringLiteral(", held at their least-squares values");
    QVERIFY(QFontMetrics(plot.font()).horizontalAdvance(sentence) > 1000);
    subtitle.setText(sentence);
    plot.replot();
    QCOMPARE(subtitle.text(), sentence);
    QVERIFY(subtitle.isElided());
    QVERIFY(subtitle.shownText().endsWith(QChar(0x2026)));
    QVERIFY(QFontMetrics(plot.font()).horizontalAdvance(subtitle.shownText()) <= 400);
    QVERIFY2(static_cast<QWidget&>(plot).minimumSizeHint().width() <= std::max(minimumBefore, 100),
        qPrintable(QString::number(static_cast<QWidget&>(plot).minimumSizeHint().width())));
    // Wider, it shows more of the sentence; wide enough, all of it.
    plot.resize(4000, 300);
    plot.replot();
    QVERIFY(!subtitle.isElided());
    QCOMPARE(subtitle.shownText(), sentence);
}

} // namespace tst_slice_subtitle

QTEST_MAIN(tst_slice_subtitle::TestSliceSubtitle)
#include "tst_slice_subtitle.moc"
