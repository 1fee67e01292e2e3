using AcousticDistill.Acoustic.Synthesis;

namespace AcousticDistill.Acoustic.Corpus;

/// <summary>
/// Assigns the persons behind the voices to splits: <c>dev</c> and <c>test</c> each get their number of
/// persons, the rest train. Persons with fewer voices are held out first (so training keeps most voices),
/// ties broken by the seed; within a held-out split engines alternate between espeak-ng and the recorded
/// voices where possible, and a kind is never held out entirely.
/// </summary>
public static class SpeakerSplitPlanner
{
    /// <summary>The split of every voice.</summary>
    public static IReadOnlyDictionary<VoiceSpec, CorpusSplit> Assign(IReadOnlyList<VoiceSpec> voices, int devPersons, int testPersons, int seed)
    {
        var persons = voices.GroupBy(VoiceCatalog.PersonOf).ToList();
        if (persons.Count < devPersons + testPersons + 1)
        {
            throw new ArgumentException(
                $"{persons.Count} distinct persons among the voices cannot give {devPersons} dev + {testPersons} test persons and still leave one for training.");
        }
        var random = new Random(seed);
        var candidates = persons.Select(p => (Person: p, Tie: random.Next()))
                                .OrderBy(p => p.Person.Count()).ThenBy(p => p.Tie)
                                .Select(p => p.Person).ToList();
        static bool IsEspeak(IGrouping<string, VoiceSpec> person) => person.First().Engine == SynthesisEngine.Espeak;

        var splitOf = new Dictionary<string, CorpusSplit>(StringComparer.Ordinal);
        foreach (var (split, count) in new[] { (CorpusSplit.Dev, devPersons), (CorpusSplit.Test, testPersons) })
        {
            bool? lastWasEspeak = null;
            for (var k = 0; k < count; k++)
            {
                var remaining = candidates.Where(p => !splitOf.ContainsKey(p.Key)).ToList();
                bool KeepsKindInTraining(IGrouping<string, VoiceSpec> p) => remaining.Count(q => IsEspeak(q) == IsEspeak(p)) > 1;
                var choice = remaining.FirstOrDefault(p => IsEspeak(p) != lastWasEspeak && KeepsKindInTraining(p))
                             ?? remaining.FirstOrDefault(KeepsKindInTraining)
                             ?? remaining[0];
                splitOf[choice.Key] = split;
                lastWasEspeak = IsEspeak(choice);
            }
        }
        return voices.ToDictionary(v => v, v => splitOf.GetValueOrDefault(VoiceCatalog.PersonOf(v), CorpusSplit.Train));
    }
}
