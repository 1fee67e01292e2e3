using AcousticDistill.Grains.Transcription;
using Microsoft.Extensions.Options;

namespace AcousticDistill.Silo.Hosting;

/// <summary>
/// At start-up, gives every serving family that has no model yet its default model (section <c>Models</c>,
/// <c>DefaultDirectory</c>; by default the <c>models</c> folder beside the program), so a fresh single-process
/// install serves at once.
/// </summary>
public sealed class DefaultModelRegistration(DefaultModels defaults, IOptions<TranscriptionOptions> transcription, IConfiguration configuration)
    : IHostedService
{
    /// <summary>The folder of default models when configuration names none.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "models");

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = configuration["Models:DefaultDirectory"] ?? DefaultDirectory;
        if (string.Equals(directory, "none", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        await defaults.SeedAsync(transcription.Value.Families.Keys, directory, cancellationToken);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
