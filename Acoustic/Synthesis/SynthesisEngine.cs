namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>The speech synthesizers from Debian main that corpora are built from.</summary>
public enum SynthesisEngine
{
    /// <summary>Festival, run as <c>festival -b script.scm</c>.</summary>
    Festival,
    /// <summary>CMU Flite, run as <c>flite -voice NAME -psdur</c>.</summary>
    Flite,
    /// <summary>eSpeak NG, called in-process through libespeak-ng.so.1.</summary>
    Espeak,
}
