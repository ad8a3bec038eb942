#include "session/pinned_runs.h"
#include "support/model_states.h"

#include "dataset.h"
#include "problem.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"

#include <QSignalSpy>
#include <QtTest>

#include <memory>
#include <set>

namespace tst_pinned_runs {

using gdlab::PinnedRuns;
using gdlab::SessionController;
using gdlab::test::State;

namespace {

/** Field by field: gdlab::test::State is a plain struct without operator==. */
bool sameHistory(const std::vector<gdlab::test::State>& a, const std::vector<gdlab::test::State>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t k = 0; k < a.size(); ++k) {
        if (a[k].iteration != b[k].iteration || a[k].epoch != b[k].epoch || a[k].loss != b[k].loss
            || a[k].theta != b[k].theta || a[k].gradient != b[k].gradient)
            return false;
    }
    return true;
}

} // namespace

class TestPinnedRuns : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void nothingToPinWithoutData();
    void pinCopiesTheHistory();
    void pinnedRunStaysWhenTheLiveRunChanges();
    void labelsSayWhatDiffers();
    void otherLossIsNamed();
    void distinctColours();
    void unpinRemoves();
    void settingsChangesKeepThePins();
    void anotherLessonClears();
    void otherColumnsOrScalingClear();
    void oldestIsDroppedBeyondTheLimit();
    void raceIsShownBesideThePins();
    void raceMakesRoomWithoutDroppingPins();
    void unpinAndClearLeaveTheRace();
    void anotherLessonEndsBoth();
    void rowAtFollowsTheCursor();

private:
    void load(const char* lesson);
    /** The live run at each rate, as a race's configurations with their labels. */
    std::vector<std::pair<std::shared_ptr<const gdlab::Run>, QString>> racers(const std::vector<double>& rates);
    void setLearningRate(double rate);

    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<PinnedRuns> m_pinned;
};

void TestPinnedRuns::init()
{
    m_controller = std::make_unique<SessionController>();
    m_pinned = std::make_unique<gdlab::PinnedRuns>(m_controller->model());
}

void TestPinnedRuns::cleanup()
{
    m_pinned.reset();
    m_controller.reset();
}

void TestPinnedRuns::load(const char* lesson)
{
    QVERIFY(m_controller->loadLesson(QString::fromLatin1(lesson)).isEmpty());
    m_controller->waitForComputation();
}

void TestPinnedRuns::setLearningRate(double rate)
{
    QVERIFY(m_controller->setLearningRate(rate).isEmpty());
    m_controller->waitForComputation();
}

void TestPinnedRuns::nothingToPinWithoutData()
{
    QSignalSpy changed(m_pinned.get(), &PinnedRuns::changed);
    QVERIFY(!m_pinned->pinCurrent());
    QCOMPARE(m_pinned->count(), 0);
    QCOMPARE(changed.count(), 0);
}

void TestPinnedRuns::pinCopiesTheHistory()
{
    load("five_points");
    QSignalSpy changed(m_pinned.get(), &PinnedRuns::changed);
    QVERIFY(m_pinned->pinCurrent());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_pinned->count(), 1);
    const gdlab::PinnedRun& run = m_pinned->run(0);
    QVERIFY(sameHistory(gdlab::test::statesOf(run), gdlab::test::statesOf(*m_controller->model())));
    QCOMPARE(gdlab::test::statesOf(run).size(), std::size_t(1001));
    QCOMPARE(run.label, QStringLiteral("lr 0.01, batch, mse"));
    QVERIFY(run.settings() == m_controller->model()->run()->settings);
    QCOMPARE(run.run->problem, m_controller->model()->run()->problem);
    QCOMPARE(run.seriesIndex, 0);
}

void TestPinnedRuns::pinnedRunStaysWhenTheLiveRunChanges()
{
    load("five_points");
    QVERIFY(m_pinned->pinCurrent());
    const std::vector<gdlab::test::State> pinned = gdlab::test::statesOf(*m_controller->model());
    setLearningRate(0.05);
    QVERIFY(!sameHistory(gdlab::test::statesOf(*m_controller->model()), pinned));
    QCOMPARE(m_controller->model()->theta(1).size(), pinned[1].theta.size());
    QVERIFY(m_controller->model()->theta(1) != pinned[1].theta);
    QCOMPARE(m_pinned->count(), 1);
    QVERIFY(sameHistory(gdlab::test::statesOf(m_pinned->run(0)), pinned));
    QCOMPARE(m_pinned->run(0).settings().learningRate, 0.01);
    // Stepping the live run does not touch the pin either.
    m_controller->model()->setCurrentRow(17);
    QVERIFY(sameHistory(gdlab::test::statesOf(m_pinned->run(0)), pinned));
}

void TestPinnedRuns::labelsSayWhatDiffers()
{
    load("five_points");
    QVERIFY(m_pinned->pinCurrent());
    // Same settings as the live run: the full label, and the live run is just "current".
    QCOMPARE(m_pinned->displayLabel(0), QStringLiteral("lr 0.01, batch, mse"));
    QCOMPARE(m_pinned->liveLabel(), QStringLiteral("current"));

    QSignalSpy labels(m_pinned.get(), &PinnedRuns::labelsChanged);
    setLearningRate(0.05);
    QVERIFY(labels.count() >= 1);
    QCOMPARE(m_pinned->displayLabel(0), QStringLiteral("lr 0.01"));
    QCOMPARE(m_pinned->liveLabel(), QStringLiteral("current (lr 0.05)"));

    gdlab::SolverSettings settings = m_controller->model()->run()->settings;
    settings.method = gdlab::DescentMethod::Sgd;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    m_controller->waitForComputation();
    QCOMPARE(m_pinned->displayLabel(0), QStringLiteral("lr 0.01, batch"));
    QCOMPARE(m_pinned->liveLabel(), QStringLiteral("current (lr 0.05, sgd)"));
}

void TestPinnedRuns::otherLossIsNamed()
{
    load("five_points");
    gdlab::SolverSettings settings = m_controller->model()->run()->settings;
    settings.loss = gdlab::LossKind::Sse;
    settings.learningRate = 0.005;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    m_controller->waitForComputation();
    QVERIFY(m_pinned->pinCurrent());
    const double sseStart = gdlab::test::statesOf(m_pinned->run(0)).front().loss;

    settings.loss = gdlab::LossKind::Mse;
    settings.learningRate = 0.01;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    m_controller->waitForComputation();
    QCOMPARE(m_pinned->count(), 1);
    QCOMPARE(m_pinned->displayLabel(0), QStringLiteral("lr 0.005, sse"));
    // Its losses stay in its own units: sse is n = 5 times the mse of the same start.
    QCOMPARE(gdlab::test::statesOf(m_pinned->run(0)).front().loss, sseStart);
    QVERIFY(qFuzzyCompare(sseStart, 5 * m_controller->model()->loss(0)));
}

void TestPinnedRuns::distinctColours()
{
    load("five_points");
    std::set<int> colours;
    const double rates[] = { 0.01, 0.02, 0.05 };
    for (const double rate : rates) {
        setLearningRate(rate);
        QVERIFY(m_pinned->pinCurrent());
    }
    for (int k = 0; k < m_pinned->count(); ++k)
        colours.insert(m_pinned->run(k).seriesIndex);
    QCOMPARE(colours.size(), std::size_t(3));

    // Unpinning the first frees its colour; the next pin takes it rather than repeating another's.
    const int freed = m_pinned->run(0).seriesIndex;
    m_pinned->unpin(0);
    setLearningRate(0.03);
    QVERIFY(m_pinned->pinCurrent());
    QCOMPARE(m_pinned->run(2).seriesIndex, freed);
}

void TestPinnedRuns::unpinRemoves()
{
    load("five_points");
    QVERIFY(m_pinned->pinCurrent());
    setLearningRate(0.05);
    QVERIFY(m_pinned->pinCurrent());
    QSignalSpy changed(m_pinned.get(), &PinnedRuns::changed);
    m_pinned->unpin(5); // out of range: nothing
    m_pinned->unpin(-1);
    QCOMPARE(changed.count(), 0);
    m_pinned->unpin(0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_pinned->count(), 1);
    QCOMPARE(m_pinned->run(0).settings().learningRate, 0.05);
    m_pinned->clear();
    QCOMPARE(m_pinned->count(), 0);
    QCOMPARE(changed.count(), 2);
    m_pinned->clear(); // already empty: no signal
    QCOMPARE(changed.count(), 2);
}

void TestPinnedRuns::settingsChangesKeepThePins()
{
    load("five_points");
    QVERIFY(m_pinned->pinCurrent());
    gdlab::SolverSettings settings = m_controller->model()->run()->settings;
    settings.method = gdlab::DescentMethod::Sgd;
    settings.loss = gdlab::LossKind::HalfMse;
    settings.iterations = 300;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    QVERIFY(m_controller->setStartPoint({ 0.0, 0.0 }).isEmpty());
    m_controller->waitForComputation();
    QCOMPARE(m_pinned->count(), 1);
    QCOMPARE(gdlab::test::statesOf(m_pinned->run(0)).size(), std::size_t(1001));
}

void TestPinnedRuns::anotherLessonClears()
{
    load("five_points");
    QVERIFY(m_pinned->pinCurrent());
    QSignalSpy changed(m_pinned.get(), &PinnedRuns::changed);
    load("two_features_n100");
    QCOMPARE(m_pinned->count(), 0);
    QCOMPARE(changed.count(), 1);

    // Another lesson on the same data is still another lesson.
    load("five_points");
    QVERIFY(m_pinned->pinCurrent());
    load("five_points_rss");
    QCOMPARE(m_pinned->count(), 0);

    // Loading a lesson is a new start, even the same one again: the cause says so, nothing compares data.
    QVERIFY(m_pinned->pinCurrent());
    load("five_points_rss");
    QCOMPARE(m_pinned->count(), 0);
}

void TestPinnedRuns::otherColumnsOrScalingClear()
{
    load("two_features_n100");
    QVERIFY(m_pinned->pinCurrent());
    gdlab::ProblemSpec spec = m_controller->model()->run()->problem->spec();
    spec.standardize = true;
    QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    m_controller->waitForComputation();
    QCOMPARE(m_pinned->count(), 0); // θ in the scaled space is not comparable with θ in the original one

    QVERIFY(m_pinned->pinCurrent());
    spec.features = { 0 };
    QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    m_controller->waitForComputation();
    QCOMPARE(m_pinned->count(), 0);

    // The user's own data: opening a file is new data; edited points are another problem too.
    const gdlab::Dataset original = (*m_controller->model()->run()->dataset);
    spec = m_controller->model()->run()->problem->spec();
    QVERIFY(m_pinned->pinCurrent());
    QVERIFY(m_controller->openDataset(original, spec, QStringLiteral("my data")).isEmpty());
    QCOMPARE(m_pinned->count(), 0);
    QVERIFY(m_pinned->pinCurrent());
    QVERIFY(m_controller->setLearningRate(0.05).isEmpty()); // the same problem: kept
    QCOMPARE(m_pinned->count(), 1);
    Eigen::MatrixXd values = original.values();
    values(0, values.cols() - 1) += 1.0;
    const gdlab::Dataset edited(original.columnNames(), values, original.source());
    QVERIFY(m_controller->editDataset(edited, QStringLiteral("my data (edited)")).isEmpty());
    QCOMPARE(m_pinned->count(), 0);
}

void TestPinnedRuns::oldestIsDroppedBeyondTheLimit()
{
    load("five_points");
    for (int k = 0; k <= PinnedRuns::maxRuns; ++k) {
        setLearningRate(0.001 * (k + 1));
        QVERIFY(m_pinned->pinCurrent());
    }
    QCOMPARE(m_pinned->count(), PinnedRuns::maxRuns);
    QCOMPARE(m_pinned->run(0).settings().learningRate, 0.002);
    std::set<int> colours;
    for (int k = 0; k < m_pinned->count(); ++k)
        colours.insert(m_pinned->run(k).seriesIndex);
    QCOMPARE(static_cast<int>(colours.size()), PinnedRuns::maxRuns);
}

std::vector<std::pair<std::shared_ptr<const gdlab::Run>, QString>> TestPinnedRuns::racers(
    const std::vector<double>& rates)
{
    std::vector<std::pair<std::shared_ptr<const gdlab::Run>, QString>> runs;
    for (const double rate : rates) {
        setLearningRate(rate);
        runs.emplace_back(m_controller->model()->sharedRun(), QStringLiteral("racer %1").arg(rate));
    }
    return runs;
}

namespace {

std::set<int> coloursOf(const PinnedRuns& pinned)
{
    std::set<int> colours;
    for (int k = 0; k < pinned.count(); ++k)
        colours.insert(pinned.run(k).seriesIndex);
    return colours;
}

} // namespace

// A race used to replace the user's pins: they must stay beside it, in their colours, and stay after it.
void TestPinnedRuns::raceIsShownBesideThePins()
{
    load("five_points");
    QVERIFY(m_pinned->pinCurrent());
    setLearningRate(0.05);
    QVERIFY(m_pinned->pinCurrent());
    const std::shared_ptr<const gdlab::Run> first = m_pinned->run(0).run;
    const std::shared_ptr<const gdlab::Run> second = m_pinned->run(1).run;
    const int firstColour = m_pinned->run(0).seriesIndex;
    const int secondColour = m_pinned->run(1).seriesIndex;

    const auto raced = racers({ 0.02, 0.03 });
    QSignalSpy changed(m_pinned.get(), &PinnedRuns::changed);
    m_pinned->setRaced(raced);
    QCOMPARE(changed.count(), 1); // one redraw for the whole race
    QCOMPARE(m_pinned->count(), 4);
    QCOMPARE(m_pinned->pinnedCount(), 2);
    QCOMPARE(m_pinned->racedCount(), 2);
    // The race first, in its order, then the pins, as they were.
    QVERIFY(m_pinned->run(0).raced && m_pinned->run(0).run == raced[0].first);
    QCOMPARE(m_pinned->run(1).label, QStringLiteral("racer 0.03"));
    QVERIFY(!m_pinned->run(2).raced && m_pinned->run(2).run == first);
    QVERIFY(m_pinned->run(3).run == second);
    QCOMPARE(m_pinned->run(2).seriesIndex, firstColour);
    QCOMPARE(m_pinned->run(3).seriesIndex, secondColour);
    QCOMPARE(coloursOf(*m_pinned).size(), std::size_t(4));
    QCOMPARE(m_pinned->run(0).rows, int(raced[0].first->history->size()));

    // A new race replaces the old one's runs only; no race, and the pins are all there is.
    m_pinned->setRaced({ raced[1] });
    QCOMPARE(m_pinned->count(), 3);
    m_pinned->setRaced({});
    QCOMPARE(m_pinned->count(), 2);
    QCOMPARE(m_pinned->racedCount(), 0);
    QVERIFY(m_pinned->run(0).run == first && m_pinned->run(1).run == second);
    QCOMPARE(m_pinned->run(0).seriesIndex, firstColour);
    QCOMPARE(m_pinned->run(1).seriesIndex, secondColour);
}

void TestPinnedRuns::raceMakesRoomWithoutDroppingPins()
{
    load("five_points");
    for (int k = 0; k < PinnedRuns::maxRuns; ++k) {
        setLearningRate(0.001 * (k + 1));
        QVERIFY(m_pinned->pinCurrent());
    }
    m_pinned->setRaced(racers({ 0.02, 0.03, 0.04 }));
    // Six colours: the race and the three newest pins are shown, the three oldest wait.
    QCOMPARE(m_pinned->count(), PinnedRuns::maxRuns);
    QCOMPARE(m_pinned->pinnedCount(), PinnedRuns::maxRuns);
    QCOMPARE(coloursOf(*m_pinned).size(), std::size_t(PinnedRuns::maxRuns));
    QCOMPARE(m_pinned->run(3).settings().learningRate, 0.004);
    // Pinning during the race drops the oldest pin only, never a racer.
    setLearningRate(0.05);
    QVERIFY(m_pinned->pinCurrent());
    QCOMPARE(m_pinned->racedCount(), 3);
    QCOMPARE(m_pinned->run(PinnedRuns::maxRuns - 1).settings().learningRate, 0.05);
    QCOMPARE(coloursOf(*m_pinned).size(), std::size_t(PinnedRuns::maxRuns));

    m_pinned->setRaced({});
    QCOMPARE(m_pinned->count(), PinnedRuns::maxRuns);
    QCOMPARE(m_pinned->run(0).settings().learningRate, 0.002);
    QCOMPARE(coloursOf(*m_pinned).size(), std::size_t(PinnedRuns::maxRuns));
}

void TestPinnedRuns::unpinAndClearLeaveTheRace()
{
    load("five_points");
    QVERIFY(m_pinned->pinCurrent());
    m_pinned->setRaced(racers({ 0.02 }));
    QSignalSpy changed(m_pinned.get(), &PinnedRuns::changed);
    m_pinned->unpin(0); // the racer: the race's to remove
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_pinned->count(), 2);
    // "Unpin the last run" unpins the user's newest pin, shown last.
    m_pinned->unpin(m_pinned->count() - 1);
    QCOMPARE(m_pinned->count(), 1);
    QVERIFY(m_pinned->run(0).raced);
    QVERIFY(m_pinned->pinCurrent());
    m_pinned->clear();
    QCOMPARE(m_pinned->count(), 1);
    QCOMPARE(m_pinned->pinnedCount(), 0);
    QVERIFY(m_pinned->run(0).raced);
}

void TestPinnedRuns::anotherLessonEndsBoth()
{
    load("five_points");
    QVERIFY(m_pinned->pinCurrent());
    m_pinned->setRaced(racers({ 0.02 }));
    load("two_features_n100");
    QCOMPARE(m_pinned->count(), 0);
    QCOMPARE(m_pinned->pinnedCount(), 0);
    QCOMPARE(m_pinned->racedCount(), 0);
}

void TestPinnedRuns::rowAtFollowsTheCursor()
{
    load("five_points");
    gdlab::SolverSettings settings = m_controller->model()->run()->settings;
    settings.iterations = 30;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    m_controller->waitForComputation();
    QVERIFY(m_pinned->pinCurrent());
    const gdlab::PinnedRun& run = m_pinned->run(0);
    QCOMPARE(run.rowAt(0), std::size_t(0));
    QCOMPARE(run.rowAt(12), std::size_t(12));
    QCOMPARE(run.rowAt(500), std::size_t(30)); // stopped earlier: its last state
    QCOMPARE(run.rowAt(-3), std::size_t(0));
}

} // namespace tst_pinned_runs

QTEST_MAIN(tst_pinned_runs::TestPinnedRuns)
#include "tst_pinned_runs.moc"
