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
    QMap<QString, QByteArray> states;
    for (const QString& name : splitterStates(window).keys())
        states.insert(name, settings.value(splitterKey(name)).toByteArray());
    restoreSplitters(window, states);
    return true;
}

void WindowSettings::save(const QMainWindow* window, QSettings& settings)
{
    settings.setValue(kGeometryKey, window->saveGeometry());
    const QMap<QString, QByteArray> states = splitterStates(window);
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        settings.setValue(splitterKey(it.key()), it.value());
}

QMap<QString, QByteArray> WindowSettings::splitterStates(const QMainWindow* window)
{
    QMap<QString, QByteArray> states;
    for (const QSplitter* splitter : window->findChildren<QSplitter*>())
        if (!splitter->objectName().isEmpty())
            states.insert(splitter->objectName(), splitter->saveState());
    return states;
}

void WindowSettings::restoreSplitters(QMainWindow* window, const QMap<QString, QByteArray>& states)
{
    for (QSplitter* splitter : window->findChildren<QSplitter*>()) {
        const QByteArray state = states.value(splitter->objectName());
        if (!splitter->objectName().isEmpty() && !state.isEmpty())
            splitter->restoreState(state); // false on garbage: the splitter stays as it is
    }
}

} // namespace gdlab
