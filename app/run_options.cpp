#include "run_options.h"

#include "dataset.h"
#include "input_error.h"
#include "optimizer_flags.h"

#include <charconv>
#include <cmath>
#include <functional>
#include <optional>

namespace gdlab {

namespace {

constexpr const char* logLossName = "logloss";

[[noreturn]] void badValue(const std::string& flag, const std::string& value, const std::string& expected)
{
    throw InputError("invalid value '" + value + "' for " + flag + ": expected " + expected);
}

double parseDouble(const std::string& flag, const std::string& text)
{
    double value = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc() || stop != end || !std::isfinite(value))
        badValue(flag, text, "a finite number");
    return value;
}

template <typename Integer> Integer parseInteger(const std::string& flag, const std::string& text, Integer minimum)
{
    Integer value = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc() || stop != end || value < minimum)
        badValue(flag, text, "a whole number >= " + std::to_string(minimum));
    return value;
}

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        parts.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos)
            return parts;
        start = comma + 1;
    }
}

void applyInit(SolverSettings& solver, const std::string& text)
{
    if (text == "zeros") {
        solver.init = InitKind::Zeros;
    } else if (text == "random") {
        solver.init = InitKind::Random;
    } else {
        solver.init = InitKind::Values;
        solver.initValues.clear();
        for (const std::string& part : splitList(text))
            solver.initValues.push_back(parseDouble("--init", part));
    }
}

// A flag's value (after '=' or the next argument), and the check that a flag without one was given none.
using FlagValue = std::function<std::string()>;
using NoValue = std::function<void()>;

// The flags of the descent itself; false for any other.
bool applySolverFlag(const std::string& flag, const FlagValue& value, const NoValue& noValue, SolverSettings& solver)
{
    if (flag == "--method") {
        const std::string text = value();
        const auto method = parseMethod(text);
        if (!method)
            badValue(flag, text, "batch, sgd or minibatch");
        solver.method = *method;
    } else if (flag == "--batch-size") {
        solver.batchSize = parseInteger<long long>(flag, value(), 1);
    } else if (flag == "--shuffle") {
        noValue();
        solver.shuffle = true;
    } else if (flag == "--seed") {
        solver.seed = parseInteger<unsigned long long>(flag, value(), 0);
    } else if (flag == "--lr") {
        const std::string text = value();
        solver.learningRate = parseDouble(flag, text);
        if (!(solver.learningRate > 0))
            badValue(flag, text, "a positive number");
    } else if (flag == "--iterations") {
        solver.iterations = parseInteger<long long>(flag, value(), 0);
    } else if (flag == "--tolerance") {
        const std::string text = value();
        solver.tolerance = parseDouble(flag, text);
        if (solver.tolerance < 0)
            badValue(flag, text, "a number >= 0");
    } else if (flag == "--init") {
        applyInit(solver, value());
    } else {
        return false;
    }
    return true;
}

// The flags that choose the columns and the output; false for any other.
bool applyRunFlag(const std::string& flag, const FlagValue& value, const NoValue& noValue, RunOptions& options)
{
    if (flag == "--help" || flag == "-h") {
        noValue();
        options.help = true;
    } else if (flag == "--target") {
        options.target = value();
        if (options.target.empty())
            badValue(flag, options.target, "a column name or position");
    } else if (flag == "--features") {
        options.features = splitList(value());
        for (const std::string& feature : options.features)
            if (feature.empty())
                badValue("--features", feature, "column names or positions separated by commas");
    } else if (flag == "--no-intercept") {
        noValue();
        options.intercept = false;
    } else if (flag == "--standardize") {
        noValue();
        options.standardize = true;
    } else if (flag == "--history") {
        options.historyPath = value();
        if (options.historyPath.empty())
            badValue(flag, options.historyPath, "a file name or -");
    } else if (flag == "--json") {
        noValue();
        options.json = true;
    } else if (flag == "--model") {
        const std::string text = value();
        const auto model = parseModel(text);
        if (!model)
            badValue(flag, text, "linear or logistic");
        options.solver.model = *model;
    } else if (flag == "--loss") {
        options.loss = value();
        if (options.loss != logLossName && !parseLoss(options.loss))
            badValue(flag, options.loss, "mse, half-mse, sse or logloss");
    } else {
        return false;
    }
    return true;
}

// Each model has its own losses: logloss is the logistic model's only one (and its default), the others the linear's.
void applyLoss(RunOptions& options)
{
    const bool logistic = options.solver.model == ModelKind::Logistic;
    if (options.loss.empty())
        return;
    if (options.loss == logLossName) {
        if (!logistic)
            throw InputError("--loss logloss is the loss of logistic regression: add --model logistic");
        return;
    }
    if (logistic)
        throw InputError("invalid value '" + options.loss + "' for --loss: --model logistic has one loss, logloss");
    options.solver.loss = *parseLoss(options.loss);
}

} // namespace

const char* runUsage()
{
    return "usage: gdlab-run DATA.csv [options]\n"
           "Fits a linear or logistic regression by gradient descent and prints the result.\n"
           "\n"
           "  --target COL           target column (name or 1-based position; default: the last)\n"
           "  --features COL,COL,... feature columns (default: every other numeric column)\n"
           "  --no-intercept         fit without θ0\n"
           "  --model linear|logistic   the model (default linear); logistic needs a target of 0s and 1s\n"
           "  --loss mse|half-mse|sse|logloss   loss (default mse; logloss, the only one, for logistic)\n"
           "  --method batch|sgd|minibatch   descent method (default batch)\n"
           "  --batch-size N         rows per mini-batch (default 32)\n"
           "  --shuffle              reshuffle the rows every epoch (default: file order)\n"
           "  --seed N               seed for shuffling and the random start (default 1)\n"
           "  --lr X                 learning rate (default 0.01)\n"
           "  --iterations N         maximum number of updates (default 1000)\n"
           "  --tolerance X          stop when the gradient norm is <= X (default: never)\n"
           "  --init zeros|random|v0,v1,...   starting θ, in the space the descent runs in (default zeros)\n"
           "  --optimizer gd|momentum|nesterov|adagrad|rmsprop|adam|newton   update rule (default gd)\n"
           "  --momentum MU          μ of momentum and nesterov, in [0, 1) (default 0.9)\n"
           "  --beta1 B1 --beta2 B2  adam's averaging factors, in [0, 1) (default 0.9, 0.999)\n"
           "  --rho R                rmsprop's averaging factor, in [0, 1) (default 0.99)\n"
           "  --eps E                ε > 0 of adagrad, rmsprop and adam (default 1e-8; adagrad 1e-10)\n"
           "  --standardize          z-score the features; θ is reported in original units too\n"
           "  --history FILE|-       write every state as CSV (θ in the descent space)\n"
           "  --json                 print one JSON object instead of the summary\n"
           "  --help                 show this text\n"
           "\n"
           "Exit status: 0 on a result (also a diverged one), 2 on bad arguments or data.\n";
}

RunOptions parseRunOptions(const std::vector<std::string>& arguments)
{
    RunOptions options;
    OptimizerFlags optimizerFlags;
    bool seenData = false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        std::string flag = arguments[i];
        std::optional<std::string> inlineValue;
        if (flag.rfind("--", 0) == 0) {
            const std::size_t equals = flag.find('=');
            if (equals != std::string::npos) {
                inlineValue = flag.substr(equals + 1);
                flag.resize(equals);
            }
        }
        const FlagValue value = [&]() -> std::string {
            if (inlineValue)
                return *inlineValue;
            if (i + 1 >= arguments.size())
                throw InputError(flag + " needs a value");
            return arguments[++i];
        };
        const NoValue noValue = [&] {
            if (inlineValue)
                throw InputError(flag + " takes no value");
        };
        if (applySolverFlag(flag, value, noValue, options.solver) || applyRunFlag(flag, value, noValue, options)
            || optimizerFlags.apply(flag, value, options.solver.optimizer))
            continue;
        if (flag.size() > 1 && flag[0] == '-')
            throw InputError("unknown option '" + flag + "' (see --help)");
        if (seenData)
            throw InputError("unexpected argument '" + flag + "': only one data file");
        options.dataPath = flag;
        seenData = true;
    }
    if (!options.help && options.dataPath.empty())
        throw InputError("no data file given (usage: gdlab-run DATA.csv [options]; see --help)");
    applyLoss(options);
    optimizerFlags.check(options.solver.optimizer, options.solver.method != DescentMethod::Batch);
    if (options.json && options.historyPath == "-")
        throw InputError("--json and --history - both write to standard output; give --history a file");
    return options;
}

ProblemSpec problemSpecFor(const RunOptions& options, const Dataset& dataset)
{
    ProblemSpec spec;
    spec.intercept = options.intercept;
    spec.standardize = options.standardize;
    if (!options.target.empty())
        spec.target = dataset.requireColumn(options.target);
    for (const std::string& feature : options.features)
        spec.features.push_back(dataset.requireColumn(feature));
    return spec;
}

} // namespace gdlab
