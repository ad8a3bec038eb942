// The logarithmic scale: where the rate and the marks sit, how it widens, the rates its steps give, and that it
// draws the marks in the palette's colours.
#include "panels/learning_rate_scale.h"

#include "views/view_palette.h"

#include <QImage>
#include <QSignalSpy>
#include <QSlider>
#include <QtTest>

#include <cmath>

namespace tst_learning_rate_scale {

using gdlab::LearningRateScale;

namespace {

int pixelsOf(const QImage& image, const QColor& colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (QColor(image.pixel(x, y)) == colour)
                ++count;
    return count;
}

} // namespace

class TestLearningRateScale : public QObject {
    Q_OBJECT

private slots:
    void defaultScaleSpansSevenDecades();
    void marksSitAtTheirRates();
    void widensForTheBoundAndTheRate_data();
    void widensForTheBoundAndTheRate();
    void stepsGiveFourDigitRates();
    void wheelAndArrowStepsAreFine();
    void setRateSendsNothing();
    void drawsTheMarks();
};

void TestLearningRateScale::defaultScaleSpansSevenDecades()
{
    LearningRateScale scale;
    QCOMPARE(scale.minimumExponent(), -6);
    QCOMPARE(scale.maximumExponent(), 1);
    QCOMPARE(scale.slider()->maximum(), 7 * LearningRateScale::kStepsPerDecade);
    QVERIFY(scale.boundFraction() < 0);
    QVERIFY(scale.optimalFraction() < 0);
}

void TestLearningRateScale::marksSitAtTheirRates()
{
    LearningRateScale scale;
    scale.setMarks(0.0833, 0.0845);
    scale.setRate(0.01);
    QVERIFY(std::abs(scale.boundFraction() - (std::log10(0.0845) + 6) / 7) < 1e-12);
    QVERIFY(std::abs(scale.optimalFraction() - (std::log10(0.0833) + 6) / 7) < 1e-12);
    QVERIFY(std::abs(scale.rateFraction() - 4.0 / 7) < 1e-12);
    QCOMPARE(scale.slider()->value(), 4 * LearningRateScale::kStepsPerDecade);
}

void TestLearningRateScale::widensForTheBoundAndTheRate_data()
{
    QTest::addColumn<double>("bound");
    QTest::addColumn<double>("rate");
    QTest::addRow("sum of squares over much data") << 2e-8 << 1e-9;
    QTest::addRow("a huge rate") << 0.08 << 300.0;
    QTest::addRow("a huge bound") << 5e3 << 1.0;
    QTest::addRow("typing errors are cut at 1e-30") << 0.08 << 1e-40;
}

// Three decades below the bound and one above it, and the rate, whatever they are (within 1e±30).
void TestLearningRateScale::widensForTheBoundAndTheRate()
{
    QFETCH(double, bound);
    QFETCH(double, rate);
    LearningRateScale scale;
    scale.setMarks(bound / 1.01, bound);
    scale.setRate(rate);
    QVERIFY(scale.boundFraction() > 0 && scale.boundFraction() < 1);
    QVERIFY(scale.minimumExponent() <= std::floor(std::log10(bound)) - 3);
    QVERIFY(scale.maximumExponent() >= std::ceil(std::log10(bound)) + 1);
    QVERIFY(scale.minimumExponent() >= -30);
    if (rate >= 1e-30)
        QVERIFY(scale.rateFraction() >= 0 && scale.rateFraction() <= 1);
    else
        QCOMPARE(scale.slider()->value(), scale.slider()->minimum());
}

void TestLearningRateScale::stepsGiveFourDigitRates()
{
    LearningRateScale scale;
    QSignalSpy moved(&scale, &LearningRateScale::rateMoved);
    for (int position = 3; position <= scale.slider()->maximum(); position += 7) {
        scale.slider()->setValue(position);
        QVERIFY(!moved.isEmpty());
        const double exact
            = std::pow(10.0, scale.minimumExponent() + double(position) / LearningRateScale::kStepsPerDecade);
        const double rate = moved.last().first().toDouble();
        QCOMPARE(rate, QString::number(exact, 'g', 4).toDouble());
        QCOMPARE(scale.rate(), rate);
    }
    // A decade is kStepsPerDecade steps.
    scale.slider()->setValue(5 * LearningRateScale::kStepsPerDecade);
    QCOMPARE(moved.last().first().toDouble(), 0.1);
}

// At most 2 % per arrow key or wheel notch, so that a teacher lands between 0.0833 and 0.0845 (five_points'
// fastest rate and bound).
void TestLearningRateScale::wheelAndArrowStepsAreFine()
{
    LearningRateScale scale;
    QSignalSpy moved(&scale, &LearningRateScale::rateMoved);
    scale.setRate(0.0833);
    const double start = scale.rate();
    QTest::keyClick(scale.slider(), Qt::Key_Right);
    QVERIFY(!moved.isEmpty());
    const double arrow = moved.last().first().toDouble();
    QVERIFY2(arrow > start && arrow <= start * 1.02, qPrintable(QString::number(arrow)));
    const int notch = scale.slider()->singleStep() * QApplication::wheelScrollLines();
    QVERIFY(std::pow(10.0, double(notch) / LearningRateScale::kStepsPerDecade) <= 1.02);
    bool between = false;
    for (int step = 0; step < 10; ++step) {
        QTest::keyClick(scale.slider(), Qt::Key_Right);
        const double rate = moved.last().first().toDouble();
        between = between || (rate > 0.0833 && rate < 0.0845);
    }
    QVERIFY(between);
}

void TestLearningRateScale::setRateSendsNothing()
{
    LearningRateScale scale;
    QSignalSpy moved(&scale, &LearningRateScale::rateMoved);
    scale.setRate(0.5);
    scale.setMarks(0.1, 0.2);
    QCOMPARE(moved.count(), 0);
    QCOMPARE(scale.rate(), 0.5);
}

void TestLearningRateScale::drawsTheMarks()
{
    LearningRateScale scale;
    scale.resize(300, scale.sizeHint().height());
    scale.setRate(0.01);
    const QImage bare = scale.grab().toImage();
    QCOMPARE(pixelsOf(bare, gdlab::ViewPalette::good()), 0);
    QCOMPARE(pixelsOf(bare, gdlab::ViewPalette::warning()), 0);
    scale.setMarks(0.0833, 0.0845);
    const QImage marked = scale.grab().toImage();
    QVERIFY(pixelsOf(marked, gdlab::ViewPalette::good()) > 0);
    QVERIFY(pixelsOf(marked, gdlab::ViewPalette::warning()) > 0);
}

} // namespace tst_learning_rate_scale

QTEST_MAIN(tst_learning_rate_scale::TestLearningRateScale)
#include "tst_learning_rate_scale.moc"
