#include "dataset.h"
#include "problem_accumulator.h"
#include "support/model_states.h"
#include "views/fit_plot.h"
#include "views/fit_sample_note.h"
#include "views/off_frame_indicator.h"

#include "session/iteration_model.h"
#include "session/point_editor.h"
#include "session/session_controller.h"

#include <qcustomplot.h>

#include <QUndoStack>
#include <QtTest>

#include <cmath>
#include <memory>

namespace tst_fit_plot {

using namespace gdlab;

namespace {

/** A two-point line graph read at x. */
double lineAt(const QCPGraph* graph, double x)
{
    const auto data = graph->data();
    if (data->size() != 2)
        return std::nan("");
    const auto first = data->constBegin();
    const auto second = first + 1;
    return first->value + (second->value - first->value) * (x - first->key) / (second->key - first->key);
}

/** The view's edit requests go to a PointEditor, and its refusals come back, as the main window wires them. */
void wirePointEditor(FitPlot* view, PointEditor* editor)
{
    QObject::connect(view, &FitPlot::pointAddRequested, editor, &PointEditor::addPoint);
    QObject::connect(view, &FitPlot::pointMoveRequested, editor, &PointEditor::movePoint);
    QObject::connect(view, &FitPlot::pointRemoveRequested, editor, &PointEditor::removePoint);
    QObject::connect(editor, &PointEditor::refused, view, &FitPlot::showRefusal);
}

struct Fixture {
    std::unique_ptr<SessionController> controller;
    std::unique_ptr<PointEditor> editor;
    std::unique_ptr<FitPlot> view;
};

Fixture makeFixture(const char* lesson, bool withEditor = true)
{
    Fixture fixture;
    fixture.controller = std::make_unique<SessionController>();
    if (!fixture.controller->loadLesson(QString::fromLatin1(lesson)).isEmpty())
        return fixture;
    fixture.controller->waitForComputation();
    fixture.editor = std::make_unique<PointEditor>(fixture.controller.get());
    fixture.view = std::make_unique<FitPlot>(fixture.controller->model());
    if (withEditor)
        wirePointEditor(fixture.view.get(), fixture.editor.get());
    fixture.view->resize(640, 420);
    return fixture;
}

/** A fixture whose plot is laid out on screen, so that data coordinates map to the pixels a mouse hits. */
Fixture makeShownFixture(const char* lesson, bool withEditor = true)
{
    Fixture fixture = makeFixture(lesson, withEditor);
    if (!fixture.view)
        return fixture;
    fixture.view->show();
    if (!QTest::qWaitForWindowExposed(fixture.view.get()))
        return {};
    fixture.view->plot()->replot();
    return fixture;
}

QPoint pixelOf(const FitPlot& view, double x, double y)
{
    return QPoint(qRound(view.plot()->xAxis->coordToPixel(x)), qRound(view.plot()->yAxis->coordToPixel(y)));
}

/** How far apart in data units two neighbouring pixels are, on each axis: the precision of a mouse edit. */
QPointF pixelSize(const FitPlot& view)
{
    const QCPAxis* x = view.plot()->xAxis;
    const QCPAxis* y = view.plot()->yAxis;
    return QPointF(
        std::abs(x->pixelToCoord(1) - x->pixelToCoord(0)), std::abs(y->pixelToCoord(1) - y->pixelToCoord(0)));
}

std::vector<Eigen::VectorXd> thetas(const IterationModel& model)
{
    std::vector<Eigen::VectorXd> result;
    for (const gdlab::test::State& state : gdlab::test::statesOf(model))
        result.push_back(state.theta);
    return result;
}

/** The row of the dataset holding (x, y), or -1. */
Eigen::Index findRow(const Dataset& dataset, double x, double y)
{
    for (Eigen::Index i = 0; i < dataset.rowCount(); ++i)
        if (dataset.values()(i, 0) == x && dataset.values()(i, 1) == y)
            return i;
    return -1;
}

QRectF textRect(const QCPItemText* label)
{
    return QRectF(label->topLeft->pixelPosition(), label->bottomRight->pixelPosition());
}

} // namespace

class TestFitPlot : public QObject {
    Q_OBJECT

private slots:
    void dataScatterHasThePoints();
    void axisLabelsAreTheColumnNames();
    void currentLineFollowsTheCurrentRow();
    void residualSegmentsJoinPointsToTheLine();
    void leastSquaresLineAndToggle();
    void ghostsWithLabels();
    void ghostsBeyondTheHistoryAreLeftOut();
    void ghostLabelsCoverNoTextAndNoPoint_data();
    void ghostLabelsCoverNoTextAndNoPoint();
    void legendNamesTheCurrentIteration();
    void aSampleSaysSoAndIsNotEdited();
    void lineOffTheFrameIsPointedAt();
    void axisRangesStayWhileStepping();
    void standardizedLessonDrawsInOriginalUnits();
    void multiFeaturePartialResiduals();
    void multiFeatureOpensOnPredictedVsActual();
    void multiFeaturePredictedVsActual();
    void viewBuiltBeforeLoadingFollows();
    void presentationModeEnlarges();
    void smallMinimumSize();
    void oneRunResetRedrawsOnce_data();
    void oneRunResetRedrawsOnce();
    void steppingRedrawsNothingWhole();
    void featureChosenInPredictedModeWaits();

    void editableOnlyWithOneFeatureInFeatureMode();
    void doubleClickOnEmptySpaceAddsAPoint();
    void clickOnAPointSelectsIt();
    void dragMovesAPoint();
    void rightClickRemovesAPoint();
    void deleteRemovesTheSelectedPoint();
    void undoRestoresTheExactDataAndTrajectory();
    void undoStackClearedByLoadingOtherData();
    void removalRefusedAtTheMinimum();
    void editingDisabledWhereItCannotWork();
    void dataLeavingTheViewExpandsIt();
    void editsAreRequestedNotMade();
    void refusedMoveGoesBack();
    void undoRestoresTheLessonName();
};

void TestFitPlot::dataScatterHasThePoints()
{
    Fixture f = makeFixture("five_points");
    QVERIFY(f.view);
    const auto data = f.view->dataGraph()->data();
    QCOMPARE(data->size(), 5);
    const double xs[] = { 1, 2, 3, 4, 5 };
    const double ys[] = { 1, 3, 3, 3, 5 };
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(data->at(i)->key, xs[i]);
        QCOMPARE(data->at(i)->value, ys[i]);
    }
}

void TestFitPlot::axisLabelsAreTheColumnNames()
{
    Fixture f = makeFixture("five_points");
    QCOMPARE(f.view->plot()->xAxis->label(), QStringLiteral("x"));
    QCOMPARE(f.view->plot()->yAxis->label(), QStringLiteral("y"));
}

void TestFitPlot::currentLineFollowsTheCurrentRow()
{
    Fixture f = makeFixture("five_points");
    IterationModel* model = f.controller->model();
    model->setCurrentRow(0);
    // Row 0 is the lesson's start (0.75, 0.48).
    QVERIFY(std::abs(lineAt(f.view->currentLineGraph(), 0) - 0.75) < 1e-12);
    QVERIFY(std::abs(lineAt(f.view->currentLineGraph(), 1) - (0.75 + 0.48)) < 1e-12);

    model->setCurrentRow(10);
    const double b = 0.8094368934859253;
    const double m = 0.7232754423544987;
    QVERIFY2(std::abs(lineAt(f.view->currentLineGraph(), 0) - b) < 1e-12,
        qPrintable(QString::number(lineAt(f.view->currentLineGraph(), 0), 'g', 17)));
    QVERIFY(std::abs(lineAt(f.view->currentLineGraph(), 1) - (b + m)) < 1e-12);
    QVERIFY(std::abs(f.view->currentLineY(2) - (b + 2 * m)) < 1e-12);
    QCOMPARE(lineAt(f.view->currentLineGraph(), 0), model->theta(model->currentRow())[0]);

    // The line spans the data and beyond it, so it reaches both edges of the view.
    const auto line = f.view->currentLineGraph()->data();
    QVERIFY(line->at(0)->key <= f.view->plot()->xAxis->range().lower);
    QVERIFY(line->at(1)->key >= f.view->plot()->xAxis->range().upper);
}

void TestFitPlot::residualSegmentsJoinPointsToTheLine()
{
    Fixture f = makeFixture("five_points");
    f.controller->model()->setCurrentRow(10);
    const double b = 0.8094368934859253;
    const double m = 0.7232754423544987;
    const double xs[] = { 1, 2, 3, 4, 5 };
    const double ys[] = { 1, 3, 3, 3, 5 };
    const auto data = f.view->residualCurve()->data();
    QCOMPARE(data->size(), 15);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(data->at(3 * i)->key, xs[i]);
        QCOMPARE(data->at(3 * i)->value, ys[i]);
        QCOMPARE(data->at(3 * i + 1)->key, xs[i]);
        QVERIFY(std::abs(data->at(3 * i + 1)->value - (b + m * xs[i])) < 1e-12);
        QVERIFY(std::isnan(data->at(3 * i + 2)->key));
        QVERIFY(std::isnan(data->at(3 * i + 2)->value));
    }
}

void TestFitPlot::leastSquaresLineAndToggle()
{
    Fixture f = makeFixture("five_points");
    QCPGraph* line = f.view->leastSquaresGraph();
    QVERIFY(line->visible());
    QVERIFY(std::abs(lineAt(line, 0) - 0.6) < 1e-12);
    QVERIFY(std::abs(lineAt(line, 1) - 1.4) < 1e-12);
    QVERIFY(std::abs(lineAt(line, 5) - 4.6) < 1e-12);
    QCOMPARE(line->pen().style(), Qt::DashLine);

    f.view->setShowLeastSquares(false);
    QVERIFY(!f.view->showLeastSquares());
    QVERIFY(!line->visible());
    QVERIFY(!f.view->plot()->legend->hasItemWithPlottable(line));
    f.view->setShowLeastSquares(true);
    QVERIFY(line->visible());
    QVERIFY(f.view->plot()->legend->hasItemWithPlottable(line));
}

void TestFitPlot::ghostsWithLabels()
{
    Fixture f = makeFixture("five_points");
    QCOMPARE(f.view->ghostGraphs().size(), std::size_t(3));
    QCOMPARE(f.view->ghostLabels().size(), std::size_t(3));
    QCOMPARE(f.view->ghostLabels()[0]->text(), QStringLiteral("after 10 steps"));
    QCOMPARE(f.view->ghostLabels()[1]->text(), QStringLiteral("after 100 steps"));
    QCOMPARE(f.view->ghostLabels()[2]->text(), QStringLiteral("after 1000 steps"));
    // The ghost after 10 steps is the line at row 10.
    const IterationModel* model = f.controller->model();
    const auto& theta10 = model->theta(model->rowForIteration(10));
    QVERIFY(std::abs(lineAt(f.view->ghostGraphs()[0], 0) - theta10[0]) < 1e-12);
    QVERIFY(std::abs(lineAt(f.view->ghostGraphs()[0], 1) - theta10[0] - theta10[1]) < 1e-12);
    // Placed on screen (LabelPlacement): inside the view and off each other.
    f.view->show();
    f.view->plot()->replot();
    f.view->plot()->replot();
    const QRectF area = f.view->plot()->axisRect()->rect();
    for (QCPItemText* label : f.view->ghostLabels())
        QVERIFY(area.adjusted(-1, -1, 1, 1).contains(textRect(label)));
    QVERIFY(!textRect(f.view->ghostLabels()[1]).intersects(textRect(f.view->ghostLabels()[2])));

    f.controller->setGhostIterations({ 5 });
    QCOMPARE(f.view->ghostGraphs().size(), std::size_t(1));
    QCOMPARE(f.view->ghostLabels()[0]->text(), QStringLiteral("after 5 steps"));
    f.controller->setGhostIterations({});
    QVERIFY(f.view->ghostGraphs().empty());
    QVERIFY(f.view->ghostLabels().empty());
    int shownItems = 0; // the off-frame arrow and its label stay, hidden
    for (int i = 0; i < f.view->plot()->itemCount(); ++i)
        shownItems += f.view->plot()->item(i)->visible() ? 1 : 0;
    QCOMPARE(shownItems, 0);
}

void TestFitPlot::ghostsBeyondTheHistoryAreLeftOut()
{
    Fixture f = makeFixture("five_points");
    SolverSettings settings = f.controller->model()->run()->settings;
    settings.iterations = 50;
    QVERIFY(f.controller->setSettings(settings).isEmpty());
    f.controller->waitForComputation();
    QCOMPARE(f.view->ghostGraphs().size(), std::size_t(1)); // 10 only; 100 and 1000 are not reached
    QCOMPARE(f.view->ghostLabels()[0]->text(), QStringLiteral("after 10 steps"));
}

void TestFitPlot::ghostLabelsCoverNoTextAndNoPoint_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<QSize>("size");
    // The fit view's size in a 1024x700 and in a 1600x1000 window.
    // The one-feature lessons; the others open on predicted against actual, which draws no ghost lines. In their
    // partial-residual plots a dense cloud can leave a label no free place yet (it then covers the fewest points).
    for (const char* lesson : { "five_points", "five_points_rss", "nist_norris" }) {
        QTest::addRow("%s small", lesson) << QString::fromLatin1(lesson) << QSize(380, 260);
        QTest::addRow("%s large", lesson) << QString::fromLatin1(lesson) << QSize(640, 420);
    }
}

// The "after 10/100/1000 steps" labels sat on each other and on the top-right point in every lesson.
void TestFitPlot::ghostLabelsCoverNoTextAndNoPoint()
{
    QFETCH(QString, lesson);
    QFETCH(QSize, size);
    Fixture f = makeFixture(lesson.toLatin1().constData());
    f.controller->setGhostIterations({ 10, 100, 1000 });
    f.view->setFitMode(FitPlot::FeatureVsTarget);
    f.view->resize(size);
    f.view->show();
    QVERIFY(QTest::qWaitForWindowExposed(f.view.get()));
    IterationModel* model = f.controller->model();
    for (const int row : { 0, std::min(10, model->lastRow()), model->lastRow() }) {
        model->setCurrentRow(row);
        f.view->plot()->replot();
        f.view->plot()->replot(); // the labels are placed once the layout is known, then drawn there
        const QCPAxisRect* axisRect = f.view->plot()->axisRect();
        const double pointSize = f.view->dataGraph()->scatterStyle().size();
        std::vector<QRectF> labels;
        for (const QCPItemText* label : f.view->ghostLabels())
            if (label->visible())
                labels.push_back(textRect(label));
        for (std::size_t i = 0; i < labels.size(); ++i) {
            for (std::size_t j = i + 1; j < labels.size(); ++j)
                QVERIFY2(!labels[i].intersects(labels[j]), qPrintable(QStringLiteral("row %1").arg(row)));
            if (f.view->plot()->legend->visible())
                QVERIFY(!labels[i].intersects(f.view->plot()->legend->outerRect()));
            for (const auto& point : *f.view->dataGraph()->data()) {
                const QPointF at(
                    f.view->plot()->xAxis->coordToPixel(point.key), f.view->plot()->yAxis->coordToPixel(point.value));
                if (!axisRect->rect().contains(at.toPoint()))
                    continue;
                const QRectF marker(at - QPointF(pointSize / 2, pointSize / 2), QSizeF(pointSize, pointSize));
                QVERIFY2(!labels[i].intersects(marker),
                    qPrintable(QStringLiteral("row %1: a label covers the point (%2, %3)")
                                   .arg(row)
                                   .arg(point.key)
                                   .arg(point.value)));
            }
        }
    }
}

void TestFitPlot::aSampleSaysSoAndIsNotEdited()
{
    // 2,000 rows folded, 100 of them drawn: as SampledCsvReader gives a long file.
    Eigen::MatrixXd rows(2000, 2);
    for (Eigen::Index i = 0; i < rows.rows(); ++i) {
        rows(i, 0) = double(i % 37);
        rows(i, 1) = 1.0 + 0.5 * rows(i, 0) + double(i % 5) * 0.1;
    }
    Dataset sample({ "x", "y" }, rows.topRows(100), "long.csv");
    auto fold = std::make_shared<ProblemAccumulator>(sample, ProblemSpec {});
    fold->add(rows);
    sample.setFold(fold);
    Fixture f = makeFixture("five_points");
    QVERIFY(f.controller->openDataset(sample, ProblemSpec {}, QStringLiteral("long")).isEmpty());
    f.controller->waitForComputation();
    QCOMPARE(f.controller->latestRun()->problem->sampleCount(), Eigen::Index(2000));
    QCOMPARE(f.view->dataGraph()->data()->size(), 100);
    QVERIFY(f.view->sampleNote()->label()->visible());
    QCOMPARE(f.view->sampleNote()->label()->text(), QStringLiteral("showing 100 of 2,000 rows"));
    // One feature, the y-against-x view: editable but for the sample.
    QVERIFY(!f.view->canEditPoints());
    QVERIFY2(f.view->editingUnavailableReason().contains(QStringLiteral("sample (showing 100 of 2,000 rows)")),
        qPrintable(f.view->editingUnavailableReason()));
    QVERIFY(!f.editor->canEdit());
    // Data with every row has no note.
    QVERIFY(f.controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    QVERIFY(!f.view->sampleNote()->label()->visible());
    QVERIFY(f.view->canEditPoints());
}

void TestFitPlot::legendNamesTheCurrentIteration()
{
    Fixture f = makeFixture("five_points");
    f.controller->model()->setCurrentRow(10);
    QCOMPARE(f.view->currentLineGraph()->name(), QStringLiteral("current fit (iteration 10)"));
    QCPLegend* legend = f.view->plot()->legend;
    QVERIFY(legend->visible());
    QVERIFY(legend->hasItemWithPlottable(f.view->dataGraph()));
    QVERIFY(legend->hasItemWithPlottable(f.view->currentLineGraph()));
    QVERIFY(legend->hasItemWithPlottable(f.view->leastSquaresGraph()));
    QVERIFY(legend->hasItemWithPlottable(f.view->ghostGraphs().front()));
    QCOMPARE(legend->itemCount(), 4); // one entry stands for all ghosts
    QCOMPARE(f.view->dataGraph()->name(), QStringLiteral("data"));
    QCOMPARE(f.view->leastSquaresGraph()->name(), QStringLiteral("least squares"));
}

// Above the stability bound the lines swing out of the frame within a few steps: an arrow then points to the
// current one and names it, and goes once the line is back in sight.
void TestFitPlot::lineOffTheFrameIsPointedAt()
{
    Fixture f = makeFixture("five_points");
    QVERIFY(f.controller->setLearningRate(0.09).isEmpty());
    f.controller->waitForComputation();
    IterationModel* model = f.controller->model();
    const OffFrameIndicator* indicator = f.view->lineOffFrameIndicator();
    model->setCurrentRow(0);
    QVERIFY(!indicator->isShown());
    const QCPRange x = f.view->plot()->xAxis->range();
    const QCPRange y = f.view->plot()->yAxis->range();
    int row = 1;
    for (; row < model->rowCount(); ++row) {
        model->setCurrentRow(row);
        const double left = lineAt(f.view->currentLineGraph(), x.lower);
        const double right = lineAt(f.view->currentLineGraph(), x.upper);
        const bool missesTheFrame = std::min(left, right) > y.upper || std::max(left, right) < y.lower;
        QCOMPARE(indicator->isShown(), missesTheFrame);
        if (missesTheFrame)
            break;
    }
    QVERIFY2(row < model->rowCount(), "the diverging line never left the frame");
    QVERIFY(indicator->label()->text().startsWith(QStringLiteral("current fit off the frame")));
    QCOMPARE(f.view->plot()->xAxis->range(), x); // the frame stays: the arrow says where the line went
    model->setCurrentRow(0);
    QVERIFY(!indicator->isShown());
}

void TestFitPlot::axisRangesStayWhileStepping()
{
    Fixture f = makeFixture("five_points");
    const QCPRange x = f.view->plot()->xAxis->range();
    const QCPRange y = f.view->plot()->yAxis->range();
    // The data's extent (1..5, 1..5) plus a margin.
    QVERIFY(x.lower < 1 && x.lower > 0.5 && x.upper > 5 && x.upper < 5.5);
    QVERIFY(y.lower < 1 && y.lower > 0.5 && y.upper > 5 && y.upper < 5.5);
    for (int row : { 0, 1, 10, 500, 1000 })
        f.controller->model()->setCurrentRow(row);
    QCOMPARE(f.view->plot()->xAxis->range(), x);
    QCOMPARE(f.view->plot()->yAxis->range(), y);
}

void TestFitPlot::standardizedLessonDrawsInOriginalUnits()
{
    Fixture f = makeFixture("nist_norris");
    QVERIFY(f.view);
    IterationModel* model = f.controller->model();
    QCOMPARE(f.view->dataGraph()->data()->size(), 36);
    model->setCurrentRow(model->lastRow());
    const double b0 = -0.262323073774029;
    const double b1 = 1.00211681802045;
    QVERIFY2(std::abs(lineAt(f.view->currentLineGraph(), 0) - b0) < 1e-6,
        qPrintable(QString::number(lineAt(f.view->currentLineGraph(), 0), 'g', 17)));
    QVERIFY(std::abs(lineAt(f.view->currentLineGraph(), 1000) - (b0 + 1000 * b1)) < 1e-6 * 1000);
    QVERIFY(std::abs(lineAt(f.view->leastSquaresGraph(), 0) - b0) < 1e-9);
    QVERIFY(std::abs(lineAt(f.view->leastSquaresGraph(), 1) - (b0 + b1)) < 1e-9);
    // Residual ends lie on the line in original units.
    const auto residuals = f.view->residualCurve()->data();
    for (int i = 0; i < 36; ++i) {
        const double x = residuals->at(3 * i + 1)->key;
        QVERIFY(std::abs(residuals->at(3 * i + 1)->value - f.view->currentLineY(x)) < 1e-9 * (1 + std::abs(x)));
    }
}

// With several features the view opens on predicted against actual; against a feature it draws partial
// residuals y − Σ_{j≠i} θⱼxⱼ with the line θ0 + θᵢxᵢ, so that the vertical distances are the whole residuals.
void TestFitPlot::multiFeaturePartialResiduals()
{
    Fixture f = makeFixture("two_features_n100");
    QCOMPARE(f.view->fitMode(), FitPlot::PredictedVsActual);
    f.view->setFitMode(FitPlot::FeatureVsTarget);
    QCOMPARE(f.view->feature(), 0);
    QCOMPARE(f.view->featureNames(), QStringList({ QStringLiteral("x1"), QStringLiteral("x2") }));
    QCOMPARE(f.view->dataGraph()->data()->size(), 100);
    QCOMPARE(f.view->plot()->xAxis->label(), QStringLiteral("x1"));
    QCOMPARE(f.view->plot()->yAxis->label(), QStringLiteral("y − θ2·x2"));
    IterationModel* model = f.controller->model();
    const auto& values = (*model->run()->dataset).values();
    for (const int feature : { 0, 1 }) {
        f.view->setFeature(feature);
        const int other = 1 - feature;
        for (const int row : { 0, 7, model->lastRow() }) {
            model->setCurrentRow(row);
            const Eigen::VectorXd theta = model->theta(row);
            QVERIFY(std::abs(lineAt(f.view->currentLineGraph(), 0) - theta[0]) < 1e-9);
            QVERIFY(std::abs(lineAt(f.view->currentLineGraph(), 1) - theta[0] - theta[1 + feature]) < 1e-9);
            const auto residuals = f.view->residualCurve()->data();
            double sumOfSquares = 0;
            for (int i = 0; i < 100; ++i) {
                const double y = values(i, 2);
                const double point = y - theta[1 + other] * values(i, other);
                const double predicted = theta[0] + theta[1] * values(i, 0) + theta[2] * values(i, 1);
                QCOMPARE(residuals->at(3 * i)->key, values(i, feature));
                QVERIFY(std::abs(residuals->at(3 * i)->value - point) < 1e-9 * (1 + std::abs(y)));
                const double segment = residuals->at(3 * i + 1)->value - residuals->at(3 * i)->value;
                QVERIFY(std::abs(segment - (predicted - y)) < 1e-9 * (1 + std::abs(y)));
                sumOfSquares += segment * segment;
            }
            // The drawn residuals are the loss's: at the optimum the points lie on the line.
            QVERIFY(std::abs(sumOfSquares / 100 - model->loss(row)) <= 1e-9 * (1 + model->loss(row)));
            // The points drawn are the partial residuals of this row's θ.
            const auto data = f.view->dataGraph()->data();
            for (int j = 0; j < data->size(); ++j)
                QVERIFY(std::abs(data->at(j)->value - f.view->currentLineY(data->at(j)->key))
                    <= std::sqrt(model->loss(row) * 100) + 1e-9);
        }
    }
    // The frame holds the points at the start and at the optimum.
    const QCPRange range = f.view->plot()->yAxis->range();
    for (const int row : { 0, model->lastRow() }) {
        model->setCurrentRow(row);
        const auto data = f.view->dataGraph()->data();
        for (int j = 0; j < data->size(); ++j)
            QVERIFY(range.contains(data->at(j)->value));
    }
}

void TestFitPlot::multiFeatureOpensOnPredictedVsActual()
{
    Fixture f = makeFixture("two_features_n100");
    QCOMPARE(f.view->fitMode(), FitPlot::PredictedVsActual);
    // The class's own choice stays through other settings.
    f.view->setFitMode(FitPlot::FeatureVsTarget);
    f.view->setFeature(1);
    QVERIFY(f.controller->setLearningRate(0.05).isEmpty());
    f.controller->waitForComputation();
    QCOMPARE(f.view->fitMode(), FitPlot::FeatureVsTarget);
    QCOMPARE(f.view->feature(), 1);
    // One feature: against it; several again: predicted against actual, and the options hear of it.
    QSignalSpy modes(f.view.get(), &FitPlot::fitModeChanged);
    QVERIFY(f.controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    f.controller->waitForComputation();
    QCOMPARE(f.view->fitMode(), FitPlot::FeatureVsTarget);
    QCOMPARE(modes.count(), 0);
    QVERIFY(f.controller->loadLesson(QStringLiteral("three_features_ints_n20")).isEmpty());
    f.controller->waitForComputation();
    QCOMPARE(f.view->fitMode(), FitPlot::PredictedVsActual);
    QCOMPARE(modes.count(), 1);
    // Without an intercept the partial line goes through the origin: θ1·x1.
    f.view->setFitMode(FitPlot::FeatureVsTarget);
    const IterationModel* model = f.controller->model();
    QVERIFY(std::abs(lineAt(f.view->currentLineGraph(), 0)) < 1e-12);
    QVERIFY(std::abs(lineAt(f.view->currentLineGraph(), 1) - model->theta(model->currentRow())[0]) < 1e-12);
    QCOMPARE(f.view->plot()->yAxis->label(), QStringLiteral("y − θ2·x2 − θ3·x3"));
}

void TestFitPlot::multiFeaturePredictedVsActual()
{
    Fixture f = makeFixture("two_features_n100");
    QSignalSpy spy(f.view.get(), &FitPlot::fitModeChanged);
    f.view->setFitMode(FitPlot::FeatureVsTarget);
    f.view->setFitMode(FitPlot::PredictedVsActual);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(f.view->dataGraph()->data()->size(), 100);
    QVERIFY(!f.view->currentLineGraph()->visible());
    QVERIFY(f.view->identityGraph()->visible());
    QVERIFY(f.view->ghostGraphs().empty());
    QVERIFY(std::abs(lineAt(f.view->identityGraph(), 3) - 3) < 1e-12);
    QCOMPARE(f.view->leastSquaresPredictionGraph()->data()->size(), 100);

    IterationModel* model = f.controller->model();
    const auto& values = (*f.controller->model()->run()->dataset).values();
    for (int row : { 0, 5, model->lastRow() }) {
        model->setCurrentRow(row);
        const Eigen::VectorXd theta = model->theta(model->currentRow());
        const auto data = f.view->dataGraph()->data();
        for (int j = 0; j < data->size(); ++j) {
            // Find the row by its actual value: keys are the actual y, values the predictions.
            Eigen::Index i = 0;
            while (i < values.rows() && values(i, 2) != data->at(j)->key)
                ++i;
            QVERIFY(i < values.rows());
            const double predicted = theta[0] + theta[1] * values(i, 0) + theta[2] * values(i, 1);
            QVERIFY(std::abs(data->at(j)->value - predicted) < 1e-9);
        }
        // Residuals run from the prediction to the identity line.
        const auto residuals = f.view->residualCurve()->data();
        QCOMPARE(residuals->at(0)->value, values(0, 2));
        QCOMPARE(residuals->at(0)->key, values(0, 2));
        QVERIFY(
            std::abs(residuals->at(1)->value - (theta[0] + theta[1] * values(0, 0) + theta[2] * values(0, 1))) < 1e-9);
    }
    QCOMPARE(f.view->plot()->xAxis->range(), f.view->plot()->yAxis->range());
    QVERIFY(f.view->plot()->xAxis->label().contains(QStringLiteral("actual")));
    QVERIFY(f.view->plot()->yAxis->label().contains(QStringLiteral("predicted")));

    f.view->setFitMode(FitPlot::FeatureVsTarget);
    QVERIFY(f.view->currentLineGraph()->visible());
    QVERIFY(!f.view->identityGraph()->visible());
    QCOMPARE(f.view->ghostGraphs().size(), std::size_t(3));
}

void TestFitPlot::viewBuiltBeforeLoadingFollows()
{
    SessionController controller;
    FitPlot view(controller.model());
    QCOMPARE(view.dataGraph()->data()->size(), 0);
    QVERIFY(std::isnan(view.currentLineY(0)));
    QVERIFY(controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    controller.waitForComputation();
    QCOMPARE(view.dataGraph()->data()->size(), 5);
    controller.model()->setCurrentRow(10);
    QVERIFY(std::abs(view.currentLineY(0) - 0.8094368934859253) < 1e-12);
    QCOMPARE(view.ghostGraphs().size(), std::size_t(3));

    // Another lesson replaces everything.
    QVERIFY(controller.loadLesson(QStringLiteral("two_features_n100")).isEmpty());
    controller.waitForComputation();
    QCOMPARE(view.dataGraph()->data()->size(), 100);
    QCOMPARE(view.residualCurve()->data()->size(), 300);
}

void TestFitPlot::presentationModeEnlarges()
{
    Fixture f = makeFixture("five_points");
    const double width = f.view->currentLineGraph()->pen().widthF();
    const double points = f.view->plot()->xAxis->labelFont().pointSizeF();
    const double marker = f.view->dataGraph()->scatterStyle().size();
    f.view->setPresentationMode(true);
    QVERIFY(f.view->isPresentationMode());
    QVERIFY(f.view->currentLineGraph()->pen().widthF() > width);
    QVERIFY(f.view->plot()->xAxis->labelFont().pointSizeF() >= 1.4 * points);
    QVERIFY(f.view->dataGraph()->scatterStyle().size() > marker);
    f.view->setPresentationMode(false);
    QCOMPARE(f.view->currentLineGraph()->pen().widthF(), width);
}

void TestFitPlot::smallMinimumSize()
{
    Fixture f = makeFixture("five_points");
    QVERIFY(f.view->minimumSizeHint().width() <= 260);
    QVERIFY(f.view->minimumSizeHint().height() <= 200);
    QVERIFY(f.view->minimumSize().width() <= 260 || f.view->minimumSize().isNull());
}

void TestFitPlot::oneRunResetRedrawsOnce_data()
{
    QTest::addColumn<QString>("action");
    for (const char* action : { "learning rate", "start", "ghosts", "standardize", "lesson", "edit", "undo" })
        QTest::newRow(action) << QString::fromLatin1(action);
}

void TestFitPlot::oneRunResetRedrawsOnce()
{
    QFETCH(QString, action);
    Fixture f = makeFixture("five_points");
    QVERIFY(f.view);
    if (action == QLatin1String("undo"))
        QVERIFY(f.editor->addPoint(2.5, 1.0));
    QSignalSpy resets(f.controller->model(), &IterationModel::runReset);
    const int before = f.view->refreshCount();
    if (action == QLatin1String("learning rate")) {
        QVERIFY(f.controller->setLearningRate(0.02).isEmpty());
    } else if (action == QLatin1String("start")) {
        QVERIFY(f.controller->setStartPoint({ 0.1, 0.2 }).isEmpty());
    } else if (action == QLatin1String("ghosts")) {
        f.controller->setGhostIterations({ 5 });
    } else if (action == QLatin1String("standardize")) {
        ProblemSpec spec = f.controller->latestRun()->problem->spec();
        spec.standardize = true;
        QVERIFY(f.controller->setProblemSpec(spec).isEmpty());
    } else if (action == QLatin1String("lesson")) {
        QVERIFY(f.controller->loadLesson(QStringLiteral("two_features_n100")).isEmpty());
    } else if (action == QLatin1String("edit")) {
        QVERIFY(f.editor->addPoint(2.5, 1.0));
    } else {
        f.editor->undoStack()->undo();
    }
    f.controller->waitForComputation();
    QCOMPARE(resets.count(), 1);
    QCOMPARE(f.view->refreshCount(), before + 1);
}

void TestFitPlot::steppingRedrawsNothingWhole()
{
    Fixture f = makeFixture("five_points");
    const int before = f.view->refreshCount();
    for (int row : { 1, 10, 500, 0 })
        f.controller->model()->setCurrentRow(row);
    f.view->setShowLeastSquares(false);
    f.view->setSelectedRow(2);
    QCOMPARE(f.view->refreshCount(), before);
    QCOMPARE(lineAt(f.view->currentLineGraph(), 0), 0.75);
}

void TestFitPlot::featureChosenInPredictedModeWaits()
{
    Fixture f = makeFixture("two_features_n100");
    f.view->setFitMode(FitPlot::PredictedVsActual);
    const int before = f.view->refreshCount();
    QSignalSpy spy(f.view.get(), &FitPlot::featureChanged);
    f.view->setFeature(1);
    // Predicted against actual draws no feature: nothing to redraw until the view is against one again.
    QCOMPARE(spy.count(), 1);
    QCOMPARE(f.view->refreshCount(), before);
    f.view->setFitMode(FitPlot::FeatureVsTarget);
    QCOMPARE(f.view->refreshCount(), before + 1);
    QCOMPARE(f.view->plot()->xAxis->label(), QStringLiteral("x2"));
}

void TestFitPlot::editableOnlyWithOneFeatureInFeatureMode()
{
    Fixture f = makeFixture("five_points");
    QVERIFY(f.view->canEditPoints());
    QVERIFY(f.view->isEditable());
    QVERIFY(f.view->editingUnavailableReason().isEmpty());
    QVERIFY(f.editor->undoStack());
    QCOMPARE(f.editor->undoStack()->count(), 0);

    QSignalSpy spy(f.view.get(), &FitPlot::editableChanged);
    f.view->setEditable(false);
    QVERIFY(!f.view->isEditable());
    QVERIFY(f.view->canEditPoints());
    QCOMPARE(spy.count(), 1);
    f.view->setEditable(true);
    QVERIFY(f.view->isEditable());

    f.view->setFitMode(FitPlot::PredictedVsActual);
    QVERIFY(!f.view->isEditable());
    QVERIFY(f.view->editingUnavailableReason().contains(QStringLiteral("predicted")));
    f.view->setFitMode(FitPlot::FeatureVsTarget);
    QVERIFY(f.view->isEditable());

    Fixture two = makeFixture("two_features_n100");
    QVERIFY(!two.view->canEditPoints());
    QVERIFY(!two.view->isEditable());
    QVERIFY(two.view->editingUnavailableReason().contains(QStringLiteral("one feature")));
}

void TestFitPlot::doubleClickOnEmptySpaceAddsAPoint()
{
    Fixture f = makeShownFixture("five_points");
    QVERIFY(f.view);
    IterationModel* model = f.controller->model();
    model->setCurrentRow(model->rowForIteration(100));
    const QCPRange xRange = f.view->plot()->xAxis->range();
    const QCPRange yRange = f.view->plot()->yAxis->range();
    const double leastSquaresAt0 = lineAt(f.view->leastSquaresGraph(), 0);
    const auto before = thetas(*model);
    const QPointF precision = pixelSize(*f.view);

    // A single click (one that focuses the window, say) adds nothing; a double click is the deliberate gesture.
    QTest::mouseClick(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 2.5, 1.0));
    QCOMPARE((*f.controller->model()->run()->dataset).rowCount(), 5);
    QCOMPARE(f.editor->undoStack()->count(), 0);
    QTest::mouseDClick(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 2.5, 1.0));

    const Dataset& data = (*f.controller->model()->run()->dataset);
    QCOMPARE(data.rowCount(), 6);
    QVERIFY(std::abs(data.values()(5, 0) - 2.5) <= precision.x());
    QVERIFY(std::abs(data.values()(5, 1) - 1.0) <= precision.y());
    QCOMPARE(f.view->dataGraph()->data()->size(), 6);
    QCOMPARE(f.view->residualCurve()->data()->size(), 18);
    QCOMPARE(f.editor->undoStack()->count(), 1);
    QCOMPARE(f.view->selectedRow(), 5);
    QVERIFY(QString::fromStdString(f.controller->model()->run()->title).endsWith(QStringLiteral(" (edited)")));
    // The trajectory was recomputed for six points and the view stays at the iteration it showed.
    QCOMPARE(f.controller->model()->run()->problem->sampleCount(), Eigen::Index(6));
    const auto after = thetas(*model);
    QCOMPARE(after.size(), before.size());
    QVERIFY(after.back() != before.back());
    QCOMPARE(model->iteration(model->currentRow()), 100LL);
    // The least-squares line moved (a point below the line pulls it down), the axes did not.
    QVERIFY(lineAt(f.view->leastSquaresGraph(), 0) < leastSquaresAt0 - 1e-3);
    QCOMPARE(f.view->plot()->xAxis->range(), xRange);
    QCOMPARE(f.view->plot()->yAxis->range(), yRange);

    // A second edit keeps the title from growing.
    QTest::mouseDClick(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 4.5, 2.0));
    QCOMPARE((*f.controller->model()->run()->dataset).rowCount(), 7);
    QVERIFY(
        !QString::fromStdString(f.controller->model()->run()->title).endsWith(QStringLiteral(" (edited) (edited)")));
}

void TestFitPlot::clickOnAPointSelectsIt()
{
    Fixture f = makeShownFixture("five_points");
    QVERIFY(f.view);
    QSignalSpy spy(f.view.get(), &FitPlot::selectedRowChanged);
    // A few pixels off the point still grabs it.
    QTest::mouseClick(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 4, 3) + QPoint(3, -2));
    QCOMPARE((*f.controller->model()->run()->dataset).rowCount(), 5);
    QCOMPARE(f.view->selectedRow(), 3);
    QCOMPARE(spy.count(), 1);
    const auto ring = f.view->selectionGraph()->data();
    QCOMPARE(ring->size(), 1);
    QCOMPARE(ring->at(0)->key, 4.0);
    QCOMPARE(ring->at(0)->value, 3.0);
    QVERIFY(!f.view->plot()->legend->hasItemWithPlottable(f.view->selectionGraph()));
    QCOMPARE(f.editor->undoStack()->count(), 0);

    QTest::keyClick(f.view->plot(), Qt::Key_Escape);
    QCOMPARE(f.view->selectedRow(), -1);
    QCOMPARE(f.view->selectionGraph()->data()->size(), 0);
}

void TestFitPlot::dragMovesAPoint()
{
    Fixture f = makeShownFixture("five_points");
    QVERIFY(f.view);
    const QPointF precision = pixelSize(*f.view);
    const double leastSquaresAt5 = lineAt(f.view->leastSquaresGraph(), 5);
    QCPGraph* data = f.view->dataGraph();

    QTest::mousePress(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 3, 3));
    QTest::mouseMove(f.view->plot(), pixelOf(*f.view, 3, 3.5));
    QTest::mouseMove(f.view->plot(), pixelOf(*f.view, 3, 4));
    // While dragging the point is drawn where the mouse is; the data and the trajectory wait for the release.
    QCOMPARE((*f.controller->model()->run()->dataset).values()(2, 1), 3.0);
    bool previewed = false;
    for (int i = 0; i < data->data()->size(); ++i)
        previewed = previewed
            || (std::abs(data->data()->at(i)->key - 3) <= precision.x()
                && std::abs(data->data()->at(i)->value - 4) <= precision.y());
    QVERIFY(previewed);
    QTest::mouseRelease(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 3, 4));

    const Dataset& dataset = (*f.controller->model()->run()->dataset);
    QCOMPARE(dataset.rowCount(), 5);
    QVERIFY(std::abs(dataset.values()(2, 0) - 3) <= precision.x());
    QVERIFY(std::abs(dataset.values()(2, 1) - 4) <= precision.y());
    QCOMPARE(dataset.values()(1, 1), 3.0); // the others stay
    QCOMPARE(f.editor->undoStack()->count(), 1);
    QCOMPARE(f.editor->undoStack()->undoText(), QStringLiteral("move point"));
    QCOMPARE(f.view->selectedRow(), 2);
    QVERIFY(lineAt(f.view->leastSquaresGraph(), 5) > leastSquaresAt5);
}

void TestFitPlot::rightClickRemovesAPoint()
{
    Fixture f = makeShownFixture("five_points");
    QVERIFY(f.view);
    QTest::mouseClick(f.view->plot(), Qt::RightButton, {}, pixelOf(*f.view, 5, 5));
    const Dataset& dataset = (*f.controller->model()->run()->dataset);
    QCOMPARE(dataset.rowCount(), 4);
    QCOMPARE(findRow(dataset, 5, 5), Eigen::Index(-1));
    QCOMPARE(f.view->dataGraph()->data()->size(), 4);
    QCOMPARE(f.editor->undoStack()->undoText(), QStringLiteral("remove point"));
    // Least squares through (1,1), (2,3), (3,3), (4,3): slope 0.6, intercept 1.
    QVERIFY(std::abs(lineAt(f.view->leastSquaresGraph(), 0) - 1.0) < 1e-9);
    QVERIFY(std::abs(lineAt(f.view->leastSquaresGraph(), 1) - 1.6) < 1e-9);

    // A right-click on empty space does nothing.
    QTest::mouseClick(f.view->plot(), Qt::RightButton, {}, pixelOf(*f.view, 4.5, 1.5));
    QCOMPARE((*f.controller->model()->run()->dataset).rowCount(), 4);
}

void TestFitPlot::deleteRemovesTheSelectedPoint()
{
    Fixture f = makeShownFixture("five_points");
    QVERIFY(f.view);
    QTest::mouseClick(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 1, 1));
    QCOMPARE(f.view->selectedRow(), 0);
    QTest::keyClick(f.view->plot(), Qt::Key_Delete);
    QCOMPARE((*f.controller->model()->run()->dataset).rowCount(), 4);
    QCOMPARE(findRow((*f.controller->model()->run()->dataset), 1, 1), Eigen::Index(-1));
    QCOMPARE(f.view->selectedRow(), -1);

    // Backspace does the same; with nothing selected (and no point under the mouse) nothing happens.
    QTest::keyClick(f.view->plot(), Qt::Key_Backspace);
    QCOMPARE((*f.controller->model()->run()->dataset).rowCount(), 4);
    QTest::mouseClick(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 2, 3));
    QTest::keyClick(f.view->plot(), Qt::Key_Backspace);
    QCOMPARE((*f.controller->model()->run()->dataset).rowCount(), 3);
    QCOMPARE(findRow((*f.controller->model()->run()->dataset), 2, 3), Eigen::Index(-1));
    QCOMPARE(f.editor->undoStack()->count(), 2);
}

void TestFitPlot::undoRestoresTheExactDataAndTrajectory()
{
    Fixture f = makeShownFixture("five_points");
    QVERIFY(f.view);
    const IterationModel& model = *f.controller->model();
    const Eigen::MatrixXd values0 = (*f.controller->model()->run()->dataset).values();
    const auto thetas0 = thetas(model);
    const double leastSquares0 = lineAt(f.view->leastSquaresGraph(), 0);
    const QString title0 = QString::fromStdString(f.controller->model()->run()->title);

    QTest::mouseDClick(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 2.5, 1.0));
    QTest::mouseClick(f.view->plot(), Qt::RightButton, {}, pixelOf(*f.view, 3, 3));
    const Eigen::MatrixXd values2 = (*f.controller->model()->run()->dataset).values();
    const auto thetas2 = thetas(model);
    QCOMPARE(values2.rows(), Eigen::Index(5));
    QCOMPARE(f.editor->undoStack()->count(), 2);

    QUndoStack* stack = f.editor->undoStack();
    stack->undo();
    QCOMPARE((*f.controller->model()->run()->dataset).rowCount(), 6);
    stack->undo();
    QVERIFY((*f.controller->model()->run()->dataset).values() == values0);
    QVERIFY(thetas(model) == thetas0);
    QCOMPARE(lineAt(f.view->leastSquaresGraph(), 0), leastSquares0);
    QCOMPARE(f.view->dataGraph()->data()->size(), 5);
    QCOMPARE(QString::fromStdString(f.controller->model()->run()->title), title0);
    QVERIFY(!stack->canUndo());

    stack->redo();
    stack->redo();
    QVERIFY((*f.controller->model()->run()->dataset).values() == values2);
    QVERIFY(thetas(model) == thetas2);
    QVERIFY(!stack->canRedo());
    QCOMPARE(stack->count(), 2);

    // An undo may shift the rows under a selection, so it drops it.
    QTest::mouseClick(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 5, 5));
    QVERIFY(f.view->selectedRow() >= 0);
    stack->undo();
    QCOMPARE(f.view->selectedRow(), -1);
    QCOMPARE(f.view->selectionGraph()->data()->size(), 0);
}

void TestFitPlot::undoStackClearedByLoadingOtherData()
{
    Fixture f = makeShownFixture("five_points");
    QVERIFY(f.view);
    QTest::mouseDClick(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 2.5, 1.0));
    QCOMPARE(f.editor->undoStack()->count(), 1);

    // Other columns settings on the same data keep the edits: standardizing is not loading.
    ProblemSpec spec = f.controller->model()->run()->problem->spec();
    spec.standardize = true;
    QVERIFY(f.controller->setProblemSpec(spec).isEmpty());
    QCOMPARE(f.editor->undoStack()->count(), 1);
    QCOMPARE(f.view->selectedRow(), -1);

    QVERIFY(f.controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    f.controller->waitForComputation();
    QCOMPARE(f.editor->undoStack()->count(), 0);
    QCOMPARE((*f.controller->model()->run()->dataset).rowCount(), 5);

    // The same for the user's own data.
    QTest::mouseClick(f.view->plot(), Qt::RightButton, {}, pixelOf(*f.view, 1, 1));
    QCOMPARE(f.editor->undoStack()->count(), 1);
    const Dataset other({ "a", "b" }, (Eigen::MatrixXd(3, 2) << 1, 2, 2, 3, 3, 5).finished(), "other.csv");
    QVERIFY(f.controller->openDataset(other, ProblemSpec(), QStringLiteral("other.csv")).isEmpty());
    QCOMPARE(f.editor->undoStack()->count(), 0);
}

void TestFitPlot::removalRefusedAtTheMinimum()
{
    Fixture f = makeShownFixture("five_points");
    QVERIFY(f.view);
    QSignalSpy messages(f.editor.get(), &PointEditor::refused);
    for (double x : { 1.0, 2.0, 3.0 }) {
        const Eigen::Index row = findRow((*f.controller->model()->run()->dataset), x, x == 1.0 ? 1.0 : 3.0);
        QVERIFY(row >= 0);
        QTest::mouseClick(f.view->plot(), Qt::RightButton, {}, pixelOf(*f.view, x, x == 1.0 ? 1.0 : 3.0));
    }
    QCOMPARE(
        (*f.controller->model()->run()->dataset).rowCount(), 2); // (4, 3) and (5, 5): two points for two parameters
    QCOMPARE(messages.count(), 0);

    QTest::mouseClick(f.view->plot(), Qt::RightButton, {}, pixelOf(*f.view, 4, 3));
    QCOMPARE((*f.controller->model()->run()->dataset).rowCount(), 2);
    QCOMPARE(messages.count(), 1);
    QVERIFY(messages.front().front().toString().contains(QStringLiteral("at least 2 points")));
    QTest::mouseClick(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 5, 5));
    QTest::keyClick(f.view->plot(), Qt::Key_Delete);
    QCOMPARE((*f.controller->model()->run()->dataset).rowCount(), 2);
    QCOMPARE(messages.count(), 2);
    QCOMPARE(f.editor->undoStack()->count(), 3);
    QVERIFY(!f.editor->removePoint(0));
}

void TestFitPlot::editingDisabledWhereItCannotWork()
{
    Fixture two = makeShownFixture("two_features_n100");
    QVERIFY(two.view);
    const double x = two.view->plot()->xAxis->range().center();
    const double y = two.view->plot()->yAxis->range().lower + 0.1 * two.view->plot()->yAxis->range().size();
    QTest::mouseDClick(two.view->plot(), Qt::LeftButton, {}, pixelOf(*two.view, x, y));
    QCOMPARE((*two.controller->model()->run()->dataset).rowCount(), 100);
    QCOMPARE(two.editor->undoStack()->count(), 0);
    QVERIFY(!two.editor->addPoint(1, 2));
    QCOMPARE((*two.controller->model()->run()->dataset).rowCount(), 100);

    Fixture f = makeShownFixture("five_points");
    QVERIFY(f.view);
    f.view->setFitMode(FitPlot::PredictedVsActual);
    f.view->plot()->replot();
    QTest::mouseDClick(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 2.5, 1.0));
    QTest::mouseClick(f.view->plot(), Qt::RightButton, {}, pixelOf(*f.view, 3, 3));
    QCOMPARE((*f.controller->model()->run()->dataset).rowCount(), 5);

    f.view->setFitMode(FitPlot::FeatureVsTarget);
    f.view->setEditable(false);
    f.view->plot()->replot();
    QTest::mouseDClick(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 2.5, 1.0));
    QTest::mouseClick(f.view->plot(), Qt::RightButton, {}, pixelOf(*f.view, 3, 3));
    QCOMPARE((*f.controller->model()->run()->dataset).rowCount(), 5);
    QCOMPARE(f.editor->undoStack()->count(), 0);
}

void TestFitPlot::dataLeavingTheViewExpandsIt()
{
    Fixture f = makeShownFixture("five_points");
    QVERIFY(f.view);
    const QCPRange x = f.view->plot()->xAxis->range();
    QVERIFY(f.editor->addPoint(20, 3));
    QVERIFY(f.view->plot()->xAxis->range().upper > 20);
    QCOMPARE(f.view->plot()->xAxis->range().lower, x.lower);
    // The lines still reach the widened view's edges.
    const auto line = f.view->currentLineGraph()->data();
    QVERIFY(line->at(1)->key >= f.view->plot()->xAxis->range().upper);
    // Undoing leaves the view as it is: nothing is out of it.
    const QCPRange wide = f.view->plot()->xAxis->range();
    f.editor->undoStack()->undo();
    QCOMPARE(f.view->plot()->xAxis->range(), wide);
}

void TestFitPlot::editsAreRequestedNotMade()
{
    Fixture f = makeShownFixture("five_points", false);
    QVERIFY(f.view);
    const QPointF precision = pixelSize(*f.view);
    QSignalSpy adds(f.view.get(), &FitPlot::pointAddRequested);
    QSignalSpy moves(f.view.get(), &FitPlot::pointMoveRequested);
    QSignalSpy removals(f.view.get(), &FitPlot::pointRemoveRequested);

    QTest::mouseDClick(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 2.5, 1.0));
    QCOMPARE(adds.count(), 1);
    QVERIFY(std::abs(adds.front()[0].toDouble() - 2.5) <= precision.x());
    QVERIFY(std::abs(adds.front()[1].toDouble() - 1.0) <= precision.y());
    QTest::mouseClick(f.view->plot(), Qt::RightButton, {}, pixelOf(*f.view, 4, 3));
    QCOMPARE(removals.count(), 1);
    QCOMPARE(removals.front()[0].toInt(), 3);
    QTest::mousePress(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 3, 3));
    QTest::mouseMove(f.view->plot(), pixelOf(*f.view, 3, 3.5));
    QTest::mouseMove(f.view->plot(), pixelOf(*f.view, 3, 4));
    QTest::mouseRelease(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 3, 4));
    QCOMPARE(moves.count(), 1);
    QCOMPARE(moves.front()[0].toInt(), 2);
    QVERIFY(std::abs(moves.front()[2].toDouble() - 4) <= precision.y());
    // The view changes no data: that is for whoever takes its requests.
    QCOMPARE(f.controller->latestRun()->dataset->rowCount(), Eigen::Index(5));
    QCOMPARE(f.controller->latestRun()->dataset->values()(2, 1), 3.0);
}

void TestFitPlot::refusedMoveGoesBack()
{
    Fixture f = makeShownFixture("five_points", false);
    QVERIFY(f.view);
    QTest::mousePress(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 3, 3));
    QTest::mouseMove(f.view->plot(), pixelOf(*f.view, 3, 3.5));
    QTest::mouseMove(f.view->plot(), pixelOf(*f.view, 3, 4));
    QTest::mouseRelease(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 3, 4));
    // Nobody applied the move: the preview is still where the mouse let go.
    const auto data = f.view->dataGraph()->data();
    QVERIFY(data->at(2)->value > 3.5);
    f.view->showRefusal(QStringLiteral("not now"));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(f.view->dataGraph()->data()->at(i)->value, f.controller->latestRun()->dataset->values()(i, 1));
    QCOMPARE(f.view->residualCurve()->data()->at(6)->value, 3.0);
    QCOMPARE(f.view->selectedRow(), 2);
    QCOMPARE(f.view->selectionGraph()->data()->at(0)->value, 3.0);
}

void TestFitPlot::undoRestoresTheLessonName()
{
    Fixture f = makeShownFixture("five_points");
    QVERIFY(f.view);
    const std::string title = f.controller->latestRun()->title;
    QTest::mouseDClick(f.view->plot(), Qt::LeftButton, {}, pixelOf(*f.view, 2.5, 1.0));
    // Edited, the data is no longer the lesson.
    QVERIFY(f.controller->latestRun()->lessonName.empty());
    f.editor->undoStack()->undo();
    QCOMPARE(f.controller->latestRun()->lessonName, std::string("five_points"));
    QCOMPARE(f.controller->latestRun()->title, title);
}

} // namespace tst_fit_plot

QTEST_MAIN(tst_fit_plot::TestFitPlot)
#include "tst_fit_plot.moc"
