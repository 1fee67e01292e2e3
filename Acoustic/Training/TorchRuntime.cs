using TorchSharp;
using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Training;

/// <summary>Process-wide torch settings: device parsing and the intra-op thread budget.</summary>
public static class TorchRuntime
{
    /// <summary>Parses <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>; a clear error if CUDA is asked for but absent.</summary>
    public static Device ParseDevice(string device)
    {
        if (device == "cpu")
        {
            return CPU;
        }
        if (device == "cuda" || device.StartsWith("cuda:", StringComparison.Ordinal))
        {
            if (!cuda.is_available())
            {
                throw new ArgumentException(
                    $"device '{device}' was asked for, but libtorch has no CUDA here. Use --device cpu, or run a build " +
                    "made with -p:TorchBackend=external against a CUDA libtorch (see docs/gpu.md).");
            }
            // "cuda" means the first GPU; an explicit index keeps device comparisons exact.
            return device == "cuda" ? new Device(DeviceType.CUDA, 0) : new Device(device);
        }
        throw new ArgumentException($"device '{device}' is not one of: cpu, cuda, cuda:N.");
    }

    /// <summary>
    /// Sets torch's intra-op thread count. It is global to the process, so hosts call this once at start-up from their one
    /// option (the CLI's <c>--threads</c>, the silo's <c>Compute:TorchThreads</c>); request code never changes it. Threads
    /// started later pick the count up at their first parallel operation.
    /// </summary>
    public static void SetThreads(int threads)
    {
        if (threads < 1)
        {
            throw new ArgumentException("threads must be at least 1.");
        }
        if (get_num_threads() != threads)
        {
            set_num_threads(threads);
        }
    }
}
