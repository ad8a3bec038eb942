#include "views/bowl_graph_host.h"

#include "views/round_tick_formatter.h"
#include "views/view_picture.h"

#include <QtDataVisualization/Q3DCamera>
#include <QtDataVisualization/Q3DScene>
#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/Q3DTheme>
#include <QtDataVisualization/QValue3DAxis>

#include <QGuiApplication>
#include <QLabel>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QStackedLayout>
#include <QVBoxLayout>

namespace gdlab {

namespace {

bool openGLSwitchedOff()
{
    return qEnvironmentVariable("GDLAB_NO_OPENGL") == QLatin1String("1");
}

bool canMakeAContextCurrent()
{
    QOpenGLContext context;
    if (!context.create())
        return false;
    QOffscreenSurface surface;
    surface.setFormat(context.format());
    surface.create();
    if (!surface.isValid())
        return false;
    const bool current = context.makeCurrent(&surface);
    if (current)
        context.doneCurrent();
    return current;
}

} // namespace

BowlGraphHost::BowlGraphHost(QWidget* parent)
    : QWidget(parent)
{
    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(24);
    m_stack = new QStackedLayout(this);
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_stack->addWidget(m_message);
    if (openGLAvailable()) {
        createGraph();
        return;
    }
    const QString platform = QGuiApplication::platformName();
    showMessage(openGLSwitchedOff()
            ? tr("The 3-D bowl is switched off (GDLAB_NO_OPENGL=1). Every other view works.")
            : tr("The 3-D bowl needs OpenGL, which is not available here (platform: %1). Every other view works.")
                  .arg(platform.isEmpty() ? tr("unknown") : platform));
}

bool BowlGraphHost::openGLAvailable()
{
    if (openGLSwitchedOff() || !qGuiApp)
        return false;
    // These platforms have no OpenGL, and Qt DataVisualization crashes rather than failing politely.
    const QString platform = QGuiApplication::platformName();
    if (platform == QLatin1String("offscreen") || platform == QLatin1String("minimal"))
        return false;
    static const bool available = canMakeAContextCurrent();
    return available;
}

void BowlGraphHost::showMessage(const QString& text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
}

void BowlGraphHost::showGraph()
{
    if (m_page)
        m_stack->setCurrentWidget(m_page);
}

bool BowlGraphHost::isShowingMessage() const
{
    return m_stack->currentWidget() == m_message;
}

QString BowlGraphHost::messageText() const
{
    return m_message->text();
}

QFont BowlGraphHost::messageFont() const
{
    return m_message->font();
}

void BowlGraphHost::addBelowGraph(QWidget* widget)
{
    if (m_pageLayout)
        m_pageLayout->insertWidget(m_pageLayout->count() - 1, widget);
}

void BowlGraphHost::createGraph()
{
    m_graph = new Q3DSurface;
    m_graph->setShadowQuality(QAbstract3DGraph::ShadowQualityNone); // software OpenGL on projector laptops
    m_graph->setSelectionMode(QAbstract3DGraph::SelectionNone);
    m_graph->activeTheme()->setType(Q3DTheme::ThemeQt);
    // Low enough to see the bowl's sides, high enough to see into it; zoomed out so the axis titles fit, turned
    // towards the camera as they are (labelAutoRotation below).
    m_graph->scene()->activeCamera()->setCameraPosition(-45, 32, 78);
    m_graph->setAxisX(new QValue3DAxis);
    m_graph->setAxisY(new QValue3DAxis);
    m_graph->setAxisZ(new QValue3DAxis);
    for (QValue3DAxis* axis : { m_graph->axisX(), m_graph->axisY(), m_graph->axisZ() }) {
        axis->setTitleVisible(true);
        // Labels and titles turn to face the camera: fixed, a title seen from its back reads mirrored, and the
        // labels of an axis seen end on (a narrow valley's short side) run into the next axis's title.
        axis->setLabelAutoRotation(90);
        axis->setFormatter(new RoundTickFormatter); // the axis owns it
    }
    m_page = createPage();
    m_stack->addWidget(m_page);
    m_stack->setCurrentWidget(m_page);
}

QWidget* BowlGraphHost::createPage()
{
    auto* page = new QWidget(this);
    QWidget* container = QWidget::createWindowContainer(m_graph, page);
    container->setFocusPolicy(Qt::StrongFocus);
    container->setMinimumSize(160, 120);
    m_container = container;
    m_pageLayout = new QVBoxLayout(page);
    m_pageLayout->setContentsMargins(0, 0, 0, 0);
    m_pageLayout->setSpacing(2);
    m_pageLayout->addWidget(container, 1);
    auto* hint = new QLabel(tr("Drag with the right mouse button to turn the bowl; scroll to zoom."), page);
    hint->setAlignment(Qt::AlignCenter);
    hint->setProperty(ViewPicture::omitProperty, true); // help for the mouse, not for a slide
    m_pageLayout->addWidget(hint);
    return page;
}

} // namespace gdlab
