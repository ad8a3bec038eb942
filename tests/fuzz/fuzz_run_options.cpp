// libFuzzer target for parseRunOptions, the gdlab-run command line. The input is the argument vector with NUL
// bytes between the arguments ("data.csv\0--lr\00.1"); an empty input is an empty command line. An InputError is
// the expected answer to bad arguments; any other exception escapes and is reported by libFuzzer as a crash, and
// accepted options that break an invariant abort.

#include "dataset.h"
#include "input_error.h"
#include "loss.h"
#include "problem.h"
#include "run_options.h"
#include "solver.h"
#include "solver_settings.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace {

[[noreturn]] void invariantFailed(const char* condition, int line)
{
    std::fprintf(stderr, "fuzz_run_options.cpp:%d: invariant violated: %s\n", line, condition);
    std::abort();
}

#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            invariantFailed(#condition, __LINE__);                                                                     \
    } while (false)

std::vector<std::string> splitArguments(const char* data, std::size_t size)
{
    std::vector<std::string> arguments;
    if (size == 0)
        return arguments;
    const char* const end = data + size;
    for (;;) {
        const auto* nul = static_cast<const char*>(std::memchr(data, 0, static_cast<std::size_t>(end - data)));
        arguments.emplace_back(data, nul ? nul : end);
        if (!nul)
            return arguments;
        data = nul + 1;
    }
}

// Columns "x", "y", "z" and enough rows for any spec over them, to resolve --target and --features against.
const gdlab::Dataset& sampleDataset()
{
    static const gdlab::Dataset dataset = [] {
        Eigen::MatrixXd values(6, 3);
        values << 1, 2, 3.5, 2, 1, 5, 3, 5, 8.5, 4, 3, 11, 5, 8, 13.5, 6, 4, 17;
        return gdlab::Dataset({ "x", "y", "z" }, values, "sample.csv");
    }();
    return dataset;
}

void checkOptions(const gdlab::RunOptions& options)
{
    FUZZ_CHECK(options.help || !options.dataPath.empty());
    FUZZ_CHECK(!(options.json && options.historyPath == "-"));
    for (const std::string& feature : options.features)
        FUZZ_CHECK(!feature.empty());

    const gdlab::SolverSettings& solver = options.solver;
    FUZZ_CHECK(solver.learningRate > 0 && std::isfinite(solver.learningRate));
    FUZZ_CHECK(solver.iterations >= 0);
    FUZZ_CHECK(solver.batchSize >= 1);
    FUZZ_CHECK(solver.tolerance >= 0 && std::isfinite(solver.tolerance));
    FUZZ_CHECK(gdlab::parseMethod(gdlab::methodName(solver.method)) == solver.method);
    FUZZ_CHECK(gdlab::parseLoss(gdlab::lossName(solver.loss)) == solver.loss);
    if (solver.init == gdlab::InitKind::Values) {
        FUZZ_CHECK(!solver.initValues.empty());
        for (double value : solver.initValues)
            FUZZ_CHECK(std::isfinite(value));
    }
}

// What gdlab-run does next: resolve the columns, build the problem and validate the settings against it. Unknown
// columns and a start of the wrong size are InputErrors; anything else the parser accepted must be accepted here.
void applyToSample(const gdlab::RunOptions& options)
{
    const gdlab::Dataset& dataset = sampleDataset();
    gdlab::ProblemSpec spec;
    try {
        spec = gdlab::problemSpecFor(options, dataset);
    } catch (const gdlab::InputError&) {
        return;
    }
    FUZZ_CHECK(spec.target >= -1 && spec.target < dataset.columnCount());
    for (Eigen::Index feature : spec.features)
        FUZZ_CHECK(feature >= 0 && feature < dataset.columnCount());

    std::optional<gdlab::Problem> problem;
    try {
        problem.emplace(dataset, spec);
    } catch (const gdlab::InputError&) {
        return; // a target among the features, no feature and no intercept, ...
    }
    const gdlab::SolverSettings& settings = options.solver;
    if (settings.init == gdlab::InitKind::Values
        && settings.initValues.size() != static_cast<std::size_t>(problem->parameterCount()))
        return;
    // Outside any try: settings the parser accepted that the solver then rejects escape as a finding.
    gdlab::Solver::validate(*problem, settings);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::vector<std::string> arguments = splitArguments(reinterpret_cast<const char*>(data), size);
    gdlab::RunOptions options;
    try {
        options = gdlab::parseRunOptions(arguments);
    } catch (const gdlab::InputError& error) {
        FUZZ_CHECK(!error.detail().empty());
        return 0;
    }
    checkOptions(options);
    applyToSample(options);
    return 0;
}
