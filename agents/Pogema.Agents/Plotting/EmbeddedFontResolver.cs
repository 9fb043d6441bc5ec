using ScottPlot;
using SkiaSharp;

namespace Pogema.Agents.Plotting;

/// <summary>
/// Answers ScottPlot's font lookups for one name with one typeface loaded from memory, whatever weight or slant is
/// asked: only the regular face is shipped, and a regular title beats no title.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    private readonly string _name;
    private readonly SKTypeface _typeface;

    public EmbeddedFontResolver(string name, SKTypeface typeface)
    {
        _name = name;
        _typeface = typeface;
    }

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing)
    {
        return string.Equals(fontName, _name, StringComparison.Ordinal) ? _typeface : null;
    }

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic)
    {
        return string.Equals(fontName, _name, StringComparison.Ordinal) ? _typeface : null;
    }
}
