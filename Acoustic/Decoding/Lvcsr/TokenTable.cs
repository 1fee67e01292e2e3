namespace AcousticDistill.Acoustic.Decoding.Lvcsr;

/// <summary>
/// The tokens of one frame: one per (history, state), found through an open-addressing hash table keyed by both, so
/// recombining two paths into the same state of the same tree copy costs a probe rather than a dictionary entry.
/// Cleared in time proportional to what it held. Not thread-safe; a decoder owns two and swaps them each frame.
/// </summary>
internal sealed class TokenTable
{
    private int[] _slots = new int[1 << 12]; // token index + 1, 0 = empty
    private int _mask = (1 << 12) - 1;

    public int Count { get; private set; }

    public int[] History = new int[1024];
    public int[] State = new int[1024];
    public float[] Score = new float[1024];
    public int[] Link = new int[1024];
    public int[] WordStart = new int[1024];
    public float[] LookAhead = new float[1024]; // the LM look-ahead held in Score while the word is undecided

    /// <summary>
    /// The index of the token for (history, state), added with score −∞ when absent (<paramref name="added"/> true).
    /// </summary>
    public int Find(int history, int state, out bool added)
    {
        if (Count * 2 >= _slots.Length)
        {
            Grow();
        }
        var slot = Hash(history, state) & _mask;
        while (true)
        {
            var at = _slots[slot];
            if (at == 0)
            {
                var index = Count++;
                if (index == History.Length)
                {
                    Resize(index * 2);
                }
                History[index] = history;
                State[index] = state;
                Score[index] = float.NegativeInfinity;
                _slots[slot] = index + 1;
                added = true;
                return index;
            }
            if (History[at - 1] == history && State[at - 1] == state)
            {
                added = false;
                return at - 1;
            }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Empties the table.</summary>
    public void Clear()
    {
        if (Count < _slots.Length / 8)
        {
            for (var i = 0; i < Count; i++)
            {
                var slot = Hash(History[i], State[i]) & _mask;
                while (_slots[slot] != 0)
                {
                    _slots[slot] = 0;
                    slot = (slot + 1) & _mask;
                }
            }
        }
        else
        {
            Array.Clear(_slots);
        }
        Count = 0;
    }

    private static int Hash(int history, int state) => (int)(((uint)history * 0x9E3779B1u) ^ ((uint)state * 0x85EBCA77u) ^ ((uint)state >> 15));

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        _mask = _slots.Length - 1;
        for (var i = 0; i < Count; i++)
        {
            var slot = Hash(History[i], State[i]) & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }
            _slots[slot] = i + 1;
        }
    }

    private void Resize(int size)
    {
        Array.Resize(ref History, size);
        Array.Resize(ref State, size);
        Array.Resize(ref Score, size);
        Array.Resize(ref Link, size);
        Array.Resize(ref WordStart, size);
        Array.Resize(ref LookAhead, size);
    }
}
