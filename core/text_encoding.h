#pragma once

#include <cstddef>
#include <string_view>

namespace gdlab {

/** @brief Finds what makes bytes not UTF-8 text: NUL bytes and invalid UTF-8 sequences. */
class TextEncoding {
public:
    static constexpr std::size_t npos = std::string_view::npos;

    /** @brief The first offending offsets in a range, or npos. */
    struct Problems {
        std::size_t firstNul = npos;
        std::size_t firstInvalid = npos; ///< the first byte that does not start a valid UTF-8 sequence
    };

    /**
     * @brief Scans text[begin, end). Offsets are from the start of text. A range must start and end on a
     * character boundary (after an ASCII byte, say) for the result to be that of the whole text cut there.
     */
    static Problems scan(std::string_view text, std::size_t begin, std::size_t end);

    /** @brief Earliest of each kind of problem over a and b. */
    static Problems earliest(const Problems& a, const Problems& b);

    /**
     * @brief Offset of the first byte that does not start a valid UTF-8 sequence (overlong forms, surrogates and
     * code points above U+10FFFF are invalid), or npos.
     */
    static std::size_t firstInvalidUtf8(std::string_view text);
};

} // namespace gdlab
