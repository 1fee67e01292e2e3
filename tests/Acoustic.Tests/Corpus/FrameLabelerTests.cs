namespace AcousticDistill.Acoustic.Tests.Corpus;

public sealed class FrameLabelerTests
{
    [Theory]
    [InlineData(399, 400, 160, 0)]
    [InlineData(400, 400, 160, 1)]
    [InlineData(559, 400, 160, 1)]
    [InlineData(560, 400, 160, 2)]
    [InlineData(16000, 400, 160, 98)]
    public void FrameCount_FollowsSnipEdges(long samples, int length, int shift, int expected) =>
        Assert.Equal(expected, FrameLabeler.FrameCount(samples, length, shift));

    [Fact]
    public void Label_CentreDecidesPhoneAndThird()
    {
        // Frames of length 4, shift 2: centres at 2, 4, 6, ... ; sil [0,3), aa [3,9) thirds [3,5) [5,7) [7,9), b [9,12).
        List<TimedSegment> phones = [new(0, 3, "sil"), new(3, 9, "aa"), new(9, 12, "b")];
        var labels = FrameLabeler.Label(phones, 12, 16000, 4, 2);
        var sil = PhoneSet.IndexOf("sil");
        var aa = PhoneSet.IndexOf("aa");
        var b = PhoneSet.IndexOf("b");
        Assert.Equal(
        [
            PhoneSet.ClassOf(sil, 2), // centre 2 in [0,3): floor(3·2/3) = 2
            PhoneSet.ClassOf(aa, 0),  // centre 4: floor(3·1/6) = 0
            PhoneSet.ClassOf(aa, 1),  // centre 6: floor(3·3/6) = 1
            PhoneSet.ClassOf(aa, 2),  // centre 8: floor(3·5/6) = 2
            PhoneSet.ClassOf(b, 1),   // centre 10: floor(3·1/3) = 1
        ], labels);
    }

    [Fact]
    public void Label_HalfSampleCentre_IsExact()
    {
        // Length 3: the first centre is 1.5, in [0, 2) of "sil": 3·1.5/2 = 2.25 → state 2; the second, 3.5, in [2, 8): 3·1.5/6 → 0.
        var labels = FrameLabeler.Label([new(0, 2, "sil"), new(2, 8, "iy")], 8, 8000, 3, 2);
        Assert.Equal([PhoneSet.ClassOf(0, 2), PhoneSet.ClassOf(PhoneSet.IndexOf("iy"), 0), PhoneSet.ClassOf(PhoneSet.IndexOf("iy"), 1)], labels);
    }

    [Fact]
    public void Label_StandardGeometry_GivesKaldiFrameCount()
    {
        var labels = FrameLabeler.Label([new(0, 8000, "sil"), new(8000, 16000, "s")], 16000, 16000, 400, 160);
        Assert.Equal(98, labels.Length);
        Assert.All(labels, l => Assert.InRange(l, 0, PhoneSet.ClassCount - 1));
    }

    [Fact]
    public void Label_GapUnderACentre_ThrowsNamingFrame()
    {
        var ex = Assert.Throws<InvalidDataException>(() => FrameLabeler.Label([new(0, 3, "sil"), new(5, 12, "aa")], 12, 16000, 4, 2));
        Assert.Contains("frame 1", ex.Message);
    }

    [Fact]
    public void Label_UnknownPhone_Throws()
    {
        var ex = Assert.Throws<InvalidDataException>(() => FrameLabeler.Label([new(0, 12, "dx")], 12, 16000, 4, 2));
        Assert.Contains("'dx'", ex.Message);
    }
}
