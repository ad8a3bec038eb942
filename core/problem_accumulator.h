#pragma once

#include "exact_normal_equations.h"
#include "problem.h"

#include <Eigen/Core>

#include <optional>
#include <string>
#include <vector>

namespace gdlab {

class Dataset;

/**
 * @brief What a regression needs of its rows, folded from blocks of rows so that none is kept: for
 * Z = [1 X y] (the intercept column only with an intercept, the raw feature columns, the target) the count n,
 * ZᵀZ (so G = XᵀX, c = Xᵀy and yᵀy), the column sums, which columns are constant or equal, the largest magnitudes, and
 * the R factor of a one-pass (tall-skinny) QR of Z, merged block by block: R ← R of [R; Zblock].
 *
 * Problem(const ProblemAccumulator&) turns it into a problem without rows. Memory is O(k²) whatever n is.
 */
class ProblemAccumulator {
public:
    /** @brief columns names the data's columns (its rows are not used); throws InputError as Problem does. */
    ProblemAccumulator(const Dataset& columns, const ProblemSpec& spec);

    /**
     * @brief The rows folded so far as another spec would have folded them, without reading them again: this
     * accumulator must fold every column (the default spec: the last column the target, every other a feature, an
     * intercept), which holds the statistics of any choice of columns. ZᵀZ and the sums are taken apart; the R of
     * the chosen columns is the R of a QR of R's chosen columns (Z_S = Q R_S). Throws InputError as Problem does.
     */
    ProblemAccumulator restrictedTo(const ProblemSpec& spec) const;

    /**
     * @brief Folds in a block of rows, one column per column of the data. The rows are taken in chunks of a fixed
     * count (R ← R of [R; chunk]), so the result depends on the rows and on the blocks, not on where they are held.
     */
    void add(const Eigen::Ref<const Eigen::MatrixXd>& rows);

    /**
     * @brief Folds in what another accumulator of the same spec folded, as if its rows came after these: the sums
     * add up and R ← R of [R; R_other]. Merging the folds of consecutive blocks in file order gives the same result
     * whichever thread folded which block.
     */
    void merge(const ProblemAccumulator& other);

    /**
     * @brief Whether the rows are so ill-conditioned (κ of the column-scaled R at or above the limit where no
     * refinement through R converges) that the closed form wants a second pass over them, addExactPass().
     */
    bool wantsExactPass() const;
    /** @brief Second pass: the rows, all of them again (in any blocks), summed in double-double. */
    void addExactPass(const Eigen::Ref<const Eigen::MatrixXd>& rows);
    /** @brief The least-squares θ of Z's columns from the second pass, when it saw as many rows as the first. */
    std::optional<Eigen::VectorXd> exactSolution() const;

    const ProblemSpec& spec() const { return m_spec; }
    const std::string& source() const { return m_source; }
    const std::vector<std::string>& columnNames() const { return m_columnNames; }
    Eigen::Index rowCount() const { return m_rows; }
    /** @brief Columns of Z: the intercept (with one), the features in order, the target last. */
    Eigen::Index width() const { return m_cross.cols(); }
    /** @brief ZᵀZ, whole (symmetric). */
    Eigen::MatrixXd cross() const;
    /** @brief ZᵀZ summed in long double (11 more bits than cross()), whole. */
    Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic> crossExtended() const;
    /** @brief The upper triangular R with ZᵀZ = RᵀR (rows may differ from a QR of Z in sign). */
    const Eigen::MatrixXd& triangle() const { return m_triangle; }
    const Eigen::VectorXd& sums() const { return m_sums; }
    const Eigen::VectorXd& largest() const { return m_largest; } ///< the largest |value| of each column of Z
    /** @brief Whether every value of a column of Z equals its first one. */
    bool isConstant(Eigen::Index column) const { return m_constant[static_cast<std::size_t>(column)] != 0; }
    /** @brief Whether two columns of Z are equal in every row. */
    bool areEqual(Eigen::Index first, Eigen::Index second) const { return m_equal(first, second) != 0; }
    /** @brief Whether every value of a column of Z is zero. */
    bool isZero(Eigen::Index column) const { return m_largest[column] == 0; }

private:
    ProblemSpec m_spec;
    std::string m_source;
    std::vector<std::string> m_columnNames;
    Eigen::Index m_rows = 0;
    void addChunk(const Eigen::Ref<const Eigen::MatrixXd>& rows);
    void fillZ(const Eigen::Ref<const Eigen::MatrixXd>& rows, Eigen::Ref<Eigen::MatrixXd> z) const;
    void addExtended(const Eigen::Ref<const Eigen::MatrixXd>& block);
    void mergeTriangle(const Eigen::MatrixXd& below);

    Eigen::MatrixXd m_cross; ///< lower triangle of ZᵀZ
    Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic> m_crossExtended; ///< lower triangle of ZᵀZ
    Eigen::MatrixXd m_triangle;
    Eigen::VectorXd m_sums;
    Eigen::VectorXd m_largest;
    Eigen::VectorXd m_first;
    std::vector<char> m_constant;
    Eigen::Matrix<char, Eigen::Dynamic, Eigen::Dynamic> m_equal; ///< symmetric, 1 on the diagonal
    ExactNormalEquations m_exact; ///< the second pass's sums
    Eigen::Index m_exactRows = 0;
};

} // namespace gdlab
