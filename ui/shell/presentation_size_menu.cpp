#include "shell/presentation_size_menu.h"

#include "shell/main_window.h"
#include "views/plot_style.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QSettings>

#include <cmath>

namespace gdlab {

const QString PresentationSizeMenu::settingsKey = QStringLiteral("view/presentationScale");

PresentationSizeMenu::PresentationSizeMenu(MainWindow* window)
    : QObject(window)
    , m_window(window)
    , m_menu(new QMenu(tr("Presentation &size"), window))
{
    m_menu->setObjectName(QStringLiteral("presentationSizeMenu"));
    auto* group = new QActionGroup(this);
    for (double scale : PlotStyle::presentationScales) {
        QAction* entry = m_menu->addAction(tr("%1 %").arg(std::lround(scale * 100)));
        entry->setCheckable(true);
        entry->setData(scale);
        entry->setChecked(scale == PlotStyle::presentationScale());
        group->addAction(entry);
        connect(entry, &QAction::triggered, this, [this, scale] { choose(scale); });
    }
}

double PresentationSizeMenu::stored(const QSettings& settings)
{
    bool ok = false;
    const double scale = settings.value(settingsKey).toDouble(&ok);
    for (double offered : PlotStyle::presentationScales)
        if (ok && scale == offered)
            return scale;
    return PlotStyle::defaultPresentationScale;
}

void PresentationSizeMenu::choose(double scale)
{
    apply(scale);
    QSettings().setValue(settingsKey, PlotStyle::presentationScale());
}

void PresentationSizeMenu::apply(double scale)
{
    m_window->setPresentationScale(scale);
    for (QAction* entry : m_menu->actions())
        entry->setChecked(entry->data().toDouble() == PlotStyle::presentationScale());
}

QAction* PresentationSizeMenu::action(double scale) const
{
    for (QAction* entry : m_menu->actions())
        if (entry->data().toDouble() == scale)
            return entry;
    return nullptr;
}

} // namespace gdlab
