using Pogema.Env.Random;

namespace Pogema.Env.Evaluation;

/// <summary>
/// Percentile bootstrap of the mean, as the POGEMA benchmark reports its numbers: resample the episodes with
/// replacement, take each resample's mean, and read the 2.5th and 97.5th percentiles (linear interpolation, NumPy's
/// default). The resampling generator has a fixed seed, so the interval is reproducible.
/// </summary>
public static class Bootstrap
{
    /// <summary>Default number of resamples.</summary>
    public const int DefaultResamples = 10_000;

    /// <summary>The mean of <paramref name="values"/> and its bootstrap confidence interval.</summary>
    public static (double Mean, double Low, double High) MeanInterval(
        ReadOnlySpan<double> values,
        double confidence = 0.95,
        int resamples = DefaultResamples,
        ulong seed = 0)
    {
        if (values.IsEmpty)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        double mean = Mean(values);
        if (values.Length == 1)
        {
            return (mean, mean, mean);
        }

        var rng = NumpyRandom.DefaultRng(seed);
        var means = new double[resamples];
        int n = values.Length;
        for (int b = 0; b < resamples; b++)
        {
            double sum = 0;
            for (int k = 0; k < n; k++)
            {
                sum += values[(int)rng.Integers(n)];
            }

            means[b] = sum / n;
        }

        Array.Sort(means);
        double alpha = (1 - confidence) / 2;
        return (mean, Quantile(means, alpha), Quantile(means, 1 - alpha));
    }

    /// <summary>The arithmetic mean.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    /// <summary>NumPy's default (linear) quantile of sorted values.</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        double fraction = position - lower;
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * fraction);
    }
}
