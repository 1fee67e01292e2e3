namespace AcousticDistill.Acoustic.Evaluation;

/// <summary>
/// Word errors of hypotheses against references (a minimum-edit alignment: substitutions, deletions, insertions),
/// summed over utterances. WER = errors / reference words, as NIST's sclite counts it.
/// </summary>
public readonly record struct WordErrors(int Substitutions, int Deletions, int Insertions, int ReferenceWords)
{
    /// <summary>All errors.</summary>
    public int Errors => Substitutions + Deletions + Insertions;

    /// <summary>Errors per reference word (0 when there are no reference words and no insertions).</summary>
    public double Rate => ReferenceWords == 0 ? (Insertions == 0 ? 0 : double.PositiveInfinity) : Errors / (double)ReferenceWords;

    /// <summary>The sum of two counts.</summary>
    public static WordErrors operator +(WordErrors a, WordErrors b) =>
        new(a.Substitutions + b.Substitutions, a.Deletions + b.Deletions, a.Insertions + b.Insertions, a.ReferenceWords + b.ReferenceWords);

    /// <summary>Errors of one hypothesis against its reference (words compared case-insensitively).</summary>
    public static WordErrors Count(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(hypothesis);
        var n = reference.Count;
        var m = hypothesis.Count;
        // cost[i, j]: fewest edits turning reference[..i] into hypothesis[..j]; ties broken towards substitutions,
        // then deletions, so the counts are deterministic.
        var cost = new int[n + 1, m + 1];
        for (var i = 0; i <= n; i++)
        {
            cost[i, 0] = i;
        }
        for (var j = 0; j <= m; j++)
        {
            cost[0, j] = j;
        }
        for (var i = 1; i <= n; i++)
        {
            for (var j = 1; j <= m; j++)
            {
                var same = string.Equals(reference[i - 1], hypothesis[j - 1], StringComparison.OrdinalIgnoreCase);
                cost[i, j] = Math.Min(cost[i - 1, j - 1] + (same ? 0 : 1), Math.Min(cost[i - 1, j] + 1, cost[i, j - 1] + 1));
            }
        }
        int substitutions = 0, deletions = 0, insertions = 0;
        for (int i = n, j = m; i > 0 || j > 0;)
        {
            if (i > 0 && j > 0 && cost[i, j] == cost[i - 1, j - 1] + (string.Equals(reference[i - 1], hypothesis[j - 1], StringComparison.OrdinalIgnoreCase) ? 0 : 1))
            {
                if (!string.Equals(reference[i - 1], hypothesis[j - 1], StringComparison.OrdinalIgnoreCase))
                {
                    substitutions++;
                }
                i--;
                j--;
            }
            else if (i > 0 && cost[i, j] == cost[i - 1, j] + 1)
            {
                deletions++;
                i--;
            }
            else
            {
                insertions++;
                j--;
            }
        }
        return new WordErrors(substitutions, deletions, insertions, n);
    }
}
