using System.Net.Http.Json;

namespace AcousticDistill.Gateway.Tests.OpenVocabulary;

/// <summary>
/// A general language model that cannot be used (here a truncated CMU Sphinx binary) fails the open-vocabulary requests
/// with an answer naming the problem, while the Gateway keeps serving phrase lists.
/// </summary>
public sealed class BrokenLanguageModelTests(BrokenLanguageModelTests.Fixture gateway) : IClassFixture<BrokenLanguageModelTests.Fixture>
{
    /// <summary>A Gateway whose general language model is a Sphinx trie header followed by nothing.</summary>
    public sealed class Fixture : GatewayFixture
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("broken-lm-").FullName;

        public string ModelPath => Path.Combine(_folder, "broken.lm.bin");

        protected override string[] MoreSettings
        {
            get
            {
                // The header, the order and three counts: everything after them is missing.
                File.WriteAllBytes(ModelPath, [.. "Trie Language Model"u8, 3, .. BitConverter.GetBytes(1000), .. BitConverter.GetBytes(2000), .. BitConverter.GetBytes(3000)]);
                return ["--Transcription:OpenVocabulary=true", $"--Transcription:GeneralLanguageModel={ModelPath}", $"--Transcription:LanguageModelCache={_folder}"];
            }
        }
    }

    [Fact]
    public async Task Recognize_NoPhraseList_IsRefusedNamingTheModel_AndPhraseListsStillWork()
    {
        using var http = gateway.Http();
        var wav = File.ReadAllBytes(OpenVocabularyTests.Sample("cen8-mdms2-b.wav"));

        var refused = await http.PostAsync("/v1/recognize", new ByteArrayContent(wav));
        var restricted = await http.PostAsync("/v1/recognize?phrase=seven&phrase=sixty&phrase=nineteen", new ByteArrayContent(wav));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("general language model", (string)problem["detail"]!);
        Assert.Contains("truncated", (string)problem["detail"]!);
        Assert.Equal(HttpStatusCode.OK, restricted.StatusCode);
        Assert.Contains("seven", (string)(await restricted.Content.ReadFromJsonAsync<JsonObject>())!["text"]!);
    }
}
