#include "views/step_numbers.h"

#include "number_format.h"

namespace gdlab::StepNumbers {

QString reading(double value)
{
    return QString::fromStdString(formatForReading(value, SignificantDigits::byHand));
}

QString brief(double value)
{
    return QString::fromStdString(formatForReading(value, SignificantDigits::label));
}

namespace {

QString factor(double value, const QString& text)
{
    return value < 0 ? QStringLiteral("(%1)").arg(text) : text;
}

} // namespace

QString term(double value)
{
    return factor(value, reading(value));
}

QString briefTerm(double value)
{
    return factor(value, brief(value));
}

} // namespace gdlab::StepNumbers
