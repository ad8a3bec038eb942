#pragma once

// The value types that more than one test passes through QTest's data tables. Each is declared here, once: the
// tests of a folder are compiled together (several sources to a translation unit), where a second
// Q_DECLARE_METATYPE of the same type would be a redefinition.

#include "loss.h"
#include "optimizer_settings.h"
#include "solver_settings.h"

#include <QMetaType>
#include <Qt>

Q_DECLARE_METATYPE(Qt::Alignment)
Q_DECLARE_METATYPE(gdlab::DescentMethod)
Q_DECLARE_METATYPE(gdlab::LossKind)
Q_DECLARE_METATYPE(gdlab::OptimizerKind)
Q_DECLARE_METATYPE(gdlab::SolverSettings)
