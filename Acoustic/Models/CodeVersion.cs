using System.Reflection;

namespace AcousticDistill.Acoustic.Models;

/// <summary>The version of this library that produced an artifact (informational version, with the commit when built from git).</summary>
public static class CodeVersion
{
    /// <summary>The library's informational version.</summary>
    public static string Current { get; } =
        typeof(CodeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
