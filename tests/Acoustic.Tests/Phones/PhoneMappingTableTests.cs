namespace AcousticDistill.Acoustic.Tests.Phones;

public sealed class PhoneMappingTableTests
{
    public static TheoryData<string> TableNames => ["festival/flite", "espeak-ng", "TIMIT"];

    private static PhoneMappingTable TableNamed(string name) => name switch
    {
        "festival/flite" => FestivalPhoneMap.Table,
        "espeak-ng" => EspeakPhoneMap.Table,
        _ => TimitPhoneMap.Table,
    };

    [Theory]
    [MemberData(nameof(TableNames))]
    public void Table_EveryTarget_IsInPhoneSet(string name)
    {
        var table = TableNamed(name);
        Assert.NotEmpty(table.Entries);
        Assert.All(table.Entries.Values.SelectMany(t => t), target => Assert.True(PhoneSet.Contains(target), target));
    }

    [Theory]
    [MemberData(nameof(TableNames))]
    public void Table_Image_CoversAll40Phones(string name)
    {
        var missing = PhoneSet.Phones.Except(TableNamed(name).Image).ToList();
        Assert.True(missing.Count == 0, $"{name} table never produces: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(TableNames))]
    public void Map_UnknownName_ThrowsNamingSourceAndName(string name)
    {
        var ex = Assert.Throws<InvalidDataException>(() => TableNamed(name).Map("qq9"));
        Assert.Contains("'qq9'", ex.Message);
        Assert.Contains(name, ex.Message);
    }

    [Fact]
    public void Constructor_TargetOutsidePhoneSet_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PhoneMappingTable("test", new Dictionary<string, string[]> { ["x"] = ["dx"] }));
        Assert.Contains("'dx'", ex.Message);
    }

    [Fact]
    public void Timit_Has61Labels_FoldedAfterLeeAndHon()
    {
        var table = TimitPhoneMap.Table;
        Assert.Equal(61, table.Entries.Count);
        foreach (var closure in new[] { "bcl", "dcl", "gcl", "pcl", "tcl", "kcl", "h#", "pau", "epi" })
        {
            Assert.Equal(["sil"], table.Map(closure));
        }
        var folds = new Dictionary<string, string>
        {
            ["ux"] = "uw", ["axr"] = "er", ["ix"] = "ih", ["ax-h"] = "ah", ["ax"] = "ah", ["el"] = "l", ["em"] = "m",
            ["en"] = "n", ["nx"] = "n", ["eng"] = "ng", ["hv"] = "hh", ["dx"] = "t", ["zh"] = "zh", ["ao"] = "ao",
        };
        foreach (var (from, to) in folds)
        {
            Assert.Equal([to], table.Map(from));
        }
        Assert.Empty(table.Map("q"));
    }

    [Fact]
    public void Festival_RadioPhoneSet_IsFullyMapped()
    {
        // festival/radio_phones.scm lists these; flite's CMU voices emit a subset of them.
        var radio = "aa ae ah ao aw ax axr ay b ch d dh dx eh el em en er ey f g hh hv ih iy jh k l m n nx ng ow oy p r s sh t th uh uw v w y z zh pau h# brth";
        Assert.All(radio.Split(' '), phone => Assert.True(FestivalPhoneMap.Table.Contains(phone), phone));
        Assert.Equal(["ah"], FestivalPhoneMap.Table.Map("ax"));
        Assert.Equal(["sil"], FestivalPhoneMap.Table.Map("pau"));
    }

    [Fact]
    public void Espeak_EveryRecordedPhonemeName_IsMapped()
    {
        // Names recorded from libespeak-ng phoneme events over 400 fortune sentences and 8 English voices.
        var recorded = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Phones", "espeak-recorded-phonemes.txt"))
                           .Where(l => l.Length > 0).ToList();
        Assert.Equal(75, recorded.Count);
        Assert.All(recorded, name => Assert.True(EspeakPhoneMap.Table.Contains(name), name));
    }

    [Fact]
    public void MapSegments_SplitsDropsAndMerges()
    {
        var segments = new List<TimedSegment>
        {
            new(0, 100, "_:"), new(100, 200, "k"), new(200, 400, "A@"), new(400, 500, "r"), new(500, 550, "?"), new(550, 600, "_"),
        };
        var mapped = EspeakPhoneMap.Table.MapSegments(segments);
        Assert.Equal(
        [
            new TimedSegment(0, 100, "sil"), new TimedSegment(100, 200, "k"), new TimedSegment(200, 300, "aa"),
            new TimedSegment(300, 550, "r"), new TimedSegment(550, 600, "sil"),
        ], mapped);
    }

    [Fact]
    public void MapSegments_LeadingDroppedPhone_GoesToTheNextPhone()
    {
        var mapped = TimitPhoneMap.Table.MapSegments([new(0, 10, "q"), new(10, 30, "iy"), new(30, 40, "h#"), new(40, 50, "pau")]);
        Assert.Equal([new TimedSegment(0, 30, "iy"), new TimedSegment(30, 50, "sil")], mapped);
    }
}
