// The batch solver's packed loops against the plain arithmetic: every optimizer's step, vectors of two and of four
// coordinates at a time, against the rules of issue 12 written out one coordinate at a time (bit for bit over
// 40,000 updates, past the update where Adam's bias corrections become 1); and whole runs with the processor's wider
// vectors (AVX2) against runs without them, state by state, for 1 to 12 parameters; and Newton's padded products,
// in vectors, against their sums written out in the test.
#include "batch_descent.h"
#include "dataset.h"
#include "history.h"
#include "optimizer_settings.h"
#include "optimizer_step.h"
#include "problem.h"
#include "quadratic_kernel.h"
#include "solver.h"
#include "support/synthetic_dataset.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <vector>

namespace tst_batch_descent {

using gdlab::History;
using gdlab::OptimizerKind;
using gdlab::RunResult;
using gdlab::Solver;
using gdlab::SolverSettings;

namespace {

constexpr OptimizerKind stepOptimizers[] = { OptimizerKind::Gd, OptimizerKind::Momentum, OptimizerKind::Nesterov,
    OptimizerKind::AdaGrad, OptimizerKind::RmsProp, OptimizerKind::Adam };

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// The rules of issue 12, one coordinate at a time, with 1 − βᵗ from std::pow at every update.
struct ScalarRule {
    gdlab::OptimizerSettings settings;
    double learningRate;
    std::vector<double> v, m, s;
    long long t = 0;

    void apply(std::vector<double>& theta, const std::vector<double>& g)
    {
        ++t;
        const double mu = settings.momentum;
        const double b1 = settings.beta1;
        const double b2 = settings.beta2;
        const double rho = settings.rho;
        const double eps = settings.effectiveEpsilon();
        for (std::size_t i = 0; i < theta.size(); ++i) {
            switch (settings.kind) {
            case OptimizerKind::Gd:
                theta[i] -= learningRate * g[i];
                break;
            case OptimizerKind::Momentum:
            case OptimizerKind::Nesterov:
                v[i] = mu * v[i] + g[i];
                theta[i] -= learningRate * (settings.kind == OptimizerKind::Nesterov ? g[i] + mu * v[i] : v[i]);
                break;
            case OptimizerKind::AdaGrad:
            case OptimizerKind::RmsProp:
                s[i] = settings.kind == OptimizerKind::AdaGrad ? s[i] + g[i] * g[i]
                                                               : rho * s[i] + (1 - rho) * g[i] * g[i];
                theta[i] -= learningRate * g[i] / (std::sqrt(s[i]) + eps);
                break;
            case OptimizerKind::Adam: {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                s[i] = b2 * s[i] + (1 - b2) * g[i] * g[i];
                const double c1 = 1 - std::pow(b1, static_cast<double>(t));
                const double c2 = 1 - std::pow(b2, static_cast<double>(t));
                theta[i] -= learningRate * (m[i] / c1) / (std::sqrt(s[i] / c2) + eps);
                break;
            }
            case OptimizerKind::Newton:
                break;
            }
        }
    }
};

// A gradient that changes sign and scale over the run, different for every coordinate.
void gradientAt(long long t, std::vector<double>& g)
{
    for (std::size_t i = 0; i < g.size(); ++i)
        g[i] = std::sin(1e-3 * static_cast<double>(t) * static_cast<double>(i + 1) + static_cast<double>(i))
            * std::pow(10.0, static_cast<double>(i % 5) - 2.0);
}

// The packed step (lanes of L) against the scalar rule, for P coordinates; empty when they agree.
template <int P, int L> QString compareSteps(OptimizerKind kind)
{
    gdlab::OptimizerSettings settings;
    settings.kind = kind;
    const double rate = 0.01;
    gdlab::OptimizerStep packed(settings, rate, P);
    ScalarRule scalar { settings, rate, std::vector<double>(P), std::vector<double>(P), std::vector<double>(P) };
    std::vector<double> theta(P, 0.5);
    std::vector<double> expected = theta;
    std::vector<double> g(P);
    for (long long t = 1; t <= 40'000; ++t) {
        gradientAt(t, g);
        packed.apply(gdlab::kernel::FixedCount<P, L> {}, theta.data(), g.data());
        scalar.apply(expected, g);
        for (int i = 0; i < P; ++i)
            if (!sameBits(theta[static_cast<std::size_t>(i)], expected[static_cast<std::size_t>(i)]))
                return QString("%1, %2 lanes, update %3, θ%4: %5, rule %6")
                    .arg(gdlab::optimizerName(kind))
                    .arg(L)
                    .arg(t)
                    .arg(i)
                    .arg(theta[static_cast<std::size_t>(i)], 0, 'g', 17)
                    .arg(expected[static_cast<std::size_t>(i)], 0, 'g', 17);
    }
    return {};
}

template <int P> QString compareStepsBothWidths(OptimizerKind kind)
{
    QString difference = compareSteps<P, 2>(kind);
    return difference.isEmpty() ? compareSteps<P, 4>(kind) : difference;
}

// The same run twice, with and without the wider vectors: every recorded state and the lean path's last one.
QString compareWidths(const gdlab::Problem& problem, const SolverSettings& settings)
{
    const Solver solver(problem, settings);
    RunResult results[2];
    History histories[2];
    History lasts[2];
    for (int wide = 0; wide < 2; ++wide) {
        gdlab::BatchDescent::allowWideVectors(wide == 1);
        histories[wide] = solver.run(&results[wide]);
        RunResult lean;
        lasts[wide] = solver.runToEnd(&lean);
        if (!(lean == results[wide]))
            return "the lean path ends elsewhere";
    }
    gdlab::BatchDescent::allowWideVectors(true);
    if (!(results[0] == results[1]) || histories[0].size() != histories[1].size())
        return QString("runs end at %1 and %2").arg(results[0].iterations).arg(results[1].iterations);
    for (std::size_t row = 0; row < histories[0].size(); ++row) {
        bool same = sameBits(histories[0].loss(row), histories[1].loss(row))
            && sameBits(histories[0].gradientNorm(row), histories[1].gradientNorm(row));
        for (Eigen::Index i = 0; i < problem.parameterCount(); ++i)
            same = same && sameBits(histories[0].theta(row)[i], histories[1].theta(row)[i]);
        if (!same)
            return QString("state %1 differs").arg(row);
    }
    for (Eigen::Index i = 0; i < problem.parameterCount(); ++i)
        if (!sameBits(lasts[0].theta(0)[i], lasts[1].theta(0)[i])
            || !sameBits(lasts[0].theta(0)[i], histories[0].theta(histories[0].size() - 1)[i]))
            return QString("the lean path's θ%1 differs").arg(i);
    return {};
}

// k features from the synthetic set; with a duplicate, the last feature repeats the first (singular Hessian).
gdlab::Dataset featureSet(Eigen::Index features, bool duplicate)
{
    gdlab::Dataset data = gdlab::test::syntheticDataset(200, features, 0.1, 0.5);
    if (!duplicate || features < 2)
        return data;
    Eigen::MatrixXd values = data.values();
    values.col(features - 1) = values.col(0);
    return gdlab::Dataset(data.columnNames(), values, "duplicate");
}

// Σᵢ δᵢ·(column i) as two sums, one over the even i and one over the odd i, each from 0 upwards, added, then
// times the factor: the order kernel::addPaddedColumns promises, written out for P, from columns padded to R rows.
template <int P, int L> QString comparePaddedProducts()
{
    constexpr int rows = gdlab::kernel::paddedRows(P);
    std::vector<double> columns(static_cast<std::size_t>(rows * P), 0.0);
    std::vector<double> delta(P);
    std::vector<double> factors(P);
    for (int i = 0; i < P; ++i) {
        delta[static_cast<std::size_t>(i)] = std::sin(1.7 * i + 0.3) * std::pow(10.0, i % 3);
        factors[static_cast<std::size_t>(i)] = 1.0 / (3.0 + i);
        for (int j = 0; j < P; ++j)
            columns[static_cast<std::size_t>(i * rows + j)] = std::cos(0.9 * i - 1.3 * j) * std::pow(10.0, -(j % 4));
    }
    for (const bool scaled : { false, true }) {
        std::vector<double> packed(P);
        gdlab::kernel::addPaddedColumnVectors<P, L>(
            columns.data(), delta.data(), scaled ? factors.data() : nullptr, packed.data());
        for (int j = 0; j < P; ++j) {
            double even = 0;
            double odd = 0;
            for (int i = 0; i < P; ++i)
                (i % 2 == 0 ? even : odd)
                    += columns[static_cast<std::size_t>(i * rows + j)] * delta[static_cast<std::size_t>(i)];
            const double expected = scaled ? (even + odd) * factors[static_cast<std::size_t>(j)] : even + odd;
            if (!sameBits(packed[static_cast<std::size_t>(j)], expected))
                return QString("%1 sums in lanes of %2%3, sum %4: %5, written out %6")
                    .arg(P)
                    .arg(L)
                    .arg(scaled ? ", scaled" : "")
                    .arg(j)
                    .arg(packed[static_cast<std::size_t>(j)], 0, 'g', 17)
                    .arg(expected, 0, 'g', 17);
        }
    }
    return {};
}

} // namespace

class TestBatchDescent : public QObject {
    Q_OBJECT

private slots:
    void packedStepsFollowTheRules_data();
    void packedStepsFollowTheRules();
    void widerVectorsGiveTheSameBits_data();
    void widerVectorsGiveTheSameBits();
    void paddedProductsKeepTheirOrder();
};

void TestBatchDescent::packedStepsFollowTheRules_data()
{
    QTest::addColumn<int>("optimizer");
    for (const OptimizerKind kind : stepOptimizers)
        QTest::addRow("%s", gdlab::optimizerName(kind)) << static_cast<int>(kind);
}

void TestBatchDescent::packedStepsFollowTheRules()
{
    QFETCH(int, optimizer);
    const auto kind = static_cast<OptimizerKind>(optimizer);
    // 1 to 11 coordinates: whole vectors only, a pair left, a single left, both.
    for (const QString& difference : { compareStepsBothWidths<1>(kind), compareStepsBothWidths<2>(kind),
             compareStepsBothWidths<3>(kind), compareStepsBothWidths<4>(kind), compareStepsBothWidths<5>(kind),
             compareStepsBothWidths<6>(kind), compareStepsBothWidths<7>(kind), compareStepsBothWidths<11>(kind) })
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestBatchDescent::widerVectorsGiveTheSameBits_data()
{
    QTest::addColumn<int>("optimizer");
    QTest::addColumn<double>("rateFactor");
    for (const OptimizerKind kind : { OptimizerKind::Gd, OptimizerKind::Momentum, OptimizerKind::Nesterov,
             OptimizerKind::AdaGrad, OptimizerKind::RmsProp, OptimizerKind::Adam, OptimizerKind::Newton })
        for (const double factor : { 1.0, 1e3 }) // 1e3: the run diverges (past the loss limit, or to infinity)
            QTest::addRow("%s, rate ×%g", gdlab::optimizerName(kind), factor) << static_cast<int>(kind) << factor;
}

void TestBatchDescent::widerVectorsGiveTheSameBits()
{
    if (!gdlab::BatchDescent::usesWideVectors())
        QSKIP("this processor has no AVX2: there is only one loop to run");
    QFETCH(int, optimizer);
    QFETCH(double, rateFactor);
    for (Eigen::Index features = 0; features <= 11; ++features)
        for (const bool duplicate : { false, true }) {
            const gdlab::Problem problem(featureSet(features, duplicate), gdlab::ProblemSpec {});
            SolverSettings settings;
            settings.optimizer.kind = static_cast<OptimizerKind>(optimizer);
            settings.learningRate = rateFactor * (settings.optimizer.kind == OptimizerKind::Newton ? 0.5 : 0.01);
            settings.iterations = 3000;
            const QString difference = compareWidths(problem, settings);
            QVERIFY2(difference.isEmpty(),
                qPrintable(QString("k = %1%2: %3").arg(features).arg(duplicate ? " (duplicate)" : "").arg(difference)));
        }
}

void TestBatchDescent::paddedProductsKeepTheirOrder()
{
    for (const QString& difference : { comparePaddedProducts<1, 2>(), comparePaddedProducts<2, 2>(),
             comparePaddedProducts<3, 2>(), comparePaddedProducts<3, 4>(), comparePaddedProducts<5, 4>(),
             comparePaddedProducts<6, 4>(), comparePaddedProducts<7, 4>(), comparePaddedProducts<8, 4>(),
             comparePaddedProducts<11, 2>(), comparePaddedProducts<11, 4>(), comparePaddedProducts<12, 4>() })
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    // The scalar form, which counts the parameters at run time, is the same sums.
    constexpr int p = 11;
    std::vector<double> columns(static_cast<std::size_t>(gdlab::kernel::paddedRows(p) * p));
    for (std::size_t k = 0; k < columns.size(); ++k)
        columns[k] = std::sin(0.37 * static_cast<double>(k));
    std::vector<double> delta(p);
    for (std::size_t i = 0; i < delta.size(); ++i)
        delta[i] = std::cos(1.1 * static_cast<double>(i)) * 1e3;
    std::vector<double> packed(p);
    std::vector<double> scalar(p);
    gdlab::kernel::addPaddedColumnVectors<p, 4>(columns.data(), delta.data(), delta.data(), packed.data());
    gdlab::kernel::addPaddedColumns(p, columns.data(), delta.data(), delta.data(), scalar.data());
    for (std::size_t j = 0; j < packed.size(); ++j)
        QVERIFY2(sameBits(packed[j], scalar[j]), qPrintable(QString("sum %1").arg(j)));
}

} // namespace tst_batch_descent

QTEST_MAIN(tst_batch_descent::TestBatchDescent)
#include "tst_batch_descent.moc"
