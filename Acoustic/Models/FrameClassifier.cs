using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;
using static TorchSharp.torch;

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

    /// <summary>Builds an untrained classifier of the given shape (weights from torch's global generator).</summary>
    public FrameClassifier(MlpArchitecture architecture) : this(architecture, seed: null)
    {
    }

    /// <summary>
    /// Builds an untrained classifier whose initial weights depend on <paramref name="seed"/> alone (drawn from a generator
    /// of its own, never torch's process-wide one), whatever other threads of the process draw meanwhile.
    /// </summary>
    public FrameClassifier(MlpArchitecture architecture, int? seed) : base(nameof(FrameClassifier))
    {
        layers = Build(architecture);
        Architecture = architecture;
        RegisterComponents();
        if (seed is { } value)
        {
            using var generator = new Generator((ulong)value, CPU);
            Initialise(generator);
        }
    }

    // torch's default for Linear layers (Kaiming uniform with a = √5, which is U(±1/√fan_in) for weights and biases alike),
    // drawn from the given generator.
    private void Initialise(Generator generator)
    {
        using var noGrad = no_grad();
        foreach (var linear in layers.modules().OfType<Linear>())
        {
            var bound = 1 / Math.Sqrt(linear.in_features);
            linear.weight!.uniform_(-bound, bound, generator);
            linear.bias?.uniform_(-bound, bound, generator);
        }
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
