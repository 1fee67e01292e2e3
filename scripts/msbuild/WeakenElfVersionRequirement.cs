// MSBuild inline task (RoslynCodeTaskFactory). Marks one symbol-version requirement of an ELF shared
// library as WEAK, so the dynamic loader tolerates its absence.
//
// Why: TorchSharp 0.107's libLibTorchSharp.so needs GLIBCXX_3.4.32, which Debian 12's libstdc++ lacks;
// the only symbol bound to it (std::ios_base_library_init) is never called. A weak requirement that is
// missing is ignored by ld.so, so the library loads. The patch is idempotent and touches one 16-bit field.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class WeakenElfVersionRequirement : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string Version { get; set; } = "";

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            var path = item.ItemSpec;
            try
            {
                var outcome = Patch(path, Version);
                Log.LogMessage(MessageImportance.Low, "{0}: {1} {2}", path, Version, outcome);
            }
            catch (Exception ex) when (ex is IOException || ex is InvalidDataException || ex is UnauthorizedAccessException)
            {
                Log.LogError("Could not weaken {0} in {1}: {2}", Version, path, ex.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    private static string Patch(string path, string version)
    {
        var elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F' || elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("not a little-endian 64-bit ELF file");
        }
        var sectionTable = (long)BitConverter.ToUInt64(elf, 0x28);
        var sectionSize = BitConverter.ToUInt16(elf, 0x3a);
        var sectionCount = BitConverter.ToUInt16(elf, 0x3c);
        for (var i = 0; i < sectionCount; i++)
        {
            var header = (int)(sectionTable + (long)i * sectionSize);
            if (BitConverter.ToUInt32(elf, header + 4) != ShtGnuVerneed)
            {
                continue;
            }
            var offset = (int)BitConverter.ToUInt64(elf, header + 0x18);
            var link = BitConverter.ToUInt32(elf, header + 0x28);
            var stringHeader = (int)(sectionTable + (long)link * sectionSize);
            var strings = (int)BitConverter.ToUInt64(elf, stringHeader + 0x18);
            return PatchVerneed(path, elf, offset, strings, version);
        }
        return "absent (no version-needs section)";
    }

    private static string PatchVerneed(string path, byte[] elf, int need, int strings, string version)
    {
        while (true)
        {
            var count = BitConverter.ToUInt16(elf, need + 2);
            var aux = need + (int)BitConverter.ToUInt32(elf, need + 8);
            for (var j = 0; j < count; j++)
            {
                var name = ReadString(elf, strings + (int)BitConverter.ToUInt32(elf, aux + 8));
                if (name == version)
                {
                    var flags = BitConverter.ToUInt16(elf, aux + 4);
                    if ((flags & VerFlagWeak) != 0)
                    {
                        return "already weak";
                    }
                    BitConverter.GetBytes((ushort)(flags | VerFlagWeak)).CopyTo(elf, aux + 4);
                    // Write to a temp file and rename, so a concurrent loader never sees a torn file.
                    var temp = path + ".weaken.tmp";
                    File.WriteAllBytes(temp, elf);
                    File.Replace(temp, path, null);
                    return "marked weak";
                }
                aux += (int)BitConverter.ToUInt32(elf, aux + 12);
            }
            var next = BitConverter.ToUInt32(elf, need + 12);
            if (next == 0)
            {
                return "not required";
            }
            need += (int)next;
        }
    }

    private static string ReadString(byte[] elf, int start)
    {
        var end = start;
        while (elf[end] != 0)
        {
            end++;
        }
        return Encoding.ASCII.GetString(elf, start, end - start);
    }
}
