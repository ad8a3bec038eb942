#include "session/run_json.h"

#include "dataset.h"
#include "model_kind.h"
#include "problem.h"
#include "run.h"

#include <QJsonArray>

namespace gdlab {

namespace {

QJsonArray numbers(const std::vector<double>& values)
{
    QJsonArray array;
    for (double value : values)
        array.append(value);
    return array;
}

} // namespace

QJsonArray RunJson::strings(const std::vector<std::string>& values)
{
    QJsonArray array;
    for (const std::string& value : values)
        array.append(QString::fromStdString(value));
    return array;
}

QJsonObject RunJson::data(const Run& run, bool withValues)
{
    const Dataset* dataset = run.dataset.get();
    QJsonObject data { { QStringLiteral("lesson"),
                           run.lessonName.empty() ? QJsonValue() : QJsonValue(QString::fromStdString(run.lessonName)) },
        { QStringLiteral("title"), QString::fromStdString(run.title) } };
    if (!dataset)
        return data;
    data.insert(QStringLiteral("source"), QString::fromStdString(dataset->source()));
    // Of the whole file, also when the window holds only a sample of it.
    data.insert(QStringLiteral("rows"), static_cast<qint64>(dataset->fullRowCount()));
    data.insert(QStringLiteral("columns"), strings(dataset->columnNames()));
    if (withValues) {
        QJsonArray rows;
        for (Eigen::Index row = 0; row < dataset->rowCount(); ++row) {
            QJsonArray values;
            for (Eigen::Index column = 0; column < dataset->columnCount(); ++column)
                values.append(dataset->values()(row, column));
            rows.append(values);
        }
        data.insert(QStringLiteral("values"), rows);
    }
    return data;
}

QJsonObject RunJson::problem(const Problem& problem)
{
    QJsonArray features;
    for (std::size_t i = problem.hasIntercept() ? 1 : 0; i < problem.parameterNames().size(); ++i)
        features.append(QString::fromStdString(problem.parameterNames()[i]));
    return { { QStringLiteral("target"), QString::fromStdString(problem.targetName()) },
        { QStringLiteral("features"), features }, { QStringLiteral("intercept"), problem.hasIntercept() },
        { QStringLiteral("standardize"), problem.isStandardized() },
        { QStringLiteral("parameters"), strings(problem.parameterNames()) } };
}

QJsonObject RunJson::settings(const Run& run)
{
    const SolverSettings& settings = run.settings;
    const OptimizerSettings& optimizer = settings.optimizer;
    QJsonValue init = QStringLiteral("zeros");
    if (settings.init == InitKind::Random)
        init = QStringLiteral("random");
    else if (settings.init == InitKind::Values)
        init = numbers(settings.initValues);
    QJsonArray ghosts;
    for (long long iteration : run.ghostIterations)
        ghosts.append(iteration);
    return { { QStringLiteral("model"), QString::fromLatin1(modelName(settings.model)) },
        // The logistic model has one loss, whatever settings.loss holds.
        { QStringLiteral("loss"),
            run.isLogistic() ? QStringLiteral("logloss") : QString::fromLatin1(lossName(settings.loss)) },
        { QStringLiteral("method"), QString::fromLatin1(methodName(settings.method)) },
        { QStringLiteral("batch_size"), settings.batchSize }, { QStringLiteral("shuffle"), settings.shuffle },
        // A JSON number is a double: a seed beyond 2^53 goes as text so as not to lose its last digits.
        { QStringLiteral("seed"),
            settings.seed <= (std::uint64_t(1) << 53) ? QJsonValue(static_cast<double>(settings.seed))
                                                      : QJsonValue(QString::number(settings.seed)) },
        { QStringLiteral("learning_rate"), settings.learningRate },
        { QStringLiteral("iterations"), settings.iterations }, { QStringLiteral("tolerance"), settings.tolerance },
        { QStringLiteral("init"), init },
        { QStringLiteral("optimizer"),
            QJsonObject { { QStringLiteral("name"), QString::fromLatin1(optimizerName(optimizer.kind)) },
                { QStringLiteral("momentum"), optimizer.momentum }, { QStringLiteral("beta1"), optimizer.beta1 },
                { QStringLiteral("beta2"), optimizer.beta2 }, { QStringLiteral("rho"), optimizer.rho },
                { QStringLiteral("eps"), optimizer.effectiveEpsilon() } } },
        { QStringLiteral("ghost_iterations"), ghosts } };
}

} // namespace gdlab
