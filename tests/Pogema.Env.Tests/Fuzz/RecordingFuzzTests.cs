using System.Buffers.Binary;
using CsCheck;
using MessagePack;
using Pogema.Env;
using Pogema.Env.Recording;
using Pogema.Env.Rendering;

namespace Pogema.Env.Tests.Fuzz;

/// <summary>
/// MessagePack recordings: real recordings cut short, bit-flipped, with bytes inserted or dropped, damaged and then
/// re-checksummed (so the structure checks behind the checksum run), deeply nested, and foreign files. A recording
/// that loads must export to trace JSON and render as SVG and in the terminal.
/// </summary>
public sealed class RecordingFuzzTests
{
    private const string Source = "fuzz.pogrec";

    private static readonly byte[][] Valid = BuildValidRecordings();

    private static readonly Gen<byte[]> Damaged = Gen.Select(Gen.Int[0, Valid.Length - 1], Gen.Int[0, 6], Gen.Double.Unit, Gen.Int[0, 255], Gen.Int[1, 40])
        .Select(t =>
        {
            (int which, int kind, double where, int value, int n) = t;
            byte[] bytes = Valid[which];
            int at = (int)(where * bytes.Length);
            return kind switch
            {
                0 => bytes[..at],
                1 => Flip(bytes, at, value),
                2 => [.. bytes[..at], .. Enumerable.Repeat((byte)value, n), .. bytes[at..]],
                3 => [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + n)..]],
                4 => Rechecksum(Flip(bytes, Math.Min(at, bytes.Length - 6), value)),
                5 => Rechecksum([.. bytes[..Math.Min(at, bytes.Length - 5)], (byte)value, .. bytes[Math.Min(at, bytes.Length - 5)..]]),
                _ => Rechecksum([.. bytes[..Math.Min(at, bytes.Length - 5)], .. bytes[Math.Min(bytes.Length - 5, at + (n % 4) + 1)..]]),
            };
        });

    private static readonly Gen<byte[]> Foreign = Gen.OneOf(
        Gen.Byte.Array[0, 200],
        Gen.Const(Array.Empty<byte>()),
        Gen.Const("{\"obstacles\": []}"u8.ToArray()),
        Gen.Const(MessagePackSerializer.Serialize(new object[] { "pogema-recording", 2 })),
        Gen.Const(MessagePackSerializer.Serialize(new object[] { "pogema-recording", -1 })),
        Gen.Const(MessagePackSerializer.Serialize(new object[] { "pogema-recording" })),
        Gen.Const(MessagePackSerializer.Serialize(new object[] { "something-else", 1 })),
        Gen.Int[1, 200_000].Select(Nested));

    [Fact]
    public void DamagedAndForeignRecordingsLoadOrGiveOneLineErrors()
    {
        FuzzTally tally = FuzzRun.Check("recording", Gen.Frequency((6, Damaged), (1, Foreign)), 1500, Source, Load, FuzzRun.Show);

        Assert.True(tally.Loaded > 0, "no damaged recording loaded; the generator never leaves a file intact");
        Assert.Contains(tally.Messages, m => m.Contains("truncated", StringComparison.Ordinal));
        Assert.Contains(tally.Messages, m => m.Contains("checksum", StringComparison.Ordinal));
        Assert.Contains(tally.Messages, m => m.Contains("not a Pogema.Net recording", StringComparison.Ordinal));
        Assert.Contains(tally.Messages, m => m.Contains("invalid content", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryValidRecordingLoads()
    {
        foreach (byte[] bytes in Valid)
        {
            Load(bytes);
        }
    }

    private static void Load(byte[] bytes)
    {
        EpisodeRecording recording = RecordingReader.Parse(bytes, Source);
        RecordingTraceExporter.Write(recording, new MemoryStream());
        SvgAnimationRenderer.Render(recording, new SvgRenderOptions());
        SvgAnimationRenderer.Render(recording, new SvgRenderOptions { StaticFrame = recording.Steps.Count, EgocentricAgent = 0 });
        TerminalRenderer.RenderFrame(recording, recording.Steps.Count, color: true);
    }

    private static byte[] Flip(byte[] bytes, int at, int value)
    {
        byte[] copy = (byte[])bytes.Clone();
        if (copy.Length > 0)
        {
            copy[Math.Clamp(at, 0, copy.Length - 1)] ^= (byte)(1 << (value % 8));
        }

        return copy;
    }

    /// <summary>Replaces the trailing CRC-32 so the damaged body is parsed instead of failing the checksum.</summary>
    private static byte[] Rechecksum(byte[] bytes)
    {
        if (bytes.Length < 6)
        {
            return bytes;
        }

        byte[] copy = (byte[])bytes.Clone();
        copy[^5] = MessagePackCode.UInt32;
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(copy.Length - 4), Crc32.Compute(copy.AsSpan(0, copy.Length - 5)));
        return copy;
    }

    /// <summary>The magic, then a header map whose unknown key holds <paramref name="depth"/> nested arrays, checksummed.</summary>
    private static byte[] Nested(int depth)
    {
        var bytes = new List<byte>(MessagePackSerializer.Serialize(new object[] { RecordingFormat.Magic, RecordingFormat.Version }));
        bytes.Add(0x81);
        bytes.AddRange(MessagePackSerializer.Serialize("x"));
        bytes.AddRange(Enumerable.Repeat((byte)0x91, depth));
        bytes.Add(0xc0);
        bytes.AddRange(new byte[5]);
        return Rechecksum(bytes.ToArray());
    }

    private static byte[][] BuildValidRecordings()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"pogema-fuzz-recordings-{Guid.NewGuid():N}");
        try
        {
            var files = new List<byte[]>();
            GridConfig[] configs =
            [
                new() { Map = "a..#\n.#..\n..bA\nB...", ObsRadius = 1, MaxEpisodeSteps = 6 },
                new() { Size = 6, NumAgents = 3, Seed = 4, ObsRadius = 2, MaxEpisodeSteps = 5, OnTarget = OnTarget.Restart, CollisionSystem = CollisionSystem.Soft },
                new() { Size = 5, NumAgents = 2, Seed = 9, ObsRadius = 1, MaxEpisodeSteps = 3, OnTarget = OnTarget.Nothing, CollisionSystem = CollisionSystem.BlockBoth },
            ];
            for (int k = 0; k < configs.Length; k++)
            {
                var env = new PogemaEnv(configs[k]);
                env.Reset();
                string path = Path.Combine(folder, $"{k}{RecordingFormat.Extension}");
                using (EpisodeRecorder recorder = EpisodeRecorder.Start(path, env, "scripted"))
                {
                    var random = new System.Random(k);
                    var actions = new int[env.NumAgents];
                    while (!env.EpisodeEnded)
                    {
                        for (int i = 0; i < actions.Length; i++)
                        {
                            actions[i] = random.Next(PogemaEnv.NumActions);
                        }

                        env.Step(actions);
                        recorder.Record(actions, env);
                    }

                    recorder.Complete(env);
                }

                files.Add(File.ReadAllBytes(path));
            }

            return files.ToArray();
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
