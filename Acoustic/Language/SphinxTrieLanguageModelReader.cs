using System.Buffers.Binary;
using System.Text;

namespace AcousticDistill.Acoustic.Language;

/// <summary>
/// Reads CMU Sphinx's binary trie language models (<c>*.lm.bin</c>, header "Trie Language Model", as written by
/// pocketsphinx 5 and sphinxbase 5prealpha; Debian's <c>pocketsphinx-en-us</c> ships its general English trigram so).
/// The layout, all little-endian: the header text; a byte with the order; an int32 count per order; when the order is
/// above 1, an int32 (formerly the quantisation type) and the quantiser's tables — for each middle order 65,536
/// probability then 65,536 back-off centres, then 65,536 probability centres of the highest order, as floats; then
/// count + 1 unigrams of (float probability, float back-off, uint32 first child); then the bit-packed n-gram arrays;
/// then the vocabulary (int32 byte length, NUL-ended strings).
/// <para>
/// The trie is reversed (KenLM's layout): a unigram's children are the words before it, so the entry reached by the
/// path w, v, u stands for the n-gram "u v w". A middle entry packs the word id, a 16-bit back-off index (low) and a
/// 16-bit probability index into the quantiser's tables, and the index of its first child; the last order packs the
/// word id and a probability index. Bit widths follow from the counts. Scores are in log base 1.0001 (Sphinx's
/// logmath), converted here to natural logs. The counts in the header are the space allotted; the child pointers say
/// how many n-grams are really there (CMU's en-us model allots six bigrams more than it holds, which is what makes
/// Debian's <c>sphinx_lm_convert</c> abort), so this reader walks the pointers and reports both.
/// </para>
/// </summary>
public static class SphinxTrieLanguageModelReader
{
    private const string Header = "Trie Language Model";
    private const int QuantisedBits = 16;
    private const int QuantTableSize = 1 << QuantisedBits;
    private static readonly double s_lnLogBase = Math.Log(1.0001);

    /// <summary>True when the file starts with the Sphinx trie header.</summary>
    public static bool IsSphinxTrieFile(string path)
    {
        var head = new byte[Header.Length];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && Encoding.ASCII.GetString(head) == Header;
    }

    /// <summary>
    /// Reads the model at <paramref name="path"/>; an <see cref="InvalidDataException"/> naming the problem for a file
    /// that is not this format, truncated, or inconsistent.
    /// </summary>
    public static SphinxTrieRead Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var r = new Cursor(bytes, path);
        if (bytes.Length < Header.Length || Encoding.ASCII.GetString(bytes, 0, Header.Length) != Header)
        {
            throw new InvalidDataException($"{path} is not a CMU Sphinx trie language model (no 'Trie Language Model' header).");
        }
        r.Skip(Header.Length);
        int order = r.Byte();
        if (order is < 1 or > NgramTrieBuilder.MaxOrder)
        {
            throw new InvalidDataException($"{path}: order {order} is not supported (1 to {NgramTrieBuilder.MaxOrder}).");
        }
        var counts = new long[order];
        for (var k = 0; k < order; k++)
        {
            counts[k] = r.UInt32();
        }
        if (counts[0] < 1)
        {
            throw new InvalidDataException($"{path}: the model has no unigrams.");
        }
        // Quantiser tables: [order-2] × (probability, back-off) for the middle orders, then the highest order's probabilities.
        var middleProb = new float[Math.Max(0, order - 2)][];
        var middleBackoff = new float[Math.Max(0, order - 2)][];
        float[] longestProb = [];
        if (order > 1)
        {
            r.Skip(4);
            for (var m = 0; m < order - 2; m++)
            {
                middleProb[m] = r.Floats(QuantTableSize);
                middleBackoff[m] = r.Floats(QuantTableSize);
            }
            longestProb = r.Floats(QuantTableSize);
        }
        var unigramCount = (int)counts[0];
        var uniProb = new float[unigramCount + 1];
        var uniBackoff = new float[unigramCount + 1];
        var uniNext = new uint[unigramCount + 1];
        for (var i = 0; i <= unigramCount; i++)
        {
            uniProb[i] = r.Float();
            uniBackoff[i] = r.Float();
            uniNext[i] = r.UInt32();
        }
        var wordBits = RequiredBits((uint)counts[0]);
        var middles = new PackedArray[Math.Max(0, order - 2)];
        PackedArray? longest = null;
        if (order > 1)
        {
            for (var m = 0; m < order - 2; m++)
            {
                var nextBits = RequiredBits((uint)counts[m + 2]);
                middles[m] = new PackedArray(bytes, r.Position, wordBits, 2 * QuantisedBits, nextBits, counts[m + 1]);
                r.Skip(BaseSize(counts[m + 1], wordBits + 2 * QuantisedBits + nextBits));
            }
            longest = new PackedArray(bytes, r.Position, wordBits, QuantisedBits, 0, counts[order - 1]);
            r.Skip(BaseSize(counts[order - 1], wordBits + QuantisedBits));
        }
        var vocabularyBytes = r.Int32();
        var words = Encoding.UTF8.GetString(r.Bytes(vocabularyBytes)).Split('\0');
        if (words.Length != unigramCount + 1)
        {
            throw new InvalidDataException($"{path}: the vocabulary holds {words.Length - 1} words, the header says {unigramCount} unigrams.");
        }
        words = words[..^1];

        var builder = new NgramTrieBuilder(words, order);
        for (var i = 0; i < unigramCount; i++)
        {
            builder.SetUnigram(i, Ln(uniProb[i]), Ln(uniBackoff[i]));
        }
        var held = new long[order];
        held[0] = unigramCount;
        if (order > 1)
        {
            var walker = new Walker(builder, middles, longest!, middleProb, middleBackoff, longestProb, order, held, path);
            for (var w = 0; w < unigramCount; w++)
            {
                var (first, end) = (uniNext[w], uniNext[w + 1]);
                walker.Visit(1, first, end, [w]);
            }
        }
        return new SphinxTrieRead(builder.Build(), counts, held);
    }

    private static float Ln(float logBase10001) => (float)(logBase10001 * s_lnLogBase);

    // Bytes of one packed array of `entries` (+1 for the end pointer) entries of `bits` bits, plus 8 bytes of slack
    // that Sphinx leaves so 64-bit reads never run off the end.
    private static long BaseSize(long entries, int bits) => ((1 + entries) * bits + 7) / 8 + 8;

    private static int RequiredBits(uint max)
    {
        var bits = 0;
        for (; max != 0; max >>= 1)
        {
            bits++;
        }
        return bits;
    }

    // Walks the reversed trie depth first; `reversed` holds the path from the predicted word back into the history.
    private sealed class Walker(NgramTrieBuilder builder, PackedArray[] middles, PackedArray longest, float[][] middleProb, float[][] middleBackoff,
                                float[] longestProb, int order, long[] held, string path)
    {
        public void Visit(int depth, uint first, uint end, int[] reversed)
        {
            var isLongest = depth == order - 1;
            var array = isLongest ? longest : middles[depth - 1];
            if (end < first || end > array.Capacity)
            {
                throw new InvalidDataException($"{path}: a child range [{first}, {end}) of the {depth + 1}-grams lies outside the {array.Capacity} allotted.");
            }
            var ngram = new int[depth + 1];
            var next = new int[depth + 1];
            Array.Copy(reversed, next, depth);
            for (var e = first; e < end; e++)
            {
                var word = (int)array.Word(e);
                next[depth] = word;
                for (var i = 0; i <= depth; i++)
                {
                    ngram[i] = next[depth - i];
                }
                if (isLongest)
                {
                    builder.Add(ngram, Ln(longestProb[array.Field(e, 0, QuantisedBits)]), 0f);
                }
                else
                {
                    var backoff = middleBackoff[depth - 1][array.Field(e, 0, QuantisedBits)];
                    var prob = middleProb[depth - 1][array.Field(e, QuantisedBits, QuantisedBits)];
                    builder.Add(ngram, Ln(prob), Ln(backoff));
                    Visit(depth + 1, array.Next(e), array.Next(e + 1), next);
                }
                held[depth]++;
            }
        }
    }

    // One of Sphinx's bit-packed arrays: entries of [word | payload | next pointer], little-endian bit order.
    private sealed class PackedArray(byte[] bytes, long offset, int wordBits, int payloadBits, int nextBits, long capacity)
    {
        private readonly int _total = wordBits + payloadBits + nextBits;

        public long Capacity => capacity;

        public uint Word(long entry) => Bits(entry * _total, wordBits);

        public uint Field(long entry, int at, int bits) => Bits(entry * _total + wordBits + at, bits);

        public uint Next(long entry) => Bits(entry * _total + wordBits + payloadBits, nextBits);

        private uint Bits(long bit, int count)
        {
            var at = offset + (bit >> 3);
            if (at + 8 > bytes.Length)
            {
                throw new InvalidDataException("The n-gram arrays end early: the file is truncated.");
            }
            var value = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan((int)at, 8));
            return (uint)((value >> (int)(bit & 7)) & ((1UL << count) - 1));
        }
    }

    // Reads little-endian values with a clear error at the end of the file.
    private sealed class Cursor(byte[] bytes, string path)
    {
        public long Position { get; private set; }

        public void Skip(long count)
        {
            Need(count);
            Position += count;
        }

        public byte Byte()
        {
            Need(1);
            return bytes[Position++];
        }

        public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4));

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        public float Float() => BinaryPrimitives.ReadSingleLittleEndian(Bytes(4));

        public float[] Floats(int count)
        {
            var values = new float[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = Float();
            }
            return values;
        }

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count < 0)
            {
                throw new InvalidDataException($"{path}: a negative length ({count}) at byte {Position}.");
            }
            Need(count);
            var span = bytes.AsSpan((int)Position, count);
            Position += count;
            return span;
        }

        private void Need(long count)
        {
            if (Position + count > bytes.Length)
            {
                throw new InvalidDataException($"{path} ends at byte {bytes.Length:N0} where {Position + count:N0} are needed: the file is truncated.");
            }
        }
    }
}

/// <summary>
/// A Sphinx trie model read: the model, the n-gram counts its header declares, and those its trie really holds
/// (they differ in CMU's en-us model).
/// </summary>
public sealed record SphinxTrieRead(NgramLanguageModel Model, IReadOnlyList<long> DeclaredCounts, IReadOnlyList<long> HeldCounts);
