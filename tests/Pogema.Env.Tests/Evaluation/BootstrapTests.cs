using Pogema.Env.Evaluation;

namespace Pogema.Env.Tests.Evaluation;

public sealed class BootstrapTests
{
    [Fact]
    public void ConstantValuesHaveAZeroWidthInterval()
    {
        Assert.Equal((0.5, 0.5, 0.5), Bootstrap.MeanInterval(new[] { 0.5, 0.5, 0.5, 0.5 }));
    }

    [Fact]
    public void IntervalOfBernoulliOutcomesIsNearTheNormalApproximation()
    {
        // 50 successes in 100: the 95% interval is about 0.5 +- 1.96 * 0.05 = [0.40, 0.60].
        double[] values = Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? 1.0 : 0.0).ToArray();
        var (mean, low, high) = Bootstrap.MeanInterval(values);
        Assert.Equal(0.5, mean);
        Assert.InRange(low, 0.39, 0.41);
        Assert.InRange(high, 0.59, 0.61);
        Assert.Equal((mean, low, high), Bootstrap.MeanInterval(values));
    }

    [Fact]
    public void QuantileInterpolatesLikeNumpy()
    {
        // numpy.quantile([1, 2, 3, 4], 0.1) = 1.3
        Assert.Equal(1.3, Bootstrap.Quantile(new[] { 1.0, 2, 3, 4 }, 0.1), 12);
    }
}
