#include "fast_double_parser.h"

#include "powers_of_five.h"

#include <cstdint>
#include <cstring>

namespace gdlab {

namespace {

// 10^k for the exactly representable powers: w · 10^±k then rounds once, exactly (Clinger's fast path).
constexpr double kExactPowersOfTen[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
    1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
constexpr std::uint64_t kLargestExactInteger = std::uint64_t(1) << 53;
constexpr int kMaxSignificantDigits = 19; // 10^19 < 2^64: the digits fit in one word
constexpr int kMaxExponentDigitsValue = 100000; // far beyond any double; keeps the exponent from overflowing

[[gnu::always_inline]] inline bool isDigit(char c)
{
    return static_cast<unsigned char>(c - '0') < 10;
}

// Whether the eight bytes of a little-endian word are all '0'..'9': the high nibble of each is 3, and adding 6
// does not carry out of the low nibble.
[[gnu::always_inline]] inline bool allDigits(std::uint64_t word)
{
    const std::uint64_t high = word & 0xF0F0F0F0F0F0F0F0ULL;
    const std::uint64_t carried = (word + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL;
    return high == 0x3030303030303030ULL && carried == 0x3030303030303030ULL;
}

// The value of eight digits, first character most significant. Neighbours combine into pairs p0…p3 in bytes 0,
// 2, 4, 6; then one product gathers p0·10⁶ + p2·10² and another p1·10⁴ + p3 into bits 32–63 of their sum (the
// low halves stay below 2³² and cannot carry into it).
[[gnu::always_inline]] inline std::uint64_t eightDigitValue(std::uint64_t word)
{
    constexpr std::uint64_t kLanes = 0x000000FF000000FFULL;
    word -= 0x3030303030303030ULL;
    word = word * 10 + (word >> 8);
    return ((word & kLanes) * (100 + (1000000ULL << 32)) + ((word >> 16) & kLanes) * (1 + (10000ULL << 32))) >> 32;
}

// Reads digits into mantissa (wrapping past 19 digits; the caller counts them), one at a time: an integer part
// is short in data files, and trying eight at a time first costs more there than it saves.
[[gnu::always_inline]] inline const char* readDigits(const char* p, const char* last, std::uint64_t& mantissa)
{
    while (p != last && isDigit(*p)) {
        mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
        ++p;
    }
    return p;
}

// The same, eight digits at a time while there are eight: fractions are long.
[[gnu::always_inline]] inline const char* readManyDigits(const char* p, const char* last, std::uint64_t& mantissa)
{
    while (last - p >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        if (!allDigits(word))
            break;
        mantissa = mantissa * 100000000 + eightDigitValue(word);
        p += 8;
    }
    return readDigits(p, last, mantissa);
}

// An exponent part: 'e' or 'E', an optional sign, at least one digit. Without a digit it is not part of the
// number, as for std::from_chars.
[[gnu::always_inline]] inline const char* readExponent(const char* p, const char* last, long& exponent)
{
    if (p == last || (*p != 'e' && *p != 'E'))
        return p;
    const char* q = p + 1;
    const bool negative = q != last && *q == '-';
    if (q != last && (*q == '-' || *q == '+'))
        ++q;
    if (q == last || !isDigit(*q))
        return p;
    long value = 0;
    for (; q != last && isDigit(*q); ++q) {
        if (value < kMaxExponentDigitsValue)
            value = value * 10 + (*q - '0');
    }
    exponent += negative ? -value : value;
    return q;
}

// Significant digits of [first, last) (digits and at most one '.'), leading zeros not counted.
long significantDigits(const char* first, const char* last)
{
    while (first != last && (*first == '0' || *first == '.'))
        ++first;
    long count = 0;
    for (; first != last; ++first)
        count += isDigit(*first) ? 1 : 0;
    return count;
}

// ⌊q·log₂10⌋ for |q| ≤ 2000, in integers: 217706 / 2¹⁶ is log₂10 to enough digits.
int floorLog2PowerOfTen(long q)
{
    return static_cast<int>((q * 217706) >> 16);
}

double assemble(bool negative, std::uint64_t biasedExponent, std::uint64_t mantissa)
{
    const std::uint64_t bits
        = (std::uint64_t(negative) << 63) | (biasedExponent << 52) | (mantissa & ((std::uint64_t(1) << 52) - 1));
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

// The leading 128 bits of w · 5^q, w normalized to bit 63: the product with the high word of the table entry,
// plus the low word's share when a carry from it could reach the 54 bits kept (the product's top bit is 127 or
// 126, the kept bits the 54 from there). Either way it is below the exact value by less than two units of its
// last bit.
unsigned __int128 leadingProduct(std::uint64_t w, long q)
{
    const std::size_t index = 2 * static_cast<std::size_t>(q - kSmallestPowerOfTen);
    unsigned __int128 product = static_cast<unsigned __int128>(w) * kPowersOfFive[index];
    const auto high = static_cast<std::uint64_t>(product >> 64);
    const std::uint64_t mask = (std::uint64_t(1) << ((high >> 63) + 9)) - 1;
    if ((high & mask) == mask)
        product += static_cast<std::uint64_t>((static_cast<unsigned __int128>(w) * kPowersOfFive[index + 1]) >> 64);
    return product;
}

// w · 10^q for w ≠ 0 with at most 19 digits (the Eisel–Lemire method). The rounding bit below the 53 kept
// decides, except when a carry could still change the bits kept, or when the rounding bit is set and nothing
// below it is (an exact tie, to be rounded to even, or just above one): then, and for subnormal or infinite
// results, false.
bool eiselLemire(std::uint64_t w, long q, bool negative, double& value)
{
    if (q < kSmallestPowerOfTen || q > kLargestPowerOfTen)
        return false;
    const int leadingZeros = __builtin_clzll(w);
    const unsigned __int128 product = leadingProduct(w << leadingZeros, q);
    const auto high = static_cast<std::uint64_t>(product >> 64);
    const auto low = static_cast<std::uint64_t>(product);
    const int upper = static_cast<int>(high >> 63);
    const int dropped = upper + 9;
    const std::uint64_t mask = (std::uint64_t(1) << dropped) - 1;
    const std::uint64_t below = high & mask;
    if (below == mask && low >= ~std::uint64_t(0) - 1)
        return false;
    std::uint64_t mantissa = high >> dropped;
    if ((mantissa & 1) && below == 0 && low == 0)
        return false;
    mantissa = (mantissa + 1) >> 1;
    long biasedExponent = floorLog2PowerOfTen(q) + upper - leadingZeros + 1086;
    if (mantissa == (std::uint64_t(1) << 53)) {
        mantissa >>= 1;
        ++biasedExponent;
    }
    if (biasedExponent < 1 || biasedExponent > 2046)
        return false;
    value = assemble(negative, static_cast<std::uint64_t>(biasedExponent), mantissa);
    return true;
}

} // namespace

const char* FastDoubleParser::parseFast(const char* first, const char* last, double& value)
{
    const char* p = first;
    const bool negative = p != last && *p == '-';
    if (negative)
        ++p;
    const char* const digitsStart = p;
    std::uint64_t mantissa = 0;
    p = readDigits(p, last, mantissa);
    long digits = p - digitsStart;
    long exponent = 0;
    if (p != last && *p == '.') {
        const char* const fractionStart = ++p;
        p = readManyDigits(p, last, mantissa);
        exponent = -(p - fractionStart);
        digits += p - fractionStart;
    }
    if (digits == 0)
        return nullptr;
    const char* const digitsEnd = p;
    p = readExponent(p, last, exponent);
    if (digits > kMaxSignificantDigits && significantDigits(digitsStart, digitsEnd) > kMaxSignificantDigits)
        return nullptr;

    if (mantissa == 0) {
        value = negative ? -0.0 : 0.0;
        return p;
    }
    if (mantissa <= kLargestExactInteger && exponent >= -22 && exponent <= 22) {
        double result = static_cast<double>(mantissa);
        result = exponent < 0 ? result / kExactPowersOfTen[-exponent] : result * kExactPowersOfTen[exponent];
        value = negative ? -result : result;
        return p;
    }
    return eiselLemire(mantissa, exponent, negative, value) ? p : nullptr;
}

std::from_chars_result FastDoubleParser::parse(const char* first, const char* last, double& value)
{
    if (const char* end = parseFast(first, last, value))
        return { end, std::errc() };
    return std::from_chars(first, last, value);
}

} // namespace gdlab
