using AcousticDistill.Acoustic.Decoding;

namespace AcousticDistill.Acoustic.Alignment;

/// <summary>
/// Exact Viterbi alignment of frame scores through a <see cref="DecodingGraph"/> (no pruning: a transcript's graph is
/// small), keeping a back-pointer per frame and node, then cutting the best path into phones and words.
/// </summary>
public static class ViterbiAligner
{
    /// <summary>
    /// Aligns <paramref name="scores"/> (frames × <paramref name="classes"/>, e.g. from <see cref="AcousticScorer"/>)
    /// of audio with <paramref name="numSamples"/> samples; <see cref="InvalidDataException"/> when no path reaches the end.
    /// </summary>
    public static AlignmentResult Align(DecodingGraph graph, ReadOnlySpan<float> scores, int classes, FrameTiming timing, long numSamples)
    {
        if (classes <= 0 || scores.Length % classes != 0)
        {
            throw new ArgumentException($"{scores.Length} scores are not whole frames of {classes} classes.");
        }
        var frames = scores.Length / classes;
        var n = graph.NodeCount;
        var previous = new float[n];
        var current = new float[n];
        Array.Fill(previous, float.NegativeInfinity);
        previous[graph.StartNode] = 0;
        var startPointers = new int[n];
        FollowEmptyArcs(graph, previous, startPointers);
        var backPointers = new int[frames * n];
        for (var t = 0; t < frames; t++)
        {
            Array.Fill(current, float.NegativeInfinity);
            var row = scores.Slice(t * classes, classes);
            var pointers = backPointers.AsSpan(t * n, n);
            // Arcs into emitting states consume frame t.
            for (var s = 0; s < n; s++)
            {
                if (float.IsNegativeInfinity(previous[s]))
                {
                    continue;
                }
                var (first, end) = graph.ArcsOf(s);
                for (var a = first; a < end; a++)
                {
                    var d = graph.ArcTo[a];
                    var candidate = previous[s] + graph.ArcWeight[a];
                    if (!graph.IsJunction(d) && candidate > current[d])
                    {
                        current[d] = candidate;
                        pointers[d] = a;
                    }
                }
            }
            for (var d = 0; d < n; d++)
            {
                if (!graph.IsJunction(d) && !float.IsNegativeInfinity(current[d]))
                {
                    current[d] += row[graph.ClassIds[d]];
                }
            }
            // Word-end arcs into junctions take no time: they follow the states of frame t.
            for (var s = 0; s < n; s++)
            {
                if (graph.IsJunction(s) || float.IsNegativeInfinity(current[s]))
                {
                    continue;
                }
                var (first, end) = graph.ArcsOf(s);
                for (var a = first; a < end; a++)
                {
                    var d = graph.ArcTo[a];
                    var candidate = current[s] + graph.ArcWeight[a];
                    if (graph.IsJunction(d) && candidate > current[d])
                    {
                        current[d] = candidate;
                        pointers[d] = a;
                    }
                }
            }
            FollowEmptyArcs(graph, current, pointers);
            (previous, current) = (current, previous);
        }

        var best = -1;
        for (var s = 0; s < n; s++)
        {
            if (graph.Accepting[s] && !float.IsNegativeInfinity(previous[s])
                && (best < 0 || previous[s] + graph.FinalWeights[s] > previous[best] + graph.FinalWeights[best]))
            {
                best = s;
            }
        }
        if (best < 0)
        {
            throw new InvalidDataException(
                $"The audio ({frames} frames) cannot be aligned to the transcript: it is too short for its phones (each needs at least {PhoneSet.StatesPerPhone} frames) or empty.");
        }
        return Trace(graph, backPointers, frames, best, previous[best] + graph.FinalWeights[best], timing, numSamples);
    }

    // Empty junction-to-junction arcs (back-off) take no time; relaxed until nothing improves (weights are ≤ 0 in practice).
    private static void FollowEmptyArcs(DecodingGraph graph, float[] scores, Span<int> pointers)
    {
        if (!graph.HasEmptyArcs)
        {
            return;
        }
        for (var changed = true; changed;)
        {
            changed = false;
            for (var s = 0; s < scores.Length; s++)
            {
                if (!graph.IsJunction(s) || float.IsNegativeInfinity(scores[s]))
                {
                    continue;
                }
                var (first, end) = graph.ArcsOf(s);
                for (var a = first; a < end; a++)
                {
                    var d = graph.ArcTo[a];
                    if (graph.IsJunction(d) && scores[s] + graph.ArcWeight[a] > scores[d])
                    {
                        scores[d] = scores[s] + graph.ArcWeight[a];
                        pointers[d] = a;
                        changed = true;
                    }
                }
            }
        }
    }

    private static AlignmentResult Trace(DecodingGraph graph, int[] backPointers, int frames, int finalNode, float score,
                                         FrameTiming timing, long numSamples)
    {
        var n = graph.NodeCount;
        var path = new int[frames];
        var words = new List<(int Start, int End, string Word)>();
        var wordEnd = -1;
        var word = -1;
        var node = finalNode;
        var t = frames - 1;
        while (t >= 0)
        {
            var arc = backPointers[t * n + node];
            if (graph.IsJunction(node))
            {
                // A junction at frame t was reached by a word-end arc from a state of the same frame.
                if (graph.ArcWord[arc] >= 0)
                {
                    word = graph.ArcWord[arc];
                    wordEnd = t;
                }
                node = graph.ArcFrom[arc];
                continue;
            }
            path[t] = node;
            if (graph.ArcStartsWord[arc] && word >= 0)
            {
                words.Add((t, wordEnd, graph.Words[word]));
                word = -1;
            }
            node = graph.ArcFrom[arc];
            t--;
        }
        words.Reverse();

        var phones = new List<TimedSegment>();
        var segmentStart = 0;
        for (var f = 1; f <= frames; f++)
        {
            if (f == frames || graph.PhoneInstances[path[f]] != graph.PhoneInstances[path[segmentStart]])
            {
                var end = f == frames ? numSamples : timing.StartSample(f);
                phones.Add(new TimedSegment(timing.StartSample(segmentStart), end, PhoneSet.Phones[graph.PhoneIndices[path[segmentStart]]]));
                segmentStart = f;
            }
        }
        var wordSegments = words.Select(w => new TimedSegment(
            timing.StartSample(w.Start), w.End == frames - 1 ? numSamples : timing.StartSample(w.End + 1), w.Word)).ToArray();
        var labels = path.Select(s => graph.ClassIds[s]).ToArray();
        return new AlignmentResult(phones, wordSegments, labels, score);
    }
}
