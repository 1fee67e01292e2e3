namespace AcousticDistill.Acoustic.Evaluation;

/// <summary>
/// Frame-level scores of predictions against reference labels: overall frame accuracy (exact phone state),
/// phone accuracy (state ignored), per-phone accuracy, and the full class confusion matrix.
/// </summary>
public sealed class FrameAccuracyReport
{
    private FrameAccuracyReport(long frames, long correct, long phoneCorrect, long[,] confusion)
    {
        Frames = frames;
        Correct = correct;
        PhoneCorrect = phoneCorrect;
        Confusion = confusion;
    }

    /// <summary>Frames scored.</summary>
    public long Frames { get; }

    /// <summary>Frames whose predicted class equals the reference class.</summary>
    public long Correct { get; }

    /// <summary>Frames whose predicted phone equals the reference phone (any state).</summary>
    public long PhoneCorrect { get; }

    /// <summary>Counts [reference class, predicted class].</summary>
    public long[,] Confusion { get; }

    /// <summary>Correct / Frames, in [0, 1].</summary>
    public double FrameAccuracy => Frames == 0 ? 0 : (double)Correct / Frames;

    /// <summary>PhoneCorrect / Frames, in [0, 1].</summary>
    public double PhoneAccuracy => Frames == 0 ? 0 : (double)PhoneCorrect / Frames;

    /// <summary>Scores predicted classes against reference classes (same length).</summary>
    public static FrameAccuracyReport FromPredictions(ReadOnlySpan<int> predicted, ReadOnlySpan<int> reference, int classes)
    {
        if (predicted.Length != reference.Length)
        {
            throw new ArgumentException($"{predicted.Length} predictions for {reference.Length} reference labels.");
        }
        var confusion = new long[classes, classes];
        long correct = 0;
        long phoneCorrect = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            confusion[reference[i], predicted[i]]++;
            if (predicted[i] == reference[i])
            {
                correct++;
            }
            if (PhoneSet.PhoneOfClass(predicted[i]) == PhoneSet.PhoneOfClass(reference[i]))
            {
                phoneCorrect++;
            }
        }
        return new FrameAccuracyReport(predicted.Length, correct, phoneCorrect, confusion);
    }

    /// <summary>
    /// Frame accuracy restricted to frames whose reference class is in <paramref name="classes"/>
    /// (e.g. the classes a specialist covers); NaN when there are none.
    /// </summary>
    public double AccuracyOn(IReadOnlySet<int> classes)
    {
        long frames = 0;
        long correct = 0;
        foreach (var c in classes)
        {
            for (var p = 0; p < Confusion.GetLength(1); p++)
            {
                frames += Confusion[c, p];
            }
            correct += Confusion[c, c];
        }
        return frames == 0 ? double.NaN : (double)correct / frames;
    }

    /// <summary>Per phone: frames with that reference phone, and the share of them classified exactly right.</summary>
    public IReadOnlyList<PhoneAccuracy> PerPhone()
    {
        var result = new List<PhoneAccuracy>();
        for (var phone = 0; phone < PhoneSet.Phones.Count; phone++)
        {
            var classes = Enumerable.Range(phone * PhoneSet.StatesPerPhone, PhoneSet.StatesPerPhone)
                .Where(c => c < Confusion.GetLength(0)).ToHashSet();
            long frames = 0;
            foreach (var c in classes)
            {
                for (var p = 0; p < Confusion.GetLength(1); p++)
                {
                    frames += Confusion[c, p];
                }
            }
            result.Add(new PhoneAccuracy(PhoneSet.Phones[phone], frames, frames == 0 ? double.NaN : AccuracyOn(classes)));
        }
        return result;
    }
}

/// <summary>Accuracy of the frames of one reference phone.</summary>
public sealed record PhoneAccuracy(string Phone, long Frames, double Accuracy);
