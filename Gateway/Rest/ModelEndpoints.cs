using AcousticDistill.Gateway.Hosting;
using AcousticDistill.Gateway.Security;
using AcousticDistill.Grains.Interfaces.Distillation;
using AcousticDistill.Grains.Interfaces.Registry;

namespace AcousticDistill.Gateway.Rest;

/// <summary>
/// The model families and their life cycle: <c>GET /v1/models</c> (serving version, frame accuracy, lineage, every
/// version), <c>POST /v1/models/{family}/distill</c> (start a re-distillation job; 202 with the job),
/// <c>GET /v1/jobs/{id}</c>, <c>POST /v1/models/{family}/promote?version=ID</c> and <c>POST .../rollback</c>.
/// </summary>
public static class ModelEndpoints
{
    /// <summary>Maps the model and job routes into the <c>/v1</c> group; the life-cycle actions need an admin key.</summary>
    public static RouteGroupBuilder MapModelsApi(this RouteGroupBuilder v1)
    {
        var models = v1.MapGroup("/models").WithTags("Models");
        models.MapGet("/", ListAsync).WithName("ListModels")
            .WithSummary("Model families and their versions")
            .WithDescription("Per family: sample rate, serving version, dev frame accuracy, and every version with status, accuracy, size and lineage.");
        var family = models.MapGroup("/{family}").RequireAdminKey();
        family.MapPost("/distill", DistillAsync).WithName("DistillModel")
            .WithSummary("Start a re-distillation job")
            .WithDescription("202 with the job; 409 when the family has no schedule or a job runs.");
        family.MapPost("/promote", PromoteAsync).WithName("PromoteModel")
            .WithSummary("Promote a version (?version=ID)")
            .WithDescription("200 with the decision; 409 when the promotion guard rejects it.");
        family.MapPost("/rollback", RollbackAsync).WithName("RollbackModel")
            .WithSummary("Serve the previous version again")
            .WithDescription("200 with the restored version; 409 when there is none.");
        // A job's status names silos and stage internals: for whoever may start jobs, not for every caller.
        v1.MapGet("/jobs/{id:guid}", JobAsync).RequireAdminKey().WithTags("Models").WithName("GetJob")
            .WithSummary("A distillation job (admin)")
            .WithDescription("Stage, outcome, candidate, dev accuracy and stage timings of a job.");
        return v1;
    }

    private static async Task<IResult> ListAsync(HttpContext context, ApiKeys keys, IGrainFactory grains, IOptions<FamilyOptions> options,
        CancellationToken cancellationToken)
    {
        // The code version tells which build (and so which known bugs) runs: shown to admin callers only.
        var admin = keys.RefuseAdmin(context) is null;
        var families = new List<object>();
        foreach (var (family, rate) in options.Value.Families.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var versions = await grains.GetGrain<IModelRegistryGrain>(family).GetVersionsAsync(cancellationToken);
            var serving = versions.FirstOrDefault(v => v.Status == ModelVersionStatus.Serving);
            families.Add(new
            {
                family,
                sample_rate = rate,
                serving_version = serving?.Id,
                dev_frame_accuracy = serving?.Metrics.DevFrameAccuracy,
                versions = versions.Select(v => Describe(v, admin)),
            });
        }
        return Results.Ok(new { families });
    }

    private static object Describe(ModelVersion version, bool admin) => new
    {
        id = version.Id,
        status = version.Status.ToString().ToLowerInvariant(),
        status_reason = version.StatusReason,
        registered_at = version.RegisteredAt,
        dev_frame_accuracy = double.IsFinite(version.Metrics.DevFrameAccuracy) ? version.Metrics.DevFrameAccuracy : (double?)null,
        test_frame_accuracy = version.Metrics.TestFrameAccuracy,
        parameters = version.Metrics.Parameters,
        size_bytes = version.Metrics.SizeBytes,
        lineage = new
        {
            role = version.Lineage.Role,
            teachers = version.Lineage.Teachers,
            corpus = version.Lineage.Corpus,
            temperature = version.Lineage.Temperature,
            alpha = version.Lineage.Alpha,
            seed = version.Lineage.Seed,
            code_version = admin ? version.Lineage.CodeVersion : null,
            created = version.Lineage.Created,
        },
    };

    private static async Task<IResult> DistillAsync(string family, IGrainFactory grains, IOptions<FamilyOptions> options, CancellationToken cancellationToken)
    {
        if (Unknown(family, options) is { } notFound)
        {
            return notFound;
        }
        try
        {
            var job = await grains.GetGrain<IDistillationSchedulerGrain>(family).TriggerAsync("api", cancellationToken);
            return Results.Accepted($"/v1/jobs/{job}", new { job_id = job, family });
        }
        catch (InvalidOperationException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot start a distillation job", detail: ProblemText.Short(ex.Message));
        }
    }

    private static async Task<IResult> JobAsync(Guid id, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var status = await grains.GetGrain<IDistillationJobGrain>(id).GetStatusAsync(cancellationToken);
        if (status.Outcome == DistillationOutcome.NotStarted)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such job", detail: $"Job {id} was never started.");
        }
        return Results.Ok(new
        {
            job_id = status.JobId,
            family = status.Family,
            next_stage = status.NextStage.ToString(),
            outcome = status.Outcome.ToString(),
            candidate = status.CandidateId,
            dev_frame_accuracy = status.DevFrameAccuracy,
            message = status.Message,
            stages = status.Stages.Select(s => new { stage = s.Stage.ToString(), seconds = s.Seconds, reused = s.Reused }),
            resumes = status.Resumes,
            silo = status.Silo,
        });
    }

    private static async Task<IResult> PromoteAsync(string family, string? version, IGrainFactory grains, IOptions<FamilyOptions> options,
        CancellationToken cancellationToken)
    {
        if (Unknown(family, options) is { } notFound)
        {
            return notFound;
        }
        if (string.IsNullOrWhiteSpace(version))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Version missing", detail: "Give the version to promote: ?version=ID.");
        }
        try
        {
            var decision = await grains.GetGrain<IModelRegistryGrain>(family).PromoteAsync(version, cancellationToken);
            var body = new { promoted = decision.Promoted, candidate = decision.CandidateId, serving_version = decision.ServingId, reason = decision.Reason };
            return decision.Promoted ? Results.Ok(body) : Results.Conflict(body);
        }
        catch (ArgumentException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown version", detail: ProblemText.Short(ex.Message));
        }
    }

    private static async Task<IResult> RollbackAsync(string family, IGrainFactory grains, IOptions<FamilyOptions> options, CancellationToken cancellationToken)
    {
        if (Unknown(family, options) is { } notFound)
        {
            return notFound;
        }
        try
        {
            var restored = await grains.GetGrain<IModelRegistryGrain>(family).RollbackAsync(cancellationToken);
            return Results.Ok(new { serving_version = restored.Id, reason = restored.StatusReason });
        }
        catch (InvalidOperationException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to roll back to", detail: ProblemText.Short(ex.Message));
        }
    }

    private static IResult? Unknown(string family, IOptions<FamilyOptions> options) =>
        options.Value.Families.ContainsKey(family) ? null
        : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown model family",
            detail: $"'{family}' is not a family; available: {string.Join(", ", options.Value.Families.Keys.Order())}.");
}
