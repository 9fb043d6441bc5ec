using Pogema.Env.Random;

namespace Pogema.Env.Tests.Core;

/// <summary>The vectorized window conversions give exactly the per-cell conversion for every size, and write nothing past the window.</summary>
public sealed class WindowRowTests
{
    [Fact]
    public void WidenAndNegateMatchThePerCellConversionForEveryRowLength()
    {
        // Windows of every side 1..40 (every row length the vector paths distinguish), starting at three alignments.
        var rng = NumpyRandom.DefaultRng(3);
        for (int length = 1; length <= 40; length++)
        {
            int stride = length + 9;
            var source = new byte[stride * length];
            for (int i = 0; i < source.Length; i++)
            {
                source[i] = (byte)rng.Integers(2);
            }

            for (int offset = 0; offset < 3; offset++)
            {
                AssertWindowMatchesPerCell(source, offset, stride, length);
            }
        }
    }

    [Fact]
    public void WindowsMatchThePerCellConversionForEverySize()
    {
        var rng = NumpyRandom.DefaultRng(5);
        const int stride = 23;
        var grid = new byte[stride * 23];
        for (int i = 0; i < grid.Length; i++)
        {
            grid[i] = (byte)rng.Integers(2);
        }

        for (int size = 1; size <= 20; size++)
        {
            // Windows at the grid's first cell, at its last possible corner (whose last row ends the grid), and between.
            int lastCorner = grid.Length - ((size - 1) * stride) - size;
            foreach (int corner in new[] { 0, lastCorner, lastCorner / 2 })
            {
                AssertWindowMatchesPerCell(grid, corner, stride, size);
            }
        }
    }

    [Fact]
    public void AWindowOutsideTheGridOrTooLargeForTheDestinationIsRefused()
    {
        var grid = new byte[10 * 10];
        var destination = new float[25];
        Assert.Throws<ArgumentOutOfRangeException>(() => WindowRow.WidenWindow(grid, -1, 10, 5, destination));
        Assert.Throws<ArgumentOutOfRangeException>(() => WindowRow.WidenWindow(grid, 56, 10, 5, destination));
        Assert.Throws<ArgumentException>(() => WindowRow.WidenWindow(grid, 0, 10, 5, destination.AsSpan(1)));
        WindowRow.WidenWindow(grid, 55, 10, 5, destination);
    }

    /// <summary>
    /// Both conversions of the <paramref name="size"/>-sided window at <paramref name="corner"/> give each cell's 0f/1f
    /// and 0f/-1f bit for bit (never -0f), and write nothing before or after the window.
    /// </summary>
    private static void AssertWindowMatchesPerCell(byte[] grid, int corner, int stride, int size)
    {
        int area = size * size;
        var widened = new float[area + 2];
        var negated = new float[area + 2];
        widened.AsSpan().Fill(7f);
        negated.AsSpan().Fill(7f);
        WindowRow.WidenWindow(grid, corner, stride, size, widened.AsSpan(1, area));
        WindowRow.NegateWindow(grid, corner, stride, size, negated.AsSpan(1, area));
        for (int row = 0; row < size; row++)
        {
            for (int col = 0; col < size; col++)
            {
                int cell = grid[corner + (row * stride) + col];
                int k = 1 + (row * size) + col;
                Assert.Equal(BitConverter.SingleToInt32Bits(cell), BitConverter.SingleToInt32Bits(widened[k]));
                Assert.Equal(BitConverter.SingleToInt32Bits(-cell), BitConverter.SingleToInt32Bits(negated[k]));
            }
        }

        AssertNothingWrittenAround(widened, negated);
    }

    /// <summary>The guard values before and after the written floats are untouched.</summary>
    private static void AssertNothingWrittenAround(float[] widened, float[] negated)
    {
        Assert.Equal(7f, widened[0]);
        Assert.Equal(7f, widened[^1]);
        Assert.Equal(7f, negated[0]);
        Assert.Equal(7f, negated[^1]);
    }
}
