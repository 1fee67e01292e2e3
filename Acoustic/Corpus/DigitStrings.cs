namespace AcousticDistill.Acoustic.Corpus;

/// <summary>Spoken digit strings such as "three one four" or "oh seven nine", distinct and reproducible for a seed.</summary>
public static class DigitStrings
{
    private static readonly string[] s_words = ["oh", "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary><paramref name="count"/> distinct strings of <paramref name="minDigits"/>–<paramref name="maxDigits"/> digits.</summary>
    public static IReadOnlyList<string> Generate(int count, int seed, int minDigits = 3, int maxDigits = 7)
    {
        var random = new Random(seed);
        var result = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var attempts = 0;
        while (result.Count < count && attempts++ < count * 100)
        {
            var length = random.Next(minDigits, maxDigits + 1);
            var text = string.Join(' ', Enumerable.Range(0, length).Select(_ => s_words[random.Next(s_words.Length)]));
            if (seen.Add(text))
            {
                result.Add(text);
            }
        }
        return result;
    }
}
