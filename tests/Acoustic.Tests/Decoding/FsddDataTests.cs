using AcousticDistill.Acoustic.Alignment;

namespace AcousticDistill.Acoustic.Tests.Decoding;

/// <summary>
/// Checks on the real Free Spoken Digit Dataset at ../shared/data/fsdd (beside the repository). The data is not part
/// of the repository, so these tests are skipped, with a message saying where the data was looked for, when it is absent.
/// </summary>
public sealed class FsddDataTests
{
    [FsddFact]
    public void FromFsdd_RealDataset_HasFourSpeakersWithEveryDigit_WhenFsddPresent()
    {
        var files = TranscribedFile.FromFsdd(FsddFactAttribute.Directory!);

        Assert.Equal(2000, files.Count);
        var speakers = files.GroupBy(f => f.Speaker).ToArray();
        Assert.Equal(4, speakers.Length);
        Assert.All(speakers, s => Assert.Equal(TestLexicon.DigitWords.Order(), s.Select(f => f.Text).Distinct().Order()));
        Assert.All(speakers, s => Assert.Equal(500, s.Count()));
    }
}

/// <summary>A fact skipped, with a clear message, when the FSDD recordings are not at ../shared/data/fsdd.</summary>
public sealed class FsddFactAttribute : FactAttribute
{
    /// <summary>The FSDD folder when found.</summary>
    public static string? Directory { get; } = Find();

    public FsddFactAttribute()
    {
        if (Directory is null)
        {
            Skip = "FSDD is not present at ../shared/data/fsdd beside the repository; these checks need the real recordings.";
        }
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AcousticDistill.sln")))
            {
                var fsdd = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "fsdd"));
                return System.IO.Directory.Exists(fsdd) && System.IO.Directory.EnumerateFiles(fsdd, "*.wav").Any() ? fsdd : null;
            }
        }
        return null;
    }
}
