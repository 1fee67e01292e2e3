using AcousticDistill.Acoustic.Phones;
using AcousticDistill.Acoustic.Synthesis;

namespace AcousticDistill.Acoustic.Lexicon;

/// <summary>
/// Pronunciations for words CMUdict lacks, from eSpeak NG's English letter-to-sound rules (the engine the project
/// already synthesises with): <c>espeak-ng -q -x --sep=" " -v en-us</c> prints each word's phoneme mnemonics, which
/// <see cref="EspeakPhoneMap"/> maps to the 40-phone set (stress marks dropped). Words are sent as one sentence per
/// line in a single run; a word whose output line is missing, empty or holds a phoneme outside the map gets no
/// pronunciation and is reported as such. Thread-safe.
/// </summary>
public sealed class EspeakLetterToSound(string voice = "en-us")
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    /// <summary>Most words guessed in one run of espeak-ng (longer lists are cut into runs).</summary>
    public const int WordsPerRun = 500;

    /// <summary>
    /// The guessed pronunciation (phone indices) of each of <paramref name="words"/> that eSpeak could pronounce;
    /// words it could not are absent. An <see cref="InvalidOperationException"/> when espeak-ng cannot be run.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> Guess(IReadOnlyList<string> words, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(words);
        var guesses = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        // Only letters, digits, apostrophes and hyphens reach the engine: a word is never read as an espeak option or as markup.
        var speakable = words.Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal)
            .Where(w => w.Length > 0 && char.IsLetterOrDigit(w[0]) && w.All(c => char.IsLetterOrDigit(c) || c is '\'' or '-')).ToArray();
        foreach (var run in speakable.Chunk(WordsPerRun))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lines = Speak(string.Join('\n', run.Select(w => w + ".")), cancellationToken);
            if (lines.Length != run.Length)
            {
                // The engine split or joined a line: ask word by word.
                foreach (var word in run)
                {
                    AddGuess(guesses, word, Speak(word + ".", cancellationToken).FirstOrDefault());
                }
                continue;
            }
            for (var i = 0; i < run.Length; i++)
            {
                AddGuess(guesses, run[i], lines[i]);
            }
        }
        return guesses;
    }

    private static void AddGuess(Dictionary<string, IReadOnlyList<int>> guesses, string word, string? line)
    {
        if (line is null)
        {
            return;
        }
        var phones = new List<int>();
        foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = token.TrimStart('\'', ',');
            if (name.Length == 0)
            {
                continue;
            }
            if (!EspeakPhoneMap.Table.Contains(name))
            {
                return; // a phoneme outside the map: no guess rather than a wrong one
            }
            foreach (var phone in EspeakPhoneMap.Table.Map(name))
            {
                if (phone != PhoneSet.Silence)
                {
                    phones.Add(PhoneSet.IndexOf(phone));
                }
            }
        }
        if (phones.Count > 0)
        {
            guesses[word] = phones;
        }
    }

    private string[] Speak(string text, CancellationToken cancellationToken)
    {
        ExternalTool.Result result;
        try
        {
            result = ExternalTool.Run("espeak-ng", ["-q", "-x", "--sep= ", "-v", voice, text], Path.GetTempPath(), s_timeout, cancellationToken);
        }
        catch (SynthesisException ex)
        {
            throw new InvalidOperationException($"Letter-to-sound needs espeak-ng: {ex.Message}", ex);
        }
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"espeak-ng failed with exit code {result.ExitCode}: {result.StandardError.Trim()}");
        }
        return result.StandardOutput.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
    }
}
