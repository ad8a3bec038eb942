// FastDoubleParser must be std::from_chars, bit for bit, only faster: every test compares the two (and strtod,
// which glibc rounds exactly too) on millions of random and hard inputs.
#include "fast_double_parser.h"
#include "powers_of_five.h"

#include <QtTest>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

using gdlab::FastDoubleParser;

namespace {

std::uint64_t bitsOf(double value)
{
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

double fromBits(std::uint64_t bits)
{
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

// Empty when FastDoubleParser, std::from_chars and (for valid numbers) strtod agree on text; else what differs.
std::string disagreement(const std::string& text)
{
    const char* first = text.data();
    const char* last = first + text.size();
    double expected = 12345.0;
    double actual = 12345.0;
    const std::from_chars_result reference = std::from_chars(first, last, expected);
    const std::from_chars_result result = FastDoubleParser::parse(first, last, actual);
    if (result.ptr != reference.ptr || result.ec != reference.ec)
        return "'" + text + "': end or error differs from std::from_chars";
    if (reference.ec != std::errc())
        return {};
    if (bitsOf(actual) != bitsOf(expected)) {
        char buffer[96];
        std::snprintf(buffer, sizeof buffer, ": %.17g instead of %.17g", actual, expected);
        return "'" + text + "'" + buffer;
    }
    // strtod also reads hex floats, which from_chars does not; on decimal text it must agree.
    const std::string number(first, reference.ptr);
    if (number.find_first_of("xXnN") == std::string::npos
        && bitsOf(std::strtod(number.c_str(), nullptr)) != bitsOf(actual))
        return "'" + text + "': strtod differs";
    return {};
}

#define CHECK_AGREES(text)                                                                                             \
    do {                                                                                                               \
        const std::string problem = disagreement(text);                                                                \
        if (!problem.empty())                                                                                          \
            QFAIL(problem.c_str());                                                                                    \
    } while (false)

std::string format(const char* pattern, double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, pattern, value);
    return buffer;
}

} // namespace

class TestFastDoubleParser : public QObject {
    Q_OBJECT

private slots:
    void edgeCases_data();
    void edgeCases();
    void randomDoublesRoundTrip();
    void randomDigitStrings();
    void nearlyHalfway();
    void everyPowerOfTen();
    void tableMatchesPowersOfFive();
    void fastPathTakesTypicalNumbers();
};

void TestFastDoubleParser::edgeCases_data()
{
    QTest::addColumn<QByteArray>("text");
    for (const char* text :
        { "0", "-0", "0.0", "-0.000", "0e0", "0e999999", "-0e-999999", "00000000000000000000000000001", "1", "-1", "1.",
            ".5", "-.5", "5.e3", "1e", "1e+", "1e-", "1e+5x", "1E5", "1e-5", "-", ".", "-.", "e5", "+1", "++1", "--1",
            " 1", "1 ", "nan", "-nan", "NaN", "inf", "-infinity", "Infinity", "0x1p3", "1,5", "1.5.3",
            "9007199254740992", "9007199254740993", "9007199254740994", "9007199254740995", "18446744073709551615",
            "18446744073709551616", "99999999999999999999", "1234567890123456789", "12345678901234567890",
            "0.1000000000000000055511151231257827021181583404541015625", "1e22", "1e23", "1e-22", "1e-23",
            "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1.8e308", "1e309",
            "2.2250738585072014e-308", "2.2250738585072011e-308", "2.225073858507201e-308", "4.9406564584124654e-324",
            "2.4703282292062328e-324", "2.4703282292062327e-324", "1e-324", "1e-400", "-1e-400", "1e400",
            "1e999999999999999999", "123456789012345678e-10", "0.00000000000000000000000000000000000001",
            "12345678.12345678", "1234567812345678", "-611.49870712530465", "0.33333333333333331", "3.141592653589793",
            "123.456e-5", "7.2057594037927933e16", "4503599627370496.5", "4503599627370497.5" })
        QTest::addRow("%s", text) << QByteArray(text);
}

void TestFastDoubleParser::edgeCases()
{
    QFETCH(QByteArray, text);
    CHECK_AGREES(text.toStdString());
}

void TestFastDoubleParser::randomDoublesRoundTrip()
{
    // Random bit patterns cover every exponent, subnormals included; each printed with 17, 16 and 15 significant
    // digits, and in fixed notation when that is short.
    std::mt19937_64 random(20261202);
    for (int i = 0; i < 1'000'000; ++i) {
        const double value = fromBits(random());
        if (!std::isfinite(value))
            continue;
        CHECK_AGREES(format("%.17g", value));
        CHECK_AGREES(format("%.16g", value));
        CHECK_AGREES(format("%.15e", value));
        if (std::abs(value) < 1e15 && std::abs(value) > 1e-5)
            CHECK_AGREES(format("%.12f", value));
    }
}

void TestFastDoubleParser::randomDigitStrings()
{
    // Up to 21 random digits, a point anywhere, an exponent from −360 to 330: the whole range the fast path
    // decides, its borders, and past them.
    std::mt19937_64 random(7);
    std::uniform_int_distribution<int> digitCount(1, 21);
    std::uniform_int_distribution<int> digit(0, 9);
    std::uniform_int_distribution<int> exponent(-360, 330);
    std::string text;
    for (int i = 0; i < 2'000'000; ++i) {
        text.clear();
        if (random() & 1)
            text += '-';
        const int count = digitCount(random);
        const int point = static_cast<int>(random() % static_cast<std::uint64_t>(count + 1));
        for (int k = 0; k < count; ++k) {
            if (k == point)
                text += '.';
            text += static_cast<char>('0' + digit(random));
        }
        text += 'e' + std::to_string(exponent(random));
        CHECK_AGREES(text);
    }
}

void TestFastDoubleParser::nearlyHalfway()
{
    // The hardest inputs are the midpoints between neighbouring doubles. A long double holds a midpoint exactly,
    // and glibc prints it exactly; cut to 17–19 digits it lands just below or just above the midpoint.
    std::mt19937_64 random(99);
    for (int i = 0; i < 300'000; ++i) {
        const double low = std::abs(fromBits(random() >> 1));
        const double high = std::nextafter(low, HUGE_VAL);
        if (!std::isfinite(high))
            continue;
        const long double middle = (static_cast<long double>(low) + high) / 2;
        for (const char* pattern : { "%.16Le", "%.17Le", "%.18Le" }) {
            char buffer[64];
            std::snprintf(buffer, sizeof buffer, pattern, middle);
            CHECK_AGREES(std::string(buffer));
        }
    }
}

void TestFastDoubleParser::everyPowerOfTen()
{
    for (int q = -400; q <= 400; ++q) {
        for (const char* mantissa : { "1", "9", "5", "25", "4.9406564584124654", "9999999999999999999" })
            CHECK_AGREES(std::string(mantissa) + "e" + std::to_string(q));
    }
}

void TestFastDoubleParser::tableMatchesPowersOfFive()
{
    // Spot checks of the generated table: 5^0 = 1, 5^1, 5^27 (the largest below 2⁶⁴) exactly, normalized to
    // bit 127; 5^−1 = 0.2 as 0xCCCC…; and every entry normalized.
    const auto entry = [](int q) { return gdlab::kPowersOfFive + 2 * (q - gdlab::kSmallestPowerOfTen); };
    QCOMPARE(entry(0)[0], std::uint64_t(1) << 63);
    QCOMPARE(entry(0)[1], std::uint64_t(0));
    QCOMPARE(entry(1)[0], std::uint64_t(5) << 61);
    QCOMPARE(entry(27)[0], std::uint64_t(7450580596923828125ULL) << 1);
    QCOMPARE(entry(27)[1], std::uint64_t(0));
    QCOMPARE(entry(-1)[0], std::uint64_t(0xCCCCCCCCCCCCCCCCULL));
    QCOMPARE(entry(-1)[1], std::uint64_t(0xCCCCCCCCCCCCCCCCULL));
    for (int i = 0; i < gdlab::kPowersOfFiveCount; ++i)
        QVERIFY(gdlab::kPowersOfFive[2 * i] >> 63 == 1);
}

void TestFastDoubleParser::fastPathTakesTypicalNumbers()
{
    // The point of the parser: the 17-digit numbers data files hold almost never need std::from_chars.
    std::mt19937_64 random(3);
    std::uniform_real_distribution<double> uniform(-1000, 1000);
    int fallbacks = 0;
    const int count = 100'000;
    for (int i = 0; i < count; ++i) {
        const std::string text = format("%.17g", uniform(random));
        double value = 0;
        if (!FastDoubleParser::parseFast(text.data(), text.data() + text.size(), value))
            ++fallbacks;
    }
    QVERIFY2(fallbacks < count / 1000, qPrintable(QString::number(fallbacks)));
}

QTEST_APPLESS_MAIN(TestFastDoubleParser)
#include "tst_fast_double_parser.moc"
