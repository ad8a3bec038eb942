// The race: configurations computed beside the live run from its start on its problem, pinned in their own
// colours, recomputed when the live run changes, and the dialog's legend with each one's loss at the cursor and
// where it reached the tolerance or diverged.
#include "compare/race_dialog.h"

#include "race_entry.h"
#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "session/race.h"
#include "session/session_controller.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include <memory>
#include <set>

namespace tst_race_dialog {

using namespace gdlab;

namespace {

struct Fixture {
    std::unique_ptr<SessionController> controller = std::make_unique<SessionController>();
    std::unique_ptr<PinnedRuns> pins;
    std::unique_ptr<Race> race;

    explicit Fixture(const char* lesson)
    {
        if (!controller->loadLesson(QString::fromLatin1(lesson)).isEmpty())
            return;
        controller->waitForComputation();
        pins = std::make_unique<PinnedRuns>(controller->model());
        race = std::make_unique<Race>(controller->model(), pins.get());
    }
};

} // namespace

class TestRaceDialog : public QObject {
    Q_OBJECT

private slots:
    void racersRunFromTheLiveStart();
    void raceFollowsTheLiveRun();
    void divergedAndReached();
    void legendFollowsTheCursor();
    void dialogSendsTheText();
    void pinnedLabelsNameTheOptimizer();
    void pinsSurviveTheRace();
    void legendSymbolsAreDistinct();
    void entriesTextReadsBack();
    void lineShowsTheRaceStartedElsewhere();
    void opensOverTheControlsNotTheViews();
};

void TestRaceDialog::racersRunFromTheLiveStart()
{
    Fixture f("five_points");
    QVERIFY(f.race);
    QSignalSpy changed(f.race.get(), &Race::changed);
    f.race->setEntries(parseRace("gd,momentum,adam:lr=0.05"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(f.race->count(), 3);
    QCOMPARE(f.pins->count(), 2);
    const Run* live = f.controller->model()->run();
    QVERIFY(f.race->run(0) == live);
    std::set<int> series;
    for (int i = 1; i < 3; ++i) {
        const Run* run = f.race->run(i);
        QVERIFY(run);
        QVERIFY(run->problem == live->problem); // the same problem, not a copy
        QVERIFY(Eigen::VectorXd(run->history->theta(0)) == Eigen::VectorXd(live->history->theta(0)));
        QCOMPARE(run->settings.iterations, live->settings.iterations);
        series.insert(f.race->seriesIndex(i));
    }
    QCOMPARE(f.race->run(1)->settings.optimizer.kind, OptimizerKind::Momentum);
    QCOMPARE(f.race->run(1)->settings.learningRate, live->settings.learningRate);
    QCOMPARE(f.race->run(2)->settings.optimizer.kind, OptimizerKind::Adam);
    QCOMPARE(f.race->run(2)->settings.learningRate, 0.05);
    QCOMPARE(series.size(), std::size_t(2));
    QCOMPARE(f.race->seriesIndex(0), -1);
    QCOMPARE(f.race->label(2), QStringLiteral("adam (lr 0.05)"));

    f.race->stop();
    QCOMPARE(f.race->count(), 0);
    QCOMPARE(f.pins->count(), 0);
}

// A new start, or another lesson, and the racers run again from the live run's new start on its problem.
void TestRaceDialog::raceFollowsTheLiveRun()
{
    Fixture f("five_points");
    QVERIFY(f.race);
    f.race->setEntries(parseRace("gd,momentum"));
    QVERIFY(f.controller->setStartPoint({ 2.0, -1.0 }).isEmpty());
    f.controller->waitForComputation();
    QCOMPARE(f.pins->count(), 1);
    QCOMPARE(f.race->run(1)->history->theta(0)[0], 2.0);
    QCOMPARE(f.race->run(1)->history->theta(0)[1], -1.0);

    QVERIFY(f.controller->loadLesson(QStringLiteral("two_features_n100")).isEmpty());
    f.controller->waitForComputation();
    QCOMPARE(f.pins->count(), 1);
    QVERIFY(f.race->run(1)->problem == f.controller->model()->run()->problem);
    QCOMPARE(f.race->run(1)->settings.optimizer.kind, OptimizerKind::Momentum);
}

void TestRaceDialog::divergedAndReached()
{
    Fixture f("five_points");
    QVERIFY(f.race);
    // gd at 0.08 (just under five_points' fastest rate 0.0833) converges; momentum at 0.5 is far above its bound.
    f.race->setEntries(parseRace("gd,gd:lr=0.08,momentum:lr=0.5"));
    const RaceFinish fast = f.race->finish(1);
    QVERIFY(fast.reached);
    QVERIFY(!fast.diverged);
    QVERIFY(f.race->run(1)->history->gradientNorm(std::size_t(*fast.reached)) <= f.race->tolerance());
    const RaceFinish wild = f.race->finish(2);
    QVERIFY(wild.diverged);
    QVERIFY(!wild.reached);
}

void TestRaceDialog::legendFollowsTheCursor()
{
    Fixture f("five_points");
    QVERIFY(f.race);
    RaceDialog dialog(f.controller->model(), f.race.get());
    QVERIFY(dialog.legendText().startsWith(QStringLiteral("No race")));
    f.race->setEntries(parseRace("gd,momentum:lr=0.5"));
    IterationModel* model = f.controller->model();
    model->setCurrentRow(3);
    const QStringList lines = dialog.legendText().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].startsWith(QStringLiteral("● gd")), qPrintable(lines[0]));
    QVERIFY2(lines[0].contains(QString::number(model->loss(3), 'g', 6)), qPrintable(lines[0]));
    QVERIFY2(lines[1].startsWith(RaceDialog::markerSymbol(f.race->seriesIndex(1))), qPrintable(lines[1]));
    QVERIFY2(lines[1].contains(QStringLiteral("diverged after")), qPrintable(lines[1]));
    const double racerLoss = f.race->run(1)->history->loss(3);
    QVERIFY2(lines[1].contains(QString::number(racerLoss, 'g', 6)), qPrintable(lines[1]));
}

void TestRaceDialog::dialogSendsTheText()
{
    Fixture f("five_points");
    QVERIFY(f.race);
    RaceDialog dialog(f.controller->model(), f.race.get());
    QSignalSpy chosen(&dialog, &RaceDialog::entriesChosen);
    dialog.entriesEdit()->setText(QStringLiteral(" gd,nesterov "));
    dialog.runButton()->click();
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("gd,nesterov"));
    dialog.showError(QStringLiteral("race entry 'x': unknown optimizer"));
    QVERIFY(!dialog.findChildren<QLabel*>().isEmpty());
}

void TestRaceDialog::pinnedLabelsNameTheOptimizer()
{
    Fixture f("five_points");
    QVERIFY(f.race);
    f.race->setEntries(parseRace("gd,adam"));
    QCOMPARE(f.pins->run(0).label, QStringLiteral("adam"));
    // Only what differs from the live run: the optimizer.
    QVERIFY2(f.pins->displayLabel(0).contains(QStringLiteral("adam")), qPrintable(f.pins->displayLabel(0)));
    QVERIFY2(!f.pins->displayLabel(0).contains(QStringLiteral("lr")), qPrintable(f.pins->displayLabel(0)));
}

// A race used to clear the user's pins to show its runs: they must be there during the race and after it.
void TestRaceDialog::pinsSurviveTheRace()
{
    Fixture f("five_points");
    QVERIFY(f.race);
    QVERIFY(f.pins->pinCurrent());
    QVERIFY(f.controller->setLearningRate(0.05).isEmpty());
    f.controller->waitForComputation();
    QVERIFY(f.pins->pinCurrent());
    const std::shared_ptr<const Run> first = f.pins->run(0).run;
    const std::shared_ptr<const Run> second = f.pins->run(1).run;

    f.race->setEntries(parseRace("gd,momentum,adam"));
    QCOMPARE(f.pins->count(), 4); // the two racers, then the two pins
    QCOMPARE(f.pins->pinnedCount(), 2);
    std::set<int> colours;
    for (int k = 0; k < f.pins->count(); ++k)
        colours.insert(f.pins->run(k).seriesIndex);
    QCOMPARE(colours.size(), std::size_t(4));
    QVERIFY(f.race->seriesIndex(1) != f.pins->run(2).seriesIndex);

    // The live run changes (a new start): the race runs again, the pins stay.
    QVERIFY(f.controller->setStartPoint({ 1.0, 1.0 }).isEmpty());
    f.controller->waitForComputation();
    QCOMPARE(f.pins->count(), 4);
    QVERIFY(f.pins->run(2).run == first && f.pins->run(3).run == second);

    f.race->stop();
    QCOMPARE(f.pins->count(), 2);
    QVERIFY(f.pins->run(0).run == first && f.pins->run(1).run == second);
}

void TestRaceDialog::legendSymbolsAreDistinct()
{
    std::set<QString> symbols { RaceDialog::markerSymbol(-1) };
    for (int series = 0; series < PinnedRuns::maxRuns; ++series)
        symbols.insert(RaceDialog::markerSymbol(series));
    QCOMPARE(symbols.size(), std::size_t(PinnedRuns::maxRuns + 1));
}

void TestRaceDialog::entriesTextReadsBack()
{
    const QString typed = QStringLiteral("gd,momentum:lr=0.05:momentum=0.8,adam:beta1=0.8:eps=1e-07,rmsprop:lr=0.001");
    const std::vector<RaceEntry> entries = parseRace(typed.toStdString());
    QCOMPARE(RaceDialog::entriesText(entries), typed);
    QVERIFY(parseRace(RaceDialog::entriesText(entries).toStdString()) == entries);
    QCOMPARE(RaceDialog::entriesText(parseRace("nesterov:momentum=0.9")), QStringLiteral("nesterov"));
}

// gdlab --race and the lessons start a race without the dialog: opened, it shows that race, not its default.
void TestRaceDialog::lineShowsTheRaceStartedElsewhere()
{
    Fixture f("five_points");
    QVERIFY(f.race);
    RaceDialog dialog(f.controller->model(), f.race.get());
    f.race->setEntries(parseRace("gd,momentum,nesterov,adam:lr=0.05"));
    QCOMPARE(dialog.entriesEdit()->text(), QStringLiteral("gd,momentum,nesterov,adam:lr=0.05"));
    // What the user types stays while the race runs again for a new live run.
    dialog.entriesEdit()->setText(QStringLiteral("gd,ada"));
    QVERIFY(f.controller->setStartPoint({ 1.0, 1.0 }).isEmpty());
    f.controller->waitForComputation();
    QCOMPARE(dialog.entriesEdit()->text(), QStringLiteral("gd,ada"));
    RaceDialog later(f.controller->model(), f.race.get());
    QCOMPARE(later.entriesEdit()->text(), QStringLiteral("gd,momentum,nesterov,adam:lr=0.05"));
}

void TestRaceDialog::opensOverTheControlsNotTheViews()
{
    Fixture f("five_points");
    QVERIFY(f.race);
    QWidget window;
    window.setGeometry(100, 50, 1200, 800);
    window.show();
    auto* dialog = new RaceDialog(f.controller->model(), f.race.get(), &window);
    f.race->setEntries(parseRace("gd,momentum,nesterov,adam"));
    dialog->show();
    const QRect placed = dialog->frameGeometry();
    QVERIFY2(window.geometry().contains(placed),
        qPrintable(
            QStringLiteral("%1,%2 %3x%4").arg(placed.x()).arg(placed.y()).arg(placed.width()).arg(placed.height())));
    QCOMPARE(placed.right(), window.geometry().right());
    QVERIFY(placed.center().y() > window.geometry().center().y());
    // Moved by the user, it stays where it was put when shown again.
    dialog->hide();
    dialog->move(120, 60);
    dialog->show();
    QCOMPARE(dialog->pos(), QPoint(120, 60));
}

} // namespace tst_race_dialog

QTEST_MAIN(tst_race_dialog::TestRaceDialog)
#include "tst_race_dialog.moc"
