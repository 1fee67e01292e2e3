using System.Runtime.InteropServices;

namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>
/// P/Invoke surface of libespeak-ng.so.1 (speak_lib.h, API revision 12). Only what the synthesizer needs.
/// </summary>
internal static unsafe partial class EspeakNative
{
    private const string Library = "libespeak-ng.so.1";

    public const int AudioOutputSynchronous = 2;
    public const int InitializePhonemeEvents = 0x0001;
    public const int InitializeDontExit = 0x8000;
    public const uint CharsUtf8 = 1;
    public const uint EndPause = 0x1000;

    public const int EventListTerminated = 0;
    public const int EventWord = 1;
    public const int EventEnd = 5;
    public const int EventMessageTerminated = 6;
    public const int EventPhoneme = 7;

    public const int ParameterRate = 1;
    public const int ParameterPitch = 3;

    /// <summary>
    /// <c>espeak_EVENT</c> on x64: six 4-byte ints (type, unique_identifier, text_position, length,
    /// audio_position, sample), then the 8-byte user_data pointer at offset 24 and the 8-byte id union at 32.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 40)]
    public struct Event
    {
        [FieldOffset(0)] public int Type;
        [FieldOffset(4)] public uint UniqueIdentifier;
        [FieldOffset(8)] public int TextPosition;
        [FieldOffset(12)] public int Length;
        [FieldOffset(16)] public int AudioPositionMs;
        [FieldOffset(20)] public int Sample;
        [FieldOffset(24)] public nint UserData;
        [FieldOffset(32)] public long Id;
    }

    [LibraryImport(Library, EntryPoint = "espeak_Initialize", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Initialize(int output, int bufferLengthMs, string? path, int options);

    [LibraryImport(Library, EntryPoint = "espeak_SetSynthCallback")]
    public static partial void SetSynthCallback(delegate* unmanaged[Cdecl]<short*, int, Event*, int> callback);

    [LibraryImport(Library, EntryPoint = "espeak_SetVoiceByName", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetVoiceByName(string name);

    [LibraryImport(Library, EntryPoint = "espeak_SetParameter")]
    public static partial int SetParameter(int parameter, int value, int relative);

    [LibraryImport(Library, EntryPoint = "espeak_Synth")]
    public static partial int Synth(byte* text, nuint size, uint position, int positionType, uint endPosition,
                                    uint flags, uint* uniqueIdentifier, nint userData);

    [LibraryImport(Library, EntryPoint = "espeak_Synchronize")]
    public static partial int Synchronize();
}
