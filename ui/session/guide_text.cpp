#include "session/guide_text.h"

#include "number_format.h"
#include "run.h"
#include "session/iteration_model.h"

#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace gdlab {

namespace {

/** {name} or {name7}: a lowercase word and an optional index. */
const QRegularExpression& placeholder()
{
    static const QRegularExpression pattern(QStringLiteral("\\{([a-z]+)([0-9]*)\\}"));
    return pattern;
}

bool isIndexed(const QString& name)
{
    return name == QLatin1String("theta") || name == QLatin1String("g") || name == QLatin1String("opt");
}

bool isScalar(const QString& name)
{
    static const QStringList names { QStringLiteral("iteration"), QStringLiteral("loss"), QStringLiteral("rmse"),
        QStringLiteral("grad"), QStringLiteral("lr"), QStringLiteral("optloss"), QStringLiteral("bound") };
    return names.contains(name);
}

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

double component(const Eigen::VectorXd& vector, int index)
{
    return index >= 0 && index < vector.size() ? vector(index) : kMissing;
}

double scalar(const QString& name, const IterationModel& model, int row)
{
    const Run& run = *model.run();
    if (name == QLatin1String("loss"))
        return model.loss(row);
    if (name == QLatin1String("rmse"))
        return model.rmse(row);
    if (name == QLatin1String("grad"))
        return model.gradientNorm(row);
    if (name == QLatin1String("lr"))
        return run.settings.learningRate;
    if (name == QLatin1String("bound"))
        return run.stability.divergenceBound;
    const Eigen::VectorXd* optimum = run.optimum();
    return optimum ? run.evaluate(*optimum).loss : kMissing; // optloss
}

double indexed(const QString& name, int index, const IterationModel& model, int row)
{
    if (name == QLatin1String("theta"))
        return component(model.theta(row), index);
    if (name == QLatin1String("g"))
        return component(model.gradient(row), index);
    const Eigen::VectorXd* optimum = model.run()->optimum();
    return optimum ? component(*optimum, index) : kMissing;
}

} // namespace

QString GuideText::unknownPlaceholder(const QString& text)
{
    QRegularExpressionMatchIterator matches = placeholder().globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        const QString name = match.captured(1);
        const bool known = match.captured(2).isEmpty() ? isScalar(name) : isIndexed(name);
        if (!known)
            return match.captured(0);
    }
    return {};
}

QString GuideText::fill(const QString& text, const IterationModel& model)
{
    if (!model.run() || model.isEmpty())
        return text;
    const int row = model.currentRow();
    QString filled;
    qsizetype from = 0;
    QRegularExpressionMatchIterator matches = placeholder().globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        const QString name = match.captured(1);
        const QString index = match.captured(2);
        QString value = match.captured(0);
        bool indexOk = true;
        const int position = index.toInt(&indexOk);
        if (name == QLatin1String("iteration") && index.isEmpty())
            value = QString::number(model.iteration(row));
        else if (index.isEmpty() ? isScalar(name) : isIndexed(name))
            value = QString::fromStdString(formatForReading(
                index.isEmpty() ? scalar(name, model, row) : indexed(name, indexOk ? position : -1, model, row),
                SignificantDigits::status));
        filled += QStringView(text).mid(from, match.capturedStart(0) - from);
        filled += value;
        from = match.capturedEnd(0);
    }
    filled += QStringView(text).mid(from);
    return filled;
}

} // namespace gdlab
