using NeuroNav.Core;

namespace NeuroNav.TestKit.Hostile;

/// <summary>What a fetch must record for a fault that never clears: its coverage status and words its reason must contain.</summary>
public static class FaultOutcomes
{
    public static string ReasonOf(Fault fault) => fault switch
    {
        Fault.RateLimited => "HTTP 429",
        Fault.ServerError => "HTTP 500",
        Fault.Unavailable => "HTTP 503",
        Fault.ConnectionReset => "network error",
        Fault.Stall => "timed out",
        Fault.TruncatedBody => "network error",
        Fault.TruncatedGzip => "is cut short or corrupt: its gzip trailer does not match",
        Fault.OversizedBody => "exceeds the limit of",
        Fault.OffHostRedirect => "(another host) not followed",
        Fault.OtherNeuron => "neuron",
        Fault.LegacyPage => "lexoscope",
        Fault.InvalidUtf8 => "not valid UTF-8",
        Fault.Garbage => "not valid UTF-8",
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    public static CoverageStatus StatusOf(Fault fault) =>
        fault is Fault.OtherNeuron or Fault.LegacyPage or Fault.InvalidUtf8 or Fault.Garbage ? CoverageStatus.Invalid : CoverageStatus.Failed;
}
