namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>FNV-1a over a string: a seed that is the same on every run (string.GetHashCode is randomised per process).</summary>
internal static class StableHash
{
    public static int Of(int seed, string text)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash & 0x7fffffff);
    }
}
