#include "shell/window_settings.h"

#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace gdlab {

namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");

} // namespace

QString WindowSettings::splitterKey(const QString& name)
{
    return QStringLiteral("window/splitter/") + name;
}

bool WindowSettings::restore(QMainWindow* window, QSettings& settings)
{
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    if (geometry.isEmpty() || !window->restoreGeometry(geometry))
        return false;
    for (QSplitter* splitter : window->findChildren<QSplitter*>()) {
        const QByteArray state = settings.value(splitterKey(splitter->objectName())).toByteArray();
        if (!splitter->objectName().isEmpty() && !state.isEmpty())
            splitter->restoreState(state);
    }
    return true;
}

void WindowSettings::save(const QMainWindow* window, QSettings& settings)
{
    settings.setValue(kGeometryKey, window->saveGeometry());
    for (const QSplitter* splitter : window->findChildren<QSplitter*>())
        if (!splitter->objectName().isEmpty())
            settings.setValue(splitterKey(splitter->objectName()), splitter->saveState());
}

} // namespace gdlab
