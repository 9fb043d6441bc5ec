using Pogema.Env.Random;

namespace Pogema.Env.Tests.Random;

/// <summary>Every published vector of NumPy 1.24's Generator(PCG64) that POGEMA relies on, bit for bit.</summary>
public sealed class NumpyRandomTests
{
    [Fact]
    public void SeedSequence42GeneratesNumpyUInt64State()
    {
        Span<ulong> state = stackalloc ulong[4];
        new SeedSequence(42).GenerateState(state);
        Assert.Equal(new ulong[] { 0x9f1e2e6dcd540ab7, 0xd57873dc79fb94b6, 0x7d282a1b64d420b7, 0x336579714692d5ff }, state.ToArray());
    }

    [Fact]
    public void SeedSequence0GeneratesNumpyUInt32State()
    {
        Span<uint> state = stackalloc uint[4];
        new SeedSequence(0).GenerateState(state);
        Assert.Equal(new uint[] { 0xb0f478be, 0xdb2cd7e7, 0x2c71ba49, 0xabf4641a }, state.ToArray());
    }

    [Fact]
    public void RawUInt64MatchesNumpy()
    {
        var rng = NumpyRandom.DefaultRng(42);
        Assert.Equal(0xc621fbcd16d92688UL, rng.NextUInt64());
        Assert.Equal(0x705a5661a791ffc1UL, rng.NextUInt64());
        Assert.Equal(0xdbcd12c26eda1624UL, rng.NextUInt64());
    }

    [Fact]
    public void RandomMatchesNumpy()
    {
        var rng = NumpyRandom.DefaultRng(42);
        Assert.Equal(0.7739560485559633, rng.Random());
        Assert.Equal(0.4388784397520523, rng.Random());
        Assert.Equal(0.8585979199113825, rng.Random());
    }

    [Theory]
    [InlineData(7UL, 0L, 5L, new long[] { 4, 3, 3, 4, 2, 3, 4, 1, 0, 1 })]
    [InlineData(7UL, 0L, 1000L, new long[] { 944, 625, 684, 897, 578 })]
    [InlineData(0UL, 0L, 2147483647L, new long[] { 1826701614, 1367864806, 1097657231, 579362555 })]
    [InlineData(123UL, 0L, 1099511627776L, new long[] { 750253807875, 59176835991, 242288242408 })]
    [InlineData(1099511627793UL, 0L, 100L, new long[] { 82, 33, 78, 26, 77 })]
    public void IntegersMatchNumpy(ulong seed, long low, long high, long[] expected)
    {
        var rng = NumpyRandom.DefaultRng(seed);
        var actual = new long[expected.Length];
        for (int i = 0; i < actual.Length; i++)
        {
            actual[i] = low == 0 ? rng.Integers(high) : rng.Integers(low, high);
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ShuffleOfTenMatchesNumpy()
    {
        var rng = NumpyRandom.DefaultRng(3);
        int[] items = Enumerable.Range(0, 10).ToArray();
        rng.Shuffle<int>(items);
        Assert.Equal(new[] { 9, 6, 0, 2, 1, 4, 7, 5, 3, 8 }, items);
    }

    [Fact]
    public void ShuffleOfThreeHundredMatchesNumpy()
    {
        var rng = NumpyRandom.DefaultRng(9);
        int[] items = Enumerable.Range(0, 300).ToArray();
        rng.Shuffle<int>(items);
        Assert.Equal(new[] { 255, 59, 192, 91, 106, 76, 174, 65, 75, 130, 145, 61 }, items[..12]);
    }

    [Theory]
    [InlineData(5UL, 0.3, new[] { 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0, 0 })]
    [InlineData(5UL, 0.7, new[] { 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1 })]
    [InlineData(3UL, 0.5, new[] { 0, 0, 1, 1, 0, 0, 0, 0, 1, 0 })]
    public void BinomialOfOneMatchesNumpy(ulong seed, double p, int[] expected)
    {
        var rng = NumpyRandom.DefaultRng(seed);
        var actual = new int[expected.Length];
        rng.Binomial(1, p, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void BinomialWithZeroProbabilityConsumesNothing()
    {
        var rng = NumpyRandom.DefaultRng(3);
        var zeros = new int[5];
        rng.Binomial(1, 0.0, zeros);
        Assert.Equal(new int[5], zeros);
        Assert.Equal(8, rng.Integers(10));
    }

    [Fact]
    public void UniformMatchesNumpy()
    {
        var rng = NumpyRandom.DefaultRng(1);
        Assert.Equal(0.20236432494005135, rng.Uniform(0.1, 0.3));
        Assert.Equal(0.2900927392651871, rng.Uniform(0.1, 0.3));
        Assert.Equal(0.12883192254392675, rng.Uniform(0.1, 0.3));
    }

    [Fact]
    public void MixedCallsShareTheUInt32CacheAsNumpy()
    {
        var rng = NumpyRandom.DefaultRng(5);
        Assert.Equal(6, rng.Integers(10));
        Assert.Equal(0.8079407897364937, rng.Random());
        Assert.Equal(8, rng.Integers(10));
        Assert.Equal(4, rng.Integers(10));
        Assert.Equal(515325, rng.Integers(1_000_000));
        Assert.Equal(0.2858013800881416, rng.Random());
    }
}
