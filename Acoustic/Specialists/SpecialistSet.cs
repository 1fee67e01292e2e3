using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace AcousticDistill.Acoustic.Specialists;

/// <summary>
/// A generalist with its specialists, scored together as one frame classifier over all classes: the specialists whose
/// clusters hold the generalist's top classes refine its distribution (<see cref="SpecialistCombiner"/>). All members read
/// the same input, so one spliced batch feeds them all.
/// </summary>
public sealed class SpecialistSet : IDisposable
{
    /// <summary>Builds a set; every specialist must read the generalist's input.</summary>
    public SpecialistSet(FrameClassifier generalist, ModelMetadata metadata, IReadOnlyList<Specialist> specialists)
    {
        if (specialists.Count == 0)
        {
            throw new ArgumentException("A specialist set needs at least one specialist.");
        }
        foreach (var specialist in specialists)
        {
            var shape = specialist.Model.Architecture;
            if (shape.InputDim != generalist.Architecture.InputDim || shape.Context != generalist.Architecture.Context)
            {
                throw new ArgumentException($"A specialist ({shape}) does not read the generalist's input ({generalist.Architecture}).");
            }
        }
        Generalist = generalist;
        Metadata = metadata;
        Specialists = specialists;
    }

    /// <summary>The generalist.</summary>
    public FrameClassifier Generalist { get; }

    /// <summary>The generalist's metadata: features, CMVN and labels shared by every member.</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>The specialists, in index order.</summary>
    public IReadOnlyList<Specialist> Specialists { get; }

    /// <summary>Output classes of the combination (those of the generalist).</summary>
    public int Classes => Generalist.Architecture.Classes;

    /// <summary>Every class some specialist covers.</summary>
    public IReadOnlySet<int> CoveredClasses => Specialists.SelectMany(s => s.Classes).ToHashSet();

    /// <summary>Total parameters of the generalist and all specialists.</summary>
    public long ParameterCount => Generalist.Architecture.ParameterCount + Specialists.Sum(s => s.Model.Architecture.ParameterCount);

    /// <summary>Loads a folder written by <c>SpecialistDirectory.Save</c>.</summary>
    public static SpecialistSet Load(string directory) => SpecialistDirectory.Load(directory);

    /// <summary>A scorer (spliced input → combined log-probabilities [n, classes]) for evaluation code.</summary>
    public Func<Tensor, Tensor> Scorer(SpecialistCombinerOptions? options = null)
    {
        var combiner = new SpecialistCombiner(Specialists.Select(s => s.Classes).ToArray(), Classes, options ?? new SpecialistCombinerOptions());
        return input => LogProbabilities(input, combiner);
    }

    /// <summary>Combined log-probabilities [n, classes] for spliced input.</summary>
    public Tensor LogProbabilities(Tensor input, SpecialistCombiner combiner)
    {
        using var scope = NewDisposeScope();
        var generalist = log_softmax(Generalist.forward(input), 1);
        var specialists = Specialists.Select(s => s.LogProbabilities(input)).ToArray();
        return combiner.Combine(generalist, specialists).MoveToOuterDisposeScope();
    }

    /// <summary>Puts every member in evaluation mode on <paramref name="device"/>.</summary>
    public void Prepare(Device device)
    {
        Generalist.to(device);
        Generalist.eval();
        foreach (var specialist in Specialists)
        {
            specialist.Model.to(device);
            specialist.Model.eval();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Generalist.Dispose();
        foreach (var specialist in Specialists)
        {
            specialist.Dispose();
        }
    }
}
