namespace Pogema.Env.Random;

/// <summary>
/// NumPy's <c>numpy.random.SeedSequence</c> for a non-negative integer seed (no spawn key): mixes the seed's
/// 32-bit words into a pool of four words and expands the pool into generator state with NumPy's hash.
/// </summary>
public sealed class SeedSequence
{
    private const uint InitA = 0x43b0d7e5;
    private const uint MultA = 0x931e8875;
    private const uint InitB = 0x8b51f9dd;
    private const uint MultB = 0x58f38ded;
    private const uint MixMultL = 0xca01f9dd;
    private const uint MixMultR = 0x4973f715;
    private const int XShift = 16;
    private const int PoolSize = 4;

    private readonly uint[] _pool = new uint[PoolSize];

    /// <summary>Mixes <paramref name="seed"/> into the pool as <c>SeedSequence(seed)</c> does.</summary>
    public SeedSequence(ulong seed)
        : this(seed <= uint.MaxValue ? [(uint)seed] : [(uint)seed, (uint)(seed >> 32)])
    {
    }

    /// <summary>Mixes an entropy given as little-endian 32-bit words (at least one) into the pool.</summary>
    public SeedSequence(ReadOnlySpan<uint> entropyWords)
    {
        if (entropyWords.Length == 0)
        {
            entropyWords = [0u];
        }

        MixEntropy(entropyWords, _pool);
    }

    /// <summary>The mixed pool of four 32-bit words.</summary>
    public ReadOnlySpan<uint> Pool => _pool;

    /// <summary><c>generate_state(n, uint32)</c>.</summary>
    public void GenerateState(Span<uint> destination) => GenerateState(_pool, destination);

    /// <summary>
    /// <c>SeedSequence(seed).generate_state(n, uint64)</c> without allocating, for generators reseeded on every reset.
    /// </summary>
    public static void GenerateState(ulong seed, Span<ulong> destination)
    {
        Span<uint> entropy = [(uint)seed, (uint)(seed >> 32)];
        Span<uint> pool = stackalloc uint[PoolSize];
        MixEntropy(seed <= uint.MaxValue ? entropy[..1] : entropy, pool);
        Span<uint> words = stackalloc uint[destination.Length * 2];
        GenerateState(pool, words);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = words[2 * i] | ((ulong)words[(2 * i) + 1] << 32);
        }
    }

    private static void GenerateState(ReadOnlySpan<uint> pool, Span<uint> destination)
    {
        uint hashConst = InitB;
        for (int i = 0; i < destination.Length; i++)
        {
            uint value = pool[i % PoolSize];
            value ^= hashConst;
            hashConst *= MultB;
            value *= hashConst;
            value ^= value >> XShift;
            destination[i] = value;
        }
    }

    /// <summary><c>generate_state(n, uint64)</c>: pairs of 32-bit words, low word first.</summary>
    public void GenerateState(Span<ulong> destination)
    {
        Span<uint> words = destination.Length <= 64 ? stackalloc uint[destination.Length * 2] : new uint[destination.Length * 2];
        GenerateState(words);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = words[2 * i] | ((ulong)words[(2 * i) + 1] << 32);
        }
    }

    private static void MixEntropy(ReadOnlySpan<uint> entropy, Span<uint> pool)
    {
        uint hashConst = InitA;
        for (int i = 0; i < PoolSize; i++)
        {
            pool[i] = HashMix(i < entropy.Length ? entropy[i] : 0u, ref hashConst);
        }

        for (int src = 0; src < PoolSize; src++)
        {
            for (int dst = 0; dst < PoolSize; dst++)
            {
                if (src != dst)
                {
                    pool[dst] = Mix(pool[dst], HashMix(pool[src], ref hashConst));
                }
            }
        }

        for (int src = PoolSize; src < entropy.Length; src++)
        {
            for (int dst = 0; dst < PoolSize; dst++)
            {
                pool[dst] = Mix(pool[dst], HashMix(entropy[src], ref hashConst));
            }
        }
    }

    private static uint HashMix(uint value, ref uint hashConst)
    {
        value ^= hashConst;
        hashConst *= MultA;
        value *= hashConst;
        value ^= value >> XShift;
        return value;
    }

    private static uint Mix(uint x, uint y)
    {
        uint result = (MixMultL * x) - (MixMultR * y);
        result ^= result >> XShift;
        return result;
    }
}
