#pragma once

#include "views/update_document.h"

#include <Eigen/Core>

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

namespace gdlab {

class Problem;

/**
 * @brief The logistic model's update written out with the step's numbers, for the update panel: for the first few
 * rows the gradient was taken over, z = xᵢᵀθ, p = σ(z) and p − y; then per parameter the gradient
 * g = (1/n)·Σ (pᵢ − yᵢ)·xᵢⱼ with the first two rows' terms and its value:
 *
 *     row   z = xᵀθ   p = σ(z)   y   p − y
 *     1     −4.078    0.01666    0   0.01666
 *     θ1:  g = (1/20)·(0.01666×0.5 + … )
 *            = −0.3124893
 *
 * The rows and the terms are written to four digits (SignificantDigits::label), so that five columns fit the side
 * panel; the gradient itself, which the step uses, to SignificantDigits::byHand as everywhere in the panel.
 *
 * x is the row as the descent sees it (scaled when standardized), θ the θ of the update's start.
 */
class LogisticUpdateText {
    Q_DECLARE_TR_FUNCTIONS(gdlab::LogisticUpdateText)

public:
    /** @brief How many rows are written out; the others are counted. */
    static constexpr int shownRows = 3;

    /** @brief "p = σ(xᵀθ);  g = (1/n)·Xᵀ(p − y);  θ ← θ − lr·g". */
    static QString rule();
    /** @brief The rows' z, p, y and p − y at theta, for the first shownRows of rows (0-based data rows). */
    static UpdateDocument::Table rowsTable(
        const Problem& problem, const Eigen::VectorXd& theta, const std::vector<long long>& rows);
    /** @brief "… and 17 more rows", or empty when every row is shown. */
    static QString moreRows(std::size_t rows);
    /** @brief Per parameter, g = (1/count)·(the first two rows' terms + …) and, on the next line, = gradient[j]. */
    static UpdateDocument::Table gradientTable(const Problem& problem, const Eigen::VectorXd& theta,
        const std::vector<long long>& rows, const Eigen::VectorXd& gradient, const QStringList& symbols,
        bool narrow = false);
};

} // namespace gdlab
