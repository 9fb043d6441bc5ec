namespace Pogema.Env.Random;

/// <summary>
/// NumPy's PCG64 bit generator: a 128-bit LCG with the XSL-RR output function, seeded from a
/// <see cref="SeedSequence"/> exactly as <c>numpy.random.PCG64(seed)</c>.
/// </summary>
public sealed class Pcg64
{
    // The 128-bit state and increment are kept as 64-bit halves: UInt128 arithmetic is several times slower here.
    private const ulong MultiplierHigh = 0x2360ED051FC65DA4UL;
    private const ulong MultiplierLow = 0x4385DF649FCCF645UL;

    private ulong _stateHigh;
    private ulong _stateLow;
    private ulong _incrementHigh;
    private ulong _incrementLow;
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
        var initSequence = new UInt128(words[2], words[3]);
        UInt128 increment = (initSequence << 1) | UInt128.One;
        _incrementHigh = (ulong)(increment >> 64);
        _incrementLow = (ulong)increment;
        _stateHigh = 0;
        _stateLow = 0;
        Step();
        UInt128 state = new UInt128(_stateHigh, _stateLow) + new UInt128(words[0], words[1]);
        _stateHigh = (ulong)(state >> 64);
        _stateLow = (ulong)state;
        Step();
        _hasUInt32 = false;
        _cachedUInt32 = 0;
    }

    /// <summary>The next 64-bit output.</summary>
    public ulong NextUInt64()
    {
        Step();
        int rotation = (int)(_stateHigh >> 58);
        return ulong.RotateRight(_stateHigh ^ _stateLow, rotation);
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
        ulong carryHigh = Math.BigMul(_stateLow, MultiplierLow, out ulong low);
        ulong high = carryHigh + (_stateLow * MultiplierHigh) + (_stateHigh * MultiplierLow);
        ulong sumLow = low + _incrementLow;
        _stateHigh = high + _incrementHigh + (sumLow < low ? 1UL : 0UL);
        _stateLow = sumLow;
    }
}
