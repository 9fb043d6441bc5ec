using System.Text;
using Pogema.Agents.Configuration;
using Pogema.Agents.Models;
using Pogema.Env;
using Pogema.Env.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace Pogema.Agents.Training;

/// <summary>
/// A training checkpoint: the resolved config (YAML), counters, learning rate, model weights, optimizer state and
/// the run seed (the trainer reseeds its random streams from seed and update index), in one file protected by a checksum. Written atomically (temporary file, flush, rename),
/// so a crash or Ctrl+C never leaves a half-written checkpoint.
/// </summary>
public static class Checkpoint
{
    /// <summary>File name of the latest checkpoint inside a run folder.</summary>
    public const string FileName = "checkpoint.pgm";

    /// <summary>
    /// File name of the latest policy-only checkpoint inside a run folder: the same file without the optimizer
    /// state, a third of the size for large models, for evaluation, replay and sharing (it cannot be resumed).
    /// </summary>
    public const string PolicyFileName = "policy.pgm";

    private const string Magic = "PGMCKPT1";

    /// <summary>
    /// Writes a checkpoint of <paramref name="trainer"/> and <paramref name="model"/> to <paramref name="path"/>;
    /// with <paramref name="includeOptimizer"/> false, a policy-only one (the trainer's counters, no Adam state).
    /// </summary>
    public static void Save(string path, TrainConfig config, ActorCritic model, PpoTrainer? trainer, bool includeOptimizer = true)
    {
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(config.ToYaml());
            w.Write(model.ObservationChannels);
            w.Write(model.ObservationSize);
            w.Write(trainer?.UpdateCount ?? 0);
            w.Write(trainer?.EnvSteps ?? 0);
            w.Write(trainer?.LearningRate ?? config.Ppo.LearningRate);
            WriteBlock(w, s => model.save(s));
            var withOptimizer = trainer is not null && includeOptimizer;
            w.Write(withOptimizer);
            if (withOptimizer)
            {
                WriteBlock(w, s =>
                {
                    using var bw = new BinaryWriter(s, Encoding.UTF8, leaveOpen: true);
                    trainer!.Optimizer.save_state_dict(bw);
                });
            }
        }

        var body = payload.ToArray();
        using var file = new MemoryStream();
        using (var w = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Encoding.ASCII.GetBytes(Magic));
            w.Write(body.LongLength);
            w.Write(Fnv1a(body));
            w.Write(body);
        }

        AtomicFile.WriteAllBytes(path, file.ToArray());
    }

    /// <summary>The config, weights and counters of a checkpoint, read and verified.</summary>
    public sealed class Contents
    {
        internal Contents(TrainConfig config, int channels, int size, long updates, long envSteps, double lr, byte[] model, byte[]? optimizer)
        {
            Config = config;
            ObservationChannels = channels;
            ObservationSize = size;
            Updates = updates;
            EnvSteps = envSteps;
            LearningRate = lr;
            ModelBytes = model;
            OptimizerBytes = optimizer;
        }

        public TrainConfig Config { get; }

        public int ObservationChannels { get; }

        public int ObservationSize { get; }

        public long Updates { get; }

        public long EnvSteps { get; }

        public double LearningRate { get; }

        internal byte[] ModelBytes { get; }

        internal byte[]? OptimizerBytes { get; }

        /// <summary>Builds the network of the checkpoint on <paramref name="device"/> with its trained weights.</summary>
        public ActorCritic CreateModel(Device device)
        {
            var model = new ActorCritic(Config.Model, ObservationChannels, ObservationSize);
            try
            {
                using var s = new MemoryStream(ModelBytes);
                model.load(s, strict: true);
            }
            catch (Exception ex) when (ex is not PogemaInputException)
            {
                // Weights of another model size or layout than the checkpoint's own config describes.
                model.Dispose();
                throw new PogemaInputException(
                    $"checkpoint: its weights do not fit the {Config.Model.Core} model its config describes (hidden {Config.Model.Hidden}, " +
                    $"observation {ObservationChannels}x{ObservationSize}): {ex.Message}",
                    ex);
            }

            model.to(device);
            return model;
        }

        /// <summary>Puts the optimizer state and counters back into <paramref name="trainer"/>.</summary>
        public void RestoreTrainer(PpoTrainer trainer)
        {
            if (OptimizerBytes is null)
            {
                throw new PogemaInputException("checkpoint: holds a policy only (no optimizer state); it cannot be resumed");
            }

            try
            {
                using var s = new MemoryStream(OptimizerBytes);
                using var r = new BinaryReader(s);
                trainer.Optimizer.load_state_dict(r);
            }
            catch (Exception ex) when (ex is not PogemaInputException)
            {
                throw new PogemaInputException($"checkpoint: its optimizer state does not fit the model being resumed: {ex.Message}", ex);
            }

            trainer.RestoreCounters(Updates, EnvSteps, LearningRate);
        }
    }

    /// <summary>Reads and verifies a checkpoint; a missing, truncated or corrupt file is a one-line user error.</summary>
    public static Contents Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new PogemaInputException($"checkpoint '{path}': file not found");
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var r = new BinaryReader(stream, Encoding.UTF8);
            var magic = Encoding.ASCII.GetString(r.ReadBytes(Magic.Length));
            if (magic != Magic && magic.Length == Magic.Length && magic.StartsWith(Magic[..^1], StringComparison.Ordinal))
            {
                throw new PogemaInputException($"checkpoint '{path}': format version {magic[^1]} is not supported (this build reads version {Magic[^1]})");
            }

            if (magic != Magic)
            {
                throw new PogemaInputException($"checkpoint '{path}': not a Pogema.Net checkpoint (bad header)");
            }

            var length = r.ReadInt64();
            var checksum = r.ReadUInt64();
            if (length < 0 || length != stream.Length - stream.Position)
            {
                throw new PogemaInputException($"checkpoint '{path}': truncated or corrupt (length {stream.Length - stream.Position} bytes, header says {length})");
            }

            var body = r.ReadBytes((int)length);
            if (Fnv1a(body) != checksum)
            {
                throw new PogemaInputException($"checkpoint '{path}': corrupt (checksum mismatch)");
            }

            using var b = new BinaryReader(new MemoryStream(body), Encoding.UTF8);
            var config = TrainConfig.Parse(b.ReadString(), path);
            var channels = b.ReadInt32();
            var size = b.ReadInt32();
            var updates = b.ReadInt64();
            var steps = b.ReadInt64();
            var lr = b.ReadDouble();
            var model = ReadBlock(b);
            var optimizer = b.ReadBoolean() ? ReadBlock(b) : null;
            return new Contents(config, channels, size, updates, steps, lr, model, optimizer);
        }
        catch (EndOfStreamException ex)
        {
            throw new PogemaInputException($"checkpoint '{path}': truncated", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or FormatException or OverflowException)
        {
            // A folder, an unreadable file, or fields that cannot be what this build wrote.
            throw new PogemaInputException($"checkpoint '{path}': cannot be read ({ex.Message})", ex);
        }
    }

    private static void WriteBlock(BinaryWriter w, Action<Stream> write)
    {
        using var s = new MemoryStream();
        write(s);
        var bytes = s.ToArray(); // allowed after the writer closed the stream
        w.Write(bytes.LongLength);
        w.Write(bytes);
    }

    private static byte[] ReadBlock(BinaryReader r)
    {
        var length = r.ReadInt64();
        return r.ReadBytes((int)length);
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> data)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in data)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
