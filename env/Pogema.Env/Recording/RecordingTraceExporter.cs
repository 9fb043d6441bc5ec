using System.Text.Json;
using Pogema.Env.IO;

namespace Pogema.Env.Recording;

/// <summary>
/// Writes a recorded episode as JSON in the format of <c>pogema trace</c> (<c>obstacles</c>, <c>starts</c>,
/// <c>targets</c>, <c>steps</c> with <c>actions</c>, <c>positions</c>, <c>targets</c>, <c>active</c>,
/// <c>rewards</c>, <c>terminated</c>, <c>truncated</c>, and <c>metrics</c>), so a recording can be compared with a
/// trace of the same episode or with POGEMA through the parity tools.
/// </summary>
public static class RecordingTraceExporter
{
    /// <summary>Writes the trace JSON of <paramref name="recording"/> to <paramref name="path"/> atomically.</summary>
    public static void Export(EpisodeRecording recording, string path)
    {
        using var buffer = new MemoryStream();
        Write(recording, buffer);
        AtomicFile.WriteAllBytes(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Writes the trace JSON of <paramref name="recording"/> to <paramref name="stream"/>.</summary>
    public static void Write(EpisodeRecording recording, Stream stream)
    {
        using (var w = new Utf8JsonWriter(stream))
        {
            WriteObject(recording, w);
        }

        // Byte for byte what `pogema trace` writes: compact JSON and a final newline.
        stream.WriteByte((byte)'\n');
    }

    private static void WriteObject(EpisodeRecording recording, Utf8JsonWriter w)
    {
        EpisodeHeader h = recording.Header;
        w.WriteStartObject();
        w.WriteStartArray("obstacles");
        foreach (string row in h.MapRows)
        {
            w.WriteStringValue(row);
        }

        w.WriteEndArray();
        WritePairs(w, "starts", h.Starts);
        WritePairs(w, "targets", h.Targets);
        w.WriteStartArray("steps");
        foreach (EpisodeStepRecord s in recording.Steps)
        {
            w.WriteStartObject();
            w.WriteStartArray("actions");
            foreach (int a in s.Actions)
            {
                w.WriteNumberValue(a);
            }

            w.WriteEndArray();
            WritePairs(w, "positions", s.Positions);
            WritePairs(w, "targets", s.Targets);
            WriteBools(w, "active", s.Active);
            w.WriteStartArray("rewards");
            foreach (float r in s.Rewards)
            {
                // Python prints rewards as floats: 0.0 and 1.0, not 0 and 1.
                w.WriteRawValue(r == 0f ? "0.0" : r == 1f ? "1.0" : r.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }

            w.WriteEndArray();
            WriteBools(w, "terminated", s.Terminated);
            WriteBools(w, "truncated", s.Truncated);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (recording.Metrics is null)
        {
            w.WriteNull("metrics");
        }
        else
        {
            w.WriteStartObject("metrics");
            foreach (var (key, value) in recording.Metrics)
            {
                w.WriteNumber(key, value);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WritePairs(Utf8JsonWriter w, string name, int[] flat)
    {
        w.WriteStartArray(name);
        for (int i = 0; i < flat.Length; i += 2)
        {
            w.WriteStartArray();
            w.WriteNumberValue(flat[i]);
            w.WriteNumberValue(flat[i + 1]);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    private static void WriteBools(Utf8JsonWriter w, string name, bool[] values)
    {
        w.WriteStartArray(name);
        foreach (bool v in values)
        {
            w.WriteBooleanValue(v);
        }

        w.WriteEndArray();
    }
}
