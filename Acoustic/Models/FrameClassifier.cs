using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace AcousticDistill.Acoustic.Models;

/// <summary>
/// Feed-forward frame classifier: spliced log-mel frames → logits over frame classes.
/// Hidden layers are Linear → ReLU → <see cref="SeededDropout"/>. The field name <c>layers</c> is part of the checkpoint
/// format (keys <c>layers.N.weight</c>); tests guard it, so do not rename it.
/// </summary>
public sealed class FrameClassifier : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // The field name is the checkpoint key prefix.
    private readonly Sequential layers;
#pragma warning restore IDE1006

    // Weight initialisation draws from torch's process-wide generator: every construction holds this lock, so a seeded
    // one (manual_seed then draw) is never interleaved with another thread's draws.
    private static readonly Lock s_initialisation = new();

    /// <summary>Builds an untrained classifier of the given shape (weights from torch's global generator).</summary>
    public FrameClassifier(MlpArchitecture architecture) : this(architecture, seed: null)
    {
    }

    /// <summary>
    /// Builds an untrained classifier whose initial weights depend on <paramref name="seed"/> alone, whatever other
    /// threads of the process do with torch's generator at the same time.
    /// </summary>
    public FrameClassifier(MlpArchitecture architecture, int? seed) : base(nameof(FrameClassifier))
    {
        lock (s_initialisation)
        {
            if (seed is { } value)
            {
                manual_seed(value);
            }
            layers = Build(architecture);
        }
        Architecture = architecture;
        RegisterComponents();
    }

    private static Sequential Build(MlpArchitecture architecture)
    {
        architecture.Validate();
        var modules = new List<(string, Module<Tensor, Tensor>)>();
        var width = architecture.InputDim;
        for (var i = 0; i < architecture.HiddenLayers; i++)
        {
            modules.Add(($"{modules.Count}", Linear(width, architecture.HiddenWidth)));
            modules.Add(($"{modules.Count}", ReLU()));
            if (architecture.Dropout > 0)
            {
                modules.Add(($"{modules.Count}", new SeededDropout(architecture.Dropout)));
            }
            width = architecture.HiddenWidth;
        }
        modules.Add(($"{modules.Count}", Linear(width, architecture.Classes)));
        return Sequential(modules);
    }

    /// <summary>The shape this model was built with.</summary>
    public MlpArchitecture Architecture { get; }

    /// <summary>Makes every dropout layer draw its masks from <paramref name="generator"/> (a training run's own).</summary>
    public void UseDropoutGenerator(Generator? generator)
    {
        foreach (var dropout in modules().OfType<SeededDropout>())
        {
            dropout.Generator = generator;
        }
    }

    /// <summary>Logits, shape [batch, classes], for spliced input of shape [batch, InputDim].</summary>
    public override Tensor forward(Tensor input) => layers.forward(input);
}
