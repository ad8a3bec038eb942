#include "shell/theme_manager.h"

#include "views/theme_palette.h"
#include "views/view_palette.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

#include <array>

namespace gdlab {

namespace {

constexpr std::array<ThemeKind, 4> kinds { ThemeKind::System, ThemeKind::Light, ThemeKind::Dark,
    ThemeKind::HighContrast };

/** The look the platform gave the program before any theme was applied: what System puts back. */
struct PlatformLook {
    QString style;
    QPalette palette;
};

const PlatformLook& platformLook()
{
    // Captured once, by the first manager, so that a second window (or a test's) does not take a theme for the
    // platform's look.
    static const PlatformLook look { QApplication::style()->name(), QApplication::palette() };
    return look;
}

void setStyle(const QString& name)
{
    if (QApplication::style()->name().compare(name, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(name));
}

} // namespace

const QString ThemeManager::settingsKey = QStringLiteral("view/theme");

ThemeManager::ThemeManager(QWidget* parent)
    : QObject(parent)
{
    platformLook();
    buildMenu(parent);
}

QString ThemeManager::name(ThemeKind kind)
{
    switch (kind) {
    case ThemeKind::Light:
        return QStringLiteral("light");
    case ThemeKind::Dark:
        return QStringLiteral("dark");
    case ThemeKind::HighContrast:
        return QStringLiteral("high-contrast");
    case ThemeKind::System:
        break;
    }
    return QStringLiteral("system");
}

QStringList ThemeManager::names()
{
    QStringList list;
    for (const ThemeKind kind : kinds)
        list << name(kind);
    return list;
}

std::optional<ThemeKind> ThemeManager::parse(const QString& text)
{
    for (const ThemeKind kind : kinds)
        if (name(kind) == text)
            return kind;
    return std::nullopt;
}

ThemeKind ThemeManager::stored(const QSettings& settings)
{
    return parse(settings.value(settingsKey).toString()).value_or(ThemeKind::System);
}

void ThemeManager::apply(ThemeKind kind)
{
    const PlatformLook& platform = platformLook();
    if (kind == ThemeKind::System) {
        ViewPalette::setScheme(ThemePalette::schemeFor(platform.palette));
        setStyle(platform.style);
        QApplication::setPalette(platform.palette);
    } else {
        const PaletteScheme scheme = kind == ThemeKind::Dark ? PaletteScheme::Dark
            : kind == ThemeKind::HighContrast                ? PaletteScheme::HighContrast
                                                             : PaletteScheme::Light;
        // The meaning colours first: the palette change below makes every view restyle, reading them.
        ViewPalette::setScheme(scheme);
        setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(ThemePalette::palette(scheme));
    }
    m_theme = kind;
    checkAction();
    emit themeChanged(kind);
}

void ThemeManager::choose(ThemeKind kind)
{
    apply(kind);
    QSettings().setValue(settingsKey, name(kind));
}

QAction* ThemeManager::action(ThemeKind kind) const
{
    for (QAction* action : m_menu->actions())
        if (action->data().toString() == name(kind))
            return action;
    return nullptr;
}

void ThemeManager::buildMenu(QWidget* parent)
{
    m_menu = new QMenu(tr("&Theme"), parent);
    auto* group = new QActionGroup(m_menu);
    group->setExclusive(true);
    const std::array<QString, 4> labels { tr("&System"), tr("&Light"), tr("&Dark"), tr("&High contrast") };
    const std::array<QString, 4> tips { tr("The desktop's own colours"), tr("Dark text on white plots"),
        tr("Light text and lines on dark plots, for a dim room"),
        tr("White on black with strong colours and thicker lines, for a projector that washes colours out") };
    for (std::size_t k = 0; k < kinds.size(); ++k) {
        QAction* action = m_menu->addAction(labels[k]);
        action->setCheckable(true);
        action->setData(name(kinds[k]));
        action->setToolTip(tips[k]);
        action->setStatusTip(tips[k]);
        group->addAction(action);
        const ThemeKind kind = kinds[k];
        connect(action, &QAction::triggered, this, [this, kind] { choose(kind); });
    }
    checkAction();
}

void ThemeManager::checkAction()
{
    if (QAction* checked = action(m_theme))
        checked->setChecked(true);
}

} // namespace gdlab
