namespace AcousticDistill.Acoustic.Models;

/// <summary>
/// How a model decodes best, chosen on a dev set when it is built and carried in its artifact, so a served model
/// decodes well with no flags: a hybrid model's scaled log-likelihoods need an acoustic scale far below 1 against a
/// language model (Kaldi uses 0.1), and the best value depends on the model. Explicit options still override them.
/// </summary>
/// <param name="AcousticScale">Weight of the acoustic scores against transitions and grammar.</param>
/// <param name="WordInsertionPenalty">Log weight added per word (negative: fewer words).</param>
/// <param name="Beam">Beam width (log score, on the scaled scores).</param>
/// <param name="MaxActive">Most HMM states kept per frame.</param>
/// <param name="TunedOn">What the values were chosen on (corpus, split, grammar or LM) and the dev WER they gave.</param>
/// <param name="WordEndBeam">The lexicon-tree search's word-end beam (null: its default; the graph search has none).</param>
public sealed record DecodingDefaults(float AcousticScale, float WordInsertionPenalty, float Beam, int MaxActive, string TunedOn,
                                      [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] float? WordEndBeam = null)
{
    /// <summary>Throws a clear error when a value is out of range.</summary>
    public void Validate()
    {
        if (!(AcousticScale > 0) || !float.IsFinite(AcousticScale) || !float.IsFinite(WordInsertionPenalty) || !(Beam > 0) || !float.IsFinite(Beam) || MaxActive < 1
            || WordEndBeam is { } w && !(w > 0 && float.IsFinite(w)))
        {
            throw new InvalidDataException(
                $"Decoding defaults need a positive acoustic scale and beam, a finite penalty and max-active ≥ 1; got {AcousticScale}, {Beam}, {WordInsertionPenalty}, {MaxActive}.");
        }
    }
}
