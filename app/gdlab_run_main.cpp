// gdlab-run: the headless command line. Reads a CSV, runs one descent, prints a summary or JSON and
// optionally the whole history. Exit 0 on any result (diverged included), 2 on bad arguments or data.
#include "csv_reader.h"
#include "dataset.h"
#include "descent_run.h"
#include "history_csv.h"
#include "input_error.h"
#include "run_options.h"
#include "run_report.h"

#include <QSaveFile>
#include <QString>

#include <cstdio>
#include <exception>
#include <new>
#include <string>
#include <vector>

namespace {

constexpr int exitBadInput = 2;
constexpr int exitFailure = 1;

void writeHistory(const gdlab::DescentRun& run, const std::string& path)
{
    if (path == "-") {
        gdlab::writeHistoryCsv(run.history, run.problem->parameterSymbols(),
            [](std::string_view chunk) { std::fwrite(chunk.data(), 1, chunk.size(), stdout); });
        std::fflush(stdout);
        return;
    }
    // Atomic: an existing history is replaced only once the new one is complete.
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        throw gdlab::InputError(path, 0, 0, "cannot write history: " + file.errorString().toStdString());
    gdlab::writeHistoryCsv(run.history, run.problem->parameterSymbols(),
        [&file](std::string_view chunk) { file.write(chunk.data(), static_cast<qint64>(chunk.size())); });
    if (!file.commit())
        throw gdlab::InputError(path, 0, 0, "cannot write history: " + file.errorString().toStdString());
}

int run(const std::vector<std::string>& arguments)
{
    const gdlab::RunOptions options = gdlab::parseRunOptions(arguments);
    if (options.help) {
        std::fputs(gdlab::runUsage(), stdout);
        return 0;
    }
    const gdlab::Dataset dataset = gdlab::CsvReader::readFile(options.dataPath);
    const gdlab::ProblemSpec spec = gdlab::problemSpecFor(options, dataset);
    const gdlab::DescentRun result = gdlab::runDescent(dataset, spec, options.solver);
    if (!options.historyPath.empty())
        writeHistory(result, options.historyPath);
    const std::string report = options.json ? gdlab::jsonText(result) : gdlab::summaryText(result, dataset);
    // With the history on stdout, the summary must not corrupt it.
    std::fputs(report.c_str(), options.historyPath == "-" ? stderr : stdout);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> arguments(argv + 1, argv + argc);
    try {
        return run(arguments);
    } catch (const gdlab::InputError& error) {
        std::fprintf(stderr, "gdlab-run: %s\n", error.what());
        return exitBadInput;
    } catch (const std::bad_alloc&) {
        std::fprintf(stderr, "gdlab-run: out of memory (try fewer iterations or a smaller file)\n");
        return exitFailure;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "gdlab-run: %s\n", error.what());
        return exitFailure;
    }
}
