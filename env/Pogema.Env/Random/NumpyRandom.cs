using System.Security.Cryptography;

namespace Pogema.Env.Random;

/// <summary>
/// The subset of <c>numpy.random.Generator</c> (PCG64 seeded through SeedSequence) that POGEMA uses, bit-exact
/// with NumPy: the same seed gives the same maps, placements and goals as in Python.
/// </summary>
public sealed class NumpyRandom
{
    private const double DoubleUnit = 1.0 / 9007199254740992.0;

    // NumPy accepts p when |sum(p) - 1| <= sqrt(float64 eps).
    private static readonly double ProbabilityTolerance = Math.Sqrt(2.220446049250313e-16);

    private readonly Pcg64 _bitGenerator;

    private NumpyRandom(Pcg64 bitGenerator)
    {
        _bitGenerator = bitGenerator;
    }

    /// <summary><c>numpy.random.default_rng(seed)</c>.</summary>
    public static NumpyRandom DefaultRng(ulong seed) => new(new Pcg64(seed));

    /// <summary>Puts this generator in the state <c>default_rng(seed)</c> starts from, without allocating.</summary>
    public void Reseed(ulong seed) => _bitGenerator.Reseed(seed);

    /// <summary><c>numpy.random.default_rng(None)</c>: a 128-bit seed from the operating system.</summary>
    public static NumpyRandom FromEntropy()
    {
        Span<uint> entropy = stackalloc uint[4];
        RandomNumberGenerator.Fill(System.Runtime.InteropServices.MemoryMarshal.AsBytes(entropy));
        return new NumpyRandom(new Pcg64(new SeedSequence(entropy)));
    }

    /// <summary>The next raw 64-bit output of the bit generator.</summary>
    public ulong NextUInt64() => _bitGenerator.NextUInt64();

    /// <summary>The next raw 32-bit output (NumPy's buffered <c>next_uint32</c>).</summary>
    public uint NextUInt32() => _bitGenerator.NextUInt32();

    /// <summary><c>random()</c>: a double in [0, 1) from the top 53 bits of one 64-bit draw.</summary>
    public double Random() => (_bitGenerator.NextUInt64() >> 11) * DoubleUnit;

    /// <summary><c>integers(high)</c>: an integer in [0, high).</summary>
    public long Integers(long high) => Integers(0, high);

    /// <summary><c>integers(low, high)</c>: an integer in [low, high), by Lemire's bounded method as NumPy.</summary>
    public long Integers(long low, long high)
    {
        if (low >= high)
        {
            throw new ArgumentOutOfRangeException(nameof(high), $"high ({high}) must be greater than low ({low})");
        }

        ulong range = (ulong)(high - 1 - low);
        ulong offset = (ulong)low;
        if (range == 0)
        {
            return low;
        }

        if (range <= uint.MaxValue)
        {
            if (range == uint.MaxValue)
            {
                return (long)(offset + _bitGenerator.NextUInt32());
            }

            return (long)(offset + BoundedLemire32((uint)range));
        }

        if (range == ulong.MaxValue)
        {
            return (long)(offset + _bitGenerator.NextUInt64());
        }

        return (long)(offset + BoundedLemire64(range));
    }

    /// <summary><c>shuffle(x)</c> for a one-dimensional sequence: Fisher-Yates from the end with NumPy's masked draws.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i >= 1; i--)
        {
            int j = (int)RandomInterval((ulong)i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary><c>choice(a)</c> for a sequence of <paramref name="length"/> items: the chosen index.</summary>
    public int Choice(int length)
    {
        if (length <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "a cannot be empty unless no samples are taken");
        }

        return (int)Integers(0, length);
    }

    /// <summary>
    /// <c>choice(range(k), p=p)</c>: one <see cref="Random"/> searched (side='right') in the normalized cumulative
    /// weights, as NumPy does.
    /// </summary>
    public int Choice(ReadOnlySpan<double> p)
    {
        if (p.Length == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "a cannot be empty unless no samples are taken");
        }

        double total = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] < 0 || double.IsNaN(p[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(p), "probabilities are not non-negative");
            }

            total += p[i];
        }

        if (Math.Abs(total - 1.0) > ProbabilityTolerance)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "probabilities do not sum to 1");
        }

        // NumPy: cdf = p.cumsum(); cdf /= cdf[-1]; cdf.searchsorted(random(), side='right').
        double last = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            last += p[i];
        }

        double u = Random();
        double cumulative = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            cumulative += p[i];
            if (cumulative / last > u)
            {
                return i;
            }
        }

        return p.Length;
    }

    /// <summary><c>binomial(n, p)</c>: NumPy's inversion for n*p &lt;= 30 and BTPE above, with 1-p for p &gt; 0.5.</summary>
    public int Binomial(int n, double p)
    {
        if (n < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "n < 0");
        }

        if (!(p >= 0.0 && p <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(p), "p < 0, p > 1 or p is NaN");
        }

        if (n == 0 || p == 0.0)
        {
            return 0;
        }

        if (p <= 0.5)
        {
            return p * n <= 30.0 ? BinomialInversion(n, p) : BinomialBtpe(n, p);
        }

        double q = 1.0 - p;
        return q * n <= 30.0 ? n - BinomialInversion(n, q) : n - BinomialBtpe(n, q);
    }

    /// <summary><c>binomial(n, p, size)</c>: one draw per element in order (row-major for a flattened shape).</summary>
    public void Binomial(int n, double p, Span<int> output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = Binomial(n, p);
        }
    }

    /// <summary>
    /// <c>binomial(1, p, size)</c> into bytes: the same draws as <see cref="Binomial(int, double)"/> per element, with
    /// the inversion constants computed once (NumPy caches them the same way).
    /// </summary>
    public void BinomialOne(double p, Span<byte> output)
    {
        if (!(p >= 0.0 && p <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(p), "p < 0, p > 1 or p is NaN");
        }

        if (p == 0.0)
        {
            output.Clear();
            return;
        }

        bool flip = p > 0.5;
        double r = flip ? 1.0 - p : p;
        double q = 1.0 - r;
        double qn = Math.Exp(1 * Math.Log(q));
        double np = 1 * r;
        long bound = (long)Math.Min(1, np + (10.0 * Math.Sqrt((np * q) + 1)));
        double px1 = (1 * r * qn) / (1 * q);
        for (int i = 0; i < output.Length; i++)
        {
            // The inversion loop of BinomialInversion for n = 1: X = 0 if U <= qn, 1 if U - qn <= px1, else redraw.
            long x;
            while (true)
            {
                double u = Random();
                if (u <= qn)
                {
                    x = 0;
                    break;
                }

                if (bound >= 1 && u - qn <= px1)
                {
                    x = 1;
                    break;
                }
            }

            output[i] = (byte)(flip ? 1 - x : x);
        }
    }

    /// <summary><c>uniform(low, high)</c>: <c>low + (high - low) * random()</c>.</summary>
    public double Uniform(double low, double high) => low + ((high - low) * Random());

    private uint BoundedLemire32(uint range)
    {
        uint rangeExclusive = range + 1;
        ulong m = (ulong)_bitGenerator.NextUInt32() * rangeExclusive;
        uint leftover = (uint)m;
        if (leftover < rangeExclusive)
        {
            uint threshold = (uint.MaxValue - range) % rangeExclusive;
            while (leftover < threshold)
            {
                m = (ulong)_bitGenerator.NextUInt32() * rangeExclusive;
                leftover = (uint)m;
            }
        }

        return (uint)(m >> 32);
    }

    private ulong BoundedLemire64(ulong range)
    {
        ulong rangeExclusive = range + 1;
        ulong high = Math.BigMul(_bitGenerator.NextUInt64(), rangeExclusive, out ulong leftover);
        if (leftover < rangeExclusive)
        {
            ulong threshold = (ulong.MaxValue - range) % rangeExclusive;
            while (leftover < threshold)
            {
                high = Math.BigMul(_bitGenerator.NextUInt64(), rangeExclusive, out leftover);
            }
        }

        return high;
    }

    private ulong RandomInterval(ulong max)
    {
        if (max == 0)
        {
            return 0;
        }

        ulong mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        mask |= mask >> 32;

        ulong value;
        if (max <= uint.MaxValue)
        {
            while ((value = _bitGenerator.NextUInt32() & mask) > max)
            {
            }
        }
        else
        {
            while ((value = _bitGenerator.NextUInt64() & mask) > max)
            {
            }
        }

        return value;
    }

    private int BinomialInversion(int n, double p)
    {
        double q = 1.0 - p;
        double qn = Math.Exp(n * Math.Log(q));
        double np = n * p;
        long bound = (long)Math.Min(n, np + (10.0 * Math.Sqrt((np * q) + 1)));

        long x = 0;
        double px = qn;
        double u = Random();
        while (u > px)
        {
            x++;
            if (x > bound)
            {
                x = 0;
                px = qn;
                u = Random();
            }
            else
            {
                u -= px;
                px = ((n - x + 1) * p * px) / (x * q);
            }
        }

        return (int)x;
    }

    // NumPy's BTPE (Kachitvichyanukul and Schmeiser), kept step for step so the draws match.
    private int BinomialBtpe(int n, double p)
    {
        double r = Math.Min(p, 1.0 - p);
        double q = 1.0 - r;
        double fm = (n * r) + r;
        long m = (long)Math.Floor(fm);
        double p1 = Math.Floor((2.195 * Math.Sqrt(n * r * q)) - (4.6 * q)) + 0.5;
        double xm = m + 0.5;
        double xl = xm - p1;
        double xr = xm + p1;
        double c = 0.134 + (20.5 / (15.3 + m));
        double a = (fm - xl) / (fm - (xl * r));
        double laml = a * (1.0 + (a / 2.0));
        a = (xr - fm) / (xr * q);
        double lamr = a * (1.0 + (a / 2.0));
        double p2 = p1 * (1.0 + (2.0 * c));
        double p3 = p2 + (c / laml);
        double p4 = p3 + (c / lamr);
        double nrq = n * r * q;

        while (true)
        {
            double u = Random() * p4;
            double v = Random();
            long y;
            if (u <= p1)
            {
                y = (long)Math.Floor(xm - (p1 * v) + u);
                return (int)(p > 0.5 ? n - y : y);
            }

            if (u <= p2)
            {
                double x = xl + ((u - p1) / c);
                v = (v * c) + 1.0 - (Math.Abs(m - x + 0.5) / p1);
                if (v > 1.0)
                {
                    continue;
                }

                y = (long)Math.Floor(x);
            }
            else if (u <= p3)
            {
                y = (long)Math.Floor(xl + (Math.Log(v) / laml));
                if (y < 0 || v == 0.0)
                {
                    continue;
                }

                v = v * (u - p2) * laml;
            }
            else
            {
                y = (long)Math.Floor(xr - (Math.Log(v) / lamr));
                if (y > n || v == 0.0)
                {
                    continue;
                }

                v = v * (u - p3) * lamr;
            }

            if (BtpeAccepts(n, r, q, m, xm, nrq, y, v))
            {
                return (int)(p > 0.5 ? n - y : y);
            }
        }
    }

    private static bool BtpeAccepts(int n, double r, double q, long m, double xm, double nrq, long y, double v)
    {
        long k = Math.Abs(y - m);
        if (!(k > 20 && k < ((nrq / 2.0) - 1)))
        {
            double s = r / q;
            double a = s * (n + 1);
            double f = 1.0;
            if (m < y)
            {
                for (long i = m + 1; i <= y; i++)
                {
                    f *= (a / i) - s;
                }
            }
            else if (m > y)
            {
                for (long i = y + 1; i <= m; i++)
                {
                    f /= (a / i) - s;
                }
            }

            return v <= f;
        }

        double rho = (k / nrq) * (((k * ((k / 3.0) + 0.625)) + 0.16666666666666666) / nrq + 0.5);
        double t = -k * k / (2 * nrq);
        double logV = Math.Log(v);
        if (logV < t - rho)
        {
            return true;
        }

        if (logV > t + rho)
        {
            return false;
        }

        double x1 = y + 1;
        double f1 = m + 1;
        double z = n + 1 - m;
        double w = n - y + 1;
        double x2 = x1 * x1;
        double f2 = f1 * f1;
        double z2 = z * z;
        double w2 = w * w;
        double bound = (xm * Math.Log(f1 / x1)) + ((n - m + 0.5) * Math.Log(z / w)) + ((y - m) * Math.Log(w * r / (x1 * q)))
            + (StirlingTerm(f2) / f1 / 166320.0) + (StirlingTerm(z2) / z / 166320.0)
            + (StirlingTerm(x2) / x1 / 166320.0) + (StirlingTerm(w2) / w / 166320.0);
        return logV <= bound;
    }

    private static double StirlingTerm(double square) =>
        13680.0 - ((462.0 - ((132.0 - ((99.0 - (140.0 / square)) / square)) / square)) / square);
}
