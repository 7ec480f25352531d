using System.Diagnostics;

namespace NeuroNav.Corpus.Bench;

/// <summary>
/// Process CPU time since start: on a shared, overloaded machine wall-clock rates mostly measure the neighbours, CPU-seconds
/// measure the code (includes GC threads).
/// </summary>
internal readonly struct CpuTime
{
    private readonly TimeSpan start;

    private CpuTime(TimeSpan start) => this.start = start;

    public double Seconds => (Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds;

    public static CpuTime Start() => new(Process.GetCurrentProcess().TotalProcessorTime);
}
