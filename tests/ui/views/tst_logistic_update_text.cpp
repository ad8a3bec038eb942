#include "views/logistic_update_text.h"
#include "views/update_panel.h"

#include "dataset.h"
#include "run.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"

#include <QRegularExpression>
#include <QtTest>

#include <cmath>
#include <memory>

namespace tst_logistic_update_text {

using namespace gdlab;

namespace {

struct Fixture {
    std::unique_ptr<SessionController> controller;
    std::unique_ptr<UpdatePanel> panel;
    IterationModel* model() const { return controller->model(); }
};

Fixture makeFixture(const char* lesson)
{
    Fixture fixture;
    fixture.controller = std::make_unique<SessionController>();
    if (!fixture.controller->loadLesson(QString::fromLatin1(lesson)).isEmpty())
        return {};
    fixture.controller->waitForComputation();
    fixture.panel = std::make_unique<UpdatePanel>(fixture.controller->model());
    fixture.panel->resize(420, 400);
    return fixture;
}

double number(QString text)
{
    text.replace(QChar(0x2212), QLatin1Char('-'));
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? value : std::nan("");
}

/** The rows and the gradient's terms are shown to four significant digits. */
bool closeBrief(double shown, double expected)
{
    return std::abs(shown - expected) <= 5e-4 * std::abs(expected) + 1e-12;
}

bool close(double shown, double expected)
{
    // Seven significant digits are shown.
    return std::abs(shown - expected) <= 1e-6 * std::max(1.0, std::abs(expected));
}

/** Everything the test knows of exam_hours' update at row, computed from the data set itself. */
struct Expected {
    std::vector<double> z, p, y;
    Eigen::Vector2d gradient;
    Eigen::Vector2d next;
};

Expected expected(const IterationModel& model, int row)
{
    const Dataset& data = *model.run()->dataset;
    const Eigen::VectorXd theta = model.theta(row); // not standardized: the data's own units
    Expected e;
    e.gradient.setZero();
    const auto n = data.rowCount();
    for (Eigen::Index i = 0; i < n; ++i) {
        const double hours = data.values()(i, 0);
        const double z = theta[0] + theta[1] * hours;
        const double p = 1.0 / (1.0 + std::exp(-z));
        const double y = data.values()(i, 1);
        e.z.push_back(z);
        e.p.push_back(p);
        e.y.push_back(y);
        e.gradient += (p - y) * Eigen::Vector2d(1.0, hours) / double(n);
    }
    e.next = theta - model.run()->settings.learningRate * e.gradient;
    return e;
}

} // namespace

class TestLogisticUpdateText : public QObject {
    Q_OBJECT

private slots:
    void rowsShowZAndP();
    void gradientIsTheMeanOfTheTerms();
    void stepUsesThatGradient();
    void lossFormulaIsTheLogLoss();
    void accuracyIsTheShareClassifiedRight();
    void linearRunShowsNoRows();
    void moreRowsAreCounted();
};

void TestLogisticUpdateText::rowsShowZAndP()
{
    Fixture f = makeFixture("exam_hours");
    QVERIFY(f.panel);
    QVERIFY(!f.model()->run()->problem->isStandardized());
    for (int row : { 0, 7 }) {
        f.model()->setCurrentRow(row);
        const Expected e = expected(*f.model(), row);
        const QStringList lines = f.panel->text().split(QLatin1Char('\n'));
        QVERIFY(lines.contains(QStringLiteral("row  z = xᵀθ  p = σ(z)  y  p − y")));
        for (int i = 0; i < LogisticUpdateText::shownRows; ++i) {
            const auto found = std::find_if(lines.begin(), lines.end(),
                [i](const QString& line) { return line.startsWith(QStringLiteral("%1  ").arg(i + 1)); });
            QVERIFY2(found != lines.end(), qPrintable(f.panel->text()));
            const QStringList cells = found->split(QStringLiteral("  "));
            QCOMPARE(cells.size(), 5);
            QVERIFY2(closeBrief(number(cells[1]), e.z[i]), qPrintable(*found));
            QVERIFY2(closeBrief(number(cells[2]), e.p[i]), qPrintable(*found));
            QCOMPARE(number(cells[3]), e.y[i]);
            QVERIFY2(closeBrief(number(cells[4]), e.p[i] - e.y[i]), qPrintable(*found));
        }
    }
}

void TestLogisticUpdateText::gradientIsTheMeanOfTheTerms()
{
    Fixture f = makeFixture("exam_hours");
    f.model()->setCurrentRow(7);
    const Expected e = expected(*f.model(), 7);
    static const QRegularExpression pattern(
        QStringLiteral("^(θ\\d): g = \\(1/(\\d+)\\)·\\((.*)\\)\\n  = (\\S+)$"), QRegularExpression::MultilineOption);
    auto it = pattern.globalMatch(f.panel->text());
    int seen = 0;
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const int j = match.captured(1).mid(1).toInt();
        QCOMPARE(match.captured(2).toInt(), int(e.y.size()));
        QVERIFY2(close(number(match.captured(4)), e.gradient[j]), qPrintable(match.captured(0)));
        // The first term is row 1's (p − y)·x.
        const QString first = match.captured(3).section(QStringLiteral(" + "), 0, 0);
        const double x = j == 0 ? 1.0 : f.model()->run()->dataset->values()(0, 0);
        QStringList factors = first.split(QStringLiteral("×"));
        QCOMPARE(factors.size(), 2);
        QVERIFY(closeBrief(number(factors[0].remove('(').remove(')')), e.p[0] - e.y[0]));
        QVERIFY(closeBrief(number(factors[1].remove('(').remove(')')), x));
        ++seen;
    }
    QCOMPARE(seen, 2);
}

void TestLogisticUpdateText::stepUsesThatGradient()
{
    Fixture f = makeFixture("exam_hours");
    f.model()->setCurrentRow(7);
    const Expected e = expected(*f.model(), 7);
    const QString text = f.panel->text();
    for (int j = 0; j < 2; ++j) {
        static const QRegularExpression line(
            QStringLiteral("^θ(\\d):  (\\S+) − (\\S+) × \\((\\S+)\\) = (\\S+)$"), QRegularExpression::MultilineOption);
        bool found = false;
        for (auto it = line.globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            if (match.captured(1).toInt() != j)
                continue;
            found = true;
            QVERIFY(close(number(match.captured(4)), e.gradient[j]));
            QVERIFY(close(number(match.captured(5)), e.next[j]));
        }
        QVERIFY2(found, qPrintable(text));
    }
    QVERIFY(text.contains(QStringLiteral("p = σ(xᵀθ)")));
}

void TestLogisticUpdateText::lossFormulaIsTheLogLoss()
{
    Fixture f = makeFixture("exam_hours");
    QVERIFY(f.panel->text().contains(QStringLiteral("log loss")));
    QVERIFY(f.panel->text().contains(QStringLiteral("∇L = (1/n)·Xᵀ(p − y)")));
    QVERIFY(!f.panel->text().contains(QStringLiteral("mse")));
}

void TestLogisticUpdateText::accuracyIsTheShareClassifiedRight()
{
    Fixture f = makeFixture("exam_hours");
    const int last = f.model()->lastRow();
    f.model()->setCurrentRow(last);
    const Expected e = expected(*f.model(), last);
    int right = 0;
    for (std::size_t i = 0; i < e.p.size(); ++i)
        right += (e.p[i] >= 0.5) == (e.y[i] == 1) ? 1 : 0;
    const double percent = 100.0 * right / double(e.p.size());
    static const QRegularExpression pattern(QStringLiteral("accuracy = (\\S+) %"));
    const auto match = pattern.match(f.panel->text());
    QVERIFY2(match.hasMatch(), qPrintable(f.panel->text()));
    QVERIFY(std::abs(number(match.captured(1)) - percent) < 0.01);
    f.model()->setCurrentRow(5);
    QVERIFY(f.panel->text().contains(QStringLiteral("accuracy ")));
    QVERIFY(f.panel->text().contains(QStringLiteral(" % → ")));
}

void TestLogisticUpdateText::linearRunShowsNoRows()
{
    Fixture f = makeFixture("five_points");
    QVERIFY(!f.panel->text().contains(QStringLiteral("p = σ(z)")));
    QVERIFY(!f.panel->text().contains(QStringLiteral("accuracy")));
}

void TestLogisticUpdateText::moreRowsAreCounted()
{
    QCOMPARE(LogisticUpdateText::moreRows(2), QString());
    QCOMPARE(LogisticUpdateText::moreRows(3), QString());
    QCOMPARE(LogisticUpdateText::moreRows(4), QStringLiteral("… and 1 more row"));
    QCOMPARE(LogisticUpdateText::moreRows(20), QStringLiteral("… and 17 more rows"));
}

} // namespace tst_logistic_update_text

QTEST_MAIN(tst_logistic_update_text::TestLogisticUpdateText)
#include "tst_logistic_update_text.moc"
