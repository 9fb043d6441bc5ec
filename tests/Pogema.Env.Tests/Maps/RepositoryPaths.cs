namespace Pogema.Env.Tests.Maps;

/// <summary>Finds the repository's folders from the test binaries' location.</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Pogema.Net.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Pogema.Net.sln not found above the test binaries");
        }
    }

    public static string MapsFolder => Path.Combine(Root, "maps");
}
