using NeuroNav.TestKit.Clients;

namespace NeuroNav.EndToEnd.Tests.Precompressed;

/// <summary>A test of a Python client: skipped with the reason where the module is absent, unless CI requires it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute(string module)
    {
        if (PythonClients.SkipReason(module) is { } reason)
        {
            Skip = reason;
        }
    }
}
