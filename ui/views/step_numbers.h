#pragma once

#include <QString>

namespace gdlab {

/** @brief How the update panels write the numbers of a step: the reading, a brief form, a term of a product. */
namespace StepNumbers {

/** @brief A value as a student would copy it by hand (SignificantDigits::byHand). */
QString reading(double value);
/** @brief A value to four digits (SignificantDigits::label): the rows and terms that must fit a side panel. */
QString brief(double value);
/** @brief reading() as a factor of a product: in parentheses when negative, "0.9 × (−1.62)". */
QString term(double value);
/** @brief brief() as a factor of a product: in parentheses when negative, "(−0.25)×1.5". */
QString briefTerm(double value);

} // namespace StepNumbers

} // namespace gdlab
