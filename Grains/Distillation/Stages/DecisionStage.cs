namespace AcousticDistill.Grains.Distillation.Stages;

/// <summary>Registers the evaluated student with its family's registry and asks for promotion; the registry's guard decides.</summary>
public sealed class DecisionStage(IGrainFactory grains) : IDistillationStage
{
    /// <inheritdoc />
    public DistillationStage Stage => DistillationStage.Decide;

    /// <inheritdoc />
    /// <remarks>The decision ends the job, in the same state write that records it, so there is never one to reuse.</remarks>
    public Task<bool> HasOutputAsync(DistillationJobContext job, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <inheritdoc />
    public async Task RunAsync(DistillationJobContext job, CancellationToken cancellationToken)
    {
        var request = job.Request;
        var candidate = job.State.CandidateId!;
        var registry = grains.GetGrain<IModelRegistryGrain>(request.Family);
        await registry.RegisterAsync(new ModelVersion(candidate, request.Family, job.State.Lineage!, job.State.Metrics!), cancellationToken);
        var decision = await registry.PromoteAsync(candidate, cancellationToken);
        job.State.Outcome = decision.Promoted ? DistillationOutcome.Promoted : DistillationOutcome.Rejected;
        job.State.Message = decision.Reason;
    }
}
