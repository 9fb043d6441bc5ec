namespace Pogema.Env.Tests.Support;

/// <summary>
/// NumPy's legacy <c>RandomState(seed)</c> (MT19937) for the two calls POGEMA's deterministic-policy test makes:
/// <c>random()</c> and <c>randint(low, high)</c> with masked rejection.
/// </summary>
internal sealed class LegacyRandomState
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] _key = new uint[N];
    private int _position;

    public LegacyRandomState(uint seed)
    {
        uint s = seed;
        for (int i = 0; i < N; i++)
        {
            _key[i] = s;
            s = (1812433253u * (s ^ (s >> 30))) + (uint)i + 1;
        }

        _position = N;
    }

    /// <summary><c>random()</c>: 53 bits from two 32-bit draws.</summary>
    public double Random()
    {
        uint a = NextUInt32() >> 5;
        uint b = NextUInt32() >> 6;
        return ((a * 67108864.0) + b) / 9007199254740992.0;
    }

    /// <summary><c>randint(low, high)</c>: masked rejection on 32-bit draws.</summary>
    public int RandInt(int low, int high)
    {
        uint range = (uint)(high - 1 - low);
        if (range == 0)
        {
            return low;
        }

        uint mask = range;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        uint value;
        while ((value = NextUInt32() & mask) > range)
        {
        }

        return low + (int)value;
    }

    private uint NextUInt32()
    {
        if (_position == N)
        {
            Generate();
        }

        uint y = _key[_position++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    private void Generate()
    {
        for (int i = 0; i < N; i++)
        {
            uint y = (_key[i] & 0x80000000u) | (_key[(i + 1) % N] & 0x7fffffffu);
            _key[i] = _key[(i + M) % N] ^ (y >> 1) ^ ((y & 1u) != 0 ? 0x9908b0dfu : 0u);
        }

        _position = 0;
    }
}
