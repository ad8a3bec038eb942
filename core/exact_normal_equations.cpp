#include "exact_normal_equations.h"

#include <cmath>
#include <vector>

namespace gdlab {

namespace {

// A double-double: high + low with |low| ≤ ulp(high)/2 (the algorithms of Hida, Li and Bailey's QD library).
struct NormalDd {
    double high = 0;
    double low = 0;
};

NormalDd quickTwoSum(double a, double b)
{
    const double s = a + b;
    return { s, b - (s - a) };
}

NormalDd twoSum(double a, double b)
{
    const double s = a + b;
    const double bb = s - a;
    return { s, (a - (s - bb)) + (b - bb) };
}

NormalDd operator+(NormalDd x, NormalDd y)
{
    NormalDd s = twoSum(x.high, y.high);
    const NormalDd t = twoSum(x.low, y.low);
    s.low += t.high;
    s = quickTwoSum(s.high, s.low);
    s.low += t.low;
    return quickTwoSum(s.high, s.low);
}

NormalDd operator-(NormalDd x)
{
    return { -x.high, -x.low };
}

NormalDd operator-(NormalDd x, NormalDd y)
{
    return x + -y;
}

NormalDd operator*(NormalDd x, NormalDd y)
{
    const double p = x.high * y.high;
    double e = std::fma(x.high, y.high, -p);
    e += x.high * y.low + x.low * y.high;
    return quickTwoSum(p, e);
}

NormalDd operator/(NormalDd x, NormalDd y)
{
    const double q1 = x.high / y.high;
    NormalDd r = x - y * NormalDd { q1, 0 };
    const double q2 = r.high / y.high;
    r = r - y * NormalDd { q2, 0 };
    const double q3 = r.high / y.high;
    return quickTwoSum(q1, q2) + NormalDd { q3, 0 };
}

NormalDd squareRoot(NormalDd x)
{
    const double q = std::sqrt(x.high);
    const NormalDd r = x - NormalDd { q, 0 } * NormalDd { q, 0 };
    return quickTwoSum(q, r.high / (2 * q));
}

// Veltkamp's split: a = high + low exactly, each half of 26 bits, so that products of halves are exact.
constexpr double kSplitter = 134217729.0; // 2²⁷ + 1

} // namespace

ExactNormalEquations::ExactNormalEquations(Eigen::Index width)
    : m_high(Eigen::MatrixXd::Zero(width, width))
    , m_low(Eigen::MatrixXd::Zero(width, width))
{
}

// Dot2: p + e = x·z exactly (Dekker), s + t = s + p exactly (Knuth); the errors are summed in plain double, which
// leaves the result as accurate as a sum in twice the precision. Four lanes side by side, for the pipeline.
void ExactNormalEquations::add(const Eigen::Ref<const Eigen::MatrixXd>& z)
{
    const Eigen::Index rows = z.rows();
    const Eigen::Index width = z.cols();
    Eigen::MatrixXd high(rows, width);
    Eigen::MatrixXd low(rows, width);
    for (Eigen::Index c = 0; c < width; ++c)
        for (Eigen::Index i = 0; i < rows; ++i) {
            const double a = z(i, c);
            const double t = kSplitter * a;
            high(i, c) = t - (t - a);
            low(i, c) = a - high(i, c);
        }
    for (Eigen::Index c = 0; c < width; ++c)
        for (Eigen::Index d = 0; d <= c; ++d) {
            double s = m_high(c, d);
            double e = m_low(c, d);
            for (Eigen::Index i = 0; i < rows; ++i) {
                const double x = z(i, c);
                const double y = z(i, d);
                const double p = x * y;
                const double error = ((high(i, c) * high(i, d) - p) + high(i, c) * low(i, d) + low(i, c) * high(i, d))
                    + low(i, c) * low(i, d);
                const double sum = s + p;
                const double bb = sum - s;
                e += ((s - (sum - bb)) + (p - bb)) + error;
                s = sum;
            }
            m_high(c, d) = s;
            m_low(c, d) = e;
        }
}

void ExactNormalEquations::merge(const ExactNormalEquations& other)
{
    if (other.m_high.size() == 0)
        return;
    if (m_high.size() == 0) {
        *this = other;
        return;
    }
    for (Eigen::Index c = 0; c < m_high.cols(); ++c)
        for (Eigen::Index d = 0; d <= c; ++d) {
            const NormalDd sum
                = NormalDd { m_high(c, d), m_low(c, d) } + NormalDd { other.m_high(c, d), other.m_low(c, d) };
            m_high(c, d) = sum.high;
            m_low(c, d) = sum.low;
        }
}

Eigen::MatrixXd ExactNormalEquations::cross() const
{
    const Eigen::MatrixXd sum = m_high + m_low;
    return sum.selfadjointView<Eigen::Lower>();
}

Eigen::VectorXd ExactNormalEquations::solve(Eigen::Index p) const
{
    // Scaled by powers of two (exact) to unit diagonal, roughly: the factorization then sees κ of the scaled columns.
    std::vector<NormalDd> g(static_cast<std::size_t>((p + 1) * p));
    std::vector<int> exponent(static_cast<std::size_t>(p));
    for (Eigen::Index j = 0; j < p; ++j) {
        if (!(m_high(j, j) > 0))
            return {};
        exponent[static_cast<std::size_t>(j)] = -std::ilogb(m_high(j, j)) / 2;
    }
    // Column j holds rows j to p: G's column below its diagonal, then c_j.
    const auto at = [p](Eigen::Index i, Eigen::Index j) { return static_cast<std::size_t>(j * (p + 1) + i); };
    for (Eigen::Index j = 0; j < p; ++j)
        for (Eigen::Index i = j; i <= p; ++i) {
            const int scale
                = exponent[static_cast<std::size_t>(j)] + (i < p ? exponent[static_cast<std::size_t>(i)] : 0);
            g[at(i, j)] = { std::ldexp(m_high(i, j), scale), std::ldexp(m_low(i, j), scale) };
        }
    // Cholesky, lower: column j of L below its diagonal, then the right side's forward substitution (row p).
    for (Eigen::Index j = 0; j < p; ++j) {
        NormalDd d = g[at(j, j)];
        for (Eigen::Index k = 0; k < j; ++k)
            d = d - g[at(j, k)] * g[at(j, k)];
        if (!(d.high > 0))
            return {};
        g[at(j, j)] = squareRoot(d);
        for (Eigen::Index i = j + 1; i <= p; ++i) {
            NormalDd v = g[at(i, j)];
            for (Eigen::Index k = 0; k < j; ++k)
                v = v - g[at(i, k)] * g[at(j, k)];
            g[at(i, j)] = v / g[at(j, j)];
        }
    }
    // Lᵀ θs = w, w being row p of the factor; θ = S θs.
    std::vector<NormalDd> theta(static_cast<std::size_t>(p));
    for (Eigen::Index j = p - 1; j >= 0; --j) {
        NormalDd v = g[at(p, j)];
        for (Eigen::Index k = j + 1; k < p; ++k)
            v = v - g[at(k, j)] * theta[static_cast<std::size_t>(k)];
        theta[static_cast<std::size_t>(j)] = v / g[at(j, j)];
    }
    Eigen::VectorXd result(p);
    for (Eigen::Index j = 0; j < p; ++j) {
        const NormalDd& t = theta[static_cast<std::size_t>(j)];
        result[j] = std::ldexp(t.high + t.low, exponent[static_cast<std::size_t>(j)]);
    }
    return result;
}

} // namespace gdlab
