#include "panels/features_group.h"

#include "panels/shown_value.h"

#include <QCheckBox>
#include <QVBoxLayout>

namespace gdlab {

FeaturesGroup::FeaturesGroup(QWidget* parent)
    : QGroupBox(tr("Features"), parent)
    , m_standardize(new QCheckBox(tr("standardize (z-scores)"), this))
    , m_intercept(new QCheckBox(tr("intercept θ0"), this))
{
    m_standardize->setToolTip(tr("Descend on z-scored features: the long valley becomes a round bowl. "
                                 "θ is also reported in the original units."));
    m_intercept->setToolTip(tr("Fit y = θ0 + θ1·x1 + …; without it the line goes through the origin"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_standardize);
    layout->addWidget(m_intercept);

    connect(m_standardize, &QCheckBox::toggled, this, [this](bool standardize) {
        ProblemSpec spec = m_spec;
        spec.standardize = standardize;
        m_spec = spec;
        emit problemSpecEdited(spec);
    });
    connect(m_intercept, &QCheckBox::toggled, this, [this](bool intercept) {
        ProblemSpec spec = m_spec;
        spec.intercept = intercept;
        m_spec = spec;
        emit problemSpecEdited(spec);
    });
    showSpec(m_spec);
}

void FeaturesGroup::showSpec(const ProblemSpec& spec)
{
    m_spec = spec;
    showChecked(m_standardize, spec.standardize);
    showChecked(m_intercept, spec.intercept);
}

} // namespace gdlab
