// Golden tests: every built-in lesson run through the same code path as the CLI (CsvReader → runDescent),
// compared with the tutorials' published numbers and with independent loops written here.
#include "csv_reader.h"
#include "dataset.h"
#include "lesson.h"
#include "optimizer_bounds.h"
#include "race_entry.h"
#include "run.h"
#include "support/recorded_run.h"

#include <QtTest>

#include <cmath>
#include <set>
#include <string>

namespace tst_lesson_golden {

using gdlab::Dataset;
using gdlab::Lesson;
using gdlab::StopReason;
using gdlab::test::RecordedRun;

namespace {

const Lesson& lessonNamed(const std::string& name)
{
    const Lesson* lesson = gdlab::findLesson(name);
    if (!lesson)
        qFatal("no lesson %s", name.c_str());
    return *lesson;
}

Dataset lessonData(const Lesson& lesson)
{
    return gdlab::CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/" + lesson.fileName);
}

RecordedRun runLesson(const std::string& name)
{
    const Lesson& lesson = lessonNamed(name);
    const Dataset data = lessonData(lesson);
    return gdlab::test::recordDescent(data, lesson.problem, lesson.solver, lesson.useOptimalRate);
}

bool closeRelative(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::abs(expected);
}

bool closeRelative(const Eigen::VectorXd& actual, const Eigen::VectorXd& expected, double tolerance)
{
    if (actual.size() != expected.size())
        return false;
    for (Eigen::Index i = 0; i < actual.size(); ++i)
        if (!closeRelative(actual[i], expected[i], tolerance))
            return false;
    return true;
}

QByteArray describe(const Eigen::VectorXd& actual, const Eigen::VectorXd& expected)
{
    QString text;
    for (Eigen::Index i = 0; i < std::min(actual.size(), expected.size()); ++i)
        text += QStringLiteral("[%1] %2 vs %3\n").arg(i).arg(actual[i], 0, 'g', 17).arg(expected[i], 0, 'g', 17);
    return text.toUtf8();
}

#define COMPARE_VECTORS(actual, expected, tolerance)                                                                   \
    QVERIFY2(closeRelative((actual), (expected), (tolerance)), describe((actual), (expected)).constData())

} // namespace

class TestLessonGolden : public QObject {
    Q_OBJECT

private slots:
    void catalog();
    void everyLessonRuns_data();
    void everyLessonRuns();
    void fivePoints();
    void fivePointsRss();
    void twoFeaturesN50();
    void twoFeaturesN100();
    void threeFeaturesSgd();
    void nistNorris();
    void theRavineSaysWhatItShows();
    void logisticHomework();
    void examHours();
    void separableHours();
};

void TestLessonGolden::catalog()
{
    const auto& lessons = gdlab::lessonCatalog();
    QCOMPARE(lessons.front().name, std::string("five_points")); // the default
    const std::set<std::string> expected { "five_points", "five_points_rss", "two_features_n50", "two_features_n100",
        "three_features_ints_n20", "nist_norris", "the_marble", "the_ravine", "one_newton_step", "logistic_homework",
        "exam_hours", "separable_hours" };
    std::set<std::string> names;
    for (const Lesson& lesson : lessons) {
        QVERIFY2(names.insert(lesson.name).second, lesson.name.c_str()); // unique
        QCOMPARE(gdlab::findLesson(lesson.name), &lesson);
        QVERIFY(!lesson.title.empty());
        QVERIFY(!lesson.description.empty());
        QVERIFY2(QFile::exists(QString::fromStdString(std::string(GDLAB_LESSON_DIR) + "/" + lesson.fileName)),
            lesson.fileName.c_str());
        for (long long ghost : lesson.ghostIterations)
            QVERIFY2(ghost >= 0 && ghost <= lesson.solver.iterations, lesson.name.c_str());
    }
    QCOMPARE(names, expected);
    QCOMPARE(gdlab::findLesson("no_such_lesson"), nullptr);
}

void TestLessonGolden::everyLessonRuns_data()
{
    QTest::addColumn<QString>("name");
    for (const Lesson& lesson : gdlab::lessonCatalog())
        QTest::addRow("%s", lesson.name.c_str()) << QString::fromStdString(lesson.name);
}

void TestLessonGolden::everyLessonRuns()
{
    QFETCH(QString, name);
    const Lesson& lesson = lessonNamed(name.toStdString());
    const RecordedRun run = runLesson(lesson.name);
    QCOMPARE(run.result.reason, StopReason::MaxIterations);
    QCOMPARE(run.result.iterations, lesson.solver.iterations);
    QCOMPARE(static_cast<long long>(run.states.size()), lesson.solver.iterations + 1);
    QVERIFY(!run.leastSquares.rankDeficient);
    // Below the bound of the lesson's own optimizer (gd's 2/λmax, momentum's 2(1+μ)/λmax, Newton's 2).
    const gdlab::OptimizerBounds bounds = gdlab::optimizerBounds(run.stability, run.settings.optimizer);
    QVERIFY(!bounds.hasBound || run.settings.learningRate < bounds.divergenceBound
        || lesson.solver.method != gdlab::DescentMethod::Batch);
    if (!lesson.race.empty())
        QCOMPARE(gdlab::parseRace(lesson.race).front().optimizer.kind, lesson.solver.optimizer.kind);
    for (const auto& state : run.states)
        QVERIFY(state.theta.allFinite() && std::isfinite(state.loss));
    // Every lesson ends closer to its model's optimum than it started (the separable one has none).
    if (const Eigen::VectorXd* optimum = run.optimum())
        QVERIFY((run.states.back().theta - *optimum).norm() < (run.states.front().theta - *optimum).norm());
    QVERIFY(run.states.back().loss < run.states.front().loss);
}

void TestLessonGolden::fivePoints()
{
    const RecordedRun run = runLesson("five_points");
    COMPARE_VECTORS(run.states[0].theta, Eigen::Vector2d(0.75, 0.48), 0.0);
    COMPARE_VECTORS(run.states[1].theta, Eigen::Vector2d(0.7662, 0.5414), 1e-12);
    COMPARE_VECTORS(run.states[10].theta, Eigen::Vector2d(0.8094368934859253, 0.7232754423544987), 1e-12);
    COMPARE_VECTORS(run.leastSquares.theta, Eigen::Vector2d(0.6, 0.8), 1e-13);
    COMPARE_VECTORS(run.leastSquares.thetaOriginal, Eigen::Vector2d(0.6, 0.8), 1e-13);
    QCOMPARE(run.settings.learningRate, 0.01);
    // The ghosts at 10, 100 and 1000 steps get nearer to least squares each time.
    const Eigen::Vector2d optimum(0.6, 0.8);
    QVERIFY((run.states[100].theta - optimum).norm() < (run.states[10].theta - optimum).norm());
    QVERIFY((run.states[1000].theta - optimum).norm() < (run.states[100].theta - optimum).norm());
    QVERIFY((run.states[1000].theta - optimum).norm() < 0.01);
}

void TestLessonGolden::fivePointsRss()
{
    const RecordedRun run = runLesson("five_points_rss");
    const Eigen::MatrixXd& x = run.problem->design();
    const Eigen::VectorXd& y = run.problem->target();
    Eigen::VectorXd theta = Eigen::Vector2d(0.0, 0.0);
    for (std::size_t k = 0; k < run.states.size(); ++k) {
        COMPARE_VECTORS(run.states[k].theta, theta, 1e-10);
        QVERIFY(closeRelative(run.states[k].loss, (x * theta - y).squaredNorm(), 1e-10));
        theta -= 0.0001 * (2.0 * (x.transpose() * (x * theta - y)));
    }
}

void TestLessonGolden::twoFeaturesN50()
{
    const RecordedRun run = runLesson("two_features_n50");
    QCOMPARE(run.states.size(), std::size_t(100001));
    QCOMPARE(run.settings.learningRate, 0.001);
    // The seeded random start is the same every time.
    QCOMPARE(runLesson("two_features_n50").states.front().theta, run.states.front().theta);
    QVERIFY(run.states.front().theta != Eigen::VectorXd::Zero(3));

    const Eigen::Vector3d published(5.02609659, 2.09905363, -0.55519427);
    for (Eigen::Index i = 0; i < 3; ++i) {
        // The closed form matches the published normal equation to its 8 decimals ...
        QVERIFY2(std::abs(run.leastSquares.thetaOriginal[i] - published[i]) <= 6e-9,
            describe(run.leastSquares.thetaOriginal, published).constData());
        // ... and so does descent after 100,000 steps (it gets within about 1e-12 of the closed form).
        QVERIFY2(std::abs(run.states.back().theta[i] - published[i]) <= 6e-9,
            describe(run.states.back().theta, published).constData());
    }
    QVERIFY2((run.states.back().theta - run.leastSquares.theta).cwiseAbs().maxCoeff() <= 1e-9,
        describe(run.states.back().theta, run.leastSquares.theta).constData());
}

void TestLessonGolden::twoFeaturesN100()
{
    const RecordedRun run = runLesson("two_features_n100");
    QCOMPARE(run.states.size(), std::size_t(401));
    // The tutorial prints the RMSE after every update: it falls every step.
    for (std::size_t k = 1; k < run.states.size(); ++k)
        QVERIFY2(run.states[k].rmse < run.states[k - 1].rmse, qPrintable(QString::number(k)));

    // Its loop: θ ← θ − 0.1 · (2/m)·Xᵀ(Xθ − y), from zeros.
    const Eigen::MatrixXd& x = run.problem->design();
    const Eigen::VectorXd& y = run.problem->target();
    const double m = double(x.rows());
    QCOMPARE(m, 100.0);
    Eigen::VectorXd theta = Eigen::VectorXd::Zero(3);
    for (std::size_t k = 0; k < run.states.size(); ++k) {
        const Eigen::VectorXd residual = x * theta - y;
        QVERIFY2(closeRelative(run.states[k].theta, theta, 1e-10),
            qPrintable(QStringLiteral("iteration %1\n").arg(k) + describe(run.states[k].theta, theta)));
        QVERIFY(closeRelative(run.states[k].rmse, std::sqrt(residual.squaredNorm() / m), 1e-10));
        theta -= 0.1 * ((2.0 / m) * (x.transpose() * residual));
    }
    QCOMPARE(run.states[0].theta, Eigen::VectorXd::Zero(3).eval());
    // Close to the generating (2, 3, 4) and to least squares after 400 steps.
    QVERIFY((run.states.back().theta - run.leastSquares.theta).norm() < 0.1);
}

void TestLessonGolden::threeFeaturesSgd()
{
    const Lesson& lesson = lessonNamed("three_features_ints_n20");
    const RecordedRun run = runLesson(lesson.name);
    const Eigen::MatrixXd& x = run.problem->design();
    const Eigen::VectorXd& y = run.problem->target();
    QCOMPARE(x.rows(), Eigen::Index(20));
    QCOMPARE(x.cols(), Eigen::Index(3)); // no intercept
    QCOMPARE(run.states.size(), std::size_t(20 * 1000 + 1));
    QCOMPARE(run.states.back().epoch, 1000LL);

    // The tutorial's loop: for each epoch, for each sample in file order, θ ← θ − lr·(x·θ − y)·x.
    Eigen::Vector3d theta = Eigen::Vector3d::Zero();
    std::size_t k = 0;
    for (int epoch = 0; epoch < 1000; ++epoch) {
        for (Eigen::Index i = 0; i < 20; ++i) {
            const Eigen::Vector3d sample = x.row(i).transpose();
            const double error = sample.dot(theta) - y[i];
            theta -= 0.0001 * error * sample;
            ++k;
            if (k % 20 == 0 || k < 40)
                QVERIFY2(closeRelative(run.states[k].theta, theta, 1e-10),
                    qPrintable(QStringLiteral("update %1\n").arg(k) + describe(run.states[k].theta, theta)));
        }
    }
    COMPARE_VECTORS(run.states.back().theta, theta, 1e-10);
    // Near the exact (1, 2, 1).
    QVERIFY2((run.states.back().theta - Eigen::Vector3d(1, 2, 1)).cwiseAbs().maxCoeff() < 1e-4,
        describe(run.states.back().theta, Eigen::Vector3d(1, 2, 1)).constData());
    COMPARE_VECTORS(run.leastSquares.theta, Eigen::Vector3d(1, 2, 1), 1e-9);
}

void TestLessonGolden::nistNorris()
{
    const RecordedRun run = runLesson("nist_norris");
    QVERIFY(run.problem->isStandardized());
    QCOMPARE(run.settings.learningRate, run.stability.optimalRate);
    QCOMPARE(run.states.size(), std::size_t(201));
    const Eigen::Vector2d certified(-0.262323073774029, 1.00211681802045);
    COMPARE_VECTORS(run.problem->toOriginalUnits(run.states.back().theta), certified, 1e-9);
    COMPARE_VECTORS(run.leastSquares.thetaOriginal, certified, 1e-10);
    QVERIFY(closeRelative(run.leastSquares.r2, 0.999993745883712, 1e-10));
}

// The ravine's sentence describes the race: gd's loss falls smoothly, momentum's (same rate, μ 0.9) goes up and
// down many times on its way (it once said the opposite).
void TestLessonGolden::theRavineSaysWhatItShows()
{
    const Lesson& lesson = lessonNamed("the_ravine");
    const Dataset data = lessonData(lesson);
    const auto rises = [&](gdlab::OptimizerKind kind) {
        gdlab::SolverSettings settings = lesson.solver;
        settings.optimizer.kind = kind;
        settings.optimizer.momentum = 0.9;
        const RecordedRun run = gdlab::test::recordDescent(data, lesson.problem, settings, false);
        int count = 0;
        for (std::size_t i = 1; i < run.states.size(); ++i)
            count += run.states[i].loss > run.states[i - 1].loss ? 1 : 0;
        return count;
    };
    const int gd = rises(gdlab::OptimizerKind::Gd);
    const int momentum = rises(gdlab::OptimizerKind::Momentum);
    QVERIFY2(gd <= 2, qPrintable(QString::number(gd)));
    QVERIFY2(momentum >= 10, qPrintable(QString::number(momentum)));
    QVERIFY(QString::fromStdString(lesson.description)
                .contains(QStringLiteral("Momentum 0.9 at the same rate overshoots")));
}

// The homework's target is a Bernoulli draw from σ(−3.5 + 3·x1 + 4·x2) with the linear lesson's own uniform noise
// u = y − (2 + 3·x1 + 4·x2) ∈ [0, 0.1): y = 1 when 10u < σ(…). Rebuilt here from two_features_n100.csv.
void TestLessonGolden::logisticHomework()
{
    const Dataset linear = gdlab::CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/two_features_n100.csv");
    const Lesson& lesson = lessonNamed("logistic_homework");
    const Dataset classes = lessonData(lesson);
    QCOMPARE(classes.rowCount(), linear.rowCount());
    int ones = 0;
    for (Eigen::Index row = 0; row < linear.rowCount(); ++row) {
        const double x1 = linear.values()(row, 0), x2 = linear.values()(row, 1);
        QCOMPARE(classes.values()(row, 0), x1);
        QCOMPARE(classes.values()(row, 1), x2);
        const double noise = 10 * (linear.values()(row, 2) - (2 + 3 * x1 + 4 * x2));
        const double p = 1 / (1 + std::exp(-(3 * x1 + 4 * x2 - 3.5)));
        QCOMPARE(classes.values()(row, 2), noise < p ? 1.0 : 0.0);
        ones += noise < p ? 1 : 0;
    }
    QCOMPARE(ones, 50);
    const RecordedRun run = runLesson(lesson.name);
    QVERIFY(run.logistic && run.logistic->finite);
    COMPARE_VECTORS(
        run.logistic->theta, Eigen::Vector3d(-2.8801669915498525, 3.0960921689423011, 2.6436605129676423), 1e-9);
    // 400 steps at lr 0.1 are still far off: the loss is 8 % above the optimum's.
    QVERIFY(run.states.back().loss > 1.08 * run.logistic->loss);
    QCOMPARE(run.history->accuracy(run.history->size() - 1), 0.71);
}

// The published fit (Wikipedia, "Logistic regression", hours of study): θ0 = −4.0777, θ1 = 1.5046.
void TestLessonGolden::examHours()
{
    const RecordedRun run = runLesson("exam_hours");
    QVERIFY(run.logistic && run.logistic->finite);
    QVERIFY(std::abs(run.logistic->thetaOriginal[0] + 4.0777) < 5e-5);
    QVERIFY(std::abs(run.logistic->thetaOriginal[1] - 1.5046) < 5e-5);
    COMPARE_VECTORS(run.states.back().theta, run.logistic->theta, 1e-9);
}

// Separable: no optimum, the loss falls at every step towards 0 while |θ| grows, every row classified right.
void TestLessonGolden::separableHours()
{
    const RecordedRun run = runLesson("separable_hours");
    QVERIFY(run.logistic && run.logistic->separable && !run.logistic->finite);
    QVERIFY(run.optimum() == nullptr);
    for (std::size_t i = 1; i < run.states.size(); ++i)
        QVERIFY(run.states[i].loss < run.states[i - 1].loss);
    QVERIFY(run.states.back().loss < 0.05);
    QVERIFY(run.states.back().theta.norm() > 10 * run.states[10].theta.norm());
    QCOMPARE(run.history->accuracy(run.history->size() - 1), 1.0);
}

} // namespace tst_lesson_golden

QTEST_APPLESS_MAIN(tst_lesson_golden::TestLessonGolden)
#include "tst_lesson_golden.moc"
