// gdlab-run: the headless command line. Reads a CSV, runs one descent, prints a summary or JSON and
// optionally the whole history. Exit 0 on any result (diverged included), 2 on bad arguments or data.
#include "csv_reader.h"
#include "csv_stream_reader.h"
#include "dataset.h"
#include "history.h"
#include "history_csv.h"
#include "input_error.h"
#include "problem_accumulator.h"
#include "problem_accumulator_sink.h"
#include "run.h"
#include "run_options.h"
#include "run_report.h"

#include <QSaveFile>
#include <QString>

#include <cstdio>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr int exitBadInput = 2;
constexpr int exitFailure = 1;

// Where --history goes: nowhere, stdout, or a file replaced atomically once the whole history is written.
class HistoryOutput {
public:
    explicit HistoryOutput(const std::string& path)
        : m_path(path)
    {
        if (path.empty() || path == "-")
            return;
        m_file = std::make_unique<QSaveFile>(QString::fromStdString(path));
        if (!m_file->open(QIODevice::WriteOnly))
            throw gdlab::InputError(path, 0, 0, "cannot write history: " + m_file->errorString().toStdString());
    }

    bool isWanted() const { return !m_path.empty(); }

    void write(std::string_view chunk)
    {
        if (m_file)
            m_file->write(chunk.data(), static_cast<qint64>(chunk.size()));
        else
            std::fwrite(chunk.data(), 1, chunk.size(), stdout);
    }

    void commit()
    {
        if (!m_file) {
            std::fflush(stdout);
            return;
        }
        if (!m_file->commit())
            throw gdlab::InputError(m_path, 0, 0, "cannot write history: " + m_file->errorString().toStdString());
    }

private:
    std::string m_path;
    std::unique_ptr<QSaveFile> m_file;
};

// Runs the descent in O(k) memory whatever the number of updates. Without --history only the last state is
// kept (Solver::runToEnd: no per-update bookkeeping); with it, each chunk of states goes to the output and is
// then dropped.
void descendStreaming(gdlab::Run& run, HistoryOutput& output)
{
    const gdlab::Solver solver(*run.problem, run.settings);
    if (!output.isWanted()) {
        gdlab::RunResult result;
        run.history = std::make_shared<const gdlab::History>(solver.runToEnd(&result));
        run.outcome = result;
        return;
    }
    gdlab::History history = solver.makeHistory();
    history.reserve(gdlab::Solver::defaultChunkRows + 1);
    gdlab::HistoryCsvWriter writer(
        run.problem->parameterSymbols(), [&output](std::string_view chunk) { output.write(chunk); }, run.isLogistic());
    std::size_t written = 0; // rows of the history already written (the row kept by retainLast())
    const gdlab::RunResult result = solver.run(history, [&](gdlab::History& chunk) {
        writer.writeRows(chunk, written);
        chunk.retainLast();
        written = 1;
        return true;
    });
    writer.writeRows(history, written);
    writer.flush();
    run.history = std::make_shared<const gdlab::History>(std::move(history));
    run.outcome = result;
}

// Batch descent and the closed form of the linear model need only the statistics of the rows, so a file longer than
// a buffer is folded block by block and never held (memory O(k²) plus a block); SGD and mini-batch visit rows, and
// the logistic model's loss has no sufficient statistics, so they keep them. A file that fits in one buffer is read
// whole, exactly as before. columns gets the data's columns.
gdlab::Run prepare(const gdlab::RunOptions& options, gdlab::Dataset& columns)
{
    if (options.solver.method != gdlab::DescentMethod::Batch || options.solver.model == gdlab::ModelKind::Logistic) {
        columns = gdlab::CsvReader::readFile(options.dataPath);
        const gdlab::ProblemSpec spec = gdlab::problemSpecFor(options, columns);
        return gdlab::prepareRun(std::make_shared<const gdlab::Dataset>(columns), spec, options.solver);
    }
    gdlab::ProblemAccumulatorSink fold;
    gdlab::CsvStreamReader reader(options.dataPath);
    std::optional<gdlab::Dataset> whole = reader.read(
        [&](const gdlab::Dataset& names) {
            columns = names;
            fold.start(gdlab::ProblemAccumulator(names, gdlab::problemSpecFor(options, names)));
        },
        fold);
    if (!whole) {
        // Too ill-conditioned for the closed form to refine through R: the file again, summed in double-double.
        if (fold.total().wantsExactPass()) {
            fold.startExactPass();
            gdlab::CsvStreamReader again(options.dataPath);
            again.read([](const gdlab::Dataset&) {}, fold);
        }
        return gdlab::prepareFoldedRun(std::make_shared<const gdlab::Problem>(fold.total()), options.solver);
    }
    columns = std::move(*whole);
    const gdlab::ProblemSpec spec = gdlab::problemSpecFor(options, columns);
    return gdlab::prepareRun(std::make_shared<const gdlab::Dataset>(columns), spec, options.solver);
}

int run(const std::vector<std::string>& arguments)
{
    const gdlab::RunOptions options = gdlab::parseRunOptions(arguments);
    if (options.help) {
        std::fputs(gdlab::runUsage(), stdout);
        return 0;
    }
    gdlab::Dataset dataset;
    gdlab::Run result = prepare(options, dataset);
    HistoryOutput output(options.historyPath);
    descendStreaming(result, output);
    if (output.isWanted())
        output.commit();
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
