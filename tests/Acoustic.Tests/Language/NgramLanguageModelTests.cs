using AcousticDistill.Acoustic.Language;
using AcousticDistill.Acoustic.Tests.Corpus;

namespace AcousticDistill.Acoustic.Tests.Language;

/// <summary>
/// The n-gram trie (<see cref="NgramLanguageModel"/>), its compact file and the ARPA reader and writer: every score the
/// trie gives equals the ARPA back-off rule of the model <c>acoustic lm build</c> estimates, through every conversion.
/// </summary>
public sealed class NgramLanguageModelTests : IDisposable
{
    private static readonly string[][] s_sentences =
    [
        ["go", "forward", "ten"], ["go", "back", "ten"], ["stop"], ["go", "forward", "three", "feet"], ["turn", "left", "go", "back"],
        ["turn", "right"], ["go", "forward", "ten", "feet"], ["stop", "now"],
    ];

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ArpaReader_ModelFromLmBuild_ScoresEveryHistoryAsTheBackoffRule(int order)
    {
        var reference = NgramModelBuilder.Build(s_sentences, order);

        var model = ArpaNgramReader.Parse(new StringReader(Arpa(reference)), "test.arpa");

        Assert.Equal(order, model.Order);
        Assert.Equal(reference.Ngrams.Select(n => n.Count), model.Counts);
        AssertScoresEqual(reference, model);
    }

    [Fact]
    public void CompactFile_SaveThenLoad_GivesTheSameModel_AndArpaExportReadsBackTheSame()
    {
        var reference = NgramModelBuilder.Build(s_sentences, 3);
        var model = ArpaNgramReader.Parse(new StringReader(Arpa(reference)), "test.arpa");
        var path = Path.Combine(_folder.Path, "lm", "test.adlm");

        CompactLanguageModelFile.Save(model, path);
        var loaded = LanguageModelFiles.Load(path);
        using var exported = new StringWriter();
        NgramArpaWriter.Write(loaded, exported);
        var again = ArpaNgramReader.Parse(new StringReader(exported.ToString()), "exported.arpa");

        Assert.Equal("adlm", LanguageModelFiles.FormatOf(path));
        Assert.Equal(model.Words, loaded.Words);
        Assert.Equal(model.Counts, loaded.Counts);
        AssertScoresEqual(reference, loaded);
        AssertScoresEqual(reference, again);
    }

    [Fact]
    public void Builder_TrigramWithoutItsBigramPrefix_AddsThePrefix_AndScoresAreUnchanged()
    {
        // "a b c" is listed, "a b" is not: the trie needs "a b" to reach "a b c"; its own score must stay what backing off gives.
        var arpa = "\\data\\\nngram 1=5\nngram 2=1\nngram 3=1\n\n\\1-grams:\n-1 <s> -0.3\n-0.5 a -0.2\n-0.6 b -0.1\n-0.7 c -0.4\n-0.8 </s>\n\n"
                   + "\\2-grams:\n-0.2 <s> a -0.5\n\n\\3-grams:\n-0.05 a b c\n\n\\end\\\n";

        var model = ArpaNgramReader.Parse(new StringReader(arpa), "gap.arpa");
        int Id(string w) => model.IdOf(w);

        Assert.Equal(2, model.Counts[1]);
        Assert.Equal((float)((-0.2 - 0.6) * Math.Log(10)), model.LogProbability([Id("a")], Id("b")), 5);
        Assert.Equal((float)(-0.05 * Math.Log(10)), model.LogProbability([Id("a"), Id("b")], Id("c")), 5);
        Assert.Equal((float)((-0.5 - 0.2 - 0.8) * Math.Log(10)), model.LogProbability([Id("<s>"), Id("a")], Id("</s>")), 5);
    }

    [Fact]
    public void CompactFile_Truncated_IsRefusedNamingTheProblem()
    {
        var path = SavedModel();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 5)]);

        var error = Assert.Throws<InvalidDataException>(() => CompactLanguageModelFile.Load(path));

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void CompactFile_DamagedWordOrder_IsRefused()
    {
        var path = SavedModel();
        var bytes = File.ReadAllBytes(path);
        // The bigram words start right after the unigram arrays (probabilities, back-offs, child starts): put an
        // impossible word id in the first.
        var model = CompactLanguageModelFile.Load(path);
        var vocabularyBytes = System.Text.Encoding.UTF8.GetByteCount(string.Concat(model.Words.Select(w => w + "\0")));
        var bigramWords = 8 + 4 * (3 + 3) + vocabularyBytes + 4 * model.Counts[0] * 3 + 4;
        BitConverter.GetBytes(1_000_000).CopyTo(bytes, bigramWords);
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => CompactLanguageModelFile.Load(path));

        Assert.Contains("out of range or out of order", error.Message);
    }

    [Fact]
    public void CompactFile_OverTheMemoryLimit_IsRefusedBeforeLoading()
    {
        var path = SavedModel();

        var error = Assert.Throws<InvalidDataException>(() => CompactLanguageModelFile.Load(path, maxBytes: 64));

        Assert.Contains("more than the limit", error.Message);
    }

    [Fact]
    public void Load_NotALanguageModel_IsAClearError()
    {
        var path = Path.Combine(_folder.Path, "notes.txt");
        File.WriteAllText(path, "hello\nworld\n");

        var error = Assert.Throws<InvalidDataException>(() => LanguageModelFiles.Load(path));

        Assert.Contains("no \\data\\ line", error.Message);
    }

    [Fact]
    public void ArpaReader_TruncatedSection_NamesTheSection()
    {
        var arpa = Arpa(NgramModelBuilder.Build(s_sentences, 2));
        var cut = arpa[..arpa.IndexOf("\\2-grams:", StringComparison.Ordinal)] + "\\2-grams:\n-0.3 go forward\n";

        var error = Assert.Throws<InvalidDataException>(() => ArpaNgramReader.Parse(new StringReader(cut), "cut.arpa"));

        Assert.Contains("2-grams section holds 1 entries", error.Message);
    }

    [SphinxToolFact("sphinx_lm_convert")]
    public void SphinxTrieReader_BinaryWrittenBySphinxFromLmBuildArpa_GivesTheArpaScores()
    {
        var reference = NgramModelBuilder.Build(s_sentences, 3);
        var arpa = Path.Combine(_folder.Path, "small.arpa");
        ArpaWriter.Save(reference, arpa);
        var binary = Path.Combine(_folder.Path, "small.lm.bin");
        SphinxTools.Run("sphinx_lm_convert", "-i", arpa, "-o", binary);

        var read = SphinxTrieLanguageModelReader.Read(binary);

        Assert.Equal("sphinx-trie", LanguageModelFiles.FormatOf(binary));
        Assert.Equal(reference.Ngrams.Select(n => n.Count), read.Model.Counts);
        AssertScoresEqual(reference, read.Model, tolerance: 5e-4);
    }

    [SphinxToolFact("sphinx_lm_convert")]
    public void SphinxTrieReader_TruncatedBinary_IsAClearError()
    {
        var arpa = Path.Combine(_folder.Path, "small.arpa");
        ArpaWriter.Save(NgramModelBuilder.Build(s_sentences, 3), arpa);
        var binary = Path.Combine(_folder.Path, "small.lm.bin");
        SphinxTools.Run("sphinx_lm_convert", "-i", arpa, "-o", binary);
        var bytes = File.ReadAllBytes(binary);
        File.WriteAllBytes(binary, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<InvalidDataException>(() => SphinxTrieLanguageModelReader.Read(binary));

        Assert.Contains("truncated", error.Message);
    }

    [SphinxToolFact("sphinx_lm_eval")]
    public void SphinxTrieReader_CmuGeneralEnglishModel_HoldsItsTrieAndScoresSentencesAsSphinxDoes()
    {
        const string path = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";
        const string sentence = "what is the weather like in new york today";
        Assert.True(File.Exists(path), $"{path} (Debian's pocketsphinx-en-us) is missing beside sphinx_lm_eval.");

        var read = SphinxTrieLanguageModelReader.Read(path);
        var log = SphinxTools.Run("sphinx_lm_eval", "-lm", path, "-text", sentence);
        var sphinxScore = double.Parse(log.Split('\n').Single(l => l.StartsWith("lm score:", StringComparison.Ordinal))[9..]);

        var model = read.Model;
        Assert.Equal([72547, 2051541, 1669625], model.Counts);
        Assert.Equal([72547L, 2051547L, 1669625L], read.DeclaredCounts); // six bigrams allotted but never written
        // sphinx_lm_eval -text scores the words without sentence markers, in log base 1.0001.
        var words = sentence.Split(' ').Select(model.IdOf).ToArray();
        var ours = 0.0;
        for (var i = 0; i < words.Length; i++)
        {
            ours += model.LogProbability(words.AsSpan(0, i), words[i]);
        }
        Assert.Equal(sphinxScore * Math.Log(1.0001), ours, 0.01);
    }

    private string SavedModel()
    {
        var model = ArpaNgramReader.Parse(new StringReader(Arpa(NgramModelBuilder.Build(s_sentences, 3))), "test.arpa");
        var path = Path.Combine(_folder.Path, $"m{Guid.NewGuid():N}.adlm");
        CompactLanguageModelFile.Save(model, path);
        return path;
    }

    private static string Arpa(BackoffNgramModel model)
    {
        using var text = new StringWriter();
        ArpaWriter.Write(model, text);
        return text.ToString();
    }

    // Every word after every history of up to two words (the vocabulary is small enough to try them all).
    private static void AssertScoresEqual(BackoffNgramModel reference, NgramLanguageModel model, double tolerance = 1e-5)
    {
        var words = reference.Vocabulary.Where(w => w != "<s>").ToArray();
        var histories = new List<string[]> { Array.Empty<string>(), new[] { "<s>" } };
        histories.AddRange(words.Select(w => new[] { w }));
        histories.AddRange(words.SelectMany(a => words.Select(b => new[] { a, b })));
        histories.AddRange(words.Select(b => new[] { "<s>", b }));
        foreach (var history in histories)
        {
            var ids = history.Select(model.IdOf).ToArray();
            foreach (var word in words)
            {
                var expected = reference.Log10Probability(history, word) * Math.Log(10);
                var actual = model.LogProbability(ids, model.IdOf(word));
                Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)),
                    $"P({word} | {string.Join(' ', history)}): expected {expected}, got {actual}");
            }
        }
    }
}
