using System.Text.Json;
using static TorchSharp.torch;

namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// Live agreement of serving models with the ensemble they were distilled from: a sample of the frames that live
/// streams score (<see cref="TranscriptionOptions.AgreementSampleRate"/>) is classified again by the teachers named
/// in the serving artifact's lineage, off the stream's turn, and the share of frames where the student's best class
/// equals the ensemble's is exported per family and version. Versions whose teachers are not in the model store (e.g.
/// the default baseline models, which have none) are not measured.
/// </summary>
public sealed class EnsembleAgreement(IModelStore store, IOptions<TranscriptionOptions> options, TranscriptionMetrics metrics,
    ILogger<EnsembleAgreement> logger)
{
    // Teachers of the versions recently served; a promotion a day must not grow this for ever.
    private readonly VersionCache<Teachers?> _teachers = new(limit: 4);

    /// <summary>Maybe (by the sample rate) compares <paramref name="frames"/> rows the student just scored with its teachers.</summary>
    public void Observe(ServingModel model, ReadOnlySpan<float> rows, int frames)
    {
        if (frames == 0 || model.Scorer.Metadata.Lineage.Teachers.Count == 0 || Random.Shared.NextDouble() >= options.Value.AgreementSampleRate)
        {
            return;
        }
        var copy = rows.ToArray();
        _ = Task.Run(async () =>
        {
            try
            {
                await CompareAsync(model, copy, frames);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Agreement sample for {Family} {Version} failed", model.Family, model.VersionId);
            }
        });
    }

    private async Task CompareAsync(ServingModel model, float[] rows, int frames)
    {
        var teachers = await _teachers.GetOrLoadAsync(model.VersionId, _ => LoadAsync(model));
        if (teachers is null)
        {
            return;
        }
        var student = model.Scorer.Classify(rows, frames);
        var ensemble = teachers.Classify(rows, frames);
        var agree = student.Zip(ensemble).Count(p => p.First == p.Second);
        metrics.Agreement(model.Family, model.VersionId, agree, frames);
    }

    private async Task<Teachers?> LoadAsync(ServingModel model)
    {
        var student = model.Scorer.Metadata;
        var artifacts = new List<ModelArtifact>();
        foreach (var id in student.Lineage.Teachers)
        {
            if (!await store.ContainsAsync(id))
            {
                logger.LogInformation("Version {Version}: teacher {Teacher} is not in the model store; no live agreement for it", model.VersionId, id);
                return null;
            }
            artifacts.Add(ModelArtifact.Deserialize(await store.GetAsync(id), $"teacher {id}"));
        }
        var first = artifacts[0].Metadata;
        // Feature options are compared as written in the artifacts (all fields, including normalisation).
        var features = JsonSerializer.Serialize(student.Features);
        if (artifacts.Any(a => JsonSerializer.Serialize(a.Metadata.Features) != features || a.Metadata.Architecture.InputDim != student.Architecture.InputDim
                               || a.Metadata.Architecture.Classes != student.Architecture.Classes || a.Metadata.ClassMap is not null))
        {
            logger.LogInformation("Version {Version}: its teachers read other features or give other classes; no live agreement for it", model.VersionId);
            return null;
        }
        return new Teachers(new Ensemble(artifacts.Select(a => a.Model).ToArray(), first), student, first);
    }

    // The ensemble, reading rows normalised with the student's CMVN: they are brought to the teachers' own CMVN first.
    private sealed class Teachers(Ensemble ensemble, ModelMetadata student, ModelMetadata teacher)
    {
        private readonly bool _sameCmvn = student.CmvnMean.SequenceEqual(teacher.CmvnMean) && student.CmvnInvStd.SequenceEqual(teacher.CmvnInvStd);

        public int[] Classify(float[] rows, int frames)
        {
            if (!_sameCmvn)
            {
                var dim = student.CmvnMean.Length;
                for (var i = 0; i < rows.Length; i++)
                {
                    var d = i % dim;
                    var raw = rows[i] / student.CmvnInvStd[d] + student.CmvnMean[d];
                    rows[i] = (raw - teacher.CmvnMean[d]) * teacher.CmvnInvStd[d];
                }
            }
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var input = tensor(rows, [frames, rows.Length / frames]);
            return ensemble.LogProbabilities(input).argmax(1).cpu().data<long>().Select(c => (int)c).ToArray();
        }
    }
}
