using System.Text;

namespace Pogema.Env.Maps;

/// <summary>
/// The POGEMA benchmark's <c>wfi_warehouse</c> map (33 rows x 46 columns). Eight shelf bands, each three rows
/// tall: a middle row of shelves (<c>#</c>, three shelves of ten cells split by one-cell gaps) with goal cells
/// (<c>$</c>) above and below every shelf cell; left and right of the shelves, two docking bays of 2 x 3 start
/// cells (<c>@</c>) per band. Aisles (<c>!</c>, free but neither start nor goal) run around every band.
/// pogema-toolbox's warehouse generator makes a different map (28 x 64, roles swapped), so this one is
/// written for this exact layout.
/// </summary>
public static class WarehouseMap
{
    /// <summary>The benchmark's name for this map.</summary>
    public const string Name = "wfi_warehouse";

    /// <summary>Number of shelf bands.</summary>
    public const int Bands = 8;

    /// <summary>Shelves per band.</summary>
    public const int ShelvesPerBand = 3;

    /// <summary>Cells per shelf.</summary>
    public const int ShelfLength = 10;

    /// <summary>Builds the map string.</summary>
    public static string Generate()
    {
        var aisle = new string('!', DockWidth * 2 + ShelvesPerBand * ShelfLength + (ShelvesPerBand - 1));
        var builder = new StringBuilder();
        builder.Append(aisle);
        for (var band = 0; band < Bands; band++)
        {
            AppendBandRow(builder, '$');
            AppendBandRow(builder, '#');
            AppendBandRow(builder, '$');
            builder.Append('\n').Append(aisle);
        }

        return builder.ToString();
    }

    /// <summary>The map with its name.</summary>
    public static NamedMap Create()
    {
        return new NamedMap(Name, Generate());
    }

    // The dock on each side: aisle, two start cells, aisle, two start cells, aisle.
    private const string Dock = "!@@!@@!";

    private static int DockWidth => Dock.Length;

    private static void AppendBandRow(StringBuilder builder, char shelfCell)
    {
        builder.Append('\n').Append(Dock);
        for (var shelf = 0; shelf < ShelvesPerBand; shelf++)
        {
            if (shelf > 0)
            {
                builder.Append('!');
            }

            builder.Append(shelfCell, ShelfLength);
        }

        builder.Append(Dock);
    }
}
