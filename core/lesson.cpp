#include "lesson.h"

namespace gdlab {

namespace {

// The two lessons on the five points of the first tutorial.
std::vector<Lesson> fivePointsLessons()
{
    std::vector<Lesson> lessons;

    Lesson fivePoints;
    fivePoints.name = "five_points";
    fivePoints.title = "Five points: a line by gradient descent";
    fivePoints.description = "Five points, the mean squared error and lr 0.01 from (b, m) = (0.75, 0.48): "
                             "watch the line after 10, 100 and 1000 steps approach least squares (0.6, 0.8).";
    fivePoints.fileName = "five_points.csv";
    fivePoints.solver.loss = LossKind::Mse;
    fivePoints.solver.learningRate = 0.01;
    fivePoints.solver.iterations = 1000;
    fivePoints.solver.init = InitKind::Values;
    fivePoints.solver.initValues = { 0.75, 0.48 };
    fivePoints.ghostIterations = { 10, 100, 1000 };
    lessons.push_back(fivePoints);

    Lesson fivePointsRss;
    fivePointsRss.name = "five_points_rss";
    fivePointsRss.title = "Five points with the sum of squares";
    fivePointsRss.description = "The same five points with the residual sum of squares (no 1/n) from (0, 0): the "
                                "gradient is n times larger, so the learning rate must be smaller (0.0001).";
    fivePointsRss.fileName = "five_points.csv";
    fivePointsRss.solver.loss = LossKind::Sse;
    fivePointsRss.solver.learningRate = 0.0001;
    fivePointsRss.solver.iterations = 5000;
    fivePointsRss.ghostIterations = { 100, 1000, 5000 };
    lessons.push_back(fivePointsRss);
    return lessons;
}

// The lessons with several features: the multivariate tutorials.
std::vector<Lesson> featureLessons()
{
    std::vector<Lesson> lessons;

    Lesson twoFeatures50;
    twoFeatures50.name = "two_features_n50";
    twoFeatures50.title = "Two features, 50 points, random start";
    twoFeatures50.description = "y = 5.01 + 2.1·x1 − 0.5·x2 + noise. Batch descent with lr 0.001 from a seeded "
                                "random start needs many steps to reach the normal-equation solution.";
    twoFeatures50.fileName = "two_features_n50.csv";
    twoFeatures50.solver.learningRate = 0.001;
    twoFeatures50.solver.iterations = 100000;
    twoFeatures50.solver.init = InitKind::Random;
    twoFeatures50.solver.seed = 42;
    twoFeatures50.ghostIterations = { 100, 1000, 10000 };
    lessons.push_back(twoFeatures50);

    Lesson twoFeatures100;
    twoFeatures100.name = "two_features_n100";
    twoFeatures100.title = "Two features, 100 points, lr 0.1";
    twoFeatures100.description = "y = 2 + 3·x1 + 4·x2 + uniform noise. With lr 0.1 batch descent from zeros gets "
                                 "close in 400 steps; the RMSE falls step by step.";
    twoFeatures100.fileName = "two_features_n100.csv";
    twoFeatures100.solver.learningRate = 0.1;
    twoFeatures100.solver.iterations = 400;
    twoFeatures100.ghostIterations = { 10, 50, 400 };
    lessons.push_back(twoFeatures100);

    Lesson threeFeatures;
    threeFeatures.name = "three_features_ints_n20";
    threeFeatures.title = "Three features, no intercept, SGD";
    threeFeatures.description = "y = 1·x1 + 2·x2 + 1·x3 exactly, no intercept. Per-sample SGD in file order on half "
                                "the squared error, lr 0.0001, 1000 epochs (20,000 updates).";
    threeFeatures.fileName = "three_features_ints_n20.csv";
    threeFeatures.problem.intercept = false;
    threeFeatures.solver.loss = LossKind::HalfMse;
    threeFeatures.solver.method = DescentMethod::Sgd;
    threeFeatures.solver.learningRate = 0.0001;
    threeFeatures.solver.iterations = 20000;
    threeFeatures.ghostIterations = { 20, 200, 2000 };
    lessons.push_back(threeFeatures);
    return lessons;
}

Lesson norrisLesson()
{
    Lesson norris;
    norris.name = "nist_norris";
    norris.title = "NIST Norris: standardized, optimal rate";
    norris.description = "The NIST StRD Norris data. Standardized, the error surface is a round bowl and the optimal "
                         "fixed rate 2/(λmin+λmax) reaches the certified values within 200 steps.";
    norris.fileName = "nist_norris.csv";
    norris.problem.standardize = true;
    norris.solver.iterations = 200;
    norris.useOptimalRate = true;
    norris.ghostIterations = { 1, 5, 20 };
    return norris;
}

// The optimizer lessons: each opens a race, so that the optimizers are seen side by side on one surface.
std::vector<Lesson> optimizerLessons()
{
    Lesson marble;
    marble.name = "the_marble";
    marble.title = "The marble: momentum against gd";
    marble.description = "Momentum 0.9 and plain gd at the same lr 0.01 on the five points. Watch the momentum path "
                         "roll past the optimum and swing back like a marble in a bowl, while gd creeps straight in.";
    marble.fileName = "five_points.csv";
    marble.solver.optimizer.kind = OptimizerKind::Momentum;
    marble.solver.iterations = 300;
    marble.solver.init = InitKind::Values;
    marble.solver.initValues = { 0.75, 0.48 };
    marble.ghostIterations = { 10, 30, 100 };
    marble.race = "momentum,gd";

    Lesson ravine;
    ravine.name = "the_ravine";
    ravine.title = "The ravine: gd, momentum and Adam";
    // What the race shows (tst_lesson_golden checks it): gd just below its bound descends smoothly, momentum at
    // the same rate swings across the valley.
    ravine.description = "Two correlated features on different scales make a long narrow valley. gd at lr 0.2, just "
                         "below its bound 0.227, crosses it in small zig-zags, then follows its floor with a smoothly "
                         "falling loss. Momentum 0.9 at the same rate overshoots and swings from wall to wall many "
                         "times before it settles; Adam (lr 0.5) steps about as far in every direction. Compare "
                         "the three loss curves: more speed is not always sooner at the bottom.";
    ravine.fileName = "ravine.csv";
    ravine.problem.intercept = false;
    ravine.solver.learningRate = 0.2;
    ravine.solver.iterations = 150;
    ravine.solver.init = InitKind::Values;
    ravine.solver.initValues = { -3, 6 };
    ravine.ghostIterations = { 5, 20, 150 };
    ravine.race = "gd,momentum,adam:lr=0.5";

    Lesson newton;
    newton.name = "one_newton_step";
    newton.title = "One Newton step";
    newton.description = "Newton's method with lr 1 from far away: the error surface is exactly a quadratic bowl, so "
                         "one step H⁻¹g lands on the least-squares line. gd at lr 0.01 is shown beside it.";
    newton.fileName = "five_points.csv";
    newton.solver.optimizer.kind = OptimizerKind::Newton;
    newton.solver.learningRate = 1;
    newton.solver.iterations = 10;
    newton.solver.init = InitKind::Values;
    newton.solver.initValues = { -2, 2 };
    newton.ghostIterations = { 1 };
    newton.race = "newton,gd:lr=0.01";
    return { marble, ravine, newton };
}

// The logistic lessons: the tutorial's homework ("do the same experiment in case of logistic regression"), the
// sigmoid on one feature, and the separable case that has no optimum.
std::vector<Lesson> logisticLessons()
{
    Lesson homework;
    homework.name = "logistic_homework";
    homework.title = "Homework: logistic, two features, 100 points";
    homework.description
        = "The two-feature lesson's points with a 0/1 target: y = 1 with probability "
          "σ(−3.5 + 3·x1 + 4·x2), drawn with the tutorial's own uniform noise. Batch descent with lr 0.1 "
          "for 400 steps is still far from Newton's optimum (−2.88, 3.10, 2.64): logloss is flatter "
          "than a quadratic bowl.";
    homework.fileName = "two_features_n100_classes.csv";
    homework.solver.model = ModelKind::Logistic;
    homework.solver.learningRate = 0.1;
    homework.solver.iterations = 400;
    homework.ghostIterations = { 10, 100, 400 };

    Lesson sigmoid;
    sigmoid.name = "exam_hours";
    sigmoid.title = "Logistic: pass or fail after hours of study";
    sigmoid.description = "Twenty students, hours of study and whether they passed. The fit is a probability curve "
                          "σ(θ0 + θ1·hours); descent at lr 0.5 reaches the published fit θ0 = −4.0777, θ1 = 1.5046 "
                          "(50 % at 2.71 hours).";
    sigmoid.fileName = "exam_hours.csv";
    sigmoid.solver.model = ModelKind::Logistic;
    sigmoid.solver.learningRate = 0.5;
    sigmoid.solver.iterations = 3000;
    sigmoid.ghostIterations = { 10, 100, 1000 };

    Lesson separable;
    separable.name = "separable_hours";
    separable.title = "Logistic: perfectly separated, no optimum";
    separable.description = "Everyone who studied 2.75 hours or more passed, everyone else failed. Every step makes "
                            "the curve steeper: the loss creeps towards 0 while θ runs off without bound, so there "
                            "is no optimum to reach.";
    separable.fileName = "separable_hours.csv";
    separable.solver.model = ModelKind::Logistic;
    separable.solver.learningRate = 0.5;
    separable.solver.iterations = 5000;
    separable.ghostIterations = { 10, 100, 1000 };
    return { homework, sigmoid, separable };
}

std::vector<Lesson> makeCatalog()
{
    std::vector<Lesson> lessons = fivePointsLessons();
    for (const Lesson& lesson : featureLessons())
        lessons.push_back(lesson);
    lessons.push_back(norrisLesson());
    for (const Lesson& lesson : optimizerLessons())
        lessons.push_back(lesson);
    for (const Lesson& lesson : logisticLessons())
        lessons.push_back(lesson);
    return lessons;
}

} // namespace

const std::vector<Lesson>& lessonCatalog()
{
    static const std::vector<Lesson> catalog = makeCatalog();
    return catalog;
}

const Lesson* findLesson(const std::string& name)
{
    for (const Lesson& lesson : lessonCatalog())
        if (lesson.name == name)
            return &lesson;
    return nullptr;
}

} // namespace gdlab
