#include "session/heap_reuse.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace gdlab {

bool HeapReuse::apply()
{
#if defined(__GLIBC__)
    // Setting either value also turns off glibc's own adjustment of the threshold, which would otherwise give the
    // trimming back the memory of each run.
    return mallopt(M_MMAP_THRESHOLD, static_cast<int>(largestHeapBlock)) == 1
        && mallopt(M_TRIM_THRESHOLD, static_cast<int>(keptFreeMemory)) == 1;
#else
    return false;
#endif
}

} // namespace gdlab
