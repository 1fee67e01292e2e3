#:project ../../Acoustic/Acoustic.csproj
// Times compiling the largest phrase list the Gateway allows (Gateway:Limits: 1000 phrases, 10,000 words) into a
// decoding graph, as a session does, and reports its size and the process's peak memory.
// Usage: dotnet run -c Release bench/grammar/build.cs [phrases] [words-per-phrase] [repeats] [cmudict path]
// (default path: Debian's pocketsphinx-en-us CMUdict). Results: docs/BENCHMARKS.md.
using System.Diagnostics;
using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Lexicon;

var phrases = args.Length > 0 ? int.Parse(args[0]) : 1000;
var wordsPerPhrase = args.Length > 1 ? int.Parse(args[1]) : 10;
var repeats = args.Length > 2 ? int.Parse(args[2]) : 3;

var lexiconPath = args.Length > 3 ? args[3] : PronunciationLexicon.DebianCmudictPath;
var lexicon = PronunciationLexicon.LoadShared(lexiconPath);
// Plain words of the lexicon (no "(2)" variants, letters only), in file order; a fixed seed picks the phrases.
var vocabulary = File.ReadLines(lexiconPath)
    .Select(line => line.Split(' ', 2)[0])
    .Where(word => word.Length > 2 && word.All(char.IsAsciiLetterLower))
    .Distinct().ToArray();
var random = new Random(7);
var list = Enumerable.Range(0, phrases)
    .Select(_ => string.Join(' ', Enumerable.Range(0, wordsPerPhrase).Select(_ => vocabulary[random.Next(vocabulary.Length)])))
    .ToArray();

var best = double.MaxValue;
DecodingGraph? graph = null;
for (var i = 0; i < repeats; i++)
{
    var clock = Stopwatch.StartNew();
    graph = DecodingGraph.Build(Grammar.PhraseLoop(list), lexicon);
    best = Math.Min(best, clock.Elapsed.TotalSeconds);
}
var bound = DecodingGraphSize.UpperBoundStates(Grammar.PhraseLoop(list), lexicon);
using var process = Process.GetCurrentProcess();
Console.WriteLine($"{phrases} phrases x {wordsPerPhrase} words: best of {repeats} {best:F3} s; " +
                  $"{graph!.NodeCount:N0} states (bound {bound:N0}), {graph.ArcFrom.Length:N0} arcs, {graph.EstimatedBytes / 1e6:F1} MB; peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MiB");
