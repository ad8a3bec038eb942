// The window's allocator policy: freed history columns stay in the heap for the next run.
#include "session/heap_reuse.h"

#include <QtTest>

#include <cstdlib>
#include <cstring>
#include <vector>

#if defined(__GLIBC__)
#include <sys/resource.h>
#endif

namespace tst_heap_reuse {

using gdlab::HeapReuse;

class TestHeapReuse : public QObject {
    Q_OBJECT

private slots:
    void freedColumnsStayForTheNextRun();
};

void TestHeapReuse::freedColumnsStayForTheNextRun()
{
#if !defined(__GLIBC__)
    QSKIP("the policy is glibc's");
#else
    QVERIFY(HeapReuse::apply());
    // Two runs of three columns of a 10⁶-row history each, written (so that their pages are real) and freed. Without
    // the policy the second run's columns are mapped from the system anew and every page of them faults in.
    constexpr std::size_t column = std::size_t { 8 } << 20;
    long faults = 0;
    for (int run = 0; run < 2; ++run) {
        rusage before {};
        getrusage(RUSAGE_SELF, &before);
        std::vector<void*> columns;
        for (int k = 0; k < 3; ++k) {
            columns.push_back(std::malloc(column));
            QVERIFY(columns.back());
            std::memset(columns.back(), k + 1, column);
        }
        for (void* block : columns)
            std::free(block);
        rusage after {};
        getrusage(RUSAGE_SELF, &after);
        faults = after.ru_minflt - before.ru_minflt;
    }
    const long pages = static_cast<long>(3 * column / 4096);
    QVERIFY2(faults < pages / 10,
        qPrintable(QString("the second run faulted %1 times for %2 pages").arg(faults).arg(pages)));
#endif
}

} // namespace tst_heap_reuse

QTEST_MAIN(tst_heap_reuse::TestHeapReuse)
#include "tst_heap_reuse.moc"
