using NeuroNav.TestKit.Clients;

namespace NeuroNav.Publish.Tests.Fixtures;

/// <summary>A Python client reading the bucket: skipped with the reason where moto or the module is absent, unless CI requires them.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PythonS3FactAttribute : FactAttribute
{
    public PythonS3FactAttribute(string module)
    {
        if (new S3FactAttribute().Skip is { } s3)
        {
            Skip = s3;
        }
        else if (PythonClients.SkipReason(module) is { } reason)
        {
            Skip = reason;
        }
    }
}
