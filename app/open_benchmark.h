#pragma once

#include <QString>

namespace gdlab {

class MainWindow;
class SessionController;

/**
 * @brief `gdlab --bench-open [--data FILE | --lesson NAME]`: how long a teacher waits for the first full screen and
 * how much memory it took. From the process's start (not main's) to the first paint after the run is complete and
 * every view, the 3-D bowl's frame too, has drawn it; the peak resident memory from getrusage. Prints a readable line
 * and one for scripts: `bench open SOURCE first_screen_ms=… peak_rss_mb=…`.
 */
class OpenBenchmark {
public:
    /** @param window not shown yet; the data is already opened in controller (run() shows the window) */
    OpenBenchmark(MainWindow* window, SessionController* controller);

    /** @brief Shows the window, waits for the first full screen, and returns the report naming source. */
    QString run(const QString& source);

    /** @brief Milliseconds since this process started (from /proc on Linux; since the first call elsewhere). */
    static double millisecondsSinceProcessStart();
    /** @brief The peak resident set of this process so far, in MiB. */
    static double peakResidentMegabytes();

private:
    MainWindow* m_window;
    SessionController* m_controller;
};

} // namespace gdlab
