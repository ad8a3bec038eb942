#include "text_encoding.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace gdlab {

namespace {

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
constexpr std::uint64_t kLowBits = 0x0101010101010101ULL;

// Whether any byte of the word is zero (the classic test: only a zero byte borrows into its own high bit).
bool hasZeroByte(std::uint64_t word)
{
    return ((word - kLowBits) & ~word & kHighBits) != 0;
}

// The length and the bits of a sequence's lead byte; length 0 for a byte that cannot lead one.
std::size_t sequenceLength(unsigned char lead, std::uint32_t& codePoint, std::uint32_t& minimum)
{
    if ((lead & 0xE0) == 0xC0) {
        codePoint = lead & 0x1F;
        minimum = 0x80;
        return 2;
    }
    if ((lead & 0xF0) == 0xE0) {
        codePoint = lead & 0x0F;
        minimum = 0x800;
        return 3;
    }
    if ((lead & 0xF8) == 0xF0) {
        codePoint = lead & 0x07;
        minimum = 0x10000;
        return 4;
    }
    return 0;
}

// Length of the valid sequence at s[i], or 0 when it is invalid.
std::size_t validSequence(const unsigned char* s, std::size_t i, std::size_t n)
{
    std::uint32_t codePoint = 0;
    std::uint32_t minimum = 0;
    const std::size_t length = sequenceLength(s[i], codePoint, minimum);
    if (length == 0 || i + length > n)
        return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
        codePoint = (codePoint << 6) | (s[i + k] & 0x3F);
    }
    if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        return 0;
    return length;
}

} // namespace

std::size_t TextEncoding::firstInvalidUtf8(std::string_view text)
{
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // ASCII, by far the common case, goes eight bytes at a time.
        if (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, s + i, 8);
            if ((word & kHighBits) == 0) {
                i += 8;
                continue;
            }
        }
        if (s[i] < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = validSequence(s, i, n);
        if (length == 0)
            return i;
        i += length;
    }
    return npos;
}

TextEncoding::Problems TextEncoding::scan(std::string_view text, std::size_t begin, std::size_t end)
{
    Problems problems;
    const std::string_view range = text.substr(begin, end - begin);
    // One pass for both: plain ASCII without NUL, nearly every word of a data file, costs two tests per word.
    std::size_t i = 0;
    for (; i + 8 <= range.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, range.data() + i, 8);
        if ((word & kHighBits) != 0 || hasZeroByte(word))
            break;
    }
    if (const void* nul = std::memchr(range.data() + i, 0, range.size() - i))
        problems.firstNul = begin + static_cast<std::size_t>(static_cast<const char*>(nul) - range.data());
    const std::size_t invalid = firstInvalidUtf8(range.substr(i));
    if (invalid != npos)
        problems.firstInvalid = begin + i + invalid;
    return problems;
}

TextEncoding::Problems TextEncoding::earliest(const Problems& a, const Problems& b)
{
    return { std::min(a.firstNul, b.firstNul), std::min(a.firstInvalid, b.firstInvalid) };
}

} // namespace gdlab
