#include "views/bowl_surface_layer.h"

#include "history.h"
#include "loss.h"
#include "path_sampling.h"
#include "problem.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "surface_frame.h"
#include "views/colour_map.h"

#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/QSurface3DSeries>
#include <QtDataVisualization/QSurfaceDataProxy>
#include <QtDataVisualization/QValue3DAxis>

#include <QLinearGradient>

namespace gdlab {

namespace {

// The range gradient is sampled this often: enough for the log mapping to look smooth on the bowl.
constexpr int gradientStops = 48;

} // namespace

BowlSurfaceLayer::BowlSurfaceLayer(Q3DSurface* graph, const ErrorSurfaceModel* surface, const IterationModel* model)
    : m_graph(graph)
    , m_surface(surface)
    , m_model(model)
{
    m_series = new QSurface3DSeries;
    m_series->setDrawMode(QSurface3DSeries::DrawSurface);
    m_series->setFlatShadingEnabled(false);
    m_series->setColorStyle(Q3DTheme::ColorStyleRangeGradient);
    m_graph->addSeries(m_series);
}

void BowlSurfaceLayer::draw()
{
    const SurfaceGrid& grid = m_surface->grid();
    const SurfaceHeights heights = m_surface->heights();
    fill(grid);
    setAxes(grid, heights);
    colour(heights);
}

void BowlSurfaceLayer::clear()
{
    m_series->dataProxy()->resetArray(new QSurfaceDataArray);
}

void BowlSurfaceLayer::fill(const SurfaceGrid& grid)
{
    const std::vector<int> columns = thinnedIndices(grid.x.steps, maxSamples);
    const std::vector<int> rows = thinnedIndices(grid.y.steps, maxSamples);
    auto* array = new QSurfaceDataArray;
    array->reserve(static_cast<int>(rows.size()));
    for (const int iy : rows) {
        auto* row = new QSurfaceDataRow(static_cast<int>(columns.size()));
        const auto z = static_cast<float>(grid.y.valueAt(iy));
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const int ix = columns[c];
            (*row)[static_cast<int>(c)].setPosition(
                QVector3D(static_cast<float>(grid.x.valueAt(ix)), static_cast<float>(grid.at(ix, iy)), z));
        }
        array->append(row);
    }
    m_series->dataProxy()->resetArray(array); // the proxy owns the array
}

void BowlSurfaceLayer::setAxes(const SurfaceGrid& grid, const SurfaceHeights& heights)
{
    m_graph->axisX()->setRange(static_cast<float>(grid.x.min), static_cast<float>(grid.x.max));
    m_graph->axisZ()->setRange(static_cast<float>(grid.y.min), static_cast<float>(grid.y.max));
    m_graph->axisY()->setRange(static_cast<float>(heights.low), static_cast<float>(heights.high));
    m_graph->axisX()->setTitle(m_surface->axisTitle(m_surface->xParameter()));
    m_graph->axisZ()->setTitle(m_surface->axisTitle(m_surface->yParameter()));
    m_graph->axisY()->setTitle(m_surface->lossTitle());
}

void BowlSurfaceLayer::colour(const SurfaceHeights& heights)
{
    QLinearGradient gradient;
    for (int k = 0; k < gradientStops; ++k) {
        const double t = static_cast<double>(k) / (gradientStops - 1);
        gradient.setColorAt(
            t, ColourMap::at(m_surface->colourFraction(heights.low + t * (heights.high - heights.low))));
    }
    m_series->setBaseGradient(gradient);
}

int BowlSurfaceLayer::rowCount() const
{
    return m_series->dataProxy()->rowCount();
}

int BowlSurfaceLayer::columnCount() const
{
    return m_series->dataProxy()->columnCount();
}

QVector3D BowlSurfaceLayer::point(int row, int column) const
{
    if (row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return m_series->dataProxy()->itemAt(row, column)->position();
}

QLinearGradient BowlSurfaceLayer::gradient() const
{
    return m_series->baseGradient();
}

} // namespace gdlab
