using System.Net.Http.Json;

namespace AcousticDistill.Gateway.Tests.OpenVocabulary;

/// <summary>
/// The default task as users meet it: an upload without a phrase list is transcribed as open English with the general
/// language model (Debian's 72 k-word trigram), on real speech that is neither digits nor in any training data (the
/// committed AN4 test utterances); a phrase list still restricts.
/// </summary>
public sealed class OpenVocabularyTests(OpenVocabularyTests.Fixture gateway) : IClassFixture<OpenVocabularyTests.Fixture>
{
    /// <summary>A Gateway with the product's default task (open vocabulary) and its own language-model cache.</summary>
    public sealed class Fixture : GatewayFixture
    {
        private readonly string _cache = Path.Combine(Path.GetTempPath(), "open-vocabulary-lm-" + Guid.NewGuid().ToString("N"));

        protected override string[] MoreSettings => ["--Transcription:OpenVocabulary=true", $"--Transcription:LanguageModelCache={_cache}"];
    }

    [Fact]
    public async Task Recognize_NoPhraseList_TranscribesRealSpeechAsOpenEnglish()
    {
        using var http = gateway.Http();
        using var body = new ByteArrayContent(File.ReadAllBytes(Sample("cen8-mdms2-b.wav")));

        var response = await http.PostAsync("/v1/recognize", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var heard = ((string)result["text"]!).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Said: "march seven nineteen sixty seven" — "march" is in no digit grammar; at most one word wrong.
        Assert.Contains("march", heard);
        Assert.True(WordErrors("march seven nineteen sixty seven".Split(' '), heard) <= 1, string.Join(' ', heard));
        Assert.All(result["result"]!.AsArray(), w => Assert.InRange((double)w!["conf"]!, 0.0, 1.0));
    }

    [Fact]
    public async Task Recognize_WithAPhraseList_IsRestrictedToIt()
    {
        using var http = gateway.Http();
        using var body = new ByteArrayContent(File.ReadAllBytes(Sample("cen8-mdms2-b.wav")));

        var response = await http.PostAsync("/v1/recognize?phrase=seven&phrase=sixty&phrase=nineteen", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["text"]!;
        Assert.All(text.Split(' ', StringSplitOptions.RemoveEmptyEntries), w => Assert.Contains(w, new[] { "seven", "sixty", "nineteen" }));
    }

    [Fact]
    public async Task Recognize_BoostPenalisingAWord_KeepsItOut_AndBadBoostsAreRefusedByName()
    {
        using var http = gateway.Http();
        var wav = File.ReadAllBytes(Sample("cen8-mdms2-b.wav"));

        var lowered = await http.PostAsync("/v1/recognize?boost=march:-20", new ByteArrayContent(wav));
        var unknown = await http.PostAsync("/v1/recognize?boost=zzqxw:5", new ByteArrayContent(wav));
        var malformed = await http.PostAsync("/v1/recognize?boost=march", new ByteArrayContent(wav));
        var withPhrases = await http.PostAsync("/v1/recognize?boost=seven:5&phrase=seven", new ByteArrayContent(wav));

        Assert.Equal(HttpStatusCode.OK, lowered.StatusCode);
        Assert.DoesNotContain("march", ((string)(await lowered.Content.ReadFromJsonAsync<JsonObject>())!["text"]!).Split(' '));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("'zzqxw' is not a word of the language model", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("WORD:BONUS", await malformed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, withPhrases.StatusCode);
        Assert.Contains("boost applies to open vocabulary", await withPhrases.Content.ReadAsStringAsync());
    }

    private static int WordErrors(string[] reference, string[] hypothesis)
    {
        var d = new int[reference.Length + 1, hypothesis.Length + 1];
        for (var i = 0; i <= reference.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= hypothesis.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= reference.Length; i++)
        {
            for (var j = 1; j <= hypothesis.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (reference[i - 1] == hypothesis[j - 1] ? 0 : 1));
            }
        }
        return d[reference.Length, hypothesis.Length];
    }

    internal static string Sample(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "samples", "an4", name);
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new InvalidOperationException($"samples/an4/{name} was not found above the test binaries.");
    }
}
