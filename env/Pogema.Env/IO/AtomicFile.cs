namespace Pogema.Env.IO;

/// <summary>Writes files so that readers never see a half-written one: a temporary file in the same folder, flushed, then renamed.</summary>
public static class AtomicFile
{
    /// <summary>Replaces <paramref name="path"/> with <paramref name="contents"/> atomically.</summary>
    /// <exception cref="IOException">The file cannot be written (read-only folder, full disk, a folder of that name); the message names <paramref name="path"/>.</exception>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> contents)
    {
        WriteCore(path, contents, null);
    }

    /// <summary>
    /// Replaces <paramref name="path"/> with what <paramref name="write"/> writes, atomically: on any failure (of the
    /// writer or of the machine) the temporary file is removed and an existing file at <paramref name="path"/> is left
    /// as it was, so no partial file ever carries the final name.
    /// </summary>
    /// <exception cref="IOException">The file cannot be written; the message names <paramref name="path"/> and the reason.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteCore(path, default, write);
    }

    private static void WriteCore(string path, ReadOnlySpan<byte> contents, Action<Stream>? write)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (Directory.Exists(fullPath))
            {
                throw new IOException("it is a folder; give a file name");
            }

            if (fullPath.StartsWith("/dev/", StringComparison.Ordinal) && File.Exists(fullPath))
            {
                // /dev/null, /dev/stdout: a rename would replace the device itself (as root), so write through.
                using var device = new FileStream(fullPath, FileMode.Open, FileAccess.Write);
                WriteTo(device, contents, write);
                return;
            }

            for (string? parent = directory; !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
            {
                if (File.Exists(parent))
                {
                    throw new IOException($"{parent} is a file, not a folder");
                }
            }

            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                WriteTo(stream, contents, write);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new IOException($"cannot write {fullPath}: {Reason(ex)}", ex);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void WriteTo(Stream stream, ReadOnlySpan<byte> contents, Action<Stream>? write)
    {
        if (write is null)
        {
            stream.Write(contents);
        }
        else
        {
            write(stream);
        }
    }

    /// <summary>The system's reason without the temporary file's name, which would only confuse.</summary>
    private static string Reason(Exception ex)
    {
        string message = ex.Message;
        int quote = message.IndexOf(" : '", StringComparison.Ordinal);
        if (quote > 0)
        {
            message = message[..quote];
        }

        return ex is UnauthorizedAccessException && !message.Contains("denied", StringComparison.OrdinalIgnoreCase)
            ? $"permission denied ({message})"
            : message;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done on a failing disk; the name marks it as temporary.
        }
    }
}
