// libFuzzer target for CsvReader::parse, and for what a successfully read file goes on to: a Problem and a short
// descent. An InputError is the expected answer to bad input; any other exception escapes and is reported by
// libFuzzer as a crash, and a broken invariant aborts. Every input is also read cut into blocks of 1 to 16 bytes
// on two threads (CsvOptions::blockBytes, so that even a tiny input is split at every row boundary) and must
// give exactly what one thread gives: the same values bit for bit, or the same error at the same place. And it is
// written to a scratch file and streamed through CsvStreamReader with a buffer of 16 to 79 bytes (so that most
// inputs are cut into many buffers, lines and quoted fields grow it, and each buffer is split on two threads): the
// rows put back together must be the whole read's bit for bit, or the error the same at the same line and column;
// the rows folded block by block (ProblemAccumulator) must give the problem the rows give, or refuse it alike. The
// same stream folded on the parsing threads (ProblemAccumulatorSink, gdlab-run's path) must end alike too.
//
// Input layout: byte 0 chooses the options, the rest is the file.
//   bits 0-1  delimiter: detect, ',', ';', tab
//   bits 2-3  header: detect, yes, no, detect
//   bits 4-5  descent method: batch, sgd, minibatch (batch size 2), batch
//   bit 6     standardize
//   bit 7     no intercept
// run_fuzzers.sh also feeds every seed with a 0x00 byte in front (detect everything), since the seeds are plain
// CSV files.

#include "csv_reader.h"
#include "csv_stream_reader.h"
#include "dataset.h"
#include "history.h"
#include "input_error.h"
#include "problem.h"
#include "problem_accumulator.h"
#include "problem_accumulator_sink.h"
#include "solver.h"
#include "solver_settings.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

namespace {

[[noreturn]] void invariantFailed(const char* condition, int line)
{
    std::fprintf(stderr, "fuzz_csv_reader.cpp:%d: invariant violated: %s\n", line, condition);
    std::abort();
}

#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            invariantFailed(#condition, __LINE__);                                                                     \
    } while (false)

gdlab::CsvOptions csvOptions(std::uint8_t selector)
{
    static const char delimiters[] = { 0, ',', ';', '\t' };
    gdlab::CsvOptions options;
    options.delimiter = delimiters[selector & 3];
    switch ((selector >> 2) & 3) {
    case 1:
        options.hasHeader = true;
        break;
    case 2:
        options.hasHeader = false;
        break;
    default:
        break;
    }
    return options;
}

void checkDataset(const gdlab::Dataset& dataset)
{
    FUZZ_CHECK(static_cast<Eigen::Index>(dataset.columnNames().size()) == dataset.columnCount());
    FUZZ_CHECK(dataset.rowCount() >= 1);
    FUZZ_CHECK(dataset.columnCount() >= 1);
    FUZZ_CHECK(dataset.values().allFinite());
    FUZZ_CHECK(dataset.source() == "fuzz.csv");
    for (std::size_t i = 0; i < dataset.columnNames().size(); ++i) {
        const std::string& name = dataset.columnNames()[i];
        FUZZ_CHECK(!name.empty());
        // Lookup by name finds a column (the first of duplicates); lookup by position always finds one.
        const std::optional<Eigen::Index> byName = dataset.findColumn(name);
        FUZZ_CHECK(byName && dataset.columnNames()[static_cast<std::size_t>(*byName)] == name);
        FUZZ_CHECK(dataset.findColumn(std::to_string(i + 1)).has_value());
    }
}

void runShortDescent(const gdlab::Dataset& dataset, std::uint8_t selector)
{
    gdlab::ProblemSpec spec;
    spec.standardize = (selector & 0x40) != 0;
    spec.intercept = (selector & 0x80) == 0;

    std::optional<gdlab::Problem> problem;
    try {
        problem.emplace(dataset, spec);
    } catch (const gdlab::InputError&) {
        return;
    }
    FUZZ_CHECK(problem->sampleCount() == dataset.rowCount());
    FUZZ_CHECK(problem->parameterCount() >= 1);
    FUZZ_CHECK(problem->parameterCount() <= problem->sampleCount());

    gdlab::SolverSettings settings;
    static const gdlab::DescentMethod methods[] = { gdlab::DescentMethod::Batch, gdlab::DescentMethod::Sgd,
        gdlab::DescentMethod::MiniBatch, gdlab::DescentMethod::Batch };
    settings.method = methods[(selector >> 4) & 3];
    settings.batchSize = 2;
    settings.iterations = 5;

    // Valid settings on a valid problem: the constructor must not throw, so it stays outside any try.
    const gdlab::Solver solver(*problem, settings);
    gdlab::RunResult result;
    const gdlab::History history = solver.run(&result);

    FUZZ_CHECK(!history.empty());
    FUZZ_CHECK(result.reason != gdlab::StopReason::Cancelled);
    FUZZ_CHECK(result.iterations >= 0 && result.iterations <= settings.iterations);
    FUZZ_CHECK(static_cast<long long>(history.size()) == result.iterations + 1);
    FUZZ_CHECK(history.parameterCount() == problem->parameterCount());
    for (std::size_t i = 0; i < history.size(); ++i) {
        FUZZ_CHECK(history.iteration(i) == static_cast<long long>(i));
        FUZZ_CHECK(history.theta(i).size() == problem->parameterCount());
        FUZZ_CHECK(std::isfinite(history.loss(i)) || result.reason == gdlab::StopReason::Diverged);
    }
    if (result.reason == gdlab::StopReason::MaxIterations)
        FUZZ_CHECK(result.iterations == settings.iterations);
}

// A dataset or an error, flattened so that two outcomes compare exactly (an error without its file name, which is
// the scratch file's for a streamed read).
std::string flatten(const gdlab::Dataset& dataset)
{
    std::string out;
    for (const std::string& name : dataset.columnNames())
        out += name + '\0';
    for (const std::string& name : dataset.skippedColumns())
        out += name + '\0';
    const auto* bytes = reinterpret_cast<const char*>(dataset.values().data());
    out.append(bytes, sizeof(double) * static_cast<std::size_t>(dataset.values().size()));
    return out + std::to_string(dataset.rowCount());
}

std::string flatten(const gdlab::InputError& error)
{
    return error.detail() + '@' + std::to_string(error.line()) + ':' + std::to_string(error.column());
}

std::string outcome(std::string_view text, const gdlab::CsvOptions& options)
{
    try {
        return flatten(gdlab::CsvReader::parse(text, "fuzz.csv", options));
    } catch (const gdlab::InputError& error) {
        return flatten(error);
    }
}

void checkSplitAgrees(std::string_view text, std::uint8_t selector)
{
    gdlab::CsvOptions single = csvOptions(selector);
    single.threads = 1;
    gdlab::CsvOptions split = csvOptions(selector);
    split.threads = 2;
    split.blockBytes = 1 + text.size() % 16;
    FUZZ_CHECK(outcome(text, single) == outcome(text, split));
}

// The scratch file every input is written to for the streaming reader: one per process, removed at exit.
const std::string& scratchPath()
{
    static const std::string path = [] {
        const std::string name = "gdlab_fuzz_stream_" + std::to_string(::getpid()) + ".csv";
        std::string full = (std::filesystem::temp_directory_path() / name).string();
        std::atexit([] { std::remove(scratchPath().c_str()); });
        return full;
    }();
    return path;
}

void writeScratch(std::string_view text)
{
    std::FILE* file = std::fopen(scratchPath().c_str(), "wb");
    FUZZ_CHECK(file != nullptr);
    FUZZ_CHECK(std::fwrite(text.data(), 1, text.size(), file) == text.size());
    FUZZ_CHECK(std::fclose(file) == 0);
}

// The problem the rows give and the one their blocks fold into: both refused with the same message, or both
// built with the same shape; then a short descent on the folded one (the closed form from R under the sanitizers).
void checkFoldedProblem(const gdlab::Dataset& whole, const gdlab::Dataset& columns,
    const std::vector<Eigen::MatrixXd>& blocks, std::uint8_t selector)
{
    gdlab::ProblemSpec spec;
    spec.standardize = (selector & 0x40) != 0;
    spec.intercept = (selector & 0x80) == 0;
    std::string rowsError;
    std::optional<gdlab::Problem> rows;
    try {
        rows.emplace(whole, spec);
    } catch (const gdlab::InputError& error) {
        rowsError = error.detail();
    }
    std::string foldedError;
    std::optional<gdlab::Problem> folded;
    try {
        gdlab::ProblemAccumulator accumulator(columns, spec);
        for (const Eigen::MatrixXd& block : blocks)
            accumulator.add(block);
        folded.emplace(accumulator);
    } catch (const gdlab::InputError& error) {
        foldedError = error.detail();
    }
    if (!rows) {
        FUZZ_CHECK(!folded && foldedError == rowsError);
        return;
    }
    if (!folded) {
        // Only values whose squares overflow are refused by the folded problem alone (the rows' run refuses them
        // later, in prepareRun).
        FUZZ_CHECK(foldedError.find("too large") != std::string::npos);
        FUZZ_CHECK(
            !(rows->gram().allFinite() && rows->moment().allFinite() && std::isfinite(rows->targetSquaredNorm())));
        return;
    }
    FUZZ_CHECK(folded->sampleCount() == rows->sampleCount());
    FUZZ_CHECK(folded->parameterCount() == rows->parameterCount());
    FUZZ_CHECK(folded->parameterNames() == rows->parameterNames());
    FUZZ_CHECK(folded->hasIntercept() == rows->hasIntercept());
    gdlab::SolverSettings settings;
    settings.iterations = 5;
    gdlab::RunResult result;
    const gdlab::History history = gdlab::Solver(*folded, settings).runToEnd(&result);
    FUZZ_CHECK(history.size() == 1 && history.firstIteration() == result.iterations);
}

bool closeTo(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b)
{
    if (!a.allFinite() || !b.allFinite())
        return true; // overflowing sums are refused later, whatever their grouping
    return (a - b).cwiseAbs().maxCoeff() <= 1e-9 * std::max(1.0, a.cwiseAbs().maxCoeff());
}

// gdlab-run's path: the same stream with each block folded on the thread that parsed it (ProblemAccumulatorSink,
// merged in file order). It must end as the stream read above did (inBlocks: handed over in blocks, not whole): with
// the same error at the same place, with the file whole, or with the same rows folded as the blocks folded in order
// give (the same count and largest values exactly; the sums to rounding, since they are grouped otherwise).
void checkSinkAgrees(std::string_view text, std::uint8_t selector, const std::string& streamed, bool inBlocks,
    const gdlab::Dataset& columns, const std::vector<Eigen::MatrixXd>& blocks)
{
    gdlab::CsvOptions options = csvOptions(selector);
    options.threads = 2;
    options.blockBytes = 1 + text.size() % 16;
    const gdlab::ProblemSpec spec;
    gdlab::ProblemAccumulatorSink fold;
    std::optional<gdlab::Dataset> whole;
    std::string error;
    try {
        gdlab::CsvStreamReader reader(scratchPath(), options, 16 + text.size() % 64);
        whole = reader.read(
            [&](const gdlab::Dataset& names) { fold.start(gdlab::ProblemAccumulator(names, spec)); }, fold);
    } catch (const gdlab::InputError& refusal) {
        error = flatten(refusal);
    }
    if (!error.empty() || (!inBlocks && !whole)) {
        FUZZ_CHECK(error == streamed);
        return;
    }
    if (whole) {
        FUZZ_CHECK(!inBlocks && flatten(*whole) == streamed);
        return;
    }
    FUZZ_CHECK(inBlocks);
    gdlab::ProblemAccumulator inOrder(columns, spec);
    for (const Eigen::MatrixXd& block : blocks)
        inOrder.add(block);
    const gdlab::ProblemAccumulator& total = fold.total();
    FUZZ_CHECK(total.rowCount() == inOrder.rowCount());
    FUZZ_CHECK(total.largest() == inOrder.largest());
    FUZZ_CHECK(closeTo(total.sums(), inOrder.sums()));
    FUZZ_CHECK(closeTo(total.cross(), inOrder.cross()));
}

// The input streamed through CsvStreamReader from a file must give what the whole read gives.
void checkStreamAgrees(std::string_view text, std::uint8_t selector)
{
    gdlab::CsvOptions options = csvOptions(selector);
    options.threads = 2;
    options.blockBytes = 1 + text.size() % 16;
    writeScratch(text);
    const std::string expected = outcome(text, csvOptions(selector));
    gdlab::Dataset columns;
    std::vector<Eigen::MatrixXd> blocks;
    Eigen::Index rowCount = 0;
    std::string streamed;
    std::optional<gdlab::Dataset> whole;
    bool inBlocks = false;
    try {
        gdlab::CsvStreamReader reader(scratchPath(), options, 16 + text.size() % 64);
        whole = reader.read([&](const gdlab::Dataset& names) { columns = names; },
            [&](const Eigen::MatrixXd& block) {
                FUZZ_CHECK(block.cols() == columns.columnCount());
                blocks.push_back(block);
                rowCount += block.rows();
            });
        if (!whole) {
            inBlocks = true;
            Eigen::MatrixXd rows(rowCount, columns.columnCount());
            Eigen::Index at = 0;
            for (const Eigen::MatrixXd& block : blocks) {
                rows.middleRows(at, block.rows()) = block;
                at += block.rows();
            }
            whole.emplace(columns.columnNames(), rows, columns.source(), columns.skippedColumns());
        }
        streamed = flatten(*whole);
    } catch (const gdlab::InputError& error) {
        FUZZ_CHECK(error.source() == scratchPath());
        streamed = flatten(error);
        whole.reset();
    }
    FUZZ_CHECK(streamed == expected);
    checkSinkAgrees(text, selector, streamed, inBlocks, columns, blocks);
    if (whole && !blocks.empty())
        checkFoldedProblem(*whole, columns, blocks, selector);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::uint8_t selector = data[0];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    checkSplitAgrees(text, selector);
    checkStreamAgrees(text, selector);

    std::optional<gdlab::Dataset> dataset;
    try {
        dataset.emplace(gdlab::CsvReader::parse(text, "fuzz.csv", csvOptions(selector)));
    } catch (const gdlab::InputError& error) {
        // Every message names the file it is about.
        FUZZ_CHECK(error.source() == "fuzz.csv");
        FUZZ_CHECK(error.line() >= 0 && error.column() >= 0);
        return 0;
    }
    checkDataset(*dataset);
    runShortDescent(*dataset, selector);
    return 0;
}
