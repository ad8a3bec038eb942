#include "views/logistic_update_text.h"

#include "logistic_loss.h"
#include "problem.h"
#include "views/step_numbers.h"

#include <algorithm>

namespace gdlab {

namespace {

using StepNumbers::brief;
using StepNumbers::briefTerm;
using StepNumbers::reading;

std::size_t shown(const std::vector<long long>& rows)
{
    return std::min<std::size_t>(rows.size(), std::size_t(LogisticUpdateText::shownRows));
}

// The gradient's sum shows its first two products: enough to see the pattern, short enough for the side panel.
std::size_t terms(const std::vector<long long>& rows)
{
    return std::min<std::size_t>(rows.size(), 2);
}

double probability(const Problem& problem, const Eigen::VectorXd& theta, long long row)
{
    return LogisticLoss::sigmoid(problem.design().row(Eigen::Index(row)).dot(theta));
}

} // namespace

QString LogisticUpdateText::rule()
{
    return QStringLiteral("p = σ(xᵀθ);  g = (1/n)·Xᵀ(p − y);  θ ← θ − lr·g");
}

UpdateDocument::Table LogisticUpdateText::rowsTable(
    const Problem& problem, const Eigen::VectorXd& theta, const std::vector<long long>& rows)
{
    UpdateDocument::Table table;
    table.header = { tr("row"), QStringLiteral("z = xᵀθ"), QStringLiteral("p = σ(z)"), QStringLiteral("y"),
        QStringLiteral("p − y") };
    table.plainHeader = tr("row  z = xᵀθ  p = σ(z)  y  p − y");
    table.rightAligned = { 0, 1, 2, 3, 4 };
    for (std::size_t i = 0; i < shown(rows); ++i) {
        const auto row = Eigen::Index(rows[i]);
        const double z = problem.design().row(row).dot(theta);
        const double p = LogisticLoss::sigmoid(z);
        const double y = problem.target()[row];
        const QStringList cells { QString::number(row + 1), brief(z), brief(p), brief(y), brief(p - y) };
        QStringList rich;
        for (const QString& cell : cells)
            rich << QStringLiteral("&nbsp;%1&nbsp;").arg(cell.toHtmlEscaped());
        table.rows.push_back(rich);
        table.plainRows << cells.join(QStringLiteral("  "));
    }
    return table;
}

QString LogisticUpdateText::moreRows(std::size_t rows)
{
    const std::size_t more = rows - std::min<std::size_t>(rows, std::size_t(shownRows));
    if (more == 0)
        return {};
    return more == 1 ? tr("… and 1 more row") : tr("… and %1 more rows").arg(more);
}

UpdateDocument::Table LogisticUpdateText::gradientTable(const Problem& problem, const Eigen::VectorXd& theta,
    const std::vector<long long>& rows, const Eigen::VectorXd& gradient, const QStringList& symbols, bool narrow)
{
    UpdateDocument::Table table;
    const QString scale = QStringLiteral("(1/%1)").arg(rows.size());
    for (Eigen::Index j = 0; j < gradient.size(); ++j) {
        QStringList products;
        for (std::size_t i = 0; i < terms(rows); ++i) {
            const auto row = Eigen::Index(rows[i]);
            const double residual = probability(problem, theta, rows[i]) - problem.target()[row];
            products << QStringLiteral("%1×%2").arg(briefTerm(residual), briefTerm(problem.design()(row, j)));
        }
        if (rows.size() > terms(rows))
            products << QStringLiteral("…");
        const QString symbol = j < symbols.size() ? symbols[int(j)] : QStringLiteral("θ%1").arg(j);
        const QString sum = rows.size() == 1 ? products.join(QString())
                                             : QStringLiteral("(%1)").arg(products.join(QStringLiteral(" + ")));
        // The sum on one line and its value on the next: one line would be wider than the side panel. Narrower
        // still, each product of the sum on a line of its own.
        const QString line = QStringLiteral("g = %1·%2").arg(scale, sum);
        const QString value = QStringLiteral("  = %1").arg(reading(gradient[j]));
        QStringList shown { line };
        if (narrow && products.size() > 1) {
            shown = { QStringLiteral("g = %1·(%2").arg(scale, products.first()) };
            for (qsizetype i = 1; i < products.size(); ++i)
                shown << QStringLiteral("    + %1%2")
                             .arg(products[i], i + 1 == products.size() ? QStringLiteral(")") : QString());
        }
        for (qsizetype i = 0; i < shown.size(); ++i)
            table.rows.push_back({ i == 0 ? symbol.toHtmlEscaped() + QStringLiteral(":&nbsp;&nbsp;") : QString(),
                shown[i].toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;")) });
        table.rows.push_back({ QString(), QStringLiteral("<b>%1</b>").arg(value.toHtmlEscaped()) });
        table.plainRows << QStringLiteral("%1: %2").arg(symbol, line) << value;
    }
    return table;
}

} // namespace gdlab
