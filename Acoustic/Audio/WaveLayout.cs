namespace AcousticDistill.Acoustic.Audio;

/// <summary>
/// What <see cref="RiffWaveParser"/> found: the audio format and the data chunk's length in bytes, or
/// null when the writer left the length unknown and the data runs to the end of the stream.
/// </summary>
internal sealed record WaveLayout(WaveFormatInfo Format, long? DataBytes);
