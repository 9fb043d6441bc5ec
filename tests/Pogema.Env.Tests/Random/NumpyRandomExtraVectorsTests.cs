using Pogema.Env.Random;

namespace Pogema.Env.Tests.Random;

/// <summary>
/// Vectors beyond the published list, produced by NumPy 1.24 (<c>default_rng(seed)</c>), covering the paths the
/// environment or users may reach: weighted choice, large binomials (BTPE), negative and wide integer ranges.
/// </summary>
public sealed class NumpyRandomExtraVectorsTests
{
    [Fact]
    public void WeightedChoiceMatchesNumpy()
    {
        var rng = NumpyRandom.DefaultRng(11);
        double[] p = [0.1, 0.2, 0.3, 0.25, 0.15];
        var actual = new int[12];
        for (int i = 0; i < actual.Length; i++)
        {
            actual[i] = rng.Choice(p);
        }

        Assert.Equal(new[] { 1, 2, 3, 0, 1, 4, 0, 1, 4, 3, 2, 2 }, actual);
    }

    [Fact]
    public void UniformWeightedChoiceMatchesNumpy()
    {
        var rng = NumpyRandom.DefaultRng(11);
        double[] p = [1.0 / 3, 1.0 / 3, 1.0 / 3];
        var actual = new int[12];
        for (int i = 0; i < actual.Length; i++)
        {
            actual[i] = rng.Choice(p);
        }

        Assert.Equal(new[] { 0, 1, 1, 0, 0, 2, 0, 0, 2, 1, 1, 1 }, actual);
    }

    [Fact]
    public void ChoiceOfLengthMatchesNumpy()
    {
        var rng = NumpyRandom.DefaultRng(8);
        var actual = new int[8];
        for (int i = 0; i < actual.Length; i++)
        {
            actual[i] = rng.Choice(7);
        }

        Assert.Equal(new[] { 5, 2, 1, 6, 1, 2, 4, 5 }, actual);
    }

    [Theory]
    [InlineData(100, 0.4, new[] { 44, 33, 49, 39, 31, 43, 34, 41 })]
    [InlineData(1000, 0.9, new[] { 901, 889, 881, 905, 896, 877, 897, 887 })]
    [InlineData(10, 0.35, new[] { 5, 4, 4, 2, 4, 7, 3, 2 })]
    public void BinomialMatchesNumpy(int n, double p, int[] expected)
    {
        var rng = NumpyRandom.DefaultRng(21);
        var actual = new int[expected.Length];
        rng.Binomial(n, p, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void NegativeRangeMatchesNumpy()
    {
        var rng = NumpyRandom.DefaultRng(2);
        var actual = new long[8];
        for (int i = 0; i < actual.Length; i++)
        {
            actual[i] = rng.Integers(-5, 5);
        }

        Assert.Equal(new long[] { 3, -3, -4, -3, -1, 3, -1, -5 }, actual);
    }

    [Theory]
    [InlineData(4294967296L, new[] { 3597359297L, 1123615560L, 469463396L, 1282009699L })]
    [InlineData(4611686018427387904L, new[] { 1206473021768521264L, 1376547432707316825L, 3754953463742327879L, 423887465215007743L })]
    public void WideRangesMatchNumpy(long high, long[] expected)
    {
        var rng = NumpyRandom.DefaultRng(2);
        var actual = new long[expected.Length];
        for (int i = 0; i < actual.Length; i++)
        {
            actual[i] = rng.Integers(high);
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void LargestSeedMatchesNumpy()
    {
        var rng = NumpyRandom.DefaultRng(ulong.MaxValue);
        var actual = new long[4];
        for (int i = 0; i < actual.Length; i++)
        {
            actual[i] = rng.Integers(1000);
        }

        Assert.Equal(new long[] { 547, 680, 950, 845 }, actual);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.03)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.7)]
    [InlineData(1.0)]
    public void BinomialOneIntoBytesDrawsAsBinomial(double p)
    {
        var reference = NumpyRandom.DefaultRng(17);
        var fast = NumpyRandom.DefaultRng(17);
        var expected = new int[500];
        var actual = new byte[500];
        reference.Binomial(1, p, expected);
        fast.BinomialOne(p, actual);
        Assert.Equal(expected, actual.Select(b => (int)b).ToArray());
        Assert.Equal(reference.NextUInt64(), fast.NextUInt64());
    }
}
