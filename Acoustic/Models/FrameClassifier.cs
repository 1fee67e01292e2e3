using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace AcousticDistill.Acoustic.Models;

/// <summary>
/// Feed-forward frame classifier: spliced log-mel frames → logits over frame classes.
/// Hidden layers are Linear → ReLU → Dropout. The field name <c>layers</c> is part of the checkpoint
/// format (keys <c>layers.N.weight</c>); tests guard it, so do not rename it.
/// </summary>
public sealed class FrameClassifier : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // The field name is the checkpoint key prefix.
    private readonly Sequential layers;
#pragma warning restore IDE1006

    /// <summary>Builds an untrained classifier of the given shape.</summary>
    public FrameClassifier(MlpArchitecture architecture) : base(nameof(FrameClassifier))
    {
        architecture.Validate();
        Architecture = architecture;
        var modules = new List<(string, Module<Tensor, Tensor>)>();
        var width = architecture.InputDim;
        for (var i = 0; i < architecture.HiddenLayers; i++)
        {
            modules.Add(($"{modules.Count}", Linear(width, architecture.HiddenWidth)));
            modules.Add(($"{modules.Count}", ReLU()));
            if (architecture.Dropout > 0)
            {
                modules.Add(($"{modules.Count}", Dropout(architecture.Dropout)));
            }
            width = architecture.HiddenWidth;
        }
        modules.Add(($"{modules.Count}", Linear(width, architecture.Classes)));
        layers = Sequential(modules);
        RegisterComponents();
    }

    /// <summary>The shape this model was built with.</summary>
    public MlpArchitecture Architecture { get; }

    /// <summary>Logits, shape [batch, classes], for spliced input of shape [batch, InputDim].</summary>
    public override Tensor forward(Tensor input) => layers.forward(input);
}
