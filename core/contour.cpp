#include "contour.h"

#include "error_surface.h"
#include "input_error.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace gdlab {

namespace {

void checkGrid(const SurfaceGrid& grid)
{
    if (grid.x.steps < 2 || grid.y.steps < 2)
        throw InputError("contour: a grid needs at least 2 x 2 samples, got " + std::to_string(grid.x.steps) + " x "
            + std::to_string(grid.y.steps));
    if (grid.values.size() != static_cast<std::size_t>(grid.x.steps) * static_cast<std::size_t>(grid.y.steps))
        throw InputError("contour: the grid holds " + std::to_string(grid.values.size()) + " values for "
            + std::to_string(grid.x.steps) + " x " + std::to_string(grid.y.steps) + " samples");
}

/**
 * Marching squares for one level. Grid edges are numbered so that the two cells sharing an edge name it the
 * same way: horizontal edges (ix, iy)-(ix+1, iy) first, then vertical ones (ix, iy)-(ix, iy+1). A crossing
 * point is computed once per edge, so segments meet exactly and joining them never compares floats.
 */
class Tracer {
public:
    Tracer(const SurfaceGrid& grid, double level)
        : m_grid(grid)
        , m_level(level)
        , m_nx(grid.x.steps)
        , m_horizontalCount(static_cast<std::int64_t>(grid.x.steps - 1) * grid.y.steps)
    {
    }

    std::vector<ContourLine> trace()
    {
        collectSegments();
        return joinSegments();
    }

private:
    struct Node {
        ContourPoint point;
        std::array<int, 2> segments { -1, -1 };
    };
    struct Segment {
        std::int64_t from;
        std::int64_t to;
    };

    std::int64_t horizontalEdge(int ix, int iy) const { return static_cast<std::int64_t>(iy) * (m_nx - 1) + ix; }
    std::int64_t verticalEdge(int ix, int iy) const
    {
        return m_horizontalCount + static_cast<std::int64_t>(iy) * m_nx + ix;
    }

    // "Above" includes equality, so a corner exactly on the level counts once, on one side, and an edge is
    // crossed only between values that differ: the interpolation never divides by zero.
    bool above(double value) const { return value >= m_level; }

    ContourPoint crossing(std::int64_t edge) const
    {
        int ix0, iy0, ix1, iy1;
        if (edge < m_horizontalCount) {
            iy0 = static_cast<int>(edge / (m_nx - 1));
            ix0 = static_cast<int>(edge % (m_nx - 1));
            ix1 = ix0 + 1;
            iy1 = iy0;
        } else {
            const std::int64_t local = edge - m_horizontalCount;
            iy0 = static_cast<int>(local / m_nx);
            ix0 = static_cast<int>(local % m_nx);
            ix1 = ix0;
            iy1 = iy0 + 1;
        }
        const double v0 = m_grid.at(ix0, iy0);
        const double v1 = m_grid.at(ix1, iy1);
        const double t = std::clamp((m_level - v0) / (v1 - v0), 0.0, 1.0);
        const double x0 = m_grid.x.valueAt(ix0);
        const double y0 = m_grid.y.valueAt(iy0);
        return { x0 + t * (m_grid.x.valueAt(ix1) - x0), y0 + t * (m_grid.y.valueAt(iy1) - y0) };
    }

    void addSegment(std::int64_t from, std::int64_t to)
    {
        const int index = static_cast<int>(m_segments.size());
        m_segments.push_back({ from, to });
        for (const std::int64_t edge : { from, to }) {
            auto [it, inserted] = m_nodes.try_emplace(edge);
            if (inserted)
                it->second.point = crossing(edge);
            // An edge borders two cells, so it joins at most two segments.
            it->second.segments[it->second.segments[0] < 0 ? 0 : 1] = index;
        }
    }

    void collectSegments()
    {
        // Classify every sample once, so that the common cell, wholly above or below, costs four byte loads.
        enum : unsigned char { Below = 0, Above = 1, Hole = 2 };
        const std::size_t sampleCount = m_grid.values.size();
        std::vector<unsigned char> state(sampleCount);
        for (std::size_t k = 0; k < sampleCount; ++k) {
            const double value = m_grid.values[k];
            state[k] = !std::isfinite(value) ? Hole : above(value) ? Above : Below;
        }
        for (int iy = 0; iy + 1 < m_grid.y.steps; ++iy) {
            const unsigned char* lower = state.data() + static_cast<std::size_t>(iy) * m_nx;
            const unsigned char* upper = lower + m_nx;
            for (int ix = 0; ix + 1 < m_nx; ++ix) {
                // Corners counter-clockwise from the bottom left, edges bottom, right, top, left.
                const std::array<unsigned char, 4> corner { lower[ix], lower[ix + 1], upper[ix + 1], upper[ix] };
                const int mask = corner[0] | corner[1] | corner[2] | corner[3];
                if (mask & Hole)
                    continue; // a hole in the surface: nothing to interpolate from
                if (!(corner[0] ^ corner[1]) && !(corner[1] ^ corner[2]) && !(corner[2] ^ corner[3]))
                    continue; // wholly above or below
                const std::array<std::int64_t, 4> edge { horizontalEdge(ix, iy), verticalEdge(ix + 1, iy),
                    horizontalEdge(ix, iy + 1), verticalEdge(ix, iy) };
                // Edge k joins corners k and k+1.
                std::array<int, 4> crossed {};
                int count = 0;
                for (int k = 0; k < 4; ++k) {
                    if (corner[k] != corner[(k + 1) % 4])
                        crossed[count++] = k;
                }
                if (count == 2) {
                    addSegment(edge[crossed[0]], edge[crossed[1]]);
                } else {
                    // A saddle: the corners on the same side as the centre are connected through it, so the
                    // segments cut off the other two, each between the two edges meeting at its corner.
                    const double sum
                        = m_grid.at(ix, iy) + m_grid.at(ix + 1, iy) + m_grid.at(ix + 1, iy + 1) + m_grid.at(ix, iy + 1);
                    if ((corner[0] == Above) != above(sum / 4)) {
                        addSegment(edge[3], edge[0]);
                        addSegment(edge[1], edge[2]);
                    } else {
                        addSegment(edge[0], edge[1]);
                        addSegment(edge[2], edge[3]);
                    }
                }
            }
        }
    }

    int nextSegment(std::int64_t edge, int current) const
    {
        const Node& node = m_nodes.at(edge);
        return node.segments[0] == current ? node.segments[1] : node.segments[0];
    }

    std::int64_t otherEnd(int segment, std::int64_t edge) const
    {
        const Segment& s = m_segments[static_cast<std::size_t>(segment)];
        return s.from == edge ? s.to : s.from;
    }

    /** Follows the chain from edge, leaving through segment current; returns the edges passed. */
    std::vector<std::int64_t> walk(std::int64_t edge, int current, std::vector<bool>& used, bool& closed) const
    {
        std::vector<std::int64_t> edges;
        for (;;) {
            const int next = nextSegment(edge, current);
            if (next < 0)
                break;
            if (used[static_cast<std::size_t>(next)]) {
                closed = true; // only the chain's own first segment can be used already
                break;
            }
            used[static_cast<std::size_t>(next)] = true;
            edge = otherEnd(next, edge);
            current = next;
            edges.push_back(edge);
        }
        return edges;
    }

    ContourLine makeLine(const std::vector<std::int64_t>& edges, bool closed) const
    {
        ContourLine line;
        line.level = m_level;
        line.points.reserve(edges.size());
        for (const std::int64_t edge : edges) {
            const ContourPoint& p = m_nodes.at(edge).point;
            // A corner exactly on the level is reached through several edges at the same spot; keep it once.
            if (!line.points.empty() && line.points.back().x == p.x && line.points.back().y == p.y)
                continue;
            line.points.push_back(p);
        }
        if (closed && line.points.size() > 1 && line.points.front().x == line.points.back().x
            && line.points.front().y == line.points.back().y)
            line.points.pop_back();
        // A closed "loop" of two points is a segment travelled there and back.
        line.closed = closed && line.points.size() >= 3;
        return line;
    }

    std::vector<ContourLine> joinSegments() const
    {
        std::vector<ContourLine> lines;
        std::vector<bool> used(m_segments.size(), false);
        for (std::size_t s = 0; s < m_segments.size(); ++s) {
            if (used[s])
                continue;
            used[s] = true;
            const int index = static_cast<int>(s);
            bool closed = false;
            const std::vector<std::int64_t> forward = walk(m_segments[s].to, index, used, closed);
            std::vector<std::int64_t> edges;
            if (closed) {
                // The forward walk came back to the start, whose edge it lists last.
                edges.push_back(m_segments[s].to);
                edges.insert(edges.end(), forward.begin(), forward.end());
            } else {
                bool unused = false;
                std::vector<std::int64_t> backward = walk(m_segments[s].from, index, used, unused);
                edges.assign(backward.rbegin(), backward.rend());
                edges.push_back(m_segments[s].from);
                edges.push_back(m_segments[s].to);
                edges.insert(edges.end(), forward.begin(), forward.end());
            }
            ContourLine line = makeLine(edges, closed);
            if (line.points.size() >= 2)
                lines.push_back(std::move(line));
        }
        return lines;
    }

    const SurfaceGrid& m_grid;
    double m_level;
    int m_nx;
    std::int64_t m_horizontalCount;
    std::vector<Segment> m_segments;
    std::unordered_map<std::int64_t, Node> m_nodes;
};

} // namespace

std::vector<ContourLine> contourLines(const SurfaceGrid& grid, double level)
{
    checkGrid(grid);
    if (!std::isfinite(level))
        return {};
    return Tracer(grid, level).trace();
}

std::vector<double> contourLevels(const SurfaceGrid& grid, int count, bool logarithmic)
{
    const double low = grid.minValue;
    const double high = grid.maxValue;
    if (count <= 0 || !std::isfinite(low) || !std::isfinite(high) || !(low < high))
        return {};
    const double span = high - low;
    std::vector<double> levels;
    levels.reserve(static_cast<std::size_t>(count));
    for (int k = 0; k < count; ++k) {
        double fraction;
        if (logarithmic) {
            // Fractions of the span from 1e-3 to 0.9 in equal ratios: a quadratic bowl's contours then step
            // outwards by a constant factor in radius, dense near the optimum where the descent ends up.
            constexpr double first = 1e-3;
            constexpr double last = 0.9;
            const double position = count == 1 ? 0.5 : static_cast<double>(k) / (count - 1);
            fraction = first * std::pow(last / first, position);
        } else {
            fraction = static_cast<double>(k + 1) / (count + 1);
        }
        const double level = low + span * fraction;
        // A span that is tiny next to the minimum can round levels onto it or onto each other.
        if (level > low && level < high && (levels.empty() || level > levels.back()))
            levels.push_back(level);
    }
    return levels;
}

} // namespace gdlab
