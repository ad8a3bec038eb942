#include "views/logistic_update_text.h"

#include "logistic_loss.h"
#include "number_format.h"
#include "problem.h"

#include <algorithm>

namespace gdlab {

namespace {

QString reading(double value)
{
    return QString::fromStdString(formatForReading(value, SignificantDigits::byHand));
}

// A negative number in an expression goes in parentheses: "(−0.25)×1.5".
QString term(double value)
{
    const QString text = reading(value);
    return value < 0 ? QStringLiteral("(%1)").arg(text) : text;
}

std::size_t shown(const std::vector<long long>& rows)
{
    return std::min<std::size_t>(rows.size(), std::size_t(LogisticUpdateText::shownRows));
}

double probability(const Problem& problem, const Eigen::VectorXd& theta, long long row)
{
    return LogisticLoss::sigmoid(problem.design().row(Eigen::Index(row)).dot(theta));
}

} // namespace

QString LogisticUpdateText::rule()
{
    return QStringLiteral("p = σ(xᵀθ) = 1/(1 + e⁻ˣᵀᶿ);  g = (1/n)·Xᵀ(p − y);  θ ← θ − lr·g");
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
        const QStringList cells { QString::number(row + 1), reading(z), reading(p), reading(y), reading(p - y) };
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
    const std::vector<long long>& rows, const Eigen::VectorXd& gradient, const QStringList& symbols)
{
    UpdateDocument::Table table;
    const QString scale = QStringLiteral("(1/%1)").arg(rows.size());
    for (Eigen::Index j = 0; j < gradient.size(); ++j) {
        QStringList terms;
        for (std::size_t i = 0; i < shown(rows); ++i) {
            const auto row = Eigen::Index(rows[i]);
            const double residual = probability(problem, theta, rows[i]) - problem.target()[row];
            terms << QStringLiteral("%1×%2").arg(term(residual), term(problem.design()(row, j)));
        }
        if (rows.size() > shown(rows))
            terms << QStringLiteral("…");
        const QString symbol = j < symbols.size() ? symbols[int(j)] : QStringLiteral("θ%1").arg(j);
        const QString sum = rows.size() == 1 ? terms.join(QString()) : QStringLiteral("(%1)").arg(terms.join(" + "));
        const QString line = QStringLiteral("g = %1·%2 = %3").arg(scale, sum, reading(gradient[j]));
        table.rows.push_back({ symbol.toHtmlEscaped() + QStringLiteral(":&nbsp;&nbsp;"), line.toHtmlEscaped() });
        table.plainRows << QStringLiteral("%1: %2").arg(symbol, line);
    }
    return table;
}

} // namespace gdlab
