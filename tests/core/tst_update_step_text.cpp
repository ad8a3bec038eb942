// One parameter's update written out: the numbers of a real descent, and the line a student redoes by hand.
#include "csv_reader.h"
#include "number_format.h"
#include "run.h"
#include "update_step_text.h"

#include <QRegularExpression>
#include <QtTest>

#include <cmath>

namespace tst_update_step_text {

using gdlab::formatUpdateStep;
using gdlab::updateStepLine;
using gdlab::UpdateStepText;

namespace {

double parse(const std::string& text)
{
    QString number = QString::fromStdString(text);
    number.replace(QChar(0x2212), QLatin1Char('-'));
    bool ok = false;
    const double value = number.toDouble(&ok);
    return ok ? value : std::nan("");
}

bool closeRelative(double a, double b, double relative)
{
    return std::abs(a - b) <= relative * std::max({ std::abs(a), std::abs(b), 1e-300 });
}

} // namespace

class TestUpdateStepText : public QObject {
    Q_OBJECT

private slots:
    void termsAreTheNumbersToSevenDigits_data();
    void termsAreTheNumbersToSevenDigits();
    void lineReadsAsTheRule();
    void everyStepOfADescentChecksByHand_data();
    void everyStepOfADescentChecksByHand();
};

void TestUpdateStepText::termsAreTheNumbersToSevenDigits_data()
{
    QTest::addColumn<double>("before");
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("gradient");
    QTest::addRow("negative gradient") << 0.75 << 0.01 << -1.62;
    QTest::addRow("positive gradient") << -0.25 << 1e-4 << 3.5e3;
    QTest::addRow("long digits") << 0.8094368934859253 << 0.0833333333 << -0.04147356012;
}

void TestUpdateStepText::termsAreTheNumbersToSevenDigits()
{
    QFETCH(double, before);
    QFETCH(double, rate);
    QFETCH(double, gradient);
    const double after = before - rate * gradient;
    const UpdateStepText step = formatUpdateStep(before, rate, gradient, after);
    const int digits = gdlab::SignificantDigits::byHand;
    QCOMPARE(step.before, gdlab::formatForReading(before, digits));
    QCOMPARE(step.rate, gdlab::formatForReading(rate, digits));
    QCOMPARE(step.after, gdlab::formatForReading(after, digits));
    // The gradient keeps its sign inside parentheses, apart from the minus of the rule.
    QCOMPARE(step.gradient, "(" + gdlab::formatForReading(gradient, digits) + ")");
    QVERIFY(closeRelative(parse(step.gradient.substr(1, step.gradient.size() - 2)), gradient, 1e-6));
}

void TestUpdateStepText::lineReadsAsTheRule()
{
    const UpdateStepText step = formatUpdateStep(0.75, 0.01, -1.62, 0.7662);
    QCOMPARE(QString::fromStdString(updateStepLine("θ0", step)), QStringLiteral("θ0:  0.75 − 0.01 × (−1.62) = 0.7662"));
}

void TestUpdateStepText::everyStepOfADescentChecksByHand_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<bool>("intercept");
    QTest::addRow("five points") << QStringLiteral("five_points.csv") << true;
    QTest::addRow("three features") << QStringLiteral("three_features_ints_n20.csv") << false;
}

// θ_k − lr·g with the numbers on the line gives the θ_{k+1} on the line, to the digits shown.
void TestUpdateStepText::everyStepOfADescentChecksByHand()
{
    QFETCH(QString, lesson);
    QFETCH(bool, intercept);
    const gdlab::Dataset data = gdlab::CsvReader::readFile(std::string(GDLAB_LESSON_DIR) + "/" + lesson.toStdString());
    gdlab::ProblemSpec spec;
    spec.intercept = intercept;
    gdlab::SolverSettings settings;
    settings.learningRate = 1e-3;
    settings.iterations = 50;
    const gdlab::Run run = gdlab::runDescent(data, spec, settings);
    static const QRegularExpression line(QStringLiteral("^(\\S+):  (\\S+) − (\\S+) × \\((\\S+)\\) = (\\S+)$"));
    for (std::size_t row = 0; row + 1 < run.history->size(); ++row) {
        const Eigen::VectorXd before = run.history->theta(row);
        const Eigen::VectorXd after = run.history->theta(row + 1);
        const Eigen::VectorXd gradient = run.stepGradient(row + 1);
        for (Eigen::Index j = 0; j < before.size(); ++j) {
            const UpdateStepText step = formatUpdateStep(before[j], settings.learningRate, gradient[j], after[j]);
            const QString text = QString::fromStdString(updateStepLine("θ", step));
            const QRegularExpressionMatch match = line.match(text);
            QVERIFY2(match.hasMatch(), qPrintable(text));
            const double byHand = parse(match.captured(2).toStdString())
                - parse(match.captured(3).toStdString()) * parse(match.captured(4).toStdString());
            QVERIFY2(closeRelative(byHand, parse(match.captured(5).toStdString()), 1e-6), qPrintable(text));
        }
    }
}

} // namespace tst_update_step_text

QTEST_APPLESS_MAIN(tst_update_step_text::TestUpdateStepText)
#include "tst_update_step_text.moc"
