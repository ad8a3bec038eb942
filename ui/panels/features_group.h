#pragma once

#include "problem.h"

#include <QGroupBox>

class QCheckBox;

namespace gdlab {

/** @brief How the features enter the model: standardized or not, with an intercept or through the origin. */
class FeaturesGroup : public QGroupBox {
    Q_OBJECT

public:
    explicit FeaturesGroup(QWidget* parent = nullptr);

    /** @brief Shows spec, changing only the boxes that show something else. */
    void showSpec(const ProblemSpec& spec);

    QCheckBox* standardizeCheck() const { return m_standardize; }
    QCheckBox* interceptCheck() const { return m_intercept; }

signals:
    void problemSpecEdited(const gdlab::ProblemSpec& spec);

private:
    ProblemSpec m_spec;
    QCheckBox* m_standardize = nullptr;
    QCheckBox* m_intercept = nullptr;
};

} // namespace gdlab
