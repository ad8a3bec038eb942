// The number formats every view shares: the same digits as printf's %g (and so as QString::number, which the
// views used before), a real minus sign for reading, and the change in percent.
#include "number_format.h"

#include <QString>
#include <QtTest>

#include <cmath>
#include <limits>
#include <random>
#include <string>

namespace tst_number_format {

using gdlab::formatForReading;
using gdlab::formatPercentChange;
using gdlab::formatSignificant;
namespace SignificantDigits = gdlab::SignificantDigits;

namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

class TestNumberFormat : public QObject {
    Q_OBJECT

private slots:
    void significantAsQtWritesIt_data();
    void significantAsQtWritesIt();
    void significantReadsBackToItsDigits_data();
    void significantReadsBackToItsDigits();
    void exactDigitsRoundTrip();
    void notFiniteIsSpelledOnce();
    void readingUsesARealMinus_data();
    void readingUsesARealMinus();
    void percentChange_data();
    void percentChange();
    void digitsGrowWithWhatTheFigureIsFor();
    void negativeZeroIsZero();
};

void TestNumberFormat::significantAsQtWritesIt_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("digits");
    const double values[] = { 0.0, -0.0, 1.0, -1.0, 0.01, 0.0112, 0.75, -1.62, 0.8094368934859253, 123456789.0, 1e-6,
        1e-5, 1.5e10, -2.5e-300, 99999.95, 0.000123456, 1e21, 5e-324, std::numeric_limits<double>::max() };
    const int digits[] = { SignificantDigits::magnitude, SignificantDigits::label, SignificantDigits::status,
        SignificantDigits::byHand, SignificantDigits::table, SignificantDigits::exact };
    for (const double value : values)
        for (const int count : digits)
            QTest::addRow("%.17g at %d", value, count) << value << count;
}

// The views printed with QString::number(value, 'g', digits) before; the screen must not change.
void TestNumberFormat::significantAsQtWritesIt()
{
    QFETCH(double, value);
    QFETCH(int, digits);
    QCOMPARE(fromStd(formatSignificant(value, digits)), QString::number(value, 'g', digits));
}

void TestNumberFormat::significantReadsBackToItsDigits_data()
{
    QTest::addColumn<int>("digits");
    for (const int digits : { 3, 4, 6, 7, 10 })
        QTest::addRow("%d digits", digits) << digits;
}

// Whatever the value, the text is that value rounded to digits significant digits.
void TestNumberFormat::significantReadsBackToItsDigits()
{
    QFETCH(int, digits);
    std::mt19937_64 random(digits);
    std::uniform_real_distribution<double> mantissa(-10, 10);
    std::uniform_int_distribution<int> exponent(-30, 30);
    for (int i = 0; i < 2000; ++i) {
        const double value = mantissa(random) * std::pow(10.0, exponent(random));
        const double back = std::stod(formatSignificant(value, digits));
        QVERIFY2(std::abs(back - value) <= 0.5 * std::pow(10.0, 1 - digits) * std::abs(value) * (1 + 1e-12),
            qPrintable(
                QStringLiteral("%1 → %2").arg(value, 0, 'g', 17).arg(fromStd(formatSignificant(value, digits)))));
    }
}

void TestNumberFormat::exactDigitsRoundTrip()
{
    std::mt19937_64 random(17);
    std::uniform_real_distribution<double> mantissa(-1, 1);
    for (int i = 0; i < 2000; ++i) {
        const double value = std::ldexp(mantissa(random), int(random() % 200) - 100);
        QCOMPARE(std::stod(formatSignificant(value, SignificantDigits::exact)), value);
    }
}

void TestNumberFormat::notFiniteIsSpelledOnce()
{
    const double inf = std::numeric_limits<double>::infinity();
    QCOMPARE(fromStd(formatSignificant(std::nan(""), 6)), QStringLiteral("nan"));
    QCOMPARE(fromStd(formatSignificant(-std::nan(""), 6)), QStringLiteral("nan"));
    QCOMPARE(fromStd(formatSignificant(inf, 6)), QStringLiteral("inf"));
    QCOMPARE(fromStd(formatSignificant(-inf, 6)), QStringLiteral("-inf"));
    for (const double value : { std::nan(""), inf, -inf })
        QCOMPARE(fromStd(formatForReading(value, 7)), QStringLiteral("\u2013"));
}

void TestNumberFormat::readingUsesARealMinus_data()
{
    QTest::addColumn<double>("value");
    for (const double value : { -1.62, -0.04147356, -1e-6, -3.0, 0.7662, 1e-6, 0.0 })
        QTest::addRow("%g", value) << value;
}

void TestNumberFormat::readingUsesARealMinus()
{
    QFETCH(double, value);
    const QString reading = fromStd(formatForReading(value, SignificantDigits::byHand));
    QVERIFY2(!reading.contains(QLatin1Char('-')), qPrintable(reading));
    QString expected = QString::number(value, 'g', SignificantDigits::byHand);
    expected.replace(QLatin1Char('-'), QChar(0x2212));
    QCOMPARE(reading, expected);
    QCOMPARE(reading.startsWith(QChar(0x2212)), value < 0);
}

void TestNumberFormat::percentChange_data()
{
    QTest::addColumn<double>("before");
    QTest::addColumn<double>("after");
    QTest::addColumn<bool>("meaningful");
    QTest::addRow("falls") << 0.3322033 << 0.3305413 << true;
    QTest::addRow("rises") << 2.0 << 3.0 << true;
    QTest::addRow("same") << 2.0 << 2.0 << true;
    QTest::addRow("to zero") << 2.0 << 0.0 << true;
    QTest::addRow("from zero") << 0.0 << 1.0 << false;
    QTest::addRow("from negative") << -1.0 << 1.0 << false;
    QTest::addRow("to infinity") << 1.0 << std::numeric_limits<double>::infinity() << false;
    QTest::addRow("from nan") << std::nan("") << 1.0 << false;
    QTest::addRow("overflowing change") << 1e-300 << 1e300 << false;
}

void TestNumberFormat::percentChange()
{
    QFETCH(double, before);
    QFETCH(double, after);
    QFETCH(bool, meaningful);
    const QString text = fromStd(formatPercentChange(before, after));
    if (!meaningful) {
        QVERIFY2(text.isEmpty(), qPrintable(text));
        return;
    }
    QVERIFY2(text.endsWith(QStringLiteral(" %")), qPrintable(text));
    const double percent = 100 * (after - before) / before;
    QCOMPARE(text.startsWith(QLatin1Char('+')), percent > 0);
    QCOMPARE(text.startsWith(QChar(0x2212)), percent < 0);
    QString number = text.chopped(2);
    number.replace(QChar(0x2212), QLatin1Char('-'));
    // Three digits: the size of the change, not a number to check.
    QCOMPARE(number.toDouble(), QString::number(percent, 'g', SignificantDigits::magnitude).toDouble());
}

void TestNumberFormat::digitsGrowWithWhatTheFigureIsFor()
{
    QVERIFY(SignificantDigits::magnitude < SignificantDigits::label);
    QVERIFY(SignificantDigits::label < SignificantDigits::status);
    QVERIFY(SignificantDigits::status < SignificantDigits::byHand);
    QVERIFY(SignificantDigits::byHand < SignificantDigits::table);
    QVERIFY(SignificantDigits::table < SignificantDigits::exact);
    QCOMPARE(SignificantDigits::exact, std::numeric_limits<double>::max_digits10);
}

void TestNumberFormat::negativeZeroIsZero()
{
    QCOMPARE(fromStd(formatSignificant(-0.0, SignificantDigits::status)), QStringLiteral("0"));
    QCOMPARE(fromStd(formatForReading(-0.0, SignificantDigits::byHand)), QStringLiteral("0"));
    QCOMPARE(fromStd(formatPercentChange(1.0, 1.0)), QStringLiteral("0 %"));
}

} // namespace tst_number_format

QTEST_APPLESS_MAIN(tst_number_format::TestNumberFormat)
#include "tst_number_format.moc"
