#include "run_report.h"

#include "dataset.h"
#include "history_csv.h"
#include "run.h"

#include <cmath>
#include <sstream>

namespace gdlab {

namespace {

std::string jsonNumber(double value)
{
    return std::isfinite(value) ? formatNumber(value) : "null";
}

std::string jsonArray(const Eigen::VectorXd& values)
{
    std::string out = "[";
    for (Eigen::Index i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + jsonNumber(values[i]);
    return out + "]";
}

std::string jsonString(const std::string& text)
{
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            out += escaped;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string shortNumber(double value)
{
    if (!std::isfinite(value))
        return "not finite";
    std::ostringstream stream;
    stream.precision(8);
    stream << value;
    return stream.str();
}

std::string vectorText(const Eigen::VectorXd& values)
{
    std::string out = "(";
    for (Eigen::Index i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + shortNumber(values[i]);
    return out + ")";
}

std::string statusText(const Run& run)
{
    std::string status = stopReasonName(run.outcome->reason);
    if (run.outcome->reason == StopReason::Diverged && run.stability.divergenceBound > 0)
        status += " after " + std::to_string(run.outcome->iterations) + " updates (learning rate above the bound "
            + shortNumber(run.stability.divergenceBound) + "?)";
    else if (run.outcome->reason == StopReason::Diverged)
        status += " after " + std::to_string(run.outcome->iterations) + " updates";
    return status;
}

} // namespace

std::string summaryText(const Run& run, const Dataset& dataset)
{
    const Problem& problem = *run.problem;
    std::string features;
    for (std::size_t i = problem.hasIntercept() ? 1 : 0; i < problem.parameterNames().size(); ++i)
        features += (features.empty() ? "" : ", ") + problem.parameterNames()[i];
    std::ostringstream out;
    out << dataset.source() << ": " << problem.sampleCount() << " rows, target " << problem.targetName()
        << ", features " << (features.empty() ? "none" : features)
        << (problem.hasIntercept() ? " (with intercept)" : " (no intercept)")
        << (problem.isStandardized() ? ", standardized" : "") << "\n";
    out << methodName(run.settings.method) << " gradient descent on " << lossName(run.settings.loss) << ", lr "
        << shortNumber(run.settings.learningRate) << ": " << statusText(run) << ", " << run.outcome->iterations
        << " updates\n";
    if (!run.history->empty()) {
        const History& history = *run.history;
        const std::size_t last = history.size() - 1;
        out << "θ = " << vectorText(problem.toOriginalUnits(history.theta(last))) << "   loss "
            << shortNumber(history.loss(last)) << "   RMSE " << shortNumber(history.rmse(last)) << "   |∇| "
            << shortNumber(history.gradientNorm(last)) << "\n";
    }
    // NaN only when the target does not vary: say so instead of showing a number that is none.
    out << "least squares θ = " << vectorText(run.leastSquares.thetaOriginal) << "   R² "
        << (std::isfinite(run.leastSquares.r2) ? shortNumber(run.leastSquares.r2)
                                               : std::string("undefined (the target is constant)"))
        << "\n";
    if (!run.leastSquares.message.empty())
        out << "note: " << run.leastSquares.message << "\n";
    // The bounds are 0 when the loss is flat (every feature all zeros, no intercept): no rate can diverge.
    if (run.stability.divergenceBound > 0)
        out << "batch learning rate: diverges above " << shortNumber(run.stability.divergenceBound) << ", fastest at "
            << shortNumber(run.stability.optimalRate) << "\n";
    else
        out << "batch learning rate: no bound (the loss does not depend on θ)\n";
    return out.str();
}

std::string jsonText(const Run& run)
{
    const Problem& problem = *run.problem;
    const History& history = *run.history;
    const bool any = !history.empty();
    const std::size_t last = any ? history.size() - 1 : 0;
    const double nan = std::nan("");
    std::string out = "{";
    out += "\"status\": " + jsonString(stopReasonName(run.outcome->reason));
    out += ", \"iterations\": " + std::to_string(run.outcome->iterations);
    out += ", \"theta\": " + (any ? jsonArray(problem.toOriginalUnits(history.theta(last))) : std::string("[]"));
    out += ", \"loss\": " + jsonNumber(any ? history.loss(last) : nan);
    out += ", \"rmse\": " + jsonNumber(any ? history.rmse(last) : nan);
    out += ", \"least_squares\": " + jsonArray(run.leastSquares.thetaOriginal);
    out += ", \"r2\": " + jsonNumber(run.leastSquares.r2);
    out += ", \"std_errors\": " + jsonArray(run.leastSquares.standardErrors);
    out += ", \"residual_sd\": " + jsonNumber(run.leastSquares.residualStandardDeviation);
    out += ", \"lr_bound\": " + jsonNumber(run.stability.divergenceBound);
    out += "}\n";
    return out;
}

} // namespace gdlab
