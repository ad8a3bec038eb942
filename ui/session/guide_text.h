#pragma once

#include <QString>

namespace gdlab {

class IterationModel;

/**
 * @brief A guide's caption with its numbers filled from the model, so that a caption can never contradict the screen.
 *
 * Placeholders, each a lowercase name in braces: {iteration}, {loss}, {rmse}, {grad} (|∇|), {lr}, {theta0} … (θ at
 * the cursor), {g0} … (the gradient's components at the cursor), {opt0} … (the optimum θ: least squares, or Newton's
 * for the logistic model), {optloss} (the loss there) and {bound} (2/λmax, above which batch descent diverges). θ
 * is in the space the descent runs in. Numbers are written as the status line writes them (6 significant digits,
 * a real minus sign); a value that does not exist (θ5 of a two-parameter run, the optimum of separable data) is "–".
 * Braces around anything else ({0, 1}) stay as they are.
 */
class GuideText {
public:
    /** @brief The first placeholder-like name in text that is not one of the above, or empty. */
    static QString unknownPlaceholder(const QString& text);
    /** @brief text with each placeholder replaced by its value at the model's current row. */
    static QString fill(const QString& text, const IterationModel& model);
};

} // namespace gdlab
