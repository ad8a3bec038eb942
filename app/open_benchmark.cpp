#include "open_benchmark.h"

#include "frame_probe.h"
#include "session/session_controller.h"
#include "shell/main_window.h"
#include "views/bowl_view.h"

#include <Q3DSurface>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

namespace gdlab {

namespace {

// The bowl renders a few milliseconds after an update request; a software renderer may take a second or more.
constexpr int bowlWaitMilliseconds = 10'000;

// The process's start in clock ticks after boot: field 22 of /proc/self/stat, counted after the command name's
// closing parenthesis (the name may hold spaces).
double processStartSecondsAfterBoot()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    // After the name, the state is field 3: starttime (field 22) is the 20th.
    constexpr int startTimeIndex = 22 - 3;
    const long ticks = sysconf(_SC_CLK_TCK);
    if (fields.size() <= startTimeIndex || ticks <= 0)
        return -1;
    return fields[startTimeIndex].toDouble() / static_cast<double>(ticks);
}

} // namespace

OpenBenchmark::OpenBenchmark(MainWindow* window, SessionController* controller)
    : m_window(window)
    , m_controller(controller)
{
}

double OpenBenchmark::millisecondsSinceProcessStart()
{
    const double start = processStartSecondsAfterBoot();
    timespec now {};
    if (start >= 0 && clock_gettime(CLOCK_BOOTTIME, &now) == 0)
        return (static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9 - start) * 1e3;
    static QElapsedTimer sinceFirstCall;
    if (!sinceFirstCall.isValid())
        sinceFirstCall.start();
    return static_cast<double>(sinceFirstCall.nsecsElapsed()) / 1e6;
}

double OpenBenchmark::peakResidentMegabytes()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

QString OpenBenchmark::run(const QString& source)
{
    const double windowBuilt = millisecondsSinceProcessStart();
    // The whole run first: a long one streams in from the worker, and the first full screen shows all of it.
    m_controller->waitForComputation();
    QApplication::processEvents();
    const double runComplete = millisecondsSinceProcessStart();
    m_window->show();
    FrameProbe probe(m_window->bowlView()->graph());
    probe.mark();
    QElapsedTimer waited;
    waited.start();
    // Events until the bowl's window rendered a frame of the run (the plots paint in the same rounds).
    while (m_window->bowlView()->graph() && !probe.renderedSinceMark() && waited.elapsed() < bowlWaitMilliseconds) {
        QApplication::processEvents();
        QThread::usleep(200);
    }
    // Queued replots post their widgets' updates, which the next round paints; then everything is painted now.
    const double bowlDrawn = millisecondsSinceProcessStart();
    QApplication::processEvents();
    QApplication::processEvents();
    m_window->repaint();
    const double firstScreen = millisecondsSinceProcessStart();
    const double peak = peakResidentMegabytes();
    const bool bowlRendered = !m_window->bowlView()->graph() || probe.renderedSinceMark();
    const auto ms = [](double value) { return QString::number(value, 'f', 0); };
    QString report = QStringLiteral("%1: first full screen %2 ms after the process started (data open and window built "
                                    "%3 ms, run complete %4 ms, bowl frame %5 ms), peak memory %6 MB%7\n")
                         .arg(source, ms(firstScreen), ms(windowBuilt), ms(runComplete), ms(bowlDrawn),
                             QString::number(peak, 'f', 1),
                             bowlRendered ? QString() : QStringLiteral(" (the bowl drew no frame)"));
    report += QStringLiteral("bench open %1 first_screen_ms=%2 peak_rss_mb=%3\n")
                  .arg(source, QString::number(firstScreen, 'f', 0), QString::number(peak, 'f', 1));
    return report;
}

} // namespace gdlab
