#include "views/plot_style.h"

#include "views/log_stepped_ticker.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QWidget>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>

namespace gdlab {

namespace {

/** Below this many decades a log axis labels plain numbers: two powers of ten would say too little. */
constexpr double minimumLogTickerDecades = 2.0;
/** Beyond this many decades sub-ticks merge into a grey band and are left out. */
constexpr double maximumSubTickDecades = 4.0;

/** The grid and sub-grid alphas: a projector washes faint lines out, and light on dark reads fainter than dark on
 * light, so the dark and high-contrast themes draw the grid stronger. */
std::pair<int, int> gridAlphas(PaletteScheme scheme)
{
    switch (scheme) {
    case PaletteScheme::Dark:
        return { 55, 26 };
    case PaletteScheme::HighContrast:
        return { 95, 45 };
    case PaletteScheme::Light:
        break;
    }
    return { 40, 18 };
}

double g_presentationScale = PlotStyle::defaultPresentationScale;

} // namespace

double PlotStyle::presentationScale()
{
    return g_presentationScale;
}

void PlotStyle::setPresentationScale(double scale)
{
    const double smallest = presentationScales[0];
    const double largest = presentationScales[std::size(presentationScales) - 1];
    g_presentationScale = std::isfinite(scale) ? std::clamp(scale, smallest, largest) : defaultPresentationScale;
}

PlotStyle::PlotStyle(const QWidget& widget, bool presentation)
    : m_scale(presentation ? presentationScale() : 1.0)
    , m_lineScale(ViewPalette::lineScale())
    , m_gridAlpha(gridAlphas(ViewPalette::scheme()).first)
    , m_subGridAlpha(gridAlphas(ViewPalette::scheme()).second)
    , m_presentation(presentation)
    , m_font(QApplication::font())
    , m_text(widget.palette().color(QPalette::Text))
    , m_background(widget.palette().color(QPalette::Base))
{
}

QFont PlotStyle::font(double relative) const
{
    QFont font = m_font;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * m_scale * relative);
    else
        font.setPixelSize(std::max(1, qRound(font.pixelSize() * m_scale * relative)));
    return font;
}

QColor PlotStyle::textAlpha(int alpha) const
{
    QColor colour = m_text;
    colour.setAlpha(alpha);
    return colour;
}

QColor PlotStyle::backgroundAlpha(int alpha) const
{
    QColor colour = m_background;
    colour.setAlpha(alpha);
    return colour;
}

void PlotStyle::apply(QCustomPlot* plot) const
{
    plot->setBackground(m_background);
    for (QCPAxisRect* rect : plot->axisRects())
        for (QCPAxis* axis : rect->axes())
            applyToAxis(axis);
    if (plot->legend) {
        plot->legend->setFont(font(0.9));
        plot->legend->setTextColor(m_text);
        plot->legend->setBrush(backgroundAlpha(230));
        plot->legend->setBorderPen(QPen(textAlpha(90), 1));
    }
}

void PlotStyle::applyToAxis(QCPAxis* axis) const
{
    const QPen pen(m_text, m_scale * m_lineScale);
    axis->setBasePen(pen);
    axis->setTickPen(pen);
    axis->setSubTickPen(pen);
    axis->setLabelColor(m_text);
    axis->setTickLabelColor(m_text);
    axis->setLabelFont(font());
    axis->setTickLabelFont(font(0.9));
    axis->grid()->setPen(QPen(textAlpha(m_gridAlpha), 1));
    axis->grid()->setZeroLinePen(QPen(textAlpha(m_gridAlpha), 1));
    axis->grid()->setSubGridPen(QPen(textAlpha(m_subGridAlpha), 1));
}

void PlotStyle::setLogarithmicRange(QCPAxis* axis, double low, double high, double headroom)
{
    if (!(low > 0) || !(high > low)) {
        low = high > 0 ? high / 2 : 0.5;
        high = low * 4;
    }
    const double decades = std::log10(high / low);
    const double pad = std::pow(10.0, std::max(0.06 * decades, 0.03));
    axis->setScaleType(QCPAxis::stLogarithmic);
    axis->setRange(low / pad, high * pad * headroom);
    if (std::log10(axis->range().upper / axis->range().lower) < minimumLogTickerDecades) {
        axis->setTicker(makeLogSteppedTicker());
        axis->setNumberFormat("gb");
        axis->setNumberPrecision(4);
        axis->grid()->setSubGridVisible(false);
        return;
    }
    auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
    ticker->setLogBase(10);
    const bool subTicks = decades <= maximumSubTickDecades;
    ticker->setSubTickCount(subTicks ? 8 : 0);
    ticker->setTickCount(5);
    axis->setTicker(ticker);
    axis->setNumberFormat("eb");
    axis->setNumberPrecision(0);
    // Sub-grid lines at 2, 3, … 9 are what makes a log axis readable as one.
    axis->grid()->setSubGridVisible(subTicks);
}

void PlotStyle::setLinear(QCPAxis* axis)
{
    axis->setScaleType(QCPAxis::stLinear);
    axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    axis->setNumberFormat("gb");
    axis->setNumberPrecision(4);
    axis->grid()->setSubGridVisible(false);
}

} // namespace gdlab
