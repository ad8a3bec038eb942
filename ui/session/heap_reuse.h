#pragma once

#include <cstddef>

namespace gdlab {

/**
 * @brief The allocator's policy for the window's process: blocks up to largestHeapBlock come from the heap, and
 * freed memory stays there, up to keptFreeMemory, for the next run instead of going back to the system.
 *
 * Every change of a setting computes its run anew, into new history columns (10⁶ updates: 8 MB a column). glibc
 * maps blocks that large from the system and hands them back when they are freed, so each run paid a page fault for
 * every 4 kB of its history: about 70 of the 110 ms from a change to a 10⁶-update run on screen, on a virtual
 * machine where a page fault is dear. The price is that the process keeps the memory of its largest run until it
 * ends (a 10⁶-update history at k = 10 is 120 MB).
 */
class HeapReuse {
public:
    /** @brief The largest block taken from the heap: glibc's own upper limit for it (on 64-bit systems). */
    static constexpr std::size_t largestHeapBlock = std::size_t { 32 } << 20;
    /** @brief Free memory at the heap's end beyond this much goes back to the system. */
    static constexpr std::size_t keptFreeMemory = std::size_t { 512 } << 20;

    /** @brief Applies the policy, once, first thing in main; false where the allocator refused it or is not glibc's. */
    static bool apply();
};

} // namespace gdlab
