namespace AcousticDistill.Acoustic.Tests.Synthesis;

/// <summary>A fact that is skipped, with a message naming the missing tool, when an engine is not installed.</summary>
public sealed class EngineFactAttribute : FactAttribute
{
    public EngineFactAttribute(SynthesisEngine engine)
    {
        if (VoiceCatalog.MissingTool(engine) is { } missing)
        {
            Skip = $"{engine} is not installed here: needs {missing}";
        }
    }
}
