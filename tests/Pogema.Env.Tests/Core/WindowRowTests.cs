using Pogema.Env.Random;

namespace Pogema.Env.Tests.Core;

/// <summary>The vectorized row conversion gives exactly the per-cell conversion for every row length, and writes nothing past the row.</summary>
public sealed class WindowRowTests
{
    [Fact]
    public void WidenAndNegateMatchThePerCellConversionForEveryLength()
    {
        var rng = NumpyRandom.DefaultRng(3);
        for (int length = 1; length <= 40; length++)
        {
            var source = new byte[length + 9];
            for (int i = 0; i < source.Length; i++)
            {
                source[i] = (byte)rng.Integers(2);
            }

            for (int offset = 0; offset < 3; offset++)
            {
                ReadOnlySpan<byte> row = source.AsSpan(offset, length);
                var widened = new float[length + 2];
                var negated = new float[length + 2];
                widened.AsSpan().Fill(7f);
                negated.AsSpan().Fill(7f);
                WindowRow.Widen(row, widened.AsSpan(1, length));
                WindowRow.Negate(row, negated.AsSpan(1, length));
                for (int i = 0; i < length; i++)
                {
                    Assert.Equal(BitConverter.SingleToInt32Bits(row[i]), BitConverter.SingleToInt32Bits(widened[i + 1]));
                    Assert.Equal(BitConverter.SingleToInt32Bits(-(int)row[i]), BitConverter.SingleToInt32Bits(negated[i + 1]));
                }

                Assert.Equal(7f, widened[0]);
                Assert.Equal(7f, widened[^1]);
                Assert.Equal(7f, negated[0]);
                Assert.Equal(7f, negated[^1]);
            }
        }
    }
}
