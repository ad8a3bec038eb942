// Throughput of the core: batch updates in the sufficient-statistics and the direct form (n = 10⁶, k = 10), the
// lean path's updates for k = 1 … 10 and every optimizer, logistic batch updates and Newton's optimum (n = 10⁶),
// building XᵀX, the closed form, one 200×200 error-surface grid, number parsing and CSV parsing on one and two
// threads. Figures go into the README.
#include "csv_reader.h"
#include "dataset.h"
#include "error_surface.h"
#include "history.h"
#include "least_squares.h"
#include "logistic_fit.h"
#include "loss_function.h"
#include "optimizer_settings.h"
#include "problem.h"
#include "solver.h"
#include "support/synthetic_dataset.h"

#include <benchmark/benchmark.h>

#include <charconv>
#include <cmath>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace {

constexpr Eigen::Index largeRows = 1'000'000;
constexpr Eigen::Index largeFeatures = 10;

using gdlab::test::syntheticDataset;

const gdlab::Dataset& largeDataset()
{
    static const gdlab::Dataset dataset = syntheticDataset(largeRows, largeFeatures);
    return dataset;
}

const gdlab::Problem& largeProblem()
{
    static const gdlab::Problem problem(largeDataset(), gdlab::ProblemSpec {});
    return problem;
}

void BM_BatchUpdatesSufficientStatistics(benchmark::State& state)
{
    const gdlab::Problem& problem = largeProblem();
    gdlab::SolverSettings settings;
    settings.learningRate = 0.05;
    settings.iterations = state.range(0);
    const gdlab::Solver solver(problem, settings);
    for (auto _ : state) {
        const gdlab::History history = solver.run();
        benchmark::DoNotOptimize(history.lossData());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.SetLabel("updates, n=1e6, k=10");
}
BENCHMARK(BM_BatchUpdatesSufficientStatistics)->Arg(10'000)->Unit(benchmark::kMillisecond);

// Issue "Live": a history of 10⁶ updates at k = 10 in at most 150 MB. The figure is the columns' bytes (what the
// window keeps per run); SGD also keeps the gradient each update used, for the update panel.
void BM_HistoryMemory(benchmark::State& state)
{
    static const gdlab::Problem problem(syntheticDataset(10'000, 10), gdlab::ProblemSpec {});
    gdlab::SolverSettings settings;
    settings.learningRate = 0.001;
    settings.iterations = 1'000'000;
    settings.tolerance = 0;
    settings.method = static_cast<gdlab::DescentMethod>(state.range(0));
    std::size_t bytes = 0;
    std::size_t rows = 0;
    for (auto _ : state) {
        const gdlab::History history = gdlab::Solver(problem, settings).run();
        bytes = history.memoryBytes();
        rows = history.size();
    }
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
    state.counters["rows"] = static_cast<double>(rows);
    state.SetLabel(settings.method == gdlab::DescentMethod::Batch ? "batch, k=10" : "sgd, k=10");
}
BENCHMARK(BM_HistoryMemory)
    ->Arg(static_cast<int>(gdlab::DescentMethod::Batch))
    ->Arg(static_cast<int>(gdlab::DescentMethod::Sgd))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// The lean path (Solver::runToEnd, what gdlab-run takes without --history): batch updates from the sufficient
// statistics keeping only the last state, for k = 1 … 10 features (p = k + 1 parameters) and every optimizer. n does
// not matter to an update (O(k²) each), so the problems are small; the lesson-sized rate keeps every run finite.
const gdlab::Problem& leanProblem(Eigen::Index features)
{
    static std::vector<std::unique_ptr<gdlab::Problem>> problems(11);
    auto& problem = problems[static_cast<std::size_t>(features)];
    if (!problem)
        problem = std::make_unique<gdlab::Problem>(syntheticDataset(10'000, features), gdlab::ProblemSpec {});
    return *problem;
}

constexpr long long leanUpdates = 1'000'000;

void BM_BatchUpdatesLean(benchmark::State& state)
{
    const Eigen::Index features = state.range(0);
    const auto kind = static_cast<gdlab::OptimizerKind>(state.range(1));
    gdlab::SolverSettings settings;
    settings.learningRate = kind == gdlab::OptimizerKind::Newton ? 0.5 : 0.01;
    settings.iterations = leanUpdates;
    settings.optimizer.kind = kind;
    const gdlab::Solver solver(leanProblem(features), settings);
    gdlab::RunResult result;
    for (auto _ : state) {
        const gdlab::History last = solver.runToEnd(&result);
        benchmark::DoNotOptimize(last.lossData());
    }
    if (result.reason != gdlab::StopReason::MaxIterations)
        state.SkipWithError("the run stopped early");
    state.SetItemsProcessed(state.iterations() * leanUpdates);
    state.SetLabel(std::string(gdlab::optimizerName(kind)) + ", k=" + std::to_string(features));
}
BENCHMARK(BM_BatchUpdatesLean)
    ->ArgsProduct({ { 1, 2, 5, 10 },
        { static_cast<long long>(gdlab::OptimizerKind::Gd), static_cast<long long>(gdlab::OptimizerKind::Momentum),
            static_cast<long long>(gdlab::OptimizerKind::Nesterov),
            static_cast<long long>(gdlab::OptimizerKind::AdaGrad),
            static_cast<long long>(gdlab::OptimizerKind::RmsProp), static_cast<long long>(gdlab::OptimizerKind::Adam),
            static_cast<long long>(gdlab::OptimizerKind::Newton) } })
    ->Unit(benchmark::kMillisecond);

// The textbook update θ ← θ − lr·(2/n)·Xᵀ(Xθ − y): two passes over the data per update.
void BM_BatchUpdatesDirect(benchmark::State& state)
{
    const gdlab::Problem& problem = largeProblem();
    const gdlab::LossFunction loss(problem, gdlab::LossKind::Mse);
    for (auto _ : state) {
        Eigen::VectorXd theta = Eigen::VectorXd::Zero(problem.parameterCount());
        for (long long k = 0; k < state.range(0); ++k)
            theta -= 0.05 * loss.evaluateDirect(theta).gradient;
        benchmark::DoNotOptimize(theta.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.SetLabel("updates, n=1e6, k=10");
}
BENCHMARK(BM_BatchUpdatesDirect)->Arg(20)->Unit(benchmark::kMillisecond);

// A 0/1 target drawn from the logistic model at θ = (0.5, ±0.3, …) over standard normal features: not separable.
gdlab::Dataset classesDataset(Eigen::Index rows, Eigen::Index features)
{
    gdlab::Dataset numbers = syntheticDataset(rows, features);
    Eigen::MatrixXd values = numbers.values();
    std::mt19937_64 generator(11);
    std::uniform_real_distribution<double> uniform;
    for (Eigen::Index i = 0; i < rows; ++i) {
        double z = 0.5;
        for (Eigen::Index j = 0; j < features; ++j)
            z += (j % 2 ? -0.3 : 0.3) * values(i, j);
        values(i, features) = uniform(generator) < 1.0 / (1.0 + std::exp(-z)) ? 1.0 : 0.0;
    }
    return gdlab::Dataset(numbers.columnNames(), values, "classes");
}

const gdlab::Problem& classesProblem(Eigen::Index rows, Eigen::Index features)
{
    static std::vector<std::unique_ptr<gdlab::Problem>> problems(24);
    auto& problem = problems[static_cast<std::size_t>(features + (rows == largeRows ? 12 : 0))];
    if (!problem)
        problem = std::make_unique<gdlab::Problem>(classesDataset(rows, features), gdlab::ProblemSpec {});
    return *problem;
}

// Logistic batch descent: no sufficient statistics, so every update is one pass over the rows (z, p, loss, gradient
// and accuracy together), n = 10⁶ and a lesson's n = 100. The lean path, as gdlab-run without --history; items are
// rows, so the rate is rows per second, and updates per second are that over n.
void BM_LogisticBatchUpdates(benchmark::State& state)
{
    const Eigen::Index rows = state.range(0);
    const Eigen::Index features = state.range(1);
    gdlab::SolverSettings settings;
    settings.model = gdlab::ModelKind::Logistic;
    settings.learningRate = 0.5;
    settings.iterations = rows == largeRows ? 20 : 100'000;
    const gdlab::Solver solver(classesProblem(rows, features), settings);
    for (auto _ : state) {
        const gdlab::History last = solver.runToEnd();
        benchmark::DoNotOptimize(last.lossData());
    }
    state.SetItemsProcessed(state.iterations() * settings.iterations * rows);
    state.SetLabel("rows (" + std::to_string(settings.iterations) + " updates), n=" + std::to_string(rows)
        + ", k=" + std::to_string(features));
}
BENCHMARK(BM_LogisticBatchUpdates)
    ->Args({ largeRows, 1 })
    ->Args({ largeRows, 10 })
    ->Args({ 100, 2 })
    ->Unit(benchmark::kMillisecond);

// The logistic model's reference optimum: Newton's method from zeros with the separation checks, n = 10⁶, k = 10.
void BM_LogisticOptimum(benchmark::State& state)
{
    const gdlab::Problem& problem = classesProblem(largeRows, largeFeatures);
    int steps = 0;
    for (auto _ : state) {
        const gdlab::LogisticFit fit = gdlab::fitLogistic(problem);
        steps = fit.iterations;
        benchmark::DoNotOptimize(fit.theta.data());
    }
    state.SetLabel(std::to_string(steps) + " Newton steps, n=1e6, k=10");
}
BENCHMARK(BM_LogisticOptimum)->Unit(benchmark::kMillisecond);

void BM_BuildProblem(benchmark::State& state)
{
    const gdlab::Dataset& dataset = largeDataset();
    for (auto _ : state) {
        gdlab::Problem problem(dataset, gdlab::ProblemSpec {});
        benchmark::DoNotOptimize(problem.gram().data());
    }
    state.SetLabel("design, XᵀX, Xᵀy and least squares, n=1e6, k=10");
}
BENCHMARK(BM_BuildProblem)->Unit(benchmark::kMillisecond);

// The closed form alone: fitLeastSquares() on a problem that already holds XᵀX and Xᵀy. On these well-conditioned rows
// that is the Cholesky R of the scaled XᵀX and one refining pass over the rows on two threads (wall time), where it was
// the column-scaled QR of the design matrix (SemiNormalLeastSquares, RefinedLeastSquares).
void BM_ClosedForm(benchmark::State& state)
{
    const gdlab::Problem& problem = largeProblem();
    for (auto _ : state) {
        const gdlab::LeastSquaresFit fit = gdlab::fitLeastSquares(problem);
        benchmark::DoNotOptimize(fit.theta.data());
    }
    state.SetLabel("fitLeastSquares, n=1e6, k=10");
}
BENCHMARK(BM_ClosedForm)->Unit(benchmark::kMillisecond)->UseRealTime();

// The floor any closed form over rows in memory stands on: one pass reading X and y once (Σ of every value, four
// independent sums per column so that the compiler vectorises and the adds do not wait on each other). The sums
// reach DoNotOptimize, so the reads cannot be dropped.
void BM_ReadFloor(benchmark::State& state)
{
    const gdlab::Problem& problem = largeProblem();
    const Eigen::MatrixXd& design = problem.design();
    const Eigen::VectorXd& target = problem.target();
    const auto sumOf = [](const double* values, Eigen::Index size) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        Eigen::Index i = 0;
        for (; i + 4 <= size; i += 4) {
            s0 += values[i];
            s1 += values[i + 1];
            s2 += values[i + 2];
            s3 += values[i + 3];
        }
        for (; i < size; ++i)
            s0 += values[i];
        return (s0 + s1) + (s2 + s3);
    };
    for (auto _ : state) {
        double total = sumOf(target.data(), target.size());
        for (Eigen::Index j = 0; j < design.cols(); ++j)
            total += sumOf(design.col(j).data(), design.rows());
        benchmark::DoNotOptimize(total);
    }
    const auto bytes = static_cast<long long>(sizeof(double)) * (design.size() + target.size());
    state.SetBytesProcessed(state.iterations() * bytes);
    state.SetLabel("one read of X and y, n=1e6, k=10");
}
BENCHMARK(BM_ReadFloor)->Unit(benchmark::kMillisecond);

const std::vector<std::string>& seventeenDigitNumbers()
{
    static const std::vector<std::string> numbers = [] {
        std::mt19937_64 generator(5);
        std::uniform_real_distribution<double> uniform(-1000, 1000);
        std::vector<std::string> out;
        char cell[32];
        for (int i = 0; i < 100'000; ++i) {
            const int length = std::snprintf(cell, sizeof cell, "%.17g", uniform(generator));
            out.emplace_back(cell, static_cast<std::size_t>(length));
        }
        return out;
    }();
    return numbers;
}

void BM_NumberFromChars(benchmark::State& state)
{
    const std::vector<std::string>& numbers = seventeenDigitNumbers();
    std::size_t bytes = 0;
    for (const std::string& number : numbers)
        bytes += number.size();
    for (auto _ : state) {
        double sum = 0;
        for (const std::string& number : numbers) {
            double value = 0;
            std::from_chars(number.data(), number.data() + number.size(), value);
            sum += value;
        }
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<long long>(numbers.size()));
    state.SetBytesProcessed(state.iterations() * static_cast<long long>(bytes));
    state.SetLabel("std::from_chars, 17 digits");
}
BENCHMARK(BM_NumberFromChars)->Unit(benchmark::kMicrosecond);

void BM_SurfaceGrid200(benchmark::State& state)
{
    const gdlab::Problem& problem = largeProblem();
    const Eigen::VectorXd base = problem.leastSquaresTheta();
    const gdlab::SurfaceAxis x { 0, base[0] - 2, base[0] + 2, 200 };
    const gdlab::SurfaceAxis y { 1, base[1] - 2, base[1] + 2, 200 };
    for (auto _ : state) {
        const gdlab::SurfaceGrid grid = gdlab::computeSurface(problem, gdlab::LossKind::Mse, base, x, y);
        benchmark::DoNotOptimize(grid.values.data());
    }
    state.SetItemsProcessed(state.iterations() * 200 * 200);
    state.SetLabel("cells");
}
BENCHMARK(BM_SurfaceGrid200)->Unit(benchmark::kMicrosecond);

void BM_CsvParse(benchmark::State& state)
{
    static const std::string text = [] {
        std::mt19937_64 generator(3);
        std::uniform_real_distribution<double> uniform(-1000, 1000);
        std::string out = "x1,x2,x3,x4,x5,x6,x7,x8,x9,x10,y\n";
        char cell[32];
        for (int row = 0; row < 1'000'000; ++row) {
            for (int column = 0; column < 11; ++column) {
                const int length = std::snprintf(cell, sizeof cell, "%.17g", uniform(generator));
                out.append(cell, static_cast<std::size_t>(length));
                out += column == 10 ? '\n' : ',';
            }
        }
        return out;
    }();
    gdlab::CsvOptions options;
    options.threads = static_cast<unsigned>(state.range(0));
    for (auto _ : state) {
        const gdlab::Dataset dataset = gdlab::CsvReader::parse(text, "bench.csv", options);
        benchmark::DoNotOptimize(dataset.values().data());
    }
    state.SetBytesProcessed(state.iterations() * static_cast<long long>(text.size()));
    state.SetLabel("1e6 rows x 11 columns, 17 digits, threads");
}
BENCHMARK(BM_CsvParse)->Unit(benchmark::kMillisecond)->Iterations(3)->Arg(1)->Arg(2)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
