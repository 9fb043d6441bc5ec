namespace Pogema.Env.Random;

/// <summary>
/// NumPy's PCG64 bit generator: a 128-bit LCG with the XSL-RR output function, seeded from a
/// <see cref="SeedSequence"/> exactly as <c>numpy.random.PCG64(seed)</c>.
/// </summary>
public sealed class Pcg64
{
    private static readonly UInt128 Multiplier = new(0x2360ED051FC65DA4UL, 0x4385DF649FCCF645UL);

    private UInt128 _state;
    private UInt128 _increment;
    private bool _hasUInt32;
    private uint _cachedUInt32;

    /// <summary>Seeds from <c>SeedSequence(seed).generate_state(4, uint64)</c>.</summary>
    public Pcg64(SeedSequence seedSequence)
    {
        Span<ulong> words = stackalloc ulong[4];
        seedSequence.GenerateState(words);
        SetState(words);
    }

    /// <summary>Seeds as <c>PCG64(seed)</c> does, without allocating.</summary>
    public Pcg64(ulong seed)
    {
        Reseed(seed);
    }

    /// <summary>Puts the generator in the state <c>PCG64(seed)</c> starts from (the 32-bit cache is emptied).</summary>
    public void Reseed(ulong seed)
    {
        Span<ulong> words = stackalloc ulong[4];
        SeedSequence.GenerateState(seed, words);
        SetState(words);
    }

    private void SetState(ReadOnlySpan<ulong> words)
    {
        // NumPy builds each 128-bit value with the first word as the high half.
        var initState = new UInt128(words[0], words[1]);
        var initSequence = new UInt128(words[2], words[3]);
        _state = UInt128.Zero;
        _increment = (initSequence << 1) | UInt128.One;
        Step();
        _state += initState;
        Step();
        _hasUInt32 = false;
        _cachedUInt32 = 0;
    }

    /// <summary>The next 64-bit output.</summary>
    public ulong NextUInt64()
    {
        Step();
        ulong high = (ulong)(_state >> 64);
        ulong low = (ulong)_state;
        int rotation = (int)(high >> 58);
        return ulong.RotateRight(high ^ low, rotation);
    }

    /// <summary>
    /// The low half of a 64-bit output; the high half is kept and returned by the next call, as NumPy's
    /// <c>next_uint32</c> does.
    /// </summary>
    public uint NextUInt32()
    {
        if (_hasUInt32)
        {
            _hasUInt32 = false;
            return _cachedUInt32;
        }

        ulong next = NextUInt64();
        _hasUInt32 = true;
        _cachedUInt32 = (uint)(next >> 32);
        return (uint)next;
    }

    private void Step()
    {
        _state = (_state * Multiplier) + _increment;
    }
}
