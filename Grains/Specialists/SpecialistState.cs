using AcousticDistill.Grains.Interfaces.Specialists;
using AcousticDistill.Grains.Interfaces.Teachers;

namespace AcousticDistill.Grains.Specialists;

/// <summary>Persisted specialist: its request, phase, artifact id, cluster and cluster figures. No weights.</summary>
[GenerateSerializer, Alias("AcousticDistill.SpecialistState")]
public sealed class SpecialistState
{
    /// <summary>The last training request.</summary>
    [Id(0)]
    public SpecialistTrainingRequest? Request { get; set; }

    /// <summary>Where the specialist is.</summary>
    [Id(1)]
    public TeacherPhase Phase { get; set; }

    /// <summary>Content address of the trained artifact.</summary>
    [Id(2)]
    public string? ArtifactId { get; set; }

    /// <summary>Frame classes of the cluster (its outputs before the dustbin).</summary>
    [Id(3)]
    public List<int> Classes { get; set; } = [];

    /// <summary>The specialist's frame accuracy on its cluster's dev frames (0–1).</summary>
    [Id(4)]
    public double? ClusterDevFrameAccuracy { get; set; }

    /// <summary>The generalist's frame accuracy on the same frames (0–1).</summary>
    [Id(5)]
    public double? GeneralistClusterDevFrameAccuracy { get; set; }

    /// <summary>Dev frames labelled with a class of the cluster.</summary>
    [Id(6)]
    public long ClusterDevFrames { get; set; }

    /// <summary>Failure message.</summary>
    [Id(7)]
    public string? Message { get; set; }
}
