namespace AcousticDistill.Grains.Specialists;

/// <summary>Persisted specialist: its training state, cluster and cluster figures. No weights.</summary>
[GenerateSerializer, Alias("AcousticDistill.SpecialistState")]
public sealed class SpecialistState : TrainingState<SpecialistTrainingRequest>
{
    /// <summary>Frame classes of the cluster (its outputs before the dustbin).</summary>
    [Id(0)]
    public List<int> Classes { get; set; } = [];

    /// <summary>The specialist's frame accuracy on its cluster's dev frames (0–1).</summary>
    [Id(1)]
    public double? ClusterDevFrameAccuracy { get; set; }

    /// <summary>The generalist's frame accuracy on the same frames (0–1).</summary>
    [Id(2)]
    public double? GeneralistClusterDevFrameAccuracy { get; set; }

    /// <summary>Dev frames labelled with a class of the cluster.</summary>
    [Id(3)]
    public long ClusterDevFrames { get; set; }
}
