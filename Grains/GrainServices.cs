using AcousticDistill.Grains.Distillation.Stages;
using AcousticDistill.Grains.Registry;
using AcousticDistill.Grains.Specialists;
using AcousticDistill.Grains.Teachers;
using AcousticDistill.Grains.Transcription;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AcousticDistill.Grains;

/// <summary>Registers what the grains need: options, the model store, the compute budget, the job stages and metrics.</summary>
public static class GrainServices
{
    /// <summary>Adds the learning-flow services, binding options from <paramref name="configuration"/> sections.</summary>
    public static IServiceCollection AddAcousticGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ModelStoreOptions>(configuration.GetSection(ModelStoreOptions.Section));
        services.Configure<ModelRegistryOptions>(configuration.GetSection(ModelRegistryOptions.Section));
        services.Configure<ComputeOptions>(configuration.GetSection(ComputeOptions.Section));
        services.AddMetrics();
        services.AddSingleton<IModelStore>(sp => new FileSystemModelStore(sp.GetRequiredService<IOptions<ModelStoreOptions>>().Value.Path));
        services.AddSingleton<ComputeBudget>();
        services.AddHostedService<TorchThreadsStartup>();
        services.AddSingleton<JobTeachers>();
        services.AddSingleton<JobSoftTargets>();
        services.AddSingleton<IDistillationStage, SoftTargetStage>();
        services.AddSingleton<IDistillationStage, StudentTrainingStage>();
        services.AddSingleton<IDistillationStage, EvaluationStage>();
        services.AddSingleton<IDistillationStage, DecisionStage>();
        services.AddSingleton<TeacherTrainer>();
        services.AddSingleton<SpecialistBuilder>();
        services.AddSingleton<AcousticMetrics>();
        services.AddOptions<TranscriptionOptions>().Bind(configuration.GetSection(TranscriptionOptions.Section))
            .Validate(o => { o.Validate(); return true; });
        services.AddSingleton<ServingModels>();
        services.TryAddSingleton<IDecodingGraphCompiler, DecodingGraphCompiler>();
        services.AddSingleton<RecognitionGraphs>();
        services.AddSingleton<OpenVocabulary>();
        services.AddSingleton<TranscriptionMetrics>();
        services.AddSingleton<DefaultModels>();
        services.AddSingleton<EnsembleAgreement>();
        return services;
    }
}
